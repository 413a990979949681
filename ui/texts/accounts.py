"""Text of the Pengguna page (admins) and of the own-password form (everyone)."""

TEXT: dict[str, tuple[str, str]] = {
    "nav_users": ("Pengguna", "Users"),
    "users_title": ("Pengguna", "Users"),
    "users_intro": (
        "Siapa yang boleh masuk, dengan peran dan cakupan apa. Setiap perubahan berlaku pada "
        "klik berikutnya pengguna itu dan tercatat di log audit.",
        "Who may sign in, with which role and scope. Every change applies at that user's next "
        "click and is recorded in the audit log.",
    ),
    "users_col_name": ("Nama", "Name"),
    "users_col_role": ("Peran", "Role"),
    "users_col_scope": ("Cakupan", "Scope"),
    "users_col_sso": ("SSO", "SSO"),
    "users_col_last": ("Terakhir masuk", "Last sign-in"),
    "users_col_must_change": ("Sandi sekali pakai", "One-time password"),
    "users_add": ("Tambah pengguna", "Add a user"),
    "users_name": ("Nama pengguna", "User name"),
    "users_role": ("Peran", "Role"),
    "users_agencies": ("Perangkat daerah (perencana)", "Agencies (planner)"),
    "users_instansi": (
        "Instansi (perencana), dipisah koma",
        "Instansi (planner), comma-separated",
    ),
    "users_add_submit": ("Tambah", "Add"),
    "users_exists": ("Pengguna {name} sudah ada.", "User {name} already exists."),
    "users_one_time": (
        "Kata sandi sekali pakai untuk **{name}** (tampil sekali saja; serahkan langsung, "
        "pengguna menggantinya saat pertama masuk):",
        "One-time password for **{name}** (shown once only; hand it over in person, the user "
        "replaces it at the first sign-in):",
    ),
    "users_edit": ("Ubah pengguna", "Change a user"),
    "users_pick": ("Pengguna", "User"),
    "users_save": ("Simpan peran dan cakupan", "Save role and scope"),
    "users_saved": ("Peran dan cakupan {name} disimpan.", "Role and scope of {name} saved."),
    "users_reset": ("Atur ulang kata sandi", "Reset the password"),
    "users_remove": ("Hapus pengguna", "Remove the user"),
    "users_remove_confirm": ("Ya, hapus {name}", "Yes, remove {name}"),
    "users_removed": ("Pengguna {name} dihapus.", "User {name} removed."),
    "users_not_self": (
        "Peran dan keberadaan akun Anda sendiri diubah oleh admin lain atau lewat perintah "
        "`python -m analytics user`.",
        "Your own role and account are changed by another admin or with "
        "`python -m analytics user`.",
    ),
    "users_problem_bad_name": (
        "Nama tidak sah: huruf kecil, angka, titik, @, - atau _.",
        "Invalid name: lower-case letters, digits, dot, @, - or _.",
    ),
    "users_problem_bad_role": ("Peran tidak dikenal.", "Unknown role."),
    "users_problem_planner_needs_scope": (
        "Perencana memerlukan paling sedikit satu perangkat daerah atau instansi.",
        "A planner needs at least one agency or instansi.",
    ),
    "users_problem_scope_only_planner": (
        "Cakupan hanya untuk peran perencana.",
        "A scope applies to the planner role only.",
    ),
    "users_problem_unknown": ("Pengguna itu tidak ada lagi.", "That user no longer exists."),
    "users_problem_email_taken": ("Email itu sudah dipakai.", "That email is taken."),
    "users_problem_subject_taken": ("Subjek itu sudah dipakai.", "That subject is taken."),
    "users_problem_bad_email": ("Email tidak sah.", "Invalid email."),
    "users_problem_bad_subject": ("Subjek tidak sah.", "Invalid subject."),
    "users_problem_short_password": (
        "Kata sandi terlalu pendek (paling sedikit 8 karakter).",
        "Password too short (at least 8 characters).",
    ),
    "users_problem_sso_needs_identity": ("Perlu email SSO.", "Needs an SSO email."),
    "users_bad_file": (
        "Berkas pengguna tidak dapat dibaca: perbaiki di server.",
        "The users file cannot be read: fix it on the server.",
    ),
    # own password
    "account_password": ("Ganti kata sandi", "Change password"),
    "account_must_change_title": ("Ganti kata sandi sekali pakai", "Replace the one-time password"),
    "account_must_change": (
        "Anda masuk dengan kata sandi sekali pakai dari admin. Pilih kata sandi Anda sendiri "
        "untuk melanjutkan.",
        "You signed in with a one-time password from the administrator. Choose your own "
        "password to continue.",
    ),
    "account_current": ("Kata sandi sekarang", "Current password"),
    "account_new": ("Kata sandi baru", "New password"),
    "account_repeat": ("Ulangi kata sandi baru", "Repeat the new password"),
    "account_submit": ("Simpan kata sandi", "Save the password"),
    "account_wrong": ("Kata sandi sekarang salah.", "The current password is wrong."),
    "account_mismatch": ("Kata sandi baru tidak sama.", "The new passwords differ."),
    "account_same": (
        "Kata sandi baru harus berbeda dari yang lama.",
        "The new password must differ from the old one.",
    ),
    "account_saved": (
        "Kata sandi disimpan. Sesi lain atas nama Anda telah diakhiri.",
        "Password saved. Your other sessions have been ended.",
    ),
    "demo_upload_note": (
        "DEMO: penyimpanan contoh tanpa pengguna. Silakan coba unggah berkas; data ini "
        "sintetis dan dapat dibangun ulang dengan `python -m analytics demo --force`.",
        "DEMO: a sample store without users. Try the upload here; this data is synthetic and "
        "can be rebuilt with `python -m analytics demo --force`.",
    ),
}
