"""Reading import files (CSV, JSON Lines, XLSX) into numbered raw rows.

Each reader returns ``(rows, errors)``: it reads the whole file, and an unreadable row is
an error naming its line, not the end of the read. Line numbers are those a user sees in
an editor (CSV and JSONL: the physical line a record starts on; XLSX: the sheet row).
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import math
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, Iterator

from .bounded import UndecodableText, decode_text
from .drafts import COLUMNS, CONTROL_CHARACTERS, REQUIRED_COLUMNS
from .errors import FieldError
from .model import SERIES_PATTERN

FORMATS = ("csv", "jsonl", "xlsx")
# Columns `pxl extract` adds for the reviewer; derived or informational (`parts` is read
# again from the value), ignored on import.
REVIEW_COLUMNS = ("lo", "hi", "start", "end", "confidence", "reason", "parts")
MAX_FIELD_CHARS = 1_000_000  # a 10 MB "quote" is an attack or an accident, not a quote
# What a workbook may expand to, read from its zip directory before anything is inflated
# (zipfile inflates no member past its declared size), and the most it may expand by.
MAX_WORKBOOK_EXPANDED = 512 * 1024**2
MAX_WORKBOOK_RATIO = 200
DELIMITERS = (",", ";", "\t", "|")
csv.field_size_limit(2**31 - 1)  # we check field size ourselves, with a message


@dataclass(frozen=True, slots=True)
class RawRow:
    line: int
    fields: dict[str, Any]


def detect_format(name: str | None, head: bytes) -> str:
    if name:
        suffix = Path(name).suffix.lower()
        if suffix in (".jsonl", ".ndjson", ".json"):
            return "jsonl"
        if suffix in (".xlsx", ".xlsm"):
            return "xlsx"
        if suffix in (".csv", ".tsv", ".txt"):
            return "csv"
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "jsonl"
    return "csv"


def normalise_column(name: Any) -> str:
    return str(name or "").strip().lstrip("\ufeff").lower().replace("-", "_").replace(" ", "_")


def near_column(column: str) -> str | None:
    """The known column that ``column`` is a near miss of (``speakr``: ``speaker``), if any."""
    close = difflib.get_close_matches(column, COLUMNS, n=1, cutoff=0.8)
    return close[0] if close and abs(len(close[0]) - len(column)) <= 2 else None


def _check_header(columns: list[str], line: int, extra: list[str] | None = None) -> list[FieldError]:
    """Refuse duplicate columns, missing required ones and near misses of known ones
    (keeping ``speakr`` would silently empty ``speaker``); any other column is an extra
    one, kept with the rows and appended to ``extra``."""
    errors = []
    seen = set()
    for column in columns:
        if not column:
            continue
        if column in seen:
            errors.append(FieldError(column, column, "column appears twice", line))
        seen.add(column)
        if column in COLUMNS or column in REVIEW_COLUMNS:
            continue
        near = near_column(column)
        if CONTROL_CHARACTERS.search(column):
            errors.append(FieldError(column, column, "a column name with control characters", line))
        elif near is not None:
            errors.append(FieldError(column, column, f"unknown column; did you mean `{near}`?", line))
        elif extra is not None and column not in extra:
            extra.append(column)
    for column in REQUIRED_COLUMNS:
        if column not in seen:
            errors.append(FieldError(column, None, "required column is missing", line))
    return errors


def _oversized(row: RawRow) -> list[FieldError]:
    try:
        if sum(map(len, row.fields.values())) <= MAX_FIELD_CHARS:
            return []  # no cell can be too long: the common case, decided in C
    except TypeError:  # a cell without a length (None, a number, a date)
        pass
    return [
        FieldError(column, str(value)[:40] + "...", f"longer than {MAX_FIELD_CHARS:,} characters", row.line)
        for column, value in row.fields.items()
        if isinstance(value, str) and len(value) > MAX_FIELD_CHARS
    ]


@dataclass
class ReadNotes:
    """What a reader learnt besides rows: the extra columns it kept (in file order)."""

    extra_columns: list[str] = field(default_factory=list)


def iter_rows(data: bytes, fmt: str, errors: list[FieldError], *, encoding: str | None = None,
              notes: ReadNotes | None = None) -> Iterator[RawRow]:
    """The rows of ``data``, parsed as they are consumed; problems are appended to
    ``errors`` as they are met (an import reads a large file one chunk at a time).
    ``encoding`` names the text encoding of a CSV or JSONL file that is not UTF-8 (or
    UTF-16 with a byte-order mark, which is recognised); extra columns are listed in
    ``notes``."""
    notes = notes if notes is not None else ReadNotes()
    if fmt == "xlsx":
        rows = _read_xlsx(data, errors, notes)
    else:
        rows = (_read_csv if fmt == "csv" else _read_jsonl)(data, errors, notes, encoding)
    for row in rows:
        errors.extend(_oversized(row))
        yield row


def read_rows(data: bytes, fmt: str, *, encoding: str | None = None) -> tuple[list[RawRow], list[FieldError]]:
    errors: list[FieldError] = []
    rows = list(iter_rows(data, fmt, errors, encoding=encoding))
    return rows, errors


def _decode(data: bytes, encoding: str | None = None) -> tuple[str | None, FieldError | None]:
    """Text of an import file (:func:`ledger.bounded.decode_text`), else the error."""
    try:
        return decode_text(data, encoding, windows_1252=WINDOWS_1252_IMPORT), None
    except UndecodableText as error:
        return None, FieldError("file", error.text, error.reason, error.line)


WINDOWS_1252_IMPORT = "import it with --encoding cp1252 (in Python: encoding=\"cp1252\"), or save it as 'CSV UTF-8'"


def _delimiter(header_line: str) -> str:
    """The delimiter that splits the header line into the most known columns (a European
    Excel saves ';'); ties go to the comma."""
    def known(delimiter: str) -> int:
        try:
            cells = next(csv.reader([header_line], delimiter=delimiter), [])
        except csv.Error:
            return 0
        return sum(normalise_column(c) in COLUMNS for c in cells)
    return max(DELIMITERS, key=lambda d: (known(d), d == ","))


def _read_csv(data: bytes, errors: list[FieldError], notes: ReadNotes, encoding: str | None) -> Iterator[RawRow]:
    text, error = _decode(data, encoding)
    if error:
        errors.append(error)
        return
    assert text is not None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        errors.append(FieldError("file", None, "contains NUL bytes: not a CSV text file", line))
        return
    delimiter = _delimiter(text[:4096].splitlines()[0].lstrip("\ufeff") if text.strip() else "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, doublequote=True,
                        quotechar='"', skipinitialspace=False)
    try:
        header = next(reader, None)
    except csv.Error as csv_error:
        errors.append(FieldError("file", None, f"unreadable CSV header: {csv_error}", 1))
        return
    if header is None:
        errors.append(FieldError("file", None, "the file is empty: expected a header row", 1))
        return
    columns = [normalise_column(c) for c in header]
    header_errors = _check_header(columns, 1, notes.extra_columns)
    if len(columns) == 1 and header_errors:
        header_errors.append(FieldError(
            "file", header[0][:60], "found no separator between the column names: expected one of "
            "',' ';' tab '|' (e.g. series,kind,value,publisher,published)", 1))
    errors.extend(header_errors)
    kept = [c if c and (c in COLUMNS or c in notes.extra_columns) else None for c in columns]
    unnamed = [index for index, column in enumerate(columns) if not column]
    start = reader.line_num + 1
    last_line = text.count("\n")  # once: counted per row, a 30,000-row import took a minute
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as csv_error:
            errors.append(FieldError("file", None, f"unreadable CSV: {csv_error}", start))
            break
        line, start = start, reader.line_num + 1
        if not any(v.strip() for v in values):
            continue
        swallowed = _swallowed(values, delimiter, columns, at_end=reader.line_num >= last_line and
                               not text.rstrip().endswith('"'))
        if swallowed is not None:
            errors.append(FieldError(
                columns[swallowed] if swallowed < len(columns) else "row", values[swallowed][:60],
                f"a quote opened on line {line} is not closed where the field should end: it runs over "
                f"line breaks {'to the end of the file' if reader.line_num >= last_line else 'and other rows'} "
                f"(lines {line}-{reader.line_num}); close the quote, or double a quote inside it (\"\")", line))
            continue
        if len(values) > len(columns):
            extra = values[len(columns):]
            if any(v.strip() for v in extra):
                errors.append(FieldError("row", delimiter.join(extra), f"has {len(values)} cells but the header has {len(columns)}", line))
        if unnamed:
            errors.extend(_unnamed_cells(unnamed, values, line, lambda index: f"column {index + 1}"))
        yield RawRow(line, {c: v for c, v in zip(kept, values, strict=False) if c})


def _unnamed_cells(unnamed: list[int], values: list[Any], line: int, label: Callable[[int], str]) -> list[FieldError]:
    """A refusal for each non-empty cell under a header cell with no name (its data would
    be dropped: an extra column is kept by its name). Empty unnamed columns, such as the
    trailing commas a spreadsheet's export leaves, are fine."""
    return [FieldError(label(index), _cell_text(values[index])[:60],
                       "has no name in the header; name the column or delete it", line)
            for index in unnamed
            if index < len(values) and values[index] is not None and str(values[index]).strip()]


