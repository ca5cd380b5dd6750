"""Connecting to the ledger's database: URLs, engine settings, schema state, migrations.

SQLite settings, and why:

- WAL journal: readers never block the writer and a crash leaves the last committed state.
- ``synchronous=FULL``: a commit is on disk when ``pxl`` says it is recorded (WAL with
  NORMAL could lose the last commits on power loss; for a ledger that is not acceptable).
- Every write transaction starts with ``BEGIN IMMEDIATE``, taking the write lock before
  reading the chain head, so concurrent appenders queue (busy timeout 60 s) instead of
  forking the chain. PostgreSQL locks the one row of ``append_lock`` for the same: a
  row lock needs UPDATE privilege, which only the writer role has, so a SELECT-only
  reader cannot hold up the writers (it could, with the advisory lock used before).
- Every lock wait ends: SQLite's busy timeout, PostgreSQL's ``lock_timeout``
  (``LOCK_TIMEOUT_SECONDS``), each mapped to a message that says nothing was written.
- The time an entry is stamped with is read under the lock, from the database's clock on
  PostgreSQL (SQLite has only the writer's), so transaction time runs forward along the
  chain (the ``entries`` triggers of migration 0003 refuse anything else).
"""

from __future__ import annotations

import os
import weakref
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, exc, inspect
from sqlalchemy.engine import make_url

from .defaults import DEFAULT_URL  # noqa: F401 (re-exported: the URL the CLI and the API default to)
from .driver_errors import LOCK_TIMEOUT_SECONDS, connect_error
from .errors import DatabaseUnavailable, SchemaNotInitialised

if TYPE_CHECKING:
    from alembic.config import Config

BUSY_TIMEOUT_SECONDS = LOCK_TIMEOUT_SECONDS
INIT_LOCK_KEY = 0x70786C69  # "pxli": the advisory lock that lets `pxl init` race itself
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def normalise_url(url: str) -> str:
    """Accept a bare file path for SQLite and plain ``postgresql://`` URLs (psycopg 3 driver)."""
    url = url.strip()
    if "://" not in url:
        return f"sqlite:///{url}"
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def describe_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except exc.ArgumentError:
        return url


def make_engine(url: str, *, create: bool = False) -> Engine:
    """An engine for ``url``. Without ``create`` a missing SQLite file is an error rather
    than silently becoming a new empty database. An empty URL is refused: it named
    ``sqlite:///`` (or, through the Python API, ``./ledger.db``) as if none was given."""
    if not url.strip():
        raise DatabaseUnavailable(f"the database URL {url!r} is empty",
                                  "give sqlite:///FILE, a file path or postgresql://USER@HOST/DB; without "
                                  "one, PXL_DATABASE_URL is used, else ledger.db")
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except exc.ArgumentError as error:
        raise DatabaseUnavailable(
            f"{url!r} is not a database URL", "use sqlite:///FILE or postgresql://USER@HOST/DB"
        ) from error
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not Path(database).parent.exists():
            raise DatabaseUnavailable(
                f"cannot open {database}: the folder {Path(database).parent} does not exist"
            )
        if database and database != ":memory:" and not create and not Path(database).exists():
            raise SchemaNotInitialised(
                f"there is no ledger at {database}", "run `pxl init` to create it (or check --db)"
            )
        read_only = read_only_reason(database) if database and database != ":memory:" else None
        if read_only is not None and _has_log(database) and not Path(database + "-shm").exists() \
                and not os.access(Path(database).parent, os.W_OK | os.X_OK):
            # mode=ro needs the -shm index to read the log, and the folder cannot hold one
            raise DatabaseUnavailable(
                f"cannot read {database}: it is read-only ({read_only}) and its write-ahead log "
                f"{Path(database).name}-wal holds entries not yet in the file, which SQLite can only read "
                "beside a -shm file it cannot create there",
                "copy the ledger with its -wal to a writable folder and run a pxl command on it once "
                "(which moves the log into the file), or copy its -shm beside it too",
            )
        if read_only is not None:
            engine = create_engine(url, creator=_read_only_opener(database, immutable=not _has_log(database)))
            _configure_sqlite(engine, read_only=True)
            READ_ONLY[engine] = read_only
        else:
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_SECONDS})
            _configure_sqlite(engine)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    raise DatabaseUnavailable(
        f"{parsed.get_backend_name()} is not supported", "pxl works with SQLite and PostgreSQL"
    )


# Engines opened read-only (a SQLite ledger whose file or folder cannot be written) ->
# why, for the message a write gets.
READ_ONLY: "weakref.WeakKeyDictionary[Engine, str]" = weakref.WeakKeyDictionary()


