"""The only module that talks to the database. Results are cached with Flask-Caching (in-process,
or Redis when REDIS_URL is set so that every worker shares one cache); callers get pandas frames."""
from __future__ import annotations

import pandas as pd
from flask import current_app
from flask_caching import Cache
from sqlalchemy import Engine, Integer, select

from etl.schema import funding, indicators, metadata, places, sources, statistics, tier_placements

cache = Cache()
INTEGER_COLUMNS = {c.name for t in metadata.tables.values() for c in t.columns if isinstance(c.type, Integer)}


def engine() -> Engine:
    return current_app.extensions["tip_engine"]


def _frame(query) -> pd.DataFrame:
    """Rows as a frame with honest missing values: text columns hold None (not NaN, which is truthy),
    whole-number columns are nullable integers (2015, not 2015.0)."""
    with engine().connect() as conn:
        result = conn.execute(query)
        frame = pd.DataFrame(result.fetchall(), columns=list(result.keys()))
    for column in frame.columns:
        if column in INTEGER_COLUMNS and frame[column].dtype.kind in "fi":
            frame[column] = frame[column].astype("Int64")
        elif frame[column].dtype.kind in "OSU" or str(frame[column].dtype) in ("str", "string"):
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


@cache.memoize()
def all_places() -> pd.DataFrame:
    """Every place with its groupings and map attributes, indexed by iso3."""
    return _frame(select(places).order_by(places.c.name)).set_index("iso3", drop=False)


@cache.memoize()
def all_placements() -> pd.DataFrame:
    """Every tier placement (iso3, report_year, tier, method, source_id)."""
    cols = tier_placements.c
    return _frame(select(cols.iso3, cols.report_year, cols.tier, cols.method, cols.source_id, cols.note))


@cache.memoize()
def place_placements(iso3: str) -> pd.DataFrame:
    return _frame(select(tier_placements).where(tier_placements.c.iso3 == iso3).order_by(tier_placements.c.report_year))


@cache.memoize()
def place_indicators(iso3: str) -> pd.DataFrame:
    return _frame(select(indicators).where(indicators.c.iso3 == iso3)
                  .order_by(indicators.c.indicator, indicators.c.sequence, indicators.c.period))


@cache.memoize()
def place_statistics(iso3: str) -> pd.DataFrame:
    return _frame(select(statistics).where(statistics.c.iso3 == iso3)
                  .order_by(statistics.c.metric, statistics.c.year, statistics.c.breakdown))


@cache.memoize()
def place_funding(iso3: str) -> pd.DataFrame:
    return _frame(select(funding).where(funding.c.iso3 == iso3).order_by(funding.c.report_year, funding.c.period))


@cache.memoize()
def source_records(source_ids: tuple[str, ...]) -> pd.DataFrame:
    """The cited sources, with the dataset each page came through, indexed by source_id."""
    return _frame(select(sources).where(sources.c.source_id.in_(source_ids))).set_index("source_id", drop=False)


@cache.memoize()
def table_frame(name: str) -> pd.DataFrame:
    """A whole data table (for the Data Package download)."""
    return _frame(select(metadata.tables[name]))


@cache.memoize()
def all_funding() -> pd.DataFrame:
    return _frame(select(funding).order_by(funding.c.iso3, funding.c.report_year, funding.c.id))


@cache.memoize()
def victim_statistics(metrics: tuple[str, ...]) -> pd.DataFrame:
    return _frame(select(statistics).where(statistics.c.metric.in_(metrics)))
