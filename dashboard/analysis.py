"""Pure functions over tier placements: year-on-year changes, Watch List streaks and the
Watch-List rule. No database, no Dash: frames in, frames out."""
from __future__ import annotations

import pandas as pd

from etl.tiers import TIER_BY_CODE

WATCH_LIST = "2WL"
TIER_3 = "3"
# The automatic-downgrade rule came with the TVPRA of 2008 (22 U.S.C. 7107(b)(2)(D)); two
# consecutive Watch List reports (2009, 2010) first bound the 2011 report.
RULE_FIRST_YEAR = 2011


def tier_matrix(placements: pd.DataFrame) -> pd.DataFrame:
    """iso3 x report_year -> tier code (missing = no data)."""
    return placements.pivot(index="iso3", columns="report_year", values="tier")


def _at(matrix: pd.DataFrame, iso3: str, year: int) -> str | None:
    if year not in matrix.columns or iso3 not in matrix.index:
        return None
    value = matrix.at[iso3, year]
    return value if isinstance(value, str) else None


def change(previous: str | None, current: str | None) -> str | None:
    """'upgrade', 'downgrade', 'no change', or None when either year is missing or a special case."""
    if previous is None or current is None:
        return None
    before, after = TIER_BY_CODE[previous].rank, TIER_BY_CODE[current].rank
    if before is None or after is None:
        return "no change" if previous == current else None
    return "upgrade" if after < before else "downgrade" if after > before else "no change"


def watch_list_streak(matrix: pd.DataFrame, iso3: str, year: int) -> tuple[int, bool]:
    """Consecutive reports on the Watch List up to `year`, and whether the count stops at a gap
    in our data (then it is a minimum, "at least N")."""
    streak = 0
    while _at(matrix, iso3, year - streak) == WATCH_LIST:
        streak += 1
    earlier = year - streak
    open_ended = streak > 0 and earlier in matrix.columns and _at(matrix, iso3, earlier) is None
    open_ended = open_ended or (streak > 0 and earlier < matrix.columns.min())
    return streak, open_ended


def year_view(placements: pd.DataFrame, places: pd.DataFrame, year: int) -> pd.DataFrame:
    """One row per ranked place: tier in `year` (None = no data), previous report's tier, change,
    Watch List streak."""
    matrix = tier_matrix(placements)
    ranked = places[places["tip_ranked"].astype(bool)]
    rows = []
    for iso3 in ranked.index:
        tier, previous = _at(matrix, iso3, year), _at(matrix, iso3, year - 1)
        streak, open_ended = watch_list_streak(matrix, iso3, year) if tier == WATCH_LIST else (0, False)
        rows.append(dict(iso3=iso3, tier=tier, previous=previous, change=change(previous, tier),
                         wl_streak=streak, wl_streak_open=open_ended))
    view = pd.DataFrame(rows).set_index("iso3", drop=False)
    return view.join(ranked.drop(columns=["iso3"]))


def watch_list_rule(placements: pd.DataFrame, year: int, members: pd.Index) -> dict[str, pd.DataFrame]:
    """The rule: a place on the Watch List in two consecutive reports must be on Tier 3 in the next
    unless waived. Returns 'at_risk' (on the list in `year` and `year - 1`) and 'history': for each
    earlier report year, the outcome for places that had two consecutive Watch List years before it
    ('downgraded to Tier 3', 'stayed on the Watch List (waiver)', 'upgraded'). Derived from the
    placements, not from the report's waiver statements."""
    matrix = tier_matrix(placements)
    matrix = matrix[matrix.index.isin(members)]
    at_risk = [iso3 for iso3 in matrix.index
               if _at(matrix, iso3, year) == WATCH_LIST and _at(matrix, iso3, year - 1) == WATCH_LIST]
    history = []
    for y in range(RULE_FIRST_YEAR, year + 1):
        for iso3 in matrix.index:
            if _at(matrix, iso3, y - 1) == WATCH_LIST and _at(matrix, iso3, y - 2) == WATCH_LIST:
                now = _at(matrix, iso3, y)
                outcome = {TIER_3: "downgraded to Tier 3", WATCH_LIST: "stayed on the Watch List (waiver)"}.get(
                    now, "no data" if now is None else "upgraded")
                history.append(dict(report_year=y, iso3=iso3, outcome=outcome))
    return {"at_risk": pd.DataFrame({"iso3": at_risk}),
            "history": pd.DataFrame(history, columns=["report_year", "iso3", "outcome"])}
