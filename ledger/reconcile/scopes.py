"""Scope families reconciled exactly, as one linear system (SciPy's HiGHS).

A family is a root series and its scopes (``hamas->hostages``, ``hamas->hostages/living``,
``hamas->hostages/living/thai``). For each scope s and point in time t, C_s(t) is the
number it counts released by then. The SPEC's rules across scopes are:

- a parent counts at least its parts: C_p(t) >= sum of C_c(t) over its direct parts c;
- the remainder R_p(t) = C_p(t) - sum C_c(t) never falls (nor does any total);
- a parent declared complete (a ``complete`` declaration) has R_p = 0.

Write every total as a sum of remainders: C_s(t) = sum of R_d(t) over the scopes d of the
subtree of s (a scope without parts is its own remainder). With y_d(i) >= 0 the release
of remainder d at step i (between point i-1 and point i), every rule above is just
``y >= 0`` (a complete parent has no remainder variables at all), and every claim on
scope s between points u < v is one row:

    lo <= sum of y_d(i) over d in subtree(s), u < i <= v <= hi.

So the family is feasible exactly when this system has a solution; the bounds of C_s(t)
are the minimum and maximum of a sum over a rectangle; the claims behind a bound are the
claim rows with a nonzero dual value at the optimum (a certificate: the bound follows
from those claims alone). One HiGHS model (highspy) holds every claim's row; each solve
switches rows off or on and changes the objective, starting from the last basis. Each
bound is solved as a linear program and, should HiGHS
return a fractional optimum, again with integer variables (``milp``): the bounds are the
integer ones. When the claims cannot all hold, a mixed-integer program chooses which to
set aside: the smallest total weight (:func:`ledger.reconcile.weights.claim_weight`)
whose removal leaves the rest consistent, ties broken by the exclusion policy's order.
Each claim set aside is reported with an irreducible conflict: it and a minimal set of
kept claims that contradict it (QuickXplain over the kept claims, every subset feasible).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import chain
from datetime import date
from typing import Callable, Iterable, Sequence

import highspy
import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix

from ..model import RELEASE_KINDS, Claim, Kind, parent_of
from .explain import number
from .graph import ORIGIN, ConstraintGraph, Edge, claim_constraints, day_end, event_slots
from .shortest import INFINITY, ShortestPaths, shortest_paths
from .conflicts import exclusion_key
from .engine import MAX_BOUND_CLAIMS, _setters  # the series engine's rule for naming a path's claims
from .quiet import solver_quiet
from .weights import claim_weight

TOLERANCE = 1e-6
MILP_OPTIONS = {"mip_rel_gap": 0.0}  # exact, not within HiGHS's default 0.01%
EXACT_SET_ASIDE = 40  # claims an incremental pass sets aside, up to which the exact program runs


@dataclass
class Family:
    """The scopes of one family, the points in time its claims mention, and the layout of
    the remainder variables y_d(i)."""

    scopes: list[str]  # every scope, each after its parent
    complete: frozenset[str]
    points: list[int]
    children: dict[str, list[str]] = field(default_factory=dict)
    columns: dict[str, int] = field(default_factory=dict)  # scope -> first column of its remainder
    width: int = 0  # columns in all
    index: dict[int, int] = field(default_factory=dict)  # point -> its position
    slots: dict[str, dict] = field(default_factory=dict)  # series -> event slots of its claims

    @classmethod
    def of(cls, names: Iterable[str], claims: Sequence[Claim], complete: frozenset[str], days: Iterable[date]) -> "Family":
        scopes: set[str] = set()
        for name in names:
            while name is not None:
                scopes.add(name)
                name = parent_of(name)
        ordered = sorted(scopes)  # a parent's key is a prefix of its parts': it sorts first
        children: dict[str, list[str]] = defaultdict(list)
        for scope in ordered:
            parent = parent_of(scope)
            if parent is not None:
                children[parent].append(scope)
        points = {ORIGIN}
        by_series: dict[str, list[Claim]] = defaultdict(list)
        for claim in claims:
            by_series[claim.series].append(claim)
        # One numbering of the day's batches for the whole family: a batch named in a part
        # is a batch of its parent too, and two names are two batches in every scope.
        slots = event_slots(claims)
        for claim in claims:
            for constraint in claim_constraints(claim, slots):
                points.update((constraint.tail, constraint.head))
        for point in [p for p in points if p != ORIGIN]:
            points.add(day_end(point // (1 << 31)))  # the day's end, after its batches
        points.update(day_end(d.toordinal()) for d in days)
        family = cls(ordered, frozenset(s for s in complete if children.get(s)), sorted(points), dict(children))
        steps = len(family.points) - 1
        column = 0
        for scope in ordered:
            if scope not in family.complete:
                family.columns[scope] = column
                column += steps
        family.width = column
        family.index = {p: i for i, p in enumerate(family.points)}
        family.slots = {name: slots for name in by_series}
        return family

    def subtree(self, scope: str) -> list[str]:
        found, stack = [], [scope]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(self.children.get(current, ()))
        return found

    def rectangle(self, scope: str, start: int, end: int) -> list[int]:
        """Columns of y_d(i) for d in the subtree of ``scope`` and start < i <= end."""
        columns = []
        for d in self.subtree(scope):
            first = self.columns.get(d)
            if first is not None:
                columns.extend(range(first + start, first + end))  # step i is column first + i - 1
        return columns

    def spans(self, claim: Claim) -> list[tuple[str, int, int]]:
        """The claim's bounds as (side, from, to) positions: the difference constraints of
        :func:`~ledger.reconcile.graph.claim_constraints` (one rule for months and years)."""
        return [(c.side, self.index[min(c.tail, c.head)], self.index[max(c.tail, c.head)])
                for c in claim_constraints(claim, self.slots[claim.series])]

    def node_of(self, day: date) -> int:
        return self.index[day_end(day.toordinal())]


@dataclass(frozen=True)
class Row:
    """One side of one claim: sum over ``columns`` >= lo (side "lo") or <= hi (side "hi")."""

    claim: Claim
    side: str
    columns: tuple[int, ...]
    value: int


class System:
    """The claim rows of a family, solved with HiGHS."""

    def __init__(self, family: Family, claims: Sequence[Claim]):
        self.family = family
        self.claims = list(claims)
        self.rows_of: dict[int, list[Row]] = {}
        for claim in self.claims:
            self.rows_of[claim.seq] = [
                Row(claim, side, tuple(family.rectangle(claim.series, start, end)),
                    claim.lo if side == "lo" else claim.hi)
                for side, start, end in family.spans(claim)
            ]
        self._highs = None

    def _matrix(self, kept: Iterable[int]) -> tuple[csr_matrix | None, np.ndarray, list[Row]]:
        """A_ub y <= b_ub for the claims ``kept``: a lower bound is -sum <= -lo."""
        rows = [row for seq in kept for row in self.rows_of[seq]]
        if not rows:
            return None, np.zeros(0), rows
        lengths = np.fromiter((len(row.columns) for row in rows), dtype=np.int64, count=len(rows))
        signs = np.array([-1.0 if row.side == "lo" else 1.0 for row in rows])
        indices = np.fromiter(chain.from_iterable(row.columns for row in rows), dtype=np.int64, count=int(lengths.sum()))
        indptr = np.concatenate([[0], np.cumsum(lengths)])
        matrix = csr_matrix((np.repeat(signs, lengths), indices, indptr), shape=(len(rows), max(self.family.width, 1)))
        return matrix, signs * np.array([row.value for row in rows], dtype=float), rows

    def restricted(self, claims: Sequence[Claim]) -> "System":
        """The system of these claims alone (whether some of them can all hold is the
        same question on it, asked of fewer rows)."""
        sub = System.__new__(System)
        sub.family, sub.claims, sub._highs = self.family, list(claims), None
        sub.rows_of = {c.seq: self.rows_of[c.seq] for c in sub.claims}
        return sub

    def _model(self) -> "highspy.Highs":
        """One HiGHS model of every claim row (a lower bound sum >= lo, an upper bound
        sum <= hi; a claim dated to a month bounds different sums for each, an undated
        one none), kept for the life of the system: a solve switches rows off (free
        bounds) and sets the objective, and HiGHS starts from the last basis instead of
        from scratch."""
        if self._highs is None:
            with solver_quiet():  # HiGHS prints its banner on creation, before any option is set
                highs = highspy.Highs()
                highs.setOptionValue("output_flag", False)
            width = max(self.family.width, 1)
            highs.addVars(width, np.zeros(width), np.full(width, highspy.kHighsInf))
            rows = [row for claim in self.claims for row in self.rows_of[claim.seq]]
            starts, indices = [], []
            for row in rows:
                starts.append(len(indices))
                indices.extend(row.columns)
            inf = highspy.kHighsInf
            lower = np.array([r.value if r.side == "lo" else -inf for r in rows], dtype=float)
            upper = np.array([r.value if r.side == "hi" else inf for r in rows], dtype=float)
            if rows:
                highs.addRows(len(rows), lower, upper, len(indices), np.array(starts, dtype=np.int32),
                              np.array(indices, dtype=np.int32), np.ones(len(indices)))
            self._highs, self._lower, self._upper, self._rows = highs, lower, upper, rows
            self._index = {(r.claim.seq, r.side): k for k, r in enumerate(rows)}
            self._position: dict[int, list[int]] = {}
            for k, row in enumerate(rows):
                self._position.setdefault(row.claim.seq, []).append(k)
            # Which claim each row belongs to (its place in ``claims``), to switch rows by claim.
            self._claim_at = {claim.seq: i for i, claim in enumerate(self.claims)}
            self._row_claim = np.array([self._claim_at[r.claim.seq] for r in rows], dtype=np.int64)
            self._every_row = np.arange(len(rows), dtype=np.int32)
            self._every_column = np.arange(width, dtype=np.int32)
        return self._highs

    def _solve(self, kept: Iterable[int], objective: np.ndarray):
        """Solve with only the ``kept`` claims' rows in force."""
        self._model()
        chosen = np.zeros(len(self.claims), dtype=bool)
        chosen[[self._claim_at[seq] for seq in kept]] = True
        on = chosen[self._row_claim]
        inf = highspy.kHighsInf
        return self.solve_with(np.where(on, self._lower, -inf), np.where(on, self._upper, inf), objective)

    def solve_with(self, lower: np.ndarray, upper: np.ndarray, objective: np.ndarray | None = None):
        """Solve with these bounds on the claims' rows (free: -inf, inf); (status, model)."""
        highs = self._model()
        width = max(self.family.width, 1)
        highs.changeRowsBounds(len(self._every_row), self._every_row, lower, upper)
        highs.changeColsCost(width, self._every_column, np.zeros(width) if objective is None else objective)
        highs.run()
        status = highs.getModelStatus()
        if status not in _DECIDED:  # a warm start HiGHS could not finish: solve afresh
            highs.clearSolver()
            highs.run()
            status = highs.getModelStatus()
        return status, highs

    def feasible(self, kept: Iterable[int]) -> bool:
        kept = list(kept)
        if not kept:
            return True
        status, highs = self._solve(kept, np.zeros(max(self.family.width, 1)))
        if status in (highspy.HighsModelStatus.kInfeasible, highspy.HighsModelStatus.kUnboundedOrInfeasible):
            return False  # a zero objective is never unbounded
        if status != highspy.HighsModelStatus.kOptimal:  # pragma: no cover - HiGHS failing on a tiny system
            raise RuntimeError(f"HiGHS could not decide the family's feasibility: {highs.modelStatusToString(status)}")
        if not _integral(np.array(highs.getSolution().col_value)):
            matrix, bounds, _ = self._matrix(kept)
            return _integer_feasible(matrix, bounds)
        return True

    def bound(self, kept: Sequence[int], columns: list[int], upper: bool) -> tuple[int | None, list[Row]]:
        """The least (or, ``upper``, the greatest) integer sum over ``columns`` allowed by the
        kept claims, and the claim rows behind it (nonzero duals). None: unbounded above."""
        if not columns:
            return 0, []
        if not kept:
            return (None, []) if upper else (0, [])
        width = max(self.family.width, 1)
        objective = np.zeros(width)
        objective[columns] = -1.0 if upper else 1.0
        status, highs = self._solve(kept, objective)
        if status in (highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible):
            return None, []  # the kept claims are consistent: only unbounded remains
        if status != highspy.HighsModelStatus.kOptimal:  # pragma: no cover - only on an infeasible kept set
            raise RuntimeError(f"HiGHS could not bound the total: {highs.modelStatusToString(status)}")
        value = highs.getInfo().objective_function_value
        value = -value if upper else value
        if abs(value - round(value)) > TOLERANCE:
            matrix, bounds, _ = self._matrix(kept)
            exact = _milp(objective, constraints=LinearConstraint(matrix, -np.inf, bounds),
                          integrality=np.ones(width), bounds=Bounds(0, np.inf))
            value = -exact.fun if upper else exact.fun
        binding = np.abs(np.asarray(highs.getSolution().row_dual)) > TOLERANCE  # read once: a copy each time
        behind = [self._rows[k] for seq in kept for k in self._position.get(seq, ()) if binding[k]]
        return int(round(value)), behind

    def set_aside(self, weights: dict[int, int] | None = None,
                  keys: dict[int, tuple] | None = None) -> tuple[list[Claim], bool]:
        """The claims to set aside and whether they are the least-weight set (see
        :meth:`fewest_exclusions`, whose inputs these are); bounded work
        (docs/reconciliation.md): one incremental pass first, and only when it sets aside at
        most ``EXACT_SET_ASIDE`` claims the exact integer program, whose work grows steeply
        with the claims in conflict. Beyond, the pass's own choice, an approximation."""
        # On a model of its own: the solves of this system start from the basis the last
        # one left, so a pass here would change which claims later certificates name.
        passed = System(self.family, self.claims).incremental_exclusions(weights, keys)
        if len(passed) <= EXACT_SET_ASIDE:
            return self.fewest_exclusions(weights, keys), True
        return passed, False

    def incremental_exclusions(self, weights: dict[int, int] | None = None,
                               keys: dict[int, tuple] | None = None) -> list[Claim]:
        """One incremental pass: each claim in turn is kept if the claims kept so far and
        it can all hold, else set aside; the claims that need not give way at the least
        total give-way come first, then heaviest, then last in the policy order (most
        trustworthy). What is kept is consistent by construction."""
        weights = weights or {c.seq: claim_weight(c) for c in self.claims}
        keys = keys or {c.seq: exclusion_key(c, 0) for c in self.claims}
        order = {c.seq: rank for rank, c in enumerate(sorted(self.claims, key=lambda c: keys[c.seq]))}
        give = self.give_way()
        ordered = sorted(self.claims, key=lambda c: (give[c.seq] > TOLERANCE, -weights[c.seq], -order[c.seq]))
        # Those that need not give way come first and hold together (the least give-way's
        # solution satisfies them): when one solve confirms it, every check among them
        # would say "kept", so they are kept without one solve each.
        easy = [c.seq for c in ordered if give[c.seq] <= TOLERANCE]
        kept: list[int] = easy if self.feasible(easy) else []
        out: list[Claim] = []
        for claim in ordered[len(kept):]:
            if self.feasible(kept + [claim.seq]):
                kept.append(claim.seq)
            else:
                out.append(claim)
        return sorted(out, key=lambda c: c.seq)

    def give_way(self) -> dict[int, float]:
        """How far each claim must give way (people, summed over its rows) at the least
        total give-way of every claim: 0 for the claims the rest leave room for."""
        highs, rows = self._elastic([c.seq for c in self.claims], 0)
        give = dict.fromkeys((c.seq for c in self.claims), 0.0)
        if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:  # pragma: no cover - always feasible
            return give
        values = np.array(highs.getSolution().col_value)[-len(rows):] if rows else []
        for row, value in zip(rows, values, strict=True):
            give[row.claim.seq] += float(value)
        return give

    def fewest_exclusions(self, weights: dict[int, int] | None = None, keys: dict[int, tuple] | None = None) -> list[Claim]:
        """The claims to set aside: least total weight whose removal leaves the rest
        consistent; ties go to the claims the exclusion policy excludes first. ``weights``
        (units, by seq; default :func:`~ledger.reconcile.weights.claim_weight` of each)
        and ``keys`` (the policy order's keys, by seq; default without corroboration)
        are the inputs :func:`ledger.reconcile.fewest.exclusion_inputs` gives."""
        claims = self.claims
        width, count = self.family.width, len(claims)
        if weights is None:
            weights = {c.seq: claim_weight(c) for c in claims}
        if keys is None:
            keys = {c.seq: exclusion_key(c, 0) for c in claims}
        # The exclusion policy's order, first set aside first.
        order = {c.seq: rank for rank, c in enumerate(sorted(claims, key=lambda c: keys[c.seq]))}
        scale = count * count + 1
        # Keeping claim c gains its weight; among sets of equal weight, the one whose
        # claims the policy sets aside first (least sum of ranks) is set aside: the ranks
        # together stay below ``scale``, so they never outweigh a difference in weight.
        gain = np.array([weights[c.seq] * scale + order[c.seq] for c in claims], dtype=float)
        big = 2 * sum(c.lo + (c.hi or 0) for c in claims) + 1
        objective = np.concatenate([np.zeros(width), -gain])
        data, indices, indptr, lower, upper = [], [], [0], [], []
        for k, claim in enumerate(claims):
            for row in self.rows_of[claim.seq]:
                data.extend([1.0] * len(row.columns))
                indices.extend(row.columns)
                if row.side == "lo":  # sum - lo * keep >= 0
                    data.append(-float(row.value))
                    lower.append(0.0)
                    upper.append(np.inf)
                else:  # sum + big * keep <= hi + big
                    data.append(float(big))
                    lower.append(-np.inf)
                    upper.append(float(row.value + big))
                indices.append(width + k)
                indptr.append(len(indices))
        matrix = csr_matrix((data, indices, indptr), shape=(len(lower), width + count))
        result = _milp(
            objective, constraints=LinearConstraint(matrix, lower, upper),
            integrality=np.ones(width + count),
            bounds=Bounds(np.zeros(width + count), np.concatenate([np.full(width, np.inf), np.ones(count)])),
        )
        if result.status != 0:  # pragma: no cover - dropping every claim is always feasible
            raise RuntimeError(f"HiGHS could not choose the claims to set aside: {result.message}")
        keep = result.x[width:]
        return [c for c, k in zip(claims, keep, strict=True) if k < 0.5]

    def conflicts_with(self, claim: Claim, kept: Sequence[Claim], limit: int) -> list[list[Claim]]:
        """Up to ``limit`` distinct irreducible conflicts of ``claim`` with ``kept`` claims:
        one, then those left when each kept member of one found is taken out in turn (with
        every copy of its figure: copies would only repeat the conflict), so every claim it
        contradicts directly shows up (within the limit). ``claim`` cannot hold with all
        of ``kept`` (a claim set aside: in the least-weight choice, keeping it back would
        weigh less; in the incremental pass's, it could not hold with the claims kept
        before it), so the first search needs no check."""
        copies: dict[tuple, set[int]] = defaultdict(set)
        for other in kept:
            copies[same_figure(other)].add(other.seq)
        cores: list[list[Claim]] = []
        queue: list[frozenset[int]] = [frozenset()]
        seen: set[frozenset[int]] = set()
        while queue and len(cores) < limit:
            removed = queue.pop(0)
            if removed in seen:
                continue
            seen.add(removed)
            pool = [c for c in kept if c.seq not in removed]
            if removed and self.feasible([claim.seq] + [c.seq for c in pool]):
                continue
            core = self.conflict_with(claim, pool)
            if core not in cores:
                cores.append(core)
            queue.extend(removed | copies[same_figure(c)] for c in core if c.seq != claim.seq)
        return cores

    def conflict_with(self, claim: Claim, kept: Sequence[Claim]) -> list[Claim]:
        """A minimal set of ``kept`` claims that, with ``claim``, cannot all hold
        (QuickXplain: every claim returned is needed)."""
        candidates = self._elastic_support(claim, kept)
        by_seq = {c.seq: c for c in kept}
        # The deletion search asks only about these claims: a model of their rows alone
        # answers the same, faster than the family's with every other row switched off.
        search = self.restricted([claim] + [by_seq[s] for s in candidates])
        if search.feasible([claim.seq] + candidates):  # pragma: no cover - the support is a certificate
            candidates, search = [c.seq for c in kept], self
        found = _quickxplain(search, [claim.seq], [], candidates)
        return sorted([claim] + [by_seq[s] for s in found], key=lambda c: c.seq)


    def _elastic_support(self, claim: Claim, kept: Sequence[Claim]) -> list[int]:
        """The kept claims a certificate of the contradiction rests on: with ``claim``
        hard and every kept row allowed to give way at a cost of 1 per person, the rows
        with a nonzero dual value at the least total give-way. Far fewer than ``kept``:
        the deletion search then runs over these alone."""
        hard = len(self.rows_of[claim.seq])
        highs, rows = self._elastic([claim.seq] + [c.seq for c in kept], hard)
        if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:  # pragma: no cover - always feasible
            return [c.seq for c in kept]
        duals = np.array(highs.getSolution().row_dual)[hard:]
        return sorted({row.claim.seq for row, dual in zip(rows[hard:], duals, strict=True) if abs(dual) > TOLERANCE})

    def _elastic(self, seqs: list[int], hard: int) -> tuple["highspy.Highs", list[Row]]:
        """The claims' rows, the first ``hard`` of them as they are and every other allowed
        to give way at a cost of 1 per person, solved for the least total give-way."""
        rows = [row for seq in seqs for row in self.rows_of[seq]]
        width = max(self.family.width, 1)
        elastic = len(rows) - hard
        # A lower bound is -sum <= -lo; an elastic row's give-way column (-1) follows its own.
        starts, indices, data, bounds = [], [], [], []
        for k, row in enumerate(rows):
            sign = -1.0 if row.side == "lo" else 1.0
            starts.append(len(indices))
            indices.extend(row.columns)
            data.extend([sign] * len(row.columns))
            if k >= hard:
                indices.append(width + k - hard)
                data.append(-1.0)
            bounds.append(sign * row.value)
        objective = np.concatenate([np.zeros(width), np.ones(elastic)])
        with solver_quiet():  # HiGHS prints its banner on creation, before any option is set
            highs = highspy.Highs()
            highs.setOptionValue("output_flag", False)
        columns = width + elastic
        highs.addVars(columns, np.zeros(columns), np.full(columns, highspy.kHighsInf))
        highs.changeColsCost(columns, np.arange(columns, dtype=np.int32), objective)
        if rows:
            highs.addRows(len(rows), np.full(len(rows), -highspy.kHighsInf), np.array(bounds), len(indices),
                          np.array(starts, dtype=np.int32), np.array(indices, dtype=np.int32), np.array(data))
        highs.run()
        return highs, rows


