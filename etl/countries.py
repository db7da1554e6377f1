"""Place names and codes -> ISO 3166-1 alpha-3.

Standard names and codes come from pycountry; the spellings the TIP report and other sources
use ("Burma", "Korea, South", "Congo (ROC)", "St. Maarten") come from our own table
(etl/curated/place_aliases.csv when building, data/place_names.csv when loading).
An unknown name is an error, never a dropped row.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pycountry

CURATED_ALIASES = Path(__file__).with_name("curated") / "place_aliases.csv"
DISPLAY_NAMES = Path(__file__).with_name("curated") / "display_names.csv"
# User-assigned or retired codes that pycountry does not know but the TIP report ranks.
EXTRA_CODES = {"XKX": "Kosovo"}
RETIRED_CODES = {"KOS": "XKX"}


class UnknownPlace(ValueError):
    """A name or code that resolves to no place."""


def normalise(name: str) -> str:
    """Fold case, accents, punctuation, a leading 'the' and a trailing year tag ("Vietnam (2023)",
    as the Factbook writes some names) so that trivial variants match."""
    text = unicodedata.normalize("NFKD", re.sub(r"\s*\(\d{4}\)$", "", name.strip()))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("&", " and ").replace("’", "'").replace("`", "'")
    text = re.sub(r"[^\w']+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def load_aliases(path: Path = CURATED_ALIASES) -> dict[str, tuple[str, str]]:
    """Read the alias table: normalised name -> (iso3, area).

    A row with an area names a scope that is not a place (a region, "Global"); a row with neither
    names something we know is no place the report ranks (e.g. "Sark"), so it is skipped on purpose.
    """
    with path.open(encoding="utf-8", newline="") as fh:
        return {normalise(row["name"]): (row["iso3"], row["area"]) for row in csv.DictReader(fh)}


def _standard_index() -> dict[str, str]:
    """pycountry's names, official names and common names, normalised, -> ISO-3."""
    index = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if value := getattr(country, attr, None):
                index.setdefault(normalise(value), country.alpha_3)
    return index


class PlaceResolver:
    """Resolve names and codes to ISO-3, remembering each name it resolved and how."""

    def __init__(self, aliases: dict[str, tuple[str, str]] | None = None):
        self.aliases = load_aliases() if aliases is None else aliases
        self.standard = _standard_index()
        self.seen: dict[str, str] = {}

    def code(self, code: str) -> str:
        """Validate an ISO-3 code (or map a retired one); raise UnknownPlace otherwise."""
        code = code.strip().upper()
        code = RETIRED_CODES.get(code, code)
        if code in EXTRA_CODES or pycountry.countries.get(alpha_3=code):
            return code
        raise UnknownPlace(f"unknown country code {code!r}")

    def area(self, name: str) -> str | None:
        """The area code (region, "GLOBAL" ...) a name stands for, or None if it is not an area."""
        return self.aliases.get(normalise(name), ("", ""))[1] or None

    def name(self, name: str) -> str | None:
        """ISO-3 for a name; None for a name the alias table marks as no place; UnknownPlace if unknown."""
        key = normalise(name)
        if key in self.aliases:
            iso3 = self.aliases[key][0] or None
        elif key in self.standard:
            iso3 = self.standard[key]
        else:
            raise UnknownPlace(f"unknown country name {name!r}")
        if iso3:
            self.seen.setdefault(name.strip(), iso3)
        return iso3


def _display_names() -> dict[str, str]:
    with DISPLAY_NAMES.open(encoding="utf-8", newline="") as fh:
        return {row["iso3"]: row["name"] for row in csv.DictReader(fh)}


def standard_name(iso3: str) -> str:
    """A short English name: ours where pycountry's is ambiguous or unlike the TIP report's
    ("Congo", "Myanmar"), else pycountry's common name, else its name."""
    if iso3 in EXTRA_CODES:
        return EXTRA_CODES[iso3]
    if name := _display_names().get(iso3):
        return name
    country = pycountry.countries.get(alpha_3=iso3)
    return getattr(country, "common_name", None) or country.name
