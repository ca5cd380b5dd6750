"""The command line as a new user meets it (issue 21): global options anywhere, series by
name, prefix or number, `pxl series`, `source show`, suggestions, `help`, clean counts,
the report's default output, the `list` table. Exit codes and exact messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pxl.cli import reporting
from pxl.cli.imports import id_ranges
from pxl.cli.main import pxl
from pxl.cli.series import match_series
from pxl.ledger.english import article, count
from tests.helpers import draft

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "afghanistan-2020" / "claims.csv"
GOV = "afghan-government->taliban"
TAL = "taliban->afghan-government"


@pytest.fixture
def sample(run):
    assert run("import", str(SAMPLE)).exit_code == 0
    return run


def bare(*args: str, **kwargs):
    """``pxl ARGS`` without the fixture's leading --db: to place --db anywhere."""
    return CliRunner().invoke(pxl, list(args), catch_exceptions=False, **kwargs)


def test_global_options_go_before_or_after_the_command(backend, sample):
    before = bare("--db", backend.url, "list", "--format", "json")
    after = bare("list", "--format", "json", "--db", backend.url)
    equals = bare("list", f"--db={backend.url}", "--format", "json")
    assert before.exit_code == after.exit_code == equals.exit_code == 0
    assert json.loads(after.output) == json.loads(before.output) == json.loads(equals.output)
    assert len(json.loads(after.output)) == 12
    # a subcommand's own options and arguments stay where they are
    shown = bare("source", "show", "S1", "--db", backend.url, "--format", "json")
    assert shown.exit_code == 0 and json.loads(shown.output)["id"] == "S1"
    # --tolerance after the command changes how "about N" is read
    wording = bare("wording", "about 100", "--tolerance", "0.2")
    assert wording.exit_code == 0 and "[80, 120]" in wording.output


def test_a_mistyped_command_gets_the_closest_one_suggested():
    result = bare("recnocile")
    assert result.exit_code == 2
    assert result.output.endswith("Error: No such command 'recnocile'. Did you mean 'reconcile'?\n")
    nothing_close = bare("zzzz")
    assert nothing_close.exit_code == 2 and nothing_close.output.endswith("Error: No such command 'zzzz'.\n")


def test_help_command_prints_the_commands_help():
    assert bare("help", "import").output == bare("import", "--help").output
    assert bare("help", "source", "add").output == bare("source", "add", "--help").output
    assert bare("help").output == bare("--help").output
    wrong = bare("help", "imprt")
    assert wrong.exit_code == 2 and wrong.output.endswith("Error: No such command 'imprt'. Did you mean 'import'?\n")


def test_series_lists_every_series_with_its_number(sample):
    result = sample("series")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["#", "series", "claims", "date", "low", "high", "discrepancies"]
    assert lines[2].split()[:6] == ["1", GOV, "9", "2020-07-27", "4,001", "open"]
    assert lines[3].split()[:6] == ["2", TAL, "3", "2020-07-27", "20", "open"]
    assert lines[-1] == "2 series, 12 claims; a number or unambiguous prefix can stand for a name"
    rows = json.loads(sample("series", "--format", "json").output)
    assert [(r["number"], r["series"], r["claims"], r["low"], r["high"]) for r in rows] == [
        (1, GOV, 9, 4001, None), (2, TAL, 3, 20, None)]
    reconciled = json.loads(sample("reconcile", "--format", "json").output)
    assert [r["discrepancies"] for r in rows] == [
        sum(d["series"] == name for d in reconciled["discrepancies"]) for name in (GOV, TAL)]


def test_series_of_an_empty_ledger(run):
    result = run("series")
    assert (result.exit_code, result.output) == (0, "no series yet: `pxl import FILE` or `pxl record` adds figures\n")


