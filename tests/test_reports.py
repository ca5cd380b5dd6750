"""Reports: a golden Markdown file for the sample, escaping, CSV safety, the browser."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pxl.ledger.importer import import_rows
from pxl.ledger.reconcile import reconcile
from pxl.ledger.sheets import read_rows
from pxl.reports import charts
from pxl.reports.model import build, slug
from pxl.reports.render import to_csv, to_html, to_json, to_markdown

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "afghanistan-2020" / "claims.csv"
GOLDEN = Path(__file__).resolve().parent / "golden" / "afghanistan-2020.md"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE_QUOTE = '<script>alert("x")</script> =HYPERLINK("http://evil") | **bold** [link](x)'


def sample_report(backend, hostile: bool = False):
    ledger = backend.ledger()
    data = SAMPLE.read_bytes()
    rows, errors = read_rows(data, "csv")
    if hostile:
        rows[0].fields.update(quote=HOSTILE_QUOTE, speaker="<img src=x onerror=alert(1)>",
                              url="javascript://%0aalert(1)", publisher="=cmd|' /C calc'!A0")
    report = import_rows(ledger, rows, SAMPLE.parent, read_errors=errors)
    assert report.ok, report.errors
    result = reconcile(ledger.claims())
    inline = {s.series: charts.svg(s, set()) for s in result.series}
    return build(result, digest=ledger.digest(), as_known_at=None, charts=inline)


def normalise(markdown: str) -> str:
    return re.sub(r"\b\d+:[0-9a-f]{64}\b", "SEQ:HASH", markdown)


def test_markdown_matches_the_golden_file(backend):
    markdown = normalise(to_markdown(sample_report(backend), {
        "afghan-government->taliban": "report-charts/afghan-government-taliban.svg",
        "taliban->afghan-government": "report-charts/taliban-afghan-government.svg",
    }))
    if os.environ.get("PXL_REGENERATE_GOLDEN") == "1":
        GOLDEN.write_text(markdown, encoding="utf-8")
    assert markdown == GOLDEN.read_text(encoding="utf-8"), (
        "the Markdown report changed; if on purpose, run PXL_REGENERATE_GOLDEN=1 pytest tests/test_reports.py "
        "and review the diff of tests/golden/"
    )


def test_html_escapes_source_text_and_refuses_unsafe_links(backend):
    html = to_html(sample_report(backend, hostile=True))
    assert "<script>" not in html and "&lt;script&gt;alert(" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "javascript:" not in html
    assert html.count("<svg") == 2 and "<table" in html
    links = re.findall(r'href="([^"]*)"', html)
    assert links and all(link.startswith(("#", "https://", "http://")) for link in links), links
    assert "<link" not in html and "src=\"http" not in html  # nothing fetched from the network


def test_markdown_escapes_markup(backend):
    markdown = to_markdown(sample_report(backend, hostile=True))
    assert "<script>" not in markdown and "&lt;script>alert" in markdown
    assert "javascript" not in markdown
    assert "\\*\\*bold\\*\\*" in markdown and "\\| \\*\\*" in markdown


def test_csv_neutralises_formulas(backend):
    text = to_csv(sample_report(backend, hostile=True))
    import csv
    import io

    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert "'=cmd|' /C calc'!A0" in cells
    assert any(cell.startswith("<script>") for cell in cells)  # kept as text, not dropped


def test_json_carries_what_the_html_shows(backend):
    report = sample_report(backend)
    data = json.loads(to_json(report))
    html = to_html(report)
    assert len(data["provenance"]) == 12 == html.count('<tr id="C')
    assert len(data["discrepancies"]) == len(
        re.findall(r'<li class="(?:conflict|target_disagreement|over_target|shortfall)"', html))
    marked = [c["id"] for c in data["provenance"] if c["single_origin"]]
    assert marked and len(re.findall(r'<tr id="C\d+">(?:(?!</tr>).)*single origin', html)) == len(marked)
    gov = next(s for s in data["series"] if s["series"] == "afghan-government->taliban")
    assert gov["progress_text"] == "at least 4,001 of 5,000 (80%+)" and gov["progress_text"] in html
    assert data["digest"] in html


def test_report_command_writes_files(run, tmp_path):
    assert run("import", str(SAMPLE)).exit_code == 0
    out = tmp_path / "r.md"
    result = run("report", "--format", "md", "-o", str(out))
    assert result.exit_code == 0 and f"wrote {out}" in result.output
    name = slug("afghan-government->taliban")
    assert (tmp_path / "r-charts" / f"{name}.png").stat().st_size > 1000
    assert f"](r-charts/{name}.svg)" in out.read_text()
    html = tmp_path / "r.html"
    assert run("report", "-o", str(html)).exit_code == 0 and html.read_text().startswith("<!DOCTYPE html>")
    csv_text = run("report", "--format", "csv", "--series", "taliban->afghan-government").output
    assert csv_text.startswith("section,series,date") and "afghan-government->taliban" not in csv_text
    assert run("report", "--series", "no->such").exit_code == 1
    missing = run("report", "--format", "md", "-o", str(tmp_path / "no" / "such" / "r.md"))
    assert missing.exit_code == 1 and "does not exist" in missing.output
    assert not (tmp_path / "no").exists()


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="chromium is not installed")
def test_html_works_in_a_real_browser(backend, tmp_path):
    assert CHROMIUM, "CI must have chromium (apt-get install chromium)"
    page = tmp_path / "report.html"
    page.write_text(to_html(sample_report(backend, hostile=True)), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert dom.stdout.count("<svg") == 2 and dom.stdout.count("<table") >= 5
    assert "<script" not in dom.stdout  # the hostile quote is text in the DOM, not an element
    assert "&lt;script&gt;" in dom.stdout
    assert "Uncaught" not in dom.stderr and "CONSOLE" not in dom.stderr
    shot = tmp_path / "shot.png"
    subprocess.run([CHROMIUM, *flags, "--window-size=390,1200", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 10_000  # a phone-width render with content


def test_charts_drawn_in_parallel_are_identical_to_charts_drawn_in_turn():
    from pxl.ledger.reconcile import reconcile as reconcile_claims
    from tests.claims import claim, day

    claims = [claim("cumulative", 10 * n + k, 10 * n + k, day(k + 1), series=f"s{n}->t") for n in range(5) for k in range(3)]
    results = reconcile_claims(claims).series
    items = [(r, set()) for r in results]
    assert charts.svgs(items) == [charts.svg(r, set()) for r in results]


def test_a_chart_draws_every_claim_once_and_names_the_first_origins_in_its_legend():
    from matplotlib.collections import LineCollection

    from pxl.ledger.reconcile import reconcile as reconcile_claims
    from tests.claims import claim, day

    # 30 origins (speakers), each with an exact total, a range and an open-ended total,
    # plus batches for the rug: far more origins than colours or legend entries.
    claims = []
    for n in range(30):
        claims.append(claim("cumulative", 100 + n, 100 + n, day(10 + n), speaker=f"speaker {n:02}"))
        claims.append(claim("cumulative", 90 + n, 200 + n, day(10 + n), speaker=f"speaker {n:02}"))
        claims.append(claim("cumulative", 80 + n, None, day(10 + n), speaker=f"speaker {n:02}"))
    claims += [claim("increment", 5, 5, day(50 + n)) for n in range(3)]
    result = reconcile_claims(claims).series[0]
    figure = charts.draw(result, conflicted=set())
    axes = figure.axes[0]

    points = [line for line in axes.lines if line.get_marker() == "o"]
    arrows = [line for line in axes.lines if line.get_marker() == "^" and line.get_color() != "#555555"]
    rug = [line for line in axes.lines if line.get_marker() == "^" and line.get_color() == "#555555"]
    bars = [c for c in axes.collections if isinstance(c, LineCollection)]
    assert sum(len(line.get_xdata()) for line in points) == 30
    assert sum(len(bar.get_segments()) for bar in bars) == 60
    assert sum(len(line.get_xdata()) for line in arrows) == 30
    assert sum(len(line.get_xdata()) for line in rug) == 3
    # matplotlib's cost is per artist: marks are grouped by colour, not by origin
    assert len(points) + len(bars) + len(arrows) <= 3 * len(charts.plt.get_cmap("tab10").colors)
    # exact figures are drawn after (above) the ranges, never hidden behind one
    order = axes.get_children()
    assert max(order.index(bar) for bar in bars) < min(order.index(line) for line in points)

    labels = [text.get_text() for text in axes.get_legend().get_texts()]
    assert labels[1:1 + charts.MAX_ORIGINS_IN_LEGEND] == [f"speaker {n:02}" for n in range(charts.MAX_ORIGINS_IN_LEGEND)]
    assert labels[0].startswith("reconciled low") and labels[-1] == "batch or period total"
    charts.plt.close(figure)


def full_html(backend) -> str:
    """The HTML report as `pxl report` writes it (wide and narrow charts) for the sample."""
    from pxl.reports.files import render_report

    ledger = backend.ledger()
    rows, errors = read_rows(SAMPLE.read_bytes(), "csv")
    assert import_rows(ledger, rows, SAMPLE.parent, read_errors=errors).ok
    return render_report(reconcile(ledger.claims()), "html", digest=ledger.digest(), as_known_at=None)


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="chromium is not installed")
@pytest.mark.parametrize("width", [400, 1280])
def test_the_report_is_as_wide_as_a_phone_or_a_laptop(backend, width):
    from pxl.reports.screenshot import page_width

    assert page_width(full_html(backend), width) == (width, width, 0)


def test_the_report_leads_with_discrepancies_and_marks_single_origins(backend):
    html = full_html(backend)
    section = html[re.search(r'<section class="series" id="afghan-government-taliban[^"]*">', html).start():]
    lead, chart, estimates = section.index('<ul class="lead">'), section.index("<figure"), section.index("<h3>Estimates")
    assert lead < section.index("target disagreement") < chart < estimates
    assert "<figcaption>How many people the figures allow to have been released in afghan-government-&gt;taliban" in section
    # a single-origin figure is a mark in a column, not a card of its own
    assert "uncorroborated" not in html and html.count('class="mark"') >= 2
    assert re.search(r"\d+ of 9 figures rest on a single origin", section)
    # a series name breaks only after '->' and '/', a date never
    assert '<span class="key"><span>afghan-government-&gt;</span><wbr><span>taliban</span></span>' in html
    assert ".key > span, .date, .n, .id { white-space: nowrap; }" in html
    # every table cell names its column, for the stacked cards on a phone
    cells = re.findall(r"<td(?: [^>]*)?>", html)
    assert cells and all("data-label=" in cell for cell in cells)


def test_an_empty_ledger_gets_a_sentence_not_empty_tables():
    from pxl.ledger.reconcile import Reconciliation
    from pxl.reports.files import render_report

    empty = Reconciliation(series=(), discrepancies=())
    html = render_report(empty, "html", digest=None, as_known_at=None)
    assert "<table" not in html
    assert ("<p class=\"empty\">The ledger holds no claims, so there is nothing to reconcile yet: import figures "
            "with <code>pxl import FILE</code> and run the report again.</p>") in html
    markdown = render_report(empty, "md", digest=None, as_known_at=None)
    assert "| " not in markdown and "The ledger holds no claims, so there is nothing to reconcile yet" in markdown


def test_a_chart_scales_to_the_figures_and_marks_a_target_off_the_scale():
    from pxl.ledger.reconcile import reconcile as reconcile_claims
    from tests.claims import claim, day

    claims = [claim("increment", 20, 20, day(1)), claim("cumulative", 500, None, day(5)),
              claim("target", 5000, 5000, day(1))]
    result = reconcile_claims(claims).series[0]
    top, off = charts.scale_of(result)
    assert off and top < 1000
    figure = charts.draw(result, set())
    axes = figure.axes[0]
    assert axes.get_ylim()[1] == top
    assert any(t.get_text() == "target 5,000 \u2191" for t in axes.texts)
    # day ticks, never hours: the x axis spans whole days and labels them as days
    labels = [t.get_text() for t in axes.get_xticklabels()]
    assert labels and not any(":" in label for label in labels)
    assert charts.caption(result, set()).endswith("the arrow at the top points to the target of 5,000, off this scale.")
    charts.plt.close(figure)


def test_rug_labels_on_near_dates_take_separate_rows():
    from pxl.ledger.reconcile import reconcile as reconcile_claims
    from tests.claims import claim, day

    # four batches on consecutive days of a 300-day axis: a few pixels apart
    claims = [claim("increment", 1000 + k, 2000 + k, day(1 + k)) for k in range(4)]
    claims.append(claim("increment", 5, 5, day(300)))
    figure = charts.draw(reconcile_claims(claims).series[0], set())
    axes = figure.axes[0]
    figure.canvas.draw()
    boxes = [t.get_window_extent() for t in axes.texts if t.get_text().startswith("+")]
    assert len(boxes) == 5
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    charts.plt.close(figure)


def test_a_conflict_head_counts_figures_as_the_message_does_when_one_is_stated_twice():
    from datetime import date

    from pxl.ledger.reconcile import reconcile
    from pxl.reports.reconciliation import to_text
    from tests.claims import claim, source

    day = date(2020, 10, 16)
    claims = [
        claim("cumulative", 100, 100, day, series="h->x", src=source()),
        claim("cumulative", 70, 70, day, series="h->x/a", src=source()),
        claim("cumulative", 70, 70, day, series="h->x/a", src=source()),
        claim("cumulative", 50, 50, day, series="h->x/b", src=source()),
    ]
    result = reconcile(claims)
    conflict = next(d for d in result.discrepancies if d.type == "conflict")
    assert len(conflict.claims) == 4
    assert conflict.message.startswith("these 3 figures cannot all be true")
    assert "conflict: these 3 figures cannot all be true (4 claims)" in to_text(result)


def scoped_family():
    """A parent a->b with parts a->b/x and a->b/y, exact totals on the same days: from day
    3 on, 8 of the parent's are in no part (a remainder, which never falls)."""
    from pxl.ledger.reconcile import reconcile as reconcile_claims
    from tests.claims import claim, day

    claims = [claim("cumulative", lo, lo, day(d), series=series) for series, figures in (
        ("a->b", {1: 5, 3: 30, 6: 48}), ("a->b/x", {1: 2, 3: 10, 6: 15}), ("a->b/y", {1: 3, 3: 12, 6: 25}))
        for d, lo in figures.items()]
    claims.append(claim("cumulative", 4, None, day(2), series="a->b/x"))  # a date only x has
    claims.append(claim("cumulative", 9, 12, day(2), series="a->b"))  # a range above the parts' lows
    result = reconcile_claims(claims)
    parent = result.for_series("a->b")
    return result, parent, tuple(result.for_series(name) for name in parent.parts)


