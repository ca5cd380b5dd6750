"""Recomputing the hash chain, span by span, on every core.

Each entry's hash covers its own fields and the stored ``prev_hash``; its link is the
stored hash of the entry before. So any span of positions can be checked on its own,
starting from the stored entry just before it, and finds exactly the problems a single
pass from the beginning finds there. A long chain is cut into spans checked by forked
worker processes, each with its own database connection; problems come back in chain
order. On SQLite each chunk is first hashed from SQLite's own JSON encoding of the stored
rows (:func:`_chunk_intact`); only a chunk that does not match goes through the exact pass
in Python, which names every problem.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from typing import Any, Callable, Iterator, Sequence

from sqlalchemy import Engine

from . import db, forked, schema
from .chain import CONTENT_FIELDS, FORMAT, GENESIS, OPTIONAL_TAIL, ChainProblem, check_chain

FETCH_CHUNK = 20_000  # entries per query
SPAN = 100_000  # at most this many entries per worker task
PARALLEL_FROM = 20_000  # shorter chains are checked in this process: a fork costs more
TABLE_OF = {
    "source": schema.sources, "claim": schema.claims, "correction": schema.corrections,
    "declaration": schema.declarations,
}


def verify_chain(
    engine: Engine, last_seq: int, progress: Callable[[int], None] | None = None, workers: int | None = None,
    span: int = SPAN,
) -> tuple[int, list[ChainProblem]]:
    """Check every entry up to position ``last_seq``: (entries seen, problems). ``workers``
    processes (default: one per core, for chains of PARALLEL_FROM entries or more) take
    equal spans of at most ``span`` entries, as many spans as keep every worker busy."""
    if workers is None:
        workers = (os.cpu_count() or 1) if last_seq >= PARALLEL_FROM else 1
    count = max(1, -(-last_seq // span))
    count = -(-count // workers) * workers  # whole rounds: no worker idles at the end
    size = max(1, -(-last_seq // count))
    spans = [(start, min(start + size, last_seq)) for start in range(0, last_seq, size)]
    workers = min(workers, len(spans))
    if workers <= 1 or not forked.can_fork():
        with db.connect(engine) as connection:
            results = [_verify_span(connection, after, until, progress) for after, until in spans]
        return _merge(results)
    url = engine.url.render_as_string(hide_password=False)
    results = []
    with forked.pool(workers, initializer=_open_worker, initargs=(url,)) as workers_pool:
        for count, problems in workers_pool.imap(_verify_span_in_worker, spans):
            results.append((count, problems))
            if progress:
                progress(count)
    return _merge(results)


def _merge(results: list[tuple[int, list[ChainProblem]]]) -> tuple[int, list[ChainProblem]]:
    return sum(count for count, _ in results), [p for _, problems in results for p in problems]


_worker_engine: Engine | None = None


def _open_worker(url: str) -> None:
    # A connection must not cross a fork: each worker opens its own.
    global _worker_engine
    _worker_engine = db.make_engine(url)


def _verify_span_in_worker(bounds: tuple[int, int]) -> tuple[int, list[ChainProblem]]:
    assert _worker_engine is not None
    with db.connect(_worker_engine) as connection:
        return _verify_span(connection, *bounds)


def _verify_span(
    connection, after: int, until: int, progress: Callable[[int], None] | None = None, *, fast: bool = True
) -> tuple[int, list[ChainProblem]]:
    """Check the entries with ``after < seq <= until``. On SQLite each chunk is first
    checked by :func:`_chunk_intact` (``fast``); a chunk it cannot vouch for is checked
    again by the exact pass, which names every problem."""
    sqlite = connection.dialect.name == "sqlite"
    # The driver's own cursor: plain tuples, no Row objects (a third of the time at a
    # million entries).
    driver = connection.connection.driver_connection
    cursor = driver.cursor()
    if sqlite:  # text that is not UTF-8 is read as db.Undecodable, which no hash matches
        text_factory, driver.text_factory = driver.text_factory, db.tolerant_text
    try:
        if not (sqlite and fast):
            return _verify_exactly(cursor, sqlite, after, until, progress)
        count, problems = 0, []
        for low in range(after, until, FETCH_CHUNK):
            high = min(low + FETCH_CHUNK, until)
            if _chunk_intact(cursor, low, high):
                count += high - low
                if progress:
                    progress(high - low)
            else:
                seen, found = _verify_exactly(cursor, sqlite, low, high, progress)
                count += seen
                problems.extend(found)
        return count, problems
    finally:
        cursor.close()
        if sqlite:
            driver.text_factory = text_factory


def _canonical_sql(name: str) -> str:
    """SQLite: one row per entry of type ``name`` in a range: (seq, prev_hash, hash,
    recorded_at, the canonical encoding of :func:`ledger.chain.hash_fields`, built by SQLite's json_array)."""
    def value(field: str) -> str:
        if field == "as_of_inferred":  # stored 0/1; hashed as false/true
            return f"CASE x.{field} WHEN 1 THEN json('true') WHEN 0 THEN json('false') ELSE x.{field} END"
        return f"x.{field}"

    def canonical(fields: tuple[str, ...]) -> str:
        content = ", ".join(value(field) for field in fields)
        return (f"json_array({FORMAT}, e.seq, e.prev_hash, e.entry_type, e.recorded_at, e.recorded_by, "
                f"json_array({content}))")

    fields = CONTENT_FIELDS[name]
    encoded = canonical(fields)
    assert OPTIONAL_TAIL[name] <= 1
    if OPTIONAL_TAIL[name]:  # a null optional last field is not hashed (chain.hashed_fields)
        encoded = f"CASE WHEN x.{fields[-1]} IS NULL THEN {canonical(fields[:-1])} ELSE {encoded} END"
    return (
        f"SELECT e.seq, e.prev_hash, e.hash, e.recorded_at, {encoded} "
        f"FROM entries e JOIN {TABLE_OF[name].name} x ON x.seq = e.seq WHERE e.seq > ? AND e.seq <= ?"
    )


_CANONICAL_SQL = {name: _canonical_sql(name) for name in TABLE_OF}


def typed_tables(cursor, sqlite: bool) -> dict[str, Any]:
    """The entry types whose tables exist: a ledger migrated down to an earlier schema
    (before declarations) is still verified."""
    if sqlite:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    present = {row[0] for row in cursor.fetchall()}
    return {name: table for name, table in TABLE_OF.items() if table.name in present}


def _chunk_intact(cursor, after: int, until: int) -> bool:
    """True only if every position ``after < seq <= until`` holds an entry with exactly one
    typed row, linked to the stored entry before it, whose content hashes to its stored
    hash. About twice as fast as the exact pass: SQLite encodes each entry in C.

    Sound without trusting SQLite's JSON to equal Python's: a stored hash is the SHA-256 of
    the encoding made when the entry was recorded, so a match means SQLite's JSON of the
    stored values is that very text; both are JSON, so the values are the recorded ones.
    Anything else (a mismatch, a gap, a stray row, a value SQLite cannot encode) returns
    False, and the exact pass names the problem.
    """
    try:
        if after == 0:
            prev_hash, prev_time = GENESIS, ""
        else:
            before = cursor.execute("SELECT hash, recorded_at FROM entries WHERE seq = ?", (after,)).fetchall()
            if not before:
                return False
            prev_hash, prev_time = before[0]
        rows = [row for name in typed_tables(cursor, True)
                for row in cursor.execute(_CANONICAL_SQL[name], (after, until)).fetchall()]
    except sqlite3.Error:  # e.g. a blob written over a field, or text that is not UTF-8
        return False
    if len(rows) != until - after:
        return False
    rows.sort()
    sha256 = hashlib.sha256
    expected = after + 1
    for seq, stored_prev, stored_hash, recorded_at, canonical in rows:
        if (seq != expected or stored_prev != prev_hash or not isinstance(recorded_at, str)
                or not isinstance(canonical, str) or recorded_at < prev_time
                or sha256(canonical.encode()).hexdigest() != stored_hash):
            return False
        prev_hash, prev_time = stored_hash, recorded_at
        expected += 1
    return True


def _verify_exactly(
    cursor, sqlite: bool, after: int, until: int, progress: Callable[[int], None] | None = None
) -> tuple[int, list[ChainProblem]]:
    """The exact pass over ``after < seq <= until``: every problem, by :func:`check_chain`."""
    problems: list[ChainProblem] = []
    mark = "?" if sqlite else "%s"  # the driver's parameter style
    entries_sql = (
        "SELECT seq, entry_type, recorded_at, recorded_by, prev_hash, hash FROM entries "
        f"WHERE seq > {mark} AND seq <= {mark} ORDER BY seq LIMIT {mark}"
    )
    content_sql = {
        name: f"SELECT seq, {', '.join(_stored(cursor, sqlite, name))} FROM {table.name} "
              f"WHERE seq BETWEEN {mark} AND {mark}"
        for name, table in typed_tables(cursor, sqlite).items()
    }

    def fetch(sql: str, parameters: tuple) -> list[tuple]:
        cursor.execute(sql, parameters)
        return cursor.fetchall()

    before = fetch(f"SELECT seq, hash, recorded_at FROM entries WHERE seq <= {mark} ORDER BY seq DESC LIMIT 1", (after,))
    start = (before[0][0] + 1, before[0][1]) if before else (1, GENESIS)
    after_time = before[0][2] if before else None
    # Raw rows carry SQLite's 0/1 for booleans; the hash was computed over true/false.
    # Each table's row becomes its content fields by one slice (and, on SQLite, one bool).
    fields_of = {name: _fields_reader(CONTENT_FIELDS[name], sqlite) for name in TABLE_OF}
    count = 0

    def rows() -> Iterator[tuple[tuple, Sequence[Any] | None]]:
        nonlocal count
        position = after
        while True:
            chunk = fetch(entries_sql, (position, until, FETCH_CHUNK))
            if not chunk:
                return
            low, high = chunk[0][0], chunk[-1][0]
            content = {name: {r[0]: r for r in fetch(sql, (low, high))} for name, sql in content_sql.items()}
            for entry in chunk:
                typed = content.get(entry[1])
                row = typed.pop(entry[0], None) if typed is not None else None
                yield entry, (fields_of[entry[1]](row) if row is not None else None)
            for name, leftover in content.items():
                for seq in leftover:
                    problems.append(ChainProblem(
                        seq, f"a {name} row stands at this position but the entry there is not a " + name,
                    ))
            count += len(chunk)
            if progress:
                progress(len(chunk))
            position = high

    problems.extend(check_chain(rows(), start, after_time))
    return count, problems


def _stored(cursor, sqlite: bool, name: str) -> list[str]:
    """The content fields of type ``name`` to select: an optional field whose column a
    ledger does not have yet (its schema is older than the field) is selected as NULL,
    as every entry there was hashed without it."""
    fields = CONTENT_FIELDS[name]
    optional = fields[len(fields) - OPTIONAL_TAIL[name]:]
    if not optional:
        return list(fields)
    table = TABLE_OF[name].name
    if sqlite:
        cursor.execute(f"SELECT name FROM pragma_table_info('{table}')")
    else:
        cursor.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                       "AND table_name = %s", (table,))
    present = {row[0] for row in cursor.fetchall()}
    return [field if field in present or field not in optional else f"NULL AS {field}" for field in fields]


def _fields_reader(fields: tuple[str, ...], sqlite: bool) -> Callable[[tuple], Sequence[Any]]:
    """From a row ``(seq, *fields)`` to its content fields as they were hashed."""
    if not sqlite or "as_of_inferred" not in fields:
        return lambda row: row[1:]
    at = fields.index("as_of_inferred") + 1
    as_hashed = {0: False, 1: True}  # anything else stays as stored, and will not match
    return lambda row: (*row[1:at], as_hashed.get(row[at], row[at]), *row[at + 1:])
