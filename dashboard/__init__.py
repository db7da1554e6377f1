"""Plotly Dash dashboard of TIP tier placements; reads only the database that etl/ loads."""
