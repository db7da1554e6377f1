"""The 'Download, embed and cite' panel: file links for a chart's stable addresses, the <iframe>
snippet of its embed view, and a citation of the current view."""
from __future__ import annotations

from datetime import date
from html import escape

from dash import dcc, html
from flask import has_request_context, request

from dashboard.images import unavailable_reason
from etl import settings

IMAGE_LINKS = [("PNG", "png", ""), ("PNG 2×", "png", "scale=2"), ("SVG", "svg", ""), ("PDF", "pdf", "")]
DATA_LINKS = [("CSV", "csv"), ("Excel", "xlsx"), ("JSON", "json")]


def origin() -> str:
    """The public address links are written with: PUBLIC_URL, else the request's own."""
    if public := settings.get("PUBLIC_URL"):
        return public.rstrip("/")
    return request.host_url.rstrip("/") if has_request_context() else ""


def _with(query: str, extra: str) -> str:
    parts = [p for p in (query.lstrip("?"), extra) if p]
    return "?" + "&".join(parts) if parts else ""


def citation(what: str, source: str, view_path: str) -> str:
    today = date.today()
    return (f"{source}: {what}. Compiled by the TIP tier dashboard. {origin()}{view_path} "
            f"(accessed {today.day} {today:%B %Y}).")


def file_links(file_stem: str, query: str = "", has_image: bool = True) -> list[html.P]:
    """Links to a chart's files; image links say why when the server cannot render images."""
    reason = unavailable_reason() if has_image else None
    if not has_image:
        images = []
    elif reason:
        images = [html.Span(reason, className="muted")]
    else:
        images = [html.A(label, href=f"{file_stem}.{ext}{_with(query, extra)}", download="", className="file-link")
                  for label, ext, extra in IMAGE_LINKS]
    data = [html.A(label, href=f"{file_stem}.{ext}{query}", download="", className="file-link") for label, ext in DATA_LINKS]
    rows = [html.P([html.B("Image: "), *images], className="file-links")] if images else []
    return rows + [html.P([html.B("Data: "), *data], className="file-links")]


def share_panel(file_stem: str, query: str, embed_path: str, view_path: str, what: str, source: str,
                title: str = "Chart") -> html.Section:
    """file_stem: '/map' or '/country/KAZ'; query: the view's query string ('?year=2012')."""
    key = file_stem.strip("/").replace("/", "-")
    snippet = (f'<iframe src="{origin()}{embed_path}" title="{escape(title)}" width="100%" height="560" '
               f'style="border:0" loading="lazy"></iframe>')
    return html.Section(className="share", children=[
        html.H2("Download, embed and cite"),
        *file_links(file_stem, query),
        html.Label("Embed code", htmlFor=f"embed-{key}"),
        html.Textarea(snippet, readOnly=True, rows=2, className="snippet", id=f"embed-{key}"),
        html.Label("Cite this view", htmlFor=f"cite-{key}"),
        html.Textarea(citation(what, source, view_path), readOnly=True, rows=2, className="snippet", id=f"cite-{key}"),
    ])


def embed_view(chart, notices: list[str] | None = None) -> html.Div:
    """A chart alone, for an <iframe> on another site: title, source and a link back (and the notice
    when a parameter fell back to its default)."""
    from dashboard.app import GRAPH_CONFIG  # the app module imports the pages that import this one
    from dashboard.components import notice
    return html.Div(className="embed-page", children=[
        notice(notices or []),
        html.H1(chart.title, className="embed-title"),
        html.P(chart.subtitle, className="muted"),
        dcc.Graph(figure=chart.figure, config={**GRAPH_CONFIG, "displayModeBar": False}, className="embed-graph"),
        html.P(["Source: " + "; ".join(chart.sources) + ". ",
                html.A("Open the full view", href=chart.view_path, target="_blank", rel="noopener")], className="muted"),
    ])
