"""All-or-nothing load of the canonical files into the database.

Validation happens first and writes nothing. The data tables are then replaced inside one
transaction, so a failure leaves exactly the previous data, and readers see the old data or the
new, never a mix (SQLite: WAL readers keep their snapshot; PostgreSQL: the loader locks the data
tables, so readers wait for the commit). Loading the files that the last good load loaded again
changes nothing.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

import psycopg
from sqlalchemy import Connection, Engine, ForeignKeyConstraint, Table, desc, insert, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.schema import AddConstraint, DropConstraint

from etl.db import make_engine, migrate
from etl.progress import Progress
from etl.schema import DATA_TABLES, etl_runs, file_columns
from etl.validate import file_name, sha256, validate


LOCK_TIMEOUT = "500ms"  # below PostgreSQL's deadlock_timeout (1 s): the loader backs off first
LOCK_ATTEMPTS = 8
LOCK_ERRORS = (psycopg.errors.LockNotAvailable, psycopg.errors.DeadlockDetected)


@dataclass
class LoadResult:
    outcome: str  # "ok" or "unchanged"
    row_counts: dict[str, int]
    run_id: int | None


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def input_checksums(data_dir: Path) -> dict[str, str]:
    return {file_name(t): sha256(data_dir / file_name(t)) for t in DATA_TABLES}


def bulk_insert(conn: Connection, table: Table, rows: Iterable[dict[str, Any]]) -> None:
    """Insert many rows fast: COPY on PostgreSQL, one executemany elsewhere.

    On PostgreSQL the table's foreign keys are dropped for the COPY and added back after it, inside
    the caller's transaction: one set-based check of all rows instead of a trigger per row (three
    times faster at a million rows). A broken reference still fails the whole load.
    """
    columns = [c.name for c in file_columns(table)]
    if conn.dialect.name == "postgresql":
        foreign_keys = [c for c in table.constraints if isinstance(c, ForeignKeyConstraint)]
        for constraint in foreign_keys:
            conn.execute(DropConstraint(constraint))
        raw = conn.connection.driver_connection
        with raw.cursor() as cur, cur.copy(f'COPY "{table.name}" ({", ".join(columns)}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(tuple(row.get(c) for c in columns))
        for constraint in foreign_keys:
            conn.execute(AddConstraint(constraint))
        return
    rows = list(rows)
    if rows:
        conn.execute(insert(table), [{c: r.get(c) for c in columns} for r in rows])


def last_good_inputs(conn: Connection) -> dict[str, str] | None:
    row = conn.execute(
        select(etl_runs.c.inputs).where(etl_runs.c.outcome == "ok").order_by(desc(etl_runs.c.id)).limit(1)
    ).first()
    return json.loads(row.inputs) if row else None


def parents_first(table: Table, rows: list[dict]) -> list[dict]:
    """Order rows so that a row referencing another row of the same table comes after it
    (sources cite the dataset they came through)."""
    self_refs = [fk for fk in table.foreign_keys if fk.column.table is table]
    if not self_refs:
        return rows
    key, parent = self_refs[0].column.name, self_refs[0].parent.name
    placed: set = set()
    ordered: list[dict] = []
    pending = rows
    while pending:
        ready = [r for r in pending if r.get(parent) is None or r[parent] in placed]
        if not ready:  # a cycle or a dangling reference: let the database report it
            return ordered + pending
        ordered += ready
        placed.update(r[key] for r in ready)
        emitted = {id(r) for r in ready}
        pending = [r for r in pending if id(r) not in emitted]
    return ordered


def replace_data(conn: Connection, tables: dict[str, list[dict]], progress: Progress) -> dict[str, int]:
    """Delete every data table's rows and insert the new ones, within the caller's transaction."""
    for table in reversed(DATA_TABLES):
        conn.execute(table.delete())
    counts = {}
    for table in DATA_TABLES:
        rows = tables[table.name]
        with progress.step(f"  {table.name}: {len(rows):,} rows"):
            bulk_insert(conn, table, parents_first(table, rows))
        counts[table.name] = len(rows)
    return counts


def lock_data_tables(conn: Connection) -> None:
    """PostgreSQL: take every data table before writing, so that readers wait for the new data
    rather than meet a table being rebuilt. Give up quickly if readers hold them (lock_timeout) and
    let the caller retry, so a reader is never the one a deadlock aborts."""
    if conn.dialect.name != "postgresql":
        return  # SQLite: one writer, and WAL readers keep their snapshot
    conn.execute(text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'"))
    names = ", ".join(f'"{t.name}"' for t in (*DATA_TABLES, etl_runs))
    conn.execute(text(f"LOCK TABLE {names} IN ACCESS EXCLUSIVE MODE"))


def _record_failure(engine: Engine, started: str, data_dir: Path, inputs: dict, message: str) -> None:
    """Note a failed load in etl_runs, in its own transaction (the data tables are untouched)."""
    try:
        with engine.begin() as conn:
            conn.execute(insert(etl_runs).values(
                started_at=started, finished_at=now(), data_dir=str(data_dir),
                inputs=json.dumps(inputs, sort_keys=True), outcome="failed", message=message[:4000]))
    except Exception:  # the database itself may be what failed: the caller reports that cause
        pass


def load(database_url: str, data_dir: Path, *, force: bool = False, progress: Progress | None = None) -> LoadResult:
    """Validate data_dir and load it into the database at database_url (see module docstring)."""
    progress = progress or Progress(quiet=True)
    started = now()
    with progress.step(f"Checking {data_dir}"):
        tables = validate(data_dir)
    inputs = input_checksums(data_dir)
    engine = make_engine(database_url)
    try:
        with progress.step("Migrating the schema"):
            migrate(engine)
        for attempt in range(LOCK_ATTEMPTS):
            try:
                with engine.begin() as conn:
                    lock_data_tables(conn)
                    if not force and last_good_inputs(conn) == inputs:
                        progress.say("The database already holds exactly these files: nothing to do "
                                     "(use --force to reload).")
                        return LoadResult("unchanged", {}, None)
                    progress.say("Loading (one transaction):")
                    counts = replace_data(conn, tables, progress)
                    run_id = conn.execute(insert(etl_runs).values(
                        started_at=started, finished_at=now(), data_dir=str(data_dir),
                        inputs=json.dumps(inputs, sort_keys=True), row_counts=json.dumps(counts, sort_keys=True),
                        outcome="ok")).inserted_primary_key[0]
                return LoadResult("ok", counts, run_id)
            except OperationalError as err:
                if not isinstance(err.orig, LOCK_ERRORS) or attempt == LOCK_ATTEMPTS - 1:
                    raise
                progress.say(f"Readers are busy; trying again ({attempt + 1}/{LOCK_ATTEMPTS - 1}).")
                time.sleep(0.1 * 2 ** attempt)
    except Exception as err:
        _record_failure(engine, started, data_dir, inputs, f"{type(err).__name__}: {err}")
        raise
    finally:
        engine.dispose()
