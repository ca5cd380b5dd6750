"""Second break test of the grammar: vague plurals of scales, scale words of other
languages and abbreviations after a figure, breakdowns inside a list, percentages,
ordinals, decades and dates, and the apostrophe thousands separator. Each wording was
read as a wrong number without a word; each now reads right or is refused."""

from __future__ import annotations

import pytest

from pxl.ledger.wording import WordingConfig, WordingError, parse_figure, parse_value
from pxl.ledger.wording import Interval


@pytest.mark.parametrize(("wording", "lo", "hi"), [
    # a vague plural of a scale plural multiplies, as "hundreds of thousands" does
    ("dozens of thousands", 24_000, 99_999),
    ("decenas de miles", 24_000, 99_999),
    ("hundreds of millions", 200_000_000, 999_999_999),
    ("dozens of hundreds", 2_400, 9_999),
    ("thousands of thousands", 2_000_000, 9_999_999),
    ("dozens of thousands of prisoners", 24_000, 99_999),
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
