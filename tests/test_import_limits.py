"""Hostile import files: a workbook declaring a huge sheet, too many lines, XML bombs."""

from __future__ import annotations

import io
import resource
import zipfile

import openpyxl
import pytest

from bot.imports.reader import FileError, read_table


def _far_cell_workbook() -> bytes:
    """A tiny XLSX whose one far cell makes the sheet span A1:XFD1048576."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["nip", "nama"])
    sheet.append(["199003152015031001", "Andi"])
    sheet["XFD1048576"] = "x"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_far_cell_workbook_is_refused_without_building_the_grid() -> None:
    """The 'one far cell' bomb ends in a clear error, with memory use kept small."""
    data = _far_cell_workbook()
    assert len(data) < 20_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(FileError) as caught:
        read_table(data, "bomb.xlsx", max_rows=1000)
    assert caught.value.key == "import.file.too_many_rows"
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 200_000  # the old reader built a 16384-column grid: gigabytes


def test_rows_are_only_as_wide_as_the_header() -> None:
    """Cells right of the header's last column are ignored, not read."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["nip", "nama"])
    sheet.append(["1", "A", "extra"])
    sheet["ZZ2"] = "far"
    out = io.BytesIO()
    book.save(out)
    table = read_table(out.getvalue(), "wide.xlsx")
    assert table.header == ["nip", "nama"]
    assert table.rows == [(2, ["1", "A"])]


@pytest.mark.parametrize("lines", [10, 11])
def test_csv_row_limit(lines: int) -> None:
    """A CSV with more lines than the limit is refused with the limit in the message."""
    data = ("nip,nama\n" + "1,A\n" * (lines - 1)).encode()
    if lines <= 10:
        assert len(read_table(data, "x.csv", max_rows=10).rows) == lines - 1
    else:
        with pytest.raises(FileError) as caught:
            read_table(data, "x.csv", max_rows=10)
        assert caught.value.params == {"limit": 10}


def test_xml_entity_bomb_is_refused() -> None:
    """An XLSX whose sheet XML declares entities is refused (defusedxml), not expanded."""
    good = io.BytesIO()
    book = openpyxl.Workbook()
    book.active.append(["nip"])  # type: ignore[union-attr]
    book.save(good)
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(good, "r") as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = bomb.encode()
            dst.writestr(item, content)
    with pytest.raises(FileError):
        read_table(out.getvalue(), "bomb.xlsx")
