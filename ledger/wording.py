"""Read the wording of a stated figure ("more than four thousand") as an integer interval.

This is the one grammar of the project: ``pxl record``, ``pxl import`` and the extractor
all call it. It never guesses: wording it does not know is a :class:`WordingError` that
names the wording, what was not understood and, where there is one, the closest accepted
form. ``docs/grammar.md`` is its reference; ``pxl wording`` prints its table.

The grammar, as one grammar (case-insensitive)::

    value     := part ((',' | 'and' | ', and' | '&' | 'as well as') part)*
    part      := filler* (vague | qualifier? quantity suffix? | range) 'more'? partitive?
                 noun-phrase? trailing*
    range     := quantity ('-' | 'to') quantity | 'between' quantity 'and' quantity
                 | 'from' quantity 'to' quantity        (a scale on the second is shared)
    partitive := 'of' filler* quantity                  (kept as the reference)
    quantity  := digits ('K')? scale*  |  number-words scale*  |  'a'/'an' scale+
                 | 'a couple' 'of'? scale+              (about 2 x scale)
    scale     := hundred | thousand | million | billion | dozen | lakh | crore
                 | a scale word of another language or an abbreviation (ألف, тыс., mln, 万)

A noun phrase is any run of words without numbers, in any language ("Thai citizens",
"prisoners of war", "ตัวประกัน"): it is kept and does not change the figure. The parts of
a compound ("13 Israelis, 10 Thais and one Filipino") each need one; the value is the sum
of the parts' intervals and the parts are kept. English number words are read by
``text2num``; digits are any Unicode decimal digits with the separators of
:func:`read_digits`.

``round`` is Python's ``round`` (half to even), as written in the SPEC, and ``t`` is the
approximation tolerance (0.10 unless configured).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping, NamedTuple

from text_to_num import text2num

from . import languages

DEFAULT_TOLERANCE = 0.10
MAX_COUNT = 10_000_000_000  # more people than live on Earth: a typo, not a figure
MAX_WORDING_CHARS = 1_000  # a wording longer than this is not a figure's wording
_MAX_DIGITS = 14

DEFAULT_VAGUE: Mapping[str, tuple[int, int]] = MappingProxyType(
    {
        "dozens": (24, 99),
        "several dozen": (24, 99),
        "hundreds": (200, 999),
        "several hundred": (200, 999),
        "thousands": (2000, 9999),
        "several thousand": (2000, 9999),
        "tens of thousands": (20000, 99999),
        "hundreds of thousands": (200000, 999999),
        "millions": (2_000_000, 9_999_999),
        "several": (3, 9),
        "a few": (2, 5),
    }
)


class WordingError(ValueError):
    """The wording of a figure could not be read; ``wording`` is the text as given."""

    def __init__(self, wording: str, reason: str):
        self.wording = wording
        self.reason = reason
        super().__init__(f"cannot read the figure {wording!r}: {reason}")


@dataclass(frozen=True, slots=True)
class Interval:
    """An integer interval ``[lo, hi]``; ``hi is None`` means no upper bound."""

    lo: int
    hi: int | None

    def __post_init__(self) -> None:
        if self.lo < 0:
            raise ValueError(f"interval lower bound {self.lo} is negative")
        if self.hi is not None and self.hi < self.lo:
            raise ValueError(f"interval [{self.lo}, {self.hi}] is empty")

    def __str__(self) -> str:
        if self.hi == self.lo:
            return f"{self.lo:,}"
        hi = "open" if self.hi is None else f"{self.hi:,}"
        return f"[{self.lo:,}, {hi}]"


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a compound figure ("10 Thais"), or the reference M of "N of M"."""

    wording: str
    lo: int
    hi: int | None

    def as_dict(self) -> dict:
        return {"wording": self.wording, "lo": self.lo, "hi": self.hi}


@dataclass(frozen=True, slots=True)
class Figure:
    """A read wording: its interval, the parts of a compound (empty for a single figure),
    the reference of a partitive ("of 1,000") and the noun phrase (of a single figure)."""

    interval: Interval
    parts: tuple[Part, ...] = ()
    reference: Part | None = None
    noun: str | None = None


@dataclass(frozen=True, eq=False)
class WordingConfig:
    """The configurable part of the grammar: tolerance of approximations, vague plurals,
    and the decimal convention (None: a dot or comma before exactly three digits is
    ambiguous unless it is a comma of English grouping; True: ``12.000`` is twelve
    thousand and ``1,5`` one and a half; False: ``12.000`` is twelve)."""

    tolerance: float = DEFAULT_TOLERANCE
    vague: Mapping[str, tuple[int, int]] = field(default_factory=lambda: DEFAULT_VAGUE)
    decimal_comma: bool | None = None
    date_order: str | None = None  # "dmy" or "mdy": how NN/NN/YYYY reads when both orders are possible

    def __post_init__(self) -> None:
        if not 0 <= self.tolerance < 1:
            raise ValueError(f"tolerance must be in [0, 1), not {self.tolerance}")
        for word, (lo, hi) in self.vague.items():
            if not 0 <= lo <= hi <= MAX_COUNT:
                raise ValueError(f"vague wording {word!r} has an empty or impossible range {lo}-{hi}")
        if self.date_order not in (None, "dmy", "mdy"):
            raise ValueError(f"date order must be dmy or mdy, not {self.date_order!r}")
        object.__setattr__(
            self, "_key", (self.tolerance, tuple(sorted(self.vague.items())), self.decimal_comma, self.date_order))
        object.__setattr__(self, "_vague_words", _vague_table(self.vague))

    # Hashable by value, so parsed wordings can be cached per configuration.
    def __hash__(self) -> int:
        return hash(self._key)  # type: ignore[attr-defined]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WordingConfig) and self._key == other._key  # type: ignore[attr-defined]

    def with_vague(self, overrides: Mapping[str, tuple[int, int]]) -> "WordingConfig":
        merged = dict(self.vague)
        merged.update({_normalise_key(k): v for k, v in overrides.items()})
        return WordingConfig(self.tolerance, MappingProxyType(merged), self.decimal_comma, self.date_order)

    def with_decimal_comma(self, decimal_comma: bool | None) -> "WordingConfig":
        return WordingConfig(self.tolerance, self.vague, decimal_comma, self.date_order)

    def with_date_order(self, date_order: str | None) -> "WordingConfig":
        return WordingConfig(self.tolerance, self.vague, self.decimal_comma, date_order)


def _normalise_key(text: str) -> str:
    return " ".join(text.casefold().split())


def _vague_table(vague: Mapping[str, tuple[int, int]]) -> tuple[tuple[tuple[str, ...], tuple[int, int]], ...]:
    return tuple(sorted(((tuple(_normalise_key(k).split()), v) for k, v in vague.items()),
                        key=lambda item: -len(item[0])))


DEFAULT_CONFIG = WordingConfig()

# --- tokens -------------------------------------------------------------------------------

