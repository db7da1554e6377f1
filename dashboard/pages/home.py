"""/ : the world tier map through the years, region focus, summary and a table view."""
from __future__ import annotations

import dash
from dash import Input, Output, Patch, State, callback, ctx, dcc, html, no_update

from dashboard import views
from dashboard.analysis import RULE_FIRST_YEAR, watch_list_rule
from dashboard.app import GRAPH_CONFIG
from dashboard.components import legend, notice
from dashboard.figures.map import geo_window, map_arrays, tier_map
from dashboard.queries import cache
from dashboard.regions import REGIONS
from dashboard.state import map_search, parse_map_state, query_params
from etl.tiers import FIRST_REPORT_YEAR, LAST_REPORT_YEAR, NO_DATA_COLOUR, NO_DATA_LABEL, TIERS, tier_label

dash.register_page(__name__, path="/", title="TIP tiers: world map", name="Map")

PLAY_INTERVAL_MS = 1500


def layout(**params):
    year, region, notices = parse_map_state({k: str(v) for k, v in params.items()})
    view = views.map_view(year)
    return html.Div(className="page map-page", children=[
        dcc.Location(id="map-url", refresh=False),
        dcc.Location(id="map-nav", refresh="callback-nav"),
        html.H1("Trafficking in Persons Report tiers"),
        html.Div(notice(notices), id="map-notice"),
        html.Div(className="controls", children=[
            html.Div(className="control year-control", children=[
                html.Label("Report year", htmlFor="year-slider", id="year-label"),
                html.Div(className="year-row", children=[
                    html.Button("▶ Play", id="play-button", className="button", n_clicks=0,
                                **{"aria-pressed": "false", "aria-label": "Play through the years"}),
                    html.Div(dcc.Slider(id="year-slider", min=FIRST_REPORT_YEAR, max=LAST_REPORT_YEAR, step=1,
                                        value=year, marks={y: str(y) for y in range(FIRST_REPORT_YEAR, LAST_REPORT_YEAR + 1, 4)},
                                        updatemode="mouseup"),
                             className="slider-wrap"),
                ]),
            ]),
            html.Div(className="control", children=[
                html.Label("Region", htmlFor="region-select"),
                dcc.Dropdown(id="region-select", options=[{"label": r.label, "value": r.id} for r in REGIONS.values()],
                             value=region, clearable=False, searchable=False),
            ]),
        ]),
        dcc.Interval(id="play-timer", interval=PLAY_INTERVAL_MS, disabled=True),
        html.Div(className="map-layout", children=[
            html.Div(className="map-panel", children=[
                html.Div(dcc.Graph(id="tier-map", config=GRAPH_CONFIG, className="tier-map",
                                   figure=tier_map(view, year, views.region_members(region))), className="map-frame"),
                html.P(caption(year, region), id="map-caption", className="sr-only", **{"aria-live": "polite"}),
                legend(),
            ]),
            html.Aside(summary(year, region), id="map-summary", className="summary",
                       **{"aria-label": "Summary of the selection"}),
        ]),
        html.Section(className="table-view", children=[
            html.Button("Show the map as a table", id="table-toggle", className="button", n_clicks=0,
                        **{"aria-expanded": "false", "aria-controls": "map-table"}),
            html.Div(id="map-table"),
        ]),
    ])


@callback(Output("map-url", "search"), Output("year-slider", "value"), Output("region-select", "value"),
          Output("map-notice", "children"),
          Input("map-url", "search"), Input("year-slider", "value"), Input("region-select", "value"),
          Input("play-timer", "n_intervals"))
def sync_url(search, year, region, _ticks):
    """The URL is the state: controls write it; back/forward (a changed URL) set the controls."""
    trigger = ctx.triggered_id
    if trigger == "play-timer":
        year = FIRST_REPORT_YEAR if year >= LAST_REPORT_YEAR else year + 1
        return map_search(year, region), year, no_update, None
    if trigger in ("year-slider", "region-select"):
        return map_search(year, region), no_update, no_update, None
    url_year, url_region, notices = parse_map_state(query_params(search))
    canonical = map_search(url_year, url_region)
    return (canonical if canonical != search else no_update,
            url_year if url_year != year else no_update,
            url_region if url_region != region else no_update,
            notice(notices) if notices else no_update)


@callback(Output("play-timer", "disabled"), Output("play-button", "children"), Output("play-button", "aria-pressed"),
          Input("play-button", "n_clicks"), State("play-timer", "disabled"), prevent_initial_call=True)
def toggle_play(_clicks, disabled):
    playing = disabled  # it was paused: start
    return not playing, "❚❚ Pause" if playing else "▶ Play", "true" if playing else "false"


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
    view = views.map_view(year)
    members = views.region_members(region_id)
    return view if members is None else view[view.index.isin(members.index)]


