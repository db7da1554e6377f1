"""Each source's parsing on small raw files written here: tier codes, suppressed counts, values
kept as published, and errors that name the file, row and column."""
from pathlib import Path

import pandas as pd
import pytest

from etl.sources import funding_pages, glotip, tip_compiled, tip_panel
from etl.sources.base import BuildContext, describe_url
from etl.validate import InvalidData


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def ctx(tmp_path):
    return BuildContext(tmp_path)


def panel_files(raw: Path, panel_csv: str, cho_rows: list[dict]) -> None:
    write(raw / "tip_tiers_scorecard_diplomacy/map_tiers.csv", panel_csv)
    pd.DataFrame(cho_rows, columns=["name", "year", "code", "tierupdated"]).to_stata(
        raw / "tip_tiers_scorecard_diplomacy/criminalization-cho-tiers_jk_2015-08-10.dta", write_index=False)


def test_panel_codes_3_and_4_are_watch_list_and_tier_3(ctx, tmp_path):
    panel_files(tmp_path, "countryname,iso,year,ccode,tier\nKazakhstan,KAZ,2004,705,3\nKazakhstan,KAZ,2003,705,4\n"
                          "Kazakhstan,KAZ,2000,705,1\nKosovo,KOS,2010,347,2\nSomalia,SOM,2010,520,NA\n",
                [{"name": "Somalia", "year": 2010, "code": "SOM", "tierupdated": 666.0},
                 {"name": "Canada", "year": 2001, "code": "CAN", "tierupdated": 555.0}])
    claims = {(c["iso3"], c["report_year"], c["source_id"]): c["tier"] for c in tip_panel.run(ctx)}
    assert claims == {
        ("KAZ", 2004, "kelley-cho-panel"): "2WL",
        ("KAZ", 2003, "kelley-cho-panel"): "3",
        ("XKX", 2010, "kelley-cho-panel"): "2",
        ("SOM", 2010, "cho-tiers-2015"): "special_case",
    }  # 2000 is before the first report; NA and 555 (missing) give no claim


def test_panel_unknown_tier_code_names_file_row_column(ctx, tmp_path):
    panel_files(tmp_path, "countryname,iso,year,ccode,tier\nKazakhstan,KAZ,2004,705,7\n", [])
    with pytest.raises(InvalidData, match=r"map_tiers.csv, row 2, column tier: unknown tier code '7'"):
        tip_panel.run(ctx)


def compiled_files(raw: Path, rows: str) -> None:
    header = "report_year,country_name_as_published,iso3,tier,method,source_url,quote\n"
    for name in tip_compiled.FILES:
        write(raw / tip_compiled.FOLDER / name, header + (rows if name == "tier_placements_gapfill.csv" else ""))


def test_compiled_rows_cite_their_page(ctx, tmp_path):
    compiled_files(tmp_path, "2017,Burma,MMR,2WL,published,https://www.state.gov/reports/2017-trafficking-in-persons-report/burma/,"
                             "BURMA: Tier 2 Watch List\n2022,Chile,CHL,2,by_elimination,https://example.org/list,\n")
    claims = tip_compiled.run(ctx)
    assert [(c["iso3"], c["tier"], c["method"]) for c in claims] == [("MMR", "2WL", "published"), ("CHL", "2", "by_elimination")]
    burma_source = ctx.registry.records[claims[0]["source_id"]]
    assert burma_source.title == "Trafficking in Persons Report 2017: Burma"
    assert burma_source.via_source_id == "tip-compiled-2013-2025"
    assert claims[1]["priority"] > claims[0]["priority"]  # by elimination ranks below a published placement


def test_compiled_unknown_country_name_is_an_error(ctx, tmp_path):
    compiled_files(tmp_path, "2017,Narnia,,2,published,https://example.org,\n")
    with pytest.raises(InvalidData, match=r"tier_placements_gapfill.csv, row 2, column country_name_as_published: "
                                          r"unknown country name 'Narnia'"):
        tip_compiled.run(ctx)


def test_compiled_name_and_code_must_agree(ctx, tmp_path):
    compiled_files(tmp_path, "2017,Burma,THA,2,published,https://example.org,\n")
    with pytest.raises(InvalidData, match="'Burma' is MMR but the code column says THA"):
        tip_compiled.run(ctx)


def test_glotip_keeps_suppressed_counts_suppressed(ctx, tmp_path):
    frame = pd.DataFrame([
        ["Kazakhstan", "Detected trafficking victims", "Total", "Total", "Total", "Total", 2010, "134"],
        ["Kazakhstan", "Persons convicted", "Total", "Total", "Female", "Total", 2011, "<5"],
        ["Kazakhstan", "Detected trafficking victims", "by citizenship", "Nationals", "Total", "Total", 2011, "50"],
        ["", "Persons convicted", "Total", "Total", "Total", "Total", 2011, "7"],
        ["Germany", "Detected trafficking victims", "Total", "Total", "Total", "Total", 2012, "1,757"],
    ], columns=glotip.COLUMNS)
    (tmp_path / "unodc_glotip").mkdir()
    frame.to_excel(tmp_path / "unodc_glotip/data_glotip.xlsx", index=False)
    rows = glotip.run(ctx)
    assert [(r["iso3"], r["metric"], r["breakdown"], r["value"], r["value_as_published"], r["suppressed"]) for r in rows] == [
        ("KAZ", "unodc_detected_victims", "total", 134.0, "134", False),
        ("KAZ", "unodc_persons_convicted", "sex=Female", None, "<5", True),
        ("DEU", "unodc_detected_victims", "total", 1757.0, "1,757", False),
    ]
    assert "left out 1 rows with no country name" in ctx.notes[0]


