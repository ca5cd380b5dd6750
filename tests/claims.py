"""Building claims directly as domain objects, for the pure engine's tests."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count

from pxl.ledger.dates import Period
from pxl.ledger.model import Claim, ClaimContent, Kind, Source

_seq = count(1)
BASE = date(2020, 1, 1)


def day(n: int) -> date:
    return BASE + timedelta(days=n)


def period(value: date | Period | None) -> Period | None:
    """A day given as a date, or a period as it is."""
    return Period.day(value) if isinstance(value, date) else value


def source(publisher: str = "Outlet", published: date | Period | None = None, url: str | None = None,
           title: str | None = None, derived_from: str | None = None) -> Source:
    return Source(seq=next(_seq), publisher=publisher, published=period(published or day(60)), url=url,
                  title=title, derived_from=derived_from)


def claim(kind: str, lo: int, hi: int | None, as_of: date | Period | None, *, series: str = "a->b",
          period_start: date | Period | None = None, event: str | None = None, speaker: str | None = None,
          src: Source | None = None, reliability: str | None = None, credibility: int | None = None,
          deadline: date | Period | None = None, inferred: bool = False, ref: str | None = None) -> Claim:
    src = src or source()
    value = str(lo) if lo == hi else f"{lo}-{hi}" if hi is not None else f"at least {lo}"
    content = ClaimContent(
        series=series, kind=Kind(kind), value=value, lo=lo, hi=hi, as_of=period(as_of),
        as_of_inferred=inferred, source_seq=src.seq, period_start=period(period_start), deadline=period(deadline),
        event=event, speaker=speaker, reliability=reliability, credibility=credibility,
    )
    return Claim(seq=next(_seq), ref=ref, content=content, source=src, recorded_at="", recorded_by="t")
