"""Guards the break tests asked for: no insert over a recorded key, transaction time that
only runs forward (and, on PostgreSQL, is the database's), and an append lock a reader
cannot take.

- SQLite: ``INSERT OR REPLACE`` (and ``REPLACE``, ``OR IGNORE``, upserts) resolves a key
  conflict by deleting the old row without firing DELETE triggers. A BEFORE INSERT
  trigger on every table refuses any insert whose key is already recorded, whatever the
  conflict clause (so ``INSERT OR IGNORE`` over a recorded key is refused too, not
  silently skipped). Entries must also not be stamped before their predecessor.
- PostgreSQL: a statement trigger on ``entries`` refuses a ``recorded_at`` that is not
  within a minute of the database's clock, or earlier than its predecessor's. The
  refusals carry their own SQLSTATEs (PXL01 append-only, PXL02 transaction time), so the
  store maps them by code. ``pxl_analyze()`` lets the writer role refresh the planner's
  statistics (ANALYZE needs the table owner) and nothing else.
- ``append_lock``: one row; a writer serialises appends with ``SELECT ... FOR UPDATE`` on
  it, which needs UPDATE privilege (granted to the writer role only), so a SELECT-only
  reader cannot take it (any role could take the advisory lock used before). Its row can
  be locked but not updated or deleted (triggers).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Every table and the columns that identify a recorded row.
KEYS = {
    "entries": ("seq", "hash"),
    "documents": ("sha256",),
    "sources": ("seq",),
    "claims": ("seq", "ref"),
    "corrections": ("seq",),
    "declarations": ("seq",),
    "append_lock": ("id",),
}
LEDGER = ("entries", "documents", "sources", "claims", "corrections", "declarations")
TIME_WINDOW = "1 minute"  # how far a recorded_at may be from the database's clock (PostgreSQL)


def upgrade() -> None:
    op.create_table(
        "append_lock",
        sa.Column("id", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_append_lock_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_append_lock")),
    )
    op.execute("INSERT INTO append_lock (id) VALUES (1)")
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_upgrade()
    elif dialect == "postgresql":
        _postgresql_upgrade()
    else:  # pragma: no cover - make_engine refuses other databases
        raise NotImplementedError(dialect)


def _sqlite_upgrade() -> None:
    for table, keys in KEYS.items():
        taken = " OR ".join(
            f"(NEW.{key} IS NOT NULL AND EXISTS (SELECT 1 FROM {table} WHERE {key} = NEW.{key}))" for key in keys
        )
        op.execute(
            f"CREATE TRIGGER pxl_{table}_no_overwrite BEFORE INSERT ON {table} WHEN {taken} "
            f"BEGIN SELECT RAISE(ABORT, 'pxl ledger is append-only: an insert over a recorded row of {table} "
            "is refused'); END"
        )
    for action in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER pxl_append_lock_no_{action.lower()} BEFORE {action} ON append_lock "
            f"BEGIN SELECT RAISE(ABORT, 'pxl ledger is append-only: {action} on append_lock is refused'); END"
        )
    op.execute(
        "CREATE TRIGGER pxl_entries_time_forward BEFORE INSERT ON entries "
        "WHEN NEW.recorded_at < (SELECT p.recorded_at FROM entries p WHERE p.seq = NEW.seq - 1) "
        "BEGIN SELECT RAISE(ABORT, 'pxl ledger: transaction time only moves forward: an entry may not be "
        "stamped before the entry it follows'); END"
    )


def _postgresql_upgrade() -> None:
    op.execute(
        """
        CREATE OR REPLACE FUNCTION pxl_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'pxl ledger is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'PXL01';
        END
        $$
        """
    )
    op.execute(
        "CREATE TRIGGER pxl_append_lock_no_change BEFORE UPDATE OR DELETE ON append_lock "
        "FOR EACH ROW EXECUTE FUNCTION pxl_refuse_change()"
    )
    op.execute(
        "CREATE TRIGGER pxl_append_lock_no_truncate BEFORE TRUNCATE ON append_lock "
        "FOR EACH STATEMENT EXECUTE FUNCTION pxl_refuse_change()"
    )
    op.execute(
        rf"""
        CREATE FUNCTION pxl_check_recorded_at() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            bad record;
        BEGIN
            SELECT n.seq, n.recorded_at INTO bad FROM pxl_new_entries n
             WHERE n.recorded_at !~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}T[0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}\.[0-9]{{6}}Z$'
             ORDER BY n.seq LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'pxl ledger: entry % is stamped %, which is not a UTC time YYYY-MM-DDTHH:MM:SS.ffffffZ',
                    bad.seq, bad.recorded_at USING ERRCODE = 'PXL02';
            END IF;
            SELECT n.seq, n.recorded_at INTO bad FROM pxl_new_entries n
             WHERE n.recorded_at::timestamptz < now() - interval '{TIME_WINDOW}'
                OR n.recorded_at::timestamptz > clock_timestamp() + interval '{TIME_WINDOW}'
             ORDER BY n.seq LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'pxl ledger: entry % is stamped %, but the database''s clock says %: '
                    'transaction time is the database''s, within {TIME_WINDOW}',
                    bad.seq, bad.recorded_at, clock_timestamp() AT TIME ZONE 'UTC' USING ERRCODE = 'PXL02';
            END IF;
            SELECT n.seq, n.recorded_at, p.recorded_at AS before INTO bad
              FROM pxl_new_entries n JOIN entries p ON p.seq = n.seq - 1
             WHERE n.recorded_at < p.recorded_at ORDER BY n.seq LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'pxl ledger: entry % is stamped %, before the entry it follows (%): '
                    'transaction time only moves forward', bad.seq, bad.recorded_at, bad.before
                    USING ERRCODE = 'PXL02';
            END IF;
            RETURN NULL;
        END
        $$
        """
    )
    op.execute(
        "CREATE TRIGGER pxl_entries_time_forward AFTER INSERT ON entries "
        "REFERENCING NEW TABLE AS pxl_new_entries FOR EACH STATEMENT EXECUTE FUNCTION pxl_check_recorded_at()"
    )
    op.execute(
        f"""
        CREATE FUNCTION pxl_analyze() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
        BEGIN
            ANALYZE {", ".join(t for t in LEDGER if t != "documents")};
        END
        $$
        """
    )
    op.execute("REVOKE ALL ON FUNCTION pxl_analyze() FROM PUBLIC")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in KEYS:
            op.execute(f"DROP TRIGGER IF EXISTS pxl_{table}_no_overwrite")
        op.execute("DROP TRIGGER IF EXISTS pxl_entries_time_forward")
        for action in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS pxl_append_lock_no_{action}")
    elif dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS pxl_analyze()")
        op.execute("DROP TRIGGER IF EXISTS pxl_entries_time_forward ON entries")
        op.execute("DROP FUNCTION IF EXISTS pxl_check_recorded_at()")
        op.execute("DROP TRIGGER IF EXISTS pxl_append_lock_no_change ON append_lock")
        op.execute("DROP TRIGGER IF EXISTS pxl_append_lock_no_truncate ON append_lock")
        op.execute(
            """
            CREATE OR REPLACE FUNCTION pxl_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'pxl ledger is append-only: % on % is refused',
                    TG_OP, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END
            $$
            """
        )
    op.drop_table("append_lock")
