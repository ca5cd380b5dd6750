"""Output formats shared by every listing command (``--format``), datasette-style."""

from __future__ import annotations

import io
import sys
import json
from typing import Any, Callable, Iterable, Sequence

import click

from pxl.ledger.serialise import csv_writer, neutralise
from pxl.ledger.terminal import visible


def say(text: str, *, err: bool = False, nl: bool = True, data: bool = False) -> None:
    """Every line pxl prints goes through here: characters a terminal would act on are
    shown escaped (:func:`~pxl.ledger.serialise.visible`). ``data``: an export (CSV, a
    report, extracted rows) that is exact when written to a pipe or file, and escaped
    only on a terminal. JSON is always escaped: the escape is JSON's own."""
    stream = sys.stderr if err else sys.stdout
    if not (data and not stream.isatty()):
        text = visible(text)
    click.echo(text, err=err, nl=nl)


def format_option(*choices: str, default: str = "table") -> Callable:
    """``--format`` with the given choices, shared by decorator."""

    def decorator(function: Callable) -> Callable:
        return click.option(
            "--format", "fmt", type=click.Choice(choices, case_sensitive=False), default=default,
            show_default=True, help="Output format.",
        )(function)

    return decorator


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        value = " ".join(str(v) for v in value)
    elif isinstance(value, dict):  # a claim's extra columns
        value = json.dumps(value, ensure_ascii=False) if value else ""
    return neutralise(value)


def to_table(rows: Iterable[dict[str, Any]], columns: Sequence[str], width: int = 48) -> str:
    def cell(value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, (list, tuple)):
            value = " ".join(str(v) for v in value)
        text = visible(str(value).replace("\n", " "))
        return text if len(text) <= width else text[: width - 1] + "\u2026"

    body = [[cell(row.get(c)) for c in columns] for row in rows]
    from tabulate import tabulate  # only for tables (it loads wcwidth where that is installed)

    return tabulate(body, headers=list(columns), tablefmt="simple", disable_numparse=True)


GAP = 2  # tabulate's "simple" format puts two spaces between columns
HEADER_PADDING = 2  # and makes a column at least its header plus two wide
ELLIPSIS = "\u2026"


def terminal_width() -> int:
    """The width to fit tables to: the terminal's, ``COLUMNS`` when set, else 100."""
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


def fit_table(rows: list[dict[str, Any]], columns: Sequence[str], width: int,
              shrink: Sequence[dict[str, int]]) -> str:
    """A plain table of ``rows`` no wider than ``width``. ``shrink`` is a list of stages,
    each naming columns and the narrowest each may get: within a stage the widest column
    gives up a character at a time (its cells cut with an ellipsis) until the table fits
    or each is at its floor; only then does the next stage start."""
    cells = [[_one_line(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c) + HEADER_PADDING] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    excess = sum(widths) + GAP * (len(columns) - 1) - width
    for stage in shrink:
        floors = {list(columns).index(n): max(narrowest, len(n) + HEADER_PADDING)
                  for n, narrowest in stage.items() if n in columns}
        while excess > 0:
            # the widest column still above its floor gives up a character (ties: the first named)
            roomy = [i for i in floors if widths[i] > floors[i]]
            if not roomy:
                break
            widest = max(roomy, key=lambda i: widths[i])
            widths[widest] -= 1
            excess -= 1
    cut = [_cut_middle if c in MIDDLE_CUT else _cut_end for c in columns]
    body = [[text if len(text) <= widths[i] else cut[i](text, widths[i]) for i, text in enumerate(r)]
            for r in cells]
    from tabulate import tabulate

    return tabulate(body, headers=list(columns), tablefmt="simple", disable_numparse=True)


# A series key says most at both ends: the family first, the scope last
# (`yemen-parties->d…/by-houthis/yemeni`); other cells keep their start.
MIDDLE_CUT = frozenset({"series"})


def _cut_end(text: str, width: int) -> str:
    return text[: width - 1] + ELLIPSIS


def _cut_middle(text: str, width: int) -> str:
    head = (width - 1) // 2
    return text[:head] + ELLIPSIS + text[len(text) - (width - 1 - head):]


def _one_line(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = " ".join(str(v) for v in value)
    return " ".join(str(value).split())


def emit(rows: list[dict[str, Any]], fmt: str, table_columns: Sequence[str], all_columns: Sequence[str] | None = None) -> None:
    fmt = fmt.lower()
    if fmt == "json":
        say(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for row in rows:
            say(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        say(to_csv(rows, all_columns or (list(rows[0]) if rows else table_columns)), nl=False, data=True)
    else:
        if rows:
            say(to_table(rows, table_columns))
        else:
            say("(nothing)")
