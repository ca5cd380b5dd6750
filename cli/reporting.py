"""``pxl report``: a discrepancy report a fact-checker can publish or attach to a memo."""

from __future__ import annotations

from pathlib import Path

import click

from pxl.reports.files import DEFAULT_TITLE, FORMATS, render_report, write_report

from .context import PxlError, pass_app
from .reconciling import reconciled
from .output import say


@click.command()
@click.option("--series", help="Only this series.")
@click.option("--as-known-at", metavar="TIMESTAMP", help="Report only what had been recorded by then.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="html",
              show_default=True, help="Report format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True), default="-",
              help="File to write (default: stdout). Markdown charts go beside it as SVG and PNG.")
@click.option("--title", default=DEFAULT_TITLE, show_default=True)
@pass_app
def report(app, series, as_known_at, fmt, output, title) -> None:
    """Render the reconciliation as a report: summary, timeline charts, discrepancies
    with their claims, exclusions, a provenance appendix and the ledger digest.

    HTML is one self-contained file (charts inline as SVG; no network, no scripts).

    \b
    Examples:
      pxl report --format html -o report.html
      pxl report --format md -o report.md        # charts in report-charts/
      pxl report --format csv --series "afghan-government->taliban"
    """
    if output != "-" and not Path(output).resolve().parent.is_dir():
        raise PxlError(f"cannot write {output}: the folder {Path(output).parent} does not exist")
    result, known, digest = reconciled(app, series, as_known_at)
    if series and not result.series:
        raise PxlError(f"no claims in series {series!r}", "`pxl list` shows the series")
    context = dict(digest=digest, as_known_at=known, title=title)
    if output == "-":
        say(render_report(result, fmt, **context), nl=False, data=True)
        return
    write_report(result, output, fmt, **context)
    say(f"wrote {output}", err=False)


def register(group: click.Group) -> None:
    group.add_command(report)
