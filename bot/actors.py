"""Who did something, as people read it: a name and a role, never ``tg:424242``.

Audit rows and histories store the actor as ``tg:<telegram id>`` (a user), ``cli`` (the
operator's command line) or ``system`` (the bot's own jobs). :func:`actor_labels` turns
them into "Agus Lubis (pegawai)", "Rina Wulandari (BKPSDM)", "Petugas BKPSDM", "Sistem".
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.ext.asyncio import AsyncSession

from bot.texts import t
from storage.queries.users import names_and_roles

USER_PREFIX = "tg:"
# Role (most senior first) -> (label after a name, label without a name).
ROLE_KEYS = (
    ("approver", "actor.role_approver", "actor.approver"),
    ("hr", "actor.role_hr", "actor.hr"),
)
FIXED_KEYS = {"cli": "actor.cli", "system": "actor.system", "": "actor.system"}


def telegram_id_of(actor: str) -> int | None:
    """The Telegram id of a ``tg:<id>`` actor, else None."""
    if actor.startswith(USER_PREFIX) and actor[len(USER_PREFIX) :].lstrip("-").isdigit():
        return int(actor[len(USER_PREFIX) :])
    return None


def _label(name: str | None, roles: frozenset[str], locale: str | None) -> str:
    """One person: name and role, the role alone, or "a bot user"."""
    for role, after_name, alone in ROLE_KEYS:
        if role in roles:
            return t(locale, after_name, name=name) if name else t(locale, alone)
    if name:
        return t(locale, "actor.employee", name=name)
    return t(locale, "actor.unknown_user")


async def actor_labels(
    session: AsyncSession, actors: Iterable[str], locale: str | None
) -> dict[str, str]:
    """Each stored actor code with the words to show for it."""
    codes = set(actors)
    ids = {code: telegram_id_of(code) for code in codes}
    people = await names_and_roles(session, (i for i in ids.values() if i is not None))
    labels: dict[str, str] = {}
    for code, tid in ids.items():
        if tid is not None:
            name, roles = people.get(tid, (None, frozenset()))
            labels[code] = _label(name, roles, locale)
        else:
            labels[code] = t(locale, FIXED_KEYS[code]) if code in FIXED_KEYS else code
    return labels
