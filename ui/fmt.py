"""Number formatting for the UI: the same functions the reports use (analytics.core.numfmt)."""

from analytics.core.numfmt import integer, num, pct, rupiah, signed

__all__ = ["integer", "num", "pct", "rupiah", "signed"]
