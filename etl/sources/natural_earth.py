"""Natural Earth 1:50m admin-0 countries: the key that joins each place to the map, UN region and
subregion, and a representative point and area computed with geopandas (markers for small places,
zooming to a selection)."""
from __future__ import annotations

import geopandas as gpd

from etl.sources.base import BuildContext, SourceRecord

DATASET = SourceRecord(
    "natural-earth-50m", "dataset", "Natural Earth", "Admin 0 - Countries, 1:50m, version 4.0.0 (GeoJSON)", 2017,
    "https://github.com/martynafford/natural-earth-geojson", "Public domain (Natural Earth); conversion CC0")
EQUAL_AREA = "EPSG:6933"  # World Cylindrical Equal Area, for areas in km²
NO_CODE = "-99"
NE_TO_ISO = {"KOS": "XKX"}  # Natural Earth's code for Kosovo -> the user-assigned code the TIP data uses


def join_key(iso_a3_eh: str, adm0_a3: str) -> str:
    """ISO_A3_EH unless it is -99 (France, Norway, Kosovo ... in NE 4.0), else ADM0_A3; Kosovo -> XKX."""
    key = iso_a3_eh if iso_a3_eh and iso_a3_eh != NO_CODE else adm0_a3
    return NE_TO_ISO.get(key, key)


def run(ctx: BuildContext) -> dict[str, dict]:
    # load
    frame = gpd.read_file(ctx.path("boundaries/natural_earth_v4_0_geojson/ne_50m_admin_0_countries.json"))
    # process
    source_id = ctx.registry.add(DATASET)
    frame["key"] = [join_key(a, b) for a, b in zip(frame["ISO_A3_EH"], frame["ADM0_A3"])]
    points = frame.geometry.representative_point()
    areas = frame.geometry.to_crs(EQUAL_AREA).area / 1e6
    places = {}
    for i, row in frame.iterrows():
        places[row["key"]] = dict(
            map_id=row["key"], rep_lon=round(points[i].x, 3), rep_lat=round(points[i].y, 3),
            area_km2=round(float(areas[i]), 1), un_region=row["REGION_UN"], un_subregion=row["SUBREGION"],
            geometry_source_id=source_id)
    return places
