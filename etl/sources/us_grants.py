"""US Government anti-trafficking grants FY2001-2014 as coded by Judith Kelley's team from the
State Department's lists of funded projects, with prevention/protection/prosecution flags."""
from __future__ import annotations

from etl.sources.base import BuildContext, SourceRecord, fail, read_csv, resolve_place

DATASET = SourceRecord(
    "us-tip-grants-kelley", "dataset", "Judith G. Kelley and Andrew Heiss",
    "US Government anti-trafficking grants FY2001-2014 (Scorecard Diplomacy, funding_clean.csv)", 2017,
    "https://github.com/andrewheiss/scorecard-diplomacy", "MIT",
    note="Amounts are USD as listed; 'Not Listed' amounts are empty. The drop after 2010 may reflect the source lists.")
FLAGS = ("prevention", "protection", "prosecution", "research")


def _flag(path, line: int, column: str, raw: str) -> bool:
    if raw in ("1", "1.0"):
        return True
    if raw in ("0", "0.0", "", "NA"):
        return False
    raise fail(path, line, column, f"not a 0/1 flag: {raw!r}")


def run(ctx: BuildContext) -> list[dict]:
    # load
    path = ctx.path("funding_us_tip_grants_scorecard/funding_clean.csv")
    rows = list(read_csv(path, ["country", "grant_year", "recipient", "subgrantee", "recipient_type", "amount", *FLAGS]))
    # process
    source_id = ctx.registry.add(DATASET)
    out = []
    for line, row in rows:
        area = ctx.resolver.area(row["country"])
        iso3 = None if area else resolve_place(ctx, path, line, "country", row["country"])
        amount = row["amount"]
        try:
            amount_usd = None if amount in ("", "NA") else float(amount)
        except ValueError:
            raise fail(path, line, "amount", f"not a number: {amount!r}") from None
        out.append(dict(
            iso3=iso3, area=area, fiscal_year=int(row["grant_year"]),
            recipient=None if row["recipient"] in ("", "NA") else row["recipient"],
            subgrantee=None if row["subgrantee"] in ("", "NA") else row["subgrantee"],
            recipient_type=None if row["recipient_type"] in ("", "NA") else row["recipient_type"],
            amount_usd=amount_usd, source_id=source_id,
            **{flag: _flag(path, line, flag, row[flag]) for flag in FLAGS}))
    return out
