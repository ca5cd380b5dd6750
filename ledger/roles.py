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
    sql.append(f"REVOKE ALL ON append_lock FROM {reader}")
    sql.append(f"REVOKE ALL ON FUNCTION pxl_analyze() FROM {reader}")
    sql.append(f"GRANT SELECT, INSERT ON {tables} TO {writer}")
    # UPDATE on append_lock only to lock its row (SELECT ... FOR UPDATE): triggers refuse
    # any change to it, and a reader without it cannot hold up the writers.
    sql.append(f"GRANT SELECT, UPDATE ON append_lock TO {writer}")
    sql.append(f"GRANT EXECUTE ON FUNCTION pxl_analyze() TO {writer}")
    sql.append(f"GRANT SELECT ON {read_only} TO {writer}")
    sql.append(f"GRANT SELECT ON {tables}, {read_only} TO {reader}")
    return sql


ROLE_ATTRIBUTES = {
    "rolsuper": "SUPERUSER", "rolcreaterole": "CREATEROLE", "rolcreatedb": "CREATEDB",
    "rolreplication": "REPLICATION", "rolbypassrls": "BYPASSRLS",
}
# What each role must not be able to do, on any ledger table (through its own grants,
# PUBLIC's, ownership or a role it inherits from).
FORBIDDEN = {
    "writer": ("UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"),
    "reader": ("INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"),
}


def create_roles(engine: Engine, prefix: str = "pxl") -> tuple[str, str]:
    """Create (or reuse) ``PREFIX_writer`` and ``PREFIX_reader`` and grant them exactly
    their privileges. An existing role that can do more (a superuser, CREATEROLE,
    CREATEDB, a member of another role, a grant that survives the REVOKE) is refused with
    :class:`LedgerError` naming what it has; nothing is granted then."""
    if engine.dialect.name != "postgresql":
        raise LedgerError("roles exist only on PostgreSQL",
                          "on SQLite, protect the ledger file with file permissions")
    writer, reader = f"{prefix}_writer", f"{prefix}_reader"
    with engine.begin() as connection:
        database = connection.execute(text("SELECT current_database()")).scalar_one()
        for statement in statements(prefix, database):
            connection.execute(text(statement))
        problems = [p for role, kind in ((writer, "writer"), (reader, "reader"))
                    for p in _excess(connection, role, kind)]
        if problems:
            raise LedgerError(
                "cannot use existing roles as least-privilege roles, nothing was granted: " + "; ".join(problems),
                f"remove what they have (e.g. ALTER ROLE {writer} NOSUPERUSER NOCREATEROLE NOCREATEDB; "
                "REVOKE other_role FROM ...), or use another --role-prefix",
            )
    return writer, reader


def _excess(connection, role: str, kind: str) -> list[str]:
    """What ``role`` can do beyond its ``kind``'s privileges, as phrases."""
    found = []
    row = connection.execute(text(
        f"SELECT {', '.join(ROLE_ATTRIBUTES)} FROM pg_roles WHERE rolname = :role"), {"role": role}).mappings().one()
    attributes = [name for column, name in ROLE_ATTRIBUTES.items() if row[column]]
    if attributes:
        found.append(f"{role} has {', '.join(attributes)}")
    member_of = connection.execute(text(
        "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = :role ORDER BY 1"), {"role": role}).scalars().all()
    if member_of:
        found.append(f"{role} is a member of {', '.join(member_of)}")
    for table in (*LEDGER_TABLES, *(("append_lock",) if kind == "reader" else ())):
        forbidden = FORBIDDEN[kind] if table != "append_lock" else ("UPDATE", "DELETE", "TRUNCATE")
        extra = [p for p in forbidden if connection.execute(
            text("SELECT has_table_privilege(:role, :table, :privilege)"),
            {"role": role, "table": table, "privilege": p}).scalar_one()]
        if extra:
            found.append(f"{role} may {'/'.join(extra)} {table}")
    if connection.execute(text("SELECT has_schema_privilege(:role, 'public', 'CREATE')"), {"role": role}).scalar_one():
        found.append(f"{role} may CREATE in schema public")
    return found
