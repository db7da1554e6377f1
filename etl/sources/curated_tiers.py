"""Our own research: placements that fill holes in the public datasets (e.g. the United States,
which the academic panel omits), each with the URL and the quote that states it; and the number
of places each report edition ranked, where a source states it. Files in etl/curated/."""
from __future__ import annotations

from pathlib import Path

from etl.sources.base import BuildContext, SourceRecord, fail, read_csv, resolve_place
from etl.tiers import TIER_CODES

CURATED = Path(__file__).resolve().parent.parent / "curated"
DATASET = SourceRecord(
    "tip-curated", "dataset", "Researched for this product from stored public web pages",
    "TIP placements and report counts checked against quoted pages (etl/curated)", 2026, None,
    "Facts from public U.S. Government documents (public domain); compilation CC0")
PRIORITY = 1  # a quote from the year's own narrative


def run(ctx: BuildContext) -> tuple[list[dict], list[dict]]:
    # load
    facts_path, editions_path = CURATED / "tier_facts.csv", CURATED / "report_editions.csv"
    facts = list(read_csv(facts_path, ["report_year", "country_name_as_published", "iso3", "tier", "source_url", "quote"]))
    editions = list(read_csv(editions_path, ["report_year", "places_stated", "source_url", "quote"]))
    # process
    dataset_id = ctx.registry.add(DATASET)
    claims = []
    for line, row in facts:
        if row["tier"] not in TIER_CODES:
            raise fail(facts_path, line, "tier", f"unknown tier {row['tier']!r}")
        if not (row["source_url"] and row["quote"]):
            raise fail(facts_path, line, "quote", "a curated placement needs both its URL and its quote")
        claims.append(dict(
            iso3=resolve_place(ctx, facts_path, line, "country_name_as_published",
                               row["country_name_as_published"], row["iso3"]),
            report_year=int(row["report_year"]), tier=row["tier"],
            source_id=ctx.registry.document(row["source_url"], via=dataset_id), method="published",
            name_as_published=row["country_name_as_published"], quote=row["quote"], priority=PRIORITY))
    edition_rows = [
        dict(report_year=int(row["report_year"]), places_stated=int(row["places_stated"]),
             source_id=ctx.registry.document(row["source_url"], via=dataset_id), note=row["quote"])
        for _line, row in editions
    ]
    return claims, edition_rows
