"""The ledger store: the Python API over the database that the CLI is a thin layer on.

Writes go through :meth:`Ledger.writing`, which serialises appenders (SQLite ``BEGIN
IMMEDIATE``; PostgreSQL a row lock on ``append_lock`` that a reader cannot take), reads
the chain head and the time under the lock and commits the whole batch or nothing. Driver errors leave this module only as
the project's own exceptions (:mod:`ledger.errors`).
"""

from __future__ import annotations

import getpass
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timezone
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

from sqlalchemy import Connection, Engine, exc, func, or_, select

from . import db, schema
from .chain import ChainProblem, document_hash
from .corrections import apply_corrections, corrected
from .dates import Period
from .declarations import declaration_errors, declaration_notices, effective_declarations, same_statement
from .driver_errors import mapped_error
from .errors import (
    DatabaseUnavailable,
    FieldError,
    InvalidInput,
    LedgerError,
    Notice,
    NotFound,
    ReadOnlyLedger,
    SchemaNotInitialised,
)
from .model import (
    Action,
    Claim,
    ClaimHistory,
    Correction,
    Declaration,
    DeclarationAction,
    DeclarationKind,
    EntryType,
    Figure,
    Head,
    Source,
    parse_public_id,
)
from .rows import (
    FIGURE_COLUMNS,
    claim_from_row,
    claims_from_tuples,
    correction_from_row,
    figure_from_tuple,
    source_from_row,
    sources_from_tuples,
)
from .wording import DEFAULT_CONFIG, WordingConfig

if TYPE_CHECKING:  # the write side loads when a command writes: reading commands start sooner
    from .drafts import ClaimDraft, SourceDraft
    from .writer import Writer



def default_recorder() -> str:
    return os.environ.get("PXL_USER") or _login_name()


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


_KNOWN_AT_DATE = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2}|\d{8}|\d{4}-?W\d{2}(?:-?\d)?|\d{4}-?\d{3}|\d{4}-\d{2}|\d{4})"
    r"(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?",
    re.IGNORECASE,
)
KNOWN_AT_FORMS = (
    "an ISO 8601 date or time: 2026-11-30, 20261130, 2026-W48-1, 2026-334, 2026-11, 2026-11-30Z, "
    "2026-11-30T10:00, 2026-11-30T10:00:00.123456Z, 2026-11-30T10:00+05:00, 20261130T100000Z"
)


def parse_known_at(text: str) -> str:
    """``--as-known-at`` (and ``as_known_at=`` in the Python API): any ISO 8601 date or
    time, as the comparable ``recorded_at`` text (UTC, microseconds, ``Z``).

    A date without a time (``2026-11-30``, ``20261130``, week ``2026-W48-1``, ordinal
    ``2026-334``; a month ``2026-11`` or a year ``2026`` meaning its last day) means the
    **end of that day**, in UTC unless it carries a zone (``2026-11-30+05:00``): what had
    been recorded by the close of the day. A time without a zone is UTC.
    A moment before year 1 or after 9999 in UTC (``0001-01-01T00:00:00+05:00``) is taken as
    the nearest one that is not: nothing was recorded before or after it either.
    Raises :class:`LedgerError` naming the accepted forms for anything else."""
    text = text.strip()
    try:
        moment = _known_at_moment(text)
    except ValueError:
        raise LedgerError(f"{text!r} is not a date or time in ISO 8601", f"give {KNOWN_AT_FORMS}") from None
    try:
        utc = moment.astimezone(timezone.utc)
    except OverflowError:  # in UTC before year 1 or after 9999: as the nearest UTC moment
        return "0001-01-01T00:00:00.000000Z" if moment.year == 1 else "9999-12-31T23:59:59.999999Z"
    # isoformat, not strftime: %Y does not pad years before 1000 to four digits.
    return utc.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def _known_at_moment(text: str) -> datetime:
    match = _KNOWN_AT_DATE.fullmatch(text)
    if match is None:
        moment = datetime.fromisoformat(text)
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)
    day_text, zone = match["date"], match["zone"]
    ordinal = re.fullmatch(r"(\d{4})-?(\d{3})", day_text)
    if ordinal:
        day = datetime.strptime(f"{ordinal[1]}-{ordinal[2]}", "%Y-%j").date()
    elif re.fullmatch(r"\d{4}(-\d{2})?", day_text):
        day = Period.from_iso(day_text).last
    else:
        day = date.fromisoformat(day_text)
    tz = timezone.utc
    if zone and zone.upper() != "Z":
        tz = datetime.fromisoformat(f"2000-01-01T00:00{zone}").tzinfo  # type: ignore[assignment]
    return datetime.combine(day, time.max, tz)


