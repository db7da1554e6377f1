"""create_app(): the Dash app, its Flask server, the query cache and the pages."""
from __future__ import annotations

import hashlib
from pathlib import Path

import dash
from dash import Dash, dcc, html
from sqlalchemy import select
from werkzeug.middleware.proxy_fix import ProxyFix

from dashboard import queries
from etl import settings
from etl.db import make_engine
from etl.schema import etl_runs
from etl.tiers import FIRST_REPORT_YEAR, LAST_REPORT_YEAR
from dashboard.regions import DEFAULT_REGION

HERE = Path(__file__).resolve().parent
TOPOJSON_URL = "/assets/topojson/"
INDEX = """<!DOCTYPE html>
<html lang="en">
<head>
{%metas%}<title>{%title%}</title>{%favicon%}
<link rel="preload" href="/_dash-component-suites/plotly/package_data/plotly.min.js" as="script">
{%css%}
</head>
<body>
{%app_entry%}
<footer>{%config%}{%scripts%}{%renderer%}</footer>
</body>
</html>"""
GRAPH_CONFIG = {"topojsonURL": TOPOJSON_URL, "displaylogo": False}


def cache_config(database_url: str, data_version: str = "") -> dict:
    """Redis when REDIS_URL is set (one cache for all workers), else in-process; keys are prefixed by
    the database and the load it holds, so results of other data are never served."""
    prefix = "tip-" + hashlib.sha1(f"{database_url} {data_version}".encode()).hexdigest()[:8] + "-"
    timeout = int(settings.get("CACHE_TIMEOUT"))
    if redis_url := settings.get("REDIS_URL"):
        return {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": redis_url, "CACHE_KEY_PREFIX": prefix,
                "CACHE_DEFAULT_TIMEOUT": timeout}
    return {"CACHE_TYPE": "SimpleCache", "CACHE_KEY_PREFIX": prefix, "CACHE_DEFAULT_TIMEOUT": timeout,
            "CACHE_THRESHOLD": 2000}


def data_version(engine) -> str:
    """Which load the database holds (the last good etl_runs row), for cache keys."""
    with engine.connect() as conn:
        row = conn.execute(select(etl_runs.c.id, etl_runs.c.finished_at).where(etl_runs.c.outcome == "ok")
                           .order_by(etl_runs.c.id.desc()).limit(1)).first()
    return f"{row.id}@{row.finished_at}" if row else "empty"


def shell() -> html.Div:
    return html.Div([
        html.A("Skip to content", href="#main", className="skip-link"),
        html.Header(className="site-header", children=[
            dcc.Link("TIP tiers", href="/", className="brand"),
            html.Nav([dcc.Link("Map", href="/"), dcc.Link("Countries", href="/country/KAZ"),
                      dcc.Link("Funding gaps", href="/funding")], **{"aria-label": "Main"}),
        ]),
        html.Main(dash.page_container, id="main", tabIndex="-1"),
        html.Footer(className="site-footer", children=[
            "Tier placements from the U.S. Department of State's Trafficking in Persons Reports 2001–2025, "
            "compiled with sources for every figure. No data is shown as no data, never as a tier.",
        ]),
    ])


def create_app(database_url: str | None = None) -> Dash:
    database_url = database_url or settings.get("DATABASE_URL")
    app = Dash(__name__, use_pages=True, pages_folder=str(HERE / "pages"), assets_folder=str(HERE / "assets"),
               title="TIP tier dashboard", update_title=None, suppress_callback_exceptions=False, compress=True,
               index_string=INDEX,
               meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"},
                          {"name": "description", "content": "US TIP Report tier placements 2001-2025 with sources."}])
    engine = make_engine(database_url)
    app.server.extensions["tip_engine"] = engine
    queries.cache.init_app(app.server, config=cache_config(database_url, data_version(engine)))
    if hops := int(settings.get("PROXY_HOPS")):
        app.server.wsgi_app = ProxyFix(app.server.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    app.layout = shell
    from dashboard.files import files, limiter
    app.server.register_blueprint(files)
    app.server.config["RATELIMIT_STORAGE_URI"] = settings.get("REDIS_URL") or "memory://"
    limiter.init_app(app.server)
    warm_cache(app)
    return app


def warm_cache(app: Dash) -> None:
    """Compute the world map's views for every report year now (about half a second), so that
    visitors' year changes are served from the cache."""
    from dashboard import map_panels, views
    with app.server.app_context():
        for year in range(FIRST_REPORT_YEAR, LAST_REPORT_YEAR + 1):
            views.map_view(year)
            map_panels.summary(year, DEFAULT_REGION)
