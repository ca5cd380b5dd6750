"""The benchmark figures of docs/benchmarks.md: medians of several runs, each with the
ratio to a baseline measured in the same run.

    python bench/run.py                      # 100k claims, 3 runs each
    python bench/run.py --claims 1000000 --runs 1 --skip-report
    python bench/run.py --postgres postgresql://postgres@127.0.0.1/test

Figures: import (pxl vs a bare sqlite3 executemany of the same rows into the same schema;
on PostgreSQL vs COPY), check (`pxl check` and `pxl reconcile` vs `hledger check` and
`bean-check` on the equivalent journal), verify (entries per second), report (HTML).
(bench/reconcile_scale.py times the engine alone: one series, many series.) Every pxl figure is the whole command, run as a user would run it, in a
fresh process; peak memory is that process's maximum resident set.
"""

from __future__ import annotations

import argparse
import csv
import gc
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate import COLUMNS, claims  # noqa: E402
from journals import beancount_ledger, convertible, hledger_journal  # noqa: E402

PXL = [sys.executable, "-m", "pxl.cli.main"]


TIME = shutil.which("time") or "/usr/bin/time"
# bean-check keeps a pickled cache of each parsed file; measure it cold, like the others.
ENVIRONMENT = {**os.environ, "BEANCOUNT_DISABLE_LOAD_CACHE": "1"}


def timed(command: list[str], **kwargs) -> tuple[float, int, subprocess.CompletedProcess]:
    """Wall seconds, peak RSS (KiB) of that command alone (GNU time), and the result."""
    with tempfile.NamedTemporaryFile("r") as peak_file:
        wrapped = [TIME, "-f", "%M", "-o", peak_file.name, *command] if os.path.exists(TIME) else command
        started = time.perf_counter()
        result = subprocess.run(wrapped, cwd=ROOT, capture_output=True, text=True, env=ENVIRONMENT, **kwargs)
        elapsed = time.perf_counter() - started
        text = peak_file.read().strip().splitlines()
    peak = int(text[-1]) if text and text[-1].isdigit() else 0
    return elapsed, peak, result


def median(values: list[float]) -> float:
    return statistics.median(values)


def line(label: str, seconds: float, count: int, unit: str, extra: str = "") -> None:
    print(f"  {label:<44} {seconds:8.2f} s  {count / seconds:>10,.0f} {unit}/s  {extra}", flush=True)


