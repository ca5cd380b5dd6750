"""Start-up cost of pxl commands: CPU seconds (user + system) of the whole process,
medians of several runs, beside ``python -c pass`` and ``python -c "import sqlalchemy"``
run in the same session, round by round (the machine's speed drifts).

    python bench/startup.py [--runs 15]

Goals (issue 15): ``pxl --version`` <= 0.1 s, ``pxl --help`` <= 0.15 s, shell completion
as cheap as ``--help``, and ``pxl list`` on the sample at most 0.1 s more than importing
SQLAlchemy alone (the floor of any command that reads the ledger). Commands run as the
console script does (``from pxl.cli.main import main``) with this interpreter.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "afghanistan-2020" / "claims.csv"
PXL = "import sys; from pxl.cli.main import main; sys.argv[0] = 'pxl'; sys.exit(main())"


def cpu_seconds(args: list[str], env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "sample.db")
        env = {**os.environ, "PXL_DATABASE_URL": db}
        subprocess.run([python, "-c", PXL, "init"], env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run([python, "-c", PXL, "import", str(SAMPLE)], env=env, check=True, stdout=subprocess.DEVNULL)
        cases = {
            "python -c pass": [python, "-c", "pass"],
            'python -c "import sqlalchemy"': [python, "-c", "import sqlalchemy"],
            "pxl --version": [python, "-c", PXL, "--version"],
            "pxl --help": [python, "-c", PXL, "--help"],
            "pxl completion (bash, commands)": [python, "-c", PXL],
            "pxl list (sample, 12 claims)": [python, "-c", PXL, "list"],
        }
        completion_env = {**env, "_PXL_COMPLETE": "bash_complete", "COMP_WORDS": "pxl ", "COMP_CWORD": "1"}
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):  # round by round, so a slow minute hits every case alike
            for name, args in cases.items():
                times[name].append(cpu_seconds(args, completion_env if "completion" in name else env))
    median = {name: statistics.median(values) for name, values in times.items()}
    floor, sqlalchemy = median["python -c pass"], median['python -c "import sqlalchemy"']
    print(f"CPU seconds of the whole process, median of {runs} runs (Python {sys.version.split()[0]})")
    print(f"{'command':36} {'median':>8} {'min':>8} {'max':>8}  {'- python':>9}")
    for name, values in times.items():
        print(f"{name:36} {median[name]:8.3f} {min(values):8.3f} {max(values):8.3f}  {median[name] - floor:9.3f}")
    goals = [
        ("pxl --version <= 0.1 s", median["pxl --version"], 0.1),
        ("pxl --help <= 0.15 s", median["pxl --help"], 0.15),
        ("completion <= 0.15 s", median["pxl completion (bash, commands)"], 0.15),
        ("pxl list <= import sqlalchemy + 0.1 s", median["pxl list (sample, 12 claims)"], sqlalchemy + 0.1),
    ]
    print()
    for text, value, goal in goals:
        print(f"{text:40} {value:.3f} s vs {goal:.3f} s: {'met' if value <= goal else 'NOT met'}")


if __name__ == "__main__":
    main()
