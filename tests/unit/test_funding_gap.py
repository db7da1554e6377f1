"""Gap arithmetic on small fixtures: unknown is not zero; rates, multi-year sums and figures without
a printed USD value are listed but never summed; one report per place-year."""
import math

import pandas as pd

from dashboard.funding_gap import (DEFAULT_COST_PER_VICTIM, counted_funding, covered_years, gap_table, parse_cost,
                                   victim_counts)

FUNDING_COLUMNS = ["iso3", "report_year", "period", "funder", "purpose", "amount_local", "currency",
                   "amount_usd_as_published", "source_id", "note"]


def funding(*rows):
    return pd.DataFrame([dict(zip(FUNDING_COLUMNS, r)) for r in rows], columns=FUNDING_COLUMNS)


def stats(*rows):
    columns = ["iso3", "metric", "breakdown", "year", "report_year", "value", "value_as_published", "suppressed", "source_id"]
    frame = pd.DataFrame([dict(zip(columns, r)) for r in rows], columns=columns)
    return frame.assign(id=range(len(frame)))


def test_covered_years():
    assert covered_years("2016") == [2016]
    assert covered_years("2017 and 2018 (each year)") == [2017, 2018]
    assert covered_years("2011-2015") == [] and covered_years("FY2020") == [] and covered_years(None) == []


def test_only_summable_figures_count():
    rows = counted_funding(funding(
        ("KAZ", 2017, "2016", "government", "shelter", 24e6, "KZT", 72007.0, "s1", None),
        ("ARM", 2018, "2017", "government", "one-time compensation per victim", 250000, "AMD", 515.0, "s2", None),
        ("UZB", None, "2005 - July 2022 (cumulative)", "USAID", "assistance", 9.6e6, "USD", 9.6e6, "s3", None),
        ("ALB", 2018, "2017", "government", "salaries", 20.2e6, "ALL", None, "s4", None),
        ("ISL", 2017, "2016", "government", "shelter (not trafficking-specific)", 1e6, "ISK", 9000.0, "s5", None),
        ("ARM", 2019, "2017 and 2018 (each year)", "government", "victim protection", 19.07e6, "AMD", 39320.0, "s6", None),
    ))
    assert rows[rows["counted"]][["iso3", "year"]].values.tolist() == [["KAZ", 2016], ["ARM", 2017], ["ARM", 2018]]
    assert "rate" in rows.loc[rows["purpose"].str.contains("per victim"), "reason"].iloc[0]
    assert "one calendar year" in rows.loc[rows["iso3"] == "UZB", "reason"].iloc[0]
    assert "no USD amount" in rows.loc[rows["iso3"] == "ALB", "reason"].iloc[0]
    assert "not specific" in rows.loc[rows["iso3"] == "ISL", "reason"].iloc[0]


def test_one_report_per_place_year_no_double_counting():
    rows = counted_funding(funding(
        ("AUT", 2019, "2018", "government", "victim assistance and housing", 960117, "EUR", 1.1e6, "s1", None),
        ("AUT", 2020, "2018", "government", "shelter (prior-year comparison)", 944750, "EUR", 1.06e6, "s2", None),
        ("AUT", 2019, "2018", "government (Ministry of Labor)", "counselling", 410000, "EUR", 470180.0, "s1", None),
    ))
    counted = rows[rows["counted"]]
    assert sorted(counted["amount_usd_as_published"]) == [470180.0, 1.1e6]
    assert "also given by the 2020 report" in rows.loc[rows["source_id"] == "s2", "reason"].iloc[0]


def test_gap_unknown_versus_zero_and_missing_need():
    victims = victim_counts(stats(
        ("KAZ", "victims_identified_by_government", "total", 2016, 2017, 110.0, "110", False, "v1"),
        ("KAZ", "unodc_detected_victims", "total", 2016, None, 99.0, "99", False, "v2"),
        ("TJK", "unodc_detected_victims", "total", 2016, None, None, "<5", True, "v3"),
        ("MDA", "victims_identified_by_government", "total", 2016, 2017, 0.0, "0", False, "v4"),
    ))
    assert victims.set_index("iso3").at["KAZ", "victims"] == 110.0  # the government's count wins
    rows = counted_funding(funding(
        ("KAZ", 2017, "2016", "government", "shelter", 24e6, "KZT", 72007.0, "f1", None),
        ("MDA", 2017, "2016", "government", "shelter", 0, "MDL", 0.0, "f2", None),
        ("GEO", 2017, "2016", "government", "shelter", 1e5, "GEL", 40000.0, "f3", None),
    ))
    table = gap_table(victims, rows, 1000).set_index("iso3")
    assert table.at["KAZ", "need"] == 110_000 and table.at["KAZ", "gap"] == 110_000 - 72007
    assert math.isclose(table.at["KAZ", "funding_per_victim"], 72007 / 110)
    assert table.at["MDA", "funding"] == 0 and table.at["MDA", "gap"] == 0  # recorded zero is zero
    assert pd.isna(table.at["TJK", "victims"]) and pd.isna(table.at["TJK", "need"])  # '<5': no need estimate
    assert pd.isna(table.at["TJK", "funding"]) and pd.isna(table.at["TJK", "gap"])  # no funding: unknown, not 0
    assert pd.isna(table.at["GEO", "need"]) and table.at["GEO", "funding"] == 40000  # funding but no victims


def test_cost_assumption_parsing():
    notices = []
    assert parse_cost(None, notices) == DEFAULT_COST_PER_VICTIM and not notices
    assert parse_cost("3500", notices) == 3500
    assert parse_cost("lots", notices) == DEFAULT_COST_PER_VICTIM and "lots" in notices[0]
    assert parse_cost("-5", notices) == DEFAULT_COST_PER_VICTIM


def test_a_total_and_its_parts_are_not_both_summed():
    columns = FUNDING_COLUMNS + ["recipient"]
    rows = pd.DataFrame([
        ("KAZ", 2017, "2016", "government", "direct victim assistance (total)", 25.97e6, "KZT", 77918.0, "s1", None, "NGOs"),
        ("KAZ", 2017, "2016", "government", "shelter assistance", 24e6, "KZT", 72007.0, "s1", None, "shelters"),
        ("MKD", 2017, "2016", "government", "combat trafficking (total)", 1e7, "MKD", 183138.0, "s2", None, "anti-trafficking (total)"),
        ("LTU", 2018, "2017", "(compensation awarded)", "compensation to victims (total)", 1e4, "EUR", 11000.0, "s3", None, "13 victims"),
    ], columns=columns)
    counted = counted_funding(rows)
    assert counted[counted["counted"]]["amount_usd_as_published"].tolist() == [77918.0]
    reasons = counted.set_index("purpose")["reason"]
    assert "part of a total" in reasons["shelter assistance"]
    assert "whole anti-trafficking budget" in reasons["combat trafficking (total)"]
    assert "compensation" in reasons["compensation to victims (total)"]
