"""The difference-constraint graph of one series.

Per series, C(t) is the number released up to the end of day t; C is an integer, C >= 0
and non-decreasing. Each release claim bounds a difference of two values of C:

- cumulative at t:                 lo <= C(t) - C(origin)  <= hi
- cumulative at t since s:         lo <= C(t) - C(s-1)     <= hi
- increment on day d:              lo <= C(d) - C(d-1)     <= hi   (over s..d: C(d) - C(s-1))

Dates known only to a month or a year are relaxed soundly (:func:`claim_constraints`).

A constraint ``x_v - x_u <= w`` is the edge u -> v of weight w; ``lo <= x_v - x_u <= hi`` is
the edges u -> v (hi) and v -> u (-lo); "non-decreasing" is a 0-weight edge from every node
to the one before it. Nodes are points in time, in order: the origin (before anything was
released, C = 0), then the end of each day a claim mentions. Increments that carry an
``event`` are separate batches of their day: each gets its own slot inside the day, so
batches of one day add up, while increments without an event all describe the whole day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, NamedTuple

from ..model import RELEASE_KINDS, Claim, Kind

# A point in time is one int, ordered as time is: the end of day ``d`` (a date ordinal) is
# ``d * SLOTS + END_OF_DAY``; the end of event slot ``k`` inside it is ``d * SLOTS + k``.
# (Hundreds of thousands are built, hashed and sorted per series; ints are the cheapest.)
END_OF_DAY = 1 << 30  # sorts after every event slot of the day
SLOTS = 1 << 31
ORIGIN = 0  # before anything was released: C = 0


def day_end(ordinal: int) -> int:
    return ordinal * SLOTS + END_OF_DAY


class Edge(NamedTuple):
    tail: int
    head: int
    weight: int
    claim: Claim | None  # None: the non-decreasing constraint
    side: str  # "hi" (an upper bound), "lo" (a lower bound) or "order"


Adjacency = list[list[tuple[int, int, Edge]]]  # per tail node: (head, weight, edge)


@dataclass
class ConstraintGraph:
    points: list[int]
    index: dict[int, int]
    edges: list[Edge]
    _adjacency: dict[bool, tuple[Adjacency, Adjacency]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def size(self) -> int:
        return len(self.points)

    def adjacency(self, reverse: bool = False) -> tuple[Adjacency, Adjacency]:
        """Per tail node, its edges to later nodes and its edges to earlier ones, in the
        order of ``edges`` (with ``reverse``, of the reversed graph). Built once."""
        if reverse not in self._adjacency:
            self._adjacency[reverse] = _adjacency(self.edges, self.size, reverse)
        return self._adjacency[reverse]

    def node_of(self, day: date) -> int:
        return self.index[day_end(day.toordinal())]


def _adjacency(edges: Iterable[Edge], size: int, reverse: bool) -> tuple[Adjacency, Adjacency]:
    forward: Adjacency = [[] for _ in range(size)]
    backward: Adjacency = [[] for _ in range(size)]
    for edge in edges:
        tail, head, weight = edge[:3]
        if reverse:
            tail, head = head, tail
        (forward if head > tail else backward)[tail].append((head, weight, edge))
    return forward, backward


class Constraint(NamedTuple):
    """``C(head) - C(tail) <= weight``, between two points in time; ``side`` says which
    bound of the claim it is ("hi": an upper bound, "lo": a lower bound)."""

    tail: int
    head: int
    weight: int
    side: str


def claim_constraints(claim: Claim, slots: dict[tuple[int, str], int]) -> list[Constraint]:
    """The difference constraints a release claim puts on C; the one rule for every engine
    (this graph, and the linear program of scope families).

    A claim bounds ``C(end) - C(start)``. With every date a day, ``end`` and ``start`` are
    single points and the constraints are exact. A month or year is the interval of its
    days, and the claim holds for *some* day of it: ``end`` lies between the ends of the
    first and last day of ``as_of`` (``e1..e2``), ``start`` between those of
    ``period_start`` - 1 (``s1..s2``). Since C never falls, C(end) <= C(e2) and
    C(start) >= C(s1), so ``lo <= C(end) - C(start)`` implies ``C(e2) - C(s1) >= lo``;
    and C(end) >= C(e1), C(start) <= C(s2), so ``C(end) - C(start) <= hi`` implies
    ``C(e1) - C(s2) <= hi``. Both are implied by every history the claim allows: sound.
    For a total known to a month this is C(last day) >= lo and C(first day) <= hi (the
    SPEC's C(first-1) <= hi is implied by it, and looser). For an increment on some day d
    of a month (``start`` = d-1), it is C(last) - C(first-1) >= lo and no upper bound:
    where ``e1 <= s2`` the upper bound says nothing that "a total cannot fall" does not.
    An undated claim (no ``as_of``) constrains nothing.
    """
    as_of = claim.as_of
    if as_of is None or claim.kind not in RELEASE_KINDS:
        return []
    e1, e2 = day_end(as_of.first.toordinal()), day_end(as_of.last.toordinal())
    period_start = claim.period_start
    if period_start is not None:
        s1, s2 = day_end(period_start.first.toordinal() - 1), day_end(period_start.last.toordinal() - 1)
    elif claim.kind is Kind.INCREMENT:
        if claim.event and as_of.is_day:
            day = as_of.first.toordinal()
            slot = slots[(day, claim.event)]
            s1 = s2 = day * SLOTS + slot - 1 if slot > 1 else day_end(day - 1)
            e1 = e2 = day * SLOTS + slot
        else:
            s1, s2 = day_end(as_of.first.toordinal() - 1), day_end(as_of.last.toordinal() - 1)
    else:
        s1 = s2 = ORIGIN
    found = [Constraint(e2, s1, -claim.lo, "lo")]
    if claim.hi is not None and e1 > s2:
        found.append(Constraint(s2, e1, claim.hi, "hi"))
    return found


def event_slots(claims: Iterable[Claim]) -> dict[tuple[int, str], int]:
    """Slot numbers 1..k for the distinct events of each day (in name order)."""
    by_day: dict[int, set[str]] = {}
    for claim in claims:
        if claim.kind is Kind.INCREMENT and claim.event and claim.period_start is None and claim.as_of is not None \
                and claim.as_of.is_day:
            by_day.setdefault(claim.as_of.first.toordinal(), set()).add(claim.event)
    return {(day, event): rank for day, events in by_day.items()
            for rank, event in enumerate(sorted(events), start=1)}


class SeriesGraph:
    """The points and claim edges of one series, computed once; :meth:`graph` then gives
    the constraint graph without any set of excluded claims, as conflict resolution needs
    again and again: a copy of the graph without exclusions, with only the pairs of points
    whose tightest edge belonged to an excluded claim looked at again. Points of excluded
    claims stay: a point with only the non-decreasing edges changes neither consistency
    nor any bound.

    Parallel edges collapse to the tightest; ties go to the non-decreasing constraint,
    then to the earliest-recorded claim."""

    def __init__(self, claims: Iterable[Claim], extra_days: Iterable[date] = ()):
        releases = sorted((c for c in claims if c.kind in RELEASE_KINDS), key=lambda c: c.seq)
        slots = event_slots(releases)
        spans = [(claim, claim_constraints(claim, slots)) for claim in releases]
        points = {ORIGIN}
        for _, constraints in spans:
            for constraint in constraints:
                points.add(constraint.tail)
                points.add(constraint.head)
        for point in [p for p in points if p % SLOTS not in (END_OF_DAY, 0)]:
            points.add(day_end(point // SLOTS))  # the day's end, after its batches
        points.update(day_end(day.toordinal()) for day in extra_days)
        self.points = sorted(points)
        self.index = {point: i for i, point in enumerate(self.points)}
        index = self.index
        # Every edge that can stand between two nodes, tightest first (weight, then the
        # order constraint, then chain position); claims are in seq order already.
        candidates: dict[tuple[int, int], list[Edge]] = {
            (i, i - 1): [Edge(i, i - 1, 0, None, "order")] for i in range(1, len(self.points))
        }
        self._pairs_of: dict[int, list[tuple[int, int]]] = {}
        for claim, constraints in spans:
            pairs = self._pairs_of[claim.seq] = []
            for tail, head, weight, side in sorted(constraints, key=lambda c: c.side != "hi"):
                u, v = index[tail], index[head]
                candidates.setdefault((u, v), []).append(Edge(u, v, weight, claim, side))
                pairs.append((u, v))
        for options in candidates.values():
            if len(options) > 1:
                options.sort(key=lambda e: e.weight)  # stable: order edge, then seq order, on ties
        self._candidates = candidates
        self._tightest = {pair: options[0] for pair, options in candidates.items()}
        self._pairs_from: dict[int, list[tuple[int, int]]] = {}  # per tail, in the order of _tightest
        for pair in self._tightest:
            self._pairs_from.setdefault(pair[0], []).append(pair)
        self._whole = ConstraintGraph(self.points, self.index, list(self._tightest.values()))

    def edges_of(self, seq: int) -> list[Edge]:
        """The edges of claim ``seq``: its upper bound (if any) and its lower bound."""
        return [e for pair in self._pairs_of.get(seq, ()) for e in self._candidates[pair]
                if e.claim is not None and e.claim.seq == seq]

    def claim_edges(self) -> Iterable[Edge]:
        """Every edge of every claim, the tightest of its pair or not."""
        for options in self._candidates.values():
            for edge in options:
                if edge.claim is not None:
                    yield edge

    def graph(self, excluded: frozenset[int] | set[int] = frozenset()) -> ConstraintGraph:
        tightest = self._tightest
        changed = {pair for seq in excluded for pair in self._pairs_of.get(seq, ())
                   if tightest[pair].claim is not None and tightest[pair].claim.seq in excluded}
        if not changed:
            return self._whole
        tightest = dict(tightest)
        for pair in changed:
            kept = next((e for e in self._candidates[pair] if e.claim is None or e.claim.seq not in excluded), None)
            if kept is None:
                del tightest[pair]
            else:
                tightest[pair] = kept
        graph = ConstraintGraph(self.points, self.index, list(tightest.values()))
        # The adjacency of the whole graph, with only the changed tails' lists built again
        # (in the same edge order as building it all would give).
        forward, backward = (list(side) for side in self._whole.adjacency())
        for tail in {pair[0] for pair in changed}:
            edges = [tightest[pair] for pair in self._pairs_from[tail] if pair in tightest]
            forward[tail] = [(e.head, e.weight, e) for e in edges if e.head > tail]
            backward[tail] = [(e.head, e.weight, e) for e in edges if e.head < tail]
        graph._adjacency[False] = (forward, backward)
        return graph


def build(claims: Iterable[Claim], extra_days: Iterable[date] = ()) -> ConstraintGraph:
    """The graph of the release claims (cumulative and increment) among ``claims``.

    ``extra_days`` adds points with no claim of their own (dates where bounds are wanted).
    """
    return SeriesGraph(claims, extra_days).graph()