def test_funding_pages_keep_values_as_published(ctx, tmp_path):
    folder = tmp_path / funding_pages.FOLDER
    write(folder / "victims_and_law_enforcement.csv",
          "country_iso3,report_year,period_described,metric,value,quote,source_url,note\n"
          "TJK,2023,2022,convictions,none reported,q,https://example.org/a,\n"
          "KAZ,2017,2016,victims_identified_by_government,110,q,https://example.org/b,\n"
          "OSCE,,,x,3,q,https://example.org/c,\n")
    rows = funding_pages.statistics(ctx)
    assert [(r["iso3"], r["area"], r["value"], r["value_as_published"], r["year"]) for r in rows] == [
        ("TJK", None, None, "none reported", 2022), ("KAZ", None, 110.0, "110", 2016), (None, "OSCE", 3.0, "3", None)]


def test_funding_amount_must_be_numeric(ctx, tmp_path):
    write(tmp_path / funding_pages.FOLDER / "shelter_funding.csv",
          "country_iso3,report_year,period_described,funder,recipient,purpose,amount_local,currency,"
          "amount_usd_as_published,quote,source_url,note\n"
          "KAZ,2017,2016,government,NGO shelters,shelter,lots,KZT,,q,https://example.org,\n")
    with pytest.raises(InvalidData, match=r"shelter_funding.csv, row 2, column amount_local: not a number: 'lots'"):
        funding_pages.funding(ctx)


def test_describe_url_reads_tip_report_pages():
    assert describe_url("https://www.state.gov/reports/2019-trafficking-in-persons-report-2/aruba/") == (
        "U.S. Department of State", "Trafficking in Persons Report 2019: Aruba", 2019)
    assert describe_url("https://www.ecoi.net/en/document/2036295.html")[0].startswith("ecoi.net")


def test_factbook_lists_map_tiers_and_cite_the_commit(ctx, tmp_path):
    from etl.sources import factbook_lists
    write(tmp_path / "tip_tiers_cia_factbook_extract/factbook_world_entry_tier_lists.csv",
          "tip_report_year,tier,country_as_listed,iso3,count_stated_in_source,source_commit\n"
          "2022,Tier 3,Zimbabwe (2022),ZWE,22.0,abc123\n2022,Tier 2 Watch List,Burma,MMR,34.0,abc123\n")
    claims = factbook_lists.run(ctx)
    assert [(c["iso3"], c["tier"]) for c in claims] == [("ZWE", "3"), ("MMR", "2WL")]
    assert ctx.registry.records[claims[0]["source_id"]].url.endswith("/blob/abc123/world/xx.json")


def test_natural_earth_join_key():
    from etl.sources.natural_earth import join_key
    assert join_key("FRA", "FRA") == "FRA"
    assert join_key("-99", "NOR") == "NOR"
    assert join_key("-99", "KOS") == "XKX"


def test_osce_obstacles_are_all_ten_with_quotes(ctx, tmp_path):
    from etl.sources import osce
    items = "\n".join(f"{n}) obstacle number {n};" for n in range(1, 11))
    write(tmp_path / "osce/kazakhnomad_blog_2011-08.txt", f"Intro\n\n{items}\n\nLeave a comment")
    rows = osce.obstacles(ctx, {n: f"label {n}" for n in range(1, 11)})
    assert [r["sequence"] for r in rows] == list(range(1, 11))
    assert rows[7]["quote"] == "8) obstacle number 8;" and rows[0]["iso3"] == "KAZ"
    assert ctx.registry.records[rows[0]["source_id"]].via_source_id == "kazakhnomad-2011-08-02"


def test_osce_obstacles_must_be_complete(ctx, tmp_path):
    from etl.sources import osce
    write(tmp_path / "osce/kazakhnomad_blog_2011-08.txt", "1) only one\n")
    with pytest.raises(InvalidData, match="expected obstacles 1-10"):
        osce.obstacles(ctx, {})


def test_us_grants_regions_and_unlisted_amounts(ctx, tmp_path):
    from etl.sources import us_grants
    write(tmp_path / "funding_us_tip_grants_scorecard/funding_clean.csv",
          "country,grant_year,recipient,subgrantee,recipient_type,amount,prevention,protection,prosecution,research\n"
          "Kazakhstan,2003,IOM,NA,IGO,230000.0,1.0,1.0,0.0,0.0\nWestern Hemisphere,2005,OAS,NA,IGO,NA,0.0,0.0,1.0,0.0\n")
    rows = us_grants.run(ctx)
    assert [(r["iso3"], r["area"], r["amount_usd"], r["protection"]) for r in rows] == [
        ("KAZ", None, 230000.0, True), (None, "WHA", None, False)]


def test_curated_files_parse_with_quotes(ctx):
    from etl.sources import curated_tiers, regions
    claims, editions = curated_tiers.run(ctx)
    assert claims and all(c["quote"] for c in claims) and all(e["places_stated"] for e in editions)
    usa = {c["report_year"]: c["tier"] for c in claims if c["iso3"] == "USA"}
    assert all(usa[year] == "1" for year in range(2010, 2016))
    assert regions.run(ctx)["KAZ"][0] == "SCA"
