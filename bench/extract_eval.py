"""Evaluate `pxl extract`: precision and recall of figures (span and interval), kind and
speaker, on the development set of real sentences (data/extraction/, its dev and held-out
parts, and its fresh part: pages of other exchanges annotated before the extractor ran on
them) and on the seed articles (data/afghanistan-2020/annotations.json).

A proposed figure matches an annotated one when their character spans overlap (each used
once). A figure is right when its interval [lo, hi] is the annotated one; kind and speaker
are scored on the matched figures: kind over those whose annotated kind is one the ledger
records (not `held`), speaker right when both are empty or they share a name word.

    python bench/extract_eval.py                 # all parts and the seeds
    python bench/extract_eval.py --misses dev    # and list the dev part's misses
    python bench/extract_eval.py --seeds DIR --annotations FILE --set FILE
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pxl.ledger.extract import extract, parse_parties  # noqa: E402

KINDS = {"cumulative", "increment", "target", "pledge", "demand"}
_TITLE_WORDS = {"the", "of", "and", "for", "said", "president", "minister", "ministry", "spokesman",
                "spokeswoman", "official", "officials", "head", "office", "state", "national", "s"}


def _default_seeds() -> Path:
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "seeds").is_dir():
            return base / "shared" / "seeds"
    return ROOT.parent / "shared" / "seeds"


def _name_words(name: str | None) -> set[str]:
    words = {w.lower().strip("'’s") for w in re.findall(r"[\w'’]+", name or "")}
    return {w for w in words if len(w) > 2 and w not in _TITLE_WORDS}


def same_speaker(found: str | None, annotated: str | None) -> bool:
    if not annotated:
        return not found
    return bool(_name_words(found) & _name_words(annotated))


class Score:
    def __init__(self) -> None:
        self.predicted = self.gold = self.found = self.value = 0
        self.kind_scored = self.kind = self.speaker = 0
        self.speaker_scored: int | None = None  # None: every found figure has a speaker annotated
        self.misses: list[str] = []

    def line(self, label: str) -> str:
        def ratio(hits: int, of: int) -> str:
            return f"{hits / of:.3f} ({hits}/{of})" if of else "n/a"
        return (f"{label}\n"
                f"  figure (span and interval)  precision {ratio(self.value, self.predicted)}  recall {ratio(self.value, self.gold)}\n"
                f"  figure (span only)          precision {ratio(self.found, self.predicted)}  recall {ratio(self.found, self.gold)}\n"
                f"  kind right, of found        {ratio(self.kind, self.kind_scored)}\n"
                f"  speaker right, of found     {ratio(self.speaker, self.found if self.speaker_scored is None else self.speaker_scored)}")


def score_sentence(score: Score, row: dict) -> None:
    predicted = extract(row["sentence"])
    gold = row["figures"]
    score.predicted += len(predicted)
    score.gold += len(gold)
    used: set[int] = set()
    label = f"#{row['id']}"
    for figure in gold:
        g_start = figure["start"]
        g_end = g_start + len(figure["text"])
        index = next((i for i, p in enumerate(predicted) if i not in used and p.start < g_end and g_start < p.end), None)
        if index is None:
            score.misses.append(f"{label} missed {figure['text']!r} in: {row['sentence'][:160]!r}")
            continue
        used.add(index)
        p = predicted[index]
        score.found += 1
        if (p.lo, p.hi) == (figure["lo"], figure["hi"]):
            score.value += 1
        else:
            score.misses.append(f"{label} {figure['text']!r} read as {p.value!r} [{p.lo}, {p.hi}], "
                                f"annotated [{figure['lo']}, {figure['hi']}]")
        if figure["kind"] in KINDS:
            score.kind_scored += 1
            if p.kind == figure["kind"]:
                score.kind += 1
            else:
                score.misses.append(f"{label} {figure['text']!r} kind {p.kind}, annotated {figure['kind']} ({p.reason.split('; ')[1]})")
        if same_speaker(p.speaker, figure["speaker"]):
            score.speaker += 1
        else:
            score.misses.append(f"{label} {figure['text']!r} speaker {p.speaker!r}, annotated {figure['speaker']!r}")
    for i, p in enumerate(predicted):
        if i not in used:
            score.misses.append(f"{label} extra {p.value!r} ({p.reason.split(';')[0]}) in: {row['sentence'][:160]!r}")


_ENGLISH = re.compile(r"\b(?:the|and|of|to|was|were|in|on|has|have|with|from)\b", re.I)


def evaluate_set(path: Path) -> dict[str, Score]:
    """Scores of the dev, held-out and fresh parts, and of their sentences in English alone."""
    scores = {part + suffix: Score() for part in ("dev", "heldout", "fresh") for suffix in ("", "-english")}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            score_sentence(scores[row["split"]], row)
            if len(_ENGLISH.findall(row["sentence"])) >= 2:
                score_sentence(scores[row["split"] + "-english"], row)
    return scores


def evaluate_seeds(annotations: dict, seeds: Path) -> Score:
    parties = parse_parties(annotations.get("parties"))
    score = Score()
    score.speaker_scored = 0
    for article in annotations["articles"]:
        text = (seeds / article["file"]).read_text(encoding="utf-8")
        predicted = extract(text, published=date.fromisoformat(article["published"]), parties=parties)
        gold = article["figures"]
        score.predicted += len(predicted)
        score.gold += len(gold)
        used: set[int] = set()
        for figure in gold:
            index = next((i for i, p in enumerate(predicted) if i not in used
                          and p.start < figure["end"] and figure["start"] < p.end), None)
            if index is None:
                score.misses.append(f"{article['seed']}: missed {figure['value']!r} ({figure['ref']})")
                continue
            used.add(index)
            match = predicted[index]
            score.found += 1
            score.kind_scored += 1
            if (match.lo, match.hi) == (figure["lo"], figure["hi"]):
                score.value += 1
            else:
                score.misses.append(f"{article['seed']}: {figure['value']!r} read as [{match.lo}, {match.hi}]")
            score.kind += match.kind == figure["kind"]
            if "speaker" in figure:
                score.speaker_scored += 1
                score.speaker += same_speaker(match.speaker, figure["speaker"])
            if match.kind != figure["kind"]:
                score.misses.append(f"{article['seed']}: {figure['value']!r} kind {match.kind}, annotated {figure['kind']}")
            if match.series != figure["series"]:
                score.misses.append(f"{article['seed']}: {figure['value']!r} series {match.series}, annotated {figure['series']}")
        for i, p in enumerate(predicted):
            if i not in used:
                score.misses.append(f"{article['seed']}: extra {p.value!r} at {p.start} ({p.reason.split(';')[0]})")
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, default=ROOT / "data" / "extraction" / "sentences.jsonl")
    parser.add_argument("--seeds", type=Path, default=_default_seeds())
    parser.add_argument("--annotations", type=Path, default=ROOT / "data" / "afghanistan-2020" / "annotations.json")
    parser.add_argument("--misses", choices=["dev", "heldout", "fresh", "seeds", "dev-english", "heldout-english", "fresh-english"], action="append", default=[],
                        help="list the misses and extras of this part (repeatable)")
    args = parser.parse_args()
    scores = evaluate_set(args.set)
    print(scores["dev"].line(f"development set {args.set.name}, dev part"))
    print(scores["heldout"].line(f"development set {args.set.name}, held-out part"))
    print(scores["dev-english"].line("  its dev part's sentences in English"))
    print(scores["heldout-english"].line("  its held-out part's sentences in English"))
    print(scores["fresh"].line(f"development set {args.set.name}, fresh part"))
    print(scores["fresh-english"].line("  its fresh part's sentences in English"))
    if args.seeds.is_dir():
        scores["seeds"] = evaluate_seeds(json.loads(args.annotations.read_text()), args.seeds)
        print(scores["seeds"].line(f"seeds {args.seeds}"))
    else:
        print(f"seeds: {args.seeds} not found (give --seeds DIR)")
    for part in args.misses:
        for line in scores[part].misses:
            print(f"  {line}")


if __name__ == "__main__":
    main()
