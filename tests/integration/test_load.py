"""Loading the bundled data into a fresh SQLite file and a fresh PostgreSQL database: counts,
the published tier_placements view of the data, idempotence, run records and migrations."""
import json

from sqlalchemy import func, inspect, select, text

from etl.db import make_engine
from etl.load import load
from etl.schema import DATA_TABLES, etl_runs, tier_placements
from etl.tiers import TIER_CODES
from tests.conftest import BUNDLED_DATA


def table_counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    with engine.connect() as conn:
        counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in DATA_TABLES}
    engine.dispose()
    return counts


def manifest_rows() -> dict[str, int]:
    manifest = json.loads((BUNDLED_DATA / "manifest.json").read_text(encoding="utf-8"))
    return {entry["file"].removesuffix(".csv"): entry["rows"] for entry in manifest["files"]}


def test_bundled_load_matches_manifest(database_url):
    result = load(database_url, BUNDLED_DATA)
    assert result.outcome == "ok"
    assert table_counts(database_url) == manifest_rows() == result.row_counts


def test_published_tier_placements_columns(database_url):
    load(database_url, BUNDLED_DATA)
    engine = make_engine(database_url)
    with engine.connect() as conn:
        columns = [c["name"] for c in inspect(conn).get_columns("tier_placements")]
        assert columns[:3] == ["iso3", "report_year", "tier"]
        rows = conn.execute(text("SELECT iso3, report_year, tier FROM tier_placements "
                                 "WHERE iso3 = 'KAZ' AND report_year IN (2004, 2020, 2023) ORDER BY report_year")).all()
        assert [tuple(r) for r in rows] == [("KAZ", 2004, "2WL"), ("KAZ", 2020, "2WL"), ("KAZ", 2023, "2")]
        tiers = {r[0] for r in conn.execute(select(tier_placements.c.tier).distinct())}
        assert tiers <= set(TIER_CODES)
    engine.dispose()


def test_loading_twice_changes_nothing(database_url):
    first = load(database_url, BUNDLED_DATA)
    before = table_counts(database_url)
    second = load(database_url, BUNDLED_DATA)
    assert (first.outcome, second.outcome) == ("ok", "unchanged")
    assert table_counts(database_url) == before
    forced = load(database_url, BUNDLED_DATA, force=True)
    assert forced.outcome == "ok" and table_counts(database_url) == before
    engine = make_engine(database_url)
    with engine.connect() as conn:
        runs = conn.execute(select(etl_runs.c.outcome, etl_runs.c.inputs, etl_runs.c.row_counts)).all()
    engine.dispose()
    assert [r.outcome for r in runs] == ["ok", "ok"]
    inputs = json.loads(runs[0].inputs)
    assert set(inputs) == {f"{t.name}.csv" for t in DATA_TABLES} and all(len(v) == 64 for v in inputs.values())
    assert json.loads(runs[0].row_counts) == manifest_rows()


def test_schema_is_managed_by_alembic(database_url):
    load(database_url, BUNDLED_DATA)
    engine = make_engine(database_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0001"
    engine.dispose()


def test_database_constraints_reject_bad_rows(database_url):
    """The database itself checks tier values and references, not only the loader."""
    load(database_url, BUNDLED_DATA)
    engine = make_engine(database_url)
    bad_rows = [
        "INSERT INTO tier_placements (iso3, report_year, tier, method, source_id) VALUES ('KAZ', 2030, 'Tier 9', 'panel', 'kelley-cho-panel')",
        "INSERT INTO tier_placements (iso3, report_year, tier, method, source_id) VALUES ('ZZZ', 2030, '1', 'panel', 'kelley-cho-panel')",
        "INSERT INTO tier_placements (iso3, report_year, tier, method, source_id) VALUES ('KAZ', 2004, '1', 'panel', 'kelley-cho-panel')",
    ]
    for statement in bad_rows:
        with engine.connect() as conn:
            try:
                conn.execute(text(statement))
                raised = False
            except Exception:
                raised = True
            conn.rollback()
        assert raised, statement
    engine.dispose()
