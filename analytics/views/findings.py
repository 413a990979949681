"""Plain-language findings written from the numbers, in Indonesian or English.

Each function takes a metric's DataFrame (as the analytics functions return it) and the display
names, and returns one sentence that states what the chart shows, or None when the data say
nothing. Pages use them as chart titles; the meeting deck uses them as slide headlines, so the
screen and the slides say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analytics.core.numfmt import num, pct, signed

T: dict[str, tuple[str, str]] = {
    "widest_gap": (
        "{name} adalah kesenjangan terlebar: {pct} nilai di bawah standar{worst}.",
        "{name} is the widest gap: {pct} of scores below standard{worst}.",
    ),
    "worst_in": (", terburuk di {agency} ({pct})", ", worst in {agency} ({pct})"),
    "jpm_level": (
        "Rata-rata JPM {jpm}; {kurang} pegawai berkategori Kurang Optimal.",
        "Mean JPM {jpm}; {kurang} of employees are Kurang Optimal (below 78).",
    ),
    "trend_up": (
        "{measure} naik dari {a} ({y0}) ke {b} ({y1}).",
        "{measure} rose from {a} ({y0}) to {b} ({y1}).",
    ),
    "trend_down": (
        "{measure} turun dari {a} ({y0}) ke {b} ({y1}).",
        "{measure} fell from {a} ({y0}) to {b} ({y1}).",
    ),
    "trend_flat": (
        "{measure} hampir tidak berubah: {a} ({y0}) dan {b} ({y1}).",
        "{measure} barely changed: {a} ({y0}) and {b} ({y1}).",
    ),
    "trend_one": ("{measure} {y1}: {b}.", "{measure} {y1}: {b}."),
    "same_people": (
        "Pegawai yang sama ({n} orang, {y0}→{y1}): paling membaik {best} ({db}), "
        "paling menurun {worst} ({dw}).",
        "The same {n} people ({y0}→{y1}): most improved {best} ({db}), most slipped "
        "{worst} ({dw}).",
    ),
    "same_people_all_up": (
        "Pegawai yang sama ({n} orang, {y0}→{y1}): semua kompetensi membaik, paling besar {best} ({db}).",
        "The same {n} people ({y0}→{y1}): every competency improved, most of all {best} ({db}).",
    ),
    "impact_best": (
        "{name} paling berdampak: +{effect} level dibanding yang tidak dilatih "
        "(95%: {lo} s.d. {hi}); {none} tanpa dampak yang terbukti.",
        "{name} works best: +{effect} levels against the untrained (95%: {lo} to {hi}); "
        "{none} show no proven effect.",
    ),
    "impact_none": (
        "Belum ada pelatihan dengan dampak yang terbukti pada data ini.",
        "No training shows a proven effect in these data.",
    ),
    "needs_top": (
        "Prioritas tertinggi: {competency} di {unit} ({n} pegawai di bawah standar).",
        "Top priority: {competency} in {unit} ({n} employees below standard).",
    ),
    "compliance": (
        "Hanya {pct} pegawai memenuhi hak 20 JP pada {year}; terendah {agency} ({low}).",
        "Only {pct} of employees reached the 20 JP right in {year}; lowest {agency} ({low}).",
    ),
    "compliance_all": (
        "{pct} pegawai memenuhi hak 20 JP pada {year}.",
        "{pct} of employees reached the 20 JP right in {year}.",
    ),
}


CORE_GROUPS = ("manajerial", "sosial kultural")


def core_competencies(df: pd.DataFrame, names: Mapping[str, Mapping[str, str]]) -> pd.DataFrame:
    """Rows of the managerial and socio-cultural competencies (the ones every position has);
    technical competencies concern a few positions each and are read on the Gaps page."""
    groups = names.get("competency_group", {})
    if df.empty:
        return df
    return df[df["competency_id"].map(lambda c: groups.get(c) in CORE_GROUPS).astype(bool)]


def _t(key: str, lang: str, **values: str) -> str:
    return T[key][1 if lang == "en" else 0].format(**values)


def widest_gap(
    by_competency: pd.DataFrame,
    by_agency_competency: pd.DataFrame | None,
    names: Mapping[str, Mapping[str, str]],
    lang: str,
) -> str | None:
    """From gap_summary(by=competency) and a competency × agency matrix with pct_below."""
    d = by_competency.dropna(subset=["pct_meeting"])
    if d.empty:
        return None
    row = d.loc[d["pct_meeting"].idxmin()]
    cid = row["competency_id"]
    worst = ""
    if by_agency_competency is not None and not by_agency_competency.empty:
        m = by_agency_competency[
            (by_agency_competency["competency_id"] == cid)
            & by_agency_competency["pct_below"].notna()
        ]
        if "small_group" in m.columns:
            m = m[~m["small_group"].fillna(False).astype(bool)]
        if len(m) > 1:
            w = m.loc[m["pct_below"].idxmax()]
            worst = _t(
                "worst_in",
                lang,
                agency=names["agency"].get(w["agency_id"], w["agency_id"]),
                pct=pct(w["pct_below"], lang, 0),
            )
    return _t(
        "widest_gap",
        lang,
        name=names["competency"].get(cid, cid),
        pct=pct(100 - row["pct_meeting"], lang, 0),
        worst=worst,
    )


def jpm_level(mean_jpm: float, pct_kurang: float, lang: str) -> str:
    return _t("jpm_level", lang, jpm=num(mean_jpm, lang, 1), kurang=pct(pct_kurang, lang, 0))


def trend(
    df: pd.DataFrame,
    value: str,
    measure: str,
    lang: str,
    decimals: int = 1,
    suffix: str = "",
    tolerance: float = 0.05,
) -> str | None:
    """Overall trend (trend(by=None)): first year against last year of `value`."""
    d = df.dropna(subset=[value]).sort_values("year")
    if d.empty:
        return None
    last = d.iloc[-1]
    b = num(last[value], lang, decimals) + suffix
    if len(d) == 1:
        return _t("trend_one", lang, measure=measure, y1=str(int(last["year"])), b=b)
    first = d.iloc[0]
    a = num(first[value], lang, decimals) + suffix
    change = float(last[value]) - float(first[value])
    key = "trend_flat" if abs(change) < tolerance else ("trend_up" if change > 0 else "trend_down")
    return _t(
        key, lang, measure=measure, a=a, b=b, y0=str(int(first["year"])), y1=str(int(last["year"]))
    )


def same_people(
    df: pd.DataFrame, names: Mapping[str, str], employees: int, lang: str
) -> str | None:
    """From same_people_change(by=competency)."""
    d = df.dropna(subset=["mean_change"])
    if d.empty:
        return None
    best = d.loc[d["mean_change"].idxmax()]
    worst = d.loc[d["mean_change"].idxmin()]
    values = dict(
        n=num(employees, lang, 0),
        y0=str(int(best["year0"])),
        y1=str(int(best["year1"])),
        best=names.get(best["competency_id"], best["competency_id"]),
        db=signed(best["mean_change"], lang, 2),
        worst=names.get(worst["competency_id"], worst["competency_id"]),
        dw=signed(worst["mean_change"], lang, 2),
    )
    if float(worst["mean_change"]) > 0:
        return _t("same_people_all_up", lang, **values)
    return _t("same_people", lang, **values)


def impact(df: pd.DataFrame, key: str, names: Mapping[str, str], lang: str) -> str | None:
    """From training_impact: the best proven effect, and how many show none."""
    if df.empty:
        return None
    proven = df[df["ci_low"] > 0]
    unproven = len(df) - len(proven)
    if proven.empty:
        return _t("impact_none", lang)
    best = proven.loc[proven["effect"].idxmax()]
    return _t(
        "impact_best",
        lang,
        name=names.get(best[key], best[key]),
        effect=num(best["effect"], lang, 2),
        lo=num(best["ci_low"], lang, 2),
        hi=num(best["ci_high"], lang, 2),
        none=num(unproven, lang, 0),
    )


def needs(df: pd.DataFrame, names: Mapping[str, Mapping[str, str]], lang: str) -> str | None:
    """From training_needs (sorted by priority)."""
    if df.empty:
        return None
    top = df.iloc[0]
    agency = names["agency"].get(top["agency_id"], top["agency_id"])
    return _t(
        "needs_top",
        lang,
        competency=names["competency"].get(top["competency_id"], top["competency_id"]),
        unit=f"{agency} › {top['unit']}",
        n=num(top["employees_below"], lang, 0),
    )


def compliance(
    overall: pd.DataFrame, by_agency: pd.DataFrame, names: Mapping[str, str], year: int, lang: str
) -> str | None:
    """From jp_compliance(by=None) and (by=agency) for one year."""
    o = overall[overall["year"] == year]
    if o.empty:
        return None
    share = pct(o.iloc[0]["pct_20jp"], lang, 0)
    a = by_agency[(by_agency["year"] == year) & by_agency["pct_20jp"].notna()]
    if "small_group" in a.columns:
        a = a[~a["small_group"].fillna(False).astype(bool)]
    if len(a) < 2:
        return _t("compliance_all", lang, pct=share, year=str(year))
    low = a.loc[a["pct_20jp"].idxmin()]
    return _t(
        "compliance",
        lang,
        pct=share,
        year=str(year),
        agency=names.get(low["agency_id"], low["agency_id"]),
        low=pct(low["pct_20jp"], lang, 0),
    )
