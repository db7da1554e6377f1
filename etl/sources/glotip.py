"""UNODC Global Report on Trafficking in Persons (GLOTIP) country data, 2003-2021: detected
victims, persons prosecuted and convicted ... "<5" is a suppressed small count: stored as
suppressed with no number, never as 0 or 5."""
from __future__ import annotations

import pandas as pd

from etl.sources.base import BuildContext, SourceRecord, fail

DATASET = SourceRecord(
    "unodc-glotip", "dataset", "United Nations Office on Drugs and Crime (UNODC)",
    "Global Report on Trafficking in Persons: country data (data_glotip.xlsx)", None,
    "https://dataunodc.un.org/dp-trafficking-persons", "UNODC data terms of use",
    note="Copy found in the public repository rcarte73/my_first_app; the UNODC release it came from is not recorded.")
COLUMNS = ["Country", "Indicator", "Dimension", "Category", "Sex", "Age", "Year", "txtVALUE"]
SUPPRESSED = "<5"
METRICS = {
    "Detected trafficking victims": "unodc_detected_victims",
    "Persons convicted": "unodc_persons_convicted",
    "Persons prosecuted": "unodc_persons_prosecuted",
    "Persons brought into formal contact": "unodc_persons_formal_contact",
    "Offences of trafficking in persons": "unodc_offences",
}
KEPT_DIMENSION = "Total"  # totals with their sex/age breakdowns; citizenship and form breakdowns are left out


def _breakdown(sex: str, age: str) -> str:
    parts = [f"sex={sex}" if sex != "Total" else "", f"age={age}" if age != "Total" else ""]
    return ";".join(p for p in parts if p) or "total"


def run(ctx: BuildContext) -> list[dict]:
    # load
    path = ctx.path("unodc_glotip/data_glotip.xlsx")
    frame = pd.read_excel(path, dtype=str).fillna("")
    for column in COLUMNS:
        if column not in frame.columns:
            raise fail(path, 1, column, "required column is missing")
    # process
    source_id = ctx.registry.add(DATASET)
    out, no_country, not_ranked = [], 0, 0
    for index, row in frame.iterrows():
        if row["Dimension"] != KEPT_DIMENSION:
            continue
        line = index + 2
        if not row["Country"].strip():
            no_country += 1  # the source file has rows with no country at all: they cannot be attributed
            continue
        if row["Indicator"] not in METRICS:
            raise fail(path, line, "Indicator", f"unknown indicator {row['Indicator']!r}")
        try:
            iso3 = ctx.resolver.name(row["Country"])
        except ValueError as err:
            raise fail(path, line, "Country", str(err)) from None
        if iso3 is None:
            not_ranked += 1  # a name the alias table marks as no TIP place (e.g. Sark)
            continue
        raw = row["txtVALUE"].strip()
        suppressed = raw == SUPPRESSED
        try:
            value = None if suppressed else float(raw.replace(",", ""))  # "1,757"
        except ValueError:
            raise fail(path, line, "txtVALUE", f"not a count or {SUPPRESSED!r}: {raw!r}") from None
        out.append(dict(
            iso3=iso3, area=None, metric=METRICS[row["Indicator"]], breakdown=_breakdown(row["Sex"], row["Age"]),
            year=int(float(row["Year"])), period=str(int(float(row["Year"]))), report_year=None, value=value,
            value_as_published=raw, suppressed=suppressed, quote=None, source_id=source_id, note=None))
    ctx.notes.append(f"{path.name}: kept {len(out):,} '{KEPT_DIMENSION}' rows; left out {no_country:,} rows with no "
                     f"country name and {not_ranked:,} rows for places the TIP report does not rank (e.g. Sark).")
    return out
