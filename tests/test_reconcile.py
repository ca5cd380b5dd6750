"""The reconciliation engine against a brute-force oracle, and scenarios from the seeds."""

from __future__ import annotations

import random
from datetime import date
from dataclasses import replace
from itertools import combinations_with_replacement

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pxl.ledger.model import Figure, Kind
from pxl.ledger.reconcile import reconcile
from pxl.ledger.reconcile.engine import find_conflicts
from pxl.ledger.reconcile.graph import SeriesGraph, _adjacency
from tests.claims import claim, day, source

DAYS = 3  # days 1..DAYS; day 0 is "the day before", referenced by periods starting on day 1
MAX_LO, MAX_WIDTH, MAX_CLAIMS = 2, 2, 4
FINITE = MAX_CLAIMS * (MAX_LO + MAX_WIDTH)  # no finite upper bound can exceed this
# The brute force caps totals at CAP; lower bounds on later days can pull an unbounded
# earlier total below CAP, but never below FINITE: a maximum above FINITE means "open".
CAP = FINITE + MAX_CLAIMS * MAX_LO + 1
# Every non-decreasing sequence C(day 0) .. C(day DAYS) with values 0..CAP, one per row.
SEQUENCES = np.array(list(combinations_with_replacement(range(CAP + 1), DAYS + 1)))


def satisfying(claims) -> np.ndarray:
    """The rows of SEQUENCES that satisfy every claim (the oracle, by brute force)."""
    mask = np.ones(len(SEQUENCES), dtype=bool)
    for c in claims:
        end = (c.as_of.first - day(0)).days
        start = c.period_start if c.kind is Kind.CUMULATIVE else (c.period_start or c.as_of)
        base = SEQUENCES[:, (start.first - day(0)).days - 1] if start else 0
        value = SEQUENCES[:, end] - base
        mask &= value >= c.lo
        if c.hi is not None:
            mask &= value <= c.hi
    return SEQUENCES[mask]


def feasible(claims) -> bool:
    return len(satisfying(claims)) > 0


@st.composite
def release_claims(draw):
    n = draw(st.integers(1, MAX_CLAIMS))
    made = []
    for _ in range(n):
        kind = draw(st.sampled_from(["cumulative", "increment"]))
        end = draw(st.integers(1, DAYS))
        start = draw(st.one_of(st.none(), st.integers(1, end)))
        lo = draw(st.integers(0, MAX_LO))
        width = draw(st.one_of(st.none(), st.integers(0, MAX_WIDTH)))
        made.append(claim(kind, lo, None if width is None else lo + width, day(end),
                          period_start=None if start is None else day(start),
                          speaker=draw(st.sampled_from(["x", "y", None])),
                          reliability=draw(st.sampled_from([None, "A", "C"]))))
    return made


@settings(max_examples=150, deadline=None)
@given(release_claims())
def test_consistent_exactly_when_some_sequence_satisfies_all(claims):
    result = reconcile(claims)
    assert (not result.conflicts) == feasible(claims)


@settings(max_examples=150, deadline=None)
@given(release_claims())
def test_every_conflict_is_infeasible_and_irreducible(claims):
    for conflict in reconcile(claims).conflicts:
        if conflict.sides:  # agreeing figures grouped: each of one side against each of the other
            lows, highs = conflict.sides
            assert all(not feasible([a, b]) for a in lows for b in highs), conflict.message
            continue
        members = list(conflict.claims)
        assert not feasible(members), conflict.message
        for i in range(len(members)):
            assert feasible(members[:i] + members[i + 1:]), conflict.message


@settings(max_examples=150, deadline=None)
@given(release_claims())
def test_bounds_after_exclusions_equal_the_oracles_min_and_max(claims):
    result = reconcile(claims)
    [series] = result.series
    excluded = {c.seq for c in series.excluded}
    kept = [c for c in claims if c.seq not in excluded]
    found = satisfying(kept)
    assert len(found), "what is kept must be consistent"
    for estimate in series.estimates:
        values = found[:, (estimate.date - day(0)).days]
        assert estimate.low == values.min()
        if values.max() > FINITE:
            assert estimate.high is None
        else:
            assert estimate.high == values.max()
        assert estimate.low <= estimate.best <= (estimate.high if estimate.high is not None else estimate.best)
    bests = [e.best for e in series.estimates]
    assert bests == sorted(bests), "best never falls over time"


