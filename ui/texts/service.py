"""Text of the Layanan Publik page (public service quality beside competency)."""

UNSUR_NAMES = {
    "u1": ("Persyaratan", "Requirements"),
    "u2": ("Sistem, mekanisme, prosedur", "Systems and procedures"),
    "u3": ("Waktu penyelesaian", "Completion time"),
    "u4": ("Biaya/tarif", "Cost/fees"),
    "u5": ("Produk layanan", "Service products"),
    "u6": ("Kompetensi pelaksana", "Staff competence"),
    "u7": ("Perilaku pelaksana", "Staff conduct"),
    "u8": ("Penanganan pengaduan", "Complaint handling"),
    "u9": ("Sarana dan prasarana", "Facilities"),
}

TEXT: dict[str, tuple[str, str]] = {
    "nav_service": ("Layanan Publik", "Public service"),
    "service_title": ("Layanan Publik", "Public service"),
    "service_intro": (
        "Apakah OPD yang kompetensinya naik juga melayani lebih baik? Indeks Kepuasan "
        "Masyarakat (IKM, Permenpan RB 14/2017) tiap OPD dan tahun di samping rata-rata JPM "
        "pegawainya. Filter jenis jabatan, rumpun dan unit memilih kompetensi siapa yang "
        "dihitung (mis. Pelaksana di garis depan); filter OPD memilih OPD.",
        "Do agencies whose competency rose also serve the public better? The public "
        "satisfaction index (IKM, Permenpan RB 14/2017) of every agency and year beside its "
        "staff's mean JPM. The job type, family and unit filters choose whose competency "
        "counts (e.g. front-line Pelaksana); the agency filter chooses agencies.",
    ),
    "service_empty": (
        "Belum ada data IKM untuk pilihan ini. Impor service_outcomes.csv di halaman Data.",
        "No IKM data for this selection yet. Import service_outcomes.csv on the Data page.",
    ),
    "service_link_title": ("Apa yang bisa dikatakan", "What can be said"),
    "service_effect_title": (
        "Asosiasi di dalam OPD, per 10 poin JPM (efek tetap OPD dan tahun, interval 95 %)",
        "Association within agencies, per 10 JPM points (agency and year fixed effects, "
        "95 % interval)",
    ),
    "service_effect_x": ("Perubahan per 10 poin JPM", "Change per 10 JPM points"),
    "service_pred_mean_jpm": ("JPM tahun yang sama", "Same-year JPM"),
    "service_pred_mean_jpm_prev": ("JPM tahun sebelumnya", "Previous-year JPM"),
    "service_outcome_ikm": ("IKM", "IKM"),
    "service_outcome_u6": ("U6 Kompetensi pelaksana", "U6 Staff competence"),
    "service_outcome_u7": ("U7 Perilaku pelaksana", "U7 Staff conduct"),
    "service_outcome_u4": ("U4 Biaya (plasebo)", "U4 Cost (placebo)"),
    "service_outcome_u9": ("U9 Sarana (plasebo)", "U9 Facilities (placebo)"),
    "service_effect_help": (
        "Hasil utama: IKM dan U6 (kompetensi pelaksana), lalu U7. U4 (biaya) dan U9 (sarana) "
        "adalah plasebo: kompetensi pegawai semestinya tidak menggerakkannya. Dengan empat "
        "interval plasebo, satu bisa saja tidak mencakup nol karena kebetulan. Skala IKM "
        "25–100, skala unsur 1–4.",
        "Primary outcomes: IKM and U6 (staff competence), then U7. U4 (cost) and U9 "
        "(facilities) are placebos that staff competency should not move. With four placebo "
        "intervals, one may exclude zero by chance. IKM is on a 25–100 scale, unsur on 1–4.",
    ),
    "service_jpm_note": (
        "Rata-rata JPM mencakup pegawai yang diases pada tahun itu, jadi perubahan siapa yang "
        "diases ikut menggesernya. Model: IKM = efek OPD + efek tahun + β × JPM, OPD dengan "
        "satu tahun saja tidak dipakai (lihat Metode).",
        "Mean JPM covers the people assessed that year, so a change in who was assessed moves "
        "it too. Model: IKM = agency effect + year effect + β × JPM; agencies with a single "
        "year are left out (see Method).",
    ),
    "service_more": (
        "Semua kalimat (U7, plasebo, tahun sebelumnya)",
        "Every sentence (U7, placebos, previous year)",
    ),  # fmt: skip
    "service_prev_label": ("Dengan JPM tahun sebelumnya", "With previous-year JPM"),
    "service_by_year_title": ("IKM dan mutunya per tahun", "IKM and its grade by year"),
    "service_year_title": ("OPD pada {year}", "Agencies in {year}"),
    "service_change_tab": ("Perubahan antartahun", "Change between years"),
    "service_respondents_note": (
        "⚠ = kurang dari 100 responden. Penyimpanan tidak mengetahui jumlah populasi yang "
        "dilayani, sehingga target sampel Krejcie–Morgan (populasi 1.000 → 278, sangat besar "
        "→ ±384) tidak dapat dihitung di sini; periksa sendiri terhadap populasi OPD.",
        "⚠ = fewer than 100 respondents. The store does not know the population served, so the "
        "Krejcie–Morgan sample target (population 1,000 → 278, very large → about 384) cannot "
        "be computed here; check it against the agency's population yourself.",
    ),
    "service_grade_help": (
        "Mutu: A ≥ 88,31 (Sangat Baik), B ≥ 76,61 (Baik), C ≥ 65,00 (Kurang Baik), D di bawahnya "
        "(Tidak Baik), pada nilai yang tersimpan.",
        "Grade: A ≥ 88.31 (very good), B ≥ 76.61 (good), C ≥ 65.00 (poor), D below (very "
        "poor), on the stored value.",
    ),
    "service_col_agency": ("OPD", "Agency"),
    "service_col_ikm": ("IKM", "IKM"),
    "service_col_grade": ("Mutu", "Grade"),
    "service_col_respondents": ("Responden", "Respondents"),
    "service_col_assessed": ("Pegawai diases", "Employees assessed"),
    "service_col_mean_jpm_prev": ("Rata-rata JPM tahun lalu", "Mean JPM last year"),
    "service_scatter_title": (
        "Rata-rata JPM dan IKM per OPD, {year}",
        "Mean JPM and IKM per agency, {year}",
    ),
    "service_change_title": (
        "Perubahan {y0} → {y1}: JPM dan IKM per OPD",
        "Change {y0} → {y1}: JPM and IKM per agency",
    ),
    "service_d_jpm": ("Perubahan rata-rata JPM", "Change in mean JPM"),
    "service_d_ikm": ("Perubahan IKM", "Change in IKM"),
    "service_n": ("Pegawai diases", "Employees assessed"),
    "service_labels_note": (
        "Kode tertulis pada paling banyak {n} OPD yang paling jauh dari tengah, bila tidak "
        "menutupi kode lain; arahkan kursor ke titik lain untuk nama OPD-nya.",
        "Codes are written on at most {n} agencies farthest from the middle, where they cover "
        "no other code; hover over any other point for its agency's name.",
    ),
    "service_density_count": ("Jumlah OPD", "Agencies"),
    # the density's caption: the shared lead, then where to find an agency (the year tab has a
    # table; the change tab only its named points)
    "service_density_note": (
        "{total} OPD terlalu banyak untuk digambar satu titik per OPD: warna tiap kotak "
        "menunjukkan jumlah OPD di dalamnya (makin gelap, makin banyak). Kode tertulis pada "
        "paling banyak {n} OPD yang paling jauh dari tengah, bila tidak menutupi kode lain;",
        "{total} agencies are too many to draw one point each: each cell's colour shows how "
        "many agencies it holds (darker, more). Codes are written on at most {n} agencies "
        "farthest from the middle, where they cover no other code;",
    ),
    "service_density_table": (
        "semua OPD ada di tabel di atas.",
        "every agency is in the table above.",
    ),
    "service_density_hover": (
        "arahkan kursor ke titik berkode untuk nama OPD-nya.",
        "hover over a coded point for its agency's name.",
    ),
    "service_from_year": ("Bandingkan dengan tahun", "Compare with year"),
    "service_no_change": (
        "Belum ada OPD dengan IKM dan JPM pada kedua tahun.",
        "No agency has both IKM and JPM in both years yet.",
    ),
    "service_unsur_title": ("Profil unsur IKM", "IKM unsur profile"),
    "service_unsur_agency": ("OPD", "Agency"),
    "service_unsur_chart": ("Unsur IKM: {agency}", "IKM unsur: {agency}"),
    "service_unsur_y": ("Nilai rata-rata (1–4)", "Mean score (1–4)"),
    "service_unsur_none": (
        "OPD ini belum mengimpor nilai per unsur (u1 … u9).",
        "This agency has not imported unsur scores (u1 … u9).",
    ),
    **{f"unsur_{u}": (f"{u.upper()} {i}", f"{u.upper()} {e}") for u, (i, e) in UNSUR_NAMES.items()},
}
