"""What setting a claim aside costs: one rule for every exclusion search.

The weight of a claim grows with its source grading (Admiralty): reliability A..F counts
6..1 and credibility 1..6 counts 6..1; ungraded counts as the worst grade ("cannot be
judged"). So an ungraded claim weighs 1 + 1 - 1 = 1, and A1 weighs 11: setting aside one
A1 figure costs as much as eleven ungraded ones. Among sets of equal weight the one
chosen sets aside the claims that :func:`exclusion_order` puts first.
"""

from __future__ import annotations

from typing import Iterable

from .conflicts import RELIABILITY_RANK, exclusion_key


def exclusion_weight(claim) -> int:
    reliability = 7 - RELIABILITY_RANK.get(claim.reliability or "F", 6)
    credibility = 7 - (claim.credibility or 6)
    return reliability + credibility - 1


def exclusion_order(claims: Iterable) -> list:
    """Claims in the order the exclusion policy sets them aside, first first (see
    :mod:`ledger.reconcile.conflicts`; corroboration is not counted here)."""
    return sorted(claims, key=lambda c: exclusion_key(c, 0))
