"""How much a claim weighs when claims must be set aside: one rule, shared by every solver.

Setting aside a set of claims costs the sum of their weights; the engine sets aside the
set of least weight that leaves the rest consistent. A weight comes from the claim's
Admiralty grading (NATO AJP-2.1): the source's reliability A-F and the information's
credibility 1-6. "Cannot be judged" (F, 6) and an ungraded claim weigh the same, between
the judged grades that speak for a source and those that speak against it:

    reliability  A 5  B 4  C 3  F/ungraded 2  D 1  E 0
    credibility  1 4  2 3  3 2  6/ungraded 2  4 1  5 0

    weight = 10 + reliability points + credibility points        (10 .. 19)

So every weight lies in [10, 19]: one claim always weighs less than any two (10 + 10 >
19), and setting aside fewer claims always wins; the grading decides between sets of the
same size, and between a few well-graded claims and more badly graded ones (three claims
graded E5 weigh 30, less than two graded A1, 38). Ungraded claims all weigh 14, so on an
ungraded collection the least weight is the fewest claims.
"""

from __future__ import annotations

BASE = 10
RELIABILITY_POINTS = {"A": 5, "B": 4, "C": 3, "F": 2, "D": 1, "E": 0}
CREDIBILITY_POINTS = {1: 4, 2: 3, 3: 2, 6: 2, 4: 1, 5: 0}
UNGRADED_RELIABILITY = RELIABILITY_POINTS["F"]
UNGRADED_CREDIBILITY = CREDIBILITY_POINTS[6]


def grading_weight(reliability: str | None, credibility: int | None) -> int:
    """The weight (an int in 10..19) of a claim graded ``reliability`` (A-F or None) and
    ``credibility`` (1-6 or None); None counts as "cannot be judged". Raises KeyError for
    a grade outside the scale (the importer refuses those)."""
    r = UNGRADED_RELIABILITY if reliability is None else RELIABILITY_POINTS[reliability.upper()]
    c = UNGRADED_CREDIBILITY if credibility is None else CREDIBILITY_POINTS[int(credibility)]
    return BASE + r + c


def claim_weight(claim) -> int:
    """:func:`grading_weight` of anything with ``reliability`` and ``credibility``
    (a :class:`~ledger.model.Claim` or :class:`~ledger.model.Figure`)."""
    return grading_weight(claim.reliability, claim.credibility)
