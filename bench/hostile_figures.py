"""A hostile series: N random figures that contradict each other and are not exact totals.

Approximate totals ("about N", a range) and increments, at random dates and values, give a
dense web of conflicts that the hitting-set search cannot enumerate in a few rounds. Conflict
resolution bounds its work here (docs/reconciliation.md): some exact rounds, then greedy
rounds, then incremental passes. Prints the median time of `reconcile` per size, the ratio
to the previous size, and the weight set aside against the proven lower bound.

    python bench/hostile_figures.py                 # 150 and 400 figures
    python bench/hostile_figures.py --sizes 150 --runs 1
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pxl.ledger.dates import Period  # noqa: E402
from pxl.ledger.model import Claim, ClaimContent, Kind, Source  # noqa: E402
from pxl.ledger.reconcile import reconcile  # noqa: E402


def hostile(n: int, seed: int = 19) -> list[Claim]:
    """``n`` random cumulative ranges and increments in one series, 100 days long."""
    rng = random.Random(seed)
    start = date(2025, 9, 1)
    made = []
    for i in range(n):
        day = Period.day(start + timedelta(days=rng.randrange(100)))
        source = Source(seq=2 * i + 1, publisher=f"P{rng.randrange(50)}", published=day)
        if rng.random() < 0.5:
            kind, middle = Kind.CUMULATIVE, rng.randrange(50, 500)
        else:
            kind, middle = Kind.INCREMENT, rng.randrange(5, 120)
        lo, hi = (middle * 9 // 10, middle * 11 // 10) if rng.random() < 0.7 else (middle, middle)
        content = ClaimContent(series="h->g", kind=kind, value=f"{lo}-{hi}", lo=lo, hi=hi, as_of=day,
                               as_of_inferred=False, source_seq=source.seq)
        made.append(Claim(seq=2 * i + 2, ref=None, content=content, source=source, recorded_at="", recorded_by="b"))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[150, 400])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    previous = None
    for n in args.sizes:
        claims = hostile(n)
        times = []
        for _ in range(args.runs):
            began = time.perf_counter()
            result = reconcile(claims, workers=1)
            times.append(time.perf_counter() - began)
        median = statistics.median(times)
        series = result.series[0]
        ratio = f"  x{median / previous:.1f} the previous size" if previous else ""
        print(f"{n:>6} figures: median {median:.2f}s over {args.runs} runs{ratio}  set aside "
              f"{len(series.excluded)}, exact={series.exact}")
        previous = median


if __name__ == "__main__":
    main()
