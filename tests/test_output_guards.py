"""Output that neither lies nor injects (issue 16, items 11-14): text a terminal would act
on is shown escaped; a CSV cell with a bare CR is quoted; names derived from series are
unique; a report is written whole or not at all."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from pxl.cli.main import pxl
from pxl.ledger.serialise import csv_writer
from pxl.ledger.terminal import visible
from pxl.reports import files
from pxl.reports.model import slug
from tests.helpers import draft

ATTACKS = ("\x1b[2J", "\x9b2J", "\r", "\u202e", "\x1b]0;pwned\x07")
DOCUMENT = "Officials said \x1b]0;pwned\x07 that 300 were freed\rby Tuesday."


def _raw_controls(text: str) -> list[str]:
    return [c for c in text if c in "\x1b\x9b\r\x07\u202e"]


def test_control_characters_reach_the_terminal_escaped(backend, monkeypatch):
    ledger = backend.ledger()
    ledger.record(draft(document_text=DOCUMENT, quote="300 were freed\rby Tuesday",
                        speaker="\x9b2J\u202eofficial"), recorded_by="\x1b[31mmallory")
    ledger.retract(2, "typo \x1b[2J here", recorded_by="\x1b[31mmallory")
    runner = CliRunner()
    monkeypatch.setenv("PXL_USER", "\x1b[2Jeve")
    for args in (["show", "C2"], ["list", "--all"], ["list", "--all", "--format", "json"],
                 ["show", "C2", "--format", "json"], ["source", "list"], ["show", "X3"],
                 ["record", "--series", "a->b", "--kind", "cumulative", "--value", "5", "--source", "S1",
                  "--speaker", "\x9b31mx"]):
        result = runner.invoke(pxl, ["--db", backend.url, *args])
        assert not _raw_controls(result.output), (args, result.output)
        assert "Traceback" not in result.output
    shown = runner.invoke(pxl, ["--db", backend.url, "show", "C2"]).output
    assert "\\u001b[2J" in shown and "\\u009b2J" in shown
    # JSON stays JSON of the very values recorded.
    listed = json.loads(runner.invoke(pxl, ["--db", backend.url, "list", "--all", "--format", "json"]).output)
    assert listed[0]["speaker"] == "\x9b2J\u202eofficial" and listed[0]["quote"] == "300 were freed\rby Tuesday"


def test_visible_escapes_exactly_what_a_terminal_acts_on():
    for attack in ATTACKS:
        assert not _raw_controls(visible(f"a{attack}b"))
    assert visible("plain text\twith tab\nand newline, \u00e9 \u0661\u0662") == "plain text\twith tab\nand newline, \u00e9 \u0661\u0662"


@pytest.mark.parametrize("cell", ["x\r=HYPERLINK(\"http://evil\")", "x\r\n+1", "x\n-1", "=1+1", "\r@SUM(A1)"])
def test_no_csv_cell_starts_a_line_with_a_formula(cell):
    from pxl.cli.output import to_csv

    text = to_csv([{"a": cell, "b": "ok"}], ["a", "b"])
    # Read with universal newlines (a bare CR ends a line): still two rows, and no cell
    # starts with a formula character.
    for newline in (None, ""):
        rows = list(csv.reader(io.StringIO(text, newline=newline)))
        assert len(rows) == 2 and rows[1][1] == "ok", text
        assert not any(c.startswith(("=", "+", "-", "@")) for row in rows for c in row), rows
    assert list(csv.reader(io.StringIO(text, newline="")))[1][0].lstrip("'") == cell


def test_the_report_csv_quotes_a_bare_cr(backend):
    ledger = backend.ledger()
    ledger.record(draft(speaker="a\r=cmd()"))
    result = CliRunner().invoke(pxl, ["--db", backend.url, "report", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output, newline=None)))
    assert not any(c.startswith("=") for row in rows for c in row), rows
    assert len({len(row) for row in rows}) == 1


def test_csv_writer_quotes_only_rows_that_need_it():
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(["a", "b"])
    writer.writerow(["a\rb", "c"])
    assert buffer.getvalue() == 'a,b\n"a\rb","c"\n'


def test_names_derived_from_series_are_unique():
    series = ["a->b-c", "a-b->c", "a->b->c", "A->b-c", "a->b/c", "a->b_c"]
    assert len({slug(s) for s in series}) == len(series)
    assert slug("afghan-government->taliban").startswith("afghan-government-taliban-")


def test_two_lookalike_series_get_their_own_charts_and_anchors(backend, tmp_path):
    ledger = backend.ledger()
    ledger.record(draft(series="a->b-c", value="10"))
    ledger.record(draft(series="a-b->c", value="20"))
    runner = CliRunner()
    md = tmp_path / "r.md"
    assert runner.invoke(pxl, ["--db", backend.url, "report", "--format", "md", "-o", str(md)]).exit_code == 0
    charts = sorted(p.name for p in (tmp_path / "r-charts").glob("*.svg"))
    assert len(charts) == 2, charts
    text = md.read_text()
    assert all(f"r-charts/{name}" in text for name in charts)
    html = runner.invoke(pxl, ["--db", backend.url, "report", "--format", "html"]).output
    ids = [slug("a->b-c"), slug("a-b->c")]
    assert all(html.count(f'id="{i}"') == 1 for i in ids)


def _full_disk(monkeypatch, after: int = 100):
    """Writes through os.fdopen fail with ENOSPC after ``after`` characters."""
    real_fdopen = os.fdopen

    class Full(io.TextIOWrapper):
        pass

    def fdopen(fd, *args, **kwargs):
        handle = real_fdopen(fd, *args, **kwargs)
        original = handle.write

        def write(text):
            original(text[:after])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        handle.write = write
        return handle

    monkeypatch.setattr(files.os, "fdopen", fdopen)


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "json"])
def test_a_full_disk_leaves_the_previous_report_untouched(backend, tmp_path, monkeypatch, fmt):
    ledger = backend.ledger()
    ledger.record(draft())
    output = tmp_path / f"report.{fmt}"
    runner = CliRunner()
    assert runner.invoke(pxl, ["--db", backend.url, "report", "--format", fmt, "-o", str(output)]).exit_code == 0
    good = output.read_bytes()
    ledger.record(draft(value="400"))
    _full_disk(monkeypatch)
    result = runner.invoke(pxl, ["--db", backend.url, "report", "--format", fmt, "-o", str(output)])
    assert result.exit_code == 1 and "No space left on device" in result.output, result.output
    assert "untouched" in result.output and "Traceback" not in result.output
    assert output.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary left


def test_a_report_that_cannot_be_written_at_all_says_so(backend, tmp_path, monkeypatch):
    ledger = backend.ledger()
    ledger.record(draft())
    _full_disk(monkeypatch, after=0)
    output = tmp_path / "new.html"
    result = CliRunner().invoke(pxl, ["--db", backend.url, "report", "-o", str(output)])
    assert result.exit_code == 1 and "nothing was written" in result.output and not output.exists()


def test_markdown_charts_on_a_full_disk_are_a_message(backend, tmp_path, monkeypatch):
    import matplotlib.figure

    ledger = backend.ledger()
    ledger.record(draft())

    def no_space(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", no_space)
    output = tmp_path / "r.md"
    output.write_text("good")
    result = CliRunner().invoke(pxl, ["--db", backend.url, "report", "--format", "md", "-o", str(output)])
    assert result.exit_code == 1 and "No space left" in result.output and "Traceback" not in result.output
    assert output.read_text() == "good"
    assert Path(output).exists()
