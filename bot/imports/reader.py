"""Read an import file (CSV or XLSX) into a header and string rows with their line numbers.

Line numbers are 1-based spreadsheet rows: the header is line 1. Fully empty rows are
skipped but keep their number. Unreadable input raises :class:`FileError` whose ``key`` is
the locale key of its message (``import.file.*``).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

CSV_EXTENSIONS = (".csv", ".txt")
MAX_ROWS = 100_000  # lines read at most (IMPORT_MAX_ROWS); a longer file is refused
MAX_COLUMNS = 256  # cells of the header row looked at; data rows stop at the header's width
HEADER_SEARCH_ROWS = 20
XLSX_EXTENSIONS = (".xlsx", ".xlsm")
_DELIMITERS = (",", ";", "\t", "|")


class FileError(ValueError):
    """A file that cannot be read as a table; ``key`` and ``params`` make its message."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(slots=True)
class Table:
    """A header row and the data rows (line number, cells as stripped strings)."""

    header: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)


def read_path(path: str | Path) -> bytes:
    """The bytes of a file on disk (``FileError`` when it cannot be read)."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise FileError("import.file.unreadable", reason=reason) from exc


def read_table(data: bytes, filename: str, max_rows: int = MAX_ROWS) -> Table:
    """Read CSV or XLSX ``data``; the format is chosen by the extension of ``filename``.

    At most ``max_rows`` lines are read (``FileError`` beyond), and XLSX rows only as wide
    as the header, so a small workbook declaring a huge sheet cannot exhaust memory.
    """
    ext = Path(filename).suffix.lower()
    if ext in CSV_EXTENSIONS:
        grid = _csv_rows(data, max_rows)
    elif ext in XLSX_EXTENSIONS:
        grid = _xlsx_rows(data, max_rows)
    else:
        raise FileError("import.file.type", ext=ext or filename)
    return _to_table(grid)


def _to_table(grid: list[list[str]]) -> Table:
    """Take the first non-empty row as the header and keep the rest with line numbers."""
    table: Table | None = None
    for line, cells in enumerate(grid, start=1):
        if not any(cells):
            continue
        if table is None:
            table = Table(header=cells)
        else:
            table.rows.append((line, cells))
    if table is None:
        raise FileError("import.file.empty")
    return table


def _decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), falling back to Windows-1252 as Excel writes it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise FileError("import.file.encoding") from exc


def _sniff_delimiter(text: str) -> str:
    """The delimiter used most often in the first line (comma when none)."""
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(data: bytes, max_rows: int) -> list[list[str]]:
    """Parse CSV bytes into rows of stripped strings (at most ``max_rows`` lines)."""
    if b"\x00" in data[:4096]:
        raise FileError("import.file.unreadable", reason="binary")
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    rows: list[list[str]] = []
    try:
        for row in reader:
            if len(rows) >= max_rows:
                raise FileError("import.file.too_many_rows", limit=max_rows)
            rows.append([cell.strip() for cell in row[:MAX_COLUMNS]])
    except csv.Error as exc:
        raise FileError("import.file.unreadable", reason=str(exc)) from exc
    return rows


def _cell_text(value: object) -> str:
    """An XLSX cell as text: dates as ISO, whole floats without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _xlsx_rows(data: bytes, max_rows: int) -> list[list[str]]:
    """Read the first sheet of an XLSX workbook into rows of strings (bounded, see above)."""
    from openpyxl import load_workbook  # imported lazily: only needed for XLSX
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise FileError("import.file.unreadable", reason=type(exc).__name__) from exc
    try:
        if not workbook.worksheets:
            raise FileError("import.file.empty")
        return _bounded_rows(workbook.worksheets[0], max_rows)
    finally:
        workbook.close()


def _bounded_rows(sheet: Any, max_rows: int) -> list[list[str]]:
    """Rows up to the header's last filled column, refusing more than ``max_rows`` lines.

    The sheet's declared dimension is never trusted: rows are read lazily, the header
    decides the width, and reading stops at the row limit.
    """
    width = 0
    for row in sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, max_col=MAX_COLUMNS, values_only=True):
        cells = [_cell_text(v) for v in row]
        if any(cells):
            width = max(i for i, c in enumerate(cells) if c) + 1
            break
    if width == 0:
        return []
    rows: list[list[str]] = []
    for row in sheet.iter_rows(max_col=width, values_only=True):
        if len(rows) >= max_rows:
            raise FileError("import.file.too_many_rows", limit=max_rows)
        rows.append([_cell_text(v) for v in row])
    return rows
