"""``pxl record``, ``pxl list``, ``pxl show``: recording figures and reading them back."""

from __future__ import annotations

import json
from dataclasses import replace

import click

from pxl.ledger.errors import InvalidInput, LedgerError
from pxl.ledger.model import ClaimHistory, EntryType, Kind, parse_public_id
from pxl.ledger.serialise import (
    CLAIM_TABLE_COLUMNS,
    claim_dict,
    correction_dict,
    figure_extras,
    source_dict,
)
from pxl.ledger.store import parse_known_at

from .context import AppContext, date_order_option, decimal_option, pass_app
from .documents import read_document
from .output import emit, fit_table, format_option, say, terminal_width
from .series import resolve_series, series_option
from .sources import source_options

KINDS = [k.value for k in Kind]


def claim_options(function):
    """The claim fields of the import format, as --kebab-case options."""
    for option in reversed([
        click.option("--series", help="Flow of people, RELEASING->RELEASED, e.g. afghan-government->taliban."),
        click.option("--kind", type=click.Choice(KINDS, case_sensitive=False), help="What the figure is."),
        click.option("--value", help="The figure as worded: 300, 'more than four thousand', 'dozens'."),
        click.option("--as-of", metavar="DATE", help="Date the figure refers to: a day, a month (2023-11) or a year (default: the source's date, marked inferred; with neither the claim is undated)."),
        click.option("--period-start", metavar="DATE", help="Start of the period a total or batch covers ('since April 8')."),
        click.option("--deadline", metavar="DATE", help="Date a target, pledge or demand falls due."),
        click.option("--event", help="Distinguishes separate batches reported on one date."),
        click.option("--speaker", help="Who stated it (the originator, not the outlet); empty for the outlet itself."),
        click.option("--quote", help="The exact words; must occur in the archived text if there is one."),
        click.option("--reliability", metavar="A-F", help="Admiralty grade of the source."),
        click.option("--credibility", metavar="1-6", help="Admiralty grade of the information."),
        click.option("--notes", help="Free-text notes on how the figure was read."),
    ]):
        function = option(function)
    return function


def claim_id(text: str) -> int:
    try:
        return parse_public_id(text, EntryType.CLAIM)
    except ValueError as error:
        raise LedgerError(str(error), "`pxl list` shows claim ids") from None


@click.command()
@claim_options
@click.option("--ref", help="Your own unique key for this claim (e.g. a spreadsheet row id).")
@click.option("--source", "source_ref", metavar="ID|URL", help="An already recorded source (S3 or its url).")
@source_options
@click.option("--document", type=click.Path(dir_okay=False, allow_dash=True), help="Archived text of a new inline source.")
@click.option("--recorded-by", envvar="PXL_USER", help="Who records it (env PXL_USER; default: login name).")
@decimal_option
@date_order_option
@pass_app
def record(app: AppContext, source_ref, document, recorded_by, **fields) -> None:
    """Record one figure with its provenance.

    The source is either an existing one (--source S3 or its url) or given inline
    (--publisher, --published, and optionally --url, --title, --document, --derived-from);
    an inline source that is already recorded is reused.

    \b
    Example:
      pxl record --series "afghan-government->taliban" --kind cumulative --value 300 \\
          --period-start 2020-04-08 --as-of 2020-04-12 --source S1 \\
          --quote "bringing to 300 the total number of Taliban inmates freed since April 8"
    """
    ledger = app.ledger()
    inline = any(fields.get(k) for k in ("publisher", "published", "url", "title", "derived_from")) or document
    if source_ref and inline:
        raise LedgerError("give either --source or the source's own fields, not both")
    source_seq = None
    if source_ref:
        source_seq = ledger.find_source(source_ref).seq
    elif not inline:
        raise LedgerError("a claim needs a source", "give --source ID|URL, or --publisher and --published")
    from pxl.ledger.drafts import claim_draft  # the write side: not loaded by `pxl list`

    draft, errors = claim_draft(fields, app.wording, with_source=not source_ref)
    if errors or draft is None:
        raise InvalidInput(errors, "see `pxl record --help` and `pxl wording`")
    if document and draft.source is not None:
        draft = replace(draft, source=replace(draft.source, document=document, document_text=read_document(document)))
    claim = ledger.record(draft, source_seq=source_seq, recorded_by=recorded_by)
    if claim.as_of is None:
        when = "undated (no as_of, no publication date)"
    else:
        when = f"as of {claim.as_of}" + (" (inferred from the publication date)" if claim.as_of_inferred else "")
    say(f"recorded {claim.id}: {claim.series} {claim.kind.value} {claim.value!r} "
        f"= {_interval(claim.lo, claim.hi)} {when}, source {claim.source.id}")


def _interval(lo: int, hi: int | None) -> str:
    if lo == hi:
        return f"{lo:,}"
    return f"[{lo:,}, {'open' if hi is None else f'{hi:,}'}]"


