"""The command line as a user runs it: help, coverage matching the bundled data, PostgreSQL URL."""
import csv
import subprocess
import sys
from collections import Counter

import pytest

from etl.settings import REPO_ROOT
from etl.tiers import TIER_CODES
from tests.conftest import BUNDLED_DATA


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "etl", *args], cwd=REPO_ROOT, capture_output=True, text=True,
                          env=env, timeout=300)


@pytest.mark.parametrize("command", ["load", "check", "coverage", "build-data", "manifest"])
def test_every_command_has_help(command):
    result = run(command, "--help")
    assert result.returncode == 0 and "usage: python -m etl" in result.stdout


def bundled_tier_counts():
    counts = Counter()
    with (BUNDLED_DATA / "tier_placements.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            counts[(int(row["report_year"]), row["tier"])] += 1
    return counts


def test_coverage_matches_the_bundled_tier_counts(database_url):
    assert run("-q", "load", "--database-url", database_url).returncode == 0
    result = run("coverage", "--database-url", database_url)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:6] == ["year", "Tier", "1", "Tier", "2", "2WL"]
    counts = bundled_tier_counts()
    years = {}
    for line in lines[1:]:
        cells = line.split()
        years[int(cells[0])] = cells
    assert sorted(years) == list(range(2001, 2026))
    for year, cells in years.items():
        per_tier = [int(c) for c in cells[1:1 + len(TIER_CODES)]]
        assert per_tier == [counts[(year, code)] for code in TIER_CODES], year
        assert int(cells[1 + len(TIER_CODES)]) == sum(per_tier)


def test_load_reports_rows_and_a_bad_url_is_a_clear_error(sqlite_url):
    ok = run("load", "--database-url", sqlite_url)
    assert ok.returncode == 0 and "Loaded" in ok.stdout and "Loading (one transaction)" in ok.stderr
    bad = run("load", "--database-url", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert bad.returncode == 1 and "error: OperationalError: connection failed" in bad.stderr
    assert "Traceback" not in bad.stderr
