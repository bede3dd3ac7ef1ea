"""The XLSX export of one broadcast's delivery figures and failures (pure, bot.spreadsheet)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.spreadsheet import Sheet, write_xlsx

Label = Callable[[str], str]
FailureRow = tuple[int, str | None, str, str | None, int]


def build_report(
    label: Label, figures: Sequence[tuple[str, object]], failures: Sequence[FailureRow]
) -> bytes:
    """Two sheets: the figures, then one line per recipient not delivered."""
    summary = Sheet(
        label("bc.xlsx_summary"), [label("bc.xlsx_figure"), label("bc.xlsx_value")], figures
    )
    header = [
        label("bc.xlsx_chat"),
        label("bc.xlsx_name"),
        label("bc.xlsx_status"),
        label("bc.xlsx_reason"),
        label("bc.xlsx_attempts"),
    ]
    rows = [
        [chat_id, person or "", status, error or "", attempts]
        for chat_id, person, status, error, attempts in failures
    ]
    return write_xlsx([summary, Sheet(label("bc.xlsx_failures"), header, rows)])
