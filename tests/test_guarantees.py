"""The guarantees of docs/guarantees.md, each shown on SQLite and PostgreSQL.

Load (8 processes, records and imports mixed), crashes (SIGKILL in the middle of an
import and of concurrent appends), least privilege (PostgreSQL roles), migrations up and
down on a populated ledger, and the effective_claims view.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlalchemy.engine import make_url

from pxl.cli.main import pxl
from pxl.ledger import db
from pxl.ledger.importer import import_rows
from pxl.ledger.schema import LEDGER_TABLES
from pxl.ledger.sheets import RawRow
from pxl.ledger.store import Ledger
from tests.helpers import draft, run_side_by_side

ROOT = Path(__file__).resolve().parent.parent


def rows_for(worker: int, batch: int, count: int) -> list[RawRow]:
    return [
        RawRow(line + 2, {
            "series": f"w{worker}->x", "kind": "increment", "value": str(line), "as_of": "2020-04-12",
            "publisher": f"Outlet {worker}", "published": "2020-04-13", "ref": f"w{worker}-b{batch}-{line}",
        })
        for line in range(count)
    ]


def _mixed_worker(url: str, worker: int, batches: int, folder: str) -> None:
    ledger = Ledger.open(url)
    try:
        for batch in range(batches):
            report = import_rows(ledger, rows_for(worker, batch, 20), Path(folder))
            assert report.ok, report.errors
            for single in range(5):
                ledger.record(draft(value=str(single), ref=f"w{worker}-r{batch}-{single}",
                                    url=f"https://example.org/{worker}"))
    finally:
        ledger.close()


@pytest.mark.slow
def test_eight_processes_recording_and_importing_lose_and_duplicate_nothing(backend, tmp_path):
    workers, batches = 8, 10  # 8 x 10 x (20 imported + 5 recorded) = 2,000 claims
    run_side_by_side(_mixed_worker, [(backend.url, w, batches, str(tmp_path)) for w in range(workers)], 300)
    ledger = backend.ledger()
    claims = ledger.claims()
    assert len(claims) == workers * batches * 25 == 2000
    assert len({c.ref for c in claims}) == 2000
    report = ledger.verify()
    assert report.ok, report.problems[:3]
    assert report.entries == 2000 + 2 * workers  # one import source and one record source per worker


def _big_csv(path: Path, rows: int) -> Path:
    lines = ["series,kind,value,as_of,publisher,published,ref"]
    lines += [f"a->b,increment,{i % 900},2020-04-{1 + i % 28:02d},Outlet {i % 7},2020-05-01,big-{i}"
              for i in range(rows)]
    path.write_text("\n".join(lines) + "\n")
    return path


def _processes_importing(path: Path) -> list[int]:
    """Processes whose command line imports ``path`` (Linux: read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                arguments = (entry / "cmdline").read_bytes().split(b"\0")
                status = (entry / "stat").read_text().split(")")[-1].split()[0]
            except OSError:
                continue
            if str(path).encode() in arguments and b"import" in arguments and status != "Z":
                found.append(int(entry.name))
    return found


def _in_write_transaction(backend, url: str) -> bool:
    """Has some process written rows of an append it has not committed yet?"""
    if backend.name == "postgresql":
        probe = Ledger.open(url)
        try:
            with probe.engine.connect() as connection:
                # The write lock is held and the first chunk's claims have been COPYed.
                return bool(connection.execute(text(
                    "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                    "WHERE l.relation = 'append_lock'::regclass AND l.mode = 'RowShareLock' AND l.granted "
                    "AND a.query LIKE 'COPY claims%'"
                )).scalar_one())
        finally:
            probe.close()
    wal = Path(make_url(url).database + "-wal")
    return wal.exists() and wal.stat().st_size > 256 * 1024


@pytest.mark.slow
def test_sigkill_in_the_middle_of_an_import_leaves_all_or_nothing(backend, tmp_path):
    from pxl.ledger.importer import CHUNK_ROWS, READ_AHEAD_FROM

    # Large enough to be read ahead by a forked child, and several chunks: the first ones
    # are written (uncommitted) before the kill.
    rows = max(CHUNK_ROWS, READ_AHEAD_FROM) + 10_000
    source = _big_csv(tmp_path / "big.csv", rows)
    process = subprocess.Popen([sys.executable, "-m", "pxl.cli.main", "--db", backend.url, "import", str(source)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None and not _in_write_transaction(backend, backend.url):
        time.sleep(0.01)
    assert process.poll() is None, "the import finished before it could be killed mid-write"
    process.send_signal(signal.SIGKILL)  # inside the write transaction: rows are being appended
    process.wait(30)
    # The child reading ahead is not left behind: it finds the pipe closed and ends.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and _processes_importing(source):
        time.sleep(0.05)
    assert not _processes_importing(source), "the process reading ahead outlived the killed import"
    ledger = backend.ledger()
    assert len(ledger.claims()) == 0, "killed inside the write transaction, yet something was committed"
    assert ledger.verify().ok
    again = subprocess.run([sys.executable, "-m", "pxl.cli.main", "--db", backend.url, "import", str(source)],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert len(ledger.claims()) == rows and ledger.verify().ok


def _appender(url: str, worker: int) -> None:
    ledger = Ledger.open(url)
    for index in range(10_000):
        ledger.record(draft(value=str(index), ref=f"k{worker}-{index}", url=f"https://example.org/k{worker}"))


@pytest.mark.slow
def test_a_killed_writer_among_concurrent_appenders_breaks_nothing(backend):
    context = multiprocessing.get_context("spawn")
    victim = context.Process(target=_appender, args=(backend.url, 0))
    survivors = [context.Process(target=_mixed_worker, args=(backend.url, w, 2, "/tmp")) for w in (1, 2, 3)]
    victim.start()
    for process in survivors:
        process.start()
    time.sleep(3)
    os.kill(victim.pid, signal.SIGKILL)
    victim.join(30)
    for process in survivors:
        process.join(300)
        assert process.exitcode == 0
    ledger = backend.ledger()
    report = ledger.verify()
    assert report.ok, report.problems[:3]
    refs = [c.ref for c in ledger.claims()]
    assert len(refs) == len(set(refs))
    assert sum(1 for r in refs if r.startswith("w")) == 3 * 2 * 25
    killed = sorted(int(r.split("-")[1]) for r in refs if r.startswith("k0-"))
    assert killed == list(range(len(killed)))  # a prefix of its appends, nothing half-written


def test_migrations_up_and_down_keep_every_entry(empty_url):
    ledger = Ledger.init(empty_url)
    ledger.record(draft(value="300"))
    ledger.amend(2, {"value": "310"}, "typo")
    digest = ledger.digest()
    for revision in ("0001", "head", "0001", "head"):
        (db.downgrade if revision == "0001" else db.upgrade)(ledger.engine, revision)
        assert ledger.count() == 3
        assert ledger.verify().ok and ledger.digest() == digest
        if revision == "head":  # this pxl reads claims at its own schema (0001 has no `extra`)
            assert [c.value for c in ledger.claims()] == ["310"]
    with ledger.engine.connect() as connection:
        assert connection.execute(text("SELECT value FROM effective_claims")).scalar_one() == "310"
    ledger.close()


def test_effective_claims_view_agrees_with_pxl(backend):
    ledger = backend.ledger()
    for value in ("100", "200", "300"):
        ledger.record(draft(value=value, speaker="someone"))
    ledger.amend(3, {"speaker": ""}, "speaker unknown")  # an amendment may clear a field
    ledger.retract(4, "withdrawn")
    with ledger.engine.connect() as connection:
        rows = connection.execute(text("SELECT id, value, speaker, status FROM effective_claims ORDER BY claim_seq")).all()
    expected = [(c.id, c.value, c.speaker, c.status) for c in ledger.claims()]
    assert [tuple(r) for r in rows] == expected == [("C2", "100", "someone", "recorded"),
                                                   ("C3", "200", None, "amended")]


def test_least_privilege_roles(backend, run):
    if backend.name == "sqlite":
        result = run("init", "--roles")
        assert result.exit_code == 1 and "only on PostgreSQL" in result.output
        return
    prefix = f"pxl_{uuid.uuid4().hex[:8]}"
    writer, reader = f"{prefix}_writer", f"{prefix}_reader"
    result = run("init", "--roles", "--role-prefix", prefix)
    assert result.exit_code == 0 and f"{writer} (INSERT, SELECT)" in result.output
    admin = backend.ledger()
    admin.record(draft())
    try:
        with admin.engine.begin() as connection:  # an attacker (or an accident) removes the triggers
            for table in LEDGER_TABLES:
                connection.execute(text(f"DROP TRIGGER pxl_{table}_no_change ON {table}"))
                connection.execute(text(f"DROP TRIGGER pxl_{table}_no_truncate ON {table}"))
        runner = CliRunner()
        as_writer = ["--db", _role_url(backend.url, writer)]
        as_reader = ["--db", _role_url(backend.url, reader)]
        recorded = runner.invoke(pxl, [*as_writer, "record", "--series", "a->b", "--kind", "cumulative",
                                       "--value", "5", "--publisher", "P", "--published", "2020-01-01"])
        assert recorded.exit_code == 0, recorded.output
        assert runner.invoke(pxl, [*as_reader, "list", "--format", "json"]).output.count('"id"') == 2
        refused = runner.invoke(pxl, [*as_reader, "record", "--series", "a->b", "--kind", "cumulative",
                                      "--value", "6", "--source", "S1"])
        assert refused.exit_code == 1 and "permission denied" in refused.output
        assert "Traceback" not in refused.output
        for role in (writer, reader):
            engine = db.make_engine(_role_url(backend.url, role))
            try:
                for statement in ("UPDATE claims SET value = '9'", "DELETE FROM claims", "TRUNCATE claims CASCADE",
                                  "UPDATE entries SET hash = hash"):
                    with pytest.raises(Exception, match="permission denied"):
                        with engine.begin() as connection:
                            connection.execute(text(statement))
            finally:
                engine.dispose()
        assert admin.verify().ok and admin.count() == 4  # S1 C2 by the admin; S3 C4 by the writer
    finally:
        admin.close()
        with psycopg.connect(_pg_dsn(backend.url), autocommit=True) as connection:
            connection.execute(f"DROP OWNED BY {writer}, {reader}")
            connection.execute(f"DROP ROLE {writer}, {reader}")


def _role_url(url: str, role: str) -> str:
    return make_url(db.normalise_url(url)).set(username=role, password=None).render_as_string(hide_password=False)


def _pg_dsn(url: str) -> str:
    return make_url(db.normalise_url(url)).set(drivername="postgresql").render_as_string(hide_password=False)
