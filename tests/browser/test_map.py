"""The map page as a user meets it: loads offline, moves through the years, hovers and clicks small
places, round-trips its URL, and copes with bad parameters and a phone screen."""
import re

from playwright.sync_api import expect


def open_map(page, app_url, query=""):
    page.goto(f"{app_url}/{query}")
    expect(page.locator("#tier-map .choroplethlocation").first).to_be_attached(timeout=20_000)


def test_map_draws_offline_with_every_place(watched_page, app_url):
    open_map(watched_page, app_url, "?year=2020")
    expect(watched_page.locator("#map-summary")).to_contain_text("World, 2020")
    expect(watched_page.locator("#map-summary")).to_contain_text("188 places with a placement")
    assert watched_page.locator("#tier-map .choroplethlocation").count() >= 180


def test_year_slider_changes_url_and_map(watched_page, app_url):
    open_map(watched_page, app_url, "?year=2012")
    colours = "() => Array.from(document.querySelector('#tier-map .js-plotly-plot')._fullData[0].z).join(',')"
    before = watched_page.evaluate(colours)
    handle = watched_page.locator("#year-slider [role=slider]").first
    handle.focus()
    watched_page.keyboard.press("ArrowRight")
    expect(watched_page).to_have_url(re.compile(r"year=2013"))
    expect(watched_page.locator("#map-summary")).to_contain_text("World, 2013")
    expect(watched_page.locator("#map-caption")).to_have_text(re.compile("2013 report"))
    assert watched_page.evaluate(colours) != before
    watched_page.go_back()
    expect(watched_page.locator("#map-summary")).to_contain_text("World, 2012")
    expect(watched_page).to_have_url(re.compile(r"year=2012"))


def marker_centre(page, iso3):
    """Screen position of a small place's marker, read from the drawn plot."""
    return page.evaluate("""(iso3) => {
        const gd = document.querySelector('#tier-map .js-plotly-plot');
        const i = gd._fullData[1].customdata.indexOf(iso3);
        const node = [...gd.querySelectorAll('.scattergeo .point')].find(n => n.__data__ && n.__data__.i === i);
        const box = node.getBoundingClientRect();
        return {x: box.x + box.width / 2, y: box.y + box.height / 2};
    }""", iso3)


def hover(page, iso3):
    point = marker_centre(page, iso3)
    page.mouse.move(point["x"], point["y"])
    return point


def test_hover_and_click_a_small_island_state(watched_page, app_url):
    open_map(watched_page, app_url, "?year=2020")
    hover(watched_page, "MUS")  # Mauritius: 2,000 km², a marker on the world map
    label = watched_page.locator(".hoverlayer .hovertext").first
    expect(label).to_contain_text("Mauritius — Tier")
    expect(label).to_contain_text("2019:")
    open_map(watched_page, app_url, "?year=2020&region=caribbean")  # crowded at world scale: zoomed in
    point = hover(watched_page, "BRB")
    expect(label).to_contain_text("Barbados — Tier")
    watched_page.mouse.click(point["x"], point["y"])
    expect(watched_page).to_have_url(re.compile(r"/country/BRB"))
    expect(watched_page.locator("h1")).to_have_text("Barbados")


def test_region_focus_round_trips_through_the_url(watched_page, app_url):
    open_map(watched_page, app_url, "?year=2012&region=osce")
    expect(watched_page.locator("#map-summary")).to_contain_text("OSCE participating States, 2012")
    watched_page.locator("#region-select").click()
    watched_page.get_by_role("option", name="Central Asia", exact=True).click()
    expect(watched_page).to_have_url(re.compile(r"year=2012&region=central-asia"))
    expect(watched_page.locator("#map-summary")).to_contain_text("Central Asia, 2012")
    url = watched_page.url
    watched_page.goto("about:blank")
    watched_page.goto(url)
    expect(watched_page.locator("#map-summary")).to_contain_text("Central Asia, 2012")


def test_bad_parameters_fall_back_with_a_notice(watched_page, app_url):
    open_map(watched_page, app_url, "?year=abc&region=mars")
    expect(watched_page.locator(".notice")).to_contain_text("There is no report year")
    expect(watched_page.locator("#map-summary")).to_contain_text("World, 2025")


def test_table_view_is_a_text_alternative(watched_page, app_url):
    open_map(watched_page, app_url, "?year=2020")
    watched_page.get_by_role("button", name="Show the map as a table").click()
    row = watched_page.locator("#map-table tr", has_text="Kazakhstan")
    expect(row).to_contain_text("Tier 2 Watch List")


def test_phone_width_has_no_horizontal_scroll(watched_page, app_url):
    watched_page.set_viewport_size({"width": 375, "height": 800})
    open_map(watched_page, app_url, "?year=2020")
    assert watched_page.evaluate("document.documentElement.scrollWidth") <= 375
    for path in ("/country/KAZ", "/funding?region=osce"):
        watched_page.goto(f"{app_url}{path}")
        expect(watched_page.locator("h1")).to_be_visible(timeout=20_000)
        watched_page.wait_for_load_state("networkidle")
        assert watched_page.evaluate("document.documentElement.scrollWidth") <= 375, path


def test_unknown_path_is_a_plain_404(watched_page, app_url):
    watched_page.goto(f"{app_url}/no/such/page")
    expect(watched_page.locator("h1")).to_have_text("Page not found")


def test_play_steps_through_the_years_and_pauses(watched_page, app_url):
    open_map(watched_page, app_url, "?year=2010")
    play = watched_page.get_by_role("button", name="Play through the years")
    play.click()
    expect(play).to_have_attribute("aria-pressed", "true")
    expect(watched_page).to_have_url(re.compile(r"year=2011"), timeout=5_000)
    play.click()
    expect(play).to_have_attribute("aria-pressed", "false")
    expect(play).to_have_text("▶ Play")
