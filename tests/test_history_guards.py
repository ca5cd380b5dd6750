"""History cannot be rewritten by someone who may only append (issue 16, items 5-8):
transaction time runs forward and, on PostgreSQL, is the database's; no insert lands over
a recorded key whatever its conflict clause; the append lock is one a reader cannot take,
and every lock wait ends with a message; `pxl init --roles` refuses roles that can do more.
"""

from __future__ import annotations

import uuid

import psycopg
import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlalchemy.engine import make_url

from pxl.cli.main import pxl
from pxl.ledger import db, driver_errors
from pxl.ledger.chain import entry_hash
from pxl.ledger.errors import AppendOnlyViolation, DatabaseUnavailable, LedgerError
from pxl.ledger.model import Head
from pxl.ledger.schema import LEDGER_TABLES
from pxl.ledger.store import Ledger
from tests.helpers import SERIES, draft, run_side_by_side, tamper


def _entries(ledger: Ledger) -> list[dict]:
    with ledger.engine.connect() as connection:
        return [dict(r) for r in connection.execute(text("SELECT * FROM entries ORDER BY seq")).mappings()]


def _appended_source_sql(ledger: Ledger, recorded_at: str) -> list[str]:
    """SQL that appends a source entry with a valid hash, stamped ``recorded_at``."""
    last = _entries(ledger)[-1]
    seq = last["seq"] + 1
    content = {"publisher": "Forger", "title": None, "url": f"https://example.org/f{seq}",
               "published": "2020-01-01", "document_sha256": None, "derived_from": None}
    digest = entry_hash(seq, last["hash"], "source", recorded_at, "mallory", content)
    return [
        f"INSERT INTO entries VALUES ({seq}, 'source', '{recorded_at}', 'mallory', '{last['hash']}', '{digest}')",
        f"INSERT INTO sources (seq, publisher, url, published) VALUES ({seq}, 'Forger', '{content['url']}', '2020-01-01')",
    ]


def _run_sql(ledger: Ledger, statements: list[str]) -> None:
    with ledger.engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


# -- 5. transaction time -------------------------------------------------------------


def test_a_back_dated_entry_is_refused_by_the_database(backend):
    ledger = backend.ledger()
    ledger.record(draft())
    with pytest.raises(Exception, match="pxl ledger"):
        _run_sql(ledger, _appended_source_sql(ledger, "2020-01-01T00:00:00.000000Z"))
    assert ledger.count() == 2 and ledger.verify().ok


def test_a_back_dated_entry_fails_verification_even_with_a_saved_digest(backend):
    """Appended with a valid hash past a saved digest, it extends the digest; but it is
    stamped before its predecessor, and verify names it."""
    ledger = backend.ledger()
    ledger.record(draft())
    ledger.record(draft(value="400"))
    saved = Head.parse(ledger.digest())
    tamper(ledger, *_appended_source_sql(ledger, "2020-01-01T00:00:00.000000Z"))
    for workers in (1, 2):
        report = ledger.verify(saved, workers=workers)
        assert not report.ok
        assert report.first.seq == 4 and "back-dated" in report.first.message, report.problems
    result = CliRunner().invoke(pxl, ["--db", backend.url, "verify", "--digest", str(saved)])
    assert result.exit_code == 1 and "entry 4" in result.output and "back-dated" in result.output


def test_postgresql_stamps_entries_with_its_own_clock(backend, monkeypatch):
    """A client whose clock says 2099 does not stamp the ledger 2099 on PostgreSQL; on
    SQLite (no clock but the writer's) later entries are never stamped earlier than it."""
    ledger = backend.ledger()
    monkeypatch.setattr("pxl.ledger.writer.utc_now", lambda: "2099-01-01T00:00:00.000000Z")
    ledger.record(draft())
    monkeypatch.undo()
    ledger.record(draft(value="400"))
    stamps = [e["recorded_at"] for e in _entries(ledger)]
    if backend.name == "postgresql":
        assert all(s < "2099" for s in stamps)
    else:
        assert stamps == sorted(stamps) and stamps[0].startswith("2099")
    assert ledger.verify().ok


@pytest.mark.parametrize("backend", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True)
def test_postgresql_refuses_a_stamp_far_from_its_clock(backend):  # SQLite has no clock but the writer's
    ledger = backend.ledger()
    ledger.record(draft())
    for stamp in ("2099-01-01T00:00:00.000000Z", "2026-01-01 00:00:00"):
        with pytest.raises(Exception, match="stamped") as raised:
            _run_sql(ledger, _appended_source_sql(ledger, stamp))
        assert raised.value.orig.sqlstate == driver_errors.TRANSACTION_TIME
    assert ledger.count() == 2


