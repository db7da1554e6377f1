"""The world tier map: one choropleth over ISO-3 codes (geometry served locally as topojson) plus
markers for places too small to see or click at world scale."""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from etl.tiers import NO_DATA_COLOUR, NO_DATA_LABEL, TIER_BY_CODE, TIERS, tier_label

# A place smaller than this (km²) is under ~5 px wide on a 1280 px world map: it gets a marker.
SMALL_AREA_KM2 = 40_000
NO_DATA_INDEX = len(TIERS)
BY_ELIMINATION = "by_elimination"
MAX_ZOOM = 5
WORLD_LATITUDES = [-58, 85]  # leave out Antarctica
CHANGE_WORDS = {"upgrade": "upgraded", "downgrade": "downgraded", "no change": "no change"}


def _colourscale() -> list:
    """Stepped scale: index i of TIERS (then 'no data') gets exactly its colour."""
    colours = [t.colour for t in TIERS] + [NO_DATA_COLOUR]
    n = len(colours)
    scale = []
    for i, colour in enumerate(colours):
        scale += [[i / n, colour], [(i + 1) / n, colour]]
    return scale


def hover_text(row: dict, year: int) -> str:
    """'Kazakhstan — Tier 2 Watch List (2020)<br>2019: Tier 2 · downgraded<br>On the Watch List 2 years in a row'."""
    known = isinstance(row["tier"], str)
    tier = tier_label(row["tier"], f"{NO_DATA_LABEL} for {year}")
    if row.get("method") == BY_ELIMINATION:
        tier += " (by elimination: not on the published Tier 1, Watch List, Tier 3 or special-case lists)"
    lines = [f"<b>{row['name']}</b> — {tier}" + (f" ({year})" if known else "")]
    previous = tier_label(row["previous"], NO_DATA_LABEL.lower())
    verdict = CHANGE_WORDS.get(row["change"]) if isinstance(row["change"], str) else None
    lines.append(f"{year - 1}: {previous}" + (f" · {verdict}" if verdict else ""))
    if row["wl_streak"]:
        at_least = "at least " if row["wl_streak_open"] else ""
        lines.append(f"On the Watch List {at_least}{row['wl_streak']} report{'s' if row['wl_streak'] > 1 else ''} in a row")
    return "<br>".join(lines)


def _view_window(members: pd.DataFrame) -> dict:
    """Centre and zoom that frame the members' representative points (world: no zoom)."""
    lons, lats = members["rep_lon"].dropna(), members["rep_lat"].dropna()
    if lons.empty:
        return {}
    lon_span = max(lons.max() - lons.min(), 40) * 1.6
    lat_span = max(lats.max() - lats.min(), 25) * 1.6
    scale = min(360 / lon_span, 150 / lat_span, MAX_ZOOM)
    if scale < 1.3:
        return {}
    return dict(center=dict(lon=float((lons.max() + lons.min()) / 2), lat=float((lats.max() + lats.min()) / 2)),
                projection_scale=round(scale, 2))


def map_arrays(view: pd.DataFrame, year: int) -> dict:
    """The parts of the map that change with the year: colour index and hover text per place, and
    the small places' marker colours and text (same order as `view`, whose rows never change)."""
    index = {t.code: i for i, t in enumerate(TIERS)}
    tiers = [t if isinstance(t, str) else None for t in view["tier"]]
    text = [hover_text(row, year) for row in view.to_dict("records")]
    small = small_places(view)
    positions = [view.index.get_loc(i) for i in small.index]
    return dict(
        z=[index.get(t, NO_DATA_INDEX) for t in tiers], text=text,
        marker_color=[TIER_BY_CODE[tiers[i]].colour if tiers[i] else NO_DATA_COLOUR for i in positions],
        marker_text=[text[i] for i in positions])


def small_places(view: pd.DataFrame) -> pd.DataFrame:
    return view[(view["area_km2"].fillna(0) < SMALL_AREA_KM2) | view["map_id"].isna()]


def geo_window(members: pd.DataFrame | None) -> dict:
    """Centre and zoom for a region (the world view when None or when the region spans the world)."""
    window = dict(center=dict(lon=0, lat=sum(WORLD_LATITUDES) / 2), projection_scale=1)
    if members is not None:
        window.update(_view_window(members))
    return window


def tier_map(view: pd.DataFrame, year: int, members: pd.DataFrame | None = None, title: str | None = None,
             resolution: int = 110) -> go.Figure:
    """view: one row per ranked place (iso3, name, tier, previous, change, wl_streak, wl_streak_open,
    map_id, rep_lon, rep_lat, area_km2). members: the places of the selected region (zoom).
    resolution 110 (137 KB of geometry) draws fast; every place it lacks is small and has a marker.
    50 (1.1 MB) suits print exports."""
    arrays = map_arrays(view, year)
    n = len(TIERS) + 1
    figure = go.Figure(go.Choropleth(
        locations=view["map_id"], z=arrays["z"], text=arrays["text"], customdata=view["iso3"], hoverinfo="text",
        colorscale=_colourscale(), zmin=0, zmax=n - 1 + 1e-9, showscale=False, locationmode="ISO-3",
        marker_line_color="#ffffff", marker_line_width=0.4, name="tiers", showlegend=False))
    small = small_places(view)
    figure.add_trace(go.Scattergeo(
        lon=small["rep_lon"], lat=small["rep_lat"], customdata=small["iso3"], hoverinfo="text",
        text=arrays["marker_text"], mode="markers", name="small places", showlegend=False,
        marker=dict(size=8, color=arrays["marker_color"], line=dict(color="#333333", width=1))))
    figure.update_geos(projection_type="natural earth", showframe=False, showcoastlines=False, showcountries=False,
                       showland=True, landcolor=NO_DATA_COLOUR, showocean=True, oceancolor="#F4F8FB", showlakes=False,
                       resolution=resolution, fitbounds=False, lataxis_range=WORLD_LATITUDES, **geo_window(members))
    figure.update_layout(margin=dict(l=0, r=0, t=40 if title else 0, b=0), showlegend=False, dragmode=False,
                         title=dict(text=title, x=0.01) if title else None, autosize=True,
                         hoverlabel=dict(bgcolor="white", font_size=13), paper_bgcolor="white")
    return figure
