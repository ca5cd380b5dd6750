"""Counts and articles in messages: "1 claim", "2 claims", "an increment figure".

One place for the English of every message pxl prints, so that no message says
"1 claims" or "a increment".
"""

from __future__ import annotations

# Nouns whose plural is not the singular plus "s" (and "series", which has none).
IRREGULAR = {"series": "series", "person": "people"}


def plural(noun: str) -> str:
    """The plural of ``noun`` ("claim" -> "claims", "discrepancy" -> "discrepancies")."""
    if noun in IRREGULAR:
        return IRREGULAR[noun]
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def count(n: int, noun: str, many: str | None = None) -> str:
    """``n`` with its noun in the right number: "1 claim", "2 claims", "1,500 rows".
    ``many`` overrides the plural."""
    return f"{n:,} {noun if n == 1 else (many or plural(noun))}"


def cannot_hold(n: int, noun: str) -> str:
    """"these 2 claims cannot both be true", "these 3 claims cannot all be true"."""
    return f"these {count(n, noun)} cannot {'both' if n == 2 else 'all'} be true"


def article(word: str) -> str:
    """``word`` with "a" or "an" before it, by its first letter's sound as spelt:
    "an increment", "a cumulative", "a pledge". (Written words only, not numbers.)"""
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word
