"""Export rows and summary counts of a window's aspirations (XLSX and CSV, Indonesian headers)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.aspirations.labels import kind_label, problems_short, reason_label, status_label
from bot.aspirations.rules import MAX_PREFERENCES
from bot.spreadsheet import Sheet, write_csv, write_xlsx
from storage.types import ExportRecord

EXPORT_LOCALE = "id"


def headers() -> list[str]:
    """The readable Indonesian column headers, in order."""
    cols = [
        "No. Referensi",
        "Periode",
        "NIP",
        "Nama",
        "Unit Kerja Saat Ini",
        "Jabatan Saat Ini",
        "Golongan",
        "Jenis Mutasi",
    ]
    for n in range(1, MAX_PREFERENCES + 1):
        cols += [f"Pilihan {n} - Unit Kerja", f"Pilihan {n} - Jabatan"]
    cols += [
        "Kategori Alasan",
        "Alasan",
        "Bersedia Pindah Kota",
        "Catatan Pindah Kota",
        "Memenuhi Syarat",
        "Catatan Syarat",
        "Status",
        "Catatan BKPSDM",
        "Diajukan Pada",
        "Diperbarui Pada",
    ]
    return cols


def _when(value: datetime | None, tz: ZoneInfo) -> str:
    """A local timestamp or empty."""
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M") if value else ""


def to_row(rec: ExportRecord, tz: ZoneInfo) -> list[str]:
    """One record as the cells of the export."""
    loc = EXPORT_LOCALE
    row = [
        rec.reference,
        rec.window,
        rec.nip,
        rec.name,
        rec.unit,
        rec.position,
        rec.rank,
        kind_label(loc, rec.kind),
    ]
    for n in range(MAX_PREFERENCES):
        pref = rec.prefs[n] if n < len(rec.prefs) else {}
        row += [str(pref.get("unit") or ""), str(pref.get("position") or "")]
    row += [
        reason_label(loc, rec.reason_cat),
        rec.reason_text,
        "Ya" if rec.relocate else "Tidak",
        rec.relocate_note,
        "Ya" if rec.eligible else "Tidak",
        problems_short(loc, rec.problems, "; "),
        status_label(loc, rec.status),
        rec.hr_note,
        _when(rec.submitted_at, tz),
        _when(rec.updated_at, tz),
    ]
    return row


def to_xlsx(records: Iterable[ExportRecord], tz: ZoneInfo) -> bytes:
    """An XLSX workbook with one header row and one row per aspiration."""
    rows = [to_row(rec, tz) for rec in records]
    return write_xlsx([Sheet("Aspirasi Mutasi", headers(), rows)])


def to_csv(records: Iterable[ExportRecord], tz: ZoneInfo) -> bytes:
    """CSV (UTF-8 with BOM so spreadsheet programs read it right) with the same columns."""
    return write_csv(headers(), (to_row(rec, tz) for rec in records))


@dataclass(frozen=True)
class Summary:
    """Counts of a window's aspirations by unit, kind, status and reason."""

    total: int
    by_unit: list[tuple[str, int]]
    by_target: list[tuple[str, int]]
    by_kind: list[tuple[str, int]]
    by_status: list[tuple[str, int]]
    by_reason: list[tuple[str, int]]
    not_eligible: int


def summarize(items: Sequence[dict[str, Any]]) -> Summary:
    """Count ``items`` (dicts: unit, target, kind, status, reason_cat, eligible), largest first."""

    def ranked(key: str) -> list[tuple[str, int]]:
        """Counts of one field, most frequent first then alphabetical."""
        counts = Counter(str(i.get(key) or "-") for i in items)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    return Summary(
        total=len(items),
        by_unit=ranked("unit"),
        by_target=ranked("target"),
        by_kind=ranked("kind"),
        by_status=ranked("status"),
        by_reason=ranked("reason_cat"),
        not_eligible=sum(1 for i in items if not i.get("eligible", True)),
    )