# -- 6. no insert over a recorded key ------------------------------------------------

_KEYS = {"entries": "seq", "documents": "sha256", "sources": "seq", "claims": "seq", "corrections": "seq", "declarations": "seq",
         "append_lock": "id"}


_SQLITE_FORMS = ["INSERT OR REPLACE INTO {t} SELECT * FROM {t}", "REPLACE INTO {t} SELECT * FROM {t}",
                 "INSERT OR IGNORE INTO {t} SELECT * FROM {t}"]  # PostgreSQL has no REPLACE or OR IGNORE
_UPSERT_FORMS = ["INSERT INTO {t} SELECT * FROM {t} WHERE true ON CONFLICT ({k}) DO UPDATE SET {k} = excluded.{k}",
                 "INSERT INTO {t} SELECT * FROM {t} WHERE true ON CONFLICT DO NOTHING"]


@pytest.mark.parametrize("table", [*LEDGER_TABLES, "append_lock"])
@pytest.mark.parametrize(("backend", "form"), [
    *(("sqlite", form) for form in _SQLITE_FORMS + _UPSERT_FORMS),
    *(pytest.param("postgresql", form, marks=pytest.mark.postgres) for form in _UPSERT_FORMS),
], indirect=["backend"])
def test_no_insert_lands_over_a_recorded_row(backend, table, form):
    ledger = backend.ledger()
    ledger.record(draft(document_text="300 freed", quote="300 freed"))
    ledger.retract(2, "to have a correction")
    ledger.declare("complete", SERIES, reason="to have a declaration")
    statement = form.format(t=table, k=_KEYS[table])
    before = _dump(ledger)
    if backend.name == "postgresql" and "DO NOTHING" in form:
        _run_sql(ledger, [statement])  # does nothing, and that is what it says
    else:
        with pytest.raises(Exception, match="append-only"):
            _run_sql(ledger, [statement])
    assert _dump(ledger) == before and ledger.verify().ok


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # SQLite's REPLACE
def test_a_rewritten_claim_through_replace_is_refused(backend):
    ledger = backend.ledger()
    ledger.record(draft())
    with pytest.raises(Exception, match="append-only"):
        _run_sql(ledger, ["INSERT OR REPLACE INTO claims SELECT seq, ref, series, kind, '9', 9, 9, as_of, "
                          "as_of_inferred, period_start, deadline, event, source_seq, speaker, quote, quote_prefix, "
                          "quote_suffix, quote_start, quote_end, reliability, credibility, notes, fingerprint, extra "
                          "FROM claims"])
    assert [c.value for c in ledger.claims()] == ["300"]


def _dump(ledger: Ledger) -> dict:
    with ledger.engine.connect() as connection:
        return {t: connection.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all() for t in (*LEDGER_TABLES, "append_lock")}


# -- 8. a lock a reader cannot take; every wait ends ---------------------------------


def test_a_held_write_lock_ends_in_a_message_not_a_hang(backend, monkeypatch):
    monkeypatch.setattr(db, "LOCK_TIMEOUT_SECONDS", 1)
    monkeypatch.setattr(db, "BUSY_TIMEOUT_SECONDS", 1)
    monkeypatch.setattr(driver_errors, "LOCK_TIMEOUT_SECONDS", 1)
    holder = Ledger.open(backend.url)
    waiter = Ledger.open(backend.url)
    try:
        with holder.writing("holder") as writer:
            writer.source_for(draft().source)
            with pytest.raises(DatabaseUnavailable, match="waited 1 s for the ledger's write lock"):
                waiter.record(draft(value="5"))
        assert waiter.count() == 1
    finally:
        holder.close()
        waiter.close()


@pytest.fixture
def roles(backend):
    if backend.name == "sqlite":
        pytest.skip("roles exist only on PostgreSQL")
    prefix = f"pxl_{uuid.uuid4().hex[:8]}"
    writer, reader = f"{prefix}_writer", f"{prefix}_reader"
    yield prefix, writer, reader
    with psycopg.connect(_dsn(backend.url), autocommit=True) as connection:
        for role in (writer, reader):
            if connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                connection.execute(f"DROP OWNED BY {role}")
                connection.execute(f"DROP ROLE {role}")


