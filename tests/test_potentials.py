"""Adding constraints to a consistent graph, against a Floyd-Warshall oracle."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pxl.ledger.reconcile.graph import ConstraintGraph, Edge
from pxl.ledger.reconcile.potentials import Potentials
from pxl.ledger.reconcile.shortest import shortest_paths

INFINITY = float("inf")


def consistent(n: int, weights: dict[tuple[int, int], int]) -> bool:
    """No negative cycle (Floyd-Warshall: a negative diagonal)."""
    distance = [[0 if i == j else INFINITY for j in range(n)] for i in range(n)]
    for (tail, head), weight in weights.items():
        distance[tail][head] = min(distance[tail][head], weight)
    for k in range(n):
        for i in range(n):
            for j in range(n):
                if distance[i][k] + distance[k][j] < distance[i][j]:
                    distance[i][j] = distance[i][k] + distance[k][j]
    return all(distance[i][i] >= 0 for i in range(n))


def tightest(edges) -> dict[tuple[int, int], int]:
    weights: dict[tuple[int, int], int] = {}
    for tail, head, weight in edges:
        if tail != head:
            weights[(tail, head)] = min(weight, weights.get((tail, head), weight))
    return weights


nodes = st.integers(2, 7)


@st.composite
def growing_graphs(draw):
    """A consistent graph, then batches of one or two edges to try adding, in turn."""
    n = draw(nodes)
    edge = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.integers(-6, 6))
    start = tightest(draw(st.lists(edge, max_size=14)))
    batches = draw(st.lists(st.lists(edge, min_size=1, max_size=2), min_size=1, max_size=6))
    return n, start, batches


@settings(max_examples=300, deadline=None)
@given(growing_graphs())
def test_edges_are_added_exactly_when_the_graph_stays_consistent(case):
    n, start, batches = case
    assume(consistent(n, start))
    graph = ConstraintGraph(list(range(n)), {i: i for i in range(n)},
                            [Edge(t, h, w, None, "hi") for (t, h), w in start.items()])
    paths = shortest_paths(graph, source=None)
    assert not paths.cycles
    kept = Potentials(graph, paths.distance)
    weights = dict(start)
    for batch in batches:
        batch = [(t, h, w) for t, h, w in batch if t != h]
        trial = tightest([*((t, h, w) for (t, h), w in weights.items()), *batch])
        before = list(kept.potential)
        added = kept.add_if_consistent(batch)
        assert added == consistent(n, trial)
        if added:
            weights = trial
        else:
            assert kept.potential == before  # a refused batch changes nothing
        assert kept.weights() == weights
        assert all(kept.weight(tail, head) == weight for (tail, head), weight in weights.items())
        # the potential stays feasible: every edge's reduced cost is non-negative
        for (tail, head), weight in weights.items():
            assert kept.potential[head] <= kept.potential[tail] + weight