def _layer_tops(axes, name):
    """(x, top y) of each step of the layer drawn for part ``name``."""
    layer = next(c for c in axes.collections if c.get_gid() == f"part:{name}")
    vertices = layer.get_paths()[0].vertices
    return vertices


def test_a_parent_chart_stacks_its_parts_lows_under_its_band():
    import matplotlib.dates as mdates

    from tests.claims import day

    result, parent, parts = scoped_family()
    assert parent.parts == ("a->b/x", "a->b/y")
    days, layers = charts.stack(parent, parts)
    assert [name for name, _ in layers] == ["a->b/x", "a->b/y"]
    all_days = sorted({e.date for r in (parent, *parts) for e in r.estimates})
    assert days == all_days
    for k, d in enumerate(days):
        # oracle: each part's low at its latest estimate on or before d (a total never falls)
        expected = sum(max([e.low for e in part.estimates if e.date <= d], default=0) for part in parts)
        assert sum(lows[k] for _, lows in layers) == expected
        assert expected <= max(e.low for e in parent.estimates if e.date <= d)  # under the band's low

    figure = charts.draw(parent, set(), family=parts)
    axes = figure.axes[0]
    # the drawn top of the stack at each date is the sum of the parts' lows there
    top = _layer_tops(axes, "a->b/y")
    for k, d in enumerate(days):
        at = [y for x, y in top if abs(x - mdates.date2num(d)) < 1e-9]
        assert max(at) == sum(lows[k] for _, lows in layers), d
    # the lower layer starts on the floor and the upper one on top of it
    assert min(y for _, y in _layer_tops(axes, "a->b/x")) == 0
    labels = [t.get_text() for t in axes.get_legend().get_texts()]
    assert labels[0].startswith("reconciled low")
    assert labels[1:3] == ["part x: proven low", "part y: proven low"]
    # the remainder: day 3 has an exact total of 30 over 10 + 12 in its parts
    left = charts.remainder(parent, days, layers)
    assert left[days.index(day(3))] == (22, 30) and left[days.index(day(6))] == (40, 48)
    # the parent is a range there, its low above the parts': what is left is not known
    assert sum(lows[days.index(day(2))] for _, lows in layers) < parent.estimate_at(day(2)).low
    assert left[days.index(day(2))] is None
    assert any(c.get_gid() == "remainder" for c in axes.collections)
    assert "remainder: the exact total less the parts' lows" in labels
    assert "proven lows of its parts (x, y)" in charts.caption(parent, set(), parts)
    charts.plt.close(figure)
    # the parts keep charts of their own, with no stack (they have no parts)
    assert all(charts.stack(part, (parent, *parts)) == ([], []) for part in parts)


