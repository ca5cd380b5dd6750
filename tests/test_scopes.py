"""Scope families against a brute-force oracle over every small integer history.

The oracle enumerates every history of a parent P with parts A and B over days 0..2
(each total non-decreasing from 0 before day 0, which no claim names, P = A + B + R with the remainder R non-decreasing too, and
R = 0 when P is complete) and keeps those that satisfy the claims. The parts of a scope
are the scopes claims name: a complete P with claims on A alone is A, and with no claims
on any part, a declaration of completeness has nothing to act on. The engine must agree
on feasibility and on every bound, and every conflict it reports must be irreducible.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pxl.ledger.dates import Period, Precision
from pxl.ledger.reconcile import reconcile
from pxl.ledger.reconcile.families import reconcile_family
from pxl.ledger.reconcile.origins import OriginIndex
from pxl.ledger.reconcile.scopes import same_figure
from pxl.ledger.reconcile.weights import claim_weights
from tests.claims import claim, day, source

PARENT, PARTS = "p->q", ("p->q/a", "p->q/b")
SCOPES = (PARENT, *PARTS)
DAYS = 2
MOST = 2  # claimed figures are 0..MOST
CAP = DAYS * MOST  # no bound or needed total exceeds it


@lru_cache(maxsize=None)
def histories(cap: int, complete: bool, named: frozenset[str]) -> dict[str, np.ndarray]:
    """Every history with each remainder (A, B, R) at most ``cap``: per scope an array of
    shape (histories, DAYS + 1), column t the total by the end of day t. Parts no claim
    names are 0 in a complete P (they are folded into R otherwise, which is the same)."""
    steps = [seq for seq in itertools.product(range(cap + 1), repeat=DAYS + 1) if list(seq) == sorted(seq)]
    zero = [(0,) * (DAYS + 1)]
    a_steps, b_steps = (steps if part in named or not complete else zero for part in PARTS)
    rows = itertools.product(a_steps, b_steps, zero if complete else steps)
    a, b, r = (np.array(side, dtype=np.int8) for side in zip(*rows, strict=True))
    return {PARENT: a + b + r, PARTS[0]: a, PARTS[1]: b}


def satisfying(claims, cap: int, complete: bool, named: frozenset[str]) -> dict[str, np.ndarray]:
    every = histories(cap, complete and bool(named & set(PARTS)), named)
    ok = np.ones(every[PARENT].shape[0], dtype=bool)
    for c in claims:
        if c.as_of is None:  # undated: recorded, constrains nothing
            continue
        totals = every[c.series]
        e1, e2 = ((c.as_of.first - day(0)).days, (c.as_of.last - day(0)).days)
        # A date known to an interval of days holds on some day of it; the SPEC's sound
        # relaxation: C(e2) - C(s1) >= lo and C(e1) - C(s2) <= hi (when e1 > s2).
        s1, s2 = (None, None) if c.kind.value == "cumulative" else (e1 - 1, e2 - 1)
        at = lambda t, totals=totals: 0 if t is None else totals[:, t]  # noqa: E731
        ok &= at(e2) - at(s1) >= c.lo
        if c.hi is not None and (s2 is None or e1 > s2):
            ok &= at(e1) - at(s2) <= c.hi
    return {s: m[ok] for s, m in every.items()}


def feasible(claims, complete: bool, named: frozenset[str] | None = None) -> bool:
    named = frozenset(c.series for c in claims) if named is None else named
    return satisfying(claims, CAP, complete, named)[PARENT].shape[0] > 0


def oracle_bounds(claims, complete: bool, named: frozenset[str], scope: str, t: int) -> tuple[int, int | None]:
    """The least and greatest total; the greatest is open if a larger cap raises it."""
    small = satisfying(claims, CAP, complete, named)[scope][:, t]
    large = satisfying(claims, CAP + 1, complete, named)[scope][:, t]
    high = int(large.max())
    return int(small.min()), (None if high > int(small.max()) else high)


# A day, the days 1..2 as a coarse date (as a month is the interval of its days), or none.
WHEN = st.one_of(st.builds(day, st.integers(1, DAYS)), st.just(Period(day(1), day(DAYS), Precision.MONTH)),
                 st.just(None))


@st.composite
def families(draw):
    count = draw(st.integers(1, 5))
    found = []
    for _ in range(count):
        lo = draw(st.integers(0, MOST))
        hi = draw(st.one_of(st.none(), st.integers(lo, MOST)))
        found.append(claim(
            draw(st.sampled_from(["cumulative", "increment"])), lo, hi, draw(WHEN),
            series=draw(st.sampled_from(SCOPES)), speaker=draw(st.sampled_from(["x", "y", None])),
        ))
    return found, draw(st.booleans())


@settings(max_examples=200, deadline=None)
@given(families())
def test_engine_agrees_with_the_oracle(case):
    claims, complete = case
    results, found = reconcile_family(claims, frozenset({PARENT}) if complete else frozenset())
    conflicts = [d for d in found if d.type == "conflict"]
    assert (not conflicts) == feasible(claims, complete)
    named = frozenset(c.series for c in claims)
    for conflict in conflicts:  # irreducible: all cannot hold, every smaller set can
        # Copies of one figure are named together: the figures are the irreducible set;
        # several sets over one quantity set aside are one discrepancy, each set listed.
        for core in conflict.cores or [conflict.claims]:
            assert set(core) <= set(conflict.claims)
            members = list({same_figure(c): c for c in core}.values())
            assert not feasible(members, complete, named)
            for left_out in members:
                assert feasible([c for c in members if c is not left_out], complete, named)
    for a in claims:  # every direct contradiction is visible, next to a claim it contradicts
        against = {b.seq for b in claims if b is not a and not feasible([a, b], complete, named)}
        if against:
            assert any(a in d.claims and against & {c.seq for c in d.claims} for d in conflicts), a
    named = frozenset(c.series for c in claims)  # the family's scopes, whatever is set aside
    excluded = {c.seq for r in results for c in r.excluded}
    kept = [c for c in claims if c.seq not in excluded]
    assert feasible(kept, complete, named)
    weights = claim_weights(claims, OriginIndex(claims))
    least = min(sum(weights[c.seq] for c in out) for k in range(len(claims) + 1)
                for out in itertools.combinations(claims, k)
                if feasible([c for c in claims if c not in out], complete, named))
    assert sum(weights[s] for s in excluded) == least
    for result in results:
        for estimate in result.estimates:
            t = (estimate.date - day(0)).days
            assert (estimate.low, estimate.high) == oracle_bounds(kept, complete, named, result.series, t)


@settings(max_examples=60, deadline=None)
@given(families(), st.sampled_from(PARTS), st.integers(0, MOST), st.integers(1, DAYS))
def test_a_part_claim_never_loosens_a_bound(case, part, lo, when):
    claims, complete = case
    declared = frozenset({PARENT}) if complete else frozenset()
    if not feasible(claims, complete):
        return
    more = claims + [claim("cumulative", lo, None, day(when), series=part)]
    if part not in {c.series for c in claims} and complete:
        return  # a new part of a complete parent changes what the parent is made of
    if not feasible(more, complete):
        return
    days = [day(t) for t in range(1, DAYS + 1)]
    before, _ = reconcile_family(claims, declared, days)
    after, _ = reconcile_family(more, declared, days)
    tighter = {r.series: r for r in after}
    for result in before:
        for estimate in result.estimates:
            now = tighter[result.series].estimate_at(estimate.date)
            assert now.low >= estimate.low
            assert estimate.high is None or (now.high is not None and now.high <= estimate.high)


def test_parts_and_whole_of_one_day_are_no_conflict():
    claims = [claim("cumulative", 24, 24, day(1), series="h->x"),
              claim("cumulative", 13, 13, day(1), series="h->x/israeli"),
              claim("cumulative", 10, 10, day(1), series="h->x/thai")]
    result = reconcile(claims)
    assert not result.conflicts
    parent = result.for_series("h->x")
    assert parent.parts == ("h->x/israeli", "h->x/thai")
    assert (parent.remainder.low, parent.remainder.high) == (1, 1)
    assert result.for_series("h->x/thai").parent == "h->x"


def test_a_cross_scope_contradiction_is_named_with_its_arithmetic():
    whole = claim("cumulative", 58, 58, day(2), series="h->x")
    israeli = claim("cumulative", 39, 39, day(2), series="h->x/israeli")
    others = claim("cumulative", 24, None, day(2), series="h->x/others")
    result = reconcile([whole, israeli, others])
    [conflict] = result.conflicts
    assert set(conflict.claims) == {whole, israeli, others} and conflict.series == "h->x"
    assert "39 israeli" in conflict.message and "24 others" in conflict.message
    assert "= 63" in conflict.message and "at most 58" in conflict.message


def test_a_parent_low_rises_with_its_parts_and_why_names_them():
    parts = [claim("cumulative", 39, 39, day(2), series="h->x/israeli"),
             claim("cumulative", 24, 24, day(2), series="h->x/thai")]
    result = reconcile(parts + [claim("cumulative", 20, None, day(1), series="h->x")])
    parent = result.for_series("h->x")
    estimate = parent.estimate_at(day(2))
    assert estimate.low == 63 and estimate.high is None
    assert set(estimate.low_claims) == set(parts)
    assert {e.claim for e in parent.why(day(2)).low} == set(parts)


@pytest.mark.parametrize("complete", [False, True])
def test_a_complete_parent_equals_its_parts(complete):
    claims = [claim("cumulative", 13, 13, day(1), series="h->x/israeli"),
              claim("cumulative", 10, 10, day(1), series="h->x/thai")]
    parent = reconcile(claims, complete={"h->x"} if complete else ()).for_series("h->x")
    estimate = parent.estimate_at(day(1))
    assert (estimate.low, estimate.high) == ((23, 23) if complete else (23, None))


def test_every_scope_is_a_series_entry_naming_its_parent_in_json_text_and_markdown():
    from pxl.reports.model import build
    from pxl.reports.reconciliation import to_dict, to_text
    from pxl.reports.render import to_markdown

    claims = [claim("cumulative", 24, 24, day(1), series="h->x"),
              claim("cumulative", 13, 13, day(1), series="h->x/israeli")]
    result = reconcile(claims)
    entries = {s["series"]: s for s in to_dict(result)["series"]}
    assert entries["h->x/israeli"]["parent"] == "h->x" and entries["h->x"]["parent"] is None
    assert entries["h->x"]["parts"] == ["h->x/israeli"]
    assert (entries["h->x"]["remainder"]["low"], entries["h->x"]["remainder"]["high"]) == (11, 11)
    assert "part of h->x" in to_text(result) and "remainder" in to_text(result)
    markdown = to_markdown(build(result, digest=None, as_known_at=None))
    assert "Part of h->x." in markdown and "Parts: h->x/israeli." in markdown


def test_batches_named_in_a_part_and_in_its_parent_are_different_batches():
    # Batch x of the whole released none, batch y of part a released 5, that day 5 in all:
    # y is a batch of the whole too, not the same batch as x, so nothing conflicts.
    claims = [claim("cumulative", 0, 0, day(0), series=PARENT),
              claim("increment", 0, 0, day(1), series=PARENT, event="x"),
              claim("increment", 5, 5, day(1), series=PARTS[0], event="y"),
              claim("cumulative", 5, 5, day(1), series=PARENT)]
    assert not reconcile(claims).conflicts
    # The same batch named in the part and the whole: the part's 5 cannot fit in 0.
    claims[2] = claim("increment", 5, 5, day(1), series=PARTS[0], event="x")
    assert {c.seq for d in reconcile(claims).conflicts for c in d.claims} >= {claims[1].seq, claims[2].seq}


def test_conflicts_over_one_quantity_set_aside_are_one_discrepancy_naming_them_all():
    """Issue 19: the list stays readable. Three figures for the parent on day 2 (each its
    own origin) contradict the parts' 6 + 5 (each said by two origins); they are set
    aside, and their conflicts are one discrepancy naming every claim."""
    parts = [claim("cumulative", n, n, day(2), series=f"{PARENT}/{part}", speaker=who)
             for n, part in ((6, "a"), (5, "b")) for who in ("one", "two")]
    low = [claim("cumulative", n, n, day(2), series=PARENT, speaker=who) for n, who in ((7, "x"), (8, "y"), (9, "z"))]
    [result_conflict] = [d for d in reconcile_family([*parts, *low])[1] if d.type == "conflict"]
    assert set(result_conflict.claims) == {*parts, *low} and len(result_conflict.cores) >= 3
    assert "resolves these 3 conflicts" in result_conflict.message
    for c in low:
        assert c.id in result_conflict.message


@settings(max_examples=60, deadline=None)
@given(families())
def test_the_bounded_approximation_keeps_a_consistent_rest_and_a_true_lower_bound(case):
    """Past ``EXACT_SET_ASIDE`` claims the incremental pass decides: what it keeps can all
    hold, it says it is an approximation, and the lower bound it gives is never above the
    least weight (brute force over every subset) nor above what it set aside."""
    import pxl.ledger.reconcile.scopes as scopes
    from pxl.ledger.reconcile.fewest import exclusion_inputs
    from pxl.ledger.reconcile.origins import Corroboration, OriginIndex

    claims, complete = case
    saved = scopes.EXACT_SET_ASIDE
    scopes.EXACT_SET_ASIDE = -1  # every family with a conflict is approximated
    try:
        results, found = reconcile_family(claims, frozenset({PARENT}) if complete else frozenset())
    finally:
        scopes.EXACT_SET_ASIDE = saved
    named = frozenset(c.series for c in claims)
    excluded = {c.seq for r in results for c in r.excluded}
    assert feasible([c for c in claims if c.seq not in excluded], complete, named)
    if feasible(claims, complete):
        assert not excluded and all(r.exact for r in results)
        return
    weights, _ = exclusion_inputs(claims, Corroboration(claims, OriginIndex(claims)))
    least = min(sum(weights[c.seq] for c in out) for k in range(len(claims) + 1)
                for out in itertools.combinations(claims, k)
                if feasible([c for c in claims if c not in out], complete, named))
    assert sum(weights[s] for s in excluded) >= least
    for result in results:
        assert not result.exact
        assert result.lower_bound <= least + 1e-6
        assert all("incremental pass" in e.reason and e.rule == "approximation" for e in result.exclusions)
    for conflict in (d for d in found if d.type == "conflict"):
        for core in conflict.cores or (conflict.claims,):
            members = list({same_figure(c): c for c in core}.values())
            assert not feasible(members, complete, named)


DEEP = ("d->e", "d->e/x", "d->e/x/y", "d->e/z")


@st.composite
def deep_families(draw):
    found = []
    for _ in range(draw(st.integers(2, 6))):
        lo = draw(st.integers(0, 6))
        hi = draw(st.one_of(st.none(), st.integers(lo, 6)))
        found.append(claim(draw(st.sampled_from(["cumulative", "increment"])), lo, hi,
                           day(draw(st.integers(1, 2))), series=draw(st.sampled_from(DEEP)),
                           speaker=draw(st.sampled_from(["x", "y", None]))))
    return found


@settings(max_examples=150, deadline=None)
@given(deep_families())
def test_every_pair_that_cannot_hold_by_itself_is_named_together_at_any_depth(claims):
    """Break test: x/y at least 10 and x at most 8, both set aside for other conflicts,
    were named in no conflict together. The exact LP of the family is the pair oracle."""
    from pxl.ledger.reconcile.scopes import Family, System, release_claims

    releases = release_claims(claims)
    family = Family.of({c.series for c in claims}, releases, frozenset(), ())
    system = System(family, releases)
    _, found = reconcile_family(claims, frozenset())
    conflicts = [d for d in found if d.type == "conflict"]
    for a in releases:  # each claim named with one it contradicts (the nearest; the rest counted)
        against = {b.seq for b in releases if b is not a and not system.feasible([a.seq, b.seq])}
        if against:
            assert any(a.seq in {c.seq for c in d.claims} and against & {c.seq for c in d.claims}
                       for d in conflicts), a
    for conflict in conflicts:
        for core in conflict.cores or [conflict.claims]:
            members = list({same_figure(c): c.seq for c in core}.values())
            assert not system.feasible(members)


def test_a_part_and_its_sub_part_both_set_aside_are_named_together():
    """The break test's family: both C(x/y)=10 and C(x)=8 are set aside for the sums
    against a->b's 20, and their own contradiction was named nowhere."""
    on = day(1)
    y = claim("cumulative", 10, 10, on, series="a->b/x/y")
    x = claim("cumulative", 8, 8, on, series="a->b/x")
    whole = claim("cumulative", 20, 20, on, series="a->b")
    z = claim("cumulative", 15, 15, on, series="a->b/z")
    result = reconcile([y, x, whole, z])
    assert {c.seq for r in result.series for c in r.excluded} == {y.seq, x.seq}
    (pair,) = [d for d in result.conflicts if {c.seq for c in d.claims} == {y.seq, x.seq}]
    assert pair.series == "a->b/x"
    assert pair.message == (
        f"a->b/x/y total by 2020-01-02 = 10 ({y.id}) cannot hold with a->b/x total by 2020-01-02 = 8 "
        f"({x.id}): at most 8, but at least 10 (a->b/x/y is counted within a->b/x)")


