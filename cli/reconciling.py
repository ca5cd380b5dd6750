"""``pxl reconcile``, ``pxl why``, ``pxl check``: what the figures allow one to conclude."""

from __future__ import annotations

import json
from datetime import date

import click

from pxl.ledger.declarations import aliases, complete_scopes
from pxl.ledger.english import count
from pxl.ledger.errors import LedgerError
from pxl.ledger.reconcile import Reconciliation
from pxl.ledger.reconcile.engine import SeriesResult, find_conflicts, reconcile_series
from pxl.ledger.reconcile.explain import number, path_arithmetic
from pxl.ledger.serialise import discrepancy_dict
from pxl.ledger.store import parse_known_at
from pxl.reports.reconciliation import to_json, to_text, why_text

from .context import AppContext, PxlError, pass_app
from .output import format_option, say
from .series import complete_series, resolve_series, series_option


def reconciled(
    app: AppContext, series: str | None, as_known_at: str | None, extra_days: tuple[date, ...] = ()
) -> tuple[Reconciliation, str | None, str | None]:
    """What ``pxl.Ledger.reconcile`` computes, with the command's choice of processes."""
    result = reconciled_whole(app, series, as_known_at, extra_days)
    return result.reconciliation, result.as_known_at, result.digest


def reconciled_whole(app: AppContext, series: str | None, as_known_at: str | None,
                     extra_days: tuple[date, ...] = ()):
    """:func:`reconciled` as a :class:`pxl.api.Reconciled`, which also holds the whole
    family of a scope (its report's chart stacks the scope's parts)."""
    from pxl.api import reconciled as run

    known = parse_known_at(as_known_at) if as_known_at else None
    return run(app.ledger(), as_known_at=known, series=series, workers=None, extra_days=extra_days)


@click.command("reconcile")
@series_option
@click.option("--as-known-at", metavar="TIMESTAMP", help="Reconcile only what had been recorded by then.")
@format_option("text", "json", default="text")
@pass_app
def reconcile_command(app: AppContext, series, as_known_at, fmt) -> None:
    """Reconcile the figures: bounds (low / best / high) of each series' total at every
    date a claim mentions, progress against the target, and every discrepancy.

    Conflicting claims are listed as irreducible sets with the arithmetic; to still give
    estimates, the fewest claims (weighted by their source grading) are set aside, each
    with the rule that decided it (docs/reconciliation.md).

    \b
    Examples:
      pxl reconcile
      pxl reconcile --series "afghan-government->taliban" --format json
      pxl reconcile --as-known-at 2020-05-01
    """
    series = resolve_series(app, series, required=True)
    result, known, digest = reconciled(app, series, as_known_at)
    if series and not result.series:
        raise PxlError(f"no claims in series {series!r}" + (f" as known at {known}" if known else ""),
                       "`pxl series` lists the series")
    render = to_json if fmt == "json" else to_text
    say(render(result, as_known_at=known, digest=digest), nl=fmt == "json")


@click.command()
@click.argument("series", shell_complete=complete_series)
@click.option("--date", "day", metavar="YYYY-MM-DD", help="The date (default: the series' latest).")
@click.option("--as-known-at", metavar="TIMESTAMP", help="Explain as of what had been recorded by then.")
@pass_app
def why(app: AppContext, series: str, day: str | None, as_known_at: str | None) -> None:
    """Which claims determine the low and the high bound of SERIES' total at a date.

    A bound several claims add up to is printed as its arithmetic too, e.g.
    "low 300 = 200 (C12, 2020-05-11) + 100 (C15, 2020-05-26)".

    SERIES is a name, an unambiguous prefix of one, or its number in `pxl series`.

    \b
    Example:
      pxl why "afghan-government->taliban" --date 2020-07-27
    """
    series = resolve_series(app, series, required=True)
    when = None
    if day:
        try:
            when = date.fromisoformat(day)
        except ValueError:
            raise LedgerError(f"{day!r} is not a date", "use YYYY-MM-DD") from None
    result, known, _ = reconciled(app, series, as_known_at, (when,) if when else ())
    found = result.for_series(series)
    if found is None:
        raise PxlError(f"no claims in series {series!r}" + (f" as known at {known}" if known else ""),
                       "`pxl series` lists the series")
    if when:
        if found.estimate_at(when) is None:
            found, _ = reconcile_series(found.series, list(found.claims), extra_days=[when])
    elif found.latest is None:
        raise PxlError(f"{series} has no dated claims")
    else:
        when = found.latest.date
    text = why_text(found, when).splitlines(keepends=True)
    at = len(text) - len(found.exclusions)  # why_text ends with a line per exclusion
    say("".join(text[:at] + _sums(found, when) + text[at:]), nl=False)


def _sums(found: SeriesResult, when: date) -> list[str]:
    """The arithmetic of each bound that is the sum of several claims' contributions
    ("low 300 = 200 (C12, 2020-05-11) + 100 (C15, 2020-05-26)"), when it adds up to the
    bound shown (a scope's bound can also rest on its parts' totals, which no one path sums)."""
    estimate, paths = found.estimate_at(when), found.why(when)
    if estimate is None:
        return []
    lines = []
    for name, bound, edges, side in (("low", estimate.low, paths.low, "lo"), ("high", estimate.high, paths.high, "hi")):
        worked = path_arithmetic(edges, side) if edges is not None and bound is not None else None
        if worked is not None and worked[0] == bound:
            lines.append(f"  {name} {number(bound)} = {worked[1]}\n")
    return lines


@click.command()
@click.option("--as-known-at", metavar="TIMESTAMP", help="Check what had been recorded by then.")
@format_option("text", "json", default="text")
@pass_app
def check(app: AppContext, as_known_at: str | None, fmt: str) -> None:
    """Exit 1 when any claims conflict (like bean-check); print each conflict.

    With --format json, one object on stdout: ok, claims, series, and conflicts, each as
    `pxl reconcile --format json` gives a conflict among its discrepancies (type, series,
    claims [{id, ref}], message); the exit status is the same.

    \b
    Examples:
      pxl check && echo "no conflicts"
      pxl check --format json
    """
    known = parse_known_at(as_known_at) if as_known_at else None
    ledger = app.ledger()
    figures = ledger.figures(as_known_at=known)
    declared = ledger.declarations(as_known_at=known)
    conflicts = find_conflicts(figures, complete=complete_scopes(declared), aliases=aliases(declared))
    claims, series = len(figures), len({f.series for f in figures})
    if fmt == "json":
        refs = ledger.refs(x.seq for c in conflicts for x in c.claims)
        say(json.dumps({"ok": not conflicts, "claims": claims, "series": series,
                        "conflicts": [discrepancy_dict(c, refs) for c in conflicts]}, ensure_ascii=False))
        if conflicts:
            raise SystemExit(1)
        return
    if not conflicts:
        say(f"ok: {count(claims, 'claim')} in {count(series, 'series')}, no conflicts")
        return
    for conflict in conflicts:
        say(f"{conflict.series}: {conflict.message}", err=True)
    raise PxlError(f"{count(len(conflicts), 'conflict')} among {count(claims, 'claim')}",
                   "`pxl reconcile` shows what was excluded to still give estimates")


def register(group: click.Group) -> None:
    group.add_command(reconcile_command)
    group.add_command(why)
    group.add_command(check)
