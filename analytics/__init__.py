"""Competency analytics for the ASN of Jambi Province: store, import, metrics, exports.

This package never imports streamlit: the dashboard (pages/, ui/) calls it, not the reverse.
"""
