"""/embed/country/<ISO3>: a place's tier history (with ?compare=) alone, for an <iframe>."""
import dash

from dashboard import charts, queries
from dashboard.pages_common import resolve_place
from dashboard.share import embed_view
from dashboard.state import parse_compare, single_values

dash.register_page(__name__, path_template="/embed/country/<iso3>", title="TIP tier history (embed)")


def layout(**params):
    values = single_values(params)
    places = queries.all_places()
    notices: list[str] = []
    code = resolve_place(values.get("iso3"), places, notices)
    compared = parse_compare(values.get("compare"), set(places.index), code, notices)
    return embed_view(charts.history_chart(code, compared), notices)
