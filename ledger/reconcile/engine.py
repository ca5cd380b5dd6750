"""The reconciliation engine: pure, from effective claims to a :class:`Reconciliation`.

Per series:

1. Conflicts. The least-weight set of claims whose removal leaves the rest consistent is
   set aside (:mod:`ledger.reconcile.fewest`); every direct contradiction is listed,
   grouped by agreeing figures (:mod:`ledger.reconcile.contradictions`), with the
   irreducible sets behind each exclusion.
2. Bounds. On the consistent rest, shortest paths from the origin give the highest
   possible total at each date and paths to the origin the lowest; both are tight (each
   is attained by some non-decreasing integer sequence satisfying every kept claim).
3. Best. The midpoint of [low, high] (rounded down) where high is known; the low where
   nothing bounds the total from above (no source supports more); then made
   non-decreasing over time, because a total cannot fall. It is a summary for tables,
   never more certain than [low, high].
4. Soft checks: target disagreement, over target, shortfall. Corroboration is not a
   discrepancy but a property: ``single_origin`` lists the figures that rest on one origin.

Series are independent: with many claims they are worked through on every core
(:mod:`ledger.reconcile.workers`), with the same result as in turn.
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Iterable

from ..dates import Period
from ..english import count
from ..model import RELEASE_KINDS, Claim, Figure, Kind, family_of, is_scoped
from . import workers as in_workers
from .contradictions import direct_contradictions
from .fewest import NAMED_CONFLICTS, Exclusion, Resolution, pair_conflict, resolve
from .explain import bound, number, statement
from .graph import ConstraintGraph, Edge, SeriesGraph
from .notes import with_notes
from .origins import Corroboration, OriginIndex, intersects
from .shortest import INFINITY, ShortestPaths, shortest_paths

DISCREPANCY_ORDER = ("conflict", "target_disagreement", "over_target", "shortfall")


MAX_BOUND_CLAIMS = 10

ClaimLike = Claim | Figure  # what the conflict search reads: either has every attribute it uses


@dataclass(frozen=True)
class Estimate:
    """Bounds of the total released by the end of ``date``, and the claims that set them:
    those on the shortest paths (the nearest MAX_BOUND_CLAIMS of them; ``*_count`` says how
    many there are in all, e.g. a long run of daily batches that add up to the low)."""

    date: date
    low: int
    high: int | None
    best: int
    low_claims: tuple[Claim, ...] = ()
    high_claims: tuple[Claim, ...] = ()
    low_count: int = 0
    high_count: int = 0


@dataclass(frozen=True)
class Discrepancy:
    type: str
    series: str
    claims: tuple[Claim, ...]
    message: str
    arithmetic: str = ""
    # A direct contradiction: (the agreeing claims of one side, those of the other); every
    # claim of one contradicts every claim of the other. Empty for an irreducible set.
    sides: tuple[tuple[Claim, ...], tuple[Claim, ...]] | tuple[()] = ()
    # Several irreducible sets over one quantity set aside, listed as one discrepancy: each
    # set (one claim per figure). Empty when the discrepancy is a single set or a pair.
    cores: tuple[tuple[Claim, ...], ...] = ()


@dataclass(frozen=True)
class BoundPaths:
    """The claims that determine a bound: the edges of its shortest path."""

    low: tuple[Edge, ...]
    high: tuple[Edge, ...] | None  # None: open, nothing bounds it


@dataclass(frozen=True)
class SeriesResult:
    series: str
    claims: tuple[Claim, ...]
    target: Claim | None
    targets: tuple[Claim, ...]
    pledges: tuple[Claim, ...]
    demands: tuple[Claim, ...]
    estimates: tuple[Estimate, ...]
    latest: Estimate | None
    exclusions: tuple[Exclusion, ...]
    origins: int
    parent: str | None = None  # the scope this one is a part of
    complete: bool = False  # declared covered by its parts
    parts: tuple[str, ...] = ()  # its direct parts (scopes)
    remainder: Estimate | None = None  # with parts: at the latest date, released but in no part
    single_origin: tuple[Claim, ...] = ()  # figures no independent origin corroborates
    exact: bool = True  # the exclusions weigh the least possible; else lower_bound bounds that
    lower_bound: float = 0.0

    @property
    def excluded(self) -> tuple[Claim, ...]:
        return tuple(e.claim for e in self.exclusions)

    def estimate_at(self, day: date) -> Estimate | None:
        return next((e for e in self.estimates if e.date == day), None)

    def why(self, day: date) -> BoundPaths:
        """The claims on the paths that set the low and the high at ``day`` (one of the
        estimates' dates).

        The paths are searched again, on the very graph the estimates came from (the same
        claims, exclusions and dates): keeping every series' graph and shortest-path trees
        for the one series a user asks about held ~300 MiB at 1M claims."""
        graph = SeriesGraph(self.claims, extra_days=[e.date for e in self.estimates]).graph(
            {e.claim.seq for e in self.exclusions}
        )
        node = graph.node_of(day)
        upper = shortest_paths(graph, 0)
        high = None if upper.distance[node] == INFINITY else tuple(upper.path_to(node))
        low = tuple(reversed(shortest_paths(graph, 0, reverse=True).path_to(node)))
        return BoundPaths(low, high)


@dataclass(frozen=True)
class Reconciliation:
    series: tuple[SeriesResult, ...]
    discrepancies: tuple[Discrepancy, ...]

    def for_series(self, name: str) -> SeriesResult | None:
        return next((s for s in self.series if s.series == name), None)

    @property
    def conflicts(self) -> tuple[Discrepancy, ...]:
        return tuple(d for d in self.discrepancies if d.type == "conflict")


def reconcile(
    claims: Iterable[Claim], workers: int | None = None, complete: Iterable[str] = (),
    extra_days: Iterable[date] = (), aliases: Iterable[tuple[str, str]] = (),
) -> Reconciliation:
    """Reconcile effective claims (after corrections); touches no database.

    Series are independent: with many claims they are reconciled by ``workers`` forked
    processes (default: one per core, from ``workers.PARALLEL_FROM`` claims on); the
    result is the same as reconciling them in turn. A family with scopes (``a->b`` and
    ``a->b/part``) is reconciled as one exact system (:mod:`ledger.reconcile.families`);
    ``complete`` names the scopes declared covered by their parts; ``extra_days`` adds
    dates to estimate scopes at; ``aliases`` are speaker-name pairs declared one origin
    (:mod:`ledger.reconcile.origins`)."""
    aliases = tuple(aliases)
    series, families = _split_families(claims)
    answers = in_workers.by_series(partial(_reconcile_in_order, aliases=aliases), series, workers)
    results = [result for result, _ in answers.values()]
    found = [d for _, more in answers.values() for d in more]
    if families:
        from .families import reconcile_family  # it builds on this module

        for members in families.values():
            scoped, more = reconcile_family(members, frozenset(complete), extra_days, aliases)
            results += scoped
            found += more
        results.sort(key=lambda r: r.series)
        found.sort(key=lambda d: d.series)  # stable: each series' own order stays
    return Reconciliation(tuple(results), tuple(with_notes(found)))


def _split_families(claims: Iterable[ClaimLike]) -> tuple[dict[str, list], dict[str, list]]:
    """Claims by series for the series without scopes, and by family for families with."""
    series: dict[str, list] = defaultdict(list)
    for claim in claims:
        series[claim.series].append(claim)
    roots: dict[str, list[str]] = defaultdict(list)
    for name in series:
        roots[family_of(name)].append(name)
    families = {
        root: [c for name in names for c in series.pop(name)]
        for root, names in roots.items() if is_scoped(names)
    }
    return series, families


def _reconcile_in_order(name: str, claims: list[Claim], aliases: tuple = ()) -> tuple[SeriesResult, list[Discrepancy]]:
    return reconcile_series(name, sorted(claims, key=lambda c: c.seq), aliases=aliases)


def find_conflicts(
    claims: Iterable[ClaimLike], workers: int | None = None, complete: Iterable[str] = (),
    aliases: Iterable[tuple[str, str]] = (),
) -> tuple[Discrepancy, ...]:
    """Only the conflicts of :func:`reconcile` (the same ones, in the same order), without
    bounds, estimates or soft checks: what ``pxl check`` needs. Takes claims or the
    lighter :class:`~ledger.model.Figure` records alike; series are searched on every
    core as :func:`reconcile` does."""
    series, families = _split_families(claims)
    answers = in_workers.by_series(partial(_series_conflicts, aliases=tuple(aliases)), series, workers)
    found = [d for more in answers.values() for d in more]
    if families:
        from .families import family_conflicts  # it builds on this module

        for members in families.values():
            found += family_conflicts(members, frozenset(complete), aliases)
        found.sort(key=lambda d: d.series)
    return tuple(with_notes(found))


def _series_conflicts(name: str, claims: list[ClaimLike], aliases: tuple = ()) -> list[Discrepancy]:
    series_claims = sorted(claims, key=lambda c: c.seq)
    series = SeriesGraph(series_claims)
    resolution = resolve(series, Corroboration(series_claims, OriginIndex(series_claims, aliases)))
    return _conflict_discrepancies(name, series, resolution)


def reconcile_series(
    name: str, claims: list[Claim], extra_days: Iterable[date] = (), aliases: Iterable[tuple[str, str]] = ()
) -> tuple[SeriesResult, list[Discrepancy]]:
    """Reconcile one series; ``extra_days`` adds dates to estimate at; ``aliases``:
    speaker names declared one origin."""
    origins = OriginIndex(claims, aliases)
    support = Corroboration(claims, origins)
    days = sorted({c.as_of.last for c in claims if c.as_of is not None}
                  | {c.deadline.last for c in claims if c.deadline} | set(extra_days))
    # The day before each period a target covers: C(end) - C(start - 1) is its release
    # (a period starting in some day of a month: before its first day and before its last).
    before = {day for c in claims if c.period_start and c.kind not in RELEASE_KINDS
              for day in (c.period_start.day_before(), c.period_start.last - timedelta(days=1))}
    series_graph = SeriesGraph(claims, extra_days=days + sorted(before))
    resolution = resolve(series_graph, support)
    exclusions = resolution.exclusions
    graph = series_graph.graph({e.claim.seq for e in exclusions})
    upper = shortest_paths(graph, 0)
    lower = shortest_paths(graph, 0, reverse=True)
    estimates = _estimates(graph, upper, lower, days)

    targets = tuple(c for c in claims if c.kind is Kind.TARGET)
    target = main_target(targets)
    result = SeriesResult(
        series=name,
        claims=tuple(claims),
        target=target,
        targets=targets,
        pledges=tuple(c for c in claims if c.kind is Kind.PLEDGE),
        demands=tuple(c for c in claims if c.kind is Kind.DEMAND),
        estimates=estimates,
        latest=estimates[-1] if estimates else None,
        exclusions=tuple(exclusions),
        exact=resolution.exact,
        lower_bound=resolution.lower_bound,
        origins=len({origins.origin(c) for c in claims}),
        single_origin=single_origin(claims, support),
    )
    found = _conflict_discrepancies(name, series_graph, resolution)
    found += _target_disagreements(name, claims)
    found += _target_checks(result, lambda start, end: _over_period(graph, start, end))
    found.sort(key=lambda d: (DISCREPANCY_ORDER.index(d.type), min(c.seq for c in d.claims)))
    return result, found


def _conflict_discrepancies(name: str, series: SeriesGraph, resolution: Resolution) -> list[Discrepancy]:
    """Every direct contradiction, grouped by agreeing figures, then the irreducible sets
    behind each exclusion that those do not already name (a few per exclusion)."""
    found: list[Discrepancy] = []
    named: set[frozenset[int]] = set()
    for direct in direct_contradictions(series.claim_edges()):
        lows = [e.claim for e in direct.lows]
        highs = [e.claim for e in direct.highs]
        named.update(frozenset((lo.seq, hi.seq)) for lo in lows for hi in highs)
        found.append(direct_discrepancy(name, direct, lows, highs))
    for exclusion in resolution.exclusions:
        # Two-claim sets are direct contradictions, listed above (grouped, the nearest named).
        for conflict in [c for c in exclusion.resolves if len(c.claims) > 2][:NAMED_CONFLICTS]:
            key = frozenset(c.seq for c in conflict.claims)
            if key in named:
                continue
            named.add(key)
            found.append(Discrepancy("conflict", name, conflict.claims, conflict.message,
                                     conflict.message.rsplit(": ", 1)[-1]))
    found.sort(key=lambda d: min(c.seq for c in d.claims))
    return found


def direct_discrepancy(name: str, direct, lows: list, highs: list, say=statement, note: str = "") -> Discrepancy:
    """A direct contradiction (:mod:`ledger.reconcile.contradictions`) as a discrepancy of
    series ``name``: the agreeing ``lows`` against the nearest agreeing ``highs`` (the
    claims of its edges), the rest counted. ``say`` words a claim; ``note`` follows the
    arithmetic."""
    arithmetic = pair_conflict(direct.highs[0], direct.lows[0]).message.rsplit(": ", 1)[-1] + note
    more = (f"; {count(direct.more, 'more claim')} {'contradicts' if direct.more == 1 else 'contradict'} "
            f"{_ids(lows)} the same way (counted, not named here: this conflict names the nearest)"
            ) if direct.more else ""
    message = f"{say(lows[0])} ({_ids(lows)}) cannot hold with {say(highs[0])} ({_ids(highs)}): {arithmetic}{more}"
    claims = tuple(sorted(lows + highs, key=lambda c: c.seq))
    return Discrepancy("conflict", name, claims, message, arithmetic, (tuple(lows), tuple(highs)))


def _ids(claims) -> str:
    return ", ".join(c.id for c in claims)


def _estimates(
    graph: ConstraintGraph, upper: ShortestPaths, lower: ShortestPaths, days: list[date]
) -> tuple[Estimate, ...]:
    estimates = []
    running_best = 0
    high_setters, low_setters = _setters(upper), _setters(lower)
    for day in days:
        node = graph.node_of(day)
        high_distance = upper.distance[node]
        high = None if high_distance == INFINITY else int(high_distance)
        low = int(-lower.distance[node])
        best = low if high is None else (low + high) // 2
        running_best = max(running_best, best)
        best = min(running_best, high) if high is not None else running_best
        low_count, low_claims = low_setters(node)
        high_count, high_claims = high_setters(node) if high is not None else (0, ())
        estimates.append(Estimate(day, low, high, best, low_claims, high_claims, low_count, high_count))
    return tuple(estimates)


def _setters(paths: ShortestPaths):
    """For a node: how many claims lie on its shortest path, and the nearest of them.

    Memoised along the shortest-path tree (a node's path is its parent's plus one edge),
    so all nodes together cost O(nodes), however long the paths."""
    memo: dict[int, tuple[int, tuple[Claim, ...]]] = {}

    def setters(node: int) -> tuple[int, tuple[Claim, ...]]:
        chain = []
        while node not in memo and paths.parent[node] is not None:
            chain.append(node)
            node = paths.parent_node[node]
            if len(chain) > len(paths.parent):  # pragma: no cover - a cycle: never after resolution
                break
        result = memo.get(node, (0, ()))
        for child in reversed(chain):
            edge = paths.parent[child]
            if edge is not None and edge.claim is not None and edge.claim not in result[1]:
                result = (result[0] + 1, ((edge.claim,) + result[1])[:MAX_BOUND_CLAIMS])
            memo[child] = result
        return result

    return setters


def main_target(targets: Iterable[Claim]) -> Claim | None:
    """The target progress is measured against: among the whole series's (no period; a
    period's only where none is), those that agree with the most others, then an exact
    figure before a wording's range ("887" before "nearly 900"), then the latest stated."""
    targets = list(targets)
    whole = [c for c in targets if c.period_start is None] or targets
    if not whole:
        return None
    return max(_best_supported(whole), key=lambda c: (c.lo == c.hi, c.as_of.last if c.as_of else date.min, c.seq))


def _target_disagreements(name: str, claims: list[Claim]) -> list[Discrepancy]:
    """Targets (pledges, demands) that differ, among those of one kind about the same
    period and phase: the same ``period_start``, ``deadline`` and ``event`` (a phase is
    recorded as the event, e.g. "phase 1"). A first-phase pledge and the whole deal's
    figure, or targets due on different dates, do not disagree."""
    found = []
    for kind in (Kind.TARGET, Kind.PLEDGE, Kind.DEMAND):
        periods: dict[tuple, list[Claim]] = defaultdict(list)
        for c in claims:
            if c.kind is kind:
                periods[(c.period_start, c.deadline, c.event)].append(c)
        for group in periods.values():
            if len(group) < 2 or all(intersects(a, b) for i, a in enumerate(group) for b in group[i + 1:]):
                continue
            # A majority that agrees is said once, against the figures that differ from it;
            # without one, every figure is listed.
            agreeing = _best_supported(group)
            if 2 * len(agreeing) <= len(group):
                agreeing = []
            differing = [c for c in group if c not in agreeing]
            values = "; ".join(
                f"{c.id} {bound(c.lo, c.hi).removeprefix('= ')} ({c.speaker or c.source.publisher}, {c.as_of or 'undated'})"
                for c in differing
            )
            against = f"; against {_agreement(agreeing)} stated by {_ids(agreeing)}" if agreeing else ""
            found.append(Discrepancy(
                "target_disagreement", name, tuple(group),
                f"the {kind.value}s stated for {name}{_period_text(group[0])} differ: {values}{against}",
            ))
    return found


def _best_supported(group: list[Claim]) -> list[Claim]:
    """The largest set of figures that can all be true at once: those containing the
    value that most of them contain (the smallest such value, so the choice does not
    depend on the order of rows)."""
    best_value, best = None, -1
    for value in sorted({c.lo for c in group}):
        support = sum(1 for c in group if c.lo <= value and (c.hi is None or value <= c.hi))
        if support > best:
            best_value, best = value, support
    return [c for c in group if c.lo <= best_value and (c.hi is None or best_value <= c.hi)]


def _agreement(claims: list[Claim]) -> str:
    """What a set of compatible figures says together: their common interval."""
    lo = max(c.lo for c in claims)
    highs = [c.hi for c in claims if c.hi is not None]
    return f"{bound(lo, min(highs) if highs else None).removeprefix('= ')} ({count(len(claims), 'figure')})"


def _period_text(claim: Claim) -> str:
    parts = []
    if claim.period_start:
        parts.append(f"from {claim.period_start}")
    if claim.deadline:
        parts.append(f"due {claim.deadline}")
    if claim.event:
        parts.append(f"({claim.event})")
    return (" " + " ".join(parts)) if parts else ""


Span = tuple[int, tuple[Claim, ...], int | None, tuple[Claim, ...]]  # low, its claims, high, its claims


def _target_checks(result: SeriesResult, over_period: Callable[[date, date], Span] | None = None) -> list[Discrepancy]:
    """``over_target`` and ``shortfall``, each naming the target (pledge) and the claims
    that set the bound it quotes. A target with a ``period_start`` is compared with the
    release over its period (``over_period(start, end)``: the bounds of C(end) -
    C(start - 1) and the claims on their paths); without ``over_period`` such targets are
    not compared. Whole-series figures fall short at their deadline, else (the main
    target only) at the latest date; a whole-series target is exceeded when the latest
    low exceeds it. An open target ("at least 1,000") is never exceeded
    and an upper-bounded one ("up to 1,000") never fallen short of."""
    found = []
    latest = result.latest
    for claim in result.targets + result.pledges:
        if claim.deadline is None and claim is not result.target and claim.period_start is None:
            continue
        due = claim.deadline.last if claim.deadline else (latest.date if latest else None)
        if due is None or (claim.period_start is not None and over_period is None):
            continue
        if claim.period_start is not None:
            low, low_claims, high, high_claims = over_period(claim.period_start, due)
            over_span = span = _released_over(claim.period_start, due)
        else:
            estimate = result.estimate_at(due)
            if estimate is None or latest is None:
                continue
            high, high_claims = estimate.high, estimate.high_claims
            low, low_claims = latest.low, latest.low_claims  # exceeded at any time is exceeded
            span, over_span = f"released by {due.isoformat()}", f"released by {latest.date.isoformat()}"
        said = f"{claim.kind.value} of {bound(claim.lo, claim.hi).removeprefix('= ')} ({claim.id})"
        if claim.kind is Kind.TARGET and claim.hi is not None and low > claim.hi:
            found.append(Discrepancy(
                "over_target", result.series, (claim, *low_claims),
                f"at least {number(low)} {over_span} (low set by {_ids(low_claims)}), more than the {said}",
            ))
        if high is not None and high < claim.lo and (claim.deadline or claim is result.target):
            when = "by the deadline" if claim.deadline else "by the latest date"
            found.append(Discrepancy(
                "shortfall", result.series, (claim, *high_claims),
                f"{when}, at most {number(high)} {span} (high set by {_ids(high_claims) or 'nothing'}), "
                f"short of the {said}",
            ))
    return found


def _released_over(start: Period, due: date) -> str:
    """'released on 2023-04-15' for a one-day period, else 'released 2023-04-14..2023-04-16'."""
    if start.first == start.last == due:
        return f"released on {due.isoformat()}"
    return f"released {start.isoformat()}..{due.isoformat()}"


def _over_period(graph: ConstraintGraph, start: Period, end: date) -> Span:
    """Tight bounds of C(end) - C(start - 1) and the claims on the paths that set them:
    x_end - x_before <= d(before, end) and x_before - x_end <= d(end, before). A period
    starting some day of a month counts its high from before the month's first day and
    its low from before its last (sound whichever day it started)."""
    early, late = graph.node_of(start.day_before()), graph.node_of(start.last - timedelta(days=1))
    after = graph.node_of(end)
    upward = shortest_paths(graph, early)
    downward = shortest_paths(graph, after)
    high = None if upward.distance[after] == INFINITY else int(upward.distance[after])
    low = max(0, int(-downward.distance[late])) if downward.distance[late] != INFINITY else 0
    high_claims = () if high is None else _claims_on(upward.path_to(after))
    return low, _claims_on(downward.path_to(late)) if low else (), high, high_claims


def _claims_on(path: list[Edge]) -> tuple[Claim, ...]:
    seen: dict[int, Claim] = {}
    for edge in path:
        if edge.claim is not None:
            seen.setdefault(edge.claim.seq, edge.claim)
    return tuple(seen.values())[:MAX_BOUND_CLAIMS]


def single_origin(claims: Iterable[Claim], support: Corroboration) -> tuple[Claim, ...]:
    """The claims no independent origin corroborates: every compatible figure about the
    same quantity comes from the claim's own origin (:mod:`ledger.reconcile.origins`)."""
    return tuple(c for c in claims if len(support.get(c.seq, ())) <= 1)
