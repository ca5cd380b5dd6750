"""Cost of reading a wording with a cold cache: microseconds per wording, medians of
several rounds, for the shapes real ledgers hold (bare figures, qualified figures with a
noun phrase, compounds, other languages), beside the real collections under data/.

    python bench/wording.py [--rounds 7]

A large import reads each distinct wording once (the reader memoises); this is the cost
of a distinct one.
"""

from __future__ import annotations

import argparse
import glob
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pxl.ledger.sheets import read_rows  # noqa: E402
from pxl.ledger.wording import DEFAULT_CONFIG, WordingError, _parse, _parse_text  # noqa: E402

SHAPES = {
    "bare figure (shortcut)": lambda n: f"{n * 7:,}",
    "qualified, noun phrase": lambda n: f"more than {n * 7:,} Palestinian prisoners",
    "compound of three": lambda n: f"{n} Israelis, {n + 1} Thais and one Filipino",
    "other language": lambda n: f"más de {n} presos políticos venezolanos",
}


def per_wording(texts: list[str], read) -> float:
    start = time.perf_counter()
    for text in texts:
        try:
            read(text, DEFAULT_CONFIG)
        except WordingError:
            pass
    return (time.perf_counter() - start) / len(texts) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds
    real = [row.fields["value"] for path in sorted(glob.glob(str(ROOT / "data" / "*" / "claims.csv")))
            for row in read_rows(Path(path).read_bytes(), "csv")[0] if row.fields.get("value")]
    cases = {name: [make(n) for n in range(2000)] for name, make in SHAPES.items()}
    cases[f"data/ wordings ({len(real)})"] = real
    _parse("три", DEFAULT_CONFIG)  # number-parser's import, once
    print(f"{'wordings':34} {'median us':>10} {'full grammar us':>16}")
    for name, texts in cases.items():
        shortcut = statistics.median(per_wording(texts, _parse_text.__wrapped__) for _ in range(rounds))
        full = statistics.median(per_wording(texts, _parse) for _ in range(rounds))
        print(f"{name:34} {shortcut:10.1f} {full:16.1f}")


if __name__ == "__main__":
    main()
