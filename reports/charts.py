"""The timeline chart of a series: every claim, the reconciled band, the target, conflicts.

Each cumulative total is a point (an exact figure) or an interval bar (a range), with an
arrow for an open upper bound, coloured by origin; batches and totals over a period are
not points on the cumulative axis and are drawn as a labelled rug along the bottom; the reconciled low/high band is a step
envelope (a total holds until the next date); the target is a dashed line; claims in a
conflict are ringed in red. A parent scope's chart stacks its parts' proven lows from the
floor, one colour per part, under its band (:func:`stack`). Drawn with matplotlib; SVG output is deterministic (fixed
hash salt, no date), so charts can be compared across runs.
"""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from typing import Sequence
from urllib.parse import urlsplit

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
# The parts' layers: light fills unlike the saturated origin colours (tab10) of the marks
# drawn over them, so a layer is never read as an origin.
PART_COLOURS = ("#b7d7a8", "#f9cb9c", "#b4a7d6", "#ffe599", "#a2c4c9", "#ead1dc", "#d9d9d9", "#c9daf8")
REMAINDER_COLOUR = "#7f7f7f"


OPEN_FADE = 0.22  # an open high fades out over this share of the plot's height
OFF_SCALE = 1.6  # a target beyond this many times the largest figure is marked, not drawn to scale


def scale_of(result: SeriesResult) -> tuple[float, bool]:
    """(the top of the y axis, whether the target lies above it). The axis is scaled to
    the figures and bounds, not to a target far above them: 20-500 released against a
    5,000 target would otherwise lie flat on the floor."""
    releases = [c for c in result.claims if c.kind.constrains_total and c.as_of is not None]
    values = [c.lo for c in releases] + [c.hi for c in releases if c.hi is not None]
    values += [e.low for e in result.estimates] + [e.high for e in result.estimates if e.high is not None]
    top = max(values + [1])
    target = result.target.lo if result.target is not None else None
    if target is not None and target <= top * OFF_SCALE:
        return max(top, target) * 1.15, False
    return top * (1.15 + OPEN_FADE), target is not None


def bounds_at(result: SeriesResult, day: date) -> tuple[int, int | None]:
    """(low, high) of ``result`` at ``day`` as its chart draws them: those of its latest
    estimate on or before it (a total holds until the next date), (0, None) before its
    first."""
    found: tuple[int, int | None] = (0, None)
    for estimate in result.estimates:
        if estimate.date > day:
            break
        found = (estimate.low, estimate.high)
    return found


def stack(result: SeriesResult, family: Sequence[SeriesResult]) -> tuple[list[date], list[tuple[str, list[int]]]]:
    """The layers a parent's chart stacks under its band: (the dates, [(part, its low at
    each date)]) for the direct parts of ``result`` found in ``family``, in the order of
    ``result.parts``; the dates are every estimate date of the parent and those parts.
    Stacking sums the lows, sound because parts are disjoint (SPEC, scopes: the parent is
    at least the sum of its parts). A series without parts: ([], [])."""
    by_name = {r.series: r for r in family}
    members = [by_name[name] for name in result.parts if name in by_name]
    if not members:
        return [], []
    days = sorted({e.date for r in (result, *members) for e in r.estimates})
    return days, [(part.series, [bounds_at(part, d)[0] for d in days]) for part in members]


def remainder(result: SeriesResult, days: list[date], layers: list[tuple[str, list[int]]]) -> list[tuple[int, int] | None]:
    """Per date of :func:`stack`, (the stack's top, the parent's total) where the parent
    is exact (low = high) and above the stack: the people released in no part, or in a
    part beyond its proven low; None elsewhere (with an open or a ranged total, what is
    left is not known)."""
    found: list[tuple[int, int] | None] = []
    for k, day in enumerate(days):
        low, high = bounds_at(result, day)
        top = sum(lows[k] for _, lows in layers)
        found.append((top, low) if high == low and low > top else None)
    return found


def part_name(part: str, parent: str) -> str:
    """A part as its parent's chart names it: the key after the parent's ("deal/living"
    under "hamas->hostages")."""
    return part.removeprefix(parent + "/")


