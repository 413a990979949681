"""The Plotly figures of a report, built by the dashboard's chart builders from the report's
content and restyled for slides and pages (charts.report.for_report)."""

from __future__ import annotations

import plotly.graph_objects as go

from analytics.core.numfmt import pct
from analytics.report.content import CATEGORIES, CATEGORY_COLUMNS, ReportContent
from analytics.report.texts import t
from charts import gaps, impact, report, trends


def forest(c: ReportContent, font_size: int = 20) -> go.Figure | None:
    """Training effect with its 95% interval per managerial / socio-cultural competency (the
    rows with an estimate), as on the Training impact page; None when there is none."""
    d = c.impact_core
    if d.empty or d["effect"].notna().sum() == 0:
        return None
    fig = impact.forest(
        d,
        key="competency_id",
        lang=c.lang,
        title="",
        labels=c.names["competency"],
        effect_label=t("impact_effect", c.lang),
        no_estimate=t("impact_no_estimate", c.lang),
    )
    return report.for_report(fig, font_size=font_size)


def trend(c: ReportContent, font_size: int = 20) -> go.Figure | None:
    """% of scores meeting standard by year (overall), as on the Trends page."""
    if c.trend.empty:
        return None
    fig = trends.lines(
        c.trend,
        value="pct_meeting",
        lang=c.lang,
        title="",
        value_label=t("trend_measure", c.lang),
        suffix="%",
    )
    return report.for_report(fig, font_size=font_size)


def categories(c: ReportContent, font_size: int = 20) -> go.Figure | None:
    """Employees by JPM category (a donut), as on the Overview page."""
    if any(c.categories.get(col) is None for col in CATEGORY_COLUMNS):
        return None
    fig = gaps.category_donut(
        {col: [c.categories[col]] for col in CATEGORY_COLUMNS},
        lang=c.lang,
        title="",
        # the exact shares in the legend, as the deck's legend gives them
        category_labels={
            cat: f"{t(f'cat_{cat}', c.lang)}: {pct(c.categories[col], c.lang)}"
            for cat, col in zip(CATEGORIES, CATEGORY_COLUMNS, strict=True)
        },
    )
    fig = report.for_report(fig, font_size=font_size)
    fig.update_layout(legend=dict(orientation="h", x=0.5, xanchor="center", y=-0.05, yanchor="top"))
    return fig
