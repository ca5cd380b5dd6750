"""pandas views of the JSON the CLI prints: the same keys as columns, with proper dtypes.

Pure functions from the plain dicts of ``pxl list --format json`` and ``pxl reconcile
--format json`` to DataFrames; pandas is imported here only, so ``import pxl`` stays cheap.

Dtypes (documented in docs/python-api.md):

- counts (``lo``, ``hi``, ``low``, ``high``, ``best``, offsets, ...): nullable ``Int64``,
  ``<NA>`` where the JSON has null (an open ``hi``/``high``);
- dates of claims (``as_of``, ``period_start``, ``deadline``, ``published``):
  ``datetime64``, the first day of the date; a date known only to a month (``2023-11``)
  or a year (``2023``) is the interval of its days, so each such column ``X`` has a
  ``X_last`` column beside it with the last day (equal to ``X`` for a day); NaT where
  the JSON has null (an undated claim, a page without a date);
- an estimate's ``date``: ``datetime64`` (estimates are per day);
- ``recorded_at``: ``datetime64[ns, UTC]``;
- ``series``, ``kind``, ``status``, ``type``: categoricals (``kind`` with every kind as a
  category, in the SPEC's order);
- flags: ``boolean``; lists of claim ids stay Python lists, ``parts`` (of a compound
  wording) a list of dicts, ``reference`` (the M of "N of M") a dict or None, ``extra``
  (the import row's extra columns) a dict {column: text}; other
  text: ``string``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any, Iterable

import pandas as pd

KINDS = ("cumulative", "increment", "target", "pledge", "demand")
COUNT_COLUMNS = {"lo", "hi", "low", "high", "best", "quote_start", "quote_end", "credibility",
                 "low_claims_total", "high_claims_total", "claims", "sources", "origins",
                 "remainder_low", "remainder_high", "remainder_best"}
DATE_COLUMNS = ("as_of", "period_start", "deadline", "published")  # a day, a month or a year
DAY_COLUMNS = {"date"}  # an estimate's day
TIMESTAMP_COLUMNS = {"recorded_at"}
CATEGORY_COLUMNS = {"series", "kind", "status", "type"}
FLAG_COLUMNS = {"as_of_inferred", "latest", "complete", "parent_complete"}
# Always Python objects, also where every value is None ("claims" is a list in the
# discrepancies and a count in the series frame: decided by its values)
OBJECT_COLUMNS = {"extra", "parts", "reference", "corrections", "low_claims", "high_claims", "refs", "excluded"}
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def days(text: str | None) -> tuple[date | None, date | None]:
    """The first and last day of an ISO date as the JSON gives it: ``2020-04-12`` (a day),
    ``2020-04`` (a month) or ``2020`` (a year); (None, None) for null. Raises ValueError
    on any other text."""
    if text is None:
        return None, None
    match = _ISO.match(text)
    if not match:
        raise ValueError(f"not an ISO date: {text!r}")
    year, month, day = (int(g) if g else None for g in match.groups())
    if day is not None:
        one = date(year, month, day)
        return one, one
    if month is not None:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


def frame(records: Iterable[dict[str, Any]], columns: Iterable[str]) -> pd.DataFrame:
    """A DataFrame of ``records`` (dicts with the keys ``columns``, and perhaps more),
    typed as the module says. Columns keep the records' key order."""
    records = list(records)
    names = list(records[0]) if records else list(columns)
    data: dict[str, Any] = {}
    for name in names:
        values = [r.get(name) for r in records]
        if name in OBJECT_COLUMNS or any(isinstance(v, (list, tuple, dict)) for v in values):
            data[name] = pd.Series(values, dtype="object")
        elif name in DATE_COLUMNS:
            spans = [days(v) for v in values]
            data[name] = pd.to_datetime(pd.Series([f for f, _ in spans], dtype="object"))
            data[f"{name}_last"] = pd.to_datetime(pd.Series([last for _, last in spans], dtype="object"))
        elif name in DAY_COLUMNS:
            data[name] = pd.to_datetime(pd.Series([days(v)[0] for v in values], dtype="object"))
        elif name in COUNT_COLUMNS:
            data[name] = pd.array(values, dtype="Int64")
        elif name in TIMESTAMP_COLUMNS:
            data[name] = pd.to_datetime(pd.Series(values, dtype="object"), utc=True, format="ISO8601")
        elif name == "kind":
            data[name] = pd.Categorical(values, categories=KINDS)
        elif name in CATEGORY_COLUMNS:
            data[name] = pd.Categorical(values, categories=sorted({v for v in values if v is not None}))
        elif name in FLAG_COLUMNS:
            data[name] = pd.array(values, dtype="boolean")
        else:
            data[name] = pd.array([None if v is None else str(v) for v in values], dtype="string")
    result = pd.DataFrame(data)
    for name in (*DATE_COLUMNS, *DAY_COLUMNS):  # an empty frame still has datetime columns
        for column in (name, f"{name}_last"):
            if column in result and len(result) == 0:
                result[column] = pd.Series(dtype="datetime64[ns]")
    return result