def legend_name(claim, origins: OriginIndex) -> str:
    """The origin of ``claim`` as a legend names it: the speaker, else the root source's
    title or publisher, never a full url (which filled the legend): a root recorded only
    by its url is named by the publisher when it is the claim's own page, else by the
    site's host name ("reuters.com")."""
    label = origins.label(claim)
    if not re.match(r"^[a-z][a-z0-9+.-]*://", label, flags=re.IGNORECASE):
        return label
    if label == claim.source.url:
        return claim.source.publisher
    host = urlsplit(label).hostname or label
    return host.removeprefix("www.")


def caption(result: SeriesResult, conflicted: set[int], family: Sequence[SeriesResult] = ()) -> str:
    """One sentence saying what the chart of ``result`` shows (only what it draws)."""
    releases = [c for c in result.claims if c.kind.constrains_total and c.as_of is not None]
    totals = [c for c in releases if on_axis(c)]
    parts = [f"How many people the figures allow to have been released in {result.series} by each date: "
             "the shaded band runs from the proven low to the possible high"]
    if any(e.high is None for e in result.estimates) or any(c.hi is None for c in totals):
        parts.append("a fading arrow marks a high no figure caps")
    if totals:
        parts.append("dots and bars are reported totals, coloured by who first said them")
    if len(totals) < len(releases):
        parts.append("grey triangles along the bottom are batches and totals over a period, with their figures")
    if result.target is not None:
        _, off = scale_of(result)
        parts.append(f"the arrow at the top points to the target of {result.target.lo:,}, off this scale" if off
                     else f"the dashed line is the target of {result.target.lo:,}")
    if any(c.seq in conflicted for c in releases):
        parts.append("red rings mark figures in a conflict")
    _, layers = stack(result, family)
    if layers:
        names = ", ".join(part_name(name, result.series) for name, _ in layers)
        parts.append(f"coloured layers stacked from the floor are the proven lows of its parts ({names})"
                     + ("; hatching above them is what is left of an exact total"
                        if any(remainder(result, *stack(result, family))) else ""))
    return "; ".join(parts) + "."


