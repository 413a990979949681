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
    "owner_unavailable": (
        "Server sedang dimulai ulang; tidak ada yang disimpan. Coba lagi sebentar lagi.",
        "The server is restarting; nothing was saved. Try again in a moment.",
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
    "login_sso": ("Masuk dengan SSO", "Sign in with SSO"),
    "login_or_password": (
        "atau dengan nama pengguna dan kata sandi:",
        "or with a user name and password:",
    ),
    "login_sso_unknown": (
        "Akun SSO **{identity}** tidak terdaftar di dasbor ini, jadi dasbor tidak dibuka. Minta "
        "admin BKD mendaftarkan email Anda, atau keluar dari SSO lalu masuk dengan akun lain.",
        "The SSO account **{identity}** is not registered for this dashboard, so it stays "
        "closed. Ask BKD's administrator to register your email, or sign out of SSO and sign in "
        "with another account.",
    ),
    "login_sso_unverified": (
        "Penyedia identitas menyatakan email **{identity}** belum terverifikasi, jadi dasbor "
        "tidak dapat mengenali Anda. Verifikasi email itu di penyedia identitas, atau keluar "
        "dari SSO.",
        "The identity provider says the email **{identity}** is not verified, so the dashboard "
        "cannot recognise you. Verify it at the identity provider, or sign out of SSO.",
    ),
    "login_sso_no_identity": (
        "Penyedia identitas tidak memberikan email maupun pengenal akun, jadi "
        "dasbor tidak dapat mengenali Anda. Admin: periksa scope `email` di penyedia identitas.",
        "The identity provider gave neither an email nor an account id, so the "
        "dashboard cannot recognise you. Administrator: check the `email` scope at the provider.",
    ),
    "login_sso_stale": (
        "Sesi SSO Anda sudah terlalu lama. Masuk lagi.",
        "Your SSO sign-in is too old. Please sign in again.",
    ),
    "login_sso_bad_config": (
        "Masuk dengan SSO belum dapat dipakai: pengaturannya tidak lengkap. Admin: periksa "
        "bagian [auth] di secrets.toml (log server menyebut yang kurang).",
        "Sign-in with SSO is unavailable: its settings are incomplete. Administrator: check the "
        "[auth] section of secrets.toml (the server log names what is missing).",
    ),
    "auth_sso_logout": ("Keluar dari SSO", "Sign out of SSO"),
    "auth_via_sso": ("Lewat SSO: {identity}", "Through SSO: {identity}"),
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
