"""Shared fixtures: the bundled data, throw-away copies of it, a fresh SQLite file and a fresh
PostgreSQL database of our own on 127.0.0.1:5432 (created and dropped per test)."""
from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import psycopg
import pytest

from etl.settings import REPO_ROOT, SETTINGS

BUNDLED_DATA = REPO_ROOT / "data"
RAW_DIR = Path(SETTINGS["TIP_RAW_DIR"].default)
PG_ADMIN = os.environ.get("TEST_POSTGRES_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled data folder."""
    target = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA, target)
    return target


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def postgres_url():
    """A new, empty PostgreSQL database; dropped afterwards. Unreachable server: skip locally, fail in CI."""
    name = f"tip_test_{uuid.uuid4().hex[:10]}"
    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as err:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN}: {err}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + f"/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request) -> str:
    """Each test using this runs twice: on a fresh SQLite file and on a fresh PostgreSQL database."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")


def requires_raw():
    return pytest.mark.skipif(not RAW_DIR.is_dir(), reason=f"raw public datasets not present at {RAW_DIR}")
