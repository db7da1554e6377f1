"""What every source step shares: the build context, the source registry and raw-file readers
whose errors name the file, row and column."""
from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

from etl.countries import PlaceResolver, UnknownPlace
from etl.validate import InvalidData, Problem

ACCESSED = "2026-11-29"  # when the raw public files in ../shared/datasets were taken into this product


@dataclass(frozen=True)
class SourceRecord:
    source_id: str
    kind: str
    publisher: str
    title: str
    year: int | None = None
    url: str | None = None
    licence: str | None = None
    accessed: str | None = ACCESSED
    via_source_id: str | None = None
    note: str | None = None


# Hosts whose pages reproduce U.S. Department of State text, and who publishes them.
_PUBLISHERS = {
    "state.gov": "U.S. Department of State",
    "usembassy.gov": "U.S. Department of State (embassy)",
    "ecoi.net": "ecoi.net (Austrian Red Cross/ACCORD), copy of a U.S. Department of State report",
    "refworld.org": "UNHCR Refworld, copy of a U.S. Department of State report",
    "unhcr.org": "UNHCR Refworld, copy of a U.S. Department of State report",
    "gvnet.com": "gvnet.com (unofficial adaptation of the TIP Report)",
    "github.com": "GitHub repository",
    "osce.org": "OSCE",
    "iom.int": "IOM",
    "usaid.gov": "USAID",
}
_TIP_PATH = re.compile(r"/reports/(\d{4})-trafficking-in-persons-report(?:-2)?/([a-z0-9-]+)/?$")


def describe_url(url: str) -> tuple[str, str, int | None]:
    """Publisher, title and year for a cited web page, from its address alone (nothing guessed)."""
    host = urlparse(url).netloc.lower().removeprefix("www.")
    publisher = next((name for domain, name in _PUBLISHERS.items() if host == domain or host.endswith("." + domain)),
                     host or "unknown publisher")
    if match := _TIP_PATH.search(urlparse(url).path):
        year, slug = int(match.group(1)), match.group(2).replace("-", " ").title()
        return publisher, f"Trafficking in Persons Report {year}: {slug}", year
    return publisher, f"Web page at {host}", None


class Registry:
    """Collects every source cited during a build, under stable ids."""

    def __init__(self) -> None:
        self.records: dict[str, SourceRecord] = {}

    def add(self, record: SourceRecord) -> str:
        existing = self.records.setdefault(record.source_id, record)
        if existing != record:
            raise ValueError(f"two different sources share the id {record.source_id!r}")
        return record.source_id

    def document(self, url: str, via: str, note: str | None = None) -> str:
        """The id of a cited page (one per URL); `via` is the dataset that cited it."""
        url = url.strip()
        source_id = "doc-" + hashlib.sha1(url.encode()).hexdigest()[:12]
        if source_id not in self.records:
            publisher, title, year = describe_url(url)
            self.records[source_id] = SourceRecord(source_id, "document", publisher, title, year, url,
                                                   via_source_id=via, note=note)
        return source_id

    def rows(self) -> list[dict]:
        return [asdict(r) for r in sorted(self.records.values(), key=lambda r: r.source_id)]


@dataclass
class BuildContext:
    raw_dir: Path
    resolver: PlaceResolver = field(default_factory=PlaceResolver)
    registry: Registry = field(default_factory=Registry)
    notes: list[str] = field(default_factory=list)  # rows left out on purpose, said aloud and kept in the manifest

    def path(self, relative: str) -> Path:
        path = self.raw_dir / relative
        if not path.exists():
            raise InvalidData([Problem(str(path), None, None, "raw file not found")])
        return path


def fail(path: Path, row: int | None, column: str | None, message: str) -> InvalidData:
    return InvalidData([Problem(str(path), row, column, message)])


def read_csv(path: Path, required: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (spreadsheet row number, row) from a UTF-8 CSV, failing clearly on a bad header or row."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise fail(path, None, None, f"invalid UTF-8: {err}") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    for column in required:
        if column not in header:
            raise fail(path, 1, column, "required column is missing")
    for row in reader:
        if None in row or any(v is None for v in row.values()):
            raise fail(path, reader.line_num, None, "row has the wrong number of fields")
        yield reader.line_num, {k: (v or "").strip() for k, v in row.items()}


def resolve_place(ctx: BuildContext, path: Path, row: int, column: str, name: str, code: str = "") -> str | None:
    """ISO-3 of a raw row's place, by code if given (checked against the name), else by name."""
    try:
        by_name = ctx.resolver.name(name) if name else None
        if code:
            by_code = ctx.resolver.code(code)
            if by_name and by_name != by_code:
                raise UnknownPlace(f"name {name!r} is {by_name} but the code column says {by_code}")
            return by_code
        if not name:
            raise UnknownPlace("no place name")
        return by_name
    except UnknownPlace as err:
        raise fail(path, row, column, str(err)) from None
