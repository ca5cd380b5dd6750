"""Files as spreadsheets and collectors make them (issue 17) and the reader holes of
issue 16 (items 1-4 and 9), on SQLite and PostgreSQL; and the done-when property of
issue 16: hostile CSV/JSONL/xlsx never give a traceback, never exit 0 with fewer rows
recorded than data rows given, never a partial write."""

from __future__ import annotations

import io
import json
import os
import zipfile

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from pxl.cli.main import pxl

HEADER = ["series", "kind", "value", "publisher", "published", "as_of"]


def good(n: int) -> list[str]:
    return ["a->b", "increment", f"{n} prisoners", "Outlet", "2020-04-13", "2020-04-12"]


def csv_bytes(rows, delimiter=",", header=HEADER, encoding="utf-8") -> bytes:
    return "\n".join(delimiter.join(r) for r in [header, *rows]).encode(encoding) + b"\n"


def entries(url: str) -> int:
    return len(json.loads(CliRunner().invoke(pxl, ["--db", url, "list", "--format", "json", "--all"]).output))


def test_semicolon_csv_is_read(run, backend, tmp_path):
    path = tmp_path / "eu.csv"
    path.write_bytes(csv_bytes([good(1), good(2)], delimiter=";"))
    result = run("import", str(path))
    assert result.exit_code == 0, result.output
    assert entries(backend.url) == 2


def test_utf16_with_bom_is_read(run, backend, tmp_path):
    path = tmp_path / "unicode.csv"
    rows = [good(1)[:2] + ["13 Israelis, 10 Thais and one Filipino"] + good(1)[3:]]
    path.write_bytes(b"\xff\xfe" + csv_bytes(rows, delimiter="\t").decode().encode("utf-16-le"))
    result = run("import", str(path))
    assert result.exit_code == 0, result.output
    claims = json.loads(run("list", "--format", "json").output)
    assert [(c["lo"], c["hi"], len(c["parts"])) for c in claims] == [(24, 24, 3)]


def test_windows_1252_is_refused_with_the_fix_or_read_with_encoding(run, backend, tmp_path):
    path = tmp_path / "win.csv"
    path.write_bytes(csv_bytes([good(1)[:3] + ["Agence Fran\u00e7aise"] + good(1)[4:]], encoding="cp1252"))
    refused = run("import", str(path))
    assert refused.exit_code == 1 and "--encoding cp1252" in refused.output and entries(backend.url) == 0
    assert run("import", str(path), "--encoding", "cp1252").exit_code == 0
    assert json.loads(run("list", "--format", "json").output)[0]["publisher"] == "Agence Fran\u00e7aise"


def test_extra_columns_are_listed_and_near_misses_refused(run, backend, tmp_path):
    path = tmp_path / "extra.csv"
    path.write_bytes(csv_bytes([good(1) + ["yemen-2023", "7"]], header=HEADER + ["exchange", "id"]))
    result = run("import", str(path))
    assert result.exit_code == 0 and "exchange, id" in result.output
    near = tmp_path / "near.csv"
    near.write_bytes(csv_bytes([good(2) + ["Someone"]], header=HEADER + ["speakr"]))
    result = run("import", str(near))
    assert result.exit_code == 1 and "did you mean `speaker`?" in result.output and entries(backend.url) == 1


def test_an_unclosed_quote_is_named_by_the_line_it_opened_on(run, backend, tmp_path):
    rows = [good(1), good(2)[:5] + ['"300 freed, officials said']] + [good(n) for n in range(3, 23)]
    path = tmp_path / "quote.csv"
    path.write_bytes(csv_bytes(rows))
    result = run("import", str(path))
    assert result.exit_code == 1 and "line 3" in result.output and "quote opened on line 3" in result.output
    assert entries(backend.url) == 0
    path.write_bytes(csv_bytes([good(1), good(2)[:5] + ['"300 freed, officials said']]))
    result = run("import", str(path))
    assert result.exit_code == 1 and "quote opened on line 3" in result.output
    # a quote over several lines, commas and all, is a quote
    quoted = '"300 freed, officials, said,\nin Kabul, on Monday, and, later, at, the, gate,"'  # as many commas as a row
    path.write_bytes(csv_bytes([good(1) + [""], good(2) + [quoted]], header=HEADER + ["quote"]))
    result = run("import", str(path))
    assert result.exit_code == 0 and entries(backend.url) == 2, result.output