def read_only_reason(database: str) -> str | None:
    """Why the SQLite ledger file ``database`` can only be read, or None when it can be
    written: the file is not writable, or its folder is not (so SQLite cannot create the
    WAL side files ``-wal`` and ``-shm`` a writer needs). ``os.access`` answers for the
    real user and sees a read-only mount (EROFS) even as root."""
    path = Path(database)
    if not path.exists():
        return None
    if os.statvfs(path).f_flag & os.ST_RDONLY:
        return f"{database} is on a read-only file system"
    if not os.access(path, os.W_OK):
        return f"the file {database} is not writable"
    if not os.access(path.parent if str(path.parent) else Path("."), os.W_OK | os.X_OK):
        return f"its folder {path.parent} is not writable"
    return None


def read_only(engine: Engine) -> str | None:
    """Why ``engine``'s ledger was opened read-only, or None."""
    return READ_ONLY.get(engine)


def _has_log(database: str) -> bool:
    log = Path(database + "-wal")
    return log.exists() and log.stat().st_size > 0


def _read_only_opener(database: str, *, immutable: bool):
    """A read-only SQLite connection (URI ``mode=ro``). Where no write-ahead log is left
    beside the file, ``immutable=1`` too: in a folder that cannot be written SQLite could
    not create the ``-shm`` file a WAL database needs even to read, and nothing can change
    the file while it is read-only. A non-empty ``-wal`` holds committed entries, so it is
    read (``mode=ro`` alone) rather than ignored."""
    import sqlite3

    uri = f"file:{quote(str(Path(database).absolute()))}?mode=ro" + ("&immutable=1" if immutable else "")

    def connect():
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)

    return connect


