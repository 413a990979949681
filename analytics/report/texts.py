"""Words of the meeting materials, in Indonesian (default) and English.

The UI's texts live in ui/texts (Streamlit-side); reports are built outside the UI layer, so
they keep their own short list here, worded as the pages word them so that a slide and the
screen it came from read alike.
"""

from __future__ import annotations

from typing import Any

TEXT: dict[str, tuple[str, str]] = {
    "title": ("Kompetensi ASN", "Civil-service competencies"),
    "subtitle": ("Bahan rapat", "Meeting materials"),
    "scope_all": ("Cakupan: seluruh data", "Scope: all data"),
    "scope_agencies": ("Cakupan: {names}", "Scope: {names}"),
    "no_filters": ("Tanpa filter: seluruh pegawai", "No filters: all employees"),
    "f_year": ("Tahun", "Year"),
    "f_instansi": ("Instansi", "Government"),
    "f_agency": ("OPD", "Agency"),
    "f_unit": ("Unit", "Unit"),
    "f_job_family": ("Rumpun jabatan", "Job family"),
    "f_job_type": ("Jenis jabatan", "Job type"),
    "f_employment_type": ("Status", "Employment type"),
    "f_gender": ("Jenis kelamin", "Gender"),
    "f_rank": ("Golongan", "Rank"),
    "gender_L": ("Laki-laki", "Male"),
    "gender_P": ("Perempuan", "Female"),
    "all_agencies": ("semua OPD", "every agency"),
    "more": ("+{n} lainnya", "+{n} more"),
    "data_as_of": ("Data per impor #{n}, {when}", "Data as of import #{n}, {when}"),
    "no_data_yet": ("Belum ada data", "No data yet"),
    "small_rule": (
        "Kelompok di bawah {n} pegawai disembunyikan (–), termasuk penyembunyian pelengkap.",
        "Groups under {n} employees are hidden (–), with complementary suppression.",
    ),
    "page": ("Hal. {i} dari {n}", "Page {i} of {n}"),
    # sections
    "sec_kpis": ("Angka utama", "Headline figures"),
    "sec_gaps": ("Kesenjangan", "Gaps"),
    "sec_trend": ("Tren", "Trend"),
    "sec_impact": ("Dampak pelatihan", "Training impact"),
    "sec_needs": ("Kebutuhan pelatihan", "Training needs"),
    "sec_notes": ("Catatan metode", "Method notes"),
    "sec_service": ("Layanan publik", "Public service"),
    "sv_ikm": ("IKM", "IKM"),
    "sv_u6": ("U6 Kompetensi pelaksana", "U6 Staff competence"),
    "sv_u7": ("U7 Perilaku pelaksana", "U7 Staff conduct"),
    "sv_u4": ("U4 Biaya (plasebo)", "U4 Cost (placebo)"),
    "sv_u9": ("U9 Sarana (plasebo)", "U9 Facilities (placebo)"),
    "sv_col_outcome": ("Ukuran layanan", "Service measure"),
    "sv_col_effect": ("Per 10 poin JPM", "Per 10 JPM points"),
    "sv_col_ci": ("Interval 95 %", "95 % interval"),
    "sv_col_n": ("OPD / OPD-tahun", "Agencies / agency-years"),
    "sv_col_verdict": ("Kesimpulan", "Reading"),
    "sv_associated": ("berasosiasi", "associated"),
    "sv_cannot_tell": ("belum bisa disimpulkan", "cannot tell"),
    "sv_no_estimate": ("belum bisa diperkirakan", "no estimate yet"),
    "sv_note": (
        "Efek tetap OPD dan tahun: perbandingan di dalam OPD yang sama antartahun, JPM tahun "
        "yang sama. U4 dan U9 adalah plasebo yang semestinya tidak digerakkan kompetensi; dengan "
        "beberapa interval plasebo, satu bisa saja tidak mencakup nol karena kebetulan. "
        "Rata-rata JPM mencakup pegawai yang diases pada tahun itu.",
        "Agency and year fixed effects: comparisons within the same agency across years, "
        "same-year JPM. U4 and U9 are placebos competency should not move; with several placebo "
        "intervals, one may exclude zero by chance. Mean JPM covers the people assessed that "
        "year.",
    ),
    "sv_year": ("IKM per OPD, {year}", "IKM by agency, {year}"),
    "sv_col_ikm": ("IKM", "IKM"),
    "sv_col_grade": ("Mutu", "Grade"),
    "sv_col_respondents": ("Responden", "Respondents"),
    "sv_col_assessed": ("Pegawai diases", "Assessed"),
    "sv_col_jpm": ("Rata-rata JPM", "Mean JPM"),
    "sv_col_meeting": ("% memenuhi", "% meeting"),
    "sv_respondents_note": (
        "⚠ = kurang dari 100 responden. Mutu: A ≥ 88,31; B ≥ 76,61; C ≥ 65,00; D di bawahnya.",
        "⚠ = fewer than 100 respondents. Grade: A ≥ 88.31; B ≥ 76.61; C ≥ 65.00; D below.",
    ),
    "no_service": ("Belum ada data IKM untuk pilihan ini.", "No IKM data for this selection yet."),
    # KPIs
    "k_assessed": ("Pegawai diases", "Employees assessed"),
    "k_mean_jpm": ("Rata-rata JPM", "Mean JPM"),
    "k_meeting": ("Nilai memenuhi standar", "Scores meeting standard"),
    "k_shortfall": ("Rata-rata kekurangan level", "Mean shortfall (levels)"),
    "k_20jp": ("Pegawai ≥ 20 JP", "Employees with ≥ 20 JP"),
    "k_change": ("Δ level, pegawai yang sama", "Δ level, same people"),
    "k_change_note": ("{n} pegawai, {y0}→{y1}", "{n} employees, {y0}→{y1}"),
    "k_categories": ("Kategori JPM pegawai", "Employees by JPM category"),
    "cat_Optimal": ("Optimal (≥ 90)", "Optimal (≥ 90)"),
    "cat_Cukup Optimal": ("Cukup Optimal (78–<90)", "Cukup Optimal (78–<90)"),
    "cat_Kurang Optimal": ("Kurang Optimal (< 78)", "Kurang Optimal (< 78)"),
    "hidden_population": (
        "Populasi ini kurang dari {n} pegawai; angkanya disembunyikan.",
        "This population has fewer than {n} employees; its figures are hidden.",
    ),
    "no_data": ("Tidak ada data untuk pilihan ini.", "No data for this selection."),
    # gaps
    "gaps_headline": (
        "% nilai di bawah standar per OPD dan kompetensi",
        "% of scores below standard by agency and competency",
    ),
    "gaps_note": (
        "% nilai di bawah standar, kompetensi manajerial dan sosial kultural; OPD terburuk di atas.",
        "% of scores below standard, managerial and socio-cultural competencies; worst agency first.",
    ),
    "gaps_top": (
        "{k} dari {n} OPD dengan kesenjangan terbesar.",
        "The {k} of {n} agencies with the widest gaps.",
    ),
    "col_agency": ("OPD", "Agency"),
    # trend
    "trend_measure": ("% nilai memenuhi standar", "% of scores meeting standard"),
    "trend_year": ("Tahun", "Year"),
    "trend_jpm": ("JPM {v}", "JPM {v}"),
    "trend_people": ("{n} pegawai", "{n} employees"),
    "trend_same": (
        "Pegawai yang sama ({n} orang, {y0}→{y1}): {d} level; memenuhi standar {a} → {b}.",
        "The same {n} people ({y0}→{y1}): {d} levels; meeting standard {a} → {b}.",
    ),
    # impact
    "impact_effect": ("Dampak (level)", "Effect (levels)"),
    "impact_no_estimate": ("data belum cukup", "not enough data"),
    "impact_note": (
        "Kenaikan level dibanding pegawai yang tidak dilatih, disesuaikan dengan level awal; garis = "
        "interval 95%; n = pasangan asesmen dilatih/pembanding. Biru: terbukti positif; abu-abu: "
        "belum terbukti.",
        "Rise in level against untrained employees, adjusted for the starting level; line = 95% "
        "interval; n = trained/comparison assessment pairs. Blue: proven positive; grey: not proven.",
    ),
    "impact_not_estimable": ("Data belum cukup ({n}): {list}", "Not enough data ({n}): {list}"),
    "impact_more": (
        "Kompetensi teknis dan per program: lihat lembar kerja Excel.",
        "Technical competencies and programmes: see the Excel workbook.",
    ),
    "impact_programmes": ("Program dengan dampak terbukti", "Programmes with a proven effect"),
    "col_programme": ("Program", "Programme"),
    "col_competency": ("Kompetensi", "Competency"),
    "col_effect": ("Dampak", "Effect"),
    "col_ci": ("Interval 95%", "95% interval"),
    "col_pairs": ("Pasangan dilatih/pembanding", "Trained/comparison pairs"),
    # needs
    "col_where": ("OPD › Unit", "Agency › Unit"),
    "col_below": ("Pegawai di bawah standar", "Employees below"),
    "col_priority": ("Prioritas", "Priority"),
    "col_recommended": ("Program rekomendasi", "Recommended programme"),
    "col_cost": ("Perkiraan biaya", "Estimated cost"),
    "no_recommendation": ("belum ada program terbukti", "no proven programme"),
    "needs_total": (
        "Seluruh kebutuhan: {n} pegawai-kompetensi di bawah standar di {k} unit × kompetensi; "
        "perkiraan biaya (dengan rekomendasi) {cost}.",
        "All needs: {n} employee-competencies below standard in {k} unit × competency rows; "
        "estimated cost (with a recommendation) {cost}.",
    ),
    "needs_note": (
        "Prioritas = Σ kekurangan level pegawai di bawah standar.",
        "Priority = Σ shortfall in levels of the employees below standard.",
    ),
    "w_needs_kept": (
        "Lembar ini memuat {shown} baris prioritas tertinggi dari {n}; daftar lengkap: ekspor "
        "training-needs.",
        "This sheet holds the {shown} highest-priority rows of {n}; the full list: the "
        "training-needs export.",
    ),
    "needs_hidden": (
        "{n} baris dengan kurang dari {m} pegawai tidak ditampilkan.",
        "{n} rows with fewer than {m} employees are not shown.",
    ),
    # notes
    "notes": (
        "JPM = 100 × Σ level ÷ Σ level standar; kategori pemetaan (konvensi): Optimal ≥ 90, Cukup "
        "Optimal 78–<90, Kurang Optimal < 78. Kekurangan = seberapa jauh level di bawah standar "
        "(0 bila memenuhi). Dampak pelatihan = koefisien regresi Δ level ~ dilatih + level awal, "
        "dihitung hanya bila ada ≥ 10 pasangan dilatih dan ≥ 10 pembanding. Hak pengembangan "
        "kompetensi: minimal 20 JP per tahun (1 JP = 45 menit).",
        "JPM = 100 × Σ level ÷ Σ required level; mapping categories (a convention): Optimal ≥ 90, "
        "Cukup Optimal 78–<90, Kurang Optimal < 78. Shortfall = how far a level is below the "
        "standard (0 when met). Training effect = the regression coefficient of Δ level ~ trained "
        "+ starting level, estimated only with ≥ 10 trained and ≥ 10 comparison pairs. "
        "Development right: at least 20 JP a year (1 JP = 45 minutes).",
    ),
    # workbook
    "sh_about": ("Tentang", "About"),
    "sh_kpis": ("Angka utama", "KPIs"),
    "sh_gaps": ("Kesenjangan per kompetensi", "Gaps by competency"),
    "sh_matrix": ("Matriks kesenjangan", "Gap matrix"),
    "sh_trend": ("Tren", "Trend"),
    "sh_impact_c": ("Dampak per kompetensi", "Impact by competency"),
    "sh_impact_p": ("Dampak per program", "Impact by programme"),
    "sh_jp": ("20 JP per OPD", "20 JP by agency"),
    "sh_needs": ("Kebutuhan pelatihan", "Training needs"),
    "sh_service": ("Layanan publik (IKM)", "Public service (IKM)"),
    "sh_service_fx": ("Efek layanan", "Service effect"),
    "w_item": ("Keterangan", "Item"),
    "w_value": ("Nilai", "Value"),
    "w_figure": ("Angka", "Figure"),
    "w_filters": ("Filter", "Filters"),
    "w_scope": ("Cakupan", "Scope"),
    "w_data": ("Data", "Data"),
    "w_year": ("Tahun angka utama", "Year of the headline figures"),
    "w_small": ("Kelompok kecil", "Small groups"),
    "c_agency_id": ("Kode OPD", "Agency code"),
    "c_agency": ("OPD", "Agency"),
    "c_unit": ("Unit", "Unit"),
    "c_competency_id": ("Kode kompetensi", "Competency code"),
    "c_competency": ("Kompetensi", "Competency"),
    "c_group": ("Kelompok", "Group"),
    "c_title": ("Program", "Programme"),
    "c_year": ("Tahun", "Year"),
    "c_employees": ("Pegawai", "Employees"),
    "c_mean_level": ("Rata-rata level", "Mean level"),
    "c_mean_required": ("Rata-rata standar", "Mean required level"),
    "c_mean_gap": ("Rata-rata selisih", "Mean gap"),
    "c_mean_shortfall": ("Rata-rata kekurangan", "Mean shortfall"),
    "c_pct_meeting": ("% memenuhi standar", "% meeting standard"),
    "c_pct_below": ("% di bawah standar", "% below standard"),
    "c_mean_jpm": ("Rata-rata JPM", "Mean JPM"),
    "c_n_treated": ("Pasangan dilatih", "Trained pairs"),
    "c_n_control": ("Pasangan pembanding", "Comparison pairs"),
    "c_effect": ("Dampak (level)", "Effect (levels)"),
    "c_ci_low": ("Batas bawah 95%", "95% lower bound"),
    "c_ci_high": ("Batas atas 95%", "95% upper bound"),
    "c_mean_jp": ("Rata-rata JP", "Mean JP"),
    "c_pct_20jp": ("% pegawai ≥ 20 JP", "% of employees with ≥ 20 JP"),
    "c_employees_below": ("Pegawai di bawah standar", "Employees below standard"),
    "c_priority": ("Prioritas (Σ kekurangan)", "Priority (Σ shortfall)"),
    "c_recommended": ("Program rekomendasi", "Recommended programme"),
    "c_cost_pp": ("Biaya per peserta (Rp)", "Cost per participant (Rp)"),
    "c_est_cost": ("Perkiraan biaya (Rp)", "Estimated cost (Rp)"),
    "c_ikm": ("IKM", "IKM"),
    "c_grade": ("Mutu IKM", "IKM grade"),
    "c_respondents": ("Responden", "Respondents"),
    "c_mean_jpm_prev": ("Rata-rata JPM tahun sebelumnya", "Mean JPM, previous year"),
    "c_outcome": ("Ukuran layanan", "Service measure"),
    "c_predictor": ("Prediktor", "Predictor"),
    "c_agencies": ("OPD", "Agencies"),
    "c_observations": ("OPD-tahun", "Agency-years"),
    # talent
    "sec_talent": ("Talenta", "Talent"),
    "sec_succession": ("Suksesi", "Succession"),
    "tl_none": (
        "Belum ada pegawai terpetakan pada kotak 9 untuk pilihan ini.",
        "No employee is mapped on the 9-box for this selection yet.",
    ),
    "tl_headline": (
        "{s} dari {m} pegawai terpetakan ({p}) di kelompok suksesi (kotak 7–9); {big}.",
        "{s} of {m} mapped employees ({p}) in the succession group (boxes 7–9); {big}.",
    ),
    "tl_headline_nosucc": ("{m} pegawai terpetakan; {big}.", "{m} employees mapped; {big}."),
    "tl_biggest": (
        "terbesar kotak {b} ({p})",
        "the biggest is box {b} ({p})",
    ),
    "tl_year": ("Kotak 9 talenta {year}", "Talent 9-box {year}"),
    "tl_performance": ("Kinerja", "Performance"),
    "tl_potential": ("Potensial", "Potential"),
    "tl_perf_0": ("Di bawah ekspektasi", "Below expectations"),
    "tl_perf_1": ("Sesuai ekspektasi", "Meets expectations"),
    "tl_perf_2": ("Di atas ekspektasi", "Above expectations"),
    "tl_pot_0": ("Rendah", "Low"),
    "tl_pot_1": ("Menengah", "Medium"),
    "tl_pot_2": ("Tinggi", "High"),
    "tl_rated": ("Pegawai berpredikat", "Rated employees"),
    "tl_mapped": ("Terpetakan", "Mapped"),
    "tl_unmapped": ("Belum terpetakan", "Not mapped"),
    "tl_succession": ("Kelompok suksesi (kotak 7–9)", "Succession group (boxes 7–9)"),
    "tl_unmapped_note": (
        "Belum terpetakan: berpredikat kinerja tetapi tanpa sumber potensial (potential.csv atau "
        "JPM) dalam {lo}–{hi}.",
        "Not mapped: rated, but without a potential source (potential.csv or JPM) in {lo}–{hi}.",
    ),
    "tl_grid_note": (
        "Kinerja dari predikat kinerja tahun itu; potensial dari tes potensial, atau JPM "
        "(Optimal → tinggi, Cukup Optimal → menengah, Kurang Optimal → rendah) dalam tiga tahun "
        "terakhir. Persen dari pegawai terpetakan; < {n} = kotak dengan kurang dari {n} pegawai.",
        "Performance from the year's rating; potential from a potential test, or JPM (Optimal → "
        "high, Cukup Optimal → medium, Kurang Optimal → low) within the last three years. "
        "Percent of the mapped employees; < {n} = a box of fewer than {n} employees.",
    ),
    "tl_moves": ("Perpindahan sejak {y0}", "Movement since {y0}"),
    "tl_moves_sentence": (
        "{n} pegawai terpetakan pada {y0} dan {y1}: {rose} naik, {fell} turun, {stayed} tetap "
        "di kotaknya, {big} berpindah dua langkah atau lebih.",
        "{n} employees mapped in {y0} and {y1}: {rose} rose, {fell} fell, {stayed} stayed in "
        "their box, {big} moved two or more steps.",
    ),
    "tl_no_moves": (
        "Belum ada perpindahan untuk ditampilkan (tahun sebelumnya atau pegawainya kurang).",
        "No movement to show (no previous year, or too few people).",
    ),
    "tl_moves_note": (
        "Baris: kotak tahun {y0}; kolom: kotak tahun {y1}. Langkah = langkah kinerja + langkah "
        "potensial (nomor kotak bukan jarak).",
        "Rows: box in {y0}; columns: box in {y1}. Steps = performance steps + potential steps "
        "(box numbers are not distances).",
    ),
    "tl_rose": ("Naik", "Rose"),
    "tl_fell": ("Turun", "Fell"),
    "tl_stayed": ("Tetap di kotak", "Same box"),
    "tl_big": ("Pindah ≥ 2 langkah", "Moved ≥ 2 steps"),
    "sc_headline": (
        "{n} jabatan berisiko per {date}: {v} kosong, {r} pejabat mendekati BUP, {f} kurang "
        "dari dua kandidat siap.",
        "{n} posts at risk as of {date}: {v} vacant, {r} holders near retirement, {f} with "
        "fewer than two ready candidates.",
    ),
    "sc_none": ("Tidak ada jabatan berisiko per {date}.", "No post at risk as of {date}."),
    "sc_col_post": ("Jabatan", "Post"),
    "sc_col_type": ("Jenis jabatan", "Job type"),
    "sc_col_risks": ("Risiko", "Risks"),
    "sc_col_ms": ("Memenuhi Syarat", "Memenuhi Syarat"),
    "sc_col_mms": ("Masih Memenuhi Syarat", "Masih Memenuhi Syarat"),
    "sc_col_kms": ("Kurang Memenuhi Syarat", "Kurang Memenuhi Syarat"),
    "sc_col_incomplete": ("Belum lengkap", "Incomplete"),
    "sc_vacant": ("kosong", "vacant"),
    "sc_retiring": ("pejabat mendekati BUP", "holder near retirement"),
    "sc_few_ready": ("< 2 siap", "< 2 ready"),
    "sc_note": (
        "Kandidat: pegawai kotak 7–9 (bukan pemegang jabatan itu), dihitung menurut kesiapan "
        "terhadap standar jabatan: Memenuhi Syarat ≥ 80, Masih Memenuhi Syarat ≥ 68, Kurang "
        "Memenuhi Syarat < 68; belum lengkap = ada kompetensi standar tanpa nilai dalam tiga "
        "tahun. Hanya jumlah: nama kandidat ada di halaman Suksesi untuk perencana.",
        "Candidates: employees of boxes 7–9 (not holding the post), counted by readiness against "
        "the post's standard: Memenuhi Syarat ≥ 80, Masih Memenuhi Syarat ≥ 68, Kurang Memenuhi "
        "Syarat < 68; incomplete = a standard competency without a score in three years. Counts "
        "only: candidates' names are on the Suksesi page, for planners.",
    ),
    "sc_top": (
        "{k} dari {n} jabatan berisiko, risiko terbanyak lebih dulu.",
        "{k} of {n} posts at risk, most risks first.",
    ),
    "sh_talent": ("Talenta ringkasan", "Talent summary"),
    "sh_talent_agency": ("Talenta per OPD", "Talent by agency"),
    "sh_moves": ("Perpindahan kotak", "Box moves"),
    "sh_risk": ("Jabatan berisiko", "Posts at risk"),
    "w_yes": ("ya", "yes"),
    "c_rated": ("Pegawai berpredikat", "Rated employees"),
    "c_mapped": ("Terpetakan", "Mapped"),
    "c_succession": ("Kelompok suksesi (7–9)", "Succession group (7–9)"),
    "c_pct_succession": ("% kelompok suksesi", "% succession group"),
    "c_from_year": ("Dari tahun", "From year"),
    "c_from_box": ("Dari kotak", "From box"),
    "c_to_box": ("Ke kotak", "To box"),
    "c_position_id": ("Kode jabatan", "Position code"),
    "c_position": ("Jabatan", "Position"),
    "c_job_type": ("Jenis jabatan", "Job type"),
    "c_holders": ("Pemegang", "Holders"),
    "c_near_bup": ("Mendekati BUP", "Near retirement"),
    "c_unknown_age": ("Tanpa tanggal lahir", "No birth date"),
    "c_bup": ("BUP", "Retirement age"),
    "c_ready": ("Kandidat Memenuhi Syarat", "Memenuhi Syarat candidates"),
    "c_vacant": ("Kosong", "Vacant"),
    "c_retiring": ("Pejabat mendekati BUP", "Holder near retirement"),
    "c_few_ready": ("< 2 kandidat siap", "< 2 ready candidates"),
    "c_risks": ("Jumlah risiko", "Risks"),
    "c_ms": ("Kandidat Memenuhi Syarat", "Candidates Memenuhi Syarat"),
    "c_mms": ("Kandidat Masih Memenuhi Syarat", "Candidates Masih Memenuhi Syarat"),
    "c_kms": ("Kandidat Kurang Memenuhi Syarat", "Candidates Kurang Memenuhi Syarat"),
    "c_incomplete": ("Kandidat belum lengkap", "Candidates incomplete"),
    **{f"c_box_{b}": (f"Kotak {b}", f"Box {b}") for b in range(1, 10)},
}

MONTHS = (
    ("Januari", "January"),
    ("Februari", "February"),
    ("Maret", "March"),
    ("April", "April"),
    ("Mei", "May"),
    ("Juni", "June"),
    ("Juli", "July"),
    ("Agustus", "August"),
    ("September", "September"),
    ("Oktober", "October"),
    ("November", "November"),
    ("Desember", "December"),
)


def t(key: str, lang: str, **values: Any) -> str:
    """The text of `key` in `lang` ('id' or 'en'), with its placeholders filled."""
    template = TEXT[key][1 if lang == "en" else 0]
    return template.format(**values) if values else template


def day_words(day: Any, lang: str) -> str:
    """'6 Desember 2026' / '6 December 2026'."""
    return f"{day.day} {MONTHS[day.month - 1][1 if lang == 'en' else 0]} {day.year}"


def date_words(when: Any, lang: str) -> str:
    """'28 November 2026 06.12' (id) / '28 November 2026 06:12' (en): unambiguous in both
    languages, unlike 11/12/2026."""
    month = MONTHS[when.month - 1][1 if lang == "en" else 0]
    sep = ":" if lang == "en" else "."
    return f"{when.day} {month} {when.year} {when.hour:02d}{sep}{when.minute:02d}"
