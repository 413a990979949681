"""The hand-checked talent world (data contract v2, section 4) the talent tests share.

Talent year 2025 (the latest rating year; an assessment of 2026 does not change it), previous
rating year 2024. Every number a test expects is worked out by hand from this table, in the test.

agencies   A1, A2
positions  STAF  Pelaksana, Umum                 M.1 3, M.2 2      (Σ required 5)
           ANL   Fungsional Ahli Muda, Kesehatan M.1 3, M.2 2
           KABID Administrator, Umum             M.1 4, M.2 3, SK.1 3 (Σ 10; the target)
           NOSTD Pelaksana, Umum                 no standard
employees (A1 unless said; current position STAF unless said)
 t  rating 2025      potential source in [2023, 2025]                   box  other years
 1  Sangat Baik      potential.csv 2025 tinggi                           9   2024 Baik: JPM 2024
                                                                              3.2/3 = 106.7 -> 8
 2  Sangat Baik      potential.csv 2024 menengah                         7   2024 Sangat Baik -> 7
 3  Sangat Baik      JPM 2025 (2.0 + 1.8) / 5 = 76 -> rendah             4   2023 Baik (no source)
 4  Baik             JPM 2025 (2.5 + 2.0) / 5 = 90 exactly -> tinggi    8   2024 Kurang: no source
 5  Baik             JPM 2025 (2.0 + 1.9) / 5 = 78 exactly -> menengah  5   2024 Sangat Baik: JPM
                                                                              2023 40 -> rendah -> 4
 6  Baik             potential.csv 2023 rendah (Y - 2: in)               2
 7  Butuh Perbaikan  potential.csv 2025 tinggi                           6
 8  Kurang           JPM 2024 (2.4 + 2.0) / 5 = 88 -> menengah           3   2024 Kurang -> 3
 9  Sangat Kurang    potential.csv 2022 tinggi is out (Y - 3);           1   2024 Baik: the 2022
                     JPM 2023 (1.5 + 1.5) / 5 = 60 -> rendah                  test is in -> 8
10  Baik             potential.csv 2022 only: no source                  -
11  Sangat Baik      potential.csv 2023 menengah beats JPM 2025 = 120     7
12  Baik             2025 scores assessed at NOSTD (no standard: no JPM);  5
                     JPM 2024 (2.2 + 1.8) / 5 = 80 -> menengah
13  (none in 2025)   2024 Baik, potential.csv 2024 tinggi                 -   not in the population
14  Sangat Baik      A2, ANL; potential.csv 2025 tinggi                  9
15  Baik             A2, ANL; scores 2025 assessed at STAF: 5.0/5 = 100  8   (filters never choose
                                                                              potential)
16  Sangat Baik      holds KABID; potential.csv 2025 tinggi              9
17  Sangat Baik      potential.csv 2024 tinggi                           9

Readiness for KABID in 2025 (latest score per competency in [2023, 2025], any position):
 1  M.1 3.2 (2024; 2.0 of 2023 superseded, 4.5 of 2022 out), M.2 2.4 (2025), SK.1 2.4 (2023)
    = 8.0 / 10 = 80 exactly: Memenuhi Syarat, below 3, missing 0
 2  2.8 + 2.0 + 2.0 = 6.8 / 10 = 68 exactly: Masih Memenuhi Syarat, below 3
 4  M.1 2.5, M.2 2.0, SK.1 missing: 4.5 / 7, below 2, missing 1
11  M.1 3.0, M.2 3.0, SK.1 missing: 6.0 / 7, below 1, missing 1
14  nothing: jpm_target empty, below 0, missing 3
15  M.1 3.0, M.2 2.0: 5.0 / 7, below 2, missing 1
17  2.0 + 2.0 + 2.7 = 6.7 / 10 = 67: Kurang Memenuhi Syarat, below 3
16  holds KABID: not a candidate
"""

from __future__ import annotations

from tests.support.fixtures import Builder, nip

T = {i: nip(i) for i in range(1, 18)}


