"""Notes a conflict's message carries when a recording rule, not the sources, may be
what makes the claims disagree. Applied to the finished list of discrepancies by both
:func:`~ledger.reconcile.engine.reconcile` and :func:`~ledger.reconcile.engine.find_conflicts`,
so ``pxl reconcile``, ``pxl check`` and the reports word them alike."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Iterable

from ..model import Kind

SAME_BATCH = (
    " (increments of one series on one day with no `event` are read as the same batch "
    "reported more than once; if these are different batches, such as two flights or two "
    "crossings, give each its own `event`: docs/reconciliation.md, same-date increments)"
)


def with_notes(discrepancies: Iterable) -> list:
    """The discrepancies, a conflict among same-day increments without an event noted."""
    return [_noted(d) if _same_batch(d) else d for d in discrepancies]


def _noted(discrepancy):
    # The text report prints an irreducible set's arithmetic under its claims, not its message.
    arithmetic = discrepancy.arithmetic + SAME_BATCH if discrepancy.arithmetic else ""
    return replace(discrepancy, message=discrepancy.message + SAME_BATCH, arithmetic=arithmetic)


def _same_batch(discrepancy) -> bool:
    """Whether one of the discrepancy's irreducible sets (its ``cores``, else its claims)
    holds different increments of one series and day with no event: a grouped conflict
    names claims of several sets, which do not contradict each other."""
    if discrepancy.type != "conflict":
        return False
    return any(_same_batch_in(core) for core in (discrepancy.cores or [discrepancy.claims]))


def _same_batch_in(claims) -> bool:
    days = Counter(
        (c.series, c.as_of) for c in claims
        if c.kind is Kind.INCREMENT and c.event is None and c.as_of is not None and c.as_of.is_day
    )
    figures = {}
    for claim in claims:
        key = (claim.series, claim.as_of)
        if days.get(key, 0) > 1 and claim.kind is Kind.INCREMENT and claim.event is None:
            figures.setdefault(key, set()).add((claim.lo, claim.hi))
    return any(len(values) > 1 for values in figures.values())
