"""Words around competences in chat answers and job requirements: filler, tails, conditions.

These lists are knowledge of how Indonesian civil servants and HR officers write, not
competences: filler is removed, a tail marker ends the useful part of a phrase ("skrg di
kantor camat sdh 5 thn"), and a general condition (sehat jasmani, integritas) makes the
whole requirement a non-skill.
"""

from __future__ import annotations

# Removed wherever they occur (multi-word entries are matched as phrases).
FILLER: tuple[str, ...] = (
    "bisa", "dapat", "mampu", "sanggup", "menguasai", "dikuasai", "kuasai", "paham", "memahami",
    "pemahaman", "mengerti", "tahu", "mengetahui", "pengetahuan", "memiliki", "punya",
    "mempunyai", "berpengalaman", "pengalaman", "experience", "experienced", "pernah", "ikut",
    "mengikuti", "sdh", "sudah", "udah", "dah", "telah", "biasa", "terbiasa", "sering",
    "skill", "skills", "keahlian", "keterampilan", "ketrampilan", "kemampuan", "ability",
    "kompetensi saya", "competence", "competency", "bidang", "yg", "yang", "saya", "sy", "aku",
    "gue", "gw", "kami", "kita", "bapak", "pak", "ibu", "bu", "mas", "mbak", "kak", "dgn",
    "dengan", "di", "dlm", "dalam", "tentang", "ttg", "mengenai", "terkait", "seperti",
    "misalnya", "antara lain", "dll", "dsb", "etc", "lain lain", "juga", "sedikit", "dikit",
    "lumayan", "cukup", "agak", "sangat", "banget", "bgt", "sekali", "baik", "bagus", "mahir",
    "ahli", "expert", "jago", "handal", "andal", "tingkat dasar", "dasar", "tingkat lanjut",
    "lanjutan", "menengah", "basic", "advanced", "intermediate", "bersertifikat",
    "bersertifikasi", "sertifikat", "certified", "certificate", "thn", "tahun", "th", "bulan",
    "bln", "years", "year", "yrs", "hari", "selama", "lebih", "lbh", "kurang", "sekitar",
    "terima kasih", "terimakasih", "makasih", "trims", "trm kasih", "tks", "thx", "thanks",
    "thank you", "mohon", "dipertimbangkan", "sekian", "demikian", "selamat pagi",
    "selamat siang", "selamat sore", "selamat malam", "pagi", "siang", "sore", "malam", "halo",
    "hallo", "hai", "hi", "hello", "assalamualaikum", "wr wb", "salam", "permisi", "ok",
    "oke", "dan", "atau", "serta", "and", "or", "with", "in", "at", "of", "the", "a", "an",
    "for", "to", "on", "i", "my", "me", "am", "have", "has", "can", "good", "ya", "nya",
    "untuk", "utk", "dari", "ke", "pada", "oleh", "sebagai", "sbg", "yaitu", "adalah", "ialah",
    "ini", "itu", "tsb", "tersebut", "bekerja", "menangani", "melakukan", "melaksanakan",
    "pelaksanaan", "pengelolaan", "penyelenggaraan", "penyusunan", "penggunaan", "pengoperasian",
    "penanganan", "penerapan", "pembinaan", "pengembangan", "peningkatan", "pengawasan",
    "pengendalian", "pemeliharaan", "pengolahan", "penataan", "pemanfaatan", "kegiatan",
    "urusan", "tugas", "teknis", "umum", "pekerjaan", "kerja", "jabatan", "posisi", "staf",
    "staff", "petugas", "pegawai", "asn", "pns", "pppk", "honorer", "kantor", "dinas", "badan",
    "lumayan bisa", "insya allah", "insyaallah", "inshaallah", "kompetensi", "keahlian sy",
    "bidang yg dikuasai", "kebutuhan", "program", "sistem", "pelatihan tentang",
    "pernah ikut diklat", "ikut diklat", "mengikuti diklat", "pernah ikut pelatihan",
    "ikut pelatihan", "mengikuti pelatihan", "diklat tentang", "sertifikasi", "berbasis",
    "pemerintah", "daerah", "kabupaten", "kota", "provinsi", "negara", "nasional", "desa ini",
    "berkaitan", "berhubungan", "hal", "semua hal", "berbagai", "macam", "jenis", "izin", "ijin",
    "menjalani", "menjalankan", "dijalankan", "berjalan",
)  # fmt: skip

