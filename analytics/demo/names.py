"""Name and place lists for the demo store (analytics.demo.build).

Personal names mix what a Jambi office roster shows: Malay-Jambi and Minang names, Javanese
names (transmigrants), Batak marga, Kerinci and Arabic-derived Muslim names. Degree titles follow
the person's job (teachers S.Pd., nurses S.Kep., Ns.), as BKN records write them.
"""

from __future__ import annotations

# fmt: off
MALE_FIRST: tuple[str, ...] = (
    "Muhammad", "Ahmad", "Abdul", "Rahmat", "Hendra", "Budi", "Agus", "Joko", "Dedi", "Eko",
    "Fajar", "Rizki", "Andi", "Doni", "Fauzi", "Hasan", "Irwan", "Iwan", "Yusuf", "Zulkifli",
    "Syahrial", "Syafrizal", "Zulfikar", "Arief", "Bambang", "Heru", "Dwi", "Teguh", "Wahyu",
    "Slamet", "Sugeng", "Suparman", "Herman", "Hendri", "Amri", "Azhar", "Effendi", "Erwin",
    "Firdaus", "Gunawan", "Habibi", "Ilham", "Jamaludin", "Khairul", "Lukman", "Mulyadi",
    "Nasrul", "Novri", "Pahrul", "Rahman", "Ridwan", "Rudi", "Saiful", "Sukri", "Taufik",
    "Usman", "Yudi", "Yulianto", "Zainal", "Asrul", "Darmawan", "Edi", "Faisal", "Gusti",
    "Hadi", "Imam", "Junaidi", "Kurniawan", "Mahmud", "Nurdin", "Oktavianus", "Putra", "Ramli",
    "Safarudin", "Tomi", "Umar", "Wendi", "Yasir", "Ardiansyah", "Bayu", "Candra", "Dimas",
    "Erick", "Feri", "Gilang", "Hariyanto", "Indra", "Januar", "Kiki", "Leo", "Medi", "Nanda",
    "Oki", "Pandu", "Reza", "Sandi", "Tri", "Wisnu", "Yoga", "Zaki", "Alfian", "Robby",
    "Samsul", "Rusli", "Marzuki", "Hamdani", "Jufri", "Syamsul", "Armaini", "Hasbi", "Sahrul",
)

FEMALE_FIRST: tuple[str, ...] = (
    "Siti", "Nur", "Sri", "Dewi", "Rina", "Yulia", "Fitri", "Ratna", "Wulan", "Yanti",
    "Desi", "Eka", "Lestari", "Novita", "Rahmawati", "Sari", "Yuliana", "Ani", "Indah",
    "Mega", "Nurul", "Putri", "Rini", "Susanti", "Tuti", "Wahyuni", "Yeni", "Zahra", "Aisyah",
    "Anisa", "Dian", "Erni", "Fatimah", "Herlina", "Ida", "Juliana", "Kartini", "Lina",
    "Maya", "Nina", "Oktaviani", "Purnama", "Rosmaini", "Sulastri", "Tri", "Umi", "Vivi",
    "Winda", "Yusnita", "Zuraida", "Asmawati", "Betty", "Citra", "Diana", "Evi", "Febriani",
    "Gustina", "Hasnah", "Intan", "Jamilah", "Khairunnisa", "Laila", "Marlina", "Nelly",
    "Pipit", "Rahmi", "Santi", "Tika", "Ulfa", "Wati", "Yessi", "Zulaikha", "Afrida",
    "Ayu", "Cut", "Darmiati", "Elvi", "Fera", "Hartati", "Irma", "Kurnia", "Lisa", "Mardiana",
    "Neni", "Reni", "Sinta", "Suryani", "Vera", "Widya", "Yuni", "Nurhayati", "Rosdiana",
    "Syafitri", "Mulyani", "Hafizah", "Nadia", "Salsabila", "Rika", "Melati", "Elsa",
)

