"""Running a producer in a forked process, ahead of the consumer.

A large import spends about as long reading and validating rows as appending, hashing
and writing them. :class:`ForkedIterator` runs the first half in a forked child on another
core: the child iterates the producer and sends each item through a pipe. A thread here
takes the messages off the pipe as they come (reading releases the GIL), up to AHEAD
items, so the child is not held up while this process is busy in a long write. The child
never touches the database: it inherits the parent's connections but leaves through
``os._exit`` (as every multiprocessing child does), so nothing is closed or rolled back
under the parent's feet.

:func:`pool` forks the worker pools of verification, reconciliation and the report's
charts the same way: with the collector frozen, so no child ever finalises what it
inherits.
"""

from __future__ import annotations

import gc
import pickle
import queue
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Generic, Iterable, Iterator, TypeVar

if TYPE_CHECKING:
    import multiprocessing.pool

from .errors import LedgerError

T = TypeVar("T")

AHEAD = 8  # items received but not yet taken: what bounds the memory reading ahead costs
_ITEM, _ERROR, _END = 0, 1, 2


def can_fork() -> bool:
    import multiprocessing  # here, not at import: most commands never fork

    return "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def collector_frozen() -> Iterator[None]:
    """Fork inside this: what the children inherit is never collected in them, so no
    finaliser of a leftover object (a database connection's, say) runs in a child on
    this process's sockets and files, and fewer pages are copied on write (the order
    Python's documentation of ``gc.freeze`` recommends)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def pool(workers: int, **options: Any) -> "multiprocessing.pool.Pool":
    """A pool of ``workers`` forked processes, forked with the collector frozen."""
    import multiprocessing.pool

    with collector_frozen():
        return multiprocessing.get_context("fork").Pool(workers, **options)


class ForkedIterator(Generic[T]):
    """The items of ``producer``, iterated in a child forked now (so before the caller
    opens a transaction). An exception in the child is raised here; closing early (or an
    error here) stops the child."""

    def __init__(self, producer: Iterable[T]):
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_produce, args=(producer, sender, self._receiver), daemon=True)
        with collector_frozen():
            self._process.start()
        sender.close()
        self._finished = False
        self._received: queue.Queue[bytes | None] = queue.Queue(AHEAD)
        self._pump = threading.Thread(target=self._take_messages, name="read-ahead", daemon=True)
        self._pump.start()

    def _take_messages(self) -> None:
        try:
            while True:
                self._received.put(self._receiver.recv_bytes())
        except (EOFError, OSError):  # the child is done, or gone
            self._received.put(None)

    def __iter__(self) -> Iterator[T]:
        try:
            while True:
                message = self._received.get()
                if message is None:
                    self._process.join(5)
                    raise LedgerError(
                        f"the process reading ahead stopped unexpectedly (exit code {self._process.exitcode})",
                        "try again; if it happens again, report it with the file",
                    )
                tag, item = pickle.loads(message)
                if tag == _ITEM:
                    yield item
                elif tag == _ERROR:
                    raise item
                else:
                    self._finished = True
                    return
        finally:
            self.close()

    def close(self) -> None:
        """Stop the child (a finished one is left to exit on its own) and reap it."""
        if self._finished:
            self._process.join(5)
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        while self._pump.is_alive():  # it ends at the end of the pipe; make room to get there
            try:
                self._received.get(timeout=0.1)
            except queue.Empty:
                pass
        self._receiver.close()


def _produce(producer: Iterable, sender, receiver) -> None:
    # The child's copy of the reading end must go: while it is open, a parent that dies
    # (even by SIGKILL) leaves this process blocked on a full pipe rather than told.
    receiver.close()
    try:
        for item in producer:
            sender.send((_ITEM, item))
        sender.send((_END, None))
    except BrokenPipeError:  # the parent stopped listening
        return
    except BaseException as error:  # noqa: BLE001 - handed to the parent to raise
        try:
            sender.send((_ERROR, error))
        except Exception:  # unpicklable: its words will do
            sender.send((_ERROR, LedgerError(f"reading ahead failed: {error!r}")))
    finally:
        sender.close()
