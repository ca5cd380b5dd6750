"""The import's fast lane (ledger/plain_rows.py) against the exact path: for any file and
any ledger it is imported into, both write the same entries, hash for hash, and give the
same report, errors included."""

from __future__ import annotations

import csv
import io
import shutil
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from pxl.ledger.drafts import COLUMNS
from pxl.ledger.importer import import_rows
from pxl.ledger.schema import LEDGER_TABLES
from pxl.ledger.sheets import RawRow, read_rows
from pxl.ledger.store import Ledger

ARTICLE = "The government released 100 prisoners on Sunday, bringing to 300 the total.\n"

# Each column's cells: plain ones, then every way a cell can be refused or need a closer look.
CELLS = {
    "series": (["a->b", "c->d/e", " a->b "], ["A->B", "a-b", "", "a->" + "b" * 200]),
    "kind": (["cumulative", "increment", "Increment", " target ", "pledge", "demand"], ["bogus", "", "c" * 17]),
    "value": (["100", "300", "3,686", "more than 4,000", "about 1,000", "dozens", " 120 ", "0", "\u0663"],
              ["1,0000", "abc", "", "-5", "20000000000", "10,000,000,000"]),
    "as_of": (["", "2020-04-12", "2020-04-13", "2020-04-12T00:00", " 2020-04-10 ", "2020-04", "13/04/2020",
               "April 2020"],
              ["2020-04-14", "2020-02-30", "04/05/2020", "2020-05"]),
    "period_start": (["", "", "2020-04-08", "2020-04"], ["2020-04-13", "2020-04-20", "bad", "2020-05"]),
    "deadline": (["", "", "2020-05-01"], ["2019-01-01", "2020-13-01"]),
    "publisher": (["Outlet", "Other"], ["", "p" * 301, "bad\x01"]),
    "published": (["2020-04-13", "2020-04-12", "", "2020-04", "2020"], ["2020-04-14", "2020-04-31", "04/05/2020"]),
    "url": (["", "https://example.org/1", "https://example.org/2"], ["not a url", "https://example.org/1 x"]),
    "title": (["", "T1", "T2"], []),
    "derived_from": (["", "https://orig.example/1", "https://orig.example/2"], []),
    "speaker": (["", "Spokesman", "line\nbreak", "tab\tbed"], ["bad\x1f"]),
    "quote": (["", "released 100", "bringing to 300", "not in the document"], ["bad\x02"]),
    "document": (["", "", ""], ["article.txt", "missing.txt", "../outside.txt"]),
    "reliability": (["", "b", "B"], ["G", "\u00df"]),
    "credibility": (["", "2", "2.0", "\u0663"], ["7", "x"]),
    "event": (["", "batch-1"], ["e" * 201]),
    "ref": (["", "", "r1", "r2", "r3"], ["r" * 201]),
    "notes": (["", "a note", "two\nlines"], ["bad\x7f"]),
    # extra columns: kept with the claim, in its hash and fingerprint
    "exchange": (["", "", "yemen-2023", " x ", "two\nlines"], ["bad\x01"]),
    "review": (["", "ok"], ["bad\x1f"]),
}
EXTRA = ("exchange", "review")
# Cells as a spreadsheet or a JSON reader may hand them over, rather than as text.
OTHER_VALUES = [None, 100, 2.0, float("nan"), date(2020, 4, 12), "  "]


SOURCE_COLUMNS = ("publisher", "published", "url", "title", "derived_from", "document")
# A few sources per file, so that rows meet sources recorded earlier, with or without
# archived text, and sometimes give one of their facts differently.
sources_strategy = st.lists(st.fixed_dictionaries({
    "publisher": st.sampled_from(["Outlet", "Other"]),
    "published": st.sampled_from(["2020-04-13", "2020-04-12"]),
    "url": st.sampled_from(["", "https://example.org/1", "https://example.org/2"]),
    "title": st.sampled_from(["", "T1", "T2"]),
    "derived_from": st.sampled_from(["", "https://orig.example/1"]),
    "document": st.sampled_from(["", "", "article.txt"]),
}), min_size=1, max_size=3)
claim_strategy = st.fixed_dictionaries(
    {column: st.sampled_from(plain) for column, (plain, _) in CELLS.items() if column not in SOURCE_COLUMNS})
