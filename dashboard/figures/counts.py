"""Counts over time (victims detected, prosecutions, convictions): suppressed small counts are drawn
as '<5' markers at the suppression bound, never as zero."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.history import LINE_COLOURS

SUPPRESSION_BOUND = 5


def every_year(rows: pd.DataFrame, column: str) -> pd.Series:
    """Values indexed by every year from the first to the last, NaN where there is none, so that a
    line breaks at a missing year instead of bridging it."""
    series = rows.set_index("year")[column].astype(float)
    if series.empty:
        return series
    years = range(int(series.index.min()), int(series.index.max()) + 1)
    return series[~series.index.duplicated()].reindex(years)


def counts_chart(stats: pd.DataFrame, labels: dict[str, str], title: str | None = None) -> go.Figure:
    """stats: metric, year, value, suppressed (totals only). One line per metric."""
    figure = go.Figure()
    for i, (metric, label) in enumerate(labels.items()):
        rows = stats[stats["metric"] == metric].sort_values("year")
        if rows.empty:
            continue
        colour = LINE_COLOURS[(i + 1) % len(LINE_COLOURS)]
        shown = every_year(rows[~rows["suppressed"].astype(bool)], "value")
        figure.add_trace(go.Scatter(x=shown.index, y=shown.values, name=label, mode="lines+markers", connectgaps=False,
                                    line=dict(color=colour), hovertemplate=f"{label} %{{x}}: %{{y:,}}<extra></extra>"))
        hidden = rows[rows["suppressed"].astype(bool)]
        if not hidden.empty:
            figure.add_trace(go.Scatter(
                x=hidden["year"], y=[SUPPRESSION_BOUND] * len(hidden), name=f"{label}: fewer than 5 (suppressed)",
                mode="markers+text", text=["<5"] * len(hidden), textposition="top center",
                marker=dict(symbol="triangle-down-open", size=10, color=colour),
                hovertemplate=f"{label} %{{x}}: <5 (suppressed by the source)<extra></extra>"))
    figure.update_layout(margin=dict(l=10, r=10, t=40 if title else 10, b=10), height=320, plot_bgcolor="white",
                         legend=dict(orientation="h", y=-0.25), title=dict(text=title, x=0.01) if title else None)
    figure.update_xaxes(dtick=2, gridcolor="#f0f0f0", fixedrange=True)
    figure.update_yaxes(rangemode="tozero", gridcolor="#e5e5e5", fixedrange=True, title="people")
    return figure
