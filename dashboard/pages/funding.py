"""/funding: where shelter and victim-assistance money falls short of an estimated need.

The cost per victim is the user's assumption (an illustrative default); everything derived from it
is labelled an estimate. Year, region, cost and the drill-down place live in the URL."""
from __future__ import annotations

import dash
import pandas as pd
from dash import Input, Output, State, callback, ctx, dcc, html, no_update

from dashboard import charts, funding_gap, queries, views
from dashboard.app import GRAPH_CONFIG
from dashboard.components import cite, notice, sources_section
from dashboard.figures.funding import need_vs_funding, usd
from dashboard.regions import REGIONS
from dashboard.share import share_panel
from dashboard.state import funding_search, query_params, single_values
from dashboard.views import funding_state
from etl.tiers import tier_label

dash.register_page(__name__, path="/funding", title="Funding gaps for shelters and victim assistance", name="Funding")
RISK_TIERS = ("2WL", "3")


def cost_from_input(value, notices: list[str]) -> float:
    """The number box's value (None when emptied) as a checked cost per victim."""
    return funding_gap.parse_cost(None if value is None else str(value), notices)


def results(year: int, region: str, cost: float, numbers: dict[str, int]) -> list:
    chart = charts.funding_chart(year, region, cost)
    ids = views.gap_base().set_index(["iso3", "year"])[["victims_source_id", "funding_source_ids"]]
    table = chart.data.join(ids, on=["iso3", "year"])
    computable = table[table["gap"].notna()]
    need_only = table[table["need"].notna() & table["funding"].isna()]
    risky = computable[computable["tier_next_report"].isin([tier_label(t) for t in RISK_TIERS])].nlargest(10, "gap")
    rows = [html.Tr([html.Td(dcc.Link(r.name, href=f"/country/{r.iso3}")), html.Td(r.tier_next_report),
                     html.Td(f"{r.victims:,.0f}" if not pd.isna(r.victims) else "unknown"), html.Td(usd(r.need)),
                     html.Td(usd(r.funding)), html.Td(usd(r.gap)), html.Td(usd(r.funding_per_victim)),
                     html.Td([cite(s, numbers) for s in source_ids(r)])])
            for r in computable.sort_values("gap", ascending=False).itertuples()]
    head = html.Thead(html.Tr([html.Th(h, scope="col") for h in (
        "Place", "Tier (next report)", "Victims", "Need (estimate)", "Recorded funding", "Gap (estimate)",
        "Funding per victim", "Sources")]))
    return [
        html.H2(f"Estimated gaps, {year}: {REGIONS[region].label}"),
        html.P(f"{len(computable)} places with both a victim count and recorded funding; {len(need_only)} with a "
               f"need estimate but no recorded funding (unknown, not zero).", className="muted"),
        dcc.Graph(id="gap-bars", figure=chart.figure, config=GRAPH_CONFIG) if len(computable) else
        html.P("No place in this selection has both a victim count and recorded funding for this year."),
        html.H3("Tier 2 Watch List and Tier 3 places with the largest estimated gaps"),
        html.Ul([html.Li([dcc.Link(r.name, href=f"/country/{r.iso3}"), f" ({r.tier_next_report}): gap {usd(r.gap)} (estimate)"])
                 for r in risky.itertuples()] or [html.Li("None in this selection.")]),
        html.H3("All estimates"),
        html.Div(html.Table([html.Caption(f"Funding-gap estimates {year} (need and gap are estimates)"), head,
                             html.Tbody(rows)], className="data-table"), className="table-scroll"),
        html.Details([html.Summary(f"Need estimated, funding unknown ({len(need_only)})"),
                      html.P(", ".join(need_only["name"]) or "none")]),
    ]


def source_ids(row) -> list[str]:
    """The sources of one estimate row: its victim count and its summed funding figures."""
    ids = [row.victims_source_id] if isinstance(row.victims_source_id, str) else []
    ids += row.funding_source_ids.split() if isinstance(row.funding_source_ids, str) else []
    return list(dict.fromkeys(ids))


