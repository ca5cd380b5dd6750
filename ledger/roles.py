"""Least privilege on PostgreSQL: a writer role that can only INSERT and SELECT on the
ledger's tables, and a reader role that can only SELECT.

Neither can UPDATE, DELETE or TRUNCATE, so even someone who drops the append-only
triggers cannot change history through these roles. The roles are cluster-wide; the
grants apply to the ledger's database. The same statements are in ``docs/roles.sql``.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine, text

from .errors import LedgerError
from .schema import LEDGER_TABLES

READ_ONLY = ("alembic_version", "effective_claims")


def statements(prefix: str, database: str) -> list[str]:
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,40}", prefix):
        raise LedgerError(f"{prefix!r} is not a usable role prefix", "use lower-case letters, digits and _")
    writer, reader = f"{prefix}_writer", f"{prefix}_reader"
    tables = ", ".join(LEDGER_TABLES)
    read_only = ", ".join(READ_ONLY)
    sql = []
    for role in (writer, reader):
        sql.append(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') "
            f"THEN CREATE ROLE {role} LOGIN; END IF; END $$"
        )
        sql.append(f'GRANT CONNECT ON DATABASE "{database}" TO {role}')
        sql.append(f"GRANT USAGE ON SCHEMA public TO {role}")
        sql.append(f"REVOKE ALL ON {tables}, {read_only} FROM {role}")
    sql.append(f"GRANT SELECT, INSERT ON {tables} TO {writer}")
    sql.append(f"GRANT SELECT ON {read_only} TO {writer}")
    sql.append(f"GRANT SELECT ON {tables}, {read_only} TO {reader}")
    return sql


def create_roles(engine: Engine, prefix: str = "pxl") -> tuple[str, str]:
    if engine.dialect.name != "postgresql":
        raise LedgerError("roles exist only on PostgreSQL",
                          "on SQLite, protect the ledger file with file permissions")
    with engine.begin() as connection:
        database = connection.execute(text("SELECT current_database()")).scalar_one()
        for statement in statements(prefix, database):
            connection.execute(text(statement))
    return f"{prefix}_writer", f"{prefix}_reader"
