"""The organisation of the demo store: agencies (OPD) and units of each government.

`province_agencies()` is the Province of Jambi's OPD list (domain.md) and serves every
province; `regency_agencies()` a regency or city government; `ministry_agencies()` a ministry
or national agency. Each unit has a staff mix (analytics.demo.catalogue.STAFF_MIXES) and its
structural slots: the first employees of a unit fill its slots (head of agency, head of unit,
Kepala Sub Bagian), the rest are drawn from the mix. Satellite units (schools, puskesmas,
Samsat offices, regency offices of a ministry) are repeated over the government's places.
"""

from __future__ import annotations

from dataclasses import dataclass

Slot = tuple[str, str, str]  # (position title, job code of JOB_TYPES, job family)

KASUBBAG_UMUM: Slot = ("Kepala Sub Bagian Umum dan Kepegawaian", "W", "Administrasi")
KASUBBAG_KEU: Slot = ("Kepala Sub Bagian Keuangan", "W", "Keuangan")
KASUBBAG_TU: Slot = ("Kepala Sub Bagian Tata Usaha", "W", "Administrasi")


@dataclass(frozen=True)
class UnitSpec:
    name: str
    mix: str
    weight: float = 1.0
    slots: tuple[Slot, ...] = ()


@dataclass(frozen=True)
class SatSpec:
    """Units repeated over places: {place} full name, {short} short name, {n} number."""

    pattern: str
    mix: str
    share: float  # of the agency's headcount
    per_unit: int  # employees per unit; 0 = one unit per place
    head: tuple[str, str] | None = None  # (title, job code)


@dataclass(frozen=True)
class AgencySpec:
    name: str
    family: str
    weight: float
    units: tuple[UnitSpec, ...]
    sats: tuple[SatSpec, ...] = ()


def bidang(
    name: str, mix: str, family: str, weight: float = 1.0, code: str = "A", title: str | None = None
) -> UnitSpec:
    return UnitSpec(name, mix, weight, ((title or f"Kepala {name}", code, family),))


def uptd(name: str, mix: str, family: str, weight: float = 1.2) -> UnitSpec:
    return UnitSpec(name, mix, weight, ((f"Kepala {name}", "W", family), KASUBBAG_TU))


def dinas(
    name: str,
    family: str,
    mix: str,
    weight: float,
    bidangs: tuple[str, ...],
    uptds: tuple[str, ...] = (),
    sats: tuple[SatSpec, ...] = (),
    head: str | None = None,
    sek: str | None = None,
) -> AgencySpec:
    """An OPD with a Sekretariat (head of agency, Sekretaris, two Kasubbag) and Bidang."""
    sekretariat = UnitSpec(
        "Sekretariat",
        "administrasi",
        1.5,
        (
            (head or f"Kepala {name}", "K", family),
            (sek or f"Sekretaris {name}", "A", "Administrasi"),
            KASUBBAG_UMUM,
            KASUBBAG_KEU,
        ),
    )
    units = (
        sekretariat,
        *(bidang(b, mix, family) for b in bidangs),
        *(uptd(u, mix, family) for u in uptds),
    )
    return AgencySpec(name, family, weight, units, sats)


def _rsud(name: str, head: str, weight: float, big: bool) -> AgencySpec:
    instalasi: tuple[tuple[str, float], ...] = (
        ("Instalasi Rawat Inap", 5.0),
        ("Instalasi Rawat Jalan", 2.0),
        ("Instalasi Gawat Darurat", 2.0),
        ("Instalasi Bedah Sentral", 1.5),
        ("Instalasi Farmasi", 1.0),
        ("Instalasi Laboratorium Klinik", 1.0),
        ("Instalasi Radiologi", 0.6),
        ("Instalasi Gizi", 0.5),
    )
    if big:
        instalasi += (
            ("Instalasi Perawatan Intensif", 1.2),
            ("Instalasi Rehabilitasi Medik", 0.5),
            ("Instalasi Hemodialisa", 0.5),
        )
    units = (
        UnitSpec(
            "Direksi",
            "administrasi",
            0.6,
            (
                (head, "K", "Kesehatan"),
                ("Wakil Direktur Pelayanan", "A", "Kesehatan"),
                ("Wakil Direktur Umum dan Keuangan", "A", "Administrasi"),
            ),
        ),
        bidang("Bagian Umum dan Kepegawaian", "administrasi", "Administrasi", 1.2),
        bidang("Bagian Keuangan", "keuangan", "Keuangan", 0.8),
        bidang("Bidang Pelayanan Medik", "rumah_sakit", "Kesehatan", 0.8),
        bidang("Bidang Keperawatan", "rumah_sakit", "Kesehatan", 0.8),
        bidang("Bidang Penunjang Medik", "rumah_sakit", "Kesehatan", 0.6),
        *(UnitSpec(i, "rumah_sakit", w) for i, w in instalasi),
    )
    return AgencySpec(name, "Kesehatan", weight, units)


