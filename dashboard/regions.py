"""Region focus choices: which places each covers, declared once for the map, summary and URLs."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Region:
    id: str
    label: str
    column: str | None  # places column to filter on; None = world
    value: str | None

    def members(self, places: pd.DataFrame) -> pd.DataFrame:
        if self.column is None:
            return places
        return places[places[self.column] == self.value]


REGIONS: dict[str, Region] = {r.id: r for r in (
    Region("world", "World", None, None),
    Region("osce", "OSCE participating States", "osce_status", "participating_state"),
    Region("central-asia", "Central Asia", "un_subregion", "Central Asia"),
    Region("caribbean", "Caribbean", "un_subregion", "Caribbean"),
    Region("af", "Africa (State Dept.)", "state_dept_region", "AF"),
    Region("eap", "East Asia & Pacific (State Dept.)", "state_dept_region", "EAP"),
    Region("eur", "Europe & Eurasia (State Dept.)", "state_dept_region", "EUR"),
    Region("nea", "Near East (State Dept.)", "state_dept_region", "NEA"),
    Region("sca", "South & Central Asia (State Dept.)", "state_dept_region", "SCA"),
    Region("wha", "Western Hemisphere (State Dept.)", "state_dept_region", "WHA"),
)}
DEFAULT_REGION = "world"
