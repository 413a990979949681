"""Layanan Publik: the service-effect rows a leader reads, and one sentence written from them.

The estimate is service_effect's (the export's), rescaled to "per 10 JPM points" for reading;
the sentence says "associated" only when the 95 % interval excludes zero, and always gives the
number of agencies and years it rests on and that it is not proof of cause.
"""

from __future__ import annotations

import pandas as pd

from analytics.core.numfmt import integer, signed
from analytics.metrics.panel import drop_singletons
from analytics.metrics.service import observations

PER = 10  # effects are read per 10 JPM points
# Outcomes in the order the page shows them, with their role (domain notes: u6 Kompetensi
# Pelaksana is what competency can plausibly move, u7 Perilaku Pelaksana next; u4 Biaya and
# u9 Sarana are placebos competency should not move).
ROLES = {"ikm": "primary", "u6": "primary", "u7": "secondary", "u4": "placebo", "u9": "placebo"}

T: dict[str, tuple[str, str]] = {
    "associated": (
        "{outcome}: berasosiasi. Di dalam OPD yang sama, JPM 10 poin lebih tinggi sejalan "
        "dengan {outcome} {effect} poin (interval 95 %: {lo} … {hi}); {agencies} OPD, {years} "
        "tahun ({n} OPD-tahun).",
        "{outcome}: associated. Within the same agency, a mean JPM 10 points higher goes with "
        "{effect} points of {outcome} (95 % interval {lo} to {hi}); {agencies} agencies, "
        "{years} years ({n} agency-years).",
    ),
    "cannot_tell": (
        "{outcome}: belum bisa disimpulkan, intervalnya mencakup nol ({effect} poin per 10 "
        "poin JPM, interval 95 %: {lo} … {hi}); {agencies} OPD, {years} tahun ({n} OPD-tahun).",
        "{outcome}: cannot tell, the interval includes zero ({effect} points per 10 JPM "
        "points, 95 % interval {lo} to {hi}); {agencies} agencies, {years} years ({n} "
        "agency-years).",
    ),
    "no_estimate": (
        "{outcome}: belum bisa diperkirakan, datanya terlalu sedikit ({agencies} OPD dengan "
        "dua tahun atau lebih, {n} OPD-tahun).",
        "{outcome}: no estimate yet, too little data ({agencies} agencies with two or more "
        "years, {n} agency-years).",
    ),
    "caveat": (
        "Ini asosiasi, bukan bukti sebab-akibat: unit yang lemah biasanya dilatih lebih dulu, "
        "angka ekstrem cenderung kembali ke rata-rata, dan sebagian besar unit sudah di mutu A "
        "atau B.",
        "This is an association, not proof of cause: weak units tend to be trained first, "
        "extreme figures drift back towards the mean, and most units already sit at grade A "
        "or B.",
    ),
}


def _t(key: str, lang: str, **values: object) -> str:
    return T[key][0 if lang == "id" else 1].format(**values)


def verdict(row: pd.Series) -> str:
    """associated (the 95 % interval excludes zero), cannot_tell, or no_estimate."""
    if pd.isna(row["effect"]):
        return "no_estimate"
    if row["ci_low"] > 0 or row["ci_high"] < 0:
        return "associated"
    return "cannot_tell"


def effects(effect: pd.DataFrame) -> pd.DataFrame:
    """service_effect's rows for the outcomes the page shows (ROLES order, those present),
    with role, verdict, and effect, ci_low, ci_high per 10 JPM points (effect_10, ...)."""
    if effect.empty:
        return effect.assign(role=[], verdict=[], effect_10=[], ci_low_10=[], ci_high_10=[])
    d = effect[effect["outcome"].isin(list(ROLES))].copy()
    d["order"] = d["outcome"].map(list(ROLES).index)
    d = d.sort_values(["order", "predictor"], kind="stable").drop(columns="order")
    d["role"] = d["outcome"].map(ROLES)
    d["verdict"] = [verdict(r) for _, r in d.iterrows()]
    for c in ("effect", "ci_low", "ci_high"):
        d[f"{c}_10"] = d[c] * PER
    return d.reset_index(drop=True)


def years_used(link: pd.DataFrame, outcome: str, predictor: str) -> int:
    """How many distinct years the fit of (outcome, predictor) used."""
    obs = observations(link, outcome, predictor)
    keep = drop_singletons(obs["agency_id"])
    return int(obs.loc[keep, "year"].nunique()) if len(obs) else 0


def sentence(
    effect: pd.DataFrame,
    link: pd.DataFrame,
    outcome: str,
    predictor: str,
    outcome_label: str,
    lang: str,
) -> str | None:
    """The one sentence on (outcome, predictor), written from the numbers; None without a row."""
    hit = effect[(effect["outcome"] == outcome) & (effect["predictor"] == predictor)]
    if hit.empty:
        return None
    r = hit.iloc[0]
    v = verdict(r)
    values: dict[str, object] = {
        "outcome": outcome_label,
        "agencies": integer(r["agencies"], lang),
        "n": integer(r["observations"], lang),
    }
    if v != "no_estimate":
        values |= {
            "effect": signed(r["effect"] * PER, lang, 2),
            "lo": signed(r["ci_low"] * PER, lang, 2),
            "hi": signed(r["ci_high"] * PER, lang, 2),
            "years": integer(years_used(link, outcome, predictor), lang),
        }
    return _t(v, lang, **values)


def caveat(lang: str) -> str:
    return _t("caveat", lang)


def changes(link: pd.DataFrame, y0: int, y1: int) -> pd.DataFrame:
    """Per agency with an IKM row and a mean JPM in both years: jpm_0, jpm_1, ikm_0, ikm_1,
    d_jpm, d_ikm (y1 minus y0) and employees_1 (assessed in y1)."""
    cols = ["agency_id", "mean_jpm", "ikm", "employees"]
    a = link.loc[link["year"] == y0, cols].dropna(subset=["mean_jpm"])
    b = link.loc[link["year"] == y1, cols].dropna(subset=["mean_jpm"])
    m = a.merge(b, on="agency_id", suffixes=("_0", "_1"))
    m = m.rename(columns={"mean_jpm_0": "jpm_0", "mean_jpm_1": "jpm_1"})
    m["d_jpm"] = m["jpm_1"] - m["jpm_0"]
    m["d_ikm"] = m["ikm_1"] - m["ikm_0"]
    return m[["agency_id", "jpm_0", "jpm_1", "ikm_0", "ikm_1", "d_jpm", "d_ikm", "employees_1"]]


def by_year(link: pd.DataFrame) -> pd.DataFrame:
    """Per agency (rows, agency_id) and year (columns): the IKM and its grade, as
    (ikm, grade) pairs; a year without an IKM row is empty."""
    if link.empty:
        return pd.DataFrame({"agency_id": pd.Series(dtype="str")})
    pairs = pd.Series(
        list(zip(link["ikm"], link["grade"], strict=True)),
        index=pd.MultiIndex.from_frame(link[["agency_id", "year"]]),
    )
    wide = pairs.unstack("year")
    wide.columns = [int(c) for c in wide.columns]
    return wide.reset_index()


def year_shown(link: pd.DataFrame, year: int | None) -> int | None:
    """The year the page's per-agency views show: the filter's year when it has IKM rows,
    else the latest year that has."""
    years = sorted({int(y) for y in link["year"]})
    if not years:
        return None
    return year if year in years else years[-1]
