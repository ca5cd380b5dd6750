"""A scope family's results: one :class:`SeriesResult` per scope, from the exact system of
:mod:`ledger.reconcile.scopes`, and the family's discrepancies. Pure.

Estimates of a scope are given at the dates of its own claims and its parts' claims (and
its deadlines); every bound is the exact integer bound of the whole family's kept claims,
so a parent's low rises with its parts' lows and a part's high falls with its parent's.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Sequence

from ..english import cannot_hold
from ..model import Claim, Kind
from .engine import (
    DISCREPANCY_ORDER,
    BoundPaths,
    Discrepancy,
    Estimate,
    Exclusion,
    SeriesResult,
    _target_checks,
    _target_disagreements,
    main_target,
    single_origin,
)
from .explain import statement
from .graph import Edge
from .fewest import exclusion_inputs
from .origins import Corroboration, OriginIndex, figure_key
from .scope_pairs import cross_scope_contradictions
from ..model import parent_of
from .scopes import (
    Bound, Family, TotalBounds, Row, System, arithmetic, least_hitting_weight, release_claims, same_figure,
)


MAX_CONFLICTS_PER_CLAIM = 5  # irreducible conflicts listed for each claim set aside
APPROXIMATE_EXPLAINED = 40  # in an approximation: claims set aside named with one conflict each


@dataclass(frozen=True)
class ScopedSeriesResult(SeriesResult):
    """A scope's result; the claims behind its bounds may belong to any scope of the family."""

    behind: dict = field(default_factory=dict, repr=False, compare=False)  # date -> (low, high) Bound

    def why(self, day: date) -> BoundPaths:
        low, high = self.behind[day]
        return BoundPaths(_edges(low.rows()), None if high.value is None else _edges(high.rows()))


def _edges(rows: Sequence[Row]) -> tuple[Edge, ...]:
    return tuple(Edge(0, 0, row.value, row.claim, row.side) for row in sorted(rows, key=lambda r: r.claim.seq))


def reconcile_family(
    claims: Sequence[Claim], complete: frozenset[str] = frozenset(), extra_days: Iterable[date] = (),
    aliases: Iterable[tuple[str, str]] = (),
) -> tuple[list[ScopedSeriesResult], list[Discrepancy]]:
    """Reconcile the claims of one family (a root series and its scopes) together;
    ``aliases``: speaker names declared one origin (they weigh as one)."""
    claims = sorted(claims, key=lambda c: c.seq)
    extra_days = list(extra_days)
    by_series: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_series[claim.series].append(claim)
    days_of = _days(by_series, extra_days)
    releases = release_claims(claims)
    family = Family.of(by_series, releases, complete, {d for days in days_of.values() for d in days})
    system = System(family, releases)
    conflicts, excluded, reasons, lower_bound, rules = _conflicts(family, system, releases, tuple(aliases))
    bounds = TotalBounds(family, system, [c.seq for c in releases if c.seq not in excluded])

    results, found = [], []
    for scope in family.scopes:
        own = by_series.get(scope, [])
        estimates, behind = _estimates(family, bounds, scope, days_of[scope])
        origins = OriginIndex(own)
        support = Corroboration(own, origins)
        targets = tuple(c for c in own if c.kind is Kind.TARGET)
        result = ScopedSeriesResult(
            series=scope,
            claims=tuple(own),
            target=main_target(targets),
            targets=targets,
            pledges=tuple(c for c in own if c.kind is Kind.PLEDGE),
            demands=tuple(c for c in own if c.kind is Kind.DEMAND),
            estimates=estimates,
            latest=estimates[-1] if estimates else None,
            exclusions=tuple(Exclusion(c, reasons[c.seq], rules.get(c.seq, "weight" if lower_bound is None else "approximation"))
                             for c in own if c.seq in excluded),
            origins=len({origins.origin(c) for c in own}),
            single_origin=single_origin(own, support),
            parent=parent_of(scope),
            complete=scope in family.complete,
            behind=behind,
            parts=tuple(family.children.get(scope, ())),
            remainder=_remainder(family, bounds, scope, estimates[-1].date) if estimates else None,
            exact=lower_bound is None,
            lower_bound=lower_bound or 0.0,
        )
        results.append(result)
        found += _target_disagreements(scope, own)
        found += _target_checks(result)
    found += conflicts
    found.sort(key=lambda d: (DISCREPANCY_ORDER.index(d.type), min(c.seq for c in d.claims)))
    return results, found


def family_conflicts(claims: Sequence[Claim], complete: frozenset[str] = frozenset(),
                     aliases: Iterable[tuple[str, str]] = ()) -> list[Discrepancy]:
    """Only the conflicts of :func:`reconcile_family` (for ``pxl check``)."""
    releases = release_claims(claims)
    family = Family.of({c.series for c in claims}, releases, complete, ())
    return _conflicts(family, System(family, releases), releases, tuple(aliases))[0]