@dataclass(frozen=True)
class Bound:
    """One bound of a total: its value (None: open above), how many claims it rests on,
    the first ``MAX_BOUND_CLAIMS`` of them (by the rule of the way it was found: see
    :class:`TotalBounds`), and every claim row behind it (computed when asked: ``pxl why``)."""

    value: int | None
    count: int
    named: tuple[Claim, ...]
    rows: Callable[[], list[Row]]


class TotalBounds:
    """Exact integer bounds of a family's totals and remainders with the ``kept`` claims,
    a linear program only where the family's structure needs one (docs/reconciliation.md,
    "Bounds without a linear program").

    A scope is *free* when no kept claim with a date is on it or on a scope above it: no
    claim row then couples its parts, so its total is its own remainder (unbounded above,
    or 0 if complete) plus independent parts, and its bounds are sums of theirs. A scope
    without parts whose claims are the only ones on its column of the system (*alone*:
    claimed, with every scope above it free) is a series by itself: its system is the
    difference-constraint graph, whose shortest paths are its exact bounds at every point
    at once. A greatest total over a column no kept upper bound holds down is open.
    Every other bound is :meth:`System.bound`.

    Which claims are named: from a linear program, those with a nonzero dual, first by
    seq; from a graph, those on the shortest path, nearest first (as for a series); for a
    sum, each part's in the order of the parts."""

    def __init__(self, family: Family, system: System, kept: Sequence[int]):
        self.family, self.system, self.kept = family, system, list(kept)
        chosen = set(self.kept)
        claimed = {c.series for c in system.claims if c.seq in chosen and system.rows_of[c.seq]}
        self._mine = {scope: [c for c in system.claims if c.seq in chosen and c.series == scope] for scope in claimed}

        def above(scope: str | None) -> Iterable[str]:
            while scope is not None:
                yield scope
                scope = parent_of(scope)

        self.free = {s for s in family.scopes if not any(a in claimed for a in above(s))}
        self.alone = {s for s in claimed if not family.children.get(s)
                      and (parent_of(s) is None or parent_of(s) in self.free)}
        self._cheap: dict[str, bool] = {}
        for scope in reversed(family.scopes):  # parts before their parent
            self._cheap[scope] = scope in self.alone or (
                scope in self.free and all(self._cheap[c] for c in family.children.get(scope, ())))
        # The columns some kept upper bound holds down: a sum over any other column is
        # unbounded above (raise that column alone: every coefficient is 1, so no lower
        # bound breaks), and a sum over these alone is bounded (each is at most a figure).
        self._capped = np.zeros(max(family.width, 1), dtype=bool)
        for seq in self.kept:
            for row in system.rows_of[seq]:
                if row.side == "hi":
                    self._capped[list(row.columns)] = True
        self._paths: dict[tuple[str, bool], tuple[ShortestPaths, Callable]] = {}
        self._memo: dict[tuple[str, int, bool], Bound] = {}

    def total(self, scope: str, node: int, upper: bool) -> Bound:
        """The least (``upper``: greatest) total of ``scope`` by point ``node``."""
        key = (scope, node, upper)
        if key not in self._memo:
            self._memo[key] = self._total(scope, node, upper)
        return self._memo[key]

    def _total(self, scope: str, node: int, upper: bool) -> Bound:
        if node == 0:
            return _NOTHING
        if not self._cheap[scope]:
            return self._program(self.family.rectangle(scope, 0, node), upper)
        if scope in self.alone:
            return self._graph_bound(scope, node, upper)
        if upper and scope not in self.family.complete:  # its own remainder is free
            return _OPEN
        parts = [self.total(c, node, upper) for c in self.family.children.get(scope, ())]
        if any(p.value is None for p in parts):
            return _OPEN
        named = tuple(chain.from_iterable(p.named for p in parts))[:MAX_BOUND_CLAIMS]
        return Bound(sum(p.value for p in parts), sum(p.count for p in parts), named,
                     lambda: [row for p in parts for row in p.rows()])

    def remainder(self, scope: str, node: int, upper: bool) -> Bound:
        """The least (``upper``: greatest) remainder of a scope that has parts and is not
        complete (its total minus its parts') by point ``node``."""
        if node == 0:
            return _NOTHING
        if scope in self.free:
            return _OPEN if upper else _NOTHING
        first = self.family.columns[scope]
        return self._program(list(range(first, first + node)), upper)

    def _program(self, columns: list[int], upper: bool) -> Bound:
        if upper and columns and not self._capped[columns].all():
            return _OPEN
        value, rows = self.system.bound(self.kept, columns, upper)
        claims = tuple({row.claim.seq: row.claim for row in sorted(rows, key=lambda r: r.claim.seq)}.values())
        return Bound(value, len(claims), claims[:MAX_BOUND_CLAIMS],
                     lambda: rows)

    def _graph_bound(self, scope: str, node: int, upper: bool) -> Bound:
        key = (scope, upper)
        if key not in self._paths:
            self._paths[key] = self._shortest(scope, upper)
        paths, setters = self._paths[key]
        distance = paths.distance[node]
        if upper and distance == INFINITY:
            return _OPEN
        count, named = setters(node)
        rows_of = self.system.rows_of
        return Bound(int(distance) if upper else int(-distance), count, named, lambda: [
            row for edge in paths.path_to(node) if edge.claim is not None
            for row in rows_of[edge.claim.seq] if row.side == edge.side])

    def _shortest(self, scope: str, upper: bool) -> tuple[ShortestPaths, Callable]:
        """Shortest paths of the scope's difference-constraint graph over the family's
        points: C(v) - C(u) <= hi is the edge u -> v (hi), lo <= C(v) - C(u) the edge
        v -> u (-lo), and a total never falls: i -> i-1 (0). From the origin (upper
        bounds) or, on the reversed graph, to it (lower bounds)."""
        edges = [Edge(i, i - 1, 0, None, "order") for i in range(1, len(self.family.points))]
        for claim in self._mine[scope]:
            for (side, start, end), row in zip(self.family.spans(claim), self.system.rows_of[claim.seq], strict=True):
                edges.append(Edge(end, start, -row.value, claim, "lo") if side == "lo"
                             else Edge(start, end, row.value, claim, "hi"))
        paths = shortest_paths(ConstraintGraph(self.family.points, self.family.index, edges), 0, reverse=not upper)
        return paths, _setters(paths)


