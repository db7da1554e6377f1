"""Every chart the site shows, defined once with what it needs to leave the site: figure, title,
subtitle, sources, the data behind it with definitions, and the address of its view. Pages, file
downloads and embeds all build from here."""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go

from dashboard import funding_gap, queries, views
from dashboard.figures.counts import counts_chart
from dashboard.figures.funding import gap_bars
from dashboard.figures.history import tier_history
from dashboard.figures.map import tier_map
from dashboard.regions import DEFAULT_REGION, REGIONS
from dashboard.state import compare_search, map_search
from etl.tiers import FIRST_REPORT_YEAR, LAST_REPORT_YEAR, NO_DATA_LABEL, TIERS, tier_label

LICENCE = ("Tier placements are facts from U.S. Government reports (public domain); this compilation is CC0. "
           "Other figures keep their sources' terms (see the sources).")
TIER_DEFINITIONS = {t.label: t.definition for t in TIERS} | {NO_DATA_LABEL: "We have no placement for that year."}
UNODC_METRICS = {
    "unodc_detected_victims": "Detected victims (UNODC)",
    "unodc_persons_prosecuted": "Persons prosecuted (UNODC)",
    "unodc_persons_convicted": "Persons convicted (UNODC)",
}


OWN_PREFIXES = ("Compiled for this product", "Researched for this product")
OWN_COMPILATION = "TIP Report narratives and copies, quoted row by row"


@dataclass
class Chart:
    title: str
    subtitle: str
    sources: list[str]
    view_path: str  # the page that shows it, e.g. "/?year=2012&region=osce"
    data: pd.DataFrame
    definitions: dict[str, str]
    figure: go.Figure | None = None
    kind: str = "chart"  # "map" or "chart": export size
    notes: list[str] = field(default_factory=list)


def _source_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Add source, source_url (and the dataset it came through) from each row's source_id."""
    ids = tuple(sorted(frame["source_id"].dropna().unique()))
    if not ids:
        return frame.assign(source="", source_url="")
    records = queries.source_records(ids)
    parents = queries.source_records(tuple(sorted(records["via_source_id"].dropna().unique())))
    def cite(sid):
        if not isinstance(sid, str):
            return ""
        r = records.loc[sid]
        via = f" (via {parents.at[r['via_source_id'], 'title']})" if isinstance(r["via_source_id"], str) else ""
        return f"{r['publisher']}: {r['title']}{via}"
    return frame.assign(source=[cite(s) for s in frame["source_id"]],
                        source_url=[(records.at[s, "url"] or "") if isinstance(s, str) else "" for s in frame["source_id"]])


def _datasets_behind(frame: pd.DataFrame) -> list[str]:
    """Short names of the datasets a chart's rows came through, for the image's source line."""
    ids = tuple(sorted(frame["source_id"].dropna().unique()))
    if not ids:
        return []
    records = queries.source_records(ids)
    dataset_ids = tuple(sorted({r.via_source_id if isinstance(r.via_source_id, str) else r.source_id
                                for r in records.itertuples()}))
    datasets = queries.source_records(dataset_ids)
    return sorted({OWN_COMPILATION if p.startswith(OWN_PREFIXES) else p for p in datasets["publisher"]})


def map_chart(year: int, region_id: str = DEFAULT_REGION) -> Chart:
    region = REGIONS[region_id]
    members = views.region_members(region_id)
    view = views.map_view(year)
    shown = views.in_region(view, region_id)
    placements = queries.all_placements()
    sources = placements[placements["report_year"] == year].set_index("iso3")[["source_id", "method"]]
    data = (shown[["iso3", "name", "report_year", "tier", "previous", "change", "wl_streak", "wl_streak_open"]]
            .reset_index(drop=True).join(sources, on="iso3"))
    data["wl_streak"] = data["wl_streak"].astype("Int64").where(data["tier"].notna())  # no data: no streak, not 0
    data["wl_streak_open"] = data["wl_streak_open"].where(data["wl_streak"] > 0)
    data = data.assign(tier_label=[tier_label(t) for t in data["tier"]],
                       previous_tier_label=[tier_label(t) for t in data["previous"]])
    data = _source_columns(data.sort_values("name").reset_index(drop=True))
    return Chart(
        kind="map",
        title=f"Trafficking in Persons Report tiers, {year}",
        subtitle=f"{region.label}: U.S. Department of State tier placements; grey = no data, not a tier",
        sources=[f"U.S. Department of State, Trafficking in Persons Report {year}",
                 "compiled by the TIP tier dashboard from " + ", ".join(_datasets_behind(data))],
        view_path="/" + map_search(year, region_id),
        data=data[["iso3", "name", "report_year", "tier", "tier_label", "previous_tier_label", "change", "wl_streak",
                   "wl_streak_open", "method", "source", "source_url"]],
        definitions={
            "iso3": "ISO 3166-1 alpha-3 code (Kosovo: XKX)", "report_year": "Year the TIP Report was published",
            "tier": "Tier code: 1, 2, 2WL, 3, special_case; empty = no data", "tier_label": "Tier name",
            "previous_tier_label": f"Tier in the {year - 1} report", "change": "upgrade / downgrade / no change",
            "wl_streak": "Consecutive reports on the Tier 2 Watch List up to this year; empty with no data",
            "wl_streak_open": "True when the streak reaches a year we have no data for: then it is a minimum",
            "method": "published (quoted), panel (Kelley/Cho dataset), by_elimination",
            "source": "Where the placement comes from", "source_url": "Address of the source",
            **TIER_DEFINITIONS},
        figure=tier_map(view, year, members))


