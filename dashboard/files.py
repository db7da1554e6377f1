"""Stable file addresses, OWID-grapher style: a view's address plus an extension gives the file.

  /map.png?year=2012&region=osce   /map.svg  /map.pdf  /map.csv  /map.xlsx  /map.json
  /country/KAZ.png?compare=UZB     /country/KAZ/counts.png   /country/KAZ/funding.csv
  /funding.csv?year=2016&region=osce&cost_per_victim=3000   (every parameter optional)
  /data/package.zip                (the whole database as a Frictionless Data Package)

PNG takes ?scale=2 for print. Files are cached; image renders are rate-limited per client. Bad
extensions, years or places get a plain 400/404, never a 500."""
from __future__ import annotations

import io
import json
from datetime import date

import pandas as pd
from flask import Blueprint, Response, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from dashboard import funding_gap, queries
from dashboard.charts import (LICENCE, Chart, counts_chart_for, funding_chart, funding_table_for, history_chart,
                              map_chart)
from dashboard.datapackage import build_package
from dashboard.figures.publish import for_publication, tier_legend
from dashboard.images import FORMATS, ImagesUnavailable, render
from dashboard.queries import cache
from dashboard.regions import REGIONS
from dashboard.share import origin
from dashboard.state import MAX_COMPARE
from etl import settings
from etl.tiers import FIRST_REPORT_YEAR, LAST_REPORT_YEAR

DATA_FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json",
                "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
SCALES = {"1": 1, "2": 2}
COUNTRY_CHARTS = {"counts": counts_chart_for, "funding": funding_table_for}

files = Blueprint("files", __name__)
limiter = Limiter(key_func=get_remote_address, default_limits=[])


class FileError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@files.errorhandler(FileError)
def _plain_error(err: FileError):
    return Response(f"{err}\n", status=err.status, mimetype="text/plain")


def _year(raw: str | None) -> int:
    if raw in (None, ""):
        return LAST_REPORT_YEAR
    if not (raw.isascii() and raw.isdigit()) or not FIRST_REPORT_YEAR <= int(raw) <= LAST_REPORT_YEAR:
        raise FileError(400, f"Unknown report year {raw[:20]!r}: use {FIRST_REPORT_YEAR}-{LAST_REPORT_YEAR}.")
    return int(raw)


def _region(raw: str | None) -> str:
    region = (raw or "world").lower()
    if region not in REGIONS:
        raise FileError(400, f"Unknown region {raw[:30]!r}: use one of {', '.join(REGIONS)}.")
    return region


def _place(raw: str) -> str:
    code = raw.upper()
    if code not in queries.all_places().index:
        raise FileError(404, f"No place with the code {raw[:10]!r}.")
    return code


def _compare(raw: str | None, main: str) -> list[str]:
    codes = [_place(c) for c in (raw or "").split(",") if c.strip()]
    codes = [c for c in dict.fromkeys(codes) if c != main]
    if len(codes) > MAX_COMPARE:
        raise FileError(400, f"At most {MAX_COMPARE} places can be compared.")
    return codes


def _format(ext: str, chart_has_image: bool = True) -> str:
    ext = ext.lower()
    if ext in DATA_FORMATS or (ext in FORMATS and chart_has_image):
        return ext
    allowed = [*FORMATS, *DATA_FORMATS] if chart_has_image else list(DATA_FORMATS)
    raise FileError(404, f"No .{ext[:10]} file here: use one of .{', .'.join(allowed)}.")


def about_rows(chart: Chart, url: str) -> list[tuple[str, str]]:
    rows = [("Title", chart.title), ("Subtitle", chart.subtitle), ("View", url),
            ("Sources", "; ".join(chart.sources)), ("Licence", LICENCE), ("Accessed", date.today().isoformat())]
    rows += [("Note", note) for note in chart.notes]
    rows += [(f"Definition: {k}", v) for k, v in chart.definitions.items()]
    return rows


