"""Declarations: recorded statements about scopes (``complete``) and origins (``alias``),
chained and append-only like every other entry.

The ``entries.entry_type`` check is widened to admit ``declaration``. PostgreSQL changes
the constraint in place; SQLite cannot alter a CHECK, so ``entries`` is rebuilt by
Alembic's batch mode (copy, drop, rename) with its triggers dropped and made again.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

OLD_TYPES = "entry_type IN ('source', 'claim', 'correction')"
NEW_TYPES = "entry_type IN ('source', 'claim', 'correction', 'declaration')"


def upgrade() -> None:
    op.create_table(
        "declarations",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("corrects", sa.BigInteger(), nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("object", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "action IN ('declare', 'retract', 'amend')", name=op.f("ck_declarations_action")
        ),
        sa.CheckConstraint("kind IN ('complete', 'alias')", name=op.f("ck_declarations_kind")),
        sa.CheckConstraint(
            "(action = 'declare') = (corrects IS NULL)", name=op.f("ck_declarations_corrects")
        ),
        sa.ForeignKeyConstraint(
            ["corrects"], ["declarations.seq"], name=op.f("fk_declarations_corrects_declarations")
        ),
        sa.ForeignKeyConstraint(
            ["seq"], ["entries.seq"], name=op.f("fk_declarations_seq_entries")
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_declarations")),
    )
    op.create_index("ix_declarations_corrects", "declarations", ["corrects"])
    _entry_types(NEW_TYPES)
    _append_only("declarations")


def downgrade() -> None:
    _drop_append_only("declarations")
    op.drop_index("ix_declarations_corrects", table_name="declarations")
    op.drop_table("declarations")
    _entry_types(OLD_TYPES)


def _entry_types(check: str) -> None:
    name = "ck_entries_entry_type"
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint(op.f(name), "entries", type_="check")
        op.create_check_constraint(op.f(name), "entries", check)
        return
    bind = op.get_bind()
    triggers = bind.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'entries'"
    ).all()
    for trigger, _ in triggers:
        op.execute(f"DROP TRIGGER {trigger}")
    # The rebuild drops ``entries`` while other tables refer to it (pxl migrates SQLite
    # with foreign keys off, see ledger.db); the view that reads it is not re-parsed by
    # the rename while the rebuilt table does not yet stand under its name.
    op.execute("PRAGMA legacy_alter_table = ON")
    try:
        with op.batch_alter_table("entries", recreate="always") as batch:
            batch.drop_constraint(op.f(name), type_="check")
            batch.create_check_constraint(op.f(name), check)
    finally:
        op.execute("PRAGMA legacy_alter_table = OFF")
    for _, sql in triggers:
        op.execute(sql)


def _append_only(table: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER pxl_{table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'pxl ledger is append-only: {action} on {table} "
                "is refused'); END"
            )
        return
    op.execute(
        f"CREATE TRIGGER pxl_{table}_no_change BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION pxl_refuse_change()"
    )
    op.execute(
        f"CREATE TRIGGER pxl_{table}_no_truncate BEFORE TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION pxl_refuse_change()"
    )


def _drop_append_only(table: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        for action in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS pxl_{table}_no_{action}")
        return
    op.execute(f"DROP TRIGGER IF EXISTS pxl_{table}_no_change ON {table}")
    op.execute(f"DROP TRIGGER IF EXISTS pxl_{table}_no_truncate ON {table}")
