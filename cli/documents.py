"""Reading archived document text given on the command line."""

from __future__ import annotations

from pxl.ledger.bounded import MAX_DOCUMENT_BYTES, WINDOWS_1252_DOCUMENT, UndecodableText, decode_text, read_bounded
from pxl.ledger.errors import LedgerError


def read_document(path: str) -> str:
    """The UTF-8 text of ``path`` (``-`` for stdin), exactly as stored (no newline changes)."""
    data = read_bounded(path, MAX_DOCUMENT_BYTES, "document")
    try:
        text = decode_text(data, windows_1252=WINDOWS_1252_DOCUMENT)
    except UndecodableText as error:
        raise LedgerError(f"{path} {error.reason}", "archive the text as UTF-8 (e.g. iconv -t UTF-8)") from None
    if "\x00" in text:
        raise LedgerError(f"{path} contains NUL characters: it is not a text document")
    return text
