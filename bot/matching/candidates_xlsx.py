"""The candidate list of one position as an XLSX workbook (readable headers, one row each)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.matching.service import Match
from bot.spreadsheet import Sheet, write_xlsx
from bot.texts import t

HEADER_KEYS = (
    "match.xlsx.nip",
    "match.xlsx.name",
    "match.xlsx.unit",
    "match.xlsx.position",
    "match.xlsx.rank",
    "match.xlsx.education",
    "match.xlsx.score",
    "match.xlsx.matched",
    "match.xlsx.missing",
)
WIDTHS = (22, 30, 34, 34, 10, 24, 8, 40, 40)


def candidates_workbook(matches: Sequence[Match], locale: str | None) -> bytes:
    """An XLSX file with the header row and one row per candidate, best first."""
    rows = []
    for m in matches:
        emp = m.employee
        education = " ".join(p for p in (emp.education_level, emp.education_field) if p)
        rows.append(
            [
                emp.nip, emp.name, emp.unit, emp.position, emp.golongan, education,
                round(m.score, 3), ", ".join(m.explanation.matched),
                ", ".join(m.explanation.missing),
            ]
        )  # fmt: skip
    header = [t(locale, key) for key in HEADER_KEYS]
    return write_xlsx([Sheet(t(locale, "match.xlsx.sheet"), header, rows, WIDTHS)])
