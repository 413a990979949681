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
    "cat_Optimal": ("Optimal (≥ 90)", "Optimal (≥ 90)"),
    "cat_Cukup Optimal": ("Cukup Optimal (78–<90)", "Cukup Optimal (78–<90)"),
    "cat_Kurang Optimal": ("Kurang Optimal (< 78)", "Kurang Optimal (< 78)"),
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
        "tidak tercampur oleh pergantian pegawai yang diases.",
        "Only employees assessed in the same competency in both years: their change is not "
        "mixed up with changes in who was assessed.",
    ),
    "trends_pop_change": ("Seluruh populasi: perubahan rata-rata level", "Whole population: change in mean level"),
    "trends_same_change": ("Pegawai yang sama: perubahan rata-rata level", "Same people: change in mean level"),
    "trends_same_n": ("{n} pegawai diases di {y0} dan {y1}", "{n} employees assessed in {y0} and {y1}"),
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
    "impact_only_year": ("Hanya pasangan asesmen yang berakhir di {year}", "Only assessment pairs ending in {year}"),
    "impact_by_competency": ("Per kompetensi", "By competency"),
    "impact_by_programme": ("Per program pelatihan", "By training programme"),
    "impact_effect": ("Dampak (level)", "Effect (levels)"),
    "impact_no_estimate": ("data belum cukup", "not enough data"),
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
    "col_programme": ("Program", "Programme"),
    "col_n_treated": ("Pasangan dilatih", "Trained pairs"),
    "col_n_control": ("Pasangan pembanding", "Comparison pairs"),
    "col_effect": ("Dampak", "Effect"),
    "col_ci": ("Interval 95%", "95% interval"),
    "col_spent": ("Biaya (Rp)", "Spent (Rp)"),
    "col_cost_per_level": ("Rp per level", "Rp per level"),
    "col_note": ("Catatan", "Note"),
    "col_bin": ("JP", "JP"),
    "col_pairs": ("Pasangan", "Pairs"),
    "col_level0": ("Level awal", "Starting level"),
    "col_change": ("Perubahan", "Change"),
    "note_not enough data": ("data belum cukup", "not enough data"),
    "note_no measurable gain": ("tidak ada kenaikan terukur", "no measurable gain"),
    "note_uncertain: interval includes 0": ("belum pasti: interval mencakup 0", "uncertain: interval includes 0"),
    "note_some event costs unknown": ("sebagian biaya kegiatan tidak diketahui", "some event costs unknown"),
    # needs
    "needs_title": ("Kebutuhan Pelatihan", "Training needs"),
    "needs_intro": (
        "Analisis Kebutuhan Pelatihan: unit × kompetensi dengan pegawai di bawah standar, "
        "diurutkan menurut prioritas (jumlah kekurangan level), dengan program yang terbukti "
        "berdampak dan perkiraan biayanya untuk rencana tahun depan.",
        "Training-needs analysis: unit × competency with employees below standard, ranked by "
        "priority (total shortfall in levels), with the programme proven to work and its "
        "estimated cost for next year's plan.",
    ),
    "needs_total_people": ("Pegawai-kompetensi di bawah standar", "Employee-competencies below standard"),
    "needs_total_cost": ("Perkiraan biaya (dengan rekomendasi)", "Estimated cost (with a recommendation)"),
    "needs_without_rec": ("Kebutuhan tanpa program terbukti", "Needs without a proven programme"),
    "needs_top_chart": ("15 kebutuhan teratas menurut prioritas", "Top 15 needs by priority"),
    "needs_priority": ("Prioritas (Σ kekurangan level)", "Priority (Σ shortfall in levels)"),
    "needs_table": ("Semua kebutuhan", "All needs"),
    "needs_by_competency": ("Per kompetensi", "By competency"),
    "col_unit": ("Unit", "Unit"),
    "col_employees_below": ("Pegawai di bawah standar", "Employees below"),
    "col_mean_shortfall": ("Rata-rata kekurangan", "Mean shortfall"),
    "col_priority": ("Prioritas", "Priority"),
    "col_recommended": ("Program yang direkomendasikan", "Recommended programme"),
    "col_cost_pp": ("Biaya per peserta", "Cost per participant"),
    "col_est_cost": ("Perkiraan biaya", "Estimated cost"),
    "no_recommendation": ("belum ada program terbukti", "no proven programme"),
}
