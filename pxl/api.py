"""The Python API: a ledger opened by URL, its claims and reconciliation as DataFrames.

    import pxl
    ledger = pxl.open("sqlite:///afghanistan.db", create=True)
    ledger.import_file("claims.csv")
    claims = ledger.claims_frame()
    result = ledger.reconcile()
    result.estimates_frame(); result.discrepancies_frame()
    ledger.report("report.html")

Every call takes the same rules and code paths as the matching command (``pxl import``,
``pxl list``, ``pxl reconcile``, ``pxl report``); errors are :class:`LedgerError` with the
message the command prints. Nothing forks unless asked: in a notebook (threads, an event
loop) a fork is unsafe, so ``reconcile`` and ``import_file`` work in this process by
default (``workers=None`` / ``read_ahead=None`` use the command's choice of processes).
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from pxl.ledger.defaults import DEFAULT_URL
from pxl.ledger.errors import InvalidInput, LedgerError
from pxl.ledger.importer import ImportReport
from pxl.ledger.reconcile import Reconciliation, reconcile
from pxl.ledger.serialise import claim_dict
from pxl.ledger.store import Ledger as Store, parse_known_at
from pxl.ledger.wording import DEFAULT_CONFIG, WordingConfig

if TYPE_CHECKING:
    import pandas as pd

KnownAt = str | date | datetime | None


class ImportRefused(InvalidInput):
    """An import found invalid rows and wrote nothing; ``report`` has every error."""

    def __init__(self, report: ImportReport, name: str):
        super().__init__(list(report.errors), "fix the rows named and import again (dry_run=True checks)")
        self.report = report
        self.message = f"{name}: {len(report.errors)} problem(s), nothing was written: {self.message}"
        self.args = (self.message,)


def known_at(value: KnownAt) -> str | None:
    """``as_known_at`` as the CLI's ``--as-known-at`` reads it (:func:`parse_known_at`):
    an ISO date (the end of that day, UTC) or timestamp; a ``date`` or ``datetime`` is
    taken as its ISO text (a naive datetime is UTC)."""
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        value = value.isoformat()
    if not isinstance(value, str):
        raise TypeError(f"as_known_at takes an ISO 8601 text, a date or a datetime, not {type(value).__name__} "
                        f"({value!r}); e.g. '2026-11-01' or '2026-11-01T12:00Z'")
    return parse_known_at(value)


def series_name(value: str | None) -> str | None:
    """A series given to the API: a name (``pxl series`` numbers are the CLI's)."""
    if value is not None and not isinstance(value, str):
        raise TypeError(f"series takes a series name such as 'a->b' or 'a->b/part', not "
                        f"{type(value).__name__} ({value!r})")
    return value


def path_argument(value: Any, parameter: str, what: str = "a path") -> str | Path:
    """A file or folder path given to the API (a ``str`` or ``os.PathLike``); anything
    else is a TypeError naming ``parameter``, before it reaches the file system (where an
    int is a file descriptor: ``open(5)``)."""
    if isinstance(value, str):
        return value
    if isinstance(value, os.PathLike) and isinstance(os.fspath(value), str):
        return Path(value)
    raise TypeError(f"{parameter} takes {what} (str or pathlib.Path), not {type(value).__name__} ({value!r})")


def open_ledger(
    url: str | None = None,
    *,
    create: bool = False,
    tolerance: float | None = None,
    vague: Mapping[str, tuple[int, int]] | None = None,
    decimal_comma: bool | None = None,
) -> "Ledger":
    """The ledger at ``url`` (SQLAlchemy URL or a file path; default ``PXL_DATABASE_URL``,
    else ``sqlite:///ledger.db``, as the CLI). ``create=True`` creates or upgrades it, as
    ``pxl init``; otherwise a missing ledger raises :class:`LedgerError`. ``tolerance``
    and ``vague`` set the value grammar as ``--tolerance`` and ``--vague`` do;
    ``decimal_comma`` names the convention of ``12.000`` as ``--decimal-comma`` (True) and
    ``--decimal-point`` (False) do (None: such figures are refused as ambiguous)."""
    if url is None:
        url = os.environ.get("PXL_DATABASE_URL") or DEFAULT_URL
    else:
        url = str(path_argument(url, "url", "a database URL or a file path"))  # '' is refused by make_engine
    wording = WordingConfig(DEFAULT_CONFIG.tolerance if tolerance is None else tolerance,
                            decimal_comma=decimal_comma)
    if vague:
        wording = wording.with_vague(dict(vague))
    store = Store.init(url, wording) if create else Store.open(url, wording)
    return Ledger(store, url)


class Ledger:
    """One ledger. ``store`` is the underlying :class:`pxl.ledger.store.Ledger`."""

    def __init__(self, store: Store, url: str):
        self.store = store
        self.url = url

    def __repr__(self) -> str:
        return f"<pxl.Ledger {self.url}>"

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # -- writing ------------------------------------------------------------------

    def import_file(
        self,
        path: str | Path,
        *,
        input_format: str | None = None,
        encoding: str | None = None,
        dry_run: bool = False,
        amend_by_ref: bool = False,
        reason: str | None = None,
        allow_outside: bool = False,
        recorded_by: str | None = None,
        read_ahead: bool | None = False,
    ) -> ImportReport:
        """Import a CSV, JSON Lines or .xlsx file as ``pxl import`` does, all or nothing.

        Returns the :class:`~pxl.ledger.importer.ImportReport` (``recorded``,
        ``already_recorded``, ``as_dict()``, ...). Raises :class:`ImportRefused` (with
        every bad row in ``errors``) when any row is invalid: nothing is then written.
        ``read_ahead=None`` reads a large file in a forked process as the CLI does;
        ``encoding`` reads a CSV or JSONL file that is not UTF-8 as ``--encoding`` does."""
        from pxl.ledger.files import import_file

        path = path_argument(path, "path")
        report = import_file(
            self.store, path, input_format=input_format, encoding=encoding, dry_run=dry_run, amend_by_ref=amend_by_ref,
            reason=reason, allow_outside=allow_outside, recorded_by=recorded_by, read_ahead=read_ahead,
        )
        if not report.ok:
            raise ImportRefused(report, Path(path).name)
        return report

    # -- reading ------------------------------------------------------------------

    def claims(self, *, as_known_at: KnownAt = None, series: str | None = None,
               kind: str | None = None, include_retracted: bool = False) -> list:
        """The effective claims as :class:`~pxl.ledger.model.Claim` records, as
        ``pxl list`` selects them (``include_retracted`` as ``--all``)."""
        claims = self.store.claims(as_known_at=known_at(as_known_at), series=series_name(series),
                                   include_retracted=include_retracted)
        if kind:
            claims = [c for c in claims if c.kind.value == kind.lower()]
        return claims

    def declarations(self, *, as_known_at: KnownAt = None, include_retracted: bool = False) -> list:
        """The declarations in effect (:class:`~pxl.ledger.model.Declaration`: complete
        scopes and speaker aliases), as ``pxl list --declarations`` lists them."""
        return self.store.declarations(as_known_at=known_at(as_known_at), include_retracted=include_retracted)

    def declare(self, kind: str, subject: str, object: str | None = None, *, reason: str,
                recorded_by: str | None = None):
        """Record a declaration: ``declare("complete", "hamas->hostages", reason=...)`` or
        ``declare("alias", "NSC", "Afghan National Security Council", reason=...)``.
        Raises InvalidInput naming what is wrong; nothing is written then. A series with no
        claim (itself or in a part), or a speaker name no claim has, is recorded all the same
        with a :class:`pxl.LedgerWarning` naming the closest recorded name, as ``pxl declare``
        warns on stderr. A declaration stating what one in force states records nothing:
        that one is returned, with a LedgerWarning "already declared (D4)"."""
        import warnings

        from pxl.ledger.errors import LedgerWarning

        notices = self.store.declaration_notices(kind, subject, object)
        declaration, new = self.store.declare_once(kind, subject, object, reason=reason, recorded_by=recorded_by)
        if not new:
            warnings.warn(f"already declared ({declaration.id}): {declaration.describe()}; nothing was recorded",
                          LedgerWarning, stacklevel=2)
            return declaration
        for notice in notices:
            warnings.warn(f"{notice}; recorded as {declaration.id} all the same "
                          "(retract_declaration withdraws it)", LedgerWarning, stacklevel=2)
        return declaration

    def retract_declaration(self, id: str, reason: str, recorded_by: str | None = None):
        """Withdraw declaration ``id`` (``D9``); it stays in the ledger's history."""
        from pxl.ledger.model import EntryType, parse_public_id

        return self.store.retract_declaration(parse_public_id(id, EntryType.DECLARATION), reason, recorded_by)

    def claims_records(self, **selection: Any) -> list[dict[str, Any]]:
        """The claims as the dicts of ``pxl list --format json``."""
        return [claim_dict(c) for c in self.claims(**selection)]

    def claims_frame(self, **selection: Any) -> "pd.DataFrame":
        """The claims as a DataFrame with the columns of ``pxl list --format json`` (dtypes:
        :mod:`pxl.frames`); takes the selection of :meth:`claims`."""
        from . import frames

        return frames.frame(self.claims_records(**selection), CLAIM_COLUMNS)

    def digest(self) -> str:
        """The chain head as ``SEQ:HASH`` (``pxl digest``)."""
        return self.store.digest()

    def verify(self, digest: str | None = None, *, workers: int | None = 1):
        """Recompute the chain as ``pxl verify [--digest SEQ:HASH]`` does; the report's
        ``ok`` says whether all is intact, ``problems`` what is not. ``workers`` as in
        :meth:`reconcile`. Raises ValueError on a malformed digest."""
        from pxl.ledger.model import Head

        if digest is not None and not isinstance(digest, str):
            raise TypeError(f"digest takes the text SEQ:HASH that digest() returns, not "
                            f"{type(digest).__name__} ({digest!r})")
        return self.store.verify(Head.parse(digest) if digest else None, workers=workers)

    # -- concluding ---------------------------------------------------------------

    def reconcile(self, as_known_at: KnownAt = None, *, series: str | None = None,
                  workers: int | None = 1) -> "Reconciled":
        """Reconcile the effective claims as ``pxl reconcile`` does. ``workers=1`` (the
        default) works in this process; ``None`` forks one per core for large ledgers, as
        the CLI; an int forks that many. A ``series`` that names no series with claims (as
        known at ``as_known_at``) raises :class:`~pxl.ledger.errors.NotFound` with the
        closest name, as ``pxl reconcile --series`` refuses it."""
        from pxl.ledger.model import series_not_found, series_with_parents

        known, series = known_at(as_known_at), series_name(series)
        result = reconciled(self.store, as_known_at=known, series=series, workers=workers)
        if series is not None and not result.series:
            names = series_with_parents(c.series for c in self.store.claims(as_known_at=known))
            raise series_not_found(series, names, "the series are those of claims_frame()['series'] "
                                                  "and every scope above one")
        return result

    def export(self, folder: str | Path, format: str = "datapackage", *, as_known_at: KnownAt = None,
               workers: int | None = 1) -> Path:
        """Write the ledger as ``pxl export`` does (``datapackage``: a Frictionless Data
        Package, CSVs with Table Schemas); returns the path of ``datapackage.json``."""
        if format != "datapackage":
            raise LedgerError(f"unknown export format {format!r}", "use datapackage")
        folder = path_argument(folder, "folder")
        return export_datapackage(self.store, folder, as_known_at=known_at(as_known_at), workers=workers)

    def report(self, path: str | Path, format: str | None = None, *, as_known_at: KnownAt = None,
               series: str | None = None, title: str | None = None, workers: int | None = 1) -> Path:
        """Write the report of ``pxl report`` to ``path`` (format from its suffix:
        .html, .md, .csv, .json; or ``format``); returns the path."""
        from pxl.reports.files import DEFAULT_TITLE, write_report

        path = path_argument(path, "path")
        result = self.reconcile(as_known_at, series=series, workers=workers)
        return write_report(result.reconciliation, path, format, digest=result.digest,
                            as_known_at=result.as_known_at, title=title or DEFAULT_TITLE, family=result.family)


def export_datapackage(store: Store, folder: str | Path, *, as_known_at: str | None,
                       workers: int | None) -> Path:
    """Write the ledger as it stood at ``as_known_at`` (already parsed) as a Frictionless
    Data Package in ``folder`` (:mod:`pxl.reports.datapackage`); returns the descriptor."""
    from pxl.ledger.serialise import DECLARATION_COLUMNS, SOURCE_COLUMNS, correction_dict, declaration_dict, source_dict
    from pxl.reports.datapackage import write_datapackage

    from . import frames

    try:
        claims = [claim_dict(c) for c in store.claims(as_known_at=as_known_at, include_retracted=True)]
        sources = [source_dict(s) for s in sorted(store.sources(as_known_at).values(), key=lambda s: s.seq)]
        corrections = [correction_dict(c) for c in store.corrections(as_known_at)]
        declarations = [declaration_dict(d) for d in store.declarations(as_known_at=as_known_at, include_retracted=True)]
        result = reconciled(store, as_known_at=as_known_at, series=None, workers=workers).to_dict()
    except LedgerError as error:  # read before anything is written: say so
        error.message = f"{error.message}; nothing was exported to {folder}"
        error.args = (error.message,)
        raise
    exclusions = [{"series": series["series"], "claim": e["id"], "ref": e["ref"], "rule": e["rule"],
                   "reason": e["reason"]} for series in result["series"] for e in series["exclusions"]]
    set_aside: dict[str, list[str]] = {}
    for exclusion in exclusions:
        set_aside.setdefault(exclusion["claim"], []).append(exclusion["reason"])
    for claim in claims:
        reasons = set_aside.get(claim["id"])
        claim["excluded"], claim["excluded_reason"] = bool(reasons), "; ".join(reasons) if reasons else None
    tables = {
        "claims": (claims, (*CLAIM_COLUMNS, "excluded", "excluded_reason")),
        "sources": (sources, SOURCE_COLUMNS),
        "corrections": (corrections, CORRECTION_COLUMNS),
        # every declaration, retracted ones with their status; "action" is always "declare"
        "declarations": ([{k: v for k, v in d.items() if k not in ("action", "corrects")} for d in declarations],
                         (*DECLARATION_COLUMNS, "corrections")),
        "exclusions": (exclusions, ("series", "claim", "ref", "rule", "reason")),
        "estimates": (frames.estimates_records(result), frames.ESTIMATE_COLUMNS),
        # claims link to claims.csv, which has their refs
        "discrepancies": ([{k: v for k, v in d.items() if k != "refs"} for d in frames.discrepancy_records(result)],
                          [c for c in frames.DISCREPANCY_COLUMNS if c != "refs"]),
    }
    known = f" as known at {as_known_at}" if as_known_at else ""
    return write_datapackage(folder, tables, description=(
        f"A prisoner-exchange reconciliation ledger{known}, ledger digest {result['digest']}: every "
        "claim with its provenance, the sources, the corrections, the declarations, and the reconciliation: "
        "estimates, the claims it set aside and why, and the discrepancies (pxl)."))


def reconciled(store: Store, *, as_known_at: str | None, series: str | None,
               workers: int | None, extra_days: Iterable[date] = ()) -> "Reconciled":
    """Reconcile what ``store`` held at ``as_known_at`` (already parsed), with the digest
    of that history; what ``pxl reconcile`` and :meth:`Ledger.reconcile` both run.

    Scopes declared complete (``pxl declare complete``) are read from the same history.
    A ``series`` that belongs to a family with scopes is reconciled with its whole family,
    which bounds it, and reported alone; ``extra_days`` adds dates to estimate scopes at."""
    from pxl.ledger.declarations import aliases, complete_scopes
    from pxl.ledger.model import family_of, is_scoped

    head = store.head(as_known_at)  # the digest of the history the result was computed from
    digest = str(head) if head else None
    declared = store.declarations(as_known_at=as_known_at)
    complete, same = complete_scopes(declared), aliases(declared)
    if series is None:
        claims = store.claims(as_known_at=as_known_at)
        return Reconciled(reconcile(claims, workers, complete=complete, aliases=same), as_known_at, digest)
    root = family_of(series)
    claims = [c for c in store.claims(as_known_at=as_known_at) if family_of(c.series) == root]
    if not is_scoped(c.series for c in claims):
        claims = [c for c in claims if c.series == series]
        return Reconciled(reconcile(claims, workers, aliases=same), as_known_at, digest)
    whole = reconcile(claims, workers, complete=complete, extra_days=extra_days, aliases=same)
    only = Reconciliation(
        tuple(s for s in whole.series if s.series == series),
        tuple(d for d in whole.discrepancies if d.series == series),
    )
    return Reconciled(only, as_known_at, digest, family=whole.series)


class Reconciled:
    """A reconciliation with the moment and digest it was computed at; its JSON
    (:meth:`to_dict`) is exactly ``pxl reconcile --format json``."""

    def __init__(self, reconciliation: Reconciliation, as_known_at: str | None, digest: str | None,
                 family: tuple = ()):
        self.reconciliation = reconciliation
        self.as_known_at = as_known_at
        self.digest = digest
        # reconciled for one scope: every series of its family (a report stacks its parts)
        self.family = family

    def __repr__(self) -> str:
        r = self.reconciliation
        return f"<pxl.Reconciled {len(r.series)} series, {len(r.discrepancies)} discrepancies>"

    @property
    def series(self):
        return self.reconciliation.series

    @property
    def discrepancies(self):
        return self.reconciliation.discrepancies

    def to_dict(self) -> dict[str, Any]:
        from pxl.reports.reconciliation import to_dict

        return to_dict(self.reconciliation, as_known_at=self.as_known_at, digest=self.digest)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def estimates_frame(self) -> "pd.DataFrame":
        """One row per series and date: ``series, date, low, high, best`` (``high`` <NA>
        when open), the claims setting each bound, and ``latest``."""
        from . import frames

        return frames.frame(frames.estimates_records(self.to_dict()), frames.ESTIMATE_COLUMNS)

    def discrepancies_frame(self) -> "pd.DataFrame":
        """One row per discrepancy: ``type, series, claims`` (ids), ``message``, ``refs``."""
        from . import frames

        return frames.frame(frames.discrepancy_records(self.to_dict()), frames.DISCREPANCY_COLUMNS)

    def series_frame(self) -> "pd.DataFrame":
        """One row per series: target, latest estimate, counts, excluded claim ids."""
        from . import frames

        return frames.frame(frames.series_records(self.to_dict()), frames.SERIES_COLUMNS)


# The columns of ``pxl list --format json`` for an empty ledger (a test keeps this equal
# to the keys of claim_dict).
CLAIM_COLUMNS = (
    "id", "ref", "series", "kind", "value", "lo", "hi", "parts", "reference", "as_of", "as_of_inferred", "period_start",
    "deadline", "event", "source", "publisher", "published", "title", "url", "derived_from",
    "document_sha256", "speaker", "quote", "quote_prefix", "quote_suffix", "quote_start", "quote_end",
    "reliability", "credibility", "notes", "extra", "status", "corrections", "recorded_at", "recorded_by",
)

CORRECTION_COLUMNS = ("id", "claim", "action", "reason", "recorded_at", "recorded_by",
                      "value", "lo", "hi", "as_of", "series", "kind")

__all__ = ["ImportRefused", "Ledger", "LedgerError", "Reconciled", "known_at", "open_ledger"]
