"""Roster columns: canonical names and their accepted header aliases.

Headers are matched by ``bot.imports.rows.map_headers`` (any case, order and spacing).
When several headers map to one column (a SIASN export has both ``UNOR NAMA`` and
``UNOR INDUK NAMA``), the alias listed first wins.
"""

from __future__ import annotations

# Canonical column -> aliases in order of preference (already normalised, see normalize_header).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "nip": ("nip", "nip baru", "nip 18", "nomor induk pegawai", "employee id", "employee number"),
    "nama": ("nama", "nama lengkap", "nama pegawai", "name", "full name", "employee name"),
    "telepon": (
        "telepon", "telp", "no telp", "no telepon", "nomor telepon", "hp", "no hp", "nomor hp",
        "nomor handphone", "handphone", "ponsel", "no wa", "nomor wa", "whatsapp", "phone",
        "phone number", "mobile", "mobile phone",
    ),
    "unit_kerja": (
        "unit kerja", "unit", "opd", "perangkat daerah", "unor induk nama", "unor induk",
        "unor nama", "unor", "satuan kerja", "satker", "instansi", "agency", "work unit",
        "department",
    ),
    "jabatan": (
        "jabatan", "nama jabatan", "jabatan nama", "jabatan saat ini", "position",
        "position title", "job title",
    ),
    "jenis_jabatan": (
        "jenis jabatan", "jenis jabatan nama", "jenis jabatan id", "position kind",
        "position type", "position category",
    ),
    "golongan": (
        "golongan", "gol", "golongan ruang", "gol ruang", "gol akhir nama", "gol akhir",
        "golongan akhir", "pangkat golongan", "rank", "grade",
    ),
    "pendidikan_tingkat": (
        "pendidikan tingkat", "tingkat pendidikan", "tingkat pendidikan nama", "pendidikan",
        "pendidikan terakhir", "jenjang pendidikan", "education level", "education",
    ),
    "pendidikan_jurusan": (
        "pendidikan jurusan", "jurusan", "program studi", "prodi", "pendidikan nama",
        "major", "education major", "field of study",
    ),
    "tmt_jabatan": ("tmt jabatan", "tmt jab", "position tmt", "position start", "position since"),
    "hukuman_disiplin": (
        "hukuman disiplin", "hukdis", "sedang hukuman disiplin", "disciplinary sanction",
        "sanction",
    ),
    "hukuman_tingkat": (
        "hukuman tingkat", "tingkat hukuman", "tingkat hukuman disiplin", "jenis hukuman",
        "sanction level",
    ),
    "hukuman_selesai": (
        "hukuman selesai", "akhir hukuman", "hukuman berakhir", "tanggal akhir hukuman",
        "sanction until", "sanction end",
    ),
    "dalam_pemeriksaan": (
        "dalam pemeriksaan", "sedang diperiksa", "pemeriksaan disiplin", "under examination",
    ),
    "tugas_belajar": ("tugas belajar", "tubel", "study leave", "on study leave"),
    "tugas_belajar_selesai": (
        "tugas belajar selesai", "akhir tugas belajar", "tubel selesai", "study leave until",
        "study leave end",
    ),
    "ikatan_dinas_selesai": (
        "ikatan dinas selesai", "akhir ikatan dinas", "ikatan dinas sampai", "service bond until",
        "service obligation until",
    ),
    "skp_tahun_lalu": ("skp tahun lalu", "predikat skp tahun lalu", "skp last year"),
    "skp_dua_tahun_lalu": (
        "skp dua tahun lalu", "predikat skp dua tahun lalu", "skp year before last",
    ),
    "keahlian": ("keahlian", "kompetensi", "skills", "skill", "expertise", "competencies"),
}  # fmt: skip

REQUIRED_COLUMNS: tuple[str, ...] = ("nip", "nama", "unit_kerja", "jabatan", "golongan")
ALL_COLUMNS: tuple[str, ...] = tuple(COLUMN_ALIASES)
