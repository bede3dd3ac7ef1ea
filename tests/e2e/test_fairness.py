"""One user's trouble never stalls another: 429 waits give the slot back, bursts are capped."""

from __future__ import annotations

import asyncio

from bot.harness import running_bot
from tests.factories import add_employee


async def test_429_on_one_users_reply_does_not_block_others(db_url: str) -> None:
    """With one slot, A's reply waits out a 429 while B is answered; A's reply still arrives."""
    async with running_bot(migrate=False, database_url=db_url, max_concurrent_updates=1) as h:
        await add_employee(h.services.db, telegram_id=7101)
        await add_employee(
            h.services.db, telegram_id=7102, nip="199104162016042002", phone="6281234567891"
        )
        a, b = h.user(7101), h.user(7102)
        await h.client.add_fault(
            "sendMessage", 429, "Too Many Requests", retry_after=3, chat_id=a.chat_id
        )
        await a.send("/menu")
        await asyncio.sleep(0.5)  # A's handler is now waiting out the 429
        assert (await b.ask("/menu", timeout=2.5)).text
        assert (await a.reply(timeout=10)).text  # retried after retry_after, not lost
        log = await h.client.sent_log()
        chats = [entry["chat_id"] for entry in log if entry["chat_id"] in (a.chat_id, b.chat_id)]
        assert chats.index(b.chat_id) < chats.index(a.chat_id)


async def test_burst_is_capped_with_one_notice(db_url: str) -> None:
    """A burst beyond the per-user cap is answered once with the 'too many messages' notice."""
    async with running_bot(migrate=False, database_url=db_url, max_queued_updates_per_user=3) as h:
        await add_employee(h.services.db, telegram_id=7201)
        user = h.user(7201)
        await h.client.set_latency(50)
        for _ in range(15):
            await user.send("/menu")
        await h.client.set_latency(0)
        b = h.user(7202)
        await b.send("/start")
        assert (await b.reply()).text
        await asyncio.sleep(1.0)
        texts = [m.text for m in await h.client.messages(user.chat_id)]
        notices = [t for t in texts if t.startswith("⏳")]
        assert len(notices) == 1
        assert 3 <= len(texts) - 1 < 15
