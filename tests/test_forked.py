"""ledger.forked: a producer iterated in a forked child, ahead of its consumer."""

from __future__ import annotations

import gc
import os

import pytest

from pxl.ledger.errors import LedgerError
from pxl.ledger import forked
from pxl.ledger.forked import ForkedIterator, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs the fork start method")


def test_items_arrive_in_order_and_the_child_ends():
    ahead = ForkedIterator((n, str(n) * n) for n in range(2_000))
    assert list(ahead) == [(n, str(n) * n) for n in range(2_000)]
    assert not ahead._process.is_alive() and ahead._process.exitcode == 0


def test_the_child_runs_in_another_process():
    [pid] = ForkedIterator(os.getpid() for _ in range(1))
    assert pid != os.getpid()


def _failing():
    yield 1
    raise ValueError("row 2 is broken")


def test_an_error_in_the_child_is_raised_here():
    received = []
    with pytest.raises(ValueError, match="row 2 is broken"):
        for item in ForkedIterator(_failing()):
            received.append(item)
    assert received == [1]


def _dying():
    yield 1
    os._exit(3)


def test_a_child_that_dies_is_a_clear_error():
    with pytest.raises(LedgerError, match="stopped unexpectedly \\(exit code 3\\)"):
        list(ForkedIterator(_dying()))


def test_stopping_early_stops_the_child():
    ahead = ForkedIterator(iter(range(10**9)))
    for n in ahead:
        if n == 5:
            break
    ahead.close()
    assert not ahead._process.is_alive()


class _Finalised:
    """Garbage that says where it is finalised (a stand-in for a leftover connection)."""

    def __init__(self, path: str):
        self.path = path
        self.cycle = self  # only the cyclic collector can free it

    def __del__(self):
        with open(self.path, "a") as marks:
            marks.write(f"{os.getpid()}\n")


def _collect(_):
    gc.collect()
    return os.getpid()


def test_workers_never_finalise_what_they_inherit(tmp_path):
    marks = tmp_path / "finalised"
    gc.disable()  # so that the cycle is still uncollected garbage when the workers fork
    try:
        _Finalised(str(marks))
        with forked.pool(2) as workers:
            worker_pids = set(workers.map(_collect, range(4)))
    finally:
        gc.enable()
    gc.collect()
    assert {int(pid) for pid in marks.read_text().split()} == {os.getpid()}
    assert os.getpid() not in worker_pids
