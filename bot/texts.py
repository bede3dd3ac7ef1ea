"""User-facing texts looked up by key and locale from ``bot/locales/<locale>/*.json``.

Every feature keeps its texts in its own file (``core.json``, ``aspirations.json`` ...);
all files of a locale are merged into one flat key space. Keys are dotted, e.g.
``start.welcome``. A missing key in a locale falls back to Indonesian, then to the key.
"""

from __future__ import annotations

import json
import logging
from functools import cache
from pathlib import Path

LOCALES_DIR = Path(__file__).parent / "locales"
DEFAULT_LOCALE = "id"
LOCALES = ("id", "en")

log = logging.getLogger(__name__)


@cache
def catalog(locale: str) -> dict[str, str]:
    """Return the merged key -> text mapping of one locale (cached after first use)."""
    merged: dict[str, str] = {}
    folder = LOCALES_DIR / locale
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for key, value in data.items():
            if key in merged:
                raise ValueError(f"duplicate text key {key!r} in {path}")
            merged[key] = value
    return merged


def t(locale: str | None, key: str, /, **params: object) -> str:
    """Translate ``key`` into ``locale``, formatting ``{placeholders}`` with ``params``."""
    loc = locale if locale in LOCALES else DEFAULT_LOCALE
    text = catalog(loc).get(key)
    if text is None:
        text = catalog(DEFAULT_LOCALE).get(key)
    if text is None:
        log.warning("missing locale entry %s", key)
        return key
    return text.format(**params) if params else text


def has_key(locale: str, key: str) -> bool:
    """True when ``key`` exists in ``locale`` itself (no fallback)."""
    return key in catalog(locale)
