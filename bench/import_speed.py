"""Import speed: `pxl import` of N rows into a fresh SQLite ledger, against the floor.

The floor is a bare sqlite3 ``executemany`` of the same claim rows (already validated,
no hashing) into the same schema, in the same process: the ratio says what validation,
source matching and the hash chain cost on top of the database's own insert speed.

    python bench/import_speed.py --rows 100000 --runs 3
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ledger.importer import import_rows  # noqa: E402
from ledger.sheets import read_rows  # noqa: E402
from ledger.store import Ledger  # noqa: E402

WORDINGS = ["{n}", "more than {n}", "about {n}", "{n:,}", "at least {n}", "nearly {n}"]


def make_csv(rows: int, series: int = 100) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["series", "kind", "value", "as_of", "publisher", "published", "url", "speaker", "quote", "ref"])
    for i in range(rows):
        day = 1 + (i // series) % 28
        month = 1 + (i // (series * 28)) % 12
        writer.writerow([
            f"side-{i % series}->other-{i % series}", "cumulative" if i % 4 else "increment",
            WORDINGS[i % len(WORDINGS)].format(n=100 + i % 5000), f"2020-{month:02d}-{day:02d}",
            f"Outlet {i % 40}", "2021-01-01", f"https://outlet{i % 40}.example/{i % 2000}",
            f"spokesman {i % 13}", f"released {100 + i % 5000} prisoners", f"row-{i}",
        ])
    return buffer.getvalue().encode()


def time_pxl(data: bytes, template: Path, work: Path) -> float:
    target = work / "pxl.db"
    shutil.copy(template, target)
    ledger = Ledger.open(f"sqlite:///{target}")
    started = time.perf_counter()
    rows, errors = read_rows(data, "csv")
    report = import_rows(ledger, rows, work, read_errors=errors)
    elapsed = time.perf_counter() - started
    assert report.ok and len(report.recorded) == len(rows), report.errors[:3]
    ledger.close()
    return elapsed


def time_floor(data: bytes, template: Path, work: Path) -> float:
    """Plain sqlite3: parse the CSV, insert entries and claims rows with executemany."""
    target = work / "floor.db"
    shutil.copy(template, target)
    connection = sqlite3.connect(target, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    started = time.perf_counter()
    rows = list(csv.DictReader(io.StringIO(data.decode())))
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("INSERT INTO entries VALUES (1, 'source', 't', 'b', ?, ?)", ("0" * 64, "1" * 64))
    connection.execute("INSERT INTO sources (seq, publisher, published) VALUES (1, 'x', '2021-01-01')")
    entries = [(i + 2, "claim", "t", "b", "0" * 64, f"{i:064d}") for i in range(len(rows))]
    claims = [(i + 2, r["ref"], r["series"], r["kind"], r["value"], 100, 100, r["as_of"], False, 1, r["speaker"],
               r["quote"], f"{i:064d}") for i, r in enumerate(rows)]
    connection.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?)", entries)
    connection.executemany(
        "INSERT INTO claims (seq, ref, series, kind, value, lo, hi, as_of, as_of_inferred, source_seq, speaker, "
        "quote, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claims)
    connection.execute("COMMIT")
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    data = make_csv(args.rows)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        template = work / "template.db"
        Ledger.init(f"sqlite:///{template}").close()
        pxl_times, floor_times = [], []
        for _ in range(args.runs):
            floor_times.append(time_floor(data, template, work))
            pxl_times.append(time_pxl(data, template, work))
    pxl, floor = statistics.median(pxl_times), statistics.median(floor_times)
    print(f"rows {args.rows:,}  runs {args.runs}")
    print(f"  pxl import        median {pxl:6.2f} s  {args.rows / pxl:>9,.0f} rows/s")
    print(f"  sqlite3 floor     median {floor:6.2f} s  {args.rows / floor:>9,.0f} rows/s")
    print(f"  ratio pxl/floor   {pxl / floor:.1f}x")


if __name__ == "__main__":
    main()
