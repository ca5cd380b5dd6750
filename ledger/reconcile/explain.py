"""Claims and bounds in the users' terms: "total by 2020-04-12 = 300", "250 + 100 = 350, not 400"."""

from __future__ import annotations

from typing import Iterable

from ..model import Claim, Kind
from .graph import Edge


def number(n: int) -> str:
    return f"{n:,}"


def bound(lo: int, hi: int | None) -> str:
    if hi == lo:
        return f"= {number(lo)}"
    if hi is None:
        return f"\u2265 {number(lo)}"
    if lo == 0:
        return f"\u2264 {number(hi)}"
    return f"between {number(lo)} and {number(hi)}"


def quantity(claim: Claim) -> str:
    """What the claim is about, e.g. "total by 2020-04-12", "released on 2020-04-12"."""
    day = claim.as_of.isoformat() if claim.as_of else "an unknown date"
    if claim.kind is Kind.CUMULATIVE:
        if claim.period_start:
            return f"released {claim.period_start.isoformat()}..{day}"
        return f"total by {day}" if claim.as_of is None or claim.as_of.is_day else f"total in {day}"
    if claim.kind is Kind.INCREMENT:
        if claim.period_start:
            return f"released {claim.period_start.isoformat()}..{day}"
        batch = f" (batch {claim.event})" if claim.event else ""
        return f"released on {day}{batch}"
    due = f" due {claim.deadline.isoformat()}" if claim.deadline else ""
    return f"{claim.kind.value}{due}"


def statement(claim: Claim) -> str:
    return f"{quantity(claim)} {bound(claim.lo, claim.hi)}"


def cycle_arithmetic(edges: list[Edge]) -> str:
    """Why a negative cycle is a contradiction, as arithmetic on the claimed figures.

    Around the cycle the upper bounds (hi edges) add up to less than the lower bounds
    (lo edges) they must cover; "order" edges are the rule that a total cannot fall.
    """
    upper = [e.claim.hi for e in edges if e.side == "hi" and e.claim is not None]
    lower = [e.claim.lo for e in edges if e.side == "lo" and e.claim is not None]
    claims = {e.claim.seq: e.claim for e in edges if e.claim is not None}
    exact = all(c.lo == c.hi for c in claims.values())
    up, low = sum(upper), sum(lower)  # type: ignore[arg-type]

    def side(terms: list, total: int) -> str:
        return " + ".join(number(t) for t in terms) + (f" = {number(total)}" if len(terms) > 1 else "")

    if exact:
        text = f"{side(upper, up)}, not {side(lower, low)}"
    else:
        text = f"at most {side(upper, up)}, but at least {side(lower, low)}"
    if any(e.side == "order" for e in edges):
        text += " (a total cannot fall)"
    return text


def path_arithmetic(edges: Iterable[Edge], bound_side: str) -> tuple[int, str] | None:
    """A bound as the sum of its claims' contributions, e.g. (300, "200 (C12, 2020-05-11) +
    100 (C15, 2020-05-26)"): the bound's shortest path, with ``bound_side`` "lo" for the low
    (each lower bound added, an upper bound subtracted: "400 (C9, ...) - 100 (C4, ...)") or
    "hi" for the high (the other way round), in date order. None when fewer than two claims contribute,
    the bound then being one claim's own figure."""
    terms: list[tuple[int, Claim]] = []
    for edge in edges:
        claim = edge.claim
        if claim is None or edge.side == "order":
            continue
        figure = claim.lo if edge.side == "lo" else claim.hi
        if figure is None:
            return None
        terms.append((figure if edge.side == bound_side else -figure, claim))
    if len(terms) < 2:
        return None
    # What is added first, then what is subtracted, each in date order.
    terms.sort(key=lambda term: (term[0] < 0, term[1].as_of.isoformat() if term[1].as_of else "", term[1].seq))
    text = ""
    for index, (figure, claim) in enumerate(terms):
        day = claim.as_of.isoformat() if claim.as_of else "undated"
        sign = ("- " if figure < 0 else "+ ") if index else ("-" if figure < 0 else "")
        text += f"{' ' if index else ''}{sign}{number(abs(figure))} ({claim.id}, {day})"
    return sum(figure for figure, _ in terms), text
