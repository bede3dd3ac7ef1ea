"""The Bot API emulator, exercised by a real python-telegram-bot ``Bot`` and ``Application``."""

from __future__ import annotations

import asyncio
import datetime as dtm
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.ext import ApplicationBuilder, CommandHandler, ContextTypes

from bot.emulator import EmulatedUser, EmulatorClient, EmulatorServer
from bot.emulator.client import tiny_png
from bot.telegram_markup import MarkupError, visible_text

pytestmark = pytest.mark.e2e


@pytest.fixture
async def server() -> AsyncIterator[EmulatorServer]:
    """A running emulator on a free port."""
    srv = EmulatorServer()
    await srv.start()
    yield srv
    await srv.stop()


@pytest.fixture
async def client(server: EmulatorServer) -> AsyncIterator[EmulatorClient]:
    """Control-API client."""
    emu = EmulatorClient(server.control_url)
    yield emu
    await emu.close()


@pytest.fixture
async def bot(server: EmulatorServer) -> AsyncIterator[Bot]:
    """A real PTB Bot pointed at the emulator."""
    async with Bot(
        server.token, base_url=server.base_url, base_file_url=server.base_file_url
    ) as tg_bot:
        yield tg_bot


@pytest.fixture
async def user(client: EmulatorClient) -> EmulatedUser:
    """A user whose private chat is known to the bot (they said hello)."""
    u = client.user(1001, first_name="Siti", username="siti")
    await u.send("halo")
    return u


def _message(update: Update) -> Message:
    """The update's message (asserting there is one)."""
    assert update.message is not None
    return update.message


def _seconds(value: int | dtm.timedelta) -> float:
    """RetryAfter.retry_after as seconds (int or timedelta depending on PTB settings)."""
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


async def test_get_me_and_wrong_token(server: EmulatorServer, bot: Bot) -> None:
    """getMe works; a wrong token is 401 (PTB InvalidToken); unknown methods are 404."""
    assert bot.username == "emulator_bot"
    bad = Bot("999:WRONG", base_url=server.base_url, base_file_url=server.base_file_url)
    with pytest.raises(InvalidToken):
        await bad.get_me()
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{server.base_url}{server.token}/noSuchMethod") as resp,
    ):
        assert resp.status == 404
        assert await resp.json() == {
            "ok": False,
            "error_code": 404,
            "description": "Not Found: method not found",
        }


async def test_send_message_read_back_and_reply_keyboard(bot: Bot, user: EmulatedUser) -> None:
    """A sent message is readable by the user with its reply keyboard."""
    keyboard = ReplyKeyboardMarkup([[KeyboardButton("Bagikan nomor", request_contact=True)]])
    sent = await bot.send_message(user.chat_id, "Silakan bagikan nomor", reply_markup=keyboard)
    msg = await user.reply()
    assert msg.message_id == sent.message_id
    assert msg.text == "Silakan bagikan nomor"
    assert msg.reply_keyboard == [[{"text": "Bagikan nomor", "request_contact": True}]]
    await bot.send_message(user.chat_id, "ok", reply_markup=ReplyKeyboardRemove())
    removed = await user.reply()
    assert removed.remove_keyboard and removed.reply_keyboard is None


async def test_validation_errors(bot: Bot, user: EmulatedUser) -> None:
    """Unknown chat, empty and too long texts, bad markup are 400s."""
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(424242, "hi")
    with pytest.raises(BadRequest, match="too long"):
        await bot.send_message(user.chat_id, "x" * 4097)
    with pytest.raises(BadRequest, match="text is empty"):
        await bot.send_message(user.chat_id, "   ")
    with pytest.raises(BadRequest, match="parse entities"):
        await bot.send_message(user.chat_id, "a<br>b", parse_mode="HTML")
    with pytest.raises(BadRequest, match="reserved"):
        await bot.send_message(user.chat_id, "Selesai.", parse_mode="MarkdownV2")
    with pytest.raises(BadRequest, match="replied not found"):
        await bot.send_message(user.chat_id, "x", reply_to_message_id=999)


async def test_parse_modes_and_reply_to(bot: Bot, user: EmulatedUser) -> None:
    """HTML and MarkdownV2 are stripped to visible text; replies carry reply_to_message."""
    await bot.send_message(user.chat_id, "<b>Halo</b> &amp; <i>x</i>", parse_mode="HTML")
    await bot.send_message(user.chat_id, r"*Tebal* _miring_ selesai\.", parse_mode="MarkdownV2")
    await bot.send_message(user.chat_id, "balasan", reply_to_message_id=1)
    html, mdv2, replied = await user.replies(3)
    assert html.text == "Halo & x" and html.source_text == "<b>Halo</b> &amp; <i>x</i>"
    assert mdv2.text == "Tebal miring selesai."
    assert replied.raw["reply_to_message"]["text"] == "halo"


