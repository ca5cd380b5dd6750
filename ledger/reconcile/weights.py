"""How much a claim weighs when claims must be set aside: one rule, shared by every solver.

Setting aside a set of claims costs the sum of their weights; the engine sets aside the
set of least weight that leaves the rest consistent. Three rules make that weight, each
from what the ledger records about the claim:

1. **Grading, when there is one.** A claim graded on the Admiralty scale (NATO AJP-2.1:
   the source's reliability A-F, the information's credibility 1-6) weighs its grading;
   "cannot be judged" (F, 6) counts as the middle, between the judged grades that speak
   for a source and those that speak against it:

       reliability  A 5  B 4  C 3  F/ungraded 2  D 1  E 0
       credibility  1 4  2 3  3 2  6/ungraded 2  4 1  5 0

       points = 10 + reliability points + credibility points        (10 .. 19)

   The collector who graded it weighed its wording and its source already, so nothing
   below changes a graded claim's points: when graded, grading wins.

2. **Attribution and precision, when there is no grading.** An ungraded exact figure
   attributed to a speaker ("1,968, the Israel Prison Service said") weighs 14, what
   "cannot be judged" weighs; the outlet's own figure, no originator named, 12 (the
   SPEC's origin is "the originator, as UCDP's ``source_original``, not the outlet": a
   figure whose originator is unknown is a retelling of unknown provenance). An ungraded
   figure that is not exact -- its interval holds more than one number ("nearly 2,000",
   "about 1,000", "more than 4,000", "hundreds"), or it is a bare round thousand ("2,000",
   "30,000": one significant digit from 1,000 up, how totals are rounded in copy; its
   interval stays what it says, only its weight changes) -- weighs a quarter of that
   (3.5, or 3 unattributed). Such a figure is a description more often than a count
   ("the first phase freed nearly 2,000"), and its interval comes from a convention the
   speaker did not choose (the SPEC's t = 10% makes "nearly 2,000" 1,800-1,999, so it
   contradicts the 1,778 counted), so its conflict with an exact figure is as likely the
   convention's as a real disagreement. One exact figure outweighs three approximations
   from independent origins; it takes four or five to outweigh it. Two unattributed exact
   figures (24) still outweigh one attributed (14): attribution decides between single
   figures, never against a majority of independent origins.

3. **Independent origins, not rows.** Copies of one figure -- claims about the same
   quantity (:func:`ledger.reconcile.origins.figure_key`) with the same interval from one
   voice (:meth:`ledger.reconcile.origins.OriginIndex.voice`: the speaker, normalised and
   through declared aliases; for an unattributed figure the outlet at the root of its
   ``derived_from`` chain) -- weigh one figure together: ten outlets repeating one
   spokesman's figure, a wire story and its reprints, one outlet repeating itself across
   its pages, are one origin, not ten (circular reporting is not corroboration). Each of
   n copies weighs 1/n of the best-graded copy's weight, so together they weigh what the
   best witness of the figure weighs (a poorly graded reprint adds nothing, and takes
   nothing away). Copies constrain alike, so a least-weight set keeps them all or sets
   them all aside (one kept would reimpose what the others said). When pages attribute
   figures about one quantity to one speaker that cannot both hold (a disputed
   attribution, as in :mod:`ledger.reconcile.origins`), what the speaker said is the
   question, and each outlet reporting it is a witness of its own: those claims are
   grouped by outlet instead (the ICRC's English and French releases and the agencies
   quoting them say 44 wounded, its Portuguese release 25: many witnesses against one).

Weights are integers in units of ``1/UNIT`` point (UNIT = 2520 = lcm(1..10), so the
shares of up to ten copies are exact; beyond that a copy's share is rounded and the
remainder goes to the earliest copies, so every origin's copies still add up to their
points exactly). :func:`points_text` prints a weight in points.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

BASE = 10
RELIABILITY_POINTS = {"A": 5, "B": 4, "C": 3, "F": 2, "D": 1, "E": 0}
CREDIBILITY_POINTS = {1: 4, 2: 3, 3: 2, 6: 2, 4: 1, 5: 0}
UNGRADED_RELIABILITY = RELIABILITY_POINTS["F"]
UNGRADED_CREDIBILITY = CREDIBILITY_POINTS[6]
UNGRADED_EXACT = BASE + UNGRADED_RELIABILITY + UNGRADED_CREDIBILITY  # 14, as graded F6
UNIT = 2520
UNATTRIBUTED = UNGRADED_EXACT - 2  # 12: an outlet's own figure, no originator named


def grading_weight(reliability: str | None, credibility: int | None) -> int:
    """The points (an int in 10..19) of a claim graded ``reliability`` (A-F or None) and
    ``credibility`` (1-6 or None); None counts as "cannot be judged". Raises KeyError for
    a grade outside the scale (the importer refuses those)."""
    r = UNGRADED_RELIABILITY if reliability is None else RELIABILITY_POINTS[reliability.upper()]
    c = UNGRADED_CREDIBILITY if credibility is None else CREDIBILITY_POINTS[int(credibility)]
    return BASE + r + c


def is_graded(claim) -> bool:
    return claim.reliability is not None or claim.credibility is not None


def is_exact(claim) -> bool:
    """An exact figure: one number, and not a round thousand ("2,000", "30,000": one
    significant digit from 1,000 up, the way a total is rounded in copy)."""
    if claim.hi is None or claim.lo != claim.hi:
        return False
    return claim.lo < 1000 or len(str(claim.lo).rstrip("0")) > 1


def claim_weight(claim) -> int:
    """The weight, in units, of a claim before copies share it (rules 1 and 2 of the
    module): its grading when graded; else 14 points for an exact figure attributed to
    a speaker, 12 for the outlet's own, and a quarter of that for a figure not exact."""
    if is_graded(claim):
        return grading_weight(claim.reliability, claim.credibility) * UNIT
    points = UNGRADED_EXACT if claim.speaker else UNATTRIBUTED
    return points * UNIT if is_exact(claim) else points * UNIT // 4


