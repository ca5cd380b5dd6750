"""``pxl export DIR --format datapackage``: a Frictionless Data Package that the
frictionless library validates, holding what the ledger and the reconciliation hold."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from frictionless import validate

import pxl
from pxl.reports.datapackage import write_datapackage

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "afghanistan-2020" / "claims.csv"


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_the_export_validates_and_holds_every_table(run, tmp_path):
    assert run("import", str(SAMPLE)).exit_code == 0
    assert run("amend", "C8", "--value", "about 100", "--reason", "rounded").exit_code == 0
    assert run("retract", "C9", "--reason", "withdrawn").exit_code == 0
    folder = tmp_path / "out"
    result = run("export", str(folder))
    assert result.exit_code == 0, result.output
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    descriptor = json.loads((folder / "datapackage.json").read_text())
    assert [r["name"] for r in descriptor["resources"]] == [
        "claims", "sources", "corrections", "declarations", "exclusions", "estimates", "discrepancies"]

    listed = json.loads(run("list", "--all", "--format", "json").output)
    claims = _rows(folder, "claims")
    assert [(c["id"], c["status"], c["lo"], c["hi"]) for c in claims] == [
        (c["id"], c["status"], str(c["lo"]), "" if c["hi"] is None else str(c["hi"])) for c in listed]
    assert {c["id"]: c["status"] for c in claims}["C9"] == "retracted"
    assert [c["action"] for c in _rows(folder, "corrections")] == ["amend", "retract"]
    assert len(_rows(folder, "sources")) == len(json.loads(run("source", "list", "--format", "json").output))

    reconciled = json.loads(run("reconcile", "--format", "json").output)
    assert [(e["series"], e["date"], e["low"], e["high"]) for e in _rows(folder, "estimates")] == [
        (s["series"], e["date"], str(e["low"]), "" if e["high"] is None else str(e["high"]))
        for s in reconciled["series"] for e in s["estimates"]]
    assert [(d["type"], d["claims"].split()) for d in _rows(folder, "discrepancies")] == [
        (d["type"], [c["id"] for c in d["claims"]]) for d in reconciled["discrepancies"]]


def test_export_as_known_at_and_from_python(backend, tmp_path):
    ledger = pxl.open(backend.url)
    ledger.import_file(SAMPLE)
    path = ledger.export(tmp_path / "then", as_known_at="2001-01-01")
    assert validate(str(path)).valid
    assert _rows(tmp_path / "then", "claims") == []
    assert len(_rows(Path(ledger.export(tmp_path / "now")).parent, "claims")) == 12
    ledger.close()


def test_dates_known_to_a_month_or_a_year_are_intervals_of_days(tmp_path):
    records = [{"id": "C1", "as_of": "2023-11", "lo": 5, "hi": None},
               {"id": "C2", "as_of": "2024", "lo": 1, "hi": 2},
               {"id": "C3", "as_of": "2024-02-29", "lo": 1, "hi": 1}]
    path = write_datapackage(tmp_path, {"claims": (records, ["id", "as_of", "lo", "hi"])})
    assert validate(str(path)).valid
    assert [(r["as_of"], r["as_of_last"]) for r in _rows(tmp_path, "claims")] == [
        ("2023-11-01", "2023-11-30"), ("2024-01-01", "2024-12-31"), ("2024-02-29", "2024-02-29")]


def test_a_cell_that_breaks_its_schema_fails_validation(tmp_path):
    path = write_datapackage(tmp_path, {"claims": ([{"id": "C1", "lo": 5, "hi": None}], ["id", "lo", "hi"])})
    text = (tmp_path / "claims.csv").read_text().replace("C1,5,", "C1,5,open")
    (tmp_path / "claims.csv").write_text(text)
    assert not validate(str(path)).valid


def test_an_unwritable_folder_is_a_clean_error(run, tmp_path):
    (tmp_path / "file").write_text("")
    result = run("export", str(tmp_path / "file" / "out"))
    assert result.exit_code == 1
    assert "cannot write the data package" in result.output


def _full_disk(monkeypatch):
    """Every file write fails with ENOSPC half-way (as a full disk does)."""
    import errno
    import os

    from pxl.reports import files

    real_fdopen = os.fdopen

    def fdopen(fd, *args, **kwargs):
        handle = real_fdopen(fd, *args, **kwargs)
        original = handle.write

        def write(data):
            original(data[:10])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        handle.write = write
        return handle

    monkeypatch.setattr(files.os, "fdopen", fdopen)


def test_an_export_on_a_full_disk_writes_nothing_and_says_so(run, tmp_path, monkeypatch):
    """All or nothing: the files are written into a temporary folder beside FOLDER and
    renamed; a full disk once left an empty folder behind."""
    assert run("import", str(SAMPLE)).exit_code == 0
    out = tmp_path / "out"
    previous = out / "previous"
    assert run("export", str(previous)).exit_code == 0
    before = {p.name: p.read_bytes() for p in previous.iterdir()}
    _full_disk(monkeypatch)
    fresh = out / "new" / "pkg"
    result = run("export", str(fresh))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Error: cannot write the data package to {fresh}: No space left on device; nothing was written")
    assert sorted(p.name for p in out.iterdir()) == ["previous"]  # no folder, no temporary left
    again = run("export", str(previous))
    assert result.exit_code == 1
    assert again.stderr.splitlines()[0] == (
        f"Error: cannot write the data package to {previous}: No space left on device; "
        f"the previous export in {previous} is untouched")
    assert {p.name: p.read_bytes() for p in previous.iterdir()} == before
    assert sorted(p.name for p in out.iterdir()) == ["previous"]


def test_the_export_holds_declarations_exclusions_and_what_scopes_add_up_to(run, tmp_path):
    """Break test: a scope declared complete, a part's figure set aside because the parts
    would exceed the parent: the package had no declaration, every claim 'recorded', and
    estimates of the part that said nothing of why they sit below its figure."""
    (tmp_path / "p1.csv").write_text("series,kind,value,publisher,published,as_of,ref\n"
                                     "c->d/x,cumulative,10,P1,2025-01-05,2025-01-05,q1\n"
                                     "c->d/w,cumulative,5,P1,2025-01-05,2025-01-05,q2\n")
    (tmp_path / "p2.csv").write_text("series,kind,value,publisher,published,as_of,ref\n"
                                     "c->d,cumulative,12,P3,2025-01-06,2025-01-06,q3\n")
    assert run("import", str(tmp_path / "p1.csv")).exit_code == 0
    assert run("declare", "complete", "c->d", "--reason", "x and w cover it").exit_code == 0
    assert run("declare", "alias", "A", "B", "--reason", "withdrawn later").exit_code == 0
    assert run("retract", "D5", "--reason", "not the same").exit_code == 0
    assert run("import", str(tmp_path / "p2.csv")).exit_code == 0
    folder = tmp_path / "pkg"
    assert run("export", str(folder)).exit_code == 0
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])

    assert [(d["id"], d["kind"], d["subject"], d["object"], d["status"], d["corrections"])
            for d in _rows(folder, "declarations")] == [
        ("D4", "complete", "c->d", "", "recorded", ""), ("D5", "alias", "A", "B", "retracted", "D6")]
    reconciled = json.loads(run("reconcile", "--format", "json").output)
    expected = [(s["series"], e["id"], e["rule"], e["reason"]) for s in reconciled["series"] for e in s["exclusions"]]
    assert [(e["series"], e["claim"], e["rule"], e["reason"]) for e in _rows(folder, "exclusions")] == expected
    assert [e[1] for e in expected] == ["C2"]
    claims = {c["ref"]: (c["excluded"], c["excluded_reason"]) for c in _rows(folder, "claims")}
    assert claims == {"q1": ("true", expected[0][3]), "q2": ("false", ""), "q3": ("false", "")}

    by_series = {s["series"]: s for s in reconciled["series"]}
    remainder = by_series["c->d"]["remainder"]
    assert (remainder["date"], remainder["low"], remainder["high"]) == ("2025-01-06", 0, 0)
    estimates = {(e["series"], e["date"]): e for e in _rows(folder, "estimates")}
    parent = estimates[("c->d", "2025-01-06")]
    assert (parent["complete"], parent["parent_complete"], parent["remainder_low"], parent["remainder_high"]) == (
        "true", "", "0", "0")
    assert estimates[("c->d", "2025-01-05")]["remainder_low"] == ""  # given at the latest date only
    part = estimates[("c->d/x", "2025-01-05")]
    assert (part["parent"], part["complete"], part["parent_complete"], part["low"], part["high"]) == (
        "c->d", "", "true", "0", "7")
