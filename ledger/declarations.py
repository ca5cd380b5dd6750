"""Declarations: what a user states about scopes and origins, as checked content and as
the set in effect after retractions and amendments. Pure.

- ``complete SERIES``: the scope ``SERIES`` is covered by its parts, so at every date its
  total equals the sum of its direct parts' totals (without it, the total is at least that
  sum). SERIES is a series key (``hamas->hostages``, ``hamas->hostages/foreign``).
- ``alias NAME OTHER``: the speaker names NAME and OTHER are one origin (``NSC`` and
  ``Afghan National Security Council``), for corroboration.

A retraction or amendment is an entry of its own naming the declaration it corrects; the
declaration in effect keeps its first id (``D9``) with its latest content.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from typing import Iterable

from .errors import FieldError, Notice
from .model import SERIES_PATTERN, Declaration, DeclarationAction, DeclarationKind

MAX_NAME = 300


def declaration_errors(kind: DeclarationKind, subject: str, object: str | None, reason: str) -> list[FieldError]:
    """What is wrong with a declaration's content (empty if nothing)."""
    errors = []
    if not reason.strip():
        errors.append(FieldError("reason", reason, "a declaration needs a reason: who says so, and where"))
    if kind is DeclarationKind.COMPLETE:
        if not SERIES_PATTERN.match(subject):
            errors.append(FieldError(
                "subject", subject, "is not a series key; expected RELEASING->RELEASED[/part...], "
                "e.g. hamas->hostages or hamas->hostages/foreign",
            ))
        if object:
            errors.append(FieldError("object", object, "a completeness declaration names one series only"))
    else:
        for column, name in (("subject", subject), ("object", object or "")):
            if not name.strip():
                errors.append(FieldError(column, name, "an alias names two speakers, e.g. \"NSC\" \"Afghan National Security Council\""))
            elif len(name) > MAX_NAME:
                errors.append(FieldError(column, name[:40] + "...", f"is longer than {MAX_NAME} characters"))
        if subject.strip() and object and subject.strip().casefold() == object.strip().casefold():
            errors.append(FieldError("object", object, "names the same speaker as the subject"))
    return errors


def declaration_notices(
    kind: DeclarationKind, subject: str, object: str | None, series: Iterable[str], speakers: Iterable[str],
) -> list[Notice]:
    """What looks like a typo in a valid declaration, given the series keys and speaker
    names of the recorded claims: a series ``complete`` is declared of that has no claim,
    itself or in a part (its parts' totals are what it would equal); an alias name that no
    claim's speaker has (compared as origins are: :func:`speaker_key`). Each names the
    closest recorded name. The declaration is recorded all the same (a scope may be
    declared before its figures are imported): these are warnings, not refusals, as a
    ``--series`` that matches nothing is (``cli/series.py``)."""
    notices = []
    if kind is DeclarationKind.COMPLETE:
        names = sorted(set(series))
        if not any(name == subject or name.startswith(subject + "/") for name in names):
            notices.append(Notice(f"no claim is recorded for the series {subject!r} or any part of it",
                                  _did_you_mean(subject, names, "`pxl series` lists the series")))
        return notices
    from .reconcile.origins import speaker_key  # the one rule for "the same speaker"

    by_key: dict[str, str] = {}
    for name in speakers:
        by_key.setdefault(speaker_key(name), name)
    for name in (subject, object or ""):
        if speaker_key(name) not in by_key:
            close = difflib.get_close_matches(speaker_key(name), list(by_key), n=1, cutoff=0.6)
            notices.append(Notice(f"no claim has the speaker {name!r}",
                                  _did_you_mean(name, [by_key[close[0]]] if close else [],
                                                "`pxl list` shows each claim's speaker", cutoff=0)))
    return notices


def _did_you_mean(text: str, names: list[str], otherwise: str, cutoff: float = 0.6) -> str:
    close = difflib.get_close_matches(text, names, n=1, cutoff=cutoff) if names else []
    return f"did you mean {close[0]!r}?" if close else otherwise


def effective_declarations(entries: Iterable[Declaration], *, include_retracted: bool = False) -> list[Declaration]:
    """The declarations in effect, from every declaration entry in seq order: each first
    declaration with its latest amendment applied, retracted ones left out (or kept with
    status ``retracted``)."""
    current: dict[int, Declaration] = {}
    for entry in entries:
        if entry.action is DeclarationAction.DECLARE:
            current[entry.seq] = entry
            continue
        assert entry.corrects is not None
        before = current.get(entry.corrects)
        if before is None:
            continue  # corrects an entry not in view (e.g. recorded later than --as-known-at)
        if entry.action is DeclarationAction.RETRACT:
            current[entry.corrects] = replace(before, status="retracted", corrections=before.corrections + (entry.id,))
        else:
            current[entry.corrects] = replace(
                before, subject=entry.subject, object=entry.object, status="amended",
                corrections=before.corrections + (entry.id,),
            )
    return [d for d in current.values() if include_retracted or d.status != "retracted"]


def same_statement(declaration: Declaration, kind: DeclarationKind, subject: str, object: str | None) -> bool:
    """Whether ``declaration`` states what (kind, subject, object) states: the same series
    complete, or the same two speakers one origin in either order and compared as origins
    are (:func:`speaker_key`: "NSC" and "nsc" are one name)."""
    if declaration.kind is not kind:
        return False
    if kind is DeclarationKind.COMPLETE:
        return declaration.subject == subject
    from .reconcile.origins import speaker_key

    def pair(a: str, b: str | None) -> frozenset[str]:
        return frozenset((speaker_key(a), speaker_key(b or "")))

    return pair(declaration.subject, declaration.object) == pair(subject, object)


def complete_scopes(declarations: Iterable[Declaration]) -> frozenset[str]:
    """The series keys declared complete."""
    return frozenset(d.subject for d in declarations if d.kind is DeclarationKind.COMPLETE and d.status != "retracted")


def aliases(declarations: Iterable[Declaration]) -> list[tuple[str, str]]:
    """The speaker-name pairs declared one origin."""
    return [(d.subject, d.object or "") for d in declarations
            if d.kind is DeclarationKind.ALIAS and d.status != "retracted"]
