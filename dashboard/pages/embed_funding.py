"""/embed/funding: the ranked funding-gap chart alone (labelled as an estimate), for an <iframe>."""
import dash

from dashboard import charts, views
from dashboard.share import embed_view

dash.register_page(__name__, path="/embed/funding", title="Funding gaps (embed)")


def layout(**params):
    year, region, cost, _place, _notices = views.funding_state({k: str(v) for k, v in params.items()})
    return embed_view(charts.funding_chart(year, region, cost))
