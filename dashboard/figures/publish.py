"""Make a figure stand on its own when it leaves the site: title, subtitle, source line and the URL
of the view drawn inside the image, and a tier legend for maps."""
from __future__ import annotations

import copy
import textwrap

import plotly.graph_objects as go

from etl.tiers import NO_DATA_COLOUR, NO_DATA_LABEL, TIERS

SIZES = {"map": (1200, 720), "chart": (1000, 560)}
# Pixels between the plot area and the source line: a map's legend sits there; a chart's x axis.
FOOT = {"map": 45, "chart": 70}
LINE = 15  # px per line of the source block
LEGEND_ROOM = 300  # px right of a chart for its legend
LABEL_ROOM = 110  # px right of a chart without a legend, for bar labels past the plot
SOURCE_WRAP = 150  # characters per source line at 1000 px


def tier_legend(figure: go.Figure) -> go.Figure:
    """Add one legend entry per tier (and 'no data') to a map, as invisible geo points."""
    for name, colour in [(t.label, t.colour) for t in TIERS] + [(NO_DATA_LABEL, NO_DATA_COLOUR)]:
        figure.add_trace(go.Scattergeo(lon=[None], lat=[None], mode="markers", name=name, showlegend=True,
                                       marker=dict(size=12, symbol="square", color=colour, line=dict(color="#666", width=1)),
                                       hoverinfo="skip"))
    figure.update_layout(showlegend=True)
    return figure


def for_publication(figure: go.Figure, *, title: str, subtitle: str, sources: list[str], url: str,
                    kind: str = "chart") -> go.Figure:
    """A copy of `figure` sized for export, carrying its own attribution."""
    width, height = SIZES[kind]
    out = go.Figure(copy.deepcopy(figure.to_dict()))
    lines = textwrap.wrap("Source: " + "; ".join(sources), width=SOURCE_WRAP * width // 1000)
    foot = FOOT[kind]
    # A map's tier legend runs under the map; a chart's legend stands to the right of the plot.
    legend = (dict(orientation="h", x=0, y=0, yanchor="top", font_size=13) if kind == "map"
              else dict(orientation="v", x=1.02, xanchor="left", y=1, yanchor="top", font_size=12))
    out.update_layout(
        width=width, height=height, autosize=False, paper_bgcolor="white", legend=legend,
        title=dict(text=f"<b>{title}</b><br><span style='font-size:14px;color:#444'>{subtitle}</span>",
                   x=0.01, xanchor="left", y=1, yanchor="top", pad=dict(t=32), font=dict(size=20)),
        margin=dict(l=50, r=LEGEND_ROOM if kind == "chart" and len(out.data) > 1 else LABEL_ROOM, t=120,
                    b=foot + LINE * (len(lines) + 1) + 15),
        font=dict(family="DejaVu Sans, Arial, sans-serif", color="#1a1a1a"))
    out.add_annotation(text="<br>".join(lines), xref="paper", yref="paper", x=0, y=0, yshift=-foot,
                       xanchor="left", yanchor="top", showarrow=False, align="left", font=dict(size=11, color="#333"))
    out.add_annotation(text=url, xref="paper", yref="paper", x=0, y=0, yshift=-(foot + LINE * len(lines) + 2),
                       xanchor="left", yanchor="top", showarrow=False, font=dict(size=11, color="#0b5394"))
    return out
