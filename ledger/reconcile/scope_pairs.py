"""Direct contradictions across the scopes of a family: a part's figure against its
whole's, two claims that cannot both hold by themselves.

A family's conflicts are found from the claims set aside (each against the claims kept),
so two claims both set aside (``a->b/x/y`` at least 10, ``a->b/x`` at most 8) would name
no conflict together. The rule that a part is counted within its whole gives every claim
of a part a lower bound on each scope above it: its total's low is a low of the whole's
total, its batch's low a low of the whole's release that day (the remainder and the other
parts never fall). Projected so, a scope's own claims and its descendants' lows form one
series of the difference-constraint engine, whose direct contradictions
(:mod:`ledger.reconcile.contradictions`) are exactly the two-claim conflicts of the
scope's upper bounds with the lows below or at it. (Two lows never contradict, and a
part's high says nothing of its whole, so no other pair is one by itself.)
"""

from __future__ import annotations

from typing import Sequence

from dataclasses import replace

from ..model import Claim, Figure, parent_of
from .contradictions import direct_contradictions
from .engine import Discrepancy, direct_discrepancy
from .explain import statement
from .graph import SeriesGraph


def cross_scope_contradictions(releases: Sequence[Claim], named: Sequence[Discrepancy]) -> list[Discrepancy]:
    """The direct contradictions among ``releases`` (a family's release claims) that no
    discrepancy of ``named`` already names both claims of, one per group of agreeing lows
    (the nearest contradicting high named, the rest counted), as a series' own are."""
    together = [frozenset(c.seq for c in d.claims) for d in named]
    by_scope: dict[str, list[Claim]] = {}
    for claim in releases:
        by_scope.setdefault(claim.series, []).append(claim)
    scopes = set(by_scope)
    for claim in releases:
        scope = parent_of(claim.series)
        while scope is not None:
            scopes.add(scope)
            scope = parent_of(scope)
    original = {c.seq: c for c in releases}
    found: list[Discrepancy] = []
    for scope in sorted(scopes):
        own = by_scope.get(scope, [])
        if not any(c.hi is not None for c in own):
            continue
        below = [_as_low_of(c, scope) for c in releases if c.series.startswith(scope + "/")]
        if not below and len(own) < 2:
            continue
        for direct in direct_contradictions(SeriesGraph(own + below).claim_edges()):
            lows = [original[e.claim.seq] for e in direct.lows]
            highs = [original[e.claim.seq] for e in direct.highs]
            if all(any({lo.seq, hi.seq} <= group for group in together) for lo in lows for hi in highs):
                continue
            note = f" ({lows[0].series} is counted within {scope})" if lows[0].series != scope else ""
            found_one = direct_discrepancy(scope, direct, lows, highs, _with_series, note)
            # Each low with each high is a two-claim irreducible set: the named pairs.
            pairs = tuple((lo, highs[0]) for lo in lows) + tuple((lows[0], hi) for hi in highs[1:])
            found.append(replace(found_one, cores=pairs if len(pairs) > 1 else ()))
            together.append(frozenset(c.seq for c in found_one.claims))
    return found


def _as_low_of(claim: Claim | Figure, scope: str) -> Figure:
    """``claim`` of a part of ``scope`` as what it says of ``scope``: at least its low
    (a :class:`~ledger.model.Figure`, which the engine reads as it reads a claim)."""
    return Figure.of(claim)._replace(series=scope, hi=None)


def _with_series(claim) -> str:
    return f"{claim.series} {statement(claim)}"
