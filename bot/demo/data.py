"""The demo's own data: open positions of Kabupaten Sukamaju and the people who fit them.

The positions carry the requirements a BKPSDM would write (education level and majors,
rank range, duties). The *cast* of the walk-through is taken from the generated roster:
for each position, the first employee who truly qualifies for it (level, major, rank,
eligibility for a transfer) and works elsewhere — so what the bot recommends, warns
about and approves reads true.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from bot.roster.validation import EDUCATION_LEVELS, RANKS


@dataclass(frozen=True)
class DemoPosition:
    """One open position (formasi) of the demo."""

    code: str
    title: str
    unit: str
    skills: tuple[str, ...]
    level: str
    majors: tuple[str, ...]
    min_rank: str
    max_rank: str
    quota: int
    duties: str


POSITIONS = (
    DemoPosition(
        "SKM-001", "Pranata Komputer Ahli Pertama", "Dinas Komunikasi dan Informatika",
        ("Pengembangan aplikasi", "Jaringan komputer", "Keamanan informasi", "Basis data"),
        "S1", ("Teknik Informatika", "Sistem Informasi", "Manajemen Informatika",
               "Ilmu Komputer"),
        "III/a", "III/b", 2,
        "Membangun dan memelihara aplikasi layanan publik dan jaringan pemerintah daerah",
    ),
    DemoPosition(
        "SKM-002", "Arsiparis Ahli Pertama", "Sekretariat Daerah",
        ("Pengelolaan arsip", "Tata naskah dinas"),
        "S1", ("Kearsipan", "Ilmu Perpustakaan", "Administrasi Perkantoran"),
        "III/a", "III/b", 1, "Mengelola arsip dinamis dan statis serta tata naskah dinas",
    ),
    DemoPosition(
        "SKM-003", "Analis Kepegawaian Ahli Pertama", "Badan Kepegawaian dan Pengembangan SDM",
        ("Manajemen kepegawaian", "SIASN", "Analisis jabatan"),
        "S1", ("Administrasi Negara", "Manajemen", "Psikologi", "Ilmu Hukum"),
        "III/a", "III/b", 1, "Menganalisis kebutuhan dan mutasi pegawai, mengelola data SIASN",
    ),
    DemoPosition(
        "SKM-004", "Perencana Ahli Pertama", "Badan Perencanaan Pembangunan Daerah",
        ("Perencanaan pembangunan", "Analisis data statistik", "Monitoring dan evaluasi"),
        "S1", ("Perencanaan Wilayah dan Kota", "Ekonomi Pembangunan", "Statistika"),
        "III/a", "III/b", 1, "Menyusun rencana kerja dan memantau program pembangunan daerah",
    ),
    DemoPosition(
        "SKM-005", "Nutrisionis Ahli Pertama", "RSUD Dr. H. Soemarno",
        ("Gizi masyarakat", "Promosi kesehatan"),
        "D4", ("Gizi", "Kesehatan Masyarakat"),
        "III/a", "III/b", 1, "Menyusun dan mengawasi pelayanan gizi pasien rumah sakit",
    ),
)  # fmt: skip
POSITION_COLUMNS = (
    "position_id", "title", "unit", "required_skills", "education_level", "education_fields",
    "min_golongan", "max_golongan", "quota", "main_duties",
)  # fmt: skip


def _csv(header: tuple[str, ...], rows: list[tuple[object, ...]]) -> bytes:
    """UTF-8 CSV bytes of ``rows`` under ``header``."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def positions_csv() -> bytes:
    """The demo's open positions (jabatan lowong) as a CSV file HR would send."""
    return _csv(
        POSITION_COLUMNS,
        [
            (p.code, p.title, p.unit, "; ".join(p.skills), p.level, "; ".join(p.majors),
             p.min_rank, p.max_rank, p.quota, p.duties)
            for p in POSITIONS
        ],
    )  # fmt: skip


def _years_since(day: str, today: date) -> float:
    """Years between an ISO date and ``today``."""
    return (today - date.fromisoformat(day)).days / 365.25


def qualifies(row: dict[str, str], position: DemoPosition, today: date) -> bool:
    """True when ``row`` meets the position's requirements and may be transferred now."""
    level = row["pendidikan_tingkat"]
    rank = RANKS.index(row["golongan"])
    return (
        row["unit_kerja"] != position.unit
        and EDUCATION_LEVELS.index(level) >= EDUCATION_LEVELS.index(position.level)
        and row["pendidikan_jurusan"] in position.majors
        and RANKS.index(position.min_rank) <= rank <= RANKS.index(position.max_rank)
        and row["hukuman_disiplin"] == "tidak"
        and row["tugas_belajar"] == "tidak"
        and _years_since(row["tmt_jabatan"], today) >= 2.1
    )


def pick_cast(rows: list[dict[str, str]], today: date) -> list[int]:
    """Row indexes: per position the first qualified employee, then everyone else in order."""
    cast: list[int] = []
    for position in POSITIONS:
        found = next(
            (i for i, r in enumerate(rows) if i not in cast and qualifies(r, position, today)),
            None,
        )
        if found is not None:
            cast.append(found)
    return cast + [i for i in range(len(rows)) if i not in cast]


def moves_csv(
    nips: list[str], positions: tuple[DemoPosition, ...], tmt: date, reasons: list[str]
) -> bytes:
    """A moves file: one line per NIP, to the position and for the reason at its place."""
    rows: list[tuple[object, ...]] = [
        (nip, position.code, tmt.strftime("%d-%m-%Y"), reason)
        for nip, position, reason in zip(nips, positions, reasons, strict=True)
    ]
    return _csv(("nip", "kode_formasi", "tmt", "alasan"), rows)


def window_name(start: date) -> str:
    """A window name that matches its dates: the month and year it opens."""
    return "Penjaringan Aspirasi Mutasi " + format_date(start, "MMMM y", locale="id")
