"""A hostile series: N random figures that contradict each other and are not exact totals.

Approximate totals ("about N", a range) and increments, at random dates and values, give a
dense web of conflicts that the hitting-set search cannot enumerate in a few rounds. Conflict
resolution bounds its work here (docs/reconciliation.md): some exact rounds, then greedy
rounds, then incremental passes. Prints the median time of `reconcile` per size, the ratio
to the previous size, and the weight set aside against the proven lower bound.

    python bench/hostile_figures.py                 # 150 and 400 figures
    python bench/hostile_figures.py --sizes 150 --runs 1

``--deep``: the same kind of figures spread over a family of scopes twelve levels deep
(``h->g/a1/a2/.../a12``, each level with a second, leaf part ``b1`` .. ``b12``), at a few
dates: one exact linear system (:mod:`ledger.reconcile.families`) with a dense web of
conflicts across scopes. ``--write FILE`` writes the claims as a CSV to import with
``pxl import``, e.g. to time ``pxl reconcile`` on it.

    python bench/hostile_figures.py --deep --sizes 400 --runs 1
    python bench/hostile_figures.py --deep --sizes 400 --write /tmp/deep.csv
"""

from __future__ import annotations

import argparse
import csv
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
from pxl.ledger.reconcile.weights import claim_weight  # noqa: E402


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


DEEP_LEVELS = 12
DEEP_DAYS = 6


def deep_scopes(levels: int = DEEP_LEVELS) -> list[str]:
    """The root, then at each level a part that goes on (``a``) and a leaf part (``b``)."""
    scopes, inner = ["h->g"], "h->g"
    for level in range(1, levels + 1):
        scopes.append(f"{inner}/b{level}")
        inner = f"{inner}/a{level}"
        scopes.append(inner)
    return scopes


def deep_hostile(n: int, seed: int = 23, levels: int = DEEP_LEVELS, days: int = DEEP_DAYS) -> list[Claim]:
    """``n`` random figures over a family ``levels`` scopes deep, at ``days`` dates a week
    apart: totals (ranges or exact) and increments, smaller the deeper the scope, many of
    them contradicting each other within a scope and across parts and wholes."""
    rng = random.Random(seed)
    start = date(2025, 9, 1)
    scopes = deep_scopes(levels)
    made = []
    for i in range(n):
        series = rng.choice(scopes)
        depth = series.count("/")
        day = Period.day(start + timedelta(days=7 * rng.randrange(days)))
        source = Source(seq=2 * i + 1, publisher=f"P{rng.randrange(50)}", published=day)
        scale = max(1, 400 >> (depth // 2))
        if rng.random() < 0.6:
            kind, middle = Kind.CUMULATIVE, rng.randrange(scale // 4, scale + 1)
        else:
            kind, middle = Kind.INCREMENT, rng.randrange(0, scale // 3 + 1)
        lo, hi = (middle * 9 // 10, middle * 11 // 10) if rng.random() < 0.5 else (middle, middle)
        value = str(lo) if lo == hi else f"between {lo} and {hi}"
        content = ClaimContent(series=series, kind=kind, value=value, lo=lo, hi=hi, as_of=day,
                               as_of_inferred=False, source_seq=source.seq)
        made.append(Claim(seq=2 * i + 2, ref=None, content=content, source=source, recorded_at="", recorded_by="b"))
    return made


def write_csv(claims: list[Claim], path: str) -> None:
    """The claims as a file for ``pxl import``."""
    with open(path, "w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["series", "kind", "value", "publisher", "published", "as_of"])
        for c in claims:
            out.writerow([c.series, c.kind.value, c.content.value, c.source.publisher,
                          c.source.published.isoformat(), c.as_of.isoformat()])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[150, 400])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--deep", action="store_true", help="a family of scopes twelve levels deep")
    parser.add_argument("--seed", type=int, help="random seed (default: 19, or 23 with --deep)")
    parser.add_argument("--write", help="write the claims (of the last size) to this CSV file and stop")
    args = parser.parse_args()
    previous = None
    for n in args.sizes:
        if args.deep:
            claims = deep_hostile(n) if args.seed is None else deep_hostile(n, args.seed)
        else:
            claims = hostile(n) if args.seed is None else hostile(n, args.seed)
        if args.write:
            write_csv(claims, args.write)
            continue
        times = []
        for _ in range(args.runs):
            began = time.perf_counter()
            result = reconcile(claims, workers=1)
            times.append(time.perf_counter() - began)
        median = statistics.median(times)
        excluded = [c for s in result.series for c in s.excluded]
        exact = all(s.exact for s in result.series)
        bound = "" if exact else f", the least at least {max(s.lower_bound for s in result.series):.0f}"
        ratio = f"  x{median / previous:.1f} the previous size" if previous else ""
        print(f"{n:>6} figures: median {median:.2f}s over {args.runs} runs{ratio}  set aside "
              f"{len(excluded)} (weight {sum(claim_weight(c) for c in excluded)}{bound}), exact={exact}")
        previous = median


if __name__ == "__main__":
    main()