# At most one cell of a row is out of the ordinary, so that the fast lane must get each
# rule right on its own.
change_strategy = st.one_of(st.just({}), st.sampled_from(sorted(CELLS)).flatmap(
    lambda column: st.sampled_from(CELLS[column][0] + CELLS[column][1]).map(lambda value: {column: value})))
rows_strategy = st.tuples(
    sources_strategy, st.lists(st.tuples(claim_strategy, st.integers(0, 2), change_strategy), min_size=1, max_size=12),
).map(lambda drawn: [{**claim, **drawn[0][which % len(drawn[0])], **change} for claim, which, change in drawn[1]])


def as_csv_rows(rows: list[dict]) -> list[RawRow]:
    handle = io.StringIO()
    writer = csv.DictWriter(handle, fieldnames=[*COLUMNS, *EXTRA], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    read, errors = read_rows(handle.getvalue().encode(), "csv")
    assert not errors
    return read


@contextmanager
def two_ledgers(template: Path, folder: Path):
    ledgers = []
    for name in ("plain", "exact"):
        path = folder / f"{name}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copy(template, path)
        ledgers.append(Ledger.open(f"sqlite:///{path}"))
    try:
        yield ledgers
    finally:
        for ledger in ledgers:
            ledger.close()


def contents(ledger: Ledger) -> dict[str, list[tuple]]:
    with ledger.engine.connect() as connection:
        return {table: connection.execute(text(f"SELECT * FROM {table} ORDER BY 1")).all() for table in LEDGER_TABLES}


def import_both(plain_ledger, exact_ledger, rows, folder, **options):
    with mock.patch("pxl.ledger.writer.utc_now", return_value="2026-11-23T00:00:00.000000Z"):
        plain = import_rows(plain_ledger, rows, folder, recorded_by="test", plain=True, **options)
        exact = import_rows(exact_ledger, rows, folder, recorded_by="test", plain=False, **options)
    return plain, exact


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=st.lists(rows_strategy, max_size=2), rows=rows_strategy, amend=st.booleans())
def test_the_fast_lane_writes_what_the_exact_path_writes(sqlite_template, tmp_path, before, rows, amend):
    (tmp_path / "article.txt").write_text(ARTICLE)
    (tmp_path.parent / "outside.txt").write_text(ARTICLE)
    with two_ledgers(sqlite_template, tmp_path) as (plain_ledger, exact_ledger):
        # Whatever was recorded earlier (sources with and without archived text, refs)...
        for earlier in before:
            import_both(plain_ledger, exact_ledger, as_csv_rows(earlier), tmp_path)
        assert contents(plain_ledger) == contents(exact_ledger)
        # ...the next file is imported identically, errors and all.
        plain, exact = import_both(plain_ledger, exact_ledger, as_csv_rows(rows), tmp_path, amend_by_ref=amend)
        assert plain.as_dict() == exact.as_dict()
        assert contents(plain_ledger) == contents(exact_ledger)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=rows_strategy, data=st.data())
def test_cells_that_are_not_text_take_the_exact_path(sqlite_template, tmp_path, rows, data):
    raw = []
    for line, cells in enumerate(rows, start=2):
        fields = dict(cells)
        for column in data.draw(st.lists(st.sampled_from(sorted(CELLS)), max_size=3)):
            fields[column] = data.draw(st.sampled_from(OTHER_VALUES))
        raw.append(RawRow(line, fields))
    with two_ledgers(sqlite_template, tmp_path) as (plain_ledger, exact_ledger):
        plain, exact = import_both(plain_ledger, exact_ledger, raw, tmp_path)
        assert plain.as_dict() == exact.as_dict()
        assert contents(plain_ledger) == contents(exact_ledger)


