"""Roster header recognition: canonical column names and their accepted aliases.

Headers match in any case, order and spacing (``NIP_BARU`` = ``nip baru`` = ``Nip-Baru``).
When several headers map to one column (a SIASN export has both ``UNOR NAMA`` and
``UNOR INDUK NAMA``), the alias listed first wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    "tugas_belajar": ("tugas belajar", "tubel", "study leave", "on study leave"),
    "keahlian": ("keahlian", "kompetensi", "skills", "skill", "expertise", "competencies"),
}  # fmt: skip

REQUIRED_COLUMNS: tuple[str, ...] = ("nip", "nama", "unit_kerja", "jabatan", "golongan")
ALL_COLUMNS: tuple[str, ...] = tuple(COLUMN_ALIASES)

_SEPARATORS_RE = re.compile(r"[\s_\-.:/]+")


def normalize_header(header: object) -> str:
    """Lower-case a header and turn runs of spaces, ``_``, ``-``, ``.`` into one space."""
    text = str(header or "").replace("\ufeff", "").strip().lower()
    return _SEPARATORS_RE.sub(" ", text).strip()


@dataclass(slots=True)
class ColumnMap:
    """Where each recognised column sits in a header row."""

    index: dict[str, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # required columns not found
    ignored: list[str] = field(default_factory=list)  # headers that matched nothing


def map_headers(
    headers: list[str],
    aliases: dict[str, tuple[str, ...]] = COLUMN_ALIASES,
    required: tuple[str, ...] = REQUIRED_COLUMNS,
) -> ColumnMap:
    """Match a header row to canonical columns (roster ones unless ``aliases`` is given)."""
    positions: dict[str, int] = {}
    for i, header in enumerate(headers):
        key = normalize_header(header)
        if key and key not in positions:
            positions[key] = i
    result = ColumnMap()
    used: set[int] = set()
    for column, names in aliases.items():
        for alias in names:
            pos = positions.get(alias)
            if pos is not None and pos not in used:
                result.index[column] = pos
                used.add(pos)
                break
    result.missing = [c for c in required if c not in result.index]
    result.ignored = [h for i, h in enumerate(headers) if i not in used and str(h).strip()]
    return result
