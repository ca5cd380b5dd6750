"""Conflicts: irreducible sets of claims that cannot all be true, and the policy that
excludes claims until the rest is consistent.

A negative cycle of the constraint graph is a set of claims that cannot all be true. It
is then reduced by a deletion filter (drop each claim in turn, keep it out if the rest is
still inconsistent) to an irreducible set: every claim listed is needed for the
contradiction, and every proper subset is consistent.

The tie-break policy (deterministic; :mod:`ledger.reconcile.fewest` sets aside the
least-weight set of claims, weights from :mod:`ledger.reconcile.weights`, and uses this
order only between sets of equal weight): set aside first

1. the worst-graded source (Admiralty reliability A best .. F worst; ungraded counts as F,
   "cannot be judged"), then the worst-graded information (credibility 1 .. 6, ungraded 6);
2. a figure that is not exact (a rounded or one-sided wording) before an exact one;
3. a figure resting on fewer independent origins before one corroborated by more;
4. a figure no speaker is named for (the outlet's own) before an attributed one;
5. a copy (``derived_from`` names what it reprints) before a first-hand report;
6. a figure whose date was inferred (no ``as_of`` given) before a dated one;
7. the older publication (a page without a date counts as oldest): a later one had the
   chance to correct it;
8. only when none of these tells them apart, the older recording, and the reason says so.

Rules 1-3 follow the SPEC (grading, corroboration by independent origins) and the
weights' own rules; 4-5 prefer the originator's word over a retelling, as the origin rule
does (the speaker, "the originator, as UCDP's ``source_original``, not the outlet").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..english import cannot_hold
from ..model import Claim
from .explain import cycle_arithmetic, statement
from .graph import Edge, build
from .shortest import shortest_paths

RELIABILITY_RANK = {grade: rank for rank, grade in enumerate("ABCDEF", start=1)}


@dataclass(frozen=True)
class Conflict:
    claims: tuple[Claim, ...]  # irreducible, in chain order
    cycle: tuple[Edge, ...]
    message: str


def find_cycles(claims: list[Claim]) -> list[list[Edge]]:
    return shortest_paths(build(claims), source=None).cycles


def is_consistent(claims: list[Claim]) -> bool:
    return not find_cycles(claims)


def irreducible(claims: list[Claim]) -> list[Claim]:
    """Shrink an inconsistent set to an irreducible inconsistent subset (deletion filter)."""
    kept = sorted(claims, key=lambda c: c.seq)
    for claim in list(kept):
        trial = [c for c in kept if c.seq != claim.seq]
        if not is_consistent(trial):
            kept = trial
    return kept


def conflict_from_cycle(cycle: list[Edge]) -> Conflict:
    members = {e.claim.seq: e.claim for e in cycle if e.claim is not None}
    core = irreducible(list(members.values()))
    core_cycle = find_cycles(core)[0]
    parts = "; ".join(f"{c.id} {statement(c)}" for c in core)
    message = (
        f"{cannot_hold(len(core), 'claim')}: {parts}: {cycle_arithmetic(core_cycle)}"
    )
    return Conflict(tuple(core), tuple(core_cycle), message)


def exclusion_key(claim: Claim, origins: int) -> tuple:
    """The tie-break policy's order (see the module): smaller is set aside first."""
    return (
        -RELIABILITY_RANK.get(claim.reliability or "F", 6),
        -(claim.credibility or 6),
        1 if claim.hi is not None and claim.lo == claim.hi else 0,
        origins,
        1 if claim.speaker else 0,
        0 if claim.source.derived_from else 1,
        0 if claim.as_of_inferred else 1,
        claim.source.published.first if claim.source.published else date.min,  # unknown: earliest
        claim.seq,
    )


_REASONS = (
    "its source is graded lowest",
    "its information is graded lowest",
    "its figure is not exact",
    "it rests on fewer independent origins",
    "no speaker is named for it",
    "it is a copy of another report",
    "its date was inferred, not stated",
    "it was published earliest",
    "nothing else tells them apart, and it was recorded earliest",
)


def policy_reason(first: tuple, second: tuple) -> str:
    """Why the policy sets aside the claim keyed ``first`` before the one keyed ``second``."""
    decided = next((i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), len(_REASONS) - 1)
    return _REASONS[decided]
