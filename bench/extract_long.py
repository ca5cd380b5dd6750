"""How `pxl extract` scales with the length of an article: time to extract from real text
repeated to 125 KB, 250 KB, 500 KB and 1 MB, and from 20-80 KB of "1 to 1 to ..." and of one endless sentence of releases,
with the median of three runs and the ratio to the previous size (about 2 when linear).

    python bench/extract_long.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pxl.ledger.extract import extract  # noqa: E402

SEEDS = next((p for p in (ROOT.parent / "shared" / "seeds", ROOT.parent.parent / "shared" / "seeds") if p.is_dir()), None)


def article() -> str:
    if SEEDS is not None:
        return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    return ("The government released 100 Taliban prisoners on Sunday, bringing to 300 the total "
            "number of Taliban inmates freed since April 8, officials said. ") * 40


def timed(text: str) -> tuple[float, int]:
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        found = extract(text)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), len(found)


def series(label: str, unit: str, sizes: list[int]) -> None:
    previous = None
    for size in sizes:
        text = (unit * (size // len(unit) + 1))[:size]
        seconds, found = timed(text)
        ratio = f"  x{seconds / previous:.2f}" if previous else ""
        print(f"{label:10} {size / 1000:7.0f} KB  median {seconds:7.3f} s  {found:6} figures{ratio}")
        previous = seconds


def main() -> None:
    series("article", article() + "\n\n", [125_000, 250_000, 500_000, 1_000_000])
    series("1 to 1", "prisoners released 1 to " + "1 to " * 4000, [20_000, 40_000, 80_000])
    series("one clause", "Israel released 100 prisoners while Hamas freed 5 hostages, ", [20_000, 40_000, 80_000])


if __name__ == "__main__":
    main()
