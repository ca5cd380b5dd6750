"""``pxl init``: create or upgrade the ledger (Alembic ``upgrade head``)."""

from __future__ import annotations

import click

from ledger.db import describe_url, head_revision
from ledger.store import Ledger

from .context import AppContext, pass_app


@click.command()
@pass_app
def init(app: AppContext) -> None:
    """Create the ledger in --db, or upgrade it to this pxl's schema.

    Safe to run again: migrations keep every entry.

    \b
    Example:
      pxl --db sqlite:///afghanistan.db init
    """
    Ledger.init(app.url, app.wording).close()
    click.echo(f"ledger ready at {describe_url(app.url)} (schema {head_revision()})")


def register(group: click.Group) -> None:
    group.add_command(init)
