"""docs/: the generated CLI reference and grammar table are current, and name every
command and option (as sqlite-utils checks its cog-generated reference)."""

from __future__ import annotations

from pathlib import Path

import click

from pxl.cli import docs
from pxl.cli.main import pxl

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _commands(group: click.Group, ctx: click.Context, path: str):
    yield path, group
    if isinstance(group, click.Group):
        for name in group.list_commands(ctx):
            sub = group.get_command(ctx, name)
            yield from _commands(sub, click.Context(sub, info_name=name, parent=ctx), f"{path} {name}")


def test_generated_docs_are_current():
    assert docs.stale(DOCS) == [], "run: python -m pxl.cli.docs"


def test_every_command_and_option_is_in_the_cli_reference():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    missing = []
    for path, command in _commands(pxl, click.Context(pxl, info_name="pxl"), "pxl"):
        if f"$ {path} --help\n" not in text:
            missing.append(path)
        for param in command.params:
            for opt in getattr(param, "opts", []) if isinstance(param, click.Option) else []:
                if opt not in text:
                    missing.append(f"{path} {opt}")
    assert missing == []


def test_a_new_command_gets_a_section_and_a_changed_help_is_stale(tmp_path):
    (tmp_path / "cli.md").write_text((DOCS / "cli.md").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "grammar.md").write_text((DOCS / "grammar.md").read_text(encoding="utf-8"), encoding="utf-8")
    extra = click.Command("frobnicate", help="Frobnicate the ledger.",
                          params=[click.Option(["--hard"], is_flag=True)])
    pxl.add_command(extra)
    try:
        assert any("pxl frobnicate" in line for line in docs.stale(tmp_path))
        docs.write(tmp_path)
        assert docs.stale(tmp_path) == []
        assert "--hard" in (tmp_path / "cli.md").read_text(encoding="utf-8")
        extra.help = "Frobnicate the ledger, gently."
        assert docs.stale(tmp_path) != []
    finally:
        pxl.commands.pop("frobnicate")
    docs.write(tmp_path)
    assert "$ pxl frobnicate --help" not in (tmp_path / "cli.md").read_text(encoding="utf-8")
