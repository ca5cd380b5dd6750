"""A read-only view of the effective claims, for people who query the ledger with SQL.

``effective_claims`` has one row per claim in effect: the latest amendment's content where
there is one, retracted claims left out, with the source's publication facts. It is what
``pxl list --format json`` prints, for datasette, pandas or psql users.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CONTENT = (
    "series", "kind", "value", "lo", "hi", "as_of", "as_of_inferred", "period_start", "deadline",
    "event", "source_seq", "speaker", "quote", "quote_prefix", "quote_suffix", "quote_start",
    "quote_end", "reliability", "credibility", "notes", "fingerprint",
)


def upgrade() -> None:
    # CASE, not COALESCE: an amendment may set a field to NULL (e.g. remove a speaker).
    columns = ",\n    ".join(
        f"CASE WHEN a.seq IS NULL THEN c.{name} ELSE a.{name} END AS {name}" for name in CONTENT
    )
    op.execute(f"""
CREATE VIEW effective_claims AS
SELECT
    'C' || CAST(c.seq AS VARCHAR(20)) AS id,
    c.seq AS claim_seq,
    c.ref AS ref,
    {columns},
    CASE WHEN a.seq IS NULL THEN 'recorded' ELSE 'amended' END AS status,
    e.recorded_at AS recorded_at,
    e.recorded_by AS recorded_by
FROM claims c
JOIN entries e ON e.seq = c.seq
LEFT JOIN corrections a ON a.seq = (
    SELECT max(k.seq) FROM corrections k WHERE k.claim_seq = c.seq AND k.action = 'amend'
)
WHERE NOT EXISTS (
    SELECT 1 FROM corrections r WHERE r.claim_seq = c.seq AND r.action = 'retract'
)
""")


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS effective_claims")
