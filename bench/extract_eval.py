"""Evaluate `pxl extract` against annotated articles: precision and recall of figures
(value and interval), and of their kind and series.

A predicted figure matches an annotated one when their character spans overlap. The
interval counts as right when [lo, hi] is equal; kind and series are scored on the same
matches, so a figure with the wrong kind is a miss for kind but still a hit for value.

    python bench/extract_eval.py                       # the seeds beside the checkout
    python bench/extract_eval.py --seeds DIR --annotations FILE
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pxl.ledger.extract import extract, parse_parties  # noqa: E402


def evaluate(annotations: dict, seeds: Path) -> dict:
    parties = parse_parties(annotations.get("parties"))
    totals = {"predicted": 0, "gold": 0, "value": 0, "kind": 0, "series": 0}
    misses = []
    for article in annotations["articles"]:
        text = (seeds / article["file"]).read_text(encoding="utf-8")
        predicted = extract(text, published=date.fromisoformat(article["published"]), parties=parties)
        gold = article["figures"]
        totals["predicted"] += len(predicted)
        totals["gold"] += len(gold)
        used = set()
        for figure in gold:
            match = next((p for i, p in enumerate(predicted) if i not in used
                          and p.start < figure["end"] and figure["start"] < p.end), None)
            if match is None:
                misses.append(f"{article['seed']}: missed {figure['value']!r} ({figure['ref']})")
                continue
            used.add(predicted.index(match))
            if (match.lo, match.hi) == (figure["lo"], figure["hi"]):
                totals["value"] += 1
            else:
                misses.append(f"{article['seed']}: {figure['value']!r} read as [{match.lo}, {match.hi}]")
            totals["kind"] += match.kind == figure["kind"]
            totals["series"] += match.series == figure["series"]
            if match.kind != figure["kind"]:
                misses.append(f"{article['seed']}: {figure['value']!r} kind {match.kind}, annotated {figure['kind']}")
            if match.series != figure["series"]:
                misses.append(f"{article['seed']}: {figure['value']!r} series {match.series}, annotated {figure['series']}")
        for i, p in enumerate(predicted):
            if i not in used:
                misses.append(f"{article['seed']}: extra {p.value!r} at {p.start} ({p.reason.split(';')[0]})")
    return {"totals": totals, "misses": misses}


def ratio(hits: int, of: int) -> str:
    return f"{hits / of:.2f} ({hits}/{of})" if of else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--annotations", type=Path, default=ROOT / "data" / "afghanistan-2020" / "annotations.json")
    args = parser.parse_args()
    result = evaluate(json.loads(args.annotations.read_text()), args.seeds)
    t = result["totals"]
    print(f"articles: {args.seeds}")
    print(f"figures (value and interval)  precision {ratio(t['value'], t['predicted'])}  recall {ratio(t['value'], t['gold'])}")
    print(f"kind                          precision {ratio(t['kind'], t['predicted'])}  recall {ratio(t['kind'], t['gold'])}")
    print(f"series                        precision {ratio(t['series'], t['predicted'])}  recall {ratio(t['series'], t['gold'])}")
    for line in result["misses"]:
        print(f"  {line}")


if __name__ == "__main__":
    main()
