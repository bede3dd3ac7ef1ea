"""The one renderer of import reports, shared by the chat upload and ``asn-bot import``.

Plain text (no HTML), from locale keys, in the order: dry-run note, target, outcome,
rejected lines, warnings.
"""

from __future__ import annotations

from bot.imports.reader import FileError
from bot.imports.registry import get_kind
from bot.imports.report import ImportReport, RowError, TextRef
from bot.texts import t


def _text(ref: TextRef, locale: str | None) -> str:
    """A message reference in ``locale``."""
    return t(locale, ref.key, **ref.params)


def row_text(error: RowError, locale: str | None) -> str:
    """One line such as "Baris 22: NIP harus 18 digit (ditemukan 14)"."""
    reason = t(locale, error.key, **error.params)
    return t(locale, "import.report.line", line=error.line, reason=reason)


def warning_text(warning: RowError, locale: str | None) -> str:
    """One accepted line with its warning ("Baris 6: diimpor dengan peringatan: …")."""
    reason = t(locale, "import.report.warned", warning=t(locale, warning.key, **warning.params))
    return t(locale, "import.report.line", line=warning.line, reason=reason)


def _outcome(report: ImportReport, locale: str | None) -> list[str]:
    """The summary lines: refused, missing columns, applied (and skipped) or not applied."""
    if report.refused is not None:
        return [_text(report.refused, locale)]
    if report.missing_columns:
        columns = ", ".join(report.missing_columns)
        return [t(locale, "import.report.missing_columns", columns=columns)]
    if not report.applied:
        return [t(locale, "import.report.not_applied", count=report.skipped)]
    params = {**report.counts(), **(report.target.params if report.target else {})}
    lines = [t(locale, get_kind(report.kind).report, **params)]
    if report.full:
        lines.append(t(locale, "import.report.deactivated", count=report.deactivated))
    if report.errors:
        lines.append(t(locale, "import.report.skipped", count=report.skipped))
    return lines


def render_report(report: ImportReport, locale: str | None, *, max_lines: int | None = None) -> str:
    """The report as text; at most ``max_lines`` rejected lines are listed."""
    parts = [t(locale, "import.report.dry_run")] if report.dry_run else []
    if report.target is not None:
        parts.append(_text(report.target, locale))
    parts.extend(_outcome(report, locale))
    shown = report.errors if max_lines is None else report.errors[:max_lines]
    parts.extend(row_text(e, locale) for e in shown)
    if len(shown) < len(report.errors):
        parts.append(t(locale, "import.report.more", count=len(report.errors) - len(shown)))
    if report.warnings:
        parts.append(t(locale, "import.report.warnings", count=len(report.warnings)))
        parts.extend(warning_text(w, locale) for w in report.warnings)
    return "\n".join(parts)


def render_file_error(error: FileError, locale: str | None) -> str:
    """The message of a file that could not be read at all."""
    return t(locale, error.key, **error.params)
