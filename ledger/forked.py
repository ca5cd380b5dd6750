"""Running a producer in a forked process, ahead of the consumer.

A large import spends about as long reading and validating rows as appending, hashing
and writing them. :class:`ForkedIterator` runs the first half in a forked child on another
core: the child iterates the producer and sends each item through a pipe, and the pipe's
buffer bounds how far it runs ahead. The child never touches the database: it inherits
the parent's connections but leaves through ``os._exit`` (as every multiprocessing child
does), so nothing is closed or rolled back under the parent's feet.
"""

from __future__ import annotations

import multiprocessing
from typing import Generic, Iterable, Iterator, TypeVar

from .errors import LedgerError

T = TypeVar("T")

_ITEM, _ERROR, _END = 0, 1, 2


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class ForkedIterator(Generic[T]):
    """The items of ``producer``, iterated in a child forked now (so before the caller
    opens a transaction). An exception in the child is raised here; closing early (or an
    error here) stops the child."""

    def __init__(self, producer: Iterable[T]):
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_produce, args=(producer, sender), daemon=True)
        self._process.start()
        sender.close()
        self._finished = False

    def __iter__(self) -> Iterator[T]:
        try:
            while True:
                try:
                    tag, item = self._receiver.recv()
                except EOFError:
                    self._process.join(5)
                    raise LedgerError(
                        f"the process reading ahead stopped unexpectedly (exit code {self._process.exitcode})",
                        "try again; if it happens again, report it with the file",
                    ) from None
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
        self._receiver.close()
        if self._finished:
            self._process.join(5)
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()


def _produce(producer: Iterable, sender) -> None:
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
