"""Declarations (complete scopes, origin aliases) as ledger entries, on SQLite and PostgreSQL."""

from __future__ import annotations

from unittest import mock

import json

import pytest
from sqlalchemy import text

from pxl.ledger import db
from pxl.ledger.errors import InvalidInput, LedgerError, NotFound
from pxl.ledger.model import DeclarationKind
from pxl.ledger.store import Ledger
from tests.helpers import draft, tamper


def test_declare_list_correct_and_verify(backend):
    ledger = backend.ledger()
    ledger.record(draft())
    complete = ledger.declare("complete", "hamas->hostages", reason="the deal counts two groups")
    alias = ledger.declare(DeclarationKind.ALIAS, "NSC", "Afghan National Security Council", reason="same body")
    assert (complete.id, alias.id) == ("D3", "D4")
    assert [(d.kind.value, d.subject, d.object) for d in ledger.declarations()] == [
        ("complete", "hamas->hostages", None), ("alias", "NSC", "Afghan National Security Council"),
    ]
    ledger.retract_declaration(3, "was wrong")
    ledger.amend_declaration(4, "NSC", "National Security Council", reason="name as quoted")
    [amended] = ledger.declarations()
    assert (amended.id, amended.object, amended.status, amended.corrections) == ("D4", "National Security Council", "amended", ("D6",))
    retracted = next(d for d in ledger.declarations(include_retracted=True) if d.id == "D3")
    assert retracted.status == "retracted"
    # What was known before the corrections is still there.
    known = ledger.head().recorded_at
    assert ledger.verify().ok
    assert len(ledger.declarations(as_known_at=known)) == 1
    with pytest.raises(LedgerError, match="already retracted"):
        ledger.retract_declaration(3, "again")
    with pytest.raises(NotFound):
        ledger.retract_declaration(5, "D5 is a retraction, not a declaration")


def test_a_changed_declaration_fails_verify(backend):
    ledger = backend.ledger()
    ledger.declare("complete", "a->b", reason="r")
    tamper(ledger, "UPDATE declarations SET subject = 'a->c'")
    report = ledger.verify()
    assert not report.ok and report.first.seq == 1 and "declaration was changed" in report.first.message


@pytest.mark.parametrize("statement", ["UPDATE declarations SET reason = 'x'", "DELETE FROM declarations"])
def test_declarations_are_append_only(backend, statement):
    ledger = backend.ledger()
    ledger.declare("alias", "A", "B", reason="r")
    with pytest.raises(Exception, match="append-only"):
        with ledger.engine.begin() as connection:
            connection.execute(text(statement))


@pytest.mark.parametrize("kind, subject, obj, field", [
    ("complete", "Hamas->Hostages", None, "subject"),
    ("complete", "a->b", "c", "object"),
    ("alias", "NSC", "", "object"),
    ("alias", "NSC", " nsc ", "object"),
])
def test_bad_declarations_are_refused_and_nothing_is_written(backend, kind, subject, obj, field):
    ledger = backend.ledger()
    with pytest.raises(InvalidInput) as caught:
        ledger.declare(kind, subject, obj, reason="r")
    assert [e.column for e in caught.value.errors] == [field]
    assert ledger.count() == 0


def test_cli_declare_list_show_retract(run):
    assert run("declare", "complete", "hamas->hostages", "--reason", "two groups").exit_code == 0
    result = run("declare", "alias", "NSC", "Afghan National Security Council", "--reason", "same")
    assert result.output.startswith("recorded D2:")
    listed = json.loads(run("list", "--declarations", "--format", "json").output)
    assert [d["id"] for d in listed] == ["D1", "D2"]
    assert run("retract", "D1", "--reason", "not complete").exit_code == 0
    assert run("declare", "alias", "NSC", "N.S.C.", "--amends", "D2", "--reason", "typo").exit_code == 0
    listed = json.loads(run("list", "--declarations", "--format", "json").output)
    assert [(d["id"], d["object"], d["status"]) for d in listed] == [("D2", "N.S.C.", "amended")]
    shown = run("show", "D1").output
    assert "RETRACTED" in shown and "D3 retract: not complete" in shown
    refused = run("declare", "complete", "not a series", "--reason", "x")
    assert refused.exit_code == 1 and "is not a series key" in refused.output


