"""A report as a file: what ``pxl report`` and ``Ledger.report`` both write.

Pure over a :class:`~ledger.reconcile.Reconciliation`: no database. matplotlib (a third of
a second to load) is imported only where charts are drawn.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pxl.ledger.errors import LedgerError
from pxl.ledger.reconcile import Reconciliation, SeriesResult

from .model import build
from .render import to_csv, to_html, to_json, to_markdown

FORMATS = ("html", "md", "csv", "json")
SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".csv": "csv", ".json": "json"}
DEFAULT_TITLE = "Prisoner-exchange discrepancy report"


def format_of(path: str | Path) -> str:
    """The report format a file name asks for (``.html``, ``.md``, ``.csv``, ``.json``)."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise LedgerError(f"cannot tell the report format of {str(path)!r}",
                          f"name it .html, .md, .csv or .json, or give the format ({', '.join(FORMATS)})")
    return SUFFIXES[suffix]


def render_report(
    result: Reconciliation,
    fmt: str,
    output: Path | None = None,
    *,
    digest: str | None,
    as_known_at: str | None,
    title: str = DEFAULT_TITLE,
    family: Sequence[SeriesResult] = (),
) -> str:
    """The report's text in ``fmt`` (one of :data:`FORMATS`). ``output`` is where it will
    be written: Markdown charts then go as SVG and PNG into ``STEM-charts/`` beside it
    (without it, Markdown has no charts). ``family``: more series whose results a chart
    may stack as parts (a scope reported alone, reconciled with its family)."""
    if fmt not in FORMATS:
        raise LedgerError(f"unknown report format {fmt!r}", f"use one of {', '.join(FORMATS)}")
    inline: dict[str, str] = {}
    captions: dict[str, str] = {}
    if fmt == "html" or (fmt == "md" and output is not None):
        from . import charts

        captions = {s.series: charts.caption(s, _conflicted(result, s.series), _family(result, s, family))
                    for s in result.series}
    if fmt == "html":
        from . import charts

        items = [(s, _conflicted(result, s.series), _family(result, s, family)) for s in result.series]
        wide, narrow = charts.svgs(items, "wide"), charts.svgs(items, "narrow")
        inline = {s.series: (w, n) for s, w, n in zip(result.series, wide, narrow, strict=True) if w is not None}
    model = build(result, digest=digest, as_known_at=as_known_at, title=title, charts=inline, captions=captions)
    if fmt != "md":
        return {"html": to_html, "csv": to_csv, "json": to_json}[fmt](model)
    chart_paths = {}
    if output is not None:
        from . import charts

        folder = output.with_name(output.stem + "-charts")
        folder.mkdir(exist_ok=True)
        for s in model.series:
            written = charts.write_files(s.result, set(s.conflicted), folder / s.slug,
                                         _family(result, s.result, family))
            if written:
                chart_paths[s.result.series] = f"{folder.name}/{written[0].name}"
    return to_markdown(model, chart_paths)


def write_report(result: Reconciliation, path: str | Path, fmt: str | None = None, **context) -> Path:
    """Write the report to ``path`` (format from its suffix unless ``fmt``); returns the
    path. Raises :class:`LedgerError` when the folder is missing or the file unwritable."""
    path = Path(path)
    if path.is_dir():
        raise LedgerError(f"cannot write the report to {path}: it is a folder",
                          f"give a file name, e.g. {path / 'report.html'}")
    fmt = fmt or format_of(path)
    if not path.resolve().parent.is_dir():
        raise LedgerError(f"cannot write {path}: the folder {path.parent} does not exist")
    try:
        text = render_report(result, fmt, path, **context)
    except OSError as error:  # Markdown's chart files, written beside it (each whole or not at all)
        kept = f"the previous {path.name} is untouched" if path.exists() else f"{path.name} was not written"
        raise LedgerError(f"cannot write the charts of {path}: {error.strerror or error}; {kept}",
                          "free some space (or choose another folder) and run the command again") from None
    try:
        write_text_atomically(path, text)
    except OSError as error:
        kept = f"the previous {path.name} is untouched" if path.exists() else "nothing was written"
        raise LedgerError(f"cannot write {path}: {error.strerror or error}; {kept}",
                          "free some space (or choose another folder) and run the command again") from None
    return path


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``path`` whole or not at all:
    :func:`write_bytes_atomically`."""
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename
    it over ``path``: a reader sees the old file or the whole new one, never a truncated
    one (a full disk once left half a report over a good one). Raises OSError, with the
    temporary file removed."""
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~current_umask())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _conflicted(result: Reconciliation, series: str) -> set[int]:
    return {c.seq for d in result.conflicts if d.series == series for c in d.claims}


def _family(result: Reconciliation, series: SeriesResult, more: Sequence[SeriesResult] = ()) -> tuple:
    """The direct parts of ``series`` found in ``result`` or ``more``: what its chart stacks."""
    known = {s.series: s for s in (*more, *result.series)}
    return tuple(known[name] for name in series.parts if name in known)