@dataclass(frozen=True)
class VerifyReport:
    head: Head | None
    entries: int
    documents: int
    problems: tuple[ChainProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first(self) -> ChainProblem | None:
        return self.problems[0] if self.problems else None


class Ledger:
    def __init__(self, engine: Engine, wording: WordingConfig = DEFAULT_CONFIG):
        self.engine = engine
        self.wording = wording

    @classmethod
    def open(cls, url: str, wording: WordingConfig = DEFAULT_CONFIG, *, check: bool = True) -> "Ledger":
        engine = db.make_engine(url)
        if check:
            db.ensure_schema(engine)
        return cls(engine, wording)

    @classmethod
    def init(cls, url: str, wording: WordingConfig = DEFAULT_CONFIG) -> "Ledger":
        """Create the ledger, or upgrade it to the latest schema; idempotent."""
        engine = db.make_engine(url, create=True)
        db.check_stamp_for_upgrade(engine)
        stamp = db.current_revision(engine)
        why = db.read_only(engine)
        if why is not None:
            if stamp == db.head_revision():
                return cls(engine, wording)  # nothing to do, and nothing written
            raise ReadOnlyLedger(why, f"cannot {'upgrade' if stamp else 'create'} the ledger: it is read-only "
                                      f"({why}); nothing was changed")
        try:
            db.upgrade(engine)
        except exc.DBAPIError as error:
            if stamp is None:
                raise DatabaseUnavailable(f"cannot create the ledger: {mapped_error(error)}") from error
            # e.g. a stamp older than the tables: "view effective_claims already exists"
            raise LedgerError(
                f"cannot upgrade the ledger from revision {stamp}: {mapped_error(error)}; nothing was changed",
                "the tables do not match the schema stamp (alembic_version); `pxl verify` still checks the entries",
            ) from error
        return cls(engine, wording)

    def close(self) -> None:
        self.engine.dispose()

    def schema_problem(self) -> str | None:
        """Why the schema is not this pxl's (as :func:`db.ensure_schema` would refuse it),
        or None. Raises :class:`SchemaNotInitialised` when there is no ledger at all."""
        try:
            db.ensure_schema(self.engine)
        except SchemaNotInitialised as error:
            if db.current_revision(self.engine) is None and not self._has_entries_table():
                raise
            return error.message
        return None

    def _has_entries_table(self) -> bool:
        from sqlalchemy import inspect

        with db.connect(self.engine) as connection:
            return inspect(connection).has_table("entries")

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # -- writing --------------------------------------------------------------------

    @contextmanager
    def writing(self, recorded_by: str | None = None) -> Iterator[Writer]:
        """One atomic append: everything added to the writer commits together, or nothing.
        Raises :class:`ReadOnlyLedger` on a ledger opened read-only (:func:`db.read_only`)."""
        why = db.read_only(self.engine)
        if why is not None:
            raise ReadOnlyLedger(why)
        with db.connect(self.engine) as connection:
            if self.dialect == "sqlite":
                connection.execution_options(sqlite_begin="IMMEDIATE")
            try:
                with connection.begin():
                    now = db.lock_for_append(connection)
                    from .writer import Writer

                    writer = Writer(connection, _head(connection), recorded_by or default_recorder(), now)
                    yield writer
                    writer.flush()
            except exc.DBAPIError as error:
                raise _mapped(error) from error

    def add_source(self, draft: SourceDraft, recorded_by: str | None = None) -> tuple[Source, bool]:
        """The source ``draft`` describes, and whether it was newly recorded."""
        with self.writing(recorded_by) as writer:
            source = writer.source_for(draft)
            return source, writer.pending > 0

    def record(
        self, draft: ClaimDraft, *, source_seq: int | None = None, recorded_by: str | None = None
    ) -> Claim:
        """Record one claim; its source is ``draft.source`` (matched or created) or ``source_seq``."""
        with self.writing(recorded_by) as writer:
            if draft.source is not None:
                source = writer.source_for(draft.source)
            elif source_seq is not None:
                source = writer.source(source_seq)
            else:
                raise LedgerError("a claim needs a source", "give --source ID|URL or --publisher and --published")
            taken = writer.claim_seqs_by_ref([draft.ref]) if draft.ref else {}
            if taken:
                raise InvalidInput([_ref_taken(draft.ref, taken)])
            return writer.add_claim(draft, source)

    def retract(self, claim_seq: int, reason: str, recorded_by: str | None = None) -> Correction:
        if not reason.strip():
            raise LedgerError("a retraction needs a reason", "give --reason \"...\"")
        with self.writing(recorded_by) as writer:
            history = self._history(writer.connection, claim_seq)
            if history.effective is None:
                raise LedgerError(
                    f"C{claim_seq} is already retracted ({history.corrections[-1].id})",
                    f"`pxl show C{claim_seq}` shows its history",
                )
            return writer.add_correction(claim_seq, Action.RETRACT, reason.strip())

    def amend(
        self,
        claim_seq: int,
        changes: Mapping[str, Any],
        reason: str,
        recorded_by: str | None = None,
        *,
        source_seq: int | None = None,
    ) -> Correction:
        """Record a new version of a claim: its current fields with ``changes`` applied."""
        if not reason.strip():
            raise LedgerError("an amendment needs a reason", "give --reason \"...\"")
        with self.writing(recorded_by) as writer:
            history = self._history(writer.connection, claim_seq)
            current = history.effective
            if current is None:
                raise LedgerError(
                    f"C{claim_seq} is retracted and cannot be amended",
                    "record the corrected figure as a new claim",
                )
            base_source = writer.source(source_seq) if source_seq is not None else current.source
            from .drafts import amended_fields, claim_draft

            fields = amended_fields(current.content, current.ref, base_source)
            if source_seq is not None:
                fields["document"] = None
            fields.update({k: v for k, v in changes.items() if k != "ref"})
            draft, errors = claim_draft(fields, self.wording)
            if errors:
                raise InvalidInput(errors)
            assert draft is not None and draft.source is not None
            source = base_source if source_seq is not None else writer.source_for(draft.source)
            content, fingerprint = writer.amend_content(draft, source)
            if fingerprint == current.fingerprint and content == current.content:
                raise LedgerError(f"the amendment leaves C{claim_seq} as it is", "nothing was recorded")
            return writer.add_correction(claim_seq, Action.AMEND, reason.strip(), content, fingerprint)

    # -- declarations ---------------------------------------------------------------

    def declare(
        self, kind: DeclarationKind | str, subject: str, object: str | None = None, *, reason: str,
        recorded_by: str | None = None,
    ) -> Declaration:
        """Record a declaration (see :mod:`ledger.declarations`): ``complete`` with the series
        key ``subject``, or ``alias`` with two speaker names. Raises InvalidInput."""
        return self.declare_once(kind, subject, object, reason=reason, recorded_by=recorded_by)[0]

    def declare_once(
        self, kind: DeclarationKind | str, subject: str, object: str | None = None, *, reason: str,
        recorded_by: str | None = None,
    ) -> tuple[Declaration, bool]:
        """As :meth:`declare`, and whether it was recorded: a declaration that states what
        one in force already states (:func:`ledger.declarations.same_statement`) records
        nothing and returns that one, as an import skips rows already recorded. The check
        runs under the append lock, so concurrent writers record one copy between them (a
        second copy would keep the scope complete after the first is retracted)."""
        kind = DeclarationKind(kind)
        subject, object = subject.strip(), object.strip() if object else None
        errors = declaration_errors(kind, subject, object, reason)
        if errors:
            raise InvalidInput(errors, "see `pxl declare --help`")
        with self.writing(recorded_by) as writer:
            in_force = effective_declarations(_declaration_entries(writer.connection, None))
            for declaration in in_force:
                if same_statement(declaration, kind, subject, object):
                    return declaration, False
            return writer.add_declaration(DeclarationAction.DECLARE, kind, subject, object, reason.strip()), True

    def declaration_notices(self, kind: DeclarationKind | str, subject: str, object: str | None = None) -> list[Notice]:
        """What looks like a typo in this declaration against the recorded claims (a series
        with no claim, a speaker no claim has; :func:`ledger.declarations.declaration_notices`),
        for the caller to warn of before or after recording it."""
        kind = DeclarationKind(kind)
        column = "series" if kind is DeclarationKind.COMPLETE else "speaker"
        with db.connect(self.engine) as connection:
            names = {name for table in (schema.claims, schema.corrections)
                     for (name,) in connection.execute(select(table.c[column]).where(table.c[column].is_not(None)).distinct())}
        complete = kind is DeclarationKind.COMPLETE
        return declaration_notices(kind, subject.strip(), object.strip() if object else None,
                                   names if complete else (), () if complete else names)

    def retract_declaration(self, seq: int, reason: str, recorded_by: str | None = None) -> Declaration:
        if not reason.strip():
            raise LedgerError("a retraction needs a reason", "give --reason \"...\"")
        with self.writing(recorded_by) as writer:
            current = self._declaration(writer.connection, seq)
            if current.status == "retracted":
                raise LedgerError(f"D{seq} is already retracted ({current.corrections[-1]})",
                                  f"`pxl show D{seq}` shows its history")
            return writer.add_declaration(
                DeclarationAction.RETRACT, current.kind, current.subject, current.object, reason.strip(), seq
            )

    def amend_declaration(
        self, seq: int, subject: str, object: str | None = None, *, reason: str, recorded_by: str | None = None,
    ) -> Declaration:
        """Replace what declaration ``seq`` names (its kind stays)."""
        with self.writing(recorded_by) as writer:
            current = self._declaration(writer.connection, seq)
            if current.status == "retracted":
                raise LedgerError(f"D{seq} is retracted and cannot be amended", "record a new declaration")
            subject, object = subject.strip(), object.strip() if object else None
            errors = declaration_errors(current.kind, subject, object, reason)
            if errors:
                raise InvalidInput(errors, "see `pxl declare --help`")
            if (subject, object) == (current.subject, current.object):
                raise LedgerError(f"the amendment leaves D{seq} as it is", "nothing was recorded")
            return writer.add_declaration(
                DeclarationAction.AMEND, current.kind, subject, object, reason.strip(), seq
            )

    def declarations(
        self, *, as_known_at: str | None = None, include_retracted: bool = False
    ) -> list[Declaration]:
        """The declarations in effect (latest amendment applied, retractions out), in seq order."""
        with db.connect(self.engine) as connection:
            return effective_declarations(
                _declaration_entries(connection, as_known_at), include_retracted=include_retracted
            )

    def declaration_history(self, seq: int) -> tuple[Declaration, list[Declaration]]:
        """Declaration ``seq`` in effect (status retracted if so) and every entry about it.
        ``seq`` may be one of its corrections (the ``D8`` that ``pxl declare --amends D4``
        and ``pxl retract D4`` print): the declaration it corrects is meant."""
        with db.connect(self.engine) as connection:
            every = _declaration_entries(connection, None)
            seq = next((d.corrects for d in every if d.seq == seq and d.corrects is not None), seq)
            entries = [d for d in every if seq in (d.seq, d.corrects)]
            return self._declaration(connection, seq), entries

    def _declaration(self, connection: Connection, seq: int) -> Declaration:
        entries = [d for d in _declaration_entries(connection, None) if seq in (d.seq, d.corrects)]
        if not entries or entries[0].seq != seq or entries[0].action is not DeclarationAction.DECLARE:
            raise NotFound(f"there is no declaration D{seq}", "`pxl list --declarations` shows them")
        return effective_declarations(entries, include_retracted=True)[0]

    # -- reading --------------------------------------------------------------------

    def head(self, as_known_at: str | None = None) -> Head | None:
        """The chain head, or the head as it stood at ``as_known_at``."""
        with db.connect(self.engine) as connection:
            return _head(connection, as_known_at)

    def digest(self) -> str:
        head = self.head()
        if head is None:
            raise LedgerError("the ledger is empty: there is no digest yet", "record something first")
        return str(head)

    def sources(self, as_known_at: str | None = None) -> dict[int, Source]:
        with db.connect(self.engine) as connection:
            return _sources(connection, as_known_at)

    def find_source(self, reference: str) -> Source:
        """A source by id (``S3``) or by url."""
        with db.connect(self.engine) as connection:
            query = _with_entry(schema.sources)
            if "://" in reference:
                rows = connection.execute(
                    query.where(schema.sources.c.url == reference.strip()).order_by(schema.sources.c.seq)
                ).mappings().all()
                if len(rows) > 1:
                    versions = ", ".join(f"S{r['seq']} (published {r['published'] or 'unknown'})" for r in rows)
                    raise NotFound(f"{reference} has {len(rows)} versions: {versions}",
                                   "name the version by its id, e.g. --source " + f"S{rows[-1]['seq']}")
                row = rows[0] if rows else None
            else:
                try:
                    seq = parse_public_id(reference, EntryType.SOURCE)
                except ValueError as error:
                    raise NotFound(str(error), "give a source id such as S3 or its url") from None
                row = connection.execute(query.where(schema.sources.c.seq == seq)).mappings().first()
            if row is None:
                raise NotFound(f"there is no source {reference}", "`pxl source list` shows the sources")
            source = source_from_row(row)
            return _with_versions(connection, {source.seq: source})[source.seq]

    def document(self, sha: str) -> str | None:
        with db.connect(self.engine) as connection:
            return connection.execute(
                select(schema.documents.c.text).where(schema.documents.c.sha256 == sha)
            ).scalar_one_or_none()

    def claims(
        self,
        *,
        as_known_at: str | None = None,
        series: str | None = None,
        include_retracted: bool = False,
    ) -> list[Claim]:
        """The effective claims (latest amendment applied, retractions out) in seq order."""
        claims_query = _known(_with_entry(schema.claims), as_known_at)
        corrections_query = _known(_with_entry(schema.corrections), as_known_at)
        if series is not None:
            # Only claims that are, or were amended to be, in the series; the effective
            # series is checked after the corrections are applied.
            in_series = or_(
                schema.claims.c.series == series,
                schema.claims.c.seq.in_(
                    select(schema.corrections.c.claim_seq).where(schema.corrections.c.series == series)
                ),
            )
            claims_query = claims_query.where(in_series)
            corrections_query = corrections_query.where(
                schema.corrections.c.claim_seq.in_(select(schema.claims.c.seq).where(in_series))
            )
        with db.connect(self.engine) as connection:
            sources = _sources(connection, as_known_at)
            originals = claims_from_tuples(
                *db.driver_rows(connection, claims_query.order_by(schema.claims.c.seq)), sources
            )
            corrections = [
                correction_from_row(row)
                for row in connection.execute(corrections_query.order_by(schema.corrections.c.seq)).mappings().all()
            ]
        claims = apply_corrections(originals, corrections, sources, include_retracted=include_retracted)
        if series is not None:
            claims = [c for c in claims if c.series == series]
        return claims

    def refs(self, seqs: Iterable[int]) -> dict[int, str | None]:
        """The ``ref`` of each claim in ``seqs`` (None where it has none), by seq: what a
        :class:`Figure` leaves out, for the few claims an answer names."""
        wanted = sorted(set(seqs))
        found: dict[int, str | None] = {}
        with db.connect(self.engine) as connection:
            for start in range(0, len(wanted), 500):
                query = select(schema.claims.c.seq, schema.claims.c.ref).where(
                    schema.claims.c.seq.in_(wanted[start:start + 500]))
                found.update((seq, ref) for seq, ref in connection.execute(query))
        return found

    def figures(self, *, as_known_at: str | None = None) -> list[Figure]:
        """The effective claims as :class:`Figure` records, in seq order: what the
        conflict search reads, without quotes or wording (``pxl check`` on every claim)."""
        claims, corrections = schema.claims, schema.corrections
        claims_query = select(*(claims.c[name] for name in FIGURE_COLUMNS))
        corrections_query = select(
            corrections.c.claim_seq, corrections.c.action, *(corrections.c[name] for name in FIGURE_COLUMNS)
        )
        if as_known_at:
            claims_query = _known(claims_query.join(schema.entries, schema.entries.c.seq == claims.c.seq), as_known_at)
            corrections_query = _known(
                corrections_query.join(schema.entries, schema.entries.c.seq == corrections.c.seq), as_known_at
            )
        with db.connect(self.engine) as connection:
            sources = _sources(connection, as_known_at)
            _, rows = db.driver_rows(connection, claims_query.order_by(claims.c.seq))
            _, correction_rows = db.driver_rows(connection, corrections_query.order_by(corrections.c.seq))
        # The latest amendment's content is in effect; a retraction takes the claim out.
        latest: dict[int, tuple | None] = {}
        for claim_seq, action, *content in correction_rows:
            if action == Action.RETRACT.value:
                latest[claim_seq] = None
            elif latest.get(claim_seq, ()) is not None:
                latest[claim_seq] = tuple(content)
        figures = []
        for row in rows:
            seq = row[0]
            if seq in latest:
                amended = latest[seq]
                if amended is not None:
                    figures.append(figure_from_tuple(amended, sources, seq))
            else:
                figures.append(figure_from_tuple(row, sources))
        return figures

    def corrections(self, as_known_at: str | None = None) -> list[Correction]:
        """Every correction (retraction or amendment) recorded by ``as_known_at``, in seq order."""
        query = _known(_with_entry(schema.corrections), as_known_at).order_by(schema.corrections.c.seq)
        with db.connect(self.engine) as connection:
            return [correction_from_row(row) for row in connection.execute(query).mappings().all()]

    def history(self, claim_seq: int) -> ClaimHistory:
        with db.connect(self.engine) as connection:
            return self._history(connection, claim_seq)

    def _history(self, connection: Connection, claim_seq: int) -> ClaimHistory:
        row = connection.execute(
            _with_entry(schema.claims, schema.entries.c.hash).where(schema.claims.c.seq == claim_seq)
        ).mappings().first()
        if row is None:
            raise NotFound(f"there is no claim C{claim_seq}", "`pxl list` shows the claims and their ids")
        correction_rows = connection.execute(
            _with_entry(schema.corrections)
            .where(schema.corrections.c.claim_seq == claim_seq)
            .order_by(schema.corrections.c.seq)
        ).mappings().all()
        needed = {row["source_seq"]} | {r["source_seq"] for r in correction_rows if r["source_seq"] is not None}
        sources = _sources(connection, None, needed)
        original = claim_from_row(row, sources)
        corrections = tuple(correction_from_row(r) for r in correction_rows)
        effective = corrected(original, list(corrections), sources) if corrections else original
        source_text = None
        if effective.source.document_sha256:
            source_text = connection.execute(
                select(schema.documents.c.text)
                .where(schema.documents.c.sha256 == effective.source.document_sha256)
            ).scalar_one_or_none()
        return ClaimHistory(
            original=original,
            corrections=corrections,
            effective=None if effective.status == "retracted" else effective,
            source_text=source_text,
            entry_hash=row["hash"],
        )

    def count(self) -> int:
        with db.connect(self.engine) as connection:
            return connection.execute(select(func.count()).select_from(schema.entries)).scalar_one()

    # -- verification ---------------------------------------------------------------

    def verify(
        self,
        digest: Head | None = None,
        progress: Callable[[int], None] | None = None,
        *,
        workers: int | None = None,
    ) -> VerifyReport:
        """Recompute every hash and link, check every row belongs to its entry, every
        archived document matches its SHA-256, and (given a saved digest) that the chain
        still extends it. Collects every problem, in chain order. A long chain is checked
        in spans by ``workers`` processes (default: one per core)."""
        problems: list[ChainProblem] = []
        with db.connect(self.engine) as connection:
            head = _head(connection)
        from .verification import typed_tables, verify_chain  # multiprocessing: only for verify

        entry_count, chain_problems = verify_chain(self.engine, head.seq if head else 0, progress, workers)
        problems.extend(chain_problems)
        with db.connect(self.engine) as connection:
            last = head.seq if head else 0
            cursor = connection.connection.driver_connection.cursor()
            try:
                tables = typed_tables(cursor, self.dialect == "sqlite")
            finally:
                cursor.close()
            for name, table in tables.items():
                # Past the head read above; a writer appending meanwhile adds its entries too.
                orphans = select(table.c.seq).where(
                    table.c.seq > last,
                    ~select(schema.entries.c.seq).where(schema.entries.c.seq == table.c.seq).exists(),
                )
                for seq in connection.execute(orphans).scalars():
                    problems.append(ChainProblem(seq, f"a {name} row has no entry in the chain"))
            documents = 0
            for sha, body in connection.execute(select(schema.documents.c.sha256, schema.documents.c.text)):
                documents += 1
                if document_hash(body) != sha:
                    problems.append(ChainProblem(
                        None, f"archived document {sha[:12]}... does not match its SHA-256: "
                        "its text was changed",
                    ))
            missing = connection.execute(
                select(schema.sources.c.seq, schema.sources.c.document_sha256)
                .outerjoin(schema.documents, schema.documents.c.sha256 == schema.sources.c.document_sha256)
                .where(schema.sources.c.document_sha256.is_not(None), schema.documents.c.sha256.is_(None))
            ).all()
            for seq, sha in missing:
                problems.append(ChainProblem(seq, f"its archived document {sha[:12]}... is missing"))
            if digest is not None:
                problems.extend(_check_digest(connection, head, digest))
        problems.sort(key=lambda p: (p.seq is None, p.seq or 0))
        return VerifyReport(head, entry_count, documents, tuple(problems))


def _check_digest(connection: Connection, head: Head | None, digest: Head) -> list[ChainProblem]:
    if head is None or head.seq < digest.seq:
        return [ChainProblem(
            digest.seq, f"the saved digest names entry {digest.seq} but the chain now ends at "
            f"{head.seq if head else 0}: history was truncated",
        )]
    stored = connection.execute(
        select(schema.entries.c.hash).where(schema.entries.c.seq == digest.seq)
    ).scalar_one_or_none()
    if stored != digest.hash:
        return [ChainProblem(
            digest.seq, f"the chain no longer extends the saved digest {digest}: history up to "
            "this entry was rewritten",
        )]
    return []


def _head(connection: Connection, as_known_at: str | None = None) -> Head | None:
    query = select(schema.entries.c.seq, schema.entries.c.hash, schema.entries.c.recorded_at)
    query = _known(query, as_known_at)
    row = connection.execute(query.order_by(schema.entries.c.seq.desc()).limit(1)).first()
    return Head(row.seq, row.hash, row.recorded_at) if row else None


def _with_entry(table, *extra):
    return select(table, schema.entries.c.recorded_at, schema.entries.c.recorded_by, *extra).join(
        schema.entries, schema.entries.c.seq == table.c.seq
    )


def _known(query, as_known_at: str | None):
    """Only what was recorded by ``as_known_at`` (any form :func:`parse_known_at` reads:
    a bare date is the end of that day, not its first instant)."""
    return query.where(schema.entries.c.recorded_at <= parse_known_at(as_known_at)) if as_known_at else query


def _sources(connection: Connection, as_known_at: str | None, seqs: set[int] | None = None) -> dict[int, Source]:
    query = _known(_with_entry(schema.sources), as_known_at)
    if seqs is not None:
        query = query.where(schema.sources.c.seq.in_(sorted(seqs)))
    # By position through the driver: a ledger may hold a source per claim (95,000 for
    # 100,000 claims), and mapping rows cost as much again as the fetch.
    keys, rows = db.driver_rows(connection, query)
    return _with_versions(connection, sources_from_tuples(keys, rows))


def _with_versions(connection: Connection, sources: dict[int, Source]) -> dict[int, Source]:
    """Link each later version of a page to its first: sources sharing a url, the first
    recorded being the one the others are versions of. (The first version is recorded
    before the others, so it is known whenever they are, at any ``as_known_at``.)"""
    url, seq = schema.sources.c.url, schema.sources.c.seq
    firsts = dict(connection.execute(
        select(url, func.min(seq)).where(url.is_not(None)).group_by(url).having(func.count() > 1)
    ).all())
    if not firsts:
        return sources
    for key, source in sources.items():
        first = firsts.get(source.url)
        if first is not None and first != key:
            sources[key] = replace(source, version_of=first)
    return sources


def _declaration_entries(connection: Connection, as_known_at: str | None) -> list[Declaration]:
    table = schema.declarations
    rows = connection.execute(_known(_with_entry(table), as_known_at).order_by(table.c.seq)).mappings()
    return [
        Declaration(
            seq=row["seq"], action=DeclarationAction(row["action"]), kind=DeclarationKind(row["kind"]),
            subject=row["subject"], object=row["object"], reason=row["reason"],
            recorded_at=row["recorded_at"], recorded_by=row["recorded_by"], corrects=row["corrects"],
        )
        for row in rows
    ]


def _ref_taken(ref: str, found: Mapping[str, int]) -> FieldError:
    return FieldError("ref", ref, f"already used by C{found[ref]}; a ref names one claim")


def _mapped(error: exc.DBAPIError) -> LedgerError:
    """A driver error as the project's own, by its class and SQLSTATE (PostgreSQL) or
    extended result code (SQLite), never by its wording."""
    return mapped_error(error)
