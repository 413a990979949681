"""Every figure of the dashboard and the export: one function per metric,
`f(cur, filters, ...) -> pandas.DataFrame`, each documenting its grain and columns.

The definitions are docs/metrics.md's (exports: docs/command-line.md#export-metrics); the
year a metric reads when filters.year is None is decided in one place, common.resolve_year.
"""

from analytics.metrics.choices import Choices, choices, latest_year, years
from analytics.metrics.common import YEAR_DEFAULT, resolve_year
from analytics.metrics.groups import ALLOWED_BY, UnknownGrouping
from analytics.metrics.impact import training_impact
from analytics.metrics.jp import jp_compliance
from analytics.metrics.needs import training_needs
from analytics.metrics.scores import employee_gaps, jpm
from analytics.metrics.summaries import gap_summary, jpm_summary

# (the module analytics.metrics.talent keeps its name: its `talent` export is not re-exported)
from analytics.metrics.talent import succession, talent_moves, talent_summary
from analytics.metrics.trend import trend

__all__ = [
    "ALLOWED_BY",
    "YEAR_DEFAULT",
    "Choices",
    "UnknownGrouping",
    "choices",
    "employee_gaps",
    "gap_summary",
    "jp_compliance",
    "jpm",
    "jpm_summary",
    "latest_year",
    "resolve_year",
    "succession",
    "talent_moves",
    "talent_summary",
    "training_impact",
    "training_needs",
    "trend",
    "years",
]
