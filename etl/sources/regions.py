"""US State Department regions (the six regional bureaus the TIP report groups places by), each
assignment with the page and quote that show it (etl/curated/state_dept_regions.csv)."""
from __future__ import annotations

from etl.schema import STATE_DEPT_REGIONS
from etl.sources.base import BuildContext, SourceRecord, fail, read_csv, resolve_place
from etl.sources.curated_tiers import CURATED

DATASET = SourceRecord(
    "state-dept-regions", "dataset", "Researched for this product from stored public web pages",
    "U.S. Department of State regional bureaus: member places (etl/curated/state_dept_regions.csv)", 2026, None,
    "Facts from public U.S. Government pages (public domain); compilation CC0")


def run(ctx: BuildContext) -> dict[str, tuple[str, str]]:
    """iso3 -> (region code, source id)."""
    # load
    path = CURATED / "state_dept_regions.csv"
    rows = list(read_csv(path, ["iso3", "region", "source_url", "quote"]))
    # process
    dataset_id = ctx.registry.add(DATASET)
    regions = {}
    for line, row in rows:
        if row["region"] not in STATE_DEPT_REGIONS:
            raise fail(path, line, "region", f"unknown region {row['region']!r} (allowed: {', '.join(STATE_DEPT_REGIONS)})")
        iso3 = resolve_place(ctx, path, line, "iso3", "", row["iso3"])
        if iso3 in regions:
            raise fail(path, line, "iso3", f"{iso3} is listed twice")
        regions[iso3] = (row["region"], ctx.registry.document(row["source_url"], via=dataset_id))
    return regions
