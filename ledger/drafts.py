"""From what a user typed (CLI options, an import row) to validated drafts.

Pure functions in the beancount manner: each returns ``(draft, errors)`` and collects every
problem of a row instead of stopping at the first; each :class:`FieldError` names the
column, the offending text and the reason. The store turns drafts into entries.
"""

from __future__ import annotations

import difflib

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping

from .chain import canonical_json
from .english import article
from .dates import EXPECTED, DateOrder, Period, iso, parse_period
from .errors import FieldError
from .model import (
    CREDIBILITY_GRADES,
    RELIABILITY_GRADES,
    SERIES_PATTERN,
    ClaimContent,
    Kind,
    QuoteSelector,
    Source,
)
from .quotes import locate
from .wording import DEFAULT_CONFIG, WordingConfig, WordingError, parse_value

REQUIRED_COLUMNS = ("series", "kind", "value", "publisher")
OPTIONAL_COLUMNS = (
    "published", "as_of", "period_start", "speaker", "quote", "url", "title", "document", "derived_from",
    "reliability", "credibility", "deadline", "event", "ref", "notes",
)
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
_KNOWN = frozenset(COLUMNS)

MAX_LENGTH = {"series": 200, "publisher": 300, "event": 200, "ref": 200, "kind": 16}
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
URL_PATTERN = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SourceDraft:
    publisher: str
    published: Period | None
    title: str | None = None
    url: str | None = None
    derived_from: str | None = None
    document: str | None = None  # the path as given; the caller reads it
    document_text: str | None = None

    def identity(self) -> str:
        return source_identity(self.url, self.publisher, self.title, self.published)

    def earlier_identity(self) -> str:
        return earlier_source_identity(self.url, self.publisher, self.title, self.published)


def source_identity(url: str | None, publisher: str, title: str | None, published: Period | None) -> str:
    """How a source is matched: by (url, published), else by (publisher, title, published).

    One url with another publication date is another version of the page (a live blog,
    an updated article): a source of its own, linked to the first by its url."""
    if url:
        return f"url:{url}" if published is None else f"url:{url}\x1f{published.isoformat()}"
    return f"ptp:{publisher}\x1f{title or ''}\x1f{iso(published) or ''}"


def earlier_source_identity(url: str | None, publisher: str, title: str | None, published: Period | None) -> str:
    """The identity rows were fingerprinted with before pages had versions: a url alone.
    Ledgers recorded then keep those fingerprints; a row is "already recorded" when it
    matches one (:func:`row_fingerprint`)."""
    return f"url:{url}" if url else source_identity(url, publisher, title, published)


@dataclass(frozen=True, slots=True)
class ClaimDraft:
    series: str
    kind: Kind
    value: str
    lo: int
    hi: int | None
    as_of: Period | None = None
    period_start: Period | None = None
    deadline: Period | None = None
    event: str | None = None
    speaker: str | None = None
    quote: str | None = None
    reliability: str | None = None
    credibility: int | None = None
    notes: str | None = None
    ref: str | None = None
    source: SourceDraft | None = None
    extra: tuple[tuple[str, str], ...] = ()

    def fingerprint(self, source_identity: str, *, with_extra: bool = True) -> str:
        """What makes two recordings "the same row": every field as given (the ref too:
        rows with different refs are different records), its extra columns, and the
        source. ``with_extra=False``: as pxl fingerprinted the row before it kept extra
        columns (see :func:`row_fingerprint`)."""
        return row_fingerprint(
            self.ref, self.series, self.kind.value, self.value, iso(self.as_of), iso(self.period_start),
            iso(self.deadline), self.event, self.speaker, self.quote, self.reliability, self.credibility,
            self.notes, source_identity, self.source.derived_from if self.source else None,
            extra_json(self.extra) if with_extra else None,
        )


