"""Per-series work on every core: series are independent, so forked workers take them.

Workers are forked, so they inherit the claims and nothing is pickled in. Their answers
come back pickled with every claim replaced by its position in the series' list, which
this process holds too, and are unpickled here to the very claims passed in: pickling the
claims themselves, and each claim's source, cost more than the search at 1M claims.
"""

from __future__ import annotations

import io
import os
import pickle
from typing import Callable, Sequence, TypeVar

from .. import forked
from ..model import Claim, Figure

PARALLEL_FROM = 20_000  # claims; fewer are worked through faster than a fork costs
Answer = TypeVar("Answer")
Work = Callable[[str, list], Answer]

_WORK: tuple[Work, dict[str, list]] | None = None  # inherited by the forked workers


def by_series(work: Work, series: dict[str, list], workers: int | None = None) -> dict[str, Answer]:
    """``work(name, claims)`` for every series, by name in order, in forked workers when
    there are enough claims (``workers``: default one per core); the same answers as in
    turn."""
    names = sorted(series)
    if workers is None:
        workers = (os.cpu_count() or 1) if sum(map(len, series.values())) >= PARALLEL_FROM else 1
    workers = min(workers, len(names))
    if workers < 2 or not forked.can_fork():
        return {name: work(name, series[name]) for name in names}
    global _WORK
    _WORK = (work, series)
    try:
        # Largest series first: no worker is left with a long one at the end. Many short
        # series go in chunks, so a task is not mostly its round trip.
        order = sorted(names, key=lambda name: len(series[name]), reverse=True)
        chunk = max(1, min(64, len(order) // (workers * 16)))
        with forked.pool(workers) as workers_pool:
            answers = dict(zip(order, workers_pool.imap(_answer, order, chunksize=chunk), strict=True))
        return {name: _PositionsToClaims(answers[name], series[name]).load() for name in names}
    finally:
        _WORK = None


def _answer(name: str) -> bytes:
    assert _WORK is not None
    work, series = _WORK
    claims = series[name]
    buffer = io.BytesIO()
    _ClaimsByPosition(buffer, claims).dump(work(name, claims))
    return buffer.getvalue()


class _ClaimsByPosition(pickle.Pickler):
    def __init__(self, file: io.BytesIO, claims: Sequence[Claim | Figure]):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._position = {claim.seq: i for i, claim in enumerate(claims)}

    def persistent_id(self, obj: object) -> int | None:
        return self._position[obj.seq] if isinstance(obj, (Claim, Figure)) else None


class _PositionsToClaims(pickle.Unpickler):
    def __init__(self, data: bytes, claims: Sequence[Claim | Figure]):
        super().__init__(io.BytesIO(data))
        self._claims = claims

    def persistent_load(self, position: int) -> Claim | Figure:
        return self._claims[position]
