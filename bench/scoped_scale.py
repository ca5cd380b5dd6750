"""Scope families at scale: consistent increments on distinct days spread over the parts
of families (``u0->v/p0``, ``u0->v/p1``, ...), against the same rows as flat series
(``u0->v``), reconciled in this process (``workers=1``).

The break test of 2026-11-30 (800 such rows in 3 parts of one family took 188 s, the flat
series 0.5 s). Seeded; ``--write DIR`` also writes each case's CSVs to import with
``pxl import``. Prints medians (wall and this process's CPU) and the ratio.

    python bench/scoped_scale.py --sizes 200 800 3200
    python bench/scoped_scale.py --sizes 20000 --families 50
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scopes import load  # noqa: E402

from pxl.ledger.reconcile import reconcile  # noqa: E402

FIELDS = ["series", "kind", "value", "publisher", "published", "as_of", "ref"]


def rows(size: int, families: int, parts: int, seed: int, scoped: bool) -> list[dict]:
    """``size`` increments, family k gets rows k, k + families, ...; within a family the
    rows go to its parts in turn, each on a day of its own."""
    rng = random.Random(seed)
    start = date(2020, 1, 1)
    found = []
    for i in range(size):
        family, within = i % families, i // families
        day = (start + timedelta(days=within)).isoformat()
        series = f"u{family}->v" + (f"/p{within % parts}" if scoped else "")
        found.append({"series": series, "kind": "increment", "value": rng.randint(1, 100),
                      "publisher": f"Pub{i}", "published": day, "as_of": day, "ref": f"s{size}-{i}"})
    return found


def write(path: Path, found: list[dict]) -> None:
    with open(path, "w", newline="") as handle:
        writer = csv.DictWriter(handle, FIELDS)
        writer.writeheader()
        writer.writerows(found)


def timed(claims, runs: int) -> tuple[float, float]:
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        reconcile(claims, workers=1)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 800, 3200])
    parser.add_argument("--families", type=int, default=1)
    parser.add_argument("--parts", type=int, default=3)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", help="directory to write each case's CSVs to")
    args = parser.parse_args()
    out = Path(args.write or tempfile.mkdtemp(prefix="scoped-scale-"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"{args.families} families, {args.parts} parts each, median of {args.runs} runs (CPU in brackets)")
    for size in args.sizes:
        times = {}
        for scoped in (True, False):
            path = out / f"{'fam' if scoped else 'flat'}{size}.csv"
            write(path, rows(size, args.families, args.parts, args.seed, scoped))
            claims, _ = load(None, str(path))
            timed(claims[:2], 1)  # imports
            times[scoped] = timed(claims, args.runs)
        (wall, cpu), (flat_wall, flat_cpu) = times[True], times[False]
        print(f"  {size:6} rows: families {wall:7.3f} s ({cpu:.3f}), flat {flat_wall:7.3f} s ({flat_cpu:.3f}), "
              f"ratio {wall / flat_wall:.1f}x ({cpu / flat_cpu:.1f}x)")


if __name__ == "__main__":
    main()
