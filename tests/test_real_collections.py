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


# Exclusions a careful reader accepts, reviewed in each collection's README ("What pxl sets
# aside"): refs set aside, refs kept. Israel-Hamas's was decided wrongly by row counts
# before the weights counted origins and precision (issue 19); Sudan's and US-Russia's
# guard the disputed-attribution and best-graded-copy rules, without which one voice's
# copies would tie with or lose to a single page. The third review's data fixes (a
# figure's series is the people it counts) keep what the second review rejected setting
# aside: Aussiedlerbote's 15 by Russia alone, the officials' and Foro Penal's 5 + 5 and
# 12, the ICRC's 117 on the second Abha flight. Yemen's fourth review (the two directions
# keyed as parts of the exchange; WION's dated 96 recorded) keeps dpa's 249, the ICRC's 100
# from Mokha and its 96 to Sanaa, and sets aside The National's 250, Fadail's 300 and AP's
# early 48 instead.
REVIEWED = {
    "israel-hamas-2025": ({"ih25-221", "ih25-239", "ih25-206", "ih25-227", "ih25-297"}, {"ih25-234"}),
    "sudan-2023": ({"sd23-icrcpt-1"}, {"sd23-icrcfr-1", "sd23-zawya-2"}),
    "us-russia-2024": ({"usru-dags-1"}, {"usru-meduza-3", "usru-novaya-1", "usru-ausb1-2"}),
    "venezuela-us-2025": (
        {"venus-deep-5", "venus-allth-3", "venus-entorno-2", "venus-mpt-3"},
        {"venus-deep-3", "venus-deep-4", "venus-univ-1", "venus-univ-4", "venus-univ-6"},
    ),
    "yemen-2023": (
        {"ye23-nat-0416b-1", "ye23-anews-0416-1", "ye23-memo-0417-1", "ye23-aawsat-0415-2",
         "ye23-aawsat-0415-3", "ye23-nat-0414-3", "ye23-sdut-0417-2"},
        {"ye23-kash-0417-3", "ye23-kash-0417-4", "ye23-wiwo-0414-1", "ye23-sun-0417-1", "ye23-wion-0417-5"},
    ),
}


@pytest.mark.parametrize("collection", sorted(REVIEWED))
def test_reviewed_exclusions_stay_and_the_list_stays_readable(collection, tmp_path):
    ledger = pxl.open(f"sqlite:///{tmp_path / 'ledger.db'}", create=True)
    assert ledger.import_file(DATA / collection / "claims.csv").ok
    result = ledger.reconcile()
    excluded = {c.ref for s in result.series for c in s.excluded}
    aside, kept = REVIEWED[collection]
    assert aside <= excluded and not (kept & excluded), (sorted(aside - excluded), sorted(kept & excluded))
    # about a couple of dozen discrepancies, each claim named (issue 19: short enough to
    # read); Israel-Hamas's 34 include 5 direct contradictions across scopes (a part's
    # figure against its whole's) that were named nowhere before
    assert len(result.discrepancies) <= 35