@settings(max_examples=100, deadline=None)
@given(release_claims())
def test_exclusions_only_as_many_as_conflicts_need(claims):
    series = reconcile(claims).series[0]
    excluded = {c.seq for c in series.excluded}
    for exclusion in series.exclusions:
        # each exclusion was needed: putting it back alone (with the rest kept) is inconsistent
        kept = [c for c in claims if c.seq not in excluded or c.seq == exclusion.claim.seq]
        assert not feasible(kept)


@settings(max_examples=100, deadline=None)
@given(release_claims(), st.data())
def test_a_graph_with_exclusions_has_the_adjacency_building_it_afresh_gives(claims, data):
    """Only the changed nodes' edge lists are built again, in the order a whole build
    gives: Bellman-Ford's ties, and so the conflicts found, depend on that order."""
    series = SeriesGraph(claims)
    excluded = set(data.draw(st.lists(st.sampled_from([c.seq for c in claims]))))
    graph = series.graph(excluded)
    assert graph.adjacency() == _adjacency(graph.edges, graph.size, reverse=False)


@settings(max_examples=100, deadline=None)
@given(release_claims())
def test_why_gives_the_paths_whose_weights_are_the_bounds(claims):
    """`pxl why` searches the paths again: on the graph the estimates came from, so the
    claims it names add up to each estimate's low and high."""
    series = reconcile(claims).series[0]
    excluded = {c.seq for c in series.excluded}
    for estimate in series.estimates:
        paths = series.why(estimate.date)
        assert -sum(e.weight for e in paths.low) == estimate.low
        if estimate.high is None:
            assert paths.high is None
        else:
            assert sum(e.weight for e in paths.high) == estimate.high
        named = [e.claim for e in (*paths.low, *(paths.high or ())) if e.claim is not None]
        assert all(c.seq not in excluded for c in named)


@st.composite
def claims_in_series(draw):
    """Release claims spread over two series, with a target now and then."""
    made = []
    for name in ("a->b", "c->d"):
        for c in draw(release_claims()):
            made.append(replace(c, content=replace(c.content, series=name)))
    if draw(st.booleans()):
        made.append(claim("target", 3, 3, day(1), deadline=day(DAYS)))
    return made


@settings(max_examples=150, deadline=None)
@given(claims_in_series())
def test_check_finds_exactly_the_conflicts_reconcile_reports(claims):
    """`pxl check` searches conflicts alone, on Figures; `pxl reconcile` on whole Claims."""
    expected = [(d.series, d.message, [c.seq for c in d.claims]) for d in reconcile(claims).conflicts]
    for records in (claims, [Figure.of(c) for c in claims]):
        found = find_conflicts(records)
        assert [(d.series, d.message, [c.seq for c in d.claims]) for d in found] == expected


@settings(max_examples=12, deadline=None)
@given(claims_in_series())
def test_searching_series_in_parallel_finds_what_searching_in_turn_finds(claims):
    """The forked search returns the same conflicts, in the same order, as the serial one."""
    in_turn = find_conflicts(claims, workers=1)
    assert find_conflicts(claims, workers=2) == in_turn
    assert in_turn == reconcile(claims).conflicts


@settings(max_examples=12, deadline=None)
@given(claims_in_series())
def test_reconciling_series_in_parallel_gives_what_reconciling_in_turn_gives(claims):
    """Forked workers answer with claims by position: the result is equal, and it holds
    the very claims passed in (estimates, exclusions, targets, discrepancies)."""
    forked = reconcile(claims, workers=2)
    assert forked == reconcile(claims, workers=1)
    given = {id(c) for c in claims}
    held = [c for s in forked.series for c in (*s.claims, *s.targets, *s.excluded)]
    held += [c for s in forked.series for e in s.estimates for c in (*e.low_claims, *e.high_claims)]
    held += [c for d in forked.discrepancies for c in d.claims]
    assert held and all(id(c) in given for c in held)


