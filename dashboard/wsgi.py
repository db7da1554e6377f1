"""WSGI entry point for gunicorn (see Procfile): `gunicorn dashboard.wsgi:server`.

The data is loaded before the workers start (the Procfile's release step, `python -m etl load`), so
workers never race to load it. Each worker builds its own app; state lives in the database and the
(optionally shared) cache."""
from dashboard.app import create_app

app = create_app()
server = app.server
