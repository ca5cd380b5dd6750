"""Importing figures in bulk: all or nothing, every bad row named, re-imports recognised.

Stages:

1. :func:`ledger.sheets.read_rows` turns the file into numbered raw rows.
2. :func:`prepare` validates every row into a draft (pure), reading ``document`` files
   relative to the imported file's folder (refusing paths outside it unless allowed);
   plain rows go straight to their stored fields (:mod:`ledger.plain_rows`). A large
   import runs this stage in a forked process, ahead of the next (:mod:`ledger.forked`).
3. :func:`import_rows` appends inside one locked transaction: each row is new, already
   recorded (skipped), a duplicate of an earlier row of the file (skipped), or, with
   ``amend_by_ref``, an amendment of the claim with its ``ref``. Any error anywhere rolls
   the whole transaction back; the report lists every error with its line and column.

A row is "already recorded" when a claim version has the same fields as given and the
same source, and extra columns that agree on every column both give
(:func:`ledger.drafts.extras_agree`; docs/import-format.md, "What makes a row already
recorded"): matched by fingerprint with and without the extra columns, and against the
versions that have extra columns by their fingerprint without them; or when a claim version
has the fingerprint pxl gave the row before it kept extra columns and page versions
(without the extra columns, its source known by url alone): the same row imported into a
ledger recorded then. Rows repeated within the file are found by the same rule. A row whose ``ref`` is recorded with different
content is an error unless imported with ``amend_by_ref``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import chain, islice, repeat
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sized

from sqlalchemy import select

from . import schema
from .bounded import MAX_DOCUMENT_BYTES, WINDOWS_1252_DOCUMENT, UndecodableText, UnreadableFile, decode_text, read_bounded
from .drafts import ClaimDraft, claim_draft, extras_agree, without_shadowed_required
from .errors import FieldError, InvalidInput, LedgerError
from .forked import ForkedIterator, can_fork
from .model import Action, EntryType
from .plain_rows import PlainCells, PlainRow, plain_row
from .sheets import RawRow
from .store import Ledger
from .wording import WordingConfig
from .writer import Writer

BATCH_ROWS = 5_000  # validated and appended at a time
FIRST_BATCH_ROWS = 500
CHUNK_ROWS = 5_000  # appended entries written at a time
READ_AHEAD_FROM = 20_000  # rows; a smaller import is done sooner than a fork pays back
Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class PreparedRow:
    line: int
    draft: ClaimDraft
    fingerprint: str
    bare_fingerprint: str  # how pxl knew the row before it kept extra columns and page versions
    fields_fingerprint: str  # without its extra columns

    @property
    def ref(self) -> str | None:
        return self.draft.ref

    @property
    def extra(self) -> tuple[tuple[str, str], ...]:
        return self.draft.extra


@dataclass
class ImportReport:
    rows: int = 0
    recorded: list[str] = field(default_factory=list)
    already_recorded: list[int] = field(default_factory=list)  # line numbers
    other_columns: list[int] = field(default_factory=list)  # of those, recorded with other extra columns
    repeated_in_file: list[int] = field(default_factory=list)
    amended: list[str] = field(default_factory=list)
    sources_recorded: int = 0
    errors: list[FieldError] = field(default_factory=list)
    dry_run: bool = False
    head: str | None = None
    extra_columns: list[str] = field(default_factory=list)  # kept with each row's claim (ClaimContent.extra)

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        return {
            "ok": self.ok,
            "dry_run": self.dry_run,
            "rows": self.rows,
            "recorded": len(self.recorded),
            "already_recorded": len(self.already_recorded),
            "already_recorded_with_other_columns": sorted(self.other_columns),
            "repeated_in_file": len(self.repeated_in_file),
            "amended": len(self.amended),
            "sources_recorded": self.sources_recorded,
            "claims": self.recorded,
            "amendments": self.amended,
            "skipped_lines": sorted(self.already_recorded + self.repeated_in_file),
            "head": self.head,
            "extra_columns": self.extra_columns,
            "errors": [e.as_dict() for e in self.errors],
        }


class _RollBack(Exception):
    """Raised inside the write transaction to leave nothing written."""


@dataclass
class _FileState:
    """What one import remembers across its batches."""

    # fingerprint without extra columns -> the extra columns of each row seen with it
    seen: dict[str, list[tuple[tuple[str, str], ...]]] = field(default_factory=dict)
    first_with_ref: dict[str, tuple[int, str, tuple]] = field(default_factory=dict)  # ref -> (line, fields fp, extra)
    # Recorded claim versions with extra columns, by fingerprint without them: (fingerprint,
    # extra columns) each; loaded a series at a time, once (None: the ledger has none).
    with_extra: dict[str, list[tuple[str, tuple]]] | None = field(default_factory=dict)
    series_loaded: set[str] = field(default_factory=set)


def prepare(
    rows: list[RawRow],
    config: WordingConfig,
    base_dir: Path,
    *,
    allow_outside: bool = False,
    documents: dict[str, str | FieldError] | None = None,
    cells: PlainCells | None = None,
) -> tuple[list[PreparedRow | PlainRow], list[FieldError]]:
    """Validate every row; read each distinct document once. With ``cells``, plain rows
    take the fast lane (:mod:`ledger.plain_rows`) and the rest the exact path."""
    prepared: list[PreparedRow | PlainRow] = []
    errors: list[FieldError] = []
    documents = {} if documents is None else documents
    for row in rows:
        plain = plain_row(row.line, row.fields, cells) if cells is not None else None
        if plain is not None:
            prepared.append(plain)
            continue
        draft, row_errors = claim_draft(row.fields, config)
        if draft is not None and draft.source is not None and draft.source.document:
            path = draft.source.document
            if path not in documents:
                documents[path] = _read_document(base_dir, path, allow_outside)
            text = documents[path]
            if isinstance(text, FieldError):
                row_errors.append(text)
            else:
                draft = replace(draft, source=replace(draft.source, document_text=text))
        if row_errors:
            errors.extend(replace(e, line=row.line) for e in row_errors)
        elif draft is not None:
            assert draft.source is not None
            identity = draft.source.identity()
            prepared.append(PreparedRow(row.line, draft, draft.fingerprint(identity),
                                        draft.fingerprint(draft.source.earlier_identity(), with_extra=False),
                                        draft.fingerprint(identity, with_extra=False)))
    return prepared, errors


def _read_document(base_dir: Path, given: str, allow_outside: bool) -> str | FieldError:
    base = base_dir.resolve()
    path = (base / given).resolve()
    if not allow_outside and not path.is_relative_to(base):
        return FieldError("document", given, f"is outside {base} (the imported file's folder); "
                          "use --allow-outside to permit it")
    try:
        data = read_bounded(path, MAX_DOCUMENT_BYTES, "document")
    except UnreadableFile as error:
        return FieldError("document", given, error.reason)
    try:
        text = decode_text(data, windows_1252=WINDOWS_1252_DOCUMENT)
    except UndecodableText as error:
        return FieldError("document", given, error.reason)
    if "\x00" in text:
        return FieldError("document", given, "contains NUL characters: not a text document")
    return text


def import_rows(
    ledger: Ledger,
    rows: Iterable[RawRow],
    base_dir: Path,
    *,
    read_errors: list[FieldError] | None = None,
    dry_run: bool = False,
    amend_by_ref: bool = False,
    reason: str = "re-imported with --amend-by-ref",
    allow_outside: bool = False,
    recorded_by: str | None = None,
    progress: Progress | None = None,
    plain: bool = True,
    read_ahead: bool | None = None,
) -> ImportReport:
    """Import ``rows`` into ``ledger`` all-or-nothing and report what happened.

    One transaction, worked through in batches: each batch is validated and appended, and
    the appended entries are written (still uncommitted) every CHUNK_ROWS, so memory stays
    bounded by the chunk, not the file; any error anywhere rolls the whole transaction back.

    ``read_ahead`` reads and validates in a forked process (:mod:`ledger.forked`) while
    this one appends and writes; by default for READ_AHEAD_FROM rows or more (an iterator
    of unknown length: not). ``plain=False`` sends every row down the exact path (the
    tests compare the two).
    """
    if read_ahead is None:
        read_ahead = isinstance(rows, Sized) and len(rows) >= READ_AHEAD_FROM
    batches: Iterable[_Batch] = _prepared_batches(
        rows, ledger.wording, base_dir, allow_outside, plain, read_errors if read_errors is not None else [])
    ahead = None
    if read_ahead and can_fork():
        ahead = ForkedIterator(map(_portable, batches))  # forked here, before the write lock is taken
        batches = map(_restored, ahead)
    report = ImportReport(dry_run=dry_run)
    state = _FileState()
    try:
        with ledger.writing(recorded_by) as writer:
            for count, prepared, errors in batches:
                report.rows += count
                report.errors.extend(errors)
                if progress and count:
                    progress(count)
                _append(writer, prepared, report, amend_by_ref, reason, progress, state, ledger.wording)
                if writer.pending >= CHUNK_ROWS:
                    writer.flush()
            if report.errors or dry_run:
                raise _RollBack
            report.head = str(writer.head) if writer.head else None
    except _RollBack:
        pass
    finally:
        if ahead is not None:
            ahead.close()
    if report.ok and not dry_run and report.head is None:
        head = ledger.head()
        report.head = str(head) if head else None
    # The reader refuses a cell it cannot read (a JSON exponent) and the row is drafted
    # without it: that cell is not also "required".
    report.errors = without_shadowed_required(report.errors)
    report.errors.sort(key=lambda e: (e.line or 0))
    return report


_Batch = tuple[int, list[PreparedRow | PlainRow], list[FieldError]]


def _prepared_batches(
    rows: Iterable[RawRow], config: WordingConfig, base_dir: Path, allow_outside: bool, plain: bool,
    read_errors: list[FieldError],
) -> Iterator[_Batch]:
    """(rows read, rows prepared, errors) a batch at a time; last, the reader's own errors
    (a streaming reader reports problems as it meets them: look only at the end)."""
    cells = PlainCells(config) if plain else None
    documents: dict[str, str | FieldError] = {}
    source = iter(rows)
    # A small first batch: the appending process waits for it and nothing else.
    for size in chain([min(FIRST_BATCH_ROWS, BATCH_ROWS)], repeat(BATCH_ROWS)):
        batch = list(islice(source, size))
        if not batch:
            break
        prepared, errors = prepare(batch, config, base_dir, allow_outside=allow_outside,
                                   documents=documents, cells=cells)
        yield len(batch), prepared, errors
    yield 0, [], list(read_errors)


def _portable(batch: _Batch) -> _Batch:
    """A batch to send to the parent: plain rows as bare tuples, which unpickle about
    twice as fast as named tuples (whose constructor is Python code)."""
    count, prepared, errors = batch
    return count, [tuple(row) if type(row) is PlainRow else row for row in prepared], errors  # type: ignore[misc]


def _restored(batch: _Batch) -> _Batch:
    count, prepared, errors = batch
    make = PlainRow._make
    return count, [make(row) if type(row) is tuple else row for row in prepared], errors


def _append(
    writer: Writer,
    prepared: list[PreparedRow | PlainRow],
    report: ImportReport,
    amend_by_ref: bool,
    reason: str,
    progress: Progress | None,
    state: _FileState,
    config: WordingConfig,
) -> None:
    # Refs and fingerprints already recorded before this import began: earlier chunks of
    # this file are in the database now too, but `state` recognises them first.
    states = _claim_states(writer, [p.ref for p in prepared if p.ref])
    known = writer.known_fingerprints(chain.from_iterable(
        dict.fromkeys((p.fingerprint, p.bare_fingerprint, p.fields_fingerprint)) for p in prepared if not p.ref))
    with_extra = _versions_with_extra(writer, state, prepared)
    for index, row in enumerate(prepared):
        ref = row.ref
        extra = row.extra
        if progress and index % 1000 == 999:
            progress(1000)
        if ref:
            first_line, first_fields, first_extra = state.first_with_ref.setdefault(
                ref, (row.line, row.fields_fingerprint, extra))
            if first_fields != row.fields_fingerprint or not extras_agree(extra, first_extra):
                report.errors.append(FieldError(
                    "ref", ref, f"also used on line {first_line} for a different row", row.line))
                continue
        seen = state.seen.setdefault(row.fields_fingerprint, [])
        if any(extras_agree(extra, other) for other in seen):
            report.repeated_in_file.append(row.line)
            continue
        seen.append(extra)
        recorded = with_extra.get(row.fields_fingerprint, ())
        try:
            if ref and ref in states:
                seq, fingerprint, retracted = states[ref]
                if fingerprint in (row.fingerprint, row.bare_fingerprint, row.fields_fingerprint) or any(
                        version == fingerprint and extras_agree(extra, other) for version, other in recorded):
                    _already_recorded(report, row, fingerprint)
                elif retracted:
                    report.errors.append(FieldError("ref", ref, f"C{seq} with this ref is retracted; give the row a new ref", row.line))
                elif amend_by_ref:
                    draft = _draft_of(row, config)
                    assert draft.source is not None
                    source = writer.source_for(draft.source, row.line)
                    content, _ = writer.amend_content(draft, source)
                    correction = writer.add_correction(seq, Action.AMEND, reason, content, row.fingerprint)
                    report.amended.append(correction.id)
                else:
                    report.errors.append(FieldError(
                        "ref", ref, f"C{seq} was recorded with this ref and different content; "
                        "import with --amend-by-ref to record the row as its amendment", row.line,
                    ))
                continue
            if row.fingerprint in known or row.bare_fingerprint in known:
                _already_recorded(report, row, row.fingerprint if row.fingerprint in known else row.bare_fingerprint)
                continue
            if row.fields_fingerprint in known or any(extras_agree(extra, other) for _, other in recorded):
                _already_recorded(report, row, None)
                continue
            if type(row) is PlainRow and _append_plain(writer, row, report):
                continue
            draft = _draft_of(row, config)
            assert draft.source is not None
            before = writer.pending
            source = writer.source_for(draft.source, row.line)
            if writer.pending > before:
                report.sources_recorded += 1
            claim = writer.add_claim(draft, source, row.line, row.fingerprint)
            report.recorded.append(claim.id)
        except InvalidInput as error:
            report.errors.extend(replace(e, line=e.line or row.line) for e in error.errors)
        except LedgerError as error:
            report.errors.append(FieldError("row", None, error.message, row.line))
    if progress:
        progress(len(prepared) % 1000)


def _already_recorded(report: ImportReport, row: PreparedRow | PlainRow, fingerprint: str | None) -> None:
    """Note a row as recorded; as recorded with other extra columns unless the recorded
    version's ``fingerprint`` is the row's own (or the one pxl gave it before extra columns)."""
    report.already_recorded.append(row.line)
    if fingerprint != row.fingerprint and (fingerprint != row.bare_fingerprint or row.extra):
        report.other_columns.append(row.line)


def _versions_with_extra(
    writer: Writer, state: _FileState, prepared: list[PreparedRow | PlainRow]
) -> dict[str, list[tuple[str, tuple]]]:
    """The recorded versions with extra columns that rows of ``prepared`` may be, loaded
    for the series not loaded yet (:meth:`Writer.versions_with_extra`)."""
    if state.with_extra is None:
        return {}
    if not state.series_loaded and not writer.has_extra_columns():
        state.with_extra = None
        return {}
    series = {_series_of(row) for row in prepared} - state.series_loaded
    for _, fingerprint, fields_fingerprint, extra in writer.versions_with_extra(series):
        state.with_extra.setdefault(fields_fingerprint, []).append((fingerprint, extra))
    state.series_loaded |= series
    return state.with_extra


def _series_of(row: PreparedRow | PlainRow) -> str:
    return row.draft.series if type(row) is PreparedRow else row.before_source[1]


def _append_plain(writer: Writer, row: PlainRow, report: ImportReport) -> bool:
    """Append a plain row as a new claim; False (nothing appended) when its recorded
    source differs from the row or has archived text to find the quote in."""
    source, new = writer.plain_source(row.source_identity, row.source_fields)
    if source is None or (row.has_quote and source.document_sha256 is not None):
        return False
    report.sources_recorded += new
    seq = writer.append_fields(EntryType.CLAIM, row.claim_fields(source.seq), row.claim_json(source.seq))
    report.recorded.append(f"C{seq}")
    return True


def _draft_of(row: PreparedRow | PlainRow, config: WordingConfig) -> ClaimDraft:
    """The row's draft; a plain row's is made only when the exact path needs it (an
    amendment, or a recorded source that differs or has archived text)."""
    if type(row) is PreparedRow:
        return row.draft
    draft, errors = claim_draft(row.fields, config)
    if draft is None or errors:  # the fast lane vouched for a row the exact path refuses
        raise LedgerError(
            f"pxl's two ways of reading this row disagree ({'; '.join(map(str, errors))})",
            "please report it with the row",
        )
    return draft


def _claim_states(writer: Writer, refs: list[str]) -> dict[str, tuple[int, str, bool]]:
    """For each recorded ref: its claim seq, current fingerprint, and whether retracted."""
    by_ref = writer.claim_seqs_by_ref(refs)
    if not by_ref:
        return {}
    seqs = list(by_ref.values())
    fingerprints: dict[int, str] = {}
    retracted: set[int] = set()
    connection = writer.connection
    for start in range(0, len(seqs), 500):
        batch = seqs[start:start + 500]
        for seq, fingerprint in connection.execute(
            select(schema.claims.c.seq, schema.claims.c.fingerprint).where(schema.claims.c.seq.in_(batch))
        ):
            fingerprints[seq] = fingerprint
        for claim_seq, action, fingerprint in connection.execute(
            select(schema.corrections.c.claim_seq, schema.corrections.c.action, schema.corrections.c.fingerprint)
            .where(schema.corrections.c.claim_seq.in_(batch)).order_by(schema.corrections.c.seq)
        ):
            if action == Action.RETRACT.value:
                retracted.add(claim_seq)
            else:
                fingerprints[claim_seq] = fingerprint
    return {ref: (seq, fingerprints[seq], seq in retracted) for ref, seq in by_ref.items()}