def test_conflicts_of_many_series_come_back_in_series_order_from_workers():
    # Enough series (of different lengths) that workers take them in chunks.
    names = [f"s{n:03}->t" for n in range(100)]
    random.Random(3).shuffle(names)
    claims = []
    for length, name in enumerate(names):
        stated = [("cumulative", 500, 5), ("cumulative", 300, 9), ("increment", 50, 6)]
        stated += [("cumulative", 600 + k, 10 + k) for k in range(length % 7)]
        for kind, figure, when in stated:
            made = claim(kind, figure, figure, day(when), src=source(f"{name} {figure}"))
            claims.append(replace(made, content=replace(made.content, series=name)))
    in_turn = find_conflicts(claims, workers=1)
    assert [d.series for d in in_turn] == sorted(names)
    forked = find_conflicts(claims, workers=2)
    assert forked == in_turn == reconcile(claims).conflicts
    # the workers answer with positions: the conflicts hold the very claims passed in
    given = {id(c) for c in claims}
    assert all(id(c) in given for d in forked for c in d.claims)


# -- scenarios -------------------------------------------------------------------------

def test_the_spec_example_250_plus_100_is_not_400():
    a = claim("cumulative", 250, 250, day(12), src=source("Outlet A"))
    b = claim("increment", 100, 100, day(13), src=source("Outlet B"))
    c = claim("cumulative", 400, 400, day(13), src=source("Outlet C"))
    result = reconcile([a, b, c])
    [conflict] = result.conflicts
    assert [x.id for x in conflict.claims] == [a.id, b.id, c.id]
    assert conflict.message.endswith("250 + 100 = 350, not 400")
    assert f"{a.id} total by {day(12).isoformat()} = 250" in conflict.message
    assert len(result.series[0].excluded) == 1


def test_same_date_disagreement_and_a_falling_total():
    early = claim("cumulative", 500, 500, day(5), src=source("A"))
    late = claim("cumulative", 300, 300, day(9), src=source("B"))
    [conflict] = reconcile([early, late]).conflicts
    assert "a total cannot fall" in conflict.message and "300, not 500" in conflict.message
    x = claim("cumulative", 10, 10, day(3))
    y = claim("cumulative", 12, 12, day(3))
    assert reconcile([x, y]).conflicts[0].message.endswith("10, not 12") or \
        reconcile([x, y]).conflicts[0].message.endswith("12, not 10")


def test_independent_conflicts_are_all_reported():
    first = [claim("cumulative", 5, 5, day(1)), claim("cumulative", 9, 9, day(1))]
    second = [claim("increment", 3, 3, day(20)), claim("cumulative", 1, 1, day(25), period_start=day(20))]
    result = reconcile(first + second)
    assert len(result.conflicts) == 2
    assert {frozenset(c.seq for c in d.claims) for d in result.conflicts} == {
        frozenset(c.seq for c in first), frozenset(c.seq for c in second)}


def test_grading_weighs_then_ties_go_by_origins_then_age():
    graded = claim("cumulative", 5, 5, day(1), reliability="A", speaker="s1")
    ungraded = claim("cumulative", 9, 9, day(1), speaker="s2")
    series = reconcile([graded, ungraded]).series[0]
    assert series.excluded == (ungraded,) and series.exclusions[0].rule == "weight"
    assert f"setting aside {graded.id} instead (weight 17 against 14" in series.exclusions[0].reason

    lone = claim("cumulative", 5, 5, day(1), speaker="lone")
    backed = [claim("cumulative", 9, 9, day(1), speaker=s) for s in ("p", "q")]
    series = reconcile([lone, *backed]).series[0]
    assert series.excluded == (lone,) and series.exclusions[0].rule == "weight"
    assert "(weight 28 against 14" in series.exclusions[0].reason

    old = claim("cumulative", 5, 5, day(1), speaker="u", src=source(published=day(2)))
    new = claim("cumulative", 9, 9, day(1), speaker="v", src=source(published=day(3)))
    series = reconcile([new, old]).series[0]
    assert series.excluded == (old,) and "published earliest" in series.exclusions[0].reason
    assert series.exclusions[0].rule == "tie-break"


