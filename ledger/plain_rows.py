"""The import's fast lane: rows that need no judgement go straight to stored fields.

Nearly every row of a large import is plain: text cells, a wording pxl reads, ISO dates,
a source by url or by publisher and date, no archived document. For such a row
:func:`plain_row` computes, without building drafts and claims, the very fields
:meth:`ledger.writer.Writer.add_claim` would store and the fingerprint
:meth:`ledger.drafts.ClaimDraft.fingerprint` would give. It never reports a problem: a row
it cannot vouch for (a cell that is not plain text, any rule that would fail, a document
to read) gets None and takes the exact path (:func:`ledger.drafts.claim_draft`), which
handles it or names what is wrong. So errors come from one place only.

The checks of cells that ledgers repeat endlessly (series, kinds, wordings, dates, grades)
run once per distinct cell. ``tests/test_plain_rows.py`` holds the two paths to the same
ledger, entry for entry and hash for hash, and to the same report.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, NamedTuple

from .chain import canonical_json
from .drafts import (
    CONTROL_CHARACTERS,
    MAX_LENGTH,
    URL_PATTERN,
    credibility_grade,
    dated_after_publication,
    earlier_source_identity,
    extra_cells,
    extra_from_json,
    extra_json,
    reliability_grade,
    row_fingerprint,
    source_identity,
    starts_after,
)
from .dates import parse_period
from .model import RELEASE_KINDS, SERIES_PATTERN, Kind
from .wording import WordingConfig, WordingError, parse_value

_NOT_PLAIN = object()
_MEMO_LIMIT = 200_000  # distinct cells remembered per column before starting afresh


class PlainRow(NamedTuple):
    """A row ready to append: the claim's stored fields around its source's position."""

    line: int
    ref: str | None
    fingerprint: str
    source_identity: str
    source_fields: tuple  # CONTENT_FIELDS["source"] order
    has_quote: bool
    before_source: tuple  # CONTENT_FIELDS["claim"] up to source_seq
    after_source: tuple  # and after it
    encoded: tuple[str, str]  # both as hashed, in canonical JSON, without the bracket at source_seq
    bare_fingerprint: str  # as pxl knew the row before extra columns and page versions (PreparedRow)
    fields_fingerprint: str  # without its extra columns (PreparedRow)

    @property
    def extra(self) -> tuple[tuple[str, str], ...]:
        return extra_from_json(self.after_source[-1])

    def claim_fields(self, source_seq: int) -> tuple:
        return self.before_source + (source_seq,) + self.after_source

    def claim_json(self, source_seq: int) -> str:
        """canonical_json(self.claim_fields(source_seq)), from the parts encoded already."""
        before, after = self.encoded
        return f"{before},{source_seq},{after}"

    @property
    def fields(self) -> dict[str, Any]:
        """The row's cells as the exact path reads them: the cleaned cells, which it reads
        to the same draft as the row as given (the raw row is not kept: a large import
        sends these rows between processes)."""
        (ref, series, kind, value, _, _, as_of, as_of_inferred, period_start, deadline, event) = self.before_source
        speaker, quote, _, _, _, _, reliability, credibility, notes, _, extra = self.after_source
        publisher, title, url, published, _, derived_from = self.source_fields
        return {
            "series": series, "kind": kind, "value": value, "as_of": None if as_of_inferred else as_of,
            "period_start": period_start, "deadline": deadline, "event": event, "speaker": speaker,
            "quote": quote, "reliability": reliability,
            "credibility": None if credibility is None else str(credibility), "notes": notes, "ref": ref,
            "publisher": publisher, "published": published, "url": url, "title": title,
            "derived_from": derived_from, **dict(extra_from_json(extra)),
        }


def _text(column: str, value: Any) -> Any:
    """The cell as :func:`ledger.drafts.claim_draft` keeps it (stripped; empty is None),
    or _NOT_PLAIN where it would refuse it or where the cell is not text."""
    if value is None:
        return None
    if type(value) is not str:
        return _NOT_PLAIN
    text = value.strip()
    if not text:
        return None
    if not text.isprintable() and CONTROL_CHARACTERS.search(text):
        return _NOT_PLAIN
    limit = MAX_LENGTH.get(column)
    if limit is not None and len(text) > limit:
        return _NOT_PLAIN
    return text


def _series(value: Any, config: WordingConfig) -> Any:
    text = _text("series", value)
    return text if text is not None and text is not _NOT_PLAIN and SERIES_PATTERN.match(text) else _NOT_PLAIN


def _kind(value: Any, config: WordingConfig) -> Any:
    text = _text("kind", value)
    if text is None or text is _NOT_PLAIN:
        return _NOT_PLAIN
    try:
        return Kind(text.lower())
    except ValueError:
        return _NOT_PLAIN


def _wording(value: Any, config: WordingConfig) -> Any:
    text = _text("value", value)
    if text is None or text is _NOT_PLAIN:
        return _NOT_PLAIN
    try:
        interval = parse_value(text, config)
    except WordingError:
        return _NOT_PLAIN
    return text, interval.lo, interval.hi


def _date(value: Any, config: WordingConfig) -> Any:
    """(period, its ISO text), None for an empty cell."""
    text = _text("date", value)
    if text is None or text is _NOT_PLAIN:
        return text
    parsed, reason = parse_period(text, config.date_order)
    return _NOT_PLAIN if reason else (parsed, parsed.isoformat())


def _grade(column: str, rule: Callable[[str], Any]) -> Callable[[Any, WordingConfig], Any]:
    """A reader of an optional grade cell: empty is None, ``rule`` reads the rest."""
    def read(value: Any, config: WordingConfig) -> Any:
        text = _text(column, value)
        if text is None or text is _NOT_PLAIN:
            return text
        grade = rule(text)
        return _NOT_PLAIN if grade is None else grade
    return read


_READERS = {
    "series": _series, "kind": _kind, "value": _wording, "as_of": _date, "period_start": _date,
    "deadline": _date, "published": _date, "reliability": _grade("reliability", reliability_grade),
    "credibility": _grade("credibility", credibility_grade),
}


class PlainCells:
    """The repeated cells of one import, each read once."""

    def __init__(self, config: WordingConfig):
        self.config = config
        self._memo: dict[str, dict[Any, Any]] = {column: {} for column in _READERS}

    def read(self, column: str, value: Any) -> Any:
        memo = self._memo[column]
        try:
            return memo[value]
        except KeyError:
            pass
        except TypeError:  # an unhashable cell is not plain
            return _NOT_PLAIN
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        result = memo[value] = _READERS[column](value, self.config)
        return result


def plain_row(line: int, fields: Mapping[str, Any], cells: PlainCells) -> PlainRow | None:
    """The row's stored fields, or None when the exact path must look at it."""
    get = fields.get
    if get("document") is not None and _text("document", get("document")) is not None:
        return None
    read = cells.read
    series = read("series", get("series"))
    kind = read("kind", get("kind"))
    wording = read("value", get("value"))
    as_of = read("as_of", get("as_of"))
    period_start = read("period_start", get("period_start"))
    deadline = read("deadline", get("deadline"))
    published = read("published", get("published"))
    reliability = read("reliability", get("reliability"))
    credibility = read("credibility", get("credibility"))
    publisher, title, url, derived_from, event, speaker, quote, ref, notes = (
        _text(column, get(column)) for column in
        ("publisher", "title", "url", "derived_from", "event", "speaker", "quote", "ref", "notes")
    )
    if (
        series is _NOT_PLAIN or kind is _NOT_PLAIN or wording is _NOT_PLAIN or as_of is _NOT_PLAIN
        or period_start is _NOT_PLAIN or deadline is _NOT_PLAIN or published is _NOT_PLAIN
        or reliability is _NOT_PLAIN or credibility is _NOT_PLAIN or publisher is _NOT_PLAIN or publisher is None
        or title is _NOT_PLAIN or url is _NOT_PLAIN or derived_from is _NOT_PLAIN or event is _NOT_PLAIN
        or speaker is _NOT_PLAIN or quote is _NOT_PLAIN or ref is _NOT_PLAIN or notes is _NOT_PLAIN
    ):
        return None
    if url is not None and not URL_PATTERN.match(url):
        return None
    problems: list = []
    extra = extra_json(extra_cells(fields, problems))
    if problems:
        return None
    released = kind in RELEASE_KINDS
    published_date, published_iso = published if published is not None else (None, None)
    as_of_date, as_of_iso = as_of if as_of is not None else (None, None)
    stored_as_of, stored_as_of_iso = as_of if as_of is not None else (published_date, published_iso)
    if released:
        if deadline is not None:
            return None
        if stored_as_of is not None and dated_after_publication(stored_as_of, published_date):
            return None
        if period_start is not None and stored_as_of is not None and starts_after(period_start[0], stored_as_of):
            return None
    elif period_start is not None and deadline is not None and starts_after(period_start[0], deadline[0]):
        return None
    period_iso = period_start[1] if period_start is not None else None
    deadline_iso = deadline[1] if deadline is not None else None
    value = wording[0]
    identity = source_identity(url, publisher, title, published_date)
    cells_given = (ref, series, kind.value, value, as_of_iso, period_iso, deadline_iso, event, speaker, quote,
                   reliability, credibility, notes, identity, derived_from)
    fields_fingerprint = row_fingerprint(*cells_given)
    fingerprint = fields_fingerprint if extra is None else row_fingerprint(*cells_given, extra)
    earlier = earlier_source_identity(url, publisher, title, published_date)
    bare_fingerprint = row_fingerprint(*cells_given[:13], earlier, derived_from)
    before_source = (ref, series, kind.value, value, wording[1], wording[2], stored_as_of_iso, as_of_date is None,
                     period_iso, deadline_iso, event)
    after_source = (speaker, quote, None, None, None, None, reliability, credibility, notes, fingerprint, extra)
    hashed_after = after_source if extra is not None else after_source[:-1]  # chain.hashed_fields
    return PlainRow(
        line, ref, fingerprint, identity, (publisher, title, url, published_iso, None, derived_from),
        quote is not None, before_source, after_source,
        (canonical_json(before_source)[:-1], canonical_json(hashed_after)[1:]), bare_fingerprint,
        fields_fingerprint,
    )
