"""Governments (instansi) of the demo store beyond the Province of Jambi, and their sizes.

Used only when --employees exceeds the provincial government's workforce: first Jambi's
regencies and cities, then the other provinces with a selection of their regencies and cities
(real names; codes follow BPS province codes, regency numbers are this list's own), then central
ministries and agencies. Nominal sizes are rough workforce orders of magnitude.
"""

from __future__ import annotations

# fmt: off
# province code -> (name, nominal workforce of the provincial government, regencies/cities).
# "Kab." / "Kota" prefixes are expanded to "Kabupaten" / "Kota". DKI's cities are administrative,
# not governments of their own (they only host vertical offices).
PROVINCES: dict[str, tuple[str, int, tuple[str, ...]]] = {
    "15": ("Jambi", 12000, (
        "Kab. Kerinci", "Kab. Merangin", "Kab. Sarolangun", "Kab. Batang Hari",
        "Kab. Muaro Jambi", "Kab. Tanjung Jabung Timur", "Kab. Tanjung Jabung Barat",
        "Kab. Tebo", "Kab. Bungo", "Kota Jambi", "Kota Sungai Penuh")),
    "13": ("Sumatera Barat", 13000, (
        "Kota Padang", "Kab. Agam", "Kab. Padang Pariaman", "Kab. Pesisir Selatan",
        "Kota Bukittinggi", "Kab. Tanah Datar", "Kab. Solok", "Kab. Lima Puluh Kota",
        "Kota Payakumbuh", "Kab. Pasaman")),
    "14": ("Riau", 14000, (
        "Kota Pekanbaru", "Kab. Kampar", "Kab. Bengkalis", "Kab. Indragiri Hilir",
        "Kab. Indragiri Hulu", "Kab. Rokan Hulu", "Kab. Siak", "Kota Dumai", "Kab. Pelalawan",
        "Kab. Kuantan Singingi")),
    "16": ("Sumatera Selatan", 18000, (
        "Kota Palembang", "Kab. Ogan Komering Ilir", "Kab. Muara Enim", "Kab. Banyuasin",
        "Kab. Musi Banyuasin", "Kab. Lahat", "Kab. Ogan Komering Ulu", "Kota Lubuklinggau",
        "Kota Prabumulih", "Kab. Musi Rawas")),
    "17": ("Bengkulu", 8000, (
        "Kota Bengkulu", "Kab. Rejang Lebong", "Kab. Bengkulu Utara", "Kab. Bengkulu Selatan",
        "Kab. Kepahiang", "Kab. Mukomuko")),
    "11": ("Aceh", 14000, (
        "Kota Banda Aceh", "Kab. Aceh Besar", "Kab. Pidie", "Kab. Aceh Utara",
        "Kota Lhokseumawe", "Kab. Aceh Tengah", "Kab. Bireuen", "Kota Langsa",
        "Kab. Aceh Barat")),
    "12": ("Sumatera Utara", 22000, (
        "Kota Medan", "Kab. Deli Serdang", "Kab. Langkat", "Kab. Simalungun",
        "Kota Pematangsiantar", "Kab. Asahan", "Kab. Karo", "Kab. Tapanuli Utara",
        "Kab. Mandailing Natal", "Kab. Labuhanbatu", "Kota Binjai", "Kab. Nias")),
    "18": ("Lampung", 15000, (
        "Kota Bandar Lampung", "Kab. Lampung Selatan", "Kab. Lampung Tengah",
        "Kab. Lampung Timur", "Kab. Lampung Utara", "Kab. Tanggamus", "Kota Metro",
        "Kab. Pringsewu", "Kab. Way Kanan")),
    "19": ("Kepulauan Bangka Belitung", 7000, (
        "Kota Pangkalpinang", "Kab. Bangka", "Kab. Belitung", "Kab. Bangka Barat",
        "Kab. Bangka Tengah")),
    "21": ("Kepulauan Riau", 8000, (
        "Kota Batam", "Kota Tanjungpinang", "Kab. Bintan", "Kab. Karimun", "Kab. Natuna",
        "Kab. Lingga")),
    "31": ("DKI Jakarta", 60000, (
        "Kota Jakarta Pusat", "Kota Jakarta Utara", "Kota Jakarta Barat",
        "Kota Jakarta Selatan", "Kota Jakarta Timur")),
    "32": ("Jawa Barat", 40000, (
        "Kota Bandung", "Kab. Bandung", "Kab. Bogor", "Kota Bogor", "Kab. Bekasi",
        "Kota Bekasi", "Kota Depok", "Kab. Garut", "Kab. Tasikmalaya", "Kab. Cianjur",
        "Kab. Sukabumi", "Kab. Karawang", "Kab. Cirebon", "Kota Cirebon", "Kab. Indramayu",
        "Kab. Subang", "Kab. Sumedang", "Kab. Kuningan", "Kab. Majalengka", "Kab. Ciamis",
        "Kab. Purwakarta", "Kota Cimahi")),
    "33": ("Jawa Tengah", 42000, (
        "Kota Semarang", "Kab. Semarang", "Kab. Banyumas", "Kab. Cilacap", "Kab. Brebes",
        "Kab. Tegal", "Kota Surakarta", "Kab. Klaten", "Kab. Boyolali", "Kab. Magelang",
        "Kab. Kebumen", "Kab. Pati", "Kab. Kudus", "Kab. Jepara", "Kab. Demak",
        "Kab. Grobogan", "Kab. Sragen", "Kab. Wonogiri", "Kab. Purbalingga",
        "Kota Pekalongan")),
    "34": ("Daerah Istimewa Yogyakarta", 9000, (
        "Kota Yogyakarta", "Kab. Sleman", "Kab. Bantul", "Kab. Gunungkidul",
        "Kab. Kulon Progo")),
    "35": ("Jawa Timur", 48000, (
        "Kota Surabaya", "Kota Malang", "Kab. Malang", "Kab. Sidoarjo", "Kab. Jember",
        "Kab. Banyuwangi", "Kab. Kediri", "Kota Kediri", "Kab. Pasuruan", "Kab. Probolinggo",
        "Kab. Gresik", "Kab. Lamongan", "Kab. Tuban", "Kab. Bojonegoro", "Kab. Jombang",
        "Kab. Mojokerto", "Kab. Madiun", "Kab. Ponorogo", "Kab. Tulungagung", "Kab. Blitar",
        "Kab. Sumenep", "Kab. Bangkalan", "Kab. Lumajang")),
    "36": ("Banten", 13000, (
        "Kota Serang", "Kab. Serang", "Kab. Tangerang", "Kota Tangerang",
        "Kota Tangerang Selatan", "Kab. Pandeglang", "Kab. Lebak", "Kota Cilegon")),
    "51": ("Bali", 10000, (
        "Kota Denpasar", "Kab. Badung", "Kab. Gianyar", "Kab. Tabanan", "Kab. Buleleng",
        "Kab. Karangasem", "Kab. Jembrana", "Kab. Bangli", "Kab. Klungkung")),
    "52": ("Nusa Tenggara Barat", 11000, (
        "Kota Mataram", "Kab. Lombok Barat", "Kab. Lombok Tengah", "Kab. Lombok Timur",
        "Kab. Sumbawa", "Kab. Bima", "Kota Bima", "Kab. Dompu")),
    "53": ("Nusa Tenggara Timur", 14000, (
        "Kota Kupang", "Kab. Kupang", "Kab. Timor Tengah Selatan", "Kab. Belu",
        "Kab. Manggarai", "Kab. Ende", "Kab. Sikka", "Kab. Sumba Timur", "Kab. Flores Timur")),
    "61": ("Kalimantan Barat", 12000, (
        "Kota Pontianak", "Kab. Kubu Raya", "Kab. Sambas", "Kab. Ketapang", "Kab. Sanggau",
        "Kab. Sintang", "Kota Singkawang", "Kab. Kapuas Hulu", "Kab. Landak")),
    "62": ("Kalimantan Tengah", 9000, (
        "Kota Palangka Raya", "Kab. Kotawaringin Timur", "Kab. Kotawaringin Barat",
        "Kab. Kapuas", "Kab. Barito Selatan", "Kab. Katingan", "Kab. Pulang Pisau")),
    "63": ("Kalimantan Selatan", 11000, (
        "Kota Banjarmasin", "Kota Banjarbaru", "Kab. Banjar", "Kab. Barito Kuala",
        "Kab. Tanah Laut", "Kab. Tabalong", "Kab. Hulu Sungai Selatan", "Kab. Kotabaru",
        "Kab. Tanah Bumbu")),
    "64": ("Kalimantan Timur", 12000, (
        "Kota Samarinda", "Kota Balikpapan", "Kota Bontang", "Kab. Kutai Kartanegara",
        "Kab. Kutai Timur", "Kab. Berau", "Kab. Paser", "Kab. Penajam Paser Utara")),
    "65": ("Kalimantan Utara", 5000, (
        "Kota Tarakan", "Kab. Bulungan", "Kab. Nunukan", "Kab. Malinau")),
    "71": ("Sulawesi Utara", 9000, (
        "Kota Manado", "Kota Bitung", "Kota Tomohon", "Kab. Minahasa", "Kab. Minahasa Utara",
        "Kab. Bolaang Mongondow", "Kab. Kepulauan Sangihe")),
    "72": ("Sulawesi Tengah", 10000, (
        "Kota Palu", "Kab. Donggala", "Kab. Sigi", "Kab. Poso", "Kab. Banggai",
        "Kab. Parigi Moutong", "Kab. Tolitoli")),
    "73": ("Sulawesi Selatan", 19000, (
        "Kota Makassar", "Kab. Gowa", "Kab. Maros", "Kab. Bone", "Kota Parepare",
        "Kab. Pinrang", "Kab. Sidenreng Rappang", "Kab. Wajo", "Kab. Luwu", "Kota Palopo",
        "Kab. Bulukumba", "Kab. Takalar", "Kab. Jeneponto", "Kab. Soppeng")),
    "74": ("Sulawesi Tenggara", 9000, (
        "Kota Kendari", "Kota Baubau", "Kab. Konawe", "Kab. Kolaka", "Kab. Muna",
        "Kab. Buton", "Kab. Konawe Selatan")),
    "75": ("Gorontalo", 5000, (
        "Kota Gorontalo", "Kab. Gorontalo", "Kab. Bone Bolango", "Kab. Boalemo",
        "Kab. Pohuwato")),
    "76": ("Sulawesi Barat", 5000, (
        "Kab. Mamuju", "Kab. Majene", "Kab. Polewali Mandar", "Kab. Mamasa",
        "Kab. Pasangkayu")),
    "81": ("Maluku", 8000, (
        "Kota Ambon", "Kab. Maluku Tengah", "Kab. Seram Bagian Barat", "Kab. Buru",
        "Kota Tual", "Kab. Kepulauan Aru")),
    "82": ("Maluku Utara", 7000, (
        "Kota Ternate", "Kota Tidore Kepulauan", "Kab. Halmahera Utara",
        "Kab. Halmahera Selatan", "Kab. Halmahera Barat")),
    "91": ("Papua", 8000, (
        "Kota Jayapura", "Kab. Jayapura", "Kab. Biak Numfor", "Kab. Kepulauan Yapen",
        "Kab. Keerom", "Kab. Sarmi")),
    "92": ("Papua Barat", 6000, (
        "Kab. Manokwari", "Kab. Fakfak", "Kab. Teluk Bintuni", "Kab. Kaimana")),
    "93": ("Papua Selatan", 4000, (
        "Kab. Merauke", "Kab. Boven Digoel", "Kab. Mappi", "Kab. Asmat")),
    "94": ("Papua Tengah", 4000, ("Kab. Nabire", "Kab. Mimika", "Kab. Paniai", "Kab. Puncak Jaya")),
    "95": ("Papua Pegunungan", 4000, (
        "Kab. Jayawijaya", "Kab. Lanny Jaya", "Kab. Tolikara", "Kab. Yahukimo")),
    "96": ("Papua Barat Daya", 4000, (
        "Kota Sorong", "Kab. Sorong", "Kab. Raja Ampat", "Kab. Sorong Selatan")),
}
JAVA_BALI = {"31", "32", "33", "34", "35", "36", "51"}
NOT_AUTONOMOUS = {"31"}  # DKI's cities have no government of their own


