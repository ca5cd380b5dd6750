"""``pxl report``: a discrepancy report a fact-checker can publish or attach to a memo."""

from __future__ import annotations

from pathlib import Path

import click

from pxl.reports.files import DEFAULT_TITLE, FORMATS, SUFFIXES, render_report, write_report

from .context import PxlError, pass_app
from .reconciling import reconciled_whole
from .output import say
from .series import resolve_series, series_option


@click.command()
@series_option
@click.option("--as-known-at", metavar="TIMESTAMP", help="Report only what had been recorded by then.")
@click.option("--format", "fmt", type=click.Choice([*FORMATS, "markdown"], case_sensitive=False), default=None,
              help="Report format (markdown = md). Default: from the -o file's suffix "
                   "(.html, .md, .csv, .json), else html.")
@click.option("-o", "--output", type=click.Path(writable=True, allow_dash=True), default=None, metavar="FILE",
              help="File to write; - for stdout. Default: stdout, except that HTML for a terminal goes "
                   "to report.html. Markdown charts go beside the file as SVG and PNG.")
@click.option("--title", default=DEFAULT_TITLE, show_default=True)
@pass_app
def report(app, series, as_known_at, fmt, output, title) -> None:
    """Render the reconciliation as a report: summary, timeline charts, discrepancies
    with their claims, exclusions, a provenance appendix and the ledger digest.

    HTML is one self-contained file (charts inline as SVG; no network, no scripts).
    Without -o, HTML for a terminal is written to report.html (and the command says
    where); piped or redirected, the report goes to stdout.

    \b
    Examples:
      pxl report --format html -o report.html
      pxl report -o report.md                    # Markdown; charts in report-charts/
      pxl report --format csv --series "afghan-government->taliban"
    """
    fmt = report_format(fmt, output)
    if output is None:
        output = TERMINAL_HTML if fmt == "html" and stdout_is_terminal() else "-"
    if output != "-" and not Path(output).resolve().parent.is_dir():
        raise PxlError(f"cannot write {output}: the folder {Path(output).parent} does not exist")
    series = resolve_series(app, series, required=True)
    whole = reconciled_whole(app, series, as_known_at)
    result, known, digest = whole.reconciliation, whole.as_known_at, whole.digest
    if series and not result.series:
        raise PxlError(f"no claims in series {series!r}" + (f" as known at {known}" if known else ""),
                       "`pxl series` lists the series")
    context = dict(digest=digest, as_known_at=known, title=title, family=whole.family)
    if output == "-":
        if fmt == "md" and result.series:
            say(MD_WITHOUT_CHARTS, err=True)
        say(render_report(result, fmt, **context), nl=False, data=True)
        return
    write_report(result, output, fmt, **context)
    say(f"wrote {Path(output).resolve() if output == TERMINAL_HTML else output}")


def report_format(fmt: str | None, output: str | None) -> str:
    """The format asked for (``markdown`` is ``md``), else the one the file's suffix names,
    else HTML."""
    if fmt is not None:
        return "md" if fmt.lower() == "markdown" else fmt.lower()
    if output and output != "-":
        return SUFFIXES.get(Path(output).suffix.lower(), "html")
    return "html"


TERMINAL_HTML = "report.html"
MD_WITHOUT_CHARTS = ("note: Markdown on stdout has no charts (they are image files); "
                     "-o report.md writes them beside it in report-charts/")


def stdout_is_terminal() -> bool:
    """Whether stdout is a terminal (a report is then written to a file, not printed)."""
    return click.get_text_stream("stdout").isatty()


def register(group: click.Group) -> None:
    group.add_command(report)
