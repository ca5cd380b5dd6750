"""A SQLite ledger that can only be read (an archived copy on a read-only mount, a file
without write permission) is opened read-only: every reading command works, every write
is refused saying the ledger is read-only. SQLite only: a PostgreSQL reader is a role
(`pxl init --roles`, tests/test_guarantees.py)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import exc

from pxl.cli.main import pxl
from pxl.ledger.driver_errors import mapped_error
from pxl.ledger.errors import ReadOnlyLedger

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "afghanistan-2020" / "claims.csv"


def cli(*args: str):
    return CliRunner().invoke(pxl, list(args), catch_exceptions=False)


def _read_only(path: Path, what: str):
    """Make ``path`` (a folder or a file) read-only: a read-only bind mount as root (root
    writes through permissions), permissions otherwise. Returns the undo."""
    if os.geteuid() == 0:
        done = subprocess.run(["mount", "--bind", str(path), str(path)], capture_output=True)
        if done.returncode == 0:
            if subprocess.run(["mount", "-o", "remount,ro,bind", str(path)], capture_output=True).returncode == 0:
                return lambda: subprocess.run(["umount", str(path)], check=True)
            subprocess.run(["umount", str(path)], check=True)
        pytest.skip(f"cannot make a read-only {what} as root without mount")
    mode = path.stat().st_mode
    path.chmod(0o555 if path.is_dir() else 0o444)
    return lambda: path.chmod(mode)


@pytest.fixture(params=["folder", "file"])
def read_only_ledger(request, tmp_path):
    """A populated ledger whose folder (or only its file) cannot be written, and the
    outputs of a writable copy to compare with."""
    folder = tmp_path / "archive"
    folder.mkdir()
    path = folder / "ledger.db"
    assert cli("--db", str(path), "init").exit_code == 0
    assert cli("--db", str(path), "import", str(SAMPLE)).exit_code == 0
    assert cli("--db", str(path), "declare", "complete", "taliban->afghan-government", "--reason", "r").exit_code == 0
    writable = tmp_path / "copy.db"
    shutil.copy(path, writable)
    expected = {args: cli("--db", str(writable), *args).stdout for args in READS}
    assert not Path(str(path) + "-wal").exists()  # the last connection checkpointed it
    undo = _read_only(folder if request.param == "folder" else path, request.param)
    yield path, expected
    undo()


READS = (("verify",), ("list", "--format", "json"), ("list", "--declarations", "--format", "json"),
         ("reconcile", "--format", "json"), ("digest",), ("series",), ("show", "C3"))


def test_reading_commands_work_on_a_read_only_ledger(read_only_ledger, tmp_path):
    path, expected = read_only_ledger
    for args in READS:
        result = cli("--db", str(path), *args)
        assert (args, result.exit_code, result.stdout) == (args, 0, expected[args])
    report = tmp_path / "report.md"
    assert cli("--db", str(path), "report", "--format", "md", "-o", str(report)).exit_code == 0
    assert cli("--db", str(path), "export", str(tmp_path / "pkg")).exit_code == 0
    assert json.loads((tmp_path / "pkg" / "datapackage.json").read_text())["resources"]
    assert sorted(p.name for p in path.parent.iterdir()) == ["ledger.db"]  # no -wal, no -shm


def test_writes_to_a_read_only_ledger_say_so(read_only_ledger):
    path, _ = read_only_ledger
    head = cli("--db", str(path), "digest").stdout
    for args in (("declare", "complete", "a->b", "--reason", "r"), ("retract", "C3", "--reason", "r"),
                 ("import", str(SAMPLE))):
        result = cli("--db", str(path), *args)
        assert result.exit_code == 1, args
        assert result.stderr.splitlines()[0].startswith("Error: the ledger is read-only (")
        assert result.stderr.splitlines()[0].endswith("); nothing was written")
        assert "server" not in result.stderr
    assert cli("--db", str(path), "digest").stdout == head


def test_sqlite_refusing_a_write_is_mapped_by_its_code(tmp_path):
    """SQLITE_READONLY, by its result code: the file turned read-only under a writer."""
    path = tmp_path / "x.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as caught:
        connection.execute("INSERT INTO t VALUES (1)")
    mapped = mapped_error(exc.OperationalError("INSERT", None, caught.value))
    assert isinstance(mapped, ReadOnlyLedger)
    assert mapped.message == "the ledger is read-only (attempt to write a readonly database); nothing was written"


def test_a_sqlite_file_that_cannot_be_opened_is_not_a_server_problem(tmp_path):
    folder = tmp_path / "not-a-file.db"
    folder.mkdir()
    result = cli("--db", str(folder), "verify")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: cannot open sqlite:///{folder}: unable to open database file\n"
        "Hint: check that the file can be read (a ledger whose file or folder cannot be written is opened "
        "read-only) and that --db / PXL_DATABASE_URL names it\n")


def test_a_read_only_copy_with_entries_still_in_its_log_is_refused_not_read_short(tmp_path):
    """immutable=1 would ignore the -wal and show fewer entries than were recorded; without
    a -shm beside it SQLite cannot read the log in a read-only folder: refused, saying so."""
    source, folder = tmp_path / "live", tmp_path / "archive"
    source.mkdir(), folder.mkdir()
    path = source / "ledger.db"
    assert cli("--db", str(path), "init").exit_code == 0
    holder = sqlite3.connect(path)  # an open reader keeps the log from being moved into the file
    holder.execute("BEGIN")
    holder.execute("SELECT count(*) FROM entries").fetchall()
    assert cli("--db", str(path), "import", str(SAMPLE)).exit_code == 0
    for name in ("ledger.db", "ledger.db-wal"):
        shutil.copy(source / name, folder / name)
    holder.close()
    assert (folder / "ledger.db-wal").stat().st_size > 0
    undo = _read_only(folder, "folder")
    try:
        result = cli("--db", str(folder / "ledger.db"), "list")
    finally:
        undo()
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"Error: cannot read {folder / 'ledger.db'}: it is read-only ("
        + (f"{folder / 'ledger.db'} is on a read-only file system" if os.geteuid() == 0 else
           f"its folder {folder} is not writable")
        + ") and its write-ahead log ledger.db-wal holds entries not yet in the file, which SQLite can only "
        "read beside a -shm file it cannot create there")


def test_a_full_disk_under_the_ledger_is_said_as_such(tmp_path):
    """Re-test: a full disk under a SQLite ledger was reported with a hint about read
    access. SQLite's own 'database or disk is full' (a page limit stands in for the disk)."""
    import sqlite3

    connection = sqlite3.connect(tmp_path / "full.db")
    connection.execute("CREATE TABLE t (x)")
    connection.execute("PRAGMA max_page_count = 2")
    with pytest.raises(sqlite3.OperationalError) as caught:
        connection.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,)] * 50)
    mapped = mapped_error(exc.OperationalError("INSERT", None, caught.value))
    assert mapped.message == "the disk holding the ledger is full; nothing was written (database or disk is full)"
    assert mapped.hint == "free some space there (df shows it) and run the command again"
