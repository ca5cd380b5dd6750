"""Reading a file with a bound: never more than the cap, never something that is not a
regular file (a FIFO would hang the read, ``/dev/zero`` would never end)."""

from __future__ import annotations

import codecs
import os
import stat
import sys
from pathlib import Path

from .errors import LedgerError


class UnreadableFile(LedgerError):
    """A file refused by :func:`read_bounded`; ``reason`` completes "the file ..."."""

    def __init__(self, what: str, file: str | Path, reason: str, hint: str | None = None):
        super().__init__(f"{what} {file} {reason}", hint)
        self.reason = reason


def _size(cap: int) -> str:
    return f"{cap // 1024**3} GiB" if cap >= 1024**3 else f"{cap // 1024**2} MiB"


def read_bounded(file: str | Path, cap: int, what: str = "file") -> bytes:
    """The bytes of ``file`` (``-``: standard input), at most ``cap`` of them.

    Raises :class:`LedgerError` naming the file when it is not a regular file (checked on
    the opened descriptor, so a swap after the check cannot slip a FIFO in), cannot be
    read, or holds more than ``cap`` bytes (counted while reading, not trusted from
    ``st_size``)."""
    if str(file) == "-":
        data = sys.stdin.buffer.read(cap + 1)
        if len(data) > cap:
            raise UnreadableFile("standard input", "", f"holds more than {_size(cap)}", "split it into several imports")
        return data
    try:
        descriptor = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise UnreadableFile(what, file, f"cannot be read ({error.strerror or error})") from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):  # before fdopen, which refuses a directory with its own error
        os.close(descriptor)
        kind = ("a directory" if stat.S_ISDIR(mode) else "a pipe (FIFO)" if stat.S_ISFIFO(mode)
                else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
        raise UnreadableFile(what, file, f"is {kind}: only a regular file is read",
                             "save the data to a file first (or pipe it to `-`)")
    with os.fdopen(descriptor, "rb") as handle:
        try:
            data = handle.read(cap + 1)
        except OSError as error:
            raise UnreadableFile(what, file, f"cannot be read ({error.strerror or error})") from None
    if len(data) > cap:
        raise UnreadableFile(what, file, f"is larger than {_size(cap)}", "split it, or archive a shorter text")
    return data


class UndecodableText(LedgerError):
    """Bytes that are not text in the encoding expected: ``reason`` completes "the file
    ...", ``line`` is where the first bad byte is; ``text`` the encoding named when it is
    no encoding at all."""

    def __init__(self, reason: str, line: int | None = None, text: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.text = text


# The fix for an archived text that reads as Windows-1252 (no encoding option reads one).
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # an archived article's text: the one cap for every path
WINDOWS_1252_DOCUMENT = "save it as UTF-8 (e.g. iconv -f cp1252 -t UTF-8)"
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(data: bytes, encoding: str | None = None, *, windows_1252: str) -> str:
    """The text of a file a user gives (an import file, an archived document): UTF-8 with
    or without its byte-order mark, UTF-16 with its byte-order mark, or ``encoding``.

    The one rule for every such file, from the CLI and the Python API alike. Raises
    :class:`UndecodableText` naming the byte and its line; when the bytes read as
    Windows-1252 (what Excel and Notepad save on Windows) the reason says so and gives
    ``windows_1252``, the fix for this kind of file."""
    name = encoding or next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        return data.decode(name)
    except LookupError:
        raise UndecodableText("is not a text encoding Python knows (e.g. cp1252, latin-1)", None, encoding) from None
    except UnicodeError as error:
        start = getattr(error, "start", 0)
        fix = "save it as UTF-8"
        try:
            data.decode("cp1252")
            fix = f"it reads as Windows-1252 (what Excel and Notepad save on Windows): {windows_1252}"
        except UnicodeError:
            pass
        shown = "utf-8" if name == "utf-8-sig" else name
        raise UndecodableText(f"is not {shown} text (byte {start}); {fix}", data[:start].count(b"\n") + 1) from None
