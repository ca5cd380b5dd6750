"""The same synthetic claims as plain-text ledgers for hledger and beancount.

What a user would do with those tools: each series is an account; every batch (an
exact single-day increment) a transaction; every exact whole-history total a balance
assertion. Loose wording ("more than", "about"), totals since a date and targets have no
equivalent there and are left out; so are the planted conflicts (both tools stop at the
first failed assertion, which would end their run early and flatter them). Same-day
batches reported by several outlets are one transaction (as pxl reads them).
Beancount checks a balance at the start of its date, so an end-of-day total is asserted
on the next day.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable


def convertible(rows: Iterable[dict]) -> tuple[list[tuple], int]:
    """(day, series, kind, value) for batches and exact totals, in date order, and how many
    claim rows they come from."""
    events: dict[tuple, tuple] = {}
    used = 0
    for row in rows:
        if row.get("planted") or row["period_start"] or not row["value"].replace(",", "").isdigit():
            continue
        value = int(row["value"].replace(",", ""))
        if row["kind"] == "increment":
            events.setdefault((row["as_of"], row["series"], 0), (row["as_of"], row["series"], "batch", value))
            used += 1
        elif row["kind"] == "cumulative":
            events[(row["as_of"], row["series"], 1, value)] = (row["as_of"], row["series"], "total", value)
            used += 1
    ordered = sorted(events.values(), key=lambda e: (e[0], e[1], e[2] == "total"))
    # A total says releases happened that no batch reported: book them, as a user keeping
    # such a journal would, so that every assertion holds; a total the batches already
    # exceed (possible with several outlets) is left out.
    balance: dict[str, int] = {}
    journal: list[tuple] = []
    for day, series, kind, value in ordered:
        held = balance.get(series, 0)
        if kind == "batch":
            balance[series] = held + value
            journal.append((day, series, kind, value))
        elif value >= held:
            if value > held:
                journal.append((day, series, "batch", value - held))
                balance[series] = value
            journal.append((day, series, kind, value))
    return journal, used


def _account(series: str) -> str:
    return "".join(part.capitalize() for part in series.replace("->", "-to-").split("-"))


def hledger_journal(events: list[tuple]) -> str:
    lines = []
    for day, series, kind, value in events:
        account = _account(series)
        if kind == "batch":
            lines += [f"{day} batch", f"    released:{account}    {value} P", f"    held:{account}", ""]
        else:
            lines += [f"{day} total", f"    released:{account}    0 P = {value} P", ""]
    return "\n".join(lines)


def beancount_ledger(events: list[tuple]) -> str:
    accounts = sorted({_account(series) for _, series, _, _ in events})
    lines = ['option "operating_currency" "PRS"', ""]
    for account in accounts:
        lines += [f"2019-01-01 open Assets:Released:{account} PRS", f"2019-01-01 open Equity:Held:{account} PRS"]
    lines.append("")
    for day, series, kind, value in events:
        account = _account(series)
        if kind == "batch":
            lines += [f'{day} * "batch"', f"  Assets:Released:{account}  {value} PRS",
                      f"  Equity:Held:{account}", ""]
        else:
            next_day = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
            lines += [f"{next_day} balance Assets:Released:{account}  {value} PRS", ""]
    return "\n".join(lines)