def test_events_on_one_day_are_separate_batches_and_plain_increments_the_whole_day():
    # two outlets, same day, no event: the same day's releases -> consistent
    same_day = [claim("increment", 100, 100, day(4)), claim("increment", 100, 100, day(4))]
    assert not reconcile(same_day).conflicts
    # two named batches on one day add up; the day's total must cover both
    batches = [claim("increment", 100, 100, day(4), event="morning"),
               claim("increment", 50, 50, day(4), event="evening"),
               claim("cumulative", 120, 120, day(4))]
    [conflict] = reconcile(batches).conflicts
    assert "120, not 100 + 50 = 150" in conflict.message
    # a day total that covers both batches is consistent
    assert not reconcile(batches[:2] + [claim("cumulative", 150, 150, day(4))]).conflicts


def test_period_total_since_a_date():
    before = claim("cumulative", 1000, 1000, day(7))
    since = claim("cumulative", 300, 300, day(12), period_start=day(8))
    series = reconcile([before, since]).series[0]
    assert series.estimate_at(day(12)).low == series.estimate_at(day(12)).high == 1300


def test_why_names_the_claims_on_the_bounding_paths():
    total = claim("cumulative", 300, 300, day(12), period_start=day(8))
    floor = claim("cumulative", 100, None, day(7))  # "at least 100" by day 7
    ceiling = claim("cumulative", 0, 2000, day(30))
    series = reconcile([total, floor, ceiling]).series[0]
    paths = series.why(day(12))
    assert {e.claim.seq for e in paths.low if e.claim} == {total.seq, floor.seq}
    assert {e.claim.seq for e in paths.high if e.claim} == {ceiling.seq}
    assert series.estimate_at(day(12)).low == 400 and series.estimate_at(day(12)).high == 2000


def test_targets_pledges_demands_checks():
    target = claim("target", 5000, 5000, day(1), deadline=day(10), speaker="agreement")
    pledge_a = claim("pledge", 1500, 1500, day(2), speaker="Ghani")
    pledge_b = claim("pledge", 5000, 5000, day(50), speaker="Ghani")
    by_deadline = claim("cumulative", 0, 1000, day(12))
    later = claim("cumulative", 5001, None, day(40))
    result = reconcile([target, pledge_a, pledge_b, by_deadline, later])
    types = {d.type: d for d in result.discrepancies}
    assert {"target_disagreement", "shortfall", "over_target"} <= set(types)
    assert "at most 1,000" in types["shortfall"].message and "2020-01-11" in types["shortfall"].message
    assert types["target_disagreement"].claims == (pledge_a, pledge_b)
    series = result.series[0]
    assert series.target == target and series.latest.low == 5001


def test_a_target_disagreement_names_the_figures_that_differ_from_the_best_supported_value():
    """Yemen 2023: 887 stated by three, 'more than 880' by one, 890 by one: only the 890
    disagrees, and the message says so instead of listing five figures as differing."""
    agreed = [claim("target", 887, 887, day(1), speaker=f"envoy {i}") for i in range(3)]
    more_than = claim("target", 881, None, day(1), speaker="UN Geneva")
    outlier = claim("target", 890, 890, day(2), speaker="Middle East Monitor")
    [disagreement] = [d for d in reconcile([*agreed, more_than, outlier]).discrepancies
                      if d.type == "target_disagreement"]
    assert set(disagreement.claims) == {*agreed, more_than, outlier}
    differ, against = disagreement.message.split("; against ")
    assert outlier.id in differ and not any(c.id in differ for c in (*agreed, more_than))
    assert against.startswith("887 (4 figures) stated by ")


def test_a_one_day_period_is_said_as_that_day():
    """Yemen 2023: 'at least 250 released 2023-04-15..2023-04-15' reads as on that day."""
    target = claim("target", 100, 100, day(3), period_start=day(5), deadline=day(5))
    batch = claim("increment", 250, 250, day(5))
    [over] = [d for d in reconcile([target, batch]).discrepancies if d.type == "over_target"]
    assert over.message.startswith("at least 250 released on 2020-01-06 (low set by ")
    longer = claim("target", 100, 100, day(3), period_start=day(4), deadline=day(5))
    [over] = [d for d in reconcile([longer, batch]).discrepancies if d.type == "over_target"]
    assert over.message.startswith("at least 250 released 2020-01-05..2020-01-06 (low set by ")


