"""Read positions/employees in the matching-dev CSV format and write predictions."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from bot.matching.profiles import EmployeeProfile, PositionSpec


def split_list(cell: str | None) -> tuple[str, ...]:
    """Items of a ``;``-separated cell, stripped, empty ones dropped."""
    return tuple(s for s in (p.strip() for p in (cell or "").split(";")) if s)


def position_from_row(row: dict[str, str]) -> PositionSpec:
    """A PositionSpec from one CSV row (matching-dev columns); no validation."""
    quota = (row.get("quota") or "").strip()
    return PositionSpec(
        position_id=(row.get("position_id") or "").strip(),
        title=(row.get("title") or "").strip(),
        unit=(row.get("unit") or "").strip(),
        required_skills=row.get("required_skills") or "",
        education_level=(row.get("education_level") or "").strip(),
        education_fields=split_list(row.get("education_fields")),
        min_golongan=(row.get("min_golongan") or "").strip(),
        max_golongan=(row.get("max_golongan") or "").strip(),
        quota=int(quota) if quota.isdigit() else 1,
    )


def read_positions_csv(path: str | Path) -> list[PositionSpec]:
    """All positions of a CSV file in the matching-dev format."""
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return [position_from_row(r) for r in csv.DictReader(fh)]


def read_employees_csv(path: str | Path) -> list[EmployeeProfile]:
    """All employees of a CSV file in the matching-dev format."""
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return [
            EmployeeProfile(
                nip=(r.get("nip") or "").strip(),
                name=(r.get("name") or "").strip(),
                unit=(r.get("unit") or "").strip(),
                position=(r.get("position") or "").strip(),
                golongan=(r.get("golongan") or "").strip(),
                education_level=(r.get("education_level") or "").strip(),
                education_field=(r.get("education_field") or "").strip(),
                skills_text=r.get("skills_text") or "",
            )
            for r in csv.DictReader(fh)
        ]


def write_predictions(path: str | Path, rows: Iterable[tuple[str, str, int, float]]) -> int:
    """Write ``nip,position_id,rank,score`` rows; returns the number of rows written."""
    rows = list(rows)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["nip", "position_id", "rank", "score"])
        writer.writerows(rows)
    return len(rows)