def _days(by_series: dict[str, list[Claim]], extra: list[date]) -> dict[str, list[date]]:
    """The dates to estimate each scope at: its own and its parts' claim dates, its deadlines."""
    days: dict[str, set[date]] = defaultdict(set)
    for series, group in by_series.items():
        for claim in group:
            if claim.deadline:
                days[series].add(claim.deadline.last)
            if claim.as_of is None:
                continue
            scope: str | None = series
            while scope is not None:
                days[scope].add(claim.as_of.last)
                scope = parent_of(scope)
    return defaultdict(list, {s: sorted(d | set(extra)) for s, d in days.items()})


def _conflicts(
    family: Family, system: System, releases: list[Claim], aliases: tuple = ()
) -> tuple[list[Discrepancy], set[int], dict[int, str], float | None, dict[int, str]]:
    """The family's conflicts, the claims set aside, the reason for each, None when they
    are the least-weight set, else a proven lower bound on its weight (the
    linear-programming relaxation of hitting every conflict found), and the rule that
    decided each claim whose rule is not the family's own ("tie-break": see _order_ties)."""
    if system.feasible([c.seq for c in releases]):
        return [], set(), {}, None, {}
    weights, keys = exclusion_inputs(releases, Corroboration(releases, OriginIndex(releases, aliases)))
    out, exact = system.set_aside(weights, keys)
    excluded = {c.seq for c in out}
    kept = [c for c in releases if c.seq not in excluded]
    # Agreeing figures are grouped: a conflict names every copy of each figure in it
    # (ten outlets saying 58 against one saying 54 is one discrepancy naming all eleven).
    copies: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in releases:
        copies[same_figure(claim)].append(claim)
    # One discrepancy per quantity set aside (figure_key: series, kind, date, period, event):
    # every figure set aside for it (and its copies), with each irreducible conflict that
    # sets one aside, so the list grows with the quantities in conflict, not with their
    # permutations. Two claims both set aside meet in no core: scope_pairs names those.
    cores_of: dict[tuple, dict[frozenset, list[Claim]]] = defaultdict(dict)
    reasons: dict[int, str] = {}
    names = ", ".join(c.id for c in out)
    every_core: list[list[Claim]] = []
    searched: dict[tuple, tuple[Claim, list[list[Claim]]]] = {}
    for number, claim in enumerate(out):
        limit = MAX_CONFLICTS_PER_CLAIM if exact else int(number < APPROXIMATE_EXPLAINED)
        # A copy of a figure already searched has the same rows, so the same search finds
        # the same conflicts, the copy in place of the figure.
        if (same_figure(claim), limit) in searched:
            first, found = searched[same_figure(claim), limit]
            cores = [sorted([claim if c is first else c for c in core], key=lambda c: c.seq) for core in found]
        else:
            cores = system.conflicts_with(claim, kept, limit)
            searched[same_figure(claim), limit] = (claim, cores)
        every_core += cores
        others = "; with ".join(", ".join(c.id for c in core if c.seq != claim.seq) for core in cores)
        against = (f"conflicts with {others}" if cores else
                   f"cannot hold with the claims kept before it (conflicts are named for the first "
                   f"{APPROXIMATE_EXPLAINED} of the {len(out)} claims set aside)")
        reasons[claim.seq] = f"{against}; " + (
            f"setting aside {names} is the least-weighted way (by source grading, attribution, "
            "precision and independent origins, then the exclusion policy) to leave the rest of the "
            "family consistent" if exact else "{approximation}"
        )
        for core in cores:
            cores_of[figure_key(claim)].setdefault(frozenset(same_figure(c) for c in core), core)
    found: list[Discrepancy] = []
    seen: set[frozenset] = set()
    for quantity, cores in cores_of.items():
        parts, words, named, listed = [], [], set(), []
        for figures, core in cores.items():
            if figures in seen:  # the same conflict, met from another figure set aside
                continue
            seen.add(figures)
            words.append(arithmetic(family, system, core))
            parts.append(f"{cannot_hold(len(core), 'figure')}: "
                         f"{'; '.join(_figure_words(copies[same_figure(c)]) for c in core)}: {words[-1]}")
            named.update(c for f in figures for c in copies[f])
            listed.append(tuple(core))
        if not parts:
            continue
        set_aside = ", ".join(c.id for c in out if figure_key(c) == quantity)
        head = f"setting aside {set_aside} resolves these {len(parts)} conflicts: " if len(parts) > 1 else ""
        message = head + " | ".join(f"({i}) {part}" if len(parts) > 1 else part for i, part in enumerate(parts, 1))
        claims = tuple(sorted(named, key=lambda c: c.seq))
        found.append(Discrepancy("conflict", _common_scope([c.series for c in claims]), claims, message,
                                 "; ".join(words), cores=tuple(listed) if len(listed) > 1 else ()))
    found += cross_scope_contradictions(releases, found)
    if exact:
        rules = {}
        for seq, said in _order_ties(family, system, out, kept, weights, keys).items():
            rules[seq] = "tie-break"
            reasons[seq] = reasons[seq].replace(
                " is the least-weighted way (by source grading, attribution, precision and independent origins, "
                "then the exclusion policy) to leave the rest of the family consistent",
                " is a least-weighted way to leave the rest of the family consistent") + "; " + said
        return found, excluded, reasons, None, rules
    lower_bound = least_hitting_weight(every_core, weights)
    said = (f"chosen by one incremental pass (each claim kept while the kept can all hold, those that "
            f"need not give way first, then heaviest and most trustworthy; {sum(weights[c.seq] for c in out)} "
            f"set aside in this family, the least possible is at least {lower_bound:.0f})")
    return found, excluded, {s: r.replace("{approximation}", said) for s, r in reasons.items()}, lower_bound, {}


