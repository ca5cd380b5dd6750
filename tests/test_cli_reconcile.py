"""`pxl reconcile`, `pxl why`, `pxl check` end to end, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "afghanistan-2020" / "claims.csv"
GOV = "afghan-government->taliban"




def conflicting_rows() -> str:
    rows = [
        ("250", "2021-04-12", "Outlet A", "released 250 so far"),
        ("100", "2021-04-13", "Outlet B", "a further 100 were freed"),
        ("400", "2021-04-13", "Outlet C", "a total of 400"),
    ]
    kinds = ["cumulative", "increment", "cumulative"]
    lines = ["series,kind,value,as_of,publisher,published,quote,ref"]
    for (value, as_of, outlet, quote), kind in zip(rows, kinds, strict=False):
        lines.append(f"x->y,{kind},{value},{as_of},{outlet},2021-04-14,{quote},{outlet[-1]}")
    return "\n".join(lines) + "\n"


def test_reconcile_json_contract_on_the_sample(run):
    assert run("import", str(SAMPLE)).exit_code == 0
    report = json.loads(run("reconcile", "--format", "json").output)
    assert set(report) >= {"series", "discrepancies"}
    series = {s["series"]: s for s in report["series"]}
    gov = series[GOV]
    ids = {c["ref"]: c["id"] for c in json.loads(run("list", "--format", "json").output)}
    assert gov["target"]["lo"] == gov["target"]["hi"] == 5000
    contract = ("date", "low", "high", "best")
    assert {k: gov["latest"][k] for k in contract} == {"date": "2020-07-27", "low": 4001, "high": None, "best": 4001}
    assert gov["latest"]["low_claims"] == [ids["afg2020-004-a"]]  # "more than four thousand"
    april = next(e for e in gov["estimates"] if e["date"] == "2020-04-12")
    assert {k: april[k] for k in contract} == {"date": "2020-04-12", "low": 300, "high": None, "best": 300}
    assert april["low_claims"] == [ids["afg2020-003-c"]] and april["high_claims"] == []
    assert gov["excluded"] == []
    for discrepancy in report["discrepancies"]:
        assert set(discrepancy) == {"type", "series", "claims", "message"}
        assert all(set(c) == {"id", "ref"} for c in discrepancy["claims"])
    disagreement = [d for d in report["discrepancies"] if d["type"] == "target_disagreement"]
    assert [[c["ref"] for c in d["claims"]] for d in disagreement] == [["afg2020-001-b", "afg2020-004-b"]]
    assert run("check").exit_code == 0


def test_conflict_is_reported_excluded_and_fails_check(run):
    assert run("import", "-", input=conflicting_rows()).exit_code == 0
    text = run("reconcile").output
    assert "conflict: these 3 claims cannot all be true" in text
    assert "250 + 100 = 350, not 400" in text
    assert "excluded C" in text
    report = json.loads(run("reconcile", "--format", "json").output)
    [conflict] = [d for d in report["discrepancies"] if d["type"] == "conflict"]
    assert [c["ref"] for c in conflict["claims"]] == ["A", "B", "C"]
    assert len(report["series"][0]["excluded"]) == 1
    checked = run("check")
    assert checked.exit_code == 1 and "1 conflict among 3 claims" in checked.output
    as_json = run("check", "--format", "json")
    assert as_json.exit_code == 1
    answer = json.loads(as_json.output)
    assert {k: answer[k] for k in ("ok", "claims", "series")} == {"ok": False, "claims": 3, "series": 1}
    assert answer["conflicts"] == [conflict]


def test_check_json_gives_the_conflicts_reconcile_json_gives(run):
    """Across scopes and with an amended claim too: the same objects, refs included."""
    rows = conflicting_rows() + "x->y/a,cumulative,500,2021-04-13,Outlet D,2021-04-14,a part,D\n"
    assert run("import", "-", input=rows).exit_code == 0
    assert run("amend", "C2", "--value", "260", "--reason", "misread").exit_code == 0
    report = json.loads(run("reconcile", "--format", "json").output)
    conflicts = [d for d in report["discrepancies"] if d["type"] == "conflict"]
    assert len(conflicts) >= 2 and any(c["ref"] == "D" for d in conflicts for c in d["claims"])
    checked = run("check", "--format", "json")
    assert checked.exit_code == 1
    assert json.loads(checked.output)["conflicts"] == conflicts


def test_as_known_at_reproduces_an_earlier_reconciliation(run):
    run("import", "-", input=conflicting_rows())
    time.sleep(0.01)
    before = json.loads(run("list", "--format", "json").output)[0]["recorded_at"]
    time.sleep(0.01)
    run("retract", "C4", "--reason", "outlet C corrected its total")  # C2 is S1; claims C2, C4, C6
    assert run("check").exit_code == 0
    then = json.loads(run("reconcile", "--format", "json", "--as-known-at", before).output)
    assert [d["type"] for d in then["discrepancies"]].count("conflict") == 1
    assert then["as_known_at"] == before and then["digest"].startswith("6:")
    assert run("check", "--as-known-at", before).exit_code == 1


def test_why_names_the_determining_claims(run):
    run("import", str(SAMPLE))
    latest = run("why", GOV)
    assert latest.exit_code == 0
    assert "low 4,001 is set by" in latest.output and "Kabul has released more than four thousand" in latest.output
    assert "high is open" in latest.output
    mid = run("why", GOV, "--date", "2020-05-01")
    assert "low 300" in mid.output and "bringing to 300" in mid.output
    assert run("why", "no->such").exit_code == 1


def test_why_prints_the_sum_of_a_bound_set_by_several_claims(run, tmp_path):
    """A chain of batches sets the low; a later ceiling less a batch after the date sets
    the high: each is printed as its arithmetic, a bound one claim sets is not."""
    rows = tmp_path / "batches.csv"
    rows.write_text(
        "series,kind,value,as_of,publisher,published\n"
        "x->y,increment,200,2020-05-11,A,2020-05-11\n"
        "x->y,increment,100,2020-05-26,A,2020-05-26\n"
        "x->y,cumulative,at most 1000,2020-06-01,B,2020-06-01\n", encoding="utf-8")
    assert run("import", str(rows)).exit_code == 0
    latest = run("why", "x->y")
    assert latest.exit_code == 0
    assert "  low 300 = 200 (C2, 2020-05-11) + 100 (C4, 2020-05-26)\n" in latest.output
    assert "  high 1,000 =" not in latest.output  # C6 alone
    mid = run("why", "x->y", "--date", "2020-05-20")
    assert mid.exit_code == 0
    assert mid.output.endswith("  high 900 = 1,000 (C6, 2020-06-01) - 100 (C4, 2020-05-26)\n")
    assert "  low 200 =" not in mid.output  # C2 alone


def test_reconcile_an_empty_ledger_and_an_unknown_series(run):
    assert run("reconcile").output == "no claims to reconcile\n"
    result = run("reconcile", "--series", "no->such")
    assert result.exit_code == 1
    assert result.output == "Error: no series matches 'no->such'\nHint: `pxl series` lists the series and their numbers\n"
