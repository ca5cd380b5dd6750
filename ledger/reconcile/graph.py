"""The difference-constraint graph of one series.

Per series, C(t) is the number released up to the end of day t; C is an integer, C >= 0
and non-decreasing. Each release claim bounds a difference of two values of C:

- cumulative at t:                 lo <= C(t) - C(origin)  <= hi
- cumulative at t since s:         lo <= C(t) - C(s-1)     <= hi
- increment on day d:              lo <= C(d) - C(d-1)     <= hi   (over s..d: C(d) - C(s-1))

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

from ..model import Claim, Kind

END_OF_DAY = 1 << 30  # sorts after every event slot of the day


class Point(NamedTuple):
    """A point in time: the end of ``day``, or the end of event slot ``slot`` inside it.
    (A NamedTuple: hundreds of thousands are built, hashed and sorted per series.)"""

    day: int  # date ordinal; 0 is the origin
    slot: int = END_OF_DAY

    @property
    def date(self) -> date | None:
        return date.fromordinal(self.day) if self.day > 0 else None


ORIGIN = Point(0, 0)


class Edge(NamedTuple):
    tail: int
    head: int
    weight: int
    claim: Claim | None  # None: the non-decreasing constraint
    side: str  # "hi" (an upper bound), "lo" (a lower bound) or "order"


@dataclass
class ConstraintGraph:
    points: list[Point]
    index: dict[Point, int]
    edges: list[Edge]
    claims: list[Claim] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.points)

    def node_of(self, day: date) -> int:
        return self.index[Point(day.toordinal())]


def claim_points(claim: Claim, slots: dict[tuple[int, str], int]) -> tuple[Point, Point]:
    """The two points whose difference ``claim`` bounds: (from, to)."""
    end = claim.as_of.toordinal()
    if claim.kind is Kind.INCREMENT:
        if claim.event and claim.period_start is None:
            slot = slots[(end, claim.event)]
            before = Point(end, slot - 1) if slot > 1 else Point(end - 1)
            return before, Point(end, slot)
        start = claim.period_start or claim.as_of
        return Point(start.toordinal() - 1), Point(end)
    if claim.period_start is not None:
        return Point(claim.period_start.toordinal() - 1), Point(end)
    return ORIGIN, Point(end)


def event_slots(claims: Iterable[Claim]) -> dict[tuple[int, str], int]:
    """Slot numbers 1..k for the distinct events of each day (in name order)."""
    by_day: dict[int, set[str]] = {}
    for claim in claims:
        if claim.kind is Kind.INCREMENT and claim.event and claim.period_start is None:
            by_day.setdefault(claim.as_of.toordinal(), set()).add(claim.event)
    return {(day, event): rank for day, events in by_day.items()
            for rank, event in enumerate(sorted(events), start=1)}


class SeriesGraph:
    """The points and claim edges of one series, computed once; :meth:`graph` then gives
    the constraint graph without any set of excluded claims, in O(edges), as conflict
    resolution needs again and again. Points of excluded claims stay: a point with only
    the non-decreasing edges changes neither consistency nor any bound."""

    def __init__(self, claims: Iterable[Claim], extra_days: Iterable[date] = ()):
        releases = sorted((c for c in claims if c.kind.constrains_total), key=lambda c: c.seq)
        slots = event_slots(releases)
        spans = [(claim, *claim_points(claim, slots)) for claim in releases]
        points = {ORIGIN}
        for _, start, end in spans:
            points.add(start)
            points.add(end)
            if end.slot != END_OF_DAY:
                points.add(Point(end.day))  # the day's end, after its batches
        points.update(Point(day.toordinal()) for day in extra_days)
        self.points = sorted(points)
        self.index = {point: i for i, point in enumerate(self.points)}
        self.releases = releases
        self.order_edges = [Edge(i, i - 1, 0, None, "order") for i in range(1, len(self.points))]
        self.claim_edges: list[Edge] = []
        for claim, start, end in spans:
            u, v = self.index[start], self.index[end]
            if claim.hi is not None:
                self.claim_edges.append(Edge(u, v, claim.hi, claim, "hi"))
            self.claim_edges.append(Edge(v, u, -claim.lo, claim, "lo"))

    def graph(self, excluded: frozenset[int] | set[int] = frozenset()) -> ConstraintGraph:
        """Parallel edges collapse to the tightest; ties go to the earliest-recorded claim."""
        tightest: dict[tuple[int, int], Edge] = {}
        for edge in self.order_edges:
            tightest[(edge.tail, edge.head)] = edge
        for edge in self.claim_edges:
            if edge.claim.seq in excluded:  # type: ignore[union-attr]
                continue
            key = (edge.tail, edge.head)
            current = tightest.get(key)
            if current is None or edge.weight < current.weight:
                tightest[key] = edge
        kept = [c for c in self.releases if c.seq not in excluded] if excluded else self.releases
        return ConstraintGraph(self.points, self.index, list(tightest.values()), kept)


def build(claims: Iterable[Claim], extra_days: Iterable[date] = ()) -> ConstraintGraph:
    """The graph of the release claims (cumulative and increment) among ``claims``.

    ``extra_days`` adds points with no claim of their own (dates where bounds are wanted).
    """
    return SeriesGraph(claims, extra_days).graph()

