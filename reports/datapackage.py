"""A Frictionless Data Package of a ledger (https://specs.frictionlessdata.io/): one CSV
per table and ``datapackage.json`` describing each with a Table Schema, so the tools
researchers use (frictionless, R's frictionless, pandas, spreadsheets) read typed data.

Pure: takes the plain dicts the JSON output prints, writes files; no database. Written
by hand rather than with the frictionless library, which is large and only needed to
check the result (the tests do).

Resources: ``claims`` (every claim, retracted ones with ``status`` retracted; ``excluded``
and ``excluded_reason`` say whether the reconciliation set it aside and why), ``sources``,
``corrections``, ``declarations`` (complete scopes and aliases, retracted ones with their
status), ``exclusions`` (per series, each claim set aside, the rule and the reason),
``estimates`` (per series and date; for scopes whether the series and its parent are
declared complete, and the remainder in no part) and ``discrepancies``. Types follow
the Python API's frames: a claim's date ``X`` is its first day and ``X_last`` its last (a
date known to a month or a year is the interval of its days); lists of claim ids are
space-separated; ``parts`` and ``reference`` are JSON; text cells a spreadsheet would run as formulas are prefixed with ``'``.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pxl.ledger.errors import LedgerError
from pxl.ledger.serialise import neutralise

from .files import current_umask, write_text_atomically

KINDS = ["cumulative", "increment", "target", "pledge", "demand"]
INTEGER = {"lo", "hi", "low", "high", "best", "quote_start", "quote_end", "credibility",
           "low_claims_total", "high_claims_total", "remainder_low", "remainder_high", "remainder_best"}
INTERVAL_DATES = {"as_of", "period_start", "deadline", "published"}
DAY = {"date"}
DATETIME = {"recorded_at"}
BOOLEAN = {"as_of_inferred", "latest", "excluded", "complete", "parent_complete"}
JSON = {"parts": "array", "reference": "object", "extra": "object"}  # cells holding JSON text
ENUMS = {"kind": KINDS, "status": ["recorded", "amended", "retracted"], "action": ["retract", "amend"]}
TABLE_ENUMS = {("declarations", "kind"): ["complete", "alias"]}  # where a table's column differs
DESCRIPTIONS = {
    "lo": "lowest number the wording allows",
    "hi": "highest number the wording allows; empty when open",
    "high": "highest possible total; empty when nothing bounds it",
    "as_of": "first day of the date the figure refers to",
    "as_of_last": "last day of that date (a month or a year is an interval of days)",
    "excluded": "set aside by the reconciliation to leave the other claims consistent (see exclusions)",
    "excluded_reason": "why it was set aside (the exclusions table has one row per series)",
    "complete": "the series is declared complete: its parts cover it (empty for a series without parts)",
    "parent_complete": "the parent series is declared complete (empty for a series that is no part)",
    "remainder_low": "least number in no part (the series minus its parts), at the date the "
                     "reconciliation gives it (the latest); empty on other dates",
    "remainder_high": "most number in no part; empty when open or on other dates",
    "remainder_best": "best estimate of the number in no part",
    "rule": "what decided the exclusion (ledger.reconcile.fewest.Exclusion): weight (fewest by source "
            "grading), tie-break or approximation",
}
KEYS = {
    "claims": {"primaryKey": ["id"], "foreignKeys": [
        {"fields": ["source"], "reference": {"resource": "sources", "fields": ["id"]}}]},
    "sources": {"primaryKey": ["id"]},
    "corrections": {"primaryKey": ["id"], "foreignKeys": [
        {"fields": ["claim"], "reference": {"resource": "claims", "fields": ["id"]}}]},
    "declarations": {"primaryKey": ["id"]},
    "exclusions": {"primaryKey": ["series", "claim"], "foreignKeys": [
        {"fields": ["claim"], "reference": {"resource": "claims", "fields": ["id"]}}]},
    "estimates": {"primaryKey": ["series", "date"]},
    "discrepancies": {},
}
TITLES = {
    "claims": "Every claim with its provenance (the columns of pxl list --format json)",
    "sources": "Sources: the documents figures are quoted from",
    "corrections": "Retractions and amendments, each a later ledger entry",
    "declarations": "Declarations: scopes declared complete, speaker names declared one origin "
                    "(retracted ones with their status)",
    "exclusions": "Claims the reconciliation set aside, per series, and why",
    "estimates": "Reconciled low, best and high total per series and date (with the remainder in no part)",
    "discrepancies": "Claims that cannot all be true, disagreeing targets, shortfalls, ...",
}


def _days(text: str | None) -> tuple[str | None, str | None]:
    from pxl.frames import days  # one reading of ISO day, month and year dates

    first, last = days(text)
    return (first.isoformat() if first else None, last.isoformat() if last else None)


def _field(name: str, table: str = "") -> dict[str, Any]:
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
    enum = TABLE_ENUMS.get((table, name), ENUMS.get(name))
    if enum is not None:
        field["constraints"] = {"enum": enum}
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
    of a record is added after them)) and ``folder/datapackage.json``; returns the
    descriptor's path.

    All or nothing: every file is written (and flushed to disk) into a temporary folder
    beside ``folder``, which is then renamed to ``folder``; into an existing ``folder``
    the files are renamed one by one, the descriptor last (renames on one file system
    need no space). A full disk left an empty folder. Raises :class:`LedgerError` when
    the package cannot be written, saying that nothing was (or that the previous export
    is untouched)."""
    folder = Path(folder)
    texts: dict[str, str] = {}
    resources = []
    for table, (records, default) in tables.items():
        columns = _columns(records, default)
        texts[f"{table}.csv"] = _csv_text(columns, records)
        keys = dict(KEYS.get(table, {}))
        keys["foreignKeys"] = [k for k in keys.get("foreignKeys", []) if k["reference"]["resource"] in tables]
        schema = {"fields": [_field(c, table) for c in columns], **{k: v for k, v in keys.items() if v}}
        resources.append({"name": table, "path": f"{table}.csv", "title": TITLES.get(table, table),
                          "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8", "schema": schema})
    descriptor = {"profile": "tabular-data-package", "name": name, "description": description,
                  "resources": resources}
    texts["datapackage.json"] = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    existed = folder.exists()
    if existed and not folder.is_dir():
        raise LedgerError(f"cannot write the data package to {folder}: it is a file, not a folder",
                          "name a folder (it is created if missing)")
    missing = [p for p in (folder.absolute().parents) if not p.exists()]
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
        try:
            os.chmod(staging, 0o777 & ~current_umask())  # mkdtemp's is private to its owner
            for file_name, text in texts.items():
                write_text_atomically(staging / file_name, text)
            if existed:
                for file_name in texts:  # the descriptor last: it names the tables
                    os.replace(staging / file_name, folder / file_name)
                staging.rmdir()
            else:
                os.rename(staging, folder)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    except OSError as error:
        for parent in missing:  # deepest first: folders made for it go too
            with contextlib.suppress(OSError):
                parent.rmdir()
        kept = f"the previous export in {folder} is untouched" if existed else "nothing was written"
        raise LedgerError(f"cannot write the data package to {folder}: {error.strerror or error}; {kept}",
                          "free some space (or choose another folder) and run the command again") from None
    return folder / "datapackage.json"


def _csv_text(columns: list[str], records: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow(_cells(record, columns))
    return out.getvalue()
