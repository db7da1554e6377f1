"""URL state: parse query parameters into a view, falling back to defaults with a notice, and write
a view back as a query string. Pure functions, so every view's URL round-trips."""
from __future__ import annotations

from urllib.parse import parse_qs, urlencode

from dashboard.funding_gap import DEFAULT_COST_PER_VICTIM, parse_cost
from dashboard.regions import DEFAULT_REGION, REGIONS
from etl.tiers import FIRST_REPORT_YEAR, LAST_REPORT_YEAR

DEFAULT_YEAR = LAST_REPORT_YEAR
MAX_COMPARE = 5


def single_values(params: dict) -> dict[str, str]:
    """Page parameters as Dash passes them (a repeated key arrives as a list): the last value of each, as text."""
    return {key: str(value[-1] if isinstance(value, list) and value else value) for key, value in params.items()
            if value is not None}


def query_params(search: str | None) -> dict[str, str]:
    """'?year=2012&region=osce' -> {'year': '2012', 'region': 'osce'} (last value wins)."""
    parsed = parse_qs((search or "").lstrip("?"), keep_blank_values=True)
    return {key: values[-1] for key, values in parsed.items()}


def parse_year(raw: str | None, notices: list[str]) -> int:
    if raw is None or raw == "":
        return DEFAULT_YEAR
    try:
        year = int(raw)
    except (TypeError, ValueError):
        year = None
    if year is None or not FIRST_REPORT_YEAR <= year <= LAST_REPORT_YEAR:
        notices.append(f"There is no report year “{str(raw)[:20]}”: showing {DEFAULT_YEAR}. "
                       f"Years run from {FIRST_REPORT_YEAR} to {LAST_REPORT_YEAR}.")
        return DEFAULT_YEAR
    return year


def parse_region(raw: str | None, notices: list[str]) -> str:
    if raw is None or raw == "":
        return DEFAULT_REGION
    if raw.lower() in REGIONS:
        return raw.lower()
    notices.append(f"There is no region “{str(raw)[:30]}”: showing the whole world.")
    return DEFAULT_REGION


def parse_map_state(params: dict[str, str]) -> tuple[int, str, list[str]]:
    notices: list[str] = []
    return parse_year(params.get("year"), notices), parse_region(params.get("region"), notices), notices


def map_search(year: int, region: str) -> str:
    params = {"year": year}
    if region != DEFAULT_REGION:
        params["region"] = region
    return "?" + urlencode(params)


def parse_compare(raw: str | None, known: set[str], main: str, notices: list[str]) -> list[str]:
    """'UZB,KGZ' -> ['UZB', 'KGZ']: known places only, no duplicates, not the main place, at most five."""
    if not raw:
        return []
    codes, unknown = [], []
    for code in (c.strip().upper() for c in raw.split(",") if c.strip()):
        if code not in known:
            unknown.append(code[:10])
        elif code != main and code not in codes:
            codes.append(code)
    if unknown:
        notices.append(f"Unknown place code(s) left out of the comparison: {', '.join(unknown)}.")
    if len(codes) > MAX_COMPARE:
        notices.append(f"At most {MAX_COMPARE} places can be compared: showing the first {MAX_COMPARE}.")
    return codes[:MAX_COMPARE]


def compare_search(codes: list[str]) -> str:
    return "?" + urlencode({"compare": ",".join(codes)}, safe=",") if codes else ""


def parse_funding_state(params: dict[str, str], years: list[int], default_year: int,
                        known_places: set[str]) -> tuple[int, str, float, str | None, list[str]]:
    """year (one with estimates), region, cost per victim and drill-down place of the funding page."""
    notices: list[str] = []
    raw = params.get("year")
    year = default_year
    if raw not in (None, ""):
        if raw.isascii() and raw.isdigit() and int(raw) in years:
            year = int(raw)
        else:
            notices.append(f"No funding-gap estimate for “{raw[:20]}”: showing {year}. Years with estimates: "
                           f"{min(years)}–{max(years)}.")
    region = parse_region(params.get("region"), notices)
    cost = parse_cost(params.get("cost_per_victim"), notices)
    place = (params.get("place") or "").upper() or None
    if place and place not in known_places:
        notices.append(f"No place with the code “{place[:10]}”.")
        place = None
    return year, region, cost, place, notices


def funding_search(year: int, region: str, cost: float, place: str | None) -> str:
    params = {"year": year}
    if region != DEFAULT_REGION:
        params["region"] = region
    if cost != DEFAULT_COST_PER_VICTIM:
        params["cost_per_victim"] = f"{cost:g}"
    if place:
        params["place"] = place
    return "?" + urlencode(params)
