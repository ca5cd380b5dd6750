"""A realistic synthetic ledger: N claims over S series, reproducible from a seed.

Each series is one flow of releases over time (batches on some days). Outlets report it
the way they do: running totals (some worded loosely: "more than", "about", "nearly"),
batches, totals since a date, a target in an agreement, several outlets repeating one
spokesman (one origin, many copies). A few conflicts are planted per series (a total that
does not add up), so reconciliation has work to do. Writes CSV for `pxl import`.

    python bench/generate.py --claims 100000 --series 100 --seed 7 -o /tmp/claims-100k.csv
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

COLUMNS = ("series", "kind", "value", "as_of", "period_start", "deadline", "publisher", "published",
           "url", "speaker", "quote", "ref")
START = date(2020, 1, 1)


def claims(n: int, series: int, seed: int = 7, conflicts_per_series: int = 2) -> Iterator[dict]:
    rng = random.Random(seed)
    per_series = max(1, n // series)
    made = 0
    for s in range(series):
        name = f"side-{s}->other-{s}"
        days = max(3, per_series // 4)
        totals, total = [], 0
        for _ in range(days):
            batch = rng.choice([0, 0, rng.randint(1, 60)])
            total += batch
            totals.append((batch, total))
        spokesmen = [f"Spokesman {s}-{k}" for k in range(3)]
        planted = set(rng.sample(range(1, per_series), min(conflicts_per_series, per_series - 1))) if per_series > 1 else set()
        for i in range(per_series):
            if made >= n:
                return
            made += 1
            d = rng.randrange(days)
            batch, total = totals[d]
            as_of = START + timedelta(days=d)
            outlet = rng.randrange(40)
            row = {"series": name, "as_of": as_of.isoformat(), "period_start": "", "deadline": "",
                   "publisher": f"Outlet {outlet}", "published": (as_of + timedelta(days=outlet % 3)).isoformat(),
                   "url": f"https://outlet{outlet}.example/{d}", "speaker": rng.choice(spokesmen + [""]),
                   "ref": f"s{s}-{i}"}
            pick = rng.random()
            if i == 0:
                row.update(kind="target", value=f"{max(100, total * 2):,}", as_of=START.isoformat(),
                           deadline=(START + timedelta(days=days)).isoformat(), published=START.isoformat(),
                           speaker="the agreement", url=f"https://agreements.example/{s}", publisher="Agreement text")
            elif i in planted:
                row.update(kind="cumulative", value=str(total + 500 + i), planted=True)  # does not add up
            elif pick < 0.40:
                row.update(kind="cumulative", value=str(total))
            elif pick < 0.55 and total > 10:
                row.update(kind="cumulative", value=f"more than {total - 10}")  # true, not "more than 0" of 0
            elif pick < 0.65:
                row.update(kind="cumulative", value=f"about {total}" if total else "0")
            elif pick < 0.70:
                row.update(kind="cumulative", value=f"at least {total}")
            elif pick < 0.78 and d > 3:
                start = rng.randrange(1, d)
                since = sum(b for b, _ in totals[start:d + 1])
                row.update(kind="cumulative", value=str(since), period_start=(START + timedelta(days=start)).isoformat())
            else:
                row.update(kind="increment", value=str(batch))
            row["quote"] = f"{row['value']} released"
            yield row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--series", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args()
    handle = args.output.open("w", newline="", encoding="utf-8") if args.output else sys.stdout
    writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in claims(args.claims, args.series, args.seed):
        writer.writerow(row)
    if args.output:
        handle.close()


if __name__ == "__main__":
    main()