def place_name(entry: str) -> str:
    """'Kab. Kerinci' -> 'Kabupaten Kerinci'; 'Kota Jambi' stays."""
    return "Kabupaten " + entry[5:] if entry.startswith("Kab. ") else entry


def short_place(entry: str) -> str:
    """'Kab. Kerinci' -> 'Kerinci', 'Kota Jambi' -> 'Kota Jambi' (as school names write it)."""
    return entry[5:] if entry.startswith("Kab. ") else entry


# Central government: (code, name, nominal workforce, staff mix of head-office units,
# eselon I units as (name, staff mix), vertical offices or None, extra agencies).
# Vertical: (agency pattern with {prov}, head title, head job code, family, share of the
# workforce, units [(pattern with {place}, staff mix, share, head title, head job code)]).
Ministry = tuple[str, str, int, str, tuple[tuple[str, str], ...],
                 tuple[str, str, str, str, float, tuple[tuple[str, str, float, str, str], ...]] | None,
                 tuple[tuple[str, str, float], ...]]

UNIVERSITIES = (
    "Universitas Jambi", "Universitas Indonesia", "Universitas Gadjah Mada",
    "Institut Teknologi Bandung", "Institut Pertanian Bogor", "Universitas Airlangga",
    "Universitas Diponegoro", "Universitas Brawijaya", "Universitas Padjadjaran",
    "Universitas Hasanuddin", "Universitas Sumatera Utara", "Universitas Andalas",
    "Universitas Sriwijaya", "Universitas Riau", "Universitas Lampung", "Universitas Syiah Kuala",
    "Universitas Negeri Jakarta", "Universitas Negeri Padang", "Universitas Sebelas Maret",
    "Universitas Udayana", "Universitas Mulawarman", "Universitas Lambung Mangkurat",
    "Universitas Sam Ratulangi", "Universitas Cenderawasih", "Universitas Pattimura",
    "Universitas Bengkulu", "Universitas Tanjungpura", "Universitas Negeri Semarang",
    "Universitas Negeri Malang", "Universitas Pendidikan Indonesia",
)
HOSPITALS = (
    "RSUP Dr. Cipto Mangunkusumo", "RSUP Dr. Sardjito", "RSUP Dr. Hasan Sadikin",
    "RSUP Dr. Kariadi", "RSUP Dr. M. Djamil", "RSUP Dr. Wahidin Sudirohusodo",
    "RSUP H. Adam Malik", "RSUP Prof. Dr. I.G.N.G. Ngoerah", "RSUP Fatmawati",
    "RSUP Persahabatan", "RSUP Dr. Mohammad Hoesin", "RS Kanker Dharmais",
    "RS Jantung dan Pembuluh Darah Harapan Kita",
)
PARKS = (
    "Balai Besar Taman Nasional Kerinci Seblat", "Balai Taman Nasional Bukit Duabelas",
    "Balai Taman Nasional Berbak dan Sembilang", "Balai Taman Nasional Bukit Tigapuluh",
    "Balai Besar Taman Nasional Gunung Leuser", "Balai Taman Nasional Komodo",
)

