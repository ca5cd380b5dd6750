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