def data_file(chart: Chart, fmt: str, url: str) -> bytes:
    if fmt == "csv":
        return chart.data.to_csv(index=False, lineterminator="\n").encode("utf-8")
    if fmt == "json":
        meta = {"title": chart.title, "subtitle": chart.subtitle, "url": url, "sources": chart.sources,
                "licence": LICENCE, "accessed": date.today().isoformat(), "notes": chart.notes,
                "definitions": chart.definitions}
        records = json.loads(chart.data.to_json(orient="records", force_ascii=False))
        return json.dumps({**meta, "data": records}, ensure_ascii=False, indent=1).encode("utf-8")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        chart.data.to_excel(writer, sheet_name="data", index=False)
        pd.DataFrame(about_rows(chart, url), columns=["field", "value"]).to_excel(writer, sheet_name="about", index=False)
    return buffer.getvalue()


def image_file(chart: Chart, fmt: str, scale: int, url: str) -> bytes:
    figure = chart.figure
    if chart.kind == "map":
        figure = tier_legend(figure)
    published = for_publication(figure, title=chart.title, subtitle=chart.subtitle, sources=chart.sources, url=url,
                                kind=chart.kind)
    return render(published, fmt, scale)


def _cache_key() -> str:
    """The file's address as requested, with the origin written into it (so one Host header cannot
    change the links others receive)."""
    return f"file:{origin()}{request.path}?" + "&".join(f"{k}={v}" for k, v in sorted(request.args.items()))


def _is_cached() -> bool:
    return cache.get(_cache_key()) is not None


def serve(build_chart, ext: str, has_image: bool = True) -> Response:
    fmt = _format(ext, has_image)
    scale = SCALES.get(request.args.get("scale", "1"))
    if scale is None:
        raise FileError(400, "scale must be 1 or 2.")
    key = _cache_key()
    body = cache.get(key)
    if body is None:
        chart = build_chart()
        url = origin() + chart.view_path
        try:
            body = image_file(chart, fmt, scale, url) if fmt in FORMATS else data_file(chart, fmt, url)
        except ImagesUnavailable as err:
            raise FileError(503, str(err)) from None
        cache.set(key, body)
    name = request.path.rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0]
    suffix = "@2x" if scale == 2 else ""
    response = Response(body, content_type=(FORMATS | DATA_FORMATS)[fmt])
    response.headers["Content-Disposition"] = f'inline; filename="{stem}{suffix}.{fmt}"'
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


IMAGE_LIMIT = lambda: settings.get("IMAGE_RATE_LIMIT")  # noqa: E731 - read per request so tests can change it


def _only_renders() -> bool:
    """Rate-limit renders: cached files and data formats are free."""
    ext = request.path.rsplit(".", 1)[-1].lower()
    return ext not in FORMATS or _is_cached()


@files.route("/map.<ext>")
@limiter.limit(IMAGE_LIMIT, exempt_when=_only_renders)
def map_file(ext):
    year, region = _year(request.args.get("year")), _region(request.args.get("region"))
    return serve(lambda: map_chart(year, region), ext)


@files.route("/country/<code>.<ext>")
@limiter.limit(IMAGE_LIMIT, exempt_when=_only_renders)
def history_file(code, ext):
    iso3 = _place(code)
    compare = _compare(request.args.get("compare"), iso3)
    return serve(lambda: history_chart(iso3, compare), ext)


@files.route("/country/<code>/<chart>.<ext>")
@limiter.limit(IMAGE_LIMIT, exempt_when=_only_renders)
def country_chart_file(code, chart, ext):
    iso3 = _place(code)
    if chart not in COUNTRY_CHARTS:
        raise FileError(404, f"No chart {chart[:20]!r}: use one of {', '.join(COUNTRY_CHARTS)}.")
    return serve(lambda: COUNTRY_CHARTS[chart](iso3), ext, has_image=chart != "funding")


@files.route("/funding.<ext>")
@limiter.limit(IMAGE_LIMIT, exempt_when=_only_renders)
def funding_file(ext):
    raw_year = request.args.get("year")
    year = None if raw_year in (None, "") else _year(raw_year)
    region = _region(request.args.get("region"))
    notices: list[str] = []
    cost = funding_gap.parse_cost(request.args.get("cost_per_victim"), notices)
    if notices:
        raise FileError(400, notices[0])
    return serve(lambda: funding_chart(year, region, cost), ext)


@files.route("/data/package.zip")
def package_file():
    body = cache.get("file:package")
    if body is None:
        body = build_package()
        cache.set("file:package", body)
    response = Response(body, mimetype="application/zip")
    response.headers["Content-Disposition"] = 'attachment; filename="tip-tier-dashboard-datapackage.zip"'
    return response
