"""Second break test of the grammar: vague plurals of scales, scale words of other
languages and abbreviations after a figure, breakdowns inside a list, percentages,
ordinals, decades and dates, and the apostrophe thousands separator. Each wording was
read as a wrong number without a word; each now reads right or is refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pxl.ledger import languages
from pxl.ledger.wording import MAX_COUNT, Interval, WordingConfig, WordingError, parse_figure, parse_value


@pytest.mark.parametrize(("wording", "lo", "hi"), [
    # a vague plural of a scale plural multiplies, as "hundreds of thousands" does
    ("dozens of thousands", 24_000, 99_999),
    ("decenas de miles", 24_000, 99_999),
    ("hundreds of millions", 200_000_000, 999_999_999),
    ("dozens of hundreds", 2_400, 9_999),
    ("thousands of thousands", 2_000_000, 9_999_999),
    ("dozens of thousands of prisoners", 24_000, 99_999),
    ("tens of millions", 20_000_000, 99_999_999),
    # "millions" is vague like "thousands", in other languages too
    ("millions", 2_000_000, 9_999_999),
    ("millones", 2_000_000, 9_999_999),
    ("Millionen", 2_000_000, 9_999_999),
    # unchanged: the configured rows and a figure before a scale plural
    ("tens of thousands", 20_000, 99_999),
    ("hundreds of thousands", 200_000, 999_999),
    ("thousands of prisoners", 2_000, 9_999),
    ("5 millones", 5_000_000, 5_000_000),
])
def test_vague_plurals_of_scales_multiply(wording, lo, hi):
    figure = parse_figure(wording)
    assert figure.interval == Interval(lo, hi)
    assert figure.reference is None


def test_vague_of_scale_follows_the_configured_intervals():
    config = WordingConfig().with_vague({"dozens": (12, 99)})
    assert parse_value("dozens of thousands", config) == Interval(12_000, 99_999)


@pytest.mark.parametrize(("wording", "lo", "hi"), [
    # scale words of other languages after a figure (number-parser's tables and the forms
    # they lack) were kept as a noun: "5 ألف" read as 5
    ("5 ألف", 5_000, 5_000), ("٥ آلاف أسير", 5_000, 5_000), ("5 אלף", 5_000, 5_000),
    ("5 هزار", 5_000, 5_000), ("5 हज़ार", 5_000, 5_000), ("5 हजार", 5_000, 5_000),
    ("1 juta", 1_000_000, 1_000_000), ("5千", 5_000, 5_000), ("10万", 100_000, 100_000),
    ("5千人", 5_000, 5_000), ("more than 5 ألف", 5_001, None),
    # abbreviations with one reading
    ("5 тыс.", 5_000, 5_000), ("5 тис.", 5_000, 5_000), ("5 Mio.", 5_000_000, 5_000_000),
    ("1.5 Mio", 1_500_000, 1_500_000), ("5 mln", 5_000_000, 5_000_000), ("5 bn", 5_000_000_000, 5_000_000_000),
    ("2 lac", 200_000, 200_000), ("5 k", 5_000, 5_000), ("3 млн человек", 3_000_000, 3_000_000),
    # English words of those tables stay words
    ("5 set free", 5, 5),
])
def test_scale_words_after_a_figure_are_read(wording, lo, hi):
    assert parse_value(wording) == Interval(lo, hi)


@pytest.mark.parametrize(("wording", "reason"), [
    ("5m", r"may mean million, metres or minutes; write the scale in full \('5 million'\)"),
    ("5 b prisoners", r"write the scale in full \('5 billion'\)"),
    ("5 bilion", "a trillion in Romanian"),
    ("5 diez", "another number"),
])
def test_scale_abbreviations_with_two_readings_are_refused(wording, reason):
    with pytest.raises(WordingError, match=reason):
        parse_value(wording)


_SCALE_WORDS = sorted(languages._scale_table().items())


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_SCALE_WORDS), st.integers(1, 999), st.sampled_from(["", "more than ", "about "]),
       st.sampled_from(["", " prisoners", "."]))
def test_a_known_scale_word_after_a_figure_never_yields_the_bare_figure(item, n, before, after):
    """Oracle: the figure times the scale, or a refusal; never n kept with the word as a noun."""
    word, scale = item
    try:
        interval = parse_value(f"{before}{n} {word}{after}")
    except WordingError:
        assert n * scale > MAX_COUNT or word in languages.SCALE_WORDS_AMBIGUOUS, word
        return
    expected = parse_value(f"{before}{n * scale}")
    assert interval == expected, (word, interval, expected)


@pytest.mark.parametrize(("wording", "reason"), [
    # numbers that are not counts of people were read as counts
    ("50%", "'50%' is a percentage"), ("50 percent", "'50 percent' is a percentage"),
    ("50 per cent", "'50 per cent' is a percentage"), ("one hundred percent", "is a percentage"),
    ("about 50%", "is a percentage"), ("5‰", "is a percentage"), ("30 por ciento", "is a percentage"),
    ("1990s", "'1990s' is a decade"), ("50th", "'50th' is an ordinal"), ("3rd", "is an ordinal"),
    ("1²", r"superscript after the figure .*give the figure alone \('1'\)"),
    ("2020-04-12", "'2020-04-12' looks like a date"), ("12/04/2020", "looks like a date"),
])
def test_percentages_ordinals_decades_dates_are_refused(wording, reason):
    with pytest.raises(WordingError, match=reason):
        parse_value(wording)


@pytest.mark.parametrize(("wording", "lo", "hi"), [
    ("500-for-500", 500, 500), ("1990 prisoners", 1990, 1990), ("2,020-2,023", 2020, 2023),
    ("captured in 2020-2023", None, None),
])
def test_the_forms_near_them_still_read(wording, lo, hi):
    if lo is None:
        with pytest.raises(WordingError):
            parse_value(wording)
    else:
        assert parse_value(wording) == Interval(lo, hi)


@pytest.mark.parametrize(("wording", "lo", "hi"), [
    # the ICRC's Swiss grouping: "1'056 former detainees" was refused on import and read
    # as 56 by the extractor
    ("1'056 former detainees", 1_056, 1_056), ("1\u2019056", 1_056, 1_056), ("1'056'000", 1_056_000, 1_056_000),
    ("more than 1'000", 1_001, None),
    # 'to' before a word that is not a number is a destination, not a range
    ("201 to Sanaa", 201, 201), ("13 to Germany and 3 to the US", 16, 16), ("200 to 300", 200, 300),
])
def test_apostrophe_grouping_and_to_a_place(wording, lo, hi):
    assert parse_value(wording) == Interval(lo, hi)


@pytest.mark.parametrize(("wording", "reason"), [
    ("1'05", "not understood"), ("12'3456", "not understood"), ("5 to", "a range needs its second number"),
    ("5 diez", "another number"),
])
def test_malformed_apostrophe_groups_and_a_dangling_to_are_refused(wording, reason):
    with pytest.raises(WordingError, match=reason):
        parse_value(wording)


def test_the_extractor_reads_the_apostrophe_grouping_as_import_does():
    from pxl.ledger.wording import match_figure

    text = "the release and transfer of 1'056 former detainees"
    found = match_figure(text, text.index("1'056"))
    assert found is not None and text[found.start:found.end] == "1'056"
    assert found.figure.interval == parse_value("1'056 former detainees") == Interval(1_056, 1_056)


@pytest.mark.parametrize(("wording", "lo", "hi", "parts"), [
    # a breakdown of one figure closed by ", and" no longer swallows the parts after it
    ("13 Israelis, 10 of them women, and 5 Thais", 18, 18, ["13 Israelis, 10 of them women", "5 Thais"]),
    ("5 Israelis, 3 of whom are women, and 2 Thais", 7, 7, ["5 Israelis, 3 of whom are women", "2 Thais"]),
    ("13 Israelis, including 10 women, and 5 Thais", 18, 18, ["13 Israelis, including 10 women", "5 Thais"]),
    ("39, including six women, and 10 Thais", 49, 49, ["39, including six women", "10 Thais"]),
    ("al menos 300 presos, 50 de ellos mujeres, y 20 niños", 320, None,
     ["al menos 300 presos, 50 de ellos mujeres", "20 niños"]),
    # a breakdown list stays among the figure before it
    ("100 prisoners, 20 of them children", 100, 100, []),
    ("100 prisoners, including 20 women, 10 children and 5 elderly", 100, 100, []),
    ("100 prisoners, including 20 women, 10 children, and 5 elderly", 100, 100, []),
    ("100 prisoners, 20 of them children and 10 women", 100, 100, []),
])
def test_a_breakdown_closed_by_comma_and_ends_before_the_next_part(wording, lo, hi, parts):
    figure = parse_figure(wording)
    assert figure.interval == Interval(lo, hi)
    assert [p.wording for p in figure.parts] == parts
    for part in figure.parts:  # each part reads again as recorded
        assert parse_value(part.wording) == Interval(part.lo, part.hi)


@pytest.mark.parametrize(("wording", "lo", "hi"), [
    # third break test (F1): a CJK scale right before the people classifier, or after a
    # space, was dropped: "1만명" read as 1
    ("1만명", 10_000, 10_000), ("2천명", 2_000, 2_000), ("3억명", 300_000_000, 300_000_000),
    ("10 万人", 100_000, 100_000), ("1 万名", 10_000, 10_000), ("2 千名囚犯", 2_000, 2_000),
    ("5 千人", 5_000, 5_000), ("1 만 명", 10_000, 10_000),
    # a run of scales multiplies: 千万 is ten million, 백만 a million
    ("5千万人", 50_000_000, 50_000_000), ("3백만명", 3_000_000, 3_000_000),
    # unchanged
    ("1만 명", 10_000, 10_000), ("10万人", 100_000, 100_000), ("5千名", 5_000, 5_000), ("10 万", 100_000, 100_000),
])
def test_cjk_scales_before_a_classifier_or_after_a_space(wording, lo, hi):
    assert parse_value(wording) == Interval(lo, hi)


_CJK = [(c, languages.scale_word(c)) for c in languages.CJK_SCALES]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_CJK), st.integers(1, 99), st.sampled_from(["", " "]),
       st.sampled_from(["", "人", "名", "명", " 명", "名囚犯", "位"]))
def test_a_cjk_scale_after_a_figure_always_multiplies(item, n, space, classifier):
    """Oracle: n times the scale, whatever stands around the scale character."""
    char, scale = item
    assert parse_value(f"{n}{space}{char}{classifier}") == Interval(n * scale, n * scale)


@pytest.mark.parametrize(("wording", "lo", "hi"), [
    # third break test (F2): press abbreviations of a scale were kept as a noun
    ("3 Tsd. Gefangene", 3_000, 3_000), ("10 tsd.", 10_000, 10_000), ("5 thou.", 5_000, 5_000),
    ("10 thsd", 10_000, 10_000), ("3 hazar", 3_000, 3_000), ("3 hazaar", 3_000, 3_000),
    # the Indian press's crore, read everywhere as lakh and crore are
    ("7 cr", 70_000_000, 70_000_000), ("5 Cr", 50_000_000, 50_000_000), ("1.2 cr.", 12_000_000, 12_000_000),
    # 余, 多, 여 after a figure or a CJK scale: more than
    ("2千余人", 2_001, None), ("1万余名", 10_001, None), ("20多名", 21, None), ("1만여 명", 10_001, None),
    ("10여 명", 11, None), ("2千余", 2_001, None),
    # 여 starting a word is not "more than": five women
    ("5여자", 5, 5),
    # mil: Spanish and Portuguese thousand for whole figures; with a decimal comma too
    ("2 mil", 2_000, 2_000), ("12 mil presos", 12_000, 12_000),
    # mn and bn stay million and billion (minutes, battalions: no count of people)
    ("10 mn", 10_000_000, 10_000_000), ("3 bn", 3_000_000_000, 3_000_000_000),
])
def test_press_abbreviations_and_cjk_more_than(wording, lo, hi):
    assert parse_value(wording) == Interval(lo, hi)


def test_mil_with_a_decimal_comma_is_thousands():
    assert parse_value("1,5 mil", WordingConfig(decimal_comma=True)) == Interval(1_500, 1_500)


@pytest.mark.parametrize(("wording", "reason"), [
    # "1.5 mil": 1,500 in Mexico, 1,500,000 in the English press
    ("1.5 mil", r"'1.5 mil' is ambiguous: 1,500 with 'mil' as Spanish or Portuguese thousand, or 1,500,000 "
                r"as the English press's million.*'1.5 million'"),
    ("about 2.5 mil prisoners", "2,500 with 'mil'.*2,500,000"),
    # a scale after "more than" would multiply a bound: 2千多万 is more than 20 million
    ("2千多万人", "the scale '万' after '2千多' is not understood"),
    ("5 or more mil", "the scale 'mil' after '5 or more'"),
    # two years joined by a dash
    ("2020-2023 prisoners", r"looks like a span of years; .*thousands separator \(2,020-2,023\)"),
    ("2020-2023", "span of years"), ("1990–2000", "span of years"),
])
def test_ambiguous_scales_and_year_spans_are_refused(wording, reason):
    with pytest.raises(WordingError, match=reason):
        parse_value(wording)


@settings(max_examples=200, deadline=None)
@given(st.integers(1000, 9999), st.integers(1000, 9999))
def test_a_dash_between_two_four_digit_numbers_is_a_range_unless_both_are_years(a, b):
    """Oracle: refused when both are 1900-2099, else the range (or a backwards refusal)."""
    years = 1900 <= a <= 2099 and 1900 <= b <= 2099
    try:
        interval = parse_value(f"{a}-{b} prisoners")
    except WordingError as error:
        assert years or b < a, (a, b, error)
        assert not years or "span of years" in str(error)
        return
    assert not years and interval == Interval(a, b)
