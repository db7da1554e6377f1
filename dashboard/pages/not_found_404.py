"""Any unknown path: a plain page with a way back, never an error trace."""
import dash
from dash import dcc, html

dash.register_page(__name__, path="/404", title="Page not found")


def layout(**_params):
    return html.Div(className="page", children=[
        html.H1("Page not found"),
        html.P(["There is no page at this address. ", dcc.Link("Open the world map", href="/"), "."]),
    ])