@pytest.mark.parametrize(
    ("text", "mode", "expected"),
    [
        ("plain < text", None, "plain < text"),
        ('<a href="https://x.id">tautan</a>', "HTML", "tautan"),
        ('<span class="tg-spoiler">s</span>', "HTML", "s"),
        (r"`kode.` \(1\)", "MarkdownV2", "kode. (1)"),
        ("[link](https://x.id) __u__ ||sp||", "MarkdownV2", "link u sp"),
        ("*tebal* _miring_", "Markdown", "tebal miring"),
    ],
)
def test_visible_text(text: str, mode: str | None, expected: str) -> None:
    """Markup parsing returns what the user sees."""
    assert visible_text(text, mode) == expected


@pytest.mark.parametrize(
    ("text", "mode"),
    [("<b>x", "HTML"), ("<b>x</i>", "HTML"), ("<div>x</div>", "HTML"), ("*x", "MarkdownV2")],
)
def test_invalid_markup(text: str, mode: str) -> None:
    """Invalid markup is rejected."""
    with pytest.raises(MarkupError):
        visible_text(text, mode)


async def test_edit_message(bot: Bot, user: EmulatedUser) -> None:
    """Edits update text/markup, count edits, and 'not modified' is a 400."""
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Ya", callback_data="yes")]])
    sent = await bot.send_message(user.chat_id, "Setuju?", reply_markup=markup)
    first = await user.reply()
    assert first.buttons == [["Ya"]] and first.callback_data == [["yes"]]
    await bot.edit_message_text("Setuju!", chat_id=user.chat_id, message_id=sent.message_id)
    edited = await user.wait_edit(sent.message_id)
    assert edited.text == "Setuju!" and edited.edit_count == 1
    assert edited.buttons == []  # no reply_markup in the edit removes the keyboard
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("Setuju!", chat_id=user.chat_id, message_id=sent.message_id)
    await bot.edit_message_reply_markup(user.chat_id, sent.message_id, reply_markup=markup)
    again = await user.wait_edit(sent.message_id)
    assert again.edit_count == 2 and again.buttons == [["Ya"]]
    latest = await user.latest()
    assert latest.message_id == sent.message_id and latest.edit_count == 2
    with pytest.raises(BadRequest, match="edit not found"):
        await bot.edit_message_text("x", chat_id=user.chat_id, message_id=999)
    assert await bot.delete_message(user.chat_id, sent.message_id)
    with pytest.raises(BadRequest, match="delete not found"):
        await bot.delete_message(user.chat_id, sent.message_id)


async def test_press_button_gives_callback_query(bot: Bot, user: EmulatedUser) -> None:
    """Pressing a button yields a CallbackQuery PTB parses; answers are recorded once."""
    rows = [[InlineKeyboardButton("Ya", callback_data="c:yes")]]
    rows.append([InlineKeyboardButton("Tidak", callback_data="c:no")])
    markup = InlineKeyboardMarkup(rows)
    sent = await bot.send_message(user.chat_id, "Lanjut?", reply_markup=markup)
    await user.press("Tidak")
    await user.press(data="forged:1")
    updates = await bot.get_updates()
    queries = [u.callback_query for u in updates if u.callback_query]
    assert [q.data for q in queries] == ["c:no", "forged:1"]
    assert queries[0].message is not None and queries[0].message.message_id == sent.message_id
    assert queries[0].from_user.id == user.id
    with pytest.raises(AssertionError, match="Mungkin"):
        await user.press("Mungkin")
    await bot.answer_callback_query(queries[0].id, text="Dicatat", show_alert=True)
    answers = await user.callback_answers(min_count=1)
    assert answers[0]["text"] == "Dicatat" and answers[0]["show_alert"] is True
    with pytest.raises(BadRequest, match="query"):
        await bot.answer_callback_query(queries[0].id)


