"""Where a figure comes from: origins traced through speakers and ``derived_from``.

A claim's origin is its speaker when it has one (the spokesman, the ICRC: whoever first
stated the figure), else the source at the root of its ``derived_from`` chain. Three
outlets repeating one spokesman's tweet, or reprinting one wire story, are one origin:
copies are not corroboration (circular reporting).

Speakers are compared normalised (:func:`speaker_key`): case, Unicode forms and
punctuation do not count, nor a role after the name ("Javid Faisal, NSC spokesman" and
"Javid Faisal (Afghan National Security Council spokesman)" are one origin), and names the
user declared aliases (``pxl declare alias NSC "Afghan National Security Council"``) are one.

A **disputed attribution** does not corroborate: when pages attribute figures about the
same quantity to one origin and two of those figures cannot both hold (their intervals do
not meet), at least one page misattributes, and no reader can tell which from the ledger;
so that origin counts for none of the other claims about that quantity (each of its
claims still has its own origin).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import Iterable, Sequence

from ..model import RELEASE_KINDS, Claim, Source


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


_ROLE = re.compile(r",|\s[-\u2013\u2014]\s|\(")  # where a role after the name begins


def speaker_key(name: str) -> str:
    """A speaker's name without case, punctuation or a role after it:
    "Javid Faisal, NSC spokesman" -> "javid faisal"; "Zabihullah Mujahid (Taliban)" ->
    "zabihullah mujahid"; a name that is all role ("Taliban spokesman") stays whole."""
    text = unicodedata.normalize("NFKC", name).casefold()
    head = _ROLE.split(text, maxsplit=1)[0]
    words = re.sub(r"[^\w\s]", " ", head if head.strip() else text).split()
    return " ".join(words)


def alias_map(aliases: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Declared alias pairs -> each normalised name's canonical name (the least of its
    class, so the same declarations always give the same keys)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in aliases:
        ra, rb = find(speaker_key(a)), find(speaker_key(b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in list(parent)}


class OriginIndex:
    def __init__(self, claims: Sequence[Claim], aliases: Iterable[tuple[str, str]] = ()):
        self._aliases = alias_map(aliases)
        self._claims = claims  # read again if a figure without a speaker needs the index
        self._index: dict[str, Source] | None = None
        self._cache: dict[tuple[str | None, int], str] = {}

    @property
    def _by_key(self) -> dict[str, Source]:
        """The claims' sources by url and title, built on first use: only a figure
        without a speaker needs it, to follow ``derived_from`` to its root."""
        if self._index is None:
            self._index = {}
            seen: set[int] = set()
            for claim in self._claims:
                source = claim.source
                if source.seq in seen:
                    continue
                seen.add(source.seq)
                for key in (source.url, source.title):
                    if key:
                        self._index.setdefault(_norm(key), source)
        return self._index

    def origin(self, claim: Claim) -> str:
        """A stable key for the claim's origin."""
        key = (claim.speaker, claim.source.seq)
        found = self._cache.get(key)
        if found is None:
            if claim.speaker:
                key = speaker_key(claim.speaker)
                found = "speaker:" + self._aliases.get(key, key)
            else:
                found = "source:" + _norm(self.root(claim.source))
            self._cache[key] = found
        return found

    def label(self, claim: Claim) -> str:
        """The origin as a person reads it."""
        return claim.speaker or self.root(claim.source)

    def root(self, source: Source) -> str:
        found = self._root_source(source)
        return found if isinstance(found, str) else (found.url or found.title or found.publisher)

    def _root_source(self, source: Source) -> Source | str:
        """The source at the root of ``derived_from``, or the name it cites when that
        source is not in the ledger ("AFP")."""
        seen: set[str] = set()
        current = source
        while current.derived_from:
            key = _norm(current.derived_from)
            if key in seen:
                break
            seen.add(key)
            parent = self._by_key.get(key)
            if parent is None:
                return current.derived_from
            current = parent
        return current

    def voice(self, claim: Claim) -> str:
        """Who a figure is heard from, for weighing it (:mod:`ledger.reconcile.weights`):
        its origin when it has a speaker; else the outlet at the root of its
        ``derived_from`` chain (its publisher, or the name it cites), so an outlet
        repeating its own figure across its pages is one voice, as a wire story and its
        reprints are."""
        return self.origin(claim) if claim.speaker else self.outlet(claim)

    def outlet(self, claim: Claim) -> str:
        """The outlet a figure reached the ledger through: the publisher at the root of
        its source's ``derived_from`` chain, or the name it cites ("AFP")."""
        root = self._root_source(claim.source)
        return "outlet:" + _norm(root if isinstance(root, str) else root.publisher)


