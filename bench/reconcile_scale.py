"""How the reconciliation engine scales: one series of N claims, and N claims over S series.

Builds realistic synthetic claims in memory (running totals, some worded loosely, daily
batches, several outlets repeating each figure, a target, a few planted conflicts) and
times the pure engine, so the figures measure reconciliation alone, not the database.
Prints the median of several runs and peak memory.

    python bench/reconcile_scale.py                # 100k in one series; 1M over 10k series
    python bench/reconcile_scale.py --quick        # smaller, for a quick look
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ledger.model import Claim, ClaimContent, Kind, Source  # noqa: E402
from ledger.reconcile import reconcile  # noqa: E402

START = date(2020, 1, 1)


def synthetic(claims: int, series: int, seed: int = 7, conflicts_per_series: int = 1) -> list[Claim]:
    rng = random.Random(seed)
    outlets = [Source(seq=-(i + 1), publisher=f"Outlet {i}", published=START + timedelta(days=900))
               for i in range(50)]
    made: list[Claim] = []
    seq = 0
    per_series = max(1, claims // series)
    for s in range(series):
        name = f"side-{s}->other-{s}"
        days = max(2, per_series // 3)
        total = 0
        totals = []
        for d in range(days):
            batch = rng.randint(0, 40)
            total += batch
            totals.append((d, batch, total))
        for i in range(per_series):
            seq += 1
            d, batch, total = totals[rng.randrange(days)]
            as_of = START + timedelta(days=d)
            pick = rng.random()
            if i == 0:
                kind, lo, hi = Kind.TARGET, total * 2, total * 2
            elif pick < 0.45:
                kind, lo, hi = Kind.CUMULATIVE, total, total
            elif pick < 0.65:
                kind, lo, hi = Kind.CUMULATIVE, int(total * 0.9), None  # "more than"
            elif pick < 0.75:
                kind, lo, hi = Kind.CUMULATIVE, round(total * 0.9), round(total * 1.1)  # "about"
            else:
                kind, lo, hi = Kind.INCREMENT, batch, batch
            if i < conflicts_per_series + 1 and i > 0 and kind is Kind.CUMULATIVE and hi is not None:
                lo = hi = total + 1000  # a planted conflict
            source = outlets[rng.randrange(len(outlets))]
            content = ClaimContent(series=name, kind=kind, value=str(lo), lo=lo, hi=hi, as_of=as_of,
                                   as_of_inferred=False, source_seq=source.seq,
                                   speaker=f"spokesman {rng.randrange(5)}")
            made.append(Claim(seq=seq, ref=None, content=content, source=source, recorded_at="", recorded_by=""))
    return made


def measure(label: str, claims: list[Claim], runs: int) -> None:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = reconcile(claims)
        times.append(time.perf_counter() - started)
    tracemalloc.start()
    reconcile(claims)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    conflicts = len(result.conflicts)
    median = statistics.median(times)
    print(f"{label:<34} {len(claims):>9,} claims  {len(result.series):>6,} series  "
          f"median {median:7.2f} s  ({len(claims) / median:>9,.0f} claims/s)  "
          f"runs {runs}  conflicts {conflicts:,}  peak {peak / 2**20:,.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    measure("one series", synthetic(100_000 // scale, 1), args.runs)
    measure("many series", synthetic(1_000_000 // scale, 10_000 // scale), max(1, args.runs - 2))


if __name__ == "__main__":
    main()