# fmt: off
def province_agencies(jambi: bool) -> list[AgencySpec]:
    """A provincial government's OPD (Perda Provinsi Jambi 8/2016 and later changes)."""
    setda = AgencySpec("Sekretariat Daerah", "Pemerintahan", 4.0, (
        UnitSpec("Pimpinan dan Staf Ahli", "pemerintahan", 0.4, (
            ("Sekretaris Daerah Provinsi", "J", "Pemerintahan"),
            ("Asisten Pemerintahan dan Kesejahteraan Rakyat", "K", "Pemerintahan"),
            ("Asisten Perekonomian dan Pembangunan", "K", "Perekonomian"),
            ("Asisten Administrasi Umum", "K", "Administrasi"),
            ("Staf Ahli Gubernur Bidang Hukum, Politik dan Pemerintahan", "K", "Hukum"),
            ("Staf Ahli Gubernur Bidang Ekonomi dan Keuangan", "K", "Keuangan"),
            ("Staf Ahli Gubernur Bidang Kemasyarakatan dan SDM", "K", "Pemerintahan"))),
        *(bidang(b, m, f, w, "K") for b, m, f, w in (
            ("Biro Pemerintahan dan Otonomi Daerah", "pemerintahan", "Pemerintahan", 1.0),
            ("Biro Hukum", "hukum", "Hukum", 1.0),
            ("Biro Kesejahteraan Rakyat", "pemerintahan", "Pemerintahan", 0.8),
            ("Biro Perekonomian", "perekonomian", "Perekonomian", 0.8),
            ("Biro Administrasi Pembangunan", "perencanaan", "Perencanaan", 0.8),
            ("Biro Pengadaan Barang dan Jasa", "administrasi", "Administrasi", 0.8),
            ("Biro Organisasi", "kepegawaian", "Kepegawaian", 0.7),
            ("Biro Umum", "administrasi", "Administrasi", 3.0),
            ("Biro Administrasi Pimpinan", "administrasi", "Administrasi", 1.0)))))
    setwan = AgencySpec("Sekretariat DPRD", "Administrasi", 1.5, (
        UnitSpec("Bagian Umum dan Keuangan", "administrasi", 2.0, (
            ("Sekretaris DPRD", "K", "Administrasi"),
            ("Kepala Bagian Umum dan Keuangan", "A", "Administrasi"), KASUBBAG_KEU)),
        bidang("Bagian Persidangan dan Perundang-undangan", "hukum", "Hukum"),
        bidang("Bagian Fasilitasi Penganggaran dan Pengawasan", "keuangan", "Keuangan"),
        bidang("Bagian Hubungan Masyarakat dan Protokol", "kominfo",
               "Komunikasi dan Informatika")))
    inspektorat = AgencySpec("Inspektorat", "Pengawasan", 1.2, (
        UnitSpec("Sekretariat", "administrasi", 1.2, (
            ("Inspektur", "K", "Pengawasan"), ("Sekretaris Inspektorat", "A", "Administrasi"),
            KASUBBAG_UMUM)),
        *(bidang(f"Inspektur Pembantu Wilayah {r}", "pengawasan", "Pengawasan",
                 title=f"Inspektur Pembantu Wilayah {r}") for r in ("I", "II", "III", "IV")),
        bidang("Inspektur Pembantu Khusus", "pengawasan", "Pengawasan",
               title="Inspektur Pembantu Khusus")))
    regencies = "{n} {short}"
    return [
        setda, setwan, inspektorat,
        dinas("Badan Perencanaan Pembangunan Daerah", "Perencanaan", "perencanaan", 1.0, (
            "Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan",
            "Bidang Perekonomian dan Sumber Daya Alam",
            "Bidang Pemerintahan dan Pembangunan Manusia",
            "Bidang Infrastruktur dan Kewilayahan", "Bidang Riset dan Inovasi Daerah")),
        dinas("Badan Pengelolaan Keuangan dan Aset Daerah", "Keuangan", "keuangan", 1.5, (
            "Bidang Anggaran", "Bidang Perbendaharaan", "Bidang Akuntansi dan Pelaporan",
            "Bidang Pengelolaan Barang Milik Daerah")),
        dinas("Badan Pendapatan Daerah", "Keuangan", "keuangan", 3.0, (
            "Bidang Pajak Daerah", "Bidang Retribusi dan Pendapatan Lain-lain",
            "Bidang Pengendalian dan Evaluasi Pendapatan"),
            sats=(SatSpec("UPTD Samsat {short}", "keuangan", 0.7, 0,
                          ("Kepala UPTD Samsat", "W")),)),
        dinas("Badan Kepegawaian Daerah", "Kepegawaian", "kepegawaian", 0.9, (
            "Bidang Pengadaan, Pemberhentian dan Informasi", "Bidang Mutasi dan Promosi",
            "Bidang Penilaian Kinerja Aparatur dan Penghargaan")),
        dinas("Badan Pengembangan Sumber Daya Manusia", "Kepegawaian", "widyaiswara", 0.8, (
            "Bidang Pengembangan Kompetensi Manajerial dan Fungsional",
            "Bidang Pengembangan Kompetensi Teknis",
            "Bidang Sertifikasi Kompetensi dan Pengelolaan Kelembagaan")),
        dinas("Badan Kesatuan Bangsa dan Politik", "Pemerintahan", "pemerintahan", 0.5, (
            "Bidang Ideologi, Wawasan Kebangsaan dan Karakter Bangsa",
            "Bidang Politik Dalam Negeri", "Bidang Ketahanan Ekonomi, Sosial, Budaya dan Agama",
            "Bidang Kewaspadaan Nasional dan Penanganan Konflik")),
        dinas("Badan Penanggulangan Bencana Daerah", "Kebencanaan", "bencana", 0.6, (
            "Bidang Pencegahan dan Kesiapsiagaan", "Bidang Kedaruratan dan Logistik",
            "Bidang Rehabilitasi dan Rekonstruksi"),
            head="Kepala Pelaksana Badan Penanggulangan Bencana Daerah"),
        dinas("Dinas Pendidikan", "Pendidikan", "dinas_pendidikan", 45.0, (
            "Bidang Pembinaan SMA", "Bidang Pembinaan SMK", "Bidang Pembinaan Pendidikan Khusus",
            "Bidang Guru dan Tenaga Kependidikan"),
            ("UPTD Teknologi Informasi dan Komunikasi Pendidikan",),
            (SatSpec("SMA Negeri " + regencies, "sekolah", 0.6, 45),
             SatSpec("SMK Negeri " + regencies, "sekolah", 0.32, 45),
             SatSpec("SLB Negeri " + regencies, "sekolah", 0.04, 20))),
        dinas("Dinas Kesehatan", "Kesehatan", "dinas_kesehatan", 2.5, (
            "Bidang Kesehatan Masyarakat", "Bidang Pencegahan dan Pengendalian Penyakit",
            "Bidang Pelayanan Kesehatan", "Bidang Sumber Daya Kesehatan"),
            ("UPTD Laboratorium Kesehatan Daerah", "UPTD Pelatihan Kesehatan")),
        _rsud("RSUD Raden Mattaher" if jambi else "Rumah Sakit Umum Daerah",
              "Direktur RSUD Raden Mattaher" if jambi else "Direktur Rumah Sakit Umum Daerah",
              10.0, True),
        dinas("Dinas Pekerjaan Umum dan Penataan Ruang", "Infrastruktur", "infrastruktur", 3.0, (
            "Bidang Bina Marga", "Bidang Sumber Daya Air", "Bidang Cipta Karya",
            "Bidang Penataan Ruang", "Bidang Bina Konstruksi"),
            sats=(SatSpec("UPTD Pengelolaan Jalan dan Jembatan {short}", "infrastruktur", 0.35,
                          0, ("Kepala UPTD Pengelolaan Jalan dan Jembatan", "W")),)),
        dinas("Dinas Perumahan dan Kawasan Permukiman", "Infrastruktur", "infrastruktur", 0.8, (
            "Bidang Perumahan", "Bidang Kawasan Permukiman",
            "Bidang Prasarana, Sarana dan Utilitas Umum")),
        dinas("Dinas Sosial", "Sosial", "sosial", 1.0, (
            "Bidang Perlindungan dan Jaminan Sosial", "Bidang Rehabilitasi Sosial",
            "Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin"),
            ("UPTD Panti Sosial Tresna Werdha", "UPTD Panti Sosial Bina Remaja")),
        dinas("Dinas Tenaga Kerja dan Transmigrasi", "Ketenagakerjaan", "tenaga_kerja", 1.0, (
            "Bidang Pelatihan dan Produktivitas", "Bidang Penempatan Tenaga Kerja dan Transmigrasi",
            "Bidang Hubungan Industrial dan Jaminan Sosial", "Bidang Pengawasan Ketenagakerjaan"),
            ("UPTD Balai Latihan Kerja",)),
        dinas("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "Sosial", "sosial", 0.5, (
            "Bidang Kualitas Hidup Perempuan", "Bidang Pemenuhan Hak Anak",
            "Bidang Perlindungan Perempuan dan Anak"),
            ("UPTD Perlindungan Perempuan dan Anak",)),
        dinas("Dinas Ketahanan Pangan", "Pertanian", "pertanian", 0.6, (
            "Bidang Ketersediaan dan Distribusi Pangan", "Bidang Konsumsi dan Keamanan Pangan")),
        dinas("Dinas Lingkungan Hidup", "Lingkungan Hidup", "lingkungan", 0.8, (
            "Bidang Tata Lingkungan", "Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan",
            "Bidang Pengelolaan Sampah dan Limbah B3", "Bidang Penaatan dan Peningkatan Kapasitas"),
            ("UPTD Laboratorium Lingkungan",)),
        dinas("Dinas Kependudukan dan Pencatatan Sipil", "Kependudukan", "kependudukan", 0.4, (
            "Bidang Pelayanan Pendaftaran Penduduk", "Bidang Pelayanan Pencatatan Sipil",
            "Bidang Pengelolaan Informasi Administrasi Kependudukan")),
        dinas("Dinas Pemberdayaan Masyarakat dan Desa", "Pemerintahan", "pemerintahan", 0.5, (
            "Bidang Pemerintahan Desa", "Bidang Pemberdayaan Masyarakat",
            "Bidang Pengembangan Ekonomi Desa")),
        dinas("Dinas Perhubungan", "Perhubungan", "perhubungan", 1.5, (
            "Bidang Lalu Lintas dan Angkutan Jalan", "Bidang Pelayaran",
            "Bidang Prasarana Perhubungan"), ("UPTD Pengujian Kendaraan Bermotor",)),
        dinas("Dinas Komunikasi dan Informatika", "Komunikasi dan Informatika", "kominfo", 0.7, (
            "Bidang Informasi dan Komunikasi Publik", "Bidang Aplikasi Informatika",
            "Bidang Persandian dan Keamanan Informasi", "Bidang Statistik")),
        dinas("Dinas Koperasi dan Usaha Kecil dan Menengah", "Perekonomian", "perekonomian", 0.6, (
            "Bidang Kelembagaan dan Pengawasan Koperasi", "Bidang Pemberdayaan Usaha Kecil dan Menengah",
            "Bidang Pembiayaan")),
        dinas("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Perekonomian",
              "perekonomian", 0.6, (
                  "Bidang Perencanaan dan Promosi Penanaman Modal", "Bidang Pelayanan Perizinan",
                  "Bidang Pengendalian Pelaksanaan Penanaman Modal")),
        dinas("Dinas Pemuda dan Olahraga", "Kebudayaan dan Pariwisata", "kebudayaan", 0.8, (
            "Bidang Kepemudaan", "Bidang Pembudayaan Olahraga",
            "Bidang Peningkatan Prestasi Olahraga"), ("UPTD Pengelolaan Sarana Olahraga",)),
        dinas("Dinas Perpustakaan dan Kearsipan", "Perpustakaan dan Kearsipan", "perpustakaan",
              0.7, ("Bidang Layanan Perpustakaan", "Bidang Pengembangan Perpustakaan",
                    "Bidang Pengelolaan Arsip")),
        dinas("Dinas Kelautan dan Perikanan", "Kelautan dan Perikanan", "perikanan", 0.8, (
            "Bidang Perikanan Tangkap", "Bidang Perikanan Budidaya",
            "Bidang Pengolahan dan Pemasaran Hasil Perikanan"), ("UPTD Balai Benih Ikan",)),
        dinas("Dinas Pariwisata", "Kebudayaan dan Pariwisata", "kebudayaan", 0.5, (
            "Bidang Destinasi Pariwisata", "Bidang Pemasaran Pariwisata", "Bidang Ekonomi Kreatif")),
        dinas("Dinas Kebudayaan", "Kebudayaan dan Pariwisata", "kebudayaan", 0.5, (
            "Bidang Cagar Budaya dan Permuseuman", "Bidang Sejarah dan Nilai Budaya",
            "Bidang Kesenian"), ("UPTD Museum Siginjei" if jambi else "UPTD Museum Daerah",
                                 "UPTD Taman Budaya")),
        dinas("Dinas Tanaman Pangan dan Hortikultura", "Pertanian", "pertanian", 1.5, (
            "Bidang Tanaman Pangan", "Bidang Hortikultura", "Bidang Prasarana dan Sarana Pertanian",
            "Bidang Penyuluhan"), ("UPTD Balai Benih Induk",
                                   "UPTD Balai Proteksi Tanaman Pangan dan Hortikultura")),
        dinas("Dinas Perkebunan", "Pertanian", "pertanian", 1.0, (
            "Bidang Produksi Perkebunan", "Bidang Pengolahan dan Pemasaran Hasil Perkebunan",
            "Bidang Perlindungan Perkebunan"), ("UPTD Balai Proteksi Tanaman Perkebunan",)),
        dinas("Dinas Peternakan dan Kesehatan Hewan", "Pertanian", "peternakan", 1.0, (
            "Bidang Produksi Peternakan", "Bidang Kesehatan Hewan dan Kesehatan Masyarakat Veteriner",
            "Bidang Pengolahan dan Pemasaran Hasil Peternakan"),
            ("UPTD Laboratorium Kesehatan Hewan",)),
        dinas("Dinas Kehutanan", "Kehutanan", "kehutanan", 3.0, (
            "Bidang Perencanaan dan Pemanfaatan Hutan",
            "Bidang Perlindungan dan Konservasi Sumber Daya Alam",
            "Bidang Penyuluhan dan Pemberdayaan Masyarakat"),
            sats=(SatSpec("UPTD Kesatuan Pengelolaan Hutan {short}", "kehutanan", 0.7, 0,
                          ("Kepala UPTD Kesatuan Pengelolaan Hutan", "W")),)),
        dinas("Dinas Energi dan Sumber Daya Mineral", "Perekonomian", "perekonomian", 0.6, (
            "Bidang Mineral dan Batubara", "Bidang Energi Baru Terbarukan dan Ketenagalistrikan",
            "Bidang Air Tanah dan Geologi")),
        dinas("Dinas Perindustrian dan Perdagangan", "Perekonomian", "perekonomian", 0.8, (
            "Bidang Perindustrian", "Bidang Perdagangan Dalam Negeri",
            "Bidang Perdagangan Luar Negeri", "Bidang Perlindungan Konsumen dan Metrologi"),
            ("UPTD Metrologi Legal",)),
        dinas("Satuan Polisi Pamong Praja", "Ketenteraman dan Ketertiban", "trantib", 2.0, (
            "Bidang Penegakan Peraturan Daerah",
            "Bidang Ketertiban Umum dan Ketenteraman Masyarakat",
            "Bidang Perlindungan Masyarakat", "Bidang Pemadam Kebakaran dan Penyelamatan")),
    ]