def test_single_origin_traces_origins_through_derived_from_and_speakers():
    wire = source("Wire", url="https://wire.example/story")
    reprint = source("Reprint", derived_from="https://wire.example/story")
    reprint2 = source("Reprint 2", derived_from="https://wire.example/story")
    copies = [claim("cumulative", 300, 300, day(5), src=s) for s in (wire, reprint, reprint2)]
    result = reconcile(copies)
    assert set(result.series[0].single_origin) == set(copies) and result.discrepancies == ()
    spokesman = [claim("cumulative", 300, 300, day(5), speaker="Spokesman", src=source(p)) for p in "ABC"]
    assert set(reconcile(spokesman).series[0].single_origin) == set(spokesman)
    independent = [claim("cumulative", 300, 300, day(5), speaker=s) for s in ("ICRC", "Ministry")]
    result = reconcile(independent)
    assert result.discrepancies == () and result.series[0].single_origin == ()


@settings(max_examples=120, deadline=None)
@given(release_claims())
def test_the_claims_named_for_a_bound_establish_it_on_their_own(claims):
    from pxl.ledger.reconcile.engine import reconcile_series

    series = reconcile(claims).series[0]
    for estimate in series.estimates:
        if estimate.low > 0 and estimate.low_count == len(estimate.low_claims):
            alone, _ = reconcile_series("a->b", list(estimate.low_claims), extra_days=[estimate.date])
            assert alone.estimate_at(estimate.date).low == estimate.low
        if estimate.high is not None and estimate.high_count == len(estimate.high_claims):
            alone, _ = reconcile_series("a->b", list(estimate.high_claims), extra_days=[estimate.date])
            assert alone.estimate_at(estimate.date).high == estimate.high


def test_the_one_claim_that_contradicts_the_rest_is_set_aside_alone():
    """The issue's case: 2,284 on May 31 contradicts 1,000 + 900 + 710 as well as 2,700."""
    from datetime import date

    rest = [claim("cumulative", 1000, 1000, date(2020, 5, 11)),
            claim("increment", 900, 900, date(2020, 5, 26)),
            claim("increment", 710, 710, date(2020, 5, 31), period_start=date(2020, 5, 30)),
            claim("cumulative", 2700, 2700, date(2020, 5, 31), speaker="security council")]
    odd = claim("cumulative", 2284, 2284, date(2020, 5, 31), speaker="taliban")
    result = reconcile([*rest, odd])
    [series] = result.series
    assert series.excluded == (odd,) and series.exact
    assert "alone resolves these 2 conflicts" in series.exclusions[0].reason
    assert {frozenset(c.seq for c in d.claims) for d in result.conflicts} == {
        frozenset({odd.seq, rest[3].seq}), frozenset(c.seq for c in [*rest[:3], odd])}
    assert series.latest.low == series.latest.high == 2700


def _weight(subset, claims):
    """The weight of ``subset`` of ``claims``: copies share their origin's weight, so a
    claim's weight depends on the claims around it."""
    from pxl.ledger.reconcile.origins import OriginIndex
    from pxl.ledger.reconcile.weights import claim_weights

    weights = claim_weights(claims, OriginIndex(claims))
    return sum(weights[c.seq] for c in subset)


@settings(max_examples=150, deadline=None)
@given(release_claims())
def test_the_claims_set_aside_weigh_the_least_that_leaves_the_rest_consistent(claims):
    from itertools import combinations

    series = reconcile(claims).series[0]
    excluded = {c.seq for c in series.excluded}
    assert feasible([c for c in claims if c.seq not in excluded])
    least = min(_weight(out, claims) for size in range(len(claims) + 1) for out in combinations(claims, size)
                if feasible([c for c in claims if c not in out]))
    assert series.exact and _weight(series.excluded, claims) == least


