"""What the demo store's people can be: competencies, job families, jobs, staff mixes, trainings.

Pure data plus a tiny parser; analytics.demo.org places these jobs in agencies and
analytics.demo.build turns everything into rows. Effects are in competency levels (1-5 scale).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics.demo.names import (
    D3_BY_FAMILY,
    D3_DEFAULT,
    MASTER_BY_FAMILY,
    MASTER_DEFAULT,
    S1_BY_FAMILY,
    S1_DEFAULT,
)

# fmt: off
MANAGERIAL: tuple[tuple[str, str, str], ...] = (
    ("M.1", "Integritas", "manajerial"),
    ("M.2", "Kerja Sama", "manajerial"),
    ("M.3", "Komunikasi", "manajerial"),
    ("M.4", "Orientasi pada Hasil", "manajerial"),
    ("M.5", "Pelayanan Publik", "manajerial"),
    ("M.6", "Pengembangan Diri dan Orang Lain", "manajerial"),
    ("M.7", "Mengelola Perubahan", "manajerial"),
    ("M.8", "Pengambilan Keputusan", "manajerial"),
    ("SK.1", "Perekat Bangsa", "sosial kultural"),
)

# Where people stand against their standard, by competency: decisions and change are the
# weakest in Indonesian assessment-centre reports, integrity and national cohesion the strongest.
COMPETENCY_SHIFT: dict[str, float] = {
    "M.1": 0.2, "M.2": 0.12, "M.3": 0.0, "M.4": 0.05, "M.5": 0.08,
    "M.6": -0.1, "M.7": -0.25, "M.8": -0.32, "SK.1": 0.25,
}

TECHNICAL: tuple[str, ...] = (
    "Pengelolaan Keuangan Daerah",                             # T.1
    "Perencanaan Pembangunan Daerah",                          # T.2
    "Pengadaan Barang/Jasa Pemerintah",                        # T.3
    "Pengelolaan Arsip dan Tata Naskah Dinas",                 # T.4
    "Audit Intern Pemerintah",                                 # T.5
    "Manajemen Aparatur Sipil Negara",                         # T.6
    "Analisis dan Penyusunan Produk Hukum",                    # T.7
    "Pelayanan Kesehatan dan Keselamatan Pasien",              # T.8
    "Kesehatan Masyarakat dan Surveilans Penyakit",            # T.9
    "Pembelajaran dan Penilaian Peserta Didik",                # T.10
    "Pengendalian Pencemaran dan Kerusakan Lingkungan",        # T.11
    "Pengelolaan Hutan Lestari",                               # T.12
    "Penyelenggaraan Jalan, Jembatan dan Sumber Daya Air",     # T.13
    "Keselamatan Lalu Lintas dan Angkutan Jalan",              # T.14
    "Penyuluhan dan Pengembangan Agribisnis",                  # T.15
    "Pengelolaan Sumber Daya Kelautan dan Perikanan",          # T.16
    "Rehabilitasi dan Perlindungan Sosial",                    # T.17
    "Penegakan Peraturan Daerah dan Ketertiban Umum",          # T.18
    "Penanggulangan Bencana",                                  # T.19
    "Pelayanan Administrasi Kependudukan",                     # T.20
    "Tata Kelola Sistem Pemerintahan Berbasis Elektronik",     # T.21
    "Pelayanan Perizinan dan Penanaman Modal",                 # T.22
    "Pengelolaan Pendapatan Daerah",                           # T.23
    "Pelestarian Kebudayaan dan Pengembangan Pariwisata",      # T.24
    "Penyelenggaraan Pemerintahan Daerah",                     # T.25
    "Pengelolaan Perpustakaan",                                # T.26
    "Hubungan Industrial dan Pengawasan Ketenagakerjaan",      # T.27
    "Bimbingan dan Penyuluhan Keagamaan",                      # T.28
    "Tridarma Perguruan Tinggi",                               # T.29
    "Statistik dan Pengelolaan Data",                          # T.30
    "Pengukuran dan Pendaftaran Tanah",                        # T.31
    "Pembinaan Pemasyarakatan dan Layanan Keimigrasian",       # T.32
    "Observasi dan Prakiraan Cuaca",                           # T.33
)
# fmt: on


def competencies() -> list[tuple[str, str, str]]:
    """(competency_id, competency_name, competency_group), in key order."""
    tech = [(f"T.{i + 1}", name, "teknis") for i, name in enumerate(TECHNICAL)]
    return list(MANAGERIAL) + tech


# fmt: off
# Job family (rumpun jabatan) -> (technical competencies its jobs are assessed in, shift of
# its people against their standards).
FAMILIES: dict[str, tuple[tuple[str, ...], float]] = {
    "Administrasi": (("T.4", "T.3"), -0.12),
    "Pemerintahan": (("T.25",), -0.05),
    "Hukum": (("T.7",), 0.05),
    "Keuangan": (("T.1", "T.23"), 0.1),
    "Perencanaan": (("T.2", "T.30"), 0.12),
    "Pengawasan": (("T.5",), 0.15),
    "Kepegawaian": (("T.6",), 0.05),
    "Kesehatan": (("T.8", "T.9"), 0.12),
    "Pendidikan": (("T.10",), 0.02),
    "Pendidikan Tinggi": (("T.29",), 0.25),
    "Keagamaan": (("T.28",), 0.0),
    "Kebudayaan dan Pariwisata": (("T.24",), -0.08),
    "Perpustakaan dan Kearsipan": (("T.4", "T.26"), -0.05),
    "Lingkungan Hidup": (("T.11",), -0.02),
    "Kehutanan": (("T.12",), -0.1),
    "Infrastruktur": (("T.13", "T.3"), 0.0),
    "Perhubungan": (("T.14",), -0.15),
    "Pertanian": (("T.15",), -0.18),
    "Kelautan dan Perikanan": (("T.16",), -0.12),
    "Sosial": (("T.17",), -0.05),
    "Ketenagakerjaan": (("T.27",), -0.06),
    "Ketenteraman dan Ketertiban": (("T.18",), -0.25),
    "Kebencanaan": (("T.19",), -0.1),
    "Kependudukan": (("T.20",), -0.03),
    "Komunikasi dan Informatika": (("T.21", "T.30"), 0.08),
    "Perekonomian": (("T.22",), -0.04),
    "Statistik": (("T.30",), 0.15),
    "Pertanahan": (("T.31",), 0.0),
    "Pemasyarakatan dan Keimigrasian": (("T.32",), -0.1),
    "Meteorologi dan Geofisika": (("T.33",), 0.1),
}

# Job types: code letter in staff mixes -> (job_type, level name appended to a functional
# ladder, usual required level, rank options for PNS, PPPK grade, age range at end of 2025).
JOB_TYPES: dict[str, tuple[str, str, float, tuple[str, ...], str, tuple[int, int]]] = {
    "J": ("JPT Madya", "", 5, ("IV/d", "IV/e"), "", (48, 59)),
    "K": ("JPT Pratama", "", 4, ("IV/c", "IV/d"), "", (42, 58)),
    "A": ("Administrator", "", 3, ("IV/a", "IV/b"), "", (36, 57)),
    "W": ("Pengawas", "", 2, ("III/c", "III/d"), "", (30, 56)),
    "L": ("Pelaksana", "", 1.7, ("II/a", "II/b", "II/c", "II/d", "III/a", "III/b"), "V",
          (20, 57)),
    "X": ("Fungsional Ahli Utama", "Ahli Utama", 4.5, ("IV/d", "IV/e"), "XIII", (50, 64)),
    "D": ("Fungsional Ahli Madya", "Ahli Madya", 4, ("IV/a", "IV/b", "IV/c"), "XI", (40, 59)),
    "U": ("Fungsional Ahli Muda", "Ahli Muda", 3, ("III/c", "III/d"), "X", (32, 58)),
    "P": ("Fungsional Ahli Pertama", "Ahli Pertama", 2, ("III/a", "III/b"), "IX", (23, 50)),
    "S": ("Fungsional Penyelia", "Penyelia", 2, ("III/c", "III/d"), "IX", (38, 58)),
    "M": ("Fungsional Mahir", "Mahir", 1.6, ("III/a", "III/b"), "VIII", (28, 55)),
    "T": ("Fungsional Terampil", "Terampil", 1.4, ("II/c", "II/d"), "VII", (21, 45)),
}
# The step below on a functional ladder (someone assessed before a promotion held it).
LADDER_BELOW: dict[str, str] = {"X": "D", "D": "U", "U": "P", "M": "T", "S": "M"}

# Staff mixes of a unit: (job, family, "codes with weights"). A job name starting with "="
# is used as written (one code); otherwise the level name of each code is appended.
StaffMix = tuple[tuple[str, str, str], ...]

_ADMIN: StaffMix = (
    ("Pengadministrasi Perkantoran", "Administrasi", "L20"),
    ("Penata Layanan Operasional", "Administrasi", "L18"),
    ("Pengelola Umum Operasional", "Administrasi", "L12"),
    ("Operator Layanan Operasional", "Administrasi", "L10"),
    ("Pengolah Data dan Informasi", "Administrasi", "L8"),
    ("Analis Kebijakan", "Administrasi", "P4 U3 D1"),
    ("Arsiparis", "Perpustakaan dan Kearsipan", "T3 M1 P2 U1"),
    ("Pranata Komputer", "Komunikasi dan Informatika", "T2 P2"),
    ("Pengelola Pengadaan Barang/Jasa", "Administrasi", "P1.5 U1"),
    ("Pranata Hubungan Masyarakat", "Komunikasi dan Informatika", "P1"),
    ("Analis Sumber Daya Manusia Aparatur", "Kepegawaian", "P1.5 U1"),
    ("Pranata Sumber Daya Manusia Aparatur", "Kepegawaian", "T1.5 M0.5"),
    ("Pengelola Keuangan", "Keuangan", "L6"),
    ("Bendahara", "Keuangan", "L2"),
    ("Analis Keuangan Pusat dan Daerah", "Keuangan", "P2 U1"),
    ("Perencana", "Perencanaan", "P2 U1"),
)

STAFF_MIXES: dict[str, StaffMix] = {
    "administrasi": _ADMIN,
    "pemerintahan": (
        ("Analis Kebijakan", "Administrasi", "P6 U4 D2"),
        ("Pengelola Pemerintahan", "Pemerintahan", "L10"),
        ("Analis Pemerintahan Desa", "Pemerintahan", "L4"),
        ("Penata Layanan Operasional", "Administrasi", "L8"),
        ("Operator Layanan Operasional", "Administrasi", "L4"),
    ),
    "hukum": (
        ("Perancang Peraturan Perundang-undangan", "Hukum", "P4 U3 D1"),
        ("Analis Hukum", "Hukum", "P4 U2 D0.5"),
        ("Penata Layanan Operasional", "Administrasi", "L5"),
    ),
    "keuangan": (
        ("Analis Keuangan Pusat dan Daerah", "Keuangan", "P6 U4 D1"),
        ("Analis Anggaran", "Keuangan", "P3 U2"),
        ("Pengelola Keuangan", "Keuangan", "L10"),
        ("Bendahara", "Keuangan", "L4"),
        ("Pengelola Barang Milik Daerah", "Keuangan", "L4"),
        ("Analis Pendapatan Daerah", "Keuangan", "L6"),
        ("Penilai Pemerintah", "Keuangan", "P1"),
    ),
    "perencanaan": (
        ("Perencana", "Perencanaan", "P6 U4 D2"),
        ("Statistisi", "Statistik", "P2 U1"),
        ("Pengolah Data dan Informasi", "Administrasi", "L4"),
    ),
    "pengawasan": (
        ("Auditor", "Pengawasan", "T2 M2 S1 P5 U4 D2"),
        ("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", "Pengawasan", "P4 U3 D1"),
        ("Penata Layanan Operasional", "Administrasi", "L3"),
    ),
    "kepegawaian": (
        ("Analis Sumber Daya Manusia Aparatur", "Kepegawaian", "P6 U4 D1"),
        ("Pranata Sumber Daya Manusia Aparatur", "Kepegawaian", "T5 M3 S1"),
        ("Asesor Sumber Daya Manusia Aparatur", "Kepegawaian", "P1 U1"),
        ("Penata Layanan Operasional", "Administrasi", "L5"),
    ),
    "widyaiswara": (
        ("Widyaiswara", "Kepegawaian", "P2 U3 D3 X1"),
        ("Pengembang Teknologi Pembelajaran", "Pendidikan", "P2 U1"),
        ("Penata Layanan Operasional", "Administrasi", "L4"),
    ),
    "dinas_kesehatan": (
        ("Epidemiolog Kesehatan", "Kesehatan", "T1 P3 U2"),
        ("Administrator Kesehatan", "Kesehatan", "P4 U3 D1"),
        ("Penyuluh Kesehatan Masyarakat", "Kesehatan", "P2 U1"),
        ("Tenaga Sanitasi Lingkungan", "Kesehatan", "T2 P2"),
        ("Nutrisionis", "Kesehatan", "T1 P2"),
        ("Dokter", "Kesehatan", "P1 U1 D1"),
        ("Apoteker", "Kesehatan", "P1 U1"),
        ("Perawat", "Kesehatan", "P1 U1"),
        ("Pranata Laboratorium Kesehatan", "Kesehatan", "T2 M1 P1"),
    ),
    "rumah_sakit": (
        ("Dokter", "Kesehatan", "P4 U3 D2"),
        ("Dokter Spesialis", "Kesehatan", "U3 D2 X0.3"),
        ("Dokter Gigi", "Kesehatan", "P1 U0.5"),
        ("Perawat", "Kesehatan", "T20 M10 S4 P14 U6 D1"),
        ("Bidan", "Kesehatan", "T5 M2 P2 U1"),
        ("Apoteker", "Kesehatan", "P2 U1"),
        ("Asisten Apoteker", "Kesehatan", "T3 M1"),
        ("Pranata Laboratorium Kesehatan", "Kesehatan", "T4 M2 P1"),
        ("Radiografer", "Kesehatan", "T2 M1"),
        ("Nutrisionis", "Kesehatan", "T1 P1"),
        ("Perekam Medis", "Kesehatan", "T3 M1"),
        ("Fisioterapis", "Kesehatan", "T1 M0.5"),
        ("Administrator Kesehatan", "Kesehatan", "P1 U1"),
        ("Penata Layanan Operasional", "Administrasi", "L4"),
        ("Operator Layanan Operasional", "Administrasi", "L3"),
    ),
    "puskesmas": (
        ("Dokter", "Kesehatan", "P3 U1"),
        ("Dokter Gigi", "Kesehatan", "P1"),
        ("Perawat", "Kesehatan", "T10 M5 S2 P5 U2"),
        ("Bidan", "Kesehatan", "T10 M5 S2 P3 U1"),
        ("Tenaga Sanitasi Lingkungan", "Kesehatan", "T2"),
        ("Nutrisionis", "Kesehatan", "T2"),
        ("Penyuluh Kesehatan Masyarakat", "Kesehatan", "P1"),
        ("Pranata Laboratorium Kesehatan", "Kesehatan", "T2"),
        ("Asisten Apoteker", "Kesehatan", "T2"),
        ("Epidemiolog Kesehatan", "Kesehatan", "T1"),
        ("Penata Layanan Operasional", "Administrasi", "L3"),
    ),
    "sekolah": (
        ("Guru", "Pendidikan", "P30 U22 D40 X0.3"),
        ("Pustakawan", "Perpustakaan dan Kearsipan", "T1 P0.5"),
        ("Pranata Laboratorium Pendidikan", "Pendidikan", "T1 P0.5"),
        ("Penata Layanan Operasional", "Administrasi", "L4"),
        ("Operator Layanan Operasional", "Administrasi", "L3"),
        ("Pengadministrasi Perkantoran", "Administrasi", "L2"),
    ),
    "dinas_pendidikan": (
        ("Pengawas Sekolah", "Pendidikan", "U3 D4 X0.5"),
        ("Pengembang Teknologi Pembelajaran", "Pendidikan", "P2 U1"),
        ("Pamong Belajar", "Pendidikan", "P1 U1"),
        ("Analis Kebijakan", "Administrasi", "P2 U1"),
        ("Penata Layanan Operasional", "Administrasi", "L6"),
    ),
    "kampus": (
        ("=Dosen Asisten Ahli", "Pendidikan Tinggi", "P12"),
        ("=Dosen Lektor", "Pendidikan Tinggi", "U14"),
        ("=Dosen Lektor Kepala", "Pendidikan Tinggi", "D10"),
        ("=Profesor", "Pendidikan Tinggi", "X3"),
        ("Pranata Laboratorium Pendidikan", "Pendidikan", "T3 P2"),
        ("Pustakawan", "Perpustakaan dan Kearsipan", "P1 U1"),
        ("Pranata Komputer", "Komunikasi dan Informatika", "P1"),
        ("Penata Layanan Operasional", "Administrasi", "L8"),
        ("Pengadministrasi Perkantoran", "Administrasi", "L4"),
    ),
    "keagamaan": (
        ("Penyuluh Agama", "Keagamaan", "P4 U3 D1"),
        ("Penghulu", "Keagamaan", "P2 U2 D1"),
        ("Penata Layanan Operasional", "Administrasi", "L5"),
        ("Pengadministrasi Perkantoran", "Administrasi", "L3"),
    ),
    "lingkungan": (
        ("Pengendali Dampak Lingkungan", "Lingkungan Hidup", "T1 P5 U3 D1"),
        ("Pengawas Lingkungan Hidup", "Lingkungan Hidup", "P2 U1"),
        ("Pengelola Lingkungan Hidup", "Lingkungan Hidup", "L3"),
        ("Penata Layanan Operasional", "Administrasi", "L4"),
    ),
    "kehutanan": (
        ("Polisi Kehutanan", "Kehutanan", "T6 M4 S2 P2 U1"),
        ("Penyuluh Kehutanan", "Kehutanan", "T3 M1 P3 U2"),
        ("Pengendali Ekosistem Hutan", "Kehutanan", "T3 M1 P3 U2 D0.5"),
        ("Penata Layanan Operasional", "Administrasi", "L3"),
    ),
    "infrastruktur": (
        ("Teknik Jalan dan Jembatan", "Infrastruktur", "P6 U4 D1"),
        ("Teknik Pengairan", "Infrastruktur", "P4 U2 D1"),
        ("Teknik Tata Bangunan dan Perumahan", "Infrastruktur", "P3 U2"),
        ("Penata Ruang", "Infrastruktur", "P2 U1"),
        ("Pembina Jasa Konstruksi", "Infrastruktur", "P2 U1"),
        ("Pengawas Jalan dan Jembatan", "Infrastruktur", "L6"),
        ("Operator Alat Berat", "Infrastruktur", "L3"),
        ("Penata Layanan Operasional", "Administrasi", "L3"),
    ),
    "perhubungan": (
        ("Penguji Kendaraan Bermotor", "Perhubungan", "T4 M3 S2 P1 U1"),
        ("Petugas Lalu Lintas Angkutan Jalan", "Perhubungan", "L8"),
        ("Pengelola Transportasi", "Perhubungan", "L6"),
        ("Penata Layanan Operasional", "Administrasi", "L3"),
    ),
    "pertanian": (
        ("Penyuluh Pertanian", "Pertanian", "T4 M3 S2 P5 U3 D1"),
        ("Pengendali Organisme Pengganggu Tumbuhan", "Pertanian", "T3 M1 P2 U1"),
        ("Pengawas Benih Tanaman", "Pertanian", "T2 M1 P2 U1"),
        ("Pengawas Mutu Hasil Pertanian", "Pertanian", "P1 U1"),
        ("Analis Ketahanan Pangan", "Pertanian", "P2 U1"),
        ("Penata Layanan Operasional", "Administrasi", "L3"),
    ),
    "peternakan": (
        ("Medik Veteriner", "Pertanian", "P3 U2 D0.5"),
        ("Paramedik Veteriner", "Pertanian", "T4 M2 S1"),
        ("Pengawas Bibit Ternak", "Pertanian", "T2 P1"),
        ("Penyuluh Pertanian", "Pertanian", "T2 P2 U1"),
        ("Penata Layanan Operasional", "Administrasi", "L3"),
    ),
    "perikanan": (
        ("Penyuluh Perikanan", "Kelautan dan Perikanan", "T3 M1 P3 U1"),
        ("Pengawas Perikanan", "Kelautan dan Perikanan", "P2 U1"),
        ("Pengelola Produksi Perikanan Tangkap", "Kelautan dan Perikanan", "P2 U1"),
        ("Pengendali Hama dan Penyakit Ikan", "Kelautan dan Perikanan", "T1 P1"),
        ("Penata Layanan Operasional", "Administrasi", "L3"),
    ),
    "sosial": (
        ("Pekerja Sosial", "Sosial", "T4 M2 P4 U2 D0.5"),
        ("Penyuluh Sosial", "Sosial", "P2 U1"),
        ("Pengelola Bantuan Sosial", "Sosial", "L5"),
        ("Penata Layanan Operasional", "Administrasi", "L3"),
    ),
    "tenaga_kerja": (
        ("Pengawas Ketenagakerjaan", "Ketenagakerjaan", "P3 U2 D1"),
        ("Mediator Hubungan Industrial", "Ketenagakerjaan", "P2 U1"),
        ("Instruktur", "Ketenagakerjaan", "T3 M1 P2 U1"),
        ("Pengantar Kerja", "Ketenagakerjaan", "P1 U1"),
        ("Penata Layanan Operasional", "Administrasi", "L3"),
    ),
    "trantib": (
        ("Polisi Pamong Praja", "Ketenteraman dan Ketertiban", "T10 M5 S3 P2 U1"),
        ("Petugas Pemadam Kebakaran", "Ketenteraman dan Ketertiban", "L6"),
        ("Penata Layanan Operasional", "Administrasi", "L3"),
    ),
    "bencana": (
        ("Analis Kebencanaan", "Kebencanaan", "P3 U1"),
        ("Operator Pusat Pengendalian Operasi", "Kebencanaan", "L4"),
        ("Penata Layanan Operasional", "Administrasi", "L3"),
    ),
    "kependudukan": (
        ("Administrator Database Kependudukan", "Kependudukan", "T2 P3 U1"),
        ("Pengolah Data Kependudukan", "Kependudukan", "L8"),
        ("Penata Layanan Operasional", "Administrasi", "L3"),
        ("Operator Layanan Operasional", "Administrasi", "L3"),
    ),
    "kominfo": (
        ("Pranata Komputer", "Komunikasi dan Informatika", "T3 M1 P4 U2 D0.5"),
        ("Pranata Hubungan Masyarakat", "Komunikasi dan Informatika", "T1 P3 U2"),
        ("Statistisi", "Statistik", "P2 U1"),
        ("Sandiman", "Komunikasi dan Informatika", "T2 P2 U1"),
        ("Penata Layanan Operasional", "Administrasi", "L3"),
    ),
    "perekonomian": (
        ("Pengawas Koperasi", "Perekonomian", "P3 U1"),
        ("Penyuluh Perindustrian dan Perdagangan", "Perekonomian", "P2 U1"),
        ("Penera", "Perekonomian", "T3 M1 P1"),
        ("Pengawas Perdagangan", "Perekonomian", "P2 U1"),
        ("Penata Perizinan", "Perekonomian", "P3 U1"),
        ("Analis Penanaman Modal", "Perekonomian", "L3"),
        ("Penata Layanan Operasional", "Administrasi", "L3"),
    ),
    "kebudayaan": (
        ("Pamong Budaya", "Kebudayaan dan Pariwisata", "P3 U2"),
        ("Adyatama Kepariwisataan dan Ekonomi Kreatif", "Kebudayaan dan Pariwisata", "P3 U1"),
        ("Pengelola Objek Wisata", "Kebudayaan dan Pariwisata", "L3"),
        ("Penata Layanan Operasional", "Administrasi", "L4"),
    ),
    "perpustakaan": (
        ("Pustakawan", "Perpustakaan dan Kearsipan", "T3 M1 P3 U2 D0.5"),
        ("Arsiparis", "Perpustakaan dan Kearsipan", "T3 M1 P3 U2 D0.5"),
        ("Penata Layanan Operasional", "Administrasi", "L4"),
    ),
    "statistik": (
        ("Statistisi", "Statistik", "T4 M2 S1 P6 U3 D1"),
        ("Pranata Komputer", "Komunikasi dan Informatika", "T2 P2"),
        ("Penata Layanan Operasional", "Administrasi", "L4"),
    ),
    "pertanahan": (
        ("Surveyor Pemetaan", "Pertanahan", "T4 M2 P2 U1"),
        ("Penata Pertanahan", "Pertanahan", "P3 U2 D0.5"),
        ("Pengolah Data Pertanahan", "Pertanahan", "L5"),
        ("Penata Layanan Operasional", "Administrasi", "L4"),
    ),
    "pemasyarakatan": (
        ("Pembimbing Kemasyarakatan", "Pemasyarakatan dan Keimigrasian", "T2 P3 U1"),
        ("Penjaga Tahanan", "Pemasyarakatan dan Keimigrasian", "L15"),
        ("Pemeriksa Keimigrasian", "Pemasyarakatan dan Keimigrasian", "T2 M1 P3 U1"),
        ("Pengelola Layanan Pemasyarakatan", "Pemasyarakatan dan Keimigrasian", "L4"),
    ),
    "peradilan": (
        ("Analis Perkara Peradilan", "Hukum", "L6"),
        ("Pengelola Perkara", "Hukum", "L4"),
        ("Juru Sita Pengganti", "Hukum", "L3"),
        ("Analis Hukum", "Hukum", "P2 U1"),
        ("Arsiparis", "Perpustakaan dan Kearsipan", "T1"),
    ),
    "kejaksaan": (
        ("Jaksa", "Hukum", "P6 U4 D2"),
        ("Pengelola Penanganan Perkara", "Hukum", "L8"),
        ("Analis Penuntutan", "Hukum", "L4"),
    ),
    "pajak": (
        ("Pemeriksa Pajak", "Keuangan", "T3 M1 P3 U2 D1"),
        ("Penyuluh Pajak", "Keuangan", "P2 U1"),
        ("Account Representative", "Keuangan", "L8"),
        ("Pengelola Keuangan", "Keuangan", "L3"),
    ),
    "meteorologi": (
        ("Pengamat Meteorologi dan Geofisika", "Meteorologi dan Geofisika", "T6 M3 S1 P3 U1"),
        ("Penata Layanan Operasional", "Administrasi", "L3"),
    ),
    "pengawas_obat": (
        ("Pengawas Farmasi dan Makanan", "Kesehatan", "T2 P6 U3 D1"),
        ("Pranata Laboratorium Kesehatan", "Kesehatan", "T2 P1"),
        ("Penata Layanan Operasional", "Administrasi", "L3"),
    ),
}
# fmt: on


@dataclass(frozen=True)
class Job:
    """One non-structural position as a staff mix names it."""

    name: str
    job_code: str  # key of JOB_TYPES
    family: str
    weight: float
    below: str | None  # name of the position one ladder step below, if any


def parse_mix(mix: StaffMix) -> list[Job]:
    """Expand a staff mix into its positions with weights."""
    jobs: list[Job] = []
    for base, family, codes in mix:
        for item in codes.split():
            code, weight = item[0], float(item[1:])
            if base.startswith("="):
                name, below = base[1:], None
            else:
                name = f"{base} {JOB_TYPES[code][1]}".strip()
                step = LADDER_BELOW.get(code)
                below = f"{base} {JOB_TYPES[step][1]}" if step and step in codes else None
            jobs.append(Job(name, code, family, weight, below))
    return jobs


@dataclass(frozen=True)
class Programme:
    """A training programme (all events of one title)."""

    code: str  # prefix of its events' training_id
    title: str
    competency: str | None  # None: general training, JP only
    effect: float  # true rise of the next assessment after completing it (levels)
    reach: float  # yearly chance a low scorer of the competency (or an eligible person) joins
    mode: str
    hours_jp: float
    days: int
    cost_pp: int  # cost per planned participant, IDR
    class_size: int
    providers: tuple[str, ...]
    eligible: str = "all"  # general trainings: all, or one job-type code, or new PNS / PPPK


# fmt: off
BPSDM = "BPSDM Provinsi Jambi"
UNJA = "Universitas Jambi"
LAN = "Lembaga Administrasi Negara (LAN)"
ASN_UNGGUL = "ASN Unggul (LMS LAN)"

PROGRAMMES: tuple[Programme, ...] = (
    Programme("DPKS", "Diklat Pengambilan Keputusan Strategis", "M.8", 0.45, 0.018,
              "klasikal", 32, 4, 3_500_000, 30, (BPSDM, LAN)),
    Programme("ELPK", "E-Learning Pengambilan Keputusan Berbasis Data", "M.8", 0.0, 0.02,
              "e-learning", 10, 21, 150_000, 200, (ASN_UNGGUL,)),
    Programme("CMP", "Coaching Manajemen Perubahan", "M.7", 0.35, 0.012, "coaching", 16, 60,
              2_000_000, 12, (BPSDM, UNJA)),
    Programme("WMP", "Webinar Mengelola Perubahan di Sektor Publik", "M.7", 0.0, 0.02,
              "e-learning", 4.5, 1, 50_000, 300, (BPSDM,)),
    Programme("PPP", "Pelatihan Pelayanan Prima", "M.5", 0.35, 0.02, "klasikal", 30, 4,
              2_800_000, 35, (BPSDM, UNJA)),
    Programme("ELSP", "E-Learning Standar Pelayanan Publik", "M.5", 0.1, 0.015, "e-learning",
              7.5, 14, 100_000, 200, (ASN_UNGGUL,)),
    Programme("PKE", "Pelatihan Komunikasi Efektif dan Public Speaking", "M.3", 0.3, 0.012,
              "klasikal", 24, 3, 2_500_000, 30, (BPSDM, UNJA)),
    Programme("WKP", "Webinar Komunikasi Publik", "M.3", 0.0, 0.015, "e-learning", 3, 1,
              30_000, 300, (BPSDM,)),
    Programme("ELIA", "E-Learning Integritas dan Antikorupsi", "M.1", 0.05, 0.02,
              "e-learning", 8.5, 14, 0, 300, ("ACLC KPK",)),
    Programme("PKT", "Pelatihan Kerja Sama Tim dan Kolaborasi", "M.2", 0.25, 0.01, "blended",
              20, 10, 2_000_000, 30, (BPSDM,)),
    Programme("PMK", "Pelatihan Manajemen Kinerja dan Orientasi Hasil", "M.4", 0.3, 0.012,
              "klasikal", 24, 3, 2_600_000, 30, (BPSDM, LAN)),
    Programme("MPD", "Mentoring Pengembangan Diri dan Orang Lain", "M.6", 0.2, 0.01,
              "coaching", 12, 45, 1_200_000, 12, (BPSDM,)),
    Programme("PWK", "Pelatihan Wawasan Kebangsaan dan Bela Negara", "SK.1", 0.1, 0.01,
              "klasikal", 16, 2, 1_500_000, 40, ("Badan Kesbangpol Provinsi Jambi", BPSDM)),
    Programme("BPKD", "Bimtek Pengelolaan Keuangan Daerah", "T.1", 0.4, 0.03, "klasikal", 32,
              4, 3_800_000, 30, (BPSDM, "BPSDM Kemendagri")),
    Programme("BSIPD", "Bimtek Penatausahaan Keuangan Berbasis SIPD", "T.1", 0.0, 0.03,
              "klasikal", 16, 2, 1_800_000, 40, ("BPSDM Kemendagri",)),
    Programme("PBJ", "Pelatihan Pengadaan Barang/Jasa Tingkat Dasar", "T.3", 0.4, 0.02,
              "klasikal", 32, 4, 3_200_000, 30, ("LKPP", BPSDM)),
    Programme("BAD", "Bimtek Pengelolaan Arsip Dinamis", "T.4", 0.3, 0.02, "klasikal", 24, 3,
              2_000_000, 30, ("ANRI", "Dinas Perpustakaan dan Kearsipan Provinsi Jambi")),
    Programme("PABR", "Pelatihan Audit Berbasis Risiko", "T.5", 0.35, 0.04, "klasikal", 40, 5,
              4_500_000, 25, ("Pusdiklatwas BPKP",)),
    Programme("PPD", "Pelatihan Perencanaan Pembangunan Daerah", "T.2", 0.3, 0.03, "klasikal",
              32, 4, 3_500_000, 30, ("Pusbindiklatren Bappenas", UNJA)),
    Programme("BMA", "Bimtek Manajemen ASN dan Sistem Merit", "T.6", 0.25, 0.03, "klasikal",
              24, 3, 2_500_000, 30, ("Badan Kepegawaian Negara", BPSDM)),
    Programme("AMDAL", "Pelatihan Penyusunan Dokumen Lingkungan (AMDAL)", "T.11", 0.45, 0.04,
              "klasikal", 40, 5, 5_000_000, 25, (UNJA,)),
    Programme("PPI", "Pelatihan Pencegahan dan Pengendalian Infeksi", "T.8", 0.3, 0.025,
              "klasikal", 24, 3, 2_400_000, 30, ("UPTD Pelatihan Kesehatan Provinsi Jambi",)),
    Programme("ELSV", "E-Learning Surveilans Penyakit", "T.9", 0.05, 0.03, "e-learning", 12,
              30, 0, 250, ("Plataran Sehat Kemenkes",)),
    Programme("BKM", "Bimtek Kurikulum Merdeka dan Asesmen Pembelajaran", "T.10", 0.2, 0.03,
              "klasikal", 32, 4, 2_200_000, 40, ("BGP Provinsi Jambi", BPSDM)),
    Programme("PMM", "Pelatihan Mandiri Platform Merdeka Mengajar", "T.10", 0.0, 0.04,
              "e-learning", 8, 30, 0, 400, ("Platform Merdeka Mengajar",)),
    Programme("PPT", "Pelatihan Penyuluhan Pertanian Terpadu", "T.15", 0.3, 0.03, "blended",
              40, 12, 3_000_000, 30, ("BPPSDMP Kementan", UNJA)),
    Programme("KLLAJ", "Bimtek Keselamatan Lalu Lintas dan Angkutan Jalan", "T.14", 0.25, 0.03,
              "klasikal", 24, 3, 2_000_000, 30, ("BPSDM Perhubungan",)),
    Programme("MPB", "Pelatihan Manajemen Penanggulangan Bencana", "T.19", 0.3, 0.04,
              "klasikal", 32, 4, 3_000_000, 30, ("Pusdiklat BNPB",)),
    Programme("PERDA", "Bimtek Penegakan Perda bagi Satpol PP", "T.18", 0.2, 0.03, "klasikal",
              24, 3, 1_800_000, 40, (BPSDM,)),
    Programme("SPBE", "Bimtek Arsitektur Sistem Pemerintahan Berbasis Elektronik", "T.21", 0.3,
              0.03, "blended", 24, 7, 2_500_000, 30, (BPSDM, "Diskominfo Provinsi Jambi")),
    # General trainings: they count for JP, develop no single competency.
    Programme("PKN2", "Pelatihan Kepemimpinan Nasional Tingkat II (PKN II)", None, 0.0, 0.12,
              "blended", 420, 110, 60_000_000, 30, (LAN,), eligible="K"),
    Programme("PKA", "Pelatihan Kepemimpinan Administrator (PKA)", None, 0.0, 0.12, "blended",
              360, 100, 35_000_000, 30, (BPSDM, LAN), eligible="A"),
    Programme("PKP", "Pelatihan Kepemimpinan Pengawas (PKP)", None, 0.0, 0.15, "blended", 240,
              80, 25_000_000, 35, (BPSDM,), eligible="W"),
    Programme("LATSAR", "Pelatihan Dasar CPNS (Latsar)", None, 0.0, 0.9, "blended", 290, 75,
              12_000_000, 40, (BPSDM,), eligible="new_pns"),
    Programme("ORPPPK", "Orientasi PPPK", None, 0.0, 0.85, "e-learning", 20, 14, 500_000, 200,
              (BPSDM, ASN_UNGGUL), eligible="new_pppk"),
    Programme("PTS", "Pelatihan Teknis Substantif Sesuai Bidang Tugas", None, 0.0, 0.12,
              "klasikal", 24, 3, 2_500_000, 30, (BPSDM,)),
    Programme("SKP", "Bimtek Penyusunan SKP dan e-Kinerja", None, 0.0, 0.1, "klasikal", 8, 1,
              600_000, 50, ("BKD Provinsi Jambi",)),
    Programme("LDA", "E-Learning Literasi Digital ASN", None, 0.0, 0.18, "e-learning", 6.5, 14,
              0, 400, (ASN_UNGGUL,)),
    Programme("SMT", "Sosialisasi Manajemen Talenta ASN", None, 0.0, 0.05, "klasikal", 4, 1,
              300_000, 100, ("BKD Provinsi Jambi",)),
    Programme("SNTD", "Seminar Nasional Transformasi Digital Pemerintahan", None, 0.0, 0.04,
              "klasikal", 5, 1, 750_000, 150, (UNJA,)),
    Programme("ELMB", "E-Learning Moderasi Beragama dan Wawasan Kebangsaan", None, 0.0, 0.06,
              "e-learning", 12.25, 21, 0, 400, (ASN_UNGGUL,)),
)

# How likely an employee completes what they joined, by mode.
COMPLETION: dict[str, float] = {
    "klasikal": 0.96, "e-learning": 0.85, "coaching": 0.9, "blended": 0.94,
}
# fmt: on


def female_share(title: str, family: str, code: str) -> float:
    """Share of women among holders of a job (BKN statistics: teachers, nurses, midwives are
    mostly women; enforcement, roads and leadership mostly men)."""
    if title.startswith("Bidan"):
        return 0.98
    if title.startswith(("Perawat", "Nutrisionis", "Asisten Apoteker")):
        return 0.78
    if code in ("J", "K"):
        return 0.18
    if code == "A":
        return 0.33
    if family in ("Kesehatan", "Pendidikan", "Perpustakaan dan Kearsipan"):
        return 0.66
    if family in (
        "Ketenteraman dan Ketertiban",
        "Infrastruktur",
        "Perhubungan",
        "Kehutanan",
        "Pemasyarakatan dan Keimigrasian",
    ):
        return 0.18
    return 0.48


def pppk_share(family: str, code: str) -> float:
    """Share of PPPK (contract civil servants) among a job's holders: none in structural
    posts, many among teachers and health workers since the 2021-2024 intakes."""
    if code in ("J", "K", "A", "W"):
        return 0.0
    if family in ("Pendidikan", "Kesehatan"):
        return 0.3
    if family == "Pendidikan Tinggi":
        return 0.05
    return 0.25 if code == "L" else 0.12


SPECIALIST = (
    "Sp.PD.",
    "Sp.A.",
    "Sp.OG.",
    "Sp.B.",
    "Sp.An.",
    "Sp.JP.",
    "Sp.M.",
    "Sp.N.",
    "Sp.Rad.",
    "Sp.P.",
)


def degree_titles(title: str, family: str, code: str) -> tuple[str, list[str], float, list[str]]:
    """(prefix, suffix options, chance of a master's degree, master's options) of the names
    of a job's holders."""

    masters = list(MASTER_BY_FAMILY.get(family, MASTER_DEFAULT))
    chance = {"J": 0.85, "K": 0.75, "A": 0.5, "X": 0.6, "D": 0.45, "U": 0.3, "W": 0.25}
    if title.startswith("Dokter Spesialis"):
        return "dr. ", list(SPECIALIST), 0.0, masters
    if title.startswith("Dokter Gigi"):
        return "drg. ", [""], 0.0, masters
    if title.startswith("Dokter"):
        return "dr. ", [""], 0.0, masters
    if code in ("T", "M", "S"):
        return "", list(D3_BY_FAMILY.get(family, D3_DEFAULT)), 0.0, masters
    if code == "L":
        return "", ["", "", "", "", *S1_DEFAULT[:4], *D3_DEFAULT], 0.02, masters
    return "", list(S1_BY_FAMILY.get(family, S1_DEFAULT)), chance.get(code, 0.05), masters


def position_traits(positions: pd.DataFrame) -> pd.DataFrame:
    """Per position: who holds it (sex, PPPK share, ages, ranks, degrees) and its usual
    required level, for the SQL that draws employees."""
    rows = []
    for t in positions.itertuples():
        _, _, req, ranks, grade, (age_lo, age_hi) = JOB_TYPES[t.job_code]
        prefix, suffixes, p_master, masters = degree_titles(
            t.position_name, t.job_family, t.job_code
        )
        rows.append(
            (
                t.position_key,
                female_share(t.position_name, t.job_family, t.job_code),
                pppk_share(t.job_family, t.job_code),
                age_lo,
                age_hi,
                list(ranks),
                grade,
                float(req),
                prefix,
                suffixes,
                p_master,
                masters,
            )
        )
    return pd.DataFrame(
        rows,
        columns=[
            "position_key",
            "p_female",
            "p_pppk",
            "age_lo",
            "age_hi",
            "ranks",
            "grade",
            "base_req",
            "prefix",
            "suffixes",
            "p_master",
            "masters",
        ],
    )
