"""`pxl import`: formats, all-or-nothing, idempotent re-import, amendments by ref."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pxl.ledger.drafts import COLUMNS
from pxl.ledger.importer import import_rows
from pxl.ledger.sheets import read_rows

SERIES = "afghan-government->taliban"
ARTICLE = "The move came after the Afghan government released 100 Taliban prisoners, bringing to 300 the total.\n"

FULL_ROW = {
    "series": SERIES, "kind": "cumulative", "value": "more than 4,000", "publisher": "RFE/RL",
    "published": "2020-04-13", "as_of": "2020-04-12", "period_start": "2020-04-08",
    "speaker": "Sediq Sediqqi", "quote": "bringing to 300 the total", "url": "https://example.org/a",
    "title": "Envoy to Qatar", "document": "article.txt", "derived_from": "https://rferl.example/orig",
    "reliability": "B", "credibility": "2", "deadline": "", "event": "batch-3", "ref": "row-1",
    "notes": "a note, with a comma",
}


def write_csv(path: Path, rows: list[dict]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in COLUMNS})
    return path


def row(n: int, **fields) -> dict:
    return {"series": SERIES, "kind": "increment", "value": str(n), "publisher": "Outlet",
            "published": "2020-04-13", "as_of": "2020-04-12", "url": f"https://example.org/{n % 3}", **fields}




def test_every_column_round_trips(run, tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE)
    result = run("import", str(write_csv(tmp_path / "claims.csv", [FULL_ROW])))
    assert result.exit_code == 0, result.output
    [claim] = json.loads(run("list", "--format", "json").output)
    for column in ("series", "kind", "value", "publisher", "published", "as_of", "period_start", "speaker",
                   "url", "title", "derived_from", "reliability", "event", "ref", "notes"):
        assert claim[column] == FULL_ROW[column], column
    assert claim["credibility"] == 2 and claim["deadline"] is None
    assert claim["quote"] == "bringing to 300 the total"
    assert ARTICLE[claim["quote_start"]:claim["quote_end"]] == claim["quote"]
    assert claim["document_sha256"] and (claim["lo"], claim["hi"]) == (4001, None)


def test_reimport_records_nothing_new(run, tmp_path):
    path = write_csv(tmp_path / "c.csv", [row(n) for n in range(5)])
    assert "recorded 5 new claims" in run("import", str(path)).output
    digest = run("digest").output
    again = run("import", str(path))
    assert again.exit_code == 0 and "5 rows already recorded" in again.output
    assert run("digest").output == digest
    write_csv(path, [row(n) for n in range(7)])
    assert "recorded 2 new claims (C9-C10), 5 rows already recorded" in run("import", str(path)).output


def test_repeated_rows_in_one_file_are_recorded_once(run, tmp_path):
    path = write_csv(tmp_path / "c.csv", [row(1), row(1), row(2)])
    result = run("import", str(path))
    assert "recorded 2 new claims" in result.output and "1 repeated row (skipped)" in result.output


def test_changed_row_with_ref_needs_amend_by_ref(run, tmp_path):
    path = write_csv(tmp_path / "c.csv", [row(1, ref="r1"), row(2, ref="r2")])
    run("import", str(path))
    write_csv(path, [row(1, ref="r1"), row(3, ref="r2")])
    refused = run("import", str(path))
    assert refused.exit_code == 1 and "line 3, ref 'r2'" in refused.output and "--amend-by-ref" in refused.output
    amended = run("import", str(path), "--amend-by-ref", "--reason", "typo fixed")
    assert amended.exit_code == 0 and "1 amendment (X6), 1 row already recorded" in amended.output
    claims = {c["ref"]: c for c in json.loads(run("list", "--format", "json").output)}
    assert claims["r2"]["value"] == "3" and claims["r2"]["status"] == "amended"
    again = run("import", str(path), "--amend-by-ref")
    assert "recorded 0 new claims, 2 rows already recorded" in again.output and "amendments" not in again.output


def test_bad_file_writes_nothing_and_names_every_bad_row(run, tmp_path):
    rows = [row(1), row(2, value="lots"), row(3), row(4, published="04/05/2020", kind="rumour")]
    result = run("import", str(write_csv(tmp_path / "bad.csv", rows)))
    assert result.exit_code == 1
    assert "line 3, value 'lots'" in result.output
    assert "line 5, kind 'rumour'" in result.output and "line 5, published '04/05/2020'" in result.output
    assert "nothing was written" in result.output
    assert run("list", "--format", "json").output.strip() == "[]"


def test_json_report(run, tmp_path):
    result = run("import", str(write_csv(tmp_path / "bad.csv", [row(1), row(2, value="x")])), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["ok"] is False and report["errors"] == [
        {"line": 3, "column": "value", "text": "x", "reason": report["errors"][0]["reason"]}]
    ok = json.loads(run("import", str(write_csv(tmp_path / "ok.csv", [row(1)])), "--format", "json").output)
    assert ok["ok"] and ok["recorded"] == 1 and ok["claims"] == ["C2"]


def test_dry_run_validates_without_writing(run, tmp_path):
    result = run("import", str(write_csv(tmp_path / "c.csv", [row(1)])), "--dry-run")
    assert result.exit_code == 0 and "would record 1 new claim" in result.output
    assert json.loads(run("list", "--format", "json").output) == []


def test_jsonl_from_stdin(run):
    lines = "\n".join(json.dumps(row(n) | {"value": n}) for n in range(3)) + "\n"
    result = run("import", "-", input=lines)
    assert result.exit_code == 0, result.output
    assert [c["lo"] for c in json.loads(run("list", "--format", "json").output)] == [0, 1, 2]


def test_csv_from_stdin(run):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(row(1)))
    writer.writeheader()
    writer.writerow(row(7))
    assert run("import", "-", input=buffer.getvalue()).exit_code == 0


@pytest.mark.parametrize("large", [False, True])
def test_spreadsheet_import(run, tmp_path, monkeypatch, large):
    """Also as a large workbook is imported: read ahead by a forked process."""
    from datetime import datetime

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Series", "Kind", "Value", "Publisher", "Published", "As Of", "Ref"])
    sheet.append([SERIES, "cumulative", 300, "Outlet", datetime(2020, 4, 13), "2020-04-12", "x1"])
    sheet.append([SERIES, "pledge", "1,500", "Outlet", datetime(2020, 4, 13), None, "x2"])
    path = tmp_path / "claims.xlsx"
    workbook.save(path)
    import pxl.ledger.files as import_files
    import pxl.ledger.importer as importer
    from pxl.ledger.forked import ForkedIterator

    monkeypatch.setattr(import_files, "XLSX_READ_AHEAD_BYTES", 1 if large else 2**40)
    monkeypatch.setattr(importer, "ForkedIterator", mock.Mock(wraps=ForkedIterator))
    result = run("import", str(path))
    assert result.exit_code == 0, result.output
    assert importer.ForkedIterator.called is large
    claims = json.loads(run("list", "--format", "json").output)
    assert [(c["ref"], c["lo"], c["published"], c["as_of"]) for c in claims] == [
        ("x1", 300, "2020-04-13", "2020-04-12"), ("x2", 1500, "2020-04-13", "2020-04-13")]
    assert run("import", str(path)).output.count("already recorded") == 1


def test_quote_must_occur_in_document_and_paths_stay_inside(run, tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE)
    bad_quote = write_csv(tmp_path / "q.csv", [row(1, document="article.txt", quote="released 500")])
    result = run("import", str(bad_quote))
    assert result.exit_code == 1 and "line 2, quote 'released 500': does not occur" in result.output
    inner = tmp_path / "inner"
    inner.mkdir()
    outside = write_csv(inner / "o.csv", [row(1, document="../article.txt")])
    result = run("import", str(outside))
    assert result.exit_code == 1 and "--allow-outside" in result.output
    assert run("import", str(outside), "--allow-outside").exit_code == 0
    missing = write_csv(tmp_path / "m.csv", [row(2, document="nope.txt")])
    assert "line 2, document 'nope.txt': cannot be read" in run("import", str(missing)).output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"series,kind\n", "required column is missing"),
        (b"series,kind,value,publisher,published,publised\n", "did you mean `published`?"),
        (b"\xc3\x28\x81s", "not utf-8"),
        ("series,kind,value,publisher,published\nx,y,\u201c300\u201d,p,2020\n".encode("cp1252"), "--encoding cp1252"),
    ],
)
def test_unreadable_files(run, tmp_path, content, message):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    result = run("import", str(path))
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


CORRUPTIONS = {
    "value": ["lots", "-5", "1.5", "=HYPERLINK(\"x\")", "nearly 0"],
    "published": ["2020-13-01", "yesterday", "04/05/2020"],
    "kind": ["rumour", ""],
    "series": ["Kabul", "a->", "DROP TABLE claims;"],
    "as_of": ["2021-01-01"],  # after publication, for a release figure
    "credibility": ["7"],
    "reliability": ["Z"],
    "period_start": ["2020-05-01"],
    "quote": ["contains \x01 control"],
}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.integers(0, 10**6), min_size=1, max_size=12, unique=True),
    data=st.data(),
)
def test_one_corrupt_row_writes_nothing_and_is_named(backend, tmp_path, rows, data):
    ledger = backend.ledger()
    valid = [row(n) for n in rows]
    victim = data.draw(st.integers(0, len(valid) - 1))
    column = data.draw(st.sampled_from(sorted(CORRUPTIONS)))
    valid[victim] = valid[victim] | {column: data.draw(st.sampled_from(CORRUPTIONS[column]))}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS))
    writer.writeheader()
    writer.writerows({c: r.get(c, "") for c in COLUMNS} for r in valid)
    parsed, read_errors = read_rows(buffer.getvalue().encode(), "csv")
    before = ledger.count()
    report = import_rows(ledger, parsed, tmp_path, read_errors=read_errors)
    assert not report.ok
    assert {e.line for e in report.errors} == {victim + 2}
    assert ledger.count() == before


def test_rows_differing_only_in_ref_are_separate_records(run, tmp_path):
    path = write_csv(tmp_path / "c.csv", [row(1, ref="a"), row(1, ref="b"), row(1)])
    assert "recorded 3 new claims" in run("import", str(path)).output
    assert "3 rows already recorded" in run("import", str(path)).output


def test_chunked_import_keeps_file_level_rules(backend, tmp_path, monkeypatch):
    """A file larger than one chunk: repeats and ref clashes across chunks are still
    found, and an error in the last chunk still leaves nothing written."""
    import pxl.ledger.importer as importer
    monkeypatch.setattr(importer, "CHUNK_ROWS", 3)
    monkeypatch.setattr(importer, "BATCH_ROWS", 2)
    ledger = backend.ledger()
    rows = [row(n, ref=f"r{n}") for n in range(7)] + [row(2, ref="r2"), row(1)]
    parsed, errors = read_rows(write_csv(tmp_path / "c.csv", rows).read_bytes(), "csv")
    report = import_rows(ledger, parsed, tmp_path, read_errors=errors)
    assert report.ok and len(report.recorded) == 8 and report.repeated_in_file == [9]
    clash = [row(n, ref=f"s{n}") for n in range(5)] + [row(99, ref="s0")]
    parsed, errors = read_rows(write_csv(tmp_path / "d.csv", clash).read_bytes(), "csv")
    before = ledger.count()
    report = import_rows(ledger, parsed, tmp_path, read_errors=errors)
    assert [(e.line, e.column) for e in report.errors] == [(7, "ref")] and "line 2" in report.errors[0].reason
    assert ledger.count() == before


@pytest.mark.parametrize("bad", [False, True])
def test_reading_ahead_in_a_forked_process_records_the_same_chain(backend, sqlite_template, tmp_path, monkeypatch,
                                                                  bad):
    """Rows read and validated in a forked process (as a large import does) give the very
    chain, entry for entry and hash for hash, that reading them here gives: on PostgreSQL
    too, whose connection the fork must leave alone. A bad file gives the same errors."""
    import shutil

    import pxl.ledger.importer as importer
    from pxl.ledger.forked import ForkedIterator
    from pxl.ledger.store import Ledger

    monkeypatch.setattr(importer, "BATCH_ROWS", 4)
    monkeypatch.setattr(importer, "CHUNK_ROWS", 6)
    (tmp_path / "article.txt").write_text(ARTICLE)
    rows = [row(n, ref=f"r{n}") for n in range(25)] + [row(3, ref="r3"), row(7), FULL_ROW]
    if bad:
        rows[11] = {**rows[11], "value": "a lot"}
    path = write_csv(tmp_path / "c.csv", rows)
    shutil.copy(sqlite_template, tmp_path / "here.db")
    here_ledger = Ledger.open(f"sqlite:///{tmp_path / 'here.db'}")
    ahead_ledger = backend.ledger()
    # One time for both ledgers (PostgreSQL's is its own clock's, read under the lock).
    from pxl.ledger import db
    from pxl.ledger.writer import utc_now

    now, lock = utc_now(), db.lock_for_append
    monkeypatch.setattr(db, "lock_for_append", lambda connection: lock(connection) and now)
    with mock.patch("pxl.ledger.writer.utc_now", return_value=now), \
            mock.patch.object(importer, "ForkedIterator", wraps=ForkedIterator) as forked:
        parsed, errors = read_rows(path.read_bytes(), "csv")
        here = import_rows(here_ledger, parsed, tmp_path, read_errors=errors, recorded_by="t", read_ahead=False)
        assert not forked.called
        parsed, errors = read_rows(path.read_bytes(), "csv")
        ahead = import_rows(ahead_ledger, parsed, tmp_path, read_errors=errors, recorded_by="t", read_ahead=True)
        assert forked.called
    here_ledger.close()
    assert ahead.as_dict() == here.as_dict()
    assert ahead.ok is not bad and (ahead.head is not None) is not bad
    written = 0 if bad else int(ahead.head.split(":")[0])
    assert ahead_ledger.verify().ok and ahead_ledger.count() == written


@pytest.mark.parametrize(("column", "text", "closest"), [
    ("kind", "increments", "did you mean 'increment'?"),
    ("kind", "Cumulativ", "did you mean 'cumulative'?"),
    ("series", "Yemen Parties -> Detainees/By Houthis", "closest accepted form: 'yemen-parties->detainees/by-houthis'"),
    ("series", "hamas → hostages", "closest accepted form: 'hamas->hostages'"),
])
def test_a_refused_value_names_the_closest_accepted_form(column, text, closest):
    from pxl.ledger.drafts import claim_draft

    row = {"series": "a->b", "kind": "cumulative", "value": "12", "publisher": "P", column: text}
    draft, errors = claim_draft(row)
    assert draft is None
    (error,) = errors
    assert (error.column, error.text) == (column, text)
    assert error.reason.endswith(closest)


def test_no_closest_form_is_offered_where_none_is_close():
    from pxl.ledger.drafts import claim_draft

    _, errors = claim_draft({"series": "a b c", "kind": "zzz", "value": "12", "publisher": "P"})
    assert [e.reason.count("did you mean") + e.reason.count("closest") for e in errors] == [0, 0]


@pytest.mark.parametrize("column, limit", [("publisher", 300), ("series", 200)])
def test_an_over_long_required_cell_is_said_too_long_not_missing(run, tmp_path, column, limit):
    row = {"series": "a->b", "kind": "cumulative", "value": "10", "publisher": "P", "published": "2025-01-01"}
    row[column] = "a->" + "b" * 400 if column == "series" else "P" * 400
    path = write_csv(tmp_path / "long.csv", [row])
    result = run("import", str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "Error: long.csv: 1 problem in 1 row; nothing was written",
        f"  line 2, {column} {row[column][:77] + '...'!r}: longer than {limit} characters "
        f"({len(row[column])} given): shorten it"]
    assert run("list", "--format", "json").stdout.strip() == "[]"


def test_a_json_number_in_exponent_form_is_refused_with_the_closest_figure(run, tmp_path):
    base = '"series":"a->b","kind":"cumulative","publisher":"P","published":"2025-01-01"'
    path = tmp_path / "e.jsonl"
    path.write_text("".join("{%s,\"value\":%s}\n" % (base, v) for v in ("1e3", "2.5E+4", "1.5e-3", "1000")))
    result = run("import", str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:4] == [
        "Error: e.jsonl: 3 problems in 3 rows; nothing was written",
        "  line 1, value '1e3': a JSON number in exponent form is not a figure as worded; "
        "closest accepted form: '1000' or '1,000'",
        "  line 2, value '2.5E+4': a JSON number in exponent form is not a figure as worded; "
        "closest accepted form: '25000' or '25,000'",
        "  line 3, value '1.5e-3': a JSON number in exponent form is not a figure as worded; "
        "give the figure as worded, e.g. '1,000' or 'about 1,000'"]
