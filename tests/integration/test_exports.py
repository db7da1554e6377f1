"""Every file address returns a file a journalist can use: images at the expected size carrying
title, source and URL; data whose columns and rows match the database; a valid Data Package; and
plain 400/404 answers for bad requests."""
import io
import json
import struct
import zipfile

import openpyxl
import pytest
from frictionless import Package
from sqlalchemy import text

from dashboard.app import create_app
from dashboard.figures.publish import SIZES
from etl.db import make_engine
from etl.load import load
from tests.conftest import BUNDLED_DATA


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('exports') / 'exports.sqlite3'}"
    load(url, BUNDLED_DATA)
    return url


@pytest.fixture(scope="module")
def client(database):
    return create_app(database).server.test_client()


def scalar(database, sql):
    engine = make_engine(database)
    with engine.connect() as conn:
        value = conn.execute(text(sql)).scalar_one()
    engine.dispose()
    return value


def png_size(body: bytes) -> tuple[int, int]:
    assert body[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", body[16:24])


@pytest.mark.parametrize("path, size", [
    ("/map.png?year=2012&region=osce", SIZES["map"]),
    ("/map.png?year=2012&scale=2", tuple(2 * n for n in SIZES["map"])),
    ("/country/KAZ.png?compare=UZB,KGZ", SIZES["chart"]),
    ("/country/KAZ/counts.png", SIZES["chart"]),
])
def test_png_decodes_at_the_expected_size(client, path, size):
    response = client.get(path)
    assert response.status_code == 200 and response.content_type == "image/png"
    assert png_size(response.data) == size


def test_svg_carries_title_source_and_url(client):
    body = client.get("/map.svg?year=2012&region=osce").data.decode()
    assert "Trafficking in Persons Report tiers, 2012" in body
    assert "Source: U.S. Department of State, Trafficking in Persons Report 2012" in body
    assert "/?year=2012&amp;region=osce" in body


def test_pdf_has_a_page(client):
    body = client.get("/country/KAZ.pdf").data
    assert body.startswith(b"%PDF") and b"/Type /Page" in body


def test_map_data_matches_the_database(client, database):
    ranked = scalar(database, "SELECT count(*) FROM places WHERE tip_ranked")
    placed = scalar(database, "SELECT count(*) FROM tier_placements WHERE report_year = 2016")
    csv_lines = client.get("/map.csv?year=2016").data.decode().splitlines()
    assert csv_lines[0].startswith("iso3,name,report_year,tier,tier_label")
    assert len(csv_lines) - 1 == ranked
    document = json.loads(client.get("/map.json?year=2016").data)
    assert len(document["data"]) == ranked
    assert sum(1 for row in document["data"] if row["tier"]) == placed  # no data stays empty, never a tier
    assert document["sources"][0].startswith("U.S. Department of State") and document["licence"]
    book = openpyxl.load_workbook(io.BytesIO(client.get("/map.xlsx?year=2016").data))
    assert book.sheetnames == ["data", "about"]
    assert book["data"].max_row - 1 == ranked
    about = {row[0]: row[1] for row in book["about"].iter_rows(values_only=True)}
    assert about["Sources"].startswith("U.S. Department of State") and "CC0" in about["Licence"]
    assert "Definition: tier" in about


def test_country_files_match_the_database(client, database):
    years = 2025 - 2001 + 1
    lines = client.get("/country/KAZ.csv?compare=UZB").data.decode().splitlines()
    assert len(lines) - 1 == 2 * years
    counts = json.loads(client.get("/country/KAZ/counts.json").data)["data"]
    expected = scalar(database, "SELECT count(*) FROM statistics WHERE iso3 = 'KAZ' AND breakdown = 'total' "
                                "AND metric IN ('unodc_detected_victims', 'unodc_persons_prosecuted', 'unodc_persons_convicted')")
    assert len(counts) == expected
    suppressed = [r for r in counts if r["suppressed"]]
    assert all(r["value"] is None and r["value_as_published"] == "<5" for r in suppressed)
    funding = client.get("/country/KAZ/funding.csv").data.decode().splitlines()
    assert len(funding) - 1 == scalar(database, "SELECT count(*) FROM funding WHERE iso3 = 'KAZ'")


def test_data_package_validates_and_matches_the_database(client, database, tmp_path):
    archive = zipfile.ZipFile(io.BytesIO(client.get("/data/package.zip").data))
    archive.extractall(tmp_path)
    package = Package(str(tmp_path / "datapackage.json"))
    report = package.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    rows = {r.name: len(r.read_rows()) for r in package.resources}
    assert rows["tier_placements"] == scalar(database, "SELECT count(*) FROM tier_placements")
    assert rows["statistics"] == scalar(database, "SELECT count(*) FROM statistics")


@pytest.mark.parametrize("path, status, message", [
    ("/map.gif", 404, "No .gif file here"),
    ("/map.png?year=abc", 400, "Unknown report year"),
    ("/map.csv?year=1999", 400, "Unknown report year"),
    ("/map.csv?region=mars", 400, "Unknown region"),
    ("/country/ZZZ.csv", 404, "No place with the code"),
    ("/country/KAZ/funding.png", 404, "No .png file here"),
    ("/country/KAZ/nothing.csv", 404, "No chart"),
    ("/map.png?scale=3", 400, "scale must be 1 or 2"),
    ("/country/KAZ.csv?compare=UZB,ZZZ", 404, "No place with the code"),
])
def test_bad_requests_get_a_plain_answer(client, path, status, message):
    response = client.get(path)
    assert response.status_code == status and response.content_type.startswith("text/plain")
    assert message in response.data.decode() and "Traceback" not in response.data.decode()


def test_files_are_cached(client):
    first = client.get("/map.csv?year=2003")
    second = client.get("/map.csv?year=2003")
    assert first.data == second.data and second.headers["Cache-Control"].startswith("public")


def test_image_renders_are_rate_limited(database, monkeypatch):
    monkeypatch.setenv("IMAGE_RATE_LIMIT", "2 per minute")
    limited = create_app(database).server.test_client()
    statuses = [limited.get(f"/map.png?year={year}").status_code for year in (2002, 2003, 2004)]
    assert statuses == [200, 200, 429]
    assert limited.get("/map.png?year=2002").status_code == 200  # cached: free
    assert limited.get("/map.csv?year=2005").status_code == 200  # data files are not limited


def test_without_a_browser_images_say_why(database, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    app = create_app(database)
    response = app.server.test_client().get("/map.png?year=2011")
    assert response.status_code == 503 and "Chromium" in response.data.decode()
    page = app.server.test_client().get("/map.csv?year=2011")
    assert page.status_code == 200


def test_funding_csv_data_contract(client):
    body = client.get("/funding.csv?year=2016&region=osce&cost_per_victim=3000").data.decode()
    rows = list(__import__("csv").DictReader(io.StringIO(body)))
    assert {"iso3", "year", "victims", "need", "funding", "gap", "assumption", "victims_source", "funding_sources"} <= set(rows[0])
    assert len({(r["iso3"], r["year"]) for r in rows}) == len(rows) and {r["year"] for r in rows} == {"2016"}
    for r in rows:
        if r["victims"]:
            assert float(r["need"]) == int(r["victims"]) * 3000
        else:
            assert r["need"] == "" and r["gap"] == ""
        if r["funding"] == "":
            assert r["gap"] == ""  # unknown funding: no gap
        assert "3,000" in r["assumption"] and r["estimate"].startswith("need and gap are estimates")
    every_year = list(__import__("csv").DictReader(io.StringIO(client.get("/funding.csv").data.decode())))
    assert len({r["year"] for r in every_year}) > 5 and "Illustrative" in every_year[0]["assumption"]
    assert client.get("/funding.csv?cost_per_victim=-1").status_code == 400
    assert png_size(client.get("/funding.png?year=2016").data) == SIZES["chart"]
