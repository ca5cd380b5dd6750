"""``pxl retract`` and ``pxl amend``: corrections are new entries; the original stays."""

from __future__ import annotations

import click

from pxl.ledger.errors import LedgerError

from .claims import claim_id, claim_options
from .context import AppContext, pass_app
from .output import say


@click.command()
@click.argument("claim")
@click.option("--reason", required=True, help="Why the claim (or declaration) is withdrawn.")
@click.option("--recorded-by", envvar="PXL_USER", help="Who records it (env PXL_USER).")
@pass_app
def retract(app: AppContext, claim: str, reason: str, recorded_by: str | None) -> None:
    """Withdraw a claim (or a declaration, D9). It stays in the ledger and in `pxl show`;
    it leaves listings and reconciliation from now on (and stays in them `--as-known-at`
    earlier times).

    \b
    Example:
      pxl retract C17 --reason "outlet corrected its figure"
    """
    if claim.strip().upper().startswith("D"):
        from .declaring import declaration_id

        entry = app.ledger().retract_declaration(declaration_id(claim), reason, recorded_by)
        say(f"recorded {entry.id}: {entry.corrects_id} retracted")
        return
    correction = app.ledger().retract(claim_id(claim), reason, recorded_by)
    say(f"recorded {correction.id}: {correction.claim_id} retracted")


@click.command()
@click.argument("claim")
@claim_options
@click.option("--source", "source_ref", metavar="ID|URL", help="Move the claim to another recorded source.")
@click.option("--reason", required=True, help="Why the claim is amended.")
@click.option("--recorded-by", envvar="PXL_USER", help="Who records it (env PXL_USER).")
@pass_app
def amend(app: AppContext, claim: str, source_ref, reason: str, recorded_by, **fields) -> None:
    """Record a new version of a claim: the fields given replace the current ones.

    \b
    Example:
      pxl amend C17 --value "more than 4,000" --reason "transcription error: 'more than'"
    """
    changes = {k: v for k, v in fields.items() if v is not None}
    ledger = app.ledger()
    source_seq = ledger.find_source(source_ref).seq if source_ref else None
    if not changes and source_seq is None:
        raise LedgerError("nothing to amend", "give the fields to change, e.g. --value or --as-of")
    correction = ledger.amend(claim_id(claim), changes, reason, recorded_by, source_seq=source_seq)
    content = correction.content
    assert content is not None
    say(f"recorded {correction.id}: {correction.claim_id} amended to {content.value!r} "
               f"as of {content.as_of or 'undated'}")


def register(group: click.Group) -> None:
    group.add_command(retract)
    group.add_command(amend)