@pytest.mark.parametrize("make", ["fifo", "directory", "device"])
def test_only_regular_files_are_read(run, backend, tmp_path, make):
    if make == "fifo":
        path = tmp_path / "pipe.csv"
        os.mkfifo(path)
    elif make == "directory":
        path = tmp_path / "folder.csv"
        path.mkdir()
    else:
        path = "/dev/zero"
    result = CliRunner().invoke(pxl, ["--db", backend.url, "import", "--input-format", "csv", str(path)])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert entries(backend.url) == 0
    if make != "directory":  # click itself refuses a directory for FILE
        assert "only a regular file is read" in result.output


def test_documents_are_read_with_the_same_bound(run, backend, tmp_path):
    os.mkfifo(tmp_path / "doc.txt")
    path = tmp_path / "d.csv"
    path.write_bytes(csv_bytes([good(1) + ["doc.txt"]], header=HEADER + ["document"]))
    result = run("import", str(path))
    assert result.exit_code == 1 and "document 'doc.txt': is a pipe (FIFO)" in result.output


def test_stdin_is_bounded(backend, monkeypatch):
    from pxl.ledger import files
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 100)
    data = csv_bytes([good(n) for n in range(10)])
    result = CliRunner().invoke(pxl, ["--db", backend.url, "import", "-"], input=data)
    assert result.exit_code == 1 and "more than" in result.output and entries(backend.url) == 0


@pytest.mark.parametrize("keys", [("value", "value"), ("value", "Value")])
def test_a_json_key_given_twice_is_refused(run, backend, tmp_path, keys):
    fields = dict(zip(HEADER, good(1), strict=True))
    body = ", ".join(f'"{k}": "{v}"' for k, v in fields.items() if k != "value")
    line = "{" + body + f', "{keys[0]}": "100", "{keys[1]}": "200"' + "}"
    path = tmp_path / "dup.jsonl"
    path.write_text(line + "\n")
    result = run("import", str(path))
    assert result.exit_code == 1 and "key given twice" in result.output and entries(backend.url) == 0


def workbook(rows, header=HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_formula_cells_are_refused_naming_the_cell(run, backend, tmp_path):
    path = tmp_path / "f.xlsx"
    path.write_bytes(workbook([good(1)[:2] + ["=D2+100"] + good(1)[3:]]))
    result = run("import", str(path))
    assert result.exit_code == 1 and "cell C2 holds a formula" in result.output and "paste values" in result.output


def test_a_workbook_that_expands_too_far_is_refused_before_reading(run, backend, tmp_path):
    small = workbook([good(1)])
    source = zipfile.ZipFile(io.BytesIO(small))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("sheet1.xml"):
                data = data.replace(b"<t>Outlet</t>", b"<t>" + b"x" * (80 * 1024**2) + b"</t>")
                data = data.replace(b"Outlet", b"x" * (80 * 1024**2))
            bomb.writestr(info, data)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(out.getvalue())
    assert path.stat().st_size < 2 * 1024**2
    result = run("import", str(path))
    assert result.exit_code == 1 and "expands to" in result.output


# --- the done-when property of issue 16 -------------------------------------------------------

CELLS = st.one_of(
    st.sampled_from(['"', '""', '"300 freed, officials said', "=D2+100", "\r", "\n", ";", ",", "\x00", "12.000",
                     "13 Israelis, 10 Thais and one Filipino", "", "value", "Value", "speakr"]),
    st.text(max_size=12),
)


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if any(ch in cell for ch in ',;"\r\n') else cell


@st.composite
def hostile_files(draw):
    """(bytes, format, data rows given): good rows with hostile cells dropped in."""
    fmt = draw(st.sampled_from(["csv", "jsonl", "xlsx"]))
    count = draw(st.integers(1, 5))
    rows = [good(n) for n in range(count)]
    for _ in range(draw(st.integers(0, 3))):
        row, column = draw(st.integers(0, count - 1)), draw(st.integers(0, len(HEADER) - 1))
        cell = draw(CELLS)
        rows[row][column] = cell if fmt != "csv" or draw(st.booleans()) else _quoted(cell)
    if fmt == "csv":
        delimiter = draw(st.sampled_from([",", ";"]))
        return csv_bytes(rows, delimiter=delimiter), fmt, count
    if fmt == "jsonl":
        lines = [json.dumps(dict(zip(HEADER, r, strict=True))) for r in rows]
        if draw(st.booleans()):
            lines[0] = lines[0][:-1] + ', "Value": "1"}'
        return "\n".join(lines).encode(), fmt, count
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    return workbook([[ILLEGAL_CHARACTERS_RE.sub("", c) for c in r] for r in rows]), fmt, count


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=hostile_files())
def test_hostile_files_never_lose_rows_or_write_half(backend, file):
    data, fmt, given_rows = file
    before = entries(backend.url)
    result = CliRunner().invoke(pxl, ["--db", backend.url, "import", "--input-format", fmt, "--format", "json", "-"],
                                input=data)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output and result.exit_code in (0, 1), result.output
    after = entries(backend.url)
    if result.exit_code == 1:
        assert after == before, "a refused import wrote something"
    else:
        report = json.loads(result.output)
        accounted = report["recorded"] + report["already_recorded"] + report["repeated_in_file"]
        assert accounted >= given_rows, (data, report)
        assert after - before == report["recorded"]


