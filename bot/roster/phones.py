"""Indonesian mobile numbers: parse a roster cell or a shared contact with ``phonenumbers``.

Only numbers of Indonesia (country code 62) may link an account, and they must be mobile
numbers (national number 8…, 9 to 12 digits). Both sources normalise to one stored form,
the E.164 digits without the ``+`` (``0812-3456-789``, ``62812…`` and ``+62 812-…`` all
become ``628123456789``), so a roster phone and a contact compare as plain strings.

The two sources differ in one way. A roster cell is typed by people: ``0812…``, ``62812…``
and ``812…`` (a spreadsheet dropped the leading zero) are Indonesian. A Telegram contact
always carries its country code, so ``8210…`` there is Korea (+82), never ``0821…``.
"""

from __future__ import annotations

import re
from typing import Literal

import phonenumbers

REGION = "ID"
COUNTRY_CODE = 62
# Mobile national numbers: 8, then 8..11 more digits ("0812-3456-78" .. "0812-3456-78901").
MOBILE_MIN_DIGITS = 9
MOBILE_MAX_DIGITS = 12
_SEPARATORS_RE = re.compile(r"[\s\-.()/]")

PhoneProblem = Literal["invalid", "foreign"]


class PhoneError(ValueError):
    """The number cannot link an account: ``invalid`` or ``foreign`` (not +62)."""

    def __init__(self, problem: PhoneProblem) -> None:
        super().__init__(problem)
        self.problem: PhoneProblem = problem


def _international_text(digits: str, *, shared_contact: bool) -> str | None:
    """The number with a leading ``+`` when it carries a country code, else None (national)."""
    if digits.startswith("+"):
        return digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0"):
        return None  # national trunk prefix: "0812…"
    if shared_contact or digits.startswith("62"):
        return "+" + digits
    return None  # a roster cell whose leading zero was lost: "812…"


def parse_indonesian_mobile(raw: object, *, shared_contact: bool = False) -> str:
    """The stored form (E.164 digits, ``628…``) of an Indonesian mobile number.

    Raise :class:`PhoneError` ``foreign`` for a number of another country and ``invalid``
    for anything that is not an Indonesian mobile number.
    """
    text = _SEPARATORS_RE.sub("", str(raw or "").strip())
    if not re.fullmatch(r"\+?\d+", text):
        raise PhoneError("invalid")
    international = _international_text(text, shared_contact=shared_contact)
    try:
        number = phonenumbers.parse(international or text, REGION)
    except phonenumbers.NumberParseException as exc:
        raise PhoneError("invalid") from exc
    if number.country_code != COUNTRY_CODE:
        raise PhoneError("foreign")
    national = str(number.national_number)
    if not national.startswith("8") or not (
        MOBILE_MIN_DIGITS <= len(national) <= MOBILE_MAX_DIGITS
    ):
        raise PhoneError("invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164).lstrip("+")
