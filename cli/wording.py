"""``pxl wording``: the grammar of stated figures, and a tester for it."""

from __future__ import annotations

import click
from tabulate import tabulate

from pxl.ledger.wording import WordingError, grammar_table, parse_figure

from .context import AppContext, PxlError, decimal_option, pass_app
from .output import say


@click.command()
@click.argument("texts", nargs=-1)
@decimal_option
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
        say(tabulate(grammar_table(app.wording), headers=["wording", "interval"]))
        return
    failed = False
    for text in texts:
        try:
            figure = parse_figure(text, app.wording)
            interval = figure.interval
            hi = "open" if interval.hi is None else interval.hi
            extra = "".join(f"\n  part {p.wording!r}: [{p.lo}, {'open' if p.hi is None else p.hi}]"
                            for p in figure.parts)
            if figure.reference is not None:
                extra += f"\n  of {figure.reference.wording!r} (kept as the reference)"
            say(f"{text!r}: [{interval.lo}, {hi}]{extra}")
        except WordingError as error:
            failed = True
            say(f"{text!r}: error: {error.reason}", err=True)
    if failed:
        raise PxlError("some wordings could not be read")


def register(group: click.Group) -> None:
    group.add_command(wording)
