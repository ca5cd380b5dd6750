"""What every command shares: the database URL, the wording settings, error handling."""

from __future__ import annotations

import difflib
import importlib
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import click
from click.utils import make_default_short_help

from pxl.ledger.english import count
from pxl.ledger.errors import InvalidInput, LedgerError
from pxl.ledger.terminal import visible
from pxl.ledger.wording import DEFAULT_CONFIG, WordingConfig

if TYPE_CHECKING:
    from pxl.ledger.store import Ledger


class PxlError(click.ClickException):
    """A domain error as the user sees it: one message, a hint, and an exit status."""

    def __init__(self, message: str, hint: str | None = None, exit_code: int = 1):
        super().__init__(message)
        self.hint = hint
        self.exit_code = exit_code

    def format_message(self) -> str:
        return visible(self.message + (f"\nHint: {self.hint}" if self.hint else ""))


def from_ledger_error(error: LedgerError) -> PxlError:
    if isinstance(error, InvalidInput) and len(error.errors) > 1:
        lines = "\n".join(f"  {e}" for e in error.errors)
        return PxlError(f"{count(len(error.errors), 'problem')}, nothing was written:\n{lines}", error.hint, error.exit_code)
    return PxlError(error.message, error.hint, error.exit_code)


@dataclass
class AppContext:
    url: str
    wording: WordingConfig = DEFAULT_CONFIG
    _ledger: "Ledger | None" = field(default=None, repr=False)

    def ledger(self, *, check: bool = True) -> "Ledger":
        """The ledger; ``check``: refuse unless its schema is this pxl's (``pxl verify``
        checks the entries of a ledger whose schema stamp is wrong too)."""
        if self._ledger is None:
            from pxl.ledger.store import Ledger  # SQLAlchemy loads here, not for --help

            self._ledger = Ledger.open(self.url, self.wording, check=check)
        return self._ledger

    def close(self) -> None:
        if self._ledger is not None:
            self._ledger.close()


