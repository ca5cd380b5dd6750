"""``pxl report``: a discrepancy report a fact-checker can publish or attach to a memo."""

from __future__ import annotations

from pathlib import Path

import click

from pxl.reports.model import build
from pxl.reports.render import to_csv, to_html, to_json, to_markdown

from .context import PxlError, pass_app
from .reconciling import reconciled


@click.command()
@click.option("--series", help="Only this series.")
@click.option("--as-known-at", metavar="TIMESTAMP", help="Report only what had been recorded by then.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "csv", "json"]), default="html",
              show_default=True, help="Report format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True), default="-",
              help="File to write (default: stdout). Markdown charts go beside it as SVG and PNG.")
@click.option("--title", default="Prisoner-exchange discrepancy report", show_default=True)
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
    from pxl.reports import (
        charts,  # matplotlib takes a third of a second to load: only here
    )

    if output != "-" and not Path(output).resolve().parent.is_dir():
        raise PxlError(f"cannot write {output}: the folder {Path(output).parent} does not exist")
    result, known, digest = reconciled(app, series, as_known_at)
    if series and not result.series:
        raise PxlError(f"no claims in series {series!r}", "`pxl list` shows the series")
    inline = {}
    if fmt == "html":
        drawn = charts.svgs([(s, _conflicted(result, s.series)) for s in result.series])
        inline = {s.series: chart for s, chart in zip(result.series, drawn, strict=True)}
    model = build(result, digest=digest, as_known_at=known, title=title, charts=inline)
    if fmt == "md":
        chart_paths = {}
        if output != "-":
            folder = Path(output).with_name(Path(output).stem + "-charts")
            folder.mkdir(exist_ok=True)
            for s in model.series:
                svg_path, _png = charts.write_files(s.result, set(s.conflicted), folder / s.slug)
                chart_paths[s.result.series] = f"{folder.name}/{svg_path.name}"
        text = to_markdown(model, chart_paths)
    else:
        text = {"html": to_html, "csv": to_csv, "json": to_json}[fmt](model)
    if output == "-":
        click.echo(text, nl=False)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        raise PxlError(f"cannot write {output}: {error.strerror or error}") from None
    click.echo(f"wrote {output}", err=False)


def _conflicted(result, series: str) -> set[int]:
    return {c.seq for d in result.conflicts if d.series == series for c in d.claims}


def register(group: click.Group) -> None:
    group.add_command(report)