# Second names (Javanese and Malay patterns, or a father's name), by gender.
SECOND_MALE: tuple[str, ...] = (
    "Hidayat", "Saputra", "Pratama", "Wijaya", "Kurniawan", "Setiawan", "Santoso", "Nugroho",
    "Firmansyah", "Hakim", "Ramadhan", "Syahputra", "Susanto", "Hermawan", "Prasetyo",
    "Utomo", "Wibowo", "Gunawan", "Effendi", "Rahman", "Azhari", "Fadli", "Anwar", "Iskandar",
    "Maulana", "Syarifuddin", "Yusuf", "Zulkarnain", "Idris", "Hamzah", "Junaidi", "Arifin",
    "Rosyid", "Mustofa", "Kusuma", "Purnomo", "Sutrisno", "Hasibuan", "Saleh", "Ismail",
)
SECOND_FEMALE: tuple[str, ...] = (
    "Handayani", "Lestari", "Wulandari", "Permatasari", "Rahayu", "Safitri", "Yuliani",
    "Anggraini", "Puspita", "Maharani", "Oktaviani", "Ningsih", "Fitriani", "Septiani",
    "Agustina", "Marlina", "Febriyanti", "Kartika", "Novianti", "Ramadhani", "Aprilia",
    "Amelia", "Kurniasih", "Susanti", "Purwanti", "Hasanah", "Aminah", "Khadijah", "Rahmah",
    "Nurjanah", "Utami", "Pertiwi", "Sari", "Damayanti", "Kusumawati", "Hidayati",
)

# Batak marga: the family name of many civil servants in Jambi, men and women alike.
FAMILY: tuple[str, ...] = (
    "Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Sitompul", "Hutapea",
    "Pardede", "Sinaga", "Tambunan", "Panjaitan", "Manurung", "Situmorang", "Pasaribu",
    "Sihombing", "Simatupang", "Ginting", "Tarigan", "Sembiring", "Daulay", "Rangkuti",
    "Pohan", "Batubara", "Marpaung", "Napitupulu", "Purba", "Saragih", "Siahaan",
)

# Bachelor (S1) titles by job family; diploma (D3) titles for skill-level jobs.
S1_BY_FAMILY: dict[str, tuple[str, ...]] = {
    "Pendidikan": ("S.Pd.", "S.Pd.", "S.Pd.", "S.Si.", "S.Ag."),
    "Pendidikan Tinggi": ("S.Si.", "S.T.", "S.E.", "S.H."),
    "Kesehatan": ("S.Kep., Ns.", "S.K.M.", "S.Farm.", "S.Gz.", "S.Tr.Keb."),
    "Keuangan": ("S.E.", "S.E., Ak.", "S.Ak."),
    "Hukum": ("S.H.",),
    "Infrastruktur": ("S.T.",),
    "Pertanian": ("S.P.", "S.Pt.", "S.TP."),
    "Kehutanan": ("S.Hut.",),
    "Kelautan dan Perikanan": ("S.Pi.",),
    "Komunikasi dan Informatika": ("S.Kom.", "S.T.", "S.I.Kom."),
    "Keagamaan": ("S.Ag.", "S.H.I.", "S.Pd.I."),
}
S1_DEFAULT: tuple[str, ...] = ("S.E.", "S.Sos.", "S.IP.", "S.H.", "S.AP.", "S.Kom.", "S.T.")
D3_BY_FAMILY: dict[str, tuple[str, ...]] = {
    "Kesehatan": ("A.Md.Kep.", "A.Md.Keb.", "A.Md.Farm.", "A.Md.AK.", "A.Md.Rad."),
    "Infrastruktur": ("A.Md.T.",),
    "Pertanian": ("A.Md.P.",),
}
D3_DEFAULT: tuple[str, ...] = ("A.Md.", "A.Md.Kom.", "A.Md.Ak.")
MASTER_BY_FAMILY: dict[str, tuple[str, ...]] = {
    "Pendidikan": ("M.Pd.",),
    "Pendidikan Tinggi": ("M.Si.", "M.Pd.", "M.T.", "M.E."),
    "Kesehatan": ("M.Kes.", "M.K.M."),
    "Keuangan": ("M.Ak.", "M.E.", "M.M."),
    "Hukum": ("M.H.",),
    "Infrastruktur": ("M.T.",),
    "Pertanian": ("M.P.", "M.Si."),
    "Keagamaan": ("M.Ag.", "M.Pd.I."),
}
MASTER_DEFAULT: tuple[str, ...] = ("M.Si.", "M.M.", "M.AP.", "M.E.")

