"""The sample ledger of the 2020 Afghan exchange imports cleanly and quotes its sources exactly."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pxl.ledger.importer import import_rows
from pxl.ledger.sheets import read_rows

DATA = Path(__file__).resolve().parent.parent / "data" / "afghanistan-2020" / "claims.csv"
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def test_sample_imports_and_reimports_cleanly(backend):
    ledger = backend.ledger()
    rows, errors = read_rows(DATA.read_bytes(), "csv")
    assert errors == []
    report = import_rows(ledger, rows, DATA.parent)
    assert report.ok, report.errors
    assert len(report.recorded) == len(rows) == 12
    again = import_rows(ledger, rows, DATA.parent)
    assert again.ok and again.recorded == [] and len(again.already_recorded) == 12
    assert ledger.verify().ok


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not beside the checkout")
def test_every_quote_occurs_in_its_seed_article():
    seeds = {path.name[:3]: path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt")}
    with DATA.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            seed = row["ref"].split("-")[1]
            assert row["quote"] in seeds[seed], row["ref"]
