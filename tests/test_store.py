"""The store contract, run against SQLite and PostgreSQL (the ``backend`` fixture)."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from pxl.ledger.errors import InvalidInput, LedgerError, NotFound
from pxl.ledger.model import Figure, Head
from pxl.ledger.schema import LEDGER_TABLES
from pxl.ledger.store import Ledger, parse_known_at
from pxl.ledger import verification
from pxl.ledger.drafts import CONTROL_CHARACTERS, SourceDraft  # refused in notes, not in titles
from pxl.ledger.verification import verify_chain
from tests.helpers import SERIES, draft, run_side_by_side, tamper

ARTICLE = (
    "The move came after the Afghan government released 100 Taliban prisoners, "
    "bringing to 300 the total number of Taliban inmates freed since April 8.\n"
    "Kabul has released \u201cmore than four thousand\u201d prisoners, he said."
)


def test_record_and_list_round_trip(backend):
    ledger = backend.ledger()
    claim = ledger.record(draft(value="more than 4,000", speaker="Sediq Sediqqi", as_of="2020-04-12",
                                period_start="2020-04-08", quote="q", reliability="b", credibility="2",
                                notes="n", ref="row-1", event="batch-1"))
    [listed] = ledger.claims()
    assert listed.id == claim.id == "C2"  # S1 is the source, recorded in the same append
    assert (listed.lo, listed.hi, listed.value) == (4001, None, "more than 4,000")
    assert listed.as_of.isoformat() == "2020-04-12" and not listed.as_of_inferred
    assert listed.period_start.isoformat() == "2020-04-08"
    assert (listed.reliability, listed.credibility, listed.ref, listed.event) == ("B", 2, "row-1", "batch-1")
    assert listed.source.publisher == "RFE/RL" and listed.speaker == "Sediq Sediqqi"


def test_as_of_defaults_to_publication_date_and_is_marked(backend):
    claim = backend.ledger().record(draft())
    assert claim.as_of.isoformat() == "2020-04-13" and claim.as_of_inferred


def test_sources_are_matched_by_url_and_reused(backend):
    ledger = backend.ledger()
    first = ledger.record(draft(value="100"))
    second = ledger.record(draft(value="300"))
    assert first.source.seq == second.source.seq
    assert len(ledger.sources()) == 1


def test_a_recorded_source_cannot_be_redescribed(backend):
    ledger = backend.ledger()
    ledger.record(draft())
    with pytest.raises(InvalidInput, match="publisher"):
        ledger.record(draft(publisher="Someone else"))


def test_quote_is_located_in_archived_text_as_selectors(backend):
    ledger = backend.ledger()
    quote = "bringing to 300 the total number of Taliban inmates freed since April 8"
    claim = ledger.record(draft(document_text=ARTICLE, quote=quote))
    selector = claim.quote
    assert ARTICLE[selector.start:selector.end] == selector.exact == quote
    assert ARTICLE.endswith(selector.suffix, 0, selector.end + len(selector.suffix))
    assert ARTICLE[:selector.start].endswith(selector.prefix)
    history = ledger.history(claim.seq)
    assert history.source_text == ARTICLE
    assert ledger.document(claim.source.document_sha256) == ARTICLE


def test_quote_with_straight_quotes_matches_curly_text(backend):
    claim = backend.ledger().record(draft(document_text=ARTICLE, quote='released "more than four thousand"'))
    assert claim.quote.exact == "released \u201cmore than four thousand\u201d"


def test_quote_missing_from_document_is_an_error_and_writes_nothing(backend):
    ledger = backend.ledger()
    with pytest.raises(InvalidInput, match="does not occur"):
        ledger.record(draft(document_text=ARTICLE, quote="released 500 prisoners"))
    assert ledger.count() == 0


def test_document_is_stored_once(backend):
    ledger = backend.ledger()
    ledger.record(draft(document_text=ARTICLE))
    ledger.record(draft(document_text=ARTICLE, url="https://example.org/reprint", publisher="Reprint"))
    with ledger.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM documents")).scalar_one() == 1


def test_duplicate_ref_is_refused(backend):
    ledger = backend.ledger()
    ledger.record(draft(ref="r1"))
    with pytest.raises(InvalidInput, match="already used by C2"):
        ledger.record(draft(ref="r1", value="5"))


def test_amend_keeps_original_and_listing_shows_effective_version(backend):
    ledger = backend.ledger()
    claim = ledger.record(draft(value="300"))
    correction = ledger.amend(claim.seq, {"value": "about 300"}, "approximate in the source")
    [effective] = ledger.claims()
    assert (effective.id, effective.lo, effective.hi, effective.status) == (claim.id, 270, 330, "amended")
    assert effective.corrections == (correction.id,)
    history = ledger.history(claim.seq)
    assert history.original.value == "300" and history.effective.value == "about 300"


def test_amend_that_changes_nothing_is_refused(backend):
    ledger = backend.ledger()
    claim = ledger.record(draft(value="300"))
    with pytest.raises(LedgerError, match="leaves C2 as it is"):
        ledger.amend(claim.seq, {"value": "300"}, "no-op")


def test_retract_removes_from_listing_but_not_from_history(backend):
    ledger = backend.ledger()
    claim = ledger.record(draft())
    ledger.retract(claim.seq, "wrong article")
    assert ledger.claims() == []
    assert [c.status for c in ledger.claims(include_retracted=True)] == ["retracted"]
    assert ledger.history(claim.seq).effective is None
    with pytest.raises(LedgerError, match="already retracted"):
        ledger.retract(claim.seq, "again")
    with pytest.raises(LedgerError, match="retracted and cannot be amended"):
        ledger.amend(claim.seq, {"value": "5"}, "x")


def test_unknown_claim_and_source(backend):
    ledger = backend.ledger()
    with pytest.raises(NotFound):
        ledger.history(99)
    with pytest.raises(NotFound):
        ledger.find_source("S7")


def test_as_known_at_shows_what_the_ledger_held_then(backend):
    ledger = backend.ledger()
    claim = ledger.record(draft(value="300"))
    time.sleep(0.01)
    before_amend = ledger.head().recorded_at
    time.sleep(0.01)
    ledger.amend(claim.seq, {"value": "310"}, "typo")
    time.sleep(0.01)
    before_retract = ledger.head().recorded_at
    time.sleep(0.01)
    ledger.retract(claim.seq, "withdrawn")
    assert ledger.claims() == []
    assert [c.value for c in ledger.claims(as_known_at=before_amend)] == ["300"]
    assert [c.value for c in ledger.claims(as_known_at=before_retract)] == ["310"]
    assert ledger.claims(as_known_at="2000-01-01T00:00:00.000000Z") == []


def test_parse_known_at_accepts_dates_and_timestamps():
    assert parse_known_at("2020-04-13") == "2020-04-13T23:59:59.999999Z"
    assert parse_known_at("2020-04-13T10:00") == "2020-04-13T10:00:00.000000Z"
    assert parse_known_at("2020-04-13T12:00+02:00") == "2020-04-13T10:00:00.000000Z"
    with pytest.raises(LedgerError):
        parse_known_at("yesterday")


def test_chain_time_never_runs_backwards(backend):
    ledger = backend.ledger()
    for value in range(5):
        ledger.record(draft(value=str(value)))
    with ledger.engine.connect() as connection:
        times = connection.execute(text("SELECT recorded_at FROM entries ORDER BY seq")).scalars().all()
    assert times == sorted(times)


@pytest.mark.parametrize("table", LEDGER_TABLES)
@pytest.mark.parametrize("statement", ["UPDATE {t} SET {c} = {c}", "DELETE FROM {t}"])
def test_update_and_delete_fail_in_the_database(backend, table, statement):
    ledger = backend.ledger()
    ledger.record(draft(document_text=ARTICLE))
    column = {"entries": "seq", "documents": "length", "sources": "publisher", "claims": "value",
              "corrections": "reason", "declarations": "reason"}[table]
    if table == "corrections":
        ledger.retract(2, "to have a correction row")
    if table == "declarations":
        ledger.declare("complete", "a->b", reason="to have a declaration row")
    with pytest.raises(Exception, match="append-only"):
        with ledger.engine.begin() as connection:
            connection.execute(text(statement.format(t=table, c=column)))
    assert ledger.verify().ok


def test_truncate_is_refused(backend):
    # SQLite has no TRUNCATE: its equivalent is an unqualified DELETE (the "truncate
    # optimisation"), which a DELETE trigger switches off and refuses.
    statement = "TRUNCATE claims CASCADE" if backend.name == "postgresql" else "DELETE FROM claims"
    ledger = backend.ledger()
    ledger.record(draft())
    with pytest.raises(Exception, match="append-only"):
        with ledger.engine.begin() as connection:
            connection.execute(text(statement))
    assert ledger.count() == 2 and len(ledger.claims()) == 1


def test_verify_passes_and_digest_is_head(backend):
    ledger = backend.ledger()
    ledger.record(draft(document_text=ARTICLE))
    ledger.record(draft(value="100"))
    report = ledger.verify()
    assert report.ok and report.entries == 3 and report.documents == 1
    head = ledger.head()
    assert ledger.digest() == f"{head.seq}:{head.hash}"
    assert ledger.verify(Head.parse(ledger.digest())).ok


def _populated(backend) -> Ledger:
    ledger = backend.ledger()
    ledger.record(draft(document_text=ARTICLE, quote="bringing to 300"))
    for value in ("100", "200", "400", "500"):
        ledger.record(draft(value=value))
    ledger.amend(3, {"value": "110"}, "typo")
    return ledger  # S1 C2 C3 C4 C5 C6 X7


@pytest.mark.parametrize(
    ("statements", "seq", "message"),
    [
        (["UPDATE claims SET value = '301' WHERE seq = 4"], 4, "does not match its hash"),
        (["UPDATE claims SET lo = 1, hi = 1 WHERE seq = 5"], 5, "does not match its hash"),
        (["UPDATE claims SET quote = 'bringing to 3000' WHERE seq = 2"], 2, "does not match its hash"),
        (["UPDATE sources SET publisher = 'Other' WHERE seq = 1"], 1, "does not match its hash"),
        (["UPDATE corrections SET reason = 'x' WHERE seq = 7"], 7, "does not match its hash"),
        (["UPDATE entries SET recorded_by = 'mallory' WHERE seq = 3"], 3, "does not match its hash"),
        (["DELETE FROM claims WHERE seq = 4", "DELETE FROM entries WHERE seq = 4"], 4, "missing"),
        (["DELETE FROM claims WHERE seq = 5"], 5, "row is missing"),
        # a reordered pair: the content of two claims swapped
        (["UPDATE claims SET value = CASE seq WHEN 4 THEN '400' ELSE '200' END, "
          "lo = CASE seq WHEN 4 THEN 400 ELSE 200 END, hi = CASE seq WHEN 4 THEN 400 ELSE 200 END "
          "WHERE seq IN (4, 5)"], 4, "does not match its hash"),
    ],
)
def test_tampering_is_detected_and_named(backend, statements, seq, message):
    ledger = _populated(backend)
    tamper(ledger, *statements)
    report = ledger.verify()
    assert not report.ok
    assert report.first.seq == seq, report.problems
    assert message in report.first.message


@pytest.mark.parametrize("statements", [
    [],
    ["UPDATE claims SET value = '301' WHERE seq = 4", "UPDATE entries SET recorded_by = 'm' WHERE seq = 7"],
    ["DELETE FROM claims WHERE seq = 4", "DELETE FROM entries WHERE seq = 4"],  # at a span's end
    ["DELETE FROM claims WHERE seq = 5", "DELETE FROM entries WHERE seq = 5"],  # at a span's start
    ["DELETE FROM claims WHERE seq = 6", "DELETE FROM entries WHERE seq = 6"],  # before the last
    ["UPDATE entries SET prev_hash = hash WHERE seq = 3", "DELETE FROM claims WHERE seq = 6"],
])
def test_verifying_in_parallel_spans_finds_what_one_pass_finds(backend, statements):
    ledger = _populated(backend)
    tamper(ledger, *statements)
    last = 7
    one_pass = verify_chain(ledger.engine, last, workers=1, span=last)
    seen: list[int] = []
    for workers in (1, 2):
        assert verify_chain(ledger.engine, last, seen.append, workers=workers, span=2) == one_pass
    assert sum(seen) == 2 * one_pass[0]
    assert bool(one_pass[1]) == bool(statements)


SQLITE_ONLY = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


@SQLITE_ONLY
@pytest.mark.parametrize("statements", [
    [],
    ["UPDATE claims SET value = '301' WHERE seq = 4"],
    ["UPDATE claims SET value = X'333031' WHERE seq = 4"],  # a blob where text was
    ["UPDATE claims SET lo = 99.5 WHERE seq = 3"],  # a real where an integer was
    ["UPDATE claims SET as_of_inferred = 2 WHERE seq = 5"],
    ["UPDATE corrections SET as_of_inferred = NULL WHERE seq = 7"],
    ["UPDATE entries SET entry_type = 'source' WHERE seq = 5"],
    # a stray row: a source standing at a claim's position
    ["INSERT INTO sources SELECT 4, publisher, title, url, published, document_sha256, derived_from "
     "FROM sources WHERE seq = 1"],
    ["DELETE FROM claims WHERE seq = 5"],
    ["DELETE FROM claims WHERE seq = 4", "DELETE FROM entries WHERE seq = 4"],
    ["UPDATE entries SET prev_hash = hash WHERE seq = 3"],
])
def test_the_fast_sqlite_check_finds_what_the_exact_pass_finds(backend, statements, monkeypatch):
    ledger = _populated(backend)
    tamper(ledger, *statements)
    monkeypatch.setattr(verification, "FETCH_CHUNK", 2)  # several chunks, some clean, some not
    with ledger.engine.connect() as connection:
        exact = verification._verify_span(connection, 0, 7, fast=False)
        assert verification._verify_span(connection, 0, 7, fast=True) == exact
        cursor = connection.connection.driver_connection.cursor()
        assert verification._chunk_intact(cursor, 0, 7) is not bool(statements)
    assert bool(exact[1]) == bool(statements)


_any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@SQLITE_ONLY
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.tuples(_any_text.filter(str.strip), _any_text), min_size=1, max_size=6),
       inferred=st.booleans())
def test_the_fast_sqlite_check_vouches_for_any_intact_text(backend, texts, inferred):
    """SQLite's JSON of what pxl stored hashes to the stored hash, whatever the text
    (quotes, backslashes, control characters, line separators, astral characters): the
    fast check is used on real ledgers, not only ever falling back."""
    ledger = backend.ledger()
    head = ledger.head()
    start = head.seq if head else 0
    for publisher, title in texts:
        source, _ = ledger.add_source(SourceDraft(publisher=publisher, title=title or None,
                                                  published=date(2020, 5, 1)))
        ledger.record(draft(**({} if inferred else {"as_of": "2020-04-01"}), notes=CONTROL_CHARACTERS.sub("", title).strip() or None,
                            value="100", url=None, publisher="X", title=None), source_seq=source.seq)
    last = ledger.head().seq
    with ledger.engine.connect() as connection:
        cursor = connection.connection.driver_connection.cursor()
        assert verification._chunk_intact(cursor, start, last)
        assert verification._verify_span(connection, 0, last, fast=False) == (last, [])


def test_swapped_document_text_is_detected(backend):
    ledger = _populated(backend)
    tamper(ledger, "UPDATE documents SET text = 'something else'")
    report = ledger.verify()
    assert not report.ok and "text was changed" in str(report.first)


def test_deleted_tail_is_caught_with_a_saved_digest(backend):
    ledger = _populated(backend)
    saved = Head.parse(ledger.digest())
    tamper(ledger, "DELETE FROM corrections WHERE seq = 7", "DELETE FROM entries WHERE seq = 7")
    assert ledger.verify().ok  # a clean prefix is a valid chain on its own ...
    report = ledger.verify(saved)  # ... but it no longer extends the saved head
    assert not report.ok and "truncated" in report.first.message


def test_forged_row_with_recomputed_hashes_is_caught_with_a_saved_digest(backend):
    from pxl.ledger.chain import entry_hash

    ledger = _populated(backend)
    saved = Head.parse(ledger.digest())
    # The attacker rewrites claim 4 and recomputes every hash from there on.
    tamper(ledger, "UPDATE claims SET value = '999', lo = 999, hi = 999 WHERE seq = 4")
    with ledger.engine.connect() as connection:
        entries = connection.execute(text("SELECT * FROM entries ORDER BY seq")).mappings().all()
        from sqlalchemy import select

        from pxl.ledger import schema

        rows = {}
        for _name, table in (("source", schema.sources), ("claim", schema.claims), ("correction", schema.corrections)):
            for row in connection.execute(select(table)).mappings():
                rows[row["seq"]] = dict(row)
    prev = entries[2]["hash"]
    updates = []
    for entry in entries[3:]:
        new = entry_hash(entry["seq"], prev, entry["entry_type"], entry["recorded_at"], entry["recorded_by"], rows[entry["seq"]])
        updates.append(f"UPDATE entries SET prev_hash = '{prev}', hash = '{new}' WHERE seq = {entry['seq']}")
        prev = new
    tamper(ledger, *updates)
    assert ledger.verify().ok  # internally consistent forgery ...
    report = ledger.verify(saved)
    assert not report.ok and "rewritten" in report.first.message  # ... but not the history we saw


def _append_many(url: str, worker: int, count: int) -> None:
    ledger = Ledger.open(url)
    try:
        for index in range(count):
            ledger.record(draft(value=str(index), ref=f"w{worker}-{index}",
                                url=f"https://example.org/{worker}"))
    finally:
        ledger.close()


@pytest.mark.slow
def test_concurrent_writers_never_fork_or_lose_the_chain(backend):
    workers, each = 4, 15
    run_side_by_side(_append_many, [(backend.url, w, each) for w in range(workers)], 120)
    ledger = backend.ledger()
    claims = ledger.claims()
    assert len(claims) == workers * each
    assert len({c.ref for c in claims}) == workers * each
    report = ledger.verify()
    assert report.ok, report.problems
    assert report.entries == workers * each + workers  # plus one source per worker


def test_batch_is_atomic(backend):
    ledger = backend.ledger()
    with pytest.raises(InvalidInput):
        with ledger.writing("tester") as writer:
            source = writer.source_for(draft().source)
            writer.add_claim(draft(), source)
            writer.add_claim(draft(document_text=None, quote="x", as_of="2021-01-01"), source)
    assert ledger.count() == 0


def test_forged_row_inserted_mid_chain_is_caught_with_a_saved_digest(backend):
    """The attacker inserts a forged claim at position 4, renumbers everything after it
    (fixing references) and recomputes every later hash: a consistent chain, but not the
    one whose digest was saved."""
    from sqlalchemy import select

    from pxl.ledger import schema
    from pxl.ledger.chain import GENESIS, entry_hash

    ledger = _populated(backend)  # S1 C2 C3 C4 C5 C6 X7 (X7 amends C3)
    saved = Head.parse(ledger.digest())
    tables = {"source": schema.sources, "claim": schema.claims, "correction": schema.corrections}
    with ledger.engine.connect() as connection:
        entries = [dict(r) for r in connection.execute(select(schema.entries).order_by(schema.entries.c.seq)).mappings()]
        content = {r["seq"]: dict(r) for t in tables.values() for r in connection.execute(select(t)).mappings()}
    forged = {**content[4], "seq": 4, "ref": "forged", "value": "9999", "lo": 9999, "hi": 9999}
    rows = [(e, content[e["seq"]]) for e in entries]
    rows.insert(3, ({**entries[3]}, forged))
    statements = [f"DELETE FROM {t.name} WHERE seq >= 4" for t in (schema.corrections, schema.claims)]
    statements.append("DELETE FROM entries WHERE seq >= 4")
    prev = GENESIS
    for seq, (entry, row) in enumerate(rows, start=1):
        row = {**row, "seq": seq}
        if "claim_seq" in row and row["claim_seq"] >= 4:
            row["claim_seq"] += 1
        digest = entry_hash(seq, prev, entry["entry_type"], entry["recorded_at"], entry["recorded_by"], row)
        if seq >= 4:
            statements.append(
                f"INSERT INTO entries VALUES ({seq}, '{entry['entry_type']}', '{entry['recorded_at']}', "
                f"'{entry['recorded_by']}', '{prev}', '{digest}')")
            table = tables[entry["entry_type"]]
            columns = [c.name for c in table.columns]
            values = ", ".join(_sql_literal(row[c]) for c in columns)
            statements.append(f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({values})")
        prev = digest
    tamper(ledger, *statements)
    assert ledger.verify().ok  # the forgery is internally consistent ...
    assert [c.value for c in ledger.claims()][:3] == ["300", "110", "9999"]
    report = ledger.verify(saved)  # ... but it is not the history whose digest was saved
    assert not report.ok and "rewritten" in report.first.message


def _sql_literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def test_series_filter_follows_amendments_into_and_out_of_a_series(backend):
    ledger = backend.ledger()
    stays = ledger.record(draft(value="1"))
    moves_out = ledger.record(draft(value="2"))
    moves_in = ledger.record(draft(value="3", series="x->y"))
    ledger.amend(moves_out.seq, {"series": "x->y"}, "wrong series")
    ledger.amend(moves_in.seq, {"series": SERIES, "value": "4"}, "right series")
    assert [(c.id, c.value) for c in ledger.claims(series=SERIES)] == [(stays.id, "1"), (moves_in.id, "4")]
    assert [c.id for c in ledger.claims(series="x->y")] == [moves_out.id]


def test_figures_are_the_effective_claims_seen_lean(backend):
    """`pxl check` reads Figures, reconcile reads Claims: the same records, after every
    amendment and retraction, now and at an earlier time."""
    ledger = backend.ledger()
    kept = ledger.record(draft(value="more than 4,000", speaker="Sediq Sediqqi", as_of="2020-04-12",
                               period_start="2020-04-08", reliability="b", credibility="2", event="e1"))
    amended = ledger.record(draft(value="300", kind="increment"))
    retracted = ledger.record(draft(value="7"))
    twice = ledger.record(draft(value="1", kind="target", deadline="2020-06-01"))
    time.sleep(0.01)
    before = ledger.head().recorded_at
    time.sleep(0.01)
    ledger.amend(amended.seq, {"value": "about 310", "series": "x->y", "kind": "cumulative"}, "typo")
    ledger.retract(retracted.seq, "withdrawn")
    ledger.amend(twice.seq, {"value": "2"}, "first fix")
    ledger.amend(twice.seq, {"value": "3", "reliability": "a"}, "second fix")
    ledger.retract(ledger.record(draft(value="9")).seq, "gone at once")
    for known in (None, before):
        claims = ledger.claims(as_known_at=known)
        assert ledger.figures(as_known_at=known) == [Figure.of(c) for c in claims]
    assert [f.seq for f in ledger.figures()] == [kept.seq, amended.seq, twice.seq]
    assert ledger.figures()[2].lo == 3 and ledger.figures()[2].reliability == "A"
