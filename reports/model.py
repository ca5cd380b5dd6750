"""What a report says, assembled from a reconciliation (pure; no database, no I/O)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from pxl.ledger.dates import iso
from pxl.ledger.model import Claim
from pxl.ledger.reconcile import Discrepancy, Reconciliation, SeriesResult
from pxl.ledger.reconcile.explain import bound, number, statement
from pxl.ledger.reconcile.origins import OriginIndex

from .reconciliation import progress, undated


@dataclass(frozen=True)
class SeriesSummary:
    result: SeriesResult
    progress_text: str | None
    discrepancies: tuple[Discrepancy, ...]
    conflicted: frozenset[int]
    sources: int
    slug: str
    chart_svg: str | tuple[str, str] | None = None  # an SVG, or (wide, narrow) SVGs
    caption: str | None = None  # one sentence saying what the chart shows

    @property
    def findings(self) -> tuple[Discrepancy, ...]:
        """The discrepancies a reader must see first: conflicts, then the comparisons with
        targets (single-origin figures are a mark on each figure, not a discrepancy)."""
        return self.discrepancies

    @property
    def undated(self) -> tuple[Claim, ...]:
        """Claims with no date at all (no as_of, no publication date): shown apart."""
        return undated(self.result)


@dataclass(frozen=True)
class Report:
    title: str
    series: tuple[SeriesSummary, ...]
    discrepancies: tuple[Discrepancy, ...]
    figures: tuple[Claim, ...]  # every claim used, in chain order (the provenance appendix)
    excluded: dict[int, str]  # claim seq -> why it was excluded
    origins: dict[int, str]  # claim seq -> origin label
    single_origin: frozenset[int]  # seqs of the figures no independent origin corroborates
    digest: str | None
    as_known_at: str | None
    reconciliation: Reconciliation = field(repr=False)

    @property
    def findings(self) -> tuple[Discrepancy, ...]:
        return tuple(d for s in self.series for d in s.findings)


def slug(series: str) -> str:
    """A file name and HTML id for a series: readable letters and digits, then 8 hex
    digits of its SHA-256, so two series never share one (``a->b-c`` and ``a-b->c`` read
    alike, and once shared a chart file and an anchor)."""
    readable = re.sub(r"[^a-z0-9]+", "-", series.lower()).strip("-")[:80] or "series"
    return f"{readable}-{hashlib.sha256(series.encode('utf-8')).hexdigest()[:8]}"


def progress_text(result: SeriesResult) -> str | None:
    """E.g. "at least 4,001 of 5,000 (80%+)"."""
    share = progress(result)
    if share is None:
        return None
    text = f"at least {number(share['at_least'])} of {number(share['target'])} ({share['share_at_least']:.0%}+)"
    if share["at_most"] is not None:
        text += f", at most {number(share['at_most'])} ({share['share_at_most']:.0%})"
    return text


def build(
    reconciliation: Reconciliation,
    *,
    digest: str | None,
    as_known_at: str | None,
    title: str = "Prisoner-exchange discrepancy report",
    charts: dict[str, str] | None = None,
    captions: dict[str, str] | None = None,
) -> Report:
    by_series: dict[str, list[Discrepancy]] = {}
    for discrepancy in reconciliation.discrepancies:
        by_series.setdefault(discrepancy.series, []).append(discrepancy)
    summaries = []
    figures: list[Claim] = []
    excluded: dict[int, str] = {}
    origins: dict[int, str] = {}
    single: set[int] = set()
    for result in reconciliation.series:
        found = tuple(by_series.get(result.series, ()))
        conflicted = frozenset(c.seq for d in found if d.type == "conflict" for c in d.claims)
        summaries.append(SeriesSummary(
            result=result, progress_text=progress_text(result), discrepancies=found,
            conflicted=conflicted, sources=len({c.source.seq for c in result.claims}),
            slug=slug(result.series), chart_svg=(charts or {}).get(result.series),
            caption=(captions or {}).get(result.series),
        ))
        figures.extend(result.claims)
        excluded.update({e.claim.seq: e.reason for e in result.exclusions})
        single.update(c.seq for c in result.single_origin)
        index = OriginIndex(result.claims)
        origins.update({c.seq: index.label(c) for c in result.claims})
    return Report(
        title=title, series=tuple(summaries), discrepancies=reconciliation.discrepancies,
        figures=tuple(sorted(figures, key=lambda c: c.seq)), excluded=excluded, origins=origins,
        single_origin=frozenset(single),
        digest=digest, as_known_at=as_known_at, reconciliation=reconciliation,
    )


def figure_dict(claim: Claim, report: Report) -> dict[str, Any]:
    quote = claim.quote
    return {
        "id": claim.id, "ref": claim.ref, "series": claim.series, "kind": claim.kind.value,
        "value": claim.value, "lo": claim.lo, "hi": claim.hi, "statement": statement(claim),
        "as_of": iso(claim.as_of), "as_of_inferred": claim.as_of_inferred,
        "period_start": iso(claim.period_start),
        "source": claim.source.id, "publisher": claim.source.publisher,
        "published": iso(claim.source.published), "title": claim.source.title,
        "url": claim.source.url, "derived_from": claim.source.derived_from,
        "document_sha256": claim.source.document_sha256, "speaker": claim.speaker,
        "origin": report.origins.get(claim.seq),
        "single_origin": claim.seq in report.single_origin,
        "quote": quote.exact if quote else None, "quote_start": quote.start if quote else None,
        "quote_end": quote.end if quote else None,
        "excluded": report.excluded.get(claim.seq),
    }


__all__ = ["Report", "SeriesSummary", "build", "figure_dict", "progress_text", "slug", "bound"]