@settings(max_examples=150, deadline=None)
@given(release_claims())
def test_every_claim_that_contradicts_another_is_in_a_conflict_with_one_it_contradicts(claims):
    conflicts = reconcile(claims).conflicts
    for a in claims:
        against = {b.seq for b in claims if b is not a and not feasible([a, b])}
        if against:
            assert any(a in d.claims and against & {c.seq for c in d.claims} for d in conflicts), a


def test_agreeing_figures_make_one_discrepancy_and_falling_totals_stay_linear():
    outlets = [claim("cumulative", 58, 58, day(3), speaker=f"outlet {i}") for i in range(10)]
    odd = claim("cumulative", 54, 54, day(3), speaker="other")
    result = reconcile([*outlets, odd])
    [conflict] = result.conflicts
    assert set(conflict.claims) == {*outlets, odd}
    assert result.series[0].excluded == (odd,)

    falling = [claim("cumulative", 1000 - i, 1000 - i, day(i + 1)) for i in range(60)]
    result = reconcile(falling)
    assert len(result.conflicts) <= len(falling)
    assert sum(len(d.claims) for d in result.conflicts) <= 3 * len(falling)
    assert len(result.series[0].excluded) == len(falling) - 1
    assert "58 more claims contradict" in result.conflicts[0].message


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, DAYS), st.integers(0, 5), st.sampled_from([None, "A", "E"])),
                min_size=1, max_size=7))
def test_totals_resolved_as_a_chain_weigh_what_the_integer_program_sets_aside(rows):
    from pxl.ledger.reconcile import fewest
    from pxl.ledger.reconcile.origins import Corroboration, OriginIndex

    claims = [claim("cumulative", v, v, day(d), reliability=r) for d, v, r in rows]
    series, support = SeriesGraph(claims), Corroboration(claims, OriginIndex(claims))
    chain = fewest.totals_chain(series, support)
    kept = [c for c in claims if c not in {e.claim for e in chain.exclusions}]
    assert feasible(kept)
    assert _weight([e.claim for e in chain.exclusions], claims) == fewest.resolve(series, support).weight


def test_comparisons_name_their_basis_and_periods_and_phases_are_kept_apart():
    first = claim("increment", 30, 30, day(3))
    second = claim("increment", 40, 40, day(6))
    truce = claim("target", 50, 50, day(1), period_start=day(5), deadline=day(8), speaker="deal")
    whole = claim("target", 60, 60, day(1), speaker="deal")
    phase = claim("pledge", 1500, 1500, day(1), event="phase 1", speaker="president")
    deal = claim("pledge", 5000, 5000, day(2), speaker="president")
    up_to = claim("target", 0, 20, day(1), period_start=day(2), deadline=day(4), speaker="deal")
    total = claim("cumulative", 70, 70, day(8))
    result = reconcile([first, second, truce, whole, phase, deal, up_to, total])
    kinds = [(d.type, d.claims) for d in result.discrepancies]
    # over the truce (days 5..8) at most 70 - 30 = 40 were released: short of its 50,
    # named with the claims that set that high
    [short] = [d for d in result.discrepancies if d.type == "shortfall"]
    assert short.claims[0] is truce and set(short.claims) == {truce, total, first}
    assert "at most 40 released 2020-01-06..2020-01-09" in short.message
    # 70 in all: over the whole deal's 60, and the claim that sets the low is named
    [over] = [d for d in result.discrepancies if d.type == "over_target" and d.claims[0] is whole]
    assert set(over.claims) == {whole, total} and f"low set by {total.id})" in over.message
    # "up to 20" over days 2..4 and 30 released: over it; never a shortfall
    assert any(t == "over_target" and c[0] is up_to for t, c in kinds)
    assert not any(t == "shortfall" and c[0] is up_to for t, c in kinds)
    # a phase open from day 5 ("up to 30" since then): 40 on day 6 exceed it
    phase_two = claim("target", 0, 30, day(1), period_start=day(5), speaker="deal")
    [over] = [d for d in reconcile([first, second, phase_two]).discrepancies if d.type == "over_target"]
    assert over.claims == (phase_two, second) and "at least 40 released 2020-01-06.." in over.message
    # different periods (truce vs whole) and a phase vs the deal do not disagree
    assert not [d for d in result.discrepancies if d.type == "target_disagreement"]