def test_a_series_without_scopes_gets_no_stack():
    from pxl.ledger.reconcile import reconcile as reconcile_claims
    from tests.claims import claim, day

    plain = reconcile_claims([claim("cumulative", 5, 5, day(1)), claim("cumulative", 9, 9, day(4))]).series[0]
    other = reconcile_claims([claim("cumulative", 3, 3, day(1), series="c->d")]).series[0]
    assert charts.stack(plain, (other,)) == ([], [])
    figure = charts.draw(plain, set(), family=(other,))
    axes = figure.axes[0]
    assert not any((c.get_gid() or "").startswith(("part:", "remainder")) for c in axes.collections)
    assert not any(t.get_text().startswith(("part ", "remainder")) for t in axes.get_legend().get_texts())
    assert "layers" not in charts.caption(plain, set(), (other,))
    charts.plt.close(figure)


def test_the_report_stacks_parts_in_the_parent_chart(tmp_path):
    from pxl.reports.files import render_report

    result, parent, parts = scoped_family()
    html = render_report(result, "html", digest=None, as_known_at=None)
    section = html[html.index(f'id="{slug("a->b")}"'):html.index(f'id="{slug("a->b/x")}"')]
    assert section.count('id="part:a-&gt;b/x"') == 2  # the wide chart and the narrow one
    markdown = render_report(result, "md", tmp_path / "r.md", digest=None, as_known_at=None)
    assert "proven lows of its parts (x, y)" in markdown
    svg = (tmp_path / "r-charts" / f"{slug('a->b')}.svg").read_text()
    assert "part x: proven low" in svg and "part:" not in (tmp_path / "r-charts" / f"{slug('a->b/x')}.svg").read_text()


