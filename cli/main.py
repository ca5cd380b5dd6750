"""``pxl``: the command-line face of the ledger."""

from __future__ import annotations

import gc

import click

from pxl._version import __version__
from pxl.ledger.defaults import DEFAULT_URL
from pxl.ledger.wording import (
    DEFAULT_CONFIG,
    WordingConfig,
    parse_tolerance,
    parse_vague_override,
)

from .context import AppContext, PxlGroup

# Each command's module, imported only when that command runs: a command pays only for
# what it uses (SQLAlchemy for the ledger's commands, matplotlib for reports, ...). With
# each, the first sentence of its help, which `pxl --help` and shell completion list
# without importing the module (tests/test_startup.py keeps it equal to the help).
COMMAND_MODULES = {
    "init": ("setup", "Create the ledger in --db, or upgrade it to this pxl's schema."),
    "source": ("sources", 'Record, list and show sources (the documents figures are quoted from).'),
    "record": ("claims", 'Record one figure with its provenance.'),
    "list": ("claims", 'List the effective claims: each with its latest amendment; retracted ones left out.'),
    "show": ("claims", 'The whole provenance of one figure: source, quote in context, chain position, every correction.'),
    "retract": ("corrections", 'Withdraw a claim (or a declaration, D9).'),
    "amend": ("corrections", 'Record a new version of a claim: the fields given replace the current ones.'),
    "declare": ("declaring", 'Record what a scope or a speaker is: `complete` scopes, `alias` speaker names.'),
    "import": ("imports", 'Import figures from FILE (CSV, JSON Lines or .xlsx; - for stdin), all or nothing.'),
    "extract": ("extracting", "Propose the prisoner figures in an article (FILE, - for stdin) for a person to confirm: each as a row of the import format, with the figure's wording and interval, the sentence or clause quoted, the character offsets of the figure, a guessed kind, series (with --parties), speaker, as_of, and a confidence with the reason."),
    "reconcile": ("reconciling", "Reconcile the figures: bounds (low / best / high) of each series' total at every date a claim mentions, progress against the target, and every discrepancy."),
    "why": ("reconciling", "Which claims determine the low and the high bound of SERIES' total at a date."),
    "check": ("reconciling", 'Exit 1 when any claims conflict (like bean-check); print each conflict.'),
    "report": ("reporting", 'Render the reconciliation as a report: summary, timeline charts, discrepancies with their claims, exclusions, a provenance appendix and the ledger digest.'),
    "export": ("exporting", 'Write the ledger into FOLDER as CSV tables described by datapackage.json: claims (retracted ones too, with their status), sources, corrections, estimates and discrepancies, each with a Table Schema (types, keys, links between the tables).'),
    "verify": ("integrity", 'Recompute the hash chain and check every stored row.'),
    "digest": ("integrity", 'Print the chain head as SEQ:HASH.'),
    "wording": ("wording", 'Print how figures are read (with the current --tolerance and --vague settings), or read the TEXTS given.'),
    "series": ("series", "Every series and scope: its number, claims, latest low and high, discrepancies."),
    "help": ("helping", "Show the help of COMMAND: `pxl help import` prints what `pxl import --help` does."),
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
@click.version_option(__version__, prog_name="pxl")  # not read from the installed metadata: 20 ms
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