def test_origins_normalised_aliased_and_a_disputed_attribution_does_not_corroborate():
    roles = [claim("cumulative", 300, 300, day(5), speaker=s, src=source(p)) for s, p in (
        ("Javid Faisal, NSC spokesman", "A"), ("javid faisal (Afghan National Security Council spokesman)", "B"))]
    assert set(reconcile(roles).series[0].single_origin) == set(roles)

    bodies = [claim("cumulative", 300, 300, day(5), speaker=s) for s in ("NSC", "Afghan National Security Council")]
    assert reconcile(bodies).series[0].single_origin == ()
    declared = reconcile(bodies, aliases=[("nsc", "Afghan National Security Council.")])
    assert set(declared.series[0].single_origin) == set(bodies)

    ministry = claim("cumulative", 300, 300, day(5), speaker="Ministry")
    icrc = claim("cumulative", 300, 300, day(5), speaker="ICRC", src=source("A"))
    assert reconcile([ministry, icrc]).series[0].single_origin == ()
    misattributed = claim("cumulative", 250, 250, day(5), speaker="ICRC", src=source("B"))
    assert ministry in reconcile([ministry, icrc, misattributed]).series[0].single_origin


def test_the_solver_cannot_write_to_stdout(capfd):
    """HiGHS can print from C++ to descriptor 1; that would corrupt `--format json`."""
    import os

    from pxl.ledger.reconcile.quiet import solver_quiet

    with solver_quiet():
        os.write(1, b"from the solver\n")
    os.write(1, b"after\n")
    assert capfd.readouterr().out == "after\n"


def test_the_claims_counted_beside_a_conflict_are_said_in_good_english():
    """Yemen 2023, Mokha on April 15: 'some 300' in one batch is contradicted by the same
    batch's 100 (the nearest, named) and by the whole day's 250 (counted here)."""
    batch = claim("increment", 100, 100, day(5), event="mokha")
    some = claim("increment", 270, 330, day(5), event="mokha")
    day_total = claim("increment", 250, 250, day(5))
    messages = [d.message for d in reconcile([batch, some, day_total]).discrepancies if d.type == "conflict"]
    [counted] = [m for m in messages if "the same way" in m]
    assert counted.endswith(f"; 1 more claim contradicts {some.id} the same way "
                            "(counted, not named here: this conflict names the nearest)")


def test_progress_is_against_the_whole_series_target_not_a_period_s():
    """Israel-Hamas 2025: a list of 95 for the first exchange is not the deal; progress
    'at least 3,768 of 95 (3966%+)' compared it with the running total."""
    from pxl.reports.reconciliation import progress

    batch_list = claim("target", 95, 95, day(1), period_start=day(1), deadline=day(2))
    released = claim("cumulative", 3768, 3768, day(200))
    series = reconcile([batch_list, released]).series[0]
    assert series.target == batch_list and progress(series) is None
    deal = claim("target", 5000, 5000, day(0))
    series = reconcile([batch_list, deal, released]).series[0]
    assert series.target == deal and progress(series)["share_at_least"] == round(3768 / 5000, 4)


def test_two_claims_cannot_both_be_true():
    from pxl.ledger.english import cannot_hold

    assert cannot_hold(2, "claim") == "these 2 claims cannot both be true"
    assert cannot_hold(3, "figure") == "these 3 figures cannot all be true"
    parent = claim("cumulative", 20, 20, day(3), series="a->b")
    part = claim("cumulative", 24, 24, day(3), series="a->b/x")
    [conflict] = [d for d in reconcile([parent, part]).discrepancies if d.type == "conflict"]
    assert "cannot both be true" in conflict.message and "cannot all" not in conflict.message


def test_progress_is_against_the_exact_target_before_a_later_rounded_one():
    """Yemen 2023: the agreed 887 (March 20), then 'nearly 900' (April 14): progress was
    'at least 869 of 810'."""
    agreed = claim("target", 887, 887, day(1))
    rounded = claim("target", 810, 899, day(25))
    released = claim("cumulative", 869, 869, day(28))
    assert reconcile([agreed, rounded, released]).series[0].target == agreed


