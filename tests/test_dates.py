"""Dates with their precision: the one parser, its intervals, --as-known-at, and the
engine's relaxation for months against a brute-force oracle."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import combinations_with_replacement, product

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pxl.ledger.dates import DateOrder, Period, Precision, parse_period
from pxl.ledger.errors import LedgerError
from pxl.ledger.model import Kind
from pxl.ledger.reconcile import reconcile
from pxl.ledger.store import parse_known_at
from tests.claims import claim, day

# -- the parser -----------------------------------------------------------------------

periods = st.one_of(
    st.dates(date(1000, 1, 1), date(9999, 12, 31)).map(Period.day),
    st.tuples(st.integers(1000, 9999), st.integers(1, 12)).map(lambda ym: Period.month(*ym)),
    st.integers(1000, 9999).map(Period.year),
)


@given(periods)
def test_a_period_reads_back_from_what_it_prints(period):
    assert parse_period(period.isoformat()) == (period, None)
    assert Period.from_iso(str(period)) == period


@given(st.dates(date(1000, 1, 1), date(9999, 12, 31)))
def test_a_day_lies_in_its_month_and_its_year_and_they_in_each_other(day_):
    as_day = Period.day(day_)
    month, year = Period.month(day_.year, day_.month), Period.year(day_.year)
    assert year.contains(month) and month.contains(as_day) and year.contains(as_day)
    assert not as_day.contains(month) and not month.contains(year)
    assert month.first <= day_ <= month.last and year.first <= day_ <= year.last
    assert (month.last + timedelta(days=1)).day == 1 and (month.first - timedelta(days=1)).month != day_.month
    assert month.days() in (28, 29, 30, 31) and year.days() in (365, 366)


@given(st.dates(date(1000, 1, 1), date(9999, 12, 31)), st.sampled_from(["/", ".", "-"]))
def test_numeric_day_and_month_read_only_where_one_order_is_possible(day_, separator):
    text = f"{day_.day:02d}{separator}{day_.month:02d}{separator}{day_.year}"
    parsed, reason = parse_period(text)
    if day_.day > 12 or day_.day == day_.month:
        assert parsed == Period.day(day_)
    else:
        assert parsed is None and "ambiguous" in reason and day_.isoformat() in reason
        assert "--date-order" in reason
    assert parse_period(text, DateOrder.DMY) == (Period.day(day_), None)


@pytest.mark.parametrize(("text", "expected"), [
    ("2020-04-12", Period.day(date(2020, 4, 12))),
    ("2020-4-23", Period.day(date(2020, 4, 23))),
    ("2020/04/12", Period.day(date(2020, 4, 12))),
    ("2020-04-12T00:00:00", Period.day(date(2020, 4, 12))),
    ("13/04/2020", Period.day(date(2020, 4, 13))),
    ("4/13/2020", Period.day(date(2020, 4, 13))),
    ("13.04.2020", Period.day(date(2020, 4, 13))),
    ("2023-11", Period.month(2023, 11)),
    ("November 2023", Period.month(2023, 11)),
    ("Nov 2023", Period.month(2023, 11)),
    ("nov. 2023", Period.month(2023, 11)),
    ("Sept 2023", Period.month(2023, 9)),
    ("11/2023", Period.month(2023, 11)),
    ("12 April 2020", Period.day(date(2020, 4, 12))),
    ("April 12, 2020", Period.day(date(2020, 4, 12))),
    ("2023", Period.year(2023)),
    ("Fri Oct 16, 2020", Period.day(date(2020, 10, 16))),
    ("Friday, 16 October 2020", Period.day(date(2020, 10, 16))),
    ("Thurs. 15 October 2020", Period.day(date(2020, 10, 15))),
])
def test_the_forms_reporting_uses(text, expected):
    assert parse_period(text) == (expected, None)


@pytest.mark.parametrize(("text", "words"), [
    ("04/05/2020", ["day first it is 2020-05-04", "month first 2020-04-05", "--date-order dmy|mdy"]),
    ("13/04/20", ["two-digit year", "13/04/2020"]),
    ("2020-13", ["not a real date"]),
    ("2020-02-30", ["not a real date"]),
    ("Smarch 2020", ["not a month name"]),
    ("yesterday", ["a day (2020-04-12)", "a month (2023-11 or November 2023)", "a year (2023)"]),
    ("13/13/2020", ["not a real date in either order"]),
    ("Sat Oct 16, 2020", ["'Sat' does not agree", "2020-10-16 is a Friday"]),
    ("Fri Oct 2020", ["a weekday names a day", "is a month"]),
    ("16 October 2020, 14:05 GMT", ["closest accepted form: '16 October 2020'"]),
    ("Updated: Oct 16, 2020", ["closest accepted form: 'Oct 16, 2020'"]),
])
def test_refusals_say_what_would_be_accepted(text, words):
    parsed, reason = parse_period(text)
    assert parsed is None
    for word in words:
        assert word in reason


def test_a_named_order_that_makes_no_date_is_refused():
    assert parse_period("13/04/2020", "mdy")[0] is None
    assert parse_period("04/05/2020", "mdy") == (Period.day(date(2020, 4, 5)), None)


# -- --as-known-at ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "stored"), [
    ("2026-11-30", "2026-11-30T23:59:59.999999Z"),
    ("20261130", "2026-11-30T23:59:59.999999Z"),
    ("2026-11-30Z", "2026-11-30T23:59:59.999999Z"),
    ("2026-11-30+05:00", "2026-11-30T18:59:59.999999Z"),
    ("2026-W49-1", "2026-11-30T23:59:59.999999Z"),
    ("2026-334", "2026-11-30T23:59:59.999999Z"),
    ("2026-11", "2026-11-30T23:59:59.999999Z"),
    ("2026", "2026-12-31T23:59:59.999999Z"),
    ("2026-11-30T10:00", "2026-11-30T10:00:00.000000Z"),
    ("2026-11-30T10:00+05:00", "2026-11-30T05:00:00.000000Z"),
    ("2026-11-30T10:00:00.123456Z", "2026-11-30T10:00:00.123456Z"),
    ("20261130T100000Z", "2026-11-30T10:00:00.000000Z"),
    ("0001-01-01T10:00", "0001-01-01T10:00:00.000000Z"),
])
def test_as_known_at_takes_every_iso_form(text, stored):
    assert parse_known_at(text) == stored


def test_as_known_at_beyond_the_calendar_is_the_nearest_moment_in_it():
    assert parse_known_at("0001-01-01T00:00:00+05:00") == "0001-01-01T00:00:00.000000Z"
    assert parse_known_at("9999-12-31-05:00") == "9999-12-31T23:59:59.999999Z"


@pytest.mark.parametrize("text", ["yesterday", "2026-02-30", "2026-11-30T25:00"])
def test_as_known_at_refuses_with_a_message(text):
    with pytest.raises(LedgerError) as raised:
        parse_known_at(text)
    assert text in raised.value.message and "2026-11-30T10:00+05:00" in raised.value.hint


def test_as_known_at_in_the_cli_is_a_message_not_a_traceback(run):
    result = run("list", "--as-known-at", "2026-02-30")
    assert result.exit_code == 1 and "is not a date or time in ISO 8601" in result.output
    assert "Traceback" not in result.output
    assert run("list", "--as-known-at", "0001-01-01T00:00:00+05:00").exit_code == 0


# -- the engine's relaxation for months, against a brute-force oracle ---------------------
# "Months" here are short runs of days (the engine reads only a date's first and last
# day), so that every history can be enumerated.

DAYS = 4
MAX_LO, MAX_WIDTH, MAX_CLAIMS = 2, 2, 3
CAP = MAX_CLAIMS * (MAX_LO + MAX_WIDTH) * 2 + 1
SEQUENCES = np.array(list(combinations_with_replacement(range(CAP + 1), DAYS + 1)))


def span(first: int, last: int) -> Period:
    return Period.day(day(first)) if first == last else Period(day(first), day(last), Precision.MONTH)


def histories(claims) -> np.ndarray:
    """The histories C(day 0..DAYS) satisfying every claim for some choice of its days."""
    mask = np.ones(len(SEQUENCES), dtype=bool)
    for c in claims:
        ends = range((c.as_of.first - day(0)).days, (c.as_of.last - day(0)).days + 1)
        if c.period_start is not None:
            starts = range((c.period_start.first - day(0)).days, (c.period_start.last - day(0)).days + 1)
            choices = product(ends, starts)
        elif c.kind is Kind.INCREMENT:
            choices = ((end, end) for end in ends)
        else:
            choices = ((end, None) for end in ends)
        some = np.zeros(len(SEQUENCES), dtype=bool)
        for end, start in choices:
            if start is not None and start > end:
                continue
            value = SEQUENCES[:, end] - (SEQUENCES[:, start - 1] if start is not None else 0)
            ok = value >= c.lo
            if c.hi is not None:
                ok &= value <= c.hi
            some |= ok
        mask &= some
    return SEQUENCES[mask]


@st.composite
def month_claims(draw):
    made = []
    for _ in range(draw(st.integers(1, MAX_CLAIMS))):
        kind = draw(st.sampled_from(["cumulative", "increment"]))
        last = draw(st.integers(1, DAYS))
        first = draw(st.integers(1, last))
        start = None
        if draw(st.booleans()):
            start_last = draw(st.integers(1, first))
            start = span(draw(st.integers(1, start_last)), start_last)
        lo = draw(st.integers(0, MAX_LO))
        width = draw(st.one_of(st.none(), st.integers(0, MAX_WIDTH)))
        made.append(claim(kind, lo, None if width is None else lo + width, span(first, last), period_start=start))
    return made


@settings(max_examples=300, deadline=None)
@given(month_claims())
def test_the_month_relaxation_never_excludes_claims_some_history_satisfies(claims):
    allowed = histories(claims)
    result = reconcile(claims)
    if len(allowed):
        assert not result.conflicts, [c.message for c in result.conflicts]
        series = result.series[0]
        for estimate in series.estimates:
            at = (estimate.date - day(0)).days
            assert estimate.low <= allowed[:, at].min()
            if estimate.high is not None:
                assert allowed[:, at].max() <= estimate.high
    for conflict in result.conflicts:  # a conflict is always a real one
        assert not len(histories(conflict.claims)), conflict.message


def test_a_total_known_to_a_month_bounds_its_first_and_last_day():
    july = Period.month(2020, 7)
    claims = [claim("cumulative", 300, 300, july), claim("cumulative", 0, None, date(2020, 7, 1)),
              claim("cumulative", 0, None, date(2020, 6, 30)), claim("cumulative", 0, None, date(2020, 7, 31))]
    series = reconcile(claims).series[0]
    assert series.estimate_at(date(2020, 7, 31)).low == 300  # C(last) >= lo
    assert series.estimate_at(date(2020, 7, 1)).high == 300  # C(first) <= hi (tighter than first-1)
    assert series.estimate_at(date(2020, 6, 30)).high == 300


def test_a_batch_in_some_day_of_a_month_has_no_upper_bound_on_any_day():
    claims = [claim("increment", 100, 100, Period.month(2020, 7)), claim("cumulative", 500, 500, date(2020, 8, 1))]
    series = reconcile(claims).series[0]
    assert not reconcile(claims).conflicts
    assert series.estimate_at(date(2020, 7, 31)).low == 100
    assert series.estimate_at(date(2020, 7, 31)).high == 500


def test_undated_claims_constrain_nothing_and_are_kept():
    undated = claim("cumulative", 10, 10, None)
    claims = [undated, claim("cumulative", 500, 500, date(2020, 8, 1))]
    result = reconcile(claims)
    assert not result.conflicts
    series = result.series[0]
    assert undated in series.claims and [e.date for e in series.estimates] == [date(2020, 8, 1)]


def test_scope_families_take_months_and_undated_claims():
    # The part's 300 "in July" is a lower bound at July 31 only; the parent's 200 on
    # July 31 cannot hold beside it, the parent's 400 can; an undated claim constrains nothing.
    july = Period.month(2020, 7)
    part = claim("cumulative", 300, 300, july, series="a->b/x")
    undated = claim("cumulative", 5, 5, None, series="a->b/x")
    low = claim("cumulative", 200, 200, date(2020, 7, 31), series="a->b")
    result = reconcile([part, undated, low])
    assert any({part.seq, low.seq} <= {c.seq for c in d.claims} for d in result.conflicts)
    fine = reconcile([part, undated, claim("cumulative", 400, 400, date(2020, 7, 31), series="a->b")])
    assert not fine.conflicts
    parent = fine.for_series("a->b")
    assert parent.estimate_at(date(2020, 7, 31)).low == 400
    assert fine.for_series("a->b/x").estimate_at(date(2020, 7, 31)).low == 300
