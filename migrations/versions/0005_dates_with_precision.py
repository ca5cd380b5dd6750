"""Dates with their precision: a page may show no publication date, a claim may be undated.

``sources.published`` and ``claims.as_of`` become nullable. Dates stay ISO text of their
precision (``2023-11-24``, ``2023-11``, ``2023``) in the same columns: day dates are stored
and hashed exactly as before, so existing ledgers verify unchanged.

SQLite cannot drop NOT NULL with ALTER TABLE, and rebuilding the tables would drop their
append-only triggers and break the view over them. Removing a NOT NULL constraint does not
change how rows are stored, so the table definitions are edited in place, the procedure
SQLite documents for exactly this change ("Making Other Kinds Of Table Schema Changes",
https://www.sqlite.org/lang_altertable.html#otheralter).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = (("sources", "published"), ("claims", "as_of"))


def _sqlite_set_not_null(not_null: bool) -> None:
    bind = op.get_bind()
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    for table, column in COLUMNS:
        sql = bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).scalar()
        strict, loose = f"\t{column} VARCHAR(10) NOT NULL,", f"\t{column} VARCHAR(10),"
        old, new = (loose, strict) if not_null else (strict, loose)
        if old not in sql:
            raise RuntimeError(f"unexpected definition of {table}.{column}: {sql}")
        bind.exec_driver_sql(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (sql.replace(old, new), table)
        )
    bind.exec_driver_sql(f"PRAGMA schema_version = {version + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_set_not_null(False)
        return
    for table, column in COLUMNS:
        op.alter_column(table, column, existing_type=sa.String(10), nullable=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_set_not_null(True)
        return
    for table, column in COLUMNS:
        op.alter_column(table, column, existing_type=sa.String(10), nullable=False)
