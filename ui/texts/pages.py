"""Text of the analysis pages (trends, impact, needs, gaps, overview, profile, method)."""

TEXT: dict[str, tuple[str, str]] = {
    # measures
    "m_mean_jpm": ("Rata-rata JPM", "Mean JPM"),
    "m_pct_meeting": ("% nilai memenuhi standar", "% of scores meeting standard"),
    "m_mean_shortfall": ("Rata-rata kekurangan level", "Mean shortfall (levels)"),
    "m_mean_level": ("Rata-rata level", "Mean level"),
    "m_mean_gap": ("Rata-rata selisih", "Mean gap"),
    "m_pct_below": ("% di bawah standar", "% below standard"),
    "by_none": ("Keseluruhan", "Overall"),
    "by_agency": ("Per OPD", "By agency"),
    "by_job_family": ("Per rumpun jabatan", "By job family"),
    "by_job_type": ("Per jenis jabatan", "By job type"),
    "by_competency": ("Per kompetensi", "By competency"),
    "by_unit": ("Per unit", "By unit"),
    "split_by": ("Pisahkan", "Split"),
    "measure": ("Ukuran", "Measure"),
    "show_table": ("Lihat tabel angka", "Show the figures as a table"),
    "share": ("Porsi pegawai", "Share of employees"),
    # trends
    "trends_title": ("Tren", "Trends"),
    "trends_intro": (
        "Apakah kompetensi ASN membaik dari tahun ke tahun? Seluruh tahun asesmen; filter tahun "
        "menentukan pasangan tahun untuk perbandingan pegawai yang sama.",
        "Is the civil service getting better year by year? Every assessment year; the year "
        "filter sets the pair of years for the same-people comparison.",
    ),
    "trends_same_title": ("Pegawai yang sama dari tahun ke tahun", "The same people over time"),
    "trends_same_help": (
        "Hanya pegawai yang diases pada kompetensi yang sama di kedua tahun: perubahan mereka "
        "tidak tercampur oleh pergantian pegawai yang diases. Grafik: kompetensi manajerial "
        "dan sosial kultural.",
        "Only employees assessed in the same competency in both years: their change is not "
        "mixed up with changes in who was assessed. Chart: managerial and socio-cultural "
        "competencies.",
    ),
    "trends_pop_change": ("Δ level, seluruh populasi", "Δ level, whole population"),
    "trends_same_change": ("Δ level, pegawai yang sama", "Δ level, same people"),
    "trends_same_n": (
        "{n} pegawai diases di {y0} dan {y1}",
        "{n} employees assessed in {y0} and {y1}",
    ),
    "trends_improved": ("Membaik", "Improved"),
    "trends_slipped": ("Menurun", "Slipped"),
    "trends_no_pair": (
        "Perlu dua tahun asesmen untuk membandingkan pegawai yang sama.",
        "Two assessment years are needed to compare the same people.",
    ),
    "trends_level": ("Rata-rata level", "Mean level"),
    # impact
    "impact_title": ("Dampak Pelatihan", "Training impact"),
    "impact_intro": (
        "Apakah pelatihan benar-benar menutup kesenjangan? Dampak = kenaikan level pada "
        "asesmen berikutnya dibanding pegawai yang tidak dilatih, setelah memperhitungkan "
        "level awal.",
        "Does training actually close gaps? Effect = the rise in level at the next assessment "
        "compared with untrained employees, after accounting for the starting level.",
    ),
    "impact_why": (
        "Mengapa tidak membandingkan langsung? Yang dikirim pelatihan biasanya bernilai rendah, "
        "dan nilai rendah cenderung naik sendiri pada asesmen berikutnya (regresi ke rata-rata). "
        "Karena itu dampak dihitung dengan regresi Δ ~ dilatih + level awal. Batang = interval "
        "kepercayaan 95%; biru: dampak terbukti positif, abu-abu: belum terbukti.",
        "Why not compare directly? People sent to training usually score low, and low scores "
        "tend to rise at the next assessment anyway (regression to the mean). So the effect "
        "comes from the regression Δ ~ trained + starting level. Bars = 95% confidence "
        "interval; blue: proven positive, grey: not proven.",
    ),
    "impact_only_year": (
        "Hanya pasangan asesmen yang berakhir di {year}",
        "Only assessment pairs ending in {year}",
    ),
    "impact_by_competency": ("Per kompetensi", "By competency"),
    "impact_by_programme": ("Per program pelatihan", "By training programme"),
    "impact_not_estimable": (
        "Data belum cukup untuk menilai dampak ({n}):",
        "Not enough data to tell the effect ({n}):",
    ),
    "impact_counts_note": (
        "n = pasangan asesmen dilatih/tidak dilatih. Dampak hanya dihitung bila ada ≥ 10 "
        "pasangan di setiap kelompok.",
        "n = trained/untrained assessment pairs. An effect is estimated only with ≥ 10 pairs "
        "in each group.",
    ),
    "impact_dose_title": ("Makin banyak JP, makin besar kenaikan?", "More JP, more gain?"),
    "impact_dose_help": (
        "Rata-rata kenaikan level menurut JP pelatihan kompetensi itu di antara dua asesmen "
        "(belum disesuaikan dengan level awal; baca bersama level awal di tabel).",
        "Mean change in level by JP of training in that competency between two assessments "
        "(not adjusted for the starting level; read it with the starting level in the table).",
    ),
    "impact_dose_x": ("JP di antara dua asesmen", "JP between the two assessments"),
    "impact_dose_y": ("Rata-rata perubahan level", "Mean change in level"),
    "impact_cost_title": ("Biaya per level yang diperoleh", "Cost per level gained"),
    "impact_cost_help": (
        "Biaya kegiatan dibagi rata ke pesertanya; kenaikan = dampak × jumlah peserta terlatih.",
        "An event's cost is shared equally among its participants; gain = effect × trained "
        "participants.",
    ),
    "impact_jp_title": ("Kepatuhan 20 JP per OPD", "20 JP compliance by agency"),
    "impact_pct_20jp": ("% pegawai ≥ 20 JP", "% of employees with ≥ 20 JP"),
    "col_n_treated": ("Pasangan dilatih", "Trained pairs"),
    "col_n_control": ("Pasangan pembanding", "Comparison pairs"),
    "col_spent": ("Biaya (Rp)", "Spent (Rp)"),
    "col_cost_per_level": ("Rp per level", "Rp per level"),
    "col_note": ("Catatan", "Note"),
    "col_bin": ("JP", "JP"),
    "col_pairs": ("Pasangan", "Pairs"),
    "col_level0": ("Level awal", "Starting level"),
    "col_change": ("Perubahan", "Change"),
    "note_not enough data": ("data belum cukup", "not enough data"),
    "note_no measurable gain": ("tidak ada kenaikan terukur", "no measurable gain"),
    "note_uncertain: interval includes 0": (
        "belum pasti: interval mencakup 0",
        "uncertain: interval includes 0",
    ),
    "note_some event costs unknown": (
        "sebagian biaya kegiatan tidak diketahui",
        "some event costs unknown",
    ),
    # needs
    "needs_title": ("Kebutuhan Pelatihan", "Training needs"),
    "needs_narrow": (
        "Pilih instansi atau OPD di filter: kebutuhan pelatihan disusun per unit kerja, dan {n} "
        "OPD terlalu banyak untuk satu daftar.",
        "Choose an instansi or agency in the filters: training needs are listed per unit, and "
        "{n} agencies are too many for one list.",
    ),
    "needs_intro": (
        "Analisis Kebutuhan Pelatihan: unit × kompetensi dengan pegawai di bawah standar, "
        "diurutkan menurut prioritas (jumlah kekurangan level), dengan program yang terbukti "
        "berdampak dan perkiraan biayanya untuk rencana tahun depan.",
        "Training-needs analysis: unit × competency with employees below standard, ranked by "
        "priority (total shortfall in levels), with the programme proven to work and its "
        "estimated cost for next year's plan.",
    ),
    "needs_total_people": (
        "Pegawai-kompetensi di bawah standar",
        "Employee-competencies below standard",
    ),
    "needs_total_cost": (
        "Perkiraan biaya (dengan rekomendasi)",
        "Estimated cost (with a recommendation)",
    ),
    "needs_without_rec": ("Kebutuhan tanpa program terbukti", "Needs without a proven programme"),
    "needs_top_chart": ("15 kebutuhan teratas menurut prioritas", "Top 15 needs by priority"),
    "needs_priority": ("Prioritas (Σ kekurangan level)", "Priority (Σ shortfall in levels)"),
    "needs_table": ("Semua kebutuhan", "All needs"),
    "needs_by_competency": ("Per kompetensi", "By competency"),
    "col_unit": ("Unit", "Unit"),
    "col_employees_below": ("Pegawai di bawah standar", "Employees below"),
    "col_mean_shortfall": ("Rata-rata kekurangan", "Mean shortfall"),
    "col_recommended": ("Program yang direkomendasikan", "Recommended programme"),
    "col_cost_pp": ("Biaya per peserta", "Cost per participant"),
    "col_est_cost": ("Perkiraan biaya", "Estimated cost"),
    # overview
    "overview_title": ("Ringkasan", "Overview"),
    "overview_intro": (
        "Di mana ASN masih di bawah standar kompetensi jabatannya, apakah membaik, dan apakah "
        "pelatihan berhasil: angka utama untuk populasi yang dipilih.",
        "Where the civil service is below the competency standard of its positions, whether it "
        "is improving, and whether training works: the headline figures for the selected "
        "population.",
    ),
    "k_shortfall": ("Rata-rata kekurangan level", "Mean shortfall"),
    "k_change_help": (
        "Rata-rata perubahan level {n} pegawai yang diases pada kompetensi yang sama di {y0} dan {y}.",
        "Mean change in level of the {n} employees assessed in the same competencies in {y0} and {y}.",
    ),
    "k_change_small": (
        "⚠ Kurang dari {n} pegawai diases di kedua tahun: angka ini rentan dan dapat "
        "mengidentifikasi orang.",
        "⚠ Fewer than {n} employees were assessed in both years: this figure is fragile and may "
        "identify people.",
    ),
    "k_jpm_help": (
        "JPM (Job Person Match) = 100 × Σ level ÷ Σ level standar. Kategori pemetaan: Optimal "
        "≥ 90, Cukup Optimal 78–<90, Kurang Optimal < 78 (konvensi).",
        "JPM (Job Person Match) = 100 × Σ level ÷ Σ required level. Mapping categories: Optimal "
        "≥ 90, Cukup Optimal 78–<90, Kurang Optimal < 78 (a convention).",
    ),
    "findings": ("Temuan utama", "Key findings"),
    "overview_categories": ("Kategori JPM pegawai", "Employees by JPM category"),
    "overview_by_competency": (
        "Nilai di bawah standar per kompetensi",
        "Scores below standard by competency",
    ),
    "overview_by_competency_core": (
        "Nilai di bawah standar: kompetensi manajerial dan sosial kultural",
        "Scores below standard: managerial and socio-cultural competencies",
    ),
    "small_population": (
        "Populasi ini kurang dari {n} pegawai: angka rentan dan dapat mengidentifikasi orang.",
        "This population has fewer than {n} employees: figures are fragile and may identify people.",
    ),
    # gaps
    "gaps_title": ("Kesenjangan", "Gaps"),
    "gaps_intro": (
        "Di mana kesenjangan kompetensi terbesar? Selisih = level − level standar jabatan; "
        "kekurangan = seberapa jauh di bawah standar (0 bila memenuhi).",
        "Where are the widest competency gaps? Gap = level − the position's required level; "
        "shortfall = how far below the standard (0 when met).",
    ),
    "gaps_heatmap_rows": ("Baris", "Rows"),
    "gaps_competency_group": ("Kompetensi", "Competencies"),
    "short_agency": ("OPD", "Agency"),
    "short_job_family": ("Rumpun", "Family"),
    "short_job_type": ("Jenis", "Type"),
    "short_pct_below": ("% di bawah", "% below"),
    "short_mean_shortfall": ("Kekurangan", "Shortfall"),
    "cg_inti": ("Manajerial & sosial kultural", "Managerial & socio-cultural"),
    "cg_teknis": ("Teknis", "Technical"),
    "gaps_heatmap_value": ("Warna", "Colour"),
    "gaps_heatmap_title": ("{rows} × kompetensi: {value}", "{rows} × competency: {value}"),
    "gaps_by_group": ("Kesenjangan per kelompok jabatan", "Gaps by job group"),
    "gaps_jpm_dist": ("Sebaran kategori JPM", "JPM category distribution"),
    "gaps_drill": ("Telusuri: OPD → unit → pegawai", "Drill down: agency → unit → people"),
    "gaps_drill_agency": ("Pilih OPD", "Choose an agency"),
    "gaps_drill_unit": ("Pilih unit", "Choose a unit"),
    "gaps_drill_help": (
        "Pilih OPD untuk melihat unitnya, lalu unit untuk melihat pegawainya.",
        "Choose an agency to see its units, then a unit to see its people.",
    ),
    "gaps_people_hidden": (
        "Daftar pegawai tidak tersedia untuk peran atau mode ini.",
        "The list of people is not available for this role or mode.",
    ),
    "col_jpm": ("JPM", "JPM"),
    "col_category": ("Kategori", "Category"),
    "col_below": ("Kompetensi di bawah standar", "Competencies below standard"),
    "col_job_type": ("Jenis jabatan", "Job type"),
    "col_job_family": ("Rumpun jabatan", "Job family"),
    "col_mean_gap": ("Rata-rata selisih", "Mean gap"),
    "col_pct_meeting": ("% memenuhi", "% meeting"),
    "col_mean_jpm": ("Rata-rata JPM", "Mean JPM"),
    # profile
    "profile_title": ("Profil Pegawai", "Employee profile"),
    "profile_intro": (
        "Cari pegawai, lihat level kompetensinya dibanding standar jabatan, riwayatnya, "
        "pelatihan yang diikuti, dan saran pengembangan.",
        "Find an employee; see their competency levels against the position's standard, their "
        "history, trainings taken and suggested development.",
    ),
    "profile_search": ("Cari nama atau NIP", "Search a name or NIP"),
    "profile_found": (
        "{n} pegawai ditemukan (urut dari JPM terendah)",
        "{n} employees found (lowest JPM first)",
    ),
    "profile_choose": ("Pilih pegawai", "Choose an employee"),
    "profile_page": ("Halaman", "Page"),
    "profile_not_allowed": (
        "Profil perorangan tidak tersedia untuk peran atau mode ini.",
        "Individual profiles are not available for this role or mode.",
    ),
    "profile_radar": ("Level vs standar, {year}", "Level vs standard, {year}"),
    "profile_level": ("Level", "Level"),
    "profile_required": ("Standar", "Standard"),
    "profile_history": ("Riwayat JPM", "JPM history"),
    "profile_scores": ("Nilai per kompetensi dan tahun", "Scores by competency and year"),
    "profile_trainings": ("Pelatihan yang diikuti", "Trainings taken"),
    "profile_development": ("Saran pengembangan", "Suggested development"),
    "profile_no_gap": (
        "Semua kompetensi memenuhi standar pada asesmen terakhir.",
        "Every competency met the standard at the latest assessment.",
    ),
    "profile_no_scores": (
        "Belum ada asesmen untuk pegawai ini.",
        "This employee has not been assessed yet.",
    ),
    "profile_no_std": ("tanpa standar", "no standard"),
    "col_hours": ("JP", "JP"),
    "col_end": ("Selesai", "Ended"),
    "col_provider": ("Penyelenggara", "Provider"),
    "col_completed": ("Tuntas", "Completed"),
    "col_shortfall": ("Kekurangan", "Shortfall"),
    "col_level": ("Level", "Level"),
    "col_required": ("Standar", "Standard"),
    "yes": ("ya", "yes"),
    "no": ("tidak", "no"),
    "method_title": ("Metode", "Method"),
    "method_intro": (
        "Definisi setiap angka, cara menghitung dampak pelatihan, dan mana aturan resmi dan mana konvensi.",
        "What every figure means, how training impact is estimated, and which rules are official and which are conventions.",
    ),
    "present_mode": ("Mode presentasi", "Presentation mode"),
    "present_help": (
        "Satu temuan per layar, huruf besar, tanpa kontrol; nama dan NIP tidak tampil, kelompok "
        "di bawah 5 orang disembunyikan.",
        "One finding per screen, large type, no controls; no names or NIPs, groups under 5 "
        "people hidden.",
    ),
    "present_prev": ("Sebelumnya", "Previous"),
    "present_next": ("Berikutnya", "Next"),
    "present_exit": ("Keluar", "Exit"),
    "meeting_materials": ("Bahan rapat", "Meeting materials"),
    "meeting_format": ("Format", "Format"),
    "meeting_download": ("Buat & unduh", "Build & download"),
    "meeting_help": (
        "Untuk tampilan dan filter saat ini; kelompok di bawah 5 orang disembunyikan. Dek "
        "dibuat saat tombol ditekan (±10 detik).",
        "For the current view and filters; groups under 5 people are hidden. The deck is built "
        "when you press the button (about 10 seconds).",
    ),
}