def totals(year: int, region: str, numbers: dict[str, int]) -> list:
    """Totals by funder and by purpose: only figures that can be added up (see the rules)."""
    every = views.in_region(views.funding_rows(), region)
    rows = every[every["year"] == year]
    other_periods = every[every["year"].isna()]
    counted = rows[rows["counted"]]
    def table(column, label):
        sums = counted.groupby(column)["amount_usd_as_published"].sum().sort_values(ascending=False)
        return html.Table([html.Thead(html.Tr([html.Th(label), html.Th("US$ (as published)")])),
                           html.Tbody([html.Tr([html.Td(k), html.Td(f"{v:,.0f}")]) for k, v in sums.items()])],
                          className="data-table")
    listed = [html.Tr([html.Td(r.iso3), html.Td(r.period or "–"), html.Td(r.funder), html.Td(r.purpose or "–"),
                       html.Td(f"{r.amount_local:,.0f} {r.currency or ''}" if not pd.isna(r.amount_local) else "–"),
                       html.Td(usd(r.amount_usd_as_published)), html.Td("summed" if r.counted else r.reason),
                       html.Td([html.Q(r.quote), " ", cite(r.source_id, numbers)])])
              for r in rows.sort_values(["iso3", "report_year"]).itertuples()]
    others = [html.Li([f"{r.iso3 or r.area}, {r.period or 'period not stated'}: {r.funder}, {r.purpose or ''} — ",
                       f"{r.amount_local:,.0f} {r.currency or ''}" if not pd.isna(r.amount_local) else "no amount",
                       f" ({r.reason}) ", cite(r.source_id, numbers)])
              for r in other_periods.sort_values(["iso3", "period"]).itertuples()]
    return [
        html.H2(f"Recorded funding, {year}"),
        html.P("Totals add up only figures that can be added: one calendar year, a total (not per victim, per shelter "
               "or per month), specific to trafficking, with a USD figure printed by the source, and one report per "
               "place-year. Every figure is listed below with the reason when it is not summed.", className="muted"),
        html.Div([html.Div(table("funder", "Funder"), className="half"), html.Div(table("purpose", "Purpose"), className="half")],
                 className="halves"),
        html.Details([html.Summary(f"Funding figures as published ({len(rows)})"),
                      html.Div(html.Table([html.Thead(html.Tr([html.Th(h) for h in (
                          "Place", "Period", "Funder", "Purpose", "Amount", "USD", "Summed?", "Quote")])),
                          html.Tbody(listed)], className="data-table"), className="table-scroll")]),
        html.Details([html.Summary(f"Figures covering several years or no single year, any year ({len(others)}; not summed)"),
                      html.Ul(others)]),
    ]


def drilldown(place: str | None, cost: float) -> list:
    if not place:
        return [html.P("Pick a place to see its need against its recorded funding over time.", className="muted")]
    table = views.gap_table(cost)
    rows = table[table["iso3"] == place]
    name = queries.all_places().at[place, "name"]
    if rows.empty:
        return [html.P(f"No victim counts or funding figures are recorded for {name}.")]
    return [dcc.Graph(id="need-funding", config=GRAPH_CONFIG,
                      figure=need_vs_funding(rows, name, f"{name}: need (estimate) and recorded funding")),
            html.P("Years without recorded funding show no funding point: unknown, not zero.", className="muted")]


def share(year: int, region: str, cost: float):
    query = funding_search(year, region, cost, None)
    return share_panel("/funding", query, f"/embed/funding{query}", f"/funding{query}",
                       what=f"estimated funding gaps for victim assistance, {year} (estimate; cost per victim "
                            f"US$ {cost:,.0f}, {'illustrative' if cost == funding_gap.DEFAULT_COST_PER_VICTIM else 'user-set'})",
                       source="U.S. Department of State TIP Reports, UNODC; funding as published", title=f"Funding gaps {year}")