# Kecamatan of Jambi's regencies and cities: place names for units (schools, puskesmas) and
# for the kecamatan agencies of the regency governments.
JAMBI_PLACES: dict[str, tuple[str, ...]] = {
    "Kerinci": ("Gunung Kerinci", "Kayu Aro", "Siulak", "Air Hangat", "Danau Kerinci",
                "Sitinjau Laut", "Gunung Raya", "Batang Merangin", "Keliling Danau",
                "Depati Tujuh", "Gunung Tujuh", "Bukit Kerman"),
    "Merangin": ("Bangko", "Tabir", "Pamenang", "Sungai Manau", "Jangkat", "Muara Siau",
                 "Lembah Masurai", "Tabir Selatan", "Margo Tabir", "Renah Pembarap",
                 "Nalo Tantan", "Sungai Tenang"),
    "Sarolangun": ("Sarolangun", "Pauh", "Mandiangin", "Air Hitam", "Limun", "Pelawan",
                   "Singkut", "Bathin VIII", "Batang Asai", "Cermin Nan Gedang"),
    "Batang Hari": ("Muara Bulian", "Muara Tembesi", "Pemayung", "Mersam", "Maro Sebo Ulu",
                    "Bajubang", "Batin XXIV", "Maro Sebo Ilir"),
    "Muaro Jambi": ("Sengeti", "Sekernan", "Jambi Luar Kota", "Kumpeh", "Kumpeh Ulu",
                    "Mestong", "Sungai Bahar", "Sungai Gelam", "Maro Sebo", "Taman Rajo"),
    "Tanjung Jabung Timur": ("Muara Sabak Timur", "Muara Sabak Barat", "Nipah Panjang",
                             "Rantau Rasau", "Mendahara", "Dendang", "Geragai", "Sadu",
                             "Berbak", "Kuala Jambi"),
    "Tanjung Jabung Barat": ("Kuala Tungkal", "Tungkal Ilir", "Tungkal Ulu", "Betara",
                             "Pengabuan", "Merlung", "Muara Papalik", "Senyerang",
                             "Batang Asam", "Renah Mendaluh"),
    "Tebo": ("Muara Tebo", "Rimbo Bujang", "Tebo Ilir", "Tebo Ulu", "Tengah Ilir", "Sumay",
             "VII Koto", "Rimbo Ulu", "Tebo Tengah", "Serai Serumpun"),
    "Bungo": ("Muara Bungo", "Rantau Pandan", "Pelepat", "Tanah Tumbuh", "Jujuhan",
              "Limbur Lubuk Mengkuang", "Bathin III", "Tanah Sepenggal", "Pelepat Ilir",
              "Bathin II Babeko"),
    "Kota Jambi": ("Telanaipura", "Kota Baru", "Jambi Selatan", "Jelutung", "Pasar Jambi",
                   "Danau Teluk", "Pelayangan", "Jambi Timur", "Alam Barajo", "Paal Merah",
                   "Danau Sipin"),
    "Kota Sungai Penuh": ("Sungai Penuh", "Hamparan Rawang", "Pesisir Bukit", "Kumun Debai",
                          "Tanah Kampung", "Koto Baru", "Pondok Tinggi", "Sungai Bungkal"),
}

# Common place names found all over Indonesia: kecamatan names for regencies whose real
# kecamatan are not listed here.
COMMON_PLACES: tuple[str, ...] = (
    "Sukamaju", "Sukajadi", "Sukamakmur", "Sumberrejo", "Karanganyar", "Mekarsari",
    "Sidomulyo", "Banjarsari", "Tanjung Harapan", "Sungai Raya", "Kota Baru", "Muara Dua",
    "Suka Damai", "Margamulya", "Bukit Batu", "Tanjung Sari", "Pasir Putih", "Lubuk Baru",
    "Air Putih", "Batu Ampar", "Kedungjaya", "Purwodadi", "Wonosari", "Sukorejo", "Tegalrejo",
    "Pulau Panggung", "Kampung Baru", "Simpang Empat", "Padang Jaya", "Rawa Bening",
    "Talang Jaya", "Sinar Harapan", "Sungai Lilin", "Teluk Betung", "Mulyorejo", "Sukadana",
    "Labuhan Ratu", "Bandar Agung", "Gunung Sari", "Pematang Panjang",
)
# fmt: on
