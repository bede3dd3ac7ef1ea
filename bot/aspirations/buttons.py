"""Typed button payloads of the aspiration feature: one class per action.

Wizard buttons belong to one step of the /aspirasi conversation (``at_step``): a press at
another step is answered as stale. Status, review and window buttons carry the id they act
on; the handlers re-check the role and the ownership when pressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal, get_args

from bot.aspirations import draft as d
from bot.callback_data import CallbackData

Kind = Literal["rotation", "other_unit", "out", "other"]
Reason = Literal["family", "health", "career", "competence", "workload", "other"]
Section = Literal["kind", "prefs", "reason", "relocate"]
StatusFilter = Literal[
    "all",
    "submitted",
    "verified",
    "returned",
    "accepted",
    "rejected",
    "withdrawn",
    "planned",
    "decreed",
    "not_taken",
]
Decision = Literal["verify", "return", "accept", "reject"]
ExportFormat = Literal["xlsx", "csv"]
ALL_STATUSES: StatusFilter = "all"
KIND_VALUES: tuple[Kind, ...] = get_args(Kind)
REASON_VALUES: tuple[Reason, ...] = get_args(Reason)
SECTION_VALUES: tuple[Section, ...] = get_args(Section)
STATUS_VALUES: tuple[StatusFilter, ...] = get_args(StatusFilter)[1:]
DECISION_VALUES: tuple[Decision, ...] = get_args(Decision)


class WizardButton(CallbackData):
    """A button of one step of the employee's conversation."""

    STEP: ClassVar[str] = ""

    def at_step(self) -> str:
        """The step this button answers."""
        return self.STEP


# --- the /aspirasi conversation --------------------------------------------------------


@dataclass(frozen=True)
class Continue(WizardButton, prefix="aspiration-continue"):
    """Eligibility read: go on to the kind of move."""

    STEP: ClassVar[str] = d.ELIG


@dataclass(frozen=True)
class Back(WizardButton, prefix="aspiration-back"):
    """Go one step back from ``step``."""

    step: str

    def at_step(self) -> str:
        """The step whose Back button this is."""
        return self.step


@dataclass(frozen=True)
class ChooseKind(WizardButton, prefix="aspiration-kind"):
    """The kind of move."""

    STEP: ClassVar[str] = d.KIND
    kind: Kind


@dataclass(frozen=True)
class PickUnit(WizardButton, prefix="aspiration-unit-pick"):
    """One of the unit suggestions, by index."""

    STEP: ClassVar[str] = d.PREF
    index: int


@dataclass(frozen=True)
class UseTypedUnit(WizardButton, prefix="aspiration-unit-typed"):
    """The typed text as the destination (outside the instansi)."""

    STEP: ClassVar[str] = d.PREF


@dataclass(frozen=True)
class PrefsDone(WizardButton, prefix="aspiration-prefs-done"):
    """No more preferences (shown at the unit or the position step)."""

    step: str

    def at_step(self) -> str:
        """The step the button was shown at."""
        return self.step


@dataclass(frozen=True)
class PickPosition(WizardButton, prefix="aspiration-position-pick"):
    """One of the position suggestions, by index."""

    STEP: ClassVar[str] = d.POS
    index: int


@dataclass(frozen=True)
class UseTypedPosition(WizardButton, prefix="aspiration-position-typed"):
    """The typed position title as is."""

    STEP: ClassVar[str] = d.POS


@dataclass(frozen=True)
class AnyPosition(WizardButton, prefix="aspiration-position-any"):
    """Any position in the chosen unit."""

    STEP: ClassVar[str] = d.POS


@dataclass(frozen=True)
class ReplacePref(WizardButton, prefix="aspiration-pref-replace"):
    """Choose choice ``index`` again (the new answer takes its place)."""

    STEP: ClassVar[str] = d.PREFS
    index: int


@dataclass(frozen=True)
class RemovePref(WizardButton, prefix="aspiration-pref-remove"):
    """Drop choice ``index``."""

    STEP: ClassVar[str] = d.PREFS
    index: int


@dataclass(frozen=True)
class AddPref(WizardButton, prefix="aspiration-pref-add"):
    """Add one more choice."""

    STEP: ClassVar[str] = d.PREFS


@dataclass(frozen=True)
class ChooseReason(WizardButton, prefix="aspiration-reason"):
    """The reason category."""

    STEP: ClassVar[str] = d.REASON_CAT
    reason: Reason


@dataclass(frozen=True)
class Relocate(WizardButton, prefix="aspiration-relocate"):
    """Willing to move to another city, or not."""

    STEP: ClassVar[str] = d.RELOCATE
    willing: bool


@dataclass(frozen=True)
class SkipNote(WizardButton, prefix="aspiration-note-skip"):
    """No relocation note."""

    STEP: ClassVar[str] = d.RELOCATE_NOTE


