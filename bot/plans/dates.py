"""Dates of plans as HR types and reads them: ``DD-MM-YYYY`` (also ``/`` or ``.``, or ISO)."""

from __future__ import annotations

from datetime import date


def parse_local_date(text: str) -> date | None:
    """A date typed as DD-MM-YYYY (or DD/MM/YYYY, or ISO); None when invalid."""
    text = text.strip().replace("/", "-").replace(".", "-")
    parts = text.split("-")
    try:
        if len(parts) == 3 and len(parts[0]) == 4:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        if len(parts) == 3:
            return date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        return None
    return None


def fmt_date(value: date | None) -> str:
    """A date as DD-MM-YYYY ("-" when missing)."""
    return value.strftime("%d-%m-%Y") if value else "-"
