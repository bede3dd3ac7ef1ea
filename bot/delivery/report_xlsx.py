"""The XLSX export of one broadcast's delivery figures and failures (pure, openpyxl)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from io import BytesIO

from openpyxl import Workbook

Label = Callable[[str], str]
FailureRow = tuple[int, str | None, str, str | None, int]


def build_report(
    label: Label, figures: Sequence[tuple[str, object]], failures: Sequence[FailureRow]
) -> bytes:
    """Two sheets: the figures, then one line per recipient not delivered."""
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = label("bc.xlsx_summary")[:31]
    summary.append([label("bc.xlsx_figure"), label("bc.xlsx_value")])
    for name, value in figures:
        summary.append([name, value])
    sheet = book.create_sheet(label("bc.xlsx_failures")[:31])
    sheet.append(
        [
            label("bc.xlsx_chat"),
            label("bc.xlsx_name"),
            label("bc.xlsx_status"),
            label("bc.xlsx_reason"),
            label("bc.xlsx_attempts"),
        ]
    )
    for chat_id, person, status, error, attempts in failures:
        sheet.append([chat_id, person or "", status, error or "", attempts])
    out = BytesIO()
    book.save(out)
    return out.getvalue()