def test_a_series_is_named_by_prefix_or_number(sample):
    by_number = sample("why", "2")
    assert by_number.exit_code == 0 and by_number.stdout.startswith(f"{TAL} at 2020-07-27")
    assert by_number.stderr == "series '2' taken as taliban->afghan-government\n"
    # the shell turned `--series afghan-government->taliban` into `--series afghan-government-`
    by_prefix = sample("list", "--series", "afghan-government-", "--format", "json")
    assert by_prefix.exit_code == 0
    assert by_prefix.stderr == "series 'afghan-government-' taken as afghan-government->taliban\n"
    assert {c["series"] for c in json.loads(by_prefix.stdout)} == {GOV}
    report = sample("report", "--format", "csv", "--series", "#1")
    assert report.exit_code == 0 and GOV in report.stdout and TAL not in report.stdout


def test_a_series_filter_that_matches_nothing_is_said(sample):
    listed = sample("list", "--series", "no->such")
    assert listed.exit_code == 0
    assert listed.stderr == ("warning: no series matches 'no->such'\n"
                             "Hint: `pxl series` lists the series and their numbers\n")
    assert listed.stdout == "(nothing)\n"
    out_of_range = sample("why", "3")
    assert out_of_range.exit_code == 1
    assert out_of_range.output == "Error: no series matches '3'\nHint: `pxl series` lists the series and their numbers\n"
    assert sample("reconcile", "--series", "a").exit_code == 0  # "a" is a prefix of one series only


def test_match_series_prefers_a_family_head_and_refuses_an_ambiguous_prefix():
    names = ["hamas->hostages", "hamas->hostages/israeli", "hamas->hostages/thai", "israel->prisoners"]
    assert match_series("hamas->host", names) == ("hamas->hostages", names[:3])
    assert match_series("hamas->hostages/t", names) == ("hamas->hostages/thai", ["hamas->hostages/thai"])
    assert match_series("4", names) == ("israel->prisoners", ["israel->prisoners"])
    assert match_series("0", names) == (None, [])
    assert match_series("x", names) == (None, [])
    ambiguous = ["a->b", "a->c"]
    assert match_series("a->", ambiguous) == (None, ambiguous)


def test_an_ambiguous_prefix_is_an_error_naming_the_candidates(run, tmp_path):
    rows = tmp_path / "two.csv"
    rows.write_text("series,kind,value,publisher,published\na->b,cumulative,1,P,2020-01-01\n"
                    "a->c,cumulative,2,P,2020-01-01\n")
    assert run("import", str(rows)).exit_code == 0
    result = run("list", "--series", "a->")
    assert result.exit_code == 1
    assert result.output == ("Error: series 'a->' is ambiguous: it could be a->b, a->c\n"
                             "Hint: give more of the name, or its number from `pxl series`\n")


def test_series_names_complete_in_the_shell(backend, sample, monkeypatch):
    monkeypatch.setenv("_PXL_COMPLETE", "bash_complete")
    monkeypatch.setenv("COMP_WORDS", f"pxl --db {backend.url} list --series af")
    monkeypatch.setenv("COMP_CWORD", "5")
    result = CliRunner().invoke(pxl, [], prog_name="pxl", complete_var="_PXL_COMPLETE")
    assert result.output.splitlines() == ["plain,afghan-government-\\>taliban"]


def test_source_show_prints_the_source_and_its_figures(sample):
    result = sample("source", "show", "S1")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "S1  Unidentified outlet (seed 001), published 2020-03-25"
    assert "  figures      2 effective claims:" in lines
    assert lines[-2:] == [f"    C2     {GOV}  demand '5,000'  as of 2020-03-25",
                          f"    C3     {GOV}  pledge '1,500'  as of 2020-03-25"]
    assert sample("show", "S1").output == result.output
    missing = sample("source", "show", "S99")
    assert (missing.exit_code, missing.output) == (
        1, "Error: there is no source S99\nHint: `pxl source list` shows the sources\n")


