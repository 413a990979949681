"""Text of the audit log page and the Data page's undo panel (history, rollback, backup)."""

TEXT: dict[str, tuple[str, str]] = {
    # the audit log page
    "nav_audit": ("Log Audit", "Audit log"),
    "audit_title": ("Log Audit", "Audit log"),
    "audit_intro": (
        "Siapa melakukan apa dan kapan: masuk dan keluar, impor, pembatalan, cadangan, "
        "pemulihan, unduhan data dan bahan rapat (dengan filternya). Waktu server; terbaru "
        "di atas.",
        "Who did what, and when: sign-ins and sign-outs, imports, rollbacks, backups, "
        "restores, data and meeting-material downloads (with their filters). Server time; "
        "newest first.",
    ),
    "audit_admin_only": (
        "Log audit hanya untuk admin.",
        "The audit log is for administrators only.",
    ),
    "audit_f_actor": ("Pengguna", "User"),
    "audit_f_action": ("Tindakan", "Action"),
    "audit_f_since": ("Dari tanggal", "From"),
    "audit_f_until": ("Sampai tanggal", "To"),
    "audit_all": ("Semua", "All"),
    "audit_found": ("{n} catatan", "{n} entries"),
    "audit_empty": ("Tidak ada catatan untuk pilihan ini.", "No entries for this choice."),
    "audit_page": ("Halaman", "Page"),
    "audit_col_at": ("Waktu", "Time"),
    "audit_col_actor": ("Pengguna", "User"),
    "audit_col_action": ("Tindakan", "Action"),
    "audit_col_detail": ("Rincian", "Detail"),
    "audit_col_json": ("Rincian (JSON)", "Detail (JSON)"),
    "audit_download": ("Unduh CSV (semua yang cocok)", "Download CSV (every match)"),
    "audit_file": ("log-audit", "audit-log"),
    # actions
    "audit_a_login_ok": ("Masuk", "Signed in"),
    "audit_a_login_failed": ("Gagal masuk", "Sign-in failed"),
    "audit_a_logout": ("Keluar", "Signed out"),
    "audit_a_import": ("Impor", "Import"),
    "audit_a_rollback": ("Pembatalan impor", "Rollback"),
    "audit_a_backup": ("Cadangan", "Backup"),
    "audit_a_restore": ("Pemulihan", "Restore"),
    "audit_a_export": ("Unduh data", "Data download"),
    "audit_a_report": ("Unduh bahan rapat", "Meeting materials"),
    "audit_a_lockout": ("Dikunci (percobaan gagal)", "Locked (failed attempts)"),
    "audit_a_password_change": ("Ganti kata sandi sendiri", "Own password changed"),
    "audit_a_user_add": ("Pengguna ditambahkan", "User added"),
    "audit_a_user_change": ("Peran/cakupan diubah", "Role/scope changed"),
    "audit_a_user_password_reset": ("Kata sandi diatur ulang", "Password reset"),
    "audit_a_user_remove": ("Pengguna dihapus", "User removed"),
    "audit_a_audit_trim": ("Log audit dipangkas", "Audit log trimmed"),
    # readable detail
    "audit_d_version": ("versi data {v}", "data version {v}"),
    "audit_d_rows": ("{n} baris", "{n} rows"),
    "audit_d_filters": ("filter: {f}", "filters: {f}"),
    "audit_d_no_filters": ("tanpa filter", "no filters"),
    "audit_d_import": ("impor #{id}", "import #{id}"),
    "audit_d_rolled_back": ("membatalkan {ids}", "rolls back {ids}"),
    "audit_d_added_changed": (
        "+{added} baru, ~{changed} diubah",
        "+{added} added, ~{changed} changed",
    ),
    "audit_d_removed_restored": (
        "-{removed} dihapus, ~{restored} dipulihkan",
        "-{removed} removed, ~{restored} restored",
    ),
    "audit_d_file": ("berkas {name}", "file {name}"),
    "audit_d_tables": ("{n} tabel", "{n} tables"),
    "audit_d_small_hidden": ("kelompok kecil disembunyikan", "small groups hidden"),
    "audit_d_scope": ("lingkup: {s}", "scope: {s}"),
    "audit_d_no_people": ("tanpa data perorangan", "no individual records"),
    # the Data page: history and undo
    "undo_title": ("Riwayat impor dan pembatalan", "Import history and undo"),
    "undo_help": (
        "Pilih impor untuk melihat apa yang akan dibatalkan. Pembatalan menghapus baris "
        "yang ditambahkan impor itu dan mengembalikan baris yang digantinya, lalu dicatat "
        "sebagai versi data baru.",
        "Choose an import to see what rolling it back takes away. A rollback removes the rows the "
        "import added and brings back the rows it replaced, and is logged as a new data "
        "version.",
    ),
    "undo_col_status": ("Status", "Status"),
    "undo_status_committed": ("tersimpan", "committed"),
    "undo_status_rolled_back": ("dibatalkan oleh #{by}", "rolled back by #{by}"),
    "undo_kind_import": ("impor", "import"),
    "undo_kind_demo": ("demo", "demo"),
    "undo_kind_rollback": ("pembatalan", "rollback"),
    "undo_choose": ("Batalkan impor", "Roll back an import"),
    "undo_pick": (
        "Pilih impor yang tersimpan untuk melihat apa yang dibatalkannya.",
        "Choose a committed import to see what rolling it back takes away.",
    ),
    "undo_takes_back": (
        "Membatalkan impor #{id} mengambil kembali:",
        "Rolling back import #{id} takes back:",
    ),
    "undo_col_import": ("Impor", "Import"),
    "undo_col_removed": ("Baris dihapus", "Rows removed"),
    "undo_col_restored": ("Baris dikembalikan ke nilai lama", "Rows restored to old values"),
    "undo_nothing": (
        "Impor ini tidak mengubah baris apa pun; pembatalannya hanya dicatat.",
        "This import changed no rows; rolling it back is only logged.",
    ),
    "undo_later": (
        "Impor berikutnya dibangun di atas impor #{id} (mengubah baris yang sama atau merujuk "
        "data yang ditambahkannya): {later}. Impor tersebut ikut dibatalkan, yang terbaru "
        "lebih dulu.",
        "Later imports build on import #{id} (they changed the same rows or refer to data it "
        "added): {later}. They are rolled back too, newest first.",
    ),
    "undo_confirm": (
        "Ya, batalkan juga {later}",
        "Yes, roll back {later} as well",
    ),
    "undo_button": ("Batalkan impor #{id}", "Roll back import #{id}"),
    "undo_done": (
        "Dibatalkan: {ids} (dicatat sebagai #{log}). Angka di semua halaman kini memakai versi "
        "data #{log}.",
        "Rolled back: {ids} (logged as #{log}). Every page now shows data version #{log}.",
    ),
    "undo_changed_meanwhile": (
        "Sementara itu ada impor baru yang juga bergantung pada impor ini; tidak ada yang "
        "diubah. Periksa lagi daftar di bawah, lalu ulangi.",
        "Meanwhile a new import came that builds on this one too; nothing was changed. Check "
        "the list below again, then retry.",
    ),
    # backup
    "backup_title": ("Cadangan", "Backup"),
    "backup_help": (
        "Seluruh penyimpanan dalam satu berkas DuckDB, dari satu versi data. Untuk memulihkan: "
        "hentikan dasbor, jalankan `python -m analytics restore BERKAS`, lalu jalankan dasbor "
        "lagi. Penyimpanan besar: pakai `python -m analytics backup --out BERKAS` di server.",
        "The whole store in one DuckDB file, of one data version. To restore: stop the "
        "dashboard, run `python -m analytics restore FILE`, then start the dashboard again. "
        "Large stores: use `python -m analytics backup --out FILE` on the server.",
    ),
    "backup_download": ("Unduh cadangan", "Download backup"),
}
