"""Streamlit-aware helpers: the only layer that imports streamlit besides pages/."""
