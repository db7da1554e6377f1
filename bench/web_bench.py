"""Web benchmark: starts the app on the bundled SQLite database and prints the server time of a
year change (p50/p95 over all 25 report years), the bytes sent per year change, the page weight,
and the time until the map is drawn in headless Chromium.

Targets: p95 year-change server time <= 30 ms; <= 50 KB per year change; map drawn <= 2 s on loopback.
Usage: .venv/bin/python -m bench.web_bench
"""
from __future__ import annotations

import gzip
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from etl.load import load
from etl.settings import REPO_ROOT
from etl.tiers import FIRST_REPORT_YEAR, LAST_REPORT_YEAR

RENDER_OUTPUTS = ["tier-map.figure", "map-summary.children", "map-caption.children", "map-share.children"]
SYNC_OUTPUTS = ["map-url.search", "year-slider.value", "region-select.value", "map-notice.children"]


def _outputs(specs: list[str]) -> tuple[str, list[dict]]:
    joined = ".." + "...".join(specs) + ".."
    return joined, [dict(zip(("id", "property"), s.rsplit(".", 1))) for s in specs]


def year_change(base: str, year: int, region: str = "world") -> tuple[float, int, int]:
    """POST the two callbacks a year change runs; (seconds, bytes of JSON, bytes sent) for both together."""
    seconds = size = packed = 0
    render_output, render_outputs = _outputs(RENDER_OUTPUTS)
    sync_output, sync_outputs = _outputs(SYNC_OUTPUTS)
    payloads = [
        dict(output=sync_output, outputs=sync_outputs, changedPropIds=["year-slider.value"], state=[], inputs=[
            dict(id="map-url", property="search", value=f"?year={year - 1}"),
            dict(id="year-slider", property="value", value=year), dict(id="region-select", property="value", value=region),
            dict(id="play-timer", property="n_intervals", value=None)]),
        dict(output=render_output, outputs=render_outputs, changedPropIds=["year-slider.value"], state=[], inputs=[
            dict(id="year-slider", property="value", value=year), dict(id="region-select", property="value", value=region)]),
    ]
    for payload in payloads:
        request = urllib.request.Request(f"{base}/_dash-update-component", data=json.dumps(payload).encode(),
                                         headers={"Content-Type": "application/json", "Accept-Encoding": "gzip"})
        start = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            sent = response.read()
            encoding = response.headers.get("Content-Encoding")
        seconds += time.perf_counter() - start
        packed += len(sent)
        size += len(gzip.decompress(sent) if encoding == "gzip" else sent)
    return seconds, size, packed


def browser_figures(base: str) -> tuple[float, int]:
    """Seconds until the map is drawn, and bytes of every response of the page load."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        sizes: list[int] = []
        start = time.perf_counter()
        page.goto(f"{base}/?year=2020")
        page.locator("#tier-map .choroplethlocation").first.wait_for(state="attached", timeout=30_000)
        drawn = time.perf_counter() - start
        page.wait_for_load_state("networkidle")
        # Bytes on the wire for a fresh load (compressed where the server compresses).
        sizes = page.evaluate("performance.getEntriesByType('resource').map(e => e.transferSize)"
                              ".concat(performance.getEntriesByType('navigation').map(e => e.transferSize))")
        browser.close()
    return drawn, sum(sizes)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(database_url: str, port: int) -> subprocess.Popen:
    """The app as production runs it: gunicorn, one worker, in its own process."""
    env = {**os.environ, "DATABASE_URL": database_url}
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--workers", "1", "--threads", "4", "--bind",
                               f"127.0.0.1:{port}", "--log-level", "warning", "dashboard.wsgi:server"],
                              cwd=REPO_ROOT, env=env)
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("the dashboard did not start")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'web.sqlite3'}"
        load(url, REPO_ROOT / "data")
        port = free_port()
        server = start_server(url, port)
        try:
            report(f"http://127.0.0.1:{port}")
        finally:
            server.terminate()
            server.wait()


def report(base: str) -> None:
    # The app warms the world view of every year at start-up; the OSCE region is left cold, so its
    # first pass shows the cost of computing a view, and its second the cached cost.
    for label, region in (("world, warmed at start-up", "world"), ("OSCE, first visit: computed", "osce"),
                          ("OSCE, second visit: cached", "osce")):
        runs = [year_change(base, y, region) for y in range(FIRST_REPORT_YEAR, LAST_REPORT_YEAR + 1)]
        times = sorted(r[0] * 1000 for r in runs)
        p50, p95 = statistics.median(times), times[int(round(0.95 * (len(times) - 1)))]
        print(f"year change, server time over {len(runs)} years ({label}): p50 {p50:.1f} ms, p95 {p95:.1f} ms "
              "(target p95 <= 30 ms)")
        if region == "world":
            sizes, packed = [r[1] for r in runs], [r[2] for r in runs]
    print(f"bytes sent per year change (gzip): median {statistics.median(packed) / 1024:.1f} KB, max "
          f"{max(packed) / 1024:.1f} KB (target <= 50 KB); JSON before compression: median "
          f"{statistics.median(sizes) / 1024:.1f} KB")
    drawn, weight = browser_figures(base)
    print(f"page weight (bytes transferred, first visit): {weight / 1024 / 1024:.2f} MB")
    print(f"map drawn in headless Chromium: {drawn:.2f} s (target <= 2 s)")


if __name__ == "__main__":
    main()