@dataclass(frozen=True)
class EditAnswers(WizardButton, prefix="aspiration-edit"):
    """From the summary: choose a part to change."""

    STEP: ClassVar[str] = d.SUMMARY


@dataclass(frozen=True)
class EditSection(WizardButton, prefix="aspiration-section"):
    """Jump to one part of the answers."""

    STEP: ClassVar[str] = d.EDIT
    section: Section


@dataclass(frozen=True)
class Discard(WizardButton, prefix="aspiration-discard"):
    """Throw the draft away."""

    STEP: ClassVar[str] = d.SUMMARY


@dataclass(frozen=True)
class Send(WizardButton, prefix="aspiration-send"):
    """Submit the aspiration."""

    STEP: ClassVar[str] = d.SUMMARY


# --- the employee's /status card -------------------------------------------------------


@dataclass(frozen=True)
class ChangeAspiration(CallbackData, prefix="aspiration-change"):
    """Open the employee's own aspiration as a draft."""

    aspiration_id: int


@dataclass(frozen=True)
class AskWithdraw(CallbackData, prefix="aspiration-withdraw"):
    """Ask to confirm withdrawing the employee's own aspiration."""

    aspiration_id: int


@dataclass(frozen=True)
class ConfirmWithdraw(CallbackData, prefix="aspiration-withdraw-yes"):
    """Withdraw the employee's own aspiration."""

    aspiration_id: int


# --- HR review (/rekap_aspirasi) -------------------------------------------------------


@dataclass(frozen=True)
class ListAspirations(CallbackData, prefix="aspiration-list"):
    """One page of the window's aspirations, filtered by status and current unit (0: all)."""

    status: StatusFilter
    unit_id: int
    page: int


@dataclass(frozen=True)
class FilterStatus(CallbackData, prefix="aspiration-filter-status"):
    """Choose the status filter (keeping the unit filter)."""

    unit_id: int


@dataclass(frozen=True)
class FilterUnit(CallbackData, prefix="aspiration-filter-unit"):
    """Choose the unit filter (keeping the status filter)."""

    status: StatusFilter


@dataclass(frozen=True)
class OpenAspiration(CallbackData, prefix="aspiration-open"):
    """One aspiration in full with HR's decisions."""

    aspiration_id: int


@dataclass(frozen=True)
class DecideAspiration(CallbackData, prefix="aspiration-decide"):
    """HR's decision on one aspiration."""

    aspiration_id: int
    decision: Decision


@dataclass(frozen=True)
class ConfirmAccept(CallbackData, prefix="aspiration-accept-yes"):
    """Accept the aspiration (after its summary was shown)."""

    aspiration_id: int


@dataclass(frozen=True)
class UndoDecision(CallbackData, prefix="aspiration-undo"):
    """Take back the decision recorded as history entry ``entry_id`` (nothing sent yet)."""

    aspiration_id: int
    entry_id: int


@dataclass(frozen=True)
class ExportAspirations(CallbackData, prefix="aspiration-export"):
    """The window's aspirations as a file."""

    fmt: ExportFormat


# --- windows (/periode) ----------------------------------------------------------------


@dataclass(frozen=True)
class NewWindow(CallbackData, prefix="aspiration-window-new"):
    """Start creating a window."""


@dataclass(frozen=True)
class StartNow(CallbackData, prefix="aspiration-window-now"):
    """The new window starts now."""


@dataclass(frozen=True)
class AllUnits(CallbackData, prefix="aspiration-window-all-units"):
    """The new window is for every unit."""


@dataclass(frozen=True)
class CreateWindow(CallbackData, prefix="aspiration-window-create"):
    """Open the window as confirmed."""


@dataclass(frozen=True)
class ExtendWindow(CallbackData, prefix="aspiration-window-extend"):
    """Ask for a window's new end."""

    window_id: int


@dataclass(frozen=True)
class CloseWindow(CallbackData, prefix="aspiration-window-close"):
    """Ask to confirm closing a window."""

    window_id: int


@dataclass(frozen=True)
class ConfirmClose(CallbackData, prefix="aspiration-window-close-yes"):
    """Close a window now."""

    window_id: int


# --- an accepted aspiration into a plan (bot.plans.from_aspiration) ------------------------


@dataclass(frozen=True)
class PlanAspiration(CallbackData, prefix="aspiration-plan"):
    """Draft a move from choice ``choice`` (from 1) of an accepted aspiration."""

    aspiration_id: int
    choice: int


@dataclass(frozen=True)
class PlanAspirationInto(CallbackData, prefix="aspiration-plan-into"):
    """Draft that move in the draft plan ``plan_id`` (0: a new plan)."""

    aspiration_id: int
    choice: int
    plan_id: int
