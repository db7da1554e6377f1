"""CIA World Factbook "World" entry: the complete Tier 2 Watch List and Tier 3 lists for TIP 2014,
2015, 2020 and 2022-2025 (it never lists Tier 1 or Tier 2)."""
from __future__ import annotations

from etl.sources.base import BuildContext, SourceRecord, fail, read_csv, resolve_place

DATASET = SourceRecord(
    "factbook-tier-lists", "dataset", "Central Intelligence Agency (via the factbook/factbook.json archive)",
    "The World Factbook, World entry: Trafficking in persons, Tier 2 Watch List and Tier 3 lists", None,
    "https://github.com/factbook/factbook.json", "Public domain (CIA); archive CC0")
TIERS = {"Tier 2 Watch List": "2WL", "Tier 3": "3"}
PRIORITY = 3


def run(ctx: BuildContext) -> list[dict]:
    # load
    path = ctx.path("tip_tiers_cia_factbook_extract/factbook_world_entry_tier_lists.csv")
    rows = list(read_csv(path, ["tip_report_year", "tier", "country_as_listed", "iso3", "source_commit"]))
    # process
    dataset_id = ctx.registry.add(DATASET)
    claims = []
    for line, row in rows:
        if row["tier"] not in TIERS:
            raise fail(path, line, "tier", f"unknown tier {row['tier']!r} (expected one of {', '.join(TIERS)})")
        name = row["country_as_listed"]  # a few carry a year tag, "Zimbabwe (2022)"; the resolver ignores it
        url = f"https://github.com/factbook/factbook.json/blob/{row['source_commit']}/world/xx.json"
        claims.append(dict(
            iso3=resolve_place(ctx, path, line, "country_as_listed", name, row["iso3"]),
            report_year=int(row["tip_report_year"]), tier=TIERS[row["tier"]],
            source_id=ctx.registry.document(url, via=dataset_id), method="published", name_as_published=name,
            quote=f"{row['tier']} ({row['count_stated_in_source'].removesuffix('.0')} countries): ... {name} ...",
            priority=PRIORITY))
    return claims
