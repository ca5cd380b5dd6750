"""A Frictionless Data Package of a ledger (https://specs.frictionlessdata.io/): one CSV
per table and ``datapackage.json`` describing each with a Table Schema, so the tools
researchers use (frictionless, R's frictionless, pandas, spreadsheets) read typed data.

Pure: takes the plain dicts the JSON output prints, writes files; no database. Written
by hand rather than with the frictionless library, which is large and only needed to
check the result (the tests do).

Resources: ``claims`` (every claim, retracted ones with ``status`` retracted), ``sources``,
``corrections``, ``estimates`` (per series and date) and ``discrepancies``. Types follow
the Python API's frames: a claim's date ``X`` is its first day and ``X_last`` its last (a
date known to a month or a year is the interval of its days); lists of claim ids are
space-separated; ``parts`` and ``reference`` are JSON; text cells a spreadsheet would run as formulas are prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pxl.ledger.errors import LedgerError
from pxl.ledger.serialise import neutralise

from .files import write_text_atomically

KINDS = ["cumulative", "increment", "target", "pledge", "demand"]
INTEGER = {"lo", "hi", "low", "high", "best", "quote_start", "quote_end", "credibility",
           "low_claims_total", "high_claims_total"}
INTERVAL_DATES = {"as_of", "period_start", "deadline", "published"}
DAY = {"date"}
DATETIME = {"recorded_at"}
BOOLEAN = {"as_of_inferred", "latest"}
JSON = {"parts": "array", "reference": "object", "extra": "object"}  # cells holding JSON text
ENUMS = {"kind": KINDS, "status": ["recorded", "amended", "retracted"], "action": ["retract", "amend"]}
DESCRIPTIONS = {
    "lo": "lowest number the wording allows",
    "hi": "highest number the wording allows; empty when open",
    "high": "highest possible total; empty when nothing bounds it",
    "as_of": "first day of the date the figure refers to",
    "as_of_last": "last day of that date (a month or a year is an interval of days)",
}
KEYS = {
    "claims": {"primaryKey": ["id"], "foreignKeys": [
        {"fields": ["source"], "reference": {"resource": "sources", "fields": ["id"]}}]},
    "sources": {"primaryKey": ["id"]},
    "corrections": {"primaryKey": ["id"], "foreignKeys": [
        {"fields": ["claim"], "reference": {"resource": "claims", "fields": ["id"]}}]},
    "estimates": {"primaryKey": ["series", "date"]},
    "discrepancies": {},
}
TITLES = {
    "claims": "Every claim with its provenance (the columns of pxl list --format json)",
    "sources": "Sources: the documents figures are quoted from",
    "corrections": "Retractions and amendments, each a later ledger entry",
    "estimates": "Reconciled low, best and high total per series and date",
    "discrepancies": "Claims that cannot all be true, disagreeing targets, shortfalls, ...",
}


def _days(text: str | None) -> tuple[str | None, str | None]:
    from pxl.frames import days  # one reading of ISO day, month and year dates

    first, last = days(text)
    return (first.isoformat() if first else None, last.isoformat() if last else None)


def _field(name: str) -> dict[str, Any]:
    if name in INTEGER:
        field = {"name": name, "type": "integer"}
    elif name in INTERVAL_DATES or name in DAY or name.removesuffix("_last") in INTERVAL_DATES:
        field = {"name": name, "type": "date"}
    elif name in DATETIME:
        field = {"name": name, "type": "datetime"}
    elif name in BOOLEAN:
        field = {"name": name, "type": "boolean"}
    elif name in JSON:
        field = {"name": name, "type": JSON[name]}
    else:
        field = {"name": name, "type": "string"}
    if name in ENUMS:
        field["constraints"] = {"enum": ENUMS[name]}
    if name in DESCRIPTIONS:
        field["description"] = DESCRIPTIONS[name]
    return field


def _columns(records: list[dict[str, Any]], default: Iterable[str]) -> list[str]:
    names = list(dict.fromkeys([*default, *(key for record in records for key in record)]))
    out = []
    for name in names:
        out.append(name)
        if name in INTERVAL_DATES:
            out.append(f"{name}_last")
    return out


def _cells(record: Mapping[str, Any], columns: list[str]) -> list[Any]:
    values: dict[str, Any] = {}
    for name, value in record.items():
        if name in INTERVAL_DATES:
            values[name], values[f"{name}_last"] = _days(value)
        elif name in DAY:
            values[name] = _days(value)[0]
        else:
            values[name] = value
    row = []
    for name in columns:
        value = values.get(name)
        if name in JSON:
            row.append("" if value is None else json.dumps(value, ensure_ascii=False))
        elif value is None:
            row.append("")
        elif isinstance(value, bool):
            row.append("true" if value else "false")
        elif isinstance(value, (list, tuple)):
            row.append(" ".join(str(v) for v in value))
        elif isinstance(value, str):
            row.append(neutralise(value))
        else:
            row.append(value)
    return row


def write_datapackage(
    folder: str | Path,
    tables: Mapping[str, tuple[list[dict[str, Any]], Iterable[str]]],
    *,
    name: str = "pxl-ledger",
    description: str = "",
) -> Path:
    """Write ``folder/NAME.csv`` for each table (name -> (records, columns; any other key
    of a record is added after them))
    and ``folder/datapackage.json``; returns the descriptor's path. Each file is written
    whole beside its final name and then moved into place, the descriptor last.
    Raises :class:`LedgerError` when the folder cannot be written."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        resources = []
        for table, (records, default) in tables.items():
            columns = _columns(records, default)
            path = folder / f"{table}.csv"
            write_text_atomically(path, _csv_text(columns, records))
            keys = dict(KEYS.get(table, {}))
            keys["foreignKeys"] = [k for k in keys.get("foreignKeys", []) if k["reference"]["resource"] in tables]
            schema = {"fields": [_field(c) for c in columns], **{k: v for k, v in keys.items() if v}}
            resources.append({"name": table, "path": path.name, "title": TITLES.get(table, table),
                              "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
                              "encoding": "utf-8", "schema": schema})
        descriptor = {"profile": "tabular-data-package", "name": name, "description": description,
                      "resources": resources}
        target = folder / "datapackage.json"
        write_text_atomically(target, json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n")
    except OSError as error:
        raise LedgerError(f"cannot write the data package to {folder}: {error.strerror or error}") from None
    return target


def _csv_text(columns: list[str], records: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow(_cells(record, columns))
    return out.getvalue()