def _swallowed(values: list[str], delimiter: str, columns: list[str], at_end: bool) -> int | None:
    """The index of a quoted cell that swallowed other rows: it spans lines and one of
    them is shaped like a row (as many separators as the header, and a series where the
    header has one), or it runs to the end of the file without its closing quote."""
    width = len(columns)
    series_at = columns.index("series") if "series" in columns else None
    for index, value in enumerate(values):
        if "\n" not in value and "\r" not in value:
            continue
        if at_end and index == len(values) - 1:
            return index
        for line in value.splitlines()[1:]:
            if width < 2 or line.count(delimiter) < width - 1:
                continue
            cells = next(csv.reader([line], delimiter=delimiter), [])
            if series_at is None or (series_at < len(cells) and SERIES_PATTERN.match(cells[series_at].strip())):
                return index
    return None


def _read_jsonl(data: bytes, errors: list[FieldError], notes: ReadNotes, encoding: str | None) -> Iterator[RawRow]:
    text, error = _decode(data, encoding)
    if error:
        errors.append(error)
        return
    assert text is not None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line, parse_constant=_reject_constant, object_pairs_hook=_pairs, parse_float=_json_float)
        except (ValueError, RecursionError) as json_error:
            errors.append(FieldError("row", line[:60], f"not valid JSON ({json_error})", number))
            continue
        if not isinstance(record, dict):
            errors.append(FieldError("row", line[:60], "expected a JSON object per line", number))
            continue
        fields: dict[str, Any] = {}
        seen: dict[str, str] = {}
        for key, value in record.pairs:
            column = normalise_column(key)
            if not column:
                if value not in (None, "") and not (isinstance(value, str) and not value.strip()):
                    errors.append(FieldError(f"key {json.dumps(key)}", str(_cell_text(value))[:60],
                                             "has no name; name it or delete it", number))
                continue
            if column in seen:
                errors.append(FieldError(column, str(key), f"key given twice (as {seen[column]!r} and {key!r}); "
                                         "keep one", number))
                continue
            seen[column] = key
            if column in REVIEW_COLUMNS:
                continue
            if column not in COLUMNS:
                near = near_column(column)
                if near is not None:
                    errors.append(FieldError(column, str(key), f"unknown column; did you mean `{near}`?", number))
                    continue
                if column not in notes.extra_columns:
                    notes.extra_columns.append(column)
            if isinstance(value, (dict, list)):
                errors.append(FieldError(column, json.dumps(value)[:60], "expected text or a number, not a JSON "
                                         + ("object" if isinstance(value, dict) else "array"), number))
                continue
            if isinstance(value, bool):
                errors.append(FieldError(column, str(value).lower(), "expected text or a number, not true/false", number))
                continue
            if isinstance(value, _Exponent):
                errors.append(FieldError(column, value, _exponent_reason(value), number))
                continue
            fields[column] = _cell_text(value)
        for column in REQUIRED_COLUMNS:
            if column not in fields:
                fields.setdefault(column, None)
        yield RawRow(number, fields)


