"""/country/<ISO3>: tier history (with up to five places to compare), OSCE indicators, counts of
victims and prosecutions, funding figures, and every source cited."""
from __future__ import annotations

import dash
import pandas as pd
from dash import Input, Output, State, callback, ctx, dcc, html, no_update

from dashboard import queries
from dashboard.charts import UNODC_METRICS, counts_chart_for
from dashboard.app import GRAPH_CONFIG
from dashboard.components import cite, notice, sources_section
from dashboard.figures.history import tier_history
from dashboard.pages_common import resolve_place
from dashboard.regions import STATE_DEPT_REGION_NAMES
from dashboard.share import file_links, share_panel
from dashboard.state import MAX_COMPARE, compare_search, parse_compare, query_params, single_values
from etl.tiers import LAST_REPORT_YEAR, NO_DATA_LABEL, tier_label



def title(iso3=None):
    places = queries.all_places()
    code = (iso3 or "").upper()
    return f"{places.at[code, 'name']}: TIP tier history" if code in places.index else "Country profile"


dash.register_page(__name__, path_template="/country/<iso3>", title=title, name="Country")


def histories(codes: list[str]) -> dict[str, pd.DataFrame]:
    return {code: queries.place_placements(code)[["report_year", "tier"]] for code in codes}


def indicator_section(frame: pd.DataFrame, numbers: dict) -> list:
    if frame.empty:
        return [html.P("No OSCE-region indicators are recorded for this place.", className="muted")]
    items = []
    obstacles = frame[frame["indicator"] == "osce_2008_obstacle_to_victim_assistance"]
    if not obstacles.empty:
        items.append(html.H3("Obstacles to assisting victims, OSCE report on Kazakhstan (2008)"))
        items.append(html.Ol([html.Li([html.B(r.value), html.Br(), html.Q(r.quote, className="quote"), " ",
                                       cite(r.source_id, numbers)]) for r in obstacles.itertuples()],
                             className="obstacles"))
    others = frame[frame["indicator"] != "osce_2008_obstacle_to_victim_assistance"]
    if not others.empty:
        items.append(html.H3("Indicators"))
        items.append(html.Table([
            html.Thead(html.Tr([html.Th("Indicator"), html.Th("Value"), html.Th("Period"), html.Th("Quote")])),
            html.Tbody([html.Tr([html.Td(r.indicator.replace("_", " ")), html.Td(r.value), html.Td(r.period or "–"),
                                 html.Td([r.quote or "", " ", cite(r.source_id, numbers)])]) for r in others.itertuples()]),
        ], className="data-table"))
    return items


def history_share(code: str, names: dict, compared: list[str]):
    query = compare_search(compared)
    label = ", ".join(names[c] for c in [code, *compared])
    return share_panel(f"/country/{code}", query, f"/embed/country/{code}{query}", f"/country/{code}{query}",
                       what=f"TIP tier history of {label}",
                       source="U.S. Department of State, Trafficking in Persons Reports 2001–2025", title=f"TIP tiers: {label}")


def counts_section(frame: pd.DataFrame, name: str, numbers: dict, code: str) -> list:
    items = []
    totals = frame[(frame["breakdown"] == "total") & frame["metric"].isin(list(UNODC_METRICS))]
    if not totals.empty:
        items.append(dcc.Graph(id="counts-graph", config=GRAPH_CONFIG, figure=counts_chart_for(code).figure))
        for source_id in totals["source_id"].unique():
            items.append(html.P(["UNODC GLOTIP country data ", cite(source_id, numbers),
                                 ". '<5' marks a count the source suppressed (fewer than five), never zero."],
                                className="muted"))
        items += file_links(f"/country/{code}/counts")
    narrative = frame[~frame["metric"].str.startswith("unodc_")]
    if not narrative.empty:
        items.append(html.H3("Figures quoted from TIP reports and other pages"))
        items.append(html.Table([
            html.Thead(html.Tr([html.Th("Figure"), html.Th("Period"), html.Th("Value"), html.Th("Quote")])),
            html.Tbody([html.Tr([html.Td(r.metric.replace("_", " ")), html.Td(r.period or "–"),
                                 html.Td(r.value_as_published), html.Td([r.quote or "", " ", cite(r.source_id, numbers)])])
                        for r in narrative.itertuples()]),
        ], className="data-table"))
    return items or [html.P("No counts of victims or prosecutions are recorded for this place.", className="muted")]


def _money(amount, currency) -> str:
    if amount is None or pd.isna(amount):
        return "amount not stated"
    return f"{amount:,.0f} {currency or ''}".strip()


