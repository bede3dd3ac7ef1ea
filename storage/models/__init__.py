"""All models, imported here so that metadata and Alembic see every table."""

from storage.models.aspirations import Aspiration, AspirationHistory, AspirationWindow
from storage.models.base import Base, utcnow
from storage.models.delivery import Broadcast, OutboxMessage, ScheduledItem
from storage.models.matching import CompetenceVariant, CustomCompetence, Position
from storage.models.plans import MoveQuestion, MutationPlan, PlanMove, WorkloadFigure
from storage.models.people import BotUser, Employee, EmployeeSkill, InviteCode, RoleGrant, Unit
from storage.models.system import AuditEntry, ConversationState

__all__ = [
    "Aspiration",
    "AspirationHistory",
    "AspirationWindow",
    "AuditEntry",
    "Base",
    "BotUser",
    "Broadcast",
    "CompetenceVariant",
    "ConversationState",
    "CustomCompetence",
    "Employee",
    "EmployeeSkill",
    "InviteCode",
    "MoveQuestion",
    "MutationPlan",
    "OutboxMessage",
    "PlanMove",
    "Position",
    "RoleGrant",
    "ScheduledItem",
    "Unit",
    "WorkloadFigure",
    "utcnow",
]
