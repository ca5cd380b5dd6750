"""pxl: the prisoner-exchange reconciliation ledger, as a Python API.

    import pxl
    ledger = pxl.open("sqlite:///afghanistan.db")

Importing ``pxl`` is cheap: the database layer and pandas load when first used.
"""

from __future__ import annotations

# In a checkout the subpackages are the top-level folders beside this one (the wheel puts
# them inside it): let a checkout or a git worktree import its own copy without installing.
from pathlib import Path as _Path

_checkout = _Path(__file__).resolve().parent.parent
if not (_Path(__file__).parent / "ledger").is_dir() and (_checkout / "setup.py").is_file():
    __path__.append(str(_checkout))


def open(url=None, *, create=False, tolerance=None, vague=None, decimal_comma=None):  # noqa: A001 (pxl.open, as the SPEC names it)
    """The ledger at ``url``: see :func:`pxl.api.open_ledger`."""
    from .api import open_ledger

    return open_ledger(url, create=create, tolerance=tolerance, vague=vague, decimal_comma=decimal_comma)


_LAZY = {"Ledger": "api", "Reconciled": "api", "ImportRefused": "api", "known_at": "api", "frames": None}


def __getattr__(name: str):
    if name == "__version__":
        from ._version import __version__

        return __version__
    if name in ("LedgerError", "LedgerWarning"):
        from .ledger import errors

        return getattr(errors, name)
    if name in _LAZY:
        import importlib

        module = importlib.import_module(f".{_LAZY[name] or name}", __name__)
        return module if _LAZY[name] is None else getattr(module, name)
    raise AttributeError(f"module 'pxl' has no attribute {name!r}")


__all__ = ["open", "Ledger", "Reconciled", "ImportRefused", "LedgerError", "LedgerWarning", "known_at"]