def test_a_family_tie_that_only_recording_order_decides_is_said_with_the_other_reading():
    """New-user trial: 480 by one side and 250 by the other, from one sentence, against
    the ICRC's whole; which was set aside followed the row order, silently."""
    on = day(1)
    sentence = source("Outlet A")
    first = claim("cumulative", 480, 480, on, series="y->d/coalition", src=sentence)
    second = claim("cumulative", 250, 250, on, series="y->d/houthis", src=sentence)
    whole = claim("cumulative", 600, 600, on, series="y->d", speaker="ICRC")
    result = reconcile([first, second, whole], complete={"y->d"})
    (exclusion,) = [e for r in result.series for e in r.exclusions]
    assert exclusion.claim is first and exclusion.rule == "tie-break"
    assert (f"setting aside {second.id} instead would weigh the same, and nothing else tells them apart"
            in exclusion.reason)
    assert exclusion.reason.endswith(f"keeping {first.id} instead: y->d 600; y->d/coalition 480; y->d/houthis 120")
    graded = claim("cumulative", 250, 250, on, series="y->d/houthis", src=sentence, reliability="B", credibility=2)
    (decided,) = [e for r in reconcile([first, graded, whole], complete={"y->d"}).series for e in r.exclusions]
    assert decided.claim is first and decided.rule == "weight" and "nothing else tells" not in decided.reason


