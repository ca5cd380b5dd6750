"""Adding constraints to a consistent graph without running Bellman-Ford again.

A consistent difference-constraint graph has a feasible potential: values ``p`` with
``p[head] <= p[tail] + weight`` on every edge (the distances of a Bellman-Ford run that
settled are one). Against it, every edge has a non-negative reduced cost
``weight + p[tail] - p[head]``, so shortest paths can be searched with Dijkstra.

Adding the edge ``u -> v`` of weight ``w`` makes the graph inconsistent exactly when a
path from ``v`` back to ``u`` closes a negative cycle with it: when the reduced distance
from ``v`` to ``u`` is less than ``-(w + p[u] - p[v])``. Only nodes closer than that bound
can be on such a cycle, and only they need a new potential (``p[x] + reduced(u->v) +
distance(v, x)``, which keeps ``p`` feasible with the new edge), so the search stops at
the bound: it looks at the region the new constraint touches, not the whole series.
This is how the restore pass of conflict resolution tries claims back one by one.
"""

from __future__ import annotations

from heapq import heappop, heappush
from itertools import chain
from typing import Iterable, Sequence

from .graph import ConstraintGraph


class Potentials:
    """A consistent constraint graph (the tightest weight per pair of nodes) with a
    feasible potential, to which edges are added only while it stays consistent.

    The graph's own adjacency lists are read, never copied or changed (a series has
    hundreds of thousands of edges, and most trials touch a few of them): edges added
    later are kept apart, each tighter than what stood between its nodes before."""

    def __init__(self, graph: ConstraintGraph, feasible: Sequence[float]):
        self.potential = list(feasible)
        forward, backward = graph.adjacency()
        self._adjacency = (forward, backward)
        self._added: dict[tuple[int, int], int] = {}  # overrides the graph's weight of a pair
        self._new_heads: dict[int, list[int]] = {}  # successors through pairs the graph lacks

    def weight(self, tail: int, head: int) -> int | None:
        """The tightest weight from ``tail`` to ``head`` (None: no edge)."""
        added = self._added.get((tail, head))
        if added is not None:
            return added
        forward, backward = self._adjacency
        for successor, weight, _ in (forward if head > tail else backward)[tail]:
            if successor == head:
                return weight
        return None

    def weights(self) -> dict[tuple[int, int], int]:
        """Every pair's tightest weight (walks the whole graph: for inspection)."""
        forward, backward = self._adjacency
        found = {(tail, head): weight for tail in range(len(forward))
                 for head, weight, _ in chain(forward[tail], backward[tail])}
        found.update(self._added)
        return found

    def _successors(self, node: int, added: dict[tuple[int, int], int],
                    new_heads: dict[int, list[int]]) -> Iterable[tuple[int, int]]:
        """``(successor, weight)`` of ``node``, with edges added so far and ``added``."""
        forward, backward = self._adjacency
        overrides = self._added
        for successor, weight, _ in chain(forward[node], backward[node]):
            pair = (node, successor)
            yield successor, added.get(pair, overrides.get(pair, weight))
        for successor in chain(self._new_heads.get(node, ()), new_heads.get(node, ())):
            pair = (node, successor)
            yield successor, added.get(pair, overrides.get(pair))

    def add_if_consistent(self, edges: Iterable[tuple[int, int, int]]) -> bool:
        """Add every ``(tail, head, weight)`` of ``edges`` if the graph stays consistent
        with all of them, and say so; otherwise change nothing and return False."""
        added: dict[tuple[int, int], int] = {}  # tentative, until every edge has passed
        new_heads: dict[int, list[int]] = {}  # successors through pairs with no edge yet
        moved: dict[int, float] = {}  # nodes whose potential the added edges lower

        def potential(node: int) -> float:
            return moved.get(node, self.potential[node])

        for tail, head, w in edges:
            current = added.get((tail, head))
            if current is None:
                current = self.weight(tail, head)
                if current is None and tail != head:
                    new_heads.setdefault(tail, []).append(head)
            if current is not None and current <= w:
                continue  # no tighter than what stands between these nodes
            added[(tail, head)] = w
            reduced = w + potential(tail) - potential(head)
            if reduced >= 0:
                continue  # no path back can make a cycle through it negative
            bound = -reduced
            distance = {head: 0}
            settled: list[tuple[int, float]] = []
            queue = [(0, head)]
            while queue:
                d, node = heappop(queue)
                if d > distance[node]:
                    continue
                if node == tail:
                    return False  # back at the edge's tail closer than the bound: a negative cycle
                settled.append((node, d))
                base = d + potential(node)
                for successor, weight in self._successors(node, added, new_heads):
                    step = base + weight - potential(successor)
                    if step < bound and step < distance.get(successor, bound):
                        distance[successor] = step
                        heappush(queue, (step, successor))
            for node, d in settled:
                moved[node] = potential(node) + reduced + d
        self._added.update(added)
        for tail, heads in new_heads.items():
            self._new_heads.setdefault(tail, []).extend(heads)
        for node, value in moved.items():
            self.potential[node] = value
        return True
