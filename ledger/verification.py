"""Recomputing the hash chain, span by span, on every core.

Each entry's hash covers its own fields and the stored ``prev_hash``; its link is the
stored hash of the entry before. So any span of positions can be checked on its own,
starting from the stored entry just before it, and finds exactly the problems a single
pass from the beginning finds there. A long chain is cut into spans checked by forked
worker processes, each with its own database connection; problems come back in chain
order.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Any, Callable, Iterator

from sqlalchemy import Engine

from . import db, schema
from .chain import CONTENT_FIELDS, GENESIS, ChainProblem, check_chain

FETCH_CHUNK = 20_000  # entries per query
SPAN = 100_000  # at most this many entries per worker task
PARALLEL_FROM = 20_000  # shorter chains are checked in this process: a fork costs more
TABLE_OF = {"source": schema.sources, "claim": schema.claims, "correction": schema.corrections}


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
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        with db.connect(engine) as connection:
            results = [_verify_span(connection, after, until, progress) for after, until in spans]
        return _merge(results)
    url = engine.url.render_as_string(hide_password=False)
    results = []
    with multiprocessing.get_context("fork").Pool(workers, initializer=_open_worker, initargs=(url,)) as pool:
        for count, problems in pool.imap(_verify_span_in_worker, spans):
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
    connection, after: int, until: int, progress: Callable[[int], None] | None = None
) -> tuple[int, list[ChainProblem]]:
    """Check the entries with ``after < seq <= until``."""
    problems: list[ChainProblem] = []
    sqlite = connection.dialect.name == "sqlite"
    # The driver's own cursor: plain tuples, no Row objects (a third of the time at a
    # million entries). Parameters in the driver's style.
    mark = "?" if sqlite else "%s"
    cursor = connection.connection.driver_connection.cursor()
    entries_sql = (
        "SELECT seq, entry_type, recorded_at, recorded_by, prev_hash, hash FROM entries "
        f"WHERE seq > {mark} AND seq <= {mark} ORDER BY seq LIMIT {mark}"
    )
    content_sql = {
        name: f"SELECT seq, {', '.join(CONTENT_FIELDS[name])} FROM {table.name} WHERE seq BETWEEN {mark} AND {mark}"
        for name, table in TABLE_OF.items()
    }

    def fetch(sql: str, parameters: tuple) -> list[tuple]:
        cursor.execute(sql, parameters)
        return cursor.fetchall()

    before = fetch(f"SELECT seq, hash FROM entries WHERE seq <= {mark} ORDER BY seq DESC LIMIT 1", (after,))
    start = (before[0][0] + 1, before[0][1]) if before else (1, GENESIS)
    # Raw rows carry SQLite's 0/1 for booleans; the hash was computed over true/false.
    boolean_at = {name: [i for i, f in enumerate(CONTENT_FIELDS[name]) if f == "as_of_inferred"] for name in TABLE_OF}
    count = 0

    def content_of(name: str, row) -> list[Any]:
        fields = list(row[1:])
        if sqlite:
            for i in boolean_at[name]:
                if fields[i] is not None:
                    fields[i] = bool(fields[i])
        return fields

    def rows() -> Iterator[tuple[tuple, list[Any] | None]]:
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
                yield entry, (content_of(entry[1], row) if row is not None else None)
            for name, leftover in content.items():
                for seq in leftover:
                    problems.append(ChainProblem(
                        seq, f"a {name} row stands at this position but the entry there is not a " + name,
                    ))
            count += len(chunk)
            if progress:
                progress(len(chunk))
            position = high

    problems.extend(check_chain(rows(), start))
    cursor.close()
    return count, problems
