"""Conflicts: irreducible sets of claims that cannot all be true, and the policy that
excludes claims until the rest is consistent.

A negative cycle of the constraint graph is a set of claims that cannot all be true. It
is then reduced by a deletion filter (drop each claim in turn, keep it out if the rest is
still inconsistent) to an irreducible set: every claim listed is needed for the
contradiction, and every proper subset is consistent.

The tie-break policy (deterministic; :mod:`ledger.reconcile.fewest` sets aside the
least-weight set of claims and uses this order only between sets of equal weight): set
aside first

1. the worst-graded source (Admiralty reliability A best .. F worst; ungraded counts as F,
   "cannot be judged"), then the worst-graded information (credibility 1 .. 6, ungraded 6);
2. a figure resting on a single origin before one corroborated by independent origins;
3. a figure whose date was inferred (no ``as_of`` given) before a dated one;
4. the older publication, then the older recording (lower chain position).
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
    """Smaller is excluded first."""
    return (
        -RELIABILITY_RANK.get(claim.reliability or "F", 6),
        -(claim.credibility or 6),
        origins,
        0 if claim.as_of_inferred else 1,
        claim.source.published.first if claim.source.published else date.min,  # unknown: earliest
        claim.seq,
    )


_REASONS = (
    "its source is graded lowest",
    "its information is graded lowest",
    "it rests on fewer independent origins",
    "its date was inferred, not stated",
    "it was published earliest",
    "it was recorded earliest",
)


def policy_reason(first: tuple, second: tuple) -> str:
    """Why the policy sets aside the claim keyed ``first`` before the one keyed ``second``."""
    decided = next((i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), len(_REASONS) - 1)
    return _REASONS[decided]
