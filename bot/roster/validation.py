"""Pure validation and normalisation of roster values (NIP, phone, golongan, dates ...).

Every rejection raises :class:`RosterError` with a machine ``code`` and ``params``; the
message is the ``code`` variant of the ``roster.err`` text in the locale files, so reports
can be translated. Nothing here does I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bot.imports.report import RowError
from bot.roster.phones import PhoneError, parse_indonesian_mobile

# Golongan ruang, lowest first. I and II and III have a..d, IV has a..e.
RANKS: tuple[str, ...] = (
    *(f"I/{c}" for c in "abcd"),
    *(f"II/{c}" for c in "abcd"),
    *(f"III/{c}" for c in "abcd"),
    *(f"IV/{c}" for c in "abcde"),
)
_RANK_SET = frozenset(RANKS)
_ROMAN = {
    "1": "I",
    "2": "II",
    "3": "III",
    "4": "IV",
    "i": "I",
    "ii": "II",
    "iii": "III",
    "iv": "IV",
}
_RANK_RE = re.compile(r"^(iv|iii|ii|i|[1-4])\s*[/\-.]?\s*([a-e])$", re.IGNORECASE)

# Education levels, lowest first. SMA covers SMK/MA/SLTA (the column holds 4 characters).
EDUCATION_LEVELS: tuple[str, ...] = ("SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3")
_EDUCATION_ALIASES = {
    "SD": "SD", "MI": "SD",
    "SMP": "SMP", "SLTP": "SMP", "MTS": "SMP",
    "SMA": "SMA", "SMK": "SMA", "SMU": "SMA", "SLTA": "SMA", "MA": "SMA", "SMASMK": "SMA",
    "D1": "D1", "DI": "D1", "D2": "D2", "DII": "D2", "D3": "D3", "DIII": "D3",
    "D4": "D4", "DIV": "D4",
    "S1": "S1", "SARJANA": "S1", "S2": "S2", "MAGISTER": "S2", "S3": "S3", "DOKTOR": "S3",
}  # fmt: skip

POSITION_KINDS: tuple[str, ...] = ("JPT", "administrator", "pengawas", "pelaksana", "fungsional")
_POSITION_KIND_ALIASES = {
    "jpt": "JPT", "jabatan pimpinan tinggi": "JPT", "pimpinan tinggi": "JPT",
    "administrator": "administrator", "jabatan administrator": "administrator",
    "pengawas": "pengawas", "jabatan pengawas": "pengawas",
    "pelaksana": "pelaksana", "jabatan pelaksana": "pelaksana", "jfu": "pelaksana",
    "fungsional umum": "pelaksana", "jabatan fungsional umum": "pelaksana",
    "fungsional": "fungsional", "jft": "fungsional", "jabatan fungsional": "fungsional",
    "fungsional tertentu": "fungsional", "jabatan fungsional tertentu": "fungsional",
}  # fmt: skip

_TRUE = frozenset({"ya", "y", "yes", "true", "1", "benar", "iya"})
_FALSE = frozenset({"tidak", "t", "no", "n", "false", "0", "tdk", "salah", ""})

MIN_CPNS_AGE = 18
MAX_TEXT = 200


ERROR_KEYS = {  # problem code -> text key
    "nip_empty": "roster.err.nip_empty",
    "nip_digits": "roster.err.nip_digits",
    "nip_length": "roster.err.nip_length",
    "nip_birth_date": "roster.err.nip_birth_date",
    "nip_tmt_date": "roster.err.nip_tmt_date",
    "nip_tmt_future": "roster.err.nip_tmt_future",
    "nip_tmt_too_early": "roster.err.nip_tmt_too_early",
    "nip_sex": "roster.err.nip_sex",
    "nip_duplicate": "roster.err.nip_duplicate",
    "name_empty": "roster.err.name_empty",
    "required": "roster.err.required",
    "too_long": "roster.err.too_long",
    "phone": "roster.err.phone",
    "rank_empty": "roster.err.rank_empty",
    "rank": "roster.err.rank",
    "education": "roster.err.education",
    "position_kind": "roster.err.position_kind",
    "date": "roster.err.date",
    "date_future": "roster.err.date_future",
    "bool": "roster.err.bool",
    "sanction_level": "roster.err.sanction_level",
    "skp": "roster.err.skp",
}


class RosterError(ValueError):
    """A rejected roster value or file; ``code`` names the problem, ``params`` its details."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __repr__(self) -> str:
        return f"RosterError({self.code!r}, {self.params!r})"

    @property
    def key(self) -> str:
        """The locale key of the message (``roster.err.<code>``)."""
        return ERROR_KEYS[self.code]

    def at(self, line: int, column: str) -> RowError:
        """This rejection as the error of ``column`` on ``line`` of an import file."""
        return RowError(line, column, self.key, dict(self.params))


