"""Dates of plans as lists and cards show them: ``31-12-2026`` (typed dates: bot.i18n)."""

from __future__ import annotations

from datetime import date

from bot.i18n.dates import format_date


def fmt_date(value: date | None) -> str:
    """A date as ``31-12-2026`` ("-" when missing), the short form of every locale."""
    return format_date(value, None, "short") if value else "-"
