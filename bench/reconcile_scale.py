"""How the reconciliation engine scales: one series of N claims, and N claims over S series.

Takes the claims of `bench/generate.py` (the same data as bench/run.py) as domain
objects in memory and times the pure engine, so the figures measure reconciliation
alone, not the database.
Prints the median of several runs and peak memory.

    python bench/reconcile_scale.py                # 100k in one series; 1M over 10k series
    python bench/reconcile_scale.py --quick        # smaller, for a quick look
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402

from pxl.cli.main import GC_THRESHOLD  # noqa: E402
from pxl.ledger.model import Claim, ClaimContent, Kind, Source  # noqa: E402
from pxl.ledger.reconcile import reconcile  # noqa: E402
from pxl.ledger.wording import parse_value  # noqa: E402


def synthetic(claims: int, series: int, seed: int = 7) -> list[Claim]:
    """generate.py's claims as domain objects, without a database: the engine alone."""
    sources: dict[str, Source] = {}
    made = []
    for seq, row in enumerate(generate.claims(claims, series, seed), start=1):
        source = sources.get(row["url"])
        if source is None:
            source = sources[row["url"]] = Source(seq=-len(sources) - 1, publisher=row["publisher"],
                                                  published=date.fromisoformat(row["published"]), url=row["url"])
        interval = parse_value(row["value"])
        content = ClaimContent(
            series=row["series"], kind=Kind(row["kind"]), value=row["value"], lo=interval.lo, hi=interval.hi,
            as_of=date.fromisoformat(row["as_of"]), as_of_inferred=False, source_seq=source.seq,
            period_start=date.fromisoformat(row["period_start"]) if row["period_start"] else None,
            deadline=date.fromisoformat(row["deadline"]) if row["deadline"] else None,
            speaker=row["speaker"] or None,
        )
        made.append(Claim(seq=seq, ref=row["ref"], content=content, source=source, recorded_at="", recorded_by=""))
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
    gc.set_threshold(*GC_THRESHOLD)  # as the pxl command runs the engine
    scale = 10 if args.quick else 1
    measure("one series", synthetic(100_000 // scale, 1), args.runs)
    measure("many series", synthetic(1_000_000 // scale, 10_000 // scale), max(1, args.runs - 2))


if __name__ == "__main__":
    main()
