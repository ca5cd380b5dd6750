"""Find a quote in archived text and describe it as W3C Web Annotation selectors.

A quote copied from a web page or PDF rarely matches the archived text byte for byte:
line breaks become spaces and typographic quotes and dashes become ASCII. So the search
compares both texts after folding whitespace, quotes and dashes, and the selector keeps the
*document's* own characters (``exact`` is always ``text[start:end]``).
"""

from __future__ import annotations

import re

from .model import QuoteSelector

CONTEXT_CHARS = 32
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})


def _folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` (quotes, dashes, runs of whitespace -> one space) and map each folded
    character back to its offset in ``text``."""
    out: list[str] = []
    offsets: list[int] = []
    previous_space = False
    for index, char in enumerate(text.translate(_FOLD)):
        if char.isspace():
            if previous_space:
                continue
            char = " "
            previous_space = True
        else:
            previous_space = False
        out.append(char)
        offsets.append(index)
    return "".join(out), offsets


def locate(text: str, quote: str) -> QuoteSelector | None:
    """The selector of the first occurrence of ``quote`` in ``text``, or None if absent."""
    quote = quote.strip()
    if not quote:
        return None
    start = text.find(quote)
    if start >= 0:
        end = start + len(quote)
    else:
        folded_text, offsets = _folded_with_offsets(text)
        folded_quote, _ = _folded_with_offsets(quote)
        at = folded_text.find(folded_quote.strip())
        if at < 0:
            at = folded_text.lower().find(folded_quote.strip().lower())
            if at < 0:
                return None
        start = offsets[at]
        end = offsets[at + len(folded_quote.strip()) - 1] + 1
    return QuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS):start],
        suffix=text[end:end + CONTEXT_CHARS],
        start=start,
        end=end,
    )


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) of ``text`` that contains ``text[start:end]``, for display."""
    ends_before = [m.end() for m in re.finditer(r"[.!?][\"'\u201d\u2019]?\s", text[:start])]
    left = max([text.rfind("\n", 0, start) + 1, *ends_before])
    stop = re.search(r"[.!?](?=[\"'\u201d\u2019]?(\s|$))|\n", text[end:])
    right = end + stop.end() if stop else len(text)
    return text[left:right].strip()