def _date_axis(axes, first, last, ticks: int = 7) -> None:
    """Whole days on the x axis: at least a week shown, ticks on days (never hours) and
    labels such as "12 Apr", the year once below the axis."""
    span = (last - first).days
    pad = max(1, span // 20)
    low, high = first - timedelta(days=pad), last + timedelta(days=pad)
    if (high - low).days < 7:
        extra = (7 - (high - low).days + 1) // 2
        low, high = low - timedelta(days=extra), high + timedelta(days=extra)
    axes.set_xlim(low, high + timedelta(days=1))
    days = (high - low).days
    if days <= 60:
        axes.xaxis.set_major_locator(mdates.DayLocator(interval=max(1, days // ticks)))
        axes.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b"))
    elif days <= 800:
        axes.xaxis.set_major_locator(mdates.MonthLocator(interval=max(1, days // (30 * ticks))))
        axes.xaxis.set_major_formatter(mdates.DateFormatter("%b"))
    else:
        axes.xaxis.set_major_locator(mdates.YearLocator())
        axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    years = sorted({low.year, high.year})
    if days <= 800:
        axes.set_xlabel(str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}")


def _fade_up(axes, xs, lows, height, colour, steps: int = 6, **style) -> None:
    """An open upper bound: shading that fades out over ``height`` above ``lows``."""
    for k in range(steps):
        bottom = [y + height * k / steps for y in lows]
        top = [y + height * (k + 1) / steps for y in lows]
        axes.fill_between(xs, bottom, top, color=colour, alpha=0.16 * (1 - k / steps), linewidth=0, **style)


def _place_labels(axes, items: list, fontsize: float = 7) -> list[tuple]:
    """Rows for labels along the bottom so that none overlaps another: each label (x,
    text) takes the lowest row where it clears every label already there by its width.
    Returns (x, text, row) in input order."""
    figure = axes.figure
    figure.canvas.draw_idle()
    to_pixels = axes.transData.transform
    char = fontsize * 0.62 * figure.dpi / 72  # an average glyph's width in pixels
    rows: list[list[tuple[float, float]]] = []
    placed = []
    for x, text in items:
        centre = to_pixels((mdates.date2num(x), 0))[0]
        half = len(text) * char / 2 + 2
        row = next((i for i, taken in enumerate(rows)
                    if all(centre + half < a or centre - half > b for a, b in taken)), len(rows))
        if row == len(rows):
            rows.append([])
        rows[row].append((centre - half, centre + half))
        placed.append((x, text, row))
    return placed


SIZES = {"wide": (8, 3.8), "narrow": (4.4, 4.2)}  # inches; "narrow" is for a phone's width


def draw(result: SeriesResult, conflicted: set[int], size: str = "wide", family: Sequence[SeriesResult] = ()):
    """The chart of ``result`` as a matplotlib figure (the caller closes it); ``conflicted``
    holds the seqs of claims in a conflict, ``family`` the other scopes of its family
    (its direct parts are stacked under its band, :func:`stack`)."""
    releases = [c for c in result.claims if c.kind.constrains_total and c.as_of is not None]
    origins = OriginIndex(result.claims)
    palette = plt.get_cmap("tab10").colors
    colour_of: dict[str, tuple] = {}
    label_of: dict[str, str] = {}
    for claim in releases:
        key = origins.origin(claim)
        if key not in colour_of:
            colour_of[key] = palette[len(colour_of) % len(palette)]
            label_of[key] = legend_name(claim, origins)

    figure, axes = plt.subplots(figsize=SIZES[size], dpi=100)
    narrow = size == "narrow"
    estimates = list(result.estimates)
    ceiling, target_off_scale = scale_of(result)
    fade = ceiling * OPEN_FADE

    legend: list[tuple] = []  # (artist, label) in the order the legend lists them
    if estimates:
        days = [e.date for e in estimates]
        days.append(days[-1] + timedelta(days=1) if days[-1] < date.max else days[-1])  # 9999-12-31 has no next day
        lows = [e.low for e in estimates] + [estimates[-1].low]
        highs = [e.high for e in estimates] + [estimates[-1].high]
        closed = [h if h is not None else lo for lo, h in zip(lows, highs, strict=True)]
        band = axes.fill_between(days, lows, closed, step="post", color="#3a6ea5", alpha=0.16, linewidth=0)
        legend.append((band, "reconciled low\u2013high (fading where the high is open)"))
        if any(h is None for h in highs):
            open_lows = [lo if h is None else float("nan") for lo, h in zip(lows, highs, strict=True)]
            _fade_up(axes, days, open_lows, fade, "#3a6ea5", step="post")
        _draw_stack(axes, result, family, legend)
        axes.step(days, lows, where="post", color="#3a6ea5", linewidth=1.2)
        axes.step(days, [h if h is not None else float("nan") for h in highs], where="post", color="#3a6ea5",
                  linewidth=0.8, linestyle=":")

    # One artist per colour and mark type, not per claim or per origin: a series may hold
    # 100,000 claims from thousands of origins, and matplotlib's cost is per artist. The
    # legend names origins with stand-in marks of the same look.
    dense = len(releases) > DENSE
    totals = [c for c in releases if on_axis(c)]
    partial = [c for c in releases if not on_axis(c)]
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
        # an open upper bound is a short bar ending in an arrowhead, not a bar to the top
        tops = [c.hi if c.hi is not None else c.lo + fade * 0.6 for c in group]
        axes.vlines([_when(c) for c in group], [c.lo for c in group], tops, color=colour, linewidth=2.5,
                    rasterized=dense)
        open_ended = [c for c in group if c.hi is None]
        if open_ended:
            axes.plot([_when(c) for c in open_ended], [c.lo + fade * 0.6 for c in open_ended], "^",
                      color=colour, markersize=6, rasterized=dense)
    # Points last: an exact figure is never hidden behind a range.
    for colour, group in exact_by_colour.items():
        axes.plot([_when(c) for c in group], [c.lo for c in group], "o", color=colour, markersize=4,
                  rasterized=dense)
    for key, mark in legend_origins.items():
        stand_in = (Line2D([], [], marker="o", linestyle="none", color=colour_of[key], markersize=4)
                    if mark == "exact" else Line2D([], [], color=colour_of[key], linewidth=2.5))
        legend.append((stand_in, label_of[key]))
    ringed = [c for c in releases if c.seq in conflicted]
    rings = None
    if ringed:
        # A batch or a total over a period is ringed where it is drawn, on the rug: at its
        # figure's height it rang empty air (and covered its own label).
        rings, = axes.plot([_when(c) for c in ringed], [_ring_height(c) for c in ringed],
                           "o", markersize=11, markerfacecolor="none", markeredgecolor=CONFLICT_COLOUR,
                           markeredgewidth=1.5, clip_on=False, rasterized=dense)
    target_artist = None
    if result.target is not None and not target_off_scale:
        target_artist = axes.axhline(result.target.lo, color="black", linestyle="--", linewidth=1)
    axes.set_ylim(0, ceiling)
    dates = [_when(c) for c in releases] + [e.date for e in estimates]
    if dates:
        _date_axis(axes, min(dates), max(dates), ticks=4 if narrow else 7)
    if partial:
        # A batch or a total over a period is not a point on the cumulative axis: it goes
        # in a rug along the bottom, labelled with its figure while there are few, in rows
        # so that no label covers another.
        rug, = axes.plot([_when(c) for c in partial], [0] * len(partial), "^", color="#555555", markersize=6,
                         clip_on=False, rasterized=dense)
        legend.append((rug, "batch or period total"))
        if len(partial) <= MAX_RUG_LABELS:
            texts = []
            for claim in sorted(partial, key=_when):
                if claim.hi is None:
                    text = f"+{claim.lo:,} or more"
                elif claim.lo == claim.hi:
                    text = f"+{claim.lo:,}"
                else:
                    text = f"+{claim.lo:,}\u2013{claim.hi:,}"
                texts.append((claim, text))
            for (claim, _), (x, text, row) in zip(texts, _place_labels(axes, [(_when(c), t) for c, t in texts]), strict=True):
                # on a light backing: the band's edge or a part's layer never runs through a figure
                axes.annotate(text, (x, 0), xytext=(0, 8 + 9 * row), textcoords="offset points",
                              ha="center", fontsize=7, color=colour_of[origins.origin(claim)],
                              bbox={"boxstyle": "square,pad=0.05", "facecolor": "white", "edgecolor": "none",
                                    "alpha": 0.8})
    if rings is not None:
        legend.append((rings, "in a conflict"))
    if target_artist is not None:
        legend.append((target_artist, f"target {result.target.lo:,}"))
    elif target_off_scale:
        axes.annotate(f"target {result.target.lo:,} \u2191", xy=(1, 1), xycoords="axes fraction", ha="right",
                      va="top", fontsize=8, fontweight="bold")
    axes.set_ylabel("released (cumulative)")
    axes.set_title(result.series, loc="left", fontsize=10)
    axes.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    if narrow:  # below the plot, where it covers nothing
        axes.legend([artist for artist, _ in legend], [label for _, label in legend], loc="upper left",
                    bbox_to_anchor=(0, -0.22), fontsize=8, frameon=False, ncol=1)
    else:
        # "best" keeps the legend off the marks, at a cost per mark: a fixed corner when dense.
        # Over the parts' layers it needs a backing, or a layer's swatch vanishes into its layer.
        stacked = any(artist.get_gid() and artist.get_gid().startswith("part:") for artist, _ in legend)
        axes.legend([artist for artist, _ in legend], [label for _, label in legend],
                    loc="upper left" if dense else "best", fontsize=7, frameon=stacked, facecolor="white",
                    edgecolor="none", framealpha=0.9)
    figure.tight_layout()
    return figure


LAST_DRAWABLE = date(9000, 1, 1)  # matplotlib's dates end at 9999, with room for margins


def drawable(result: SeriesResult) -> bool:
    """Whether the series' dates fit on a chart: a claim dated 9999-12-31 is recorded and
    reported, but drawn with margins past year 9999 it overflowed matplotlib's dates."""
    days = [e.date for e in result.estimates] + [
        p.last for c in result.claims for p in (c.as_of, c.period_start, getattr(c, "deadline", None)) if p]
    return all(d < LAST_DRAWABLE for d in days)


def svg(result: SeriesResult, conflicted: set[int], size: str = "wide",
        family: Sequence[SeriesResult] = ()) -> str | None:
    """The chart (:func:`draw`) as an SVG element (no XML prolog), ready to inline in
    HTML; None when the series cannot be drawn (:func:`drawable`)."""
    if not drawable(result):
        return None
    figure = draw(result, conflicted, size, family)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def write_files(result: SeriesResult, conflicted: set[int], stem, family: Sequence[SeriesResult] = ()) -> list:
    """Write ``stem.svg`` and ``stem.png`` (:func:`draw`), each whole or not at all
    (:func:`~reports.files.write_bytes_atomically`: a killed run never leaves half an
    image); returns the paths (none when the series cannot be drawn, :func:`drawable`).
    Raises OSError when a file cannot be written."""
    from .files import write_bytes_atomically

    if not drawable(result):
        return []
    figure = draw(result, conflicted, family=family)
    paths = []
    try:
        for suffix in ("svg", "png"):
            path = stem.with_suffix(f".{suffix}")
            buffer = io.BytesIO()
            figure.savefig(buffer, format=suffix, metadata={"Date": None} if suffix == "svg" else {"Software": None})
            write_bytes_atomically(path, buffer.getvalue())
            paths.append(path)
    finally:
        plt.close(figure)
    return paths


_WORK: list = []  # the charts to draw, inherited by forked workers (nothing to pickle in)


def _svg_at(index: int) -> str:
    result, conflicted, size, family = _WORK[index]
    return svg(result, conflicted, size, family)


def svgs(items: list[tuple], size: str = "wide") -> list[str]:
    """``svg`` for many series, on every core when there are enough of them; each item
    is (result, conflicted) or (result, conflicted, family), the arguments of :func:`svg`.

    Each chart costs ~0.2 s of matplotlib set-up and SVG output whatever its size, so a
    report of many series is bound by chart count. Workers are forked: they inherit the
    series, and only the SVG text comes back. Output is identical to drawing in turn."""
    import os

    from pxl.ledger import forked

    workers = min(os.cpu_count() or 1, 8)
    work = [(item[0], item[1], size, item[2] if len(item) > 2 else ()) for item in items]
    if len(items) < 4 or workers < 2 or not forked.can_fork():
        return [svg(*arguments) for arguments in work]
    global _WORK
    _WORK = work
    try:
        with forked.pool(workers) as workers_pool:
            return workers_pool.map(_svg_at, range(len(items)), chunksize=max(1, len(items) // (workers * 4)))
    finally:
        _WORK = []


def _draw_stack(axes, result: SeriesResult, family: Sequence[SeriesResult], legend: list) -> None:
    """The parts' proven lows stacked from the floor, each a step area of its own colour
    named in the legend, and the remainder hatched where the total is exact."""
    days, layers = stack(result, family)
    if not layers:
        return
    edges = days + [days[-1] + timedelta(days=1) if days[-1] < date.max else days[-1]]
    floor = [0] * len(days)
    for k, (name, lows) in enumerate(layers):
        top = [f + low for f, low in zip(floor, lows, strict=True)]
        area = axes.fill_between(edges, floor + floor[-1:], top + top[-1:], step="post", linewidth=0,
                                 color=PART_COLOURS[k % len(PART_COLOURS)], alpha=0.9, gid=f"part:{name}")
        legend.append((area, f"part {part_name(name, result.series)}: proven low"))
        floor = top
    left = remainder(result, days, layers)
    if any(left):
        bottoms = [r[0] if r else float("nan") for r in left]
        tops = [r[1] if r else float("nan") for r in left]
        area = axes.fill_between(edges, bottoms + bottoms[-1:], tops + tops[-1:], step="post", facecolor="none",
                                 edgecolor=REMAINDER_COLOUR, hatch="////", linewidth=0, gid="remainder")
        legend.append((area, "remainder: the exact total less the parts' lows"))


def on_axis(claim) -> bool:
    """Whether a release figure is a point on the cumulative axis (a total since the
    start), not a batch or a total over a period (drawn in the rug along the bottom)."""
    return claim.period_start is None and claim.kind.value == "cumulative"


def _ring_height(claim) -> float:
    if not on_axis(claim):
        return 0
    return claim.lo if claim.hi is None else (claim.lo + claim.hi) / 2


def _when(claim) -> date:
    """Where a claim sits on the time axis: its day, or the middle of its month or year."""
    first, last = claim.as_of.first, claim.as_of.last
    return first + (last - first) / 2
