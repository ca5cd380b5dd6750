"""Hostile and broken import files never produce a traceback or a partial write: either
a clean import or a clean error naming the row, with exit status 0 or 1."""

from __future__ import annotations

import json

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pxl.cli.main import pxl

HEADER = ["series", "kind", "value", "as_of", "publisher", "published", "quote", "ref", "credibility", "url"]
VALID = ["a->b", "cumulative", "300", "2020-04-12", "Outlet", "2020-04-13", "freed 300", "r1", "2", "https://x.org/a"]
NASTY = [
    "", " ", "\x00", "\x01\x02", "\x7f", "=HYPERLINK(\"http://evil\",\"click\")", "+1+2", "@SUM(A1)",
    "'; DROP TABLE claims; --", "\" OR 1=1 --", "NaN", "nan", "inf", "-inf", "-1", "-0", "1e308",
    "99999999999999999999999999", "18446744073709551616", "0x10", "\u202e300", "\ufeff", "\u00e9\u00e8",
    "\r", "\n", "\r\n", '"', ",", "\t", "<script>alert(1)</script>", "a->b", "A->B", "2020-02-30",
    "9999-12-31", "0000-01-01", "2020-04-13T25:00", "x" * 5000, "\U0001f600", "increment", "target",
    "more than four thousand", "dozens", "between 5 and 3", "null", "None", "[]", "{}",
]
ENCODINGS = ["utf-8", "utf-8-sig", "latin-1", "utf-16", "cp1252"]


def cells():
    return st.one_of(st.sampled_from(NASTY), st.sampled_from(VALID), st.text(max_size=30))


def _csv_cell(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(ch in value for ch in ',"\r\n') else value


@st.composite
def csv_files(draw):
    header = draw(st.one_of(st.just(HEADER), st.lists(st.sampled_from(HEADER + ["junk", ""]), max_size=12)))
    rows = draw(st.lists(st.lists(cells(), min_size=0, max_size=len(header) + 2), max_size=6))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\r"]))
    text = newline.join(",".join(_csv_cell(c) for c in row) for row in [header, *rows])
    encoding = draw(st.sampled_from(ENCODINGS))
    return text.encode(encoding, errors="replace")


@st.composite
def jsonl_files(draw):
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        record = {key: draw(st.one_of(cells(), st.integers(-10**30, 10**30), st.floats(allow_nan=True),
                                      st.none(), st.booleans(), st.lists(st.integers(), max_size=2)))
                  for key in draw(st.lists(st.sampled_from(HEADER + ["junk"]), max_size=10, unique=True))}
        line = json.dumps(record) if draw(st.booleans()) else draw(st.sampled_from(["{", "[1,2]", "\"x\"", "", "{\"series\": NaN}"]))
        lines.append(line)
    return "\n".join(lines).encode()


def _entries(url: str) -> int:
    result = CliRunner().invoke(pxl, ["--db", url, "list", "--format", "json", "--all"])
    return len(json.loads(result.output))


def check_clean(backend, data: bytes) -> None:
    before = _entries(backend.url)
    result = CliRunner().invoke(pxl, ["--db", backend.url, "import", "-"], input=data)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1), result.output
    after = _entries(backend.url)
    if result.exit_code == 1:
        assert after == before, "a refused import wrote something"
        assert "nothing was written" in result.output or "Error" in result.output
    verified = CliRunner().invoke(pxl, ["--db", backend.url, "verify"])
    assert verified.exit_code == 0, verified.output


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(data=csv_files())
def test_hostile_csv(backend, data):
    check_clean(backend, data)


@SETTINGS
@given(data=jsonl_files())
def test_hostile_jsonl(backend, data):
    check_clean(backend, data)


@SETTINGS
@given(data=st.binary(max_size=300))
def test_random_bytes(backend, data):
    check_clean(backend, data)


def test_ten_megabyte_field_is_refused_cleanly(backend):
    row = ",".join(VALID[:6]) + ',"' + "x" * 10_000_000 + '",r9,2,https://x.org/a'
    data = (",".join(HEADER) + "\n" + row + "\n").encode()
    result = CliRunner().invoke(pxl, ["--db", backend.url, "import", "-"], input=data)
    assert result.exit_code == 1 and "line 2, quote" in result.output and "longer than 1,000,000" in result.output
    assert _entries(backend.url) == 0


def test_huge_and_negative_numbers_are_named(backend):
    data = (",".join(HEADER) + "\n" + "\n".join(
        ",".join([*VALID[:2], value, *VALID[3:7], f"r{i}", "2", "https://x.org/a"])
        for i, value in enumerate(["99999999999999999999999999", "-5", "NaN"])) + "\n").encode()
    result = CliRunner().invoke(pxl, ["--db", backend.url, "import", "-"], input=data)
    assert result.exit_code == 1
    assert "line 2, value" in result.output and "line 3, value" in result.output and "line 4, value" in result.output