def test_upgrade_keeps_every_entry_and_admits_declarations(empty_url):
    # A ledger made at the schema before declarations, with entries, then upgraded.
    engine = db.make_engine(empty_url, create=True)
    db.upgrade(engine, "0002")
    old = Ledger(engine)
    with mock.patch.object(db, "lock_for_append", return_value=None):  # 0002 has no append_lock yet
        old.record(draft())
    before = old.digest()
    db.upgrade(engine)
    ledger = Ledger(engine)
    try:
        assert ledger.digest() == before and ledger.verify().ok
        ledger.declare("complete", "a->b", reason="r")
        assert ledger.verify().ok and len(ledger.claims()) == 1
        with pytest.raises(Exception, match="append-only"):
            with ledger.engine.begin() as connection:
                connection.execute(text("DELETE FROM entries"))
    finally:
        ledger.close()


def _recorded_parts(backend):
    ledger = backend.ledger()
    ledger.record(draft(series="hamas->hostages/israeli", speaker="Javid Faisal, NSC spokesman"))
    return ledger


def test_declaring_a_series_or_speaker_no_claim_has_warns_with_the_closest(backend, run):
    """A likely typo is recorded all the same (as a --series matching nothing is only
    warned of) but said on stderr with the closest recorded name; no warning otherwise."""
    _recorded_parts(backend)
    typo = run("declare", "complete", "hamas->hostges", "--reason", "two groups")
    assert typo.exit_code == 0
    assert typo.stdout == "recorded D3: hamas->hostges is complete: its parts cover it\n"
    assert typo.stderr == (
        "warning: no claim is recorded for the series 'hamas->hostges' or any part of it; recorded all the "
        "same (`pxl retract D3` withdraws it)\nHint: did you mean 'hamas->hostages/israeli'?\n")
    parent = run("declare", "complete", "hamas->hostages", "--reason", "two groups")  # its part has claims
    assert (parent.exit_code, parent.stderr) == (0, "")
    alias = run("declare", "alias", "Javid Faisal", "Javid Faisel", "--reason", "same man")
    assert alias.exit_code == 0
    assert alias.stderr == (
        "warning: no claim has the speaker 'Javid Faisel'; recorded all the same (`pxl retract D5` withdraws "
        "it)\nHint: did you mean 'Javid Faisal, NSC spokesman'?\n")
    amended = run("declare", "alias", "NSC", "Javid Faisal", "--amends", "D5", "--reason", "typo")
    assert amended.stderr.startswith("warning: no claim has the speaker 'NSC'; ")
    assert "Hint: `pxl list` shows each claim's speaker\n" in amended.stderr


def test_the_python_api_warns_of_a_declaration_no_claim_supports(backend):
    import warnings

    import pxl

    _recorded_parts(backend).close()
    ledger = pxl.open(backend.url)
    try:
        with pytest.warns(pxl.LedgerWarning) as caught:
            declared = ledger.declare("complete", "hamas->hostges", reason="r")
        assert [str(w.message) for w in caught] == [
            "no claim is recorded for the series 'hamas->hostges' or any part of it (did you mean "
            "'hamas->hostages/israeli'?); recorded as D3 all the same (retract_declaration withdraws it)"]
        assert declared.subject == "hamas->hostges"
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            ledger.declare("complete", "hamas->hostages/israeli", reason="r")
            ledger.declare("alias", "javid faisal", "Javid Faisal (NSC)", reason="r")
    finally:
        ledger.close()


def test_declare_complete_takes_a_series_number_as_pxl_series_prints_it(backend, run):
    ledger = _recorded_parts(backend)
    ledger.record(draft(series="hamas->hostages"))
    listed = run("series").output
    number = next(line.split()[0].strip("#") for line in listed.splitlines() if line.split()[1:2] == ["hamas->hostages"])
    result = run("declare", "complete", number, "--reason", "two groups")
    assert result.exit_code == 0
    assert result.stdout == "recorded D4: hamas->hostages is complete: its parts cover it\n"
    assert result.stderr == f"series {number!r} taken as hamas->hostages\n"
    missing = run("declare", "complete", "99", "--reason", "x")
    assert missing.exit_code == 1 and "no series matches '99'" in missing.output


