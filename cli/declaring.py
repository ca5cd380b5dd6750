"""``pxl declare``: statements about scopes and origins, recorded as ledger entries."""

from __future__ import annotations

import click

from pxl.ledger.errors import LedgerError, Notice
from pxl.ledger.model import Declaration, EntryType, parse_public_id

from .context import AppContext, pass_app
from .output import say
from .series import resolve_series



def declaration_id(text: str) -> int:
    try:
        return parse_public_id(text, EntryType.DECLARATION)
    except ValueError as error:
        raise LedgerError(str(error), "`pxl list --declarations` shows declaration ids") from None


def declaration_text(current: Declaration, entries: list[Declaration]) -> str:
    lines = [
        f"{current.id}  {current.kind.value}  [{current.status.upper() if current.status == 'retracted' else current.status}]",
        f"  states     {current.describe()}",
        f"  reason     {entries[0].reason}",
        f"  recorded   {entries[0].recorded_at} by {entries[0].recorded_by}",
    ]
    for entry in entries[1:]:
        what = entry.action.value
        if entry.action.value == "amend":
            what += f" to {entry.describe()}"
        lines.append(f"  correction {entry.id} {what}: {entry.reason} ({entry.recorded_at} by {entry.recorded_by})")
    return "\n".join(lines)


_reason = click.option("--reason", required=True, help="Why: who says so, and where.")
_recorded_by = click.option("--recorded-by", envvar="PXL_USER", help="Who records it (env PXL_USER).")
_amends = click.option("--amends", metavar="ID", help="Replace what this earlier declaration (D9) names.")


@click.group()
def declare() -> None:
    """Record what a scope or a speaker is: `complete` scopes, `alias` speaker names.

    Declarations are ledger entries like claims: chained, never changed, listed by
    `pxl list --declarations`, shown by `pxl show D9`, withdrawn by `pxl retract D9`.
    Declaring what a declaration in force already states records nothing: it prints
    "already declared (D9)" and exits 0, as an import skips rows already recorded.
    """


@declare.command()
@click.argument("series")
@_reason
@_amends
@_recorded_by
@pass_app
def complete(app: AppContext, series: str, reason: str, amends: str | None, recorded_by: str | None) -> None:
    """SERIES is covered by its parts: its total equals the sum of its direct parts'
    totals at every date (without this, the total is at least that sum).

    SERIES is a key or its number from `pxl series`. A key with no claim, itself or in a
    part (likely a typo), is recorded all the same with a warning on stderr naming the
    closest recorded series.

    \b
    Example:
      pxl declare complete "hamas->hostages" --reason "the deal counts Israelis and foreigners only"
      pxl declare complete 3 --reason "..."      # series 3 of `pxl series`
    """
    if series.strip().removeprefix("#").isdigit():  # its number from `pxl series`
        series = resolve_series(app, series, required=True)
    ledger = app.ledger()
    notices = ledger.declaration_notices("complete", series)
    if amends:
        entry = ledger.amend_declaration(declaration_id(amends), series, None, reason=reason, recorded_by=recorded_by)
    else:
        entry, new = ledger.declare_once("complete", series, reason=reason, recorded_by=recorded_by)
        if not new:
            return _already(entry)
    _recorded(entry, notices)


@declare.command()
@click.argument("name")
@click.argument("other")
@_reason
@_amends
@_recorded_by
@pass_app
def alias(app: AppContext, name: str, other: str, reason: str, amends: str | None, recorded_by: str | None) -> None:
    """The speaker names NAME and OTHER are one origin (figures from both are not
    independent corroboration).

    A name no claim's speaker has (compared without case, punctuation or a role after
    it) is recorded all the same with a warning on stderr naming the closest speaker.

    \b
    Example:
      pxl declare alias "NSC" "Afghan National Security Council" --reason "the same body"
    """
    ledger = app.ledger()
    notices = ledger.declaration_notices("alias", name, other)
    if amends:
        entry = ledger.amend_declaration(declaration_id(amends), name, other, reason=reason, recorded_by=recorded_by)
    else:
        entry, new = ledger.declare_once("alias", name, other, reason=reason, recorded_by=recorded_by)
        if not new:
            return _already(entry)
    _recorded(entry, notices)


def _already(entry: Declaration) -> None:
    """A declaration that states what one in force states records nothing (exit 0, as an
    import's rows already recorded)."""
    say(f"already declared ({entry.id}): {entry.describe()}; nothing was recorded")


def _recorded(entry: Declaration, notices: list[Notice]) -> None:
    """The declaration recorded, and on stderr each notice as a warning, as a ``--series``
    that matches nothing is warned of (cli/series.py)."""
    amended = f"{entry.corrects_id} amended: " if entry.corrects_id else ""
    say(f"recorded {entry.id}: {amended}{entry.describe()}")
    for notice in notices:
        say(f"warning: {notice.message}; recorded all the same (`pxl retract {entry.id}` withdraws it)\n"
            f"Hint: {notice.hint}", err=True)


def register(group: click.Group) -> None:
    group.add_command(declare)