def test_chart_files_are_written_whole_or_not_at_all(tmp_path, monkeypatch):
    from pxl.reports import files
    from pxl.ledger.reconcile import reconcile as reconcile_claims
    from tests.claims import claim, day

    result = reconcile_claims([claim("cumulative", 5, 5, day(1))]).series[0]
    stem = tmp_path / "chart"
    for suffix in ("svg", "png"):
        stem.with_suffix(f".{suffix}").write_bytes(b"the previous chart")

    def killed(fd):  # the run dies after writing, before the file is complete on disk
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", killed)
    with pytest.raises(OSError):
        charts.write_files(result, set(), stem)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.png", "chart.svg"]  # no temporary left
    assert all(stem.with_suffix(f".{s}").read_bytes() == b"the previous chart" for s in ("svg", "png"))
    monkeypatch.undo()
    written = charts.write_files(result, set(), stem)
    assert [p.name for p in written] == ["chart.svg", "chart.png"]
    assert stem.with_suffix(".png").read_bytes().startswith(b"\x89PNG") and "</svg>" in stem.with_suffix(".svg").read_text()


def test_a_chart_legend_names_a_site_never_a_url():
    from pxl.ledger.reconcile import reconcile as reconcile_claims
    from tests.claims import claim, day, source

    own = source(publisher="Example Daily", url="https://www.example.org/2020/04/12/freed?id=7")
    reprint = source(publisher="Reprinter", url="https://reprints.example.net/a",
                     derived_from="https://wire.example.com/stories/2020/04/12/freed-prisoners")
    titled = source(publisher="Gazette", title="Prisoners freed")
    result = reconcile_claims([claim("cumulative", 5, 5, day(1), src=own), claim("cumulative", 9, 9, day(4), src=reprint),
                               claim("cumulative", 12, 12, day(6), src=titled)]).series[0]
    figure = charts.draw(result, set())
    labels = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    charts.plt.close(figure)
    assert labels[1:4] == ["Example Daily", "wire.example.com", "Prisoners freed"]
    assert not any("://" in label for label in labels)