@click.command("list")
@series_option
@click.option("--kind", type=click.Choice(KINDS, case_sensitive=False), help="Only this kind.")
@click.option("--as-known-at", metavar="TIMESTAMP", help="What the ledger held then (date = end of that day, UTC).")
@click.option("--all", "include_retracted", is_flag=True, help="Include retracted claims (status retracted).")
@click.option("--declarations", is_flag=True, help="List the declarations (complete scopes, aliases) instead.")
@click.option("--wide", is_flag=True, help="Table: every column, nothing cut to the terminal's width.")
@format_option("table", "csv", "json", "jsonl")
@pass_app
def list_claims(app: AppContext, series, kind, as_known_at, include_retracted, declarations, wide, fmt) -> None:
    """List the effective claims: each with its latest amendment; retracted ones left out.

    The table fits the terminal: the date column gives the period a figure covers
    (2020-04-08..2020-04-12 for "300 since April 8") or the date a target falls due, and
    the quote is cut to the room left; where even that is too wide, whole columns are
    left out (quote, speaker, publisher, kind; said under the table); --wide shows every
    column in full.

    \b
    Examples:
      pxl list --series "afghan-government->taliban"
      pxl list --format json --as-known-at 2020-04-14
    """
    known = parse_known_at(as_known_at) if as_known_at else None
    if declarations:
        from pxl.ledger.serialise import DECLARATION_COLUMNS, declaration_dict

        found = app.ledger().declarations(as_known_at=known, include_retracted=include_retracted)
        emit([declaration_dict(d) for d in found], fmt, DECLARATION_COLUMNS)
        return
    series = resolve_series(app, series)
    claims = app.ledger().claims(as_known_at=known, series=series, include_retracted=include_retracted)
    if kind:
        claims = [c for c in claims if c.kind.value == kind.lower()]
    rows = [claim_dict(c) for c in claims]
    if fmt.lower() != "table" or not rows:
        emit(rows, fmt, CLAIM_TABLE_COLUMNS)
        return
    table = [table_row(row) for row in rows]
    if wide:
        columns = WIDE_COLUMNS
        say(fit_table(table, columns, width=10**6, shrink=[]))
        if any(r.get("as_of_inferred") for r in rows):
            say(f"{INFERRED} the publication date: the source gives no date for the figure")
        return
    columns = [c for c in LIST_COLUMNS if c != "status" or any(r["status"] != "recorded" for r in table)]
    width = terminal_width()
    text = fit_table(table, columns, width, LIST_SHRINK)
    dropped = []
    for column in LIST_DROP:  # still too wide at every floor: leave whole columns out, and say so
        if max(map(len, text.splitlines())) <= width or column not in columns:
            continue
        columns.remove(column)
        dropped.append(column)
        text = fit_table(table, columns, width, LIST_SHRINK)
    say(text)
    if dropped:
        say(f"(not shown, for the terminal's width: {', '.join(dropped)}; --wide shows every column)")
    if any(r.get("as_of_inferred") for r in rows):
        say(f"{INFERRED} the publication date: the source gives no date for the figure")


LIST_COLUMNS = ("id", "series", "kind", "figure", "date", "publisher", "speaker", "quote", "status")
WIDE_COLUMNS = ("id", "ref", "series", "kind", "value", "lo", "hi", "date", "event", "publisher", "published",
                "speaker", "quote", "url", "status")
# What gives up room first when the table is wider than the terminal, down to how narrow.
LIST_SHRINK = [{"quote": 8, "publisher": 8, "speaker": 8, "figure": 12}, {"series": 9}]
LIST_DROP = ("quote", "speaker", "publisher", "kind")  # then left out, in this order
INFERRED = "*"  # after a date taken from the publication date, explained under the table


def table_row(row: dict) -> dict:
    """A claim's row in the ``list`` table: its figure in words and the dates it covers."""
    from pxl.ledger.reconcile.explain import bound

    # the number first, so that a narrow terminal cuts the wording, never the figure
    said = bound(row["lo"], row["hi"]).removeprefix("= ")
    figure = row["value"] if row["value"] == said else f"{said} \u00b7 {row['value']}"
    date = row["as_of"] or "undated"
    if row.get("period_start"):
        date = f"{row['period_start']}..{date}"
    if row.get("as_of_inferred"):
        date += INFERRED
    if row.get("deadline"):
        date = f"due {row['deadline']}"
    return row | {"figure": figure, "date": date, "quote": row.get("quote_exact") or row.get("quote") or "",
                  "lo": f"{row['lo']:,}", "hi": "open" if row["hi"] is None else f"{row['hi']:,}"}


