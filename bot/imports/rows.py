"""Header matching and the validate-every-line loop shared by the import kinds.

Headers match in any case, order and spacing (``NIP_BARU`` = ``nip baru`` = ``Nip-Baru``);
when several headers map to one column the alias listed first wins. Every line is
validated on its own and all its errors are kept; a repeated key (NIP, position code)
rejects the later line and names the first one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from bot.imports.reader import Table
from bot.imports.report import RowError
from bot.roster.validation import RosterError

R = TypeVar("R")
LineResult = tuple[R | None, list[RowError]]

_SEPARATORS_RE = re.compile(r"[\s_\-.:/]+")


def normalize_header(header: object) -> str:
    """Lower-case a header and turn runs of spaces, ``_``, ``-``, ``.`` into one space."""
    text = str(header or "").replace("\ufeff", "").strip().lower()
    return _SEPARATORS_RE.sub(" ", text).strip()


@dataclass(slots=True)
class ColumnMap:
    """Where each recognised column sits in a header row."""

    index: dict[str, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # required columns not found
    ignored: list[str] = field(default_factory=list)  # headers that matched nothing


def map_headers(
    headers: list[str], aliases: Mapping[str, tuple[str, ...]], required: tuple[str, ...]
) -> ColumnMap:
    """Match a header row to canonical columns; aliases are written as ``normalize_header``."""
    positions: dict[str, int] = {}
    for i, header in enumerate(headers):
        key = normalize_header(header)
        if key and key not in positions:
            positions[key] = i
    result = ColumnMap()
    used: set[int] = set()
    for column, names in aliases.items():
        for alias in names:
            pos = positions.get(normalize_header(alias))
            if pos is not None and pos not in used:
                result.index[column] = pos
                used.add(pos)
                break
    result.missing = [c for c in required if c not in result.index]
    result.ignored = [h for i, h in enumerate(headers) if i not in used and str(h).strip()]
    return result


@dataclass(slots=True)
class Validated(Generic[R]):
    """Valid records and the errors of rejected lines, in file order."""

    records: list[R] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)
    read: int = 0


def validate_rows(
    table: Table,
    columns: ColumnMap,
    parse_line: Callable[[int, dict[str, str]], LineResult[R]],
    *,
    key: Callable[[R], str],
    duplicate: Callable[[int, str, int], RowError],
) -> Validated[R]:
    """Validate each line with ``parse_line``; a repeated ``key`` is ``duplicate``."""
    result: Validated[R] = Validated(missing_columns=list(columns.missing), read=len(table.rows))
    if columns.missing:
        return result
    first_line_of: dict[str, int] = {}
    for line, cells in table.rows:
        values = {
            name: (cells[pos] if pos < len(cells) else "") for name, pos in columns.index.items()
        }
        row, errors = parse_line(line, values)
        if row is not None and key(row) in first_line_of:
            errors.append(duplicate(line, key(row), first_line_of[key(row)]))
            row = None
        if row is None:
            result.errors.extend(errors)
        else:
            first_line_of[key(row)] = line
            result.records.append(row)
    return result


class CellChecks:
    """Runs the checks of one line's cells and keeps every rejection as a ``RowError``."""

    def __init__(self, line: int) -> None:
        self.line = line
        self.errors: list[RowError] = []

    def __call__(self, column: str, check: Callable[..., Any], /, *args: Any, **kw: Any) -> Any:
        """``check(*args, **kw)``, or None after recording its ``RosterError`` for ``column``."""
        try:
            return check(*args, **kw)
        except RosterError as exc:
            self.errors.append(exc.at(self.line, column))
            return None

    def add(self, column: str, key: str, /, **params: Any) -> None:
        """Record an error of ``column`` found without a check function."""
        self.errors.append(RowError(self.line, column, key, params))
