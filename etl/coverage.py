"""Coverage of the tier data per report year: places known per tier, places missing (against the
number the report ranked, where a source states it), and the sources behind the year."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, distinct, func, select

from etl.schema import report_editions, sources, tier_placements
from etl.tiers import FIRST_REPORT_YEAR, LAST_REPORT_YEAR, TIER_CODES, TIER_BY_CODE


@dataclass
class YearCoverage:
    report_year: int
    per_tier: dict[str, int] = field(default_factory=dict)
    places_stated: int | None = None
    datasets: list[str] = field(default_factory=list)
    documents: int = 0

    @property
    def known(self) -> int:
        return sum(self.per_tier.values())

    @property
    def missing(self) -> int | None:
        """Places the report covered that we have no placement for; negative when we know more places
        than the stated total (a source counting special cases differently), so nothing is hidden."""
        return None if self.places_stated is None else self.places_stated - self.known


def coverage(conn: Connection) -> list[YearCoverage]:
    years = {y: YearCoverage(y, {code: 0 for code in TIER_CODES}) for y in range(FIRST_REPORT_YEAR, LAST_REPORT_YEAR + 1)}
    counts = conn.execute(select(tier_placements.c.report_year, tier_placements.c.tier, func.count())
                          .group_by(tier_placements.c.report_year, tier_placements.c.tier))
    for year, tier, n in counts:
        years.setdefault(year, YearCoverage(year, {code: 0 for code in TIER_CODES})).per_tier[tier] = n
    for year, stated in conn.execute(select(report_editions.c.report_year, report_editions.c.places_stated)):
        if year in years:
            years[year].places_stated = stated
    # A placement's source is a dataset, or a document cited through one.
    dataset_of = func.coalesce(sources.c.via_source_id, sources.c.source_id)
    rows = conn.execute(
        select(tier_placements.c.report_year, dataset_of, sources.c.kind, func.count(distinct(sources.c.source_id)))
        .join(sources, sources.c.source_id == tier_placements.c.source_id)
        .group_by(tier_placements.c.report_year, dataset_of, sources.c.kind))
    for year, dataset, kind, n in rows:
        entry = years[year]
        if dataset not in entry.datasets:
            entry.datasets.append(dataset)
        if kind == "document":
            entry.documents += n
    return [years[y] for y in sorted(years)]


def format_table(rows: list[YearCoverage]) -> str:
    header = ["year", *(TIER_BY_CODE[c].label.replace("Tier 2 Watch List", "2WL").replace("Special Case", "SC")
                        for c in TIER_CODES), "known", "stated", "stated-known", "pages", "datasets"]
    lines = [header]
    for r in rows:
        lines.append([str(r.report_year), *(str(r.per_tier[c]) for c in TIER_CODES), str(r.known),
                      "?" if r.places_stated is None else str(r.places_stated),
                      "?" if r.missing is None else str(r.missing), str(r.documents), ", ".join(sorted(r.datasets))])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header) - 1)]
    return "\n".join("  ".join(cell.rjust(w) for cell, w in zip(line, widths)) + "  " + line[-1] for line in lines)
