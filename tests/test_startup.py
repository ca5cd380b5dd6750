"""Lean start-up: ``pxl --help``, ``--version`` and shell completion load neither the
database layer nor pandas nor matplotlib; each command loads what it uses. (How long
start-up takes is measured by bench/startup.py, not here.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.utils import make_default_short_help

from pxl.cli.main import COMMAND_MODULES, pxl

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("sqlalchemy", "matplotlib", "pandas", "alembic", "jinja2", "psycopg")
PROBE = """
import json, sys
from pxl.cli.main import main
sys.argv = ["pxl", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit:
    pass
print("\\nLOADED " + json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def loaded(args: list[str], **env: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    ).stdout
    return set(json.loads(out.rsplit("LOADED ", 1)[1]))


@pytest.mark.parametrize("args", [["--help"], ["--version"], []])
def test_help_version_and_bare_pxl_load_nothing_heavy(args):
    assert loaded(args) & set(HEAVY) == set()


def test_shell_completion_loads_nothing_heavy():
    modules = loaded([], _PXL_COMPLETE="bash_complete", COMP_WORDS="pxl ", COMP_CWORD="1")
    assert modules & set(HEAVY) == set()


def test_pxl_list_loads_the_database_layer_but_no_charts_or_frames(tmp_path):
    db = f"sqlite:///{tmp_path / 'l.db'}"
    modules = loaded(["--db", db, "init"])
    assert "alembic" in modules  # init migrates
    modules = loaded(["--db", db, "list", "--format", "json"])
    assert "sqlalchemy" in modules
    assert modules & {"matplotlib", "pandas", "alembic", "jinja2"} == set()


def test_every_command_is_listed_with_the_first_sentence_of_its_help():
    ctx = click.Context(pxl)
    assert set(COMMAND_MODULES) == set(pxl.list_commands(ctx)), "register each command in COMMAND_MODULES"
    for name, entry in COMMAND_MODULES.items():
        assert not isinstance(entry, str), f"{name}: give the first sentence of its help beside its module"
        command = pxl.get_command(ctx, name)
        assert entry[1] == make_default_short_help(command.help or "", 10**6), (
            f"{name}: COMMAND_MODULES must hold the first sentence of the command's help")


def test_help_lists_the_same_text_before_and_after_a_command_is_loaded():
    from click.testing import CliRunner

    group = type(pxl)(name="pxl", lazy_commands=COMMAND_MODULES)  # nothing loaded yet
    before = CliRunner().invoke(group, ["--help"]).output
    ctx = click.Context(group)
    for name in COMMAND_MODULES:
        group.get_command(ctx, name)
    assert CliRunner().invoke(group, ["--help"]).output == before
    assert "import     Import figures from FILE" in before
