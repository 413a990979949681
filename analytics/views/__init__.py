"""Dashboard views that combine metrics: the gap matrix, headline KPIs, people and a profile.

They follow the metrics' rules (scores with a standard, exact sums, Filters.where on every
table) and shape results for pages and the deck; none is an export (docs/command-line.md#export).
"""

from analytics.views.headline import Kpis, NeedsTotals, kpis, needs_totals
from analytics.views.matrix import gap_matrix, unit_summary
from analytics.views.people import people, profile

__all__ = [
    "Kpis",
    "NeedsTotals",
    "gap_matrix",
    "kpis",
    "needs_totals",
    "people",
    "profile",
    "unit_summary",
]
