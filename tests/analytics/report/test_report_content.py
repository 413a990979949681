"""The report's words and measures, without a browser: filters in words, the forced small-group
rule, the data version, short rupiah, and the text-fitting estimates slides rely on."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from analytics.core.filters import Filters
from analytics.demo.build import build_demo
from analytics.report import render
from analytics.report.content import SECTIONS, describe_scope, gather, report_filters
from analytics.report.deck import HEADLINE_SIZES, headline_size, one_line
from analytics.report.layout import lines_needed, rupiah_short
from analytics.report.texts import TEXT, date_words
from analytics.store.db import Store

NAMES = {"agency": {"A1": "Dinas Kesehatan", "A2": "Badan Kepegawaian Daerah"}}


@pytest.mark.parametrize(
    ("filters", "year", "lang", "expected"),
    [
        (Filters(), 2025, "id", ["Tahun: 2025"]),
        (Filters(), None, "en", []),
        (Filters(agencies=("A1",)), 2025, "id", ["Tahun: 2025", "OPD: Dinas Kesehatan"]),
        (
            Filters(agencies=("A1", "A2")),
            2024,
            "en",
            ["Year: 2024", "Agency: Dinas Kesehatan, Badan Kepegawaian Daerah"],
        ),
        (Filters(units=(("", "Umum"),)), None, "id", ["Unit: Umum (semua OPD)"]),
        (Filters(units=(("", "Umum"),)), None, "en", ["Unit: Umum (every agency)"]),
        (
            Filters(agencies=("A1",), units=(("", "Umum"),)),
            None,
            "id",
            ["OPD: Dinas Kesehatan", "Unit: Umum"],
        ),
        (
            Filters(units=(("A2", "Bidang Mutasi"),)),
            None,
            "id",
            ["Unit: Badan Kepegawaian Daerah › Bidang Mutasi"],
        ),
        (
            Filters(job_families=("Kesehatan",), job_types=("Pelaksana", "Pengawas")),
            None,
            "id",
            ["Rumpun jabatan: Kesehatan", "Jenis jabatan: Pelaksana, Pengawas"],
        ),
        (
            Filters(genders=("P",), employment_types=("PPPK",), ranks=("III/a",)),
            None,
            "en",
            ["Employment type: PPPK", "Gender: Female", "Rank: III/a"],
        ),
        (Filters(agencies=("X9",)), None, "id", ["OPD: X9"]),  # an unknown id stays readable
    ],
)
def test_filters_in_words(
    filters: Filters, year: int | None, lang: str, expected: list[str]
) -> None:
    # one describe for the filter bar, the audit log, the PDF and the deck
    assert filters.with_(year=year).describe(NAMES, lang) == expected


def test_long_lists_are_shortened_for_footers() -> None:
    f = Filters(job_types=("A", "B", "C", "D", "E"))
    assert f.describe(NAMES, "id", limit=3) == ["Jenis jabatan: A, B, C +2 lainnya"]
    assert f.describe(NAMES, "en", limit=3) == ["Job type: A, B, C +2 more"]


def test_scope_in_words() -> None:
    assert describe_scope(Filters(), NAMES, "id") == "Cakupan: seluruh data"
    scoped = Filters(scope_agencies=("A2",))
    assert describe_scope(scoped, NAMES, "en") == "Scope: Badan Kepegawaian Daerah"


@pytest.mark.parametrize("rule", ["show", "mark", "hide"])
@pytest.mark.parametrize("min_group", [1, 5, 10])
def test_reports_always_hide_small_groups(rule: str, min_group: int) -> None:
    f = report_filters(Filters(small_groups=rule, min_group=min_group))  # type: ignore[arg-type]
    assert f.small_groups == "hide"
    assert f.min_group == max(5, min_group)


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (320_484_119, "id", "Rp 320,5 juta"),
        (320_484_119, "en", "Rp 320.5 million"),
        (2_245_000_000, "id", "Rp 2,2 miliar"),
        (950_000, "id", "Rp 950.000"),
        (float("nan"), "id", "–"),
        (None, "en", "–"),
    ],
)
def test_rupiah_short(value: float | None, lang: str, text: str) -> None:
    assert rupiah_short(value, lang) == text


def test_dates_in_words() -> None:
    when = datetime(2026, 3, 5, 7, 9)
    assert date_words(when, "id") == "5 Maret 2026 07.09"
    assert date_words(when, "en") == "5 March 2026 07:09"


@pytest.mark.parametrize(
    ("text", "width", "size", "lines"),
    [
        ("", 100, 10, 1),
        ("kata", 100, 10, 1),
        ("satu dua tiga empat", 55, 10, 2),  # 10 characters a line at 10 pt
        ("satu\ndua", 500, 10, 2),
        ("Pengembangan", 33, 10, 2),  # a word longer than the line breaks
    ],
)
def test_lines_needed(text: str, width: float, size: float, lines: int) -> None:
    assert lines_needed(text, width, size) == lines


def test_headlines_fit_two_lines_or_shrink() -> None:
    assert headline_size("Pendek.") == HEADLINE_SIZES[0]
    long = "kata " * 60
    assert headline_size(long) == HEADLINE_SIZES[-1]


def test_footer_keeps_the_data_version_when_shortened() -> None:
    text = "OPD: " + "Dinas Sangat Panjang, " * 20 + "  ·  Data per impor #7, 1 Mei 2026 08.00"
    short = one_line(text, 600, 11)
    assert short.endswith("Data per impor #7, 1 Mei 2026 08.00") and "…" in short
    assert lines_needed(short, 600, 11) == 1
    assert one_line("Tahun: 2025  ·  Data", 600, 11) == "Tahun: 2025  ·  Data"


def test_every_text_has_both_languages() -> None:
    for key, pair in TEXT.items():
        assert len(pair) == 2 and all(s.strip() for s in pair), key
        assert set(re.findall(r"{(\w+)}", pair[0])) == set(re.findall(r"{(\w+)}", pair[1])), key


@pytest.fixture(scope="module")
def demo_cur(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    store = Store(Path(tmp_path_factory.mktemp("content")) / "asn.duckdb")
    build_demo(store, employees=900, seed=5, force=False, out=io.StringIO(), err=io.StringIO())
    try:
        with store.snapshot() as snap:
            yield snap.cur
    finally:
        store.close()


def test_a_section_gathered_alone_equals_its_part_of_the_whole(demo_cur) -> None:
    """Presentation mode gathers one screen's section at a time: each section's fields and
    headlines are those of the whole report; the others are empty; a renderer refuses it."""
    whole = gather(demo_cur, Filters(), "id", as_of=date(2025, 12, 31))
    assert whole.sections == SECTIONS
    for section in SECTIONS:
        part = gather(demo_cur, Filters(), "id", as_of=date(2025, 12, 31), sections=(section,))
        assert part.sections == (section,)
        assert set(part.headlines) == {section} | ({"succession"} if section == "talent" else set())
        for key, said in part.headlines.items():
            assert said == whole.headlines[key]
        assert part.kpis == whole.kpis and part.filter_summary == whole.filter_summary
    gaps = gather(demo_cur, Filters(), "id", sections=("gaps",))
    pd.testing.assert_frame_equal(gaps.matrix, whole.matrix)
    assert gaps.matrix_rows == whole.matrix_rows and gaps.trend.empty and gaps.needs.empty
    talent = gather(demo_cur, Filters(), "id", as_of=date(2025, 12, 31), sections=("talent",))
    pd.testing.assert_frame_equal(talent.posts_at_risk, whole.posts_at_risk)
    assert talent.risk_counts == whole.risk_counts and talent.kpi_tiles == ()
    with pytest.raises(ValueError, match="every section"):
        render(gaps, "xlsx")
    with pytest.raises(ValueError, match="unknown"):
        gather(demo_cur, Filters(), "id", sections=("slides",))
