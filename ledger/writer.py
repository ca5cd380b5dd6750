"""Appending to the chain: the only code that writes to the ledger, and it only INSERTs.

A :class:`Writer` lives inside one locked transaction (see :func:`ledger.store.Ledger.writing`).
It assigns chain positions and hashes as entries are added, buffers the rows, and
:meth:`Writer.flush` writes them with one bulk statement per table. Either the whole
batch commits or none of it does.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Iterable, Iterator

from sqlalchemy import Connection, Table, select

from . import schema
from .chain import (
    CONTENT_FIELDS, GENESIS, OPTIONAL_TAIL, canonical_json, document_hash, entry_header, hash_encoded,
    hashed_fields,
)
from .dates import Period, iso
from .drafts import ClaimDraft, SourceDraft, claim_content, recorded_fingerprint, source_identity
from .errors import FieldError, InvalidInput, NotFound
from .model import (
    Action,
    Claim,
    ClaimContent,
    Correction,
    Declaration,
    DeclarationAction,
    DeclarationKind,
    EntryType,
    Head,
    Source,
)
from .rows import CONTENT_COLUMNS, content_from_row, content_row, source_from_row, source_row

_TABLE_OF = {
    EntryType.SOURCE: schema.sources,
    EntryType.CLAIM: schema.claims,
    EntryType.CORRECTION: schema.corrections,
    EntryType.DECLARATION: schema.declarations,
}
# Buffered rows are tuples in these column orders: a typed row's content fields are in
# the order the chain hashes them, so one tuple serves the hash and the insert.
_ENTRY_COLUMNS = ("seq", "entry_type", "recorded_at", "recorded_by", "prev_hash", "hash")
_COLUMNS_OF = {t: ("seq", *CONTENT_FIELDS[t.value]) for t in _TABLE_OF}
_DOCUMENT_COLUMNS = ("sha256", "text", "length")
_TYPE_NAMES = {t: t.value for t in EntryType}
_LOOKUP_BATCH = 500


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Writer:
    def __init__(self, connection: Connection, head: Head | None, recorded_by: str, now: str | None = None):
        """``now``: the database's time read under the append lock, where it has a clock
        of its own (PostgreSQL); else this machine's."""
        self.connection = connection
        self.recorded_by = recorded_by
        # Chain time never runs backwards, so "as known at T" is always a prefix of the chain.
        now = now or utc_now()
        self.recorded_at = max(now, head.recorded_at) if head else now
        self._next_seq = head.seq + 1 if head else 1
        self._headers = {t: entry_header(t.value, self.recorded_at, recorded_by) for t in EntryType}
        self._prev_hash = head.hash if head else GENESIS
        self._entries: list[tuple] = []
        self._written = 0  # entries written by this writer
        self._analysed_at = 0  # as many as were written at the last ANALYZE (PostgreSQL)
        self._rows: dict[EntryType, list[tuple]] = {t: [] for t in _TABLE_OF}
        self._documents: dict[str, str] = {}  # new, to be written
        self._stored_documents: dict[str, str | None] = {}  # already in the database
        self._sources: dict[int, Source] | None = None
        self._source_by_identity: dict[str, Source] = {}
        self._first_by_url: dict[str, int] = {}  # url -> the first source recorded with it
        self._plain_sources: dict[str, tuple[tuple, Source]] = {}  # identity -> (fields that matched, source)

    # -- the chain ------------------------------------------------------------------

    @property
    def head(self) -> Head | None:
        """The chain head including what this writer has added."""
        if self._next_seq == 1:
            return None
        return Head(self._next_seq - 1, self._prev_hash, self.recorded_at)

    @property
    def pending(self) -> int:
        return len(self._entries)

    def _append(self, entry_type: EntryType, content: dict[str, Any]) -> int:
        return self.append_fields(entry_type, tuple(content[name] for name in CONTENT_FIELDS[entry_type.value]))

    def append_fields(self, entry_type: EntryType, fields: tuple, fields_json: str | None = None) -> int:
        """Append an entry whose content ``fields`` are in CONTENT_FIELDS order, already
        validated (and, if the caller has it, ``fields_json``: the canonical JSON of
        :func:`~ledger.chain.hashed_fields` of them);
        returns its position."""
        seq = self._next_seq
        prev_hash = self._prev_hash
        if fields_json is None:
            fields_json = canonical_json(hashed_fields(entry_type.value, fields))
        digest = hash_encoded(seq, prev_hash, self._headers[entry_type], fields_json)
        self._entries.append((seq, _TYPE_NAMES[entry_type], self.recorded_at, self.recorded_by, prev_hash, digest))
        self._rows[entry_type].append((seq,) + fields)
        self._next_seq = seq + 1
        self._prev_hash = digest
        return seq

    def flush(self) -> None:
        """Write everything buffered, parents before children (foreign keys are immediate)."""
        documents = [(sha, text, len(text)) for sha, text in self._documents.items()]
        _insert_many(self.connection, schema.documents, _DOCUMENT_COLUMNS, documents)
        _insert_many(self.connection, schema.entries, _ENTRY_COLUMNS, self._entries)
        for entry_type in (EntryType.SOURCE, EntryType.CLAIM, EntryType.CORRECTION, EntryType.DECLARATION):
            columns, rows = _COLUMNS_OF[entry_type], self._rows[entry_type]
            if OPTIONAL_TAIL[entry_type.value] and rows and all(row[-1] is None for row in rows):
                # No row has the optional last field (extra columns): the insert leaves it
                # NULL without naming it, as pxl wrote before the field existed (a ledger
                # at an earlier schema, which tests build, is still written).
                columns, rows = columns[:-1], [row[:-1] for row in rows]
            _insert_many(self.connection, _TABLE_OF[entry_type], columns, rows)
        self._written += len(self._entries)
        unanalysed = self._written - self._analysed_at
        if self.connection.dialect.name == "postgresql" and unanalysed >= max(ANALYZE_AFTER, self._analysed_at):
            # The planner's statistics still describe the tables before this write: with
            # them, the next batch's lookups by ref and fingerprint scan the whole table
            # (an import of 100k rows spent 80 s there). ANALYZE inside the transaction
            # sees the rows written so far. Each time the rows written have doubled: the
            # statistics are never off by more than half, and a large import analyses a
            # handful of times rather than every 10,000 rows (100k rows: 9.7-10.9 s
            # with ANALYZE every 10,000 entries, 7.4-7.8 s doubling).
            # pxl_analyze() runs as the tables' owner: ANALYZE by the writer role alone is
            # skipped with a warning (a 50k-row import took 66 s instead of 9 s).
            self.connection.exec_driver_sql("SELECT pxl_analyze()")
            self._analysed_at = self._written
        self._documents.clear()
        self._entries.clear()
        for rows in self._rows.values():
            rows.clear()

    # -- documents and sources ------------------------------------------------------

    def archive(self, text: str) -> str:
        """Store ``text`` once, by its SHA-256; returns the hash."""
        sha = document_hash(text)
        if sha not in self._documents and self.document_text(sha) is None:
            self._documents[sha] = text
            self._stored_documents.pop(sha, None)
        return sha

    def document_text(self, sha: str | None) -> str | None:
        if sha is None:
            return None
        if sha in self._documents:
            return self._documents[sha]
        if sha not in self._stored_documents:
            self._stored_documents[sha] = self.connection.execute(
                select(schema.documents.c.text).where(schema.documents.c.sha256 == sha)
            ).scalar_one_or_none()
        return self._stored_documents[sha]

    def _load_sources(self) -> dict[int, Source]:
        if self._sources is None:
            self._sources = {}
            for row in self.connection.execute(select(schema.sources)).mappings():
                self._remember(source_from_row(row))
        return self._sources

    def _remember(self, source: Source) -> None:
        assert self._sources is not None
        self._sources[source.seq] = source
        self._source_by_identity.setdefault(_identity(source), source)
        if source.url is not None:
            self._first_by_url.setdefault(source.url, source.seq)

    def _version_of(self, url: str | None) -> int | None:
        """For a new source: the first source recorded with its url (another version of the page)."""
        return self._first_by_url.get(url) if url is not None else None

    def source(self, seq: int) -> Source:
        try:
            return self._load_sources()[seq]
        except KeyError:
            raise NotFound(f"there is no source S{seq}", "`pxl source list` shows the sources") from None

    def source_for(self, draft: SourceDraft, column_line: int | None = None) -> Source:
        """The recorded source ``draft`` describes, recording it first if it is new.

        Matched by (url, published), else by (publisher, title, published). A match whose
        other facts differ is an error: a recorded source cannot be changed. A known url
        with another publication date is a new version of that page, linked to the first.
        """
        self._load_sources()
        existing = self._source_by_identity.get(draft.identity())
        document_sha = document_hash(draft.document_text) if draft.document_text is not None else None
        if existing is not None:
            errors = _source_mismatches(existing, draft, document_sha, column_line)
            if errors:
                raise InvalidInput(errors, "a recorded source cannot change; give a different url "
                                           "or title for a different document")
            return existing
        if draft.document_text is not None:
            self.archive(draft.document_text)
        seq = self._next_seq
        source = Source(
            seq=seq, publisher=draft.publisher, published=draft.published, title=draft.title,
            url=draft.url, document_sha256=document_sha, derived_from=draft.derived_from,
            recorded_at=self.recorded_at, recorded_by=self.recorded_by, version_of=self._version_of(draft.url),
        )
        row = source_row(source)
        del row["seq"]
        self._append(EntryType.SOURCE, row)
        self._remember(source)
        return source

    def plain_source(self, identity: str, fields: tuple) -> tuple[Source | None, bool]:
        """The source a plain import row names (``fields`` in CONTENT_FIELDS order, with no
        document), recorded first if it is new, and whether it is; None when a recorded
        source with this identity differs in a fact the row gives (:meth:`source_for`
        says how)."""
        seen = self._plain_sources.get(identity)
        if seen is not None and seen[0] == fields:  # as an earlier row gave it: the same answer
            return seen[1], False
        if self._sources is None:
            self._load_sources()
        publisher, title, url, published, _, derived_from = fields
        existing = self._source_by_identity.get(identity)
        if existing is None:
            source = Source(
                seq=self.append_fields(EntryType.SOURCE, fields), publisher=publisher,
                published=_period(published),
                title=title, url=url, document_sha256=None, derived_from=derived_from,
                recorded_at=self.recorded_at, recorded_by=self.recorded_by, version_of=self._version_of(url),
            )
            self._remember(source)
            self._plain_sources[identity] = (fields, source)
            return source, True
        given = SourceDraft(publisher, _period(published), title, url, derived_from)
        if _source_mismatches(existing, given, None, None):
            return None, False
        self._plain_sources[identity] = (fields, existing)
        return existing, False

    # -- claims and corrections -----------------------------------------------------

    def add_claim(
        self, draft: ClaimDraft, source: Source, line: int | None = None, fingerprint: str | None = None
    ) -> Claim:
        """Append a claim; ``fingerprint`` if the caller has it already (it must be
        ``draft.fingerprint`` over this source's identity)."""
        content, errors = claim_content(draft, source, self.document_text(source.document_sha256))
        if errors:
            raise InvalidInput([_at_line(e, line) for e in errors])
        assert content is not None
        fingerprint = fingerprint or draft.fingerprint(_identity(source))
        row = {"ref": draft.ref, **content_row(content, fingerprint)}
        seq = self._append(EntryType.CLAIM, row)
        return Claim(
            seq=seq, ref=draft.ref, content=content, source=source,
            recorded_at=self.recorded_at, recorded_by=self.recorded_by, fingerprint=fingerprint,
        )

    def add_correction(
        self,
        claim_seq: int,
        action: Action,
        reason: str,
        content: ClaimContent | None = None,
        fingerprint: str | None = None,
    ) -> Correction:
        row = {
            "claim_seq": claim_seq, "action": action.value, "reason": reason,
            **content_row(content, fingerprint),
        }
        seq = self._append(EntryType.CORRECTION, row)
        return Correction(
            seq=seq, claim_seq=claim_seq, action=action, reason=reason,
            recorded_at=self.recorded_at, recorded_by=self.recorded_by, content=content,
            fingerprint=fingerprint,
        )

    def add_declaration(
        self,
        action: DeclarationAction,
        kind: DeclarationKind,
        subject: str,
        object: str | None,
        reason: str,
        corrects: int | None = None,
    ) -> Declaration:
        row = {
            "action": action.value, "corrects": corrects, "kind": kind.value,
            "subject": subject, "object": object, "reason": reason,
        }
        seq = self._append(EntryType.DECLARATION, row)
        return Declaration(
            seq=seq, action=action, kind=kind, subject=subject, object=object, reason=reason,
            recorded_at=self.recorded_at, recorded_by=self.recorded_by, corrects=corrects,
        )

    def amend_content(self, draft: ClaimDraft, source: Source) -> tuple[ClaimContent, str]:
        content, errors = claim_content(draft, source, self.document_text(source.document_sha256))
        if errors:
            raise InvalidInput(errors)
        assert content is not None
        return content, draft.fingerprint(_identity(source))

    # -- lookups for re-imports -----------------------------------------------------

    def known_fingerprints(self, fingerprints: Iterable[str]) -> set[str]:
        """Which of ``fingerprints`` any recorded claim version already has."""
        wanted = list(dict.fromkeys(fingerprints))
        found: set[str] = set()
        for table in ("claims", "corrections"):
            found.update(fingerprint for (fingerprint,) in self._rows_where_in(
                f"SELECT fingerprint FROM {table} WHERE fingerprint", wanted))
        return found

    def has_extra_columns(self) -> bool:
        """Whether any recorded claim version has extra columns."""
        return any(self.connection.execute(select(table.c.seq).where(table.c.extra.is_not(None)).limit(1)).first()
                   for table in (schema.claims, schema.corrections))

    def versions_with_extra(self, series: Iterable[str]) -> Iterator[tuple[int, str, str, tuple[tuple[str, str], ...]]]:
        """Every recorded claim version of ``series`` that has extra columns, as (claim seq,
        its fingerprint, its fingerprint without the extra columns, the extra columns): how
        a row given again with some extra columns dropped or added is recognised. A version
        whose stored fingerprint is not the one its stored fields give (written by no
        pxl) is left out: it vouches for nothing."""
        wanted = list(dict.fromkeys(series))
        if not wanted:
            return
        claims, corrections = schema.claims, schema.corrections
        queries = (
            select(claims.c.seq.label("claim_seq"), claims.c.ref, *_content_columns(claims))
            .where(claims.c.extra.is_not(None), claims.c.series.in_(wanted)),
            select(corrections.c.claim_seq, claims.c.ref, *_content_columns(corrections))
            .join(claims, claims.c.seq == corrections.c.claim_seq)
            .where(corrections.c.extra.is_not(None), corrections.c.series.in_(wanted)),
        )
        found = [row._mapping for query in queries for row in self.connection.execute(query)]
        sources = {source.seq: source for source in self.sources_by_seq({row["source_seq"] for row in found})}
        for row in found:
            content, source = content_from_row(row), sources[row["source_seq"]]
            if recorded_fingerprint(content, row["ref"], source) != row["fingerprint"]:
                continue
            yield (row["claim_seq"], row["fingerprint"],
                   recorded_fingerprint(content, row["ref"], source, with_extra=False), content.extra)

    def sources_by_seq(self, seqs: Iterable[int]) -> list[Source]:
        wanted = sorted(seqs)
        found = []
        for start in range(0, len(wanted), _LOOKUP_BATCH):
            batch = wanted[start:start + _LOOKUP_BATCH]
            found.extend(source_from_row(row._mapping) for row in self.connection.execute(
                select(schema.sources).where(schema.sources.c.seq.in_(batch))))
        return found

    def claim_seqs_by_ref(self, refs: Iterable[str]) -> dict[str, int]:
        return dict(self._rows_where_in("SELECT ref, seq FROM claims WHERE ref", list(dict.fromkeys(refs))))

    def _rows_where_in(self, select_where: str, values: list[str]) -> Iterator[tuple]:
        """The rows of ``select_where`` + `` IN (...)`` for ``values``, a batch at a time.
        Driver SQL: a Core IN query is compiled afresh for each batch (a third of the
        lookup's time for an import of 100k rows with refs)."""
        mark = "?" if self.connection.dialect.paramstyle == "qmark" else "%s"
        for start in range(0, len(values), _LOOKUP_BATCH):
            batch = tuple(values[start:start + _LOOKUP_BATCH])
            yield from self.connection.exec_driver_sql(f"{select_where} IN ({', '.join([mark] * len(batch))})", batch)


