"""Typed keys of the web application, readable from mounted sub-apps via ``config_dict``.

A mounted route reaches the bot with ``request.config_dict[BOT_APP]`` (the PTB
Application, e.g. for ``services_of``), ``[DATABASE]`` and ``[SETTINGS]``.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web
from telegram.ext import Application

from bot.config import Settings
from bot.web.gate import Gate
from storage.db import Database

BOT_APP: web.AppKey[Application[Any, Any, Any, Any, Any, Any]] = web.AppKey("bot_app")
DATABASE = web.AppKey("database", Database)
SETTINGS = web.AppKey("settings", Settings)
GATE = web.AppKey("gate", Gate)
