"""Every text the importer shows, in Indonesian (the default) and English.

The readers are HR staff, not programmers: each message says what is wrong in their terms and
what to do about it. Issues stay language-neutral (a code plus parameters) until rendered here,
so the upload page can switch language without validating again.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # issues.py renders its Issue through this module
    from analytics.importer.issues import Issue

LANGS = ("id", "en")

_TEXT: dict[str, tuple[str, str]] = {
    # Files, folders, workbooks.
    "path_missing": (
        "File atau folder tidak ditemukan; periksa nama dan lokasinya.",
        "File or folder not found; check its name and location.",
    ),
    "path_unreadable": (
        "File tidak dapat dibaca: {path} ({detail})",
        "The file cannot be read: {path} ({detail})",
    ),
    "folder_file_ignored": (
        "File ini di dalam folder diabaikan karena namanya bukan nama tabel. Nama yang dikenal: {tables}.",
        "This file in the folder was ignored because its name is not a table name. Known names: {tables}.",
    ),
    "folder_subfolder_ignored": (
        "Subfolder ini diabaikan: hanya file CSV yang langsung berada di dalam folder yang dibaca.",
        "This subfolder was ignored: only CSV files directly inside the folder are read.",
    ),
    "file_too_large": (
        "File ini {size} MB, melebihi batas unggah {limit} MB per file, jadi tidak dibaca. "
        "Pecah menjadi beberapa file (misalnya satu file per OPD atau per tahun), atau minta "
        "admin mengimpornya lewat baris perintah.",
        "This file is {size} MB, over the upload limit of {limit} MB per file, so it was not "
        "read. Split it into several files (e.g. one per agency or per year), or ask an "
        "administrator to import it from the command line.",
    ),
    "file_too_large_cli": (
        "File ini {size} MB, melebihi batas {limit} MB per file, jadi tidak dibaca. Pecah "
        "menjadi beberapa file (misalnya satu file per OPD atau per tahun); batas dapat "
        "dinaikkan dengan variabel lingkungan ASN_MAX_IMPORT_MB bila memori server cukup "
        "(sekitar 12 kali ukuran file).",
        "This file is {size} MB, over the limit of {limit} MB per file, so it was not read. "
        "Split it into several files (e.g. one per agency or per year); the limit can be "
        "raised with the environment variable ASN_MAX_IMPORT_MB when the server has the "
        "memory (about 12 times the file's size).",
    ),
    "unknown_table": (
        "Nama file tidak cocok dengan tabel mana pun, jadi file ini tidak dapat diimpor. "
        "Ganti namanya menjadi salah satu dari: {tables}.",
        "The file name matches no table, so the file cannot be imported. "
        "Rename it to one of: {tables}.",
    ),
    "unknown_file_type": (
        "Jenis file tidak didukung: kirim file CSV (.csv) atau workbook Excel (.xlsx).",
        "Unsupported file type: send CSV files (.csv) or an Excel workbook (.xlsx).",
    ),
    "old_xls": (
        "Format Excel lama (.xls) tidak didukung: buka di Excel lalu simpan sebagai "
        "Excel Workbook (.xlsx) atau CSV UTF-8.",
        "The old Excel format (.xls) is not supported: open it in Excel and save it as an "
        "Excel Workbook (.xlsx) or as CSV UTF-8.",
    ),
    "not_a_table": (
        "File ini bukan tabel ({what}). Kirim file CSV atau workbook .xlsx; dari Excel pilih "
        "File → Save As → CSV UTF-8.",
        "This file is not a table ({what}). Send a CSV file or an .xlsx workbook; in Excel use "
        "File → Save As → CSV UTF-8.",
    ),
    "csv_is_workbook": (
        "File ini sebenarnya workbook Excel, bukan CSV: ganti akhiran namanya menjadi .xlsx, "
        "atau simpan ulang dari Excel sebagai CSV UTF-8.",
        "This file is really an Excel workbook, not a CSV: rename it to end in .xlsx, or save "
        "it again from Excel as CSV UTF-8.",
    ),
    "utf16": (
        "File ini disimpan sebagai 'Unicode Text' (UTF-16). Simpan ulang dari Excel sebagai "
        "'CSV UTF-8 (Comma delimited)'.",
        "This file was saved as 'Unicode Text' (UTF-16). Save it again from Excel as "
        "'CSV UTF-8 (Comma delimited)'.",
    ),
    "workbook_unreadable": (
        "Workbook tidak dapat dibaca ({detail}). Pastikan file .xlsx tidak rusak dan tidak "
        "dilindungi kata sandi.",
        "The workbook cannot be read ({detail}). Make sure the .xlsx file is not damaged and "
        "not password-protected.",
    ),
    "workbook_no_tables": (
        "Workbook ini tidak berisi lembar (sheet) yang dikenal. Nama lembar harus salah satu "
        "dari: {tables}.",
        "This workbook has none of the expected sheets. Sheet names must be among: {tables}.",
    ),
    "sheet_ignored": (
        "Lembar ini diabaikan karena namanya bukan nama tabel.",
        "This sheet was ignored because its name is not a table name.",
    ),
    "table_twice": (
        "Tabel {table} diberikan lebih dari sekali dalam satu impor (juga di {other}). "
        "Gabungkan barisnya dalam satu file.",
        "Table {table} is given more than once in one import (also in {other}). "
        "Put its rows in one file.",
    ),
    "decoded_cp1252": (
        "File ini bukan UTF-8, jadi dibaca sebagai Windows-1252 (CSV Excel di Windows). "
        "Periksa huruf beraksen pada nama; lain kali simpan sebagai 'CSV UTF-8'.",
        "This file is not UTF-8, so it was read as Windows-1252 (Excel's CSV on Windows). "
        "Check accented letters in names; next time save as 'CSV UTF-8'.",
    ),
    "empty_file": (
        "File kosong: tidak ada baris judul kolom.",
        "The file is empty: there is no header row.",
    ),
    "no_data_rows": (
        "Tidak ada baris data, hanya judul kolom.",
        "There are no data rows, only the header.",
    ),
    "bad_delimiter": (
        "Pemisah kolom pada baris judul tidak dikenali: gunakan koma (,) atau titik koma (;).",
        "The column separator in the header row is not recognised: use a comma (,) or a "
        "semicolon (;).",
    ),
    "csv_broken": (
        "File CSV tidak dapat dibaca ({detail}). Periksa tanda kutip yang tidak ditutup.",
        "The CSV file cannot be read ({detail}). Look for a quote that is not closed.",
    ),
    "too_many_cells": (
        "Baris ini berisi {n} sel, lebih banyak dari {m} judul kolom. Teks yang memuat tanda "
        '{delim} harus dibungkus tanda kutip (").',
        "This row has {n} cells, more than the {m} column headers. Text containing {delim} "
        'must be wrapped in double quotes (").',
    ),
    "missing_column": (
        "Kolom wajib tidak ada: tambahkan kolom {column} pada baris judul.",
        "A required column is missing: add the column {column} to the header row.",
    ),
    "duplicate_column": (
        "Judul kolom ini muncul lebih dari sekali; hapus salah satunya.",
        "This column header appears more than once; remove one of them.",
    ),
    "unknown_column": (
        "Kolom ini tidak dikenal dan diabaikan.",
        "This column is not known and was ignored.",
    ),
    "unnamed_column": (
        "Kolom ke-{n} tidak punya judul tetapi berisi data; isinya diabaikan.",
        "Column {n} has no header but holds data; it was ignored.",
    ),
    "nothing_to_import": (
        "Tidak ada tabel untuk diimpor: tidak ada file atau lembar yang namanya cocok dengan "
        "tabel. Nama yang dikenal: {tables}.",
        "Nothing to import: no file or sheet is named after a table. Known names: {tables}.",
    ),
    # Cells.
    "id_excel_number": (
        "Kode ini tersimpan sebagai angka di Excel, sehingga angka nol di depan atau di "
        "belakang koma bisa hilang (007 → 7, 1.10 → 1.1). Periksa kodenya; sebaiknya format "
        "kolom ini sebagai Teks.",
        "Excel stored this code as a number, so leading or trailing zeros may be lost "
        "(007 → 7, 1.10 → 1.1). Check the code; better format this column as Text.",
    ),
    "required_blank": (
        "Kolom wajib tidak boleh kosong.",
        "This required column must not be blank.",
    ),
    "nip_excel_number": (
        "NIP tersimpan sebagai angka di Excel, sehingga digit terakhirnya hilang. Format kolom "
        "NIP sebagai Teks (Format Cells → Text), lalu ketik atau tempel ulang NIP dari sumber "
        "aslinya.",
        "Excel stored this NIP as a number, so its last digits are lost. Format the NIP column "
        "as Text (Format Cells → Text), then type or paste the NIP again from its source.",
    ),
    "nip_excel_enotation": (
        "NIP telah diubah Excel menjadi notasi ilmiah (E+17) dan digitnya hilang. Format kolom "
        "NIP sebagai Teks (Format Cells → Text) sebelum mengisi, lalu ketik ulang NIP dari "
        "sumber aslinya.",
        "Excel turned this NIP into scientific notation (E+17) and its digits are lost. Format "
        "the NIP column as Text (Format Cells → Text) before filling it, then type the NIP "
        "again from its source.",
    ),
    "nip_length": (
        "NIP harus 18 digit, nilai ini {n} digit. Jika file pernah dibuka di Excel, Excel "
        "mungkin telah mengubahnya: format kolom NIP sebagai Teks lalu ketik ulang NIP-nya.",
        "A NIP has exactly 18 digits; this one has {n}. If the file was opened in Excel, Excel "
        "may have changed it: format the NIP column as Text and type the NIP again.",
    ),
    "nip_serial_000": (
        "NIP tidak mungkin berakhiran 000 (nomor urut tidak pernah 000): Excel telah "
        "membulatkan tiga digit terakhir. Format kolom NIP sebagai Teks, lalu ketik ulang NIP "
        "dari sumber aslinya.",
        "A NIP never ends in 000 (no serial number is 000): Excel has rounded its last three "
        "digits. Format the NIP column as Text, then type the NIP again from its source.",
    ),
    "nip_not_digits": (
        "NIP hanya boleh berisi 18 angka, tanpa spasi, titik, atau tanda lain.",
        "A NIP may only hold 18 digits, without spaces, dots or other marks.",
    ),
    "nip_birth_date": (
        "Delapan digit pertama NIP bukan tanggal lahir yang sah (TTTTBBHH); periksa NIP ini.",
        "The first eight digits of this NIP are not a valid birth date (YYYYMMDD); check it.",
    ),
    "nip_gender_digit": (
        "Digit ke-15 NIP (jenis kelamin) seharusnya 1 atau 2; periksa NIP ini.",
        "Digit 15 of a NIP (gender) should be 1 or 2; check this NIP.",
    ),
    "date_format": (
        "Tanggal tidak dikenali: tulis sebagai YYYY-MM-DD, DD/MM/YYYY atau DD-MM-YYYY "
        "(misalnya 2024-03-15 atau 15/03/2024).",
        "Date not recognised: write it as YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY "
        "(e.g. 2024-03-15 or 15/03/2024).",
    ),
    "date_impossible": (
        "Tanggal ini tidak ada di kalender.",
        "This date does not exist in the calendar.",
    ),
    "date_range": (
        "Tahun pada tanggal ini di luar 1900–2100.",
        "The year of this date is outside 1900–2100.",
    ),
    "number_format": ("Bukan angka yang sah.", "Not a valid number."),
    "level_range": (
        "Level harus antara 1,0 dan 5,0.",
        "The level must be between 1.0 and 5.0.",
    ),
    "level_decimals": (
        "Level paling banyak satu angka desimal (misalnya 3,5).",
        "A level has at most one decimal (e.g. 3.5).",
    ),
    "required_level_value": (
        "Level standar harus bilangan bulat 1 sampai 5.",
        "The required level must be a whole number from 1 to 5.",
    ),
    "hours_not_positive": ("JP harus lebih dari 0.", "JP must be more than 0."),
    "hours_decimals": (
        "JP paling banyak dua angka desimal.",
        "JP has at most two decimals.",
    ),
    "hours_too_large": (
        "JP terlalu besar (paling banyak 9.999.999,99).",
        "JP is too large (at most 9,999,999.99).",
    ),
    "cost_negative": ("Biaya tidak boleh negatif.", "The cost must not be negative."),
    "cost_too_large": (
        "Biaya terlalu besar untuk disimpan sebagai angka; periksa nilainya.",
        "The cost is too large to be stored as a number; check the value.",
    ),
    "ikm_range": ("IKM harus antara 25 dan 100.", "The IKM must be between 25 and 100."),
    "respondents_value": (
        "Jumlah responden harus bilangan bulat 1 atau lebih.",
        "The number of respondents must be a whole number of 1 or more.",
    ),
    "unsur_range": (
        "Nilai unsur (NRR) harus antara 1 dan 4.",
        "An unsur score (NRR) must be between 1 and 4.",
    ),
    "ikm_unsur_mismatch": (
        "IKM {ikm} tidak sesuai dengan sembilan unsurnya: 25 × rata-rata u1–u9 = {expected}. "
        "Baris tetap disimpan; periksa angkanya.",
        "The IKM {ikm} does not match its nine unsur: 25 × the mean of u1–u9 = {expected}. "
        "The row is kept; check the figures.",
    ),
    "year_value": (
        "Tahun harus bilangan bulat antara 1900 dan 2100 (misalnya 2024).",
        "The year must be a whole number between 1900 and 2100 (e.g. 2024).",
    ),
    "bool_value": (
        "Isi dengan ya atau tidak (juga diterima: true/false, benar/salah, y/n, 1/0).",
        "Fill in true or false (also accepted: ya/tidak, benar/salah, y/n, 1/0).",
    ),
    "enum_value": (
        "Nilai tidak dikenal; gunakan salah satu dari: {allowed}.",
        "Unknown value; use one of: {allowed}.",
    ),
    "end_before_start": (
        "Tanggal selesai lebih awal dari tanggal mulai ({start}).",
        "The end date is before the start date ({start}).",
    ),
    "duplicate_key": (
        "Kunci baris ini sama dengan kunci baris {first}. Satu impor tidak boleh memuat dua "
        "baris dengan kunci yang sama: hapus atau gabungkan salah satunya.",
        "This row has the same key as row {first}. One import may not hold two rows with the "
        "same key: remove or merge one of them.",
    ),
    "unknown_ref": (
        "{what} ini tidak ada di database maupun di impor ini. Periksa penulisannya, atau "
        "sertakan {file} yang memuatnya dalam impor yang sama.",
        "This {what} is neither in the database nor in this import. Check its spelling, or "
        "include the {file} that lists it in the same import.",
    ),
    "programme_inconsistent": (
        "Pelatihan berjudul sama adalah satu program, jadi semua kegiatannya harus "
        'mengembangkan kompetensi yang sama (atau semuanya tanpa kompetensi). Judul "{title}" '
        "punya kompetensi berbeda: {competencies}.",
        "Trainings with the same title are one programme, so all its events must develop the "
        'same competency (or all none). The title "{title}" has different competencies: '
        "{competencies}.",
    ),
    # Command line.
    "rejected": (
        "Impor DITOLAK: {n} masalah ditemukan. Tidak ada data yang disimpan; perbaiki file "
        "lalu impor ulang.",
        "Import REJECTED: {n} problem(s) found. Nothing was stored; fix the files and import "
        "them again.",
    ),
    "dry_run_rejected": (
        "Uji coba: impor ini akan DITOLAK, {n} masalah ditemukan. Tidak ada yang disimpan.",
        "Dry run: this import would be REJECTED, {n} problem(s) found. Nothing was stored.",
    ),
    "shown_of": (
        "Ditampilkan {shown} dari {n} masalah.",
        "Showing {shown} of {n} problems.",
    ),
    "stored": ("Impor #{id} tersimpan:", "Import #{id} stored:"),
    "dry_run": (
        "Uji coba (--dry-run): tidak ada yang disimpan. Impor ini akan:",
        "Dry run (--dry-run): nothing was stored. This import would do:",
    ),
    "table_line": ("{added} ditambah, {changed} diubah", "{added} added, {changed} changed"),
    "nothing_changed": (
        "Tidak ada data yang berubah: semua baris sama dengan yang sudah tersimpan.",
        "No data changed: every row equals what is already stored.",
    ),
    "warnings_head": ("Peringatan ({n}):", "Warnings ({n}):"),
    "more_warnings": ("... dan {n} peringatan lain.", "... and {n} more warnings."),
}

# How a referenced table's rows are called in "unknown_ref".
_REF_WHAT = {
    "agencies": ("OPD (agency_id)", "agency (agency_id)"),
    "positions": ("Jabatan (position_id)", "position (position_id)"),
    "competencies": ("Kompetensi (competency_id)", "competency (competency_id)"),
    "employees": ("Pegawai dengan NIP", "employee NIP"),
    "trainings": ("Pelatihan (training_id)", "training (training_id)"),
}
_NOT_A_TABLE = {
    "pdf": ("berkas PDF", "a PDF document"),
    "binary": ("isinya bukan teks", "its content is not text"),
}
_NUMBER_HINT = {
    "comma": (
        " Di file yang dipisah titik koma (;), tanda desimal adalah koma (3,5) dan titik hanya "
        "pemisah ribuan (1.500.000).",
        " In a semicolon-separated (;) file the decimal mark is a comma (3,5) and a dot only "
        "groups thousands (1.500.000).",
    ),
    "dot": (
        " Di file yang dipisah koma (,), tanda desimal adalah titik (3.5), tanpa pemisah ribuan.",
        " In a comma-separated (,) file the decimal mark is a dot (3.5), without thousands "
        "separators.",
    ),
    "either": ("", ""),
}
_NO_COMPETENCY = ("(tanpa kompetensi)", "(none)")


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def text(code: str, lang: str = "id", **params: Any) -> str:
    """A fixed message by code, e.g. the command line's headlines."""
    return _pick(_TEXT[code], lang).format(**params)


