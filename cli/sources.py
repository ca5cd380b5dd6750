"""``pxl source add`` / ``pxl source list``: the documents figures are quoted from."""

from __future__ import annotations

import json
from dataclasses import replace

import click

from pxl.ledger.english import count
from pxl.ledger.errors import InvalidInput
from pxl.ledger.serialise import SOURCE_COLUMNS, source_dict
from pxl.ledger.store import parse_known_at

from .context import AppContext, PxlGroup, pass_app
from .documents import read_document
from .output import emit, format_option, say


def source_options(function):
    for option in reversed([
        click.option("--publisher", help="Who published the source (outlet, agency, office)."),
        click.option("--published", metavar="DATE", help="Date the source was published: a day, a month (2023-11) or a year; omit it when the page shows none."),
        click.option("--url", help="Address of the source."),
        click.option("--title", help="Title of the source."),
        click.option("--derived-from", help="Url (else title) of the source this one reprints or cites."),
    ]):
        function = option(function)
    return function


@click.group(cls=PxlGroup)
def source() -> None:
    """Record, list and show sources (the documents figures are quoted from)."""


@source.command("add")
@click.argument("document", required=False, type=click.Path(allow_dash=True, dir_okay=False))
@source_options
@click.option("--recorded-by", envvar="PXL_USER", help="Who records it (env PXL_USER; default: login name).")
@pass_app
def add(app: AppContext, document, publisher, published, url, title, derived_from, recorded_by) -> None:
    """Record a source; DOCUMENT (optional, - for stdin) is its text, archived by SHA-256.

    An existing source with the same url and date (or publisher, title and date) is
    reused; the same url with another date is another version of that page.

    \b
    Example:
      pxl source add article.txt --publisher "RFE/RL" --published 2020-04-13 \\
          --url https://www.rferl.org/a/... --title "US envoy traveling to Qatar"
    """
    from pxl.ledger.drafts import source_draft  # the write side: not loaded by `pxl list`

    errors = []
    draft = source_draft(
        {"publisher": publisher, "published": published, "url": url, "title": title,
         "derived_from": derived_from, "document": document}, errors, order=app.wording.date_order,
    )
    if errors or draft is None:
        raise InvalidInput(errors, "see `pxl source add --help`")
    if document:
        draft = replace(draft, document_text=read_document(document))
    recorded, created = app.ledger().add_source(draft, recorded_by)
    status = "recorded" if created else "already recorded as"
    say(f"{status} {recorded.id}: {recorded.publisher}, published {recorded.published or 'unknown'}"
               + (f", text sha256 {recorded.document_sha256}" if recorded.document_sha256 else ""))


@source.command("list")
@format_option("table", "csv", "json", "jsonl")
@click.option("--as-known-at", metavar="TIMESTAMP", help="Show the sources recorded by then.")
@pass_app
def list_sources(app: AppContext, fmt: str, as_known_at: str | None) -> None:
    """List recorded sources.

    \b
    Example:
      pxl source list --format csv
    """
    known = parse_known_at(as_known_at) if as_known_at else None
    rows = [source_dict(s) for s in app.ledger().sources(known).values()]
    emit(rows, fmt, ("id", "publisher", "published", "version_of", "title", "url"), SOURCE_COLUMNS)


@source.command("show")
@click.argument("source_ref", metavar="ID|URL")
@format_option("text", "json", default="text")
@pass_app
def show_source(app: AppContext, source_ref: str, fmt: str) -> None:
    """One source: who published it and when, its url and archived text, and the figures
    recorded from it.

    \b
    Example:
      pxl source show S1
    """
    ledger = app.ledger()
    found = ledger.find_source(source_ref)
    claims = [c for c in ledger.claims() if c.source.seq == found.seq]
    if fmt == "json":
        say(json.dumps(source_dict(found) | {"claims": [c.id for c in claims]}, ensure_ascii=False, indent=2))
        return
    lines = [f"{found.id}  {found.publisher}, published {found.published or 'unknown'}"]
    if found.version_of is not None:
        lines.append(f"  a later version of S{found.version_of} (same url)")
    for label, value in (("title", found.title), ("url", found.url), ("derived from", found.derived_from),
                         ("text sha256", found.document_sha256)):
        if value:
            lines.append(f"  {label:<12} {value}")
    lines.append(f"  recorded     {found.recorded_at} by {found.recorded_by}")
    lines.append(f"  figures      {count(len(claims), 'effective claim')}" + (":" if claims else ""))
    for claim in claims:
        lines.append(f"    {claim.id:<6} {claim.series}  {claim.kind.value} {claim.value!r}  as of {claim.as_of or 'undated'}")
    say("\n".join(lines))


def register(group: click.Group) -> None:
    group.add_command(source)