def row_fingerprint(
    ref: str | None, series: str, kind: str, value: str, as_of: str | None, period_start: str | None,
    deadline: str | None, event: str | None, speaker: str | None, quote: str | None,
    reliability: str | None, credibility: int | None, notes: str | None, source_identity: str,
    derived_from: str | None, extra: str | None = None,
) -> str:
    """:meth:`ClaimDraft.fingerprint` from the row's cleaned cells (dates in ISO form;
    ``extra`` as :func:`extra_json` stores it). A row without extra columns has the
    fingerprint it had before pxl kept them, so re-importing an old file records nothing."""
    fields = [
        ref, series, kind, " ".join(value.split()), as_of, period_start, deadline, event, speaker, quote,
        reliability, credibility, notes, source_identity, derived_from,
    ]
    if extra is not None:
        fields.append(extra)
    return hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()


def recorded_fingerprint(content: ClaimContent, ref: str | None, source: Source, *, with_extra: bool = True) -> str:
    """The fingerprint a recorded claim version was given (:meth:`ClaimDraft.fingerprint`
    over its source's identity), computed again from what is stored: the ``as_of`` given
    (none when it was inferred), the quote's exact words, the source's identity."""
    return row_fingerprint(
        ref, content.series, content.kind.value, content.value,
        None if content.as_of_inferred else iso(content.as_of), iso(content.period_start),
        iso(content.deadline), content.event, content.speaker, content.quote.exact if content.quote else None,
        content.reliability, content.credibility, content.notes,
        source_identity(source.url, source.publisher, source.title, source.published), source.derived_from,
        extra_json(content.extra) if with_extra else None,
    )


def extras_agree(given: tuple[tuple[str, str], ...], recorded: tuple[tuple[str, str], ...]) -> bool:
    """Whether two rows with the same recorded fields are one row: their extra columns
    agree on every column both give. A column dropped from the file, added to it, or
    emptied is no new figure; another text in a column both give is another row (another
    ``exchange``, another collector's ``id``). The one rule for re-imports and for rows
    repeated within a file (docs/import-format.md, "What makes a row already recorded")."""
    if not given or not recorded:
        return True
    other = dict(recorded)
    return all(other.get(column, text) == text for column, text in given)


def extra_cells(fields: Mapping[str, Any], errors: list[FieldError]) -> tuple[tuple[str, str], ...]:
    """The row's extra columns (any column that is not one of :data:`COLUMNS`; the readers
    have refused near misses and dropped review columns) as (column, text) in the row's
    order: stripped, empty cells left out, as the known columns are. A cell with control
    characters is an error, as in a known column. The one rule for the exact path and the
    fast lane (:mod:`ledger.plain_rows`)."""
    kept = []
    for column, value in fields.items():
        if column not in _KNOWN and (text := _cell_text(column, value, errors)):
            kept.append((column, text))
    return tuple(kept)


def _cell_text(column: str, value: Any, errors: list[FieldError]) -> str | None:
    """A cell as text, stripped; None when empty, or when it holds control characters
    (an error appended to ``errors``). The one rule for known and extra columns."""
    if value is None:
        return None
    text = value.strip() if isinstance(value, str) else clean_text(value)
    if not text:
        return None
    # isprintable() is a fast C check that passes nearly every cell; only the rest
    # (newlines, tabs, control characters) go through the regular expression.
    if not text.isprintable() and CONTROL_CHARACTERS.search(text):
        errors.append(FieldError(column, text, "contains control characters"))
        return None
    return text


def extra_json(extra: tuple[tuple[str, str], ...]) -> str | None:
    """Extra columns as stored and hashed: a compact JSON object in the row's column order,
    None without any."""
    if not extra:
        return None
    return json.dumps(dict(extra), ensure_ascii=False, separators=(",", ":"))