_NOTHING = Bound(0, 0, (), lambda: [])
_OPEN = Bound(None, 0, (), lambda: [])


_DECIDED = (
    highspy.HighsModelStatus.kOptimal, highspy.HighsModelStatus.kInfeasible,
    highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible,
)


def _quickxplain(system: System, background: list[int], added: list[int], candidates: list[int]) -> list[int]:
    if added and not system.feasible(background):
        return []
    if len(candidates) == 1:
        return candidates
    if not candidates:  # pragma: no cover - callers pass an infeasible whole
        return []
    half = len(candidates) // 2
    first, second = candidates[:half], candidates[half:]
    found_second = _quickxplain(system, background + first, first, second)
    found_first = _quickxplain(system, background + found_second, found_second, first)
    return found_first + found_second


def same_figure(claim: Claim) -> tuple:
    """Claims that state the same figure for the same quantity: copies of one another."""
    return (claim.series, claim.kind, claim.as_of, claim.period_start, claim.event, claim.lo, claim.hi)


def least_hitting_weight(conflicts: Sequence[Sequence[Claim]], weights: dict[int, int]) -> float:
    """A lower bound on the weight (``weights``, by seq) of any set of claims whose removal
    leaves the rest consistent: each must hit every one of these ``conflicts``, so it
    weighs at least the least fractional hitting set (a linear program)."""
    seqs = sorted({c.seq for core in conflicts for c in core})
    if not seqs:
        return 0.0
    column = {seq: j for j, seq in enumerate(seqs)}
    rows = [i for i, core in enumerate(conflicts) for _ in core]
    cols = [column[c.seq] for core in conflicts for c in core]
    matrix = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(conflicts), len(seqs)))
    result = _milp(np.array([weights[s] for s in seqs], dtype=float), integrality=np.zeros(len(seqs)),
                   bounds=Bounds(0, 1), constraints=LinearConstraint(matrix, lb=1, ub=np.inf))
    return float(result.fun) if result.status == 0 else 0.0