def test_import_summary_names_the_new_claims_in_clean_english(run, tmp_path):
    result = run("import", str(SAMPLE))
    assert result.exit_code == 0
    assert result.output.startswith(
        "claims.csv: 12 rows; recorded 12 new claims (C2-C3, C5, C7-C11, C13-C16), 4 new sources; ledger head 16:")
    one = tmp_path / "one.csv"
    one.write_text("series,kind,value,publisher,published\nx->y,cumulative,1,P,2020-01-01\n")
    single = run("import", str(one))
    assert single.output.startswith("one.csv: 1 row; recorded 1 new claim (C18), 1 new source; ledger head 18:")
    again = run("import", str(one))
    assert again.output == single.output.replace("1 new claim (C18), 1 new source", "0 new claims, 1 row already recorded (skipped)")


def test_one_helper_for_counts_and_articles():
    assert [count(n, "claim") for n in (0, 1, 2, 1500)] == ["0 claims", "1 claim", "2 claims", "1,500 claims"]
    assert [count(n, w) for n, w in ((1, "series"), (2, "series"), (2, "discrepancy"), (2, "batch"))] == [
        "1 series", "2 series", "2 discrepancies", "2 batches"]
    assert [article(k) for k in ("increment", "cumulative", "target", "origin alias")] == [
        "an increment", "a cumulative", "a target", "an origin alias"]
    assert id_ranges(["C2", "C3", "C5", "C7", "C8", "C9"]) == "C2-C3, C5, C7-C9"
    # Re-test: 800 claims each after its source listed all 800 ids on one line.
    assert id_ranges([f"C{n}" for n in range(2, 1602, 2)]) == "C2 to C1600, among other entries"


def test_an_increment_with_a_period_reads_in_clean_english(run):
    result = run("record", "--series", "x->y", "--kind", "pledge", "--value", "5", "--period-start", "2020-01-05",
                 "--deadline", "2020-01-04", "--as-of", "2020-01-02", "--publisher", "P", "--published", "2020-01-03")
    assert result.exit_code == 1
    assert "the period starts after the deadline (2020-01-04)" in result.output
    later = run("record", "--series", "x->y", "--kind", "increment", "--value", "5", "--as-of", "2020-02-01",
                "--publisher", "P", "--published", "2020-01-03")
    assert later.exit_code == 1
    assert "an increment figure cannot describe a date after its source was published (2020-01-03)" in later.output


def test_check_counts_in_clean_english(run, tmp_path):
    one = tmp_path / "one.csv"
    one.write_text("series,kind,value,publisher,published\nx->y,cumulative,1,P,2020-01-01\n")
    run("import", str(one))
    assert run("check").output == "ok: 1 claim in 1 series, no conflicts\n"


