"""Helpers that several pages share (kept out of dashboard/pages/, whose modules Dash loads itself)."""
from __future__ import annotations

import pandas as pd

DEFAULT_PLACE = "KAZ"


def resolve_place(raw: str | None, places: pd.DataFrame, notices: list[str]) -> str:
    code = (raw or "").strip().upper()
    if code in places.index:
        return code
    notices.append(f"We have no place with the code “{str(raw)[:10]}”: showing {places.at[DEFAULT_PLACE, 'name']}. "
                   "Pick another place below.")
    return DEFAULT_PLACE
