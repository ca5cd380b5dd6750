"""Domain records <-> table rows. The row dicts are exactly what the chain hashes."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any, Mapping

from .chain import CLAIM_CONTENT_FIELDS
from .model import Action, Claim, ClaimContent, Correction, Kind, QuoteSelector, Source


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


_KINDS = {kind.value: kind for kind in Kind}  # a dict lookup is ~30x cheaper than Kind(value)


@lru_cache(maxsize=65_536)
def _parse_date(value: str) -> date:
    return date.fromisoformat(value)


def _date(value: str | None) -> date | None:
    return _parse_date(value) if value else None


def source_row(source: Source) -> dict[str, Any]:
    return {
        "seq": source.seq,
        "publisher": source.publisher,
        "title": source.title,
        "url": source.url,
        "published": source.published.isoformat(),
        "document_sha256": source.document_sha256,
        "derived_from": source.derived_from,
    }


def source_from_row(row: Mapping[str, Any]) -> Source:
    return Source(
        seq=row["seq"],
        publisher=row["publisher"],
        published=date.fromisoformat(row["published"]),
        title=row["title"],
        url=row["url"],
        document_sha256=row["document_sha256"],
        derived_from=row["derived_from"],
        recorded_at=row.get("recorded_at", ""),
        recorded_by=row.get("recorded_by", ""),
    )


CONTENT_COLUMNS = CLAIM_CONTENT_FIELDS


def quote_columns(quote: QuoteSelector | None) -> dict[str, Any]:
    """A quote's Web Annotation selectors as flat columns (all None without a quote)."""
    return {
        "quote": quote.exact if quote else None,
        "quote_prefix": quote.prefix if quote else None,
        "quote_suffix": quote.suffix if quote else None,
        "quote_start": quote.start if quote else None,
        "quote_end": quote.end if quote else None,
    }


def content_row(content: ClaimContent | None, fingerprint: str | None) -> dict[str, Any]:
    """The claim-content columns; all None for a retraction."""
    if content is None:
        return dict.fromkeys(CONTENT_COLUMNS)
    quote = content.quote
    return {
        "series": content.series,
        "kind": content.kind.value,
        "value": content.value,
        "lo": content.lo,
        "hi": content.hi,
        "as_of": content.as_of.isoformat(),
        "as_of_inferred": content.as_of_inferred,
        "period_start": _iso(content.period_start),
        "deadline": _iso(content.deadline),
        "event": content.event,
        "source_seq": content.source_seq,
        "speaker": content.speaker,
        **quote_columns(quote),
        "reliability": content.reliability,
        "credibility": content.credibility,
        "notes": content.notes,
        "fingerprint": fingerprint,
    }



def content_from_row(row: Mapping[str, Any]) -> ClaimContent:
    quote = None
    if row["quote"] is not None:
        quote = QuoteSelector(
            exact=row["quote"], prefix=row["quote_prefix"], suffix=row["quote_suffix"],
            start=row["quote_start"], end=row["quote_end"],
        )
    return ClaimContent(
        series=row["series"],
        kind=_KINDS[row["kind"]],
        value=row["value"],
        lo=row["lo"],
        hi=row["hi"],
        as_of=_parse_date(row["as_of"]),
        as_of_inferred=bool(row["as_of_inferred"]),
        source_seq=row["source_seq"],
        period_start=_date(row["period_start"]),
        deadline=_date(row["deadline"]),
        event=row["event"],
        speaker=row["speaker"],
        quote=quote,
        reliability=row["reliability"],
        credibility=row["credibility"],
        notes=row["notes"],
    )


def claim_from_row(row: Mapping[str, Any], sources: Mapping[int, Source]) -> Claim:
    return Claim(
        seq=row["seq"],
        ref=row["ref"],
        content=content_from_row(row),
        source=sources[row["source_seq"]],
        recorded_at=row["recorded_at"],
        recorded_by=row["recorded_by"],
        fingerprint=row["fingerprint"],
    )


def correction_from_row(row: Mapping[str, Any]) -> Correction:
    action = Action(row["action"])
    return Correction(
        seq=row["seq"],
        claim_seq=row["claim_seq"],
        action=action,
        reason=row["reason"],
        recorded_at=row["recorded_at"],
        recorded_by=row["recorded_by"],
        content=content_from_row(row) if action is Action.AMEND else None,
        fingerprint=row["fingerprint"],
    )