@click.command()
@click.argument("claim")
@format_option("text", "json", default="text")
@pass_app
def show(app: AppContext, claim: str, fmt: str) -> None:
    """The whole provenance of one figure: source, quote in context, chain position,
    every correction. A declaration id (D9, or one of its corrections) shows the
    declaration and its corrections; a source id (S3) shows the source (as `pxl source
    show`).

    \b
    Example:
      pxl show C17
    """
    if claim.strip().upper().startswith("S"):
        from .sources import show_source

        click.get_current_context().invoke(show_source, source_ref=claim, fmt=fmt)
        return
    if claim.strip().upper().startswith("D"):
        from pxl.ledger.serialise import declaration_dict

        from .declaring import declaration_id, declaration_text

        current, entries = app.ledger().declaration_history(declaration_id(claim))
        if fmt == "json":
            say(json.dumps(declaration_dict(current) | {"entries": [declaration_dict(e) for e in entries]},
                                  ensure_ascii=False, indent=2))
        else:
            say(declaration_text(current, entries))
        return
    history = app.ledger().history(claim_id(claim))
    if fmt == "json":
        say(json.dumps(_history_dict(history), ensure_ascii=False, indent=2))
    else:
        say(_history_text(history))


def _history_dict(history: ClaimHistory) -> dict:
    current = history.effective or history.original
    return {
        "claim": claim_dict(current) | {"status": "retracted" if history.effective is None else current.status},
        "original": claim_dict(history.original),
        "source": source_dict(current.source),
        "chain": {"seq": history.original.seq, "hash": history.entry_hash},
        "corrections": [correction_dict(c) for c in history.corrections],
        "sentence": _sentence(history),
    }


def _sentence(history: ClaimHistory) -> str | None:
    current = history.effective or history.original
    quote = current.quote
    if history.source_text and quote is not None and quote.located:
        from pxl.ledger.quotes import sentence_around

        return sentence_around(history.source_text, quote.start, quote.end)
    return None


def _history_text(history: ClaimHistory) -> str:
    current = history.effective or history.original
    source = current.source
    status = "RETRACTED" if history.effective is None else current.status
    lines = [
        f"{current.id}  {current.series}  {current.kind.value}  [{status}]",
        f"  value      {current.value!r} = {_interval(current.lo, current.hi)}",
        f"  as of      {current.as_of}" + ("  (inferred from the publication date)" if current.as_of_inferred else "")
        if current.as_of is not None else "  as of      undated (no as_of, no publication date)",
    ]
    extras = figure_extras(current.value, current.lo, current.hi)
    lines[2:2] = [f"    part     {part['wording']!r} = {_interval(part['lo'], part['hi'])}" for part in extras["parts"]]
    if extras["reference"]:
        lines.insert(2, f"    of       {extras['reference']['wording']!r} (the reference it was compared with)")
    if current.period_start:
        lines.append(f"  period     from {current.period_start.isoformat()}")
    if current.deadline:
        lines.append(f"  deadline   {current.deadline.isoformat()}")
    if current.event:
        lines.append(f"  event      {current.event}")
    if history.original.ref:
        lines.append(f"  ref        {history.original.ref}")
    lines.append(f"  speaker    {current.speaker or '(the outlet itself)'}")
    if current.reliability or current.credibility:
        lines.append(f"  grading    {current.reliability or '?'}{current.credibility or '?'} (Admiralty)")
    lines += [
        f"  source     {source.id} {source.publisher}, published {source.published or 'unknown'}",
    ]
    if source.version_of is not None:
        lines.append(f"             a later version of S{source.version_of} (same url)")
    if source.title:
        lines.append(f"             title: {source.title}")
    if source.url:
        lines.append(f"             url: {source.url}")
    if source.derived_from:
        lines.append(f"             derived from: {source.derived_from}")
    if source.document_sha256:
        lines.append(f"             archived text sha256: {source.document_sha256}")
    quote = current.quote
    if quote is not None:
        lines.append(f"  quote      \u201c{quote.exact}\u201d")
        if quote.located:
            lines.append(f"             characters {quote.start}-{quote.end} of the archived text")
            lines.append(f"             prefix {quote.prefix!r} suffix {quote.suffix!r}")
        sentence = _sentence(history)
        if sentence:
            lines.append(f"  sentence   {sentence}")
    if current.notes:
        lines.append(f"  notes      {current.notes}")
    if current.extra:
        lines.append("  extra      " + "\n             ".join(f"{column}: {text}" for column, text in current.extra))
    lines.append(f"  chain      entry {history.original.seq}, hash {history.entry_hash}")
    lines.append(f"  recorded   {history.original.recorded_at} by {history.original.recorded_by}")
    for correction in history.corrections:
        what = correction.action.value
        if correction.content is not None:
            what += f" to {correction.content.value!r} = {_interval(correction.content.lo, correction.content.hi)}"
        lines.append(f"  correction {correction.id} {what}: {correction.reason} "
                     f"({correction.recorded_at} by {correction.recorded_by})")
    return "\n".join(lines)


def register(group: click.Group) -> None:
    group.add_command(record)
    group.add_command(list_claims)
    group.add_command(show)