async def test_user_document_download_by_bot(bot: Bot, user: EmulatedUser) -> None:
    """A document uploaded by the user can be fetched by the bot with getFile."""
    payload = b"NIP;nama\n199001012015031001;Siti\n"
    await user.upload(payload, filename="data.csv", caption="roster")
    updates = await bot.get_updates()
    doc_msg = updates[-1].message
    assert doc_msg is not None and doc_msg.document is not None
    assert doc_msg.document.file_name == "data.csv" and doc_msg.document.mime_type == "text/csv"
    assert doc_msg.caption == "roster"
    tg_file = await bot.get_file(doc_msg.document.file_id)
    assert bytes(await tg_file.download_as_bytearray()) == payload
    await user.send_photo(tiny_png(4, 3))
    photo = _message((await bot.get_updates(offset=updates[-1].update_id + 1))[-1]).photo
    assert (photo[-1].width, photo[-1].height) == (4, 3)


async def test_bot_document_and_photo(bot: Bot, user: EmulatedUser) -> None:
    """sendDocument/sendPhoto uploads are downloadable by the client; file_id reuse works."""
    report = b"%PDF-1.4 fake report"
    sent = await bot.send_document(user.chat_id, report, filename="laporan.pdf", caption="Hasil")
    await bot.send_photo(user.chat_id, tiny_png())
    assert sent.document is not None
    await bot.send_document(user.chat_id, sent.document.file_id)
    doc, pic, reused = await user.replies(3)
    assert doc.text == "Hasil" and doc.document is not None
    assert doc.document["file_name"] == "laporan.pdf"
    assert await user.download(doc) == report
    assert await user.download(pic) == tiny_png()
    assert await user.download(reused) == report
    with pytest.raises(BadRequest, match=r"(?i)wrong file identifier"):
        await bot.send_document(user.chat_id, "NO_SUCH_FILE_ID")


async def test_commands_per_scope(bot: Bot, client: EmulatorClient, user: EmulatedUser) -> None:
    """setMyCommands is keyed per scope and language; getMyCommands reads it back."""
    await bot.set_my_commands([BotCommand("start", "Mulai")])
    await bot.set_my_commands([BotCommand("help", "Help")], language_code="en")
    admin = [BotCommand("broadcast", "Kirim siaran")]
    await bot.set_my_commands(admin, scope=BotCommandScopeChat(user.chat_id))
    await bot.set_my_commands([BotCommand("me", "Profil")], scope=BotCommandScopeAllPrivateChats())
    assert [c.command for c in await bot.get_my_commands()] == ["start"]
    assert [c.command for c in await bot.get_my_commands(language_code="en")] == ["help"]
    chat_cmds = await bot.get_my_commands(scope=BotCommandScopeChat(user.chat_id))
    assert [c.command for c in chat_cmds] == ["broadcast"]
    assert await client.commands() == [{"command": "start", "description": "Mulai"}]
    assert await client.commands({"type": "all_private_chats"}) == [
        {"command": "me", "description": "Profil"}
    ]
    await bot.delete_my_commands(scope=BotCommandScopeChat(user.chat_id))
    assert await client.commands({"type": "chat", "chat_id": user.chat_id}) == []
    with pytest.raises(BadRequest):
        await bot.set_my_commands([BotCommand("Bad-Name", "x")])


async def test_faults(bot: Bot, client: EmulatorClient, user: EmulatedUser) -> None:
    """Injected faults map to PTB exceptions and are consumed by count and chat."""
    await client.add_fault("sendMessage", 429, "Too Many Requests: retry after 5", retry_after=5)
    with pytest.raises(RetryAfter) as info:
        await bot.send_message(user.chat_id, "a")
    assert _seconds(info.value.retry_after) == 5
    await client.add_fault("sendMessage", 403, "Forbidden: bot was blocked by the user", count=2)
    for _ in range(2):
        with pytest.raises(Forbidden):
            await bot.send_message(user.chat_id, "b")
    await client.add_fault("sendMessage", 400, "Bad Request: chat not found", chat_id=777)
    await bot.send_message(user.chat_id, "not affected")
    await client.add_fault("getMe", 500, "Internal Server Error")
    with pytest.raises(NetworkError):
        await bot.get_me()
    assert [m.text for m in await user.replies(1)] == ["not affected"]


async def test_blocked_chat(bot: Bot, client: EmulatorClient, user: EmulatedUser) -> None:
    """A blocked chat gets 403 until unblocked."""
    await client.block_chat(user.chat_id)
    with pytest.raises(Forbidden, match="blocked"):
        await bot.send_message(user.chat_id, "x")
    with pytest.raises(Forbidden):
        await bot.send_chat_action(user.chat_id, "typing")
    await client.block_chat(user.chat_id, blocked=False)
    await bot.send_chat_action(user.chat_id, "typing")
    assert [a["action"] for a in await user.actions()] == ["typing"]


