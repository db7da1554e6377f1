"""Funding-gap figures: a ranked bar chart of estimated gaps and one place's need against its
recorded funding over time. Estimates are labelled as such in the figure itself."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.counts import every_year
from dashboard.figures.history import LINE_COLOURS
from etl.tiers import NO_DATA_COLOUR, TIER_BY_CODE, tier_label


def usd(value) -> str:
    """US$ 12,345, or 'unknown' (never 0) when there is no figure."""
    return "unknown" if pd.isna(value) else f"US$ {value:,.0f}"


def gap_hover(row: dict) -> str:
    victims = "no count" if pd.isna(row["victims"]) else f"{row['victims']:,.0f}"
    return (f"<b>{row['name']}, {row['year']}</b><br>Estimated gap: {usd(row['gap'])} (estimate)<br>"
            f"Need: {victims} victims × {usd(row['cost_per_victim'])} = {usd(row['need'])} (estimate)<br>"
            f"Recorded funding: {usd(row['funding'])}<br>Tier in the next report: {tier_label(row['tier_next_report'])}")


def gap_bars(table: pd.DataFrame, title: str | None = None) -> go.Figure:
    """table: place-years with a computable gap (iso3, name, year, victims, need, funding, gap,
    cost_per_victim, tier_next_report); largest gap at the top."""
    ranked = table.sort_values("gap", ascending=True)
    colours = [TIER_BY_CODE[t].colour if isinstance(t, str) else NO_DATA_COLOUR for t in ranked["tier_next_report"]]
    figure = go.Figure(go.Bar(
        x=ranked["gap"], y=ranked["name"], orientation="h", customdata=ranked["iso3"],
        marker=dict(color=colours, line=dict(color="#333", width=0.5)),
        text=[usd(g) for g in ranked["gap"]], textposition="auto", cliponaxis=False,
        hovertext=[gap_hover(r) for r in ranked.to_dict("records")], hoverinfo="text", name="estimated gap"))
    figure.update_layout(
        height=max(260, 28 * len(ranked) + 120), margin=dict(l=10, r=30, t=50 if title else 30, b=40),
        plot_bgcolor="white", showlegend=False, title=dict(text=title, x=0.01) if title else None,
        annotations=[dict(text="Estimates: need = victims identified × assumed cost per victim; gap = need − recorded funding",
                          xref="paper", yref="paper", x=0, y=1, yanchor="bottom", showarrow=False,
                          font=dict(size=12, color="#555"))])
    figure.update_xaxes(title="Estimated gap, US$ (below zero: recorded funding exceeds the estimated need)", gridcolor="#e5e5e5", zeroline=True, zerolinecolor="#888",
                        fixedrange=True, tickformat="$,.0f")
    figure.update_yaxes(fixedrange=True, automargin=True)
    return figure


def need_vs_funding(rows: pd.DataFrame, name: str, title: str | None = None) -> go.Figure:
    """rows: one place's years (year, need, funding). Unknown funding is a gap in the line, not zero."""
    rows = rows.sort_values("year")
    need, funding = every_year(rows, "need"), every_year(rows, "funding")
    figure = go.Figure()
    figure.add_trace(go.Scatter(x=need.index, y=need.values, name="Need (estimate)", mode="lines+markers",
                                line=dict(color=LINE_COLOURS[1], dash="dash"), connectgaps=False,
                                hovertemplate="Need %{x}: US$ %{y:,.0f} (estimate)<extra></extra>"))
    figure.add_trace(go.Scatter(x=funding.index, y=funding.values, name="Recorded funding", mode="lines+markers",
                                line=dict(color=LINE_COLOURS[4]), connectgaps=False,
                                hovertemplate="Recorded funding %{x}: US$ %{y:,.0f}<extra></extra>"))
    figure.update_layout(height=320, plot_bgcolor="white", margin=dict(l=10, r=10, t=40 if title else 10, b=10),
                         legend=dict(orientation="h", y=-0.2), title=dict(text=title, x=0.01) if title else None)
    figure.update_xaxes(dtick=1, gridcolor="#f0f0f0", fixedrange=True)
    figure.update_yaxes(rangemode="tozero", tickformat="$,.0f", gridcolor="#e5e5e5", fixedrange=True, title=f"{name} (US$)")
    return figure
