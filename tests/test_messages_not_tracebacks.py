"""Tracebacks become messages that name the thing and the fix (issue 16, item 15)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from pxl.cli.main import pxl
from pxl.ledger.store import Ledger, parse_known_at
from tests.helpers import draft, tamper


def _pxl(url: str, *args: str):
    return CliRunner().invoke(pxl, ["--db", url, *args])


def _clean(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


def test_a_claim_dated_9999_12_31_is_reported(backend, tmp_path):
    ledger = backend.ledger()
    ledger.record(draft(as_of="9999-12-31", published="9999-12-31", url="https://example.org/far"))
    ledger.record(draft(value="400", as_of="2020-04-12"))
    for fmt in ("html", "md", "csv", "json"):
        result = _pxl(backend.url, "report", "--format", fmt, "-o", str(tmp_path / f"r.{fmt}"))
        _clean(result)
        assert result.exit_code == 0, result.output
    assert "9999-12-31" in (tmp_path / "r.html").read_text()


@pytest.mark.parametrize(("moment", "expected"), [
    ("0001-01-01T00:00:00+05:00", "0001-01-01T00:00:00.000000Z"),
    ("9999-12-31T23:00:00-05:00", "9999-12-31T23:59:59.999999Z"),
])
def test_as_known_at_at_the_ends_of_time_is_the_nearest_utc_moment(backend, moment, expected):
    assert parse_known_at(moment) == expected
    backend.ledger().record(draft())
    for command in (["reconcile"], ["list"]):
        result = _pxl(backend.url, *command, "--as-known-at", moment)
        _clean(result)
        assert result.exit_code == 0, result.output
    listed = _pxl(backend.url, "list", "--format", "json", "--as-known-at", moment).output
    assert ('"C2"' in listed) == expected.startswith("9999")


@pytest.mark.parametrize("args", [["show", "C99999999999999999999999"], ["retract", "C18446744073709551616", "--reason", "x"],
                                  ["amend", "C9223372036854775808", "--value", "5", "--reason", "x"]])
def test_ids_beyond_64_bits_are_not_ids(backend, args):
    result = _pxl(backend.url, *args)
    _clean(result)
    assert result.exit_code == 1 and "is not a claim id" in result.output


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # PostgreSQL refuses such bytes in a UTF8 database
def test_text_that_is_not_utf8_is_named_not_raised(backend):
    ledger = backend.ledger()
    ledger.record(draft(quote="300"))
    ledger.record(draft(value="400"))
    tamper(ledger, "UPDATE claims SET quote = CAST(X'66FF6F' AS TEXT) WHERE seq = 2")
    report = ledger.verify()
    assert not report.ok and report.first.seq == 2, report.problems
    result = _pxl(backend.url, "verify")
    _clean(result)
    assert result.exit_code == 1 and "entry 2" in result.output
    for command in (["list"], ["show", "C2"], ["reconcile"], ["list", "--format", "json"]):
        result = _pxl(backend.url, *command)
        _clean(result)
        assert result.exit_code == 2 and "entry 2" in result.output and "not UTF-8 in quote" in result.output


def _stamp(ledger: Ledger, revision: str | None) -> None:
    with ledger.engine.begin() as connection:
        connection.execute(text("DELETE FROM alembic_version"))
        if revision is not None:
            connection.execute(text("INSERT INTO alembic_version VALUES (:r)"), {"r": revision})


@pytest.mark.parametrize("revision", ["zzzz", None, "0001"])
def test_a_wrong_schema_stamp_is_refused_but_verify_still_verifies(backend, revision):
    ledger = backend.ledger()
    ledger.record(draft())
    digest = ledger.digest()
    _stamp(ledger, revision)
    for command in (["list"], ["reconcile"], ["record", "--series", "a->b", "--kind", "cumulative", "--value", "1",
                                               "--source", "S1"]):
        result = _pxl(backend.url, *command)
        _clean(result)
        expected = {"zzzz": "no migration of this pxl has", None: "no migration record", "0001": "this pxl needs"}
        assert result.exit_code == 2 and expected[revision] in result.output, result.output
    result = _pxl(backend.url, "verify", "--digest", digest)
    _clean(result)
    assert result.exit_code == 0 and "ok: 2 entries" in result.output, result.output
    init = _pxl(backend.url, "init")
    _clean(init)
    assert init.exit_code in (1, 2) and "Error:" in init.output, init.output
    assert ("alembic_version" in init.output) or ("schema stamp" in init.output)
    assert _pxl(backend.url, "verify", "--digest", digest).exit_code == 0  # init changed nothing
