"""``pxl import``: figures in bulk from CSV, JSON Lines or a spreadsheet, all or nothing."""

from __future__ import annotations

import json
import sys

import click

from pxl.ledger.english import count
from pxl.ledger.drafts import COLUMNS, REQUIRED_COLUMNS
from pxl.ledger.files import import_input, read_input
from pxl.ledger.importer import ImportReport
from pxl.ledger.sheets import FORMATS

from .context import AppContext, PxlError, date_order_option, decimal_option, pass_app
from .output import format_option, say

PROGRESS_THRESHOLD = 5_000


@click.command("import")
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--input-format", type=click.Choice(FORMATS), help="Format of FILE (default: from its name or content).")
@click.option("--dry-run", is_flag=True, help="Validate everything, write nothing.")
@click.option("--amend-by-ref", is_flag=True, help="A row whose ref is recorded with other content amends that claim.")
@click.option("--reason", default=None, help="Reason recorded on amendments (with --amend-by-ref).")
@click.option("--encoding", default=None, metavar="NAME",
              help="Text encoding of a CSV or JSONL file that is not UTF-8 (UTF-16 with a BOM is "
                   "recognised), e.g. cp1252 for Excel's 'CSV' on Windows.")
@click.option("--allow-outside", is_flag=True, help="Allow `document` paths outside the imported file's folder.")
@click.option("--recorded-by", envvar="PXL_USER", help="Who records it (env PXL_USER; default: login name).")
@format_option("text", "json", default="text")
@decimal_option
@date_order_option
@pass_app
def import_(app: AppContext, file: str, input_format, encoding, dry_run, amend_by_ref, reason, allow_outside, recorded_by, fmt) -> None:
    """Import figures from FILE (CSV, JSON Lines or .xlsx; - for stdin), all or nothing.

    Any invalid row: nothing is written, every bad row is named (line, column, text,
    reason) and the exit status is 1. Rows already recorded are recognised and skipped, so
    a growing spreadsheet can be imported again and again. `document` paths are read
    relative to FILE's folder.

    \b
    Columns (required first):
      REQUIRED_COLUMNS
      OPTIONAL_COLUMNS

    \b
    Examples:
      pxl import data/afghanistan-2020/claims.csv
      pxl import claims.xlsx --dry-run
      cat new.jsonl | pxl import - --input-format jsonl
      pxl import claims.csv --amend-by-ref --reason "spreadsheet corrections of 2020-05-01"
    """
    source = read_input(file, input_format, encoding)
    name = source.name
    show_progress = sys.stderr.isatty() and fmt != "json"
    options = dict(dry_run=dry_run, amend_by_ref=amend_by_ref, reason=reason, allow_outside=allow_outside,
                   recorded_by=recorded_by)
    ledger = app.ledger()
    if show_progress and source.lines >= PROGRESS_THRESHOLD:
        with click.progressbar(length=2 * source.lines, label=f"importing ~{source.lines:,} rows",
                               file=sys.stderr) as bar:
            report = import_input(ledger, source, progress=bar.update, **options)
    else:
        report = import_input(ledger, source, **options)
    if fmt == "json":
        say(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        if not report.ok:
            sys.exit(1)
        return
    if not report.ok:
        lines = "\n".join(f"  {e}" for e in report.errors)
        raise PxlError(
            f"{name or 'stdin'}: {count(len(report.errors), 'problem')} "
            f"in {count(len({e.line for e in report.errors}), 'row')}; nothing was written\n{lines}",
            "fix the rows named and import again (--dry-run checks without writing)",
        )
    say(_summary(report, name or "stdin"))


import_.help = (import_.help or "").replace("REQUIRED_COLUMNS", ", ".join(REQUIRED_COLUMNS)).replace(
    "OPTIONAL_COLUMNS", ", ".join(c for c in COLUMNS if c not in REQUIRED_COLUMNS))


def _summary(report: ImportReport, name: str) -> str:
    verb = "would record" if report.dry_run else "recorded"
    parts = [f"{name}: {count(report.rows, 'row')}; {verb} {count(len(report.recorded), 'new claim')}"
             + (f" ({id_ranges(report.recorded)})" if report.recorded and not report.dry_run else "")]
    if report.sources_recorded:
        parts.append(count(report.sources_recorded, "new source"))
    if report.amended:
        parts.append(f"{count(len(report.amended), 'amendment')} ({id_ranges(report.amended)})")
    if report.already_recorded:
        other = (f"; {len(report.other_columns):,} of them with other extra columns than recorded, "
                 "which stay as recorded" if report.other_columns else "")
        parts.append(f"{count(len(report.already_recorded), 'row')} already recorded (skipped{other})")
    if report.repeated_in_file:
        parts.append(f"{count(len(report.repeated_in_file), 'repeated row')} (skipped)")
    text = ", ".join(parts)
    if report.extra_columns:
        text += "; extra columns kept with each claim (`pxl show`, `extra` in JSON): " + ", ".join(report.extra_columns)
    if report.dry_run:
        text += "; nothing written (dry run)"
    elif report.head:
        text += f"; ledger head {report.head}"
    return text


def id_ranges(ids: list[str]) -> str:
    """Public ids as runs: ["C2", "C3", "C4", "C9"] -> "C2-C4, C9" (ids in recording order);
    beyond ``MAX_RUNS`` runs (a source before each claim), the first and last id and how
    the rest lie: "C2 to C1600, among other entries", so a summary stays one short line."""
    runs: list[list[str]] = []
    previous: tuple[str, int] | None = None
    for public in ids:
        prefix, number = public[:1], int(public[1:])
        if previous and runs and previous == (prefix, number - 1):
            runs[-1][1] = public
        else:
            runs.append([public, public])
        previous = (prefix, number)
    if len(runs) > MAX_RUNS:
        return f"{runs[0][0]} to {runs[-1][1]}, among other entries"
    return ", ".join(first if first == last else f"{first}-{last}" for first, last in runs)


MAX_RUNS = 6


def register(group: click.Group) -> None:
    group.add_command(import_)
