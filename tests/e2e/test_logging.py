"""Logs at DEBUG: no NIP, phone number, message text or invite code in any record.

The real Application polls the emulator while pytest captures every logger at DEBUG
(python-telegram-bot logs each Bot API call with its parameters, aiosqlite each statement).
"""

from __future__ import annotations

import logging
import re

import pytest

from bot.harness import BotHarness
from bot.logging_setup import redact, scrub
from storage.models import ConversationState
from tests.conftest import HR_ID
from tests.db_scan import tables_holding
from tests.factories import add_employee

NIP_LINKED, NIP_INVITED = "199003152015031001", "198805122010012003"
PHONE = "6281234567890"
SECRET_TEXT = "Pesan rahasia tentang kucing oranye"


async def _register_by_phone(harness: BotHarness) -> None:
    """Consent, share an Indonesian contact, then type a free text and open the profile."""
    user = harness.user(6101)
    await user.send("/start")
    await user.replies(2)
    await user.press("✅ Saya setuju")
    await user.reply()
    await user.share_contact("+62 812-3456-7890")
    await user.replies(2)
    await user.ask(SECRET_TEXT)
    await user.ask("/profil")


async def _register_by_invite(harness: BotHarness) -> str:
    """HR creates an invite by NIP; the employee opens the deep link; returns the code."""
    hr = harness.user(HR_ID)
    created = await hr.ask(f"/undangan {NIP_INVITED}")
    found = re.search(r"start=([A-Za-z0-9_-]+)", created.text)
    assert found is not None, created.text
    code = found.group(1)
    invited = harness.user(6102)
    await invited.send(f"/start {code}")
    await invited.replies(2)
    await invited.press("✅ Saya setuju")
    await invited.replies(2)
    return code


async def test_debug_logs_hold_no_personal_data(
    harness: BotHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Registering by phone and by invite, typing text: nothing personal reaches a record."""
    db = harness.services.db
    await add_employee(db, nip=NIP_LINKED, phone=PHONE)
    await add_employee(db, nip=NIP_INVITED, phone="6285711112222", name="Siti Rahma")
    caplog.set_level(logging.DEBUG)
    await _register_by_phone(harness)
    code = await _register_by_invite(harness)
    secrets = (NIP_LINKED, NIP_INVITED, "81234567890", "812-3456-7890", SECRET_TEXT, code)
    assert any(r.name.startswith("telegram") and r.levelno == logging.DEBUG for r in caplog.records)
    for record in caplog.records:
        text = f"{record.getMessage()} {record.exc_text or ''} {record.stack_info or ''}"
        leaked = [s for s in secrets if s in text]
        assert not leaked, (record.name, leaked)
    assert not [s for s in secrets if s in caplog.text]


async def test_invite_code_never_stored_in_plain(harness: BotHarness) -> None:
    """From /undangan to the link opened before consent: no table holds the plain code."""
    await add_employee(harness.services.db, nip=NIP_INVITED, phone="6285711112222")
    created = await harness.user(HR_ID).ask(f"/undangan {NIP_INVITED}")
    found = re.search(r"start=([A-Za-z0-9_-]+)", created.text)
    assert found is not None
    code = found.group(1)
    invited = harness.user(6103)
    await invited.send(f"/start {code}")
    await invited.replies(2)  # the draft waits for consent
    async with harness.services.db.transaction() as session:
        assert await session.get(ConversationState, 6103) is not None
    assert await tables_holding(harness.services.db, code) == {}
    await invited.press("✅ Saya setuju")
    linked, _menu = await invited.replies(2)
    assert "Akun terhubung" in linked.text
    assert await tables_holding(harness.services.db, code) == {}


def test_redaction_of_library_records_and_own_text() -> None:
    """Library arguments are redacted (numbers kept); NIPs, phones and codes are scrubbed."""
    record = logging.LogRecord(
        "telegram.Bot", logging.DEBUG, __file__, 1, "call %s with %s (%d)",
        ("sendMessage", {"text": SECRET_TEXT}, 3), None,
    )  # fmt: skip
    assert redact(record).getMessage() == "call [redacted] with [redacted] (3)"
    own = "NIP 199003152015031001 phone +62 812-3456-7890 or 081234567890 link ?start=AbC_123-xyz"
    assert scrub(own) == "NIP [nip] phone [phone] or [phone] link ?start=[code]"
    assert scrub("bot 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw") == "bot [token]"
