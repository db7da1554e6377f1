"""Browser tests: the real app on a real SQLite database, served in a thread, driven by Playwright
in Debian's headless Chromium (no browser download)."""
from __future__ import annotations

import shutil
import threading

import pytest
from werkzeug.serving import make_server

from dashboard.app import create_app
from etl.load import load
from tests.conftest import BUNDLED_DATA

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM,
            "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run"]}


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    database_url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'browser.sqlite3'}"
    load(database_url, BUNDLED_DATA)
    server = make_server("127.0.0.1", 0, create_app(database_url).server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def watched_page(page, app_url):
    """A page that records console errors and every request that leaves the app's origin."""
    page.errors, page.foreign = [], []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: r.url.startswith(app_url) or r.url.startswith("data:") or page.foreign.append(r.url))
    yield page
    assert page.errors == [], page.errors
    assert page.foreign == [], page.foreign