class PxlGroup(click.Group):
    """Turns the project's exceptions into clean messages, never a traceback; loads each
    command's module on first use. ``lazy_commands``: name -> module of this package, or
    (module, the first sentence of the command's help): then ``--help`` and shell
    completion list the command without importing its module."""

    def __init__(self, *args: Any, lazy_commands: dict[str, str | tuple[str, str]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.lazy_commands = {name: entry if isinstance(entry, str) else entry[0]
                              for name, entry in (lazy_commands or {}).items()}
        self.summaries = {name: entry[1] for name, entry in (lazy_commands or {}).items()
                          if not isinstance(entry, str)}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(self.lazy_commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            module = importlib.import_module(f"{__package__}.{self.lazy_commands[cmd_name]}")
            module.register(self)
        return super().get_command(ctx, cmd_name)

    def summary_of(self, ctx: click.Context, name: str, limit: int = 45) -> str | None:
        """What ``--help`` lists for ``name`` (None: hidden or unknown), as click words it."""
        if name in self.summaries and name not in self.commands:
            return make_default_short_help(self.summaries[name], limit)
        command = self.get_command(ctx, name)
        return None if command is None or command.hidden else command.get_short_help_str(limit)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [(name, text) for name in names if (text := self.summary_of(ctx, name, limit)) is not None]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list:
        from click.shell_completion import CompletionItem

        items = [CompletionItem(name, help=text) for name in self.list_commands(ctx)
                 if name.startswith(incomplete) and (text := self.summary_of(ctx, name)) is not None]
        return items + click.Command.shell_complete(self, ctx, incomplete)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None:
            args = hoist_global_options(self, args)
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError:
            name = args[0] if args else ""
            if name.startswith("-") or self.get_command(ctx, name) is not None:
                raise
            close = difflib.get_close_matches(name, self.list_commands(ctx), n=1, cutoff=0.6)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise click.UsageError(f"No such command '{name}'.{hint}", ctx) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LedgerError as error:
            raise from_ledger_error(error) from None
        except Exception as error:
            database_errors = sys.modules.get("sqlalchemy.exc")  # loaded only if a command used the database
            sqlite = sys.modules.get("sqlite3")
            raw_sqlite = sqlite is not None and isinstance(error, sqlite.Error)
            if not raw_sqlite and (database_errors is None or not isinstance(error, database_errors.SQLAlchemyError)):
                raise
            from pxl.ledger.db import describe_url

            app = ctx.obj if isinstance(ctx.obj, AppContext) else None
            where = describe_url(app.url) if app else "the database"
            bad_text = _undecodable(app, error)
            if bad_text:
                raise PxlError(f"{where}: {bad_text}: it was changed outside pxl",
                               "run `pxl verify` to see every changed entry; restore the ledger from a backup", 2) from None
            first = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
            raise PxlError(f"database error on {where}: {first}", "run `pxl verify` to check the ledger", 2) from None


def hoist_global_options(group: click.Group, args: list[str]) -> list[str]:
    """``args`` with the group's own options (``--db``, ``--tolerance``, ``--vague``) moved
    before the command when they were given after it: ``pxl list --db x.db`` reads as
    ``pxl --db x.db list``. Nothing after a ``--`` is touched."""
    takes_value = {name: not option.is_flag for option in group.params if isinstance(option, click.Option)
                   for name in option.opts if name.startswith("--")}
    takes_value.pop("--help", None)
    takes_value.pop("--version", None)
    command_at = next((i for i, arg in enumerate(args) if not arg.startswith("-") and _is_command_position(args, i, takes_value)), None)
    if command_at is None:
        return args
    front, moved, rest = list(args[:command_at]), [], []
    tail = args[command_at:]
    i = 0
    while i < len(tail):
        arg = tail[i]
        if arg == "--":
            rest.extend(tail[i:])
            break
        name = arg.split("=", 1)[0]
        if name in takes_value and i > 0:
            if "=" in arg or not takes_value[name]:
                moved.append(arg)
                i += 1
            else:
                moved.extend(tail[i:i + 2])
                i += 2
            continue
        rest.append(arg)
        i += 1
    return front + moved + rest


def _is_command_position(args: list[str], i: int, takes_value: dict[str, bool]) -> bool:
    """Whether ``args[i]`` is the command's name, not the value of a global option before it."""
    if i == 0:
        return True
    previous = args[i - 1]
    return not (previous in takes_value and takes_value[previous])


def _undecodable(app: "AppContext | None", error: Exception) -> str | None:
    """Where the ledger holds text that is not UTF-8, when ``error`` is SQLite's module
    failing to decode it (an error with no SQLite result code: raised by the module, not
    by SQLite) and there is such text."""
    orig = getattr(error, "orig", error)
    sqlite = sys.modules.get("sqlite3")
    if app is None or app._ledger is None or sqlite is None or not isinstance(orig, sqlite.OperationalError):
        return None
    if getattr(orig, "sqlite_errorcode", None) is not None:
        return None
    from pxl.ledger.db import undecodable_text

    return undecodable_text(app._ledger.engine)


pass_app = click.make_pass_decorator(AppContext)


def _set_decimal_convention(ctx: click.Context, _param: click.Parameter, value: bool | None) -> None:
    if value is not None:
        app = ctx.find_object(AppContext)
        if app is not None:
            app.wording = app.wording.with_decimal_comma(value)


def decimal_option(function):
    """--decimal-comma / --decimal-point: the convention of ``12.000`` and ``1,5``, which
    the grammar otherwise refuses as ambiguous (ledger.wording.read_digits)."""
    return click.option(
        "--decimal-comma/--decimal-point", "decimal_comma", default=None, expose_value=False,
        callback=_set_decimal_convention, is_eager=True,
        help="Read figures with a decimal comma (12.000 = 12000, 1,5 = 1.5) or a decimal point "
             "(12.000 = 12); without either, 12.000 and 1.500 are refused as ambiguous.",
    )(function)


def _set_date_order(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        app = ctx.find_object(AppContext)
        if app is not None:
            app.wording = app.wording.with_date_order(value)


def date_order_option(function):
    """--date-order dmy|mdy: how ``04/05/2020`` reads, which pxl otherwise refuses as
    ambiguous (ledger.dates.parse_period); a date only one order makes real needs none."""
    return click.option(
        "--date-order", type=click.Choice(["dmy", "mdy"]), default=None, expose_value=False,
        callback=_set_date_order, is_eager=True,
        help="Read NN/NN/YYYY dates day first (dmy) or month first (mdy); without it a date "
             "both orders make real (04/05/2020) is refused, and 13/04/2020 is read as the only one it can be.",
    )(function)
