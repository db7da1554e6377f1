"""Readers during a load see the old data or the new, never a mix."""
import shutil
import threading

from sqlalchemy import text

from etl.build import refresh_manifest
from etl.db import make_engine
from etl.load import load
from tests.conftest import BUNDLED_DATA
from tests.integration.test_bad_input import rewrite


def test_readers_never_see_a_half_loaded_database(database_url, tmp_path):
    smaller = tmp_path / "smaller"
    shutil.copytree(BUNDLED_DATA, smaller)
    rewrite(smaller / "statistics.csv", lambda rows: rows.__delitem__(slice(1001, None)))
    rewrite(smaller / "us_grants.csv", lambda rows: rows.__delitem__(slice(101, None)))
    refresh_manifest(smaller)
    load(database_url, smaller)

    engine = make_engine(database_url)
    query = text("SELECT (SELECT count(*) FROM statistics), (SELECT count(*) FROM us_grants), "
                 "(SELECT count(*) FROM tier_placements)")
    with engine.connect() as conn:
        old = tuple(conn.execute(query).one())
    seen = set()
    loader = threading.Thread(target=load, args=(database_url, BUNDLED_DATA))
    loader.start()
    while loader.is_alive():
        with engine.connect() as conn:
            seen.add(tuple(conn.execute(query).one()))
    loader.join()
    with engine.connect() as conn:
        new = tuple(conn.execute(query).one())
    engine.dispose()
    assert old != new
    assert seen <= {old, new}, seen
