"""Typed buttons of announcements (/umumkan, /terjadwal, /laporan_kirim) and the audience picker.

The audience picker serves several HR flows (/umumkan, survey sending). Its four button
kinds are declared here without a prefix; each flow subclasses them with its own readable
prefix (``broadcast-audience``, ``survey-send-audience`` …) and hands the set to the
picker as :class:`PickerButtons`, so a button only ever reaches its own flow's picker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.callback_data import CallbackData

BaseAudience = Literal["all", "units", "role"]
RefAudience = Literal["plan", "survey_pending"]
Role = Literal["hr", "approver", "employee"]


# -- the audience picker's button kinds (subclassed per flow) -----------------------------


@dataclass(frozen=True)
class ChooseAudience(CallbackData):
    """Everyone, some units (typed and picked) or a role."""

    kind: BaseAudience


@dataclass(frozen=True)
class ChooseRole(CallbackData):
    """Everyone holding a role."""

    role: Role


@dataclass(frozen=True)
class ToggleUnit(CallbackData):
    """Add a unit to the chosen ones, or remove it."""

    unit_id: int


@dataclass(frozen=True)
class UnitsDone(CallbackData):
    """Confirm the chosen units."""


@dataclass(frozen=True)
class PickerButtons:
    """The button classes of one flow's audience picker."""

    audience: type[ChooseAudience]
    role: type[ChooseRole]
    unit: type[ToggleUnit]
    units_done: type[UnitsDone]


# -- /umumkan -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BroadcastAudience(ChooseAudience, prefix="broadcast-audience"):
    """Audience button of /umumkan."""


@dataclass(frozen=True)
class BroadcastRole(ChooseRole, prefix="broadcast-role"):
    """Role button of /umumkan."""


@dataclass(frozen=True)
class BroadcastUnit(ToggleUnit, prefix="broadcast-unit"):
    """Unit toggle of /umumkan."""


@dataclass(frozen=True)
class BroadcastUnitsDone(UnitsDone, prefix="broadcast-units-done"):
    """ "Done choosing units" of /umumkan."""


BROADCAST_PICKER = PickerButtons(
    BroadcastAudience, BroadcastRole, BroadcastUnit, BroadcastUnitsDone
)


@dataclass(frozen=True)
class ChooseRefAudience(CallbackData, prefix="broadcast-audience-ref"):
    """Audience of one plan, or of those who have not finished a survey (asks its number)."""

    kind: RefAudience


@dataclass(frozen=True)
class SkipAttachment(CallbackData, prefix="broadcast-skip"):
    """Send the announcement without an attachment."""


@dataclass(frozen=True)
class SendBroadcast(CallbackData, prefix="broadcast-send"):
    """Queue the confirmed announcement now."""


@dataclass(frozen=True)
class ScheduleBroadcast(CallbackData, prefix="broadcast-schedule"):
    """Ask for the local send time of the confirmed announcement."""


@dataclass(frozen=True)
class AbortBroadcast(CallbackData, prefix="broadcast-abort"):
    """Drop the announcement draft."""


# -- /terjadwal and /laporan_kirim --------------------------------------------------------


@dataclass(frozen=True)
class CancelBroadcast(CallbackData, prefix="broadcast-cancel"):
    """Cancel a scheduled announcement."""

    broadcast_id: int


@dataclass(frozen=True)
class ShowBroadcastReport(CallbackData, prefix="broadcast-report"):
    """Show the delivery figures of one announcement."""

    broadcast_id: int


@dataclass(frozen=True)
class ExportBroadcastReport(CallbackData, prefix="broadcast-export"):
    """Send the XLSX delivery report of one announcement."""

    broadcast_id: int
