"""The empty import workbook HR staff fill in: `python -m analytics template --out FILE.xlsx`.

One sheet per table of docs/import-formats.md#tables, columns in that order, each header explained in
a cell comment (Indonesian, or English with lang="en"), and one consistent example row per
sheet, so the workbook as written imports cleanly. Every id column (NIP above all) is formatted
as Text: Excel then keeps an 18-digit NIP as typed instead of turning it into 1.96711E+17.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from analytics.importer.rules import TABLES

TEXT_FORMAT = "@"
DATE_FORMAT = "yyyy-mm-dd"
_NIP = "196711101992031001"

# One example row per sheet; together they are one consistent small import.
EXAMPLES: dict[str, dict[str, object]] = {
    "agencies": {
        "agency_id": "1.03.01",
        "agency_name": "Dinas Kesehatan",
        "instansi": "Pemerintah Provinsi Jambi",
    },
    "positions": {
        "position_id": "JAB-0101",
        "position_name": "Kepala Seksi Pelayanan Kesehatan Rujukan",
        "job_type": "Pengawas",
        "job_family": "Kesehatan",
    },
    "competencies": {
        "competency_id": "M.1",
        "competency_name": "Integritas",
        "competency_group": "manajerial",
    },
    "standards": {"position_id": "JAB-0101", "competency_id": "M.1", "required_level": 2},
    "employees": {
        "nip": _NIP,
        "name": "Budi Santoso, S.KM",
        "agency_id": "1.03.01",
        "unit": "Bidang Pelayanan Kesehatan",
        "position_id": "JAB-0101",
        "gender": "L",
        "birth_date": dt.date(1967, 11, 10),
        "employment_type": "PNS",
        "rank": "III/d",
    },
    "assessments": {
        "nip": _NIP,
        "competency_id": "M.1",
        "assessed_on": dt.date(2024, 3, 15),
        "level": 2.5,
        "position_id": "JAB-0101",
        "method": "Assessment Center",
    },
    "trainings": {
        "training_id": "PLT-2024-001",
        "title": "Pelatihan Penguatan Integritas ASN",
        "competency_id": "M.1",
        "hours_jp": 24,
        "start_date": dt.date(2024, 5, 6),
        "end_date": dt.date(2024, 5, 8),
        "provider": "BPSDM Provinsi Jambi",
        "cost_idr": 45000000,
        "mode": "klasikal",
    },
    "participations": {"training_id": "PLT-2024-001", "nip": _NIP, "completed": "ya"},
    "performance": {"nip": _NIP, "year": 2024, "rating": "Baik"},
    "potential": {
        "nip": _NIP,
        "year": 2024,
        "potential": "menengah",
        "method": "Assessment Center",
    },
    "service_outcomes": {
        "agency_id": "1.03.01",
        "year": 2024,
        "ikm": 82.5,
        "respondents": 384,
        **{f"u{i}": v for i, v in enumerate((3.4, 3.3, 3.2, 3.5, 3.1, 3.3, 3.4, 3.2, 3.3), 1)},
    },
}

# (Indonesian, English) explanation of each column, shown as the header's comment.
HELP: dict[str, tuple[str, str]] = {
    "agency_id": (
        "Kode OPD, unik. Di lembar lain harus ditulis persis sama.",
        "Agency code, unique. Other sheets must write it exactly the same.",
    ),
    "agency_name": ("Nama OPD.", "Agency name."),
    "instansi": (
        "Pemerintah tempat OPD berada, misalnya Pemerintah Provinsi Jambi atau Pemerintah "
        "Kabupaten Kerinci.",
        "The government the agency belongs to, e.g. Pemerintah Provinsi Jambi or Pemerintah "
        "Kabupaten Kerinci.",
    ),
    "position_id": (
        "Kode jabatan. Di lembar positions: unik. Di lembar lain: harus ada di positions.",
        "Position code. In positions: unique. Elsewhere: must exist in positions.",
    ),
    "position_name": ("Nama jabatan.", "Position name."),
    "job_type": (
        "Jenis jabatan, misalnya JPT Pratama, Administrator, Pengawas, Pelaksana, "
        "Fungsional Ahli Muda.",
        "Job type, e.g. JPT Pratama, Administrator, Pengawas, Pelaksana, Fungsional Ahli Muda.",
    ),
    "job_family": (
        "Rumpun jabatan, misalnya Kesehatan, Pendidikan, Lingkungan Hidup.",
        "Job family (rumpun jabatan), e.g. Kesehatan, Pendidikan, Lingkungan Hidup.",
    ),
    "competency_id": (
        "Kode kompetensi, misalnya M.1 sampai M.8, SK.1, T.1.",
        "Competency code, e.g. M.1 to M.8, SK.1, T.1.",
    ),
    "competency_name": ("Nama kompetensi.", "Competency name."),
    "competency_group": (
        "Kelompok: manajerial, sosial kultural, atau teknis.",
        "Group: manajerial, sosial kultural or teknis (managerial, socio-cultural, technical).",
    ),
    "required_level": (
        "Level standar jabatan untuk kompetensi ini: bilangan bulat 1 sampai 5.",
        "The level the position requires in this competency: a whole number from 1 to 5.",
    ),
    "nip": (
        "NIP 18 digit, ditulis sebagai teks. Kolom ini sudah berformat Teks: jangan ubah "
        "formatnya, agar Excel tidak mengubah NIP menjadi 1,96711E+17.",
        "18-digit NIP, written as text. This column is formatted as Text: keep it so, or Excel "
        "turns the NIP into 1.96711E+17.",
    ),
    "name": ("Nama lengkap pegawai, boleh dengan gelar.", "Full name, titles allowed."),
    "unit": (
        "Unit kerja (bidang, bagian, UPTD) di OPD saat ini.",
        "The work unit (bidang, bagian, UPTD) within the current agency.",
    ),
    "gender": ("Jenis kelamin: L atau P. Boleh kosong.", "Gender: L or P (M/F). May be blank."),
    "birth_date": ("Tanggal lahir. Boleh kosong.", "Birth date. May be blank."),
    "employment_type": ("Status: PNS atau PPPK. Boleh kosong.", "PNS or PPPK. May be blank."),
    "rank": (
        "Golongan, misalnya III/a. Boleh kosong.",
        "Rank (golongan), e.g. III/a. May be blank.",
    ),
    "assessed_on": ("Tanggal penilaian kompetensi.", "Date of the assessment."),
    "level": (
        "Level yang dicapai: 1,0 sampai 5,0, paling banyak satu desimal.",
        "Level reached: 1.0 to 5.0, at most one decimal.",
    ),
    "method": (
        "Metode penilaian, misalnya Assessment Center, CAT. Boleh kosong.",
        "Assessment method, e.g. Assessment Center, CAT. May be blank.",
    ),
    "training_id": (
        "Kode kegiatan pelatihan (satu kelas atau satu angkatan e-learning), unik.",
        "Training event code (one class, one e-learning run), unique.",
    ),
    "title": (
        "Judul pelatihan. Kegiatan dengan judul sama dianggap satu program dan harus "
        "mengembangkan kompetensi yang sama.",
        "Training title. Events with the same title are one programme and must develop the "
        "same competency.",
    ),
    "hours_jp": (
        "Jumlah JP (1 JP = 45 menit), lebih dari 0, paling banyak dua desimal.",
        "Hours in JP (1 JP = 45 minutes), more than 0, at most two decimals.",
    ),
    "start_date": ("Tanggal mulai.", "Start date."),
    "end_date": (
        "Tanggal selesai, tidak boleh sebelum tanggal mulai.",
        "End date, not before the start date.",
    ),
    "provider": (
        "Penyelenggara, misalnya BPSDM Provinsi Jambi. Boleh kosong.",
        "Provider, e.g. BPSDM Provinsi Jambi. May be blank.",
    ),
    "cost_idr": (
        "Biaya seluruh kegiatan dalam rupiah (angka). Boleh kosong.",
        "Cost of the whole event in rupiah. May be blank.",
    ),
    "mode": (
        "Bentuk: klasikal, e-learning, coaching, dan sebagainya. Boleh kosong.",
        "Mode: klasikal, e-learning, coaching, etc. May be blank.",
    ),
    "completed": (
        "Apakah pegawai menyelesaikan pelatihan: ya atau tidak.",
        "Whether the employee completed the training: true or false (ya/tidak).",
    ),
    "year": ("Tahun, misalnya 2024.", "Year, e.g. 2024."),
    "rating": (
        "Predikat kinerja: Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang.",
        "Performance rating: Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang.",
    ),
    "ikm": (
        "Indeks Kepuasan Masyarakat: 25 sampai 100.",
        "Public satisfaction index (IKM): 25 to 100.",
    ),
    "potential": (
        "Hasil uji potensi: rendah, menengah atau tinggi.",
        "Potential test result: rendah, menengah or tinggi (low, medium, high).",
    ),
    "respondents": (
        "Jumlah responden survei (bilangan bulat). Boleh kosong.",
        "The survey's number of respondents (a whole number). May be blank.",
    ),
    **{
        f"u{i}": (
            f"Nilai rata-rata (NRR) unsur {i} ({name}), 1 sampai 4. Boleh kosong.",
            f"Mean score (NRR) of unsur {i} ({name}), 1 to 4. May be blank.",
        )
        for i, name in enumerate(
            (
                "Persyaratan",
                "Sistem, Mekanisme, dan Prosedur",
                "Waktu Penyelesaian",
                "Biaya/Tarif",
                "Produk Spesifikasi Jenis Pelayanan",
                "Kompetensi Pelaksana",
                "Perilaku Pelaksana",
                "Penanganan Pengaduan, Saran dan Masukan",
                "Sarana dan Prasarana",
            ),
            1,
        )
    },
}
# Column-specific help where one name means different things in different sheets.
HELP_IN_TABLE: dict[tuple[str, str], tuple[str, str]] = {
    ("assessments", "position_id"): (
        "Jabatan saat dinilai. Kosongkan bila sama dengan jabatan pegawai sekarang.",
        "The position held when assessed. Leave blank for the employee's current position.",
    ),
    ("potential", "method"): (
        "Alat uji potensi, misalnya Assessment Center. Boleh kosong.",
        "The potential test used, e.g. Assessment Center. May be blank.",
    ),
    ("trainings", "competency_id"): (
        "Kompetensi yang dikembangkan. Kosongkan untuk pelatihan umum (hanya dihitung JP).",
        "The competency it develops. Leave blank for general training (counts for JP only).",
    ),
}
_REQUIRED = ("Wajib diisi.", "Required.")
_EXAMPLE_NOTE = (
    "Baris 2 adalah contoh: ganti dengan data Anda.",
    "Row 2 is an example: replace it with your data.",
)
_CHOICES = {
    "competency_group": ("manajerial,sosial kultural,teknis",) * 2,
    "gender": ("L,P",) * 2,
    "employment_type": ("PNS,PPPK",) * 2,
    "rating": ("Sangat Baik,Baik,Butuh Perbaikan,Kurang,Sangat Kurang",) * 2,
    "potential": ("rendah,menengah,tinggi",) * 2,
    "bool": ("ya,tidak", "true,false"),
}
_TEXT_KINDS = {"text", "id", "nip"}
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def _example(table: str, column: str, lang: str) -> object:
    value = EXAMPLES[table][column]
    if column == "completed" and lang == "en":
        return "true"
    return value


def write_template(path: str | Path, lang: str = "id") -> None:
    """Write the workbook; every sheet imports as is (one example row each)."""
    i = 1 if lang == "en" else 0
    book = Workbook()
    book.remove(book.active)
    for table in TABLES.values():
        ws = book.create_sheet(table.name)
        for j, col in enumerate(table.columns, start=1):
            letter = get_column_letter(j)
            head = ws.cell(row=1, column=j, value=col.name)
            head.font = Font(bold=True)
            head.fill = _HEADER_FILL
            head.alignment = Alignment(horizontal="center")
            note = HELP_IN_TABLE.get((table.name, col.name), HELP[col.name])[i]
            if col.required:
                note += " " + _REQUIRED[i]
            if j == 1:
                note += " " + _EXAMPLE_NOTE[i]
            head.comment = Comment(note, "Dasbor Kompetensi ASN", width=300, height=110)
            fmt = TEXT_FORMAT if col.kind in _TEXT_KINDS else None
            if col.kind == "date":
                fmt = DATE_FORMAT
            dim = ws.column_dimensions[letter]
            if fmt:
                dim.number_format = fmt  # the column's style: cells typed later get it too
            cell = ws.cell(row=2, column=j, value=_example(table.name, col.name, lang))
            if fmt:
                cell.number_format = fmt
            shown = len(str(cell.value)) if cell.value is not None else 0
            dim.width = min(max(len(col.name), shown, 10) + 4, 48)
            choices = _CHOICES.get("bool" if col.kind == "bool" else col.kind)
            if choices:
                dv = DataValidation(type="list", formula1=f'"{choices[i]}"', allow_blank=True)
                dv.add(f"{letter}2:{letter}1048576")
                ws.add_data_validation(dv)
        ws.freeze_panes = "A2"
    book.save(Path(path))
