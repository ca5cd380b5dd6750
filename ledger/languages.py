"""The wording grammar's words in the other languages of real collections.

The grammar (:mod:`ledger.wording`) is English; collectors copy figures as printed, in
the outlet's language ("más de 200 venezolanos", "Ещё по 300 человек", "Zehn
Häftlinge"). Number words are read by libraries: ``text2num`` (French, Spanish, German,
Portuguese, Italian, Dutch, Danish) and ``number-parser`` (Russian, Ukrainian). The few
qualifiers and framing words around a number are listed here, each mapped to the English
phrase it means, so the English grammar's meaning applies: one grammar, several
vocabularies. Languages seen in data/: es, pt, fr, it, de, da/no, ro, sl/hr, ru, uk.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from text_to_num import text2num

TEXT2NUM_LANGUAGES = ("fr", "es", "de", "pt", "it", "nl", "da")
# One-letter and article-like words that are also "one" somewhere: read as words, not as 1.
_NOT_NUMBERS = {"en", "et", "een", "i", "o", "a", "e", "y", "u", "un", "une", "uno", "una", "um", "uma"}
_CYRILLIC = re.compile(r"^[\u0400-\u04ff'\u2019-]+$")

# English phrase (a key of the grammar's tables) -> the same in other languages.
QUALIFIERS = {
    "more than": ("más de", "plus de", "mehr als", "più di", "oltre", "mais de", "več kot", "više od", "peste",
                  "более", "больше", "понад", "більше"),
    "at least": ("al menos", "por lo menos", "au moins", "mindestens", "almeno", "pelo menos",
                 "не менее", "щонайменше", "cel puțin"),
    "up to": ("hasta", "jusqu'à", "bis zu", "fino a", "até", "до"),
    "about": ("cerca de", "alrededor de", "unos", "unas", "environ", "quelque", "etwa", "rund", "circa",
              "circa", "около", "приблизно", "близько", "aproximadamente", "aproximativ", "oko", "približno"),
    "nearly": ("casi", "presque", "près de", "fast", "quasi", "quase", "почти", "майже", "skoraj", "gotovo"),
}
LEADING_FILLERS = (
    "un total de", "en total", "los", "las", "les", "otros", "otras", "outros", "outras", "altri", "altre",
    "d'autres", "weitere", "insgesamt", "zuvor", "alți", "alte", "ще", "еще", "ещё", "загалом", "всего",
    "в общей сложности", "по", "po", "još",
)
TRAILING_FILLERS = ("en total", "au total", "insgesamt", "in totale", "no total", "всего", "загалом")
SEPARATORS = ("und", "y", "et", "e", "og", "и", "та", "і")  # not "in" (Slovene): English "in 2 batches"
BREAKDOWNS = ("darunter", "incluidos", "incluidas", "entre ellos", "dont", "tra cui", "incluindo",
              "включая", "в том числе", "серед них", "у тому числі", "među njima")
# vague plurals -> the English key whose configured interval they mean
VAGUE = {
    "decenas": "dozens", "dizaines": "dozens", "dutzende": "dozens", "decine": "dozens", "dezenas": "dozens",
    "десятки": "dozens", "cientos": "hundreds", "centenares": "hundreds", "centaines": "hundreds",
    "hunderte": "hundreds", "centinaia": "hundreds", "centenas": "hundreds", "сотни": "hundreds",
    "сотні": "hundreds", "miles": "thousands", "milliers": "thousands", "tausende": "thousands",
    "migliaia": "thousands", "milhares": "thousands", "тысячи": "thousands", "тисячі": "thousands",
    "millones": "millions", "millions": "millions", "millionen": "millions", "milioni": "millions",
    "milhões": "millions", "миллионы": "millions", "мільйони": "millions",
}
PARTITIVES = ("der", "de", "des", "di", "dos", "das", "del", "из", "з")  # "13 der insgesamt 16"
RATIO_WORDS = ("for", "на", "por", "pour", "für", "per", "za", "за")  # "500-for-500", "300 на 300"
DOZEN_WORDS = ("docena", "docenas", "douzaine", "douzaines", "dutzend", "dozzina", "dozzine", "dúzia", "dúzias")


# Scale words after a figure ("5 ألف", "5 тыс.", "10万", "2 lac"). Most come from
# number-parser's tables of powers of ten (one per language it knows, kept by its
# maintainers: a hand list would miss most of them); these add what those tables lack.
SCALE_WORDS_ADDED = {
    # singular and spelling variants the tables lack (they give only "آلاف", "אלפים")
    "ألف": 1_000, "الف": 1_000, "مئة": 100, "ملايين": 1_000_000, "אלף": 1_000, "हजार": 1_000,
    # Chinese, Japanese and Korean: number-parser has no powers of ten for them
    "百": 100, "千": 1_000, "万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000,
    "백": 100, "천": 1_000, "만": 10_000, "억": 100_000_000,
    # abbreviations of the press ("5 mln", "5 bn", "5 Mio.", "5 тыс.")
    "k": 1_000, "mln": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000,
    "mio": 1_000_000, "mrd": 1_000_000_000, "mld": 1_000_000_000, "tys": 1_000, "tis": 1_000,
    "тыс": 1_000, "тис": 1_000, "млн": 1_000_000, "млрд": 1_000_000_000,
    "tsd": 1_000, "thou": 1_000, "thsd": 1_000, "hazar": 1_000, "hazaar": 1_000,  # German Tsd., hazār
    # "cr" is the Indian press's crore: read everywhere, as lakh and crore are (no locale)
    "cr": 10_000_000,
    "lac": 100_000, "lacs": 100_000, "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
}
# Abbreviations with more than one reading after a figure: refused, naming the word to write.
SCALE_WORDS_AMBIGUOUS = {"m": ("million, metres or minutes", "million"), "b": ("billion", "billion"),
                         "bilion": ("a billion in Malay, a trillion in Romanian", "billion")}
# Scale words whose meaning depends on the language when the figure has a decimal: "12 mil
# presos" is 12,000 (Spanish, Portuguese), but "1.5 mil" is 1,500 in Mexico and 1,500,000 in
# the English press; a count of people in thousands is rarely fractional, so it is refused.
SCALE_WORDS_DECIMAL_AMBIGUOUS = {"mil": ("Spanish or Portuguese thousand", "the English press's million",
                                         1_000_000, "million")}
# After a figure or a CJK scale, "more than": "2千余人", "20多名", "1만여 명" are more than
# 2,000, 20 and 10,000 people.
CJK_MORE = "余多여"
# The classifiers (measure words) for people a CJK figure is followed by.
CJK_PEOPLE = "人名명位个個"
# Words of number-parser's tables that are English words after a number ("5 set free", "50
# per cent", "5 min"): never read as a scale.
_NOT_SCALES = {"set", "cent", "cant", "min", "bin"}
# Split from the word they begin when they stand right after a digit or after a digit and one
# space: "5千人", "10 万人", "1만명" are 5千, 10 万, 1만 and the people classifier (人, 名, 명).
CJK_SCALES = "百千万萬亿億백천만억"


@lru_cache(maxsize=1)
def _scale_table() -> dict[str, int]:
    import importlib
    import pkgutil

    import number_parser.data

    table: dict[str, set[int]] = {}
    for module in pkgutil.iter_modules(number_parser.data.__path__):
        info = getattr(importlib.import_module(f"number_parser.data.{module.name}"), "info", None) or {}
        for word, value in info.get("BIG_POWERS_OF_TEN", {}).items():
            table.setdefault(unicodedata.normalize("NFC", word.casefold()), set()).add(value)
    words = {w: next(iter(v)) for w, v in table.items()
             if len(v) == 1 and " " not in w and w not in _NOT_SCALES and w not in SCALE_WORDS_AMBIGUOUS}
    words.update((unicodedata.normalize("NFC", w), v) for w, v in SCALE_WORDS_ADDED.items())
    return words


def scale_word(word: str) -> int | None:
    """The power of ten that ``word`` (case-folded, a final dot dropped) names after a
    figure in some language ("ألف", "тыс", "mln", "万": 1,000, 1,000, 1,000,000, 10,000),
    or None."""
    if word.isascii() and word not in SCALE_WORDS_ADDED and len(word) < 3:
        return None
    return _scale_table().get(unicodedata.normalize("NFC", word))


@lru_cache(maxsize=4096)
def foreign_number(words: tuple[str, ...]) -> tuple[int, int] | None:
    """(value, words used) of the longest run of number words at the start of ``words``
    in one of the supported languages, or None. Only words that could not be English."""
    if not words or words[0] in _NOT_NUMBERS:
        return None
    if _CYRILLIC.match(words[0]):
        return _cyrillic_number(words)
    for length in range(min(len(words), 6), 0, -1):
        text = " ".join(words[:length])
        for language in TEXT2NUM_LANGUAGES:
            try:
                return int(text2num(text, language)), length
            except ValueError:
                continue
    return None


# English function words: running text with two of them near a word is English, where
# "to", "due", "once", "fire" are words, not Danish 2, Italian 2, Spanish 11, Danish 4.
_ENGLISH_WORDS = r"(?:the|and|of|to|that|was|were|in|on|has|have|with|from|by|for|is|are|at)"
_ENGLISH_CONTEXT = re.compile(rf"\b{_ENGLISH_WORDS}\b", re.I)
_ENGLISH_WORD = re.compile(rf"{_ENGLISH_WORDS}$")


def is_english_word(word: str) -> bool:
    """Whether ``word`` (case-folded) is an English function word that is also a number
    elsewhere ("to": Danish 2, "due": Italian 2): after a figure it is English ("201 to
    Sanaa")."""
    return bool(_ENGLISH_WORD.match(word))


def is_foreign_number_word(word: str, context: str) -> bool:
    """Whether ``word`` (case-folded) begins a number only in another language ("zehn",
    "diez", "tolv", "трех") and may be read as one in running text ``context`` (the words
    around it): a Cyrillic number word always, a Latin one unless ``context`` is English."""
    if is_english_word(word) or foreign_number((word,)) is None:
        return False
    return bool(_CYRILLIC.match(word)) or len(_ENGLISH_CONTEXT.findall(context)) < 2


def _cyrillic_number(words: tuple[str, ...]) -> tuple[int, int] | None:
    from number_parser import parse_number  # imported only when a Cyrillic word is met

    for length in range(min(len(words), 4), 0, -1):
        if not all(_CYRILLIC.match(w) for w in words[:length]):
            continue
        text = " ".join(words[:length])
        for language in ("ru", "uk"):
            value = parse_number(text, language=language)
            if isinstance(value, int):
                return value, length
    return None
