"""Scope families: reconcile time of the families with scopes, against the same claims
with every scope made a series of its own (no family: the difference-constraint engine).

Reads the effective claims of a ledger (``--db``) or of a claims file imported into a
temporary SQLite ledger (``--file``), keeps the families with scopes, and times the pure
engine on them in this process (``workers=1``). Prints the median of several runs of each
and their ratio, in wall time and in this process's CPU time (which other work on a shared
machine disturbs less).

    python bench/scopes.py --file data/israel-hamas-2025/claims.csv
    python bench/scopes.py --db sqlite:///ledger.db --runs 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pxl  # noqa: E402
from pxl.ledger.declarations import complete_scopes  # noqa: E402
from pxl.ledger.model import family_of, is_scoped  # noqa: E402
from pxl.ledger.reconcile import reconcile  # noqa: E402
from pxl.ledger.store import Ledger  # noqa: E402


def load(db: str | None, file: str | None):
    if db:
        ledger = Ledger.open(db)
    else:
        url = f"sqlite:///{tempfile.mkdtemp()}/bench.db"
        Ledger.init(url).close()
        with pxl.open(url) as api:
            api.import_file(file)
        ledger = Ledger.open(url)
    claims, complete = ledger.claims(), complete_scopes(ledger.declarations())
    ledger.close()
    return claims, complete


def timed(claims, complete, runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process (steadier on a shared machine)."""
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        reconcile(claims, workers=1, complete=complete)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--db", help="ledger URL")
    source.add_argument("--file", help="claims file (CSV or JSON Lines) to import into a temporary ledger")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    claims, complete = load(args.db, args.file)
    families: dict[str, list] = {}
    for claim in claims:
        families.setdefault(family_of(claim.series), []).append(claim)
    scoped = [c for members in families.values() if is_scoped(c.series for c in members) for c in members]
    if not scoped:
        raise SystemExit("no family with scopes in these claims")
    flat = [replace(c, content=replace(c.content, series=c.series.replace("/", "~"))) for c in scoped]
    with_scopes = timed(scoped, complete, args.runs)
    without = timed(flat, frozenset(), args.runs)
    names = sorted({family_of(c.series) for c in scoped})
    print(f"{len(scoped)} claims in {len(names)} families with scopes ({', '.join(names)}), "
          f"{len({c.series for c in scoped})} scopes; median of {args.runs} runs")
    print(f"  families with scopes (exact linear system):   {with_scopes[0]:8.3f} s  (CPU {with_scopes[1]:.3f} s)")
    print(f"  the same claims, each scope its own series:   {without[0]:8.3f} s  (CPU {without[1]:.3f} s)")
    print(f"  ratio: {with_scopes[0] / without[0]:.1f}x  (CPU {with_scopes[1] / without[1]:.1f}x)")


if __name__ == "__main__":
    main()