async def test_flood_limit_and_sent_log(
    bot: Bot, client: EmulatorClient, user: EmulatedUser
) -> None:
    """Beyond the global rate sends get 429 (counted); the sent log counts accepted ones once."""
    await client.set_flood_limit(1)
    await bot.send_message(user.chat_id, "satu")
    with pytest.raises(RetryAfter) as info:
        await bot.send_message(user.chat_id, "dua")
    assert _seconds(info.value.retry_after) >= 1
    assert (await client.status())["flood_refused"] == 1
    await client.set_flood_limit(None)
    await bot.send_message(user.chat_id, "tiga")
    log = await client.wait_sent(2, chat_id=user.chat_id)
    assert [e["text"] for e in log] == ["satu", "tiga"]
    assert len({e["message_id"] for e in log}) == 2 and log[0]["ts"] <= log[1]["ts"]


async def test_get_updates_long_poll(bot: Bot, client: EmulatorClient) -> None:
    """A waiting getUpdates returns as soon as an update is injected."""
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await asyncio.sleep(0.2)
    assert not poll.done()
    other = client.user(2002, first_name="Budi", language_code="en")
    await other.send("/start@emulator_bot")
    updates = await asyncio.wait_for(poll, 10)
    message = _message(updates[0])
    assert message.text == "/start@emulator_bot"
    assert message.entities[0].type == "bot_command"
    assert message.from_user is not None and message.from_user.language_code == "en"
    assert (await bot.get_updates(offset=updates[-1].update_id + 1)) == ()


async def test_contact_and_group(bot: Bot, client: EmulatorClient) -> None:
    """Contacts carry the sender's or another user_id; group messages land in the group."""
    u = client.user(3003)
    await u.share_contact("+628123456789")
    await u.share_contact("+628111", user_id=4004, first_name="Lain")
    await u.send("/daftar", chat_type="group")
    updates = await bot.get_updates()
    own, other, group = (_message(x) for x in updates)
    assert own.contact is not None and other.contact is not None
    assert own.contact.user_id == 3003 and own.contact.phone_number == "+628123456789"
    assert other.contact.user_id == 4004
    assert group.chat.type == "group" and group.chat.id == u.group_chat_id
    await bot.send_message(group.chat.id, "Halo grup")
    assert (await u.reply(chat_id=u.group_chat_id)).text == "Halo grup"


async def test_webhook_conflict(bot: Bot) -> None:
    """getUpdates is a 409 Conflict while a webhook is set."""
    assert await bot.set_webhook("https://example.invalid/hook")
    assert (await bot.get_webhook_info()).url == "https://example.invalid/hook"
    with pytest.raises(Conflict):
        await bot.get_updates()
    with pytest.raises(BadRequest, match=r"(?i)https url"):
        await bot.set_webhook("http://example.invalid/hook")
    assert await bot.delete_webhook()
    assert await bot.get_updates() == ()


async def test_latency_and_reset(bot: Bot, client: EmulatorClient, user: EmulatedUser) -> None:
    """Latency delays every call (lower bound only); reset clears chats and settings."""
    await client.set_latency(200)
    assert (await client.status())["latency_ms"] == 200
    start = time.monotonic()
    await bot.get_me()
    assert time.monotonic() - start >= 0.19
    await client.reset()
    assert (await client.status())["latency_ms"] == 0
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(user.chat_id, "x")
    await client.register_chat(user.chat_id)
    await client.register_chats([7001, 7002], chat_type="group", name="OPD")
    await bot.send_message(7002, "grup terdaftar")
    await bot.send_message(user.chat_id, "setelah reset")
    assert (await user.reply()).text == "setelah reset"


async def test_application_polling(server: EmulatorServer, client: EmulatorClient) -> None:
    """A real PTB Application polling the emulator answers /start."""

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Reply hi."""
        assert update.effective_message is not None
        await update.effective_message.reply_text("hi")

    app = (
        ApplicationBuilder()
        .token(server.token)
        .base_url(server.base_url)
        .base_file_url(server.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=5)
        try:
            u = client.user(5005)
            assert (await u.ask("/start")).text == "hi"
            assert (await u.ask("/start")).text == "hi"
        finally:
            await app.updater.stop()
            await app.stop()