def talent_world() -> Builder:
    b = Builder().agency("A1").agency("A2")
    b.position("STAF", "Pelaksana", "Umum").position("ANL", "Fungsional Ahli Muda", "Kesehatan")
    b.position("KABID", "Administrator", "Umum").position("NOSTD", "Pelaksana", "Umum")
    b.competency("M.1").competency("M.2").competency("SK.1", "sosial kultural")
    for pos, comp, level in [("STAF", "M.1", 3), ("STAF", "M.2", 2), ("ANL", "M.1", 3),
                             ("ANL", "M.2", 2), ("KABID", "M.1", 4), ("KABID", "M.2", 3),
                             ("KABID", "SK.1", 3)]:  # fmt: skip
        b.standard(pos, comp, level)
    where = {14: ("A2", "ANL"), 15: ("A2", "ANL"), 16: ("A1", "KABID")}
    for i in range(1, 18):
        agency, pos = where.get(i, ("A1", "STAF"))
        b.employee(T[i], agency, "Umum", pos)
    ratings = {
        2025: {1: "Sangat Baik", 2: "Sangat Baik", 3: "Sangat Baik", 4: "Baik", 5: "Baik",
               6: "Baik", 7: "Butuh Perbaikan", 8: "Kurang", 9: "Sangat Kurang", 10: "Baik",
               11: "Sangat Baik", 12: "Baik", 14: "Sangat Baik", 15: "Baik",
               16: "Sangat Baik", 17: "Sangat Baik"},
        2024: {1: "Baik", 2: "Sangat Baik", 4: "Kurang", 5: "Sangat Baik", 8: "Kurang",
               9: "Baik", 13: "Baik"},
        2023: {3: "Baik"},
    }  # fmt: skip
    for year, by_emp in ratings.items():
        for i, rating in by_emp.items():
            b.rate(T[i], year, rating)
    for i, year, pot in [(1, 2025, "tinggi"), (2, 2024, "menengah"), (6, 2023, "rendah"),
                         (7, 2025, "tinggi"), (9, 2022, "tinggi"), (10, 2022, "menengah"),
                         (11, 2023, "menengah"), (13, 2024, "tinggi"), (14, 2025, "tinggi"),
                         (16, 2025, "tinggi"), (17, 2024, "tinggi")]:  # fmt: skip
        b.potential_result(T[i], year, pot, "Tes potensi")
    for i, comp, on, level, pos in [
        (1, "M.1", "2022-05-01", "4.5", None), (1, "M.1", "2023-05-01", "2.0", None),
        (1, "M.1", "2024-05-01", "3.2", None), (1, "M.2", "2025-05-01", "2.4", None),
        (1, "SK.1", "2023-05-01", "2.4", None),
        (2, "M.1", "2025-05-01", "2.8", None), (2, "M.2", "2025-05-01", "2.0", None),
        (2, "SK.1", "2025-05-01", "2.0", None),
        (3, "M.1", "2025-05-01", "2.0", None), (3, "M.2", "2025-05-01", "1.8", None),
        (3, "M.1", "2026-02-01", "4.0", None),
        (4, "M.1", "2025-05-01", "2.5", None), (4, "M.2", "2025-05-01", "2.0", None),
        (5, "M.1", "2023-05-01", "1.0", None), (5, "M.2", "2023-05-01", "1.0", None),
        (5, "M.1", "2025-05-01", "2.0", None), (5, "M.2", "2025-05-01", "1.9", None),
        (8, "M.1", "2024-05-01", "2.4", None), (8, "M.2", "2024-05-01", "2.0", None),
        (9, "M.1", "2023-05-01", "1.5", None), (9, "M.2", "2023-05-01", "1.5", None),
        (11, "M.1", "2025-05-01", "3.0", None), (11, "M.2", "2025-05-01", "3.0", None),
        (12, "M.1", "2024-05-01", "2.2", None), (12, "M.2", "2024-05-01", "1.8", None),
        (12, "M.1", "2025-05-01", "3.0", "NOSTD"), (12, "M.2", "2025-05-01", "3.0", "NOSTD"),
        (15, "M.1", "2025-05-01", "3.0", "STAF"), (15, "M.2", "2025-05-01", "2.0", "STAF"),
        (17, "M.1", "2025-05-01", "2.0", None), (17, "M.2", "2025-05-01", "2.0", None),
        (17, "SK.1", "2025-05-01", "2.7", None),
    ]:  # fmt: skip
        b.assess(T[i], comp, on, level, pos)
    return b
