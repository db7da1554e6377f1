"""The funding-gap estimate, as pure functions over frames:

    need = victims identified x cost of assisting one victim (an assumption the user sets)
    gap  = need - recorded funding (USD as published)

Missing stays missing: a place-year with no summable funding has funding "unknown" (not zero), so
no gap; a place-year with no victim count has no need. Only amounts that can be added up count
toward funding: one calendar year, a total (not per victim, per shelter or per month), specific to
trafficking victims (not a whole anti-trafficking budget, not court-awarded compensation), with a
USD figure printed by the source (we do not convert currencies), and from one report per place-year
(the report covering that year); where that report gives a total and its parts, only the total is
summed, so the same money is never counted twice.
"""
from __future__ import annotations

import re

import pandas as pd

DEFAULT_COST_PER_VICTIM = 2000
COST_LABEL = ("Illustrative assumption, not from a source: US$ {cost:,.0f} to assist one identified victim "
              "for a year. Change it to your own costing.")
ESTIMATE_NOTE = "need and gap are estimates: need = victims identified x cost per victim (assumption); gap = need - recorded funding"
MAX_COST = 1_000_000
# Victim counts, best first: the government's own identification (TIP narratives), then UNODC's.
VICTIM_METRICS = ("victims_identified_by_government", "official_victims_identified", "victims_identified",
                  "victims_identified_officials_and_ngos", "unodc_detected_victims")
SINGLE_YEAR = re.compile(r"^\d{4}$")
EACH_YEAR = re.compile(r"^(\d{4}) and (\d{4}) \(each year\)$")
RATE = re.compile(r"\bper (victim|person|shelter|resident)\b|per-victim|/month|per month|monthly", re.I)
NOT_SPECIFIC = re.compile(r"not trafficking-specific|domestic and gender|all crime victims|may include", re.I)
GENERAL_BUDGET = re.compile(r"combat trafficking|anti-trafficking \(total", re.I)
TOTAL = re.compile(r"\(total\b|total budget", re.I)


def covered_years(period: str | None) -> list[int]:
    """The calendar years a funding row's amount covers, each in full; [] when it is not a whole
    single year ('2015-2016', 'FY2020', 'cumulative since 2005', 'date not shown')."""
    period = (period or "").strip()
    if SINGLE_YEAR.match(period):
        return [int(period)]
    if match := EACH_YEAR.match(period):
        return sorted({int(match.group(1)), int(match.group(2))})
    return []


def classify(row: dict) -> str | None:
    """Why a funding row cannot be summed as an annual total in USD, or None if it can."""
    text = f"{row.get('purpose') or ''} {row.get('note') or ''}"
    if row.get("iso3") is None or (isinstance(row.get("iso3"), float)):
        return "covers a region, not one place"
    if pd.isna(row.get("amount_local")) and pd.isna(row.get("amount_usd_as_published")):
        return "no amount stated"
    if RATE.search(text):
        return "a rate (per victim, shelter or month), not a total"
    if NOT_SPECIFIC.search(text):
        return "not specific to trafficking victims"
    if GENERAL_BUDGET.search(f"{text} {row.get('recipient') or ''}"):
        return "a whole anti-trafficking budget, not victim assistance alone"
    if "compensation" in str(row.get("funder") or "").lower():
        return "compensation awarded to victims, not funding"
    if not covered_years(row.get("period")):
        return "period is not one calendar year as printed"
    if pd.isna(row.get("amount_usd_as_published")):
        return "no USD amount published (we do not convert currencies)"
    return None


def counted_funding(funding: pd.DataFrame) -> pd.DataFrame:
    """One row per funding figure and year it covers, with `counted` and the `reason` when not.
    Per place-year only the figures of one report count: the report covering that year (published
    the year after), else the latest report that gives the year."""
    rows = []
    for row in funding.to_dict("records"):
        reason = classify(row)
        for year in covered_years(row.get("period")) or [None]:
            rows.append({**row, "year": year, "reason": reason})
    out = pd.DataFrame(rows)
    if out.empty:
        return out.assign(counted=pd.Series(dtype=bool))
    out["report_rank"] = [(0 if r == y + 1 else 1, -(r or 0)) if y is not None and not pd.isna(r) else (2, 0)
                          for r, y in zip(out["report_year"], out["year"])]
    for (iso3, year), group in out[out["reason"].isna()].groupby(["iso3", "year"]):
        best = min(group["report_rank"])
        for index in group.index[group["report_rank"] != best]:
            other = out.at[index, "report_year"]
            out.at[index, "reason"] = (f"also given by the {int(other)} report; one report per place-year is summed"
                                       if not pd.isna(other) else "also given elsewhere; one source per place-year is summed")
        chosen = group[group["report_rank"] == best]
        described = chosen["purpose"].fillna("") + " " + chosen.get("recipient", pd.Series("", index=chosen.index)).fillna("")
        is_total = described.str.contains(TOTAL)
        if is_total.any():  # a total and its parts: sum the total only
            for index in chosen.index[~is_total]:
                out.at[index, "reason"] = "part of a total given for the same year (the total is summed)"
    out["counted"] = out["reason"].isna()
    return out.drop(columns=["report_rank"])


