"""Plain-dict views of domain records, for JSON, CSV and table output."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from .dates import iso
from .model import Claim, Correction, Declaration, Source
from .rows import quote_columns
from .wording import DEFAULT_CONFIG, WordingConfig, WordingError, parse_figure

if TYPE_CHECKING:
    from .reconcile.engine import Discrepancy

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A spreadsheet must not run a cell as a formula: prefix such text with a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_writer(buffer, **options):
    """``csv.writer`` for pxl's exports: rows end in ``\n``, and a row with a cell holding
    a carriage return is written with every cell quoted (the csv module quotes only the
    line terminator's characters, and a reader with universal newlines starts a new row at
    a bare CR: ``x\r=cmd()`` put a formula at the start of a row past the ``'`` guard).
    ``options``: csv.writer's."""
    import csv

    writer = csv.writer(buffer, lineterminator="\n", **options)
    quoting = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL, **options)

    class Writer:
        def writerow(self, row):
            row = list(row)
            if any(isinstance(cell, str) and "\r" in cell for cell in row):
                return quoting.writerow(row)
            return writer.writerow(row)

    return Writer()


CLAIM_TABLE_COLUMNS = ("id", "series", "kind", "value", "lo", "hi", "as_of", "publisher", "speaker", "status")
SOURCE_COLUMNS = ("id", "publisher", "published", "title", "url", "version_of", "derived_from", "document_sha256",
                  "recorded_at", "recorded_by")


def _source_facts(source: Source) -> dict[str, Any]:
    """What a source says of itself: shown with the source and with each of its claims."""
    return {
        "publisher": source.publisher,
        "published": iso(source.published),
        "title": source.title,
        "url": source.url,
        "derived_from": source.derived_from,
        "document_sha256": source.document_sha256,
    }


def source_dict(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        **_source_facts(source),
        "version_of": f"S{source.version_of}" if source.version_of is not None else None,
        "recorded_at": source.recorded_at,
        "recorded_by": source.recorded_by,
    }


def figure_extras(value: str, lo: int, hi: int | None, config: WordingConfig = DEFAULT_CONFIG) -> dict[str, Any]:
    """The parts of a compound wording and the reference of "N of M", read again from the
    recorded (hashed) wording: ``{"parts": [{wording, lo, hi}], "reference": {...} | None}``.
    Parts are given only when they add up to the recorded interval (a wording recorded
    under another tolerance or decimal convention is shown without them)."""
    try:
        figure = parse_figure(value, config)
    except WordingError:
        return {"parts": [], "reference": None}
    parts = [p.as_dict() for p in figure.parts] if (figure.interval.lo, figure.interval.hi) == (lo, hi) else []
    return {"parts": parts, "reference": figure.reference.as_dict() if figure.reference else None}


def discrepancy_dict(discrepancy: "Discrepancy", refs: Mapping[int, str | None] | None = None) -> dict[str, Any]:
    """A discrepancy as ``pxl reconcile --format json`` gives it: type, series, claims
    [{id, ref}], message. ``refs`` by seq for claims that do not carry their ref (the
    :class:`~ledger.model.Figure` records ``pxl check`` reads)."""
    return {
        "type": discrepancy.type, "series": discrepancy.series,
        "claims": [{"id": c.id, "ref": refs.get(c.seq) if refs is not None else c.ref} for c in discrepancy.claims],
        "message": discrepancy.message,
    }


def claim_dict(claim: Claim) -> dict[str, Any]:
    content, source, quote = claim.content, claim.source, claim.content.quote
    return {
        "id": claim.id,
        "ref": claim.ref,
        "series": content.series,
        "kind": content.kind.value,
        "value": content.value,
        "lo": content.lo,
        "hi": content.hi,
        **figure_extras(content.value, content.lo, content.hi),
        "as_of": iso(content.as_of),
        "as_of_inferred": content.as_of_inferred,
        "period_start": iso(content.period_start),
        "deadline": iso(content.deadline),
        "event": content.event,
        "source": source.id,
        **_source_facts(source),
        "speaker": content.speaker,
        **quote_columns(quote),
        "reliability": content.reliability,
        "credibility": content.credibility,
        "notes": content.notes,
        "extra": dict(content.extra),
        "status": claim.status,
        "corrections": list(claim.corrections),
        "recorded_at": claim.recorded_at,
        "recorded_by": claim.recorded_by,
    }


def correction_dict(correction: Correction) -> dict[str, Any]:
    data = {
        "id": correction.id,
        "claim": correction.claim_id,
        "action": correction.action.value,
        "reason": correction.reason,
        "recorded_at": correction.recorded_at,
        "recorded_by": correction.recorded_by,
    }
    if correction.content is not None:
        data.update({
            "value": correction.content.value, "lo": correction.content.lo,
            "hi": correction.content.hi, "as_of": iso(correction.content.as_of),
            "series": correction.content.series, "kind": correction.content.kind.value,
        })
    return data


DECLARATION_COLUMNS = ("id", "kind", "subject", "object", "reason", "status", "recorded_at", "recorded_by")


def declaration_dict(declaration: Declaration) -> dict[str, Any]:
    """A declaration as ``pxl list --declarations --format json`` and ``pxl show D9``
    print it (and the data package's declarations table holds it)."""
    return {
        "id": declaration.id, "kind": declaration.kind.value, "subject": declaration.subject,
        "object": declaration.object, "reason": declaration.reason, "status": declaration.status,
        "action": declaration.action.value, "corrects": declaration.corrects_id,
        "corrections": list(declaration.corrections),
        "recorded_at": declaration.recorded_at, "recorded_by": declaration.recorded_by,
    }
