"""URL state: bad parameters fall back to defaults with a notice; views round-trip."""
from dashboard.state import (DEFAULT_YEAR, compare_search, map_search, parse_compare, parse_map_state, query_params)


def test_map_state_round_trips():
    for year, region in [(2012, "osce"), (2001, "world"), (2025, "central-asia")]:
        assert parse_map_state(query_params(map_search(year, region))) == (year, region, [])


def test_bad_parameters_fall_back_with_a_notice():
    year, region, notices = parse_map_state({"year": "abc", "region": "mars"})
    assert (year, region) == (DEFAULT_YEAR, "world") and len(notices) == 2
    assert "abc" in notices[0] and "mars" in notices[1]
    assert parse_map_state({"year": "1999"})[0] == DEFAULT_YEAR
    assert parse_map_state({"year": "<script>"})[2][0].count("<script>") == 1  # shown as text, escaped by Dash


def test_compare_keeps_known_unique_places_up_to_five():
    notices = []
    known = {"KAZ", "UZB", "KGZ", "TJK", "TKM", "AFG", "MNG"}
    codes = parse_compare("uzb,KGZ,KAZ,UZB,ZZZ,TJK,TKM,AFG,MNG", known, "KAZ", notices)
    assert codes == ["UZB", "KGZ", "TJK", "TKM", "AFG"]
    assert any("ZZZ" in n for n in notices) and any("At most 5" in n for n in notices)
    assert parse_compare(query_params(compare_search(["UZB", "KGZ"]))["compare"], known, "KAZ", []) == ["UZB", "KGZ"]
