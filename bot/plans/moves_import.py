"""The moves import kind: add a file's moves to a Draf plan, all lines or nothing.

Every line is resolved first (employee by NIP, destination by position code, unit and
position, or an agency outside and position; not already in the plan). With a rejected
line and no ``partial`` nothing is written. The rules (``bot.rules``, judged on each line's
TMT) never reject a line: the move is added, each unmet rule is listed in the report, and
a blocking one is overridden with the reason "imported with warning" (audited). The plan is
``ctx.target`` or, when not given, the most recently created Draf plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy.ext.asyncio import AsyncSession

from bot.imports.kinds import ImportContext, ImportKind, ImportRefused
from bot.imports.report import ImportReport, RowError, TextRef
from bot.plans import status as st
from bot.plans.moves_file import MoveLine, validate_moves
from bot.plans.service import (
    Added,
    Destination,
    add_move,
    destination_of,
    live_move_elsewhere,
    resolve_destination,
)
from bot.rules.labels import RESULT_TEXT
from bot.rules.render import text_params
from storage.models import Employee, MutationPlan
from storage.queries import audit
from storage.queries import plans as q
from storage.queries.employees import get_employees_by_nips
from storage.queries.positions import get_position

IMPORTED_WITH_WARNING = "imported with warning"


@dataclass(frozen=True, slots=True)
class _Resolved:
    """A line with its employee and destination found."""

    line: MoveLine
    employee: Employee
    dest: Destination


async def _target_plan(session: AsyncSession, plan_id: int | None) -> MutationPlan:
    """The Draf plan ``plan_id``, or the latest Draf plan; ``ImportRefused`` without one."""
    if plan_id is None:
        drafts = await q.list_plans(session, [st.PLAN_DRAFT], limit=1)
        if not drafts:
            raise ImportRefused("plans.imp_no_draft")
        return drafts[0]
    plan = await q.get_plan(session, plan_id)
    if plan is None or plan.status != st.PLAN_DRAFT:
        raise ImportRefused("plans.imp_plan_not_draft", id=plan_id)
    return plan


async def _destination(session: AsyncSession, line: MoveLine) -> Destination | RowError:
    """The line's destination, or the error that prevents finding it."""
    if line.code:
        position = await get_position(session, line.code)
        if position is None:
            return RowError(line.line, "kode_formasi", "plans.imp_err_position_unknown",
                            {"value": line.code})  # fmt: skip
        return destination_of(position)
    if line.agency:
        return Destination(None, line.agency, line.position, leaves_agency=True)
    dest = await resolve_destination(session, f"{line.unit} / {line.position}")
    if dest is None:
        return RowError(line.line, "unit_tujuan", "plans.imp_err_unit_unknown",
                        {"value": line.unit})  # fmt: skip
    return dest


async def _resolve(
    session: AsyncSession, lines: list[MoveLine], report: ImportReport
) -> list[_Resolved]:
    """Find every line's employee and destination; add the errors to ``report``."""
    employees = await get_employees_by_nips(session, (line.nip for line in lines))
    resolved: list[_Resolved] = []
    for line in lines:
        employee = employees.get(line.nip)
        if employee is None or not employee.active:
            report.errors.append(RowError(line.line, "nip", "plans.imp_err_emp_unknown"))
            continue
        busy = await live_move_elsewhere(session, employee)
        if busy is not None:
            report.errors.append(RowError(line.line, "nip", "plans.imp_err_already_in_plan",
                                          {"name": employee.name, "move": busy.move_id,
                                           "plan": busy.plan_id,
                                           "plan_name": busy.plan_name}))  # fmt: skip
            continue
        dest = await _destination(session, line)
        if isinstance(dest, RowError):
            report.errors.append(dest)
            continue
        resolved.append(_Resolved(line, employee, dest))
    return resolved


async def apply_moves(
    session: AsyncSession, lines: list[MoveLine], ctx: ImportContext, report: ImportReport
) -> None:
    """Add the file's moves to the target Draf plan (see the module docstring)."""
    if ctx.settings is None:
        raise ValueError("the moves import needs the settings (rule warnings)")
    plan = await _target_plan(session, ctx.target)
    report.target = TextRef("plans.imp_target", {"id": plan.id, "name": plan.name})
    resolved = await _resolve(session, lines, report)
    if not report.may_write:
        return
    name = PurePath(ctx.filename).name[:100]
    for item in resolved:
        added = await add_move(
            session, ctx.settings, plan_id=plan.id, employee=item.employee, dest=item.dest,
            tmt=item.line.tmt, rationale=item.line.rationale,
            override_reason=IMPORTED_WITH_WARNING, actor=ctx.actor,
            source={"source": "import", "file": name, "line": item.line.line},
        )  # fmt: skip
        assert isinstance(added, Added)  # a reason is given: nothing can stop it
        report.warnings.extend(
            RowError(item.line.line, "", RESULT_TEXT[r.code], text_params(r, None))
            for r in added.judgement.problems
        )
    report.created, report.applied = len(resolved), True
    await audit.record(
        session, ctx.actor, "plan.moves_imported", "plan", plan.id, file=name,
        added=report.created, rejected=report.skipped,
        warned=len({w.line for w in report.warnings}), partial=ctx.partial,
    )  # fmt: skip


MOVES: ImportKind[MoveLine] = ImportKind(
    name="moves", label="import.kind_moves", report="plans.imp_applied",
    validate=validate_moves, apply=apply_moves,
)  # fmt: skip