def _content_columns(table: Table) -> list:
    return [table.c[name] for name in CONTENT_COLUMNS]


def _period(text: str | None) -> Period | None:
    return Period.from_iso(text) if text is not None else None


def _identity(source: Source) -> str:
    return source_identity(source.url, source.publisher, source.title, source.published)


def _at_line(error: FieldError, line: int | None) -> FieldError:
    if line is None or error.line is not None:
        return error
    return FieldError(error.column, error.text, error.reason, line)


def _source_mismatches(
    existing: Source, draft: SourceDraft, document_sha: str | None, line: int | None
) -> list[FieldError]:
    errors = []
    for column, recorded, given in (
        ("publisher", existing.publisher, draft.publisher),
        ("published", iso(existing.published), iso(draft.published)),
        ("title", existing.title, draft.title),
        ("derived_from", existing.derived_from, draft.derived_from),
    ):
        if given is not None and recorded != given:
            errors.append(FieldError(
                column, given, f"source {existing.id} ({existing.url or existing.publisher}) "
                f"was recorded with {column} {recorded!r}", line,
            ))
    if document_sha is not None and existing.document_sha256 != document_sha:
        what = (
            f"archived text sha256 {existing.document_sha256[:12]}..."
            if existing.document_sha256 else "no archived text"
        )
        errors.append(FieldError(
            "document", draft.document, f"source {existing.id} was recorded with {what}; "
            "this document differs", line,
        ))
    return errors


COPY_THRESHOLD = 200
ANALYZE_AFTER = 10_000  # entries written before the first ANALYZE


def _insert_many(connection: Connection, table: Table, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """One bulk write per table, in the caller's transaction.

    SQLite: a driver-level executemany with tuples (SQLAlchemy's Core insert with dicts
    costs ~3x as much per row there, and it does not batch). PostgreSQL: COPY for large
    batches (some 40x faster than multi-row INSERT for 100,000 wide rows), a Core insert
    for small ones. Both are plain inserts to the triggers and constraints.
    """
    if not rows:
        return
    if connection.dialect.name == "sqlite":
        sql = (
            f"INSERT INTO {table.name} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})"
        )
        connection.exec_driver_sql(sql, rows)
    elif len(rows) >= COPY_THRESHOLD and connection.dialect.driver == "psycopg":
        driver = connection.connection.driver_connection
        with driver.cursor() as cursor:
            with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
    else:
        connection.execute(table.insert(), [dict(zip(columns, row, strict=True)) for row in rows])