def test_a_reader_cannot_hold_up_the_writers(backend, roles):
    prefix, writer, reader = roles
    admin = backend.ledger()
    from pxl.ledger.roles import create_roles

    create_roles(admin.engine, prefix)
    with psycopg.connect(_dsn(backend.url, reader), autocommit=True) as connection:
        connection.execute("SELECT pg_advisory_lock(7370860)")  # the advisory lock appends used to take
        refused = ["SELECT id FROM append_lock FOR UPDATE", "SELECT id FROM append_lock FOR KEY SHARE",
                   "LOCK TABLE append_lock IN EXCLUSIVE MODE",
                   *(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE" for table in LEDGER_TABLES)]
        for statement in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                with connection.transaction():
                    connection.execute(statement)
        # ... while the reader holds everything it can take, a writer appends at once.
        connection.execute("BEGIN")
        connection.execute("SELECT count(*) FROM claims")
        connection.execute("LOCK TABLE entries IN ACCESS SHARE MODE")
        as_writer = Ledger.open(_url(backend.url, writer))
        try:
            as_writer.record(draft())
        finally:
            as_writer.close()
        connection.execute("ROLLBACK")
    assert admin.count() == 2 and admin.verify().ok


def test_the_writer_role_refreshes_the_planner_statistics(backend, roles):
    prefix, writer, _ = roles
    admin = backend.ledger()
    from pxl.ledger.roles import create_roles

    create_roles(admin.engine, prefix)
    admin.record(draft())
    engine = db.make_engine(_url(backend.url, writer))
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("SELECT pxl_analyze()")
        with admin.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT reltuples FROM pg_class WHERE relname = 'claims'").scalar() == 1
    finally:
        engine.dispose()


# -- 7. init --roles refuses roles that can do more ----------------------------------


@pytest.mark.parametrize("grant", [
    "ALTER ROLE {writer} CREATEROLE", "ALTER ROLE {writer} CREATEDB", "ALTER ROLE {reader} SUPERUSER",
    "GRANT pg_write_all_data TO {reader}", "GRANT UPDATE ON append_lock TO PUBLIC",
])
def test_init_roles_refuses_a_role_that_can_do_more(backend, roles, grant):
    prefix, writer, reader = roles
    with psycopg.connect(_dsn(backend.url), autocommit=True) as connection:
        for role in (writer, reader):
            connection.execute(f"CREATE ROLE {role} LOGIN")
        connection.execute(grant.format(writer=writer, reader=reader))
    result = CliRunner().invoke(pxl, ["--db", backend.url, "init", "--roles", "--role-prefix", prefix])
    assert result.exit_code == 1, result.output
    assert "cannot use existing roles" in result.output and "Traceback" not in result.output
    assert "(INSERT, SELECT)" not in result.output
    with psycopg.connect(_dsn(backend.url), autocommit=True) as connection:
        connection.execute("REVOKE UPDATE ON append_lock FROM PUBLIC")
        assert not connection.execute(
            "SELECT has_table_privilege(%s, 'claims', 'INSERT')", (writer,)).fetchone()[0]  # nothing granted


def test_init_roles_reuses_a_plain_role(backend, roles):
    prefix, writer, reader = roles
    with psycopg.connect(_dsn(backend.url), autocommit=True) as connection:
        connection.execute(f"CREATE ROLE {writer} LOGIN")
    result = CliRunner().invoke(pxl, ["--db", backend.url, "init", "--roles", "--role-prefix", prefix])
    assert result.exit_code == 0 and f"{writer} (INSERT, SELECT)" in result.output


# -- also seen: init races itself -------------------------------------------------------


def _init(url: str) -> None:
    Ledger.init(url).close()


def test_concurrent_inits_on_a_fresh_database_both_succeed(empty_url):
    run_side_by_side(_init, [(empty_url,)] * 3, 120)
    ledger = Ledger.open(empty_url)
    try:
        assert db.current_revision(ledger.engine) == db.head_revision()
    finally:
        ledger.close()


def _dsn(url: str, role: str | None = None) -> str:
    parsed = make_url(db.normalise_url(url)).set(drivername="postgresql")
    if role:
        parsed = parsed.set(username=role, password=None)
    return parsed.render_as_string(hide_password=False)


def _url(url: str, role: str) -> str:
    return make_url(db.normalise_url(url)).set(username=role, password=None).render_as_string(hide_password=False)


def test_errors_are_mapped_by_code(backend):
    ledger = backend.ledger()
    ledger.record(draft())
    with pytest.raises(AppendOnlyViolation):
        with ledger.writing("x") as writer:
            writer.connection.exec_driver_sql("UPDATE claims SET value = '1'")
    assert isinstance(AppendOnlyViolation("m"), LedgerError)