def regency_agencies(kecamatan: tuple[str, ...]) -> list[AgencySpec]:
    """A regency's or city's OPD, with one agency per kecamatan."""
    setda = AgencySpec("Sekretariat Daerah", "Pemerintahan", 3.0, (
        UnitSpec("Pimpinan dan Staf Ahli", "pemerintahan", 0.3, (
            ("Sekretaris Daerah Kabupaten/Kota", "K", "Pemerintahan"),
            ("Asisten Pemerintahan dan Kesejahteraan Rakyat", "K", "Pemerintahan"),
            ("Asisten Perekonomian dan Pembangunan", "K", "Perekonomian"),
            ("Asisten Administrasi Umum", "K", "Administrasi"))),
        *(bidang(b, m, f, w) for b, m, f, w in (
            ("Bagian Pemerintahan", "pemerintahan", "Pemerintahan", 1.0),
            ("Bagian Hukum", "hukum", "Hukum", 1.0),
            ("Bagian Kesejahteraan Rakyat", "pemerintahan", "Pemerintahan", 0.8),
            ("Bagian Perekonomian dan Sumber Daya Alam", "perekonomian", "Perekonomian", 0.8),
            ("Bagian Administrasi Pembangunan", "perencanaan", "Perencanaan", 0.8),
            ("Bagian Pengadaan Barang dan Jasa", "administrasi", "Administrasi", 0.8),
            ("Bagian Organisasi", "kepegawaian", "Kepegawaian", 0.7),
            ("Bagian Umum", "administrasi", "Administrasi", 2.5),
            ("Bagian Protokol dan Komunikasi Pimpinan", "kominfo",
             "Komunikasi dan Informatika", 0.8)))))
    province = {a.name: a for a in province_agencies(False)}
    same = ("Sekretariat DPRD", "Inspektorat", "Badan Perencanaan Pembangunan Daerah",
            "Badan Pengelolaan Keuangan dan Aset Daerah", "Badan Kesatuan Bangsa dan Politik",
            "Badan Penanggulangan Bencana Daerah", "Dinas Pekerjaan Umum dan Penataan Ruang",
            "Dinas Perumahan dan Kawasan Permukiman", "Dinas Sosial", "Dinas Ketahanan Pangan",
            "Dinas Lingkungan Hidup", "Dinas Kependudukan dan Pencatatan Sipil",
            "Dinas Pemberdayaan Masyarakat dan Desa", "Dinas Perhubungan",
            "Dinas Komunikasi dan Informatika",
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
            "Dinas Perpustakaan dan Kearsipan")
    kept = [province[n] for n in same]
    # Regencies keep no Samsat or provincial road offices; scale the reused OPD down.
    kept = [AgencySpec(a.name, a.family, a.weight * 0.8, a.units) for a in kept]
    agencies = [
        setda, *kept,
        dinas("Badan Pendapatan Daerah", "Keuangan", "keuangan", 1.2, (
            "Bidang Pajak Daerah", "Bidang Retribusi dan Pendapatan Lain-lain")),
        dinas("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "Kepegawaian",
              "kepegawaian", 0.9, ("Bidang Pengadaan, Pemberhentian dan Informasi",
                                   "Bidang Mutasi dan Promosi",
                                   "Bidang Pengembangan Kompetensi Aparatur")),
        dinas("Dinas Pendidikan dan Kebudayaan", "Pendidikan", "dinas_pendidikan", 40.0, (
            "Bidang Pembinaan Sekolah Dasar", "Bidang Pembinaan Sekolah Menengah Pertama",
            "Bidang Pendidikan Anak Usia Dini dan Pendidikan Nonformal", "Bidang Kebudayaan",
            "Bidang Guru dan Tenaga Kependidikan"),
            sats=(SatSpec("SD Negeri {n} {short}", "sekolah", 0.66, 14),
                  SatSpec("SMP Negeri {n} {short}", "sekolah", 0.3, 32))),
        dinas("Dinas Kesehatan", "Kesehatan", "dinas_kesehatan", 8.0, (
            "Bidang Kesehatan Masyarakat", "Bidang Pencegahan dan Pengendalian Penyakit",
            "Bidang Pelayanan Kesehatan", "Bidang Sumber Daya Kesehatan"),
            ("UPTD Instalasi Farmasi",),
            (SatSpec("Puskesmas {short}", "puskesmas", 0.8, 40),)),
        _rsud("Rumah Sakit Umum Daerah", "Direktur Rumah Sakit Umum Daerah", 7.0, False),
        dinas("Dinas Tenaga Kerja", "Ketenagakerjaan", "tenaga_kerja", 0.5, (
            "Bidang Pelatihan dan Penempatan Tenaga Kerja", "Bidang Hubungan Industrial")),
        dinas("Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan "
              "Perlindungan Anak", "Sosial", "sosial", 0.8, (
                  "Bidang Pengendalian Penduduk dan Keluarga Berencana",
                  "Bidang Pemberdayaan Perempuan", "Bidang Perlindungan Anak")),
        dinas("Dinas Koperasi, Usaha Kecil dan Menengah, Perindustrian dan Perdagangan",
              "Perekonomian", "perekonomian", 0.7, (
                  "Bidang Koperasi dan Usaha Kecil dan Menengah", "Bidang Perindustrian",
                  "Bidang Perdagangan")),
        dinas("Dinas Pariwisata, Pemuda dan Olahraga", "Kebudayaan dan Pariwisata",
              "kebudayaan", 0.6, ("Bidang Pariwisata", "Bidang Pemuda dan Olahraga")),
        dinas("Dinas Pertanian", "Pertanian", "pertanian", 3.0, (
            "Bidang Tanaman Pangan dan Hortikultura", "Bidang Perkebunan",
            "Bidang Peternakan dan Kesehatan Hewan", "Bidang Penyuluhan"),
            sats=(SatSpec("Balai Penyuluhan Pertanian {short}", "pertanian", 0.5, 0),)),
        dinas("Dinas Perikanan", "Kelautan dan Perikanan", "perikanan", 0.6, (
            "Bidang Perikanan Tangkap", "Bidang Perikanan Budidaya")),
        dinas("Satuan Polisi Pamong Praja dan Pemadam Kebakaran", "Ketenteraman dan Ketertiban",
              "trantib", 2.0, ("Bidang Penegakan Peraturan Daerah",
                               "Bidang Ketertiban Umum dan Ketenteraman Masyarakat",
                               "Bidang Pemadam Kebakaran dan Penyelamatan")),
    ]
    for kec in kecamatan:
        agencies.append(AgencySpec(f"Kecamatan {kec}", "Pemerintahan", 0.6, (
            UnitSpec("Sekretariat", "administrasi", 1.0, (
                ("Camat", "A", "Pemerintahan"), ("Sekretaris Camat", "A", "Administrasi"))),
            *(bidang(s, "pemerintahan", "Pemerintahan", code="W") for s in (
                "Seksi Pemerintahan", "Seksi Ketenteraman dan Ketertiban Umum",
                "Seksi Pemberdayaan Masyarakat dan Desa", "Seksi Pelayanan Umum")))))
    return agencies