class Weights(dict):
    """Each claim's weight in units, by seq; ``copies[seq]``: how many copies of its
    figure from one voice share that origin's weight (1: none)."""

    def __init__(self):
        super().__init__()
        self.copies: dict[int, int] = {}


def claim_weights(claims: Iterable, origins) -> Weights:
    """Each claim's weight in units (by ``seq``): rules 1 and 2, shared among the copies
    of its figure from one voice (rule 3); ``origins`` is an
    :class:`~ledger.reconcile.origins.OriginIndex` over (at least) these claims."""
    from .origins import disputed, figure_key

    quantities: dict[tuple, list] = defaultdict(list)
    for claim in claims:
        quantities[figure_key(claim)].append(claim)
    groups: dict[tuple, list] = defaultdict(list)
    for key, group in quantities.items():
        against = disputed(group, origins.origin)
        for claim in group:
            # A speaker to whom pages attribute figures that cannot both hold: which one
            # they said is what the pages dispute, so each outlet is a witness of its own.
            voice = origins.outlet(claim) if origins.origin(claim) in against else origins.voice(claim)
            groups[(key, claim.lo, claim.hi, voice)].append(claim)
    weights = Weights()
    for copies in groups.values():
        copies.sort(key=lambda c: c.seq)
        n = len(copies)
        total = max(claim_weight(c) for c in copies)  # the best-graded copy's
        shares = [total // n] * n
        for i in range(total - sum(shares)):  # what rounding down lost, to the earliest copies
            shares[i % n] += 1
        for claim, share in zip(copies, shares, strict=True):
            weights[claim.seq] = share
            weights.copies[claim.seq] = n
    return weights


def points_text(weight: int) -> str:
    """A weight in units as points for people: 14, 7, 4.7."""
    value = round(weight / UNIT, 1)
    return f"{value:g}"


def describe(claim, weight: int, copies: int = 1) -> str:
    """Why a claim weighs what it does, in words: "C5 weighs 3.5, ungraded, not exact"."""
    if is_graded(claim):
        how = f"graded {claim.reliability or '-'}{claim.credibility or '-'}"
    else:
        how = "ungraded, exact" if is_exact(claim) else "ungraded, not exact"
    shared = (f"; one of {copies} copies of one origin's figure, which weigh "
              f"{points_text(weight * copies)} together") if copies > 1 else ""
    return f"{claim.id} weighs {points_text(weight)} ({how}{shared})"
