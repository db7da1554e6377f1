"""/ : the world tier map through the years, region focus, summary and a table view."""
from __future__ import annotations

import dash
from dash import Input, Output, Patch, State, callback, ctx, dcc, html, no_update

from dashboard import views
from dashboard.app import GRAPH_CONFIG
from dashboard.components import legend, notice
from dashboard.figures.map import geo_window, map_arrays, tier_map
from dashboard.map_panels import caption, map_share, selection, summary, table_view
from dashboard.regions import REGIONS
from dashboard.state import map_search, parse_map_state, query_params, single_values
from etl.tiers import FIRST_REPORT_YEAR, LAST_REPORT_YEAR

dash.register_page(__name__, path="/", title="TIP tiers: world map", name="Map")

PLAY_INTERVAL_MS = 1500


def layout(**params):
    year, region, notices = parse_map_state(single_values(params))
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
        html.Div(map_share(year, region), id="map-share"),
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


@callback(Output("tier-map", "figure"), Output("map-summary", "children"), Output("map-caption", "children"),
          Output("map-share", "children"),
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
    return figure, summary(year, region_id), caption(year, region_id), map_share(year, region_id)


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
