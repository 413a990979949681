"""Text of the Talenta and Suksesi pages (Permenpan RB 3/2020 talent management)."""

TEXT: dict[str, tuple[str, str]] = {
    "nav_talent": ("Talenta", "Talent"),
    "nav_succession": ("Suksesi", "Succession"),
    "talent_title": (
        "Talenta: kotak 9 (kinerja × potensial)",
        "Talent: the 9-box (performance × potential)",
    ),
    "talent_intro": (
        "Pemetaan talenta menurut Permenpan RB 3/2020: kinerja dari predikat kinerja tahunan, "
        "potensial dari tes potensi (potential.csv) atau, bila tidak ada, kategori JPM, "
        "dalam jendela tiga tahun. Populasi: pegawai sesuai filter yang memiliki predikat "
        "kinerja pada tahun talenta.",
        "Talent mapping after Permenpan RB 3/2020: performance from the yearly rating, "
        "potential from a potential test (potential.csv) or, failing that, the JPM category, "
        "within a three-year window. Population: the filtered employees rated in the talent "
        "year.",
    ),
    "talent_year": ("Tahun talenta {year}", "Talent year {year}"),
    "talent_no_rating": (
        "Belum ada predikat kinerja (performance.csv) untuk pilihan ini.",
        "No performance rating (performance.csv) for this selection yet.",
    ),
    "k_rated": ("Pegawai berpredikat", "Rated employees"),
    "k_mapped": ("Terpetakan", "Mapped"),
    "k_unmapped": ("Belum terpetakan", "Not mapped"),
    "k_succession": ("Kelompok suksesi (kotak 7–9)", "Succession group (boxes 7–9)"),
    "talent_unmapped_reason": (
        "{n} pegawai berpredikat kinerja tetapi tanpa sumber potensial dalam jendela "
        "{lo}–{hi} (tidak ada tes potensi dan tidak ada JPM): belum masuk kotak.",
        "{n} rated employees have no potential source in the window {lo}–{hi} (no potential "
        "test and no JPM): not in a box yet.",
    ),
    "talent_grid_title": ("Kotak 9 talenta {year}", "Talent 9-box {year}"),
    "axis_performance": ("Kinerja", "Performance"),
    "axis_potential": ("Potensial", "Potential"),
    "perf_0": ("Di bawah ekspektasi", "Below expectations"),
    "perf_1": ("Sesuai ekspektasi", "Meets expectations"),
    "perf_2": ("Di atas ekspektasi", "Above expectations"),
    "pot_0": ("Rendah", "Low"),
    "pot_1": ("Menengah", "Medium"),
    "pot_2": ("Tinggi", "High"),
    "box_n": ("Kotak {n}", "Box {n}"),
    "col_box": ("Kotak", "Box"),
    "col_recommendation": ("Rekomendasi", "Recommendation"),
    "col_share": ("Porsi (%)", "Share (%)"),
    "rec_9": (
        "Promosi dan dipertahankan; kelompok suksesi instansi/nasional; penghargaan",
        "Promote and retain; agency/national succession group; award",
    ),
    "rec_8": (
        "Dipertahankan; kelompok suksesi; rotasi/pengayaan jabatan; pengembangan kompetensi",
        "Retain; succession group; rotation or job enrichment; competency development",
    ),
    "rec_7": (
        "Dipertahankan; kelompok suksesi; rotasi/pengayaan jabatan; pengembangan kompetensi",
        "Retain; succession group; rotation or job enrichment; competency development",
    ),
    "rec_6": (
        "Penempatan sesuai; bimbingan kinerja dan konseling; pengembangan kompetensi",
        "Fitting placement; performance coaching and counselling; competency development",
    ),
    "rec_5": (
        "Penempatan sesuai; bimbingan kinerja; pengembangan kompetensi",
        "Fitting placement; performance coaching; competency development",
    ),
    "rec_4": ("Rotasi; pengembangan kompetensi", "Rotation; competency development"),
    "rec_3": (
        "Penempatan sesuai; bimbingan kinerja dan konseling; pengembangan kompetensi",
        "Fitting placement; performance coaching and counselling; competency development",
    ),
    "rec_2": (
        "Penempatan sesuai; bimbingan kinerja; pengembangan kompetensi",
        "Fitting placement; performance coaching; competency development",
    ),
    "rec_1": (
        "Diproses sesuai ketentuan peraturan tentang kinerja",
        "Handled under the rules on performance",
    ),
    "talent_box_people": ("Pegawai dalam kotak", "People in a box"),
    "talent_pick_box": ("Kotak", "Box"),
    "talent_page": ("Halaman", "Page"),
    "talent_page_of": ("{shown} dari {total} pegawai", "{shown} of {total} employees"),
    "talent_counts_only": (
        "Peran pimpinan melihat jumlah saja, tanpa nama.",
        "The leader role sees counts only, never names.",
    ),
    "col_nip": ("NIP", "NIP"),
    "col_agency": ("OPD", "Agency"),
    "col_rating": ("Predikat kinerja", "Rating"),
    "col_source": ("Sumber potensial", "Potential source"),
    "col_source_year": ("Tahun sumber", "Source year"),
    "talent_moves_title": ("Perpindahan sejak {from_year}", "Movement since {from_year}"),
    "talent_moves_tab": ("Perpindahan kotak", "Movement between boxes"),
    "talent_no_moves": (
        "Tidak ada tahun predikat sebelumnya, atau tidak ada pegawai berkotak di kedua tahun.",
        "No earlier rating year, or nobody with a box in both years.",
    ),
    "k_rose": ("Naik", "Rose"),
    "k_fell": ("Turun", "Fell"),
    "k_stayed": ("Tetap di kotak", "Same box"),
    "k_big": ("Pindah ≥ 2 langkah", "Moved ≥ 2 steps"),
    "talent_moves_help": (
        "Langkah = selisih tingkat kinerja + selisih tingkat potensial (nomor kotak bukan "
        "jarak). Naik/turun: jumlah kedua selisih positif/negatif.",
        "Steps = change in performance level + change in potential level (box numbers are not "
        "distances). Rose/fell: the sum of both changes is positive/negative.",
    ),
    "talent_moves_chart": (
        "Dari kotak {from_year} ke kotak {year}",
        "From {from_year} box to {year} box",
    ),
    "axis_from_box": ("Kotak {year}", "Box {year}"),
    "talent_movers": ("Siapa yang naik dan turun", "Who rose and who fell"),
    "col_from_box": ("Dari", "From"),
    "col_to_box": ("Ke", "To"),
    "col_steps": ("Langkah", "Steps"),
    "col_flag": ("Tanda", "Flag"),
    "flag_big": ("⚑ pindah besar", "⚑ big move"),
    "talent_calibration": ("Bantuan kalibrasi", "Calibration aid"),
    "talent_calibration_help": (
        "Sebaran kotak tiap kelompok (≥ {n} pegawai berpredikat) dibanding seluruh populasi. "
        "Jarak variasi total (0–100): setengah jumlah selisih porsi; makin besar, makin "
        "berbeda. Yang paling berbeda ditandai ⚠: pertanyaan pertama komite talenta.",
        "Each group's box distribution (≥ {n} rated people) beside the whole population. "
        "Total variation distance (0–100): half the sum of share differences; larger is more "
        "different. The most different are marked ⚠: a talent committee's first question.",
    ),
    "talent_calibration_none": (
        "Tidak ada kelompok dengan ≥ {n} pegawai berpredikat.",
        "No group with ≥ {n} rated people.",
    ),
    "calib_by": ("Kelompok", "Groups"),
    "col_tvd": ("Jarak variasi total", "Total variation distance"),
    "talent_population": ("Seluruh populasi", "Whole population"),
    "talent_calibration_chart": ("Sebaran kotak per kelompok", "Box distribution by group"),
    # succession
    "succ_title": (
        "Suksesi: jabatan berisiko dan kandidat",
        "Succession: posts at risk and candidates",
    ),
    "succ_intro": (
        "Jabatan struktural yang kosong, pemangkunya dalam dua tahun menuju batas usia pensiun "
        "(BUP), atau kurang dari dua kandidat Memenuhi Syarat. Kandidat: pegawai kotak 7–9 "
        "(kelompok suksesi) yang bukan pemangku jabatan itu; kesiapan = JPM terhadap standar "
        "jabatan target (Memenuhi Syarat ≥ 80, Masih Memenuhi Syarat ≥ 68).",
        "Structural posts that are vacant, whose holder is within two years of retirement age "
        "(BUP), or with fewer than two Memenuhi Syarat candidates. Candidates: employees of "
        "boxes 7–9 (the succession group) who do not hold the post; readiness = JPM against "
        "the target post's standard (Memenuhi Syarat ≥ 80, Masih Memenuhi Syarat ≥ 68).",
    ),
    "succ_as_of": ("Usia pemangku per tanggal", "Holders' age as of"),
    "succ_risk_title": ("Jabatan berisiko", "Posts at risk"),
    "succ_computing": (
        "Menghitung kesiapan kandidat untuk setiap jabatan struktural…",
        "Counting the candidates' readiness for every structural post…",
    ),
    "succ_no_risk": (
        "Tidak ada jabatan berisiko untuk pilihan ini.",
        "No post at risk for this selection.",
    ),
    "k_posts_risk": ("Jabatan berisiko", "Posts at risk"),
    "k_vacant": ("Kosong", "Vacant"),
    "k_retiring": ("Pemangku menjelang BUP", "Holder near BUP"),
    "k_few_ready": ("< 2 kandidat siap", "< 2 ready candidates"),
    "col_holders": ("Pemangku", "Holders"),
    "col_near_bup": ("Menjelang BUP", "Near BUP"),
    "col_unknown_age": ("Usia tak diketahui", "Age unknown"),
    "col_bup": ("BUP", "BUP"),
    "col_ready": ("Kandidat Memenuhi Syarat", "Memenuhi Syarat candidates"),
    "col_risks": ("Risiko", "Risks"),
    "succ_pick": ("Jabatan target", "Target post"),
    "succ_candidates": ("Kandidat untuk {post}", "Candidates for {post}"),
    "succ_none": ("Tidak ada kandidat kotak 7–9.", "No candidate in boxes 7–9."),
    "succ_rows_shown": (
        "Tabel memuat {shown} kandidat teratas dari {total} (urut kotak, kekurangan data, "
        "JPM terhadap jabatan). Daftar lengkap: ekspor `succession --position {post}` "
        "(tim TI BKD).",
        "The table holds the first {shown} of {total} candidates (by box, missing levels, "
        "JPM for the post). The full list: the export `succession --position {post}` "
        "(BKD's IT staff).",
    ),
    "readiness_blank": (
        "Belum lengkap",
        "Incomplete",
    ),
    "col_jpm_target": ("JPM thd. target", "JPM vs target"),
    "col_readiness": ("Kesiapan", "Readiness"),
    "col_missing": ("Belum dinilai", "Not assessed"),
    "succ_radar": (
        "Kandidat teratas terhadap standar jabatan",
        "Top candidates against the post's standard",
    ),
    "succ_standard": ("Standar jabatan", "Post standard"),
    "succ_gaps": (
        "Kesenjangan dan program yang terbukti berhasil",
        "Gaps and the programmes shown to work",
    ),
    "status_below": ("Di bawah standar", "Below standard"),
    "status_missing": ("Belum dinilai", "Not assessed"),
    "status_meets": ("Memenuhi", "Meets"),
    "col_gap_programme": (
        "Program terbukti (analisis dampak)",
        "Programme shown to work (impact analysis)",
    ),
    "no_programme": ("— belum ada program terbukti", "— no programme shown to work yet"),
    "profile_boxes": ("Kotak talenta per tahun", "Talent box by year"),
    "col_performance": ("Kinerja", "Performance"),
    "col_potential": ("Potensial", "Potential"),
    "talent_local": ("Konvensi lokal", "Local convention"),
    "talent_local_help": (
        "Tampilan saja: pilih ambang JPM lain untuk potensial tinggi dan menengah, dan jendela "
        "lain (1–3 tahun, termasuk tahun talenta) untuk JPM sebagai proksi potensial. Hasil tes "
        "potensial (potential.csv) tetap didahulukan. Unduhan dan ekspor selalu memakai "
        "pemetaan kontrak data (≥ 90 tinggi, ≥ 78 menengah, tiga tahun).",
        "Display only: choose other JPM cut-offs for high and medium potential, and another "
        "window (1–3 years, the talent year included) for JPM as the potential proxy. Potential "
        "test results (potential.csv) still come first. Downloads and exports always use the "
        "data contract's mapping (≥ 90 high, ≥ 78 medium, three years).",
    ),
    "talent_local_tinggi": ("JPM minimal untuk tinggi", "Minimum JPM for high"),
    "talent_local_menengah": ("JPM minimal untuk menengah", "Minimum JPM for medium"),
    "talent_local_window": ("Jendela JPM (tahun)", "JPM window (years)"),
    "talent_local_bad": (
        "Ambang menengah harus di atas 0 dan tidak melebihi ambang tinggi; pemetaan kontrak "
        "dipakai.",
        "The medium cut-off must be above 0 and at most the high one; the contract's mapping "
        "is used.",
    ),
    "talent_local_banner": (
        "Konvensi lokal, bukan pemetaan kontrak data: potensial dari JPM ≥ {hi} tinggi, ≥ {mid} "
        "menengah, dalam {w} tahun terakhir. Kotak 9 di bawah memakai konvensi ini; unduhan dan "
        "ekspor selalu memakai pemetaan kontrak (≥ 90, ≥ 78, tiga tahun).",
        "Local convention, not the data contract's mapping: potential from JPM ≥ {hi} high, "
        "≥ {mid} medium, within the last {w} years. The 9-box below uses it; downloads and "
        "exports always use the contract's mapping (≥ 90, ≥ 78, three years).",
    ),
}
