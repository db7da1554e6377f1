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


STATE_DEPT_REGION_NAMES = {"AF": "Africa", "EAP": "East Asia & Pacific", "EUR": "Europe & Eurasia",
                           "NEA": "Near East", "SCA": "South & Central Asia", "WHA": "Western Hemisphere"}
REGIONS: dict[str, Region] = {r.id: r for r in (
    Region("world", "World", None, None),
    Region("osce", "OSCE participating States", "osce_status", "participating_state"),
    Region("central-asia", "Central Asia", "un_subregion", "Central Asia"),
    Region("caribbean", "Caribbean", "un_subregion", "Caribbean"),
    *(Region(code.lower(), f"{name} (State Dept.)", "state_dept_region", code)
      for code, name in STATE_DEPT_REGION_NAMES.items()),
)}
DEFAULT_REGION = "world"
