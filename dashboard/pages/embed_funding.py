"""/embed/funding: the ranked funding-gap chart alone (labelled as an estimate), for an <iframe>."""
import dash

from dashboard import charts, views
from dashboard.share import embed_view
from dashboard.state import single_values

dash.register_page(__name__, path="/embed/funding", title="Funding gaps (embed)")


def layout(**params):
    year, region, cost, _place, notices = views.funding_state(single_values(params))
    return embed_view(charts.funding_chart(year, region, cost), notices)
