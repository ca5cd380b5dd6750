"""The hash chain as a pure function: property tests over random chains and tamperings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pxl.ledger.chain import CONTENT_FIELDS, GENESIS, check_chain, entry_hash
from pxl.ledger.schema import claims, corrections, sources

values = st.one_of(st.none(), st.integers(-10**12, 10**12), st.text(max_size=12), st.booleans())


@st.composite
def chains(draw, min_size=1, max_size=12):
    kinds = draw(st.lists(st.sampled_from(sorted(CONTENT_FIELDS)), min_size=min_size, max_size=max_size))
    rows, prev = [], GENESIS
    for seq, kind in enumerate(kinds, start=1):
        content = {name: draw(values) for name in CONTENT_FIELDS[kind]}
        recorded_at, recorded_by = f"2020-01-01T00:00:{seq:02d}.000000Z", draw(st.text(max_size=5))
        digest = entry_hash(seq, prev, kind, recorded_at, recorded_by, content)
        rows.append(((seq, kind, recorded_at, recorded_by, prev, digest),
                     [content[name] for name in CONTENT_FIELDS[kind]]))
        prev = digest
    return rows


@given(chains())
def test_an_untouched_chain_has_no_problems(rows):
    assert list(check_chain(rows)) == []


@given(chains(), st.data())
def test_changing_any_content_field_is_found_at_that_entry(rows, data):
    index = data.draw(st.integers(0, len(rows) - 1))
    entry, fields = rows[index]
    position = data.draw(st.integers(0, len(fields) - 1))
    old = fields[position]
    new_value = data.draw(values.filter(lambda v: v != old or type(v) is not type(old)))
    tampered = list(rows)
    tampered[index] = (entry, fields[:position] + [new_value] + fields[position + 1:])
    problems = list(check_chain(tampered))
    assert problems and problems[0].seq == entry[0]


@given(chains(min_size=3), st.data())
def test_deleting_an_inner_entry_is_found(rows, data):
    index = data.draw(st.integers(1, len(rows) - 2))
    problems = list(check_chain(rows[:index] + rows[index + 1:]))
    assert problems and problems[0].seq == index + 1


@given(chains(min_size=2), st.data())
def test_swapping_two_entries_is_found(rows, data):
    i = data.draw(st.integers(0, len(rows) - 2))
    swapped = list(rows)
    swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
    assert list(check_chain(swapped))


def test_every_stored_column_is_covered_by_the_hash():
    for kind, table in (("source", sources), ("claim", claims), ("correction", corrections)):
        stored = {c.name for c in table.columns} - {"seq"}
        assert stored == set(CONTENT_FIELDS[kind]), kind


@given(st.lists(values, max_size=30), st.text())
def test_fast_encoder_is_byte_identical_to_json(fields, text):
    from pxl.ledger.chain import _encode, _encode_fast

    value = [1, 2, text, fields]
    assert _encode_fast(value) == _encode(value)


@given(st.sampled_from(sorted(CONTENT_FIELDS)), st.integers(1, 10**12), st.text(), st.text(), st.data())
def test_hashing_fields_encoded_elsewhere_gives_the_same_digest(kind, seq, recorded_at, recorded_by, data):
    from pxl.ledger.chain import canonical_json, entry_header, hash_encoded, hash_fields, hashed_fields

    fields = [data.draw(values) for _ in CONTENT_FIELDS[kind]]
    prev = data.draw(st.sampled_from([GENESIS, "ab" * 32]))
    encoded = canonical_json(hashed_fields(kind, fields))
    assert hash_encoded(seq, prev, entry_header(kind, recorded_at, recorded_by), encoded) == \
        hash_fields(seq, prev, kind, recorded_at, recorded_by, fields)


def _old_format_hash(seq, prev, kind, recorded_at, recorded_by, fields):
    """The oracle: the canonical encoding as pxl wrote it before ``extra`` existed, by the
    standard library's json.dumps."""
    import hashlib
    import json

    canonical = json.dumps([1, seq, prev, kind, recorded_at, recorded_by, list(fields)],
                           ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@given(st.sampled_from(["claim", "correction"]), st.integers(1, 10**12), st.text(max_size=8), st.data())
def test_an_entry_without_extra_columns_hashes_as_before_they_were_kept(kind, seq, recorded_by, data):
    old_fields = CONTENT_FIELDS[kind][:-1]
    assert CONTENT_FIELDS[kind][-1] == "extra"
    content = {name: data.draw(values) for name in old_fields}
    at, prev = "2026-11-30T05:00:00.000000Z", "cd" * 32
    before = _old_format_hash(seq, prev, kind, at, recorded_by, [content[name] for name in old_fields])
    assert entry_hash(seq, prev, kind, at, recorded_by, content) == before
    assert entry_hash(seq, prev, kind, at, recorded_by, {**content, "extra": None}) == before
    extra = data.draw(st.text(min_size=0, max_size=8))
    with_extra = entry_hash(seq, prev, kind, at, recorded_by, {**content, "extra": extra})
    assert with_extra != before
    assert with_extra == _old_format_hash(seq, prev, kind, at, recorded_by,
                                          [content[name] for name in old_fields] + [extra])


def test_a_claim_hashes_to_the_digest_pxl_recorded_before_extra_columns():
    """Computed by pxl at commit 914810e (before ``extra``): existing ledgers must verify."""
    content = dict.fromkeys(CONTENT_FIELDS["claim"])
    del content["extra"]
    content.update(ref="r1", series="a->b", kind="cumulative", value="more than 4,000", lo=4001, hi=None,
                   as_of="2020-04-12", as_of_inferred=False, source_seq=1, speaker="Javid Faisal",
                   quote="released more than four thousand", fingerprint="ab" * 32)
    digest = entry_hash(2, "cd" * 32, "claim", "2026-11-30T05:00:00.000000Z", "tester", content)
    assert digest == "1e6fcb7f325560e4303399ea25506a60758b3f0167fe9b9b8a1fda20de27ee51"