def test_progress_is_against_the_target_most_figures_agree_on():
    """Yemen 2023: six outlets give the agreed 887, one later gives 890."""
    agreed = [claim("target", 887, 887, day(1)) for _ in range(3)]
    later = claim("target", 890, 890, day(27))
    released = claim("cumulative", 869, 869, day(28))
    assert reconcile([*agreed, later, released]).series[0].target in agreed


def test_a_hostile_series_of_ranges_and_increments_needs_a_bounded_number_of_solves(monkeypatch):
    from pxl.ledger.reconcile import fewest

    rng = random.Random(19)
    claims = []
    for _ in range(150):
        middle = rng.randrange(50, 500)
        kind, middle = ("cumulative", middle) if rng.random() < 0.5 else ("increment", middle // 5)
        lo, hi = (middle * 9 // 10, middle * 11 // 10) if rng.random() < 0.7 else (middle, middle)
        claims.append(claim(kind, lo, hi, day(rng.randrange(100)), series="h->g"))
    solves = []
    solve = fewest._Cover.solve
    monkeypatch.setattr(fewest._Cover, "solve", lambda self, exact=True: solves.append(exact) or solve(self, exact))
    series = reconcile(claims, workers=1).series[0]
    assert len(solves) <= fewest.SEARCH_ROUNDS + fewest.INCREMENTAL_PASSES
    assert not series.exact
    excluded = {c.seq for c in series.excluded}
    assert excluded
    assert not find_conflicts([c for c in claims if c.seq not in excluded], workers=1)


@pytest.mark.parametrize("scoped", [False, True])
def test_a_conflict_between_same_day_increments_says_how_to_record_two_batches(scoped):
    from pxl.ledger.reconcile.engine import find_conflicts
    from pxl.ledger.reconcile.notes import SAME_BATCH

    d = date(2020, 10, 16)
    series = "h->x/a" if scoped else "h->x"
    claims = [claim("increment", 101, 101, d, series=series, src=source("A")),
              claim("increment", 201, 201, d, series=series, src=source("B"))]
    if scoped:
        claims.append(claim("cumulative", 400, 400, d, series="h->x"))
    for found in (reconcile(claims).discrepancies, find_conflicts(claims)):
        (conflict,) = [x for x in found if x.type == "conflict"]
        assert conflict.message.endswith(SAME_BATCH)
        assert conflict.arithmetic.endswith(SAME_BATCH)
    with_events = [replace(c, content=replace(c.content, event=e)) for c, e in zip(claims, ["plane 1", "plane 2", None], strict=False)]
    assert not [x for x in reconcile(with_events).discrepancies if x.type == "conflict"]


def test_a_conflict_of_an_increment_with_a_total_carries_no_batch_note():
    from pxl.ledger.reconcile.notes import SAME_BATCH

    d = date(2020, 10, 16)
    claims = [claim("increment", 101, 101, d, src=source("A"), event="a"),
              claim("increment", 201, 201, d, src=source("B")), claim("cumulative", 100, 100, d)]
    assert all(SAME_BATCH not in x.message for x in reconcile(claims).discrepancies)


def test_a_grouped_conflict_carries_the_batch_note_only_if_one_of_its_sets_has_such_a_pair():
    """CI's main job: a family discrepancy listing several irreducible sets got the note
    because two different same-day increments stood in different sets."""
    from pxl.ledger.reconcile.engine import Discrepancy
    from pxl.ledger.reconcile.notes import SAME_BATCH, with_notes

    d = date(2025, 2, 15)
    first = claim("increment", 369, 369, d, series="i->p")
    other = claim("increment", 36, 36, d, series="i->p")
    whole = claim("cumulative", 300, 300, d, series="i->p")
    later = claim("cumulative", 20, 20, d, series="i->p")
    apart = Discrepancy("conflict", "i->p", (first, other, whole, later), "m", "a",
                        cores=((first, whole), (other, later)))
    together = replace(apart, cores=((first, other), (whole, later)))
    assert [SAME_BATCH in d.message for d in with_notes([apart, together])] == [False, True]
