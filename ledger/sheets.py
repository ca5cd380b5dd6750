"""Reading import files (CSV, JSON Lines, XLSX) into numbered raw rows.

Each reader returns ``(rows, errors)``: it reads the whole file, and an unreadable row is
an error naming its line, not the end of the read. Line numbers are those a user sees in
an editor (CSV and JSONL: the physical line a record starts on; XLSX: the sheet row).
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

from .drafts import COLUMNS, REQUIRED_COLUMNS
from .errors import FieldError

FORMATS = ("csv", "jsonl", "xlsx")
# Columns `pxl extract` adds for the reviewer; derived or informational, ignored on import.
REVIEW_COLUMNS = ("lo", "hi", "start", "end", "confidence", "reason")
MAX_FIELD_CHARS = 1_000_000  # a 10 MB "quote" is an attack or an accident, not a quote
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


def _check_header(columns: list[str], line: int) -> list[FieldError]:
    errors = []
    seen = set()
    for column in columns:
        if not column:
            continue
        if column not in COLUMNS and column not in REVIEW_COLUMNS:
            errors.append(FieldError(column, column, "unknown column; expected " + ", ".join(COLUMNS), line))
        if column in seen:
            errors.append(FieldError(column, column, "column appears twice", line))
        seen.add(column)
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


def iter_rows(data: bytes, fmt: str, errors: list[FieldError]) -> Iterator[RawRow]:
    """The rows of ``data``, parsed as they are consumed; problems are appended to
    ``errors`` as they are met (an import reads a large file one chunk at a time)."""
    reader = {"csv": _read_csv, "jsonl": _read_jsonl, "xlsx": _read_xlsx}[fmt]
    for row in reader(data, errors):
        errors.extend(_oversized(row))
        yield row


def read_rows(data: bytes, fmt: str) -> tuple[list[RawRow], list[FieldError]]:
    errors: list[FieldError] = []
    rows = list(iter_rows(data, fmt, errors))
    return rows, errors


def _decode(data: bytes) -> tuple[str | None, FieldError | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, FieldError("file", None, f"not UTF-8 text (byte {error.start}); save the file as UTF-8", line)


def _read_csv(data: bytes, errors: list[FieldError]) -> Iterator[RawRow]:
    text, error = _decode(data)
    if error:
        errors.append(error)
        return
    assert text is not None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        errors.append(FieldError("file", None, "contains NUL bytes: not a CSV text file", line))
        return
    sample = text[:4096]
    dialect: Any = csv.excel
    if sample.split("\n", 1)[0].count("\t") > sample.split("\n", 1)[0].count(","):
        dialect = csv.excel_tab
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader, None)
    except csv.Error as csv_error:
        errors.append(FieldError("file", None, f"unreadable CSV header: {csv_error}", 1))
        return
    if header is None:
        errors.append(FieldError("file", None, "the file is empty: expected a header row", 1))
        return
    columns = [normalise_column(c) for c in header]
    errors.extend(_check_header(columns, 1))
    start = reader.line_num + 1
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
        if len(values) > len(columns):
            extra = values[len(columns):]
            if any(v.strip() for v in extra):
                errors.append(FieldError("row", ",".join(extra), f"has {len(values)} cells but the header has {len(columns)}", line))
        yield RawRow(line, {c: v for c, v in zip(columns, values, strict=False) if c and c in COLUMNS})


def _read_jsonl(data: bytes, errors: list[FieldError]) -> Iterator[RawRow]:
    text, error = _decode(data)
    if error:
        errors.append(error)
        return
    assert text is not None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line, parse_constant=_reject_constant)
        except (ValueError, RecursionError) as json_error:
            errors.append(FieldError("row", line[:60], f"not valid JSON ({json_error})", number))
            continue
        if not isinstance(record, dict):
            errors.append(FieldError("row", line[:60], "expected a JSON object per line", number))
            continue
        fields: dict[str, Any] = {}
        for key, value in record.items():
            column = normalise_column(key)
            if column in REVIEW_COLUMNS:
                continue
            if column not in COLUMNS:
                errors.append(FieldError(column, str(key), "unknown column; expected " + ", ".join(COLUMNS), number))
                continue
            if isinstance(value, (dict, list)):
                errors.append(FieldError(column, json.dumps(value)[:60], "expected text or a number, not a JSON "
                                         + ("object" if isinstance(value, dict) else "array"), number))
                continue
            if isinstance(value, bool):
                errors.append(FieldError(column, str(value).lower(), "expected text or a number, not true/false", number))
                continue
            fields[column] = _cell_text(value)
        for column in REQUIRED_COLUMNS:
            if column not in fields:
                fields.setdefault(column, None)
        yield RawRow(number, fields)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a ledger can hold")


def _read_xlsx(data: bytes, errors: list[FieldError]) -> Iterator[RawRow]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as xlsx_error:  # openpyxl raises many kinds for a broken file
        errors.append(FieldError("file", None, f"not a readable .xlsx workbook ({type(xlsx_error).__name__})", None))
        return
    try:
        sheet = workbook["claims"] if "claims" in workbook.sheetnames else workbook.worksheets[0]
        iterator = sheet.iter_rows(values_only=True)
        header = next(iterator, None)
        if header is None:
            errors.append(FieldError("file", None, "the sheet is empty: expected a header row", 1))
            return
        columns = [normalise_column(c) for c in header]
        errors.extend(_check_header(columns, 1))
        for number, values in enumerate(iterator, start=2):
            if not any(v is not None and str(v).strip() for v in values):
                continue
            yield RawRow(number, {c: _cell_text(v) for c, v in zip(columns, values, strict=False) if c in COLUMNS})
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