def test_a_conflicted_batch_is_ringed_on_the_rug_not_in_the_air():
    from pxl.ledger.reconcile import reconcile as reconcile_claims
    from tests.claims import claim, day

    batch = claim("increment", 50, 50, day(3))
    result = reconcile_claims([claim("cumulative", 10, 10, day(1)), batch, claim("cumulative", 20, 20, day(5))])
    series = result.series[0]
    conflicted = {c.seq for d in result.conflicts for c in d.claims}
    assert batch.seq in conflicted
    figure = charts.draw(series, conflicted)
    axes = figure.axes[0]
    rings = next(line for line in axes.lines if line.get_markeredgecolor() == charts.CONFLICT_COLOUR)
    heights = dict(zip([charts.mdates.date2num(x) for x in rings.get_xdata()], rings.get_ydata(), strict=True))
    assert heights[charts.mdates.date2num(charts._when(batch))] == 0
    # its label clears its ring (radius: half the marker size, in points)
    figure.canvas.draw()
    label = next(t for t in axes.texts if t.get_text() == "+50")
    ring_top = axes.transData.transform((0, 0))[1] + rings.get_markersize() / 2 * figure.dpi / 72
    assert label.get_window_extent().y0 > ring_top
    charts.plt.close(figure)


def test_a_report_of_one_parent_still_stacks_its_parts(run, tmp_path):
    rows = ["series,kind,value,publisher,as_of",
            "a->b,cumulative,30,Outlet,2020-01-04", "a->b/x,cumulative,10,Outlet,2020-01-04",
            "a->b/y,cumulative,12,Outlet,2020-01-04"]
    (tmp_path / "claims.csv").write_text("\n".join(rows) + "\n")
    assert run("import", str(tmp_path / "claims.csv")).exit_code == 0
    out = tmp_path / "r.md"
    assert run("report", "--series", "a->b", "--format", "md", "-o", str(out)).exit_code == 0
    svg = (tmp_path / "r-charts" / f"{slug('a->b')}.svg").read_text()
    assert "part x: proven low" in svg and "part y: proven low" in svg
    text = out.read_text()
    assert "proven lows of its parts (x, y)" in text
    assert [line for line in text.splitlines() if line.startswith("## ")] == ["## Summary", "## a->b", "## Provenance"]
