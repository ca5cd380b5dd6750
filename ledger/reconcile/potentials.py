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
    feasible potential, to which edges are added only while it stays consistent."""

    def __init__(self, graph: ConstraintGraph, feasible: Sequence[float]):
        self.potential = list(feasible)
        self.weight: dict[tuple[int, int], int] = {}
        self.heads: list[list[int]] = [[] for _ in range(graph.size)]
        for edge in graph.edges:
            self._set(edge.tail, edge.head, edge.weight)

    def _set(self, tail: int, head: int, weight: int) -> None:
        if (tail, head) not in self.weight:
            self.heads[tail].append(head)
        self.weight[(tail, head)] = weight

    def add_if_consistent(self, edges: Iterable[tuple[int, int, int]]) -> bool:
        """Add every ``(tail, head, weight)`` of ``edges`` if the graph stays consistent
        with all of them, and say so; otherwise change nothing and return False."""
        weight, heads = self.weight, self.heads
        added: dict[tuple[int, int], int] = {}  # tentative, until every edge has passed
        new_heads: dict[int, list[int]] = {}  # successors through pairs with no edge yet
        moved: dict[int, float] = {}  # nodes whose potential the added edges lower

        def potential(node: int) -> float:
            return moved.get(node, self.potential[node])

        for tail, head, w in edges:
            current = added.get((tail, head), weight.get((tail, head)))
            if current is not None and current <= w:
                continue  # no tighter than what stands between these nodes
            if current is None:
                new_heads.setdefault(tail, []).append(head)
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
                for successor in chain(heads[node], new_heads.get(node, ())):
                    pair = (node, successor)
                    step = base + (added[pair] if pair in added else weight[pair]) - potential(successor)
                    if step < bound and step < distance.get(successor, bound):
                        distance[successor] = step
                        heappush(queue, (step, successor))
            for node, d in settled:
                moved[node] = potential(node) + reduced + d
        for (tail, head), w in added.items():
            self._set(tail, head, w)
        for node, value in moved.items():
            self.potential[node] = value
        return True
