"""All models, imported here so that metadata and Alembic see every table."""

from storage.models.aspirations import Aspiration, AspirationHistory, AspirationWindow
from storage.models.base import Base, utcnow
from storage.models.campaigns import (
    CampaignEnrollment,
    CampaignStep,
    CampaignStepInstance,
    CampaignTemplate,
)
from storage.models.cluster import Instance, PeriodicRun
from storage.models.delivery import Broadcast, OutboxMessage, ScheduledItem
from storage.models.followup import FollowupCase, FollowupNote
from storage.models.matching import CompetenceVariant, CustomCompetence, Position
from storage.models.people import (
    BotUser,
    Employee,
    EmployeeSkill,
    InviteCode,
    PositionHistory,
    RoleGrant,
    Unit,
)
from storage.models.plans import MoveQuestion, MutationPlan, PlanMove, WorkloadFigure
from storage.models.questions import FaqEntry, GeneralQuestion
from storage.models.rules import FreezePeriod, MoveRuleOverride
from storage.models.surveys import Survey, SurveyParticipation, SurveyResponse, SurveyRound
from storage.models.system import AuditEntry, ConversationState

__all__ = [
    "Aspiration",
    "AspirationHistory",
    "AspirationWindow",
    "AuditEntry",
    "Base",
    "BotUser",
    "Broadcast",
    "CampaignEnrollment",
    "CampaignStep",
    "CampaignStepInstance",
    "CampaignTemplate",
    "CompetenceVariant",
    "ConversationState",
    "CustomCompetence",
    "Employee",
    "EmployeeSkill",
    "FaqEntry",
    "FollowupCase",
    "FollowupNote",
    "FreezePeriod",
    "GeneralQuestion",
    "Instance",
    "InviteCode",
    "MoveQuestion",
    "MoveRuleOverride",
    "MutationPlan",
    "OutboxMessage",
    "PeriodicRun",
    "PlanMove",
    "Position",
    "PositionHistory",
    "RoleGrant",
    "ScheduledItem",
    "Survey",
    "SurveyParticipation",
    "SurveyResponse",
    "SurveyRound",
    "Unit",
    "WorkloadFigure",
    "utcnow",
]
