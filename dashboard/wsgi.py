"""WSGI entry point for gunicorn (see Procfile): `gunicorn dashboard.wsgi:server`.

Each worker builds its own app; state lives in the database and the (optionally shared) cache."""
from dashboard.__main__ import ensure_loaded
from dashboard.app import create_app
from etl import settings

ensure_loaded(settings.get("DATABASE_URL"))
app = create_app()
server = app.server
