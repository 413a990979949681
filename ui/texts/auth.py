"""Text of the login form, the signed-in box and the refusals by role."""

TEXT: dict[str, tuple[str, str]] = {
    "login_title": ("Masuk", "Sign in"),
    "login_intro": (
        "Dasbor ini memuat data pribadi ASN. Masuk dengan akun yang diberikan admin BKD.",
        "This dashboard holds personal data of civil servants. Sign in with the account BKD's "
        "administrator gave you.",
    ),
    "login_name": ("Nama pengguna", "User name"),
    "login_password": ("Kata sandi", "Password"),
    "login_submit": ("Masuk", "Sign in"),
    "login_failed": (
        "Nama pengguna atau kata sandi salah.",
        "Wrong user name or password.",
    ),
    "login_locked": (
        "Terlalu banyak percobaan yang gagal. Coba lagi dalam {minutes} menit.",
        "Too many failed attempts. Try again in {minutes} minutes.",
    ),
    "login_no_users": (
        "Belum ada pengguna untuk penyimpanan data ini, jadi dasbor belum dapat dibuka. Admin "
        "menambahkan pengguna pertama di server dengan perintah "
        "`python -m analytics user add NAMA --role admin`, lalu memuat ulang halaman ini.",
        "This store has no users yet, so the dashboard cannot open. The administrator adds the "
        "first user on the server with `python -m analytics user add NAME --role admin`, then "
        "reloads this page.",
    ),
    "login_bad_file": (
        "Berkas pengguna tidak dapat dibaca, jadi dasbor tidak dibuka. Admin: periksa berkas "
        "itu atau buat ulang dengan `python -m analytics user add`.",
        "The users file cannot be read, so the dashboard stays closed. Administrator: check the "
        "file or recreate it with `python -m analytics user add`.",
    ),
    "auth_signed_in": ("Masuk sebagai **{name}** · {role}", "Signed in as **{name}** · {role}"),
    "auth_scope": ("Cakupan: {scope}", "Scope: {scope}"),
    "auth_scope_all": ("semua data", "all data"),
    "auth_logout": ("Keluar", "Sign out"),
    "role_pimpinan": ("Pimpinan", "Leader"),
    "role_perencana": ("Perencana SDM", "HR planner"),
    "role_admin": ("Admin", "Administrator"),
    "auth_demo_banner": (
        "DEMO — data sintetis untuk uji coba.",
        "DEMO — synthetic data for trying things out.",
    ),
    "auth_admin_only": (
        "Impor data dan riwayat impor hanya untuk admin.",
        "Importing data and the import history are for administrators only.",
    ),
}
