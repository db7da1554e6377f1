"""TIP placements 2013-2025 compiled from stored public web pages (State Department narratives
and their copies, news pages), each row with its URL and, in the gap-fill files, a quote."""
from __future__ import annotations

from etl.sources.base import BuildContext, SourceRecord, fail, read_csv, resolve_place
from etl.tiers import TIER_CODES

DATASET = SourceRecord(
    "tip-compiled-2013-2025", "dataset", "Compiled for this product from stored public web pages",
    "TIP tier placements 2013-2025 compiled from web pages (tip_tier_placements_2013_2025)", 2026,
    None, "Facts from public U.S. Government documents (public domain); compilation CC0",
    note="See the folder README for the method, counts and disagreements per year.")
FOLDER = "tip_tier_placements_2013_2025"
# file -> priority (1 is best): published lists and narratives beat single sightings kept for cross-checks.
FILES = {
    "tier_placements.csv": 2,
    "tier_placements_gapfill.csv": 2,
    "tier_placements_gapfill_2018.csv": 2,
    "tier_placements_gapfill_2019_2024.csv": 2,
    "partial_placements_seen.csv": 4,
}
BY_ELIMINATION_PRIORITY = 3
METHODS = ("published", "by_elimination")


def run(ctx: BuildContext) -> list[dict]:
    # load
    dataset_id = ctx.registry.add(DATASET)
    inputs = {name: (ctx.path(f"{FOLDER}/{name}"), priority) for name, priority in FILES.items()}
    claims = []
    for name, (path, priority) in inputs.items():
        for line, row in read_csv(path, ["report_year", "country_name_as_published", "iso3", "tier", "source_url"]):
            # process
            if row["tier"] not in TIER_CODES:
                raise fail(path, line, "tier", f"unknown tier {row['tier']!r} (allowed: {', '.join(TIER_CODES)})")
            method = row.get("method") or "published"
            if method not in METHODS:
                raise fail(path, line, "method", f"unknown method {method!r}")
            if not row["source_url"]:
                raise fail(path, line, "source_url", "every placement needs its source URL")
            published = row["country_name_as_published"]
            iso3 = resolve_place(ctx, path, line, "country_name_as_published", published, row["iso3"])
            claims.append(dict(
                iso3=iso3, report_year=int(row["report_year"]), tier=row["tier"],
                source_id=ctx.registry.document(row["source_url"], via=dataset_id), method=method,
                name_as_published=published, quote=row.get("quote") or row.get("note") or None,
                priority=BY_ELIMINATION_PRIORITY if method == "by_elimination" else priority))
    return claims