def _milp(*args, **kwargs):
    with solver_quiet():
        return milp(*args, **kwargs, options=MILP_OPTIONS)


def _integral(values: np.ndarray) -> bool:
    return bool(np.all(np.abs(values - np.round(values)) <= TOLERANCE))


def _integer_feasible(matrix: csr_matrix, bounds: np.ndarray) -> bool:
    width = matrix.shape[1]
    result = _milp(np.zeros(width), constraints=LinearConstraint(matrix, -np.inf, bounds),
                  integrality=np.ones(width), bounds=Bounds(0, np.inf))
    return result.status == 0


def arithmetic(family: Family, system: System, conflict: Sequence[Claim]) -> str:
    """The contradiction in words: "39 israeli + 24 thai = at least 63 in hamas->hostages
    by 2025-01-26, but at most 58 (C9)". From the minimal rows: the lower bounds that
    must be covered and the upper bounds that cannot cover them."""
    system = system.restricted(conflict)  # the deletion filter asks only about these rows
    rows = [row for c in conflict for row in system.rows_of[c.seq]]
    needed = _minimal_rows(system, rows)
    lows = [r for r in needed if r.side == "lo"]
    highs = [r for r in needed if r.side == "hi"]

    def term(row: Row) -> str:
        return f"{number(row.value)} {_scope_label(row.claim.series)} ({row.claim.id}, {_when(row.claim)})"

    low_text = " + ".join(term(r) for r in lows)
    if len(lows) > 1:
        low_text += f" = {number(sum(r.value for r in lows))}"
    high_text = " + ".join(term(r) for r in highs)
    if len(highs) > 1:
        high_text += f" = {number(sum(r.value for r in highs))}"
    rules = []
    if any(_within(low.claim.series, high.claim.series) for low in lows for high in highs):
        rules.append("parts are counted within their whole")
    if any(_within(high.claim.series, low.claim.series) for low in lows for high in highs):
        rules.append("a complete whole is the sum of its parts")
    rules.append("totals never fall")
    if not highs:
        return f"at least {low_text}, but {'; '.join(rules)}"
    return f"at least {low_text}, but at most {high_text} ({'; '.join(rules)})"


