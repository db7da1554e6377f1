"""Pure functions over tier placements: year-on-year changes, Watch List streaks and the
Watch-List rule. No database, no Dash: frames in, frames out.

`history_frame` does the work once for every place and year, so that a year change only slices it.
"""
from __future__ import annotations

import pandas as pd

from etl.tiers import FIRST_REPORT_YEAR, LAST_REPORT_YEAR, TIER_BY_CODE

WATCH_LIST = "2WL"
TIER_3 = "3"
SPECIAL_CASE = "special_case"
# The automatic-downgrade rule came with the TVPRA of 2008 (22 U.S.C. 7107(b)(2)(D)); two
# consecutive Watch List reports (2009, 2010) first bound the 2011 report.
RULE_FIRST_YEAR = 2011
YEARS = list(range(FIRST_REPORT_YEAR, LAST_REPORT_YEAR + 1))


def tier_matrix(placements: pd.DataFrame) -> pd.DataFrame:
    """iso3 x report_year (every report year) -> tier code; missing = no data."""
    matrix = placements.pivot(index="iso3", columns="report_year", values="tier")
    return matrix.reindex(columns=YEARS)


def _code(value) -> str | None:
    return value if isinstance(value, str) else None


def change(previous: str | None, current: str | None) -> str | None:
    """'upgrade', 'downgrade', 'no change', or None when either year is missing or a special case."""
    previous, current = _code(previous), _code(current)
    if previous is None or current is None:
        return None
    before, after = TIER_BY_CODE[previous].rank, TIER_BY_CODE[current].rank
    if before is None or after is None:
        return "no change" if previous == current else None
    return "upgrade" if after < before else "downgrade" if after > before else "no change"


def history_frame(placements: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """One row per ranked place and report year: tier, previous and before-previous tier, change,
    and the Watch List streak (consecutive reports on the list up to that year; `wl_streak_open`
    when the count stops at a gap in our data, i.e. it is a minimum)."""
    ranked = places.index[places["tip_ranked"].astype(bool)]
    matrix = tier_matrix(placements).reindex(index=ranked)
    on_list = matrix.eq(WATCH_LIST)
    streak = pd.DataFrame(0, index=matrix.index, columns=YEARS)
    running = pd.Series(0, index=matrix.index)
    for year in YEARS:
        running = (running + 1).where(on_list[year], 0)
        streak[year] = running
    methods = (placements.pivot(index="iso3", columns="report_year", values="method").reindex(index=ranked, columns=YEARS)
               if "method" in placements.columns else matrix.where(matrix.isna()))
    long = pd.DataFrame({
        "tier": matrix.stack(future_stack=True),
        "method": methods.stack(future_stack=True),
        "previous": matrix.shift(1, axis=1).stack(future_stack=True),
        "before_previous": matrix.shift(2, axis=1).stack(future_stack=True),
        "wl_streak": streak.stack(future_stack=True),
    })
    long.index.names = ["iso3", "report_year"]
    long = long.reset_index()
    long["change"] = [change(p, t) for p, t in zip(long["previous"], long["tier"])]
    start = long["report_year"] - long["wl_streak"]
    start_tier = [matrix.at[i, y] if y >= FIRST_REPORT_YEAR else None for i, y in zip(long["iso3"], start)]
    long["wl_streak_open"] = (long["wl_streak"] > 0) & pd.Series([_code(t) is None for t in start_tier])
    return long


def year_view(history: pd.DataFrame, places: pd.DataFrame, year: int) -> pd.DataFrame:
    """The history rows of one report year, indexed by iso3, with the places' attributes."""
    rows = history[history["report_year"] == year].set_index("iso3", drop=False)
    return rows.join(places.drop(columns=["iso3"]))


def watch_list_rule(history: pd.DataFrame, year: int, members: pd.Index) -> dict[str, pd.DataFrame]:
    """The rule: a place on the Watch List in two consecutive reports must be on Tier 3 in the next
    unless waived. 'at_risk': on the list in `year` and `year - 1`. 'history': for each report year
    from RULE_FIRST_YEAR to `year`, the outcome for places on the list in the two reports before it
    ('downgraded to Tier 3', 'stayed on the Watch List (waiver)', 'upgraded', 'no data'). Derived from
    the placements, not from the report's waiver statements."""
    rows = history[history["iso3"].isin(members)]
    now = rows[rows["report_year"] == year]
    at_risk = now[now["tier"].eq(WATCH_LIST) & now["previous"].eq(WATCH_LIST)]
    bound = rows[rows["report_year"].between(RULE_FIRST_YEAR, year)
                 & rows["previous"].eq(WATCH_LIST) & rows["before_previous"].eq(WATCH_LIST)]
    outcome = [{TIER_3: "downgraded to Tier 3", WATCH_LIST: "stayed on the Watch List (waiver)",
                SPECIAL_CASE: "special case (not ranked)"}.get(t) or ("no data" if _code(t) is None else "upgraded")
               for t in bound["tier"]]
    return {"at_risk": at_risk[["iso3"]].reset_index(drop=True),
            "history": pd.DataFrame({"report_year": bound["report_year"].to_numpy(), "iso3": bound["iso3"].to_numpy(),
                                     "outcome": outcome})}