def layout(**params):
    year, region, cost, place, notices = funding_state(single_values(params))
    numbers: dict[str, int] = {}
    options = [{"label": n, "value": c} for c, n in sorted(queries.all_places()["name"].items(), key=lambda kv: kv[1])]
    return html.Div(className="page funding-page", children=[
        dcc.Location(id="funding-url", refresh=False),
        html.H1("Where shelter money falls short"),
        html.Div(notice(notices), id="funding-notice"),
        html.P(["This page estimates a ", html.B("funding gap"), ": ", html.B("need"), " = victims identified × the cost "
                "of assisting one victim, and ", html.B("gap"), " = need − recorded funding (US$ as published). ",
                html.B("Need and gap are estimates"), " resting on the cost you set below; recorded funding is only what "
                "sources printed, so a missing figure is unknown, never zero."], className="estimate-banner"),
        html.Div(className="controls", children=[
            html.Div(className="control", children=[
                html.Label("Year", htmlFor="funding-year"),
                dcc.Dropdown(id="funding-year", options=views.funding_years(), value=year, clearable=False)]),
            html.Div(className="control", children=[
                html.Label("Region", htmlFor="funding-region"),
                dcc.Dropdown(id="funding-region", options=[{"label": r.label, "value": r.id} for r in REGIONS.values()],
                             value=region, clearable=False, searchable=False)]),
            html.Div(className="control", children=[
                html.Label("Cost of assisting one victim for a year (US$, your assumption)", htmlFor="cost-input"),
                dcc.Input(id="cost-input", type="number", min=0, max=funding_gap.MAX_COST, step=100, value=cost,
                          debounce=True, className="number-input"),
                html.Small(funding_gap.assumption_text(cost), id="cost-note", className="muted")]),
        ]),
        html.Div(results(year, region, cost, numbers), id="funding-results"),
        html.Section([html.H2("One place over time"),
                      dcc.Dropdown(id="funding-place", options=options, value=place, placeholder="Pick a place"),
                      html.Div(drilldown(place, cost), id="funding-drilldown")]),
        html.Div(totals(year, region, numbers), id="funding-totals"),
        html.Div(share(year, region, cost), id="funding-share"),
        html.Div(sources_section(numbers), id="funding-sources"),
    ])


@callback(Output("funding-url", "search"), Output("funding-year", "value"), Output("funding-region", "value"),
          Output("cost-input", "value"), Output("funding-place", "value"), Output("funding-notice", "children"),
          Input("funding-url", "search"), Input("funding-year", "value"), Input("funding-region", "value"),
          Input("cost-input", "value"), Input("funding-place", "value"))
def sync_url(url_search, year, region, cost, place):
    """The URL is the state: controls write it; back/forward set the controls."""
    if ctx.triggered_id in ("funding-year", "funding-region", "cost-input", "funding-place"):
        notices: list[str] = []
        safe_cost = cost_from_input(cost, notices)
        return (funding_search(year, region, safe_cost, place), no_update,
                no_update, safe_cost if safe_cost != cost else no_update, no_update, notice(notices))
    url_year, url_region, url_cost, url_place, notices = funding_state(query_params(url_search))
    canonical = funding_search(url_year, url_region, url_cost, url_place)
    changed = lambda new, old: new if new != old else no_update  # noqa: E731
    return (changed(canonical, url_search), changed(url_year, year), changed(url_region, region),
            changed(url_cost, cost), changed(url_place, place), notice(notices) if notices else no_update)


@callback(Output("funding-results", "children"), Output("funding-totals", "children"), Output("funding-share", "children"),
          Output("cost-note", "children"), Output("funding-sources", "children"),
          Input("funding-year", "value"), Input("funding-region", "value"), Input("cost-input", "value"),
          prevent_initial_call=True)
def render(year, region, cost):
    cost = cost_from_input(cost, [])
    numbers: dict[str, int] = {}
    return (results(year, region, cost, numbers), totals(year, region, numbers), share(year, region, cost),
            funding_gap.assumption_text(cost), sources_section(numbers))


@callback(Output("funding-drilldown", "children"), Input("funding-place", "value"), Input("cost-input", "value"),
          prevent_initial_call=True)
def render_drilldown(place, cost):
    return drilldown(place, cost_from_input(cost, []))
