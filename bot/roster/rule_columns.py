"""Roster cells the move rules read: the sanction's level and the SKP rating (predikat).

Dates (sanction end, study leave end, ikatan dinas end) use ``validation.parse_date``.
"""

from __future__ import annotations

import re

from bot.roster.validation import RosterError

SANCTION_LEVELS = ("ringan", "sedang", "berat")
_SANCTION_ALIASES = {"ringan": "ringan", "light": "ringan", "minor": "ringan",
                     "sedang": "sedang", "moderate": "sedang", "berat": "berat",
                     "severe": "berat", "heavy": "berat"}  # fmt: skip
# Predikat kinerja (PermenPANRB 6/2022), and the older SKP words and scores.
_SKP_ALIASES = {
    "sangat baik": "sangat baik", "istimewa": "sangat baik", "very good": "sangat baik",
    "baik": "baik", "good": "baik", "cukup": "cukup", "fair": "cukup",
    "butuh perbaikan": "butuh perbaikan", "perlu perbaikan": "butuh perbaikan",
    "needs improvement": "butuh perbaikan", "kurang": "kurang", "poor": "kurang",
    "sangat kurang": "sangat kurang", "very poor": "sangat kurang", "buruk": "buruk",
}  # fmt: skip
# Old SKP scores: 91+ sangat baik, 76-90 baik, 61-75 cukup, 51-60 kurang, up to 50 buruk.
_SKP_SCORES = ((91, "sangat baik"), (76, "baik"), (61, "cukup"), (51, "kurang"), (0, "buruk"))


def normalize_sanction_level(raw: object, *, column: str = "") -> str:
    """ringan, sedang or berat (words like "hukuman disiplin sedang" too); "" when empty."""
    text = " ".join(str(raw or "").lower().split())
    if not text:
        return ""
    for word in reversed(text.split()):
        if word in _SANCTION_ALIASES:
            return _SANCTION_ALIASES[word]
    raise RosterError("sanction_level", column=column, value=str(raw).strip())


def normalize_skp(raw: object, *, column: str = "") -> str:
    """The SKP rating as a predikat (``sangat baik`` … ``buruk``); a score 0-100 is mapped."""
    text = " ".join(str(raw or "").lower().split())
    if not text:
        return ""
    if text in _SKP_ALIASES:
        return _SKP_ALIASES[text]
    if re.fullmatch(r"\d{1,3}([.,]\d+)?", text) and float(text.replace(",", ".")) <= 100:
        score = float(text.replace(",", "."))
        return next(label for low, label in _SKP_SCORES if score >= low)
    raise RosterError("skp", column=column, value=str(raw).strip())
