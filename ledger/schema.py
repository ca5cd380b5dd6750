"""The ledger's tables (SQLAlchemy Core). Created and changed only by Alembic migrations.

``entries`` is the hash chain: one row per recorded fact, keyed by its chain position. Each
typed table (``sources``, ``claims``, ``corrections``, ``declarations``) holds the content of the entries of
its type under the same ``seq``. ``documents`` holds archived source text, content-addressed
by SHA-256; a source entry's hash covers its document's SHA-256, so the chain commits to
the text too. Every one of these tables is INSERT-only, enforced by triggers in the database.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

# Dates are ISO-8601 text of their precision (YYYY-MM-DD, YYYY-MM or YYYY) and recorded_at is UTC ISO-8601 text with
# microseconds: exactly what is hashed, identical on SQLite and PostgreSQL, and ordered
# correctly by plain string comparison.
DATE = String(10)
TIMESTAMP = String(32)
HASH = String(64)

entries = Table(
    "entries",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("entry_type", String(16), nullable=False),
    Column("recorded_at", TIMESTAMP, nullable=False),
    Column("recorded_by", String(200), nullable=False),
    Column("prev_hash", HASH, nullable=False),
    Column("hash", HASH, nullable=False, unique=True),
    CheckConstraint("seq >= 1", name="seq_positive"),
    CheckConstraint("entry_type IN ('source', 'claim', 'correction', 'declaration')", name="entry_type"),
    Index("ix_entries_recorded_at", "recorded_at"),
)

documents = Table(
    "documents",
    metadata,
    Column("sha256", HASH, primary_key=True),
    Column("text", Text, nullable=False),
    Column("length", Integer, nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("seq", BigInteger, ForeignKey("entries.seq"), primary_key=True, autoincrement=False),
    Column("publisher", String(300), nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("published", DATE),  # NULL: the page shows no date
    Column("document_sha256", HASH, ForeignKey("documents.sha256")),
    Column("derived_from", Text),
    Index("ix_sources_url", "url"),
)


def claim_content_columns(*, required: bool) -> list[Column]:
    """The columns of a claim's content; shared by ``claims`` and amendments in ``corrections``."""
    nullable = not required
    return [
        Column("series", String(200), nullable=nullable),
        Column("kind", String(16), nullable=nullable),
        Column("value", Text, nullable=nullable),
        Column("lo", BigInteger, nullable=nullable),
        Column("hi", BigInteger),
        Column("as_of", DATE),  # NULL: an undated claim
        Column("as_of_inferred", Boolean, nullable=nullable),
        Column("period_start", DATE),
        Column("deadline", DATE),
        Column("event", String(200)),
        Column("source_seq", BigInteger, ForeignKey("sources.seq"), nullable=nullable),
        Column("speaker", Text),
        Column("quote", Text),
        Column("quote_prefix", Text),
        Column("quote_suffix", Text),
        Column("quote_start", Integer),
        Column("quote_end", Integer),
        Column("reliability", String(1)),
        Column("credibility", SmallInteger),
        Column("notes", Text),
        Column("fingerprint", HASH, nullable=nullable),
        # The row's extra columns as a JSON object {column: text} in file order; NULL
        # without any (and in entries recorded before pxl kept them, migration 0006).
        Column("extra", Text),
    ]


claims = Table(
    "claims",
    metadata,
    Column("seq", BigInteger, ForeignKey("entries.seq"), primary_key=True, autoincrement=False),
    Column("ref", String(200), unique=True),
    *claim_content_columns(required=True),
    CheckConstraint(
        "kind IN ('cumulative', 'increment', 'target', 'pledge', 'demand')", name="kind"
    ),
    CheckConstraint("lo >= 0 AND (hi IS NULL OR hi >= lo)", name="interval"),
    Index("ix_claims_series", "series"),
    Index("ix_claims_fingerprint", "fingerprint"),
)

corrections = Table(
    "corrections",
    metadata,
    Column("seq", BigInteger, ForeignKey("entries.seq"), primary_key=True, autoincrement=False),
    Column("claim_seq", BigInteger, ForeignKey("claims.seq"), nullable=False),
    Column("action", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    *claim_content_columns(required=False),
    CheckConstraint("action IN ('retract', 'amend')", name="action"),
    Index("ix_corrections_claim_seq", "claim_seq"),
    Index("ix_corrections_fingerprint", "fingerprint"),
)

# Statements about scopes and origins: ``complete`` (subject: a series key whose parts
# cover it) and ``alias`` (subject and object: two speaker names of one origin). A
# retraction or amendment is a row of its own naming the declaration it ``corrects``.
declarations = Table(
    "declarations",
    metadata,
    Column("seq", BigInteger, ForeignKey("entries.seq"), primary_key=True, autoincrement=False),
    Column("action", String(16), nullable=False),
    Column("corrects", BigInteger, ForeignKey("declarations.seq")),
    Column("kind", String(16), nullable=False),
    Column("subject", Text, nullable=False),
    Column("object", Text),
    Column("reason", Text, nullable=False),
    CheckConstraint("action IN ('declare', 'retract', 'amend')", name="action"),
    CheckConstraint("kind IN ('complete', 'alias')", name="kind"),
    CheckConstraint("(action = 'declare') = (corrects IS NULL)", name="corrects"),
    Index("ix_declarations_corrects", "corrects"),
)

LEDGER_TABLES = ("entries", "documents", "sources", "claims", "corrections", "declarations")

# One row, never changed: writers serialise appends by locking it (PostgreSQL ``SELECT
# ... FOR UPDATE``, which needs UPDATE privilege, so a SELECT-only reader cannot take it).
append_lock = Table(
    "append_lock",
    metadata,
    Column("id", SmallInteger, primary_key=True, autoincrement=False),
    CheckConstraint("id = 1", name="one_row"),
)
