"""The project's own exceptions. Driver errors are mapped to these at the store boundary,
so the CLI (and any other caller) sees one clear message and, where it helps, a hint."""

from __future__ import annotations

from dataclasses import dataclass


class LedgerError(Exception):
    """Base class: ``str(error)`` is the message a user reads; ``hint`` says what to do."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


class DatabaseUnavailable(LedgerError):
    exit_code = 2


class SchemaNotInitialised(LedgerError):
    exit_code = 2


class ReadOnlyLedger(LedgerError):
    """A write to a ledger that can only be read (a SQLite file on a read-only mount, or
    without write permission): nothing was written. ``why`` says what is read-only."""

    def __init__(self, why: str, message: str | None = None):
        super().__init__(message or f"the ledger is read-only ({why}); nothing was written",
                         "reading commands (verify, list, reconcile, report, export) work on it; "
                         "to record, copy the ledger somewhere writable")
        self.why = why


class NotFound(LedgerError):
    pass


class AppendOnlyViolation(LedgerError):
    """The database refused to change or delete a recorded row."""


class ChainConflict(LedgerError):
    """Another writer took the same chain position; the append was rolled back whole."""


class LedgerWarning(UserWarning):
    """What the Python API warns of where the CLI prints "warning: ..." on stderr: the
    action was taken, and may not be what was meant."""


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning about an action that was taken all the same: ``message`` says what looks
    wrong, ``hint`` what was likely meant or how to undo it."""

    message: str
    hint: str

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})"


@dataclass(frozen=True, slots=True)
class FieldError:
    """One invalid value: where it came from (line, column), the text, and why."""

    column: str
    text: str | None
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}, " if self.line is not None else ""
        shown = "" if self.text is None else f" {_clip(self.text)!r}"
        return f"{where}{self.column}{shown}: {self.reason}"

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "text": self.text, "reason": self.reason}


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


class InvalidInput(LedgerError):
    """One or more values were invalid; nothing was written."""

    def __init__(self, errors: list[FieldError], hint: str | None = None):
        self.errors = list(errors)
        count = len(self.errors)
        head = "; ".join(str(e) for e in self.errors[:5])
        more = f" (and {count - 5} more)" if count > 5 else ""
        super().__init__(f"{head}{more}", hint)
