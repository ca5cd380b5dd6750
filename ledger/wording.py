"""Read the wording of a stated figure ("more than four thousand") as an integer interval.

This is the one grammar of the project: ``pxl record``, ``pxl import`` and (later) the
extractor all call :func:`parse_value`. It never guesses: wording it does not know is a
:class:`WordingError` that names the wording.

The grammar (case-insensitive; numbers as digits, ``1,500``, ``1 500`` or words):

=====================================================  =====================================
wording                                                interval
=====================================================  =====================================
``N``                                                  [N, N]
``more than N``, ``over N``, ``> N``                   [N+1, open]
``at least N``, ``N+``, ``>= N``, ``N or more``        [N, open]
``up to N``, ``at most N``, ``<= N``, ``no more than``  [0, N]
``fewer than N``, ``less than N``, ``under N``         [0, N-1]
``about N``, ``around N``, ``some N``, ``~N`` ...      [round(N(1-t)), round(N(1+t))]
``nearly N``, ``almost N``                             [round(N(1-t)), N-1]
``N-M``, ``N to M``, ``between N and M``               [N, M]
vague plurals (``dozens``, ``hundreds`` ...)           the configured defaults
=====================================================  =====================================

``round`` is Python's ``round`` (half to even), as written in the SPEC, and ``t`` is the
approximation tolerance (0.10 unless configured). Journalistic framing around a figure
("another 100", "a total of 300", "100 Taliban prisoners", "hundreds of detainees") is
accepted and does not change the interval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

DEFAULT_TOLERANCE = 0.10
MAX_COUNT = 10_000_000_000  # more people than live on Earth: a typo, not a figure

DEFAULT_VAGUE: Mapping[str, tuple[int, int]] = MappingProxyType(
    {
        "dozens": (24, 99),
        "several dozen": (24, 99),
        "hundreds": (200, 999),
        "several hundred": (200, 999),
        "thousands": (2000, 9999),
        "several thousand": (2000, 9999),
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


@dataclass(frozen=True, eq=False)
class WordingConfig:
    """The configurable part of the grammar: tolerance of approximations, vague plurals."""

    tolerance: float = DEFAULT_TOLERANCE
    vague: Mapping[str, tuple[int, int]] = field(default_factory=lambda: DEFAULT_VAGUE)

    def __post_init__(self) -> None:
        if not 0 <= self.tolerance < 1:
            raise ValueError(f"tolerance must be in [0, 1), not {self.tolerance}")
        for word, (lo, hi) in self.vague.items():
            if not 0 <= lo <= hi:
                raise ValueError(f"vague wording {word!r} has an empty range {lo}-{hi}")
        object.__setattr__(self, "_key", (self.tolerance, tuple(sorted(self.vague.items()))))

    # Hashable by value, so parsed wordings can be cached per configuration.
    def __hash__(self) -> int:
        return hash(self._key)  # type: ignore[attr-defined]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WordingConfig) and self._key == other._key  # type: ignore[attr-defined]

    def with_vague(self, overrides: Mapping[str, tuple[int, int]]) -> "WordingConfig":
        merged = dict(self.vague)
        merged.update({_normalise(k): v for k, v in overrides.items()})
        return WordingConfig(self.tolerance, MappingProxyType(merged))


DEFAULT_CONFIG = WordingConfig()

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_WORDS = set(_UNITS) | set(_TENS) | set(_SCALES) | {"hundred", "dozen", "a", "an", "and"}

_NOUNS = {
    "prisoner", "prisoners", "detainee", "detainees", "inmate", "inmates", "captive",
    "captives", "hostage", "hostages", "people", "person", "persons", "fighter", "fighters",
    "troop", "troops", "soldier", "soldiers", "personnel", "civilian", "civilians", "member",
    "members", "militant", "militants", "insurgent", "insurgents", "pow", "pows", "individuals",
    "men", "women", "children", "bodies", "remains",
}
_QUALIFIER_WORDS = {
    "more", "than", "over", "at", "least", "most", "up", "to", "fewer", "less", "under",
    "about", "around", "approximately", "some", "roughly", "nearly", "almost", "between",
    "no", "not", "or", "several", "few", "dozens", "hundreds", "thousands", "of", "as", "many",
}

# (kind, phrases) in the order they are tried: longer phrases first within the table.
_PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("above", ("more than", "over", "in excess of", "just over", "well over", "above",
               "exceeding", ">")),
    ("at_least", ("at least", "no fewer than", "no less than", "not less than",
                  "not fewer than", "upwards of", "a minimum of", "minimum of", ">=", "≥")),
    ("at_most", ("up to", "at most", "no more than", "not more than", "as many as",
                 "a maximum of", "maximum of", "<=", "≤")),
    ("below", ("fewer than", "less than", "just under", "under", "below", "<")),
    ("about", ("approximately", "an estimated", "estimated", "about", "around", "roughly",
               "circa", "ca.", "some", "~")),
    ("nearly", ("nearly", "almost", "close to", "just shy of")),
)
_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("at_least", ("or more", "or over", "plus", "+")),
    ("at_most", ("or fewer", "or less")),
    ("about", ("or so",)),
)
# Framing that does not change what the figure means.
_LEADING_FILLERS = (
    "a total of", "total of", "an additional", "a further", "another", "additional",
    "a fresh", "the", "all", "all of", "only", "just", "exactly", "a batch of", "a group of",
)
_TRAILING_FILLERS = ("in total", "in all", "so far", "altogether", "total", "to date", "overall")

def _longest_first(table):
    return tuple((kind, tuple(sorted(phrases, key=len, reverse=True))) for kind, phrases in table)


_PREFIXES = _longest_first(_PREFIXES)
_SUFFIXES = _longest_first(_SUFFIXES)
_LEADING_FILLERS = tuple(sorted(_LEADING_FILLERS, key=len, reverse=True))
_TRAILING_FILLERS = tuple(sorted(_TRAILING_FILLERS, key=len, reverse=True))

_DIGITS = re.compile(r"^\d+(?:\.\d+)?$")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_SPACE_GROUP = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")
_DIGIT_RANGE = re.compile(r"^(\d[\d,.]*)\s*-\s*(\d[\d,.]*)$")


def _normalise(text: str) -> str:
    text = text.strip().lower()
    text = (
        text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-")
        .replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", "").replace("\u201d", "")
        .replace('"', "")
    )
    text = _SPACE_GROUP.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" .,;:")
    # "~100" and ">100": give the symbol its own token.
    text = re.sub(r"^(>=|<=|≥|≤|~|>|<)\s*", r"\1 ", text)
    text = re.sub(r"(\d)\+$", r"\1 +", text)
    return text


def _strip_phrase(text: str, phrases: tuple[str, ...], *, at_start: bool) -> tuple[str | None, str]:
    """``phrases`` longest first (the tables below are sorted so once, at import)."""
    for phrase in phrases:
        if at_start and (text == phrase or text.startswith(phrase + " ")):
            return phrase, text[len(phrase):].strip()
        if not at_start and (text == phrase or text.endswith(" " + phrase)):
            return phrase, text[: len(text) - len(phrase)].strip()
    return None, text


def _strip_framing(text: str) -> str:
    """Drop "another", "a total of", "in all" and a trailing noun phrase ("Taliban prisoners")."""
    changed = True
    while changed:
        changed = False
        phrase, text = _strip_phrase(text, _LEADING_FILLERS, at_start=True)
        changed |= phrase is not None and bool(text)
        phrase, text = _strip_phrase(text, _TRAILING_FILLERS, at_start=False)
        changed |= phrase is not None and bool(text)
    tokens = text.split(" ")
    if len(tokens) > 1 and tokens[-1] in _NOUNS:
        tokens.pop()
        adjectives = 0
        while (
            len(tokens) > 1
            and adjectives < 3
            and not _looks_numeric(tokens[-1])
            and tokens[-1] not in _QUALIFIER_WORDS
            and tokens[-1] not in {"+", "plus"}
        ):
            tokens.pop()
            adjectives += 1
        if len(tokens) > 1 and tokens[-1] == "of":
            tokens.pop()
        text = " ".join(tokens)
    return text


def _looks_numeric(token: str) -> bool:
    return bool(re.match(r"^[\d,.]+$", token)) or token in _NUMBER_WORDS or any(
        part in _NUMBER_WORDS for part in token.split("-")
    )


def parse_number(text: str, wording: str | None = None) -> int:
    """Read a non-negative whole number written in digits, words or a mix ("1.5 million")."""
    wording = wording if wording is not None else text
    text = _normalise(text)
    if not text:
        raise WordingError(wording, "there is no number in it")
    tokens = [t for t in re.split(r"[\s-]+", text) if t]
    total = Decimal(0)
    current: Decimal | None = None
    seen_number = False
    for token in tokens:
        if _GROUPED.match(token) or _DIGITS.match(token):
            if current is not None:
                raise WordingError(wording, f"two numbers side by side near {token!r}")
            current = Decimal(token.replace(",", ""))
            seen_number = True
        elif token in ("a", "an"):
            if current is not None:
                raise WordingError(wording, f"unexpected {token!r}")
            current = Decimal(1)
        elif token == "and":
            continue
        elif token in _UNITS:
            value = _UNITS[token]
            if current is None:
                current = Decimal(value)
            elif current % 100 == 0 and current > 0 and value > 0:
                current += value  # "one hundred five"
            elif current % 10 == 0 and current % 100 >= 20 and 0 < value < 10:
                current += value  # "(two hundred) twenty four"
            else:
                raise WordingError(wording, f"{token!r} cannot follow the number before it")
            seen_number = True
        elif token in _TENS:
            value = _TENS[token]
            if current is None:
                current = Decimal(value)
            elif current % 100 == 0 and current > 0:
                current += value
            else:
                raise WordingError(wording, f"{token!r} cannot follow the number before it")
            seen_number = True
        elif token == "hundred":
            current = (current if current is not None else Decimal(1)) * 100
            seen_number = True
        elif token == "dozen":
            current = (current if current is not None else Decimal(1)) * 12
            seen_number = True
        elif token in _SCALES:
            if current is None and total:
                raise WordingError(wording, f"{token!r} cannot follow the number before it")
            total += (current if current is not None else Decimal(1)) * _SCALES[token]
            current = None
            seen_number = True
        else:
            raise WordingError(wording, f"{token!r} is not part of a number")
    if not seen_number:
        raise WordingError(wording, "there is no number in it")
    total += current or 0
    if total != total.to_integral_value():
        raise WordingError(wording, f"{total} is not a whole number of people")
    if total > MAX_COUNT:
        raise WordingError(wording, f"{total:,.0f} is more people than live on Earth")
    return int(total)


def _approx(n: int, tolerance: float) -> tuple[int, int]:
    return round(n * (1 - tolerance)), round(n * (1 + tolerance))


def _interval(kind: str, n: int, config: WordingConfig, wording: str) -> Interval:
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
        lo, hi = _approx(n, config.tolerance)
    elif kind == "nearly":
        lo, hi = _approx(n, config.tolerance)[0], n - 1
    else:  # pragma: no cover - the tables above name every kind
        raise AssertionError(kind)
    if hi is not None and hi < lo:
        raise WordingError(wording, f"it leaves no possible number ([{lo}, {hi}] is empty)")
    return Interval(lo, hi)


def parse_value(wording: str | int, config: WordingConfig = DEFAULT_CONFIG) -> Interval:
    """Return the interval a stated figure means, or raise :class:`WordingError`."""
    if isinstance(wording, str):
        return _parse_text(wording, config)
    return _parse(wording, config)


_PLAIN_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+", re.ASCII)


@lru_cache(maxsize=65_536)
def _parse_text(wording: str, config: WordingConfig) -> Interval:
    # Real ledgers repeat a few thousand wordings ("100", "more than 4,000") endlessly.
    # Most of the rest are bare figures ("3,686"), which mean exactly themselves.
    if _PLAIN_FIGURE.fullmatch(wording) and wording not in config.vague:
        n = int(wording.replace(",", ""))
        if n <= MAX_COUNT:
            return Interval(n, n)
    return _parse(wording, config)


def _parse(wording: str | int, config: WordingConfig) -> Interval:
    if isinstance(wording, bool):
        raise WordingError(str(wording), "a yes/no value is not a figure")
    if isinstance(wording, int):
        if wording < 0:
            raise WordingError(str(wording), "a count of people cannot be negative")
        if wording > MAX_COUNT:
            raise WordingError(str(wording), f"{wording:,} is more people than live on Earth")
        return Interval(wording, wording)
    original = str(wording)
    text = _normalise(original)
    if not text:
        raise WordingError(original, "it is empty")
    if text.startswith("-") and re.match(r"^-\s*\d", text):
        raise WordingError(original, "a count of people cannot be negative")
    text = _strip_framing(text)

    if text in config.vague:
        lo, hi = config.vague[text]
        return Interval(lo, hi)

    range_match = _DIGIT_RANGE.match(text)
    between = re.match(r"^between (.+?) and (.+)$", text)
    to_range = re.match(r"^(.+?) to (.+)$", text)
    if range_match or between or (to_range and not text.startswith("up to")):
        first, second = (range_match or between or to_range).groups()  # type: ignore[union-attr]
        lo, hi = parse_number(first, original), parse_number(second, original)
        if hi < lo:
            raise WordingError(original, f"the range runs backwards ({lo} to {hi})")
        return Interval(lo, hi)

    for kind, phrases in _PREFIXES:
        phrase, rest = _strip_phrase(text, phrases, at_start=True)
        if phrase is not None and rest:
            return _interval(kind, parse_number(rest, original), config, original)
    for kind, phrases in _SUFFIXES:
        phrase, rest = _strip_phrase(text, phrases, at_start=False)
        if phrase is not None and rest:
            return _interval(kind, parse_number(rest, original), config, original)
    try:
        return _interval("exact", parse_number(text, original), config, original)
    except WordingError as error:
        known = ", ".join(sorted(config.vague))
        raise WordingError(
            original,
            f"{error.reason}; expected a number with an optional qualifier "
            f"(more than, at least, up to, fewer than, about, nearly, N-M) or one of: {known}",
        ) from None


def grammar_table(config: WordingConfig = DEFAULT_CONFIG) -> list[tuple[str, str]]:
    """The grammar with the configured defaults, as (wording, interval) rows for help text."""
    t = config.tolerance
    rows = [
        ("N (digits, 1,500, 1 500 or words)", "[N, N]"),
        ("more than N, over N, > N", "[N+1, open]"),
        ("at least N, N+, >= N, N or more, upwards of N", "[N, open]"),
        ("up to N, at most N, <= N, no more than N, as many as N", "[0, N]"),
        ("fewer than N, less than N, under N, < N", "[0, N-1]"),
        (
            "about N, around N, approximately N, some N, roughly N, ~N",
            f"[round(N*{1 - t:g}), round(N*{1 + t:g})]  (tolerance {t:g})",
        ),
        ("nearly N, almost N", f"[round(N*{1 - t:g}), N-1]"),
        ("N-M, N to M, between N and M", "[N, M]"),
    ]
    rows += [(word, f"[{lo}, {hi}]") for word, (lo, hi) in sorted(config.vague.items())]
    return rows


def parse_vague_override(text: str) -> tuple[str, tuple[int, int]]:
    """Parse ``WORDING=LO-HI`` (as given to ``--vague``)."""
    word, sep, span = text.partition("=")
    match = re.match(r"^\s*(\d+)\s*-\s*(\d+)\s*$", span)
    if not sep or not word.strip() or not match:
        raise ValueError(f"expected WORDING=LO-HI such as 'dozens=12-99', not {text!r}")
    lo, hi = int(match.group(1)), int(match.group(2))
    if hi < lo:
        raise ValueError(f"{text!r}: the range runs backwards")
    return _normalise(word), (lo, hi)


def parse_tolerance(text: str) -> float:
    try:
        value = Decimal(text.strip().rstrip("%"))
    except InvalidOperation:
        raise ValueError(f"tolerance must be a number such as 0.1 or 10%, not {text!r}") from None
    if text.strip().endswith("%"):
        value /= 100
    if not 0 <= value < 1:
        raise ValueError(f"tolerance must be between 0 and 1 (or 0% and 100%), not {text!r}")
    return float(value)
