"""Word pools for the demo roster of the fictional "Kabupaten Sukamaju" (all made up)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Family:
    """A group of related positions with the majors and skills that go with them."""

    expert: tuple[str, ...]  # fungsional keahlian titles (S1 and up), "Ahli …" is appended
    skilled: tuple[str, ...]  # fungsional keterampilan titles (D3/SMA), "Terampil …" appended
    staff: tuple[str, ...]  # pelaksana titles
    majors: tuple[str, ...]
    skills: tuple[str, ...]


FAMILIES: dict[str, Family] = {
    "kepegawaian": Family(
        ("Analis Kepegawaian", "Analis Sumber Daya Manusia Aparatur", "Asesor SDM Aparatur"),
        ("Pranata SDM Aparatur",), ("Pengadministrasi Kepegawaian", "Pengelola Data Kepegawaian"),
        ("Administrasi Negara", "Manajemen", "Psikologi", "Ilmu Hukum"),
        ("kepegawaian & SIASN", "analisis jabatan dan ABK", "manajemen talenta",
         "penilaian kinerja (e-kinerja)", "assessment center"),
    ),
    "keuangan": Family(
        ("Analis Anggaran", "Analis Pengelolaan Keuangan APBD"), (),
        ("Pengelola Keuangan", "Bendahara", "Pengelola Barang Milik Daerah"),
        ("Akuntansi", "Manajemen", "Ekonomi Pembangunan"),
        ("akuntansi; penyusunan laporan keuangan", "pengadaan barang/jasa (PBJ), LPSE",
         "SIPD, penatausahaan keuangan", "perpajakan daerah", "pengelolaan aset BMD"),
    ),
    "perencana": Family(
        ("Perencana", "Statistisi"), ("Statistisi",), ("Pengelola Data Perencanaan",),
        ("Perencanaan Wilayah dan Kota", "Ekonomi Pembangunan", "Statistika"),
        ("perencanaan, musrenbang", "analisis data statistik", "penyusunan RPJMD / Renstra",
         "GIS / pemetaan", "monitoring dan evaluasi program"),
    ),
    "it": Family(
        ("Pranata Komputer",), ("Pranata Komputer",), ("Pengelola Sistem Informasi",),
        ("Teknik Informatika", "Sistem Informasi", "Manajemen Informatika"),
        ("jaringan komputer, administrasi server", "pengembangan aplikasi web (python, php)",
         "basis data, SQL", "keamanan informasi", "analisis data statistik"),
    ),
    "humas": Family(
        ("Pranata Humas",), ("Pranata Humas",), ("Pengelola Informasi Publik",),
        ("Ilmu Komunikasi", "Desain Komunikasi Visual", "Sastra Inggris"),
        ("humas dan desain grafis", "bahasa Inggris, protokol", "fotografi & videografi",
         "media sosial, menulis rilis berita"),
    ),
    "arsip": Family(
        ("Arsiparis",), ("Arsiparis",), ("Pengadministrasi Umum", "Pengelola Arsip"),
        ("Kearsipan", "Administrasi Perkantoran", "Ilmu Perpustakaan"),
        ("kearsipan, persuratan", "tata naskah dinas",
         "Microsoft Office, administrasi perkantoran"),
    ),
    "audit": Family(
        ("Auditor", "Pengawas Penyelenggaraan Urusan Pemerintahan Daerah"), ("Auditor",), (),
        ("Akuntansi", "Ilmu Hukum", "Manajemen"),
        ("audit internal", "reviu laporan keuangan", "manajemen risiko", "probity audit PBJ"),
    ),
    "kesmas": Family(
        ("Epidemiolog Kesehatan", "Nutrisionis", "Penyuluh Kesehatan Masyarakat",
         "Administrator Kesehatan"),
        ("Sanitarian", "Nutrisionis", "Epidemiolog Kesehatan"), ("Pengelola Program Kesehatan",),
        ("Kesehatan Masyarakat", "Gizi", "Kesehatan Lingkungan"),
        ("kesmas, epidemiologi", "gizi masyarakat, stunting", "promosi kesehatan",
         "surveilans penyakit menular"),
    ),
    "klinis": Family(
        ("Dokter", "Perawat", "Apoteker", "Bidan"),
        ("Perawat", "Bidan", "Pranata Laboratorium Kesehatan", "Asisten Apoteker"),
        ("Pengadministrasi Rekam Medis",),
        ("Keperawatan", "Kebidanan", "Farmasi", "Pendidikan Dokter", "Analis Kesehatan"),
        ("asuhan keperawatan", "kegawatdaruratan (BTCLS)", "pelayanan kebidanan",
         "farmasi klinis", "rekam medis elektronik"),
    ),
    "guru": Family(
        ("Guru", "Pengawas Sekolah", "Pamong Belajar"), ("Pamong Belajar",),
        ("Pengelola Data Pendidikan",),
        ("Pendidikan Matematika", "Pendidikan Bahasa Indonesia", "PGSD",
         "Pendidikan Bahasa Inggris", "Pendidikan Biologi"),
        ("pengajaran matematika", "kurikulum merdeka", "bahasa Inggris, protokol",
         "penilaian pembelajaran", "pendidikan anak usia dini"),
    ),
    "teknik": Family(
        ("Teknik Jalan dan Jembatan", "Teknik Pengairan", "Penata Ruang", "Penata Bangunan"),
        ("Teknik Jalan dan Jembatan", "Pengawas Bangunan"), ("Pengawas Lapangan",),
        ("Teknik Sipil", "Arsitektur", "Perencanaan Wilayah dan Kota"),
        ("GIS / pemetaan", "AutoCAD, perencanaan teknis", "pengawasan konstruksi",
         "pengadaan barang/jasa (PBJ), LPSE"),
    ),
    "pertanian": Family(
        ("Penyuluh Pertanian", "Pengawas Mutu Hasil Pertanian", "Medik Veteriner"),
        ("Penyuluh Pertanian", "Paramedik Veteriner"), ("Pengelola Lahan dan Tanaman",),
        ("Agroteknologi", "Agribisnis", "Peternakan", "Kedokteran Hewan"),
        ("penyuluhan pertanian", "agribisnis, pemasaran hasil tani", "kesehatan hewan",
         "ketahanan pangan"),
    ),
    "lingkungan": Family(
        ("Pengendali Dampak Lingkungan", "Pengawas Lingkungan Hidup"),
        ("Pengendali Dampak Lingkungan",), ("Pengelola Persampahan",),
        ("Teknik Lingkungan", "Biologi", "Kimia"),
        ("AMDAL, pengelolaan limbah", "pengelolaan sampah, bank sampah", "uji kualitas air"),
    ),
    "sosial": Family(
        ("Pekerja Sosial", "Penyuluh Sosial"), ("Pekerja Sosial",), ("Pendamping Sosial",),
        ("Kesejahteraan Sosial", "Psikologi", "Sosiologi"),
        ("pendampingan sosial", "pelayanan publik", "data terpadu kesejahteraan sosial"),
    ),
    "kependudukan": Family(
        ("Administrator Database Kependudukan",), ("Administrator Database Kependudukan",),
        ("Pengelola Data", "Operator Layanan Kependudukan"),
        ("Sistem Informasi", "Statistika", "Administrasi Negara"),
        ("SIAK, data kependudukan", "analisis data statistik", "pelayanan publik"),
    ),
    "perhubungan": Family(
        ("Penguji Kendaraan Bermotor", "Asisten Inspektur Angkutan"),
        ("Penguji Kendaraan Bermotor",), ("Petugas Pengatur Lalu Lintas",),
        ("Teknik Transportasi", "Teknik Sipil", "Manajemen Transportasi"),
        ("pengujian kendaraan bermotor", "manajemen lalu lintas", "keselamatan jalan"),
    ),
    "tibum": Family(
        ("Polisi Pamong Praja", "Analis Kebakaran"), ("Polisi Pamong Praja", "Pemadam Kebakaran"),
        ("Pengelola Ketenteraman dan Ketertiban",),
        ("Ilmu Hukum", "Administrasi Negara"),
        ("penegakan perda", "ketertiban umum", "pertolongan pertama", "pelayanan publik"),
    ),
    "bencana": Family(
        ("Analis Kebencanaan",), ("Penata Penanggulangan Bencana",), ("Petugas Pusdalops",),
        ("Geografi", "Teknik Sipil", "Kesehatan Masyarakat"),
        ("mitigasi bencana", "GIS / pemetaan", "pertolongan pertama", "logistik kebencanaan"),
    ),
    "kebijakan": Family(
        ("Analis Kebijakan", "Perancang Peraturan Perundang-undangan"), (),
        ("Analis Hukum",), ("Administrasi Negara", "Ilmu Politik", "Ilmu Hukum"),
        ("penyusunan kajian kebijakan", "legal drafting, peraturan daerah",
         "bahasa Inggris, protokol"),
    ),
    "pemerintahan": Family(
        ("Analis Kebijakan",), (), ("Pengadministrasi Pemerintahan", "Pengelola Layanan Kecamatan"),
        ("Ilmu Pemerintahan", "Administrasi Negara"),
        ("pelayanan publik", "administrasi pemerintahan desa", "pemberdayaan masyarakat"),
    ),
    "umum": Family(
        (), (), ("Pengadministrasi Umum", "Pengelola Data", "Pengadministrasi Perkantoran",
                 "Pengemudi", "Operator Layanan Operasional"),
        ("Administrasi Perkantoran", "Manajemen"),
        ("pelayanan publik", "Microsoft Office, administrasi perkantoran", "mengemudi, SIM A"),
    ),
}  # fmt: skip

COMMON_FAMILIES = ("kepegawaian", "keuangan", "perencana", "it", "arsip", "umum")

# (name, relative size, head title, bidang names, own families)
UNITS: tuple[tuple[str, int, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Sekretariat Daerah", 6, "Sekretaris Daerah",
     ("Pemerintahan dan Kesejahteraan Rakyat", "Perekonomian dan Pembangunan", "Administrasi Umum"),
     ("kebijakan", "humas")),
    ("Sekretariat DPRD", 2, "Sekretaris DPRD", ("Persidangan", "Keuangan", "Umum"),
     ("kebijakan", "humas")),
    ("Inspektorat Daerah", 3, "Inspektur", ("Pengawasan I", "Pengawasan II"), ("audit",)),
    ("Badan Perencanaan Pembangunan Daerah", 3, "Kepala Badan",
     ("Perencanaan Ekonomi", "Perencanaan Sosial Budaya", "Infrastruktur dan Kewilayahan"),
     ("perencana",)),
    ("Badan Kepegawaian dan Pengembangan SDM", 3, "Kepala Badan",
     ("Mutasi dan Promosi", "Pengembangan Kompetensi", "Pengadaan dan Informasi"),
     ("kepegawaian",)),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", 4, "Kepala Badan",
     ("Anggaran", "Perbendaharaan", "Akuntansi", "Aset"), ("keuangan",)),
    ("Badan Pendapatan Daerah", 3, "Kepala Badan", ("Pendataan", "Penagihan"), ("keuangan",)),
    ("Badan Penanggulangan Bencana Daerah", 2, "Kepala Pelaksana",
     ("Pencegahan dan Kesiapsiagaan", "Kedaruratan dan Logistik"), ("bencana",)),
    ("Dinas Pendidikan dan Kebudayaan", 18, "Kepala Dinas",
     ("Pembinaan SD", "Pembinaan SMP", "PAUD dan Pendidikan Nonformal", "Kebudayaan"),
     ("guru",)),
    ("Dinas Kesehatan", 9, "Kepala Dinas",
     ("Kesehatan Masyarakat", "Pencegahan dan Pengendalian Penyakit", "Pelayanan Kesehatan"),
     ("kesmas", "klinis")),
    ("RSUD Dr. H. Soemarno", 10, "Direktur", ("Pelayanan Medis", "Keperawatan", "Penunjang"),
     ("klinis",)),
    ("RSUD Sukamaju Selatan", 5, "Direktur", ("Pelayanan Medis", "Keperawatan"), ("klinis",)),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", 4, "Kepala Dinas",
     ("Bina Marga", "Sumber Daya Air", "Penataan Ruang"), ("teknik",)),
    ("Dinas Perumahan dan Kawasan Permukiman", 2, "Kepala Dinas", ("Perumahan", "Permukiman"),
     ("teknik",)),
    ("Dinas Sosial", 2, "Kepala Dinas", ("Rehabilitasi Sosial", "Perlindungan Sosial"),
     ("sosial",)),
    ("Dinas Kependudukan dan Pencatatan Sipil", 2, "Kepala Dinas",
     ("Pelayanan Pendaftaran Penduduk", "Pencatatan Sipil"), ("kependudukan",)),
    ("Dinas Perhubungan", 2, "Kepala Dinas", ("Lalu Lintas", "Angkutan"), ("perhubungan",)),
    ("Dinas Komunikasi dan Informatika", 2, "Kepala Dinas",
     ("Aplikasi Informatika", "Informasi dan Komunikasi Publik", "Statistik dan Persandian"),
     ("it", "humas")),
    ("Dinas Lingkungan Hidup", 2, "Kepala Dinas", ("Pengendalian Pencemaran", "Persampahan"),
     ("lingkungan",)),
    ("Dinas Pertanian", 4, "Kepala Dinas", ("Tanaman Pangan", "Hortikultura", "Peternakan"),
     ("pertanian",)),
    ("Dinas Penanaman Modal dan PTSP", 2, "Kepala Dinas", ("Perizinan", "Penanaman Modal"),
     ("kebijakan",)),
    ("Satuan Polisi Pamong Praja", 3, "Kepala Satuan", ("Penegakan Perda", "Ketertiban Umum"),
     ("tibum",)),
    ("Kecamatan Kota Timur", 1, "Camat", (), ("pemerintahan",)),
    ("Kecamatan Sukamaju", 1, "Camat", (), ("pemerintahan",)),
    ("Kecamatan Cibening", 1, "Camat", (), ("pemerintahan",)),
    ("Kecamatan Mekarsari", 1, "Camat", (), ("pemerintahan",)),
    ("Kecamatan Sindangjaya", 1, "Camat", (), ("pemerintahan",)),
)  # fmt: skip

SUBBAGIAN = ("Umum dan Kepegawaian", "Keuangan", "Program dan Pelaporan")

MALE_NAMES = (
    "Agus", "Ahmad", "Andi", "Arif", "Bambang", "Bayu", "Budi", "Dedi", "Dimas", "Eko", "Fajar",
    "Hendra", "Iwan", "Joko", "Made", "Muhammad", "Nur", "Rizki", "Rudi", "Taufik", "Teguh",
    "Wahyu", "Yusuf", "Darmawan", "Gilang", "Hasan", "Irfan", "Kurniawan", "Slamet", "Yoga",
)  # fmt: skip
FEMALE_NAMES = (
    "Ani", "Ayu", "Dewi", "Dian", "Eka", "Febri", "Fitri", "Indah", "Kartika", "Lestari",
    "Maya", "Nia", "Novi", "Nurul", "Putri", "Rina", "Ratna", "Sari", "Siti", "Sri", "Tuti",
    "Wulan", "Yuni", "Intan", "Mega", "Anisa", "Dina", "Rahma", "Citra", "Lina",
)  # fmt: skip
FAMILY_NAMES = (
    "Hasibuan", "Nasution", "Siregar", "Lubis", "Harahap", "Matondang", "Pohan", "Marpaung",
    "Santoso", "Pratama", "Wulandari", "Syahputra", "Rahmawati", "Saputra", "Hidayat",
    "Setiawan", "Kusuma", "Wijaya", "Permana", "Hakim", "Gunawan", "Susanti", "Utami",
    "Purnomo", "Firmansyah", "Simanjuntak", "Sinaga", "Ginting", "Tarigan", "Handayani",
)  # fmt: skip
PHONE_PREFIXES = (
    "0811", "0812", "0813", "0821", "0822", "0823", "0851", "0852", "0853", "0855", "0856",
    "0857", "0858", "0817", "0818", "0819", "0859", "0877", "0878", "0831", "0832", "0838",
    "0881", "0882", "0895", "0896", "0897", "0898",
)  # fmt: skip
