"""``pxl init``: create or upgrade the ledger (Alembic ``upgrade head``)."""

from __future__ import annotations

import click

from pxl.ledger.db import describe_url, head_revision
from pxl.ledger.roles import create_roles
from pxl.ledger.store import Ledger

from .context import AppContext, pass_app
from .output import say


@click.command()
@click.option("--roles", is_flag=True, help="PostgreSQL: also create a writer role (INSERT, SELECT) and a reader role (SELECT).")
@click.option("--role-prefix", default="pxl", show_default=True, help="Roles are PREFIX_writer and PREFIX_reader.")
@pass_app
def init(app: AppContext, roles: bool, role_prefix: str) -> None:
    """Create the ledger in --db, or upgrade it to this pxl's schema.

    Safe to run again: migrations keep every entry. With --roles (PostgreSQL), create
    least-privilege login roles: neither can UPDATE, DELETE or TRUNCATE the ledger.

    \b
    Examples:
      pxl --db sqlite:///afghanistan.db init
      pxl --db postgresql://postgres@db/exchanges init --roles
    """
    ledger = Ledger.init(app.url, app.wording)
    try:
        say(f"ledger ready at {describe_url(app.url)} (schema {head_revision()})")
        if roles:
            writer, reader = create_roles(ledger.engine, role_prefix)
            say(f"roles ready: {writer} (INSERT, SELECT), {reader} (SELECT)")
    finally:
        ledger.close()


def register(group: click.Group) -> None:
    group.add_command(init)
