"""Export benchmark: time per file format for the first request (cold: the worker's browser starts),
a warm request (browser running, file not cached) and a cached request.

Targets: warm PNG of the world map <= 500 ms; a cached file <= 20 ms.
Usage: .venv/bin/python -m bench.export_bench
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from dashboard.app import create_app
from etl.load import load
from etl.settings import REPO_ROOT

FILES = ["png", "svg", "pdf", "csv", "xlsx", "json"]


def timed(client, path: str) -> float:
    start = time.perf_counter()
    response = client.get(path)
    elapsed = time.perf_counter() - start
    assert response.status_code == 200, (path, response.status_code, response.data[:200])
    return elapsed * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'export.sqlite3'}"
        load(url, REPO_ROOT / "data")
        client = create_app(url).server.test_client()
        print("format  first (cold)   warm     cached   (world map; ms)")
        for i, fmt in enumerate(FILES):
            first = timed(client, f"/map.{fmt}?year=2012")
            warm = timed(client, f"/map.{fmt}?year=2013")
            cached = timed(client, f"/map.{fmt}?year=2013")
            print(f"{fmt:6}  {first:9.0f}  {warm:9.0f}  {cached:7.1f}")
        print(f"country history PNG, warm: {timed(client, '/country/KAZ.png?compare=UZB'):.0f} ms; "
              f"data package zip, first: {timed(client, '/data/package.zip'):.0f} ms, "
              f"cached: {timed(client, '/data/package.zip'):.1f} ms")
        print("targets: warm PNG of the world map <= 500 ms; cached file <= 20 ms")


if __name__ == "__main__":
    main()