def funding_section(frame: pd.DataFrame, numbers: dict, code: str) -> list:
    if frame.empty:
        return [html.P("No shelter or victim-assistance funding figures are recorded for this place.", className="muted")]
    rows = [html.Tr([html.Td(r.period or "–"), html.Td(r.funder), html.Td(r.recipient or "–"), html.Td(r.purpose or "–"),
                     html.Td(_money(r.amount_local, r.currency)),
                     html.Td("–" if pd.isna(r.amount_usd_as_published) else f"${r.amount_usd_as_published:,.0f}"),
                     html.Td([html.Q(r.quote), " ", cite(r.source_id, numbers),
                              html.Div(r.note, className="muted") if r.note else None])])
            for r in frame.itertuples()]
    return [html.P("Amounts as published. USD only where the source printed it (at its own exchange rate); "
                   "per-shelter, per-victim and multi-year amounts are marked in the notes.", className="muted"),
            html.Table([html.Thead(html.Tr([html.Th(h) for h in ("Period", "Funder", "Recipient", "Purpose", "Amount",
                                                                 "USD as published", "Quote")])),
                        html.Tbody(rows)], className="data-table"),
            *file_links(f"/country/{code}/funding", has_image=False)]


def header(iso3: str, places: pd.DataFrame, history: pd.DataFrame) -> list:
    place = places.loc[iso3]
    latest = history[history["report_year"] == LAST_REPORT_YEAR]
    tier = tier_label(latest["tier"].iloc[0]) if not latest.empty else NO_DATA_LABEL
    facts = [f"{LAST_REPORT_YEAR} report: {tier}"]
    if isinstance(place["state_dept_region"], str):
        facts.append(f"State Department region: {STATE_DEPT_REGION_NAMES[place['state_dept_region']]}")
    if isinstance(place["osce_status"], str):
        facts.append("OSCE participating State" if place["osce_status"] == "participating_state"
                     else "OSCE Partner for Co-operation")
    if isinstance(place["un_subregion"], str):
        facts.append(f"UN subregion: {place['un_subregion']}")
    return [html.H1(place["name"]), html.P(" · ".join(facts), className="facts")]


def layout(**params):
    values = single_values(params)
    iso3, compare = values.get("iso3"), values.get("compare")
    places = queries.all_places()
    notices: list[str] = []
    code = resolve_place(iso3, places, notices)
    compared = parse_compare(compare, set(places.index), code, notices)
    numbers: dict[str, int] = {}
    history = queries.place_placements(code)
    names = places["name"].to_dict()
    for source_id in history["source_id"]:
        numbers.setdefault(source_id, len(numbers) + 1)
    sections = [
        html.Section([html.H2("OSCE indicators"), *indicator_section(queries.place_indicators(code), numbers)]),
        html.Section([html.H2("Victims, prosecutions, convictions"),
                      *counts_section(queries.place_statistics(code), names[code], numbers, code)]),
        html.Section([html.H2("Shelter and victim-assistance funding"),
                      *funding_section(queries.place_funding(code), numbers, code)]),
    ]
    options = [{"label": n, "value": c} for c, n in sorted(names.items(), key=lambda kv: kv[1])]
    return html.Div(className="page country-page", children=[
        dcc.Location(id="country-url", refresh=False),
        dcc.Location(id="country-nav", refresh="callback-nav"),
        dcc.Store(id="country-code", data=code),
        notice(notices),
        *header(code, places, history),
        html.Div(className="controls", children=[
            html.Div(className="control", children=[
                html.Label("Go to place", htmlFor="place-select"),
                dcc.Dropdown(id="place-select", options=options, value=code, clearable=False),
            ]),
            html.Div(className="control", children=[
                html.Label(f"Compare with (up to {MAX_COMPARE})", htmlFor="compare-select"),
                dcc.Dropdown(id="compare-select", options=[o for o in options if o["value"] != code], value=compared,
                             multi=True, placeholder="Add places to the chart"),
            ]),
        ]),
        html.Section([html.H2("Tier history, 2001–2025"),
                      html.P("Gaps are years with no data; they are not a tier.", className="muted"),
                      dcc.Graph(id="history-graph", config=GRAPH_CONFIG,
                                figure=tier_history(histories([code, *compared]), names)),
                      html.P(["Placements: ", *[cite(s, numbers) for s in dict.fromkeys(history["source_id"])]],
                             className="muted citations")]),
        html.Div(history_share(code, names, compared), id="history-share"),
        *sections,
        sources_section(numbers),
    ])


@callback(Output("country-url", "search"), Output("compare-select", "value"), Output("history-graph", "figure"),
          Output("history-share", "children"),
          Input("country-url", "search"), Input("compare-select", "value"), State("country-code", "data"),
          prevent_initial_call=True)
def sync_compare(search, selected, code):
    """Compared places live in the URL (?compare=UZB,KGZ); back/forward restore them."""
    places = queries.all_places()
    names = places["name"].to_dict()
    if ctx.triggered_id == "compare-select":
        codes = parse_compare(",".join(selected or []), set(places.index), code, [])
        new_value = codes if codes != (selected or []) else no_update
        return (compare_search(codes), new_value, tier_history(histories([code, *codes]), names),
                history_share(code, names, codes))
    codes = parse_compare(query_params(search).get("compare"), set(places.index), code, [])
    return no_update, codes, tier_history(histories([code, *codes]), names), history_share(code, names, codes)


@callback(Output("country-nav", "pathname"), Input("place-select", "value"), State("country-code", "data"),
          prevent_initial_call=True)
def go_to_place(selected, code):
    return f"/country/{selected}" if selected and selected != code else no_update