def write_csv(rows: list[dict], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


FLOOR_TABLES = ("entries", "sources", "claims")  # parents first: foreign keys are checked


def ledger_rows(ledger: Path) -> dict[str, list[tuple]]:
    """Every row pxl wrote for the import, table by table, exactly as stored."""
    connection = sqlite3.connect(ledger)
    rows = {table: connection.execute(f"SELECT * FROM {table} ORDER BY seq").fetchall() for table in FLOOR_TABLES}
    connection.close()
    return rows


def floor_sqlite(rows: dict[str, list[tuple]], template: Path, target: Path) -> float:
    """The physical floor: the very rows pxl stored (entries with their hashes, sources,
    claims with quotes and fingerprints), inserted with executemany into the same schema
    with pxl's own settings (WAL, synchronous=FULL, 64 MiB cache, foreign keys) in one
    transaction. No parsing, validation or hashing: what any tool writing this ledger
    must pay at least."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, target)
    connection = sqlite3.connect(target, isolation_level=None)
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=FULL", "cache_size=-65536"):
        connection.execute(f"PRAGMA {pragma}")
    started = time.perf_counter()
    connection.execute("BEGIN IMMEDIATE")
    for table in FLOOR_TABLES:
        if rows[table]:
            marks = ", ".join("?" * len(rows[table][0]))
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows[table])
    connection.execute("COMMIT")
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def bench_import(rows: list[dict], csv_path: Path, work: Path, runs: int) -> Path:
    print(f"import of {len(rows):,} rows into a fresh SQLite ledger", flush=True)
    template = work / "template.db"
    subprocess.run([*PXL, "--db", str(template), "init"], cwd=ROOT, check=True, capture_output=True)
    pxl_times, peaks, floor_times, in_process = [], [], [], []
    target = work / "pxl.ledger.db"
    stored = None
    # Interleaved, run by run: this machine's speed drifts by a third within minutes, and
    # a ratio of medians taken minutes apart measured the drift as much as the code.
    for _ in range(runs):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copy(template, target)
        seconds, peak, result = timed([*PXL, "--db", str(target), "import", str(csv_path)])
        assert result.returncode == 0, result.stderr[-2000:]
        pxl_times.append(seconds)
        peaks.append(peak)
        stored = stored or ledger_rows(target)
        floor_times.append(floor_sqlite(stored, template, work / "floor.db"))
        in_process.append(_import_in_process(csv_path, template, work))
    pxl, floor, inside = median(pxl_times), median(floor_times), median(in_process)
    line("pxl import (whole command)", pxl, len(rows), "rows", f"peak {max(peaks) / 1024:,.0f} MiB")
    line("pxl import (in process: read, validate, hash, write)", inside, len(rows), "rows")
    line("sqlite3 executemany of the rows pxl stored", floor, len(rows), "rows")
    print(f"  ratio pxl / floor: {pxl / floor:.1f}x whole command, {inside / floor:.1f}x in process (goal <= 2)",
          flush=True)
    return target


def _import_in_process(csv_path: Path, template: Path, work: Path) -> float:
    from pxl.cli.main import GC_THRESHOLD
    from pxl.ledger.drafts import parse_date_text
    from pxl.ledger.importer import import_rows
    from pxl.ledger.sheets import iter_rows
    from pxl.ledger.store import Ledger
    from pxl.ledger.wording import _parse_text

    target = work / "inprocess.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, target)
    ledger = Ledger.open(f"sqlite:///{target}")
    for cache in (_parse_text, parse_date_text):  # cold, as in a fresh command
        cache.cache_clear()
    default_threshold = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLD)  # the command's collector settings
    started = time.perf_counter()
    errors: list = []  # as the command does it: rows read as the import goes, ahead of the writes
    report = import_rows(ledger, iter_rows(csv_path.read_bytes(), "csv", errors), work, read_errors=errors,
                         read_ahead=True)
    elapsed = time.perf_counter() - started
    gc.set_threshold(*default_threshold)
    assert report.ok
    ledger.close()
    return elapsed


def bench_postgres(rows: list[dict], csv_path: Path, url: str, runs: int) -> None:
    """pxl import into a fresh PostgreSQL ledger vs COPY of the rows it stored into
    another fresh ledger (same schema, indexes, constraints and triggers)."""
    import psycopg
    from sqlalchemy.engine import make_url

    print(f"import of {len(rows):,} rows into PostgreSQL", flush=True)
    admin = make_url(url).set(drivername="postgresql")
    admin_dsn = admin.render_as_string(hide_password=False)
    pxl_times, copy_times = [], []
    for run in range(runs):
        names = [f"pxl_bench_{os.getpid()}_{run}_{which}" for which in ("pxl", "floor")]
        targets = []
        with psycopg.connect(admin_dsn, autocommit=True) as connection:
            for name in names:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
                connection.execute(f'CREATE DATABASE "{name}"')
                targets.append(admin.set(database=name).render_as_string(hide_password=False))
        for target in targets:
            subprocess.run([*PXL, "--db", target, "init"], cwd=ROOT, check=True, capture_output=True)
        seconds, _, result = timed([*PXL, "--db", targets[0], "import", str(csv_path)])
        assert result.returncode == 0, result.stderr[-2000:]
        pxl_times.append(seconds)
        with psycopg.connect(targets[0]) as source, psycopg.connect(targets[1]) as floor:
            stored = {}
            for table in FLOOR_TABLES:  # COPY's own text format, read once: no client-side work is timed
                with source.cursor().copy(f"COPY (SELECT * FROM {table} ORDER BY seq) TO STDOUT") as copy:
                    stored[table] = b"".join(bytes(block) for block in copy)
            started = time.perf_counter()
            with floor.cursor() as cursor:
                for table in FLOOR_TABLES:
                    with cursor.copy(f"COPY {table} FROM STDIN") as copy:
                        copy.write(stored[table])
            floor.commit()
            copy_times.append(time.perf_counter() - started)
        with psycopg.connect(admin_dsn, autocommit=True) as connection:
            for name in names:
                connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    line("pxl import into PostgreSQL", median(pxl_times), len(rows), "rows")
    line("COPY of the rows pxl stored, same schema", median(copy_times), len(rows), "rows")
    print(f"  ratio pxl / COPY: {median(pxl_times) / median(copy_times):.1f}x", flush=True)


def bench_check(rows: list[dict], ledger: Path, work: Path, runs: int) -> None:
    events, used = convertible(rows)
    journal, beancount = work / "claims.journal", work / "claims.beancount"
    journal.write_text(hledger_journal(events))
    beancount.write_text(beancount_ledger(events))
    print(f"check: {len(rows):,} claims (hledger and beancount get the {used:,} rows they can express: "
          f"{len(events):,} transactions and assertions)", flush=True)
    commands = {
        "pxl check": [*PXL, "--db", str(ledger), "check"],
        # reconcile does more than a check: bounds and estimates per day, every kind of
        # discrepancy, what was excluded and why; measured against the same baselines
        "pxl reconcile": [*PXL, "--db", str(ledger), "reconcile"],
        "hledger check": ["hledger", "check", "-f", str(journal)] if shutil.which("hledger") else None,
        "bean-check": ["bean-check", str(beancount)] if shutil.which("bean-check") else None,
    }
    for label in [label for label, command in commands.items() if command is None]:
        print(f"  {label}: not installed", flush=True)
        del commands[label]
    times: dict[str, list[float]] = {label: [] for label in commands}
    peaks = dict.fromkeys(commands, 0)
    for _ in range(runs):  # interleaved, run by run, like the import: the machine drifts
        for label, command in commands.items():
            seconds, peak, result = timed(command)
            if label != "pxl check":  # which exits 1 on the planted conflicts
                assert result.returncode == 0, result.stderr[-500:]
            times[label].append(seconds)
            peaks[label] = max(peaks[label], peak)
    results = {label: median(values) for label, values in times.items()}
    for label, seconds in results.items():
        line(label, seconds, len(rows), "claims", f"peak {peaks[label] / 1024:,.0f} MiB")
    for ours in ("pxl check", "pxl reconcile"):
        for other in ("hledger check", "bean-check"):
            if other in results:
                print(f"  {other} / {ours}: {results[other] / results[ours]:.2f}x "
                      f"(goal {'5' if other.startswith('hledger') else '25'}x)", flush=True)


def bench_verify(ledger: Path, runs: int) -> None:
    times, entries = [], 0
    for _ in range(runs):
        seconds, _, result = timed([*PXL, "--db", str(ledger), "verify"])
        assert result.returncode == 0, result.stderr
        entries = int(result.stdout.split()[1])
        times.append(seconds)
    line("pxl verify (whole command)", median(times), entries, "entries", "(goal >= 150,000 entries/s)")


def bench_report(ledger: Path, work: Path, count: int, runs: int) -> None:
    times = []
    for _ in range(runs):
        seconds, peak, result = timed([*PXL, "--db", str(ledger), "report", "-o", str(work / "report.html")])
        assert result.returncode == 0, result.stderr
        times.append(seconds)
    line("pxl report --format html", median(times), count, "claims", f"peak {peak / 1024:,.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--series", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postgres", help="also benchmark import into this PostgreSQL server")
    parser.add_argument("--skip-report", action="store_true")
    args = parser.parse_args()
    rows = list(claims(args.claims, args.series))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        csv_path = work / "claims.csv"
        write_csv(rows, csv_path)
        print(f"{args.claims:,} claims over {args.series:,} series; median of {args.runs} runs; {os.cpu_count()} cores",
              flush=True)
        ledger = bench_import(rows, csv_path, work, args.runs)
        if args.postgres:
            bench_postgres(rows, csv_path, args.postgres, args.runs)
        bench_check(rows, ledger, work, args.runs)
        print("verify", flush=True)
        bench_verify(ledger, args.runs)
        if not args.skip_report:
            print("report", flush=True)
            bench_report(ledger, work, args.claims, args.runs)


if __name__ == "__main__":
    main()
