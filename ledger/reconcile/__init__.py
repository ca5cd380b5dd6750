"""Reconciliation: which figures cannot all be true, what can be concluded, and why.

Pure: takes effective claims (domain objects), returns a :class:`Reconciliation`.
"""

from .engine import (
    BoundPaths,
    Discrepancy,
    Estimate,
    Exclusion,
    Reconciliation,
    SeriesResult,
    reconcile,
)

__all__ = [
    "BoundPaths", "Discrepancy", "Estimate", "Exclusion", "Reconciliation", "SeriesResult", "reconcile",
]
