"""Derived views shared by pages and exports: database queries combined with the pure analysis,
memoized in the same cache, so that a year change slices ready frames instead of recomputing."""
from __future__ import annotations

import pandas as pd

from dashboard import queries
from dashboard.analysis import history_frame, watch_list_rule, year_view
from dashboard.queries import cache
from dashboard.regions import REGIONS
from etl.tiers import LAST_REPORT_YEAR


@cache.memoize()
def history() -> pd.DataFrame:
    return history_frame(queries.all_placements(), queries.all_places())


@cache.memoize()
def map_view(year: int) -> pd.DataFrame:
    """Every ranked place in a report year (same rows, same order, every year)."""
    return year_view(history(), queries.all_places(), year)


@cache.memoize()
def rule_outcomes() -> pd.DataFrame:
    """Watch-List rule outcomes for every place and report year (filtered per view)."""
    places = queries.all_places()
    return watch_list_rule(history(), LAST_REPORT_YEAR, places.index)["history"]


def region_members(region_id: str) -> pd.DataFrame | None:
    """The places of a region, or None for the world."""
    region = REGIONS[region_id]
    return region.members(queries.all_places()) if region.column else None
