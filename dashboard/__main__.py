"""python -m dashboard: load the bundled data on first start, then serve the app on $HOST:$PORT."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etl import settings
from etl.db import make_engine, migrate
from etl.load import input_checksums, last_good_inputs, load
from etl.progress import Progress


def ensure_loaded(database_url: str) -> None:
    """An empty or missing database, or one holding other files than the bundled data folder, gets
    the bundled data: one command starts everything, also after an update of data/."""
    data_dir = Path(settings.get("TIP_DATA_DIR"))
    engine = make_engine(database_url)
    try:
        migrate(engine)
        with engine.connect() as conn:
            current = last_good_inputs(conn) == input_checksums(data_dir)
    finally:
        engine.dispose()
    if not current:
        load(database_url, data_dir, progress=Progress())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="Serve the TIP tier dashboard.")
    parser.add_argument("--host", default=settings.get("HOST"), help="address to listen on (default: $HOST or 127.0.0.1)")
    parser.add_argument("--port", type=int, default=int(settings.get("PORT")), help="port (default: $PORT or 8050)")
    parser.add_argument("--database-url", default=settings.get("DATABASE_URL"), help="database (default: $DATABASE_URL)")
    args = parser.parse_args(argv)
    ensure_loaded(args.database_url)
    from dashboard.app import create_app
    app = create_app(args.database_url)
    print(f"Dashboard on http://{args.host}:{args.port}/", file=sys.stderr)
    app.run(host=args.host, port=args.port, debug=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