MINISTRIES: tuple[Ministry, ...] = (
    ("K01", "Kementerian Agama", 240000, "administrasi", (
        ("Direktorat Jenderal Pendidikan Islam", "dinas_pendidikan"),
        ("Direktorat Jenderal Bimbingan Masyarakat Islam", "keagamaan")),
     ("Kantor Wilayah Kementerian Agama Provinsi {prov}",
      "Kepala Kantor Wilayah Kementerian Agama", "K", "Keagamaan", 0.96, (
          ("Kantor Kementerian Agama {place}", "keagamaan", 0.13,
           "Kepala Kantor Kementerian Agama", "A"),
          ("MAN {n} {short}", "sekolah", 0.3, "", ""),
          ("MTsN {n} {short}", "sekolah", 0.3, "", ""),
          ("MIN {n} {short}", "sekolah", 0.25, "", ""))), ()),
    ("K02", "Kementerian Keuangan", 80000, "keuangan", (
        ("Direktorat Jenderal Anggaran", "keuangan"),
        ("Direktorat Jenderal Perbendaharaan", "keuangan"),
        ("Direktorat Jenderal Pajak", "pajak"),
        ("Direktorat Jenderal Bea dan Cukai", "keuangan"),
        ("Direktorat Jenderal Kekayaan Negara", "keuangan"),
        ("Badan Pendidikan dan Pelatihan Keuangan", "widyaiswara")),
     ("Kantor Wilayah Direktorat Jenderal Pajak Provinsi {prov}",
      "Kepala Kantor Wilayah Direktorat Jenderal Pajak", "K", "Keuangan", 0.75, (
          ("KPP Pratama {short}", "pajak", 0.75, "Kepala KPP Pratama", "A"),
          ("KPPN {short}", "keuangan", 0.15, "Kepala KPPN", "A"))), ()),
    ("K03", "Kementerian Pendidikan Tinggi, Sains, dan Teknologi", 75000, "administrasi", (
        ("Direktorat Jenderal Pendidikan Tinggi", "administrasi"),
        ("Direktorat Jenderal Riset dan Pengembangan", "administrasi")),
     None, tuple((u, "kampus", 0.95 / len(UNIVERSITIES)) for u in UNIVERSITIES)),
    ("K04", "Kementerian Kesehatan", 60000, "dinas_kesehatan", (
        ("Direktorat Jenderal Kesehatan Primer dan Komunitas", "dinas_kesehatan"),
        ("Direktorat Jenderal Kesehatan Lanjutan", "dinas_kesehatan"),
        ("Direktorat Jenderal Penanggulangan Penyakit", "dinas_kesehatan"),
        ("Badan Kebijakan Pembangunan Kesehatan", "perencanaan")),
     None, tuple((h, "rumah_sakit", 0.85 / len(HOSPITALS)) for h in HOSPITALS)),
    ("K05", "Kementerian Hukum", 15000, "hukum", (
        ("Direktorat Jenderal Peraturan Perundang-undangan", "hukum"),
        ("Direktorat Jenderal Administrasi Hukum Umum", "hukum"),
        ("Direktorat Jenderal Kekayaan Intelektual", "hukum")),
     ("Kantor Wilayah Kementerian Hukum Provinsi {prov}",
      "Kepala Kantor Wilayah Kementerian Hukum", "K", "Hukum", 0.6, ()), ()),
    ("K06", "Kementerian Imigrasi dan Pemasyarakatan", 55000, "pemasyarakatan", (
        ("Direktorat Jenderal Imigrasi", "pemasyarakatan"),
        ("Direktorat Jenderal Pemasyarakatan", "pemasyarakatan")),
     ("Kantor Wilayah Direktorat Jenderal Pemasyarakatan Provinsi {prov}",
      "Kepala Kantor Wilayah Direktorat Jenderal Pemasyarakatan", "K",
      "Pemasyarakatan dan Keimigrasian", 0.9, (
          ("Lembaga Pemasyarakatan {short}", "pemasyarakatan", 0.6,
           "Kepala Lembaga Pemasyarakatan", "A"),
          ("Rumah Tahanan Negara {short}", "pemasyarakatan", 0.25,
           "Kepala Rumah Tahanan Negara", "W"),
          ("Kantor Imigrasi {short}", "pemasyarakatan", 0.1, "Kepala Kantor Imigrasi", "A"))),
     ()),
    ("K07", "Kementerian Dalam Negeri", 5000, "pemerintahan", (
        ("Direktorat Jenderal Otonomi Daerah", "pemerintahan"),
        ("Direktorat Jenderal Bina Keuangan Daerah", "keuangan"),
        ("Direktorat Jenderal Kependudukan dan Pencatatan Sipil", "kependudukan"),
        ("Badan Pengembangan Sumber Daya Manusia Kementerian Dalam Negeri", "widyaiswara")),
     None, (("Institut Pemerintahan Dalam Negeri", "kampus", 0.3),)),
    ("K08", "Kementerian Pekerjaan Umum", 22000, "infrastruktur", (
        ("Direktorat Jenderal Bina Marga", "infrastruktur"),
        ("Direktorat Jenderal Sumber Daya Air", "infrastruktur"),
        ("Direktorat Jenderal Cipta Karya", "infrastruktur"),
        ("Direktorat Jenderal Bina Konstruksi", "infrastruktur")),
     ("Balai Pelaksanaan Jalan Nasional {prov}", "Kepala Balai Pelaksanaan Jalan Nasional",
      "A", "Infrastruktur", 0.7, (
          ("Satuan Kerja Pelaksanaan Jalan Nasional {place}", "infrastruktur", 0.6,
           "Kepala Satuan Kerja Pelaksanaan Jalan Nasional", "W"),)), ()),
    ("K09", "Kementerian Perhubungan", 25000, "perhubungan", (
        ("Direktorat Jenderal Perhubungan Darat", "perhubungan"),
        ("Direktorat Jenderal Perhubungan Laut", "perhubungan"),
        ("Direktorat Jenderal Perhubungan Udara", "perhubungan"),
        ("Badan Pengembangan Sumber Daya Manusia Perhubungan", "widyaiswara")),
     ("Balai Pengelola Transportasi Darat {prov}", "Kepala Balai Pengelola Transportasi Darat",
      "A", "Perhubungan", 0.6, (
          ("Kantor Unit Penyelenggara Pelabuhan {place}", "perhubungan", 0.5,
           "Kepala Kantor Unit Penyelenggara Pelabuhan", "W"),)), ()),
    ("K10", "Kementerian Pertanian", 18000, "pertanian", (
        ("Direktorat Jenderal Tanaman Pangan", "pertanian"),
        ("Direktorat Jenderal Perkebunan", "pertanian"),
        ("Direktorat Jenderal Peternakan dan Kesehatan Hewan", "peternakan"),
        ("Badan Penyuluhan dan Pengembangan Sumber Daya Manusia Pertanian", "pertanian")),
     ("Balai Penerapan Standar Instrumen Pertanian {prov}",
      "Kepala Balai Penerapan Standar Instrumen Pertanian", "A", "Pertanian", 0.5, ()), ()),
    ("K11", "Kementerian Lingkungan Hidup", 3000, "lingkungan", (
        ("Deputi Bidang Tata Lingkungan dan Sumber Daya Alam Berkelanjutan", "lingkungan"),
        ("Deputi Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan", "lingkungan")),
     None, ()),
    ("K12", "Kementerian Kehutanan", 15000, "kehutanan", (
        ("Direktorat Jenderal Konservasi Sumber Daya Alam dan Ekosistem", "kehutanan"),
        ("Direktorat Jenderal Pengelolaan Hutan Lestari", "kehutanan"),
        ("Direktorat Jenderal Penegakan Hukum Kehutanan", "kehutanan")),
     ("Balai Konservasi Sumber Daya Alam {prov}", "Kepala Balai Konservasi Sumber Daya Alam",
      "A", "Kehutanan", 0.55, (
          ("Seksi Konservasi Wilayah {place}", "kehutanan", 0.5,
           "Kepala Seksi Konservasi Wilayah", "W"),)),
     tuple((p, "kehutanan", 0.25 / len(PARKS)) for p in PARKS)),
    ("K13", "Kementerian Sosial", 6000, "sosial", (
        ("Direktorat Jenderal Rehabilitasi Sosial", "sosial"),
        ("Direktorat Jenderal Perlindungan dan Jaminan Sosial", "sosial"),
        ("Direktorat Jenderal Pemberdayaan Sosial", "sosial")), None, ()),
    ("K14", "Kementerian Ketenagakerjaan", 5000, "tenaga_kerja", (
        ("Direktorat Jenderal Pembinaan Pelatihan Vokasi dan Produktivitas", "tenaga_kerja"),
        ("Direktorat Jenderal Pembinaan Pengawasan Ketenagakerjaan dan K3", "tenaga_kerja"),
        ("Direktorat Jenderal Pembinaan Hubungan Industrial dan Jaminan Sosial",
         "tenaga_kerja")), None, ()),
    ("K15", "Kementerian Kelautan dan Perikanan", 12000, "perikanan", (
        ("Direktorat Jenderal Perikanan Tangkap", "perikanan"),
        ("Direktorat Jenderal Perikanan Budi Daya", "perikanan"),
        ("Direktorat Jenderal Pengawasan Sumber Daya Kelautan dan Perikanan", "perikanan")),
     ("Balai Pengelolaan Sumber Daya Pesisir dan Laut {prov}",
      "Kepala Balai Pengelolaan Sumber Daya Pesisir dan Laut", "A", "Kelautan dan Perikanan",
      0.4, ()), ()),
    ("K16", "Kementerian Energi dan Sumber Daya Mineral", 6000, "perekonomian", (
        ("Direktorat Jenderal Minyak dan Gas Bumi", "perekonomian"),
        ("Direktorat Jenderal Mineral dan Batubara", "perekonomian"),
        ("Direktorat Jenderal Ketenagalistrikan", "perekonomian"),
        ("Badan Geologi", "perekonomian")), None, ()),
    ("K17", "Kementerian Perindustrian", 6000, "perekonomian", (
        ("Direktorat Jenderal Industri Agro", "perekonomian"),
        ("Direktorat Jenderal Industri Kecil, Menengah, dan Aneka", "perekonomian"),
        ("Badan Standardisasi dan Kebijakan Jasa Industri", "perekonomian")), None, ()),
    ("K18", "Kementerian Perdagangan", 4000, "perekonomian", (
        ("Direktorat Jenderal Perdagangan Dalam Negeri", "perekonomian"),
        ("Direktorat Jenderal Perdagangan Luar Negeri", "perekonomian"),
        ("Direktorat Jenderal Perlindungan Konsumen dan Tertib Niaga", "perekonomian")),
     None, ()),
    ("K19", "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", 600,
     "kepegawaian", (
        ("Deputi Bidang Sumber Daya Manusia Aparatur", "kepegawaian"),
        ("Deputi Bidang Kelembagaan dan Tata Laksana", "administrasi"),
        ("Deputi Bidang Pelayanan Publik", "administrasi")), None, ()),
    ("K20", "Badan Kepegawaian Negara", 4500, "kepegawaian", (
        ("Deputi Bidang Mutasi Kepegawaian", "kepegawaian"),
        ("Deputi Bidang Sistem Informasi Kepegawaian", "kominfo"),
        ("Deputi Bidang Pembinaan Manajemen Kepegawaian", "kepegawaian")), None, ()),
    ("K21", "Lembaga Administrasi Negara", 900, "widyaiswara", (
        ("Deputi Bidang Kebijakan Pengembangan Kompetensi ASN", "widyaiswara"),
        ("Deputi Bidang Penyelenggaraan Pengembangan Kompetensi", "widyaiswara")),
     None, (("Politeknik STIA LAN Jakarta", "kampus", 0.25),)),
    ("K22", "Badan Pusat Statistik", 16000, "statistik", (
        ("Deputi Bidang Statistik Sosial", "statistik"),
        ("Deputi Bidang Statistik Produksi", "statistik"),
        ("Deputi Bidang Metodologi dan Informasi Statistik", "statistik")),
     ("Badan Pusat Statistik Provinsi {prov}", "Kepala Badan Pusat Statistik Provinsi", "K",
      "Statistik", 0.9, (
          ("Badan Pusat Statistik {place}", "statistik", 0.75,
           "Kepala Badan Pusat Statistik Kabupaten/Kota", "A"),)), ()),
    ("K23", "Badan Pengawasan Keuangan dan Pembangunan", 7000, "pengawasan", (
        ("Deputi Bidang Akuntan Negara", "pengawasan"),
        ("Deputi Bidang Pengawasan Penyelenggaraan Keuangan Daerah", "pengawasan"),
        ("Deputi Bidang Investigasi", "pengawasan")),
     ("Perwakilan BPKP Provinsi {prov}", "Kepala Perwakilan BPKP", "K", "Pengawasan", 0.8, ()),
     ()),
    ("K24", "Kejaksaan Republik Indonesia", 25000, "kejaksaan", (
        ("Jaksa Agung Muda Bidang Pidana Umum", "kejaksaan"),
        ("Jaksa Agung Muda Bidang Pidana Khusus", "kejaksaan"),
        ("Jaksa Agung Muda Bidang Perdata dan Tata Usaha Negara", "kejaksaan")),
     ("Kejaksaan Tinggi {prov}", "Kepala Kejaksaan Tinggi", "K", "Hukum", 0.85, (
         ("Kejaksaan Negeri {short}", "kejaksaan", 0.75, "Kepala Kejaksaan Negeri", "A"),)),
     ()),
    ("K25", "Mahkamah Agung", 30000, "peradilan", (
        ("Badan Urusan Administrasi", "administrasi"),
        ("Direktorat Jenderal Badan Peradilan Umum", "peradilan"),
        ("Direktorat Jenderal Badan Peradilan Agama", "peradilan")),
     ("Pengadilan Tinggi {prov}", "Sekretaris Pengadilan Tinggi", "A", "Hukum", 0.9, (
         ("Pengadilan Negeri {short}", "peradilan", 0.45, "Sekretaris Pengadilan Negeri", "W"),
         ("Pengadilan Agama {short}", "peradilan", 0.35, "Sekretaris Pengadilan Agama", "W"))),
     ()),
    ("K26", "Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional", 35000,
     "pertanahan", (
        ("Direktorat Jenderal Survei dan Pemetaan Pertanahan dan Ruang", "pertanahan"),
        ("Direktorat Jenderal Penetapan Hak dan Pendaftaran Tanah", "pertanahan"),
        ("Direktorat Jenderal Tata Ruang", "infrastruktur")),
     ("Kantor Wilayah Badan Pertanahan Nasional Provinsi {prov}",
      "Kepala Kantor Wilayah Badan Pertanahan Nasional", "K", "Pertanahan", 0.9, (
          ("Kantor Pertanahan {place}", "pertanahan", 0.8, "Kepala Kantor Pertanahan", "A"),)),
     ()),
    ("K27", "Badan Meteorologi, Klimatologi, dan Geofisika", 5000, "meteorologi", (
        ("Deputi Bidang Meteorologi", "meteorologi"),
        ("Deputi Bidang Klimatologi", "meteorologi"),
        ("Deputi Bidang Geofisika", "meteorologi")),
     ("Stasiun Meteorologi {prov}", "Kepala Stasiun Meteorologi", "A",
      "Meteorologi dan Geofisika", 0.7, ()), ()),
    ("K28", "Kementerian Pendidikan Dasar dan Menengah", 10000, "dinas_pendidikan", (
        ("Direktorat Jenderal Guru, Tenaga Kependidikan, dan Pendidikan Guru",
         "dinas_pendidikan"),
        ("Direktorat Jenderal Pendidikan Anak Usia Dini, Pendidikan Dasar, dan Pendidikan "
         "Menengah", "dinas_pendidikan"),
        ("Badan Standar, Kurikulum, dan Asesmen Pendidikan", "dinas_pendidikan")),
     ("Balai Penjaminan Mutu Pendidikan Provinsi {prov}",
      "Kepala Balai Penjaminan Mutu Pendidikan", "A", "Pendidikan", 0.6, ()), ()),
    ("K29", "Badan Pengawas Obat dan Makanan", 6000, "pengawas_obat", (
        ("Deputi Bidang Pengawasan Obat, Narkotika, Psikotropika, Prekursor, dan Zat Adiktif",
         "pengawas_obat"),
        ("Deputi Bidang Pengawasan Pangan Olahan", "pengawas_obat")),
     ("Balai Besar POM {prov}", "Kepala Balai Besar POM", "A", "Kesehatan", 0.7, ()), ()),
    ("K30", "Kementerian Komunikasi dan Digital", 3000, "kominfo", (
        ("Direktorat Jenderal Infrastruktur Digital", "kominfo"),
        ("Direktorat Jenderal Komunikasi Publik dan Media", "kominfo"),
        ("Direktorat Jenderal Ekosistem Digital", "kominfo")), None, ()),
    ("K31", "Kementerian Desa dan Pembangunan Daerah Tertinggal", 2000, "pemerintahan", (
        ("Direktorat Jenderal Pembangunan Desa dan Perdesaan", "pemerintahan"),
        ("Direktorat Jenderal Pengembangan Ekonomi dan Investasi Desa", "pemerintahan")),
     None, ()),
    ("K32", "Kementerian Luar Negeri", 4000, "pemerintahan", (
        ("Direktorat Jenderal Asia Pasifik dan Afrika", "pemerintahan"),
        ("Direktorat Jenderal Amerika dan Eropa", "pemerintahan"),
        ("Direktorat Jenderal Protokol dan Konsuler", "pemerintahan")), None, ()),
    ("K33", "Badan Nasional Penanggulangan Bencana", 1200, "bencana", (
        ("Deputi Bidang Pencegahan", "bencana"),
        ("Deputi Bidang Penanganan Darurat", "bencana"),
        ("Deputi Bidang Rehabilitasi dan Rekonstruksi", "bencana")), None, ()),
)

# Order in which governments join as --employees grows: Jambi's neighbours first.
PROVINCE_ORDER = ("15", "13", "14", "16", "17", "11", "12", "18", "19", "21", "31", "32",
                  "33", "34", "35", "36", "51", "52", "53", "61", "62", "63", "64", "65",
                  "71", "72", "73", "74", "75", "76", "81", "82", "91", "92", "93", "94",
                  "95", "96")
# fmt: on
