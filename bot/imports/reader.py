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

CSV_EXTENSIONS = (".csv", ".txt")
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


def read_table(data: bytes, filename: str) -> Table:
    """Read CSV or XLSX ``data``; the format is chosen by the extension of ``filename``."""
    ext = Path(filename).suffix.lower()
    if ext in CSV_EXTENSIONS:
        grid = _csv_rows(data)
    elif ext in XLSX_EXTENSIONS:
        grid = _xlsx_rows(data)
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


def _csv_rows(data: bytes) -> list[list[str]]:
    """Parse CSV bytes into rows of stripped strings."""
    if b"\x00" in data[:4096]:
        raise FileError("import.file.unreadable", reason="binary")
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    try:
        return [[cell.strip() for cell in row] for row in reader]
    except csv.Error as exc:
        raise FileError("import.file.unreadable", reason=str(exc)) from exc


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


def _xlsx_rows(data: bytes) -> list[list[str]]:
    """Read the first sheet of an XLSX workbook into rows of strings."""
    from openpyxl import load_workbook  # imported lazily: only needed for XLSX
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise FileError("import.file.unreadable", reason=type(exc).__name__) from exc
    try:
        if not workbook.worksheets:
            raise FileError("import.file.empty")
        sheet = workbook.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
