"""All models, imported here so that metadata and Alembic see every table."""

from storage.models.aspirations import Aspiration, AspirationHistory, AspirationWindow  # noqa: F401
from storage.models.base import Base, utcnow
from storage.models.people import BotUser, Employee, EmployeeSkill, InviteCode, RoleGrant, Unit
from storage.models.system import AuditEntry, ConversationState

__all__ = [
    "AuditEntry",
    "Base",
    "BotUser",
    "ConversationState",
    "Employee",
    "EmployeeSkill",
    "InviteCode",
    "RoleGrant",
    "Unit",
    "utcnow",
]