# fmt: on


CENTRAL_DIRECTORATES = (
    "Direktorat Kebijakan dan Program",
    "Direktorat Pembinaan dan Pengembangan",
    "Direktorat Pengendalian dan Evaluasi",
)


def _eselon1_titles(name: str) -> tuple[str, str]:
    """(head, secretary) of an eselon I unit."""
    if name.startswith("Direktorat Jenderal"):
        return "Direktur Jenderal" + name[
            len("Direktorat Jenderal") :
        ], "Sekretaris Direktorat Jenderal"
    if name.startswith("Badan "):
        return "Kepala " + name, "Sekretaris Badan"
    if name.startswith("Deputi "):
        return name, "Sekretaris Deputi"
    return name, "Sekretaris Jaksa Agung Muda"  # Jaksa Agung Muda ...


def ministry_agencies(
    ministry: str, mix: str, eselon1: tuple[tuple[str, str], ...], central_weight: float
) -> list[AgencySpec]:
    """Head office: Sekretariat Jenderal/Utama, Inspektorat, eselon I units."""
    ministerial = ministry.startswith("Kementerian")
    setjen = "Sekretariat Jenderal" if ministerial else "Sekretariat Utama"
    itjen = "Inspektorat Jenderal" if ministerial else "Inspektorat Utama"
    share = central_weight / (3 + 2 * len(eselon1))
    out = [
        AgencySpec(
            f"{setjen} {ministry}",
            "Administrasi",
            2 * share,
            (
                UnitSpec(
                    "Pimpinan",
                    "administrasi",
                    0.3,
                    (
                        (
                            "Sekretaris Jenderal" if ministerial else "Sekretaris Utama",
                            "J",
                            "Administrasi",
                        ),
                    ),
                ),
                *(
                    bidang(b, m, f, 1.0, "K")
                    for b, m, f in (
                        ("Biro Perencanaan", "perencanaan", "Perencanaan"),
                        ("Biro Keuangan dan Barang Milik Negara", "keuangan", "Keuangan"),
                        ("Biro Sumber Daya Manusia dan Organisasi", "kepegawaian", "Kepegawaian"),
                        ("Biro Hukum", "hukum", "Hukum"),
                        ("Biro Umum", "administrasi", "Administrasi"),
                    )
                ),
            ),
        ),
        AgencySpec(
            f"{itjen} {ministry}",
            "Pengawasan",
            share,
            (
                UnitSpec(
                    f"Sekretariat {itjen}",
                    "administrasi",
                    1.0,
                    (
                        (
                            "Inspektur Jenderal" if ministerial else "Inspektur Utama",
                            "J",
                            "Pengawasan",
                        ),
                        (f"Sekretaris {itjen}", "K", "Administrasi"),
                    ),
                ),
                *(
                    bidang(
                        f"Inspektorat {r}", "pengawasan", "Pengawasan", 1.0, "K", f"Inspektur {r}"
                    )
                    for r in ("I", "II", "III")
                ),
            ),
        ),
    ]
    for name, unit_mix in eselon1:
        head, secretary = _eselon1_titles(name)
        out.append(
            AgencySpec(
                name,
                "Administrasi",
                2 * share,
                (
                    UnitSpec(
                        "Sekretariat",
                        "administrasi",
                        1.0,
                        ((head, "J", "Administrasi"), (secretary, "K", "Administrasi")),
                    ),
                    *(
                        bidang(
                            d,
                            unit_mix,
                            "Administrasi",
                            1.0,
                            "K",
                            "Direktur" + d[len("Direktorat") :],
                        )
                        for d in CENTRAL_DIRECTORATES
                    ),
                ),
            )
        )
    return out


