"""pxl: the prisoner-exchange reconciliation ledger, as a Python API.

    import pxl
    ledger = pxl.open("sqlite:///afghanistan.db")

Importing ``pxl`` is cheap: the database layer and pandas load when first used.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("pxl")
except PackageNotFoundError:  # a checkout that was never installed
    __version__ = "0+unknown"

# In a checkout the subpackages are the top-level folders beside this one (the wheel puts
# them inside it): let a checkout or a git worktree import its own copy without installing.
from pathlib import Path as _Path

_checkout = _Path(__file__).resolve().parent.parent
if not (_Path(__file__).parent / "ledger").is_dir() and (_checkout / "setup.py").is_file():
    __path__.append(str(_checkout))
