"""Rendering a reconciliation: the JSON contract of the SPEC, and the text a person reads.

Pure functions from a :class:`~ledger.reconcile.Reconciliation` to text; no database.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from pxl.ledger.dates import iso
from pxl.ledger.english import cannot_hold, count
from pxl.ledger.reconcile.scopes import same_figure
from pxl.ledger.model import Claim
from pxl.ledger.reconcile import Estimate, Reconciliation, SeriesResult
from pxl.ledger.reconcile.explain import bound, number, statement


def estimate_dict(estimate: Estimate | None) -> dict[str, Any] | None:
    """date/low/high/best, and the ids of the claims that set the low and the high
    (``*_claims_total`` counts them all where more lie on the path than are listed)."""
    if estimate is None:
        return None
    return {
        "date": estimate.date.isoformat(), "low": estimate.low, "high": estimate.high, "best": estimate.best,
        "low_claims": [c.id for c in estimate.low_claims], "low_claims_total": estimate.low_count,
        "high_claims": [c.id for c in estimate.high_claims], "high_claims_total": estimate.high_count,
    }


def undated(result: SeriesResult) -> tuple[Claim, ...]:
    """The series' claims with no date at all: recorded and shown, constraining nothing."""
    return tuple(c for c in result.claims if c.as_of is None)


def _claim_ref(claim: Claim) -> dict[str, Any]:
    return {"id": claim.id, "ref": claim.ref}


def _figure(claim: Claim) -> dict[str, Any]:
    return {"id": claim.id, "ref": claim.ref, "value": claim.value, "lo": claim.lo, "hi": claim.hi,
            "as_of": iso(claim.as_of), "deadline": iso(claim.deadline),
            "speaker": claim.speaker, "publisher": claim.source.publisher}


def progress(result: SeriesResult) -> dict[str, Any] | None:
    """Progress against the whole series's target at the latest date: the share the low
    bound proves. A target of one period (a phase, a day's batch) is compared with the
    release over its period (``over_target``, ``shortfall``), not with the running total."""
    target, latest = result.target, result.latest
    if target is None or latest is None or target.lo == 0 or target.period_start is not None:
        return None
    return {
        "target": target.lo,
        "at_least": latest.low,
        "at_most": latest.high,
        "share_at_least": round(latest.low / target.lo, 4),
        "share_at_most": None if latest.high is None else round(latest.high / target.lo, 4),
    }


def series_dict(result: SeriesResult) -> dict[str, Any]:
    target = result.target
    return {
        "series": result.series,
        "parent": result.parent,
        "complete": result.complete,
        "parts": list(result.parts),
        "remainder": estimate_dict(result.remainder),
        "target": None if target is None else {"lo": target.lo, "hi": target.hi, "claim": target.id,
                                               "deadline": iso(target.deadline)},
        "latest": estimate_dict(result.latest),
        "estimates": [estimate_dict(e) for e in result.estimates],
        "excluded": [e.claim.id for e in result.exclusions],
        "exclusions": [{"id": e.claim.id, "ref": e.claim.ref, "rule": e.rule, "reason": e.reason}
                       for e in result.exclusions],
        "exclusions_exact": result.exact,
        "exclusions_weight_at_least": None if result.exact else result.lower_bound,
        "single_origin": [c.id for c in result.single_origin],
        "progress": progress(result),
        "targets": [_figure(c) for c in result.targets],
        "pledges": [_figure(c) for c in result.pledges],
        "demands": [_figure(c) for c in result.demands],
        "undated": [c.id for c in undated(result)],
        "claims": len(result.claims),
        "sources": len({c.source.seq for c in result.claims}),
        "origins": result.origins,
    }


def to_dict(reconciliation: Reconciliation, *, as_known_at: str | None = None, digest: str | None = None) -> dict:
    return {
        "as_known_at": as_known_at,
        "digest": digest,
        "series": [series_dict(s) for s in reconciliation.series],
        "discrepancies": [
            {"type": d.type, "series": d.series, "claims": [_claim_ref(c) for c in d.claims], "message": d.message}
            for d in reconciliation.discrepancies
        ],
    }


def to_json(reconciliation: Reconciliation, **context: Any) -> str:
    return json.dumps(to_dict(reconciliation, **context), ensure_ascii=False, indent=2)


def single_origin_text(result: SeriesResult) -> str:
    """"31 of 44 figures rest on a single origin": once per series."""
    return f"{len(result.single_origin)} of {len(result.claims)} figures rest on a single origin"


def setters(claims, total: int) -> str:
    """The ids of the claims that set a bound: "C9, C13", with "+N more" past the list."""
    text = ", ".join(c.id for c in claims)
    return text + (f" +{total - len(claims)} more" if total > len(claims) else "")


def basis(estimate) -> str:
    """"; low set by C13; high set by C20": the claims behind an estimate's bounds."""
    parts = []
    if estimate.low_claims:
        parts.append("low set by " + setters(estimate.low_claims, estimate.low_count))
    if estimate.high_claims:
        parts.append("high set by " + setters(estimate.high_claims, estimate.high_count))
    return "".join(f"; {part}" for part in parts)


def _range(estimate: Estimate) -> str:
    high = "open" if estimate.high is None else number(estimate.high)
    text = f"low {number(estimate.low)}  best {number(estimate.best)}  high {high}"
    behind = basis(estimate)
    return text + (f"  ({behind.removeprefix('; ')})" if behind else "")


