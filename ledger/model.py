"""Domain records: frozen values, each knowing where it came from.

Everything recorded is an *entry* in one hash chain with a sequence number ``seq``. Public
ids are the entry type's letter and the chain position: source ``S3``, claim ``C17``,
correction ``X40``, declaration ``D9``. An id therefore also says when, in the ledger's history, a fact arrived.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from operator import attrgetter
from typing import TYPE_CHECKING, Iterable, NamedTuple

from .dates import Period

if TYPE_CHECKING:
    from .errors import NotFound


class Kind(StrEnum):
    CUMULATIVE = "cumulative"
    INCREMENT = "increment"
    TARGET = "target"
    PLEDGE = "pledge"
    DEMAND = "demand"

    @property
    def constrains_total(self) -> bool:
        """Cumulative and increment figures say what happened; the others are compared with it."""
        return self in RELEASE_KINDS


RELEASE_KINDS = frozenset({Kind.CUMULATIVE, Kind.INCREMENT})  # for hot loops: `kind in RELEASE_KINDS`


class EntryType(StrEnum):
    SOURCE = "source"
    CLAIM = "claim"
    CORRECTION = "correction"
    DECLARATION = "declaration"

    @property
    def prefix(self) -> str:
        return {"source": "S", "claim": "C", "correction": "X", "declaration": "D"}[self.value]


class Action(StrEnum):
    RETRACT = "retract"
    AMEND = "amend"


RELIABILITY_GRADES = "ABCDEF"
CREDIBILITY_GRADES = range(1, 7)
SERIES_PATTERN = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*->[a-z0-9]+(?:[-_.][a-z0-9]+)*(?:/[a-z0-9][a-z0-9._-]*)*$")


def family_of(series: str) -> str:
    """The root series of a scope key: ``hamas->hostages/living/thai`` -> ``hamas->hostages``."""
    return series.split("/", 1)[0]


def parent_of(series: str) -> str | None:
    """The scope a scope is a part of (None for a root series)."""
    return series.rsplit("/", 1)[0] if "/" in series else None


def series_with_parents(keys: Iterable[str]) -> list[str]:
    """Every series key in ``keys`` and every scope above one (a parent is reconciled and
    listed even when only its parts have claims), sorted, so that a scope follows its
    parent: the series ``pxl series`` numbers from 1."""
    names: set[str] = set()
    for series in set(keys):
        while series is not None and series not in names:
            names.add(series)
            series = parent_of(series)
    return sorted(names)


def series_not_found(text: str, names: Iterable[str], listing: str) -> NotFound:
    """The refusal of a series name that names none of ``names``, with the closest one
    (``did you mean 'a->b'?``) before ``listing`` (where the names are listed)."""
    import difflib

    from .errors import NotFound

    close = difflib.get_close_matches(text.strip(), list(names), n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}? {listing}" if close else listing
    return NotFound(f"no series matches {text!r}", hint)


def is_scoped(names: Iterable[str]) -> bool:
    """Whether a family's series need the scope engine (any of them is a part)."""
    return any("/" in name for name in names)


def public_id(entry_type: EntryType, seq: int) -> str:
    return f"{entry_type.prefix}{seq}"


def parse_public_id(text: str, expected: EntryType) -> int:
    """``C17`` (or plain ``17``) -> 17, for an id of the expected entry type."""
    match = re.fullmatch(rf"\s*{expected.prefix}?(\d+)\s*", text, flags=re.IGNORECASE)
    if not match:
        raise ValueError(
            f"{text!r} is not a {expected.value} id (expected e.g. {expected.prefix}12)"
        )
    seq = int(match.group(1))
    if seq > MAX_SEQ:  # a chain position is a 64-bit integer in the database
        raise ValueError(f"{text!r} is not a {expected.value} id: no ledger has {seq:,} entries")
    return seq


MAX_SEQ = 2**63 - 1


@dataclass(frozen=True, slots=True)
class QuoteSelector:
    """W3C Web Annotation text-quote selector plus text-position selector (end exclusive).

    ``start``/``end``/``prefix``/``suffix`` are known only when the source's text is archived.
    """

    exact: str
    prefix: str | None = None
    suffix: str | None = None
    start: int | None = None
    end: int | None = None

    @property
    def located(self) -> bool:
        return self.start is not None


@dataclass(frozen=True, slots=True)
class Source:
    seq: int
    publisher: str
    published: Period | None  # None: the page shows no date
    title: str | None = None
    url: str | None = None
    document_sha256: str | None = None
    derived_from: str | None = None
    recorded_at: str = ""
    recorded_by: str = ""
    version_of: int | None = None  # the first source recorded with this url, if not this one (not hashed)

    @property
    def id(self) -> str:
        return public_id(EntryType.SOURCE, self.seq)


