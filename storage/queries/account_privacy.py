"""Data rights of the account itself: the Telegram account, roles, drafts, invites, the audit
entries about the person and the messages the bot sent them (see storage.queries.privacy).

On unlink: role grants are removed (audited; a privilege must not outlive the identity it
was granted to, and roles from ``ADMIN_TELEGRAM_IDS`` come back from the environment at the
next start), drafts are deleted, the texts of messages to the chat are redacted (unsent ones
cancelled), and in the person's own audit entries every free-text detail is redacted while
the action, its time and its codes stay. Never commits.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Aspiration,
    AuditEntry,
    BotUser,
    ConversationState,
    InviteCode,
    OutboxMessage,
    PlanMove,
    RoleGrant,
)
from storage.queries import audit
from storage.queries.plans_privacy import ERASED

# Audit detail keys whose values are codes (statuses, kinds, versions), not free text.
CODE_DETAILS = frozenset(
    {"answer", "category", "from_status", "to_status", "method", "role", "status", "version"}
)
UNSENT = ("pending", "claimed", "uncertain")


def _iso(value: Any) -> Any:
    """Dates as ISO text for a JSON export."""
    return value.isoformat() if value is not None else None


async def export_account(session: AsyncSession, user: BotUser) -> dict[str, Any]:
    """The Telegram account record, its roles, open draft and invitations."""
    grants = await session.execute(
        select(RoleGrant).where(RoleGrant.telegram_id == user.telegram_id)
    )
    state = await session.get(ConversationState, user.telegram_id)
    invites = []
    if user.employee_id is not None:
        rows = await session.execute(
            select(InviteCode).where(InviteCode.employee_id == user.employee_id)
        )
        invites = [
            {"created_at": _iso(i.created_at), "expires_at": _iso(i.expires_at),
             "used_at": _iso(i.used_at), "used_by": i.used_by}
            for i in rows.scalars()
        ]  # fmt: skip
    account = {
        "telegram_id": user.telegram_id, "language": user.locale,
        "consent_at": _iso(user.consent_at), "linked_at": _iso(user.linked_at),
        "failed_link_attempts": user.failed_link_attempts,
        "locked_until": _iso(user.locked_until), "unreachable_at": _iso(user.unreachable_at),
        "menu_roles": user.menu_roles, "created_at": _iso(user.created_at),
        "roles": [{"role": g.role, "since": _iso(g.created_at)} for g in grants.scalars()],
        "invitations": invites,
    }  # fmt: skip
    if state is not None:
        account["draft"] = {
            "flow": state.flow, "step": state.step, "data": dict(state.data),
            "updated_at": _iso(state.updated_at),
        }  # fmt: skip
    return {"telegram_account": account}


async def erase_account(session: AsyncSession, user: BotUser) -> None:
    """Remove the user's roles (audited) and every draft; the account row stays."""
    roles = sorted(
        (
            await session.execute(
                delete(RoleGrant)
                .where(RoleGrant.telegram_id == user.telegram_id)
                .returning(RoleGrant.role)
            )
        ).scalars()
    )
    for role in roles:
        await audit.record(
            session, audit.actor_of(user.telegram_id), "role.revoked", "user", user.telegram_id,
            role=role, method="unlink",
        )  # fmt: skip
    await session.execute(
        delete(ConversationState).where(ConversationState.telegram_id == user.telegram_id)
    )


async def _about_user(session: AsyncSession, user: BotUser) -> Any:
    """The condition of audit entries about ``user``: their account, row, moves, aspirations."""
    conditions = [(AuditEntry.entity == "user") & (AuditEntry.entity_id == str(user.telegram_id))]
    if user.employee_id is not None:
        moves = await session.execute(
            select(PlanMove.id).where(
                PlanMove.employee_id == user.employee_id, PlanMove.consulted_at.is_not(None)
            )
        )
        wishes = await session.execute(
            select(Aspiration.id).where(Aspiration.employee_id == user.employee_id)
        )
        conditions += [
            (AuditEntry.entity == "employee") & (AuditEntry.entity_id == str(user.employee_id)),
            (AuditEntry.entity == "move")
            & AuditEntry.entity_id.in_([str(i) for i in moves.scalars()]),
            (AuditEntry.entity == "aspiration")
            & AuditEntry.entity_id.in_([str(i) for i in wishes.scalars()]),
        ]
    return or_(*conditions)


async def export_audit(session: AsyncSession, user: BotUser) -> dict[str, Any]:
    """Audit entries of the user's own actions and of actions about them (actors not named)."""
    actor = audit.actor_of(user.telegram_id)
    about = await _about_user(session, user)
    rows = await session.execute(
        select(AuditEntry).where(or_(AuditEntry.actor == actor, about)).order_by(AuditEntry.id)
    )
    entries = [
        {"at": _iso(e.at), "by_you": e.actor == actor, "action": e.action, "entity": e.entity,
         "entity_id": e.entity_id, "details": dict(e.details or {})}
        for e in rows.scalars()
    ]  # fmt: skip
    return {"audit_log": entries} if entries else {}


def redact_details(value: Any, key: str = "") -> Any:
    """``value`` with every free-text string replaced by the erasure note; codes stay."""
    if isinstance(value, dict):
        return {k: redact_details(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_details(v, key) for v in value]
    if isinstance(value, str) and key not in CODE_DETAILS:
        return ERASED
    return value


async def erase_audit(session: AsyncSession, user: BotUser) -> None:
    """Redact the free text of the user's own entries about themselves; actions stay."""
    about = await _about_user(session, user)
    rows = await session.execute(
        select(AuditEntry).where(AuditEntry.actor == audit.actor_of(user.telegram_id), about)
    )
    for entry in rows.scalars():
        redacted = redact_details(entry.details or {})
        if redacted != entry.details:
            entry.details = redacted
    await session.flush()


async def export_messages(session: AsyncSession, user: BotUser) -> dict[str, Any]:
    """The messages the bot sent (or will send) to the user's chat through the outbox."""
    rows = await session.execute(
        select(OutboxMessage)
        .where(OutboxMessage.chat_id == user.telegram_id)
        .order_by(OutboxMessage.id)
    )
    messages = [
        {"created_at": _iso(m.created_at), "sent_at": _iso(m.sent_at), "status": m.status,
         "text": m.text, "buttons": m.reply_markup, "attachment": m.attachment_file_id}
        for m in rows.scalars()
    ]  # fmt: skip
    return {"messages_sent": messages} if messages else {}


async def erase_messages(session: AsyncSession, user: BotUser) -> None:
    """Cancel unsent messages to the chat and redact the texts of all of them."""
    mine = OutboxMessage.chat_id == user.telegram_id
    await session.execute(
        update(OutboxMessage)
        .where(mine, OutboxMessage.status.in_(UNSENT))
        .values(status="cancelled")
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(OutboxMessage)
        .where(mine)
        .values(text=ERASED, reply_markup=None, attachment_file_id=None)
        .execution_options(synchronize_session=False)
    )
