"""Stdout closed to the linear-programming solver while it runs.

HiGHS (through SciPy and highspy) writes its banner when a model is made, and SciPy
1.17's MIP presolve a stray debug line, from C++ straight to file descriptor 1, past
sys.stdout: they would land inside `pxl reconcile --format json`. Descriptor 1 is pointed
at /dev/null meanwhile (presolve itself is kept: without it the set-aside search took
50 s instead of 0.4 s on the 2025 Israel-Hamas collection).
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def solver_quiet() -> Iterator[None]:
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # pragma: no cover - no stdout to protect
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
