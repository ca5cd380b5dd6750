"""Which version of each claim is in effect: pure, over claims and corrections in seq order.

An amendment replaces the whole content of a claim (its id and ref stay); a retraction
takes the claim out from the moment it is recorded. Nothing is removed from the ledger:
the original and every correction stay readable through ``pxl show``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Iterable, Mapping

from .model import Action, Claim, Correction, Source


def apply_corrections(
    originals: Iterable[Claim],
    corrections: Iterable[Correction],
    sources: Mapping[int, Source],
    *,
    include_retracted: bool = False,
) -> list[Claim]:
    by_claim: dict[int, list[Correction]] = defaultdict(list)
    for correction in corrections:
        by_claim[correction.claim_seq].append(correction)
    effective: list[Claim] = []
    for claim in originals:
        applied = by_claim.get(claim.seq)
        if applied:
            claim = corrected(claim, sorted(applied, key=lambda c: c.seq), sources)
        if include_retracted or claim.status != "retracted":
            effective.append(claim)
    return effective


def corrected(claim: Claim, corrections: list[Correction], sources: Mapping[int, Source]) -> Claim:
    """``claim`` after ``corrections`` (in seq order)."""
    for correction in corrections:
        if correction.action is Action.RETRACT:
            claim = replace(claim, status="retracted")
        else:
            assert correction.content is not None
            claim = replace(
                claim,
                content=correction.content,
                source=sources[correction.content.source_seq],
                fingerprint=correction.fingerprint or claim.fingerprint,
                status="amended" if claim.status != "retracted" else "retracted",
            )
    return replace(claim, corrections=tuple(c.id for c in corrections))
