"""Dates as reporting gives them: a day, a month or a year, i.e. an interval of days.

One rule reads every date cell (claim drafts, the import's fast lane, ``pxl record``):
:func:`parse_period`. It takes

- ISO forms: ``2020-04-12`` (also ``2020-4-12``, ``2020/04/12``, and a midnight time
  ``2020-04-12T00:00:00`` as spreadsheets write it), ``2023-11`` (a month), ``2023`` (a year);
- month names (English, full or three letters, with or without a dot): ``November 2023``,
  ``Nov 2023``, ``12 April 2020``, ``April 12, 2020``;
- numeric day and month with a four-digit year last: ``13/04/2020``, ``13.04.2020``,
  ``4/13/2020``. Read only where one order is possible (a part above 12 is the day, equal
  parts read the same both ways) or where the caller names the order (``dmy`` or ``mdy``);
  otherwise refused with both readings. Never a guess.
- any of these after a weekday, as datelines print it (``Fri Oct 16, 2020``,
  ``Friday, 16 October 2020``): the weekday must be the date's own, else refused naming
  the day it is.

A cell none of these reads is refused with the closest accepted form where part of it is a
date (``16 October 2020, 14:05 GMT``: "the date part, 16 October 2020, is accepted alone").

A :class:`Period` is stored as the ISO text of its precision (``2023-11-24``, ``2023-11``,
``2023``): for a day exactly what ledgers stored before, so their hashes do not change.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class DateOrder(StrEnum):
    """How a numeric ``NN/NN/YYYY`` date is read when both orders are possible."""

    DMY = "dmy"
    MDY = "mdy"


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A date known to a day, a month or a year: the days ``first`` .. ``last`` (inclusive).

    Ordered by first day, then last day; printed (``str``, :meth:`isoformat`) as given:
    ``2020-04-12``, ``2023-11`` or ``2023``."""

    first: date
    last: date
    precision: Precision

    @classmethod
    def day(cls, day: date) -> "Period":
        return cls(day, day, Precision.DAY)

    @classmethod
    def month(cls, year: int, month: int) -> "Period":
        return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), Precision.MONTH)

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)

    @classmethod
    def from_iso(cls, text: str) -> "Period":
        """The stored form back (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``); ValueError otherwise."""
        return _from_iso(text)

    @property
    def is_day(self) -> bool:
        return self.precision is Precision.DAY

    def isoformat(self) -> str:
        if self.precision is Precision.DAY:
            return self.first.isoformat()
        if self.precision is Precision.MONTH:
            return self.first.isoformat()[:7]
        return self.first.isoformat()[:4]

    __str__ = isoformat

    def contains(self, other: "Period") -> bool:
        return self.first <= other.first and other.last <= self.last

    def days(self) -> int:
        return (self.last - self.first).days + 1

    def day_before(self) -> date:
        """The last day before the period (``first`` - 1), the end of C(first-1)."""
        return self.first - timedelta(days=1)


@lru_cache(maxsize=65_536)
def _from_iso(text: str) -> Period:
    if len(text) == 10:
        return Period.day(date.fromisoformat(text))
    if len(text) == 7 and text[4] == "-":
        return Period.month(int(text[:4]), int(text[5:]))
    if len(text) == 4 and text.isdigit():
        return Period.year(int(text))
    raise ValueError(f"{text!r} is not a stored date (YYYY-MM-DD, YYYY-MM or YYYY)")


def iso(value: Period | None) -> str | None:
    return value.isoformat() if value is not None else None


_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month_name>[A-Za-z]{3,9})\.?"
_ISO = re.compile(r"(?P<y>\d{4})[-/](?P<m>\d{1,2})(?:[-/](?P<d>\d{1,2}))?(?:[T ]00:00(?::00(?:\.0+)?)?)?")
_YEAR = re.compile(r"\d{4}")
_NUMERIC = re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{2,4})")
_MONTH_YEAR = re.compile(_MONTH + r",?\s+(?P<y>\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})")
_MONTH_DAY_YEAR = re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})")
_NUMERIC_MONTH = re.compile(r"(?P<m>\d{1,2})[/.](?P<y>\d{4})")

_WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_WEEKDAYS.update({name.lower(): number for number, name in enumerate(calendar.day_abbr)})
_WEEKDAYS.update({"tues": 1, "wednes": 2, "thur": 3, "thurs": 3})
_WEEKDAY = re.compile(r"(?P<weekday>[A-Za-z]{3,9})\.?,?\s+(?P<rest>.+)")

EXPECTED = "a date: a day (2020-04-12), a month (2023-11 or November 2023) or a year (2023)"


