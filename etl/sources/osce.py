"""OSCE: the 57 participating States and 11 Partners for Co-operation, and the ten obstacles to
assisting trafficking victims from the 2008 OSCE report on Kazakhstan (Yekaterina Badikova),
whose only available full text is a blog post quoting the report."""
from __future__ import annotations

import re

from etl.sources.base import BuildContext, SourceRecord, fail, read_csv, resolve_place

MEMBERSHIP = SourceRecord(
    "osce-membership-factbook-2025", "dataset", "Central Intelligence Agency (via MilkMp/CIA-World-Factbooks-Archive)",
    "The World Factbook 2025, International organization participation: OSCE and OSCE (partner)", 2025,
    "https://github.com/MilkMp/CIA-World-Factbooks-Archive-1990-2025", "Public domain (CIA); archive MIT")
REPORT = SourceRecord(
    "osce-badikova-2008", "document", "OSCE (author: Yekaterina Badikova)",
    "OSCE report on trafficking in persons in Kazakhstan (2008): obstacles to assisting victims", 2008, None,
    note="Full report not available offline; the items are quoted from the blog post cited via_source_id.",
    via_source_id="kazakhnomad-2011-08-02")
BLOG = SourceRecord(
    "kazakhnomad-2011-08-02", "document", "kazakhnomad.wordpress.com",
    "Brave Stories already told in 2008 OSCE Report on Sex Trafficking", 2011,
    "https://kazakhnomad.wordpress.com/2011/08/02/brave-stories-already-told-in-2008-osce-report-on-sex-trafficking/")
STATUSES = {"participating State": "participating_state", "Partner for Co-operation": "partner"}
ITEM = re.compile(r"^(\d{1,2}) ?\) (.+)$")
OBSTACLE_COUNT = 10


def membership(ctx: BuildContext) -> dict[str, str]:
    """iso3 -> participating_state | partner."""
    path = ctx.path("osce/osce_participating_states.csv")
    rows = list(read_csv(path, ["country", "iso3", "osce_status"]))
    ctx.registry.add(MEMBERSHIP)
    status = {}
    for line, row in rows:
        if row["osce_status"] not in STATUSES:
            raise fail(path, line, "osce_status", f"unknown status {row['osce_status']!r}")
        status[resolve_place(ctx, path, line, "country", row["country"], row["iso3"])] = STATUSES[row["osce_status"]]
    return status


def obstacles(ctx: BuildContext, labels: dict[int, str]) -> list[dict]:
    """The ten numbered obstacles as qualitative indicators for Kazakhstan, each with its quote."""
    path = ctx.path("osce/kazakhnomad_blog_2011-08.txt")
    items = [ITEM.match(line.strip()) for line in path.read_text(encoding="utf-8").splitlines()]
    found = {int(m.group(1)): m.group(2).strip() for m in items if m}
    if sorted(found) != list(range(1, OBSTACLE_COUNT + 1)):
        raise fail(path, None, None, f"expected obstacles 1-{OBSTACLE_COUNT}, found {sorted(found)}")
    ctx.registry.add(BLOG)
    report_id = ctx.registry.add(REPORT)
    return [
        dict(iso3="KAZ", area=None, indicator="osce_2008_obstacle_to_victim_assistance", sequence=n,
             value=labels[n], period="2008", report_year=None, quote=f"{n}) {found[n]}", source_id=report_id,
             note="Quoted from the 2008 OSCE report by a 2011 blog post; wording as quoted there.")
        for n in range(1, OBSTACLE_COUNT + 1)
    ]
