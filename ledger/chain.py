"""The hash chain: how an entry's hash is computed, and how a chain is checked.

An entry's hash is ``sha256(canonical)`` where ``canonical`` is the UTF-8 JSON array

    [FORMAT, seq, prev_hash, entry_type, recorded_at, recorded_by, [content fields...]]

with the content fields in the fixed order of :data:`CONTENT_FIELDS` for its type, except
that an optional trailing field (:data:`OPTIONAL_TAIL`: a claim's ``extra`` columns, kept
since migration 0006) is left out when it is null: an entry recorded before the field
existed, or without it, hashes exactly as it always did. A fixed
order (rather than sorted-key JSON objects) is canonical by construction and about 1.5x
faster to encode; the values are only strings, integers, booleans and nulls, whose JSON
encoding is unique. ``prev_hash`` of the first entry is :data:`GENESIS`.

Checking is a pure function over rows (:func:`check_chain`); the store feeds it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping, Sequence

FORMAT = 1
GENESIS = "0" * 64

CLAIM_CONTENT_FIELDS = (
    "series", "kind", "value", "lo", "hi", "as_of", "as_of_inferred", "period_start",
    "deadline", "event", "source_seq", "speaker", "quote", "quote_prefix", "quote_suffix",
    "quote_start", "quote_end", "reliability", "credibility", "notes", "fingerprint", "extra",
)

CONTENT_FIELDS: Mapping[str, tuple[str, ...]] = {
    "source": ("publisher", "title", "url", "published", "document_sha256", "derived_from"),
    "claim": ("ref", *CLAIM_CONTENT_FIELDS),
    "correction": ("claim_seq", "action", "reason", *CLAIM_CONTENT_FIELDS),
    "declaration": ("action", "corrects", "kind", "subject", "object", "reason"),
}

# How many of a type's last content fields are hashed only when not null.
OPTIONAL_TAIL: Mapping[str, int] = {"source": 0, "claim": 1, "correction": 1, "declaration": 0}

_sha256 = hashlib.sha256
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode


def _fast_encoder():
    """The same encoding as ``_encode``, with the C encoder built once rather than per call
    (JSONEncoder.encode builds it each time; that was a third of verify's time)."""
    try:
        from json.encoder import c_make_encoder, encode_basestring
    except ImportError:  # pragma: no cover - CPython always has the C encoder
        return _encode
    if c_make_encoder is None:  # pragma: no cover
        return _encode

    def refuse(value):
        raise TypeError(f"{type(value).__name__} cannot be hashed into the chain")

    encoder = c_make_encoder(None, refuse, encode_basestring, None, ":", ",", False, False, False)
    return lambda value: "".join(encoder(value, 0))


_encode_fast = _fast_encoder()


def canonical_json(value: Any) -> str:
    """Compact UTF-8 JSON of strings, integers, booleans, nulls and lists."""
    return _encode_fast(value)


def entry_hash(
    seq: int,
    prev_hash: str,
    entry_type: str,
    recorded_at: str,
    recorded_by: str,
    content: Mapping[str, Any],
) -> str:
    names = CONTENT_FIELDS[entry_type]
    required = len(names) - OPTIONAL_TAIL[entry_type]
    fields = [content[name] if i < required else content.get(name) for i, name in enumerate(names)]
    return hash_fields(seq, prev_hash, entry_type, recorded_at, recorded_by, fields)


def hash_fields(
    seq: int, prev_hash: str, entry_type: str, recorded_at: str, recorded_by: str, fields: Sequence[Any]
) -> str:
    """The hash of an entry whose content ``fields`` are in the order of CONTENT_FIELDS."""
    fields = hashed_fields(entry_type, fields)
    canonical = _encode_fast([FORMAT, seq, prev_hash, entry_type, recorded_at, recorded_by, fields])
    return _sha256(canonical.encode("utf-8")).hexdigest()


def hashed_fields(entry_type: str, fields: Sequence[Any]) -> Sequence[Any]:
    """The content fields as hashed: without the trailing optional fields that are null
    (see :data:`OPTIONAL_TAIL`)."""
    optional = OPTIONAL_TAIL[entry_type]
    end = len(fields)
    while optional and end and fields[end - 1] is None:
        end -= 1
        optional -= 1
    return fields if end == len(fields) else list(fields[:end])


def entry_header(entry_type: str, recorded_at: str, recorded_by: str) -> str:
    """The canonical JSON of an entry's type and recording, for :func:`hash_encoded`."""
    return _encode_fast([entry_type, recorded_at, recorded_by])[1:-1]


def hash_encoded(seq: int, prev_hash: str, header: str, fields_json: str) -> str:
    """:func:`hash_fields` for content fields already encoded by :func:`canonical_json`
    (``header`` from :func:`entry_header`): the same digest. A large import encodes its
    rows' fields in the process that reads them, so the one that chains them only joins
    and hashes."""
    canonical = f'[{FORMAT},{seq},"{prev_hash}",{header},{fields_json}]'
    return _sha256(canonical.encode("utf-8")).hexdigest()


def document_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ChainProblem:
    """One way the stored ledger differs from what was recorded."""

    seq: int | None
    message: str

    def __str__(self) -> str:
        where = f"entry {self.seq}" if self.seq is not None else "ledger"
        return f"{where}: {self.message}"


EntryRow = tuple  # (seq, entry_type, recorded_at, recorded_by, prev_hash, hash)


def check_chain(
    rows: Iterable[tuple[EntryRow, Sequence[Any] | None]],
    start: tuple[int, str] = (1, GENESIS),
    after_time: str | None = None,
) -> Iterator[ChainProblem]:
    """Check entries in ``seq`` order: contiguous positions, links, recomputed hashes, and
    transaction time that never runs backwards (each ``recorded_at`` at least its
    predecessor's; ``after_time`` is the stored entry before's, when checking from inside).

    ``rows`` yields ``(entry, fields)``: the entry row as the tuple (seq, entry_type,
    recorded_at, recorded_by, prev_hash, hash), and the content fields of its row in its
    typed table in CONTENT_FIELDS order, or None when that row is missing. Yields every
    problem found. ``start`` is the position and ``prev_hash`` expected first: (1, GENESIS)
    from the beginning; to check from inside the chain, the stored entry before.
    """
    expected_seq, prev_hash = start
    prev_time = after_time
    for (seq, entry_type, recorded_at, recorded_by, stored_prev, stored_hash), fields in rows:
        if isinstance(recorded_at, str) and prev_time is not None and recorded_at < prev_time:
            yield ChainProblem(
                seq, f"it is stamped {recorded_at}, before the entry it follows ({prev_time}): "
                "transaction time only moves forward, so it was back-dated",
            )
        prev_time = recorded_at if isinstance(recorded_at, str) else prev_time
        if seq != expected_seq:
            if seq > expected_seq:
                missing = (
                    f"entry {expected_seq} is missing"
                    if seq == expected_seq + 1
                    else f"entries {expected_seq}..{seq - 1} are missing"
                )
                yield ChainProblem(expected_seq, f"{missing} (the chain jumps to {seq})")
            else:
                yield ChainProblem(seq, f"out of order after entry {expected_seq - 1}")
        if stored_prev != prev_hash:
            yield ChainProblem(
                seq,
                "does not link to the entry before it (its prev_hash is "
                f"{stored_prev[:12]}..., the previous entry's hash is {prev_hash[:12]}...)",
            )
        if fields is None:
            yield ChainProblem(seq, f"its {entry_type} row is missing")
        else:
            try:
                recomputed = hash_fields(seq, stored_prev, entry_type, recorded_at, recorded_by, fields)
            except TypeError:  # a value of a type no entry is recorded with, e.g. bytes
                yield ChainProblem(
                    seq, f"its content does not match its hash: the {entry_type} holds a value "
                    "of a type pxl never records (changed after it was recorded)",
                )
            else:
                if recomputed != stored_hash:
                    yield ChainProblem(
                        seq,
                        f"its content does not match its hash (stored {stored_hash[:12]}..., "
                        f"recomputed {recomputed[:12]}...): the {entry_type} was changed "
                        "after it was recorded",
                    )
        prev_hash = stored_hash
        expected_seq = seq + 1
