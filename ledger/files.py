"""An import file as ``pxl import`` and ``Ledger.import_file`` both read it: the bytes,
their format, and whether the file is large enough to be read ahead in another process.

:func:`import_file` is the one path from a file name to :func:`~ledger.importer.import_rows`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .bounded import read_bounded
from .importer import READ_AHEAD_FROM, ImportReport, Progress, import_rows
from .sheets import ReadNotes, detect_format, iter_rows
from .store import Ledger

MAX_FILE_BYTES = 2 * 1024**3
XLSX_READ_AHEAD_BYTES = 2**20  # a workbook does not say how many rows it holds: 1 MiB is some 17,000


@dataclass(frozen=True)
class ImportInput:
    """A file to import: its bytes, name (None for stdin), the folder ``document`` paths
    are relative to, its format (csv, jsonl, xlsx) and its line count (0 for a workbook)."""

    data: bytes
    name: str | None
    base_dir: Path
    fmt: str
    lines: int
    encoding: str | None = None  # of a CSV or JSONL file that is not UTF-8 / UTF-16 with a BOM

    @property
    def large(self) -> bool:
        """Worth reading and checking in a forked process while this one writes."""
        if self.fmt == "xlsx":
            return len(self.data) >= XLSX_READ_AHEAD_BYTES
        return self.lines >= READ_AHEAD_FROM


def read_input(file: str | Path, input_format: str | None = None, encoding: str | None = None) -> ImportInput:
    """Read ``file`` (``-``: stdin) with a bound; raises :class:`LedgerError` when it is not
    a regular file, cannot be read, or is larger than :data:`MAX_FILE_BYTES`."""
    data = read_bounded(file, MAX_FILE_BYTES, "import file")
    if str(file) == "-":
        name, base_dir = None, Path.cwd()
    else:
        name, base_dir = Path(file).name, Path(file).parent
    fmt = input_format or detect_format(name, data[:512])
    return ImportInput(data, name, base_dir, fmt, data.count(b"\n") if fmt != "xlsx" else 0, encoding)


def import_input(
    ledger: Ledger,
    source: ImportInput,
    *,
    dry_run: bool = False,
    amend_by_ref: bool = False,
    reason: str | None = None,
    allow_outside: bool = False,
    recorded_by: str | None = None,
    read_ahead: bool | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a read file all or nothing (see :func:`~ledger.importer.import_rows`).
    ``read_ahead``: None decides by size (what the CLI does), False never forks."""
    read_errors: list = []
    notes = ReadNotes()
    # parsed chunk by chunk as the import goes
    rows = iter_rows(source.data, source.fmt, read_errors, encoding=source.encoding, notes=notes)
    report = import_rows(
        ledger, rows, source.base_dir, read_errors=read_errors, dry_run=dry_run,
        amend_by_ref=amend_by_ref,
        reason=reason or f"re-import of {source.name or 'stdin'} with --amend-by-ref",
        allow_outside=allow_outside, recorded_by=recorded_by,
        read_ahead=source.large if read_ahead is None else read_ahead, progress=progress,
    )
    report.extra_columns = list(notes.extra_columns)
    return report


def import_file(ledger: Ledger, file: str | Path, *, input_format: str | None = None,
                encoding: str | None = None, **options) -> ImportReport:
    """:func:`read_input` then :func:`import_input`."""
    return import_input(ledger, read_input(file, input_format, encoding), **options)