def extra_from_json(text: str | None) -> tuple[tuple[str, str], ...]:
    """The extra columns as stored (a JSON object). Text that is not one was not written
    by pxl (`pxl verify` names the entry); it is shown as it is, under "extra", rather
    than stopping every command that reads the claim."""
    if not text:
        return ()
    try:
        stored = json.loads(text)
    except ValueError:
        return (("extra", text),)
    if not isinstance(stored, dict):
        return (("extra", text),)
    return tuple((str(column), value if isinstance(value, str) else json.dumps(value)) for column, value in stored.items())


def clean_text(value: Any) -> str | None:
    """Strip a cell; empty and missing become None."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from a spreadsheet
        return None
    text = str(value).strip()
    return text or None


def parse_date(
    column: str, value: Any, errors: list[FieldError], order: DateOrder | str | None = None
) -> Period | None:
    """A date cell as a :class:`Period` (None when empty); a refusal is appended to ``errors``."""
    if isinstance(value, Period):
        return value
    if isinstance(value, date):  # a spreadsheet's date cell (a datetime only at midnight)
        if getattr(value, "hour", 0) or getattr(value, "minute", 0) or getattr(value, "second", 0):
            errors.append(FieldError(column, str(value), f"a time of day is not a date; expected {EXPECTED}"))
            return None
        return Period.day(date(value.year, value.month, value.day))
    text = clean_text(value)
    if text is None:
        return None
    parsed, reason = parse_period(text, order)
    if reason:
        errors.append(FieldError(column, text, reason))
    return parsed


def starts_after(period_start: Period, as_of: Period) -> bool:
    """A period cannot start after it ends: every day of ``period_start`` is after ``as_of``."""
    return period_start.first > as_of.last


def dated_after_publication(as_of: Period, published: Period | None) -> bool:
    """"A release cannot be dated after its source was published", for intervals: only
    when every day ``as_of`` may mean is after every day ``published`` may mean."""
    return published is not None and as_of.first > published.last


def reliability_grade(text: str) -> str | None:
    """An Admiralty source grade (A-F, either case) as stored, or None if it is not one."""
    grade = text.upper()
    return grade if len(grade) == 1 and grade in RELIABILITY_GRADES else None


def credibility_grade(text: str) -> int | None:
    """An Admiralty credibility grade (1-6, also as 2.0) as stored, or None if it is not one."""
    if re.fullmatch(r"\d(\.0)?", text) and int(float(text)) in CREDIBILITY_GRADES:
        return int(float(text))
    return None


def _check_text(fields: Mapping[str, Any], errors: list[FieldError]) -> dict[str, str | None]:
    cleaned: dict[str, str | None] = dict.fromkeys(COLUMNS)
    for column, value in fields.items():
        if column not in cleaned or not (text := _cell_text(column, value, errors)):
            continue
        if column in MAX_LENGTH and len(text) > MAX_LENGTH[column]:
            errors.append(FieldError(column, text, f"longer than {MAX_LENGTH[column]:,} characters "
                                                   f"({len(text):,} given): shorten it"))
            continue
        cleaned[column] = text
    return cleaned


REQUIRED = "required: "  # how a refusal of an empty required column begins


def _required(column: str, what: str) -> FieldError:
    return FieldError(column, None, REQUIRED + what)


def without_shadowed_required(errors: list[FieldError]) -> list[FieldError]:
    """``errors`` without "required" for a cell refused for what it holds (too long,
    control characters, a JSON exponent): the cell was not empty, and one problem is said
    once, for what it is. Cells are matched by (line, column)."""
    refused = {(e.line, e.column) for e in errors if e.text is not None}
    return [e for e in errors
            if not (e.text is None and e.reason.startswith(REQUIRED) and (e.line, e.column) in refused)]


def source_draft(
    fields: Mapping[str, Any], errors: list[FieldError], *, cleaned: Mapping[str, str | None] | None = None,
    order: DateOrder | str | None = None,
) -> SourceDraft | None:
    """Validate the source columns of a row; appends to ``errors``. ``published`` may be
    empty: many pages show no date."""
    values = cleaned if cleaned is not None else _check_text(fields, errors)
    count = len(errors)
    publisher = values.get("publisher")
    if not publisher:
        errors.append(_required("publisher", "who published the source"))
    published = parse_date("published", fields.get("published"), errors, order)
    url = values.get("url")
    if url and not URL_PATTERN.match(url):
        errors.append(FieldError("url", url, "expected an address such as https://example.org/..."))
    if len(errors) > count or publisher is None:
        return None
    return SourceDraft(
        publisher=publisher,
        published=published,
        title=values.get("title"),
        url=url,
        derived_from=values.get("derived_from"),
        document=values.get("document"),
    )


def _closest_series(text: str) -> str:
    """'; closest accepted form: ...' for a series key written with capitals, spaces or
    punctuation (``Yemen Parties -> Detainees/By Houthis``), or '' where slugging it does
    not give a key. A suggestion in a refusal, never applied."""
    parts = re.split(r"\s*(->|/)\s*", re.sub(r"\s*(?:→|=>|–>|—>)\s*", "->", text.strip()))
    slugged = "".join(p if p in ("->", "/") else re.sub(r"[^a-z0-9._-]+", "-", p.lower()).strip("-._")
                      for p in parts)
    if slugged != text and SERIES_PATTERN.match(slugged):
        return f"; closest accepted form: {slugged!r}"
    return ""


def claim_draft(
    fields: Mapping[str, Any],
    config: WordingConfig = DEFAULT_CONFIG,
    *,
    with_source: bool = True,
) -> tuple[ClaimDraft | None, list[FieldError]]:
    """Validate one claim (an import row or ``pxl record``'s options).

    With ``with_source`` the row carries its source (publisher, published, ...); without it
    the caller names an already-recorded source.
    """
    errors: list[FieldError] = []
    values = _check_text(fields, errors)

    series = values["series"]
    if not series:
        errors.append(_required("series", "the flow of people, e.g. releasing->released"))
    elif not SERIES_PATTERN.match(series):
        errors.append(FieldError(
            "series", series,
            "expected RELEASING->RELEASED in lower-case slugs, e.g. afghan-government->taliban"
            + _closest_series(series),
        ))

    kind: Kind | None = None
    kind_text = values["kind"]
    if not kind_text:
        errors.append(_required("kind", ", ".join(k.value for k in Kind)))
    else:
        try:
            kind = Kind(kind_text.lower())
        except ValueError:
            close = difflib.get_close_matches(kind_text.lower(), [k.value for k in Kind], n=1, cutoff=0.6)
            errors.append(FieldError("kind", kind_text, "expected one of " + ", ".join(k.value for k in Kind)
                                     + (f"; did you mean {close[0]!r}?" if close else "")))

    value_text = values["value"]
    interval = None
    if value_text is None:
        errors.append(_required("value", "the figure as worded, e.g. 'more than 4,000'"))
    else:
        try:
            interval = parse_value(value_text, config)
        except WordingError as error:
            errors.append(FieldError("value", value_text, error.reason))

    order = config.date_order
    as_of = parse_date("as_of", fields.get("as_of"), errors, order)
    period_start = parse_date("period_start", fields.get("period_start"), errors, order)
    deadline = parse_date("deadline", fields.get("deadline"), errors, order)
    if kind is not None and deadline and kind.constrains_total:
        errors.append(FieldError("deadline", values["deadline"],
                                 "a deadline belongs to a target, pledge or demand"))
    # A release's period ends at as_of. A target, pledge or demand may cover a period too
    # (period_start..deadline: "50 over the four days of the truce", or open-ended: a
    # phase from its start); it is stated before the period, so as_of does not bound it.
    period_end = deadline if kind is not None and not kind.constrains_total else as_of
    if period_start and period_end and starts_after(period_start, period_end):
        errors.append(FieldError("period_start", values["period_start"],
                                 f"the period starts after {'the deadline' if period_end is deadline else 'as_of'} "
                                 f"({period_end.isoformat()})"))

    reliability = None
    if values["reliability"] is not None:
        reliability = reliability_grade(values["reliability"])
        if reliability is None:
            errors.append(FieldError("reliability", values["reliability"],
                                     "expected an Admiralty source grade A-F"))
    credibility = None
    if values["credibility"] is not None:
        credibility = credibility_grade(values["credibility"])
        if credibility is None:
            errors.append(FieldError("credibility", values["credibility"],
                                     "expected an Admiralty credibility grade 1-6"))

    source = source_draft(fields, errors, cleaned=values, order=order) if with_source else None
    extra = extra_cells(fields, errors)
    if errors or kind is None or interval is None or series is None or value_text is None:
        return None, without_shadowed_required(errors)
    return ClaimDraft(
        series=series, kind=kind, value=value_text, lo=interval.lo, hi=interval.hi,
        as_of=as_of, period_start=period_start, deadline=deadline, event=values["event"],
        speaker=values["speaker"], quote=values["quote"], reliability=reliability,
        credibility=credibility, notes=values["notes"], ref=values["ref"], source=source, extra=extra,
    ), []


def claim_content(
    draft: ClaimDraft, source: Source, document_text: str | None
) -> tuple[ClaimContent | None, list[FieldError]]:
    """Complete a draft against its recorded source: default ``as_of``, locate the quote."""
    errors: list[FieldError] = []
    as_of = draft.as_of or source.published
    if draft.kind.constrains_total and draft.period_start and as_of is not None \
            and starts_after(draft.period_start, as_of):
        errors.append(FieldError("period_start", draft.period_start.isoformat(),
                                 f"the period starts after as_of ({as_of.isoformat()})"))
    if draft.kind.constrains_total and as_of is not None and dated_after_publication(as_of, source.published):
        assert source.published is not None
        errors.append(FieldError(
            "as_of", as_of.isoformat(),
            f"{article(draft.kind.value)} figure cannot describe a date after its source was "
            f"published ({source.published.isoformat()})",
        ))
    quote: QuoteSelector | None = None
    if draft.quote:
        if document_text is not None:
            quote = locate(document_text, draft.quote)
            if quote is None:
                errors.append(FieldError(
                    "quote", draft.quote,
                    f"does not occur in the archived text of {source.id} "
                    f"(sha256 {source.document_sha256[:12] if source.document_sha256 else '?'}...)",
                ))
        else:
            quote = QuoteSelector(exact=draft.quote)
    if errors:
        return None, errors
    return ClaimContent(
        series=draft.series, kind=draft.kind, value=draft.value, lo=draft.lo, hi=draft.hi,
        as_of=as_of, as_of_inferred=draft.as_of is None, source_seq=source.seq,
        period_start=draft.period_start, deadline=draft.deadline, event=draft.event,
        speaker=draft.speaker, quote=quote, reliability=draft.reliability,
        credibility=draft.credibility, notes=draft.notes, extra=draft.extra,
    ), []


def amended_fields(content: ClaimContent, ref: str | None, source: Source) -> dict[str, Any]:
    """A claim's current content as input fields, the base that an amendment overrides."""
    return {
        "series": content.series, "kind": content.kind.value, "value": content.value,
        "as_of": None if content.as_of_inferred else iso(content.as_of),
        "period_start": iso(content.period_start), "deadline": iso(content.deadline),
        "event": content.event, "speaker": content.speaker,
        "quote": content.quote.exact if content.quote else None,
        "reliability": content.reliability,
        "credibility": None if content.credibility is None else str(content.credibility),
        "notes": content.notes, "ref": ref,
        "publisher": source.publisher, "published": iso(source.published),
        "url": source.url, "title": source.title, "derived_from": source.derived_from,
        **dict(content.extra),
    }