FACULTIES = (
    "Fakultas Keguruan dan Ilmu Pendidikan",
    "Fakultas Ekonomi dan Bisnis",
    "Fakultas Hukum",
    "Fakultas Pertanian",
    "Fakultas Kedokteran",
    "Fakultas Teknik",
    "Fakultas Matematika dan Ilmu Pengetahuan Alam",
    "Fakultas Ilmu Sosial dan Ilmu Politik",
)
PARK_UNITS = (
    "Seksi Pengelolaan Taman Nasional Wilayah I",
    "Seksi Pengelolaan Taman Nasional Wilayah II",
    "Seksi Pengelolaan Taman Nasional Wilayah III",
)


def extra_agency(name: str, mix: str, weight: float) -> AgencySpec:
    """A university, central hospital or national park under a ministry."""
    if mix == "rumah_sakit":
        return _rsud(name, "Direktur Utama Rumah Sakit Vertikal", weight, True)
    if mix == "kampus":
        return AgencySpec(
            name,
            "Pendidikan Tinggi",
            weight,
            (
                UnitSpec(
                    "Biro Umum dan Keuangan",
                    "administrasi",
                    3.0,
                    (
                        ("Rektor Perguruan Tinggi Negeri", "K", "Pendidikan Tinggi"),
                        ("Kepala Biro Umum dan Keuangan", "A", "Administrasi"),
                        KASUBBAG_KEU,
                    ),
                ),
                bidang("Biro Akademik dan Kemahasiswaan", "administrasi", "Administrasi", 2.0),
                UnitSpec("Lembaga Penelitian dan Pengabdian kepada Masyarakat", "kampus", 1.0),
                *(UnitSpec(f, "kampus", 5.0) for f in FACULTIES),
            ),
        )
    return AgencySpec(
        name,
        "Kehutanan",
        weight,
        (
            UnitSpec(
                "Bagian Tata Usaha",
                "administrasi",
                1.0,
                (("Kepala Balai Taman Nasional", "A", "Kehutanan"), KASUBBAG_TU),
            ),
            *(bidang(u, mix, "Kehutanan", 2.0, "W") for u in PARK_UNITS),
        ),
    )


def vertical_agency(
    pattern: str,
    prov: str,
    head: str,
    code: str,
    family: str,
    weight: float,
    offices: tuple[tuple[str, str, float, str, str], ...],
) -> AgencySpec:
    """A ministry's office in one province, with its offices over the province's places."""
    sats = tuple(
        SatSpec(p, m, s, 0 if "{n}" not in p else 40, (t, c) if t else None)
        for p, m, s, t, c in offices
    )
    mix = next((m for _, m, _, _, _ in offices), "administrasi")
    return AgencySpec(
        pattern.format(prov=prov),
        family,
        weight,
        (
            UnitSpec(
                "Bagian Tata Usaha",
                "administrasi",
                1.5,
                ((head, code, family), KASUBBAG_UMUM, KASUBBAG_KEU),
            ),
            UnitSpec(
                "Bidang Teknis",
                mix if offices else "administrasi",
                2.0,
                (
                    (
                        f"Kepala Bidang Teknis pada {head[len('Kepala ') :]}"
                        if head.startswith("Kepala ")
                        else "Kepala Bidang Teknis",
                        "A",
                        family,
                    ),
                ),
            ),
        ),
        sats,
    )
