"""Generated parts of docs/: the CLI reference from click's own help, the grammar table
from the grammar's own rows. One source of truth each; a test fails when docs/ is stale.

    python -m pxl.cli.docs            # rewrite the generated blocks in docs/
    python -m pxl.cli.docs --check    # exit 1 naming every stale block

A generated block sits between ``<!-- BEGIN GENERATED: NAME -->`` and
``<!-- END GENERATED: NAME -->``; the text around the blocks is written by hand and kept.
A command without a block in docs/cli.md gets a new section at the end of the file; the
block of a command that no longer exists is removed.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import click

WIDTH = 100  # help is wrapped at a fixed width so the text does not depend on the terminal
BLOCK = re.compile(
    r"<!-- BEGIN GENERATED: (?P<name>[^>]+?) -->\n(?P<body>.*?)<!-- END GENERATED: (?P=name) -->\n",
    re.DOTALL,
)


def command_helps(root: click.Command | None = None) -> Iterator[tuple[str, str]]:
    """(``pxl CMD SUB``, help text) of the group and every command under it, depth first,
    in the order ``--help`` lists them."""
    if root is None:
        from .main import pxl as root

    def walk(command: click.Command, ctx: click.Context) -> Iterator[tuple[str, str]]:
        yield ctx.command_path, command.get_help(ctx)
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                if sub is None or getattr(sub, "hidden", False):
                    continue
                yield from walk(sub, click.Context(sub, info_name=name, parent=ctx,
                                                   terminal_width=WIDTH, max_content_width=WIDTH))

    yield from walk(root, click.Context(root, info_name="pxl", terminal_width=WIDTH,
                                        max_content_width=WIDTH))


def cli_blocks() -> dict[str, str]:
    return {path: f"```\n$ {path} --help\n{text.rstrip()}\n```\n" for path, text in command_helps()}


def grammar_blocks() -> dict[str, str]:
    from pxl.ledger.wording import DEFAULT_CONFIG, grammar_table

    def cell(text: str) -> str:
        return "`" + text.replace("|", "\\|") + "`" if text else ""

    rows = ["| wording | interval |", "|---|---|"]
    rows += [f"| {cell(w)} | {cell(i)} |" for w, i in grammar_table(DEFAULT_CONFIG)]
    return {"grammar table": "\n".join(rows) + "\n"}


def render(text: str, blocks: dict[str, str], *, add_missing: bool) -> str:
    """``text`` with every generated block replaced by its current content."""
    seen: set[str] = set()

    def replace(match: re.Match) -> str:
        name = match["name"]
        if name not in blocks:
            return ""
        seen.add(name)
        return _block(name, blocks[name])

    text = BLOCK.sub(replace, text)
    if add_missing:
        for name, body in blocks.items():
            if name not in seen:
                text = text.rstrip("\n") + f"\n\n## `{name}`\n\n{_block(name, body)}"
    return text


def _block(name: str, body: str) -> str:
    return f"<!-- BEGIN GENERATED: {name} -->\n{body}<!-- END GENERATED: {name} -->\n"


def documents(docs: Path) -> dict[Path, tuple[dict[str, str], bool]]:
    """Each generated file -> (its blocks, whether missing blocks are appended)."""
    return {docs / "cli.md": (cli_blocks(), True), docs / "grammar.md": (grammar_blocks(), False)}


def stale(docs: Path) -> list[str]:
    """What is out of date in ``docs``: one line per file, empty when all is current."""
    problems = []
    for path, (blocks, add_missing) in documents(docs).items():
        text = path.read_text(encoding="utf-8")
        present = {m["name"] for m in BLOCK.finditer(text)}
        missing = sorted(set(blocks) - present)
        if missing:
            problems.append(f"{path}: no section for {', '.join(missing)}")
        elif render(text, blocks, add_missing=add_missing) != text:
            problems.append(f"{path}: a generated block is out of date")
    return problems


def write(docs: Path) -> None:
    for path, (blocks, add_missing) in documents(docs).items():
        text = path.read_text(encoding="utf-8")
        new = render(text, blocks, add_missing=add_missing)
        if new != text:
            path.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    rest = [a for a in args if a != "--check"]
    docs = Path(rest[0]) if rest else Path(__file__).resolve().parent.parent / "docs"  # the checkout's
    if not (docs / "cli.md").is_file():
        print(f"no docs/cli.md in {docs}: run this in a checkout, or name the docs folder", file=sys.stderr)
        return 2
    if check:
        problems = stale(docs)
        for line in problems:
            print(line, file=sys.stderr)
        if problems:
            print("regenerate with: python -m pxl.cli.docs", file=sys.stderr)
        return 1 if problems else 0
    write(docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