_SPACES = " \u00a0\u202f\u2009"  # a space, no-break, narrow no-break and thin space
_APOSTROPHES = "'\u2019"  # Swiss grouping, as the ICRC prints it: 1'056
_WORD_CHARS = r"[^\s\d.,;:()\[\]{}\"\u201c\u201d\u00ab\u00bb<>=\u2265\u2264~\u2248+\-\u2010-\u2015\u2212!?/&\u060c]"
# 余, 多, 여 ("more than") only before a scale, a people classifier or the end of the word:
# "5여자" is five women, not more than five.
_CJK_MORE = (rf"[{languages.CJK_MORE}](?=[{languages.CJK_SCALES}{languages.CJK_PEOPLE}]|[\s.,;:!?)\]]|$)")
_TOKEN = re.compile(
    rf"(?P<num>\d+(?:(?:[.,\u066b\u066c]|[{_SPACES}{_APOSTROPHES}](?=\d{{3}}(?!\d)))\d+)*)"
    r"|(?P<sym>>=|<=|\u2265|\u2264|>|<|~|\u2248|\+|&)"
    r"|(?P<dash>[-\u2010-\u2015\u2212])"
    r"|(?P<comma>[,;\u060c])"
    rf"|(?:(?<=\d)|(?<=\d[{_SPACES}]))(?P<cjk>(?:[{languages.CJK_SCALES}]+|(?={_CJK_MORE}))(?:{_CJK_MORE}[{languages.CJK_SCALES}]*)?)"
    rf"|(?P<word>{_WORD_CHARS}+(?:[-\u2010\u2011]{_WORD_CHARS}+)*\.?)"
    r"|(?P<punct>\S)"
)