def claim_line(claim: Claim, width: int = 44) -> str:
    words = claim.quote.exact if claim.quote else claim.value
    words = words if len(words) <= width else words[: width - 1] + "\u2026"
    who = claim.source.publisher + (f" / {claim.speaker}" if claim.speaker else "")
    return f"{claim.id:<6} {who} {claim.source.published or 'no publication date'} \u201c{words}\u201d    {statement(claim)}"


def to_text(reconciliation: Reconciliation, *, as_known_at: str | None = None, digest: str | None = None) -> str:
    lines: list[str] = []
    if not reconciliation.series:
        return "no claims to reconcile\n"
    by_series: dict[str, list] = {}
    for d in reconciliation.discrepancies:
        by_series.setdefault(d.series, []).append(d)
    for result in reconciliation.series:
        part_of = f"part of {result.parent}; " if result.parent else ""
        lines.append(f"== {result.series}  ({part_of}{count(len(result.claims), 'claim')}, "
                     f"{count(len({c.source.seq for c in result.claims}), 'source')}, {count(result.origins, 'origin')})")
        if result.parts:
            lines.append(f"  parts   {', '.join(result.parts)}"
                         + ("  (declared complete: they cover it)" if result.complete else ""))
        if result.remainder is not None:
            lines.append(f"  remainder {result.remainder.date.isoformat()} (in no part): {_range(result.remainder)}")
        for label, group in (("target", result.targets), ("pledge", result.pledges), ("demand", result.demands)):
            for claim in group:
                lines.append(f"  {label:<7} {bound(claim.lo, claim.hi).removeprefix('= ')}"
                             + (f" due {claim.deadline}" if claim.deadline else "")
                             + f"  ({claim.id}, {claim.speaker or claim.source.publisher}, {claim.as_of or 'undated'})")
        if result.latest is not None:
            lines.append(f"  latest  {result.latest.date.isoformat()}: {_range(result.latest)}")
        share = progress(result)
        if share is not None:
            most = "" if share["at_most"] is None else f", at most {number(share['at_most'])} ({share['share_at_most']:.0%})"
            lines.append(f"  progress at least {number(share['at_least'])} of {number(share['target'])} "
                         f"({share['share_at_least']:.0%}+){most}")
        if result.estimates:
            lines.append("  estimates:")
            for estimate in result.estimates:
                lines.append(f"    {estimate.date.isoformat()}  {_range(estimate)}")
        if result.claims:
            lines.append(f"  {single_origin_text(result)}")
        for exclusion in result.exclusions:
            lines.append(f"  excluded {exclusion.claim.id}: {exclusion.reason}")
        if undated(result):
            lines.append("  undated (no as_of and no publication date; they constrain no date):")
            lines.extend(f"    {claim_line(claim)}" for claim in undated(result))
        for discrepancy in by_series.get(result.series, []):
            lines.append("")
            if discrepancy.type == "conflict":
                lines.append(f"  conflict: {discrepancy.message}" if discrepancy.sides else
                             f"  conflict: {_cannot_hold(discrepancy.claims)}")
                for claim in discrepancy.claims:
                    lines.append(f"    {claim_line(claim)}")
                if not discrepancy.sides:
                    lines.append(f"    {discrepancy.arithmetic}")
            else:
                lines.append(f"  {discrepancy.type}: {discrepancy.message}")
        lines.append("")
    footer = []
    if as_known_at:
        footer.append(f"as known at {as_known_at}")
    if digest:
        footer.append(f"ledger digest {digest}")
    if footer:
        lines.append("; ".join(footer))
    return "\n".join(lines).rstrip() + "\n"


def why_text(result: SeriesResult, day: date) -> str:
    estimate = result.estimate_at(day)
    paths = result.why(day)
    if estimate is None:
        return f"{result.series} has no estimate at {day.isoformat()}"
    lines = [f"{result.series} at {day.isoformat()}: {_range(estimate)}"]
    low_claims = [e for e in paths.low if e.claim is not None]
    lines.append(f"  low {number(estimate.low)} is set by:")
    if low_claims:
        for edge in low_claims:
            lines.append(f"    {claim_line(edge.claim)}  (lower bound)" if edge.side == "lo"
                         else f"    {claim_line(edge.claim)}  (its upper bound, subtracted)")
    else:
        lines.append("    nothing: no claim proves any release by then (a total cannot be negative)")
    if paths.high is None:
        lines.append("  high is open: no claim bounds the total from above by then")
    else:
        high_claims = [e for e in paths.high if e.claim is not None]
        lines.append(f"  high {number(estimate.high or 0)} is set by:")
        for edge in high_claims:
            lines.append(f"    {claim_line(edge.claim)}  (upper bound)" if edge.side == "hi"
                         else f"    {claim_line(edge.claim)}  (its lower bound, subtracted)")
        if any(e.side == "order" for e in paths.high):
            lines.append("    and a total cannot fall, so a later ceiling caps this date too")
    for exclusion in result.exclusions:
        lines.append(f"  (excluded {exclusion.claim.id}: {exclusion.reason})")
    return "\n".join(lines) + "\n"


def _cannot_hold(claims) -> str:
    """The conflict's head as its message words it: figures where some are stated more than
    once (so the count agrees with `pxl check` and the CSV), claims otherwise."""
    figures = len({same_figure(c) for c in claims})
    if figures == len(claims):
        return cannot_hold(len(claims), "claim")
    return f"{cannot_hold(figures, 'figure')} ({count(len(claims), 'claim')})"