def test_a_plain_file_takes_the_fast_lane(sqlite_template, tmp_path):
    """The comparison above means something only if plain rows really go the fast way."""
    rows = [{**{column: "" for column in CELLS}, "series": "a->b", "kind": "increment", "value": str(n),
             "publisher": "Outlet", "published": "2020-04-13", "url": f"https://example.org/{n % 3}"}
            for n in range(1, 40)]
    with two_ledgers(sqlite_template, tmp_path) as (ledger, _), \
            mock.patch("pxl.ledger.importer.claim_draft", side_effect=AssertionError("the exact path ran")):
        report = import_rows(ledger, as_csv_rows(rows), tmp_path, plain=True)
    assert report.ok and len(report.recorded) == 39 and report.sources_recorded == 3


PLAIN = {**{column: "" for column in CELLS}, "series": "a->b", "kind": "increment", "value": "100",
         "publisher": "Outlet", "published": "2020-04-13", "url": "https://example.org/1", "title": "T1",
         "derived_from": "https://orig.example/1"}


@pytest.mark.parametrize("earlier, later", [
    ({}, {"title": "T2"}),
    ({}, {"title": ""}),
    ({}, {"publisher": "Other"}),
    ({}, {"published": "2020-04-12"}),
    ({}, {"derived_from": "https://orig.example/2"}),
    ({}, {"derived_from": ""}),
    ({"url": "", "title": "T1"}, {"url": "", "title": "T1", "derived_from": "https://orig.example/2"}),
    ({"document": "article.txt"}, {"document": "", "quote": "released 100"}),
    ({"document": "article.txt"}, {"document": "", "quote": "not in the document"}),
    ({"document": "article.txt"}, {"document": ""}),
    ({"document": "article.txt"}, {"quote": "released 100"}),
    ({"ref": "r1"}, {"ref": "r1", "value": "200"}),
    ({"ref": "r1"}, {"ref": "r1", "value": "100"}),
    ({}, {"value": "100"}),
    ({}, {}),
    # a row recorded without extra columns, given again with some: how pxl knew it before it kept them
    ({"ref": "r1"}, {"ref": "r1", "value": "100", "exchange": "x"}),
    ({}, {"value": "100", "exchange": "x"}),
    ({"ref": "r1", "exchange": "x"}, {"ref": "r1", "value": "100", "exchange": "y"}),
    ({"exchange": "x"}, {"value": "100", "exchange": "y"}),
    ({"exchange": "x"}, {"value": "100"}),
])
@pytest.mark.parametrize("amend", [False, True])
def test_rows_meeting_recorded_sources_and_refs(sqlite_template, tmp_path, earlier, later, amend):
    """Where a plain row meets what is recorded: a source that differs or has archived
    text, a ref recorded with other content. The fast lane hands these to the exact path."""
    (tmp_path / "article.txt").write_text(ARTICLE)
    with two_ledgers(sqlite_template, tmp_path) as (plain_ledger, exact_ledger):
        first, _ = import_both(plain_ledger, exact_ledger, as_csv_rows([{**PLAIN, **earlier}]), tmp_path)
        assert first.ok
        # A new claim of the recorded source, then the row under test (a new claim unless
        # its value is the recorded one).
        rows = as_csv_rows([{**PLAIN, **earlier, "value": "7", "ref": ""}, {**PLAIN, **earlier, "value": "8", **later}])
        plain, exact = import_both(plain_ledger, exact_ledger, rows, tmp_path, amend_by_ref=amend)
        assert plain.as_dict() == exact.as_dict()
        assert contents(plain_ledger) == contents(exact_ledger)


@pytest.mark.parametrize("kind", ["increment", "target"])
@pytest.mark.parametrize("column, value", [
    (column, value) for column, (plain, odd) in CELLS.items() for value in dict.fromkeys(plain + odd)
])
def test_each_cell_alone(sqlite_template, tmp_path, column, value, kind):
    """Every cell of CELLS in an otherwise plain row, for a release figure and a target."""
    (tmp_path / "article.txt").write_text(ARTICLE)
    rows = as_csv_rows([{**PLAIN, "kind": kind, column: value}])
    with two_ledgers(sqlite_template, tmp_path) as (plain_ledger, exact_ledger):
        plain, exact = import_both(plain_ledger, exact_ledger, rows, tmp_path)
        assert plain.as_dict() == exact.as_dict()
        assert contents(plain_ledger) == contents(exact_ledger)
