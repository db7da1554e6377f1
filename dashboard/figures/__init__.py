"""Pure figure builders: data frames in, plotly figures out. No database, no Dash, no request."""
