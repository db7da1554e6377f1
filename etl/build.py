"""build-data: turn the raw public sources into the canonical files in data/ plus manifest.json.

Each source step returns canonical rows; this module decides the best-sourced placement per
place-year, assembles the places table and writes everything deterministically, so rebuilding
from the same inputs gives byte-identical files.
"""
from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

from etl.countries import standard_name
from etl.progress import Progress
from etl.schema import (
    DATA_TABLES,
    file_columns,
    funding,
    indicators,
    place_names,
    places,
    report_editions,
    sources,
    statistics,
    tier_claims,
    tier_placements,
    us_grants,
)
from etl.sources import (
    curated_tiers,
    factbook_lists,
    funding_pages,
    glotip,
    natural_earth,
    osce,
    regions,
    tip_compiled,
    tip_panel,
)
from etl.sources import us_grants as us_grants_source
from etl.sources.base import BuildContext, read_csv
from etl.sources.curated_tiers import CURATED
from etl.validate import MANIFEST, file_name, sha256

OBSTACLE_LABELS = CURATED / "osce_obstacle_labels.csv"
MANIFEST_DESCRIPTIONS = {
    sources.name: "Every publication, page or dataset a fact cites (source_id is referenced by every other file).",
    places.name: "Countries and territories: ISO-3, name, groupings, map join key, representative point, area.",
    place_names.name: "Names as sources published them and common variants -> ISO-3.",
    report_editions.name: "TIP report editions and the number of places each ranked, where a source states it.",
    tier_placements.name: "One TIP tier per place per report year: the best-sourced claim.",
    tier_claims.name: "Every source's claim of a place's tier in a year, with whether it agrees.",
    indicators.name: "Qualitative indicators, including the ten obstacles of the 2008 OSCE report on Kazakhstan.",
    statistics.name: "Victims identified, investigations, prosecutions, convictions; '<5' kept as suppressed.",
    funding.name: "Shelter and victim-assistance funding as published (amount, currency, funder, quote).",
    us_grants.name: "US anti-trafficking grants FY2001-2014 with prevention/protection/prosecution flags.",
}


def choose_placements(claims: list[dict]) -> tuple[list[dict], list[dict]]:
    """Pick the best-sourced claim per place-year (lowest priority number, then input order) and
    mark every claim as agreeing with it or not. A source contradicting itself is an error."""
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for claim in claims:
        by_key[(claim["iso3"], claim["report_year"])].append(claim)
    chosen, kept = [], []
    for (iso3, year), group in sorted(by_key.items()):
        per_source: dict[str, dict] = {}
        for claim in group:
            previous = per_source.setdefault(claim["source_id"], claim)
            if previous["tier"] != claim["tier"]:
                raise ValueError(f"source {claim['source_id']} gives {iso3} {year} both {previous['tier']} and {claim['tier']}")
        ranked = sorted(per_source.values(), key=lambda c: c["priority"])
        best = ranked[0]
        others = sorted({f"{c['tier']} ({c['source_id']})" for c in ranked if c["tier"] != best["tier"]})
        chosen.append(dict(
            iso3=iso3, report_year=year, tier=best["tier"], method=best["method"], source_id=best["source_id"],
            name_as_published=best["name_as_published"], quote=best["quote"],
            note=f"Sources disagree; other claims: {'; '.join(others)}" if others else None))
        kept.extend(dict(iso3=iso3, report_year=year, tier=c["tier"], source_id=c["source_id"], method=c["method"],
                         quote=c["quote"], agrees=c["tier"] == best["tier"]) for c in ranked)
    return chosen, kept


def assemble_places(ctx: BuildContext, referenced: set[str], ranked: set[str], geo: dict, osce_status: dict,
                    region_of: dict) -> list[dict]:
    rows = []
    for iso3 in sorted(referenced | set(osce_status)):
        region, region_source = region_of.get(iso3, (None, None))
        rows.append(dict(
            iso3=iso3, name=standard_name(iso3), tip_ranked=iso3 in ranked, osce_status=osce_status.get(iso3),
            state_dept_region=region, region_source_id=region_source,
            **geo.get(iso3, dict(map_id=None, rep_lon=None, rep_lat=None, area_km2=None, un_region=None,
                                 un_subregion=None, geometry_source_id=None))))
    return rows


def write_csv(path: Path, table, rows: list[dict]) -> None:
    columns = [c.name for c in file_columns(table)]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else _cell(row[c]) for c in columns])


