"""Kelley/Cho TIP tier panel, report years 2001-2015 (Scorecard Diplomacy replication data).

map_tiers.csv codes tiers 1=Tier 1, 2=Tier 2, 3=Tier 2 Watch List, 4=Tier 3 (NA = not ranked or
special case). The Cho .dta file adds what the panel leaves as NA: 666 = Special Case; its other
codes (2.5 = Watch List) are kept as cross-check claims. Its `code` column holds Correlates of
War abbreviations, so its places are resolved by name.
"""
from __future__ import annotations

import pandas as pd

from etl.sources.base import BuildContext, SourceRecord, fail, read_csv, resolve_place
from etl.tiers import FIRST_REPORT_YEAR

PANEL = SourceRecord(
    "kelley-cho-panel", "dataset", "Judith G. Kelley and Andrew Heiss (tiers from Seo-Young Cho's dataset)",
    "Scorecard Diplomacy replication data: TIP tiers by country and year (map_tiers.csv)", 2017,
    "https://github.com/andrewheiss/scorecard-diplomacy", "MIT",
    note="Report years 2001-2015; the United States and some territories are absent.")
CHO = SourceRecord(
    "cho-tiers-2015", "dataset", "Seo-Young Cho, cleaned by Judith G. Kelley's team",
    "Criminalization and TIP tiers 1999-2014 (criminalization-cho-tiers_jk_2015-08-10.dta)", 2015,
    "https://github.com/andrewheiss/scorecard-diplomacy", "MIT")
PANEL_CODES = {"1": "1", "2": "2", "3": "2WL", "4": "3"}
CHO_CODES = {1.0: "1", 2.0: "2", 2.5: "2WL", 3.0: "3", 666.0: "special_case"}
CHO_MISSING = 555.0
PANEL_PRIORITY = 2
CHO_PRIORITY = 3


def run(ctx: BuildContext) -> list[dict]:
    # load
    panel_path = ctx.path("tip_tiers_scorecard_diplomacy/map_tiers.csv")
    cho_path = ctx.path("tip_tiers_scorecard_diplomacy/criminalization-cho-tiers_jk_2015-08-10.dta")
    panel_rows = list(read_csv(panel_path, ["countryname", "iso", "year", "tier"]))
    cho = pd.read_stata(cho_path, convert_categoricals=False)
    # process
    panel_id, cho_id = ctx.registry.add(PANEL), ctx.registry.add(CHO)
    claims = []
    for line, row in panel_rows:
        if row["tier"] in ("", "NA") or int(row["year"]) < FIRST_REPORT_YEAR:
            continue
        if row["tier"] not in PANEL_CODES:
            raise fail(panel_path, line, "tier", f"unknown tier code {row['tier']!r} (expected 1-4 or NA)")
        iso3 = resolve_place(ctx, panel_path, line, "countryname", row["countryname"], row["iso"])
        claims.append(dict(iso3=iso3, report_year=int(row["year"]), tier=PANEL_CODES[row["tier"]],
                           source_id=panel_id, method="panel", name_as_published=None, quote=None,
                           priority=PANEL_PRIORITY))
    for index, row in cho.iterrows():
        line = index + 2
        code = row["tierupdated"]
        if pd.isna(code) or code == CHO_MISSING or int(row["year"]) < FIRST_REPORT_YEAR:
            continue
        if code not in CHO_CODES:
            raise fail(cho_path, line, "tierupdated", f"unknown tier code {code!r}")
        # `code` is the Correlates of War abbreviation, not ISO-3: resolve by name
        iso3 = resolve_place(ctx, cho_path, line, "name", str(row["name"]))
        claims.append(dict(iso3=iso3, report_year=int(row["year"]), tier=CHO_CODES[code], source_id=cho_id,
                           method="panel", name_as_published=None, quote=None, priority=CHO_PRIORITY))
    return claims