def reason(issue: Issue, lang: str = "id") -> str:
    """Why a value is wrong, and what to do, in the user's language."""
    params: dict[str, Any] = {"column": issue.column, **issue.params}
    i = 1 if lang == "en" else 0
    if issue.code == "unknown_ref":
        params["what"] = _REF_WHAT[params["table"]][i]
        params["file"] = f"{params['table']}.csv"
    elif issue.code == "not_a_table":
        params["what"] = _NOT_A_TABLE[params.get("what", "binary")][i]
    elif issue.code == "programme_inconsistent":
        comps = [c if c else _NO_COMPETENCY[i] for c in params.get("competencies", ())]
        params["competencies"] = ", ".join(comps)
    elif issue.code == "end_before_start":
        params["start"] = params.get("start", "")
    out = _pick(_TEXT[issue.code], lang).format(**params)
    if issue.code == "number_format":
        out += _NUMBER_HINT[params.get("mode", "either")][i]
    return out


def _shown(value: str) -> str:
    return value if len(value) <= 60 else value[:57] + "..."


def location(issue: Issue, lang: str = "id") -> str:
    """'employees.csv, baris 5, kolom nip, nilai "1.98501E+17"' and its English twin."""
    en = lang == "en"
    parts = [issue.file] if issue.file else []
    if issue.sheet:
        parts[-1:] = [f"{issue.file} ({'sheet' if en else 'lembar'} {issue.sheet})"]
    if issue.row is not None:
        parts.append(f"{'row' if en else 'baris'} {issue.row}")
    if issue.column:
        parts.append(f"{'column' if en else 'kolom'} {issue.column}")
    if issue.value:
        parts.append(f'{"value" if en else "nilai"} "{_shown(issue.value)}"')
    return ", ".join(parts)


def render(issue: Issue, lang: str = "id") -> str:
    where = location(issue, lang)
    return f"{where}: {reason(issue, lang)}" if where else reason(issue, lang)


def known_tables(names: Mapping[str, object], suffix: str = ".csv") -> str:
    return ", ".join(f"{n}{suffix}" for n in names)