def _cell(value) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def data_rows(path: Path) -> int:
    """CSV records below the header (a quoted cell may span lines); a file that is not UTF-8 is
    counted by lines, so that a damaged file can still be described."""
    data = path.read_bytes()
    try:
        return max(sum(1 for _ in csv.reader(data.decode("utf-8").splitlines(keepends=True))) - 1, 0)
    except UnicodeDecodeError:
        return max(data.count(b"\n") - 1, 0)


def write_manifest(out_dir: Path, registry_rows: list[dict], table_sources: dict[str, list[str]],
                   notes: list[str]) -> None:
    datasets = {r["source_id"]: r for r in registry_rows if r["kind"] == "dataset"}
    files = []
    for table in DATA_TABLES:
        name = file_name(table)
        files.append(dict(
            file=name, description=MANIFEST_DESCRIPTIONS[table.name], sha256=sha256(out_dir / name),
            rows=data_rows(out_dir / name),
            sources=[{k: datasets[s][k] for k in ("source_id", "publisher", "title", "url", "licence", "accessed")}
                     for s in table_sources.get(table.name, [])]))
    manifest = dict(
        name="tip-tier-dashboard-data",
        description="Canonical data of the anti-trafficking policy tier dashboard, built by `python -m etl build-data`.",
        licence="Compilation CC0; each source keeps its own licence (see sources).",
        notes=notes,
        files=files)
    (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def refresh_manifest(data_dir: Path) -> None:
    """Re-record the checksums and row counts of hand-edited canonical files."""
    path = data_dir / MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        target = data_dir / entry["file"]
        entry["sha256"] = sha256(target)
        entry["rows"] = data_rows(target)
    path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _datasets_cited(rows: list[dict], registry) -> list[str]:
    """The datasets behind a table's rows (directly, or as the dataset a cited page came through)."""
    found = set()
    for row in rows:
        for key in ("source_id", "geometry_source_id", "region_source_id"):
            if sid := row.get(key):
                record = registry.records[sid]
                found.add(record.via_source_id or sid if record.kind == "document" else sid)
    return sorted(s for s in found if registry.records[s].kind == "dataset")


def build(raw_dir: Path, out_dir: Path, progress: Progress | None = None) -> dict[str, int]:
    progress = progress or Progress(quiet=True)
    ctx = BuildContext(raw_dir)
    # load and process, one source step at a time
    with progress.step("Tier placements (panel, compiled pages, Factbook, curated)"):
        curated_claims, editions = curated_tiers.run(ctx)
        claims = curated_claims + tip_panel.run(ctx) + tip_compiled.run(ctx) + factbook_lists.run(ctx)
        chosen, kept = choose_placements(claims)
    with progress.step("OSCE membership and the 2008 report's obstacles"):
        osce_status = osce.membership(ctx)
        labels = {int(r["sequence"]): r["label"] for _l, r in read_csv(OBSTACLE_LABELS, ["sequence", "label"])}
        indicator_rows = osce.obstacles(ctx, labels) + funding_pages.indicators(ctx)
    with progress.step("Funding and counts quoted from web pages"):
        funding_rows = funding_pages.funding(ctx)
        statistic_rows = funding_pages.statistics(ctx)
    with progress.step("UNODC GLOTIP counts"):
        statistic_rows += glotip.run(ctx)
    with progress.step("US anti-trafficking grants"):
        grant_rows = us_grants_source.run(ctx)
    with progress.step("Natural Earth geometry and State Department regions"):
        geo = natural_earth.run(ctx)
        region_of = regions.run(ctx)
    ranked = {c["iso3"] for c in chosen}
    referenced = ranked | {r["iso3"] for rows in (indicator_rows, statistic_rows, funding_rows, grant_rows)
                           for r in rows if r.get("iso3")}
    place_rows = assemble_places(ctx, referenced, ranked, geo, osce_status, region_of)
    name_rows = [dict(name=n, iso3=i, origin="as published in a source") for n, i in sorted(ctx.resolver.seen.items())]
    tables = {
        sources.name: ctx.registry.rows(), places.name: place_rows, place_names.name: name_rows,
        report_editions.name: editions, tier_placements.name: chosen, tier_claims.name: kept,
        indicators.name: indicator_rows, statistics.name: statistic_rows, funding.name: funding_rows,
        us_grants.name: grant_rows,
    }
    # save
    out_dir.mkdir(parents=True, exist_ok=True)
    with progress.step(f"Writing {out_dir}"):
        for table in DATA_TABLES:
            write_csv(out_dir / file_name(table), table, tables[table.name])
        write_manifest(out_dir, tables[sources.name],
                       {name: _datasets_cited(rows, ctx.registry) for name, rows in tables.items()}, ctx.notes)
    for note in ctx.notes:
        progress.say(f"Note: {note}")
    return {name: len(rows) for name, rows in tables.items()}
