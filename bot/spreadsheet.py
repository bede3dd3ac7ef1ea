"""The one writer of XLSX and CSV files: every export goes through it (formula-safe).

Text typed by employees or HR (reasons, notes, unit names, comments, audit details) may start
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return; a spreadsheet program would run
such a cell as a formula (CSV/formula injection). Here such a cell is stored as text: in XLSX
with the string type and Excel's quote prefix, in CSV behind a leading apostrophe. Characters
that XLSX cannot hold are dropped, and timezone-aware timestamps are written as text.
``tests/test_spreadsheet.py`` fails when an export builds a workbook or CSV anywhere else.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_AUTO_WIDTH = 60


class Sheet(NamedTuple):
    """One worksheet: a title, a bold header row, the rows, optional fixed column widths."""

    title: str
    header: Sequence[object]
    rows: Iterable[Sequence[object]]
    widths: Sequence[int] | None = None  # None: fit to the content (capped)
    freeze_header: bool = True


def is_risky(value: object) -> bool:
    """True for text a spreadsheet program would read as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: object) -> object:
    """A CSV cell: risky text behind an apostrophe, everything else unchanged."""
    return "'" + value if isinstance(value, str) and is_risky(value) else value


def xlsx_value(value: object) -> object:
    """A value openpyxl can store: plain scalars as they are, anything else as text."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # lazily: only needed for XLSX

    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, datetime | time) and value.tzinfo is not None:
        return value.isoformat()
    if isinstance(value, date | time):
        return value
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def write_xlsx(sheets: Sequence[Sheet]) -> bytes:
    """A workbook with one worksheet per sheet; returns the XLSX bytes."""
    from openpyxl import Workbook  # imported lazily: keeps the CLI start fast

    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for sheet in sheets:
        _fill(book.create_sheet(sheet.title[:31]), sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill(ws: Worksheet, sheet: Sheet) -> None:
    """Write the header (bold) and the rows of ``sheet`` into the worksheet ``ws``."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    bold = Font(bold=True)
    for r, row in enumerate([sheet.header, *sheet.rows], start=1):
        for c, raw in enumerate(row, start=1):
            value = xlsx_value(raw)
            cell = ws.cell(row=r, column=c, value=value)
            if is_risky(value):
                cell.data_type = "s"  # never a formula
                cell.quotePrefix = True
            if r == 1:
                cell.font = bold
            widths[c] = max(widths.get(c, 0), len(str(value if value is not None else "")))
    for c, width in widths.items():
        fixed = sheet.widths[c - 1] if sheet.widths and c <= len(sheet.widths) else None
        auto = min(MAX_AUTO_WIDTH, max(10, width + 2))
        ws.column_dimensions[get_column_letter(c)].width = fixed or auto
    if sheet.freeze_header:
        ws.freeze_panes = "A2"


def write_csv(header: Sequence[object], rows: Iterable[Sequence[object]]) -> bytes:
    """CSV in UTF-8 with a BOM (so spreadsheet programs read it right), formula-safe."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([csv_cell(v) for v in header])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue().encode("utf-8-sig")
