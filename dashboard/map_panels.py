"""The map page's side summary and table view, built from the cached views: kept out of the page
module so that the app can warm the cache at start-up."""
from __future__ import annotations

from dash import dcc, html

from dashboard import views
from dashboard.analysis import RULE_FIRST_YEAR, WATCH_LIST
from dashboard.queries import cache
from dashboard.regions import DEFAULT_REGION, REGIONS
from dashboard.share import share_panel
from dashboard.state import map_search
from etl.tiers import FIRST_REPORT_YEAR, NO_DATA_COLOUR, NO_DATA_LABEL, TIERS, tier_label


def _place_links(codes, names) -> list:
    out = []
    for i, code in enumerate(codes):
        if i:
            out.append(", ")
        out.append(dcc.Link(names.get(code, code), href=f"/country/{code}"))
    return out


def caption(year: int, region_id: str) -> str:
    return f"Map of TIP tiers in the {year} report, {REGIONS[region_id].label}."


def selection(year: int, region_id: str):
    return views.in_region(views.map_view(year), region_id)


@cache.memoize()
def summary(year: int, region_id: str) -> list:
    """Counts per tier, changes since the previous report and the Watch-List rule for a selection."""
    view = selection(year, region_id)
    names = view["name"].to_dict()
    tiers = view["tier"]
    known = int(tiers.notna().sum())
    items = [html.H2(f"{REGIONS[region_id].label}, {year}"),
             html.P(f"{known} places with a placement; {len(view) - known} with no data.")]
    counts = tiers.value_counts()
    rows = [html.Li([html.Span(className="swatch", style={"background": t.colour}), f"{t.label}: ",
                     html.B(str(int(counts.get(t.code, 0))))]) for t in TIERS]
    rows.append(html.Li([html.Span(className="swatch", style={"background": NO_DATA_COLOUR}), f"{NO_DATA_LABEL}: ",
                         html.B(str(len(view) - known))]))
    items.append(html.Ul(rows, className="tier-counts"))
    if year > FIRST_REPORT_YEAR:
        items.append(html.H3(f"Since the {year - 1} report"))
        for word, label in (("upgrade", "upgraded"), ("downgrade", "downgraded")):
            codes = view.index[view["change"] == word].tolist()
            items.append(html.P([html.B(f"{len(codes)} {label}"), ": ", *(_place_links(codes, names) or ["none"])]))
    if year + 1 < RULE_FIRST_YEAR:
        return items
    items.append(html.H3("Watch List rule"))
    items.append(html.P("A place on the Tier 2 Watch List in two consecutive reports must drop to Tier 3 in the next "
                        "unless the Secretary of State waives it (TVPRA 2008).", className="muted"))
    at_risk = view.index[tiers.eq(WATCH_LIST) & view["previous"].eq(WATCH_LIST)].tolist()
    items.append(html.P([html.B(f"At risk in {year + 1}: {len(at_risk)}"), " ",
                         *(_place_links(at_risk, names) or ["none"])]))
    outcomes = views.rule_outcomes()
    past = outcomes[(outcomes["report_year"] <= year) & outcomes["iso3"].isin(view.index)]
    if not past.empty:
        lines = []
        for report_year, group in sorted(past.groupby("report_year"), reverse=True):
            parts = [f"{outcome}: " + ", ".join(names[c] for c in sorted(g["iso3"], key=names.get))
                     for outcome, g in group.groupby("outcome")]
            lines.append(html.Li([html.B(str(report_year)), " — ", "; ".join(parts)]))
        items.append(html.Details([
            html.Summary(f"Past outcomes since {RULE_FIRST_YEAR} ({len(past)})"),
            html.P("Derived from consecutive placements in our data; 'no data' where a year is missing.", className="muted"),
            html.Ul(lines, className="outcomes"),
        ]))
    return items


def table_view(view, year: int) -> html.Table:
    rows = []
    for r in view.sort_values("name").itertuples():
        rows.append(html.Tr([
            html.Td(dcc.Link(r.name, href=f"/country/{r.iso3}")),
            html.Td(tier_label(r.tier) + (" (by elimination)" if r.method == "by_elimination" else "")),
            html.Td(tier_label(r.previous)),
            html.Td(r.change if isinstance(r.change, str) else "–"),
        ]))
    return html.Table([
        html.Caption(f"TIP tier placements, {year} report"),
        html.Thead(html.Tr([html.Th("Place", scope="col"), html.Th(f"Tier {year}", scope="col"),
                            html.Th(f"Tier {year - 1}", scope="col"), html.Th("Change", scope="col")])),
        html.Tbody(rows)], className="data-table")


def map_share(year: int, region_id: str):
    query = map_search(year, region_id)
    where = "" if region_id == DEFAULT_REGION else f", {REGIONS[region_id].label}"
    return share_panel("/map", query, f"/embed/map{query}", f"/{query}", what=f"TIP tier placements {year}{where}",
                       source=f"U.S. Department of State, Trafficking in Persons Report {year}",
                       title=f"TIP tiers {year}")