def _order_ties(family: Family, system: System, out: Sequence[Claim], kept: Sequence[Claim],
                weights: dict[int, int], keys: dict[int, tuple]) -> dict[int, str]:
    """For each claim set aside that a kept claim could replace at the same weight, where
    nothing but the order of recording tells the two apart (their policy keys differ only
    in it), the words that say so and what keeping it instead would conclude: the choice
    is disclosed, not hidden (new-user trial: two figures of one sentence, one set aside
    by row order, changed two scopes' bounds)."""
    said: dict[int, str] = {}
    kept_seqs = [c.seq for c in kept]
    for claim in out:
        for rival in kept:
            if weights[rival.seq] != weights[claim.seq] or keys[rival.seq][:-1] != keys[claim.seq][:-1]:
                continue
            swapped = [s for s in kept_seqs if s != rival.seq] + [claim.seq]
            if not system.feasible(swapped):
                continue
            said[claim.seq] = (
                f"setting aside {rival.id} instead would weigh the same, and nothing else tells them apart "
                f"(grading, attribution, precision, origins, dates): {claim.id} goes first only because it "
                f"was recorded first, so the bounds resting on {rival.id} rest on that order; keeping "
                f"{claim.id} instead: {_reading(family, system, swapped, kept_seqs, {claim.series, rival.series})}"
            )
            break
    return said


def _reading(family: Family, system: System, kept: list[int], base: list[int], series: set[str]) -> str:
    """The latest bounds with ``kept`` claims of ``series``, the scopes above them, and
    every other scope whose latest bounds differ from those with ``base`` (break test: a
    sibling part whose high the other reading closes was left unsaid)."""
    named: set[str] = set()
    for name in series:
        scope: str | None = name
        while scope is not None:
            named.add(scope)
            scope = parent_of(scope)
    last = len(family.points) - 1  # after every claim
    other, now = TotalBounds(family, system, kept), TotalBounds(family, system, base)
    words = []
    for scope in family.scopes:
        low, high = other.total(scope, last, upper=False).value, other.total(scope, last, upper=True).value
        if scope not in named and (low, high) == (now.total(scope, last, upper=False).value,
                                                  now.total(scope, last, upper=True).value):
            continue
        words.append(f"{scope} {low or 0:,}" + ("" if high == low else f" to {'open' if high is None else f'{high:,}'}"))
    return "; ".join(words)


def _figure_words(copies: list[Claim]) -> str:
    first = copies[0]
    ids = ", ".join(c.id for c in copies)
    said = f" (stated {len(copies)} times)" if len(copies) > 1 else ""
    return f"{ids} {first.series} {statement(first)}{said}"


def _common_scope(series: list[str]) -> str:
    parts = [s.split("/") for s in series]
    common = []
    for level in zip(*parts, strict=False):  # up to the shortest key
        if len(set(level)) > 1:
            break
        common.append(level[0])
    return "/".join(common)


def _estimates(family: Family, bounds: TotalBounds, scope: str, days: list[date]) -> tuple[tuple[Estimate, ...], dict]:
    estimates, behind = [], {}
    running_best = 0
    for day in days:
        node = family.node_of(day)
        low, high = bounds.total(scope, node, upper=False), bounds.total(scope, node, upper=True)
        best = low.value if high.value is None else (low.value + high.value) // 2
        running_best = max(running_best, best)
        best = min(running_best, high.value) if high.value is not None else running_best
        estimates.append(_estimate(day, low, high, best))
        behind[day] = (low, high)
    return tuple(estimates), behind


def _estimate(day: date, low: Bound, high: Bound, best: int) -> Estimate:
    return Estimate(day, low.value, high.value, best, low.named, high.named if high.value is not None else (),
                    low.count, high.count if high.value is not None else 0)


def _remainder(family: Family, bounds: TotalBounds, scope: str, day: date) -> Estimate | None:
    """Bounds of the scope's total minus its parts' at ``day`` (None: it has no parts)."""
    if not family.children.get(scope):
        return None
    if scope in family.complete:  # nothing is left over
        return Estimate(day, 0, 0, 0)
    node = family.node_of(day)
    low, high = bounds.remainder(scope, node, upper=False), bounds.remainder(scope, node, upper=True)
    return _estimate(day, low, high, low.value if high.value is None else (low.value + high.value) // 2)
