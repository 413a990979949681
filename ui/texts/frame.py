"""Text of the frame, the filter bar and the Data page."""

TEXT: dict[str, tuple[str, str]] = {
    # frame
    "app_title": ("Dasbor Kompetensi ASN", "ASN Competency Dashboard"),
    "app_subtitle": ("Pemerintah Provinsi Jambi", "Jambi Provincial Government"),
    "language": ("Bahasa", "Language"),
    "demo_banner": (
        "DEMO — data sintetis untuk uji coba; Anda masuk sebagai perencana SDM yang boleh "
        "melihat semua data.",
        "DEMO — synthetic data for trying things out; you are signed in as an HR planner who "
        "may see everything.",
    ),
    "nav_overview": ("Ringkasan", "Overview"),
    "nav_gaps": ("Kesenjangan", "Gaps"),
    "nav_trends": ("Tren", "Trends"),
    "nav_impact": ("Dampak Pelatihan", "Training impact"),
    "nav_needs": ("Kebutuhan Pelatihan", "Training needs"),
    "nav_profile": ("Profil Pegawai", "Employee profile"),
    "nav_data": ("Data", "Data"),
    "nav_method": ("Metode", "Method"),
    "section_dashboards": ("Dasbor", "Dashboards"),
    "section_planning": ("Perencanaan", "Planning"),
    "section_about": ("Data & metode", "Data & method"),
    # filters
    "filters": ("Filter", "Filters"),
    "f_instansi": ("Instansi", "Government (instansi)"),
    "f_agency": ("Perangkat daerah (OPD)", "Agency (OPD)"),
    "f_unit": ("Unit kerja", "Unit"),
    "f_more": ("Filter lainnya", "More filters"),
    "f_employment_type": ("Status kepegawaian", "Employment type"),
    "f_rank": ("Golongan", "Rank (golongan)"),
    "f_all": ("Semua", "All"),
    "f_choose": ("Pilih…", "Choose…"),
    "f_reset": ("Atur ulang filter", "Reset filters"),
    "f_active": ("Filter aktif", "Active filters"),
    "f_none_active": ("Tanpa filter: seluruh pegawai", "No filters: all employees"),
    "f_agency_many": (
        "Pilih instansi dulu untuk memilih di antara {n} OPD.",
        "Choose an instansi first to pick among {n} agencies.",
    ),
    "f_person_many": (
        "Pilih instansi atau OPD dulu: filter golongan membaca data per pegawai.",
        "Choose an instansi or agency first: the rank filter reads every person's rows.",
    ),
    "f_unit_many": (
        "Pilih OPD dulu untuk memilih di antara {n} unit kerja.",
        "Choose an agency first to pick among {n} units.",
    ),
    "f_unit_hint": (
        "Pilih OPD dahulu untuk mempersempit daftar unit.",
        "Choose an agency first to narrow the list of units.",
    ),
    # common
    "empty_state": (
        "Tidak ada data untuk kombinasi filter ini. Coba longgarkan filter atau pilih tahun lain.",
        "No data for this combination of filters. Try loosening the filters or another year.",
    ),
    "empty_store": (
        "Penyimpanan data masih kosong. Impor berkas di halaman Data, atau jalankan "
        "`make run` untuk membangun data demo.",
        "The store is empty. Import files on the Data page, or run `make run` to build the "
        "demo data.",
    ),
    "download_png": ("Unduh PNG", "Download PNG"),
    "download_csv": ("Unduh CSV untuk Excel", "Download CSV for Excel"),
    "download_xlsx": ("Unduh Excel", "Download Excel"),
    "chart_top_groups": (
        "Menampilkan {n} dari {total} OPD: {criterion}. Pilih instansi atau OPD di filter untuk "
        "melihat yang lain.",
        "Showing {n} of {total} agencies: {criterion}. Choose an instansi or agency in the "
        "filters to see others.",
    ),
    "top_most_below": ("yang paling banyak di bawah standar", "those most below standard"),
    "top_most_kurang": (
        "yang paling banyak pegawai Kurang Optimal",
        "those with the most employees Kurang Optimal",
    ),
    "top_least_20jp": (
        "yang paling sedikit pegawai dengan 20 JP",
        "those with the fewest employees with 20 JP",
    ),
    "top_largest": ("yang terbesar (pegawai dinilai)", "the largest (employees assessed)"),
    "small_group_note": (
        "Kelompok dengan kurang dari {n} pegawai ditandai ⚠ (angkanya rentan dan dapat "
        "mengidentifikasi orang).",
        "Groups of fewer than {n} employees are marked ⚠ (their figures are fragile and may "
        "identify people).",
    ),
    "small_group_hidden": (
        "Kelompok dengan kurang dari {n} pegawai disembunyikan.",
        "Groups of fewer than {n} employees are hidden.",
    ),
    "data_version": ("Versi data: impor #{v}", "Data version: import #{v}"),
    # data page
    "data_title": ("Data", "Data"),
    "data_intro": (
        "Isi penyimpanan data, riwayat impor, dan cakupan data.",
        "What the store holds, the import history and data coverage.",
    ),
    "data_tables": ("Isi penyimpanan", "Store contents"),
    "data_years": ("Tahun asesmen", "Assessment years"),
    "data_history": ("Riwayat impor", "Import history"),
    "col_table": ("Tabel", "Table"),
    "col_rows": ("Baris", "Rows"),
    "col_year": ("Tahun", "Year"),
    "col_employees": ("Pegawai", "Employees"),
    "col_assessments": ("Asesmen", "Assessments"),
    "col_import_id": ("No. impor", "Import no."),
    "col_imported_at": ("Waktu", "When"),
    "col_kind": ("Jenis", "Kind"),
    "col_user": ("Pengguna", "User"),
    "col_files": ("Berkas", "Files"),
    "col_added": ("Ditambah", "Added"),
    "col_changed": ("Diubah", "Changed"),
    "col_status": ("Status", "Status"),
    "data_tab_import": ("Impor", "Import"),
    "data_tab_store": ("Isi & riwayat", "Contents & history"),
    "data_tab_coverage": ("Cakupan data", "Data coverage"),
    "data_no_history": ("Belum ada impor.", "No imports yet."),
    "imp_title": ("Unggah berkas", "Upload files"),
    "imp_help": (
        "Unggah berkas CSV (boleh beberapa sekaligus) atau satu buku kerja Excel (.xlsx) sesuai "
        "templat. Berkas diperiksa dahulu; tidak ada yang disimpan sebelum Anda menekan Simpan.",
        "Upload CSV files (several at once) or one Excel workbook (.xlsx) in the template's "
        "shape. Files are checked first; nothing is stored until you press Save.",
    ),
    "imp_uploader": ("Berkas impor", "Import files"),
    "imp_checking": ("Memeriksa berkas…", "Checking files…"),
    "imp_warnings": (
        "{n} peringatan (tidak menghalangi impor)",
        "{n} warnings (they do not block the import)",
    ),
    "imp_rejected": (
        "Impor ditolak: {n} masalah. Tidak ada data yang disimpan. Perbaiki berkas lalu unggah lagi.",
        "Import rejected: {n} problems. Nothing was stored. Fix the files and upload again.",
    ),
    "imp_more": ("Ditampilkan {shown} dari {n} masalah.", "Showing {shown} of {n} problems."),
    "imp_valid": ("Berkas lolos pemeriksaan.", "The files passed the checks."),
    "imp_plan": ("Rencana impor (baris per tabel)", "Import plan (rows per table)"),
    "imp_commit": ("Simpan impor", "Save import"),
    "imp_saving": ("Menyimpan…", "Saving…"),
    "imp_done": ("Impor #{id} tersimpan.", "Import #{id} saved."),
    "imp_col_file": ("Berkas", "File"),
    "imp_col_row": ("Baris", "Row"),
    "imp_col_column": ("Kolom", "Column"),
    "imp_col_value": ("Nilai", "Value"),
    "imp_col_reason": ("Alasan", "Reason"),
    "tpl_title": ("Templat impor", "Import template"),
    "tpl_help": (
        "Buku kerja kosong dengan semua lembar, keterangan di setiap judul kolom, dan satu "
        "baris contoh. Kolom NIP berformat Teks agar Excel tidak merusaknya.",
        "An empty workbook with every sheet, a note on each column header and one example row. "
        "NIP columns are formatted as Text so that Excel does not damage them.",
    ),
    "tpl_download": ("Unduh templat (.xlsx)", "Download template (.xlsx)"),
    "cov_assessed": ("Pegawai yang diases tahun ini", "Employees assessed this year"),
    "cov_computing": (
        "Menghitung cakupan asesmen per OPD…",
        "Counting assessment coverage per agency…",
    ),
    "cov_col_assessed": ("Diases", "Assessed"),
    "cov_col_not_assessed": ("Belum diases", "Not assessed"),
    "cov_col_pct": ("% diases", "% assessed"),
    "cov_people": ("Daftar pegawai yang belum diases", "Employees not assessed"),
    "cov_people_limit": (
        "Paling banyak {n} nama ditampilkan; persempit dengan filter.",
        "At most {n} names are shown; narrow with the filters.",
    ),
    "cov_standards": (
        "Jabatan tanpa standar kompetensi",
        "Positions without a competency standard",
    ),
    "cov_standards_none": (
        "Semua nilai tahun ini punya standar jabatan.",
        "Every score this year has a position standard.",
    ),
    "cov_standards_help": (
        "Nilai tanpa standar tidak ikut dihitung di metrik mana pun (tetap tampil di profil "
        "pegawai). Lengkapi standards.csv untuk jabatan ini.",
        "Scores without a standard are left out of every metric (they still show in the "
        "employee's profile). Complete standards.csv for these positions.",
    ),
    "cov_col_scores": ("Nilai", "Scores"),
    "col_name": ("Nama", "Name"),
    "col_position": ("Jabatan", "Position"),
    "col_competency_code": ("Kode", "Code"),
}
