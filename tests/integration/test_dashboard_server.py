"""The dashboard as deployed: first start loads the bundled data, the cache can live in Redis and be
shared by workers, and gunicorn serves several workers side by side."""
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest
import redis

from dashboard.__main__ import ensure_loaded
from dashboard.app import cache_config, create_app, data_version
from etl.db import make_engine
from etl.settings import REPO_ROOT

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def test_first_start_loads_the_bundled_data(sqlite_url):
    ensure_loaded(sqlite_url)
    app = create_app(sqlite_url)
    with app.server.app_context():
        from dashboard import queries
        assert len(queries.all_placements()) > 4000


def test_query_cache_lives_in_redis_when_configured(sqlite_url, monkeypatch):
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"Redis not reachable at {REDIS_URL}")
    ensure_loaded(sqlite_url)
    monkeypatch.setenv("REDIS_URL", REDIS_URL)
    engine = make_engine(sqlite_url)
    config = cache_config(sqlite_url, data_version(engine))
    engine.dispose()
    assert config["CACHE_TYPE"] == "RedisCache"
    prefix = config["CACHE_KEY_PREFIX"]
    create_app(sqlite_url)
    assert client.keys(f"{prefix}*"), "the cache warmed at start-up should be in Redis"
    client.delete(*client.keys(f"{prefix}*"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_gunicorn_serves_two_workers_side_by_side(sqlite_url):
    ensure_loaded(sqlite_url)
    port = free_port()
    env = {**os.environ, "DATABASE_URL": sqlite_url, "PORT": str(port)}
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}",
                               "dashboard.wsgi:server"], cwd=REPO_ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(300):
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/country/KAZ", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not start")
        assert b"TIP tier dashboard" in body
        pages = [urllib.request.urlopen(f"http://127.0.0.1:{port}/?year={2001 + i}", timeout=5).status for i in range(10)]
        assert pages == [200] * 10
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert err.count("Booting worker") == 2, err
