"""Logging without personal data: no NIP, phone, message text, invite code or token in a record.

Libraries log what they send and receive: at DEBUG, python-telegram-bot logs every Bot API
call with its parameters and every reply (message texts, shared contacts, ``/start`` codes),
its webhook server the raw update, aiosqlite every statement with its parameters, httpx
every URL (with the bot token). A filter on a handler would miss handlers added later (and
pytest's ``caplog``), so :func:`install_log_redaction` wraps the log record factory: every
record, whichever logger makes it, is cleaned once as it is created.

- Records of other libraries keep their message template and their numbers; every other
  argument (payloads, URLs, update objects) is replaced by ``[redacted]``.
- Every record's final text and traceback are scrubbed of NIPs, phone numbers, bot tokens
  and deep-link codes (a last guard for the bot's own modules too, which log ids only).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from typing import Any

OWN_LOGGERS = ("bot", "handlers", "storage", "__main__")
REDACTED = "[redacted]"
SCRUBS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b\d{6,12}:[A-Za-z0-9_-]{20,}"), "[token]"),  # bot token
    (re.compile(r"(?<!\d)\d{18}(?!\d)"), "[nip]"),  # NIP: 18 digits
    (re.compile(r"(?<![\w+])(?:\+?62|0)[ .-]?8\d(?:[ .-]?\d){6,11}(?!\d)"), "[phone]"),
    (re.compile(r"(start[= ])[A-Za-z0-9_-]{6,64}"), r"\1[code]"),  # deep-link payloads
)

_installed: list[Callable[..., logging.LogRecord]] = []


def scrub(text: str) -> str:
    """``text`` with NIPs, phone numbers, bot tokens and deep-link codes replaced."""
    for pattern, replacement in SCRUBS:
        text = pattern.sub(replacement, text)
    return text


def _kept(value: object) -> object:
    """A library's log argument: numbers stay (``%d`` needs them), anything else is redacted."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return REDACTED


def _own(name: str) -> bool:
    """True for the bot's own loggers, which log no payloads (house style)."""
    return any(name == own or name.startswith(own + ".") for own in OWN_LOGGERS)


def redact(record: logging.LogRecord) -> logging.LogRecord:
    """Clean ``record`` in place (see the module docstring) and return it."""
    if record.args and not _own(record.name):
        if isinstance(record.args, Mapping):
            record.args = {key: _kept(value) for key, value in record.args.items()}
        else:
            record.args = tuple(_kept(value) for value in record.args)
    try:
        message = record.getMessage()
    except (TypeError, ValueError):  # a template that needs what was redacted
        message = str(record.msg)
    record.msg, record.args = scrub(message), ()
    if record.exc_info and not record.exc_text:
        record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
    if record.stack_info:
        record.stack_info = scrub(record.stack_info)
    return record


def install_log_redaction() -> None:
    """Clean every log record from now on (idempotent; `asn-bot run`, the demo, the harness)."""
    if _installed:
        return
    previous = logging.getLogRecordFactory()
    _installed.append(previous)

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        """Make the record as before, then redact it."""
        return redact(previous(*args, **kwargs))

    logging.setLogRecordFactory(factory)


def configure_logging(level: str | int) -> None:
    """Set the level of the bot's logging and install the redaction."""
    install_log_redaction()
    logging.getLogger().setLevel(level)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request is noise
