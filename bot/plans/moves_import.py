"""Apply a moves file to a Draf plan: all lines or nothing, unless ``partial`` is asked.

Every line is resolved first (employee by NIP, destination by position code or unit and
position, not already in the plan). With a rejected line and no ``partial`` nothing is
written. Rule warnings never reject a line: the move is added, the warning is listed in
the report, and the audit trail records it as "imported with warning".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.plans import status as st
from bot.plans.moves_file import MoveLine, ParsedMoves, line_text
from bot.plans.service import (
    Destination,
    add_move,
    destination_of,
    resolve_destination,
    warnings_for,
)
from bot.roster.importer import RowProblem
from bot.texts import t
from storage.models import Employee
from storage.queries import audit
from storage.queries import plans as q
from storage.queries.employees import get_employees_by_nips
from storage.queries.positions import get_position

IMPORTED_WITH_WARNING = "imported with warning"


@dataclass(slots=True)
class MovesReport:
    """What a moves import did (or would have done)."""

    plan_id: int
    added: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)
    applied: bool = False

    @property
    def rejected(self) -> int:
        """Number of distinct rejected lines."""
        return len({p.line for p in self.problems})


@dataclass(frozen=True, slots=True)
class _Resolved:
    """A line with its employee and destination found."""

    line: MoveLine
    employee: Employee
    dest: Destination


async def _destination(session: AsyncSession, line: MoveLine) -> Destination | RowProblem:
    """The line's destination, or the problem that prevents finding it."""
    if line.code:
        position = await get_position(session, line.code)
        if position is None:
            return RowProblem(line.line, "position_unknown", {"value": line.code})
        return destination_of(position)
    dest = await resolve_destination(session, f"{line.unit} / {line.position}")
    if dest is None:
        return RowProblem(line.line, "unit_unknown", {"value": line.unit})
    return dest


async def _resolve(
    session: AsyncSession, plan_id: int, parsed: ParsedMoves, report: MovesReport
) -> list[_Resolved]:
    """Find every line's employee and destination; collect problems in ``report``."""
    employees = await get_employees_by_nips(session, (line.nip for line in parsed.lines))
    resolved: list[_Resolved] = []
    for line in parsed.lines:
        employee = employees.get(line.nip)
        if employee is None or not employee.active:
            report.problems.append(RowProblem(line.line, "emp_unknown"))
            continue
        if await q.live_move_of_employee(session, plan_id, employee.id) is not None:
            report.problems.append(
                RowProblem(line.line, "already_in_plan", {"name": employee.name})
            )
            continue
        dest = await _destination(session, line)
        if isinstance(dest, RowProblem):
            report.problems.append(dest)
            continue
        resolved.append(_Resolved(line, employee, dest))
    report.problems.sort(key=lambda p: p.line)
    return resolved


async def apply_moves(
    session: AsyncSession,
    parsed: ParsedMoves,
    *,
    plan_id: int,
    partial: bool,
    actor: str,
    settings: Settings,
    today: date,
    filename: str,
) -> MovesReport:
    """Add the file's moves to a Draf plan (see the module docstring for the rules)."""
    report = MovesReport(plan_id, problems=list(parsed.problems))
    report.missing_columns = list(parsed.missing_columns)
    if report.missing_columns:
        return report
    plan = await q.get_plan(session, plan_id)
    if plan is None or plan.status != st.PLAN_DRAFT:
        raise ValueError(f"plan {plan_id} is not a draft")
    resolved = await _resolve(session, plan_id, parsed, report)
    if report.problems and not partial:
        return report
    name = PurePath(filename).name[:100]
    for item in resolved:
        warnings = await warnings_for(session, settings, item.employee, item.dest, today)
        await add_move(
            session, plan_id=plan_id, employee=item.employee, dest=item.dest,
            tmt=item.line.tmt, rationale=item.line.rationale, warnings=warnings,
            override_reason=IMPORTED_WITH_WARNING if warnings else "", actor=actor,
            source={"source": "import", "file": name, "line": item.line.line},
        )  # fmt: skip
        report.warnings.extend(RowProblem(item.line.line, "warn:" + w.code, w.params)
                               for w in warnings)  # fmt: skip
    report.added, report.applied = len(resolved), True
    await audit.record(
        session, actor, "plan.moves_imported", "plan", plan_id, file=name, added=report.added,
        rejected=report.rejected, warned=len({w.line for w in report.warnings}), partial=partial,
    )  # fmt: skip
    return report


def format_moves_report(report: MovesReport, locale: str | None) -> str:
    """The import report: the outcome, then one line per rejected line and per warning."""
    if report.missing_columns:
        columns = ", ".join(report.missing_columns)
        return t(locale, "roster.report.missing_columns", columns=columns)
    if report.applied:
        parts = [t(locale, "plans.imp_applied", added=report.added, plan=report.plan_id)]
        if report.problems:
            parts.append(t(locale, "roster.report.skipped", count=report.rejected))
    else:
        parts = [t(locale, "roster.report.not_applied", count=report.rejected)]
    parts.extend(line_text(p, locale) for p in report.problems)
    if report.warnings:
        parts.append(t(locale, "plans.imp_warnings", count=len(report.warnings)))
        parts.extend(line_text(w, locale) for w in report.warnings)
    return "\n".join(parts)