def test_a_column_name_with_control_characters_is_refused(run, tmp_path):
    """Break test: a header '\\x1b[2Jx' was kept as an extra column's name, and printed raw."""
    path = tmp_path / "claims.csv"
    path.write_text("series,kind,value,publisher,\x1b[2Jx\na->b,cumulative,100,Outlet,1\n", encoding="utf-8")
    result = run("import", str(path))
    assert result.exit_code == 1 and "a column name with control characters" in result.output
    assert "\x1b" not in result.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_extract_reads_a_text_with_a_byte_order_mark_as_import_does(run, tmp_path, encoding):
    """One decoding rule (ledger.bounded.decode_text) for extract's article and import's
    documents: a UTF-16 article with its BOM was refused by extract ("not UTF-8 text
    (byte 0)") although import archived it."""
    text = "The government released 100 Taliban prisoners on Sunday.\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    (tmp_path / "article.txt").write_bytes(data)
    output = tmp_path / "candidates.csv"
    result = run("extract", str(tmp_path / "article.txt"), "--publisher", "P",
                 "--published", "2020-04-13", "--parties", "afghan-government,taliban", "-o", str(output))
    assert result.exit_code == 0, result.output
    import csv

    [row] = list(csv.DictReader(io.StringIO(output.read_text())))
    assert (row["value"], row["quote"], text[int(row["start"]):int(row["end"])]) == ("100", text.strip(), "100")
    imported = run("import", str(output))
    assert imported.exit_code == 0, imported.output
    [claim] = json.loads(run("list", "--format", "json").stdout)
    assert (claim["quote"], claim["quote_start"], claim["document_sha256"] is not None) == (text.strip(), 0, True)


def test_data_under_an_unnamed_column_is_refused_naming_the_row_and_column(run, backend, tmp_path):
    """Cells under a header cell with no name were dropped silently (`extra: {}`): each is
    refused with its line and position; empty unnamed columns (the trailing commas of a
    spreadsheet's export) are fine."""
    header = [*HEADER, "", " "]
    path = tmp_path / "unnamed.csv"
    path.write_bytes(csv_bytes([good(1) + ["", ""], good(2) + ["x", ""], good(3) + ["", "y"]], header=header))
    result = run("import", str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:3] == [
        "Error: unnamed.csv: 2 problems in 2 rows; nothing was written",
        "  line 3, column 7 'x': has no name in the header; name the column or delete it",
        "  line 4, column 8 'y': has no name in the header; name the column or delete it"]
    assert entries(backend.url) == 0
    sheet = tmp_path / "unnamed.xlsx"
    sheet.write_bytes(workbook([good(1) + [None, "z"]], header=[*HEADER, None, None]))
    result = run("import", str(sheet))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1] == "  line 2, column H 'z': has no name in the header; name the column or delete it"
    jsonl = tmp_path / "unnamed.jsonl"
    jsonl.write_text(json.dumps(dict(zip(HEADER, good(1), strict=True)) | {"": 5}) + "\n")
    result = run("import", str(jsonl))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1] == "  line 1, key \"\" '5': has no name; name it or delete it"
    assert entries(backend.url) == 0
    path.write_bytes(csv_bytes([good(1) + ["", ""], good(2) + ["", " "]], header=header))
    assert run("import", str(path)).exit_code == 0
    assert [c["extra"] for c in json.loads(run("list", "--format", "json").stdout)] == [{}, {}]
