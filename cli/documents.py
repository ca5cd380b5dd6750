"""Reading archived document text given on the command line."""

from __future__ import annotations

from pxl.ledger.bounded import read_bounded
from pxl.ledger.errors import LedgerError

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


def read_document(path: str) -> str:
    """The UTF-8 text of ``path`` (``-`` for stdin), exactly as stored (no newline changes)."""
    data = read_bounded(path, MAX_DOCUMENT_BYTES, "document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LedgerError(f"{path} is not UTF-8 text (byte {error.start})",
                          "archive the text as UTF-8 (e.g. iconv -t UTF-8)") from None
    if "\x00" in text:
        raise LedgerError(f"{path} contains NUL characters: it is not a text document")
    return text
