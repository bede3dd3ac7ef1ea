"""Line-numbered problems and the parse-every-line loop shared by the file importers.

The roster, positions (formasi) and moves importers read a table, validate each line with
their own rules and report rejected lines as :class:`RowProblem`; a repeated key (NIP,
position id) rejects the later line and names the first one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from bot.roster.validation import RosterError

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Why one line was rejected; ``code`` maps to a text of the importer's feature."""

    line: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class ParsedRows(Generic[R]):
    """Valid rows and the problems of rejected lines, in file order."""

    rows: list[R] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


def problems_of(line: int, errors: Iterable[RosterError]) -> list[RowProblem]:
    """The validation errors of one line as problems."""
    return [RowProblem(line, e.code, dict(e.params)) for e in errors]


def rejected_count(problems: Iterable[RowProblem]) -> int:
    """Number of distinct rejected lines."""
    return len({p.line for p in problems})


def parse_rows(
    rows: Iterable[tuple[int, Sequence[str]]],
    index: Mapping[str, int],
    parse_line: Callable[[int, dict[str, str]], tuple[R | None, list[RowProblem]]],
    *,
    key: Callable[[R], str],
    duplicate: Callable[[int, str, int], RowProblem],
) -> ParsedRows[R]:
    """Validate each (line, cells) with ``parse_line``; a repeated ``key`` is ``duplicate``."""
    parsed: ParsedRows[R] = ParsedRows()
    first_line_of: dict[str, int] = {}
    for line, cells in rows:
        values = {name: (cells[pos] if pos < len(cells) else "") for name, pos in index.items()}
        row, problems = parse_line(line, values)
        if row is not None and key(row) in first_line_of:
            problems.append(duplicate(line, key(row), first_line_of[key(row)]))
            row = None
        if row is None:
            parsed.problems.extend(problems)
        else:
            first_line_of[key(row)] = line
            parsed.rows.append(row)
    return parsed
