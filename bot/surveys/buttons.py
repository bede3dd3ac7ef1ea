"""Typed buttons of surveys: answering (employees), results and sending (HR).

Every answering button carries the participation id and, for a question, its index;
both are re-checked when pressed, so a forged or stale button never stores anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.callback_data import CallbackData
from bot.delivery.buttons import ChooseAudience, ChooseRole, PickerButtons, ToggleUnit, UnitsDone

# -- answering ------------------------------------------------------------------------------


@dataclass(frozen=True)
class StartSurvey(CallbackData, prefix="survey-start"):
    """Start (or resume) answering one invitation."""

    participation_id: int


@dataclass(frozen=True)
class LegacyStartSurvey(CallbackData, prefix="sv"):
    """The start button of invitations sent before the typed buttons (``sv:go:<id>``)."""

    action: Literal["go"]
    participation_id: int


@dataclass(frozen=True)
class AnswerQuestion(CallbackData, prefix="survey-answer"):
    """A Likert, scale or single-choice answer to question ``index``."""

    participation_id: int
    index: int
    value: str


@dataclass(frozen=True)
class ToggleOption(CallbackData, prefix="survey-toggle"):
    """Tick or untick one option of a multiple-choice question."""

    participation_id: int
    index: int
    option: str


@dataclass(frozen=True)
class ConfirmOptions(CallbackData, prefix="survey-options-done"):
    """Answer a multiple-choice question with the ticked options."""

    participation_id: int
    index: int


@dataclass(frozen=True)
class SkipQuestion(CallbackData, prefix="survey-skip"):
    """Skip an optional question."""

    participation_id: int
    index: int


@dataclass(frozen=True)
class PreviousQuestion(CallbackData, prefix="survey-back"):
    """Go back one question."""

    participation_id: int
    index: int


@dataclass(frozen=True)
class SubmitAnswers(CallbackData, prefix="survey-submit"):
    """Send the answers shown in the summary."""

    participation_id: int


@dataclass(frozen=True)
class ReviseAnswers(CallbackData, prefix="survey-revise"):
    """Back from the summary to the last question."""

    participation_id: int


# -- results (HR) ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ShowResults(CallbackData, prefix="survey-results"):
    """The results text of one survey."""

    survey_id: int


@dataclass(frozen=True)
class ShowCharts(CallbackData, prefix="survey-charts"):
    """The result charts of one survey."""

    survey_id: int


@dataclass(frozen=True)
class ExportResults(CallbackData, prefix="survey-export"):
    """The XLSX of one survey's results."""

    survey_id: int


@dataclass(frozen=True)
class ShowFollowUp(CallbackData, prefix="survey-followup"):
    """Employees with low satisfaction in a named survey."""

    survey_id: int


# -- sending (HR) ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PickSurveyToSend(CallbackData, prefix="survey-send"):
    """Start sending one survey (choose the audience next)."""

    survey_id: int


@dataclass(frozen=True)
class SendSurveyNow(CallbackData, prefix="survey-send-now"):
    """Open the confirmed sending now."""


@dataclass(frozen=True)
class SendSurveyLater(CallbackData, prefix="survey-send-later"):
    """Ask for the local opening time of the confirmed sending."""


@dataclass(frozen=True)
class AbortSurveySending(CallbackData, prefix="survey-send-abort"):
    """Drop the sending draft."""


@dataclass(frozen=True)
class SurveySendAudience(ChooseAudience, prefix="survey-send-audience"):
    """Audience button of survey sending."""


@dataclass(frozen=True)
class SurveySendRole(ChooseRole, prefix="survey-send-role"):
    """Role button of survey sending."""


@dataclass(frozen=True)
class SurveySendUnit(ToggleUnit, prefix="survey-send-unit"):
    """Unit toggle of survey sending."""


@dataclass(frozen=True)
class SurveySendUnitsDone(UnitsDone, prefix="survey-send-units-done"):
    """ "Done choosing units" of survey sending."""


SEND_PICKER = PickerButtons(SurveySendAudience, SurveySendRole, SurveySendUnit, SurveySendUnitsDone)
