"""Dates as collectors write them, through import and the store (SQLite and PostgreSQL):
months, years, pages without a date, undated claims, and versions of one page."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

URL = "https://example.org/live"
HEADER = ["series", "kind", "value", "publisher", "published", "as_of", "url", "ref"]


def write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def listed(run) -> dict[str, dict]:
    result = run("list", "--format", "json")
    assert result.exit_code == 0, result.output
    return {c["ref"]: c for c in json.loads(result.output)}


def test_months_years_and_missing_dates_are_taken_as_written(run, tmp_path):
    rows = [
        ["a->b", "cumulative", "100", "Outlet", "2023-11", "", "https://example.org/1", "month"],
        ["a->b", "cumulative", "150", "Outlet", "November 2023", "2023-11-20", "https://example.org/2", "named"],
        ["a->b", "cumulative", "200", "Outlet", "", "2023-12", "https://example.org/3", "no-published"],
        ["a->b", "cumulative", "250", "Outlet", "", "", "https://example.org/4", "undated"],
        ["a->b", "target", "5000", "Outlet", "2023", "", "", "year"],
        ["a->b", "cumulative", "300", "Outlet", "2023-12-24", "24/12/2023", "https://example.org/5", "day-first"],
    ]
    result = run("import", str(write(tmp_path / "dates.csv", rows)))
    assert result.exit_code == 0, result.output
    claims = listed(run)
    assert claims["month"]["as_of"] == "2023-11" and claims["month"]["as_of_inferred"] is True
    assert claims["month"]["published"] == "2023-11"
    assert claims["named"]["published"] == "2023-11" and claims["named"]["as_of"] == "2023-11-20"
    assert claims["no-published"]["published"] is None and claims["no-published"]["as_of"] == "2023-12"
    assert claims["undated"]["as_of"] is None and claims["undated"]["published"] is None
    assert claims["year"]["as_of"] == "2023"
    assert claims["day-first"]["as_of"] == "2023-12-24"
    assert run("verify").exit_code == 0
    again = run("import", str(write(tmp_path / "again.csv", rows)))
    assert again.exit_code == 0 and "recorded 0 new" in again.output, again.output
    text = run("reconcile").output
    assert "undated" in text and "250" in text
    report = json.loads(run("reconcile", "--format", "json").output)
    (series,) = report["series"]
    assert series["undated"] == [claims["undated"]["id"]]


def test_a_release_may_not_be_dated_after_publication_only_when_every_day_is_after(run, tmp_path):
    rows = [
        ["a->b", "cumulative", "100", "Outlet", "2023-11-05", "2023-11", URL + "/a", "inside"],
        ["a->b", "cumulative", "100", "Outlet", "2023-11", "2023-11-30", URL + "/b", "inside-month"],
    ]
    assert run("import", str(write(tmp_path / "ok.csv", rows))).exit_code == 0
    bad = [["a->b", "cumulative", "100", "Outlet", "2023-11", "2023-12-01", URL + "/c", "after"]]
    result = run("import", str(write(tmp_path / "bad.csv", bad)))
    assert result.exit_code == 1
    assert "line 2, as_of '2023-12-01'" in result.output and "published (2023-11)" in result.output


def test_an_ambiguous_date_is_refused_with_both_readings_and_read_with_an_order(run, tmp_path):
    rows = [["a->b", "cumulative", "100", "Outlet", "2020-06-01", "04/05/2020", URL, "r"]]
    path = write(tmp_path / "ambiguous.csv", rows)
    result = run("import", str(path))
    assert result.exit_code == 1
    assert "line 2, as_of '04/05/2020'" in result.output
    assert "2020-05-04" in result.output and "2020-04-05" in result.output and "--date-order" in result.output
    assert run("import", "--date-order", "dmy", str(path)).exit_code == 0
    assert listed(run)["r"]["as_of"] == "2020-05-04"


def test_one_url_with_two_publication_dates_is_two_versions_of_one_page(run, tmp_path):
    rows = [
        ["a->b", "cumulative", "58", "Live", "2023-11-24", "", URL, "day1"],
        ["a->b", "cumulative", "58", "Live", "2023-11-25", "", URL, "day2"],
        ["a->b", "cumulative", "69", "Live", "2023-11-25", "", URL, "day2b"],
    ]
    result = run("import", str(write(tmp_path / "live.csv", rows)))
    assert result.exit_code == 0, result.output
    claims = listed(run)
    first, second = claims["day1"]["source"], claims["day2"]["source"]
    assert first != second and claims["day2b"]["source"] == second
    assert claims["day1"]["as_of"] == "2023-11-24" and claims["day2"]["as_of"] == "2023-11-25"
    sources = {s["id"]: s for s in json.loads(run("source", "list", "--format", "json").output)}
    assert sources[first]["version_of"] is None and sources[second]["version_of"] == first
    assert f"a later version of {first}" in run("show", claims["day2"]["id"]).output
    shown = run("record", "--series", "a->b", "--kind", "cumulative", "--value", "70", "--source", URL)
    assert shown.exit_code == 1 and first in shown.output and second in shown.output
    assert run("verify").exit_code == 0


def test_an_undated_claim_through_the_store_api(backend):
    from pxl.ledger.drafts import claim_draft

    ledger = backend.ledger()
    draft, errors = claim_draft({"series": "a->b", "kind": "cumulative", "value": "12", "publisher": "P"})
    assert not errors
    claim = ledger.record(draft, recorded_by="t")
    assert claim.as_of is None and claim.source.published is None
    (stored,) = ledger.claims()
    assert stored.as_of is None and stored.source.published is None and stored.as_of_inferred
    assert ledger.verify().ok


SAMPLE = Path(__file__).resolve().parent.parent / "data" / "afghanistan-2020" / "claims.csv"


def _url_alone(url, publisher, title, published):
    """How sources were told apart before pages had versions (pxl up to 595de1c)."""
    from pxl.ledger.drafts import iso

    return f"url:{url}" if url else f"ptp:{publisher}\x1f{title or ''}\x1f{iso(published) or ''}"


def test_a_ledger_recorded_before_page_versions_knows_its_rows_again(run, monkeypatch):
    """A ledger whose claims were fingerprinted with the url alone (before sources were
    matched by url and publication date): re-importing the same file records nothing."""
    import pxl.ledger.drafts as drafts
    import pxl.ledger.plain_rows as plain_rows

    with monkeypatch.context() as old_rules:
        old_rules.setattr(drafts, "source_identity", _url_alone)
        old_rules.setattr(plain_rows, "source_identity", _url_alone)
        assert run("import", str(SAMPLE)).exit_code == 0
    again = run("import", str(SAMPLE))
    assert again.exit_code == 0, again.output
    assert "recorded 0 new claims" in again.output or "no new claims" in again.output, again.output


@pytest.mark.parametrize("lane", ["plain", "exact"])
def test_the_earlier_fingerprint_is_the_one_pxl_recorded_then(lane):
    """Line 10 of the sample as a ledger built with 595de1c fingerprinted it (read off
    that ledger), on both import paths."""
    from pxl.ledger.importer import prepare
    from pxl.ledger.plain_rows import PlainCells
    from pxl.ledger.sheets import read_rows
    from pxl.ledger.wording import DEFAULT_CONFIG

    rows, errors = read_rows(SAMPLE.read_bytes(), "csv")
    cells = PlainCells(DEFAULT_CONFIG) if lane == "plain" else None
    prepared, errors = prepare(rows, DEFAULT_CONFIG, SAMPLE.parent, cells=cells)
    [row] = [p for p in prepared if p.line == 10]
    assert (type(row).__name__ == "PlainRow") == (lane == "plain")
    assert row.bare_fingerprint == "39edaa80ef926e64bdd4fb58f432f622adc023955d232c426c5a2306db3adbcd"
