"""The whole database as a Frictionless Data Package: datapackage.json (a schema for every table,
derived from etl.schema) plus one CSV per table, zipped."""
from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime, timezone

from sqlalchemy import Boolean, Float, Integer

from dashboard import queries
from dashboard.charts import LICENCE
from etl.schema import DATA_TABLES, file_columns


def _field_type(column) -> str:
    kind = column.type
    return "boolean" if isinstance(kind, Boolean) else "integer" if isinstance(kind, Integer) else \
        "number" if isinstance(kind, Float) else "string"


def table_schema(table) -> dict:
    columns = file_columns(table)
    schema = {"fields": [{"name": c.name, "type": _field_type(c), **({"description": c.comment} if c.comment else {}),
                          **({"constraints": {"required": True}} if not c.nullable else {})} for c in columns]}
    key = [c.name for c in table.primary_key.columns if not c.info.get("generated")]
    if key:
        schema["primaryKey"] = key
    foreign = [{"fields": [fk.parent.name], "reference": {"resource": fk.column.table.name, "fields": [fk.column.name]}}
               for fk in table.foreign_keys if fk.column.table in DATA_TABLES]
    if foreign:
        schema["foreignKeys"] = foreign
    schema["missingValues"] = [""]
    return schema


def build_package() -> bytes:
    """Zip of datapackage.json and the CSVs, straight from the database."""
    buffer = io.BytesIO()
    resources = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in DATA_TABLES:
            frame = queries.table_frame(table.name)[[c.name for c in file_columns(table)]]
            for column in file_columns(table):
                if isinstance(column.type, Boolean):
                    frame[column.name] = frame[column.name].map({True: "true", False: "false", 1: "true", 0: "false"})
                elif isinstance(column.type, Integer):
                    frame[column.name] = frame[column.name].astype("Int64")  # not 2015.0 where a column has gaps
            path = f"data/{table.name}.csv"
            archive.writestr(path, frame.to_csv(index=False, lineterminator="\n"))
            resources.append({"name": table.name, "path": path, "profile": "tabular-data-resource", "format": "csv",
                              "encoding": "utf-8", "mediatype": "text/csv",
                              **({"description": table.comment} if table.comment else {}), "schema": table_schema(table)})
        descriptor = {
            "profile": "tabular-data-package", "name": "tip-tier-dashboard",
            "title": "Trafficking in Persons Report tiers, OSCE indicators and shelter funding",
            "description": "The TIP tier dashboard's database: every figure links to its source (sources table).",
            "licenses": [{"name": "CC0-1.0", "title": "The compilation, and facts from U.S. Government reports"},
                         {"name": "MIT", "title": "Scorecard Diplomacy data (Kelley & Heiss): tier panel, US grants"},
                         {"name": "UNODC-terms", "path": "https://dataunodc.un.org/",
                          "title": "UNODC data terms of use: statistics rows whose source_id is unodc-glotip"}],
            "sources": [{"title": f"{r['publisher']}: {r['title']}", **({"path": r["url"]} if r["url"] else {})}
                        for r in queries.table_frame("sources").to_dict("records") if r["kind"] == "dataset"],
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "resources": resources,
        }
        archive.writestr("datapackage.json", json.dumps(descriptor, indent=2, ensure_ascii=False))
    return buffer.getvalue()