def history_chart(iso3: str, compare: list[str]) -> Chart:
    places = queries.all_places()
    codes = [iso3, *compare]
    names = places["name"].to_dict()
    frames = {c: queries.place_placements(c) for c in codes}
    rows = []
    for code, frame in frames.items():
        by_year = frame.set_index("report_year")
        for year in range(FIRST_REPORT_YEAR, LAST_REPORT_YEAR + 1):
            known = year in by_year.index
            rows.append(dict(iso3=code, name=names[code], report_year=year,
                             tier=by_year.at[year, "tier"] if known else None,
                             method=by_year.at[year, "method"] if known else None,
                             source_id=by_year.at[year, "source_id"] if known else None))
    data = pd.DataFrame(rows)
    data["tier_label"] = [tier_label(t) for t in data["tier"]]
    data = _source_columns(data)
    label = ", ".join(names[c] for c in codes)
    return Chart(
        title=f"TIP tier history: {label}", subtitle=f"Trafficking in Persons Report placements {FIRST_REPORT_YEAR}–"
                                                     f"{LAST_REPORT_YEAR}; gaps are years with no data",
        sources=[f"U.S. Department of State, Trafficking in Persons Reports {FIRST_REPORT_YEAR}–{LAST_REPORT_YEAR}",
                 "compiled by the TIP tier dashboard from " + ", ".join(_datasets_behind(data.dropna(subset=["source_id"])))],
        view_path=f"/country/{iso3}{compare_search(compare)}",
        data=data[["iso3", "name", "report_year", "tier", "tier_label", "method", "source", "source_url"]],
        definitions={"tier": "Tier code: 1, 2, 2WL, 3, special_case; empty = no data", **TIER_DEFINITIONS},
        figure=tier_history({c: f[["report_year", "tier"]] for c, f in frames.items()}, names))


def counts_chart_for(iso3: str) -> Chart:
    name = queries.all_places().at[iso3, "name"]
    stats = queries.place_statistics(iso3)
    totals = stats[(stats["breakdown"] == "total") & stats["metric"].isin(list(UNODC_METRICS))]
    data = _source_columns(totals[["iso3", "metric", "year", "value", "value_as_published", "suppressed", "source_id"]]
                           .reset_index(drop=True))
    return Chart(
        title=f"{name}: detected victims, prosecutions and convictions",
        subtitle="UNODC country data; '<5' = a count under five that the source suppressed",
        sources=["UNODC, Global Report on Trafficking in Persons, country data"],
        view_path=f"/country/{iso3}", data=data.drop(columns=["source_id"]),
        definitions={"metric": "; ".join(f"{k}: {v}" for k, v in UNODC_METRICS.items()),
                     "value": "The count; empty when suppressed", "value_as_published": "As the source printed it",
                     "suppressed": "True when the source withheld a small count (<5): not zero"},
        figure=counts_chart(totals, UNODC_METRICS))


def funding_table_for(iso3: str) -> Chart:
    name = queries.all_places().at[iso3, "name"]
    frame = queries.place_funding(iso3)
    data = _source_columns(frame.drop(columns=["id"]).reset_index(drop=True))
    return Chart(
        title=f"{name}: shelter and victim-assistance funding",
        subtitle="Amounts as published; USD only where the source printed it",
        sources=["Figures quoted from TIP Report narratives and other cited pages"], view_path=f"/country/{iso3}",
        data=data.drop(columns=["source_id"]),
        definitions={"amount_local": "Amount in the currency the source printed", "currency": "ISO 4217 code as printed",
                     "amount_usd_as_published": "USD figure printed in the same sentence (the source's exchange rate)",
                     "note": "Caveats: per shelter, per victim, multi-year, not trafficking-specific ..."})


