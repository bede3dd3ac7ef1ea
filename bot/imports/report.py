"""What an import did: counts, line-numbered errors and warnings, as text keys (never text).

Every import kind returns one :class:`ImportReport`; ``bot.imports.render`` turns it into
the chat or CLI text. A :class:`RowError` names its spreadsheet line (the header is line 1),
the canonical column ("" for the line as a whole) and the locale key of its message.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class TextRef:
    """A message as a locale key and its parameters, rendered later in the user's language."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RowError:
    """Why one line was rejected (or, as a warning, accepted with a remark)."""

    line: int
    column: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


def distinct_lines(errors: Iterable[RowError]) -> int:
    """Number of distinct lines among ``errors``."""
    return len({e.line for e in errors})


@dataclass(slots=True)
class ImportReport:
    """The outcome of one import; ``applied`` is True only when rows were written."""

    kind: str
    read: int = 0  # data lines read (the header and empty lines not counted)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0  # full roster: stored records absent from the file
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)
    target: TextRef | None = None  # what the rows went into (moves: the plan)
    refused: TextRef | None = None  # why the import could not run at all
    partial: bool = False
    dry_run: bool = False
    full: bool = False
    applied: bool = False

    @property
    def skipped(self) -> int:
        """Number of distinct rejected lines."""
        return distinct_lines(self.errors)

    @property
    def may_write(self) -> bool:
        """All-or-nothing: write only with every column present and no error, unless partial."""
        return (
            not self.missing_columns and self.refused is None and (self.partial or not self.errors)
        )

    @property
    def offers_partial(self) -> bool:
        """True when importing only the valid lines is a choice worth offering."""
        return bool(self.errors) and not self.applied and self.refused is None

    def counts(self) -> dict[str, int]:
        """The counts by name (also the parameters of the summary texts)."""
        return {
            "read": self.read,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "deactivated": self.deactivated,
        }