@dataclass(frozen=True, slots=True)
class NipInfo:
    """What an 18-digit NIP encodes."""

    nip: str
    birth_date: date
    cpns_tmt: date  # first day of the CPNS TMT month
    sex: str  # "M" (digit 1) or "F" (digit 2)
    serial: str


def normalize_phone(raw: object) -> str | None:
    """The stored form (``628…``) of an Indonesian mobile number in a roster cell, or None."""
    try:
        return parse_indonesian_mobile(raw)
    except PhoneError:
        return None


def _real_date(year: int, month: int, day: int) -> date | None:
    """The date or None when it does not exist."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_nip(nip: object, *, reference_date: date | None = None) -> NipInfo:
    """Check an 18-digit NIP and decode it; spaces inside are ignored."""
    text = re.sub(r"\s", "", str(nip or ""))
    if not text.isdigit():
        raise RosterError("nip_digits") if text else RosterError("nip_empty")
    if len(text) != 18:
        raise RosterError("nip_length", found=len(text))
    today = reference_date or date.today()
    birth = _real_date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    if birth is None or birth.year < 1900 or birth > today:
        raise RosterError("nip_birth_date", value=f"{text[0:4]}-{text[4:6]}-{text[6:8]}")
    tmt_text = f"{text[8:12]}-{text[12:14]}"
    tmt = _real_date(int(text[8:12]), int(text[12:14]), 1)
    if tmt is None:
        raise RosterError("nip_tmt_date", value=tmt_text)
    if tmt > today:
        raise RosterError("nip_tmt_future", value=tmt_text)
    if (tmt.year, tmt.month) < (birth.year + MIN_CPNS_AGE, birth.month):
        raise RosterError("nip_tmt_too_early", value=tmt_text, age=MIN_CPNS_AGE)
    sex_digit = text[14]
    if sex_digit not in "12":
        raise RosterError("nip_sex", digit=sex_digit)
    return NipInfo(
        nip=text, birth_date=birth, cpns_tmt=tmt, sex="M" if sex_digit == "1" else "F",
        serial=text[15:],
    )  # fmt: skip


def normalize_rank(raw: object) -> str:
    """Canonical golongan ("III/b") from variants like "iii/b", "III / b", "3b"."""
    text = str(raw or "").strip()
    match = _RANK_RE.match(text)
    if match:
        rank = f"{_ROMAN[match.group(1).lower()]}/{match.group(2).lower()}"
        if rank in _RANK_SET:
            return rank
    raise RosterError("rank_empty") if not text else RosterError("rank", value=text)


def rank_index(rank: str) -> int:
    """Position of a golongan in :data:`RANKS` (0 = I/a); accepts the same variants."""
    return RANKS.index(normalize_rank(rank))


def normalize_education(raw: object) -> str:
    """Canonical education level (SD … S3); "" for an empty cell."""
    text = str(raw or "").strip()
    if not text:
        return ""
    key = re.sub(r"[\s\-./]", "", text).upper()
    level = _EDUCATION_ALIASES.get(key)
    if level is None:
        raise RosterError("education", value=text)
    return level


def education_index(level: str) -> int:
    """Position of an education level in :data:`EDUCATION_LEVELS` (0 = SD)."""
    return EDUCATION_LEVELS.index(normalize_education(level))


def normalize_position_kind(raw: object) -> str:
    """Canonical jenis jabatan (JPT, administrator, …); "" for an empty cell."""
    text = " ".join(str(raw or "").split())
    if not text:
        return ""
    kind = _POSITION_KIND_ALIASES.get(text.lower())
    if kind is None:
        raise RosterError("position_kind", value=text)
    return kind


_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y/%m/%d", "%Y-%m-%d %H:%M:%S")


def parse_date(raw: object, *, column: str = "") -> date | None:
    """A date from YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY or a date cell; None when empty."""
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = str(raw or "").strip()
    if not text:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise RosterError("date", column=column, value=text)


def parse_bool(raw: object, *, column: str = "") -> bool:
    """ya/tidak (also yes/no, true/false, 1/0, y/t); an empty cell is False."""
    if isinstance(raw, bool):
        return raw
    text = str(raw or "").strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise RosterError("bool", column=column, value=str(raw).strip())


def clean_text(raw: object, *, column: str, required: bool = False, max_len: int = MAX_TEXT) -> str:
    """Collapse whitespace; reject an empty required value or one longer than ``max_len``."""
    text = " ".join(str(raw or "").split())
    if required and not text:
        raise RosterError("name_empty" if column == "nama" else "required", column=column)
    if len(text) > max_len:
        raise RosterError("too_long", column=column, max=max_len)
    return text