@settings(max_examples=100, deadline=None)
@given(families())
def test_the_claims_why_names_alone_give_each_bound(case):
    """A bound's certificate: the claims ``why`` names behind it, alone (with the family's
    rules), give the very same bound, whichever way it was found (a linear program's
    duals, a part's shortest path, a sum over parts)."""
    claims, complete = case
    results, _ = reconcile_family(claims, frozenset({PARENT}) if complete else frozenset())
    named = frozenset(c.series for c in claims)
    for result in results:
        for estimate in result.estimates:
            t = (estimate.date - day(0)).days
            why = result.why(estimate.date)
            low_claims = list({e.claim.seq: e.claim for e in why.low}.values())
            assert oracle_bounds(low_claims, complete, named, result.series, t)[0] == estimate.low
            if estimate.high is not None:
                high_claims = list({e.claim.seq: e.claim for e in why.high}.values())
                assert oracle_bounds(high_claims, complete, named, result.series, t)[1] == estimate.high
            assert set(estimate.low_claims) <= {e.claim for e in why.low}
            assert estimate.low_count == len({e.claim.seq for e in why.low})


@st.composite
def deep_consistent(draw):
    """Claims over DEEP, the scopes claims may name drawn first (a family whose whole and
    middle scope have no claims is where bounds need no linear program), some parents
    complete."""
    scopes = draw(st.lists(st.sampled_from(DEEP), min_size=1, max_size=4, unique=True))
    found = []
    for _ in range(draw(st.integers(1, 6))):
        lo = draw(st.integers(0, 6))
        hi = draw(st.one_of(st.none(), st.integers(lo, 6)))
        found.append(claim(draw(st.sampled_from(["cumulative", "increment"])), lo, hi,
                           day(draw(st.integers(1, 3))), series=draw(st.sampled_from(scopes))))
    return found, frozenset(draw(st.lists(st.sampled_from(["d->e", "d->e/x"]), unique=True)))