def disputed(group: Iterable[Claim], origin_of) -> set[str]:
    """The origins (``origin_of(claim)``) to which ``group`` -- claims about one quantity --
    attributes figures that cannot both hold (intervals that do not meet): a disputed
    attribution, where at least one page misattributes."""
    figures_of: dict[str, set[tuple[int, int | None]]] = defaultdict(set)
    for claim in group:
        figures_of[origin_of(claim)].add((claim.lo, claim.hi))
    return {origin for origin, figures in figures_of.items() if len(figures) > 1 and any(
        not _overlap(a, b) for a in figures for b in figures)}


def figure_key(claim: Claim) -> tuple:
    """Claims about the same quantity: a release total or batch at one date, or a
    series' target (pledge, demand) whenever it was stated."""
    # The Kind member itself, not its .value: equal and hashed the same, and reading an
    # enum's .value is a slow descriptor call (a tenth of `pxl check` at 100k claims).
    if claim.kind in RELEASE_KINDS:
        return (claim.series, claim.kind, claim.as_of, claim.period_start, claim.event)
    return (claim.series, claim.kind)


def intersects(a: Claim, b: Claim) -> bool:
    return (a.hi is None or b.lo <= a.hi) and (b.hi is None or a.lo <= b.hi)


class Corroboration:
    """For each claim (by seq): the origins of the claims about the same quantity whose
    figures are compatible with it (its own origin included). Computed on first use, per
    quantity: the conflict search asks only about the claims in conflicts, and a series
    without conflicts asks nothing at all."""

    def __init__(self, claims: Sequence[Claim], origins: OriginIndex):
        self._claims = claims
        self._origins = origins
        self.origins = origins
        self._grouped: tuple[dict[int, tuple], dict[tuple, list[Claim]]] | None = None
        self._support: dict[int, set[str]] = {}

    def _groups(self) -> tuple[dict[int, tuple], dict[tuple, list[Claim]]]:
        if self._grouped is None:
            group_of: dict[int, tuple] = {}
            groups: dict[tuple, list[Claim]] = defaultdict(list)
            for claim in self._claims:
                key = figure_key(claim)
                group_of[claim.seq] = key
                groups[key].append(claim)
            self._grouped = group_of, groups
        return self._grouped

    def get(self, seq: int, default=()):
        found = self._support.get(seq)
        if found is None:
            group_of, groups = self._groups()
            key = group_of.get(seq)
            if key is None:
                return default
            self._settle(groups[key])
            found = self._support[seq]
        return found

    def _settle(self, group: list[Claim]) -> None:
        # Bucket by interval: copies usually repeat one figure, so buckets are few and the
        # pairwise test runs over buckets, not claims.
        against = disputed(group, self._origins.origin)
        buckets: dict[tuple[int, int | None], set[str]] = defaultdict(set)
        members: dict[tuple[int, int | None], list[Claim]] = defaultdict(list)
        for claim in group:
            origin = self._origins.origin(claim)
            if origin not in against:
                buckets[(claim.lo, claim.hi)].add(origin)
            members[(claim.lo, claim.hi)].append(claim)
        for interval, claims_here in members.items():
            supported = set().union(*(o for other, o in buckets.items() if _overlap(interval, other)))
            for claim in claims_here:
                self._support[claim.seq] = supported | {self._origins.origin(claim)}


def _overlap(a: tuple[int, int | None], b: tuple[int, int | None]) -> bool:
    return (a[1] is None or b[0] <= a[1]) and (b[1] is None or a[0] <= b[1])

