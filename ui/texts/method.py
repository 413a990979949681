"""The Method page's text, one markdown document per language."""

METHOD = {
    "id": r"""
### Apa arti setiap angka

**Nilai (skor).** Level seorang pegawai pada satu kompetensi dalam satu tahun (1–5, satu desimal).
Bila seseorang diases lebih dari sekali dalam setahun, yang dipakai adalah asesmen **terakhir**.
Nilai dibandingkan dengan **standar jabatan** (SKJ): level yang disyaratkan jabatan itu untuk
kompetensi tersebut. Jabatan yang dipakai adalah jabatan saat diases bila dicatat, selain itu
jabatan saat ini. Nilai **tanpa standar** tidak ikut di metrik mana pun (tetap tampil di profil
pegawai; halaman Data menunjukkan jabatan mana yang belum punya standar).

**Selisih** (gap) = level − level standar; negatif berarti di bawah standar (istilah BKN:
"selisih"). **Kekurangan** (shortfall) = seberapa jauh di bawah standar, 0 bila memenuhi.
**Memenuhi standar** = level ≥ standar.

**JPM (Job Person Match)** = 100 × Σ level ÷ Σ level standar atas nilai-nilai seorang pegawai
dalam setahun. Tidak dibatasi 100. Kategori pemetaan kompetensi *(konvensi, bukan peraturan)*:
**Optimal** ≥ 90, **Cukup Optimal** 78 – < 90, **Kurang Optimal** < 78. Untuk pengisian jabatan
lazim dipakai kategori lain (Memenuhi Syarat ≥ 80, Masih Memenuhi Syarat 68 – < 80); ekspor
selalu memakai kategori pemetaan. Kategori diputuskan pada nilai tepat (level disimpan sebagai
desimal persis), jadi JPM tepat 90 adalah Optimal.

**Ringkasan kelompok** merata-ratakan nilai (setiap nilai berbobot 1); "pegawai" adalah jumlah
orang berbeda di dalamnya. Rata-rata JPM dan porsi kategori dihitung atas pegawai.

**JP (jam pelajaran)**: 1 JP = 45 menit (Peraturan LAN). JP seorang pegawai dalam setahun = jumlah
JP pelatihan yang **tuntas** dan berakhir pada tahun itu (pelatihan umum ikut dihitung). Setiap
ASN berhak atas pengembangan kompetensi **paling sedikit 20 JP setahun** (PP 11/2017).

### Dampak pelatihan: mengapa bukan perbandingan langsung

Setiap pasangan asesmen berurutan seorang pegawai pada satu kompetensi (d0 < d1) memberi
perubahan Δ = level(d1) − level(d0). Pasangan disebut **dilatih** bila pegawai menuntaskan
pelatihan untuk kompetensi itu yang berakhir di antara d0 (tidak termasuk) dan d1 (termasuk).

Membandingkan rata-rata Δ yang dilatih dan yang tidak akan **menyesatkan**: yang dikirim ke
pelatihan biasanya bernilai rendah, dan nilai rendah cenderung naik sendiri pada asesmen
berikutnya (regresi ke rata-rata) — pelatihan akan tampak berhasil walau tidak berdampak apa pun.
Karena itu dampak adalah koefisien *dilatih* pada regresi kuadrat terkecil
**Δ ~ 1 + dilatih + level(d0)**, yang membandingkan orang dengan level awal yang sama. Interval
95% = dampak ± t(0,975; n − 3) × galat bakunya. Dampak hanya dihitung bila ada **≥ 10 pasangan
dilatih dan ≥ 10 pasangan pembanding**; di bawah itu ditulis "data belum cukup". Dampak
"terbukti" bila seluruh interval di atas 0.

**Dosis** mengelompokkan pasangan menurut JP pelatihan kompetensi itu di antara dua asesmen
(rata-rata mentah, baca bersama level awal). **Biaya per level**: biaya kegiatan dibagi rata
kepada pesertanya; kenaikan = dampak × jumlah pasangan dilatih.

### Kebutuhan pelatihan (AKP)

Untuk setiap unit × kompetensi yang punya nilai di bawah standar: jumlah pegawai di bawah
standar, rata-rata kekurangan mereka, dan **prioritas** = jumlah kekurangan (pegawai × rata-rata
kekurangan). Program yang direkomendasikan adalah program kompetensi itu dengan dampak terbesar
yang terbukti (batas bawah interval > 0), diperkirakan dari semua tahun. Perkiraan biaya =
pegawai di bawah standar × biaya rata-rata per peserta program itu.

### Kelompok kecil (aturan 5 orang)

Angka kelompok dengan kurang dari **5 pegawai** rentan dan dapat mengidentifikasi orang. Untuk
perencana SDM angka itu **ditandai ⚠**; dalam mode presentasi, dek dan PDF angka itu
**disembunyikan**, dan bila hanya satu kelompok tersembunyi di antara saudaranya, kelompok
terkecil berikutnya ikut disembunyikan agar angkanya tidak bisa dihitung dari total.

### Data dan versinya

Setiap impor mendapat nomor; semua angka di satu halaman dibaca dari satu versi data (tertera di
bawah judul). Struktur kepegawaian tidak disimpan historinya: OPD dan unit seorang pegawai adalah
yang sekarang, juga untuk tahun-tahun lalu.

### Layanan publik: kompetensi dan IKM

Halaman Layanan Publik menaruh IKM tiap OPD dan tahun di samping rata-rata JPM pegawainya (persis
angka ringkasan JPM dan % memenuhi standar per OPD, dengan filter yang sama; filter jenis jabatan,
rumpun dan unit memilih kompetensi siapa yang dihitung). Modelnya regresi dengan **efek tetap OPD
dan tahun**: IKM = efek OPD + efek tahun + β × JPM. Efek OPD menyerap perbedaan tetap antar-OPD
(jenis layanan, gedung, pengguna), efek tahun menyerap apa yang menimpa semua OPD sekaligus, jadi β
hanya membaca naik-turun **di dalam** OPD yang sama. Dengan dua tahun ini sama dengan membandingkan
perubahan. OPD yang hanya punya satu tahun tidak dipakai. Interval 95 % = β ± t × galat baku
klasik; β ditampilkan per 10 poin JPM. Tanpa cukup data (sisa derajat bebas < 2, atau JPM
seluruhnya dijelaskan oleh efek OPD dan tahun) tidak ada perkiraan. Hasil dibaca
**"berasosiasi"** hanya bila intervalnya tidak mencakup nol, selain itu **"belum bisa
disimpulkan"**. U4 (biaya) dan U9 (sarana) adalah plasebo: bila kompetensi "menggerakkan" biaya,
ada yang lain di balik angkanya. Ini tetap bukan bukti sebab-akibat: unit lemah dilatih lebih
dulu, angka ekstrem kembali ke rata-rata, dan JPM hanya mencakup pegawai yang diases tahun itu.

### Resmi atau konvensi

| Aturan | Sumber |
|---|---|
| Kelompok kompetensi manajerial (8), sosial kultural (1), teknis; level 1–5; standar per jabatan | Resmi: Permenpan RB 38/2017 |
| 20 JP setahun; 1 JP = 45 menit | Resmi: PP 11/2017; Peraturan LAN |
| Rumus JPM dan kategorinya (90 / 78; 80 / 68) | Konvensi laporan asesmen |
| Kode M.1–M.8, SK.1, T.n | Konvensi |
| Talenta 9-kotak, pemetaan predikat kinerja | Permenpan RB 3/2020; pemetaan: konvensi |
| Nilai IKM dan kategorinya | Permenpan RB 14/2017; batas kategori: konvensi |
""",
    "en": r"""
### What every figure means

**Score.** An employee's level in one competency in one year (1–5, one decimal). When someone
was assessed more than once in a year, the **latest** assessment counts. A score is compared with
the **position's standard** (SKJ): the level that position requires in that competency. The
position is the one held when assessed if recorded, else the current one. A score **without a
standard** is left out of every metric (it still shows in the employee's profile; the Data page
lists positions that lack standards).

**Gap** = level − required level; negative means below standard (BKN's "selisih").
**Shortfall** = how far below the standard, 0 when met. **Meets** = level ≥ required.

**JPM (Job Person Match)** = 100 × Σ levels ÷ Σ required levels over an employee's scores in a
year. Not capped at 100. Mapping categories *(a convention, not a regulation)*: **Optimal** ≥ 90,
**Cukup Optimal** 78 – < 90, **Kurang Optimal** < 78. Filling a position commonly uses other
categories (Memenuhi Syarat ≥ 80, Masih Memenuhi Syarat 68 – < 80); exports always use the mapping
ones. Categories are decided on exact values (levels are stored as exact decimals), so a JPM of
exactly 90 is Optimal.

**Group summaries** average over scores (each score weighs 1); "employees" counts the distinct
people in them. Mean JPM and category shares are over employees.

**JP (jam pelajaran)**: 1 JP = 45 minutes (LAN regulation). An employee's JP in a year = the JP of
trainings **completed** that ended in that year (general trainings count). Every civil servant has
the right to **at least 20 JP of competency development a year** (PP 11/2017).

### Training impact: why not a direct comparison

Each pair of consecutive assessments of one employee in one competency (d0 < d1) gives a change
Δ = level(d1) − level(d0). A pair is **trained** when the employee completed a training for that
competency that ended after d0 and on or before d1.

Comparing the mean Δ of trained and untrained pairs would **mislead**: people sent to training
usually score low, and low scores tend to rise at the next assessment anyway (regression to the
mean) — training would look effective even if it did nothing. So the effect is the coefficient of
*trained* in the least-squares fit **Δ ~ 1 + trained + level(d0)**, which compares people who
started at the same level. The 95% interval = effect ± t(0.975, n − 3) × its standard error. An
effect is estimated only with **≥ 10 trained and ≥ 10 comparison pairs**; below that it reads "not
enough data". An effect is "proven" when the whole interval lies above 0.

**Dose** groups pairs by the JP of training in that competency between the two assessments (raw
means; read them with the starting level). **Cost per level**: an event's cost is shared equally
among its participants; gain = effect × trained pairs.

### Training needs (AKP)

For each unit × competency with scores below standard: employees below, their mean shortfall,
and **priority** = total shortfall (employees × mean shortfall). The recommended programme is the
one for that competency with the largest proven effect (interval's lower bound > 0), estimated
over all years. Estimated cost = employees below × that programme's mean cost per participant.

### Small groups (the 5-person rule)

Figures of a group of fewer than **5 employees** are fragile and may identify people. HR planners
see them **marked ⚠**; presentation mode, decks and PDFs **hide** them, and when only one group
among its siblings is hidden, the next smallest is hidden too, so that its figure cannot be
recovered from the total.

### Data and versions

Every import gets a number; all figures of a page are read from one data version (shown under the
title). The store keeps no history of transfers: an employee's agency and unit are the current
ones, for past years too.

### Public service: competency and IKM

The Public service page puts each agency's IKM per year beside its staff's mean JPM (exactly the
by-agency JPM summary and % of scores meeting standard, with the same filters; the job type,
family and unit filters choose whose competency counts). The model is a regression with **agency
and year fixed effects**: IKM = agency effect + year effect + β × JPM. The agency effect absorbs
fixed differences between agencies (kind of service, buildings, users), the year effect what hit
every agency at once, so β reads only the ups and downs **within** an agency. With two years this
is comparing changes. Agencies with a single year are left out. The 95 % interval is β ± t ×
the classical standard error; β is shown per 10 JPM points. Without enough data (fewer than 2
residual degrees of freedom, or JPM fully explained by the agency and year effects) there is no
estimate. A result reads **"associated"** only when its interval excludes zero, otherwise
**"cannot tell"**. U4 (cost) and U9 (facilities) are placebos: if competency "moved" fees,
something else would be behind the numbers. It is still not proof of cause: weak units get
trained first, extreme figures drift back to the mean, and JPM covers only the people assessed
that year.

### Official or convention

| Rule | Source |
|---|---|
| Competency groups managerial (8), socio-cultural (1), technical; levels 1–5; standards per position | Official: Permenpan RB 38/2017 |
| 20 JP a year; 1 JP = 45 minutes | Official: PP 11/2017; LAN regulation |
| The JPM formula and its categories (90 / 78; 80 / 68) | Convention of assessment reports |
| Codes M.1–M.8, SK.1, T.n | Convention |
| Talent 9-box, mapping of performance ratings | Permenpan RB 3/2020; mapping: convention |
| IKM score and its grades | Permenpan RB 14/2017; grade bounds: convention |
""",
}
