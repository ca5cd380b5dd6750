"""Setting aside the fewest claims: the least total weight that leaves the rest consistent.

A set of claims is consistent exactly when it contains no irreducible conflict, so the
claims to set aside are a least-weight **hitting set** of the series' conflicts (weights:
:mod:`ledger.reconcile.weights`). The conflicts are not all known up front (there can be
exponentially many), so they are generated lazily:

1. find conflicts among the claims still kept: first every direct contradiction
   (:mod:`ledger.reconcile.contradictions`, all at once), and only when there is none, the
   negative cycles of a Bellman-Ford search, each reduced to an irreducible set;
2. choose a least-weight set that hits every conflict found so far;
3. set it aside and go back to 1; stop when the rest is consistent.

The set chosen last hits every conflict found, and what it leaves is consistent; any
cheaper set would have to miss one of the conflicts found, so it is a least-weight set
for the whole series (the conflicts found are a relaxation of all of them).

Step 2 is solved exactly, as a 0/1 integer program (SciPy's HiGHS, a well-kept solver
rather than our own branch and bound), while at most ``EXACT_CLAIMS`` claims lie in the
conflicts found, the solver finishes within ``SOLVER_SECONDS`` and at most
``EXACT_ROUNDS`` rounds were needed (dense conflicts, such as a long run of totals that
each fall, need a round for every few claims: each round finds only the nearest
contradictions). Ties (several sets of
the least weight) are broken by the documented policy of
:func:`ledger.reconcile.conflicts.exclusion_key`: among the sets of least weight, the one
whose members come first in that order, summed over its members (a second integer
program with the weight held at its least). Beyond that size, a greedy approximation:
repeatedly set aside the claim in most unresolved conflicts per unit of weight (ties by
the same policy), then put back any whose conflicts are all resolved by another; its
result is reported with a lower bound on the least weight (the linear-programming
relaxation of the same hitting set), so the excess is known.

The work is bounded: a series of contradictory ranges and increments can hide thousands
of conflicts that each search finds a few at a time, so after ``SEARCH_ROUNDS`` searches
the rest is left to at most ``INCREMENTAL_PASSES`` incremental passes
(:func:`_keep_incrementally`), each keeping claims only while the kept stay consistent and
feeding the conflicts it met back to the greedy choice; the lightest pass is kept, also
reported with the lower bound.

For each claim set aside, the reason names the conflicts it alone resolves and the rule
that decided it: either keeping it would cost more (the cheapest set that keeps it, and
its weight), or a set of equal weight exists and the tie-break policy chose (the criterion
that differed), or the greedy approximation chose.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from bisect import bisect_left, bisect_right
from heapq import heapify, heappop, heappush
from typing import Sequence

from ..english import cannot_hold
from .conflicts import Conflict, conflict_from_cycle, exclusion_key, policy_reason
from .contradictions import direct_contradictions
from .explain import cycle_arithmetic, statement
from .graph import Edge, SeriesGraph
from .origins import Corroboration
from .potentials import Potentials
from .quiet import solver_quiet
from .shortest import shortest_paths
from .weights import Weights, claim_weights, describe, points_text

EXACT_CLAIMS = 2_000  # claims in the conflicts found, up to which the set is exact
SOLVER_SECONDS = 20.0  # per integer program; past it, the greedy approximation
CHAIN_FROM = 30  # points in time from which exact totals are resolved as a chain (less said why)
EXACT_ROUNDS = 12  # searches for more conflicts with the exact solver; then the approximation
SEARCH_ROUNDS = 20  # searches for conflicts in all; then incremental passes (see resolve)
INCREMENTAL_PASSES = 40  # incremental passes, each guided by the greedy choice over more conflicts
PASSES_WITHOUT_GAIN = 10  # incremental passes in a row that set aside no less weight; then stop
EXPLAIN_EXACT = 60  # exclusions per series whose cost of keeping is computed exactly
PAIRS_PER_GROUP = 4_096  # agreeing lows x agreeing highs turned into pair conflicts
NAMED_CONFLICTS = 3  # conflicts named in one exclusion's reason; the rest are counted


@dataclass(frozen=True)
class Exclusion:
    """A claim set aside, why (``reason``), the rule that decided it (``rule``: "weight",
    "tie-break" or "approximation") and the conflicts it resolves on its own."""

    claim: object
    reason: str
    rule: str = "weight"
    resolves: tuple[Conflict, ...] = ()


@dataclass(frozen=True)
class Resolution:
    """Every conflict found (irreducible sets, in the order found), the claims set aside,
    their total weight, and whether that weight is the least possible (``exact``); when it
    is not, ``lower_bound`` is a proven lower bound on the least weight."""

    conflicts: tuple[Conflict, ...]
    exclusions: tuple[Exclusion, ...]
    weight: int
    exact: bool
    lower_bound: float


def pair_conflict(high: Edge, low: Edge) -> Conflict:
    """The two-claim conflict of an upper bound and a lower bound inside its span."""
    a, b = sorted((high.claim, low.claim), key=lambda c: c.seq)
    cycle: tuple[Edge, ...] = (high, low)
    if (high.tail, high.head) != (low.head, low.tail):
        cycle += (Edge(low.tail, high.head, 0, None, "order"),)
    message = (f"{cannot_hold(2, 'claim')}: {a.id} {statement(a)}; {b.id} {statement(b)}: "
               f"{cycle_arithmetic(list(cycle))}")
    return Conflict((a, b), cycle, message)


def conflicts_among(series: SeriesGraph, out: set[int]) -> list[Conflict]:
    """Conflicts among the claims not in ``out``: every direct contradiction (each lower
    bound with the nearest agreeing upper bounds), else the negative cycles of one search.
    Empty exactly when the claims not in ``out`` are consistent."""
    edges = [e for e in series.claim_edges() if e.claim.seq not in out]
    found: list[Conflict] = []
    for direct in direct_contradictions(edges):
        if len(direct.lows) * len(direct.highs) <= PAIRS_PER_GROUP:
            pairs = [(h, lo) for lo in direct.lows for h in direct.highs]
        else:
            pairs = [(direct.highs[0], lo) for lo in direct.lows] + [(h, direct.lows[0]) for h in direct.highs[1:]]
        found.extend(pair_conflict(h, lo) for h, lo in pairs)
    if found:
        return found
    seen: set[frozenset[int]] = set()
    for cycle in shortest_paths(series.graph(out), source=None).cycles:
        conflict = conflict_from_cycle(cycle)
        key = frozenset(c.seq for c in conflict.claims)
        if key not in seen:
            seen.add(key)
            found.append(conflict)
    return found


def series_weights(series: SeriesGraph, support: Corroboration) -> Weights:
    """The weight of each release claim of ``series`` (:func:`~ledger.reconcile.weights.claim_weights`)."""
    claims = {e.claim.seq: e.claim for e in series.claim_edges()}
    return claim_weights(claims.values(), support.origins)


def exclusion_inputs(claims: Sequence, support: Corroboration) -> tuple[dict[int, int], dict[int, tuple]]:
    """What the choice of claims to set aside reads, for any solver: each claim's weight
    (:func:`~ledger.reconcile.weights.claim_weights`) and its key in the tie-break
    policy's order (:func:`~ledger.reconcile.conflicts.exclusion_key`, with the number of
    independent origins behind its figure), by seq."""
    weights = claim_weights(claims, support.origins)
    keys = {c.seq: exclusion_key(c, len(support.get(c.seq, ()))) for c in claims}
    return weights, keys


def resolve(series: SeriesGraph, support: Corroboration) -> Resolution:
    """The least-weight set of claims to set aside (see the module), with reasons."""
    weights = series_weights(series, support)
    chain = totals_chain(series, support, weights) if len(series.points) > CHAIN_FROM else None
    if chain is not None:
        return chain
    found: dict[frozenset[int], Conflict] = {}
    out: set[int] = set()
    cover = _Cover(support, weights)
    rounds = 0
    while True:
        new = [c for c in conflicts_among(series, out) if frozenset(x.seq for x in c.claims) not in found]
        if not new:
            break
        for conflict in new:
            found[frozenset(x.seq for x in conflict.claims)] = conflict
        cover.add(new)
        rounds += 1
        out = cover.solve(exact=rounds <= EXACT_ROUNDS)
        if rounds >= SEARCH_ROUNDS:
            best: set[int] | None = None
            stalled = 0
            for _ in range(INCREMENTAL_PASSES):
                kept_out = _keep_incrementally(series, cover, out)
                grew = False
                for seq in sorted(kept_out - out):  # conflicts the greedy choice did not know
                    more = [c for c in conflicts_among(series, kept_out - {seq})
                            if frozenset(x.seq for x in c.claims) not in found]
                    for conflict in more:
                        found[frozenset(x.seq for x in conflict.claims)] = conflict
                    cover.add(more)
                    grew = grew or bool(more)
                if best is None or cover.weight_of(kept_out) < cover.weight_of(best):
                    best, stalled = kept_out, 0
                else:
                    stalled += 1
                if not grew or stalled >= PASSES_WITHOUT_GAIN:
                    break
                out = cover.solve(exact=False)
            out = best
            cover.exact = False
            cover.method = "incremental"
            break
    if not cover.exact:
        cover.lower_bound = cover._relaxed_bound()
    exclusions = cover.explain(out)
    return Resolution(tuple(found.values()), exclusions, cover.weight_of(out), cover.exact, cover.lower_bound)


def _keep_incrementally(series: SeriesGraph, cover: "_Cover", preferred: set[int]) -> set[int]:
    """The claims set aside by one incremental pass: starting from the order constraints
    alone, add each claim's edges while the kept claims stay consistent (checked against
    a feasible potential, :class:`~ledger.reconcile.potentials.Potentials`), else set it
    aside. Claims outside ``preferred`` (the greedy choice so far) come first, each group
    most trustworthy first (the reverse of the policy order). What is kept is consistent
    by construction; the weight set aside is an approximation."""
    seqs = sorted({e.claim.seq for e in series.claim_edges()})
    base = series.graph(set(seqs))
    kept = Potentials(base, shortest_paths(base, source=None).distance)
    rank = cover.rank
    weight = cover.weights
    order = sorted(seqs, key=lambda s: (s in preferred, -weight[s], -rank.get(s, len(rank)), s))
    out: set[int] = set()
    for seq in order:
        if not kept.add_if_consistent((e.tail, e.head, e.weight) for e in series.edges_of(seq)):
            out.add(seq)
    return out


def _milp(*args, **kwargs):
    from scipy.optimize import milp

    with solver_quiet():
        return milp(*args, **kwargs)


class _Cover:
    """The hitting-set problem over the conflicts found so far."""

    def __init__(self, support: Corroboration, weights: Weights):
        self.support = support
        self.weights = weights
        self.conflicts: list[Conflict] = []
        self.claims: dict[int, object] = {}
        self.containing: dict[int, list[int]] = defaultdict(list)
        self.exact = True
        self.lower_bound = 0.0
        self.method = "greedy"
        self._rank: dict[int, int] | None = None

    def add(self, conflicts: Sequence[Conflict]) -> None:
        for conflict in conflicts:
            index = len(self.conflicts)
            self.conflicts.append(conflict)
            for claim in conflict.claims:
                self.claims[claim.seq] = claim
                self.containing[claim.seq].append(index)
        self._rank = None

    def key(self, seq: int) -> tuple:
        claim = self.claims[seq]
        return exclusion_key(claim, len(self.support.get(seq, ())))

    @property
    def rank(self) -> dict[int, int]:
        """Position in the policy order: 0 is set aside first on a tie."""
        if self._rank is None:
            order = sorted(self.claims, key=self.key)
            self._rank = {seq: i for i, seq in enumerate(order)}
        return self._rank

    def weight_of(self, seqs) -> int:
        return sum(self.weights[s] for s in seqs)

    def solve(self, exact: bool = True) -> set[int]:
        if exact and len(self.claims) <= EXACT_CLAIMS:
            chosen = self._exact()
            if chosen is not None:
                self.exact = True
                self.lower_bound = float(self.weight_of(chosen))
                return chosen
        self.exact = False
        return self._greedy()

    # -- exact: two 0/1 integer programs ------------------------------------------------

    def _program(self):
        import numpy as np
        from scipy.sparse import csr_array

        seqs = sorted(self.claims)
        column = {seq: j for j, seq in enumerate(seqs)}
        rows, cols = [], []
        for i, conflict in enumerate(self.conflicts):
            for claim in conflict.claims:
                rows.append(i)
                cols.append(column[claim.seq])
        matrix = csr_array((np.ones(len(rows)), (rows, cols)), shape=(len(self.conflicts), len(seqs)))
        weights = np.array([self.weights[s] for s in seqs], dtype=float)
        return seqs, matrix, weights

    def _least(self, keep: Sequence[int] = (), tie_break: bool = True) -> tuple[set[int], int] | None:
        """A least-weight hitting set keeping every claim of ``keep`` (None: none exists
        or the solver ran out of time), and its weight."""
        import numpy as np
        from scipy.optimize import Bounds, LinearConstraint

        seqs, matrix, weights = self._program()
        upper = np.ones(len(seqs))
        position = {seq: j for j, seq in enumerate(seqs)}
        for seq in keep:
            upper[position[seq]] = 0
        options = {"mip_rel_gap": 0.0, "time_limit": SOLVER_SECONDS}
        integral = np.ones(len(seqs))
        covers = LinearConstraint(matrix, lb=1, ub=np.inf)
        first = _milp(weights, integrality=integral, bounds=Bounds(0, upper), constraints=[covers], options=options)
        if first.status != 0:
            return None
        least = int(round(first.fun))
        if not tie_break:
            return {seqs[j] for j in np.flatnonzero(first.x > 0.5)}, least
        ranks = np.array([self.rank[s] + 1 for s in seqs], dtype=float)
        held = LinearConstraint(weights.reshape(1, -1), lb=-np.inf, ub=least + 0.5)
        second = _milp(ranks, integrality=integral, bounds=Bounds(0, upper), constraints=[covers, held],
                      options=options)
        x = second.x if second.status == 0 else first.x
        return {seqs[j] for j in np.flatnonzero(x > 0.5)}, least

    def _exact(self) -> set[int] | None:
        found = self._least()
        return None if found is None else found[0]

    # -- beyond the exact size: greedy, and the bound it is measured against ------------

    def _greedy(self) -> set[int]:
        rank = self.rank
        unhit = {seq: len(indices) for seq, indices in self.containing.items()}
        hit = [False] * len(self.conflicts)
        heap = [(-unhit[s] / self.weights[s], rank[s], s) for s in unhit]
        heapify(heap)
        chosen: set[int] = set()
        while heap:
            score, _, seq = heappop(heap)
            if seq in chosen or unhit[seq] == 0:
                continue
            current = -unhit[seq] / self.weights[seq]
            if current != score:
                heappush(heap, (current, rank[seq], seq))
                continue
            chosen.add(seq)
            for index in self.containing[seq]:
                if not hit[index]:
                    hit[index] = True
                    for claim in self.conflicts[index].claims:
                        unhit[claim.seq] -= 1
        # Put back, most trustworthy first, any claim whose conflicts another resolves.
        members = [0] * len(self.conflicts)
        for seq in chosen:
            for index in self.containing[seq]:
                members[index] += 1
        for seq in sorted(chosen, key=lambda s: rank[s], reverse=True):
            if all(members[i] > 1 for i in self.containing[seq]):
                chosen.discard(seq)
                for index in self.containing[seq]:
                    members[index] -= 1
        return chosen

    def _relaxed_bound(self) -> float:
        """The least weight of a fractional hitting set: no hitting set weighs less."""
        import numpy as np
        from scipy.optimize import Bounds, LinearConstraint

        seqs, matrix, weights = self._program()
        relaxed = _milp(weights, integrality=np.zeros(len(seqs)), bounds=Bounds(0, 1),
                       constraints=[LinearConstraint(matrix, lb=1, ub=np.inf)],
                       options={"time_limit": SOLVER_SECONDS})
        if relaxed.status == 0:
            return float(relaxed.fun)
        return float(self._disjoint_bound())

    def _disjoint_bound(self) -> int:
        """Conflicts sharing no claim each need one of their own: the sum of their
        lightest members is a lower bound."""
        used: set[int] = set()
        total = 0
        for conflict in sorted(self.conflicts, key=lambda c: len(c.claims)):
            seqs = [c.seq for c in conflict.claims]
            if used.isdisjoint(seqs):
                used.update(seqs)
                total += min(self.weights[c.seq] for c in conflict.claims)
        return total

    # -- reasons -------------------------------------------------------------------------

    def explain(self, out: set[int]) -> tuple[Exclusion, ...]:
        total = self.weight_of(out)
        exclusions = []
        for seq in sorted(out):
            claim = self.claims[seq]
            alone = [self.conflicts[i] for i in self.containing[seq]
                     if not any(c.seq in out for c in self.conflicts[i].claims if c.seq != seq)]
            resolves = _resolves_text(claim, alone)
            if not self.exact:
                rule = "approximation"
                how = ("one incremental pass (each claim kept while the kept stay consistent, most "
                       "trustworthy first" if self.method == "incremental"
                       else "the greedy approximation (most unresolved conflicts per unit of weight")
                decided = (f"chosen by {how}; "
                           f"{points_text(total)} set aside in this series, the least possible is at least "
                           f"{points_text(int(self.lower_bound))})")
            elif len(out) > EXPLAIN_EXACT:
                rule, decided = "weight", "part of the least-weight set"
            else:
                rule, decided = self._decided(seq, out, total)
            exclusions.append(Exclusion(claim, f"{resolves}; {decided}", rule, tuple(alone)))
        return tuple(exclusions)

    def _decided(self, seq: int, out: set[int], total: int) -> tuple[str, str]:
        claim = self.claims[seq]
        kept = self._least(keep=[seq], tie_break=False)
        if kept is None:
            return "weight", "no consistent set keeps it"
        other, weight = kept
        instead = ", ".join(self.claims[s].id for s in sorted(other - out)) or "nothing more"
        if weight > total:
            return "weight", (f"keeping it would mean setting aside {instead} instead "
                              f"(weight {points_text(weight)} against {points_text(total)}; "
                              f"{describe(claim, self.weights[seq], self.weights.copies.get(seq, 1))})")
        rival = min(other - out, key=self.key)
        reason = policy_reason(self.key(seq), self.key(rival))
        return "tie-break", (f"setting aside {instead} instead would weigh the same ({points_text(total)}); "
                             f"on this tie {claim.id} goes first because {reason}")


def _resolves_text(claim, alone: Sequence[Conflict]) -> str:
    if not alone:
        return f"setting aside {claim.id} resolves conflicts shared with other claims set aside"
    partners = ["with " + ", ".join(c.id for c in conflict.claims if c.seq != claim.seq)
                for conflict in alone[:NAMED_CONFLICTS]]
    more = f", and {len(alone) - NAMED_CONFLICTS} more" if len(alone) > NAMED_CONFLICTS else ""
    noun = "conflict" if len(alone) == 1 else f"{len(alone)} conflicts"
    return f"setting aside {claim.id} alone resolves {'this' if len(alone) == 1 else 'these'} {noun} ({'; '.join(partners)}{more})"


def totals_chain(series: SeriesGraph, support: Corroboration,
                 weights: Weights | None = None) -> Resolution | None:
    """The least-weight exclusion when every release claim is an exact total since the
    origin ("2,284 released so far"); None otherwise.

    Such totals are consistent exactly when they never fall from one point in time to a
    later one and agree at each point, so the claims to keep are the heaviest run of
    (point, figure) groups whose figures never fall: a weighted longest non-decreasing
    chain, found in O(n log n) with a Fenwick tree of the best chain ending at or below
    each figure. Ties (chains of equal weight) go to the chain whose members come last in
    the policy order of :func:`~ledger.reconcile.conflicts.exclusion_key`, summed, as the
    integer program breaks them. This keeps a long series of falling totals linear-ish."""
    claims = {}
    point: dict[int, int] = {}
    for edge in series.claim_edges():
        claim = edge.claim
        if claim.lo != claim.hi:
            return None
        end = edge.head if edge.side == "hi" else edge.tail
        start = edge.tail if edge.side == "hi" else edge.head
        if start != 0 or point.setdefault(claim.seq, end) != end:
            return None
        claims[claim.seq] = claim
    if not claims:
        return None
    if weights is None:
        weights = series_weights(series, support)
    order = sorted(claims.values(), key=lambda c: exclusion_key(c, len(support.get(c.seq, ()))))
    rank = {c.seq: i + 1 for i, c in enumerate(order)}
    groups: dict[tuple, list] = defaultdict(list)
    for claim in claims.values():
        groups[(point[claim.seq], claim.lo)].append(claim)
    keys = sorted(groups)
    values = sorted({v for _, v in keys})
    tree: list[tuple] = [(0, 0, -1)] * (len(values) + 1)  # (weight, rank sum, group) per node
    best_of: list[tuple] = []
    before: list[int] = []
    i = 0
    while i < len(keys):
        j = i
        while j < len(keys) and keys[j][0] == keys[i][0]:
            j += 1
        for k in range(i, j):  # one date: each group extends a chain of earlier dates
            members = groups[keys[k]]
            position = bisect_right(values, keys[k][1])
            prior = (0, 0, -1)
            p = position
            while p > 0:
                prior = max(prior, tree[p])
                p -= p & -p
            weight = sum(weights[c.seq] for c in members)
            best_of.append((prior[0] + weight, prior[1] + sum(rank[c.seq] for c in members), k))
            before.append(prior[2])
        for k in range(i, j):
            p = bisect_right(values, keys[k][1])
            while p < len(tree):
                tree[p] = max(tree[p], best_of[k])
                p += p & -p
        i = j
    end = max(best_of)[2]
    kept: set[int] = set()
    while end != -1:
        kept.update(c.seq for c in groups[keys[end]])
        end = before[end]
    out = sorted(set(claims) - kept)
    kept_claims = sorted((claims[s] for s in kept), key=lambda c: (point[c.seq], c.seq))
    dates = [point[c.seq] for c in kept_claims]
    total = sum(weights[s] for s in out)
    exclusions = []
    for seq in out:
        claim = claims[seq]
        here = point[seq]
        at = bisect_left(dates, here)
        partners = [c for c in kept_claims[max(0, at - 1):at + 1] if point[c.seq] == here or
                    (point[c.seq] < here and c.lo > claim.lo) or (point[c.seq] > here and c.lo < claim.lo)][:1]
        conflicts = tuple(pair_conflict(*_pair_edges(series, point, claim, other)) for other in partners)
        against = ", ".join(c.id for c in partners) or "the totals kept"
        exclusions.append(Exclusion(
            claim, f"setting aside {claim.id} alone resolves its contradiction with {against}; the totals "
            f"kept are the heaviest run that never falls (least weight set aside: {points_text(total)}; "
            f"{describe(claim, weights[seq], weights.copies.get(seq, 1))})", "weight", conflicts))
    return Resolution((), tuple(exclusions), total, True, float(total))


def _pair_edges(series: SeriesGraph, point: dict[int, int], a, b) -> tuple[Edge, Edge]:
    """(the upper bound, the lower bound) of two exact totals that contradict each other:
    the upper bound is the smaller figure, at the later (or the same) point."""
    high, low = (a, b) if a.lo < b.lo else (b, a)
    assert point[high.seq] >= point[low.seq]
    return (next(e for e in series.edges_of(high.seq) if e.side == "hi"),
            next(e for e in series.edges_of(low.seq) if e.side == "lo"))