def parse_period(text: str, order: DateOrder | str | None = None) -> tuple[Period | None, str | None]:
    """A stripped date cell -> (the period, None) or (None, why not, with the closest
    accepted form). ``order`` names how ``NN/NN/YYYY`` reads where both orders are possible."""
    return _parse(text, DateOrder(order) if order else None)


@lru_cache(maxsize=65_536)
def _parse(text: str, order: DateOrder | None) -> tuple[Period | None, str | None]:
    # Ledgers repeat a few thousand dates endlessly: read each once.
    text = " ".join(text.split())
    try:
        if match := _ISO.fullmatch(text):
            year, month, day = int(match["y"]), int(match["m"]), match["d"]
            if day is None:
                return Period.month(year, month), None
            return Period.day(date(year, month, int(day))), None
        if _YEAR.fullmatch(text):
            return Period.year(int(text)), None
        if match := _MONTH_YEAR.fullmatch(text):
            return _named(match, None)
        if match := (_DAY_MONTH_YEAR.fullmatch(text) or _MONTH_DAY_YEAR.fullmatch(text)):
            return _named(match, int(match["d"]))
        if match := _NUMERIC_MONTH.fullmatch(text):
            return Period.month(int(match["y"]), int(match["m"])), None
        if match := _NUMERIC.fullmatch(text):
            return _numeric(text, match, order)
        if (match := _WEEKDAY.fullmatch(text)) and match["weekday"].lower() in _WEEKDAYS:
            return _after_weekday(match, order)
    except ValueError as error:
        return None, f"not a real date ({error}); expected {EXPECTED}"
    return None, f"expected {EXPECTED}{_closest(text, order)}"


def _after_weekday(match: re.Match, order: DateOrder | None) -> tuple[Period | None, str | None]:
    period, reason = _parse(match["rest"], order)
    if period is None:
        return None, reason
    if not period.is_day:
        return None, f"a weekday names a day, but {match['rest']!r} is a {period.precision.value}; expected {EXPECTED}"
    weekday = _WEEKDAYS[match["weekday"].lower()]
    if period.first.weekday() != weekday:
        actual = calendar.day_name[period.first.weekday()]
        return None, (
            f"{match['weekday']!r} does not agree with the date: {period.first.isoformat()} is a {actual}; "
            f"write {period.first.isoformat()} if the date is right"
        )
    return period, None


def _closest(text: str, order: DateOrder | None) -> str:
    """'; closest accepted form: ...' naming the longest run of the cell's words that is a
    date by itself, or '' where none is. A suggestion only: the cell stays refused."""
    words = text.replace(",", " , ").split()
    if len(words) > 16:
        return ""
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            candidate = " ".join(words[start:start + size]).replace(" , ", ", ").strip(" ,")
            if not candidate or not any(ch.isdigit() for ch in candidate):
                continue
            period, _ = _parse(candidate, order)
            if period is not None:
                return f"; closest accepted form: {candidate!r} (the date part alone)"
    return ""


def _named(match: re.Match, day: int | None) -> tuple[Period | None, str | None]:
    name = match["month_name"].lower()
    if name not in _MONTHS:
        return None, f"{match['month_name']!r} is not a month name; expected {EXPECTED}"
    year, month = int(match["y"]), _MONTHS[name]
    if day is None:
        return Period.month(year, month), None
    return Period.day(date(year, month, day)), None


def _numeric(text: str, match: re.Match, order: DateOrder | None) -> tuple[Period | None, str | None]:
    a, b, year_text = int(match["a"]), int(match["b"]), match["y"]
    if len(year_text) != 4:
        return None, f"a two-digit year is ambiguous; write the year in full, e.g. {text[:-len(year_text)]}20{year_text[-2:]}"
    year = int(year_text)
    readings = {}
    for name, (day, month) in (("day first", (a, b)), ("month first", (b, a))):
        try:
            readings[name] = date(year, month, day)
        except ValueError:
            pass
    if not readings:
        return None, f"not a real date in either order (day/month or month/day); expected {EXPECTED}"
    if order is not None:
        chosen = readings.get("day first" if order is DateOrder.DMY else "month first")
        if chosen is None:
            return None, f"not a real date read as {order.value}; expected {EXPECTED}"
        return Period.day(chosen), None
    if len(set(readings.values())) == 1:
        return Period.day(next(iter(readings.values()))), None
    first, second = readings["day first"], readings["month first"]
    return None, (
        f"ambiguous: day first it is {first.isoformat()}, month first {second.isoformat()}; "
        f"write {first.isoformat()} or {second.isoformat()}, or name the order with --date-order dmy|mdy"
    )
