"""Typed button payloads of the workload view (plan 0: the figures as they are now)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.callback_data import CallbackData


@dataclass(frozen=True)
class ShowWorkload(CallbackData, prefix="workload-show"):
    """The balance table, after plan ``plan_id`` (0: before any plan)."""

    plan_id: int


@dataclass(frozen=True)
class WorkloadChart(CallbackData, prefix="workload-chart"):
    """The balance as a PNG chart."""

    plan_id: int


@dataclass(frozen=True)
class WorkloadXlsx(CallbackData, prefix="workload-xlsx"):
    """The balance as XLSX."""

    plan_id: int
