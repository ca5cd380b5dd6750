"""`pxl extract`: figures with their qualifiers, spans and guesses; no dates, years,
durations, money, units or counts of other things."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from pxl.ledger.extract import extract, parse_parties

ROOT = Path(__file__).resolve().parent.parent
SEEDS = next((p for p in (ROOT.parent / "shared" / "seeds", ROOT.parent.parent / "shared" / "seeds") if p.is_dir()),
             ROOT.parent / "shared" / "seeds")
ANNOTATIONS = ROOT / "data" / "afghanistan-2020" / "annotations.json"
PARTIES = parse_parties("afghan-government=Kabul|Ghani|Afghan,taliban")


def values(text: str, **kwargs) -> list[tuple[str, int, int | None]]:
    return [(c.value, c.lo, c.hi) for c in extract(text, **kwargs)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kabul has released more than four thousand Taliban prisoners.", [("more than four thousand", 4001, None)]),
        ("Hundreds of detainees were freed over the weekend.", [("Hundreds", 200, 999)]),
        ("The deal provides for the release of up to 1,000 prisoners.", [("up to 1,000", 0, 1000)]),
        # "13 Israelis" is the breakdown of the 24 (see test_breakdowns_stay_with_their_total)
        ("Hamas freed 24 hostages, including 13 Israelis, on Friday.", [("24", 24, 24)]),
        ("Russia and Ukraine exchanged 95 prisoners of war each on Friday.", [("95", 95, 95)]),
        ("A total of 300 detainees have been released since the truce began.", [("A total of 300", 300, 300)]),
        ("Nearly 2,000 captives remain, officials said.", [("Nearly 2,000", 1800, 1999)]),
        ("The government re-leased 100 Taliban prisoners on Sunday.", [("100", 100, 100)]),
    ],
)
def test_figures_keep_their_qualifiers(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The two sides spoke for over two hours about the release of prisoners.",
        "After more than 18 years of fighting, prisoners may be released.",
        "Clashes involved the 209 Shaheen Corps as prisoners were released in the north.",
        "The swap was set to happen by March 10, with prisoners released in batches.",
        "Talks began on 12 April 2020, and the prisoners were freed.",
        "A three-member team went to verify the prisoners to be released.",
        "Representatives of twenty countries discussed the release of prisoners.",
        "The release of prisoners cost $5 million, officials said.",
        "Prisoners were released at 6 p.m., and 40% of them went home.",
        "All prisoners would be released in one go.",
        "US forces must leave within 14 months; the prisoners' release is due.",
    ],
)
def test_numbers_that_are_not_prisoner_figures_are_ignored(text):
    assert values(text) == []


def test_spans_quotes_and_guesses():
    text = ("KABUL - According to the International Committee of the Red Cross, the Taliban on "
            "April 12 released 20 Afghan prisoners in Kandahar. The move came after the Afghan government "
            "released 100 Taliban prisoners, bringing to 300 the total number of Taliban inmates freed since April 8.")
    found = extract(text, published=date(2020, 4, 13), parties=PARTIES)
    assert [(c.value, c.kind, c.series) for c in found] == [
        ("20", "increment", "taliban->afghan-government"),
        ("100", "increment", "afghan-government->taliban"),
        ("300", "cumulative", "afghan-government->taliban"),
    ]
    for candidate in found:
        assert text[candidate.start:candidate.end] == candidate.value
        assert candidate.quote in text and candidate.value in candidate.quote
        assert 0 < candidate.confidence <= 0.95 and candidate.reason
    assert found[0].speaker == "International Committee of the Red Cross" and found[0].as_of == date(2020, 4, 12)
    assert found[2].period_start == date(2020, 4, 8) and found[1].period_start is None


def test_weekday_and_curly_quotes_and_pronoun_speaker():
    text = ("\u201cThere are no obstacles,\u201d Sediq Sediqqi told reporters. "
            "\u201cKabul has released more than four thousand\u201d Taliban prisoners, he added on Monday.")
    [candidate] = extract(text, published=date(2020, 7, 29), parties=PARTIES)  # a Wednesday
    assert candidate.kind == "cumulative" and candidate.speaker == "Sediq Sediqqi"
    assert candidate.as_of == date(2020, 7, 27)
    assert candidate.series == "afghan-government->taliban"


def test_a_bare_number_without_prisoner_context_is_not_proposed():
    assert values("The Taliban have demanded 5,000 as a precondition to talks.") == []


def test_demands_pledges_and_targets():
    text = ("It was not clear how many prisoners would be released. "
            "The Taliban have demanded 5,000 as a precondition to talks, but Afghan President Ashraf Ghani "
            "said the government would release 1,500 initially. The pact calls for the Afghan government "
            "to release 5,000 Taliban fighters.")
    found = extract(text, parties=PARTIES)
    assert [(c.value, c.kind, c.speaker) for c in found] == [
        ("5,000", "demand", "Taliban"), ("1,500", "pledge", "Ashraf Ghani"), ("5,000", "target", None)]
    assert {c.series for c in found} == {"afghan-government->taliban"}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not beside the checkout")
def test_the_seed_articles_against_their_annotations():
    sys.path.insert(0, str(ROOT / "bench"))
    from extract_eval import evaluate_seeds

    score = evaluate_seeds(json.loads(ANNOTATIONS.read_text()), SEEDS)
    assert score.gold == 12
    assert score.value == 12 and score.predicted == 12, score.misses  # all 12, no extra
    assert score.kind >= 11, score.misses
    assert not [m for m in score.misses if "series" in m], score.misses


def test_the_development_set_scores_stay_above_the_goals():
    sys.path.insert(0, str(ROOT / "bench"))
    from extract_eval import evaluate_set

    dev = evaluate_set(ROOT / "data" / "extraction" / "sentences.jsonl")["dev"]
    assert dev.value / dev.predicted >= 0.95, dev.misses
    assert dev.value / dev.gold >= 0.90, dev.misses


def test_extract_then_import_round_trip(run, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The Afghan government released 100 Taliban prisoners on Sunday, officials said.\n")
    out = tmp_path / "candidates.csv"
    result = run("extract", str(article), "--publisher", "Outlet", "--published", "2020-04-13",
                 "--parties", "afghan-government=Kabul|Afghan,taliban", "-o", str(out))
    assert result.exit_code == 0
    assert "confidence" in out.read_text().splitlines()[0]
    imported = run("import", str(out))
    assert imported.exit_code == 0, imported.output
    [claim] = json.loads(run("list", "--format", "json").output)
    assert (claim["series"], claim["kind"], claim["lo"], claim["as_of"]) == (
        "afghan-government->taliban", "increment", 100, "2020-04-12")
    assert claim["quote_start"] == 0 and claim["document_sha256"]
    lines = run("extract", str(article), "--format", "jsonl").output.splitlines()
    record = json.loads(lines[0])
    vague = tmp_path / "vague.txt"
    vague.write_text("Dozens of prisoners were freed, and about 100 detainees went home.\n")
    tuned = run("--vague", "dozens=12-99", "--tolerance", "0.2", "extract", str(vague), "--format", "jsonl")
    assert [(r["lo"], r["hi"]) for r in map(json.loads, tuned.output.splitlines())] == [(12, 99), (80, 120)]
    assert {"value", "lo", "hi", "quote", "start", "end", "kind", "series", "speaker", "as_of", "confidence"} <= set(record)


def test_extract_jsonl_with_a_compound_imports_as_written(run, tmp_path):
    """Break test: the `parts` array extract writes in JSON Lines was refused on import
    ('expected text or a number, not a JSON array'); it is derived from the value."""
    article = tmp_path / "article.txt"
    article.write_text("Hamas freed 13 Israelis, 10 Thais and one Filipino on Friday.\n")
    out = tmp_path / "candidates.jsonl"
    assert run("extract", str(article), "--publisher", "Outlet", "--published", "2023-11-25",
               "--format", "jsonl", "-o", str(out)).exit_code == 0
    record = json.loads(out.read_text().splitlines()[0])
    assert [p["lo"] for p in record["parts"]] == [13, 10, 1]
    record["series"] = "hamas->hostages"
    out.write_text(json.dumps(record) + "\n")
    imported = run("import", str(out))
    assert imported.exit_code == 0, imported.output
    [claim] = json.loads(run("list", "--format", "json").output)
    assert (claim["lo"], claim["hi"], [p["lo"] for p in claim["parts"]]) == (24, 24, [13, 10, 1])
