"""Country profiles: history with gaps, comparison in the URL, indicators, citations, bad codes."""
import re

from playwright.sync_api import expect


def open_profile(page, app_url, path):
    page.goto(f"{app_url}{path}")
    expect(page.locator("#history-graph .scatterlayer .trace").first).to_be_attached(timeout=20_000)


def test_profile_shows_history_obstacles_and_sources(watched_page, app_url):
    open_profile(watched_page, app_url, "/country/KAZ")
    expect(watched_page.locator("h1")).to_have_text("Kazakhstan")
    expect(watched_page.locator(".obstacles li")).to_have_count(10)
    expect(watched_page.locator(".obstacles")).to_contain_text("Media exposing victims")
    expect(watched_page.locator("#sources")).to_contain_text("kazakhnomad.wordpress.com")
    expect(watched_page.locator("#sources")).to_contain_text("Kelley")


def test_compare_two_places_round_trips(watched_page, app_url):
    open_profile(watched_page, app_url, "/country/KAZ")
    combo = watched_page.locator("#compare-select")
    for name in ("Uzbekistan", "Kyrgyzstan"):
        combo.click()
        watched_page.keyboard.type(name)
        watched_page.get_by_role("option", name=name).click()
        watched_page.keyboard.press("Escape")
    expect(watched_page).to_have_url(re.compile(r"compare=UZB%2CKGZ|compare=UZB,KGZ"))
    expect(watched_page.locator("#history-graph .scatterlayer .trace")).to_have_count(3)
    url = watched_page.url
    open_profile(watched_page, app_url, url.removeprefix(app_url))
    expect(watched_page.locator("#history-graph .scatterlayer .trace")).to_have_count(3)
    expect(watched_page.locator("#history-graph .legendtext", has_text="Kyrgyzstan")).to_have_count(1)


def test_unknown_code_falls_back_with_a_notice(watched_page, app_url):
    open_profile(watched_page, app_url, "/country/ZZZ?compare=nope")
    expect(watched_page.locator(".notice")).to_contain_text("no place with the code")
    expect(watched_page.locator("h1")).to_have_text("Kazakhstan")
