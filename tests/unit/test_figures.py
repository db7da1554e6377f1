"""Figure builders are pure: frames in, figures out; no data is never drawn as a tier or a zero."""
import pandas as pd

from dashboard.figures.counts import SUPPRESSION_BOUND, counts_chart
from dashboard.figures.history import LEVEL, tier_history
from dashboard.figures.map import NO_DATA_INDEX, SMALL_AREA_KM2, tier_map
from etl.tiers import TIERS


def view():
    return pd.DataFrame([
        dict(iso3="KAZ", name="Kazakhstan", tier="2WL", previous="2", change="downgrade", wl_streak=1, wl_streak_open=False,
             map_id="KAZ", rep_lon=67.0, rep_lat=48.0, area_km2=2.7e6),
        dict(iso3="MLT", name="Malta", tier="1", previous="1", change="no change", wl_streak=0, wl_streak_open=False,
             map_id="MLT", rep_lon=14.4, rep_lat=35.9, area_km2=300.0),
        dict(iso3="LBR", name="Liberia", tier=None, previous="2", change=None, wl_streak=0, wl_streak_open=False,
             map_id="LBR", rep_lon=-9.4, rep_lat=6.4, area_km2=96_000.0),
    ]).set_index("iso3", drop=False)


def test_map_colours_tiers_and_no_data_separately():
    figure = tier_map(view(), 2016)
    choropleth, markers = figure.data
    codes = [t.code for t in TIERS]
    assert list(choropleth.locations) == ["KAZ", "MLT", "LBR"]
    assert list(choropleth.z) == [codes.index("2WL"), codes.index("1"), NO_DATA_INDEX]
    assert "No data for 2016" in choropleth.text[2] and "2015: Tier 2" in choropleth.text[2]
    assert "downgraded" in choropleth.text[0] and "Watch List 1 report in a row" in choropleth.text[0]
    assert figure.layout.geo.fitbounds is False and figure.layout.geo.resolution == 110


def test_small_places_get_clickable_markers():
    markers = tier_map(view(), 2016).data[1]
    assert list(markers.customdata) == ["MLT"]  # only places under SMALL_AREA_KM2
    assert view().at["MLT", "area_km2"] < SMALL_AREA_KM2
    assert markers.marker.color[0] == TIERS[0].colour


def test_region_zooms_the_map():
    members = view().loc[["KAZ"]]
    geo = tier_map(view(), 2016, members).layout.geo
    assert geo.projection.scale > 1 and round(geo.center.lon) == 67


def test_history_draws_gaps_not_tiers():
    frame = pd.DataFrame({"report_year": [2001, 2002, 2004], "tier": ["3", "2", "special_case"]})
    figure = tier_history({"KAZ": frame}, {"KAZ": "Kazakhstan"})
    y = list(figure.data[0].y)
    assert y[:4] == [LEVEL["3"], LEVEL["2"], None, LEVEL["special_case"]]
    assert figure.data[0].connectgaps is False
    assert list(figure.layout.yaxis.ticktext) == [t.label for t in TIERS]


def test_suppressed_counts_are_marked_not_zero():
    stats = pd.DataFrame({"metric": ["m", "m", "m"], "year": [2010, 2011, 2012], "value": [134.0, None, 20.0],
                          "suppressed": [False, True, False]})
    figure = counts_chart(stats, {"m": "Victims"})
    shown, suppressed = figure.data
    assert list(shown.x) == [2010, 2011, 2012] and shown.y[0] == 134.0 and shown.y[2] == 20.0
    assert shown.y[1] != shown.y[1]  # the suppressed year is a gap in the line, not a value
    assert list(suppressed.y) == [SUPPRESSION_BOUND] and list(suppressed.text) == ["<5"]


def test_every_place_missing_from_the_fast_geometry_gets_a_marker():
    """The interactive map draws 1:110m geometry: each ranked place it lacks must be small (marker)."""
    import csv
    import json

    from etl.settings import REPO_ROOT
    topo = json.loads((REPO_ROOT / "dashboard/assets/topojson/world_110m.json").read_text())
    ids = {g.get("id") for g in topo["objects"]["countries"]["geometries"]}
    with (REPO_ROOT / "data/places.csv").open(encoding="utf-8") as fh:
        ranked = [r for r in csv.DictReader(fh) if r["tip_ranked"] == "1"]
    missing = [r for r in ranked if r["map_id"] not in ids]
    assert missing and all(float(r["area_km2"]) < SMALL_AREA_KM2 for r in missing)


def test_lines_break_at_missing_years():
    stats = pd.DataFrame({"metric": ["m"] * 3, "year": [2010, 2011, 2015], "value": [10.0, 11.0, 15.0],
                          "suppressed": [False] * 3})
    line = counts_chart(stats, {"m": "Victims"}).data[0]
    assert list(line.x) == [2010, 2011, 2012, 2013, 2014, 2015]
    assert [v is None or v != v for v in line.y] == [False, False, True, True, True, False]
    assert line.connectgaps is False
