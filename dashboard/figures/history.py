"""Tier history as a step chart: one line per place, gaps where we have no data."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from etl.tiers import FIRST_REPORT_YEAR, LAST_REPORT_YEAR, TIER_BY_CODE, TIERS

# Vertical positions: Tier 1 at the top, Special Case below Tier 3 (it is not a tier).
LEVEL = {t.code: i for i, t in enumerate(TIERS)}
# Colour-blind-safe line colours for up to six places (Okabe-Ito).
LINE_COLOURS = ["#000000", "#D55E00", "#009E73", "#CC79A7", "#0072B2", "#E69F00"]


def tier_history(histories: dict[str, pd.DataFrame], names: dict[str, str], title: str | None = None) -> go.Figure:
    """histories: iso3 -> frame(report_year, tier). Years without a row are drawn as gaps."""
    years = list(range(FIRST_REPORT_YEAR, LAST_REPORT_YEAR + 1))
    figure = go.Figure()
    for i, (iso3, frame) in enumerate(histories.items()):
        by_year = dict(zip(frame["report_year"], frame["tier"]))
        levels = [LEVEL[by_year[y]] if y in by_year else None for y in years]
        hover = [f"{names[iso3]} {y}: " + (TIER_BY_CODE[by_year[y]].label if y in by_year else "no data") for y in years]
        colour = LINE_COLOURS[i % len(LINE_COLOURS)]
        figure.add_trace(go.Scatter(
            x=years, y=levels, name=names[iso3], mode="lines+markers", line_shape="hv", connectgaps=False,
            line=dict(width=3 if i == 0 else 2, color=colour, dash="solid" if i == 0 else "dot"),
            marker=dict(size=7, color=colour, symbol=["circle", "square", "diamond", "triangle-up", "x", "star"][i % 6]),
            text=hover, hoverinfo="text"))
    figure.update_yaxes(tickvals=list(LEVEL.values()), ticktext=[t.label for t in TIERS],
                        range=[len(TIERS) - 0.5, -0.5], gridcolor="#e5e5e5", zeroline=False, fixedrange=True)
    figure.update_xaxes(range=[FIRST_REPORT_YEAR - 0.5, LAST_REPORT_YEAR + 0.5], dtick=2, gridcolor="#f0f0f0",
                        title="TIP report year", fixedrange=True)
    figure.update_layout(margin=dict(l=10, r=10, t=40 if title else 10, b=10), height=340, plot_bgcolor="white",
                         legend=dict(orientation="h", y=-0.25), title=dict(text=title, x=0.01) if title else None,
                         hovermode="closest")
    return figure