@settings(max_examples=200, deadline=None)
@given(deep_consistent())
def test_bounds_without_a_program_are_the_programs_at_any_depth(case):
    """Every total and remainder bound of :class:`TotalBounds` (sums over free scopes,
    shortest paths of a part alone) equals the family's linear program's, at every point,
    for the consistent claims kept, and its rows alone give the program the same bound."""
    from pxl.ledger.reconcile.scopes import Family, System, TotalBounds, release_claims

    claims, complete = case
    releases = release_claims(claims)
    family = Family.of({c.series for c in claims} | {"d->e/z"}, releases, complete, ())
    system = System(family, releases)
    kept: list[int] = []
    for c in releases:  # a consistent subset: the engine bounds only claims that can all hold
        if system.feasible(kept + [c.seq]):
            kept.append(c.seq)
    bounds = TotalBounds(family, system, kept)
    for scope in family.scopes:
        for node in range(len(family.points)):
            for upper in (False, True):
                found = bounds.total(scope, node, upper)
                columns = family.rectangle(scope, 0, node)
                assert found.value == system.bound(kept, columns, upper)[0], (scope, node, upper)
                behind = sorted({row.claim.seq for row in found.rows()})
                assert system.bound(behind, columns, upper)[0] == found.value, (scope, node, upper)
                if family.children.get(scope) and scope not in family.complete:
                    first = family.columns[scope]
                    own = list(range(first, first + node))
                    assert bounds.remainder(scope, node, upper).value == system.bound(kept, own, upper)[0]


def test_a_tie_disclosure_names_every_scope_the_other_reading_changes():
    """Second break test: keeping the whole's 10 instead closes part b's high (b >= 4 and
    a whole of 10 leave b at most 10), and b was not named."""
    on = day(1)
    whole = claim("cumulative", 10, 10, on, series="y->d", speaker="s1")
    a = claim("cumulative", 12, 12, on, series="y->d/a", speaker="s2")
    k = claim("cumulative", 15, 15, on, series="y->d/a/k", speaker="s3")
    b = claim("cumulative", 4, None, on, series="y->d/b", speaker="s4")
    reasons = [e.reason for r in reconcile([whole, a, k, b]).series for e in r.exclusions]
    said = next(r for r in reasons if f"keeping {whole.id} instead" in r)
    assert said.endswith(f"keeping {whole.id} instead: y->d 10; y->d/a 0 to 6; y->d/a/k 0 to 6; y->d/b 4 to 10")
