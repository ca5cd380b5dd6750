"""Find the figures of people in running text: the one figure finder of ``pxl extract``.

Numbers are read only by the wording grammar (:func:`ledger.wording.match_figure`), so a
figure ``pxl import`` reads is found here with the same interval, and ``--vague`` /
``--tolerance`` apply to both. This module decides which of them count people held or
released (:func:`find_figures`):

- **a people noun follows** (within its noun phrase): the head noun is judged by its form
  (a role or group noun in -ees, -ers, -ists, -ants/-ents, -ians, -men, -ives; a capitalised
  demonym: "Israelis", "Thais", "Sudanese", "Filipino", "Taliban"), by a small core of plain
  words ("people", "hostages", "troops", "civilians"...) and by stems of other languages
  ("prisioneros", "Gefangene", "военнослужащих", "名"); a head that names things ("flights",
  "exchanges", "rounds", "days") rules the figure out even if a people word precedes it
  ("57 prisoner-of-war exchanges");
- **no noun, in a release context**: a total ("bringing the total to 81", "stands at 81",
  "reaches 97"), "another 555", "3 more", a figure followed by "were released", "of them",
  "others", "in 2024", "in total were returned", or a figure that leaves its noun to a
  figure of people before it, in a list or a comparison ("10 prisoners were sent to Russia,
  13 to Germany and three to the US"; "352 prisoners on Friday, after 700 on Thursday").

Never figures: dates ("March 5", "(29)"), years, times, money, percentages, fractions and
what they are fractions of ("two-thirds of the 900"), ages and other hyphenated adjectives
("24-year-old", "15-month"), labels after a name ("channel News 12"), counts of the killed,
wounded or displaced, and sentences that speak of no release, custody or exchange.
"Turned over 55" is the verb "turn over" and 55, not "over 55".

Figures joined without a phrase between them are one **compound** (the sum, with its parts:
"13 Israelis, 10 Thais and one Filipino") within one flow ("40 hostages and 120 prisoners"
go opposite ways: two figures), unless the first is the sum of the rest ("37 prisoners, 5
civil and 32 fishermen": 37, broken down); a total followed by "including", "among them" or
a dashed aside has a **breakdown** ("39, including six women and 33 minors" is 39, with its
parts), and the parts are not figures of their own.

Cost: the text is tokenised once and the grammar is tried only at tokens a few tokens before
a number, on a bounded window, so time grows linearly with the text
(``bench/extract_long.py``); :data:`STEPS` counts the grammar calls for the regression test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import languages
from .wording import (DEFAULT_CONFIG, FIRST_WORDS, Token, WordingConfig, WordingError, match_figure, parse_figure,
                      tokenize)

# Words a figure's noun phrase may not run past: verbs, prepositions, conjunctions.
_STOP = {
    "were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "will", "would", "could",
    "should", "may", "might", "must", "shall", "did", "do", "does", "from", "to", "in", "on", "at",
    "by", "who", "whom", "whose", "that", "which", "and", "or", "but", "with", "for", "as", "into",
    "after", "before", "since", "during", "while", "than", "under", "over", "held", "still", "also",
    "including", "among", "between", "per", "each", "via", "through", "across", "against", "toward",
    "towards", "until", "if", "when", "where", "whereas", "because", "so", "it", "they", "he", "she",
    "we", "this", "these", "those", "its", "their", "his", "her", "our", "earlier", "later", "today",
    "yesterday", "tonight", "tomorrow", "now", "then", "already", "too", "altogether", "overall",
}
# Plain words for people that no suffix rule reaches.
_PEOPLE_WORDS = {
    "people", "persons", "person", "men", "women", "children", "minors", "hostages", "hostage",
    "captives", "troops", "personnel", "members", "citizens", "nationals", "individuals", "pows",
    "bodies", "remains", "taliban", "others", "convicts", "prisoner", "detainee", "inmates", "civilian",
    "soldier", "serviceman", "servicewoman", "fighter", "man", "woman", "child", "boy", "girl", "boys",
    "girls", "teenagers", "youths", "adults", "elderly", "wounded", "sick", "injured", "foreigners",
    "relatives", "ones", "them", "whom", "defenders", "filipino", "filipinos", "thai", "thais",
    "nepalese", "sudanese", "chinese", "lebanese", "servicemembers", "prisoners", "detainees",
    "forces", "rebels", "terrorists", "guards", "police", "staff", "crew", "sailors", "pilots",
    "holder", "holders", "resident", "national", "citizen", "captive", "inmate", "convict", "migrant",
    "victims", "victim",
}
# A word ending in one of these is a compound of a people word: "schoolgirls",
# "schoolchildren", "policewomen", "townspeople".
_PEOPLE_ENDINGS = ("girls", "boys", "children", "women", "people", "folk")
# Containers of the dead count people when the dead are named after them ("two coffins of
# deceased hostages", "two black caskets containing the remains of Israeli soldiers").
_CONTAINERS = {"coffins", "caskets", "coffin", "casket", "body bags"}
_CONTAINED = re.compile(r"\s+(?:of|with|containing|carrying|holding)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?"
                        r"(?:bodies|remains|hostages|soldiers|captives|prisoners|detainees|people|[A-Z]\w+(?:is|ans|ese))\b")
# Heads that count things, not people (a people word before them does not help).
_THING_WORDS = {
    "flight", "flights", "aircraft", "plane", "planes", "airports", "airport", "trucks", "truckloads",
    "truck", "countries", "country", "cities", "city", "day", "days", "week", "weeks", "month",
    "months", "year", "years", "hour", "hours", "minutes", "round", "rounds", "stage", "stages",
    "phase", "phases", "exchange", "exchanges", "swap", "swaps", "batch", "batches", "drones",
    "times", "families", "letters", "centers", "centres", "containers", "numbers", "papers",
    "points", "votes", "seats", "dollars", "euros", "percent", "kilometres", "kilometers", "miles",
    "officials", "ministers", "diplomats", "delegations", "delegates", "negotiators", "mediators",
    "journalists-in", "provinces", "prisons", "camps", "buses", "corps", "brigade",
    "brigades", "division", "divisions", "teams", "sides", "parties", "states", "talks",
    "meetings", "lists", "names", "cases", "sentences", "charges", "attacks", "strikes",
    "operations", "agreements", "deals", "releases", "handovers", "transfers", "stations",
    "channels", "crossings", "ambulances", "hospitals", "shelters", "governorates", "regions",
    "villages", "towns", "homes", "houses", "tons", "tonnes", "meals", "visits", "calls",
    "reports", "articles", "pages", "photos", "videos", "members-strong", "million", "billion",
    "lakh", "crore", "%", "attackers", "gunmen",
}
_PEOPLE_SUFFIX = re.compile(r"(?:ees|ers|ists|ants|ents|ians|eans|ans|men|ives|ites|ese|is|ards|iks|ens|ins)$")
# People nouns of other languages, by stem (German, Spanish, Portuguese, Italian, French,
# Norwegian, Russian, Ukrainian) and the Chinese measure word for people.
_FOREIGN_PEOPLE = re.compile(
    r"^(?:gefangen|häftling|mensch|soldat|geisel|person|zivilist|bürger|staatsbürger|kind|minderjährig|"
    r"freigelassen|prision|pres[oa]s|detenid|rehen|venezolan|norteamerican|estadounidens|ciudadan|migrant|militar|"
    r"soldad|prisioneir|detid|refém|reféns|prigionier|detenut|ostagg|cittadin|détenu|prisonni|otage|"
    r"civil|fange|amerikaner|russer|gisl|politimenn|menneske|sivil|"
    r"военн|пленн|заложник|человек|солдат|защитник|граждан|гражданск|жител|украин|россиян|мирн|"
    r"військов|полонен|захисник|громадян|цивільн|українц|бранц)", re.I)
_CJK_PEOPLE = re.compile(r"^\s*名")
_KILLED = re.compile(
    r"^\s*(?:(?:were|was|have|had|has|been|being|are|reportedly|also|already|now|\w+ly)\s+){0,3}"
    r"(?:killed|dead|died|wounded|injured|displaced|missing|fled|forced to flee|evacuated|martyred|hanged|executed|"
    r"left|who died)\b", re.I)
_KILLED_BEFORE = re.compile(r"\b(?:killing|killed|kill|wounding|injuring|displacing|displaced|death toll of|deaths of)\s+$", re.I)
_RELEASE_CONTEXT = re.compile(
    r"releas|\bfree|freed|freeing|swap|exchang|return|hand(?:ed|s|ing)?\s+(?:over|back)|handover|"
    r"captiv|captur|prison|detain|detention|hostage|abduct|transfer|repatriat|deport|\bheld\b|\bhold|"
    r"pardon|liberat|custody|\bpows?\b|brought back|brought home|come home|came home|home\b|arriv|\blanded\b|"
    r"incarcerat|jail|convict|kidnap|reunit|board|arrest|bodies|remains|moved|"
    # transport and handover: "the plane from Sanaa carried 15 Saudis", "flew 20 home"
    # (not "carried out an attack", "brought charges")
    r"carr(?:y|ies|ied|ying)\b(?!\s+out\b)|\bfl(?:y|ies|ying|ew|own)\b|"
    r"\bbr(?:ing|ings|inging|ought)\b(?!\s+(?:about|up|down|charges|forward)\b)|transport|deliver|"
    r"rescu|recover|seiz|unaccounted|imprison|"
    r"azad|təhvil|kicserél|razmen|zarobljen|întors|izpust|затвор|прехвърл|"
    r"gelandet|\ban bord\b|gefangen|freigelass|freilass|\bfrei\b|austausch|gewechselt|häftling|haft|liberad|intercambi|excarcel|presos|libert|libér|"
    r"devuel|retorn|canje|prision|detenid|fogol|fogság|hadifogoly|captivit|освобо|вернут|верну|возвращ|поверн|передал|"
    r"échange|prigion|rilasci|frigi|løslat|satt fri|обмен|плен|освобод|вернул|повернул|обмін|полон|звільн|交換|釋放|被俘|fange",
    re.I)
_PARTICLE_VERB = re.compile(r"\b(?:hand|hands|handed|handing|turn|turns|turned|turning|pass|passed|passing|sign|signed|signing)\s*$", re.I)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_FOREIGN_MONTHS = (
    "januar|februar|märz|mai|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|"
    "agosto|septiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|juin|juillet|août|"
    "junho|julho|março|fevereiro|janeiro|gennaio|febbraio|luglio|giugno|января|февраля|марта|апреля|"
    "мая|июня|июля|августа|сентября|октября|ноября|декабря|січня|лютого|березня|квітня|травня|"
    "червня|липня|серпня|вересня|жовтня|листопада|грудня|március|martie|日|月"
)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS}|{_FOREIGN_MONTHS})\.?\s*(?:\(|de\s+)?$", re.I)
_DATE_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th|-?е?[- ]?(?:én|го|ого))?\s*(?:de\s+|of\s+)?(?:{_MONTHS}|{_FOREIGN_MONTHS})\b|^\s*(?:日|月)", re.I)
_TIME_OR_UNIT_AFTER = re.compile(
    r"^(?:\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|:\d|%|per\s*cent|percent|km\b|kg\b|th\b|st\b|nd\b|rd\b)"
    r"|[-\u2010\u2011][^\W\d])", re.I)
_MONEY_BEFORE = re.compile(r"[$£€¥₴₽]\s*$|\b(?:usd|us\$|eur|rs\.?)\s*$", re.I)
_FRACTION_BEFORE = re.compile(
    r"\bout\s+of\s+(?:a\s+(?:group|total)\s+of\s+|the\s+|some\s+)?$|"
    r"\b(?:half|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths|percent|per cent|%|majority|most|some|part|many|all|none|each|"
    r"several|few)\s+of\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+)?$", re.I)
_TOTAL_BEFORE = re.compile(
    r"\b(?:total|tally|number|count|figure|toll)\b[^.;:]{0,60}\b(?:to|at|of|is|was|will\s+be|would\s+be|has\s+reached)\s+$"
    r"|\b(?:bring|brings|bringing|brought|raise|raises|raising|raised|rose|rises|rising)\b[^.;:]{0,60}\bto\s+$"
    r"|\b(?:stands?|stood|standing)\s+at\s+$|\b(?:reach|reaches|reached|reaching|totals|totalled|totaled|totalling|numbered)\s+$", re.I | re.M)
# "1,056 in total were returned": a tally adverb between a figure and its verb
_TALLY_ADVERB = r"(?:in\s+total|in\s+all|all\s+told|altogether|overall|so\s+far|to\s+date),?\s+"
_VERB_AFTER = re.compile(
    r"^\s*(?:more\b|others?\b|of\s+(?:them|whom|those)\b|(?:" + _TALLY_ADVERB + r"|\w+\s+)?(?:were|was|have|has|had|are|will|would|is|to)"
    r"\s+(?:also\s+|now\s+|then\s+|already\s+|reportedly\s+|later\s+|not\s+|still\s+)?"
    r"(?:(?:due|set|expected|scheduled)\s+to\s+)?(?:been\s+|be\s+|being\s+)?"
    r"(?:releas|free|freed|return|sent|transferr|swapp|exchang|repatriat|handed|deport|pardon|liberat|brought|flown|taken|captur|detain|held|among|serving"
    r"|in\s+(?:\w+\s+)?(?:captivity|custody|detention|prison|jail))"
    r"|(?:still\s+)?(?:remain|remained|remains)\b|still\s+(?:held|in\s+(?:captivity|custody|detention|prison|jail))\b"
    r"|(?:imprisoned|jailed|incarcerated|detained|held)\b"
    r"|(?:being\s+)?(?:sent|moving|moved|returned|released|freed|transferred|arriving|travelling|traveling|flown|"
    r"heading|handed|repatriated|deported)\b"
    r"|in\s+(?:1[89]|20)\d\d\b)", re.I)
# "including one held for eight years": a part in custody, with no noun of its own
_HELD_AFTER = re.compile(r"\s+(?:held|detained|jailed|imprisoned|serving)\b", re.I)
_CONTEXT_CHARS = 80
# People nouns that are often counted for other reasons ("several senior members of the
# group"): they need a word of release or custody within _CONTEXT_CHARS.
_WEAK_PEOPLE = {"members", "leaders", "representatives", "staff", "workers", "employees", "relatives"}
_OBJECT_BEFORE = re.compile(
    r"\b(?:releas\w*|free|frees|freed|freeing|swap\w*|exchang\w*|return\w*|hand\w*\s+(?:over|back)|"
    r"turn\w*\s+over|demand\w*|repatriat\w*|transferr?\w*|pardon\w*|deport\w*|liberat\w*|receiv\w*|"
    r"(?:release|return|transfer|handover|exchange|freeing|repatriation)\s+of)"
    r"\s+(?:only\s+|just\s+|another\s+|a\s+further\s+|the\s+remaining\s+)?[\"“]?$", re.I | re.M)
_FORMULA = re.compile(r"\s*[-\u2010\u2011]?\s*(?:for|на|за|por|für|pour)\s*[-\u2010\u2011]?\s*(\d+)\b", re.I)
_ENGLISH = re.compile(r"\b(?:the|and|of|to|was|were|in|on|has|have|with|from)\b", re.I)
_GROUP_BEFORE = re.compile(
    r"\b(?:among\s+them|of\s+them|of\s+whom|(?:out\s+)?of\s+which|out\s+of\s+whom|among\s+the|among\s+those|(?:group|batch|total)\s+of)\s*,?\s*$", re.I | re.M)
# What may stand between a figure of people and a later figure that leaves its noun to
# it: a list ("13 to Germany and three to the US") or a comparison or sequence ("352
# prisoners were exchanged on Friday, after more than 700 on Thursday").
_ELLIPSIS_BEFORE = re.compile(
    r"(?m)(?:,|\band|\bwhile|\bwith|\bafter|\bbefore|\bfollowing|\bthan|\bcompared\s+(?:with|to)|\bagainst"
    r"|\bversus|\bvs\.?|\bplus|\bbesides)\s*$", re.I)
_ELLIPSIS_AFTER = re.compile(r"^\s*(?:to|in|on|from|at|for|arriving|travelling|traveling|being|went|going|returned|were|was|aboard|into)\b", re.I)
_BREAKDOWN = re.compile(r"\b(?:including|among them|among whom|of whom|darunter|unter ihnen|incluidos|incluyendo|entre ellos|dont|blant dem)\s+|\s*[\u2013\u2014]\s*(?:including\s+|among\s+them\s+)?|^\s+-{1,2}\s+", re.I)
_SEPARATOR = re.compile(r"^\s*(?:,\s*as well as|,\s*and|as well as|,|and|&|und|y|e|et|og|и|і|та)\s+(?=\S)", re.I)
# Inside a breakdown both sides of a swap are parts of its total: "1,080 prisoners,
# including 681 Houthis in exchange for 381 people, 15 Saudis and four Sudanese".
_PART_SEPARATOR = re.compile(_SEPARATOR.pattern + r"|^\s*,?\s*in\s+(?:exchange|return)\s+for\s+(?=\S)", re.I)

STEPS = [0]  # tokens handed to the grammar, for the test that the finder stays linear

MAX_FIGURE_TOKENS = 24  # a figure's wording ("between four thousand ... and five thousand") fits


@dataclass(frozen=True)
class Part:
    """One part of a compound or breakdown: its wording (with its noun), interval and role."""

    value: str
    lo: int
    hi: int | None
    role: str  # "compound" or "breakdown"


@dataclass(frozen=True)
class FoundFigure:
    """A figure of people at ``[start, end)`` of the text searched (the wording, without its
    noun); ``noun`` the noun phrase after it (None for a total without one); ``why`` says what
    made it a figure of people; ``parts`` the compound's or breakdown's parts."""

    start: int
    end: int
    lo: int
    hi: int | None
    noun: str | None
    why: str
    parts: tuple[Part, ...] = ()
    noun_end: int = 0


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    lo: int
    hi: int | None
    filler: str  # the leading word of the wording ("another", "the"), lower case
    after: int  # index of the first token after the wording
    partitive: bool = False  # "13 of the 16": the wording ends with a reference
    number_start: int = 0  # where its number begins ("the bodies of 360": at 360)


def _is_numeric(token: Token, text: str) -> bool:
    """Whether ``token`` of ``text`` is a number: digits, an English number word, or a
    number word of another language where the words around it are not English."""
    if token.kind == "num":
        return True
    if token.kind != "word":
        return False
    return _NUMERIC_WORD.match(token.text) is not None or languages.is_foreign_number_word(
        token.text, text[max(0, token.start - _CONTEXT):token.end + _CONTEXT])


_CONTEXT = 80  # characters either side of a word that tell its language


_NUMERIC_WORD = re.compile(
    r"^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|million|dozen|dozens|hundreds|thousands|several|few|couple|tens)(?:-\w+)?$")


def _match_at(text: str, tokens: list[Token], i: int, config: WordingConfig) -> _Match | None:
    window = tokens[i:i + MAX_FIGURE_TOKENS]
    STEPS[0] += len(window)
    found = match_figure(text, tokens[i].start, config, tokens=window)
    if found is None:
        return None
    j = i
    while j < len(tokens) and tokens[j].start < found.end:
        j += 1
    number = next((k for k in range(i, j) if _is_numeric(tokens[k], text) or tokens[k].text in ("a", "an")
                   and k + 1 < j and _is_numeric(tokens[k + 1], text)), None)
    if number is None:
        return None  # framing without a number of its own
    interval = found.figure.interval
    return _Match(found.start, found.end, interval.lo, interval.hi, tokens[i].text, j,
                  found.figure.reference is not None, tokens[number].start)


def _noun_phrase(text: str, tokens: list[Token], j: int) -> tuple[int, list[Token]]:
    """The words of the noun phrase starting at token j (up to five, stopping at a verb,
    preposition, punctuation or number): (index after it, its word tokens)."""
    words: list[Token] = []
    k = j
    if k < len(tokens) and tokens[k].text == "of":  # "hundreds of prisoners", "157 of its POWs"
        k += 1
        while k < len(tokens) and tokens[k].text in ("the", "its", "their", "them", "whom", "those", "these"):
            if tokens[k].text in ("them", "whom", "those"):
                return k + 1, [tokens[k]]
            k += 1
    while k < len(tokens) and len(words) < 5:
        token = tokens[k]
        if token.text in ("[", "]"):  # "104 former [Houthi] detainees"
            k += 1
            continue
        if token.kind != "word" or token.text in _STOP or _is_numeric(token, text):
            if token.kind == "word" and token.text == "of" and k + 1 < len(tokens) and tokens[k + 1].text == "war":
                k += 2  # "prisoners of war"
                continue
            if token.text == "and" and words and k + 2 < len(tokens) and _adjective_pair(text, words[-1], tokens[k + 1], tokens[k + 2]):
                k += 1  # "foreign and Filipino hostages": two adjectives of one noun
                continue
            break
        words.append(token)
        k += 1
    return k, words


def _adjective_pair(text: str, left: Token, right: Token, after: Token) -> bool:
    """Whether "LEFT and RIGHT AFTER" joins two adjectives of one noun: neither side is a
    noun of known class or a number, and a people noun follows the second."""
    return (right.kind == "word" and after.kind == "word" and right.text not in _STOP
            and not _is_numeric(right, text) and _word_class(text, left) is None
            and _word_class(text, right) != "thing" and _word_class(text, after) == "people")


def _word_class(text: str, token: Token) -> str | None:
    """'people', 'thing' or None (unknown) for one word of a noun phrase."""
    word = token.text.strip(".'’")
    if word in _THING_WORDS or word.split("-")[-1] in _THING_WORDS:
        return "thing"
    if word in _PEOPLE_WORDS or word.split("-")[-1] in _PEOPLE_WORDS:
        return "people"
    if word.endswith(_PEOPLE_ENDINGS) and word.isalpha():
        return "people"
    if word in _CONTAINERS:
        return "people" if _CONTAINED.match(text, _end_of(text, token)) else "thing"
    if _FOREIGN_PEOPLE.match(word):
        return "people"
    if word.isascii() and len(word) > 3 and _PEOPLE_SUFFIX.search(word) and not word.endswith(("ss", "us")):
        capital = text[token.start].isupper()
        if capital or word.endswith(("ees", "ers", "ists", "ants", "ents", "ians", "men", "ives")):
            return "people"
    return None


def _noun_class(text: str, words: list[Token]) -> tuple[str | None, int]:
    """The noun phrase's class and the index of its head: the first word whose class is
    known, a singular people word before another word being a modifier ("prisoner
    exchanges", "hostage deal"); a capitalised adjective of nationality alone ("32 Armenian,
    2 Azerbaijani soldiers") counts people."""
    for index, token in enumerate(words):
        cls = _word_class(text, token)
        if cls is None:
            continue
        if cls == "people" and index + 1 < len(words) and (not token.text.endswith("s") or "-" in token.text) \
                and _word_class(text, words[index + 1]) is not None:
            continue  # a modifier: "prisoner exchanges", "maps-for-detainees deals"
        return cls, index
    if words:
        last = words[-1]
        if text[last.start].isupper() and re.search(r"(?:an|ani|ian|ese|i|ish|ch)$", last.text):
            return "people", len(words) - 1
    return None, len(words) - 1


def _excluded(text: str, start: int, end: int, lo: int, hi: int | None, sentence_start: int) -> str | None:
    """Why the number at [start, end) is not a count of people, or None."""
    before = text[max(sentence_start, start - 40):start]
    after = text[end:end + 40]
    raw = text[start:end]
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
        return "a date"
    if re.fullmatch(r"(?:1[89]|20)\d\d", raw.strip()) or re.fullmatch(r"(?:1[89]|20)\d\ds?", raw.strip()):
        return "a year"
    if re.search(r"\(\s*$", before) and re.match(r"\s*\)", after) and re.fullmatch(r"\d{1,2}", raw.strip()):
        return "a day in parentheses"
    if _TIME_OR_UNIT_AFTER.match(after) or re.search(r"\d[:.]\s*$", before):
        return "a time, unit or hyphenated adjective"
    if _MONEY_BEFORE.search(before):
        return "money"
    if _FRACTION_BEFORE.search(before) or re.search(r"[-\u2010\u2011]\s*$", before) and re.search(r"\w[-\u2010\u2011]$", before):
        return "a part of something else"
    if _KILLED_BEFORE.search(before):
        return "a count of the killed or wounded"
    return None


def _killed_before(text: str, match: "_Match", sentence_start: int) -> bool:
    """A verb of killing or the whole of a part before the figure's whole wording: "killing
    some 1,200 people", "out of a group of more than 200"."""
    before = text[max(sentence_start, match.start - 40):match.start]
    return bool(_KILLED_BEFORE.search(before) or _FRACTION_BEFORE.search(before))


def find_figures(text: str, start: int = 0, end: int | None = None,
                 config: WordingConfig = DEFAULT_CONFIG) -> list[FoundFigure]:
    """Figures of people in ``text[start:end]`` (one sentence), in order; see the module."""
    end = len(text) if end is None else end
    body = text[start:end]
    if not _RELEASE_CONTEXT.search(body):
        return []
    tokens = tokenize(text, start, end)
    # Index of the next numeric token at or after each token (one backward pass).
    next_numeric = [len(tokens)] * (len(tokens) + 1)
    for i in range(len(tokens) - 1, -1, -1):
        next_numeric[i] = i if _is_numeric(tokens[i], text) or tokens[i].text in ("a", "an") and i + 1 < len(tokens) and _is_numeric(tokens[i + 1], text) else next_numeric[i + 1]
    found: list[FoundFigure] = []
    vague_first = {word.split()[0] for word in config.vague}
    i = 0
    people_seen = False
    while i < len(tokens):
        if next_numeric[i] - i > 4:
            i = next_numeric[i] - 4 if next_numeric[i] < len(tokens) else len(tokens)
            continue
        token = tokens[i]
        if not (_is_numeric(token, text) or token.text in FIRST_WORDS or token.text in vague_first):
            i += 1
            continue
        if token.text == "over" and _PARTICLE_VERB.search(text[max(start, token.start - 20):token.start]):
            i += 1
            continue
        match = _match_at(text, tokens, i, config)
        if match is None:
            i += 1
            continue
        of = next((k for k in range(i + 1, match.after) if tokens[k].text == "of"), None) if match.partitive else None
        if of is not None:
            # "13 of the 16 individuals" is 13, the 16 its reference (as the grammar reads
            # it); "one of three hostages" names one of them: the three are the figure.
            if text[match.start:tokens[of - 1].end].lower() in ("one", "a", "an"):
                i = of + 1
                continue
            _, words = _noun_phrase(text, tokens, match.after)
            if _noun_class(text, words)[0] == "people" \
                    and not _excluded(text, match.start, tokens[of - 1].end, match.lo, match.hi, start):
                found.append(FoundFigure(match.start, match.end, match.lo, match.hi, None,
                                         "a part of a figure of people (N of M)", (), match.end))
                people_seen = True
            i = match.after
            continue
        formula_end = _formula_end(text, match)
        if formula_end is not None:
            # "the 500-for-500 deal", "по формуле 300 на 300": each side's number
            found.append(FoundFigure(match.start, formula_end, match.lo, match.hi, None,
                                     "a formula of N for N: each side's number", (), formula_end))
            i = _token_after(tokens, formula_end, match.after)
            continue
        figure = _judge(text, tokens, match, start, people_seen, found)
        if figure is None:
            i = max(match.after, i + 1)
            continue
        figure, i = _attach(text, tokens, figure, match, start, config)
        found.append(figure)
        people_seen = True
    return found


def _formula_end(text: str, match: _Match) -> int | None:
    """Where "N-for-N" ("N на N") ends when the figure begins one (the grammar may have read
    it whole), else None."""
    lead = re.match(r"\d+", text[match.number_start:match.end])
    if match.lo != match.hi or lead is None or int(lead.group()) != match.lo:
        return None
    formula = _FORMULA.match(text, match.number_start + lead.end())
    if formula is None or int(formula.group(1)) != match.lo:
        return None
    return max(formula.end(), match.end)


def _judge(text: str, tokens: list[Token], match: _Match, sentence_start: int, people_seen: bool,
           found: list[FoundFigure]) -> FoundFigure | None:
    if _excluded(text, match.number_start, match.end, match.lo, match.hi, sentence_start) \
            or _killed_before(text, match, sentence_start):
        return None
    k, words = _noun_phrase(text, tokens, match.after)
    noun_end = tokens[k - 1].end if k > match.after else match.end
    after = text[match.end:match.end + 60]
    # Cues before the figure are read before its wording ("has freed more than 4,400") and
    # before its number ("the bodies of 360", when the grammar took "the bodies of" in).
    before = text[max(sentence_start, match.start - 80):match.start]
    if match.number_start != match.start:
        before += "\n" + text[max(sentence_start, match.number_start - 80):match.number_start]
    if text[match.start:match.end].strip().lower() in ("one", "a", "an") and re.match(r"\s+of\s", after):
        return None  # "one of the civilians": an individual of a group, not a count
    cls, head = _noun_class(text, words)
    if words:
        noun_end = _of_war(text, _end_of(text, words[head]))
    if _CJK_PEOPLE.match(after):
        cls, noun_end = "people", match.end + after.index("名") + 1
    if cls == "thing":
        return None
    if cls == "people":
        if _KILLED.match(text[noun_end:noun_end + 40]) and not re.search(r"(?m)\b(?:bodies|remains)\s+of\s+(?:the\s+)?$", before):
            return None
        head_word = words[head].text if words else ""
        if head_word in _WEAK_PEOPLE and not _RELEASE_CONTEXT.search(
                text[max(sentence_start, match.start - _CONTEXT_CHARS):noun_end + _CONTEXT_CHARS]):
            return None  # "several senior members of the group": people, but not held or freed
        noun = text[tokens[match.after].start:noun_end] if words else text[match.end:noun_end].strip()
        return FoundFigure(match.start, match.end, match.lo, match.hi, noun or None, f"'{noun}' counts people", (), noun_end)
    if words and cls is None and re.search(r"\d", text[match.start:match.end]) and \
            len(_ENGLISH.findall(text[sentence_start:sentence_start + 300])) < 2 and not _KILLED.match(after):
        # Not English: a figure in digits before a noun, in a sentence of release or custody
        # (the grammar reads digits in any language, not other languages' number words).
        noun = text[tokens[match.after].start:_end_of(text, words[-1])]
        return FoundFigure(match.start, match.end, match.lo, match.hi, noun,
                           "a figure in digits before a noun, in a sentence of release not in English",
                           (), _end_of(text, words[-1]))
    if words and not text[words[0].start].isupper() and not (words[0].text.endswith("ly")):
        # an unknown noun after the figure: a count of something else
        if not _VERB_AFTER.match(after):
            return None
    if re.search(r"[A-Z][\w.]*\s+\Z", before) and not re.search(r"(?:\A|\n|[.!?\"“]\s*)[A-Z][\w.]*\s+\Z", before) and not words:
        if match.filler not in ("another", "a", "further") and not _TOTAL_BEFORE.search(before):
            return None  # a label after a name: "channel News 12", "Resolution 2334"
    if _TOTAL_BEFORE.search(before):
        why = "a total in a release context"
    elif _OBJECT_BEFORE.search(before):
        why = "the object of a verb of release"
    elif _GROUP_BEFORE.search(before):
        why = "a part or group of people in a release context"
    elif match.filler in ("another", "further", "additional") or re.match(r"\s+more\b", after) \
            or re.search(r"\b(?:another|a\s+further)\s+\Z", before):
        why = "'another'/'more' in a release context"
    elif _VERB_AFTER.match(after):
        why = "the sentence says what happened to them"
    elif people_seen and _ELLIPSIS_AFTER.match(after) and _ELLIPSIS_BEFORE.search(before):
        why = "its noun left to a figure of people before it (a list or comparison)"
    else:
        return None
    if _KILLED.match(after):
        return None
    return FoundFigure(match.start, match.end, match.lo, match.hi, None, why, (), match.end)


def _attach(text: str, tokens: list[Token], figure: FoundFigure, match: _Match, sentence_start: int,
            config: WordingConfig) -> tuple[FoundFigure, int]:
    """Extend a figure by the compound parts that follow it, or give it the breakdown that
    follows it; returns the figure and the token index to continue from."""
    k = _token_after(tokens, figure.noun_end, match.after)
    parts: list[Part] = []
    # compound: "13 Israelis, 10 Thais and one Filipino"
    compound = [figure]
    while figure.noun is not None and k < len(tokens):
        last = compound[-1]
        sep = _SEPARATOR.match(text[last.noun_end:last.noun_end + 24])
        if sep is None:
            break
        at = last.noun_end + sep.end()
        n = _token_after(tokens, at, k)
        if n >= len(tokens) or not _is_numeric(tokens[n], text) and tokens[n].text not in ("a", "an", "another", "one") \
                and (tokens[n].text not in FIRST_WORDS or tokens[n].text == "the"):
            break
        part_match = _match_at(text, tokens, n, config)
        if part_match is None or _excluded(text, part_match.start, part_match.end, part_match.lo, part_match.hi, sentence_start):
            break
        m, words = _noun_phrase(text, tokens, part_match.after)
        cls, head = _noun_class(text, words)
        if cls != "people":
            break
        noun_end = _of_war(text, _end_of(text, words[head]))
        compound.append(FoundFigure(part_match.start, part_match.end, part_match.lo, part_match.hi,
                                    text[tokens[part_match.after].start:noun_end], "part", (), noun_end))
        k = m
    kept = _one_flow(text, compound)
    if len(kept) < len(compound):
        compound, k = kept, _token_after(tokens, kept[-1].noun_end, match.after)
    if len(compound) > 2 and _sums_to_first(compound):
        # "37 Pakistani prisoners, 5 civil prisoners and 32 fishermen": the first is the
        # total of the rest, an appositive breakdown, not a third of a sum
        first = compound[0]
        parts = [Part(text[p.start:p.noun_end], p.lo, p.hi, "breakdown") for p in compound[1:]]
        figure = FoundFigure(first.start, first.end, first.lo, first.hi, first.noun,
                             first.why + f"; with a breakdown of {len(parts)}", tuple(parts), first.noun_end)
        return figure, _token_after(tokens, compound[-1].noun_end, k)
    lo = sum(p.lo for p in compound)
    hi = None if any(p.hi is None for p in compound) else sum(p.hi for p in compound)  # type: ignore[misc]
    if len(compound) > 1 and _grammar_reads(text[compound[0].start:compound[-1].noun_end], lo, hi, config):
        first = compound[0]
        parts = [Part(text[p.start:p.noun_end], p.lo, p.hi, "compound") for p in compound]
        figure = FoundFigure(first.start, compound[-1].noun_end, lo, hi, first.noun,
                             f"a compound of {len(parts)} parts", tuple(parts), compound[-1].noun_end)
        return figure, _token_after(tokens, figure.noun_end, k)
    # breakdown: "39, including six women and 33 minors", "157 Ukrainians – seven of them civilians –"
    window = text[figure.noun_end:min(figure.noun_end + 100, tokens[-1].end)]
    keyword = _BREAKDOWN.search(window)
    if keyword and not re.search(r"\d|;|\bwhile\b|\bbut\b", window[:keyword.start()]):
        at = figure.noun_end + keyword.end()
        j = k
        while True:
            n = _token_after(tokens, at, j)
            if n >= len(tokens):
                break
            part_match = _match_at(text, tokens, n, config)
            if part_match is None or _excluded(text, part_match.start, part_match.end, part_match.lo,
                                               part_match.hi, sentence_start):
                break
            m, words = _noun_phrase(text, tokens, part_match.after)
            cls, head = _noun_class(text, words)
            if cls == "thing" or (cls is None and not re.match(r"\s+(?:who|of them|of whom)\b", text[part_match.end:part_match.end + 12])
                                  and not _HELD_AFTER.match(text[part_match.end:part_match.end + 30])):
                break
            noun_end = _end_of(text, words[head]) if cls == "people" else part_match.end
            parts.append(Part(text[part_match.start:noun_end], part_match.lo, part_match.hi, "breakdown"))
            j = _token_after(tokens, noun_end, m)
            sep = _PART_SEPARATOR.match(text[noun_end:noun_end + 24])
            if sep is None:
                break
            at = noun_end + sep.end()
        if parts:
            figure = FoundFigure(figure.start, figure.end, figure.lo, figure.hi, figure.noun,
                                 figure.why + f"; with a breakdown of {len(parts)}", tuple(parts), figure.noun_end)
            return figure, j
    return figure, max(k, match.after)


# Who holds people decides the flow they are in: hostages and captives are held by a group,
# prisoners and detainees by a state, and an exchange sends them opposite ways.
_HELD_BY_GROUP = re.compile(r"^(?:hostages?|captives?|abductees?|kidnapp\w+)$")
_HELD_BY_STATE = re.compile(r"^(?:prisoners?|detainees?|inmates?|convicts?)$")


def _custody(noun: str | None) -> str | None:
    words = re.findall(r"[\w-]+", (noun or "").lower())
    for word in reversed(words):
        if _HELD_BY_GROUP.match(word):
            return "group"
        if _HELD_BY_STATE.match(word):
            return "state"
    return None


def _one_flow(text: str, compound: list[FoundFigure]) -> list[FoundFigure]:
    """The compound's leading parts that are in one flow: it stops before a part held by the
    other kind of captor ("40 hostages and 120 prisoners" are two flows of an exchange)."""
    custody = _custody(compound[0].noun)
    for index, part in enumerate(compound[1:], 1):
        other = _custody(part.noun)
        if custody and other and other != custody:
            return compound[:index]
        custody = custody or other
    return compound


_APPOSITIVE_MIN = 10  # below it a sum of the rest is as likely a coincidence ("three policemen, one soldier and two civilians")


def _sums_to_first(compound: list[FoundFigure]) -> bool:
    first, rest = compound[0], compound[1:]
    return (first.lo == first.hi and first.lo >= _APPOSITIVE_MIN and all(p.lo == p.hi for p in rest)
            and first.lo == sum(p.lo for p in rest))


def _grammar_reads(wording: str, lo: int, hi: int | None, config: WordingConfig) -> bool:
    """Whether import reads ``wording`` as [lo, hi]: a compound is proposed only then
    ("1 released and 1 News Israelis" is not one: import refuses 'News')."""
    try:
        interval = parse_figure(wording, config).interval
    except WordingError:
        return False
    return (interval.lo, interval.hi) == (lo, hi)


def _of_war(text: str, end: int) -> int:
    """"prisoners of war": the noun phrase ends after "of war"."""
    more = re.match(r"\s+of\s+war\b", text[end:end + 12], re.I)
    return end + more.end() if more else end


def _end_of(text: str, token: Token) -> int:
    """A word's end without the sentence's full stop the tokeniser keeps on it."""
    return token.end - 1 if text[token.end - 1] == "." else token.end


def _token_after(tokens: list[Token], offset: int, hint: int) -> int:
    k = max(0, min(hint, len(tokens)))
    while k > 0 and tokens[k - 1].start >= offset:
        k -= 1
    while k < len(tokens) and tokens[k].start < offset:
        k += 1
    return k
