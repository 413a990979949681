"""The Excel workbook of a report: the tables behind the view, one sheet each, written by
analytics.report.sheets (text that looks like a formula stays text; numbers stay numbers).

Headers are in the report's language; ids sit beside names so the sheet can be joined to
other data. Rows hidden by the small-group rule are left out, as on the slides. Display
formats (decimals, thousands) are set per column after writing; values keep full precision.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import pandas as pd
from openpyxl import load_workbook

from analytics.core.numfmt import integer
from analytics.report import sheets
from analytics.report.content import ReportContent
from analytics.report.texts import t

# Column -> Excel number format; columns not listed keep Excel's General.
FORMATS: dict[str, str] = {
    "employees": "#,##0",
    "employees_below": "#,##0",
    "n_treated": "#,##0",
    "n_control": "#,##0",
    "year": "0",
    "mean_level": "0.00",
    "mean_required": "0.00",
    "mean_gap": "0.00",
    "mean_shortfall": "0.00",
    "pct_meeting": "0.0",
    "pct_below": "0.0",
    "mean_jpm": "0.0",
    "effect": "0.000",
    "ci_low": "0.000",
    "ci_high": "0.000",
    "mean_jp": "0.0",
    "pct_20jp": "0.0",
    "priority": "0.0",
    "cost_per_participant": "#,##0",
    "estimated_cost_idr": "#,##0",
    "rated": "#,##0",
    "mapped": "#,##0",
    **{f"box_{b}": "#,##0" for b in range(1, 10)},
    "succession": "#,##0",
    "pct_succession": "0.0",
}
LABELS: dict[str, str] = {
    "agency_id": "c_agency_id",
    "agency": "c_agency",
    "unit": "c_unit",
    "competency_id": "c_competency_id",
    "competency": "c_competency",
    "competency_group": "c_group",
    "title": "c_title",
    "year": "c_year",
    "employees": "c_employees",
    "mean_level": "c_mean_level",
    "mean_required": "c_mean_required",
    "mean_gap": "c_mean_gap",
    "mean_shortfall": "c_mean_shortfall",
    "pct_meeting": "c_pct_meeting",
    "pct_below": "c_pct_below",
    "mean_jpm": "c_mean_jpm",
    "n_treated": "c_n_treated",
    "n_control": "c_n_control",
    "effect": "c_effect",
    "ci_low": "c_ci_low",
    "ci_high": "c_ci_high",
    "mean_jp": "c_mean_jp",
    "pct_20jp": "c_pct_20jp",
    "employees_below": "c_employees_below",
    "priority": "c_priority",
    "recommended_training": "c_recommended",
    "cost_per_participant": "c_cost_pp",
    "estimated_cost_idr": "c_est_cost",
    "ikm": "c_ikm",
    "rated": "c_rated",
    "mapped": "c_mapped",
    **{f"box_{b}": f"c_box_{b}" for b in range(1, 10)},
    "succession": "c_succession",
    "pct_succession": "c_pct_succession",
    "from_year": "c_from_year",
    "from_box": "c_from_box",
    "to_box": "c_to_box",
    "position_id": "c_position_id",
    "position_name": "c_position",
    "job_type": "c_job_type",
    "holders": "c_holders",
    "near_bup": "c_near_bup",
    "unknown_age": "c_unknown_age",
    "bup": "c_bup",
    "ready": "c_ready",
    "vacant": "c_vacant",
    "retiring": "c_retiring",
    "few_ready": "c_few_ready",
    "risks": "c_risks",
    "ms": "c_ms",
    "mms": "c_mms",
    "kms": "c_kms",
    "incomplete": "c_incomplete",
    "grade": "c_grade",
    "respondents": "c_respondents",
    "mean_jpm_prev": "c_mean_jpm_prev",
    "outcome": "c_outcome",
    "predictor": "c_predictor",
    "agencies": "c_agencies",
    "observations": "c_observations",
}


def _named(df: pd.DataFrame, c: ReportContent, columns: list[str]) -> pd.DataFrame:
    """`columns` of df, with agency and competency names added beside their ids."""
    out = df.copy()
    if "agency_id" in out.columns:
        out["agency"] = out["agency_id"].map(lambda a: c.names["agency"].get(a, a))
    if "competency_id" in out.columns:
        out["competency"] = out["competency_id"].map(lambda x: c.names["competency"].get(x, x))
        out["competency_group"] = out["competency_id"].map(
            lambda x: c.names["competency_group"].get(x, "")
        )
    return out.reindex(columns=columns)


def tables(c: ReportContent) -> dict[str, pd.DataFrame]:
    """Sheet key -> table with its raw column names (in order)."""
    kpi_rows = [
        ("k_assessed", "employees"),
        ("k_mean_jpm", "mean_jpm"),
        ("cat_Optimal", "pct_optimal"),
        ("cat_Cukup Optimal", "pct_cukup_optimal"),
        ("cat_Kurang Optimal", "pct_kurang_optimal"),
        ("k_meeting", "pct_meeting"),
        ("k_shortfall", "mean_shortfall"),
        ("k_20jp", "pct_20jp"),
        ("k_change", "same_people_change"),
    ]
    kpis = pd.DataFrame(
        {
            "figure": [
                t(label, c.lang) + (" (%)" if key.startswith("pct_") else "")
                for label, key in kpi_rows
            ],
            "value": [getattr(c.kpis, key) for _, key in kpi_rows],
        }
    )
    gap_cols = [
        "competency_id",
        "competency",
        "competency_group",
        "employees",
        "mean_level",
        "mean_required",
        "mean_gap",
        "mean_shortfall",
        "pct_meeting",
    ]
    return {
        **_core_tables(c, kpis, gap_cols),
        **_talent_tables(c),
    }


def _core_tables(
    c: ReportContent, kpis: pd.DataFrame, gap_cols: list[str]
) -> dict[str, pd.DataFrame]:
    return {
        "sh_kpis": kpis,
        "sh_gaps": _named(c.gaps_by_competency, c, gap_cols),
        "sh_matrix": _named(
            c.matrix,
            c,
            [
                "agency_id",
                "agency",
                "competency_id",
                "competency",
                "employees",
                "mean_level",
                "mean_required",
                "mean_gap",
                "mean_shortfall",
                "pct_meeting",
                "pct_below",
            ],
        ),
        "sh_trend": c.trend.reindex(
            columns=[
                "year",
                "employees",
                "mean_level",
                "mean_gap",
                "mean_shortfall",
                "pct_meeting",
                "mean_jpm",
            ]
        ),
        "sh_impact_c": _named(
            c.impact,
            c,
            [
                "competency_id",
                "competency",
                "n_treated",
                "n_control",
                "effect",
                "ci_low",
                "ci_high",
            ],
        ),
        "sh_impact_p": _named(
            c.programmes,
            c,
            [
                "title",
                "competency_id",
                "competency",
                "n_treated",
                "n_control",
                "effect",
                "ci_low",
                "ci_high",
            ],
        ),
        "sh_jp": _named(
            c.jp_by_agency, c, ["year", "agency_id", "agency", "employees", "mean_jp", "pct_20jp"]
        ),
        "sh_needs": _named(
            c.needs,
            c,
            [
                "agency_id",
                "agency",
                "unit",
                "competency_id",
                "competency",
                "employees_below",
                "mean_shortfall",
                "priority",
                "recommended_training",
                "cost_per_participant",
                "estimated_cost_idr",
            ],
        ),
        "sh_service": _named(
            c.service_link,
            c,
            [
                "agency_id",
                "agency",
                "year",
                "ikm",
                "grade",
                "respondents",
                "employees",
                "mean_jpm",
                "pct_meeting",
                "mean_jpm_prev",
            ],
        ),
        "sh_service_fx": c.service_effects.reindex(
            columns=[
                "outcome",
                "predictor",
                "agencies",
                "observations",
                "effect",
                "ci_low",
                "ci_high",
            ]
        ),
    }


TALENT_COLUMNS = [
    "year", "rated", "mapped", *(f"box_{b}" for b in range(1, 10)), "succession",
    "pct_succession",
]  # fmt: skip
RISK_COLUMNS = [
    "position_id", "position_name", "job_type", "holders", "near_bup", "unknown_age", "bup",
    "ready", "vacant", "retiring", "few_ready", "risks", "mms", "kms", "incomplete",
]  # fmt: skip


def _talent_tables(c: ReportContent) -> dict[str, pd.DataFrame]:
    """talent-summary (by none and by agency, small boxes hidden), the box-to-box moves
    (hidden cells left out) and the posts at risk (counts; candidates by readiness for the
    first posts, as on the slide)."""
    summary = c.talent_summary.rename(columns={"employees": "rated"})
    by_agency = c.talent_by_agency.rename(columns={"employees": "rated"})
    moves = c.talent_moves.table
    if "hidden" in moves.columns:
        moves = moves[~moves["hidden"].astype(bool)]
    risk = c.posts_at_risk.copy()
    first = risk["position_id"].isin(c.risk_top["position_id"])  # as on the slide
    for col in ("mms", "kms", "incomplete"):
        risk[col] = risk[col].astype("float64").where(first)
    for col in ("vacant", "retiring", "few_ready"):
        risk[col] = risk[col].map(lambda v: t("w_yes", c.lang) if v else "")
    return {
        "sh_talent": summary.reindex(columns=TALENT_COLUMNS),
        "sh_talent_agency": _named(
            by_agency, c, ["year", "agency_id", "agency", *TALENT_COLUMNS[1:]]
        ),
        "sh_moves": moves.reindex(columns=["from_year", "year", "from_box", "to_box", "employees"]),
        "sh_risk": risk.reindex(columns=RISK_COLUMNS),
    }


def _about(c: ReportContent) -> pd.DataFrame:
    rows = [(t("title", c.lang), t("subtitle", c.lang))]
    rows += [
        (t("w_filters", c.lang), line) for line in c.filter_lines or (t("no_filters", c.lang),)
    ]
    rows += [
        (t("w_scope", c.lang), c.scope),
        (t("w_data", c.lang), c.data_as_of),
        (t("w_small", c.lang), t("small_rule", c.lang, n=c.filters.min_group)),
    ]
    rows += [(t(f"sec_{key}", c.lang), text) for key, text in c.headlines.items()]
    if c.needs_rows > len(c.needs):
        rows.append(
            (
                t("sh_needs", c.lang),
                t("w_needs_kept", c.lang, shown=integer(len(c.needs), c.lang),
                  n=integer(c.needs_rows, c.lang)),
            )
        )  # fmt: skip
    return pd.DataFrame(rows, columns=[t("w_item", c.lang), t("w_value", c.lang)])


def _labelled(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    special = {"figure": "w_figure", "value": "w_value"}
    return df.rename(columns={col: t(special.get(col) or LABELS[col], lang) for col in df.columns})


def render_workbook(c: ReportContent) -> bytes:
    """The workbook as .xlsx bytes: an About sheet (filters, data version, findings), then one
    sheet per table; bold header, frozen header row (analytics.report.sheets)."""
    raw = tables(c)
    book: dict[str, pd.DataFrame] = {t("sh_about", c.lang): _about(c)}
    formats: dict[str, Mapping[int, str]] = {}
    for key, df in raw.items():
        name = t(key, c.lang)
        book[name] = _labelled(df, c.lang)
        formats[name] = {
            j: FORMATS[col] for j, col in enumerate(df.columns, start=1) if col in FORMATS
        }
    formats[t("sh_kpis", c.lang)] = {2: "#,##0.00"}
    data = sheets.xlsx(book)
    return _with_number_formats(data, formats)


def _with_number_formats(data: bytes, formats: Mapping[str, Mapping[int, str]]) -> bytes:
    """Set display formats by column. Loading keeps string cells as strings (data_type 's'),
    so text that looks like a formula stays inert."""
    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        by_column = formats.get(ws.title, {})
        for col, fmt in by_column.items():
            for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                    cell.number_format = fmt
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
