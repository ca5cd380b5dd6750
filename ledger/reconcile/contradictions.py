"""Direct contradictions: two claims that cannot both hold, found for every claim at once.

In the constraint graph (:mod:`ledger.reconcile.graph`) an upper bound is an edge forward
in time, ``u -> v`` of weight ``hi`` (at most ``hi`` released between u and v), a lower
bound an edge backward, ``q -> p`` of weight ``-lo`` (at least ``lo`` between p and q), and
"a total cannot fall" lets a cycle step back in time for free. So an upper bound A and a
lower bound B close a negative cycle of two claims exactly when B's span lies inside A's
(``u <= p`` and ``q <= v``) and ``hi_A < lo_B``: at most ``hi_A`` over a stretch of time,
but at least ``lo_B`` over a part of it. Two totals on one date that cannot both hold, a
total below an earlier total, a batch larger than the total by its date: all are this.
(Two upper bounds or two lower bounds never contradict each other.)

Every such pair is a two-claim irreducible conflict. There can be quadratically many (a
series of n falling totals has n(n-1)/2), so for each lower bound, grouped with the lower
bounds that say the same (same span, same figure), :func:`direct_contradictions` names
the nearest contradicting upper bound, with the upper bounds that agree with it, and
counts the rest; an upper bound named by none of these is listed against the largest
lower bound it contradicts. So every claim that contradicts another directly is named in
a contradiction with one it contradicts, and the output is linear in the claims.

Cost: per distinct start of an upper bound's span, a sweep over the lower bounds inside
its reach with a Fenwick tree, O(n log n) for totals (one start, the origin) and batches
of a day (their reach is the day); long overlapping periods with many distinct starts are
the slow case.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from .graph import Edge


@dataclass(frozen=True)
class DirectContradiction:
    """Lower bounds that agree (``lows``: one span, one figure) contradicted by the
    nearest upper bounds that agree (``highs``); ``more`` other upper bounds contradict
    the lows too (their claims are counted, not named)."""

    lows: tuple[Edge, ...]
    highs: tuple[Edge, ...]
    more: int


class _MinCount:
    """Fenwick tree over ranks: count of points at or below a rank, and their least key."""

    def __init__(self, size: int):
        self.count = [0] * (size + 1)
        self.least: list[tuple | None] = [None] * (size + 1)

    def add(self, rank: int, key: tuple) -> None:
        i = rank + 1
        while i < len(self.count):
            self.count[i] += 1
            if self.least[i] is None or key < self.least[i]:
                self.least[i] = key
            i += i & -i

    def query(self, rank: int) -> tuple[int, tuple | None]:
        """(count, least key) over ranks 0..rank."""
        total, best = 0, None
        i = rank + 1
        while i > 0:
            total += self.count[i]
            if self.least[i] is not None and (best is None or self.least[i] < best):
                best = self.least[i]
            i -= i & -i
        return total, best


def direct_contradictions(edges: Iterable[Edge]) -> list[DirectContradiction]:
    """Every direct contradiction among the claim edges ``edges`` (see the module), one
    per group of agreeing lower bounds, in the order of their earliest claim."""
    highs_by_start: dict[int, list[Edge]] = defaultdict(list)
    high_groups: dict[tuple[int, int, int], list[Edge]] = defaultdict(list)
    low_groups: dict[tuple[int, int, int], list[Edge]] = defaultdict(list)
    for edge in edges:
        if edge.side == "hi":
            highs_by_start[edge.tail].append(edge)
            high_groups[(edge.tail, edge.head, edge.weight)].append(edge)
        elif edge.side == "lo":
            low_groups[(edge.head, edge.tail, -edge.weight)].append(edge)  # (p, q, lo)
    if not highs_by_start or not low_groups:
        return []
    queries = sorted(low_groups)  # by p, the start of the lower bound's span
    starts_of_queries = [p for p, _, _ in queries]
    nearest: dict[tuple[int, int, int], tuple] = {}
    counts: dict[tuple[int, int, int], int] = defaultdict(int)
    against: dict[tuple[int, int, int], tuple[int, int, int]] = {}  # high group -> a low group
    for start, highs in highs_by_start.items():
        reach = max(e.head for e in highs)
        inside = [q for q in queries[bisect_left(starts_of_queries, start):] if q[1] <= reach]
        if not inside:
            continue
        values = sorted({e.weight for e in highs})
        tree = _MinCount(len(values))
        # Each upper bound against the largest lower bound inside it (for the upper bounds
        # that no lower bound names as its nearest): a running maximum over spans' ends.
        strongest = None
        by_end = sorted(inside, key=lambda q: q[1])
        j = 0
        for e in sorted(highs, key=lambda e: e.head):
            while j < len(by_end) and by_end[j][1] <= e.head:
                if strongest is None or by_end[j][2] > strongest[2]:
                    strongest = by_end[j]
                j += 1
            if strongest is not None and strongest[2] > e.weight:
                against.setdefault((e.tail, e.head, e.weight), strongest)
        highs.sort(key=lambda e: -e.head)
        inside.sort(key=lambda q: -q[1])
        i = 0
        for p, q, lo in inside:
            while i < len(highs) and highs[i].head >= q:
                e = highs[i]
                tree.add(bisect_left(values, e.weight), (e.head, e.weight, -e.tail, e.claim.seq))
                i += 1
            below = bisect_left(values, lo) - 1  # ranks of upper bounds < lo
            if below < 0:
                continue
            count, least = tree.query(below)
            if not count:
                continue
            key = (p, q, lo)
            counts[key] += count
            head, weight, minus_tail, _ = least
            distance = (head - q + p + minus_tail, weight)
            if key not in nearest or distance < nearest[key][0]:
                nearest[key] = (distance, (-minus_tail, head, weight))
    found = []
    named = set()
    for key, (_, high_key) in nearest.items():
        lows = tuple(sorted(low_groups[key], key=lambda e: e.claim.seq))
        highs = tuple(sorted(high_groups[high_key], key=lambda e: e.claim.seq))
        found.append(DirectContradiction(lows, highs, counts[key] - len(highs)))
        named.add(high_key)
    for high_key, key in against.items():
        if high_key not in named:
            lows = tuple(sorted(low_groups[key], key=lambda e: e.claim.seq))
            highs = tuple(sorted(high_groups[high_key], key=lambda e: e.claim.seq))
            found.append(DirectContradiction(lows, highs, 0))
    found.sort(key=lambda d: min(e.claim.seq for e in d.lows + d.highs))
    return found


__all__ = ["DirectContradiction", "direct_contradictions"]
