"""The real collections under data/ are the project's regression suite: each imports whole
as written, is recognised on re-import, verifies, and reconciles without an error; every
discrepancy names every claim its message quotes (issue 19)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

import pxl

DATA = Path(__file__).resolve().parent.parent / "data"
COLLECTIONS = sorted(p.parent.name for p in DATA.glob("*/claims.csv"))
CLAIM_ID = re.compile(r"\bC\d+\b")


def test_there_are_real_collections_beyond_the_seeds():
    assert len(COLLECTIONS) >= 6 and "afghanistan-2020" in COLLECTIONS


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_a_real_collection_imports_whole_and_reconciles(collection, tmp_path):
    path = DATA / collection / "claims.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = sum(1 for _ in csv.DictReader(handle))
    ledger = pxl.open(f"sqlite:///{tmp_path / 'ledger.db'}", create=True)
    report = ledger.import_file(path)
    assert report.ok, report.errors[:5]
    assert len(report.recorded) == rows
    assert ledger.import_file(path).recorded == []
    assert ledger.verify().ok
    result = ledger.reconcile().to_dict()
    assert {s["series"] for s in result["series"]} >= {c.series for c in ledger.claims()}
    for discrepancy in result["discrepancies"]:
        named = {c["id"] for c in discrepancy["claims"]}
        quoted = set(CLAIM_ID.findall(discrepancy["message"]))
        assert quoted <= named, (discrepancy["type"], sorted(quoted - named), discrepancy["message"][:300])
