"""Propose prisoner figures from an article's text, with exact spans, for a person to confirm.

Deterministic and offline. Figures of people are found by :mod:`ledger.finding` with the
one grammar of :mod:`ledger.wording` (so "more than four thousand" keeps its qualifier,
[4001, open), and "hundreds" stays [200, 999]), with compounds summed and breakdowns kept
as parts (see docs/extraction.md). Kind, series, speaker and dates are guessed here from
cue words near the figure, and every guess says why in ``reason``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from . import languages
from .finding import Part, find_figures
from .wording import DEFAULT_CONFIG, WordingConfig

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
KIND_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("target", re.compile(r"\b(agreement|deal|pact|accord|calls? for|under the(?= (?:[\w-]+ ){0,3}?(?:deal|agreement|accord|terms|truce|ceasefire|plan|arrangement|framework|exchange|swap|phase|stage)\b)|in accordance with|obligat\w+|target\w*|"
                          r"agreed|plan\w*|list of|formula|"
                          # "agreed" in the other languages of the collections
                          r"acordad\w*|acordó|vereinbart|convenu|concordad\w*|домовил\w*|договорил\w*|"
                          r"állapodtak|dogovor\w*)\b", re.I)),
    # Future tense: a plan (target) unless a party's demand or promise is named nearby.
    ("target-future", re.compile(r"(?<!\bthe )(?<!good)(?<!\ba )(?<!political )\b(sollt?en|soll|werden|wird|ожида\w*|заплан\w*|будут|будет|буде|će|previst\w*|"
                                 r"will|would|to be(?=\s+(?:\w+ed|freed|sent|held|handed|swapped|brought|flown|returned)\b)|expected|due to|set to|aim\w*|to exchange|to release|to free|"
                                 r"is to|are to|will see)\b", re.I)),
    ("demand", re.compile(r"\b(demand\w*|insist\w*|ask\w* for|must|obstacles|precondition|urg(?:e|es|ed|ing)|"
                          r"call(?:s|ed)? on|needs? to|(?:has|have) to)\b", re.I)),
    ("pledge", re.compile(r"\b(supposed to|promis\w*|vow\w*|pledg\w*|offer(?:s|ed|ing)?|commit(?:s|ted|ting|ment)?|initially|"
                          r"(?:is|are)\s+(?:due|set|scheduled)\s+to\s+(?:release|free|hand)\w*)\b", re.I)),
    ("cumulative", re.compile(r"\b(the total|total number|tally|conclu(?:ded|sion)|complet(?:ed|ion)|"
                              r"ha(?:s|ve) (?:\w+ed|\w+en) the (?:release|transfer|return|repatriation)|"
                              r"finora|hasta (?:esta hora|ahora)|bisher|jusqu'à présent|до сих пор|досі|"
                              r"bringing to|bringing the|brings the|so far|thus far|to date|in all|"
                              r"as of (?:now|today)|until now|up to now|hasta ahora|"
                              r"altogether|overall|in (?:two|three|four|several) (?:stages|phases|days)|"
                              r"over the (?:past|last|three|two|four) (?:\w+ )?days|"
                              r"(?:over|in|during|within) the (?:past|last) (?:\w+ )?(?:days?|weeks?|months?|years?)|"
                              r"in (?:january|february|march|april|may|june|july|august|september|october|november|december)"
                              r"(?: (?:19|20)\d\d)?|in (?:19|20)\d\d)\b", re.I)),
    # The perfect tense speaks of a total only for an open figure ("has released more than
    # four thousand"); "Hamas has released three hostages" is one batch.
    ("cumulative-open", re.compile(r"\b(has released|have released|has freed|have freed|have been released|"
                                   r"has been released|have also been released)\b", re.I)),
    # "will be released", "were to be freed": a bare "be" makes the verb a plan, not a batch.
    ("increment", re.compile(r"(?<!\bbe\s)\b(released|freed|handed over|handed|set free|returned|arrived|arriving|carrying|"
                             r"carried|transferred|today|yesterday|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                             r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I)),
)
# "so far", "thus far", "as of today", "in the last three days": the figure is a running
# total whatever verb it has.
_TALLY = re.compile(r"\b(?:so far|thus far|to date|as of (?:now|today)|until now|up to now|hasta ahora|hasta esta hora|"
                    r"finora|bisher|до сих пор|досі|(?:over|in|during|within) the (?:past|last) (?:\w+ )?(?:days?|weeks?|months?|years?))\b",
                    re.I)
_TALLY_REACH = 80  # characters either side of a figure: its clause, roughly
_FUTURE = r"(will|would|shall|is to|are to|were to|was to|set to|due to|expected to|scheduled to)"
_FUTURE_BEFORE = re.compile(_FUTURE + r"(?:\s+(?:also|each|both|then|soon|now))?\s+(?:see|release|free|hand over|return|"
                            r"exchange|transfer)\s+(?:up to |all |the |another |a further )?$", re.I)
_FUTURE_AFTER = re.compile(r"[\s,]*(?:(?:who|that)\s+)?" + _FUTURE + r"(?:\s+(?:also|soon|then|now))?\s+be\b", re.I)
# One side's own future release ("Israel will release 1,968", "say they will free 4,208",
# "plan to free 4,000"): a pledge, unless a deal or exchange is named around it (a plan
# both sides agreed, a target).
_SIDE_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|plans?\s+to|planned\s+to|plans\s+to|decided\s+to|decides\s+to|intends?\s+to|vowed\s+to)"
    r"(?:\s+(?:also|soon|then|now|initially))?\s+(?:release|free|hand\s+over|return)\s+(?:up\s+to\s+|all\s+|another\s+|a\s+further\s+)?$",
    re.I)
# "urged the government to free thousands": a demand governs the release, however near
# its infinitive is to the figure
_DEMANDED_BEFORE = re.compile(
    r"\b(?:urg\w*|call\w*\s+on|ask\w*|press\w*|demand\w*|need\w*|must)\s+(?:[\w'’-]+\s+){0,5}?to\s+"
    r"(?:free|release|return|hand\s+over)\s+(?:all\s+|the\s+|a\s+total\s+of\s+)?$", re.I)
_SINCE = re.compile(r"\bsince\b", re.I)
_PERFECT_RELEASE = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?(?:released|freed|returned|handed over|exchanged|facilitated|"
                              r"repatriated|brought home|transferred)\b", re.I)
_INFINITIVE_BEFORE = re.compile(r"\bto\s+(?:exchange|swap|release|free|return|repatriate)\s+(?:up\s+to\s+|all\s+|the\s+)?$", re.I)
# The infinitive of an agreement or an operation: "had agreed in 2018 to swap 15,000", "an
# operation to fly about 1,000 men home". What it governs is the plan, whatever date or
# batch word is nearer the figure (a year there dates the agreement, not a running total).
_PLAN_INFINITIVE = re.compile(
    r"\b(?:agree[ds]?|agreeing|agreement|deal|accord|pact|arrangement|plans?|planned|operation|mission|airlift|"
    r"decided|decision)\b[^.;:,\"]{0,40}?\bto\s+(?:exchange|swap|release|free|return|repatriate|fly|bring|"
    r"transport|transfer|hand\s+over)\s+(?:up\s+to\s+|all\s+|the\s+)?$", re.I)
_PRESENT_BEFORE = re.compile(r"\b(?:releases|frees|hands over|returns|освобождает)\s+(?:up\s+to\s+|all\s+|the\s+)?$", re.I)
_DEAL_NEAR = re.compile(r"\b(?:deal|agreement|accord|agreed|exchange|swap|under the|terms|phase|in exchange|both sides|the (?:two )?(?:parties|sides))\b", re.I)
_RATIO = re.compile(rf"\d\s*[-\s]\s*(?:{'|'.join(languages.RATIO_WORDS)})\s*[-\s]\s*\d", re.I)
_CUE_WINDOW = 400  # characters either side of a figure where its kind and speaker are read
_FUTURE_PENALTY = 15  # characters: a demand or promise word this much further away still wins
_PAST_REACH = 60  # characters: a past verb of release this near makes a named deal its setting
ATTRIBUTION_AFTER = re.compile(
    r"\b(?:said|says|told|tweeted|announced|stated|added|according to|confirmed|reported)\b", re.I)
_TITLES = re.compile(
    r"^(?:(?:the|a|an|afghan|us|u\.s\.|taliban|president|spokesman|spokeswoman|spokesperson|"
    r"minister|envoy|special|representative|commander|official|officials|a spokesman for \w+|"
    r"national|security|adviser|advisor|deputy|chief|former|senior|freelance|journalist|"
    r"foreign|ministry|for|of)\s+)+", re.I)
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


@dataclass(frozen=True)
class Candidate:
    value: str
    lo: int
    hi: int | None
    start: int
    end: int
    quote: str
    kind: str
    series: str | None
    speaker: str | None
    as_of: date | None
    period_start: date | None
    deadline: date | None
    confidence: float
    reason: str
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class Party:
    slug: str
    aliases: tuple[str, ...]


def parse_parties(text: str | None) -> list[Party]:
    """``afghan-government=Afghan|Kabul|government,taliban`` -> parties with aliases (the
    slug's own words of 4+ letters are aliases too)."""
    parties = []
    for item in (text or "").split(","):
        item = item.strip()
        if not item:
            continue
        slug, _, extra = item.partition("=")
        slug = slug.strip().lower()
        aliases = {w for w in re.split(r"[-_]", slug) if len(w) >= 4}
        aliases |= {a.strip().lower() for a in extra.split("|") if a.strip()}
        parties.append(Party(slug, tuple(sorted(aliases))))
    return parties


_ARTEFACT = re.compile(r"\b([A-Za-z][a-z]{0,3})-([a-z]{2,})\b|\b([a-z]{2,})-([a-z])\b")


_NUMBER_PIECES = {"one", "two", "six", "ten", "four", "five", "nine"}  # "two-thirds" is no artefact


def dehyphenate(text: str) -> tuple[str, list[int]]:
    """Undo line-break hyphenation artefacts ("f-ocused", "ha-ve", "Khal-ilzad") and fold
    curly quotes; returns the text to match on and, for each of its characters, the
    offset of that character in ``text`` (so spans map back to the article exactly)."""
    drop = {m.start(2) - 1 if m.group(2) else m.start(4) - 1 for m in _ARTEFACT.finditer(text)
            if (m.group(1) or "").lower() not in _NUMBER_PIECES}
    out, offsets = [], []
    for index, char in enumerate(text):
        if index in drop:
            continue
        out.append({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}.get(char, char))
        offsets.append(index)
    offsets.append(len(text))
    return "".join(out), offsets


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split after . ! ? (and closing quotes) before whitespace and a capital,
    a quote or a digit; not after common abbreviations; paragraphs always split."""
    spans = []
    start = 0
    for match in re.finditer(r"[.!?][\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u2018(]?[A-Z0-9])|\n\s*\n", text):
        before = text[max(0, match.start() - 5):match.start() + 1]
        if re.search(r"\b(?:U\.S|Mr|Mrs|Ms|Dr|St|No|vs|e\.g|i\.e|Gen|Col|Lt|Sgt|Jr|Sr)\.$", before):
            continue
        end = match.end()
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    result = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            result.append((s, e))
    return result


def _tokens_after(text: str, end: int, limit: int = 7) -> list[str]:
    window = text[end:end + 120]
    stop = re.search(r"[.;:!?\n]", window)
    window = window[: stop.start()] if stop else window
    return [t.lower() for t in re.findall(r"[A-Za-z%]+(?:-[A-Za-z]+)*|\d+", window)][:limit]


_CLAUSE_BREAK = re.compile(r",\s+(?:but|while|whereas)\s+|;\s+")


def _clause_bounds(body: str, offset: int) -> tuple[int, int]:
    left, right = 0, len(body)
    for m in _CLAUSE_BREAK.finditer(body):
        if m.end() <= offset:
            left = m.end()
        elif m.start() >= offset:
            right = m.start()
            break
    return left, right


_NAME = r"((?:[A-Z][\w.'-]*\s+){0,5}[A-Z][\w.'-]*)"
# A name, its abbreviation in brackets, and "in PLACE" after it: "The ICRC in Yemen", "the
# International Committee of the Red Cross (ICRC)".
_NAMED_END = re.compile(_NAME + r"(?:\s+\(([A-Z][\w.'-]*)\))?(?:\s+(?:in|at)\s+(?:the\s+)?" + _NAME + r")?\s*$")


def _named_before(text: str) -> str | None:
    """The name a clause ends with before its verb of saying; a body followed by "in PLACE"
    is the body, not the place ("The ICRC in Yemen" -> "ICRC"), by its abbreviation when
    one follows it ("the International Committee of the Red Cross (ICRC)" -> "ICRC")."""
    name = _NAMED_END.search(text)
    if name is None:
        return None
    if name.group(2):
        return name.group(2)
    if name.group(3):
        return _clean_name(name.group(1)) or _clean_name(name.group(3))
    if name.group(1).split()[-1].lower() in _PRONOUNS:
        return None
    return _clean_name(name.group(1))


def _attribution(body: str, last_speaker: str | None) -> tuple[str | None, str]:
    match = re.search(r"[Aa]ccording to (?:the )?([A-Z][\w.'-]*(?:(?:\s+(?:of|the|for|and))*\s+[A-Z][\w.'-]*)*)", body)
    if match:
        return _clean_name(match.group(1)), "attributed with 'according to'"
    for m in ATTRIBUTION_AFTER.finditer(body):
        before = body[: m.start()].rstrip(" ,\"")
        named = _named_before(before)
        if named:
            return named, f"'{named} {m.group(0)}'"
        after = re.match(r"\s*(?:the\s+)?((?:[A-Z][\w.'-]*\s*){1,6})", body[m.end():])
        if after and m.group(0).lower() in ("said", "says", "tweeted", "told", "announced"):
            cleaned = _clean_name(after.group(1))
            if cleaned:
                return cleaned, f"'{m.group(0)} {cleaned}'"
        pronoun = re.search(r"\b(he|she|they)\s*$", before, re.I)
        if pronoun and last_speaker:
            return last_speaker, f"'{pronoun.group(1)} {m.group(0)}' refers to {last_speaker}"
    return None, ""


def _speaker(text: str, sentence: tuple[int, int], offset: int, kind: str,
             last_speaker: str | None) -> tuple[str | None, str]:
    """Who states the figure at ``offset`` (within the sentence): an attribution in its
    clause; for a figure inside a direct quotation, the sentence's attribution; for a
    demand or pledge, the named subject of its clause; else the outlet itself."""
    s, e = sentence
    body = text[s:e]
    left, right = _clause_bounds(body, offset)
    found, reason = _attribution(body[left:right], last_speaker)
    if found:
        return found, reason
    if body[:offset].count('"') % 2 == 1:
        found, reason = _attribution(body, last_speaker)
        if found:
            return found, reason + " (a direct quotation)"
    if kind in ("demand", "pledge"):
        verb = re.search(r"\b(?:has|have|had)?\s*(?:demand|promis|vow|pledg|offer|insist)\w*", body[left:offset])
        if verb:
            named = _named_before(body[left:left + verb.start()])
            if named:
                return named, f"'{named}' {kind}s it"
    return None, "no attribution: the outlet's own statement"


def _clean_name(raw: str) -> str | None:
    """A person's or body's name without titles: "Afghan President Ashraf Ghani" ->
    "Ashraf Ghani"; inner connectors stay ("Committee of the Red Cross")."""
    name = raw.strip(" ,.\"'")
    name = _TITLES.sub("", name).strip()
    words = name.split()
    while words and not words[-1][:1].isupper():
        words.pop()
    if not words or words[0].lower() in _PRONOUNS | {"the", "it", "this", "that", "on", "in"}:
        return None
    return " ".join(words)


def _dates(text: str, sentence: tuple[int, int], published: date | None) -> dict[str, tuple[date, str]]:
    """Dates the sentence gives: as_of (on/by date, weekday, yesterday), period_start (since)."""
    if published is None:
        return {}
    found: dict[str, tuple[date, str]] = {}
    s, e = sentence
    body = text[s:e]
    for m in re.finditer(r"\b(since|on|by|from)?\s*(?:(" + "|".join(MONTHS) + r")\.?\s+(\d{1,2})|(\d{1,2})\s+(" + "|".join(MONTHS) + r"))\b", body, re.I):
        month = MONTHS[(m.group(2) or m.group(5)).lower()]
        day = int(m.group(3) or m.group(4))
        try:
            when = date(published.year, month, day)
        except ValueError:
            continue
        if when > published:
            when = date(published.year - 1, month, day)
        role = {"since": "period_start", "from": "period_start", "by": "deadline"}.get((m.group(1) or "").lower(), "as_of")
        found.setdefault(role, (when, f"'{m.group(0).strip()}'"))
    for m in re.finditer(r"\b(?:on|last)\s+(" + "|".join(WEEKDAYS) + r")\b|\b(yesterday|today)\b", body, re.I):
        if m.group(2):
            when = published - timedelta(days=1 if m.group(2).lower() == "yesterday" else 0)
        else:
            back = (published.weekday() - WEEKDAYS[m.group(1).lower()]) % 7
            when = published - timedelta(days=back)
        found.setdefault("as_of", (when, f"'{m.group(0)}' before the publication date"))
    return found


def _governing_future(body: str, offset: int, noun_end: int) -> str | None:
    """The future or modal verb whose object or subject the figure is: "will see nearly
    900 prisoners released", "would release 100", "about 880 detainees would be exchanged";
    None when a verb of release stands between ("released 3 and will free 5")."""
    before = _FUTURE_BEFORE.search(body[max(0, offset - 30):offset])
    if before:
        return before.group(1)
    after = _FUTURE_AFTER.match(body, noun_end)
    return after.group(1) if after else None


def _kind(body: str, offset: int, end: int, open_ended: bool, noun_end: int | None = None,
          total: bool = False) -> tuple[str, str]:
    """The figure's kind: what governs it first (a total it is the value of, a demand or
    one side's future release, a plan's infinitive), else the kind of the nearest cue word
    (:func:`_kind_by_cues`)."""
    before = body[max(0, offset - 80):offset]
    if total and not re.search(r"\b(?:will|would|to|shall)\s+be\s*$", before):
        return "cumulative", "the value of a total ('the total ... stood at')"
    clause = body[max(0, offset - _TALLY_REACH):min(len(body), (noun_end or end) + _TALLY_REACH)]
    if _DEMANDED_BEFORE.search(before):
        return "demand", "a demand governs the release of the figure"
    if _SIDE_FUTURE_BEFORE.search(before[-40:]) and not _DEAL_NEAR.search(clause):
        return "pledge", "one side's own future release, no deal named near it"
    if _SINCE.search(clause) and _PERFECT_RELEASE.search(clause):
        return "cumulative", "a perfect tense of release 'since' a time"
    plan = _PLAN_INFINITIVE.search(before)
    if plan:
        return "target", f"the infinitive of an agreement or operation governs the figure ('{plan.group(0).strip()}')"
    kind, reason = _kind_by_cues(body, offset, end, open_ended, noun_end)
    if kind == "increment" and _PRESENT_BEFORE.search(before[-30:]):
        return "target", "a present tense of release states what a side does under a deal ('Armenia releases 2')"
    if kind == "increment" and _INFINITIVE_BEFORE.search(before[-40:]) and not _SIDE_FUTURE_BEFORE.search(before[-40:]):
        return "target", "the infinitive of a plan governs the figure ('agreed to exchange', 'to return')"
    return kind, reason


def _kind_by_cues(body: str, offset: int, end: int, open_ended: bool, noun_end: int | None = None) -> tuple[str, str]:
    """The kind whose cue word is nearest the figure at [offset, end) of the sentence (cue
    words inside the figure's own wording, as "a total of", do not count). A deal named near
    a figure that a past verb of release also governs is the setting of that release ("10
    Americans were freed in the deal"), not its target."""
    if _RATIO.search(body[offset:end]):
        return "target", "'N for N': the formula of a deal"
    best: dict[str, tuple[int, str]] = {}
    for kind, pattern in KIND_CUES:
        penalty = 0
        if kind == "cumulative-open":
            if not open_ended:
                continue
            kind = "cumulative"
        elif kind == "target-future":
            kind, penalty = "target-future", _FUTURE_PENALTY
        for m in pattern.finditer(body):
            if m.start() < end and offset < m.end():
                continue
            distance = min(abs(m.start() - offset), abs(m.end() - offset), abs(m.start() - end)) + penalty
            if kind not in best or distance < best[kind][0]:
                best[kind] = (distance, m.group(0))
    if not best or min(best, key=lambda k: best[k][0]) == "increment":
        # a batch verb or a day is the weakest cue: a running total or a plan governing
        # the figure outweighs it
        tally = _TALLY.search(body, max(0, offset - _TALLY_REACH), min(len(body), (noun_end or end) + _TALLY_REACH))
        if tally:
            return "cumulative", f"'{tally.group(0)}' in the figure's clause"
        future = _governing_future(body, offset, noun_end or end)
        if future:
            return "target", f"'{future}' governs the figure"
    if not best:
        return "increment", "no cue word: guessed increment (the commonest kind in reporting)"
    order = ["target", "demand", "pledge", "cumulative", "increment", "target-future"]
    kind = min(best, key=lambda k: (best[k][0], order.index(k)))
    if kind == "target" and "increment" in best and best["increment"][0] <= _PAST_REACH \
            and best.get("target-future", (_PAST_REACH + 1, ""))[0] > _PAST_REACH:
        kind = "increment"
    return kind.replace("-future", ""), f"'{best[kind][1]}' near the figure"


def _series(text: str, sentence: tuple[int, int], start: int, end: int, kind: str,
            parties: list[Party]) -> tuple[str | None, str]:
    if len(parties) != 2:
        return None, ""
    after = " ".join(_tokens_after(text, end, 6))
    for party in parties:
        if any(re.search(rf"\b{re.escape(a)}\b", after) for a in party.aliases):
            other = parties[1] if party is parties[0] else parties[0]
            return f"{other.slug}->{party.slug}", f"'{party.slug}' named among those released"
    before = text[sentence[0]:start].lower()
    mentions = sorted(
        (m.start(), party)
        for party in parties for a in party.aliases
        for m in re.finditer(rf"\b{re.escape(a)}\b", before)
    )
    if not mentions:
        return None, "no party named near the figure"
    if kind == "demand":
        # The sentence is about the demanding side: its first party; the demand is for
        # that side's people.
        party = mentions[0][1]
        other = parties[1] if party is parties[0] else parties[0]
        return f"{other.slug}->{party.slug}", f"'{party.slug}' demands its people's release"
    party = mentions[-1][1]
    other = parties[1] if party is parties[0] else parties[0]
    return f"{party.slug}->{other.slug}", f"'{party.slug}' named as the one releasing"


def extract(
    text: str,
    *,
    published: date | None = None,
    parties: list[Party] | None = None,
    config: WordingConfig = DEFAULT_CONFIG,
) -> list[Candidate]:
    """Candidate prisoner figures in ``text``, in order of appearance."""
    matchable, offsets = dehyphenate(text)
    spans = sentences(matchable)
    candidates: list[Candidate] = []
    last_speaker: str | None = None
    for sentence in spans:
        s, e = sentence
        body = matchable[s:e]
        sentence_speaker, _ = _attribution(body, last_speaker)
        for found in find_figures(matchable, s, e, config):
            start, end = found.start, (found.noun_end if found.parts and found.parts[0].role == "compound" else found.end)
            # Cues are read near the figure: a sentence without end costs no more per figure.
            sentence = (max(s, start - _CUE_WINDOW), min(e, end + _CUE_WINDOW))
            body = matchable[sentence[0]:sentence[1]]
            offset = start - sentence[0]
            confidence = 0.85 if found.noun else 0.6
            signals = [found.why]
            kind, kind_reason = _kind(body, offset, end - sentence[0], found.hi is None or found.hi - found.lo > 2 * max(found.lo, 1) * 0.2,
                                      found.noun_end - sentence[0], found.why.startswith("a total in a release context"))
            speaker, speaker_reason = _speaker(matchable, sentence, offset, kind, last_speaker)
            series, series_reason = _series(matchable, sentence, start, end, kind, parties or [])
            dates = _dates(matchable, sentence, published)
            as_of = dates.get("as_of", (None, ""))[0]
            period = dates.get("period_start", (None, ""))[0] if kind == "cumulative" else None
            deadline = dates.get("deadline", (None, ""))[0] if kind in ("target", "pledge", "demand") else None
            signals += [f"kind: {kind_reason}", f"speaker: {speaker_reason}"]
            if series_reason:
                signals.append(f"series: {series_reason}")
            for role, used in (("as_of", as_of), ("period_start", period), ("deadline", deadline)):
                if used is not None:
                    signals.append(f"{role}: {dates[role][1]}")
            if speaker:
                confidence += 0.05
            quote_start, quote_end = _clause(matchable, sentence, start, end)
            span = matchable[start:end]
            # Back to the article's own offsets and characters.
            start, end = offsets[start], offsets[end - 1] + 1
            quote_start, quote_end = offsets[quote_start], offsets[quote_end - 1] + 1
            value = text[start:end]
            if value != span and "-" in value:
                value = span  # a line-break hyphen inside the figure: give it unbroken
            candidates.append(Candidate(
                value=value, lo=found.lo, hi=found.hi, start=start, end=end,
                quote=text[quote_start:quote_end], kind=kind, series=series, speaker=speaker,
                as_of=as_of, period_start=period, deadline=deadline,
                confidence=round(min(confidence, 0.95), 2), reason="; ".join(signals),
                parts=found.parts,
            ))
        if sentence_speaker:
            last_speaker = sentence_speaker
    return candidates


def _clause(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The quote: the sentence, trimmed to the clause around the figure when it is long."""
    s, e = sentence
    if e - s <= 220:
        return s, e
    left = max((m.end() for m in re.finditer(r"[,;:\u2014]\s", text[s:start])), default=0) + s
    right_match = re.search(r"[,;:\u2014](\s|$)", text[end:e])
    right = end + right_match.start() if right_match else e
    return left, right
