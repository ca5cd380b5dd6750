"""Building test inputs, and tampering with a ledger the way an attacker with direct
database access would (bypassing the append-only triggers)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import text

from ledger.drafts import ClaimDraft, claim_draft
from ledger.store import Ledger

SERIES = "afghan-government->taliban"
SOURCE = {"publisher": "RFE/RL", "published": "2020-04-13", "url": "https://example.org/rferl"}


def draft(document_text: str | None = None, **fields: Any) -> ClaimDraft:
    row = {"series": SERIES, "kind": "cumulative", "value": "300", **SOURCE, **fields}
    result, errors = claim_draft(row)
    assert not errors, errors
    assert result is not None
    if document_text is not None:
        result = replace(result, source=replace(result.source, document_text=document_text))
    return result


def tamper(ledger: Ledger, *statements: str) -> None:
    """Run SQL with the append-only triggers out of the way, as an attacker could."""
    with ledger.engine.connect() as connection:
        with connection.begin():
            if ledger.dialect == "postgresql":
                # A superuser can switch off user triggers (and with them FK checks).
                connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
                for statement in statements:
                    connection.execute(text(statement))
            else:
                triggers = connection.exec_driver_sql(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                ).all()
                for name, _ in triggers:
                    connection.exec_driver_sql(f"DROP TRIGGER {name}")
                for statement in statements:
                    connection.execute(text(statement))
                for _, sql in triggers:
                    connection.exec_driver_sql(sql)
