"""Settings declared as data: one place for every environment variable of the ETL and the
dashboard, its default and its meaning.

The README's configuration table is checked against this list by a test, so a setting cannot be
added without being documented.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    env: str
    default: str
    help: str

    def value(self) -> str:
        return os.environ.get(self.env) or self.default


SETTINGS: dict[str, Setting] = {
    s.env: s
    for s in [
        Setting(
            "DATABASE_URL",
            f"sqlite:///{REPO_ROOT / 'instance' / 'tip.sqlite3'}",
            "SQLAlchemy URL of the database; PostgreSQL as postgresql+psycopg://user@host:5432/db.",
        ),
        Setting("TIP_DATA_DIR", str(REPO_ROOT / "data"), "Folder of the canonical bundled CSV files."),
        Setting("HOST", "127.0.0.1", "Address the dashboard listens on (`python -m dashboard`)."),
        Setting("PORT", "8050", "Port the dashboard listens on."),
        Setting("REDIS_URL", "", "Redis URL for the shared query cache (e.g. redis://127.0.0.1:6379/0); empty: in-process cache."),
        Setting("CACHE_TIMEOUT", "3600", "Seconds a cached query result or generated file is kept."),
        Setting("PUBLIC_URL", "", "The site's public address for links written into files, embeds and citations "
                "(e.g. https://tip.example.org); empty: the address of each request."),
        Setting("PROXY_HOPS", "0", "Number of reverse proxies in front of the app whose X-Forwarded-* headers to trust."),
        Setting("IMAGE_RATE_LIMIT", "30 per minute", "Image renders allowed per client (cached files are free)."),
        Setting(
            "TIP_RAW_DIR",
            str(REPO_ROOT.parent / "shared" / "datasets"),
            "Folder of the raw public datasets that `python -m etl build-data` reads.",
        ),
    ]
}


def get(env: str) -> str:
    """The value of a declared setting: the environment variable if set and non-empty, else the default."""
    return SETTINGS[env].value()
