"""Report renderers: Markdown, HTML (one self-contained file), CSV and JSON.

Templates are Jinja2 (``reports/templates``). HTML autoescapes everything taken from
sources; Markdown escapes what a Markdown renderer would read as markup or raw HTML; CSV
neutralises cells a spreadsheet would run as formulas. The chart SVG is produced by
matplotlib, which escapes its own text.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from pxl.ledger.english import count
from pxl.ledger.reconcile.explain import bound, number, statement
from pxl.ledger.serialise import csv_writer, neutralise

from .model import Report, figure_dict, slug
from .reconciliation import basis, estimate_dict, series_dict, setters

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def md(value: Any) -> str:
    """Text safe inside a Markdown table cell: one line, markup characters backslash-escaped,
    and ``<`` as an entity, which every renderer shows as text and none reads as a tag."""
    if value is None:
        return ""
    text = " ".join(str(value).split()).replace("&", "&amp;").replace("<", "&lt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _high(value: int | None) -> str:
    return "open" if value is None else number(value)


def figure(claim) -> str:
    """A claim's interval in words: "1,500", "≥ 4,001", "between 900 and 1,100"."""
    return bound(claim.lo, claim.hi).removeprefix("= ")


def href(url: str | None) -> str:
    """The url if a browser may follow it (http or https), else "": a recorded url such as
    ``javascript://...`` must never become a link in a report."""
    if url and re.match(r"^https?://", url, flags=re.IGNORECASE):
        return url
    return ""


def mdurl(url: str | None) -> str:
    """A URL safe as a Markdown link destination: anything that could end the link or a
    table cell, or open raw HTML, is percent-encoded."""
    return quote(href(url), safe=":/?#@!$&'*+,;=%~-._")


def key_parts(series: str) -> list[str]:
    """A series key cut where a line may break: after ``->`` and ``/`` ("afghan-government->",
    "taliban"), never inside a name."""
    return [part for part in re.split(r"(?<=->)|(?<=/)", series) if part]


def counted(n: int, noun: str) -> str:
    return count(n, noun)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("pxl.reports", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(key_parts=key_parts, count=counted, slug=slug, md=md, mdurl=mdurl, href=href, setters=setters, basis=basis, number=number, high=_high, figure=figure, statement=statement)
    return env


ENVIRONMENT = _environment()


def to_markdown(report: Report, chart_paths: dict[str, str] | None = None) -> str:
    """Markdown; ``chart_paths`` maps a series to its chart image, relative to the file."""
    return ENVIRONMENT.get_template("report.md.j2").render(report=report, charts=chart_paths or {})


def to_html(report: Report) -> str:
    charts = {}
    for s in report.series:
        if s.chart_svg:  # one SVG, or (wide, narrow): the page shows the one that fits its width
            wide, narrow = (s.chart_svg, None) if isinstance(s.chart_svg, str) else s.chart_svg
            charts[s.result.series] = Markup('<div class="wide">') + Markup(wide) + Markup("</div>") + (
                Markup('<div class="narrow">') + Markup(narrow) + Markup("</div>") if narrow else Markup(""))
    return ENVIRONMENT.get_template("report.html.j2").render(report=report, charts=charts)


def to_dict(report: Report) -> dict[str, Any]:
    by_id = {}
    for summary in report.series:
        data = series_dict(summary.result)
        data["progress_text"] = summary.progress_text
        data["discrepancies"] = len(summary.discrepancies)
        by_id[summary.result.series] = data
    return {
        "title": report.title,
        "as_known_at": report.as_known_at,
        "digest": report.digest,
        "series": list(by_id.values()),
        "discrepancies": [
            {"type": d.type, "series": d.series, "message": d.message,
             "claims": [figure_dict(c, report) for c in d.claims]}
            for d in report.discrepancies
        ],
        "provenance": [figure_dict(c, report) for c in report.figures],
    }


def to_json(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ("section", "series", "date", "low", "best", "high", "type", "claim", "ref", "statement",
               "value", "lo", "hi", "as_of", "publisher", "published", "speaker", "origin", "single_origin", "quote",
               "quote_start", "quote_end", "url", "document_sha256", "excluded", "message")


def to_csv(report: Report) -> str:
    """One table: estimate rows, discrepancy rows (one per claim) and provenance rows."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(CSV_COLUMNS)

    def put(row: dict[str, Any]) -> None:
        writer.writerow(["" if row.get(k) is None else neutralise(row[k]) for k in CSV_COLUMNS])

    for summary in report.series:
        for estimate in summary.result.estimates:
            put({"section": "estimate", "series": summary.result.series, **estimate_dict(estimate)})
    for discrepancy in report.discrepancies:
        for claim in discrepancy.claims:
            figure = figure_dict(claim, report)
            put({"section": "discrepancy", "type": discrepancy.type, "message": discrepancy.message,
                 "claim": figure["id"], **{k: v for k, v in figure.items() if k in CSV_COLUMNS}})
    for claim in report.figures:
        figure = figure_dict(claim, report)
        put({"section": "figure", "claim": figure["id"], **{k: v for k, v in figure.items() if k in CSV_COLUMNS}})
    return buffer.getvalue()
