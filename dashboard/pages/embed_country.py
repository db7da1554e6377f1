"""/embed/country/<ISO3>: a place's tier history (with ?compare=) alone, for an <iframe>."""
import dash

from dashboard import charts, queries
from dashboard.share import embed_view
from dashboard.state import parse_compare

dash.register_page(__name__, path_template="/embed/country/<iso3>", title="TIP tier history (embed)")
FALLBACK = "KAZ"


def layout(iso3=None, compare=None, **_other):
    places = queries.all_places()
    code = (iso3 or "").upper()
    code = code if code in places.index else FALLBACK
    return embed_view(charts.history_chart(code, parse_compare(compare, set(places.index), code, [])))
