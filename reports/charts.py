"""The timeline chart of a series: every claim, the reconciled band, the target, conflicts.

Each cumulative total is a point (an exact figure) or an interval bar (a range), with an
arrow for an open upper bound, coloured by origin; batches and totals over a period are
not points on the cumulative axis and are drawn as a labelled rug along the bottom; the reconciled low/high band is a step
envelope (a total holds until the next date); the target is a dashed line; claims in a
conflict are ringed in red. Drawn with matplotlib; SVG output is deterministic (fixed
hash salt, no date), so charts can be compared across runs.
"""

from __future__ import annotations

import io
from datetime import date, timedelta

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from pxl.ledger.reconcile import SeriesResult  # noqa: E402
from pxl.ledger.reconcile.origins import OriginIndex  # noqa: E402

matplotlib.rcParams.update({
    "svg.hashsalt": "pxl",
    "svg.fonttype": "none",  # text stays text: searchable, selectable, escaped by the writer
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
})
MAX_ORIGINS_IN_LEGEND = 8
MAX_RUG_LABELS = 40
DENSE = 500  # above this many claims, marks are rasterised inside the SVG to keep it small
CONFLICT_COLOUR = "#c0392b"


def draw(result: SeriesResult, conflicted: set[int]):
    releases = [c for c in result.claims if c.kind.constrains_total]
    origins = OriginIndex(result.claims)
    palette = plt.get_cmap("tab10").colors
    colour_of: dict[str, tuple] = {}
    label_of: dict[str, str] = {}
    for claim in releases:
        key = origins.origin(claim)
        if key not in colour_of:
            colour_of[key] = palette[len(colour_of) % len(palette)]
            label_of[key] = origins.label(claim)

    figure, axes = plt.subplots(figsize=(8, 3.6), dpi=100)
    estimates = list(result.estimates)
    finite = [e.high for e in estimates if e.high is not None]
    values = [c.lo for c in releases] + [c.hi for c in releases if c.hi is not None] + finite
    values += [e.low for e in estimates]
    if result.target is not None:
        values.append(result.target.lo)
    ceiling = max(values + [1]) * 1.15

    legend: list[tuple] = []  # (artist, label) in the order the legend lists them
    if estimates:
        days = [e.date for e in estimates]
        days.append(days[-1] + timedelta(days=1) if days[-1] < date.max else days[-1])  # 9999-12-31 has no next day
        lows = [e.low for e in estimates] + [estimates[-1].low]
        highs = [ceiling if e.high is None else e.high for e in estimates]
        highs.append(highs[-1])
        band = axes.fill_between(days, lows, highs, step="post", color="#3a6ea5", alpha=0.13)
        legend.append((band, "reconciled low\u2013high (open above where shaded to the top)"))
        axes.step(days, lows, where="post", color="#3a6ea5", linewidth=1.2)
        axes.step(days, highs, where="post", color="#3a6ea5", linewidth=0.8, linestyle=":")

    # One artist per colour and mark type, not per claim or per origin: a series may hold
    # 100,000 claims from thousands of origins, and matplotlib's cost is per artist. The
    # legend names origins with stand-in marks of the same look.
    dense = len(releases) > DENSE
    totals = [c for c in releases if c.period_start is None and c.kind.value == "cumulative"]
    partial = [c for c in releases if not (c.period_start is None and c.kind.value == "cumulative")]
    exact_by_colour: dict[tuple, list] = {}
    ranged_by_colour: dict[tuple, list] = {}
    legend_origins: dict[str, str] = {}  # the first origins: "exact" or "ranged", the mark shown
    for claim in totals:
        key = origins.origin(claim)
        mark = "exact" if claim.hi == claim.lo else "ranged"
        (exact_by_colour if mark == "exact" else ranged_by_colour).setdefault(colour_of[key], []).append(claim)
        if key in legend_origins:
            if mark == "exact":
                legend_origins[key] = mark  # an origin with a point shows the point
        elif len(legend_origins) < MAX_ORIGINS_IN_LEGEND:
            legend_origins[key] = mark
    for colour, group in ranged_by_colour.items():
        tops = [c.hi if c.hi is not None else ceiling * 0.97 for c in group]
        axes.vlines([c.as_of for c in group], [c.lo for c in group], tops, color=colour, linewidth=2.5,
                    rasterized=dense)
        open_ended = [c for c in group if c.hi is None]
        if open_ended:  # an open upper bound: an arrowhead at the top of its bar
            axes.plot([c.as_of for c in open_ended], [ceiling * 0.97] * len(open_ended), "^",
                      color=colour, markersize=6, rasterized=dense)
    # Points last: an exact figure is never hidden behind a range.
    for colour, group in exact_by_colour.items():
        axes.plot([c.as_of for c in group], [c.lo for c in group], "o", color=colour, markersize=4,
                  rasterized=dense)
    for key, mark in legend_origins.items():
        stand_in = (Line2D([], [], marker="o", linestyle="none", color=colour_of[key], markersize=4)
                    if mark == "exact" else Line2D([], [], color=colour_of[key], linewidth=2.5))
        legend.append((stand_in, label_of[key]))
    if partial:
        # A batch or a total over a period is not a point on the cumulative axis: it goes
        # in a rug along the bottom, labelled with its figure while there are few.
        rug, = axes.plot([c.as_of for c in partial], [0] * len(partial), "^", color="#555555", markersize=6,
                         clip_on=False, rasterized=dense)
        legend.append((rug, "batch or period total"))
        if len(partial) <= MAX_RUG_LABELS:
            stacked: dict = {}
            for claim in partial:
                level = stacked.get(claim.as_of, 0)
                stacked[claim.as_of] = level + 1
                hi = "" if claim.hi is None else f"{claim.hi:,}"
                text = f"+{claim.lo:,}" if claim.lo == claim.hi else f"+{claim.lo:,}\u2013{hi}"
                axes.annotate(text, (claim.as_of, 0), xytext=(0, 8 + 9 * level), textcoords="offset points",
                              ha="center", fontsize=7, color=colour_of[origins.origin(claim)])
    ringed = [c for c in releases if c.seq in conflicted]
    if ringed:
        rings, = axes.plot([c.as_of for c in ringed], [c.lo if c.hi is None else (c.lo + c.hi) / 2 for c in ringed],
                           "o", markersize=11, markerfacecolor="none", markeredgecolor=CONFLICT_COLOUR,
                           markeredgewidth=1.5, rasterized=dense)
        legend.append((rings, "in a conflict"))
    if result.target is not None:
        line = axes.axhline(result.target.lo, color="black", linestyle="--", linewidth=1)
        legend.append((line, f"target {result.target.lo:,}"))
    axes.set_ylim(0, ceiling)
    axes.set_ylabel("released (cumulative)")
    axes.set_title(result.series, loc="left", fontsize=10)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(mdates.AutoDateLocator()))
    axes.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    axes.legend([artist for artist, _ in legend], [label for _, label in legend], loc="upper left",
                fontsize=7, frameon=False)
    figure.tight_layout()
    return figure


