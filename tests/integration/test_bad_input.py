"""Every kind of malformed input stops the load with a message naming the file, row, column and
problem, and the database keeps exactly the previous good data."""
import csv
import hashlib

import pytest
from sqlalchemy import text

from etl.__main__ import main
from etl.build import refresh_manifest
from etl.db import make_engine
from etl.load import load
from etl.validate import InvalidData
from tests.conftest import BUNDLED_DATA


def rewrite(path, change):
    """Apply change(rows) to a CSV's rows (header first) and write it back."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def set_cell(column, value, row=1):
    def change(rows):
        rows[row][rows[0].index(column)] = value
    return change


def drop_column(column):
    def change(rows):
        index = rows[0].index(column)
        for r in rows:
            del r[index]
    return change


def duplicate_row(row=1):
    def change(rows):
        rows.insert(row + 1, list(rows[row]))
    return change


def shorten_row(row=1):
    def change(rows):
        rows[row] = rows[row][:-2]
    return change


def corrupt_bytes(path):
    data = path.read_bytes()
    cut = data.index(b"\n", data.index(b"\n") + 1) + 1  # start of the second data row (row 3)
    path.write_bytes(data[:cut] + b"\xff\xfe broken" + data[cut:])


def empty(path):
    path.write_bytes(b"")


def _first_suppressed() -> int:
    with (BUNDLED_DATA / "statistics.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    column = rows[0].index("suppressed")
    return next(i for i, r in enumerate(rows) if i and r[column] == "1")


CASES = {
    "missing column": ("tier_placements.csv", drop_column("tier"), "tier_placements.csv, row 1, column tier: required column is missing"),
    "unknown tier": ("tier_placements.csv", set_cell("tier", "Tier 5"), "tier_placements.csv, row 2, column tier: unknown value 'Tier 5'"),
    "unknown country code": ("tier_placements.csv", set_cell("iso3", "ZZZ"), "tier_placements.csv, row 2, column iso3: unknown country code 'ZZZ'"),
    "unknown country name": ("tier_placements.csv", set_cell("name_as_published", "Narnia", row=2000),
                             "tier_placements.csv, row 2001, column name_as_published: unknown country name 'Narnia'"),
    "duplicate place-year": ("tier_placements.csv", duplicate_row(5), "tier_placements.csv, row 7: duplicate iso3="),
    "year out of range": ("tier_placements.csv", set_cell("report_year", "1999"), "tier_placements.csv, row 2, column report_year: 1999 is below the minimum 2001"),
    "non-numeric amount": ("funding.csv", set_cell("amount_local", "about 5000"), "funding.csv, row 2, column amount_local: not a number: 'about 5000'"),
    "invalid UTF-8": ("funding.csv", corrupt_bytes, "funding.csv, row 3: invalid UTF-8 (byte 0xff)"),
    "empty file": ("tier_claims.csv", empty, "tier_claims.csv: the file is empty"),
    "short row": ("statistics.csv", shorten_row(3), "statistics.csv, row 4: short row"),
    "suppressed count with a number": ("statistics.csv", set_cell("value", "3", row=_first_suppressed()),
                                       "a suppressed count ('<5') must have no value"),
}


def snapshot(url):
    """A fingerprint of every data table's content."""
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT iso3, report_year, tier, source_id FROM tier_placements ORDER BY iso3, report_year")).all()
        funding = conn.execute(text("SELECT iso3, amount_local, quote FROM funding ORDER BY id")).all()
        stats = conn.execute(text("SELECT count(*) FROM statistics")).scalar_one()
    engine.dispose()
    return hashlib.sha256(repr((rows, funding, stats)).encode()).hexdigest()


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_malformed_input_stops_the_load_and_keeps_the_data(case, data_copy, database_url, capsys):
    file, corrupt, message = CASES[case]
    load(database_url, BUNDLED_DATA)
    before = snapshot(database_url)
    path = data_copy / file
    corrupt(path) if corrupt in (corrupt_bytes, empty) else rewrite(path, corrupt)
    refresh_manifest(data_copy)  # so the injected problem is the only one

    with pytest.raises(InvalidData) as caught:
        load(database_url, data_copy)
    assert message in str(caught.value)
    assert snapshot(database_url) == before

    exit_code = main(["load", "--database-url", database_url, "--data-dir", str(data_copy)])
    err = capsys.readouterr().err
    assert exit_code == 2 and message in err and "Traceback" not in err
    assert "the database keeps its previous data" in err
    assert snapshot(database_url) == before


def test_hand_edit_without_manifest_is_refused(data_copy, sqlite_url):
    rewrite(data_copy / "funding.csv", set_cell("currency", "EUR"))
    with pytest.raises(InvalidData, match="sha256 differs from manifest.json"):
        load(sqlite_url, data_copy)


def test_check_writes_nothing(data_copy, tmp_path, capsys):
    assert main(["check", "--data-dir", str(data_copy)]) == 0
    assert "all 10 files are valid" in capsys.readouterr().out
    assert not list(tmp_path.glob("*.sqlite3"))
