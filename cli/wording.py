"""``pxl wording``: the grammar of stated figures, and a tester for it."""

from __future__ import annotations

import click
from tabulate import tabulate

from pxl.ledger.wording import WordingError, grammar_table, parse_value

from .context import AppContext, PxlError, pass_app


@click.command()
@click.argument("texts", nargs=-1)
@pass_app
def wording(app: AppContext, texts: tuple[str, ...]) -> None:
    """Print how figures are read (with the current --tolerance and --vague settings),
    or read the TEXTS given.

    \b
    Examples:
      pxl wording
      pxl wording "more than four thousand" "some 1,000" dozens
    """
    if not texts:
        click.echo(tabulate(grammar_table(app.wording), headers=["wording", "interval"]))
        return
    failed = False
    for text in texts:
        try:
            interval = parse_value(text, app.wording)
            hi = "open" if interval.hi is None else interval.hi
            click.echo(f"{text!r}: [{interval.lo}, {hi}]")
        except WordingError as error:
            failed = True
            click.echo(f"{text!r}: error: {error.reason}", err=True)
    if failed:
        raise PxlError("some wordings could not be read")


def register(group: click.Group) -> None:
    group.add_command(wording)