def funding_chart(year: int | None, region_id: str, cost_per_victim: float) -> Chart:
    """The funding-gap estimate: every place-year (or one year) of a region, ranked by gap."""
    table = views.in_region(views.gap_table(cost_per_victim), region_id)
    shown_year = year or views.default_funding_year()
    data = table if year is None else table[table["year"] == year]
    data = data.copy()
    data["victims_source"] = _cite_ids(data["victims_source_id"])
    data["funding_sources"] = _cite_ids(data["funding_source_ids"])
    data["tier_next_report"] = [tier_label(t) for t in data["tier_next_report"]]
    assumption = funding_gap.assumption_text(cost_per_victim)
    data["victims"] = data["victims"].astype("Int64")
    data[["need", "funding", "gap", "funding_per_victim"]] = data[["need", "funding", "gap", "funding_per_victim"]].round(2)
    data["assumption"] = assumption
    data["estimate"] = funding_gap.ESTIMATE_NOTE
    columns = ["iso3", "name", "year", "victims", "victims_as_published", "victims_metric", "cost_per_victim", "need",
               "funding", "funding_figures", "funding_listed", "gap", "funding_per_victim", "tier_next_report",
               "assumption", "estimate", "victims_source", "funding_sources"]
    region = REGIONS[region_id]
    query = {"year": year, "region": None if region_id == DEFAULT_REGION else region_id,
             "cost_per_victim": None if cost_per_victim == funding_gap.DEFAULT_COST_PER_VICTIM else f"{cost_per_victim:g}"}
    query_string = urlencode({k: v for k, v in query.items() if v is not None})
    bars = table[(table["year"] == shown_year) & table["gap"].notna()]
    return Chart(
        title="Estimated shelter and victim-assistance funding gaps, " + (str(year) if year else
                                                                          f"all years (chart: {shown_year})"),
        subtitle=f"{region.label}; ESTIMATE: victims identified × US$ {cost_per_victim:,.0f} per victim (assumption) "
                 f"− recorded funding (USD as published)",
        sources=["Victims: U.S. Department of State TIP Report narratives and UNODC GLOTIP",
                 "funding: TIP Report narratives and other cited pages (USD as published)",
                 f"cost per victim: {'illustrative assumption' if cost_per_victim == funding_gap.DEFAULT_COST_PER_VICTIM else 'set by the user'}"],
        view_path="/funding" + (f"?{query_string}" if query_string else ""),
        data=data[columns].reset_index(drop=True),
        definitions={
            "victims": "Victims identified that year (best available count; empty when unknown or suppressed '<5')",
            "victims_metric": "Which count: the government's identification (TIP narrative) first, then UNODC detected victims",
            "need": "ESTIMATE: victims × cost_per_victim (US$); empty without a victim count",
            "funding": "Recorded funding in US$ as published, summed over figures that can be added up; empty = unknown (not zero)",
            "funding_figures": "Figures summed into funding", "funding_listed": "Funding figures listed for the place-year",
            "gap": "ESTIMATE: need − funding (US$); empty when either is unknown",
            "funding_per_victim": "funding / victims (US$)", "cost_per_victim": "The assumption used (US$ per victim)",
            "tier_next_report": "Tier in the TIP report covering that year (published the year after)"},
        figure=gap_bars(bars),
        notes=[assumption, funding_gap.ESTIMATE_NOTE,
               "Not summed: per-victim, per-shelter and monthly rates, multi-year or cumulative amounts, figures not "
               "specific to trafficking, amounts without a published USD value, and repeats of a figure in a later report."])


def _cite_ids(column: pd.Series) -> list[str]:
    """Space-separated source ids -> their URLs (or titles), joined with ' | '."""
    ids = tuple(sorted({s for cell in column.dropna() for s in str(cell).split()}))
    records = queries.source_records(ids) if ids else pd.DataFrame()
    def cite(cell):
        if not isinstance(cell, str) or not cell:
            return ""
        return " | ".join((records.at[s, "url"] or records.at[s, "title"]) for s in cell.split())
    return [cite(c) for c in column]