class Token(NamedTuple):
    kind: str  # num, sym, dash, comma, word, punct
    text: str  # word: case-folded, a final dot dropped
    start: int
    end: int
    spaced: bool  # whitespace before it


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]`` with their offsets in ``text``."""
    tokens = []
    previous = start
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        kind = match.lastgroup or "punct"
        raw = match.group()
        if kind == "cjk":  # a run of scales ("5千万", "3백만"): one word each, multiplied
            spaced = match.start() > previous
            for at, char in enumerate(raw, match.start()):
                tokens.append(Token("word", char, at, at + 1, spaced and at == match.start()))
            previous = match.end()
            continue
        if kind == "word":
            raw = raw.casefold().rstrip(".") if raw != "." else raw
            pieces = re.split(r"[-\u2010\u2011]", raw)
            if len(pieces) > 1 and all(p in _NUMBER_WORDS for p in pieces):
                tokens.extend(_number_word_pieces(raw, pieces, match.start(), match.start() > previous))
                previous = match.end()
                continue
            odd = re.search(r"[-\u2010\u2011]odd$", raw)
            if odd and len(raw) > 4:  # "hundred-odd": the number, then its suffix
                at = match.start() + odd.start()
                tokens.append(Token(kind, raw[:odd.start()], match.start(), at, match.start() > previous))
                tokens.append(Token("dash", "-", at, at + 1, False))
                tokens.append(Token(kind, "odd", at + 1, at + 4, False))
                previous = match.end()
                continue
        tokens.append(Token(kind, raw, match.start(), match.end(), match.start() > previous))
        previous = match.end()
    return tokens


def _number_word_pieces(raw: str, pieces: list[str], at: int, spaced: bool) -> list[Token]:
    """"twenty-four" stays one word; "one-two thousand" is a range: one, dash, two."""
    tokens, offset = [], at
    current = pieces[0]
    for piece in pieces[1:]:
        if (current in _TENS_WORDS and piece in _UNIT_ORDER[1:]) or piece in _WORD_SCALES:
            # "twenty-four", "two-hundred": one number; "one-two": a range
            current += "-" + piece
            continue
        tokens.append(Token("word", current, offset, offset + len(current), spaced))
        offset += len(current)
        tokens.append(Token("dash", "-", offset, offset + 1, False))
        offset, current, spaced = offset + 1, piece, False
    tokens.append(Token("word", current, offset, offset + len(current), spaced))
    return tokens


# --- number forms ---------------------------------------------------------------------------

_UNIT_WORDS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
}
_UNIT_ORDER = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS_WORDS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
_WORD_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_EXTRA_SCALES = {"dozen": 12, "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
                 **dict.fromkeys(languages.DOZEN_WORDS, 12)}
_SCALES = {**_WORD_SCALES, **_EXTRA_SCALES}
# Not counts of people: a percentage ("50 per cent"), an ordinal ("50th", "5º"), a date.
_PERCENT = tuple(tuple(p.split()) for p in (
    "percent", "per cent", "pct", "per mille", "por ciento", "pour cent", "prozent", "per cento",
    "por cento", "procent", "procento", "процент", "процентов", "процента", "відсотків", "відсотки"))
_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th", "\u00ba", "\u00aa", "e", "er", "\u00e8me", "eme", "te", "ten"}
_DATE = re.compile(r"(?:\d{4}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])"
                   r"|(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2])[/.]\d{4})(?!\d)")
# vague plurals that are also scales: "dozens of thousands" multiplies by 1,000
_SCALE_PLURALS = {"hundreds": 100, "thousands": 1_000, "millions": 1_000_000}
_NUMBER_WORDS = _UNIT_WORDS | set(_WORD_SCALES)


def _is_number_word(word: str) -> bool:
    return all(piece in _NUMBER_WORDS for piece in re.split(r"[-\u2010\u2011]", word))


class _Refusal(Exception):
    def __init__(self, reason: str, at: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.at = at  # token index the reason is about


def read_digits(text: str, decimal_comma: bool | None = None) -> Decimal:
    """A number written in digits as a Decimal: any Unicode decimal digits; thousands
    grouped by commas (``1,500``), Indian grouping (``1,50,000``), spaces (plain,
    no-break, narrow no-break, thin: ``4 000``), apostrophes (Swiss: ``1'056``) or the
    Arabic separator (``٤٬٠٠٠``); the
    Arabic decimal separator ``٫``. A dot, and a comma under ``decimal_comma``, is read by
    the convention named (see :class:`WordingConfig`); with none named, a dot before
    exactly three digits (``12.000``) is refused giving both readings."""
    ascii_text = "".join(str(unicodedata.decimal(c)) if c.isdigit() else c for c in text)
    pieces = re.split(rf"([.,\u066b\u066c{_SPACES}{_APOSTROPHES}])", ascii_text)
    groups, seps = pieces[0::2], pieces[1::2]
    if not seps:
        return _bounded(groups[0], text)
    # Each separator becomes "g" (grouping) or "d" (decimal) under the convention.
    dots = [i for i, s in enumerate(seps) if s == "."]
    commas = [i for i, s in enumerate(seps) if s == ","]
    if decimal_comma is None and dots and commas:
        raise _Refusal(f"{text!r} mixes dots and commas; name the convention with --decimal-comma "
                       f"or --decimal-point")
    if decimal_comma is None and len(dots) == 1 and len(seps) == 1 and len(groups[1]) == 3:
        whole, point = groups[0] + groups[1], groups[0] + "." + groups[1]
        raise _Refusal(
            f"{text!r} is ambiguous: {int(whole):,} with '.' as a European thousands separator, or "
            f"{Decimal(point).normalize()} with '.' as a decimal point; write {int(whole):,}, or name the "
            f"convention with --decimal-comma (reads {int(whole):,}) or --decimal-point "
            f"(reads {Decimal(point).normalize()})")
    roles = []
    for sep in seps:
        if sep in _SPACES or sep in _APOSTROPHES or sep == "\u066c":
            roles.append("g")
        elif sep == "\u066b":
            roles.append("d")
        elif sep == ",":
            roles.append("d" if decimal_comma else "g")
        else:  # "."
            if decimal_comma:
                roles.append("g")
            elif decimal_comma is None and len(dots) > 1:
                roles.append("g")  # 1.000.000 cannot be a decimal
            else:
                roles.append("d")
    if roles.count("d") > 1 or ("d" in roles and roles[-1] != "d"):
        raise _Refusal(f"{text!r} is not a number: more than one decimal separator")
    grouped = groups[: len(groups) - 1] if roles[-1] == "d" else groups
    group_roles = [r for r in roles if r == "g"]
    if group_roles:
        indian = (all(s == "," for s, r in zip(seps, roles, strict=True) if r == "g") and len(grouped) >= 3
                  and 1 <= len(grouped[0]) <= 2 and all(len(g) == 2 for g in grouped[1:-1])
                  and len(grouped[-1]) == 3)
        western = 1 <= len(grouped[0]) <= 3 and all(len(g) == 3 for g in grouped[1:])
        if not (western or indian):
            if decimal_comma is None and len(seps) == 1 and seps[0] == ",":
                reading = Decimal(groups[0] + "." + groups[1]).normalize()
                raise _Refusal(f"{text!r} is not grouped in thousands; if the comma is a decimal comma "
                               f"({reading}), name it with --decimal-comma")
            raise _Refusal(f"{text!r} is not grouped in thousands (expected e.g. 1,500 or 1,50,000)")
    integer = "".join(grouped)
    if roles[-1] == "d":
        if len(integer) > _MAX_DIGITS:
            raise _Refusal(f"{text!r} is more people than live on Earth")
        return Decimal(integer + "." + groups[-1][:_MAX_DIGITS])
    return _bounded(integer, text)


def _bounded(digits: str, text: str) -> Decimal:
    if len(digits.lstrip("0")) > _MAX_DIGITS:
        raise _Refusal(f"{text!r} is more people than live on Earth")
    return Decimal(digits)


class _Quantity(NamedTuple):
    value: Decimal
    scale: int | None  # the scale word it ends with ("thousand"), for shared scales
    approx: bool  # "a couple of hundred"
    start: int  # token indexes [start, end)
    end: int
    # the scales a first figure may share, largest first: "a hundred thousand" offers
    # 100,000 ("1-2 hundred thousand") and 1,000 ("ninety to a hundred thousand")
    scales: tuple[int, ...] = ()


# --- the parser -----------------------------------------------------------------------------

_PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("above", ("more than", "over", "in excess of", "just over", "well over", "above", "exceeding",
               "upwards of", ">")),
    ("at_least", ("at least", "no fewer than", "no less than", "not less than", "not fewer than",
                  "a minimum of", "minimum of", ">=", "\u2265")),
    ("at_most", ("up to", "upto", "at most", "no more than", "not more than", "as many as",
                 "a maximum of", "maximum of", "<=", "\u2264")),
    ("below", ("fewer than", "less than", "just under", "under", "below", "<")),
    ("about", ("approximately", "approx", "more or less", "an estimated", "estimated", "about", "around", "roughly",
               "circa", "ca", "some", "~", "\u2248")),
    ("nearly", ("nearly", "almost", "close to", "just shy of")),
)
_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("at_least", ("or more", "or over", "plus", "+")),
    ("at_most", ("or fewer", "or less")),
    ("about", ("or so",)),
    ("odd", ("odd",)),
    ("above", tuple(languages.CJK_MORE)),
)
# Framing that does not change what the figure means.
_LEADING_FILLERS = (
    "a total of", "total of", "an additional", "a further", "another", "additional", "a fresh",
    "the", "all", "all of", "only", "just", "exactly", "a batch of", "a group of", "the first",
    "the last", "the final", "a final", "the remaining", "a new", "a new batch of", "a second batch of",
    "a combined",
)
# A breakdown after the noun phrase ("10 prisoners, including two minors"; "ten Americans—
# five citizens and five residents") is kept with the noun phrase and not added: it counts
# people already counted.
# "20 of them children", "3 of whom are women": a part of the figure before, not a sum
_OF_THEM = (["of", "them"], ["of", "whom"], ["de", "ellos"], ["de", "ellas"], ["dont"], ["davon"])
_BREAKDOWN = (("including",), (",", "including"), ("among", "them"), (",", "among", "them"),
              (",", "of", "whom"), ("of", "whom"),
              *((",", *p.split()) for p in languages.BREAKDOWNS), *(tuple(p.split()) for p in languages.BREAKDOWNS))
_BREAKDOWN_DASHES = ("\u2014", "\u2013")
# A part that adds more of what the part before it counts ("26 dead hostages and another two").
_MORE_OF_THE_SAME = (("another",), ("a", "further"), ("an", "additional"))
_TRAILING_FILLERS = ("in total", "in all", "so far", "altogether", "total", "to date", "overall", "each",
                     "more")
_SEPARATORS = (", and", ",", "and", "&", "as well as")
# Words that would change the figure if they stood after it: refused in a noun phrase.
_RESERVED = {"than", "least", "most", "fewer", "less", "approximately", "roughly", "nearly", "almost",
             "upto", "odd", "plus", "dozens", "hundreds", "thousands", "millions"} | _NUMBER_WORDS | set(_EXTRA_SCALES)


_PREFIXES = tuple((kind, phrases + tuple(p for english, ps in languages.QUALIFIERS.items()
                                          if english in phrases for p in ps))
                  for kind, phrases in _PREFIXES)
_LEADING_FILLERS += languages.LEADING_FILLERS
_TRAILING_FILLERS += languages.TRAILING_FILLERS
_SEPARATORS += languages.SEPARATORS + tuple(", " + s for s in languages.SEPARATORS)


def _phrases(table):
    return tuple(sorted(((kind, tuple(p.split())) for kind, ps in table for p in ps), key=lambda x: -len(x[1])))


_PREFIX_PHRASES = _phrases(_PREFIXES)
_SUFFIX_PHRASES = _phrases(_SUFFIXES)
_LEADING = tuple(sorted((tuple(p.split()) for p in _LEADING_FILLERS), key=len, reverse=True))
_TRAILING = tuple(sorted((tuple(p.split()) for p in _TRAILING_FILLERS), key=len, reverse=True))
_SEPARATOR_PHRASES = tuple(sorted((tuple(re.findall(r",|[^\s,]+", p)) for p in _SEPARATORS), key=len, reverse=True))
# The words a figure's wording can begin with (besides a number and a vague plural of the
# configuration): finders in running text try the grammar only there.
FIRST_WORDS = frozenset({p[0] for _, p in _PREFIX_PHRASES} | {p[0] for p in _LEADING}
                        | {"between", "from", "a", "an", "several", "tens", "hundreds", "thousands", "dozens"})
_QUALIFIER_WORDS = {w for _, p in _PREFIX_PHRASES + _SUFFIX_PHRASES for w in p}
_KEYWORDS = sorted({w for _, p in _PREFIX_PHRASES + _SUFFIX_PHRASES for w in p if w.isalpha()}
                   | {w for p in _LEADING + _TRAILING for w in p} | _NUMBER_WORDS | set(_EXTRA_SCALES)
                   | {"between", "from", "to", "of", "couple", "dozens", "hundreds", "thousands", "several"})


_KEYWORD_SET = frozenset(_KEYWORDS)


def _token_key(token: Token) -> str:
    if token.kind == "dash":
        return "-"
    return token.text if token.kind in ("word", "sym", "comma") else ""


_INDEXES: dict[int, dict[str, list]] = {}


def _by_first_word(table) -> dict[str, list]:
    """``table``'s phrases by their first word, longest first (tables are module
    constants: indexed once)."""
    index = _INDEXES.get(id(table))
    if index is None:
        index = {}
        pairs = [item if len(item) == 2 and isinstance(item[1], tuple) else (None, item)
                 for item in table]
        for kind, phrase in sorted(pairs, key=lambda pair: -len(pair[1])):
            index.setdefault(phrase[0], []).append((kind, phrase))
        _INDEXES[id(table)] = index
    return index


def _is_year(token: Token) -> bool:
    """Four ASCII digits 1900-2099 without a separator: a year when it stands like one."""
    return token.kind == "num" and len(token.text) == 4 and token.text.isascii() and 1900 <= int(token.text) <= 2099


class _Parser:
    def __init__(self, text: str, tokens: list[Token], config: WordingConfig):
        self.text = text
        self.tokens = tokens
        self.config = config
        self.vague = config._vague_words  # type: ignore[attr-defined]
        self.keys = [_token_key(t) for t in tokens]

    # helpers
    def key(self, i: int) -> str:
        keys = self.keys
        if len(keys) != len(self.tokens):  # value() drops a final full stop
            keys = self.keys = [_token_key(t) for t in self.tokens]
        return keys[i] if i < len(keys) else ""

    def phrase_at(self, i: int, phrases) -> int:
        """Length in tokens of the phrase (a tuple of words) starting at token i, or 0."""
        return self.qualifier_at(i, phrases)[1]

    def qualifier_at(self, i: int, table) -> tuple[str | None, int]:
        """(kind, length in tokens) of the phrase of ``table`` (phrases, or (kind, phrase)
        pairs) starting at token i, longest first; (None, 0) when none does."""
        for kind, phrase in _by_first_word(table).get(self.key(i), ()):
            if all(self.key(i + k) == word for k, word in enumerate(phrase[1:], 1)):
                return kind, len(phrase)
        return None, 0

    def span(self, start: int, end: int) -> str:
        return self.text[self.tokens[start].start:self.tokens[end - 1].end] if end > start else ""

    # quantities
    def quantity(self, i: int) -> _Quantity:
        tokens, n = self.tokens, len(self.tokens)
        if i >= n:
            raise _Refusal("a number was expected", i)
        token = tokens[i]
        approx = False
        if token.kind == "num":
            self.not_a_count(i)
            try:
                value = read_digits(token.text, self.config.decimal_comma)
            except _Refusal as refusal:
                raise _Refusal(refusal.reason, i) from None
            j = i + 1
            scale = None
            if j < n and tokens[j].kind == "word" and tokens[j].text == "k" and not tokens[j].spaced:
                value, scale, j = value * 1000, 1000, j + 1
        elif token.kind == "word" and token.text in ("a", "an") and self.key(i + 1) == "couple":
            j = i + 2 + (self.key(i + 2) == "of")
            if self.key(j) not in _SCALES:
                raise _Refusal("'a couple' is read only before a scale, as in 'a couple of hundred'", i)
            value, scale, approx = Decimal(2), None, True
        elif token.kind == "word" and token.text in ("a", "an") and self.key(i + 1) in _SCALES:
            value, scale, j = Decimal(1), None, i + 1
        elif token.kind == "word" and _is_number_word(token.text):
            j = i
            words: list[str] = []
            while j < n and tokens[j].kind == "word" and (
                _is_number_word(tokens[j].text)
                or (tokens[j].text == "and" and words and words[-1] in _WORD_SCALES and j + 1 < n
                    and tokens[j + 1].kind == "word" and _is_number_word(tokens[j + 1].text))):
                words.append(tokens[j].text)
                j += 1
            try:
                value = Decimal(text2num(" ".join(words).replace("-", " "), "en"))
            except ValueError:
                raise _Refusal(f"{self.span(i, j)!r} is not a number in words "
                               "(e.g. 'four thousand five hundred')", i) from None
            # "three hundred thousand" ends in a scale that multiplies all of it (it can be
            # shared: "two to three hundred thousand"); "two thousand five hundred" does not.
            pieces = " ".join(words).replace("-", " ").split()
            scale = _WORD_SCALES.get(pieces[-1])
            if scale is not None and any(_WORD_SCALES.get(w, 0) >= scale for w in pieces[:-1]):
                scale = None
            elif scale is not None:  # "hundred thousand": the whole run of scales is shared
                offered = [scale]
                run = len(pieces) - 1
                while run > 0 and pieces[run - 1] in _WORD_SCALES and _WORD_SCALES[pieces[run - 1]] < scale:
                    run -= 1
                    scale *= _WORD_SCALES[pieces[run]]
                    offered.append(scale)
        elif token.kind == "word" and (found := self.foreign_number(i)) is not None:
            value, j, scale = Decimal(found[0]), i + found[1], None
        else:
            raise _Refusal("a number was expected", i)
        # the run of scale words after the number: "2 hundred thousand" shares 100,000 or 1,000
        if self.key(j) in languages.SCALE_WORDS_AMBIGUOUS and self.tokens[j].kind == "word":
            meaning, word = languages.SCALE_WORDS_AMBIGUOUS[self.key(j)]
            raise _Refusal(f"{self.span(i, j + 1)!r}: {self.tokens[j].text!r} after a figure may mean "
                           f"{meaning}; write the scale in full ('{self.span(i, j)} {word}') or the "
                           "number in digits", j)
        ambiguous = languages.SCALE_WORDS_DECIMAL_AMBIGUOUS.get(self.key(j))
        if (ambiguous and value != value.to_integral_value() and self.tokens[j].kind == "word"
                and not self.config.decimal_comma):  # a decimal comma is not the English press's
            here, there, other, word = ambiguous
            one, two = ((value * m).normalize() for m in (self.foreign_scale(j) or 1, other))
            raise _Refusal(
                f"{self.span(i, j + 1)!r} is ambiguous: {one:,f} with {self.tokens[j].text!r} as {here}, or "
                f"{two:,f} as {there}; write the number in digits or the scale in full "
                f"('{self.span(i, j)} {word}')", j)
        steps: list[int] = []
        while self.key(j) in _SCALES or self.foreign_scale(j):
            step = _SCALES.get(self.key(j)) or self.foreign_scale(j)
            steps = steps if steps and step > steps[-1] else []
            steps.append(step)
            value *= step
            j += 1
            if value > MAX_COUNT:
                raise _Refusal(f"{self.span(i, j)!r} is more people than live on Earth", i)
        if steps:
            offered, product = [], 1
            for step in reversed(steps):
                product *= step
                offered.append(product)
            scale = product
        elif token.kind != "word" or not _is_number_word(token.text) or scale is None:
            offered = [scale] if scale else []
        if self.phrase_at(j, _PERCENT) or (j < n and tokens[j].text in ("%", "\u2030", "\u066a")):
            raise _Refusal(f"{self.span(i, j + max(1, self.phrase_at(j, _PERCENT)))!r} is a percentage, not "
                           "a count of people; give the number of people it is", i)
        if scale and self.key(j) == "and" and self.key(j + 1) in ("a", "one") and self.key(j + 2) == "half":
            value, j = value + Decimal(scale) / 2, j + 3  # "a million and a half"
        if value > MAX_COUNT:
            raise _Refusal(f"{self.span(i, j)!r} is more people than live on Earth", i)
        return _Quantity(value, scale, approx, i, j, tuple(sorted(set(offered), reverse=True)))

    def not_a_count(self, i: int) -> None:
        """Refuse the digits at token i when they are a date ("2020-04-12"), an ordinal
        ("50th"), a decade ("1990s") or carry a superscript ("1²": a footnote mark or a
        power): numbers, but not counts of people."""
        token = self.tokens[i]
        date = _DATE.match(self.text, token.start)
        if date:
            raise _Refusal(f"{date.group()!r} looks like a date, not a count of people", i)
        after = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if after is None or after.spaced or after.kind not in ("word", "punct"):
            return
        if after.text in _ORDINAL_SUFFIXES:
            raise _Refusal(f"{self.span(i, i + 2)!r} is an ordinal (a rank), not a count of people", i)
        if after.text in ("s", "'s", "\u2019s") and token.text.endswith("0"):
            raise _Refusal(f"{self.span(i, i + 2)!r} is a decade, not a count of people", i)
        if unicodedata.category(after.text[0]) == "No":
            raise _Refusal(f"{self.span(i, i + 2)!r} has a superscript after the figure (a footnote mark or "
                           f"a power); give the figure alone ({token.text!r})", i)

    def foreign_number(self, i: int) -> tuple[int, int] | None:
        words = []
        for token in self.tokens[i:i + 6]:
            if token.kind != "word":
                break
            words.append(token.text)
        return languages.foreign_number(tuple(words))

    def foreign_scale(self, i: int) -> int | None:
        """"mil", "millones", "тысяч", "ألف", "mln", "万": a scale word of another language
        or an abbreviation, or None."""
        if i >= len(self.tokens) or self.tokens[i].kind != "word" or self.key(i) in _NUMBER_WORDS:
            return None
        found = languages.foreign_number((self.key(i),))
        if found and found[0] in (100, 1000, 10**6, 10**9):
            return found[0]
        return languages.scale_word(self.key(i))

    def is_quantity_start(self, i: int) -> bool:
        try:
            self.single(i, nouns=False)
        except _Refusal:
            return False
        return True

    # one figure
    def single(self, i: int, nouns: bool) -> tuple[Figure, int]:
        start = i
        i = self.framing_noun(i)
        while length := self.phrase_at(i, _LEADING):
            if self.vague_at(i) or self.qualifier_at(i, _PREFIX_PHRASES)[1]:
                break  # "a few", "some": the longer reading wins
            i += length
        kind, reference, approx_from = None, None, False
        vague = self.vague_at(i)
        i = self.framing_noun(i)
        vague = self.vague_at(i)
        kind, prefix_len = (None, 0) if vague else self.qualifier_at(i, _PREFIX_PHRASES)
        i += prefix_len
        if vague and not prefix_len:
            words, (lo, hi) = vague
            i += len(words)
            lo, hi, i = self.vague_of_scale(lo, hi, i, start)
            interval = Interval(lo, hi)
        else:
            low, high, i = self.range_or_quantity(i)
            i = self.restated(low, high, i)
            i = self.swap_ratio(low, high, i)
            if high is not None:
                if kind is not None:
                    raise _Refusal("a qualifier cannot stand before a range; give the range alone "
                                   "('2,000-3,000') or one figure ('about 2,500')", start)
                interval = self.checked(low.value, start, i), self.checked(high.value, start, i)
                lo, hi = interval
                if hi < lo:
                    raise _Refusal(f"the range runs backwards ({lo:,} to {hi:,})", start)
                interval = Interval(lo, hi)
            else:
                approx_from = low.approx
                suffix_kind, suffix = self.qualifier_at(i, _SUFFIX_PHRASES)
                if suffix:
                    if suffix_kind is not None:
                        if kind is not None:
                            raise _Refusal(f"two qualifiers ({self.span(start, i + suffix)!r}); keep one", start)
                        kind, i = suffix_kind, i + suffix
                elif self.key(i) == "-" and self.key(i + 1) == "odd":
                    if kind is not None:
                        raise _Refusal(f"two qualifiers ({self.span(start, i + 2)!r}); keep one", start)
                    kind, i = "odd", i + 2
                if approx_from:
                    if kind not in (None, "about"):
                        raise _Refusal("'a couple of' is already an approximation", start)
                    kind = "about"
                n = self.checked(low.value, start, i)
                interval = self.interval(kind or "exact", n, start)
        if self.key(i) == "more" and self.qualifier_at(i, _SUFFIX_PHRASES)[1] == 0:
            i += 1
        if self.key(i) == "of" or (self.key(i) in languages.PARTITIVES and self.is_quantity_start(i + 1)):
            j = i + 1
            while length := self.phrase_at(j, _LEADING):
                j += length
            try:
                ref, ref_end = self.single(j, nouns=False)
            except _Refusal:
                ref = None
            if ref is not None and ref.reference is None:
                reference = Part(self.span(j, ref_end), ref.interval.lo, ref.interval.hi)
                if reference.hi is not None and interval.lo > reference.hi:
                    raise _Refusal(f"{self.span(start, ref_end)!r} counts more than the "
                                   f"{reference.hi:,} it is part of", start)
                i = ref_end
        if not nouns:
            return Figure(interval, reference=reference), i
        noun_start = i
        i = self.noun_phrase(i)
        noun = self.span(noun_start, i) or None
        while length := self.phrase_at(i, _TRAILING):
            i += length
        return Figure(interval, reference=reference, noun=noun), i

    def restated(self, low: _Quantity, high: _Quantity | None, i: int) -> int:
        """Past "(five)" when it restates the figure before it ("5 (five) Thai hostages");
        a different number in parentheses is refused."""
        if high is not None or i >= len(self.tokens) or self.tokens[i].text != "(":
            return i
        try:
            again = self.quantity(i + 1)
        except _Refusal:
            return i
        if again.end < len(self.tokens) and self.tokens[again.end].text == ")":
            if again.value != low.value:
                raise _Refusal(f"the number in parentheses ({self.span(i + 1, again.end)}) is not "
                               f"the figure before it ({self.span(low.start, low.end)})", i)
            return again.end + 1
        return i

    def years_at(self, i: int) -> int:
        """Tokens of a year or year range inside a noun phrase ("captured in 2020-2023"):
        four digits 1900-2099 after "in", "since", "from", "during", "until", "of"."""
        def year(k: int) -> bool:
            return k < len(self.tokens) and _is_year(self.tokens[k])
        if i == 0 or self.key(i - 1) not in ("in", "since", "from", "during", "until", "of") or not year(i):
            return 0
        if self.key(i + 1) in ("-", "to") and year(i + 2):
            return 3
        return 1

    def framing_noun(self, i: int) -> int:
        """Past "a total release of" in "a total release of 500 prisoners": an article,
        one to three plain English words and "of" before a figure frame it like "a total
        of". Words of the grammar (qualifiers, numbers, vague plurals) are never framing."""
        if self.key(i) not in ("a", "an", "the"):
            return i
        j = i + 1
        while j < len(self.tokens) and j - i <= 3 and self.tokens[j].kind == "word" and self.key(j) != "of":
            word = self.key(j)
            if (not word.isascii() or word == "couple" or word in _QUALIFIER_WORDS or word in _RESERVED
                    or self.vague_at(j) or self.qualifier_at(j, _PREFIX_PHRASES)[1]):
                return i
            j += 1
        if j == i + 1 or self.key(j) != "of" or not self.is_quantity_start(j + 1):
            return i
        return j + 1

    def swap_ratio(self, low: _Quantity, high: _Quantity | None, i: int) -> int:
        """Past "-for-500" of "500-for-500" (a swap of N for N: N each way); a swap of
        unequal numbers ("1 for 10") does not say which side is which, and is refused."""
        j = i + (self.key(i) == "-")
        if high is not None or self.key(j) not in languages.RATIO_WORDS:
            return i
        k = j + 1 + (self.key(j + 1) == "-")
        try:
            other = self.quantity(k)
        except _Refusal:
            return i
        if other.value != low.value:
            raise _Refusal(f"a swap of {self.span(low.start, low.end)} for {self.span(other.start, other.end)} "
                           "does not say which side released which; record each side's figure", low.start)
        return other.end

    def vague_at(self, i: int):
        first = self.key(i)
        for words, bounds in self.vague:
            if words[0] == first and all(self.key(i + k) == w for k, w in enumerate(words)):
                return words, bounds
        english = languages.VAGUE.get(self.key(i))
        if english is not None and english in self.config.vague:
            return (self.key(i),), self.config.vague[english]
        tens = self.config.vague.get("tens of thousands")
        if first == "tens" and tens and self.key(i + 1) == "of" and self.scale_plural(i + 2):
            # "tens of millions": tens as configured in "tens of thousands", then the scale
            return ("tens",), (tens[0] // 1000, (tens[1] + 1) // 1000 - 1)
        return None

    def vague_of_scale(self, lo: int, hi: int, i: int, start: int) -> tuple[int, int, int]:
        """"dozens of thousands", "decenas de miles", "hundreds of millions": a vague
        plural of a vague scale plural multiplies by the scale, as "hundreds of thousands"
        is [200,000, 999,999]: [lo * S, (hi + 1) * S - 1]. Never the first word alone with
        the second kept as a reference."""
        while self.key(i) in ("of", *languages.PARTITIVES) and (scale := self.scale_plural(i + 1)):
            lo, hi, i = lo * scale, (hi + 1) * scale - 1, i + 2
            if hi > MAX_COUNT:
                raise _Refusal(f"{self.span(start, i)!r} is more people than live on Earth", start)
        return lo, hi, i

    def scale_plural(self, i: int) -> int:
        """The scale of a vague scale plural at token i ("thousands", "miles": 1,000), or 0."""
        word = self.key(i)
        return _SCALE_PLURALS.get(languages.VAGUE.get(word, word), 0)

    def range_or_quantity(self, i: int) -> tuple[_Quantity, _Quantity | None, int]:
        if self.key(i) in ("between", "from"):
            joint = "and" if self.key(i) == "between" else "to"
            first = self.quantity(i + 1)
            if self.key(first.end) not in (joint, "-"):
                raise _Refusal(f"'{self.key(i)} N {joint} M' was expected", i)
            second = self.quantity(first.end + 1)
            return (*self.shared_scale(first, second), second.end)
        first = self.quantity(i)
        if (self.key(first.end) == "-" and first.end == i + 1 and self.key(i) in _TENS_WORDS
                and self.key(first.end + 1) in _UNIT_ORDER[1:] and not self.tokens[first.end + 1].spaced):
            # "Forty -eight": a compound with a stray space, not the backwards range 40-8
            unit = _UNIT_ORDER.index(self.key(first.end + 1))
            joined = first._replace(value=first.value + unit, end=first.end + 2)
            return joined, None, joined.end
        if (self.key(first.end) == "-" and first.end == i + 1 and first.end + 1 < len(self.tokens)
                and _is_year(self.tokens[i]) and _is_year(self.tokens[first.end + 1])):
            first_year, last_year = self.tokens[i].text, self.tokens[first.end + 1].text
            raise _Refusal(f"'{first_year}-{last_year}' looks like a span of years; if it is a count, write it "
                           f"with a thousands separator ({int(first_year):,}-{int(last_year):,})", i)
        if self.key(first.end) in ("-", "to") and first.end + 1 < len(self.tokens):
            try:
                second = self.quantity(first.end + 1)
            except _Refusal:
                if self.key(first.end) == "-" and self.key(first.end + 1) not in ("odd", *languages.RATIO_WORDS):
                    raise
                return first, None, first.end
            return (*self.shared_scale(first, second), second.end)
        return first, None, first.end

    def shared_scale(self, first: _Quantity, second: _Quantity) -> tuple[_Quantity, _Quantity]:
        """"two to three thousand" is 2,000-3,000: a scale ending the second figure is
        shared by a first figure given without one that is smaller than the scale."""
        if first.approx or second.approx:
            raise _Refusal("'a couple of' cannot be part of a range", first.start)
        offered = second.scales or ((second.scale,) if second.scale else ())
        for scale in offered:
            if (first.scale or 0) < scale and first.value < scale and first.value * scale < second.value:
                return first._replace(value=first.value * scale, scale=scale), second
        if offered and (first.scale or 0) < offered[-1] and first.value < offered[-1]:
            # "500 to 3 thousand": scaled it runs backwards, unscaled it guesses; refused
            return first._replace(value=first.value * offered[-1], scale=offered[-1]), second
        return first, second

    def checked(self, value: Decimal, start: int, end: int) -> int:
        if value != value.to_integral_value():
            raise _Refusal(f"{self.span(start, end)!r} is not a whole number of people ({value.normalize()})", start)
        return int(value)

    def interval(self, kind: str, n: int, at: int) -> Interval:
        t = self.config.tolerance
        if kind == "exact":
            lo, hi = n, n
        elif kind == "above":
            lo, hi = n + 1, None
        elif kind == "at_least":
            lo, hi = n, None
        elif kind == "at_most":
            lo, hi = 0, n
        elif kind == "below":
            lo, hi = 0, n - 1
        elif kind == "about":
            lo, hi = round(n * (1 - t)), round(n * (1 + t))
        elif kind == "odd":
            lo, hi = n, round(n * (1 + t))
        elif kind == "nearly":
            lo, hi = round(n * (1 - t)), n - 1
        else:  # pragma: no cover - the tables above name every kind
            raise AssertionError(kind)
        if hi is not None and hi < lo:
            raise _Refusal(f"it leaves no possible number ([{lo}, {hi}] is empty)", at)
        return Interval(lo, hi)

    def noun_phrase(self, i: int) -> int:
        """The end of the noun phrase starting at token i: words without numbers, up to a
        separator that starts another part, a trailing filler or the end. A first word that
        is a near miss of a qualifier ("aproximately") is refused, not kept as a noun."""
        tokens, n = self.tokens, len(self.tokens)
        if i < n and tokens[i].kind == "word" and _near_keyword(tokens[i].text):
            raise _Refusal(f"{tokens[i].text!r} is not understood; did you mean "
                           f"{_near_keyword(tokens[i].text)!r}?", i)
        if i < n and (self.key(i) in _SCALES or self.foreign_scale(i)):
            # a scale after a qualifier ("2千多万人", "5 or more mil") would multiply a bound
            raise _Refusal(f"the scale {tokens[i].text!r} after {self.span(0, i)!r} is not understood; "
                           "write the number in digits ('more than 20,000,000')", i)
        if self.key(i) == "to" and i + 1 == n:
            raise _Refusal("'to' ends the wording: a range needs its second number ('200 to 300')", i)
        if (i < n and tokens[i].kind == "word" and self.foreign_number(i) is not None
                and not languages.is_english_word(tokens[i].text)):  # "201 to Sanaa": a destination
            raise _Refusal(f"{self.span(i, i + 1)!r} after the figure is another number; a list of "
                           "figures says what each counts ('13 Israelis and 10 Thais')", i)
        first = i
        while i < n:
            if i > first and (self.phrase_at(i, _BREAKDOWN) or (
                    tokens[i].kind == "dash" and tokens[i].text in _BREAKDOWN_DASHES
                    and (tokens[i].text == "\u2014" or tokens[i].spaced) and self.is_quantity_start(i + 1))):
                return self.breakdown_end(i + (self.phrase_at(i, _BREAKDOWN) or 1))
            if self.key(i) == "or" and self.key(i + 1) in ("more", "fewer", "less", "so", "over"):
                return i
            if self.phrase_at(i, _TRAILING) and (i + self.phrase_at(i, _TRAILING) == n
                                                  or self.key(i + self.phrase_at(i, _TRAILING)) in (",", "and", "&", ".")):
                return i
            sep = self.phrase_at(i, _SEPARATOR_PHRASES)
            if sep and self.is_quantity_start(i + sep):
                return i
            token = tokens[i]
            years = self.years_at(i)
            if years:
                i += years
                continue
            if token.kind == "num" or token.kind == "sym" or (token.kind == "word" and (
                    token.text in _RESERVED or re.split(r"[-\u2010\u2011]", token.text)[0] in _NUMBER_WORDS)):
                return i
            if token.kind == "dash" and i + 1 < n and tokens[i + 1].kind == "num":
                return i
            if token.kind == "word" and token.text in ("a", "an") and self.is_quantity_start(i):
                return i
            if i > first and self.foreign_scale(i) and self.foreign_number(i - 1) is not None:
                # "dos a tres mil", "zwei bis drei Tausend": a range sharing a scale in a
                # language whose range words are not read; never the first number alone
                raise _Refusal(f"{self.span(first - 1, i + 1)!r} reads as a range sharing the scale "
                               f"{token.text!r}, which is not understood in this language; write it "
                               "in digits ('2000-3000')", i)
            i += 1
        return i

    def breakdown_end(self, i: int) -> int:
        """The end of a breakdown whose first figure starts at token i ("including 10
        women"): the end of the wording, so every figure after it counts people already
        counted ("including 20 women, 10 children and 5 elderly"); but a breakdown of one
        figure closed by ", and" before another figure ends there: "13 Israelis,
        including 10 women, and 5 Thais" is 13 and 5."""
        try:
            _, end = self.single(i, nouns=True)
        except _Refusal:
            return len(self.tokens)
        return end if self.closes_breakdown(end) else len(self.tokens)

    def closes_breakdown(self, i: int) -> bool:
        """Whether ", and" + a figure starts at token i: the comma closes a breakdown."""
        return (self.key(i) == "," and self.key(i + 1) in ("and", "&", *languages.SEPARATORS)
                and self.is_quantity_start(i + 2))

    def value(self) -> Figure:
        tokens = self.tokens
        while tokens and tokens[-1].kind == "punct" and tokens[-1].text in ".!":
            tokens.pop()
        if not tokens:
            raise _Refusal("it is empty")
        figures, spans = [], []
        i = 0
        while True:
            start = i
            figure, i = self.single(i, nouns=True)
            figures.append(figure)
            spans.append((start, i))
            sep = self.phrase_at(i, _SEPARATOR_PHRASES)
            if i >= len(tokens) or not sep or not self.is_quantity_start(i + sep):
                break
            i += sep
        if i < len(tokens):
            raise _Refusal(self.unexpected(i), i)
        while (within := next((k for k, f in enumerate(figures) if k and f.noun
                               and any(f.noun.lower().split()[:len(p)] == p for p in _OF_THEM)), None)):
            # "20 of them children" is among the figure before; so are the figures after
            # it, unless ", and" closes it: "13 Israelis, 10 of them women, and 5 Thais"
            if within + 1 < len(figures) and self.closes_breakdown(spans[within][1]):
                spans[within - 1] = (spans[within - 1][0], spans[within][1])
                del figures[within], spans[within]
            else:
                figures, spans = figures[:within], spans[:within]
        if len(figures) == 1:
            return figures[0]
        for index, (figure, (start, end)) in enumerate(zip(figures, spans, strict=True)):
            if figure.noun is None and not (index and self.phrase_at(start, _MORE_OF_THE_SAME)):
                raise _Refusal(
                    f"in a list of figures each says what it counts ({self.span(start, end)!r} does not); "
                    "e.g. '13 Israelis, 10 Thais and one Filipino'", start)
        parts = tuple(Part(self.span(s, e), f.interval.lo, f.interval.hi) for f, (s, e) in zip(figures, spans, strict=True))
        lo = sum(p.lo for p in parts)
        hi = None if any(p.hi is None for p in parts) else sum(p.hi for p in parts)  # type: ignore[misc]
        if lo > MAX_COUNT:
            raise _Refusal(f"the parts add up to {lo:,}, more people than live on Earth")
        return Figure(Interval(lo, hi), parts)

    def unexpected(self, i: int) -> str:
        token = self.tokens[i]
        rest = self.text[token.start:self.tokens[-1].end]
        where = f"{rest!r} after {self.text[:token.start].strip()!r}" if token.start else repr(rest)
        hint = ""
        if token.kind == "word" and _near_keyword(token.text):
            hint = f"; did you mean {_near_keyword(token.text)!r}?"
        if token.kind == "num" or (token.kind == "word" and token.text in _NUMBER_WORDS):
            hint = hint or ("; a second number needs 'and' or 'to' and, in a list, what each counts "
                            "('13 Israelis and 10 Thais')")
        return f"{where} is not understood{hint}"


@lru_cache(maxsize=16_384)
def _near_keyword(word: str, cutoff: float = 0.85) -> str | None:
    """The grammar's word that ``word`` nearly is ("aproximately"), if any; None when it is one."""
    if len(word) < 4 or word in _KEYWORD_SET:
        return None
    # a ratio of 0.85 needs lengths within 15%: compare with those only
    candidates = [k for k in _KEYWORDS if abs(len(k) - len(word)) <= max(2, len(word) // 6)]
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
    return close[0] if close else None


def _expected(config: WordingConfig) -> str:
    known = ", ".join(sorted(config.vague))
    return ("expected a number (digits or words) with an optional qualifier (more than, at least, up to, "
            f"fewer than, about, nearly, N-M, N or more) and what it counts, or one of: {known}")


def parse_figure(wording: str | int, config: WordingConfig = DEFAULT_CONFIG) -> Figure:
    """Read a figure's wording: its interval, parts and reference; or raise
    :class:`WordingError` naming the wording, what was not understood and what is accepted."""
    if isinstance(wording, bool):
        raise WordingError(str(wording), "a yes/no value is not a figure")
    if isinstance(wording, int):
        if wording < 0:
            raise WordingError(str(wording), "a count of people cannot be negative")
        if wording > MAX_COUNT:
            raise WordingError(str(wording), f"{wording:,} is more people than live on Earth")
        return Figure(Interval(wording, wording))
    return _parse_text(wording, config)


_BARE_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+", re.ASCII)


@lru_cache(maxsize=65_536)
def _parse_text(wording: str, config: WordingConfig) -> Figure:
    # Real ledgers repeat a few thousand wordings ("100", "more than 4,000") endlessly;
    # most of the rest are bare figures ("3,686"), read here as the grammar reads them.
    if len(wording) <= 20 and _BARE_FIGURE.fullmatch(wording) and not (config.decimal_comma and "," in wording):
        n = int(wording.replace(",", ""))
        if n <= MAX_COUNT:
            return Figure(Interval(n, n))
    return _parse(wording, config)


def _parse(wording: str, config: WordingConfig) -> Figure:
    if len(wording) > MAX_WORDING_CHARS:
        raise WordingError(wording, f"longer than {MAX_WORDING_CHARS:,} characters: not the wording of a figure")
    text = wording.replace("\u201c", " ").replace("\u201d", " ").replace('"', " ")
    if re.match(r"^\s*[-\u2212]\s*\d", text):
        raise WordingError(wording, "a count of people cannot be negative")
    parser = _Parser(text, tokenize(text), config)
    try:
        return parser.value()
    except _Refusal as refusal:
        reason = refusal.reason
        if reason == "a number was expected" and refusal.at is not None and refusal.at < len(parser.tokens):
            reason = parser.unexpected(refusal.at)
        if "did you mean" not in reason and (reason.endswith("is not understood") or reason == "it is empty"):
            reason = f"{reason}; {_expected(config)}{_from_the_number(parser.tokens, text, config)}"
        raise WordingError(wording, reason) from None


def _from_the_number(tokens, text: str, config: WordingConfig) -> str:
    """The closest accepted form of a wording with unknown words before its number
    ("erməniəsilli 32 şəxsi"): the same wording from the number on, when that reads. Those
    words may qualify the number ("nearly" in another language), so it is offered for the
    user to choose, never taken."""
    if not tokens or tokens[0].kind != "word":
        return ""
    first = next((t for t in tokens if t.kind == "num"), None)
    if first is None:
        return ""
    rest = text[first.start:].strip()
    try:
        interval = _parse(rest, config).interval
    except WordingError:
        return ""
    high = "open" if interval.hi is None else f"{interval.hi:,}"
    return (f"; if the words before the number do not qualify it, start the value at the number: "
            f"{rest!r} reads as [{interval.lo:,}, {high}]")


def parse_value(wording: str | int, config: WordingConfig = DEFAULT_CONFIG) -> Interval:
    """Return the interval a stated figure means, or raise :class:`WordingError`."""
    return parse_figure(wording, config).interval


def parse_number(text: str, wording: str | None = None, config: WordingConfig = DEFAULT_CONFIG) -> int:
    """Read a bare non-negative whole number in digits, words or a mix ("1.5 million")."""
    parser = _Parser(text, tokenize(text), config)
    try:
        quantity = parser.quantity(0)
        if quantity.end != len(parser.tokens) or quantity.approx:
            raise _Refusal(f"{text!r} is not a single number")
        return parser.checked(quantity.value, 0, quantity.end)
    except _Refusal as refusal:
        raise WordingError(wording if wording is not None else text, refusal.reason) from None


class FigureMatch(NamedTuple):
    start: int
    end: int  # exclusive, offsets in the text searched
    figure: Figure


def match_figure(text: str, start: int = 0, config: WordingConfig = DEFAULT_CONFIG, *,
                 window: int = 400, tokens: list[Token] | None = None) -> FigureMatch | None:
    """The longest figure wording (qualifier, number or range, suffix, partitive; no noun
    phrase) that begins at ``text[start]``, for finding figures in running text; None when
    no figure begins there. Looks at most ``window`` characters ahead; a caller that has
    tokenised the text already passes the :func:`tokenize` tokens from ``start`` on
    (a bounded slice), so nothing is tokenised twice."""
    if tokens is None:
        tokens = tokenize(text, start, min(len(text), start + window))
    if not tokens or tokens[0].start != start:
        return None
    parser = _Parser(text, tokens, config)
    try:
        figure, end = parser.single(0, nouns=False)
    except _Refusal:
        return None
    if end == 0:
        return None
    return FigureMatch(start, tokens[end - 1].end, figure)


def grammar_table(config: WordingConfig = DEFAULT_CONFIG) -> list[tuple[str, str]]:
    """The grammar with the configured defaults, as (wording, interval) rows for help text."""
    t = config.tolerance
    convention = {None: "12.000 and 1.500 refused as ambiguous (name --decimal-comma or --decimal-point)",
                  True: "decimal comma: 12.000 = 12000, 1,5 = 1.5",
                  False: "decimal point: 12.000 = 12"}[config.decimal_comma]
    rows = [
        ("N: digits (1,500, 1 500, 1,50,000, ١٢٣), words (four thousand five hundred), 5K, "
         "1.5 million, two dozen, 2 lakh, 1.2 crore", "[N, N]"),
        ("N <noun phrase> (13 Israelis, 195 prisoners of war), N more, another N, a further N, N each",
         "as N; the noun phrase is kept"),
        ("more than N, over N, > N, upwards of N, N余/N多/N여 (2千余人, 1만여 명)", "[N+1, open]"),
        ("at least N, N+, >= N, N or more, N plus", "[N, open]"),
        ("up to N, upto N, at most N, <= N, no more than N, as many as N", "[0, N]"),
        ("fewer than N, less than N, under N, < N", "[0, N-1]"),
        ("about N, around N, approximately N, some N, roughly N, ~N, a couple (of) hundred (N=200)",
         f"[round(N*{1 - t:g}), round(N*{1 + t:g})]  (tolerance {t:g})"),
        ("N-odd (200-odd)", f"[N, round(N*{1 + t:g})]"),
        ("nearly N, almost N", f"[round(N*{1 - t:g}), N-1]"),
        ("N-M, N to M, between N and M; shared scale: two to three thousand, 2-3 thousand",
         "[N, M] ([2000, 3000])"),
        ("N of M (around 700 of 1,000; the first 80 of a final 400)", "as N; M kept as the reference"),
        ("13 Israelis, 10 Thais and one Filipino (each part says what it counts)",
         "the sum of the parts; the parts kept"),
        ("a dot or comma before exactly three digits", convention),
    ]
    rows += [(word, f"[{lo}, {hi}]") for word, (lo, hi) in sorted(config.vague.items())]
    return rows


def parse_vague_override(text: str) -> tuple[str, tuple[int, int]]:
    """Parse ``WORDING=LO-HI`` (as given to ``--vague``)."""
    word, sep, span = text.partition("=")
    match = re.match(r"^\s*(\d{1,11})\s*-\s*(\d{1,11})\s*$", span)
    if not sep or not word.strip() or not match:
        raise ValueError(f"expected WORDING=LO-HI such as 'dozens=12-99', not {text!r}")
    if any(c.isdigit() for c in word):
        raise ValueError(f"{text!r}: a vague wording has no digits (a number means itself)")
    lo, hi = int(match.group(1)), int(match.group(2))
    if hi < lo:
        raise ValueError(f"{text!r}: the range runs backwards")
    if hi > MAX_COUNT:
        raise ValueError(f"{text!r}: {hi:,} is more people than live on Earth")
    return _normalise_key(word), (lo, hi)


def parse_tolerance(text: str) -> float:
    try:
        value = Decimal(text.strip().rstrip("%"))
    except InvalidOperation:
        raise ValueError(f"tolerance must be a number such as 0.1 or 10%, not {text!r}") from None
    if not value.is_finite():
        raise ValueError(f"tolerance must be a number such as 0.1 or 10%, not {text!r}")
    if text.strip().endswith("%"):
        value /= 100
    if not 0 <= value < 1:
        raise ValueError(f"tolerance must be between 0 and 1 (or 0% and 100%), not {text!r}")
    return float(value)
