"""Pure Plotly chart builders: DataFrame in, go.Figure out. Never imports streamlit."""
