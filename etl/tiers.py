"""TIP tier codes, labels, definitions and colours: declared once, imported everywhere.

Colours: Okabe-Ito-derived, distinguishable with the common colour-vision deficiencies; "special
case" is hatched-grey-like and "no data" is a pale neutral so neither can be read as a tier.
"""
from __future__ import annotations

from dataclasses import dataclass

FIRST_REPORT_YEAR = 2001
LAST_REPORT_YEAR = 2025


@dataclass(frozen=True)
class Tier:
    code: str
    label: str
    definition: str
    colour: str
    rank: int | None  # 1 = best; None for special case (not a tier)


TIERS: tuple[Tier, ...] = (
    Tier("1", "Tier 1", "Government fully meets the TVPA's minimum standards.", "#0072B2", 1),
    Tier("2", "Tier 2", "Does not fully meet the minimum standards but is making significant efforts.", "#56B4E9", 2),
    Tier(
        "2WL",
        "Tier 2 Watch List",
        "Tier 2, but with a significant or rising number of victims or no evidence of increasing efforts.",
        "#E69F00",
        3,
    ),
    Tier("3", "Tier 3", "Does not fully meet the minimum standards and is not making significant efforts.", "#B3242B", 4),
    Tier("special_case", "Special Case", "Not ranked: the report could not assess the government (e.g. civil conflict).", "#6B5B95", None),
)
TIER_CODES: tuple[str, ...] = tuple(t.code for t in TIERS)
TIER_BY_CODE: dict[str, Tier] = {t.code: t for t in TIERS}
NO_DATA_LABEL = "No data"
NO_DATA_COLOUR = "#E6E6E6"


def tier_label(code: object, missing: str = NO_DATA_LABEL) -> str:
    """The label of a tier code; `missing` for no data (None or NaN from a data frame)."""
    return TIER_BY_CODE[code].label if isinstance(code, str) else missing
