"""Year-on-year changes, Watch List streaks and the Watch-List rule on small frames."""
import pandas as pd

from dashboard.analysis import change, history_frame, watch_list_rule, year_view


def placements(rows):
    return pd.DataFrame(rows, columns=["iso3", "report_year", "tier"])


def places(codes, ranked=None):
    ranked = ranked if ranked is not None else [True] * len(codes)
    return pd.DataFrame({"iso3": codes, "name": codes, "tip_ranked": ranked}).set_index("iso3", drop=False)


def test_change_compares_ranks_and_refuses_to_guess():
    assert change("2", "1") == "upgrade"
    assert change("2WL", "3") == "downgrade"
    assert change("2", "2") == "no change"
    assert change(None, "2") is None and change(float("nan"), "2") is None
    assert change("special_case", "2") is None
    assert change("special_case", "special_case") == "no change"


def test_watch_list_streak_counts_back_and_flags_gaps():
    frame = placements([("AAA", 2010, "2"), ("AAA", 2011, "2WL"), ("AAA", 2012, "2WL"),
                        ("BBB", 2011, "2WL"), ("BBB", 2012, "2WL"), ("CCC", 2010, "2WL"), ("CCC", 2012, "2WL"),
                        ("DDD", 2001, "2WL"), ("DDD", 2002, "2WL")])
    history = history_frame(frame, places(["AAA", "BBB", "CCC", "DDD"])).set_index(["iso3", "report_year"])
    streak = lambda iso3, year: (int(history.at[(iso3, year), "wl_streak"]), bool(history.at[(iso3, year), "wl_streak_open"]))
    assert streak("AAA", 2012) == (2, False)
    assert streak("BBB", 2012) == (2, True)  # 2010 missing: at least 2
    assert streak("CCC", 2012) == (1, True)  # 2011 missing
    assert streak("DDD", 2002) == (2, True)  # the data starts in 2001: at least 2
    assert streak("AAA", 2013) == (0, False)


def test_year_view_keeps_no_data_as_missing():
    frame = placements([("AAA", 2011, "2"), ("AAA", 2012, "1"), ("BBB", 2011, "3")])
    table = places(["AAA", "BBB", "ZZZ"], [True, True, False])
    view = year_view(history_frame(frame, table), table, 2012)
    assert list(view.index) == ["AAA", "BBB"]  # never-ranked places are not drawn as a tier
    assert view.at["AAA", "change"] == "upgrade"
    assert not isinstance(view.at["BBB", "tier"], str) and not isinstance(view.at["BBB", "change"], str)


def test_watch_list_rule_at_risk_and_outcomes():
    frame = placements([
        ("AAA", 2011, "2WL"), ("AAA", 2012, "2WL"), ("AAA", 2013, "3"),
        ("BBB", 2011, "2WL"), ("BBB", 2012, "2WL"), ("BBB", 2013, "2WL"),
        ("CCC", 2012, "2WL"), ("CCC", 2013, "2WL"),
        ("DDD", 2011, "2WL"), ("DDD", 2012, "2WL"),
    ])
    history = history_frame(frame, places(["AAA", "BBB", "CCC", "DDD"]))
    rule = watch_list_rule(history, 2013, pd.Index(["AAA", "BBB", "CCC", "DDD"]))
    assert sorted(rule["at_risk"]["iso3"]) == ["BBB", "CCC"]
    outcomes = {(r.report_year, r.iso3): r.outcome for r in rule["history"].itertuples()}
    assert outcomes == {(2013, "AAA"): "downgraded to Tier 3", (2013, "BBB"): "stayed on the Watch List (waiver)",
                        (2013, "DDD"): "no data"}
    only_a = watch_list_rule(history, 2013, pd.Index(["AAA"]))
    assert only_a["at_risk"].empty and len(only_a["history"]) == 1
