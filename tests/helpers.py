"""Building test inputs, tampering with a ledger the way an attacker with direct database
access would (bypassing the append-only triggers), and running writers side by side."""

from __future__ import annotations

import multiprocessing
from dataclasses import replace
from typing import Any, Callable, Iterable

from sqlalchemy import text

from pxl.ledger.drafts import ClaimDraft, claim_draft
from pxl.ledger.store import Ledger

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


def run_side_by_side(target: Callable[..., None], arguments: Iterable[tuple], timeout: float) -> None:
    """Run ``target`` once per tuple of ``arguments``, each in its own fresh (spawned)
    process, all at once; every one must finish cleanly within ``timeout`` seconds."""
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=target, args=args) for args in arguments]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout)
        assert process.exitcode == 0
