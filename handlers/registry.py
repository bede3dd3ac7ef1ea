"""Registers every feature's handlers in one visible order.

Order matters only between groups: commands and button handlers live in group 0 and
are matched by command name or callback prefix; the catch-all for conversation input
(``handlers.flows``) is in group 10 so that it sees only what nothing else took.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from telegram.ext import Application

from handlers import (
    admin,
    approvals,
    aspirations,
    aspirations_hr,
    aspirations_period,
    broadcasts,
    campaigns,
    commands,
    consultation,
    dashboard,
    delivery_services,
    flows,
    followup,
    imports,
    matching,
    matching_hr,
    menu,
    plans,
    plans_aspiration,
    profile,
    questions,
    rules,
    start,
    surveys,
    surveys_hr,
    workload,
)
from handlers.base import error_callback

FEATURE_MODULES: tuple[ModuleType, ...] = (
    start,  # /start, consent, linking by contact or invite
    menu,  # /menu, /help, /cancel, /bahasa
    profile,  # /profil, skills, data export, unlink
    imports,  # HR file uploads (every kind of bot.imports.registry)
    admin,  # HR role and invite management
    matching,  # /rekomendasi
    matching_hr,  # /kandidat, /formasi (HR)
    aspirations,  # /aspirasi, /status, /periode, /rekap_aspirasi
    aspirations_hr,  # /rekap_aspirasi: HR review and export
    aspirations_period,  # /periode: aspiration windows
    delivery_services,  # outbox worker + scheduler lifecycle (no commands)
    broadcasts,  # /umumkan, /laporan_kirim
    campaigns,  # /sosialisasi: socialization templates
    plans,  # /rencana: mutation plans (HR)
    plans_aspiration,  # an accepted aspiration into a plan (HR)
    approvals,  # /persetujuan: approver decisions
    rules,  # /periode_larangan, /rotasi: move rules (HR)
    consultation,  # employee answers, /tanya queue
    workload,  # /beban_kerja: workload balance
    dashboard,  # /dasbor: the HR dashboard (Mini App button)
    surveys,  # survey answering
    surveys_hr,  # /hasil_survei, /survei
    followup,  # "may BKPSDM contact you?", /tindak_lanjut
    questions,  # /tanya_bkpsdm, /pertanyaan, /faq
    commands,  # unknown commands ("Maksud Anda /aspirasi?"), after every command
    flows,  # catch-all conversation input, last
)


def register_all(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Call ``register(app)`` of every feature module, in order."""
    for module in FEATURE_MODULES:
        module.register(app)
    app.add_error_handler(error_callback)
