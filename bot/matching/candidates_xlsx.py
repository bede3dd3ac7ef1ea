"""The candidate list of one position as an XLSX workbook (readable headers, one row each)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Font

from bot.matching.service import Match
from bot.texts import t

COLUMNS = ("nip", "name", "unit", "position", "rank", "education", "score", "matched", "missing")
WIDTHS = (22, 30, 34, 34, 10, 24, 8, 40, 40)


def candidates_workbook(matches: Sequence[Match], locale: str | None) -> bytes:
    """An XLSX file with the header row and one row per candidate, best first."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t(locale, "match.xlsx.sheet")[:31]
    sheet.append([t(locale, "match.xlsx", column=c) for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for m in matches:
        emp = m.employee
        education = " ".join(p for p in (emp.education_level, emp.education_field) if p)
        sheet.append(
            [
                emp.nip, emp.name, emp.unit, emp.position, emp.golongan, education,
                round(m.score, 3), ", ".join(m.explanation.matched),
                ", ".join(m.explanation.missing),
            ]
        )  # fmt: skip
    for letter, width in zip("ABCDEFGHI", WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
