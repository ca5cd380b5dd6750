"""Shortest paths with negative weights: Bellman-Ford in Yen's order, with early exit and
negative-cycle detection in the predecessor graph.

Why this algorithm: the constraint graph of a series is ordered by time, and nearly every
shortest path runs mostly one way (upper bounds forward from the origin, lower bounds
back to it). Yen's variant relaxes forward edges in increasing node order and then
backward edges in decreasing order, so one round settles every path with one change of
direction; rounds needed = direction changes + 1, a handful in practice, each O(E). The
loop stops as soon as a round changes nothing. A negative cycle would keep it going for
n rounds (O(nE), hopeless at 100,000 nodes); instead, after every round the predecessor
graph is searched for cycles in O(n). In Bellman-Ford any cycle of predecessor pointers
is a negative cycle, and one appears within a few rounds of the cycle's edges being
relaxed. So the cost stays O(rounds * (n + E)) with or without conflicts.

Distances from the origin give upper bounds (x_v <= d(origin, v)); distances to the
origin, computed on the reversed graph, give lower bounds (x_v >= -d(v, origin)).
"""

from __future__ import annotations

from dataclasses import dataclass

from .graph import ConstraintGraph, Edge

INFINITY = float("inf")


@dataclass
class ShortestPaths:
    distance: list[float]  # INFINITY where unreachable
    parent: list[Edge | None]
    parent_node: list[int]
    cycles: list[list[Edge]]  # negative cycles found (each simple, edges in order)

    def path_to(self, node: int) -> list[Edge]:
        """The edges of the shortest path from the source to ``node``, source first."""
        path: list[Edge] = []
        seen = set()
        while self.parent[node] is not None and node not in seen:
            seen.add(node)
            edge = self.parent[node]
            assert edge is not None
            path.append(edge)
            node = self.parent_node[node]
        path.reverse()
        return path


def shortest_paths(graph: ConstraintGraph, source: int | None = 0, *, reverse: bool = False) -> ShortestPaths:
    """Shortest paths from ``source`` (on the reversed graph with ``reverse``).

    With ``source=None`` every node starts at distance 0, as if a virtual source had a
    0-weight edge to each: that finds every negative cycle, reachable from the origin or not.

    On the reversed graph the returned edges are the original ones, so the "path to v" of
    the result reads, in original direction, as the path from v to the source.
    """
    n = graph.size
    forward, backward = graph.adjacency(reverse)
    distance: list[float] = [INFINITY] * n if source is not None else [0] * n
    parent: list[Edge | None] = [None] * n
    parent_node = [-1] * n
    if source is not None:
        distance[source] = 0
    # Yen's order: forward edges by increasing tail, then backward edges by decreasing
    # tail; nodes without edges in a direction are left out of that sweep.
    sweeps = (
        [(tail, forward[tail]) for tail in range(n) if forward[tail]],
        [(tail, backward[tail]) for tail in range(n - 1, -1, -1) if backward[tail]],
    )
    for _round in range(n + 1):
        changed = False
        for sweep in sweeps:
            for tail, adjacency in sweep:
                base = distance[tail]
                if base == INFINITY:
                    continue
                for head, weight, edge in adjacency:
                    if base + weight < distance[head]:
                        distance[head] = base + weight
                        parent[head] = edge
                        parent_node[head] = tail
                        changed = True
        if not changed:
            return ShortestPaths(distance, parent, parent_node, [])
        cycles = _predecessor_cycles(parent_node, parent)
        if cycles:
            return ShortestPaths(distance, parent, parent_node, cycles)
    raise AssertionError("Bellman-Ford did not settle in n rounds without a cycle")  # pragma: no cover


def _predecessor_cycles(parent_node: list[int], parent: list[Edge | None]) -> list[list[Edge]]:
    """Every cycle of the predecessor graph (each node has at most one parent), O(n)."""
    n = len(parent_node)
    state = [0] * n  # 0 unvisited, 1 on the current walk, 2 done
    cycles: list[list[Edge]] = []
    for start in range(n):
        if state[start]:
            continue
        walk = []
        node = start
        while node != -1 and state[node] == 0:
            state[node] = 1
            walk.append(node)
            node = parent_node[node]
        if node != -1 and state[node] == 1:
            # node is on this walk: the walk from node on is a cycle
            cycle_nodes = walk[walk.index(node):]
            edges = [parent[v] for v in cycle_nodes]
            edges.reverse()
            cycles.append([e for e in edges if e is not None])
        for visited in walk:
            state[visited] = 2
    return cycles
