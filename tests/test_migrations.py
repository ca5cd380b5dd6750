"""The schema comes only from migrations, and models and migrations never drift."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from pxl.ledger import db
from pxl.ledger.schema import LEDGER_TABLES
from pxl.ledger.store import Ledger


def test_alembic_check_finds_no_drift(empty_url):
    ledger = Ledger.init(empty_url)
    try:
        with ledger.engine.connect() as connection:
            command.check(db.alembic_config(connection=connection))  # raises on any difference
            assert set(LEDGER_TABLES) <= set(inspect(connection).get_table_names())
        assert db.current_revision(ledger.engine) == db.head_revision()
    finally:
        ledger.close()


def test_init_is_idempotent(empty_url):
    Ledger.init(empty_url).close()
    ledger = Ledger.init(empty_url)
    try:
        db.ensure_schema(ledger.engine)
    finally:
        ledger.close()


def test_head_revision_agrees_with_alembic():
    from alembic.script import ScriptDirectory

    assert db.head_revision() == ScriptDirectory.from_config(db.alembic_config()).get_current_head()
