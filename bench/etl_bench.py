"""ETL benchmark: prints the bundled load's time and rows/s into SQLite and PostgreSQL, and a
scale run loading 1,000,000 synthetic statistics rows into PostgreSQL (COPY).

Targets: bundled load under 3 s on SQLite; at least 100,000 rows/s on the 1M-row PostgreSQL run.
Usage: .venv/bin/python -m bench.etl_bench [--rows N] [--postgres-admin URL]
"""
from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy import func, select

from etl.db import make_engine
from etl.load import bulk_insert, load
from etl.schema import places, statistics
from etl.settings import REPO_ROOT

BUNDLED = REPO_ROOT / "data"


@contextmanager
def scratch_postgres(admin_url: str):
    name = f"tip_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield admin_url.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + f"/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def timed_load(url: str) -> tuple[float, int]:
    start = time.perf_counter()
    result = load(url, BUNDLED)
    return time.perf_counter() - start, sum(result.row_counts.values())


def synthetic_rows(codes: list[str], n: int):
    for i in range(n):
        yield dict(iso3=codes[i % len(codes)], area=None, metric=f"synthetic_{i % 7}", breakdown="total",
                   year=1990 + i % 35, period=None, report_year=None, value=float(i % 9973),
                   value_as_published=str(i % 9973), suppressed=False, quote=None, source_id="unodc-glotip", note=None)


def scale_run(url: str, n: int) -> tuple[float, int]:
    load(url, BUNDLED)
    engine = make_engine(url)
    with engine.begin() as conn:
        codes = [r[0] for r in conn.execute(select(places.c.iso3))]
    start = time.perf_counter()
    with engine.begin() as conn:
        bulk_insert(conn, statistics, synthetic_rows(codes, n))
    elapsed = time.perf_counter() - start
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(statistics)).scalar_one()
    engine.dispose()
    return elapsed, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="synthetic rows for the scale run")
    parser.add_argument("--postgres-admin", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        seconds, rows = timed_load(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
    print(f"bundled load, SQLite:      {seconds:6.2f} s  {rows:>9,} rows  {rows / seconds:>10,.0f} rows/s  (target < 3 s)")
    with scratch_postgres(args.postgres_admin) as url:
        seconds, rows = timed_load(url)
    print(f"bundled load, PostgreSQL:  {seconds:6.2f} s  {rows:>9,} rows  {rows / seconds:>10,.0f} rows/s")
    with scratch_postgres(args.postgres_admin) as url:
        seconds, total = scale_run(url, args.rows)
    print(f"scale run, PostgreSQL COPY: {seconds:5.2f} s  {args.rows:>9,} rows  {args.rows / seconds:>10,.0f} rows/s  "
          f"(target >= 100,000 rows/s; table now {total:,} rows)")


if __name__ == "__main__":
    main()