# A tail marker ends the useful part of the phrase: what follows describes where the
# person works now, why they want to move, or where they live — not a skill.
TAIL: tuple[str, ...] = (
    "skrg", "skg", "sekarang", "saat ini", "currently", "sedang bertugas", "bertugas",
    "ditugaskan", "domisili", "tinggal", "rumah saya", "karena", "krn", "soalnya", "ingin",
    "pengen", "pingin", "mau pindah", "pindah", "mutasi ke", "penempatan di", "sejak",
    "semenjak", "dulu", "dahulu", "sebelumnya", "masa kerja", "lulusan", "lulus", "alumni",
    "ijazah", "jurusan", "golongan", "gol", "pangkat", "nip", "no hp", "hp", "wa",
)  # fmt: skip

# A requirement or answer containing one of these is a general condition or soft trait.
GENERAL: tuple[str, ...] = (
    "sehat jasmani", "sehat rohani", "sehat jasmani dan rohani", "jasmani", "rohani",
    "integritas", "berintegritas", "disiplin", "berdisiplin", "kedisiplinan", "jujur",
    "kejujuran", "tanggung jawab", "bertanggung jawab", "tanggungjawab", "kerja sama",
    "bekerja sama", "kerjasama", "bekerjasama", "kerja sama tim", "kerja tim", "teamwork",
    "team work", "team player", "tim", "loyal", "loyalitas", "teliti", "ketelitian", "cermat",
    "rajin", "ulet", "tekun", "inisiatif", "berinisiatif", "proaktif", "inovatif",
    "komunikatif", "ramah", "sopan", "santun", "berkelakuan baik", "berkepribadian",
    "bebas narkoba", "dipidana", "hukuman disiplin", "tidak sedang", "tidak pernah",
    "bersedia", "siap ditempatkan", "ditempatkan", "dimana saja", "di mana saja", "mana saja",
    "apa saja", "apa aja", "apapun", "semua bidang", "serba bisa", "multitasking",
    "multi tasking", "cepat belajar", "fast learner", "quick learner", "mau belajar",
    "belajar hal baru", "adaptif", "adaptasi", "fleksibel", "flexible", "under pressure",
    "di bawah tekanan", "tekanan", "motivasi", "semangat", "dedikasi", "profesional",
    "profesionalisme", "berpenampilan", "penampilan", "usia", "umur", "time management",
    "manajemen waktu", "problem solving", "pemecahan masalah", "critical thinking",
    "berpikir kritis", "public speaking", "berbicara di depan umum", "percaya diri",
    "kepribadian", "etika", "etos kerja", "work ethic", "hard worker", "pekerja keras",
    "tidak ada", "belum ada", "blm ada", "belum punya", "tidak punya", "nihil", "kosong",
    "bingung", "belum tahu", "tidak tahu", "kurang tahu", "terserah", "sesuai kebutuhan",
    "sesuai arahan", "sesuai penugasan", "sesuai perintah", "menyesuaikan", "netralitas",
    "akhlak", "berakhlak", "berorientasi pelayanan", "sikap", "attitude", "kepatuhan pada aturan",
    "menjunjung tinggi", "memiliki komitmen", "komitmen", "siap kerja",
)  # fmt: skip

# Tokens whose stem would collide with an unrelated word: they are matched unstemmed.
NO_STEM: frozenset[str] = frozenset({
    "perawatan", "pengadaan", "perpajakan", "pemetaan", "bidang", "peternakan", "kesatuan",
    "pelatih", "pelatihan", "penilaian", "penilai", "pajak", "pengawas", "pengawasan",
    "peta", "pemerintah", "penjualan", "pendataan", "pelaporan", "laporan", "mengajar",
    "pertanahan", "tanah", "perumahan", "rumah", "perikanan", "kelautan", "dokumentasi",
    "program", "pemrograman", "pertamanan", "penyuluhan", "penyuluh", "perkebunan", "kebun",
    "sertifikasi", "pendidikan", "pendidik", "perhubungan", "hubungan", "perdagangan",
    "perizinan", "perijinan", "menjalani", "menjalankan", "dijalankan", "berjalan",
})  # fmt: skip

# Common words that are never typo-corrected into a dictionary word.
KNOWN_WORDS: frozenset[str] = frozenset({
    "bidang", "kantor", "rumah", "dekat", "jauh", "anak", "istri", "suami", "orang", "tua",
    "keluarga", "sakit", "ingin", "pindah", "kerja", "tempat", "dinas", "sesuai", "lokasi",
    "alasan", "mohon", "bapak", "saya", "kami", "kota", "desa", "camat", "lurah", "unit",
    "bagian", "seksi", "kepala", "kasubag", "kabid", "sekretaris", "staf", "honor", "baru",
    "lama", "tetap", "kontrak", "lain", "lainnya", "semua", "banyak", "sedikit", "bantu",
    "membantu", "dibantu", "cepat", "lambat", "mudah", "sulit", "dasar", "tingkat", "level",
    "sertifikat", "latihan", "pelatih", "ajar", "baca", "tulis", "hitung", "jalan", "sama",
})  # fmt: skip
