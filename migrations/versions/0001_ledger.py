"""The ledger: hash-chained entries, archived documents, sources, claims, corrections;
append-only in the database itself.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TABLES = ("entries", "documents", "sources", "claims", "corrections")


def _claim_content_columns(required: bool) -> list[sa.Column]:
    nullable = not required
    return [
        sa.Column("series", sa.String(200), nullable=nullable),
        sa.Column("kind", sa.String(16), nullable=nullable),
        sa.Column("value", sa.Text(), nullable=nullable),
        sa.Column("lo", sa.BigInteger(), nullable=nullable),
        sa.Column("hi", sa.BigInteger(), nullable=True),
        sa.Column("as_of", sa.String(10), nullable=nullable),
        sa.Column("as_of_inferred", sa.Boolean(), nullable=nullable),
        sa.Column("period_start", sa.String(10), nullable=True),
        sa.Column("deadline", sa.String(10), nullable=True),
        sa.Column("event", sa.String(200), nullable=True),
        sa.Column("source_seq", sa.BigInteger(), nullable=nullable),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("quote_prefix", sa.Text(), nullable=True),
        sa.Column("quote_suffix", sa.Text(), nullable=True),
        sa.Column("quote_start", sa.Integer(), nullable=True),
        sa.Column("quote_end", sa.Integer(), nullable=True),
        sa.Column("reliability", sa.String(1), nullable=True),
        sa.Column("credibility", sa.SmallInteger(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("fingerprint", sa.String(64), nullable=nullable),
    ]


def upgrade() -> None:
    op.create_table(
        "entries",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("entry_type", sa.String(16), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("recorded_by", sa.String(200), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.CheckConstraint("seq >= 1", name=op.f("ck_entries_seq_positive")),
        sa.CheckConstraint(
            "entry_type IN ('source', 'claim', 'correction')", name=op.f("ck_entries_entry_type")
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_entries")),
        sa.UniqueConstraint("hash", name=op.f("uq_entries_hash")),
    )
    op.create_index("ix_entries_recorded_at", "entries", ["recorded_at"])
    op.create_table(
        "documents",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_documents")),
    )
    op.create_table(
        "sources",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("publisher", sa.String(300), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.String(10), nullable=False),
        sa.Column("document_sha256", sa.String(64), nullable=True),
        sa.Column("derived_from", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_sha256"], ["documents.sha256"],
            name=op.f("fk_sources_document_sha256_documents"),
        ),
        sa.ForeignKeyConstraint(["seq"], ["entries.seq"], name=op.f("fk_sources_seq_entries")),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sources")),
    )
    op.create_index("ix_sources_url", "sources", ["url"])
    op.create_table(
        "claims",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("ref", sa.String(200), nullable=True),
        *_claim_content_columns(required=True),
        sa.CheckConstraint(
            "kind IN ('cumulative', 'increment', 'target', 'pledge', 'demand')",
            name=op.f("ck_claims_kind"),
        ),
        sa.CheckConstraint("lo >= 0 AND (hi IS NULL OR hi >= lo)", name=op.f("ck_claims_interval")),
        sa.ForeignKeyConstraint(["seq"], ["entries.seq"], name=op.f("fk_claims_seq_entries")),
        sa.ForeignKeyConstraint(
            ["source_seq"], ["sources.seq"], name=op.f("fk_claims_source_seq_sources")
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_claims")),
        sa.UniqueConstraint("ref", name=op.f("uq_claims_ref")),
    )
    op.create_index("ix_claims_series", "claims", ["series"])
    op.create_index("ix_claims_fingerprint", "claims", ["fingerprint"])
    op.create_table(
        "corrections",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("claim_seq", sa.BigInteger(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        *_claim_content_columns(required=False),
        sa.CheckConstraint("action IN ('retract', 'amend')", name=op.f("ck_corrections_action")),
        sa.ForeignKeyConstraint(
            ["claim_seq"], ["claims.seq"], name=op.f("fk_corrections_claim_seq_claims")
        ),
        sa.ForeignKeyConstraint(
            ["seq"], ["entries.seq"], name=op.f("fk_corrections_seq_entries")
        ),
        sa.ForeignKeyConstraint(
            ["source_seq"], ["sources.seq"], name=op.f("fk_corrections_source_seq_sources")
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_corrections")),
    )
    op.create_index("ix_corrections_claim_seq", "corrections", ["claim_seq"])
    op.create_index("ix_corrections_fingerprint", "corrections", ["fingerprint"])
    _create_append_only_triggers()


def downgrade() -> None:
    _drop_append_only_triggers()
    for table in reversed(TABLES):
        op.drop_table(table)


def _create_append_only_triggers() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in TABLES:
            for action in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER pxl_{table}_no_{action.lower()} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, 'pxl ledger is append-only: {action} on {table} "
                    "is refused'); END"
                )
    elif dialect == "postgresql":
        op.execute(
            """
            CREATE FUNCTION pxl_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'pxl ledger is append-only: % on % is refused',
                    TG_OP, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END
            $$
            """
        )
        for table in TABLES:
            op.execute(
                f"CREATE TRIGGER pxl_{table}_no_change BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION pxl_refuse_change()"
            )
            op.execute(
                f"CREATE TRIGGER pxl_{table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION pxl_refuse_change()"
            )
    else:  # pragma: no cover - make_engine refuses other databases
        raise NotImplementedError(dialect)


def _drop_append_only_triggers() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in TABLES:
            for action in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS pxl_{table}_no_{action}")
    elif dialect == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS pxl_{table}_no_change ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS pxl_{table}_no_truncate ON {table}")
        op.execute("DROP FUNCTION IF EXISTS pxl_refuse_change()")
