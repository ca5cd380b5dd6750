"""Print one of the README's two set-up commands, so CI runs exactly what the README says.

    python .ci/readme_command.py main    # the main job
    python .ci/readme_command.py tests   # the test command

Each is the first indented (code) line after the paragraph that starts with
"**The main job**" or "**The tests**"; exits 1 if the README no longer has it.
"""

import sys
from pathlib import Path

MARKERS = {"main": "**The main job**", "tests": "**The tests**"}


def command(readme: str, which: str) -> str:
    lines = readme.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(MARKERS[which]))
    return next(line.strip() for line in lines[start:] if line.startswith("    ") and line.strip())


if __name__ == "__main__":
    text = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    try:
        print(command(text, sys.argv[1]))
    except (StopIteration, KeyError, IndexError):
        sys.exit(f"README.md has no {sys.argv[1:]} command (markers: {MARKERS})")
