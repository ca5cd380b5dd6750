"""``pxl verify`` and ``pxl digest``: checking that history was not rewritten."""

from __future__ import annotations

import sys

import click

from pxl.ledger.model import Head

from .context import AppContext, PxlError, pass_app
from .output import say

PROGRESS_THRESHOLD = 50_000


@click.command()
@click.option("--digest", "saved", metavar="SEQ:HASH", help="A digest saved earlier: also fail unless the chain still extends it.")
@pass_app
def verify(app: AppContext, saved: str | None) -> None:
    """Recompute the hash chain and check every stored row.

    Exit 0 when intact; exit 1 naming the first bad entry otherwise.

    \b
    Examples:
      pxl verify
      pxl verify --digest "$(cat saved-digest.txt)"
    """
    try:
        digest = Head.parse(saved) if saved else None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--digest") from None
    ledger = app.ledger(check=False)
    stamp = ledger.schema_problem()
    if stamp is not None:
        say(f"note: {stamp}; verifying the entries anyway", err=True)
    total = ledger.count()
    if total >= PROGRESS_THRESHOLD and sys.stderr.isatty():
        with click.progressbar(length=total, label="verifying", file=sys.stderr) as bar:
            report = ledger.verify(digest, progress=bar.update)
    else:
        report = ledger.verify(digest)
    if not report.ok:
        first = report.first
        more = f" ({len(report.problems) - 1} more problems)" if len(report.problems) > 1 else ""
        details = "\n".join(f"  {p}" for p in report.problems[1:20])
        raise PxlError(
            f"ledger FAILED verification at {first}{more}" + (f"\n{details}" if details else ""),
            "the database was changed outside pxl; restore it from a backup and compare digests",
        )
    head = str(report.head) if report.head else "(empty)"
    also = f", extends {saved}" if saved else ""
    say(f"ok: {report.entries} entries, {report.documents} documents, head {head}{also}")


@click.command()
@pass_app
def digest(app: AppContext) -> None:
    """Print the chain head as SEQ:HASH. Save it; `pxl verify --digest` later proves the
    history up to it is unchanged.

    \b
    Example:
      pxl digest > digest-2020-04-14.txt
    """
    say(app.ledger().digest())


def register(group: click.Group) -> None:
    group.add_command(verify)
    group.add_command(digest)