def victim_counts(statistics: pd.DataFrame) -> pd.DataFrame:
    """Best available victim count per place-year: iso3, year, victims, victims_metric, victims_source_id.
    Suppressed counts ('<5') give no number, so no need estimate."""
    rows = statistics[statistics["metric"].isin(VICTIM_METRICS) & (statistics["breakdown"] == "total")
                      & statistics["year"].notna() & statistics["iso3"].notna()].copy()
    # A figure we can use (a number, or a suppressed count) beats one printed as text ("10-25").
    rows = rows[rows["value"].notna() | rows["suppressed"].astype(bool)]
    rows["metric_rank"] = rows["metric"].map({m: i for i, m in enumerate(VICTIM_METRICS)})
    rows["own_report"] = (rows["report_year"] == rows["year"] + 1).fillna(False).astype(bool)
    rows["latest"] = -rows["report_year"].fillna(0).astype(float)
    rows = (rows.sort_values(["iso3", "year", "metric_rank", "own_report", "latest", "id"],
                             ascending=[True, True, True, False, True, True])
            .drop_duplicates(["iso3", "year"]))
    return pd.DataFrame({
        "iso3": rows["iso3"], "year": rows["year"].astype(int),
        "victims": [None if s else v for v, s in zip(rows["value"], rows["suppressed"].astype(bool))],
        "victims_as_published": rows["value_as_published"], "victims_metric": rows["metric"],
        "victims_source_id": rows["source_id"]}).reset_index(drop=True)


def gap_base(victims: pd.DataFrame, funding_rows: pd.DataFrame) -> pd.DataFrame:
    """One row per place-year with a victim count or any funding figure: victims and funding (USD,
    counted figures only; empty = unknown), before any cost assumption."""
    counted = funding_rows[funding_rows["counted"]] if not funding_rows.empty else funding_rows
    totals = (counted.groupby(["iso3", "year"]).agg(funding=("amount_usd_as_published", "sum"),
                                                   funding_figures=("amount_usd_as_published", "size"),
                                                   funding_source_ids=("source_id", lambda s: " ".join(sorted(set(s)))))
              .reset_index() if not counted.empty else
              pd.DataFrame(columns=["iso3", "year", "funding", "funding_figures", "funding_source_ids"]))
    listed = (funding_rows.dropna(subset=["year"]).groupby(["iso3", "year"]).size().rename("funding_listed").reset_index()
              if not funding_rows.empty else pd.DataFrame(columns=["iso3", "year", "funding_listed"]))
    for frame in (totals, listed):
        frame["year"] = frame["year"].astype(int)
    table = victims.merge(totals, on=["iso3", "year"], how="outer").merge(listed, on=["iso3", "year"], how="outer")
    table["funding_listed"] = table["funding_listed"].fillna(0).astype(int)
    table["funding_figures"] = table["funding_figures"].fillna(0).astype(int)
    return table.sort_values(["year", "iso3"]).reset_index(drop=True)


def with_cost(base: pd.DataFrame, cost_per_victim: float) -> pd.DataFrame:
    """Add the estimate: need, gap and funding per victim. Empty where not computable."""
    table = base.copy()
    table["cost_per_victim"] = float(cost_per_victim)
    table["need"] = table["victims"].astype(float) * float(cost_per_victim)
    table["gap"] = table["need"] - table["funding"].astype(float)
    table["funding_per_victim"] = table["funding"].astype(float) / table["victims"].astype(float).where(table["victims"] > 0)
    return table


def gap_table(victims: pd.DataFrame, funding_rows: pd.DataFrame, cost_per_victim: float) -> pd.DataFrame:
    """need = victims x cost; gap = need - recorded funding; per place-year (see gap_base)."""
    return with_cost(gap_base(victims, funding_rows), cost_per_victim)


def assumption_text(cost_per_victim: float) -> str:
    """The cost assumption in words, labelled illustrative when it is the default."""
    if cost_per_victim == DEFAULT_COST_PER_VICTIM:
        return COST_LABEL.format(cost=cost_per_victim)
    return f"Assumption set by the user: US$ {cost_per_victim:,.0f} to assist one identified victim for a year."


def parse_cost(raw: str | None, notices: list[str]) -> float:
    if raw in (None, ""):
        return DEFAULT_COST_PER_VICTIM
    try:
        cost = float(raw)
    except (TypeError, ValueError):
        cost = -1
    if not 0 <= cost <= MAX_COST:
        notices.append(f"“{str(raw)[:20]}” is not a cost per victim between 0 and {MAX_COST:,}: using the "
                       f"illustrative US$ {DEFAULT_COST_PER_VICTIM:,}.")
        return DEFAULT_COST_PER_VICTIM
    return cost
