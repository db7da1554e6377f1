"""Derived views shared by pages and exports: database queries combined with the pure analysis,
memoized in the same cache, so that a year change slices ready frames instead of recomputing."""
from __future__ import annotations

import pandas as pd

from dashboard import funding_gap, queries
from dashboard.analysis import history_frame, watch_list_rule, year_view
from dashboard.queries import cache
from dashboard.regions import REGIONS
from dashboard.state import parse_funding_state
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


def in_region(frame: pd.DataFrame, region_id: str) -> pd.DataFrame:
    """The rows of `frame` (which has an iso3 column) whose place belongs to the region."""
    members = region_members(region_id)
    return frame if members is None else frame[frame["iso3"].isin(members.index)]


def region_members(region_id: str) -> pd.DataFrame | None:
    """The places of a region, or None for the world."""
    region = REGIONS[region_id]
    return region.members(queries.all_places()) if region.column else None


@cache.memoize()
def funding_rows() -> pd.DataFrame:
    """Every funding figure with whether it is summed, and why not."""
    return funding_gap.counted_funding(queries.all_funding())


@cache.memoize()
def gap_base() -> pd.DataFrame:
    """Victims and recorded funding per place-year, with names and the tier of the report covering
    the year: everything but the cost assumption, which is applied per request."""
    victims = funding_gap.victim_counts(queries.victim_statistics(funding_gap.VICTIM_METRICS))
    table = funding_gap.gap_base(victims, funding_rows())
    places = queries.all_places()
    placements = queries.all_placements().set_index(["iso3", "report_year"])["tier"]
    table = table[table["iso3"].isin(places.index)]
    table.insert(1, "name", table["iso3"].map(places["name"]))
    table["tier_next_report"] = [placements.get((i, y + 1)) for i, y in zip(table["iso3"], table["year"])]
    return table.reset_index(drop=True)


def gap_table(cost_per_victim: float) -> pd.DataFrame:
    return funding_gap.with_cost(gap_base(), cost_per_victim)


@cache.memoize()
def funding_years() -> list[int]:
    """Years with at least one computable gap, newest first."""
    table = gap_table(funding_gap.DEFAULT_COST_PER_VICTIM)
    return sorted(table.loc[table["gap"].notna(), "year"].unique().tolist(), reverse=True)


def default_funding_year() -> int:
    """The year with the most computable gaps (ties: the newest)."""
    table = gap_table(funding_gap.DEFAULT_COST_PER_VICTIM)
    counts = table[table["gap"].notna()].groupby("year").size()
    return int(counts[counts == counts.max()].index.max())


def funding_state(params: dict[str, str]):
    """The funding page's URL state, checked against the years and places in the data."""
    return parse_funding_state(params, funding_years(), default_funding_year(), set(queries.all_places().index))