@dataclass(frozen=True, slots=True)
class ClaimContent:
    """Everything a claim says, without its ledger facts; what an amendment replaces."""

    series: str
    kind: Kind
    value: str
    lo: int
    hi: int | None
    as_of: Period | None  # None: undated (neither as_of nor a publication date)
    as_of_inferred: bool
    source_seq: int
    period_start: Period | None = None
    deadline: Period | None = None
    event: str | None = None
    speaker: str | None = None
    quote: QuoteSelector | None = None
    reliability: str | None = None
    credibility: int | None = None
    notes: str | None = None
    extra: tuple[tuple[str, str], ...] = ()  # the import row's extra columns, (column, text) in file order


@dataclass(frozen=True, slots=True)
class Claim:
    """An effective claim: its first recording, with the latest amendment applied."""

    seq: int
    ref: str | None
    content: ClaimContent
    source: Source
    recorded_at: str
    recorded_by: str
    status: str = "recorded"  # recorded | amended | retracted
    corrections: tuple[str, ...] = ()
    fingerprint: str = ""

    @property
    def id(self) -> str:
        return public_id(EntryType.CLAIM, self.seq)


# Claim fields read through to the content (claim.series, claim.lo, claim.as_of, ...):
# plain properties, generated once; ~4x faster than a __getattr__ fallback on hot paths.
for _name in ClaimContent.__dataclass_fields__:
    setattr(Claim, _name, property(attrgetter(f"content.{_name}"), doc=f"The claim's {_name}."))
del _name


class Figure(NamedTuple):
    """The part of an effective claim that the conflict search reads: its figure, when,
    who said it, and the grading the exclusion policy weighs; no quote, wording or notes.

    ``pxl check`` loads these instead of whole :class:`Claim` objects: a tuple built in
    one step, ~10x cheaper than a claim with its content and quote. The engine reads both
    alike (the same attribute names)."""

    seq: int
    series: str
    kind: Kind
    lo: int
    hi: int | None
    as_of: Period | None
    as_of_inferred: bool
    period_start: Period | None
    deadline: Period | None
    event: str | None
    speaker: str | None
    reliability: str | None
    credibility: int | None
    source: Source

    @property
    def id(self) -> str:
        return public_id(EntryType.CLAIM, self.seq)

    @classmethod
    def of(cls, claim: Claim) -> "Figure":
        return cls(claim.seq, claim.series, claim.kind, claim.lo, claim.hi, claim.as_of, claim.as_of_inferred,
                   claim.period_start, claim.deadline, claim.event, claim.speaker, claim.reliability,
                   claim.credibility, claim.source)


@dataclass(frozen=True, slots=True)
class Correction:
    seq: int
    claim_seq: int
    action: Action
    reason: str
    recorded_at: str
    recorded_by: str
    content: ClaimContent | None = None  # the amended claim, for an amendment
    fingerprint: str | None = None

    @property
    def id(self) -> str:
        return public_id(EntryType.CORRECTION, self.seq)

    @property
    def claim_id(self) -> str:
        return public_id(EntryType.CLAIM, self.claim_seq)


class DeclarationKind(StrEnum):
    """What a declaration states. ``complete``: the scope ``subject`` is covered by its parts
    (parent = sum of its direct parts). ``alias``: the speaker names ``subject`` and
    ``object`` are one origin."""

    COMPLETE = "complete"
    ALIAS = "alias"


class DeclarationAction(StrEnum):
    DECLARE = "declare"
    RETRACT = "retract"  # withdraws the declaration ``corrects``
    AMEND = "amend"  # replaces the subject and object of the declaration ``corrects``


@dataclass(frozen=True, slots=True)
class Declaration:
    """A recorded statement about scopes or origins (not a figure), with who and why.

    An effective declaration keeps the id of the one first recorded (``D9``) with the
    content of its latest amendment; ``status`` is recorded, amended or retracted."""

    seq: int
    action: DeclarationAction
    kind: DeclarationKind
    subject: str
    object: str | None
    reason: str
    recorded_at: str
    recorded_by: str
    corrects: int | None = None
    status: str = "recorded"
    corrections: tuple[str, ...] = ()  # ids of the entries that corrected it

    @property
    def id(self) -> str:
        return public_id(EntryType.DECLARATION, self.seq)

    @property
    def corrects_id(self) -> str | None:
        return None if self.corrects is None else public_id(EntryType.DECLARATION, self.corrects)

    def describe(self) -> str:
        if self.kind is DeclarationKind.COMPLETE:
            return f"{self.subject} is complete: its parts cover it"
        return f"{self.subject!r} and {self.object!r} are one origin"


@dataclass(frozen=True, slots=True)
class Head:
    """The chain head, as a digest: ``SEQ:HASH``."""

    seq: int
    hash: str
    recorded_at: str = ""

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> "Head":
        match = re.fullmatch(r"\s*(\d+):([0-9a-f]{64})\s*", text)
        if not match:
            raise ValueError(f"{text!r} is not a digest; expected SEQ:HASH as printed by `pxl digest`")
        return cls(int(match.group(1)), match.group(2))


@dataclass(frozen=True, slots=True)
class ClaimHistory:
    """One claim as first recorded, every correction that touches it, and what is effective."""

    original: Claim
    corrections: tuple[Correction, ...]
    effective: Claim | None
    source_text: str | None = field(default=None, repr=False)
    entry_hash: str = ""
