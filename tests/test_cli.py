"""The command line, through click's CliRunner: exit codes and messages."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import pxl.cli as cli_package
from pxl.cli.main import COMMAND_MODULES, pxl

SERIES = "afghan-government->taliban"
ARTICLE = ("The move came after the Afghan government released 100 Taliban prisoners, bringing to "
           "300 the total number of Taliban inmates freed since April 8.\n")




def record_300(run, *extra: str):
    return run("record", "--series", SERIES, "--kind", "cumulative", "--value", "300",
               "--period-start", "2020-04-08", "--as-of", "2020-04-12", "--publisher", "RFE/RL",
               "--published", "2020-04-13", "--url", "https://example.org/rferl", *extra)


def test_record_list_show(run, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)
    result = run("source", "add", str(article), "--publisher", "RFE/RL", "--published", "2020-04-13",
                 "--url", "https://example.org/rferl", "--title", "US envoy")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("recorded S1")
    again = run("source", "add", "--publisher", "RFE/RL", "--published", "2020-04-13",
                "--url", "https://example.org/rferl", "--title", "US envoy")
    assert "already recorded as S1" in again.output
    result = run("record", "--series", SERIES, "--kind", "cumulative", "--value", "300",
                 "--period-start", "2020-04-08", "--as-of", "2020-04-12", "--source", "S1",
                 "--speaker", "", "--quote", "bringing to 300 the total number of Taliban inmates freed since April 8")
    assert result.exit_code == 0, result.output
    assert "recorded C2" in result.output

    listed = json.loads(run("list", "--format", "json").output)
    assert [(c["id"], c["lo"], c["hi"], c["as_of"], c["publisher"], c["speaker"]) for c in listed] == [
        ("C2", 300, 300, "2020-04-12", "RFE/RL", None)]
    assert {"id", "ref", "series", "kind", "value", "lo", "hi", "as_of", "publisher", "speaker", "quote"} <= set(listed[0])

    shown = run("show", "C2").output
    assert "sentence   The move came after" in shown
    quote = "bringing to 300 the total number of Taliban inmates freed since April 8"
    start = ARTICLE.index(quote)
    assert f"characters {start}-{start + len(quote)} of the archived text" in shown
    assert "chain      entry 2, hash" in shown
    table = run("list", "--series", SERIES).output
    assert "C2" in table and "cumulative" in table
    csv_out = run("list", "--format", "csv").output
    assert csv_out.splitlines()[0].startswith("id,ref,series")


def test_retract_amend_and_list_marks_corrections(run):
    assert record_300(run).exit_code == 0
    result = run("amend", "C2", "--value", "about 300", "--reason", "approximate")
    assert result.exit_code == 0, result.output
    [claim] = json.loads(run("list", "--format", "json").output)
    assert (claim["status"], claim["lo"], claim["hi"], claim["corrections"]) == ("amended", 270, 330, ["X3"])
    assert run("retract", "C2", "--reason", "withdrawn").exit_code == 0
    assert json.loads(run("list", "--format", "json").output) == []
    everything = json.loads(run("list", "--all", "--format", "json").output)
    assert [c["status"] for c in everything] == ["retracted"]
    shown = run("show", "C2").output
    assert "[RETRACTED]" in shown and "correction X3 amend" in shown and "correction X4 retract" in shown


def test_verify_and_digest(run):
    record_300(run)
    digest = run("digest").output.strip()
    assert digest.startswith("2:") and len(digest) == 66
    result = run("verify", "--digest", digest)
    assert result.exit_code == 0 and result.output.startswith("ok: 2 entries")
    bad = run("verify", "--digest", "5:" + "0" * 64)
    assert bad.exit_code == 1 and "truncated" in bad.output
    malformed = run("verify", "--digest", "nonsense")
    assert malformed.exit_code == 2 and "SEQ:HASH" in malformed.output


def test_verify_names_the_tampered_entry(run, backend):
    from tests.helpers import tamper

    record_300(run)
    tamper(backend.ledger(), "UPDATE claims SET value = '301' WHERE seq = 2")
    result = run("verify")
    assert result.exit_code == 1
    assert "FAILED verification at entry 2" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--value", "lots"), "value 'lots': 'lots' is not understood"),
        (("--value", "300", "--kind", "rumour"), "Invalid value for '--kind'"),
        (("--value", "300", "--as-of", "04/05/2020"), "day first it is 2020-05-04, month first 2020-04-05"),
        (("--value", "300", "--series", "Kabul to Taliban"), "RELEASING->RELEASED"),
    ],
)
def test_bad_input_is_one_clear_message(run, args, message):
    base = {"--series": SERIES, "--kind": "cumulative", "--publisher": "X", "--published": "2020-04-13"}
    given = dict(zip(args[::2], args[1::2], strict=False))
    merged = [item for key, value in {**base, **given}.items() for item in (key, value)]
    result = run("record", *merged)
    assert result.exit_code in (1, 2)
    assert message in result.output
    assert "Traceback" not in result.output


def test_errors_for_unknown_ids_and_missing_source(run):
    assert run("show", "C9").exit_code == 1
    assert "no claim C9" in run("show", "C9").output
    result = run("record", "--series", SERIES, "--kind", "cumulative", "--value", "3")
    assert result.exit_code == 1 and "needs a source" in result.output
    result = run("record", "--series", SERIES, "--kind", "cumulative", "--value", "3", "--source", "S4")
    assert result.exit_code == 1 and "no source S4" in result.output
    assert "not a claim id" in run("retract", "bogus", "--reason", "x").output


def test_quote_not_in_document(run, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    result = record_300(run, "--document", str(article), "--quote", "released 500")
    assert result.exit_code == 1 and "does not occur in the archived text" in result.output


def test_uninitialised_and_unreachable_databases(tmp_path):
    runner = CliRunner()
    result = runner.invoke(pxl, ["--db", str(tmp_path / "none.db"), "list"])
    assert result.exit_code == 2 and "pxl init" in result.output
    assert not (tmp_path / "none.db").exists()
    result = runner.invoke(pxl, ["--db", "postgresql://nobody@127.0.0.1:1/none", "list"])
    assert result.exit_code == 2 and "cannot connect" in result.output and "Traceback" not in result.output


def test_init_then_use_via_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PXL_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    runner = CliRunner()
    assert runner.invoke(pxl, ["init"]).exit_code == 0
    assert runner.invoke(pxl, ["init"]).exit_code == 0
    assert runner.invoke(pxl, ["list"]).output.strip() == "(nothing)"


def test_wording_command_prints_grammar_and_reads(tmp_path):
    runner = CliRunner()
    table = runner.invoke(pxl, ["--vague", "dozens=12-99", "wording"]).output
    assert "dozens" in table and "[12, 99]" in table
    result = runner.invoke(pxl, ["--tolerance", "20%", "wording", "about 100", "more than four thousand"])
    assert result.exit_code == 0
    assert "'about 100': [80, 120]" in result.output and "[4001, open]" in result.output
    assert runner.invoke(pxl, ["wording", "lots"]).exit_code == 1
    assert "dozens=24-99" in runner.invoke(pxl, ["--help"]).output


def test_every_command_is_mapped_to_the_module_that_registers_it():
    """Commands load lazily by name: the map must name every command, in its module."""
    group = click.Group()
    modules = {path.stem for path in Path(cli_package.__file__).parent.glob("*.py") if "def register(" in path.read_text()}
    for module in modules:
        importlib.import_module(f"pxl.cli.{module}").register(group)
    assert {module for module, _summary in COMMAND_MODULES.values()} == modules
    assert {name: command.callback.__module__ for name, command in group.commands.items()} == {
        name: f"pxl.cli.{module}" for name, (module, _summary) in COMMAND_MODULES.items()
    }
