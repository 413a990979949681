"""UI text in Indonesian (default) and English. Names in the data are never translated.

Text lives per area in ui/texts/*.py (a dict key -> (Indonesian, English)); this module merges
them and refuses a key defined twice. A test fails if any text lacks a language.
"""

from __future__ import annotations

from typing import Any

from analytics.report import texts as report_texts
from ui.texts import accounts, audit, auth, bad_input, frame, pages, talent
from ui.texts import service as service_texts

LANGS = ("id", "en")


def _merge(*parts: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for part in parts:
        dup = merged.keys() & part.keys()
        if dup:
            raise KeyError(f"text keys defined twice: {sorted(dup)}")
        merged.update(part)
    return merged


# Labels the meeting materials use too live once, in the report's texts (ui may import
# analytics, not the reverse).
SHARED_WITH_REPORTS = (
    "f_year", "f_job_family", "f_job_type", "f_gender", "gender_L", "gender_P", "k_assessed",
    "k_mean_jpm", "k_meeting", "k_20jp", "k_change", "cat_Optimal", "cat_Cukup Optimal",
    "cat_Kurang Optimal", "hidden_population", "impact_effect", "impact_no_estimate",
    "col_programme", "col_competency", "col_effect", "col_ci", "col_priority",
    "no_recommendation",
)  # fmt: skip
TEXT = _merge(
    frame.TEXT,
    pages.TEXT,
    auth.TEXT,
    audit.TEXT,
    bad_input.TEXT,
    service_texts.TEXT,
    talent.TEXT,
    accounts.TEXT,
    {k: report_texts.TEXT[k] for k in SHARED_WITH_REPORTS},
)


def text(key: str, lang: str, **values: Any) -> str:
    idx = LANGS.index(lang) if lang in LANGS else 0
    template = TEXT[key][idx]
    return template.format(**values) if values else template
