"""The worst case of conflict resolution: one series of N totals, each lower than the last.

Every pair of its totals contradicts (N(N-1)/2 direct contradictions); the engine must
still answer in about linear time: keep the heaviest run that never falls, name each
total's nearest contradiction and count the rest. Times `reconcile` and `find_conflicts`
(what `pxl check` runs) on domain objects in memory and prints medians, the ratio of
each size's time to the previous size's, and what was set aside.

    python bench/falling_totals.py                  # 1k, 5k, 50k claims
    python bench/falling_totals.py --sizes 50000 --runs 1
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pxl.ledger.model import Claim, ClaimContent, Kind, Source  # noqa: E402
from pxl.ledger.reconcile import reconcile  # noqa: E402
from pxl.ledger.reconcile.engine import find_conflicts  # noqa: E402


def falling(n: int) -> list[Claim]:
    start = date(2000, 1, 1)
    made = []
    for i in range(n):
        source = Source(seq=2 * i + 1, publisher=f"Outlet {i % 17}", published=start + timedelta(days=i))
        value = 10 * n - i
        content = ClaimContent(series="a->b", kind=Kind.CUMULATIVE, value=str(value), lo=value, hi=value,
                               as_of=start + timedelta(days=i), as_of_inferred=False, source_seq=source.seq)
        made.append(Claim(seq=2 * i + 2, ref=None, content=content, source=source, recorded_at="", recorded_by="b"))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 5_000, 50_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    previous = None
    for n in args.sizes:
        claims = falling(n)
        for name, work in (("reconcile", lambda claims=claims: reconcile(claims, workers=1)),
                           ("check", lambda claims=claims: find_conflicts(claims, workers=1))):
            times = []
            for _ in range(args.runs):
                began = time.perf_counter()
                result = work()
                times.append(time.perf_counter() - began)
            median = statistics.median(times)
            extra = ""
            if name == "reconcile":
                series = result.series[0]
                extra = (f"  set aside {len(series.excluded)}, exact={series.exact}, "
                         f"discrepancies {len(result.discrepancies)}")
                ratio = "" if previous is None else f"  x{median / previous[1]:.1f} for x{n / previous[0]:.0f} claims"
                previous = (n, median)
            else:
                ratio = ""
                extra = f"  conflicts {len(result)}"
            print(f"{name:9} {n:>7} totals  median {median:7.2f} s{ratio}{extra}", flush=True)


if __name__ == "__main__":
    main()
