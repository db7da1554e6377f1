"""Figures quoted from stored web pages (mostly TIP narratives): shelter and victim-assistance
funding, counts of victims and law-enforcement actions, and per-country indicators (referral
mechanism, action plan, rapporteur ...). Stored as published: nothing converted or summed."""
from __future__ import annotations

import re

from etl.sources.base import BuildContext, SourceRecord, fail, read_csv, resolve_place

DATASET = SourceRecord(
    "funding-indicator-pages", "dataset", "Compiled for this product from stored public web pages",
    "Shelter funding, victim and law-enforcement counts, and OSCE-region indicators quoted from web pages", 2026,
    None, "Facts from the cited pages; compilation CC0",
    note="Exchange rates as published; see the note of each row for caveats (per-shelter, multi-year ...).")
FOLDER = "funding_and_indicators_pages"
TIP_REPORT = re.compile(r"\((\d{4}) TIP report\)")
YEAR = re.compile(r"^\d{4}$")
OBSTACLE = re.compile(r"^obstacle_\d+$")  # taken whole, items 1-10, from the OSCE source step instead


def _scope(ctx: BuildContext, path, line: int, code: str) -> tuple[str | None, str | None]:
    """(iso3, area) of a row: a country code, or a scope such as OSCE or CENTRAL_ASIA."""
    if area := ctx.resolver.area(code):
        return None, area
    return resolve_place(ctx, path, line, "country_iso3", "", code), None


def _number(path, line: int, column: str, raw: str) -> float | None:
    if raw == "":
        return None
    try:
        return float(raw)
    except ValueError:
        raise fail(path, line, column, f"not a number: {raw!r}") from None


def _int_or_none(text: str) -> int | None:
    return int(text) if YEAR.match(text) else None


def funding(ctx: BuildContext) -> list[dict]:
    path = ctx.path(f"{FOLDER}/shelter_funding.csv")
    rows = list(read_csv(path, ["country_iso3", "report_year", "period_described", "funder", "recipient", "purpose",
                                "amount_local", "currency", "amount_usd_as_published", "quote", "source_url", "note"]))
    dataset_id = ctx.registry.add(DATASET)
    out = []
    for line, row in rows:
        iso3, area = _scope(ctx, path, line, row["country_iso3"])
        out.append(dict(
            iso3=iso3, area=area, report_year=_int_or_none(row["report_year"]), period=row["period_described"] or None,
            funder=row["funder"], recipient=row["recipient"] or None, purpose=row["purpose"] or None,
            amount_local=_number(path, line, "amount_local", row["amount_local"]), currency=row["currency"] or None,
            amount_usd_as_published=_number(path, line, "amount_usd_as_published", row["amount_usd_as_published"]),
            quote=row["quote"], source_id=ctx.registry.document(row["source_url"], via=dataset_id),
            note=row["note"] or None))
    return out


def statistics(ctx: BuildContext) -> list[dict]:
    path = ctx.path(f"{FOLDER}/victims_and_law_enforcement.csv")
    rows = list(read_csv(path, ["country_iso3", "report_year", "period_described", "metric", "value", "quote",
                                "source_url", "note"]))
    dataset_id = ctx.registry.add(DATASET)
    out = []
    for line, row in rows:
        iso3, area = _scope(ctx, path, line, row["country_iso3"])
        raw = row["value"]
        if raw == "":
            raise fail(path, line, "value", "value is missing")
        try:
            value = float(raw)
        except ValueError:
            value = None  # "none reported", "10-25": kept as published, never turned into a number
        out.append(dict(
            iso3=iso3, area=area, metric=row["metric"], breakdown="total",
            year=_int_or_none(row["period_described"]), period=row["period_described"] or None,
            report_year=_int_or_none(row["report_year"]), value=value, value_as_published=raw, suppressed=False,
            quote=row["quote"], source_id=ctx.registry.document(row["source_url"], via=dataset_id),
            note=row["note"] or None))
    return out


def indicators(ctx: BuildContext) -> list[dict]:
    path = ctx.path(f"{FOLDER}/osce_indicators.csv")
    rows = list(read_csv(path, ["country_iso3", "indicator", "value", "year", "quote", "source_url", "note"]))
    dataset_id = ctx.registry.add(DATASET)
    out = []
    for line, row in rows:
        if OBSTACLE.match(row["indicator"]):
            continue
        iso3, area = _scope(ctx, path, line, row["country_iso3"])
        report = TIP_REPORT.search(row["year"])
        out.append(dict(
            iso3=iso3, area=area, indicator=row["indicator"], sequence=None, value=row["value"],
            period=row["year"] or None, report_year=int(report.group(1)) if report else None,
            quote=row["quote"] or None, source_id=ctx.registry.document(row["source_url"], via=dataset_id),
            note=row["note"] or None))
    return out
