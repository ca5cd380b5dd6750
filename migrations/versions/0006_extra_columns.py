"""Extra columns kept with the claim: ``extra``, a JSON object {column: text} in the import
row's column order, on ``claims`` and (for amendments) ``corrections``.

NULL for every existing row: an entry's hash covers ``extra`` only when it is not null
(``ledger.chain.OPTIONAL_TAIL``), so existing ledgers verify unchanged. Adding a nullable
column is an in-place change on both databases (SQLite's ADD COLUMN keeps the tables'
append-only triggers and the view over them).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLES = ("claims", "corrections")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("extra", sa.Text(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        op.drop_column(table, "extra")
