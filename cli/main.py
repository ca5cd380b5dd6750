"""``pxl``: the command-line face of the ledger."""

from __future__ import annotations

import gc

import click

from pxl.ledger.db import DEFAULT_URL
from pxl.ledger.wording import (
    DEFAULT_CONFIG,
    WordingConfig,
    parse_tolerance,
    parse_vague_override,
)

from .context import AppContext, PxlGroup

# Each command's module, imported only when that command runs (or help lists it): a
# command then pays only for what it uses (jinja2 and matplotlib only for reports).
COMMAND_MODULES = {
    "init": "setup",
    "source": "sources",
    "record": "claims", "list": "claims", "show": "claims",
    "retract": "corrections", "amend": "corrections",
    "declare": "declaring",
    "import": "imports",
    "extract": "extracting",
    "reconcile": "reconciling", "why": "reconciling", "check": "reconciling",
    "report": "reporting",
    "export": "exporting",
    "verify": "integrity", "digest": "integrity",
    "wording": "wording",
}

VAGUE_HELP = ", ".join(f"{w}={lo}-{hi}" for w, (lo, hi) in sorted(DEFAULT_CONFIG.vague.items()))


def _tolerance(_ctx, _param, value):
    if value is None:
        return None
    try:
        return parse_tolerance(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _vague(_ctx, _param, values):
    try:
        return dict(parse_vague_override(v) for v in values)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@click.group(
    cls=PxlGroup,
    lazy_commands=COMMAND_MODULES,
    epilog=(
        "Figures are read by one grammar (`pxl wording` prints it). Approximations "
        "('about N') span N*(1-t)..N*(1+t), t=0.10 by default; vague plurals default to "
        f"{VAGUE_HELP}. Anything else is rejected, never guessed."
    ),
)
@click.option(
    "--db", "url", envvar="PXL_DATABASE_URL", default=DEFAULT_URL, show_default=True,
    metavar="URL", help="Ledger database: sqlite:///FILE, a file path, or postgresql://... "
    "(env PXL_DATABASE_URL).",
)
@click.option(
    "--tolerance", envvar="PXL_TOLERANCE", callback=_tolerance, metavar="T",
    help="Tolerance of 'about N' and 'nearly N' (0.1 or 10%; env PXL_TOLERANCE).",
)
@click.option(
    "--vague", multiple=True, callback=_vague, metavar="WORDING=LO-HI",
    help="Override a vague plural, e.g. --vague dozens=12-99 (repeatable).",
)
@click.version_option(package_name="pxl")
@click.pass_context
def pxl(ctx: click.Context, url: str, tolerance: float | None, vague: dict) -> None:
    """pxl: the prisoner-exchange reconciliation ledger.

    Every stated figure goes into an append-only, hash-chained ledger with its source,
    speaker, date and exact quote. Start with `pxl init`.
    """
    config = WordingConfig(tolerance if tolerance is not None else DEFAULT_CONFIG.tolerance)
    if vague:
        config = config.with_vague(vague)
    ctx.obj = AppContext(url=url, wording=config)
    ctx.call_on_close(ctx.obj.close)


# CPython collects its youngest generation every 700 new containers, and each collection
# walks what survives into the older ones: with 100,000 claims and their graph edges held
# at once, the collector alone cost half of a conflict search. pxl builds few reference
# cycles, so it collects 100x less often (mypy tunes its collector the same way).
GC_THRESHOLD = (70_000, 10, 10)


def main() -> None:
    gc.set_threshold(*GC_THRESHOLD)
    pxl(prog_name="pxl")


if __name__ == "__main__":
    main()
