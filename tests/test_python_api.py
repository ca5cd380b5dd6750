"""The Python API (docs/python-api.md): its examples run as written, and each call gives
what the matching command gives, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import doctest
import json
import shutil
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pandas as pd
import pytest

import pxl
from pxl.api import CLAIM_COLUMNS
from pxl.ledger.serialise import claim_dict

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "afghanistan-2020" / "claims.csv"


def test_the_documented_examples_run_as_written(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "data" / "afghanistan-2020", tmp_path / "data" / "afghanistan-2020")
    monkeypatch.chdir(tmp_path)
    result = doctest.testfile(str(ROOT / "docs" / "python-api.md"), module_relative=False,
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.attempted > 20
    assert result.failed == 0


def _imported(backend):
    ledger = pxl.open(backend.url)
    ledger.import_file(SAMPLE)
    return ledger


def test_claims_frame_has_the_columns_and_values_of_pxl_list(backend, run):
    ledger = _imported(backend)
    listed = json.loads(run("list", "--format", "json").output)
    frame = ledger.claims_frame()
    assert [c for c in frame.columns if not c.endswith("_last")] == list(listed[0])
    assert list(frame.id) == [c["id"] for c in listed]
    for column in ("lo", "hi", "credibility", "quote_start"):
        assert [None if pd.isna(v) else int(v) for v in frame[column]] == [c[column] for c in listed]
    for column in ("as_of", "published", "deadline"):
        assert [None if pd.isna(v) else v.date().isoformat() for v in frame[column]] == [c[column] for c in listed]
    assert list(frame.kind.astype(str)) == [c["kind"] for c in listed]
    assert frame.hi.isna().any()  # the sample has open figures ("more than four thousand")
    ledger.close()


def test_empty_frames_keep_their_columns_and_dtypes(backend):
    ledger = pxl.open(backend.url)
    frame = ledger.claims_frame()
    assert len(frame) == 0
    assert [c for c in frame.columns if not c.endswith("_last")] == list(CLAIM_COLUMNS)
    assert str(frame.hi.dtype) == "Int64" and frame.as_of.dtype.kind == "M"
    estimates = ledger.reconcile().estimates_frame()
    assert len(estimates) == 0 and "high" in estimates and estimates.date.dtype.kind == "M"
    ledger.close()


def test_claim_columns_for_an_empty_ledger_are_those_of_a_claim(backend):
    ledger = _imported(backend)
    assert tuple(claim_dict(ledger.claims()[0])) == CLAIM_COLUMNS
    ledger.close()


def test_reconcile_has_the_content_of_pxl_reconcile_json(backend, run):
    ledger = _imported(backend)
    assert ledger.reconcile().to_dict() == json.loads(run("reconcile", "--format", "json").output)
    known = datetime.now(timezone.utc).isoformat()
    assert ledger.reconcile(known).to_dict() == json.loads(
        run("reconcile", "--format", "json", "--as-known-at", known).output)
    result = ledger.reconcile()
    estimates = result.estimates_frame()
    expected = [(s["series"], e["date"], e["low"], e["high"], e["best"])
                for s in result.to_dict()["series"] for e in s["estimates"]]
    got = [(s, d.date().isoformat(), int(lo), None if pd.isna(hi) else int(hi), int(best))
           for s, d, lo, hi, best in estimates[["series", "date", "low", "high", "best"]].itertuples(index=False)]
    assert got == expected
    discrepancies = result.discrepancies_frame()
    assert [(t, s, c) for t, s, c in discrepancies[["type", "series", "claims"]].itertuples(index=False)] == [
        (d["type"], d["series"], [c["id"] for c in d["claims"]]) for d in result.to_dict()["discrepancies"]]
    ledger.close()


@pytest.mark.parametrize("when", ["today", "date", "datetime"])
def test_as_known_at_takes_the_forms_of_the_cli(backend, run, when):
    ledger = _imported(backend)
    value = {"today": date.today().isoformat(), "date": date.today(),
             "datetime": datetime.now(timezone.utc)}[when]
    cli = json.loads(run("list", "--format", "json", "--as-known-at", date.today().isoformat()).output)
    assert len(cli) == 12
    assert len(ledger.claims_frame(as_known_at=value)) == len(cli)
    assert len(ledger.store.claims(as_known_at=date.today().isoformat())) == 12  # the store reads it alike
    assert len(ledger.claims_frame(as_known_at="2001-01-01")) == 0
    with pytest.raises(pxl.LedgerError, match="not a date"):
        ledger.claims_frame(as_known_at="yesterday")
    ledger.close()


def test_a_refused_import_writes_nothing_and_names_the_rows(backend, tmp_path):
    ledger = pxl.open(backend.url)
    bad = tmp_path / "bad.csv"
    rows = list(csv.DictReader(SAMPLE.open(encoding="utf-8")))
    rows.append({**rows[0], "value": "lots", "ref": "bad-1"})
    with bad.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(pxl.ImportRefused) as refused:
        ledger.import_file(bad)
    assert [(e.line, e.column) for e in refused.value.errors] == [(len(rows) + 1, "value")]
    assert ledger.claims() == []
    ledger.close()


WINDOWS_1252 = "it reads as Windows-1252 (what Excel and Notepad save on Windows): "


@pytest.mark.parametrize("name, content, error", [
    ("claims.csv", "series,kind,value,publisher\na->b,cumulative,300,Agence Fran\u00e7aise\n".encode("cp1252"),
     f"line 2, file: is not utf-8 text (byte 59); {WINDOWS_1252}import it with --encoding cp1252 "
     "(in Python: encoding=\"cp1252\"), or save it as 'CSV UTF-8'"),
    ("claims.jsonl", b'{"series": "a->b", "kind": "cumulative", "value": "\x93300\x94", "publisher": "p"}\n',
     f"line 1, file: is not utf-8 text (byte 51); {WINDOWS_1252}import it with --encoding cp1252 "
     "(in Python: encoding=\"cp1252\"), or save it as 'CSV UTF-8'"),
    ("claims.csv", b"series,kind,value,publisher\na->b,cumulative,300,p\x81\n",
     "line 2, file: is not utf-8 text (byte 49); save it as UTF-8"),
    ("claims.csv", b"series,kind,value,publisher,document\na->b,cumulative,300,p,doc.txt\n",
     f"line 2, document 'doc.txt': is not utf-8 text (byte 3); {WINDOWS_1252}save it as UTF-8 "
     "(e.g. iconv -f cp1252 -t UTF-8)"),
])
def test_a_file_that_is_not_utf8_is_diagnosed_alike_by_the_api_and_the_cli(backend, run, tmp_path, name, content, error):
    """One rule (ledger.bounded.decode_text) in the import stage: the same error value
    from ``import_file`` as the line ``pxl import`` prints, for the file and a document."""
    (tmp_path / "doc.txt").write_bytes("Jos\u00e9 said 300".encode("cp1252"))
    path = tmp_path / name
    path.write_bytes(content)
    with pxl.open(backend.url) as ledger, pytest.raises(pxl.ImportRefused) as refused:
        ledger.import_file(path)
    assert [str(e) for e in refused.value.errors] == [error]
    result = run("import", str(path))
    assert result.exit_code == 1
    assert result.output.splitlines()[1] == f"  {error}"


def test_report_writes_the_format_of_its_suffix(backend, tmp_path):
    ledger = _imported(backend)
    assert json.loads(ledger.report(tmp_path / "r.json").read_text())["series"]
    assert ledger.report(tmp_path / "r.html").read_text().startswith("<!")
    with pytest.raises(pxl.LedgerError, match="report format"):
        ledger.report(tmp_path / "r.txt")
    ledger.close()


def test_the_api_forks_nothing_by_default(backend, monkeypatch):
    import pxl.ledger.forked as forked

    ledger = _imported(backend)
    monkeypatch.setattr("pxl.ledger.reconcile.workers.PARALLEL_FROM", 1)
    monkeypatch.setattr(forked, "pool", lambda *a, **k: pytest.fail("forked"))
    ledger.reconcile()
    ledger.verify()
    ledger.close()


def test_open_without_create_refuses_a_missing_ledger(empty_url):
    with pytest.raises(pxl.LedgerError):
        pxl.open(empty_url)
    pxl.open(empty_url, create=True).close()
    pxl.open(empty_url).close()


def test_import_pxl_loads_neither_sqlalchemy_nor_pandas():
    code = "import sys, pxl; print(sorted(m for m in ('sqlalchemy', 'pandas', 'matplotlib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "[]"


def test_the_decimal_convention_and_encoding_are_named_in_the_api(backend, tmp_path):
    path = tmp_path / "eu.csv"
    path.write_bytes("series;kind;value;publisher;published\na->b;cumulative;12.000;Agence Fran\u00e7aise;2020-04-13\n"
                     .encode("cp1252"))
    with pytest.raises(pxl.ImportRefused):
        pxl.open(backend.url, decimal_comma=True).import_file(path)  # not UTF-8: refused with the fix
    with pytest.raises(pxl.ImportRefused) as refused:
        pxl.open(backend.url).import_file(path, encoding="cp1252")  # 12.000 is ambiguous
    assert "12,000" in str(refused.value.report.errors[0]) and "12" in str(refused.value.report.errors[0])
    ledger = pxl.open(backend.url, decimal_comma=True)
    ledger.import_file(path, encoding="cp1252")
    claims = ledger.claims_frame()
    assert list(claims["lo"]) == [12000] and list(claims["publisher"]) == ["Agence Fran\u00e7aise"]


def test_month_year_and_undated_claims_are_intervals_or_nat_in_frames_and_export(backend, tmp_path):
    from frictionless import validate

    (tmp_path / "dates.csv").write_text(
        "series,kind,value,publisher,published,as_of,ref\n"
        "a->b,cumulative,100,Outlet,2023-11,,r1\n"
        "a->b,cumulative,200,Outlet,2023-12-05,2023,r2\n"
        "a->b,cumulative,300,Other,,,r3\n", encoding="utf-8")
    ledger = pxl.open(backend.url)
    ledger.import_file(tmp_path / "dates.csv")
    frame = ledger.claims_frame().set_index("ref")
    spans = {ref: (None if pd.isna(first) else first.date().isoformat(), None if pd.isna(last) else last.date().isoformat())
             for ref, first, last in frame[["as_of", "as_of_last"]].itertuples()}
    assert spans == {"r1": ("2023-11-01", "2023-11-30"), "r2": ("2023-01-01", "2023-12-31"), "r3": (None, None)}
    assert validate(str(ledger.export(tmp_path / "out"))).valid
    ledger.close()


@pytest.mark.parametrize(("call", "message"), [
    (lambda ledger: ledger.claims_frame(as_known_at=12345), "as_known_at takes an ISO 8601 text"),
    (lambda ledger: ledger.reconcile(series=1), "series takes a series name"),
    (lambda ledger: ledger.claims(series=["a->b"]), "series takes a series name"),
])
def test_arguments_of_the_wrong_type_are_a_type_error_that_says_so(tmp_path, call, message):
    """Break test: as_known_at=12345 and series=1 ended in AttributeError deep inside."""
    ledger = pxl.open(f"sqlite:///{tmp_path / 'l.db'}", create=True)
    with pytest.raises(TypeError, match=message):
        call(ledger)


@pytest.mark.parametrize(("call", "message"), [
    (lambda ledger: pxl.open(5), "url takes a database URL or a file path (str or pathlib.Path), not int (5)"),
    (lambda ledger: ledger.verify(5), "digest takes the text SEQ:HASH that digest() returns, not int (5)"),
    (lambda ledger: ledger.import_file(5), "path takes a path (str or pathlib.Path), not int (5)"),
    (lambda ledger: ledger.import_file(None), "path takes a path (str or pathlib.Path), not NoneType (None)"),
    (lambda ledger: ledger.report(5), "path takes a path (str or pathlib.Path), not int (5)"),
    (lambda ledger: ledger.export(None), "folder takes a path (str or pathlib.Path), not NoneType (None)"),
])
def test_a_path_of_the_wrong_type_is_a_type_error_naming_the_parameter(tmp_path, call, message):
    """Break test: import_file(5) read file descriptor 5; pxl.open(5) ended in
    AttributeError."""
    ledger = pxl.open(f"sqlite:///{tmp_path / 'l.db'}", create=True)
    with pytest.raises(TypeError) as caught:
        call(ledger)
    assert str(caught.value) == message
    ledger.close()


@pytest.mark.parametrize("url", ["", "   "])
def test_an_empty_url_is_refused_not_taken_as_ledger_db(tmp_path, monkeypatch, url):
    monkeypatch.chdir(tmp_path)
    pxl.open("ledger.db", create=True).close()  # what an empty URL silently opened
    with pytest.raises(pxl.LedgerError) as caught:
        pxl.open(url)
    assert caught.value.message == f"the database URL {url!r} is empty"
    assert (tmp_path / "ledger.db").exists()  # untouched; and the CLI says the same
    from click.testing import CliRunner

    from pxl.cli.main import pxl as command

    result = CliRunner().invoke(command, ["--db", url, "list"])
    assert (result.exit_code, result.stderr.splitlines()[0]) == (2, f"Error: the database URL {url!r} is empty")


def test_a_folder_is_refused_as_the_cli_refuses_it(backend, run, tmp_path):
    """import_file(folder) ended in "IsADirectoryError ... Is a directory: 6"."""
    ledger = pxl.open(backend.url)
    for call, args in ((lambda: ledger.import_file(tmp_path), ("import", str(tmp_path))),
                       (lambda: ledger.report(tmp_path), ("report", "-o", str(tmp_path)))):
        with pytest.raises(pxl.LedgerError) as caught:
            call()
        result = run(*args)
        assert result.exit_code == 1
        assert result.stderr == f"Error: {caught.value.message}\nHint: {caught.value.hint}\n"
    assert caught.value.message == f"cannot write the report to {tmp_path}: it is a folder"
    with pytest.raises(pxl.LedgerError, match=r"is a directory: only a regular file is read$"):
        ledger.import_file(tmp_path)
    ledger.close()


def test_reconcile_refuses_a_series_that_matches_nothing_with_the_closest(backend, run):
    """reconcile(series='nope->x') returned 0 series while the CLI refused it."""
    from pxl.ledger.errors import NotFound

    ledger = pxl.open(backend.url)
    ledger.import_file(SAMPLE)
    with pytest.raises(NotFound) as caught:
        ledger.reconcile(series="afghan-government->talibam")
    assert (caught.value.message, caught.value.hint) == (
        "no series matches 'afghan-government->talibam'",
        "did you mean 'afghan-government->taliban'? the series are those of claims_frame()['series'] and "
        "every scope above one")
    with pytest.raises(NotFound, match="no series matches 'afghan-government->taliban'"):
        ledger.reconcile("2001-01-01", series="afghan-government->taliban")  # none known then
    assert [s.series for s in ledger.reconcile(series="afghan-government->taliban").series] == [
        "afghan-government->taliban"]
    cli = run("reconcile", "--series", "afghan-government->talibam")
    assert (cli.exit_code, cli.stderr) == (1, "Error: no series matches 'afghan-government->talibam'\n"
                                              "Hint: did you mean 'afghan-government->taliban'? `pxl series` "
                                              "lists the series and their numbers\n")
    ledger.close()
