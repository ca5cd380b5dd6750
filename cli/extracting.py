"""``pxl extract``: candidate figures from an article's text, in the import format."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import click

from pxl.ledger.errors import LedgerError
from pxl.ledger.extract import extract, parse_parties

from .context import PxlError, pass_app
from .documents import read_document
from .output import to_csv, say

COLUMNS = ("series", "kind", "value", "lo", "hi", "as_of", "period_start", "deadline", "publisher",
           "published", "title", "url", "document", "speaker", "quote", "start", "end", "confidence", "reason")


@click.command("extract")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--publisher", help="Publisher of the article (copied into every row).")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date: dates like 'on Sunday' are read relative to it.")
@click.option("--url", help="Address of the article.")
@click.option("--title", help="Title of the article.")
@click.option("--parties", metavar="A,B", help="The two sides, as series slugs, to guess the series: "
              "'afghan-government=Kabul|Ghani,taliban' (after = extra names for a side).")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (default stdout); "
              "the document column is then relative to this file's folder.")
@pass_app
def extract_command(app, file, publisher, published, url, title, parties, fmt, output) -> None:
    """Propose the prisoner figures in an article (FILE, - for stdin) for a person to
    confirm: each as a row of the import format, with the figure's wording and interval,
    the sentence or clause quoted, the character offsets of the figure, a guessed kind,
    series (with --parties), speaker, as_of, and a confidence with the reason.

    Edit the file (delete wrong rows, fix guesses), then `pxl import` it: the `document`
    column points at the article, so its text is archived and every quote checked.

    \b
    Example:
      pxl extract article.txt --publisher "RFE/RL" --published 2020-04-13 \\
          --parties "afghan-government=Kabul|Ghani,taliban" -o candidates.csv
      pxl import candidates.csv
    """
    text = read_document(file)
    try:
        when = date.fromisoformat(published) if published else None
    except ValueError:
        raise PxlError(f"--published {published!r} is not a date", "use YYYY-MM-DD") from None
    try:
        sides = parse_parties(parties)
    except ValueError as error:
        raise LedgerError(str(error)) from None
    if parties and len(sides) != 2:
        raise PxlError("--parties needs exactly two sides, e.g. 'afghan-government,taliban'")
    document = None
    if file != "-":
        document = os.path.relpath(Path(file).resolve(), Path(output).resolve().parent) if output else file
    rows = []
    for candidate in extract(text, published=when, parties=sides, config=app.wording):
        rows.append({
            "series": candidate.series, "kind": candidate.kind, "value": candidate.value,
            "lo": candidate.lo, "hi": candidate.hi,
            "as_of": candidate.as_of.isoformat() if candidate.as_of else None,
            "period_start": candidate.period_start.isoformat() if candidate.period_start else None,
            "deadline": candidate.deadline.isoformat() if candidate.deadline else None,
            "publisher": publisher, "published": published, "title": title, "url": url,
            "document": document, "speaker": candidate.speaker, "quote": candidate.quote,
            "start": candidate.start, "end": candidate.end, "confidence": candidate.confidence,
            "reason": candidate.reason,
            "parts": [{"value": p.value, "lo": p.lo, "hi": p.hi, "role": p.role} for p in candidate.parts],
        })
    if fmt == "jsonl":
        text_out = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        # CSV keeps the import columns; a compound's parts are in its value, a breakdown's
        # in the reason.
    else:
        text_out = to_csv(rows, COLUMNS)
    if output:
        Path(output).write_text(text_out, encoding="utf-8")
        say(f"wrote {len(rows)} candidate figures to {output}", err=True)
    else:
        say(text_out, nl=False, data=True)


def register(group: click.Group) -> None:
    group.add_command(extract_command)