def test_an_identical_declaration_records_nothing_so_a_retraction_withdraws_it(backend, run):
    """Declaring twice what is in force is "already declared (D3)", as an import skips rows
    already recorded: a second copy would keep c->d complete after D3 is retracted."""
    ledger = backend.ledger()
    ledger.record(draft(series="c->d/x", ref="x"))
    first = run("declare", "complete", "c->d", "--reason", "x and w cover it")
    again = run("declare", "complete", "c->d", "--reason", "said again")
    assert (first.exit_code, first.stdout) == (0, "recorded D3: c->d is complete: its parts cover it\n")
    assert (again.exit_code, again.stdout) == (
        0, "already declared (D3): c->d is complete: its parts cover it; nothing was recorded\n")
    swapped = [run("declare", "alias", "NSC", "Afghan NSC", "--reason", "r"),
               run("declare", "alias", "afghan nsc", "nsc", "--reason", "either order, any case")]
    assert [r.stdout for r in swapped] == [
        "recorded D4: 'NSC' and 'Afghan NSC' are one origin\n",
        "already declared (D4): 'NSC' and 'Afghan NSC' are one origin; nothing was recorded\n"]
    assert ledger.head().seq == 4
    assert run("retract", "D3", "--reason", "not complete after all").exit_code == 0
    assert [d.subject for d in ledger.declarations()] == ["NSC"]
    # Once withdrawn it can be declared anew.
    assert run("declare", "complete", "c->d", "--reason", "it is after all").stdout.startswith("recorded D6:")


def _declare_many(url: str, times: int) -> None:
    ledger = Ledger.open(url)
    try:
        for _ in range(times):
            ledger.declare("complete", "c->d", reason="x and w cover it")
    finally:
        ledger.close()


@pytest.mark.slow
def test_concurrent_identical_declarations_record_one(backend):
    """The check runs under the append lock: eight writers declaring the same scope over
    and over record it once between them."""
    from tests.helpers import run_side_by_side

    run_side_by_side(_declare_many, [(backend.url, 10)] * 8, 120)
    ledger = backend.ledger()
    assert [(d.id, d.subject) for d in ledger.declarations(include_retracted=True)] == [("D1", "c->d")]
    assert ledger.verify().ok


def test_the_python_api_warns_of_a_declaration_already_in_force(backend):
    import pxl

    backend.ledger().record(draft(series="c->d/x"))
    ledger = pxl.open(backend.url)
    try:
        first = ledger.declare("complete", "c->d", reason="r")
        with pytest.warns(pxl.LedgerWarning) as caught:
            again = ledger.declare("complete", "c->d", reason="r")
        assert again == first
        assert [str(w.message) for w in caught] == [
            "already declared (D3): c->d is complete: its parts cover it; nothing was recorded"]
    finally:
        ledger.close()


def test_the_id_an_amendment_or_retraction_prints_is_one_show_finds(run):
    """`pxl declare --amends D1` and `pxl retract D1` record entries of their own (D2, D3):
    the ids they print show the declaration they correct, with its history."""
    assert run("declare", "complete", "aa->bb", "--reason", "r").stdout.startswith("recorded D1:")
    amended = run("declare", "complete", "zz->yy", "--amends", "D1", "--reason", "move")
    assert (amended.exit_code, amended.stdout) == (0, "recorded D2: D1 amended: zz->yy is complete: its parts cover it\n")
    shown = run("show", "D2")
    assert shown.exit_code == 0
    assert shown.stdout.splitlines()[:2] == ["D1  complete  [amended]", "  states     zz->yy is complete: its parts cover it"]
    assert "  correction D2 amend to zz->yy is complete: its parts cover it: move (" in shown.stdout
    assert run("retract", "D1", "--reason", "gone").stdout == "recorded D3: D1 retracted\n"
    as_json = json.loads(run("show", "D3", "--format", "json").stdout)
    assert (as_json["id"], as_json["status"], [e["id"] for e in as_json["entries"]]) == ("D1", "retracted", ["D1", "D2", "D3"])
    missing = run("show", "D4")
    assert (missing.exit_code, missing.stderr.splitlines()[0]) == (1, "Error: there is no declaration D4")
