"""The funding page as a donor uses it: change the cost assumption and see the ranking and the CSV
change; estimates are labelled; unknown funding is not zero."""
import csv
import io
import re

from playwright.sync_api import expect


def bar_order(page):
    return page.evaluate("() => Array.from(document.querySelector('#gap-bars .js-plotly-plot')._fullData[0].y)")


def test_changing_the_assumption_changes_ranking_and_csv(watched_page, app_url):
    watched_page.goto(f"{app_url}/funding?year=2016&region=osce")
    expect(watched_page.locator("#gap-bars .bars .point").first).to_be_attached(timeout=20_000)
    expect(watched_page.locator(".estimate-banner")).to_contain_text("Need and gap are estimates")
    expect(watched_page.locator("#cost-note")).to_contain_text("Illustrative assumption")
    before = bar_order(watched_page)
    with watched_page.expect_download() as first:
        watched_page.locator("#funding-share a", has_text="CSV").click()
    old_rows = list(csv.DictReader(io.StringIO(first.value.path().read_text(encoding="utf-8"))))
    cost = watched_page.locator("#cost-input")
    cost.fill("50000")
    cost.press("Enter")
    expect(watched_page).to_have_url(re.compile(r"cost_per_victim=50000"))
    expect(watched_page.locator("#cost-note")).to_contain_text("Assumption set by the user: US$ 50,000")
    for _ in range(100):  # the chart redraws after the callback returns
        if bar_order(watched_page) != before:
            break
        watched_page.wait_for_timeout(100)
    after = bar_order(watched_page)
    assert after != before
    with watched_page.expect_download() as second:
        watched_page.locator("#funding-share a", has_text="CSV").click()
    new_rows = list(csv.DictReader(io.StringIO(second.value.path().read_text(encoding="utf-8"))))
    kaz_old = next(r for r in old_rows if r["iso3"] == "KAZ")
    kaz_new = next(r for r in new_rows if r["iso3"] == "KAZ")
    assert float(kaz_old["need"]) == 110 * 2000 and float(kaz_new["need"]) == 110 * 50000
    assert kaz_new["gap"] != kaz_old["gap"] and "50,000" in kaz_new["assumption"]
    unknown = [r for r in new_rows if r["funding"] == ""]
    assert unknown and all(r["gap"] == "" for r in unknown)  # unknown funding: no gap, never zero


def test_bad_assumption_falls_back_with_a_notice(watched_page, app_url):
    watched_page.goto(f"{app_url}/funding?cost_per_victim=lots&year=1900")
    expect(watched_page.locator(".notice")).to_contain_text("not a cost per victim")
    expect(watched_page.locator(".notice")).to_contain_text("No funding-gap estimate")
