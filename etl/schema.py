"""The one definition of the database tables.

The canonical CSV files in data/ have exactly the columns of these tables (less surrogate ids),
so the file validator (etl.validate) derives its rules from here too: types, required columns,
keys, references and the allowed values declared in `info`.
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

from etl.tiers import FIRST_REPORT_YEAR, TIER_CODES

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

YEAR_RANGE = {"min": FIRST_REPORT_YEAR, "max": 2100}
STATE_DEPT_REGIONS = ("AF", "EAP", "EUR", "NEA", "SCA", "WHA")
OSCE_STATUSES = ("participating_state", "partner")
# Scopes that are not places: facts about the OSCE as a whole or a region of donors' grants.
AREAS = (
    "OSCE",
    "CENTRAL_ASIA",
    "GLOBAL",
    "AF",
    "EAP",
    "EUR",
    "NEA",
    "SCA",
    "WHA",
    "YUGOSLAVIA",
)

_tier_list = ", ".join(f"'{c}'" for c in TIER_CODES)


def _iso3(nullable: bool = False) -> Column:
    return Column("iso3", String(3), ForeignKey("places.iso3"), nullable=nullable)


def _source() -> Column:
    return Column("source_id", String(40), ForeignKey("sources.source_id"), nullable=False)


def _area() -> Column:
    return Column("area", String(20), nullable=True, info={"choices": AREAS})


sources = Table(
    "sources",
    metadata,
    Column("source_id", String(40), primary_key=True),
    Column("kind", String(10), nullable=False, info={"choices": ("dataset", "document")}),
    Column("publisher", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("year", Integer, info={"min": 1990, "max": 2100}),
    Column("url", Text),
    Column("licence", Text),
    Column("accessed", String(10)),
    Column("via_source_id", String(40), ForeignKey("sources.source_id")),
    Column("note", Text),
    comment="Every publication, page or dataset that a stored fact cites.",
)

places = Table(
    "places",
    metadata,
    Column("iso3", String(3), primary_key=True),
    Column("name", Text, nullable=False),
    Column("tip_ranked", Boolean, nullable=False),
    Column("osce_status", String(20), info={"choices": OSCE_STATUSES}),
    Column("state_dept_region", String(3), info={"choices": STATE_DEPT_REGIONS}),
    Column("un_region", Text),
    Column("un_subregion", Text),
    Column("map_id", String(3), comment="Id of the place in the map geometry (ISO-3 in Plotly's topojson)."),
    Column("rep_lon", Float, info={"min": -180, "max": 180}),
    Column("rep_lat", Float, info={"min": -90, "max": 90}),
    Column("area_km2", Float, info={"min": 0}),
    Column("geometry_source_id", String(40), ForeignKey("sources.source_id")),
    Column("region_source_id", String(40), ForeignKey("sources.source_id")),
    comment="Countries and territories: codes, groupings and what joins them to the map.",
)

place_names = Table(
    "place_names",
    metadata,
    Column("name", Text, primary_key=True),
    Column("iso3", String(3), ForeignKey("places.iso3"), nullable=False),
    Column("origin", Text, nullable=False),
    comment="Spellings seen in sources (as published) and common variants, each resolving to one place.",
)

report_editions = Table(
    "report_editions",
    metadata,
    Column("report_year", Integer, primary_key=True, autoincrement=False, info=YEAR_RANGE),
    Column("places_stated", Integer, info={"min": 1, "max": 300}),
    Column("source_id", String(40), ForeignKey("sources.source_id")),
    Column("note", Text),
    comment="Each TIP report edition, with the number of places it ranked where a source states it.",
)

tier_placements = Table(
    "tier_placements",
    metadata,
    _iso3(),
    Column("report_year", Integer, nullable=False, info=YEAR_RANGE),
    Column("tier", String(12), nullable=False, info={"choices": TIER_CODES}),
    Column("method", String(20), nullable=False, info={"choices": ("published", "panel", "by_elimination")}),
    _source(),
    Column("name_as_published", Text),
    Column("quote", Text),
    Column("note", Text),
    CheckConstraint(f"tier IN ({_tier_list})", name="tier"),
    CheckConstraint(f"report_year >= {FIRST_REPORT_YEAR}", name="report_year"),
    Index("ix_tier_placements_year_tier", "report_year", "tier"),
    PrimaryKeyConstraint("iso3", "report_year"),
    comment="The placement of each place in each TIP report year: the best-sourced claim. "
    "A place-year with no row has no data.",
)

tier_claims = Table(
    "tier_claims",
    metadata,
    _iso3(),
    Column("report_year", Integer, nullable=False, info=YEAR_RANGE),
    Column("tier", String(12), nullable=False, info={"choices": TIER_CODES}),
    _source(),
    Column("method", String(20), nullable=False, info={"choices": ("published", "panel", "by_elimination")}),
    Column("quote", Text),
    Column("agrees", Boolean, nullable=False, comment="Does this claim agree with tier_placements?"),
    CheckConstraint(f"tier IN ({_tier_list})", name="tier"),
    PrimaryKeyConstraint("iso3", "report_year", "source_id"),
    comment="What every source says about a place-year, so disagreements stay on record.",
)

indicators = Table(
    "indicators",
    metadata,
    Column("id", Integer, primary_key=True, info={"generated": True}),
    _iso3(nullable=True),
    _area(),
    Column("indicator", Text, nullable=False),
    Column("sequence", Integer, comment="Order within a numbered list, e.g. obstacle 1..10."),
    Column("value", Text, nullable=False),
    Column("period", Text),
    Column("report_year", Integer, info=YEAR_RANGE),
    Column("quote", Text),
    _source(),
    Column("note", Text),
    CheckConstraint("iso3 IS NOT NULL OR area IS NOT NULL", name="scope"),
    Index("ix_indicators_iso3", "iso3"),
    comment="Qualitative indicators (OSCE report obstacles, referral mechanism, action plan ...).",
)

statistics = Table(
    "statistics",
    metadata,
    Column("id", Integer, primary_key=True, info={"generated": True}),
    _iso3(nullable=True),
    _area(),
    Column("metric", Text, nullable=False),
    Column("breakdown", Text, nullable=False, comment="'total' or e.g. 'sex=Female;age=0 to 17 years'."),
    Column("year", Integer, info={"min": 1990, "max": 2100}, comment="Year the figure describes, when one year."),
    Column("period", Text, comment="Period as the source describes it."),
    Column("report_year", Integer, info=YEAR_RANGE, comment="TIP report that published it, if any."),
    Column("value", Float, comment="The number; empty when the source did not print a plain number."),
    Column("value_as_published", Text, nullable=False),
    Column("suppressed", Boolean, nullable=False, comment="Small count withheld by the source (e.g. '<5')."),
    Column("quote", Text),
    _source(),
    Column("note", Text),
    CheckConstraint("iso3 IS NOT NULL OR area IS NOT NULL", name="scope"),
    CheckConstraint("NOT (suppressed AND value IS NOT NULL)", name="suppressed_has_no_value"),
    Index("ix_statistics_iso3_metric_year", "iso3", "metric", "year"),
    comment="Counts: victims identified, investigations, prosecutions, convictions (TIP narratives, UNODC).",
)

funding = Table(
    "funding",
    metadata,
    Column("id", Integer, primary_key=True, info={"generated": True}),
    _iso3(nullable=True),
    _area(),
    Column("report_year", Integer, info=YEAR_RANGE),
    Column("period", Text),
    Column("funder", Text, nullable=False),
    Column("recipient", Text),
    Column("purpose", Text),
    Column("amount_local", Float, info={"min": 0}),
    Column("currency", Text),
    Column("amount_usd_as_published", Float, info={"min": 0}),
    Column("quote", Text, nullable=False),
    _source(),
    Column("note", Text),
    CheckConstraint("iso3 IS NOT NULL OR area IS NOT NULL", name="scope"),
    Index("ix_funding_iso3", "iso3"),
    comment="Shelter and victim-assistance funding as published; USD only where the source printed it.",
)

us_grants = Table(
    "us_grants",
    metadata,
    Column("id", Integer, primary_key=True, info={"generated": True}),
    _iso3(nullable=True),
    _area(),
    Column("fiscal_year", Integer, nullable=False, info={"min": 2000, "max": 2100}),
    Column("recipient", Text),
    Column("subgrantee", Text),
    Column("recipient_type", Text),
    Column("prevention", Boolean, nullable=False),
    Column("protection", Boolean, nullable=False),
    Column("prosecution", Boolean, nullable=False),
    Column("research", Boolean, nullable=False),
    Column("amount_usd", Float, info={"min": 0}, comment="Empty where the source list said 'Not Listed'."),
    _source(),
    CheckConstraint("iso3 IS NOT NULL OR area IS NOT NULL", name="scope"),
    Index("ix_us_grants_iso3", "iso3"),
    comment="US Government anti-trafficking grants FY2001-2014 (Kelley's coding).",
)

etl_runs = Table(
    "etl_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("data_dir", Text, nullable=False),
    Column("inputs", Text, nullable=False, comment="JSON: file name -> sha256."),
    Column("row_counts", Text, comment="JSON: table -> rows loaded."),
    Column("outcome", String(10), nullable=False, info={"choices": ("ok", "failed", "unchanged")}),
    Column("message", Text),
    comment="Every load: when, from which files, how many rows, and how it ended.",
)

# Tables filled from data/<name>.csv, in an order that satisfies the foreign keys.
DATA_TABLES: tuple[Table, ...] = (
    sources,
    places,
    place_names,
    report_editions,
    tier_placements,
    tier_claims,
    indicators,
    statistics,
    funding,
    us_grants,
)


def file_columns(table: Table) -> list[Column]:
    """The columns a canonical CSV file of this table carries (generated ids are left out)."""
    return [c for c in table.columns if not c.info.get("generated")]
