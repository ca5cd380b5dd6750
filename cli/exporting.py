"""``pxl export``: the ledger as data for the tools researchers use."""

from __future__ import annotations

import click

from .context import AppContext, pass_app
from .output import say


@click.command("export")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["datapackage"]), default="datapackage", show_default=True,
              help="datapackage: a Frictionless Data Package (datapackage.json and one CSV per table).")
@click.option("--as-known-at", metavar="TIMESTAMP", help="Export what had been recorded by then.")
@pass_app
def export(app: AppContext, folder: str, fmt: str, as_known_at: str | None) -> None:
    """Write the ledger into FOLDER as CSV tables described by datapackage.json: claims
    (retracted ones too, with their status), sources, corrections, estimates and
    discrepancies, each with a Table Schema (types, keys, links between the tables).

    Also declarations (retracted ones with their status) and exclusions (each claim the
    reconciliation set aside, per series, with the rule and reason; claims say so in
    `excluded` and `excluded_reason`); estimates of scopes say whether the series and
    its parent are declared complete, and give the remainder in no part.

    All or nothing: the files are written into a temporary folder beside FOLDER and
    renamed into place; on failure nothing is written (or the previous export stays).

    \b
    Examples:
      pxl export afghanistan-data
      pxl export afghanistan-data --as-known-at 2020-05-01
    """
    from pxl.api import export_datapackage
    from pxl.ledger.store import parse_known_at

    known = parse_known_at(as_known_at) if as_known_at else None
    path = export_datapackage(app.ledger(), folder, as_known_at=known, workers=None)
    say(f"wrote {path}")


def register(group: click.Group) -> None:
    group.add_command(export)
