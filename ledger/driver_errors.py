"""Driver errors as the project's own exceptions, by class and code, never by wording.

PostgreSQL errors carry a SQLSTATE (``error.orig.sqlstate``); pxl's own triggers raise
their own: PXL01 (append-only) and PXL02 (transaction time). SQLite errors carry an
extended result code (``error.orig.sqlite_errorcode``); a RAISE in a trigger is
SQLITE_CONSTRAINT_TRIGGER, and the only triggers in a ledger are pxl's guards.
"""

from __future__ import annotations

from sqlalchemy import exc

from .errors import AppendOnlyViolation, ChainConflict, DatabaseUnavailable, LedgerError, ReadOnlyLedger

APPEND_ONLY = "PXL01"
TRANSACTION_TIME = "PXL02"
INSUFFICIENT_PRIVILEGE = "42501"
LOCK_NOT_AVAILABLE = "55P03"
QUERY_CANCELED = "57014"
UNIQUE_VIOLATION = "23505"
CHARACTER_NOT_IN_REPERTOIRE = "22021"
SQLITE_CONSTRAINT_TRIGGER = 1811
SQLITE_BUSY, SQLITE_LOCKED = 5, 6
SQLITE_TOOBIG, SQLITE_MISMATCH = 18, 20
SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_NOTADB = 8, 14, 26
SQLITE_IOERR, SQLITE_FULL = 10, 13
DISK_FULL = "53100"  # PostgreSQL's disk_full
CHAIN_KEYS = ("pk_entries", "uq_entries_hash")
LOCK_TIMEOUT_SECONDS = 60


def connect_error(error: exc.DBAPIError, where: str) -> LedgerError:
    """A failure to connect to the ledger at ``where`` (a URL without its password), by
    the driver's code: a SQLite file that cannot be opened is about the file and its
    folder, not about a server."""
    orig = error.orig
    message = first_line(orig) if orig is not None else first_line(error)
    sqlite_code = getattr(orig, "sqlite_errorcode", None)
    if sqlite_code is not None and sqlite_code & 0xFF == SQLITE_NOTADB:
        return DatabaseUnavailable(f"cannot open {where}: it is not a SQLite database ({message})",
                                   "check --db / PXL_DATABASE_URL")
    if (space := _no_space(sqlstate=None, sqlite_code=sqlite_code, message=message)) is not None:
        return space
    if sqlite_code is not None:
        return DatabaseUnavailable(
            f"cannot open {where}: {message}",
            "check that the file can be read (a ledger whose file or folder cannot be written is "
            "opened read-only) and that --db / PXL_DATABASE_URL names it",
        )
    return DatabaseUnavailable(f"cannot connect to {where}: {message}",
                               "check --db / PXL_DATABASE_URL and that the database server is running")


def _no_space(sqlstate: str | None, sqlite_code: int | None, message: str) -> LedgerError | None:
    """A full disk (SQLITE_FULL, PostgreSQL 53100) or SQLite's disk I/O error, which a
    full disk also raises when the journal cannot grow: said as such, with what to check."""
    primary = sqlite_code & 0xFF if sqlite_code is not None else None
    if sqlstate == DISK_FULL or primary == SQLITE_FULL:
        return DatabaseUnavailable(f"the disk holding the ledger is full; nothing was written ({message})",
                                   "free some space there (df shows it) and run the command again")
    if primary == SQLITE_IOERR:
        return DatabaseUnavailable(f"the disk holding the ledger could not be written or read; nothing was "
                                   f"written ({message})",
                                   "check its free space (df) and the disk itself, then run the command again")
    return None


def first_line(error: object) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def mapped_error(error: exc.DBAPIError) -> LedgerError:
    orig = error.orig
    message = first_line(orig) if orig is not None else first_line(error)
    sqlstate = getattr(orig, "sqlstate", None)
    sqlite_code = getattr(orig, "sqlite_errorcode", None)
    if sqlstate == APPEND_ONLY or sqlite_code == SQLITE_CONSTRAINT_TRIGGER:
        return AppendOnlyViolation(message, "recorded entries cannot change; use `pxl amend` or `pxl retract`")
    if sqlstate == TRANSACTION_TIME:
        return AppendOnlyViolation(
            message, "entries are stamped by the database's clock under the append lock; check the "
            "database server's clock (and that no entry was stamped in the future)",
        )
    if sqlstate == INSUFFICIENT_PRIVILEGE:
        return LedgerError(
            f"the database user may not write to the ledger: {message}",
            "connect as a writer role (see `pxl init --roles`)",
        )
    if sqlstate in (LOCK_NOT_AVAILABLE, QUERY_CANCELED) or (sqlite_code is not None and sqlite_code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)):
        return DatabaseUnavailable(
            f"waited {LOCK_TIMEOUT_SECONDS} s for the ledger's write lock and gave up; nothing was written "
            f"({message})",
            "another pxl (or a session holding a lock on the ledger) is writing: try again; on PostgreSQL, "
            "pg_stat_activity shows who holds it",
        )
    if (space := _no_space(sqlstate, sqlite_code, message)) is not None:
        return space
    if sqlite_code is not None and sqlite_code & 0xFF == SQLITE_READONLY:
        # the file or its folder became read-only after the ledger was opened for writing
        return ReadOnlyLedger(message, f"the ledger is read-only ({message}); nothing was written")
    if isinstance(error, exc.IntegrityError):
        constraint = getattr(getattr(orig, "diag", None), "constraint_name", None)
        if sqlstate == UNIQUE_VIOLATION and constraint in CHAIN_KEYS:
            return ChainConflict(
                "another writer took the same chain position; nothing was written", "run the command again",
            )
        return LedgerError(f"the database refused the write: {message}")
    if isinstance(error, exc.OperationalError):
        return DatabaseUnavailable(f"database error: {message}")
    return LedgerError(f"database error: {message}")
