"""Alembic environment: runs migrations on the engine handed over by etl.db.migrate."""
from alembic import context

from etl.schema import metadata

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    context.run_migrations()
