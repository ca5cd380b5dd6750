"""Same answers before and after a change: `pxl reconcile --format json` on every collection.

Imports each ``data/*/claims.csv`` into a fresh SQLite ledger (once; both versions read the
same ledger, so the digest is the same too), and a second ledger of the same claims with
every scope that has parts declared complete (the other branch of the scope rules). Runs
``python -m pxl.cli.main reconcile --format json`` with the code of a git revision
(``--before``, exported with ``git archive``) and with this working tree, and compares the
outputs byte for byte. The JSON carries no timing field. Exits 1 on any difference.

With ``--ignore-named`` the claims named behind a bound may differ (any set of claims the
bound follows from is a valid answer: docs/reconciliation.md, "Why"): ``low_claims``,
``high_claims`` and their totals are left out of the comparison, and in the messages of
the discrepancies that name the claims setting a bound (``over_target``, ``shortfall``)
the claim ids and the claims listed; bounds, conflicts, exclusions and every figure must
still agree. It says how many estimates name other claims.

    python bench/same_answers.py                  # main against this working tree
    python bench/same_answers.py --ignore-named
    python bench/same_answers.py --before da1d020 --keep /tmp/answers
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cli(tree: Path, db: Path, *args: str) -> bytes:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-m", "pxl.cli.main", "--db", f"sqlite:///{db}", *args],
                          cwd=tree, env=env, capture_output=True)
    if done.returncode not in (0, 1):  # reconcile exits 1 when it finds discrepancies
        raise SystemExit(f"{' '.join(args)} on {db} failed ({done.returncode}):\n{done.stderr.decode()}")
    return done.stdout


def export(rev: str, into: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def parents_with_parts(claims_file: Path) -> list[str]:
    with open(claims_file, newline="") as handle:
        series = {row["series"] for row in csv.DictReader(handle)}
    return sorted({name.rsplit("/", 1)[0] for name in series if "/" in name})


def ledgers(work: Path) -> list[Path]:
    made = []
    for claims_file in sorted(ROOT.glob("data/*/claims.csv")):
        for variant in ("as-recorded", "complete"):
            db = work / f"{claims_file.parent.name}-{variant}.db"
            cli(ROOT, db, "init")
            cli(ROOT, db, "import", str(claims_file))
            if variant == "complete":
                parents = parents_with_parts(claims_file)
                if not parents:
                    db.unlink()
                    continue
                for parent in parents:
                    cli(ROOT, db, "declare", "complete", parent, "--reason", "same-answers check",
                        "--recorded-by", "bench")
            made.append(db)
    return made


NAMED = ("low_claims", "low_claims_total", "high_claims", "high_claims_total")
NAMING = ("over_target", "shortfall")  # discrepancies that name the claims setting a bound


def without_named(output: bytes) -> tuple[bytes, list]:
    """The JSON without the claims named behind bounds, and those names, in order."""
    data = json.loads(output)
    names: list = []

    def strip(node):
        if isinstance(node, dict):
            if "low" in node and "low_claims" in node:
                names.append([node.get(key) for key in NAMED])
                for key in NAMED:
                    node.pop(key, None)
            for value in node.values():
                strip(value)
        elif isinstance(node, list):
            for value in node:
                strip(value)

    strip(data.get("series", []))
    for found in data.get("discrepancies", []):
        if found.get("type") in NAMING:
            names.append([found.get("message"), found.get("claims")])
            found["message"] = re.sub(r"\bC\d+\b", "C?", found.get("message", ""))
            found.pop("claims", None)
    return json.dumps(data, indent=1, sort_keys=True).encode(), names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="main", help="git revision to compare with (default: main)")
    parser.add_argument("--keep", help="directory to keep the ledgers and outputs in")
    parser.add_argument("--ignore-named", action="store_true",
                        help="allow other claims named behind a bound (see above)")
    args = parser.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="same-answers-"))
    work.mkdir(parents=True, exist_ok=True)
    before_tree = export(args.before, work / "before-tree")
    differing = 0
    for db in ledgers(work):
        before = cli(before_tree, db, "reconcile", "--format", "json")
        after = cli(ROOT, db, "reconcile", "--format", "json")
        (work / f"{db.stem}.before.json").write_bytes(before)
        (work / f"{db.stem}.after.json").write_bytes(after)
        renamed = ""
        if args.ignore_named:
            (before, named_before), (after, named_after) = without_named(before), without_named(after)
            changed = sum(a != b for a, b in zip(named_before, named_after, strict=False))
            renamed = f"  ({changed} of {len(named_before)} bounds name other claims)"
        same = before == after
        differing += not same
        print(f"{db.stem:45} {len(before):>9} bytes  {'identical' if same else 'DIFFERENT'}{renamed}")
        if not same:
            diff = difflib.unified_diff(before.decode().splitlines(), after.decode().splitlines(),
                                        "before", "after", lineterm="", n=2)
            print("\n".join(list(diff)[:40]))
    print(f"{differing} of the outputs differ" if differing else
          "every output is identical" + (" but for the claims named behind bounds" if args.ignore_named else
                                         " byte for byte"))
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
