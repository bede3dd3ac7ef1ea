"""XLSX workbooks for HR (plans, consultation answers, audit trail, workload)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Font

Sheet = tuple[str, Sequence[str], Sequence[Sequence[object]]]


def workbook(sheets: Sequence[Sheet]) -> bytes:
    """One workbook with a bold header row per sheet; returns the XLSX bytes."""
    book = Workbook()
    first = True
    for title, header, rows in sheets:
        ws = book.active if first else book.create_sheet()
        assert ws is not None
        first = False
        ws.title = title[:31]
        ws.append(list(header))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append([_cell(v) for v in row])
        for column in ws.columns:
            width = max(len(str(c.value or "")) for c in column)
            ws.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(value: object) -> object:
    """Values openpyxl accepts as they are; anything else as text."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "tzinfo") and getattr(value, "tzinfo", None) is not None:
        return str(value)
    return value if hasattr(value, "isoformat") else str(value)
