"""Text on its way to a terminal (kept light: every command imports it)."""

from __future__ import annotations

import re

# What a terminal would act on rather than show: C0 controls but newline and tab, DEL, C1
# controls (0x9b is a one-byte ESC[), line and paragraph separators, and the bidirectional
# overrides, embeddings, isolates and marks that reorder what is shown.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """``text`` with every character a terminal would act on written as ``\\uXXXX``:
    ``ESC[2J`` cannot clear the screen, a CR cannot overwrite what came before. The
    escape is JSON's, so a JSON text stays valid JSON of the same value."""
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