class _Pairs(dict):
    """A JSON object that remembers every key as given, repeats included."""

    pairs: list[tuple[str, Any]]


def _pairs(pairs: list[tuple[str, Any]]) -> _Pairs:
    record = _Pairs(pairs)
    record.pairs = pairs
    return record


class _Exponent(str):
    """A JSON number written with an exponent (``1e3``), kept as its text to be refused."""


def _json_float(text: str) -> str:
    # A JSON float is kept as written (1.5 stays "1.5"); one with an exponent is marked.
    return _Exponent(text) if "e" in text.lower() else text


def _exponent_reason(text: str) -> str:
    """Why ``1e3`` is refused, with the closest accepted form: a figure is worded as a
    person would write it, and an exponent is no wording the grammar reads (it took
    ``1e3`` as a list of figures)."""
    reason = "a JSON number in exponent form is not a figure as worded"
    try:
        exact = Decimal(text)
    except InvalidOperation:
        return reason
    if exact == exact.to_integral_value() and abs(exact) < Decimal(10) ** 15:
        whole = int(exact)
        return reason + f"; closest accepted form: {str(whole)!r} or {f'{whole:,}'!r}"
    return reason + "; give the figure as worded, e.g. '1,000' or 'about 1,000'"


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a ledger can hold")


def _workbook_too_large(data: bytes) -> FieldError | None:
    """Refuse, from the zip directory alone, a workbook that would expand past what an
    import may hold (a 400 KB file can declare a 400 MB inline string)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        return FieldError("file", None, f"not a readable .xlsx workbook ({error})", None)
    if expanded > MAX_WORKBOOK_EXPANDED or (expanded > 16 * 1024**2 and expanded > MAX_WORKBOOK_RATIO * len(data)):
        return FieldError("file", None, f"the workbook expands to {expanded:,} bytes from {len(data):,} "
                          f"(at most {MAX_WORKBOOK_EXPANDED // 1024**2} MiB and {MAX_WORKBOOK_RATIO}x are read); "
                          "save it as CSV, or split it", None)
    return None


def _read_xlsx(data: bytes, errors: list[FieldError], notes: ReadNotes) -> Iterator[RawRow]:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    too_large = _workbook_too_large(data)
    if too_large is not None:
        errors.append(too_large)
        return
    try:
        # Formulas as formulas: a writer may cache 0 for "=D2+100", so a formula cell is
        # refused, never read as its cached value.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as xlsx_error:  # openpyxl raises many kinds for a broken file
        errors.append(FieldError("file", None, f"not a readable .xlsx workbook ({type(xlsx_error).__name__})", None))
        return
    try:
        sheet = workbook["claims"] if "claims" in workbook.sheetnames else workbook.worksheets[0]
        iterator = sheet.iter_rows()
        header_cells = next(iterator, None)
        if header_cells is None:
            errors.append(FieldError("file", None, "the sheet is empty: expected a header row", 1))
            return
        columns = [normalise_column(getattr(c, "value", None)) for c in header_cells]
        errors.extend(_check_header(columns, 1, notes.extra_columns))
        kept = [c if c and (c in COLUMNS or c in notes.extra_columns) else None for c in columns]
        unnamed = [index for index, column in enumerate(columns) if not column]
        for number, cells in enumerate(iterator, start=2):
            values = [getattr(c, "value", None) for c in cells]
            if not any(v is not None and str(v).strip() for v in values):
                continue
            if unnamed:
                errors.extend(_unnamed_cells(unnamed, values, number,
                                             lambda index: f"column {get_column_letter(index + 1)}"))
            fields = {}
            for index, (column, cell) in enumerate(zip(kept, cells, strict=False)):
                if column is None:
                    continue
                if getattr(cell, "data_type", None) == "f":
                    errors.append(FieldError(
                        column, str(cell.value)[:60],
                        f"cell {get_column_letter(index + 1)}{number} holds a formula; its saved result may not "
                        "be its value: copy the column and paste values only, then import again", number))
                    continue
                fields[column] = _cell_text(cell.value)
            yield RawRow(number, fields)
    finally:
        workbook.close()


def _cell_text(value: Any) -> str | None:
    """A cell as text: spreadsheets and JSON give numbers and dates as such."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return str(value)
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)