def _configure_sqlite(engine: Engine, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" event below emit BEGIN itself (pysqlite's own implicit
        # transactions would otherwise start a DEFERRED transaction behind our back).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
        if read_only:  # the journal mode is the file's; nothing is written
            cursor.execute("PRAGMA query_only=ON")
            cursor.close()
            return
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        # 64 MiB of page cache (a ceiling, not an allocation): bulk appends keep the
        # random-key indexes (hashes, fingerprints) in memory instead of thrashing.
        cursor.execute("PRAGMA cache_size=-65536")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def alembic_config(url: str | None = None, connection=None) -> "Config":
    from alembic.config import (
        Config,  # Alembic is loaded only when migrations are needed
    )

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest migration, read from the file names of migrations/versions (cheap: it
    needs no Alembic import; `tests/test_migrations.py` checks it against Alembic's)."""
    return max(known_revisions())


def current_revision(engine: Engine) -> str | None:
    with connect(engine) as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def connect(engine: Engine):
    """``engine.connect()`` with connection failures mapped to :class:`DatabaseUnavailable`."""
    try:
        return engine.connect()
    except exc.OperationalError as error:
        raise connect_error(error, describe_url(str(engine.url))) from error


def driver_rows(connection, query) -> tuple[list[str], list[tuple]]:
    """Run a Core ``query`` on the driver's own cursor: column names and plain tuples.

    For reads of every claim: SQLAlchemy's Row objects and per-column processing cost
    about as much again as the fetch itself. Only for queries whose columns need no type
    processing (the ledger stores text, integers and booleans; SQLite gives 0/1 for these).
    """
    compiled = query.compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
    if compiled.positional:
        parameters: tuple | dict = tuple(compiled.params[name] for name in compiled.positiontup)
    else:
        parameters = compiled.params
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.execute(str(compiled), parameters)
        return [column[0] for column in cursor.description], cursor.fetchall()
    finally:
        cursor.close()


def ensure_schema(engine: Engine) -> None:
    """Raise :class:`SchemaNotInitialised` unless the database is at the latest migration."""
    current = current_revision(engine)
    if current is None:
        with connect(engine) as connection:
            has_tables = inspect(connection).has_table("entries")
        what = "has ledger tables but no migration record" if has_tables else "has no ledger"
        raise SchemaNotInitialised(
            f"{describe_url(str(engine.url))} {what}", "run `pxl init` to create the ledger"
        )
    head = head_revision()
    if current not in known_revisions():
        raise unknown_revision(current)
    if current != head:
        raise SchemaNotInitialised(
            f"the ledger schema is at revision {current}, this pxl needs {head}",
            "run `pxl init` to upgrade it (migrations keep every entry)",
        )


def known_revisions() -> set[str]:
    """Every migration's revision, from the file names of migrations/versions."""
    return {p.name.split("_", 1)[0] for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*_*.py")}


def unknown_revision(current: str) -> SchemaNotInitialised:
    return SchemaNotInitialised(
        f"the ledger's schema stamp (alembic_version) is {current!r}, which no migration of this pxl "
        "has: it was made by a newer pxl, or the stamp was changed by hand; pxl will not guess the schema",
        "`pxl verify` still checks the entries; use the pxl that made the ledger, or, if only the stamp "
        f"is wrong, set alembic_version to the revision the tables match (this pxl's newest is {head_revision()})",
    )


def check_stamp_for_upgrade(engine: Engine) -> None:
    """Before migrating: refuse a stamp no migration has, and tables without a stamp
    (migrating either would fail half-way, on "table already exists" or worse)."""
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise unknown_revision(current)
    if current is None:
        with connect(engine) as connection:
            if inspect(connection).has_table("entries"):
                raise SchemaNotInitialised(
                    f"{describe_url(str(engine.url))} has ledger tables but no schema stamp (alembic_version)",
                    "pxl will not guess which migration they are at; `pxl verify` still checks the entries",
                )


def lock_for_append(connection) -> str | None:
    """Take the append lock in ``connection``'s transaction (SQLite took it with ``BEGIN
    IMMEDIATE``) and return the database's time as ``recorded_at`` text (PostgreSQL), or
    None where the writer's own clock is the only one (SQLite)."""
    if connection.dialect.name != "postgresql":
        return None
    connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT_SECONDS}s'")
    locked = connection.exec_driver_sql("SELECT id FROM append_lock WHERE id = 1 FOR UPDATE").scalar()
    if locked is None:
        raise SchemaNotInitialised("the ledger's append_lock row is missing", "run `pxl init` to restore it")
    return connection.exec_driver_sql(
        "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
    ).scalar_one()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with connect(engine) as connection, _migrating(connection):
        command.upgrade(alembic_config(connection=connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with connect(engine) as connection, _migrating(connection):
        command.downgrade(alembic_config(connection=connection), revision)


@contextmanager
def _migrating(connection):
    """One transaction for the migrations. On SQLite with foreign keys off: a migration
    that rebuilds a table (SQLite cannot alter a constraint) drops it while others refer
    to it, which SQLite's own procedure for schema changes does with foreign keys off
    (the pragma cannot change inside a transaction). Every reference is checked before
    the commit instead."""
    sqlite = connection.dialect.name == "sqlite"
    driver = connection.connection.driver_connection
    if sqlite:
        driver.execute("PRAGMA foreign_keys=OFF")
    if sqlite:
        # The write lock before Alembic reads the schema's revision: a second `pxl init`
        # waits, then finds the work done (DEFERRED would fail it as busy).
        connection.execution_options(sqlite_begin="IMMEDIATE")
    try:
        with connection.begin():
            if not sqlite:
                # Two `pxl init` on a fresh database: the second waits, then finds it done.
                connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT_SECONDS}s'")
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({INIT_LOCK_KEY})")
            yield
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken is not None:
                    raise exc.IntegrityError(
                        "PRAGMA foreign_key_check", None,
                        Exception(f"the migration left a {broken[0]} row referring to a missing {broken[2]} row"),
                    )
    finally:
        if sqlite:
            driver.execute("PRAGMA foreign_keys=ON")


def default_url() -> str:
    return os.environ.get("PXL_DATABASE_URL") or DEFAULT_URL


class Undecodable:
    """Stored text that is not UTF-8 (SQLite stores whatever bytes it is given), read
    while verifying: not a str, so hashing it fails and verify names its entry."""

    __slots__ = ("raw",)

    def __init__(self, raw: bytes):
        self.raw = raw


def tolerant_text(raw: bytes):
    """A SQLite ``text_factory`` that reads bytes which are not UTF-8 as :class:`Undecodable`
    instead of failing the whole query (slow: for verify's exact pass and diagnosis only)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return Undecodable(raw)


def undecodable_text(engine: Engine) -> str | None:
    """Where a ledger on SQLite holds text that is not UTF-8, as "the claim at entry 5
    (column quote)", or None. Reads every text cell: only after a read has failed."""
    if engine.dialect.name != "sqlite":
        return None
    with connect(engine) as connection:
        driver = connection.connection.driver_connection
        tables = [name for (name,) in driver.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        previous = driver.text_factory
        driver.text_factory = tolerant_text
        try:
            for table in tables:
                cursor = driver.execute(f'SELECT * FROM "{table}"')
                columns = [c[0] for c in cursor.description]
                for row in cursor:
                    for column, value in zip(columns, row, strict=True):
                        if isinstance(value, Undecodable):
                            key = row[0] if columns[0] in ("seq", "sha256") else None
                            where = f"entry {key}" if columns[0] == "seq" else f"document {str(key)[:12]}..."
                            return f"the {table} row of {where} holds text that is not UTF-8 in {column}"
        finally:
            driver.text_factory = previous
    return None
