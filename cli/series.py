"""``pxl series`` and how a series is named on the command line.

Wherever a command takes a series (``--series``, ``pxl why SERIES``) it accepts the full
key, an unambiguous prefix of it, or its number in ``pxl series``: a name such as
``afghan-government->taliban`` holds a ``>`` that an unquoted shell word turns into a
redirect, so the short forms spare the quoting. Shell completion offers the names.
"""

from __future__ import annotations

import os

import click

from pxl.ledger.english import count
from pxl.ledger.model import series_not_found, series_with_parents

from .context import AppContext, PxlError, pass_app
from .output import emit, format_option, say

SERIES_COLUMNS = ("#", "series", "claims", "date", "low", "high", "discrepancies")


def series_names(app: AppContext, as_known_at: str | None = None) -> list[str]:
    """Every series and scope with an effective claim, and every scope above one (a parent
    is reconciled and listed even when only its parts have claims), in the order (and
    numbering, from 1) of ``pxl series``: sorted, so that a scope follows its parent."""
    return series_with_parents(c.series for c in app.ledger().claims(as_known_at=as_known_at))


def match_series(text: str, names: list[str]) -> tuple[str | None, list[str]]:
    """(the series ``text`` names, the candidates it could name) among ``names``.

    ``text`` names a series when it is one of ``names``, its number (``3`` or ``#3``), or a
    prefix of exactly one, or a prefix of a family (a series and its scopes ``P/...``),
    which names the family's head. Otherwise the first item is None and the candidates
    are the names it is a prefix of (empty when none)."""
    key = text.strip()
    if key in names:
        return key, [key]
    number = key.removeprefix("#")
    if number.isdigit():
        index = int(number)
        return (names[index - 1], [names[index - 1]]) if 1 <= index <= len(names) else (None, [])
    found = [n for n in names if n.startswith(key)]
    if found:
        head = min(found, key=len)
        if all(n == head or n.startswith(head + "/") for n in found):
            return head, found
    return None, found


def resolve_series(app: AppContext, text: str | None, *, required: bool = False) -> str | None:
    """The series key ``text`` names (see :func:`match_series`). A short form taken for a
    name is said on stderr; an ambiguous one is an error listing the candidates. A name
    that matches nothing is returned as given after a warning on stderr (the command
    then reports that nothing matched), unless ``required``, when it is an error."""
    if text is None:
        return None
    names = series_names(app)
    found, candidates = match_series(text, names)
    if found is not None:
        if found != text.strip():
            say(f"series {text!r} taken as {found}", err=True)
        return found
    if candidates:
        shown = ", ".join(candidates[:5]) + (f" and {len(candidates) - 5} more" if len(candidates) > 5 else "")
        raise PxlError(f"series {text!r} is ambiguous: it could be {shown}",
                       "give more of the name, or its number from `pxl series`")
    listing = "`pxl series` lists the series and their numbers"
    if ">" not in text and "-" in text and text.strip().endswith("-"):
        listing += "; quote a name with '>' in it, or the shell reads '>' as a redirect"
    refusal = series_not_found(text, names, listing)
    if required:
        raise PxlError(refusal.message, refusal.hint)
    say(f"warning: {refusal.message}\nHint: {refusal.hint}", err=True)
    return text


def complete_series(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list:
    """Shell completion: the series names starting with what was typed, with ``>`` escaped
    for the shells that read it as a redirect."""
    from click.shell_completion import CompletionItem

    root = ctx.find_root()
    try:
        app = AppContext(url=root.params.get("url") or os.environ.get("PXL_DATABASE_URL") or _default_url())
        names = series_names(app)
        app.close()
    except Exception:  # completion must never print a traceback into the user's prompt
        return []
    escape = not any(os.environ.get(k, "").startswith("fish") for k in os.environ if k.endswith("_COMPLETE"))
    return [CompletionItem(n.replace(">", "\\>") if escape else n) for n in names if n.startswith(incomplete)]


def _default_url() -> str:
    from pxl.ledger.db import DEFAULT_URL

    return DEFAULT_URL


def series_option(function):
    """``--series`` as a filter: a full name, a prefix or a number, completed by the shell."""
    return click.option(
        "--series", shell_complete=complete_series, metavar="SERIES",
        help="Only this series: its name, an unambiguous prefix, or its number in `pxl series`.",
    )(function)


@click.command("series")
@click.option("--as-known-at", metavar="TIMESTAMP", help="The series as recorded by then.")
@format_option("table", "csv", "json", "jsonl")
@pass_app
def series_command(app: AppContext, as_known_at: str | None, fmt: str) -> None:
    """Every series and scope: its number, claims, latest low and high, discrepancies.

    The number (or an unambiguous prefix) may stand for the name wherever a series is
    asked for, e.g. `pxl why 2` or `pxl list --series afghan`.

    \b
    Example:
      pxl series
      pxl series --format json
    """
    from .reconciling import reconciled

    result, _, _ = reconciled(app, None, as_known_at)
    names = sorted(s.series for s in result.series)
    by_name = {s.series: s for s in result.series}
    discrepancies: dict[str, int] = {}
    for d in result.discrepancies:
        discrepancies[d.series] = discrepancies.get(d.series, 0) + 1
    rows = []
    for number, name in enumerate(names, start=1):
        s = by_name[name]
        latest = s.latest
        rows.append({
            "#": number, "series": name, "claims": len(s.claims),
            "date": latest.date.isoformat() if latest else None,
            "low": latest.low if latest else None,
            "high": (latest.high if latest.high is not None else "open") if latest else None,
            "discrepancies": discrepancies.get(name, 0),
        })
    if fmt in ("json", "jsonl"):
        rows = [{("number" if k == "#" else k): (None if v == "open" else v) for k, v in r.items()} for r in rows]
        emit(rows, fmt, SERIES_COLUMNS)
        return
    if not rows:
        say("no series yet: `pxl import FILE` or `pxl record` adds figures")
        return
    if fmt == "csv":
        emit(rows, fmt, SERIES_COLUMNS, SERIES_COLUMNS)
        return
    table = [{k: (f"{v:,}" if isinstance(v, int) and k in ("low", "high") else v) for k, v in r.items()} for r in rows]
    emit(table, fmt, SERIES_COLUMNS)
    total = sum(r["claims"] for r in rows)
    say(f"\n{count(len(rows), 'series')}, {count(total, 'claim')}; "
               "a number or unambiguous prefix can stand for a name")


def register(group: click.Group) -> None:
    group.add_command(series_command)