def estimates_records(reconciliation: dict[str, Any]) -> list[dict[str, Any]]:
    """One record per series and date of ``pxl reconcile --format json``'s estimates,
    with ``latest`` marking the series' latest estimate. For scopes: ``complete``, on a
    series with parts, whether it is declared complete (None without parts);
    ``parent_complete`` the same of its parent; ``remainder_low/high/best`` what lies
    in no part (the series minus its parts) on the date the reconciliation gives it."""
    rows = []
    complete = {s["series"]: s.get("complete") if s.get("parts") else None for s in reconciliation["series"]}
    for series in reconciliation["series"]:
        latest = (series.get("latest") or {}).get("date")
        remainder = series.get("remainder") or {}
        parent = series.get("parent")
        for estimate in series["estimates"]:
            here = remainder if remainder.get("date") == estimate["date"] else {}
            rows.append({"series": series["series"], "parent": parent, **estimate,
                         "latest": estimate["date"] == latest,
                         "complete": complete[series["series"]],
                         "parent_complete": complete.get(parent) if parent else None,
                         "remainder_low": here.get("low"), "remainder_high": here.get("high"),
                         "remainder_best": here.get("best")})
    return rows


def discrepancy_records(reconciliation: dict[str, Any]) -> list[dict[str, Any]]:
    """One record per discrepancy; ``claims`` as a list of ids, ``refs`` the refs beside."""
    rows = []
    for item in reconciliation["discrepancies"]:
        row = dict(item)
        row["claims"] = [c["id"] for c in item["claims"]]
        row["refs"] = [c.get("ref") for c in item["claims"]]
        rows.append(row)
    return rows


def series_records(reconciliation: dict[str, Any]) -> list[dict[str, Any]]:
    """One record per series: the target, the latest estimate, counts and exclusions."""
    rows = []
    for series in reconciliation["series"]:
        target, latest = series.get("target") or {}, series.get("latest") or {}
        rows.append({
            "series": series["series"], "parent": series.get("parent"),
            "target_lo": target.get("lo"), "target_hi": target.get("hi"), "target_claim": target.get("claim"),
            "date": latest.get("date"), "low": latest.get("low"), "high": latest.get("high"),
            "best": latest.get("best"),
            "claims": series.get("claims"), "sources": series.get("sources"), "origins": series.get("origins"),
            "excluded": list(series.get("excluded", [])),
        })
    return rows


ESTIMATE_COLUMNS = ("series", "parent", "date", "low", "high", "best", "low_claims", "low_claims_total",
                    "high_claims", "high_claims_total", "latest", "complete", "parent_complete",
                    "remainder_low", "remainder_high", "remainder_best")
DISCREPANCY_COLUMNS = ("type", "series", "claims", "message", "refs")
SERIES_COLUMNS = ("series", "parent", "target_lo", "target_hi", "target_claim", "date", "low", "high", "best",
                  "claims", "sources", "origins", "excluded")
COUNT_COLUMNS |= {"target_lo", "target_hi"}