def test_report_to_a_terminal_goes_to_report_html(sample, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(reporting, "stdout_is_terminal", lambda: True)
    result = sample("report")
    assert result.exit_code == 0
    assert result.output == f"wrote {tmp_path / 'report.html'}\n"
    assert (tmp_path / "report.html").read_text().startswith("<!DOCTYPE html>")
    monkeypatch.setattr(reporting, "stdout_is_terminal", lambda: False)
    piped = sample("report")
    assert piped.output.startswith("<!DOCTYPE html>")


def test_markdown_on_stdout_says_it_has_no_charts(sample):
    result = sample("report", "--format", "md")
    assert result.exit_code == 0
    assert result.stderr == ("note: Markdown on stdout has no charts (they are image files); "
                             "-o report.md writes them beside it in report-charts/\n")
    assert result.stdout.startswith("# Prisoner-exchange discrepancy report\n")


def test_list_table_fits_the_terminal_and_wide_shows_everything(sample, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    result = sample("list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= 100
    assert lines[0].split() == ["id", "series", "kind", "figure", "date", "publisher", "speaker", "quote"]
    c9 = next(line for line in lines if line.startswith("C9 "))
    assert "2020-04-08..2020-04-12" in c9 and c9.rstrip().endswith("\u2026")
    assert lines[-1] == "* the publication date: the source gives no date for the figure"
    wide = sample("list", "--wide")
    c9_wide = next(line for line in wide.output.splitlines() if line.startswith("C9 "))
    assert "bringing to 300 the total number of Taliban inmates freed since April 8" in c9_wide
    assert GOV in c9_wide and "AMN (Al-Masdar News)" in c9_wide and "afg2020-003-c" in c9_wide


def test_a_narrow_list_cuts_the_wording_never_the_figure(sample, monkeypatch):
    """New-user trial: at 80 columns the figure column read 'about 5…', 'more th…'."""
    monkeypatch.setenv("COLUMNS", "80")
    lines = sample("list").output.splitlines()
    c13 = next(line for line in lines if line.startswith("C13 "))  # 'more than four thousand'
    assert "\u2265 4,001" in c13
    c10 = next(line for line in lines if line.startswith("C10 "))  # a target due 2020-03-10
    assert "due 2020-03-10 " in c10 and "due 2020-03-10*" not in c10


def test_report_format_follows_the_file_name_and_takes_markdown_as_md(sample, tmp_path):
    result = sample("report", "-o", str(tmp_path / "r.md"))
    assert result.exit_code == 0
    assert (tmp_path / "r.md").read_text().startswith("# Prisoner-exchange discrepancy report\n")
    assert (tmp_path / "r-charts").is_dir()
    result = sample("report", "--format", "Markdown", "-o", str(tmp_path / "m.txt"))
    assert result.exit_code == 0
    assert (tmp_path / "m.txt").read_text().startswith("# Prisoner-exchange discrepancy report\n")
    result = sample("report", "-o", str(tmp_path / "r.csv"))
    assert (tmp_path / "r.csv").read_text().startswith("section,series,")
    result = sample("report", "-o", str(tmp_path / "plain.txt"))
    assert (tmp_path / "plain.txt").read_text().startswith("<!DOCTYPE html>")


def test_a_narrow_list_keeps_both_ends_of_a_series_key():
    from pxl.cli.output import fit_table

    rows = [{"id": "C1", "series": "yemen-parties->detainees/by-houthis/yemeni", "quote": "x" * 80}]
    table = fit_table(rows, ["id", "series", "quote"], 40, [{"quote": 10}, {"series": 12}])
    line = table.splitlines()[-1]
    assert max(len(x) for x in table.splitlines()) <= 40
    series = line.split()[1]
    assert series.startswith("yemen-") and series.endswith("yemeni") and "\u2026" in series


def test_a_parent_with_no_claims_of_its_own_is_named_by_its_number_and_its_key(backend, run):
    """Break test: with claims only in c->d/w and c->d/x, `pxl series` numbers c->d 1,
    but --series 1 took c->d/w, 3 matched nothing and 'c->d' was 'ambiguous'."""
    ledger = backend.ledger()
    ledger.record(draft(series="c->d/w", value="5"))
    ledger.record(draft(series="c->d/x", value="10"))
    listed = [line.split()[:2] for line in run("series").output.splitlines()[2:5]]
    assert listed == [["1", "c->d"], ["2", "c->d/w"], ["3", "c->d/x"]]
    for text, name in (("1", "c->d"), ("3", "c->d/x"), ("c->d", "c->d")):
        result = run("reconcile", "--series", text)
        assert result.exit_code == 0, result.output
        assert f"== {name}  (" in result.stdout
    assert run("why", "c->d").exit_code == 0


def test_a_list_too_wide_at_every_floor_leaves_columns_out_and_says_so(sample, monkeypatch):
    """Re-test: at 80 columns a collection with date ranges printed 99-character lines."""
    monkeypatch.setenv("COLUMNS", "60")
    lines = sample("list").output.splitlines()
    note = "(not shown, for the terminal's width: quote, speaker, publisher, kind; --wide shows every column)"
    assert note in lines
    table = lines[:lines.index(note)]
    assert max(len(line) for line in table) <= 60
    assert table[0].split() == ["id", "series", "figure", "date"]
