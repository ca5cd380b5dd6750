"""Unknown extra columns of an import (a collector's `exchange`, review columns) are kept
with the claim: stored, hashed into the chain, shown, listed, and part of what makes a
re-import "the same row" (SPEC, Outside contract: `pxl import`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pxl
from tests.helpers import tamper

HEADER = "series,kind,value,publisher,published,ref,exchange,reviewer\n"
ROWS = (
    "a->b,cumulative,100,Outlet,2020-04-13,r1,yemen-2023,ann\n"
    "a->b,cumulative,200,Outlet,2020-04-14,,yemen-2023,\n"  # an empty cell is not kept
    "a->b,increment,more than 4,Outlet,2020-04-14,,,\n"  # no extra cell at all
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def listed(run) -> list[dict]:
    result = run("list", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_extra_columns_are_stored_shown_listed_and_framed(backend, run, tmp_path):
    result = run("import", str(write(tmp_path / "claims.csv", HEADER + ROWS)))
    assert result.exit_code == 0, result.output
    assert "exchange, reviewer" in result.output
    claims = listed(run)
    assert [c["extra"] for c in claims] == [
        {"exchange": "yemen-2023", "reviewer": "ann"}, {"exchange": "yemen-2023"}, {}]
    assert list(claims[0]["extra"]) == ["exchange", "reviewer"]  # in the file's column order
    shown = run("show", claims[0]["id"])
    assert "exchange: yemen-2023" in shown.output and "reviewer: ann" in shown.output
    assert "extra" not in run("show", claims[2]["id"]).output
    ledger = pxl.open(backend.url)
    try:
        assert list(ledger.claims_frame()["extra"]) == [c["extra"] for c in claims]
    finally:
        ledger.close()
    assert run("verify").exit_code == 0


def test_jsonl_extra_values_are_kept_as_text(backend, run, tmp_path):
    line = {"series": "a->b", "kind": "cumulative", "value": "100", "publisher": "Outlet",
            "published": "2020-04-13", "id": 17, "exchange": " Yemen 2023 "}
    result = run("import", str(write(tmp_path / "claims.jsonl", json.dumps(line) + "\n")))
    assert result.exit_code == 0, result.output
    assert listed(run)[0]["extra"] == {"id": "17", "exchange": "Yemen 2023"}


def test_reimporting_a_file_with_extra_columns_records_nothing(backend, run, tmp_path):
    path = write(tmp_path / "claims.csv", HEADER + ROWS)
    assert run("import", str(path)).exit_code == 0
    digest = run("digest").output
    again = run("import", str(path))
    assert again.exit_code == 0, again.output
    assert "recorded 0 new claims" in again.output
    assert run("digest").output == digest


def test_another_extra_value_is_another_row(backend, run, tmp_path):
    assert run("import", str(write(tmp_path / "one.csv", HEADER + ROWS))).exit_code == 0
    changed = ROWS.replace("200,Outlet,2020-04-14,,yemen-2023", "200,Outlet,2020-04-14,,yemen-2024")
    result = run("import", str(write(tmp_path / "two.csv", HEADER + changed)))
    assert result.exit_code == 0, result.output
    assert "recorded 1 new claim" in result.output
    assert [c["extra"].get("exchange") for c in listed(run)][-1] == "yemen-2024"


def test_a_row_recorded_before_extra_columns_were_kept_is_known_with_them(backend, run, tmp_path):
    """A ledger built before pxl kept extra columns has the row without them: the same
    file imported again records nothing (its fingerprint without extras matches)."""
    bare = "series,kind,value,publisher,published,ref\na->b,cumulative,100,Outlet,2020-04-13,r1\n" \
           "a->b,cumulative,200,Outlet,2020-04-14,\n"
    assert run("import", str(write(tmp_path / "old.csv", bare))).exit_code == 0
    annotated = HEADER + ROWS.splitlines(keepends=True)[0] + ROWS.splitlines(keepends=True)[1]
    result = run("import", str(write(tmp_path / "new.csv", annotated)))
    assert result.exit_code == 0, result.output
    assert "recorded 0 new claims" in result.output and "2 rows already recorded" in result.output


WITH_URL = ("series,kind,value,publisher,published,url,ref,exchange,reviewer\n"
            "a->b,cumulative,100,Outlet,2020-04-13,https://x.org/1,r1,yemen-2023,ann\n"
            "a->b,cumulative,200,Outlet,2020-04-14,https://x.org/2,,yemen-2023,bob\n")


def _without(text: str, *columns: str) -> str:
    """``text`` (CSV without quoted cells) with ``columns`` dropped."""
    rows = [line.split(",") for line in text.splitlines()]
    keep = [i for i, name in enumerate(rows[0]) if name not in columns]
    return "".join(",".join(row[i] for i in keep) + "\n" for row in rows)


@pytest.mark.parametrize("dropped", [("reviewer",), ("exchange", "reviewer")])
def test_a_row_given_again_without_an_extra_column_is_already_recorded(backend, run, tmp_path, dropped):
    """Dropping a kept column from the file is no new figure: the rows, with a ref and
    without, are recognised and the user told they were recorded with other columns."""
    assert run("import", str(write(tmp_path / "one.csv", WITH_URL))).exit_code == 0
    digest = run("digest").output
    result = run("import", str(write(tmp_path / "two.csv", _without(WITH_URL, *dropped))))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "two.csv: 2 rows; recorded 0 new claims, 2 rows already recorded (skipped; 2 of them with other "
        "extra columns than recorded, which stay as recorded)")
    assert run("digest").output == digest
    as_json = json.loads(run("import", str(tmp_path / "two.csv"), "--format", "json").output)
    assert (as_json["recorded"], as_json["already_recorded_with_other_columns"]) == (0, [2, 3])


def test_a_row_given_again_with_an_added_extra_column_is_already_recorded(backend, run, tmp_path):
    """The other way round, for a source with a url and a date (whose identity differs
    from the one pxl used before page versions)."""
    assert run("import", str(write(tmp_path / "one.csv", _without(WITH_URL, "exchange", "reviewer")))).exit_code == 0
    digest = run("digest").output
    result = run("import", str(write(tmp_path / "two.csv", WITH_URL)))
    assert result.exit_code == 0, result.output
    assert "recorded 0 new claims, 2 rows already recorded (skipped; 2 of them" in result.output
    assert run("digest").output == digest
    again = run("import", str(write(tmp_path / "three.csv", _without(WITH_URL, "reviewer"))))
    assert "recorded 0 new claims, 2 rows already recorded" in again.output


def test_an_extra_column_given_with_another_text_is_still_another_row(backend, run, tmp_path):
    assert run("import", str(write(tmp_path / "one.csv", _without(WITH_URL, "ref")))).exit_code == 0
    other = _without(WITH_URL, "ref", "exchange").replace(",ann", ",cy")
    result = run("import", str(write(tmp_path / "two.csv", other)))
    assert result.exit_code == 0, result.output
    assert "recorded 1 new claim (C5), 1 row already recorded (skipped; 1 of them" in result.output
    assert [c["extra"] for c in listed(run)][-1] == {"reviewer": "cy"}


def test_within_a_file_a_row_with_an_emptied_extra_cell_is_a_repeat(run, tmp_path):
    """The same rule inside one file: an emptied cell is a repeat, another text a row."""
    text = (WITH_URL.splitlines(keepends=True)[0] + "a->b,cumulative,100,Outlet,2020-04-13,https://x.org/1,,e,ann\n"
            "a->b,cumulative,100,Outlet,2020-04-13,https://x.org/1,,e,\n"
            "a->b,cumulative,100,Outlet,2020-04-13,https://x.org/1,,f,\n")
    result = run("import", str(write(tmp_path / "one.csv", text)))
    assert result.exit_code == 0, result.output
    assert "recorded 2 new claims (C2-C3), 1 new source, 1 repeated row (skipped)" in result.output


def test_verify_finds_an_extra_column_changed_added_or_removed(backend, run, tmp_path):
    assert run("import", str(write(tmp_path / "claims.csv", HEADER + ROWS))).exit_code == 0
    ledger = backend.ledger()
    seqs = {c["extra"].get("reviewer", c["extra"].get("exchange", "none")): int(c["id"][1:]) for c in listed(run)}
    assert ledger.verify().ok
    for statement, seq in (
        (f"UPDATE claims SET extra = '{{\"exchange\":\"other\",\"reviewer\":\"ann\"}}' WHERE seq = {seqs['ann']}",
         seqs["ann"]),
        (f"UPDATE claims SET extra = NULL WHERE seq = {seqs['yemen-2023']}", seqs["yemen-2023"]),
        (f"UPDATE claims SET extra = '{{\"exchange\":\"x\"}}' WHERE seq = {seqs['none']}", seqs["none"]),
    ):
        fresh = backend.ledger()
        tamper(fresh, statement)
        report = fresh.verify()
        assert not report.ok and report.first.seq == seq, report.problems
        assert "does not match its hash" in report.first.message
        tamper(fresh, *_restore(statement, seq))
        assert backend.ledger().verify().ok


def _restore(statement: str, seq: int) -> list[str]:
    original = {
        "other": "'{\"exchange\":\"yemen-2023\",\"reviewer\":\"ann\"}'",
        "NULL": "'{\"exchange\":\"yemen-2023\"}'",
        "x": "NULL",
    }
    key = "other" if "other" in statement else "NULL" if "NULL" in statement else "x"
    return [f"UPDATE claims SET extra = {original[key]} WHERE seq = {seq}"]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # the fast pass is SQLite's
def test_the_fast_sqlite_pass_vouches_for_entries_with_and_without_extra(backend, run, tmp_path):
    """SQLite's own JSON encoding of the stored rows must give the recorded hashes, with the
    extra column and without it; else every verify falls back to the slow exact pass."""
    from pxl.ledger import verification

    assert run("import", str(write(tmp_path / "claims.csv", HEADER + ROWS))).exit_code == 0
    ledger = backend.ledger()
    last = ledger.head().seq
    with ledger.engine.connect() as connection:
        cursor = connection.connection.driver_connection.cursor()
        assert verification._chunk_intact(cursor, 0, last) is True
    tamper(ledger, "UPDATE claims SET extra = NULL WHERE extra IS NOT NULL AND ref = 'r1'")
    with ledger.engine.connect() as connection:
        cursor = connection.connection.driver_connection.cursor()
        assert verification._chunk_intact(cursor, 0, last) is False


@pytest.mark.parametrize("tampered", ['{"exchange":"e1"', '["e1"]'])
def test_a_tampered_extra_that_is_not_an_object_is_shown_not_raised(backend, run, tmp_path, tampered):
    """Break test: text in claims.extra that pxl never writes stopped list, show, reconcile
    and export with a traceback; verify names the entry, the rest show the text as it is."""
    assert run("import", str(write(tmp_path / "claims.csv", HEADER + ROWS))).exit_code == 0
    seq = int(listed(run)[0]["id"][1:])
    tamper(backend.ledger(), f"UPDATE claims SET extra = '{tampered}' WHERE seq = {seq}")
    assert listed(run)[0]["extra"] == {"extra": tampered}
    for args in (["show", f"C{seq}"], ["reconcile"], ["series"], ["export", str(tmp_path / "out")]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
    report = backend.ledger().verify()
    assert not report.ok and report.first.seq == seq


def test_exported_extra_columns_are_json(run, tmp_path):
    """Break test: the data package's extra cells were Python reprs, not JSON."""
    import csv

    assert run("import", str(write(tmp_path / "claims.csv", HEADER + ROWS))).exit_code == 0
    assert run("export", str(tmp_path / "out")).exit_code == 0
    with (tmp_path / "out" / "claims.csv").open(encoding="utf-8", newline="") as handle:
        extras = [json.loads(row["extra"]) if row["extra"] else {} for row in csv.DictReader(handle)]
    assert extras == [{"exchange": "yemen-2023", "reviewer": "ann"}, {"exchange": "yemen-2023"}, {}]


def test_a_json_number_with_a_dot_and_three_digits_is_ambiguous_like_its_text(run, tmp_path):
    """Break test: an unquoted JSON number 12.000 was stored as 12; as text it is refused
    as ambiguous (12 or 12,000), and now the number too."""
    line = '{"series": "a->b", "kind": "cumulative", "value": 12.000, "publisher": "Outlet", "published": "2020-04-13"}\n'
    result = run("import", str(write(tmp_path / "claims.jsonl", line)))
    assert result.exit_code == 1 and "'12.000'" in result.output and "12,000" in result.output, result.output
    assert listed(run) == []
