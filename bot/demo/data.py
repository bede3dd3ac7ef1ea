"""Small demo files for the walk-through: open positions of Kabupaten Sukamaju."""

from __future__ import annotations

HEADER = (
    "position_id,title,unit,required_skills,education_level,education_fields,"
    "min_golongan,max_golongan,quota\n"
)
POSITIONS = (
    "SKM-001,Pranata Komputer Ahli Pertama,Dinas Komunikasi dan Informatika,"
    "Pengembangan aplikasi; Jaringan komputer; Teknologi informasi,SMA,,II/a,IV/e,2\n"
    "SKM-002,Arsiparis Ahli Pertama,Dinas Kesehatan,"
    "Pengelolaan arsip; Tata naskah dinas,SMA,,II/a,IV/e,1\n"
    "SKM-003,Analis Kepegawaian Ahli Muda,Badan Kepegawaian dan Pengembangan SDM,"
    "Manajemen kepegawaian; SIASN; Analisis jabatan,S1,,III/c,IV/b,1\n"
)


def positions_csv() -> bytes:
    """The demo's open positions (formasi) as a CSV file."""
    return (HEADER + POSITIONS).encode()