LAST_DRAWABLE = date(9000, 1, 1)  # matplotlib's dates end at 9999, with room for margins


def drawable(result: SeriesResult) -> bool:
    """Whether the series' dates fit on a chart: a claim dated 9999-12-31 is recorded and
    reported, but drawn with margins past year 9999 it overflowed matplotlib's dates."""
    days = [e.date for e in result.estimates] + [d for c in result.claims for d in (c.as_of, c.period_start, getattr(c, "deadline", None)) if d]
    return all(d < LAST_DRAWABLE for d in days if isinstance(d, date))


def svg(result: SeriesResult, conflicted: set[int]) -> str | None:
    """The chart as an SVG element (no XML prolog), ready to inline in HTML; None when the
    series cannot be drawn (:func:`drawable`)."""
    if not drawable(result):
        return None
    figure = draw(result, conflicted)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def write_files(result: SeriesResult, conflicted: set[int], stem) -> list:
    """Write ``stem.svg`` and ``stem.png``; returns the paths (none when the series
    cannot be drawn, :func:`drawable`)."""
    if not drawable(result):
        return []
    figure = draw(result, conflicted)
    paths = []
    for suffix in ("svg", "png"):
        path = stem.with_suffix(f".{suffix}")
        figure.savefig(path, format=suffix, metadata={"Date": None} if suffix == "svg" else {"Software": None})
        paths.append(path)
    plt.close(figure)
    return paths


_WORK: list = []  # the charts to draw, inherited by forked workers (nothing to pickle in)


def _svg_at(index: int) -> str:
    result, conflicted = _WORK[index]
    return svg(result, conflicted)


def svgs(items: list[tuple[SeriesResult, set[int]]]) -> list[str]:
    """``svg`` for many series, on every core when there are enough of them.

    Each chart costs ~0.2 s of matplotlib set-up and SVG output whatever its size, so a
    report of many series is bound by chart count. Workers are forked: they inherit the
    series, and only the SVG text comes back. Output is identical to drawing in turn."""
    import os

    from pxl.ledger import forked

    workers = min(os.cpu_count() or 1, 8)
    if len(items) < 4 or workers < 2 or not forked.can_fork():
        return [svg(result, conflicted) for result, conflicted in items]
    global _WORK
    _WORK = items
    try:
        with forked.pool(workers) as workers_pool:
            return workers_pool.map(_svg_at, range(len(items)), chunksize=max(1, len(items) // (workers * 4)))
    finally:
        _WORK = []
