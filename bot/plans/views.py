"""What HR and approvers read about plans: lists, cards, summaries, exports, the trail.

Reading the trail or exporting a plan is itself audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.actors import actor_labels
from bot.config import Settings
from bot.plans import consultation as kc
from bot.plans import labels
from bot.plans import status as st
from bot.plans.dates import fmt_date
from bot.plans.moves_import import IMPORTED_WITH_WARNING
from bot.rules.model import Point
from bot.rules.service import Judgement, judge_move
from bot.spreadsheet import Sheet, write_xlsx
from bot.texts import t
from storage.models import AuditEntry, MutationPlan
from storage.queries import audit
from storage.queries import plans as q

MoveRow = q.MoveRow


@dataclass(frozen=True)
class PlanCard:
    """A plan with its moves."""

    plan: MutationPlan
    rows: list[MoveRow]


@dataclass(frozen=True)
class Summary:
    """The consultation tally of a plan and its moves."""

    tally: kc.Tally
    rows: list[MoveRow]


@dataclass(frozen=True)
class Trail:
    """A plan's audit entries (oldest first), who their actors are, and the XLSX of all."""

    entries: list[AuditEntry]
    xlsx: bytes
    actors: dict[str, str]


def audit_reason(locale: str, entry: AuditEntry) -> str:
    """The reason or note an entry carries (the import's own marker in words), or ""."""
    why = str(entry.details.get("reason") or entry.details.get("note") or "")
    return t(locale, "plans.reason_imported_with_warning") if why == IMPORTED_WITH_WARNING else why


def audit_words(locale: str, entry: AuditEntry, actors: dict[str, str]) -> tuple[str, str, str]:
    """Who, did what, to what — in words (an unknown action code is shown as stored)."""
    action_key = labels.AUDIT_ACTION.get(entry.action)
    entity_key = labels.AUDIT_ENTITY.get(entry.entity)
    return (
        actors.get(entry.actor, entry.actor),
        t(locale, action_key) if action_key else entry.action,
        t(locale, entity_key, id=entry.entity_id) if entity_key else entry.entity,
    )


async def recent_plans(session: AsyncSession, limit: int = 20) -> list[MutationPlan]:
    """Most recent plans first."""
    return await q.list_plans(session, limit=limit)


async def plan_card(session: AsyncSession, plan_id: int) -> PlanCard | None:
    """The plan and its moves, or None."""
    plan = await q.get_plan(session, plan_id)
    return PlanCard(plan, await q.move_rows(session, plan_id)) if plan else None


async def move_rows(session: AsyncSession, plan_id: int) -> list[MoveRow]:
    """A plan's moves with employee and unit names."""
    return await q.move_rows(session, plan_id)


async def move_card(session: AsyncSession, move_id: int) -> MoveRow | None:
    """One move with its display data, or None."""
    return await q.move_row(session, move_id)


@dataclass(frozen=True)
class MoveDetails:
    """One move for its card, with its rules judged for the next decision."""

    row: MoveRow
    judgement: Judgement


NEXT_POINT: dict[str, Point] = {st.DRAFT: "submit", st.SUBMITTED: "approve"}


async def move_details(
    session: AsyncSession, settings: Settings, move_id: int
) -> MoveDetails | None:
    """The move's card data and its rules (on the SK's TMT once decreed), or None."""
    row = await move_card(session, move_id)
    if row is None:
        return None
    point = NEXT_POINT.get(row.move.status, "decree")
    return MoveDetails(row, await judge_move(session, settings, row.move, point))


async def summary(session: AsyncSession, plan_id: int) -> Summary:
    """Answered, agreed, objected, overdue, open questions."""
    rows = await q.move_rows(session, plan_id)
    views = (
        kc.MoveView(r.move.status, r.move.answer, r.move.overdue, r.open_questions) for r in rows
    )
    return Summary(kc.tally(views), rows)


def audit_sheet(locale: str, entries: list[AuditEntry], actors: dict[str, str]) -> Sheet:
    """The audit trail as a sheet: when, who, what, on what, details."""
    header = [t(locale, key) for key in labels.AUDIT_COLUMNS]
    rows = [[e.at.isoformat(), *audit_words(locale, e, actors), str(e.details)] for e in entries]
    return Sheet(t(locale, "plans.sheet_audit"), header, rows)


def export_row(locale: str, r: MoveRow) -> list[object]:
    """One XLSX row of a move."""
    m = r.move
    return [
        m.id, r.employee.nip, r.employee.name, r.from_unit, m.from_position, r.to_unit,
        m.to_position, fmt_date(m.proposed_tmt), m.rationale, ", ".join(m.warnings or []),
        m.override_reason, t(locale, labels.MOVE_STATUS[m.status]), m.version, m.decision_note,
        t(locale, labels.ANSWER[m.answer]) if m.answer else "",
        t(locale, labels.category_key(m.answer_category)) if m.answer_category else "",
        m.answer_text, m.kept_reason, "✓" if m.overdue else "", r.open_questions,
        m.decree_number, fmt_date(m.decree_tmt) if m.decree_tmt else "",
    ]  # fmt: skip


async def export_plan(
    session: AsyncSession, actor_id: int, plan_id: int, locale: str
) -> bytes | None:
    """The plan's moves, answers and trail as XLSX (audited), or None for an unknown plan."""
    if await q.get_plan(session, plan_id) is None:
        return None
    rows = await q.move_rows(session, plan_id)
    header = [t(locale, key) for key in labels.EXPORT_COLUMNS.values()]
    moves = Sheet(t(locale, "plans.sheet_moves"), header, [export_row(locale, r) for r in rows])
    entries = await q.plan_audit(session, plan_id)
    actors = await actor_labels(session, (e.actor for e in entries), locale)
    trail = audit_sheet(locale, entries, actors)
    await audit.record(session, audit.actor_of(actor_id), "plan.exported", "plan", plan_id)
    return write_xlsx([moves, trail])


async def audit_trail(
    session: AsyncSession, actor_id: int, plan_id: int, locale: str, *, with_file: bool = True
) -> Trail | None:
    """The plan's trail for reading (audited), or None for an unknown plan.

    ``with_file`` False leaves out the XLSX copy (turning a page of the trail in chat).
    """
    if await q.get_plan(session, plan_id) is None:
        return None
    entries = await q.plan_audit(session, plan_id)
    await audit.record(session, audit.actor_of(actor_id), "plan.audit_read", "plan", plan_id)
    actors = await actor_labels(session, (e.actor for e in entries), locale)
    xlsx = write_xlsx([audit_sheet(locale, entries, actors)]) if with_file else b""
    return Trail(entries, xlsx, actors)
