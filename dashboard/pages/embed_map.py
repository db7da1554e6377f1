"""/embed/map: the map alone, for an <iframe> on another site."""
import dash

from dashboard import charts
from dashboard.share import embed_view
from dashboard.state import parse_map_state, single_values

dash.register_page(__name__, path="/embed/map", title="TIP tiers map (embed)")


def layout(**params):
    year, region, notices = parse_map_state(single_values(params))
    return embed_view(charts.map_chart(year, region), notices)
