"""Registers every feature's handlers in one visible order.

Order matters only between groups: commands and button handlers live in group 0 and
are matched by command name or callback prefix; the catch-all for conversation input
(``handlers.flows``) is in group 10 so that it sees only what nothing else took.
"""

from __future__ import annotations

import importlib
from typing import Any

from telegram.ext import Application

from handlers.base import error_callback

FEATURE_MODULES = (
    "handlers.start",  # /start, consent, linking by contact or invite
    "handlers.menu",  # /menu, /help, /cancel, /bahasa
    "handlers.profile",  # /profil, skills, data export, unlink
    "handlers.imports",  # HR file uploads (roster, positions, …)
    "handlers.admin",  # HR role and invite management
    "handlers.matching",  # /rekomendasi, positions import
    "handlers.matching_hr",  # /kandidat, /formasi (HR)
    "handlers.aspirations",  # /aspirasi, /status, /periode, /rekap_aspirasi
    "handlers.aspirations_hr",  # /rekap_aspirasi: HR review and export
    "handlers.aspirations_period",  # /periode: aspiration windows
    "handlers.delivery_services",  # outbox worker + scheduler lifecycle (no commands)
    "handlers.broadcasts",  # /umumkan, /laporan_kirim
    "handlers.campaigns",  # /sosialisasi: socialization templates
    "handlers.plans",  # /rencana: mutation plans (HR)
    "handlers.approvals",  # /persetujuan: approver decisions
    "handlers.consultation",  # employee answers, /tanya queue
    "handlers.workload",  # /beban_kerja: workload balance
    "handlers.surveys",  # survey answering
    "handlers.surveys_hr",  # /hasil_survei, /survei
    "handlers.flows",  # catch-all conversation input, last
)


def register_all(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Call ``register(app)`` of every feature module that exists, in order."""
    for name in FEATURE_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # feature not built yet
            raise
        module.register(app)
    app.add_error_handler(error_callback)
