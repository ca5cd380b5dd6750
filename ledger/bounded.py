"""Reading a file with a bound: never more than the cap, never something that is not a
regular file (a FIFO would hang the read, ``/dev/zero`` would never end)."""

from __future__ import annotations

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
    with os.fdopen(descriptor, "rb") as handle:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            kind = ("a directory" if stat.S_ISDIR(mode) else "a pipe (FIFO)" if stat.S_ISFIFO(mode)
                    else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
            raise UnreadableFile(what, file, f"is {kind}: only a regular file is read",
                                 "save the data to a file first (or pipe it to `-`)")
        try:
            data = handle.read(cap + 1)
        except OSError as error:
            raise UnreadableFile(what, file, f"cannot be read ({error.strerror or error})") from None
    if len(data) > cap:
        raise UnreadableFile(what, file, f"is larger than {_size(cap)}", "split it, or archive a shorter text")
    return data