@cache.memoize()
def summary(year: int, region_id: str) -> list:
    """Counts per tier, changes since the previous report and the Watch-List rule for a selection."""
    view = selection(year, region_id)
    members = view.index
    names = view["name"].to_dict()
    with_data = view[view["tier"].notna()]
    items = [html.H2(f"{REGIONS[region_id].label}, {year}")]
    items.append(html.P(f"{len(with_data)} places with a placement; {len(view) - len(with_data)} with no data."))
    rows = [html.Li([html.Span(className="swatch", style={"background": t.colour}), f"{t.label}: ",
                     html.B(str(int((with_data['tier'] == t.code).sum())))]) for t in TIERS]
    rows.append(html.Li([html.Span(className="swatch", style={"background": NO_DATA_COLOUR}), f"{NO_DATA_LABEL}: ",
                         html.B(str(len(view) - len(with_data)))]))
    items.append(html.Ul(rows, className="tier-counts"))
    if year > FIRST_REPORT_YEAR:
        up = view[view["change"] == "upgrade"]["iso3"].tolist()
        down = view[view["change"] == "downgrade"]["iso3"].tolist()
        items.append(html.H3(f"Since the {year - 1} report"))
        items.append(html.P([html.B(f"{len(up)} upgraded"), ": ", *(_place_links(up, names) or ["none"])]))
        items.append(html.P([html.B(f"{len(down)} downgraded"), ": ", *(_place_links(down, names) or ["none"])]))
    rule = watch_list_rule(views.history(), year, members)
    items.append(html.H3("Watch List rule"))
    items.append(html.P("A place on the Tier 2 Watch List in two consecutive reports must drop to Tier 3 in the next "
                        "unless the Secretary of State waives it (TVPRA 2008).", className="muted"))
    at_risk = rule["at_risk"]["iso3"].tolist()
    items.append(html.P([html.B(f"At risk in {year + 1}: {len(at_risk)}"), " ",
                         *(_place_links(at_risk, names) or ["none"])]))
    history = rule["history"]
    if not history.empty:
        recent = history.sort_values(["report_year", "outcome"], ascending=[False, True])
        table_rows = [html.Tr([html.Td(str(r.report_year)), html.Td(dcc.Link(names.get(r.iso3, r.iso3), href=f"/country/{r.iso3}")),
                               html.Td(r.outcome)]) for r in recent.itertuples()]
        items.append(html.Details([
            html.Summary(f"Past outcomes since {RULE_FIRST_YEAR} ({len(history)})"),
            html.P("Derived from consecutive placements in our data; 'no data' where a year is missing.", className="muted"),
            html.Table([html.Thead(html.Tr([html.Th("Report"), html.Th("Place"), html.Th("Outcome")])),
                        html.Tbody(table_rows)], className="data-table"),
        ]))
    return items


def table_view(view, year: int) -> html.Table:
    rows = []
    for r in view.sort_values("name").itertuples():
        rows.append(html.Tr([
            html.Td(dcc.Link(r.name, href=f"/country/{r.iso3}")),
            html.Td(tier_label(r.tier)),
            html.Td(tier_label(r.previous)),
            html.Td(r.change if isinstance(r.change, str) else "–"),
        ]))
    return html.Table([
        html.Caption(f"TIP tier placements, {year} report"),
        html.Thead(html.Tr([html.Th("Place", scope="col"), html.Th(f"Tier {year}", scope="col"),
                            html.Th(f"Tier {year - 1}", scope="col"), html.Th("Change", scope="col")])),
        html.Tbody(rows)], className="data-table")


@callback(Output("tier-map", "figure"), Output("map-summary", "children"), Output("map-caption", "children"),
          Input("year-slider", "value"), Input("region-select", "value"), prevent_initial_call=True)
def render(year, region_id):
    """Patch only what a year or region change alters: colours, hover text and the map window."""
    arrays = map_arrays(views.map_view(year), year)
    figure = Patch()
    figure["data"][0]["z"] = arrays["z"]
    figure["data"][0]["text"] = arrays["text"]
    figure["data"][1]["marker"]["color"] = arrays["marker_color"]
    figure["data"][1]["text"] = arrays["marker_text"]
    window = geo_window(views.region_members(region_id))
    figure["layout"]["geo"]["center"] = window["center"]
    figure["layout"]["geo"]["projection"]["scale"] = window["projection_scale"]
    return figure, summary(year, region_id), caption(year, region_id)


@callback(Output("map-table", "children"), Output("table-toggle", "children"), Output("table-toggle", "aria-expanded"),
          Input("table-toggle", "n_clicks"), Input("year-slider", "value"), Input("region-select", "value"),
          prevent_initial_call=True)
def render_table(clicks, year, region_id):
    """The table view (the map's text alternative) is built only while it is shown."""
    if not clicks % 2:
        return ([] if ctx.triggered_id == "table-toggle" else no_update), "Show the map as a table", "false"
    return table_view(selection(year, region_id), year), "Hide the table", "true"


@callback(Output("map-nav", "pathname"), Input("tier-map", "clickData"), prevent_initial_call=True)
def open_profile(click):
    points = (click or {}).get("points") or []
    code = points[0].get("customdata") if points else None
    return f"/country/{code}" if code else no_update