def _minimal_rows(system: System, rows: list[Row]) -> list[Row]:
    """Deletion filter over the rows (each side of each claim) of a conflict. A claim's
    last row left is kept without a solve: the conflict is irreducible, so without that
    claim the rest (or less of it) can hold. So is the last lower bound and the last upper
    bound: lower bounds alone hold (release enough), and so do upper bounds (release
    nothing: every figure is at least 0)."""
    kept = list(rows)
    for row in list(rows):
        if sum(r.claim.seq == row.claim.seq for r in kept) == 1 or sum(r.side == row.side for r in kept) == 1:
            continue
        trial = [r for r in kept if r is not row]
        if not _rows_feasible(system, trial):
            kept = trial
    return kept


def _rows_feasible(system: System, rows: list[Row]) -> bool:
    """Whether these sides of claims (a lower or an upper bound each) can all hold."""
    if not rows:
        return True
    system._model()
    lower = np.full(len(system._rows), -highspy.kHighsInf)
    upper = np.full(len(system._rows), highspy.kHighsInf)
    for row in rows:
        k = system._index[(row.claim.seq, row.side)]
        if row.side == "lo":
            lower[k] = row.value
        else:
            upper[k] = row.value
    status, _ = system.solve_with(lower, upper)
    return status not in (highspy.HighsModelStatus.kInfeasible, highspy.HighsModelStatus.kUnboundedOrInfeasible)


def _within(part: str, whole: str) -> bool:
    return part.startswith(whole + "/")


def _scope_label(series: str) -> str:
    return series.rsplit("/", 1)[-1] if "/" in series else f"in all ({series})"


def _when(claim: Claim) -> str:
    day = claim.as_of.isoformat() if claim.as_of else "an unknown date"
    if claim.kind is Kind.CUMULATIVE and claim.period_start is None:
        return f"by {day}"
    start = (claim.period_start or claim.as_of).isoformat()
    return f"on {day}" if start == day else f"{start}..{day}"


def release_claims(claims: Iterable[Claim]) -> list[Claim]:
    return sorted((c for c in claims if c.kind in RELEASE_KINDS), key=lambda c: c.seq)
