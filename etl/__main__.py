"""Command line: python -m etl {load,check,coverage,build-data,manifest} --help."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etl import settings
from etl.db import make_engine, migrate, redact
from etl.progress import Progress
from etl.validate import InvalidData

EXIT_INVALID = 2
EXIT_FAILED = 1


def _database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", default=None, metavar="URL",
                        help=f"SQLAlchemy URL (default: $DATABASE_URL, else {settings.SETTINGS['DATABASE_URL'].default})")


def _data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, default=None, metavar="DIR",
                        help=f"canonical data folder (default: $TIP_DATA_DIR, else {settings.SETTINGS['TIP_DATA_DIR'].default})")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m etl", description=(
        "Load TIP tier placements, OSCE indicators and shelter funding into the dashboard's database."))
    top.add_argument("-q", "--quiet", action="store_true", help="print only errors and results")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    load = commands.add_parser("load", help="validate data/ and load it into the database (all or nothing)",
                               description="Validate the canonical files, then replace the database's data in one "
                                           "transaction. On any problem nothing is written and the exit code is 2.")
    _database_option(load)
    _data_option(load)
    load.add_argument("--force", action="store_true", help="reload even if the database already holds these files")

    check = commands.add_parser("check", help="validate data/ only; write nothing",
                                description="Validate the canonical files against the schema; write nothing.")
    _data_option(check)

    cov = commands.add_parser("coverage", help="per report year: places known per tier, missing, sources",
                              description="Read the database and print tier coverage per TIP report year.")
    _database_option(cov)

    build = commands.add_parser("build-data", help="rebuild data/ from the raw public datasets",
                                description="Read the raw public files (Kelley/Cho panel, compiled pages, GLOTIP "
                                            "xlsx, Natural Earth ...) and write the canonical files and manifest.")
    build.add_argument("--raw-dir", type=Path, default=None, metavar="DIR",
                       help=f"raw datasets folder (default: $TIP_RAW_DIR, else {settings.SETTINGS['TIP_RAW_DIR'].default})")
    build.add_argument("--out-dir", type=Path, default=None, metavar="DIR", help="where to write (default: the data folder)")

    manifest = commands.add_parser("manifest", help="re-record checksums after editing data/ by hand",
                                   description="Update sha256 and row counts in data/manifest.json.")
    _data_option(manifest)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    progress = Progress(quiet=args.quiet)
    data_dir = getattr(args, "data_dir", None) or Path(settings.get("TIP_DATA_DIR"))
    url = getattr(args, "database_url", None) or settings.get("DATABASE_URL")
    try:
        if args.command == "load":
            from etl.load import load
            result = load(url, data_dir, force=args.force, progress=progress)
            if result.outcome == "ok":
                total = sum(result.row_counts.values())
                print(f"Loaded {total:,} rows into {redact(url)} (run {result.run_id}).")
        elif args.command == "check":
            from etl.validate import validate
            tables = validate(data_dir)
            print(f"{data_dir}: all {len(tables)} files are valid ({sum(map(len, tables.values())):,} rows).")
        elif args.command == "coverage":
            from etl.coverage import coverage, format_table
            engine = make_engine(url)
            migrate(engine)
            with engine.connect() as conn:
                print(format_table(coverage(conn)))
        elif args.command == "build-data":
            from etl.build import build
            raw_dir = args.raw_dir or Path(settings.get("TIP_RAW_DIR"))
            if not raw_dir.is_dir():
                print(f"error: raw datasets folder not found: {raw_dir} (set --raw-dir or TIP_RAW_DIR)", file=sys.stderr)
                return EXIT_INVALID
            out_dir = args.out_dir or data_dir
            counts = build(raw_dir, out_dir, progress)
            print(f"Wrote {len(counts)} files to {out_dir}: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
        elif args.command == "manifest":
            from etl.build import refresh_manifest
            refresh_manifest(data_dir)
            print(f"Updated {data_dir / 'manifest.json'}.")
    except InvalidData as err:
        print(f"error: {err}\nNothing was written; the database keeps its previous data.", file=sys.stderr)
        return EXIT_INVALID
    except Exception as err:  # a database or file-system failure: say what, not a traceback
        detail = getattr(err, "orig", None) or err  # SQLAlchemy wraps the driver's error with the whole statement
        print(f"error: {type(detail).__name__}: {detail}\nNothing was written; the database keeps its previous data.",
              file=sys.stderr)
        return EXIT_FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main())
