"""Downloads and embeds as a journalist uses them: click a download link, open the file; the embed
code and citation follow the view; the embed page shows the chart alone."""
import csv
import io
import re

from playwright.sync_api import expect


def test_download_buttons_give_the_files_of_the_current_view(watched_page, app_url):
    watched_page.goto(f"{app_url}/?year=2012&region=osce")
    expect(watched_page.locator("#map-summary")).to_contain_text("OSCE participating States, 2012", timeout=20_000)
    with watched_page.expect_download() as download:
        watched_page.locator("#map-share a", has_text="CSV").click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert download.value.suggested_filename == "map.csv"
    assert {r["report_year"] for r in rows} == {"2012"} and any(r["name"] == "Kazakhstan" for r in rows)
    with watched_page.expect_download() as image:
        watched_page.locator("#map-share a", has_text="PNG 2×").click()
    assert image.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    expect(watched_page.locator("#embed-map")).to_have_value(re.compile(r'src="http://127\.0\.0\.1:\d+/embed/map\?year=2012&region=osce"'))
    expect(watched_page.locator("#cite-map")).to_have_value(re.compile(r"Trafficking in Persons Report 2012.*accessed"))


def test_embed_page_shows_the_chart_alone(watched_page, app_url):
    watched_page.goto(f"{app_url}/embed/map?year=2016")
    expect(watched_page.locator(".embed-title")).to_have_text("Trafficking in Persons Report tiers, 2016", timeout=20_000)
    expect(watched_page.locator(".site-header")).to_be_hidden()
    expect(watched_page.locator(".embed-page")).to_contain_text("Source: U.S. Department of State")
    expect(watched_page.locator(".embed-page .choroplethlocation").first).to_be_attached(timeout=20_000)
