"""Small layout pieces shared by pages: the tier legend, notices, the sources list."""
from __future__ import annotations

import pandas as pd
from dash import html

from etl.tiers import NO_DATA_COLOUR, NO_DATA_LABEL, TIERS


def legend() -> html.Ul:
    items = [html.Li([html.Span(className="swatch", style={"background": t.colour}), html.B(t.label), " ",
                      html.Span(t.definition, className="muted")]) for t in TIERS]
    items.append(html.Li([html.Span(className="swatch", style={"background": NO_DATA_COLOUR}), html.B(NO_DATA_LABEL),
                          " ", html.Span("We have no placement for that year: not a tier, not a zero.", className="muted")]))
    return html.Ul(items, className="legend", **{"aria-label": "Map legend"})


def notice(messages: list[str]) -> html.Div | None:
    if not messages:
        return None
    return html.Div([html.P(m) for m in messages], className="notice", role="status")


def cite(source_id: str, numbers: dict[str, int]) -> html.A:
    """A numbered link to the page's source list; numbers grow in order of first citation."""
    number = numbers.setdefault(source_id, len(numbers) + 1)
    return html.A(f"[{number}]", href=f"#source-{source_id}", className="cite", title="Source")


def sources_section(numbers: dict[str, int]) -> html.Section:
    """'Sources cited on this page', numbered as cited."""
    from dashboard import queries
    records = queries.source_records(tuple(sorted(numbers)))
    return html.Section([html.H2("Sources cited on this page"), source_list(records.loc[sorted(numbers, key=numbers.get)])],
                        id="sources")


def source_list(records: pd.DataFrame) -> html.Ol:
    """Numbered citations, in the order of `records`: publisher, title, year, link, licence, date accessed."""
    items = []
    for _, r in records.iterrows():  # in the caller's order: the citation numbers
        parts = [html.Span(r["publisher"]), ", ", html.I(r["title"])]
        if pd.notna(r["year"]):
            parts += [f" ({int(r['year'])})"]
        if isinstance(r["url"], str) and r["url"]:
            parts += [". ", html.A(r["url"], href=r["url"], rel="noopener noreferrer", target="_blank")]
        if isinstance(r["licence"], str) and r["licence"]:
            parts += [f". Licence: {r['licence']}"]
        if isinstance(r["accessed"], str) and r["accessed"]:
            parts += [f". Accessed {r['accessed']}."]
        items.append(html.Li(parts, id=f"source-{r['source_id']}"))
    return html.Ol(items, className="sources")
