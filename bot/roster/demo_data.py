"""A deterministic, realistic demo roster of the fictional "Kabupaten Sukamaju".

``generate_rows`` builds roster lines (the same columns as HR's CSV) from a seed;
``write_csv`` turns them into a file; ``load_demo`` imports them through the normal
roster import kind and can link synthetic Telegram users to every
employee (for the emulator, demos and benchmarks only).
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.imports.kinds import ImportContext
from bot.imports.pipeline import import_data
from bot.imports.report import ImportReport
from bot.roster.columns import ALL_COLUMNS
from bot.roster.demo_pools import (
    COMMON_FAMILIES,
    FAMILIES,
    FAMILY_NAMES,
    FEMALE_NAMES,
    MALE_NAMES,
    PHONE_PREFIXES,
    SUBBAGIAN,
    UNITS,
    Family,
)
from bot.roster.importer import ROSTER
from bot.roster.validation import EDUCATION_LEVELS, RANKS

# Fixed "today" of the demo, so the same seed gives the same file on any day.
DEMO_REFERENCE_DATE = date(2025, 1, 1)
DEMO_TELEGRAM_ID_BASE = 700_000_000

_LEVEL_TABLE = {  # level: (weight in %, start rank, highest rank, youngest CPNS age)
    "SD": (1, "I/a", "II/b", 18),
    "SMP": (2, "I/c", "II/d", 18),
    "SMA": (20, "II/a", "III/c", 19),
    "D1": (1, "II/a", "III/c", 20),
    "D2": (1, "II/b", "III/c", 21),
    "D3": (15, "II/c", "III/d", 22),
    "D4": (4, "III/a", "IV/b", 23),
    "S1": (42, "III/a", "IV/b", 23),
    "S2": (13, "III/b", "IV/c", 26),
    "S3": (1, "III/c", "IV/e", 30),
}


def _expert_level(rank: int) -> str:
    """Jenjang of a keahlian position for a rank index."""
    if rank >= RANKS.index("IV/d"):
        return "Ahli Utama"
    if rank >= RANKS.index("IV/a"):
        return "Ahli Madya"
    return "Ahli Muda" if rank >= RANKS.index("III/c") else "Ahli Pertama"


def _skilled_level(rank: int) -> str:
    """Jenjang of a keterampilan position for a rank index."""
    if rank >= RANKS.index("III/c"):
        return "Penyelia"
    return "Mahir" if rank >= RANKS.index("III/a") else "Terampil"


@dataclass(slots=True)
class _Slots:
    """Open structural positions of one unit."""

    head: bool
    bidang: list[str]
    sections: list[str]


class _Generator:
    """Stateful helper that keeps NIPs and phones unique while generating rows."""

    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.nips: set[str] = set()
        self.phones: set[str] = set()
        self.slots = {name: self._unit_slots(bidang) for name, _, _, bidang, _ in UNITS}
        self.unit_weights = [w for _, w, _, _, _ in UNITS]

    @staticmethod
    def _unit_slots(bidang: tuple[str, ...]) -> _Slots:
        """The structural posts of a unit: head, sekretaris and bidang heads, sections."""
        upper = (["Sekretaris"] if bidang else []) + [f"Kepala Bidang {b}" for b in bidang]
        lower = [f"Kepala Subbagian {s}" for s in SUBBAGIAN] + [f"Kepala Seksi {b}" for b in bidang]
        return _Slots(True, upper, lower)

    def row(self) -> dict[str, str]:
        """One employee line."""
        rng = self.rng
        name, _, head, _, own = rng.choices(UNITS, weights=self.unit_weights)[0]
        weights = [_LEVEL_TABLE[e][0] for e in EDUCATION_LEVELS]
        level = rng.choices(EDUCATION_LEVELS, weights=weights)[0]
        _, start_rank, max_rank, min_age = _LEVEL_TABLE[level]
        female = rng.random() < 0.5
        cpns_age = min_age + rng.randint(0, 9)
        service = rng.randint(0, max(0, 57 - cpns_age))
        tmt = date(self.today.year - service, rng.randint(1, 12), 1)
        if tmt > self.today:
            tmt = date(self.today.year - 1, tmt.month, 1)
        birth = date(tmt.year - cpns_age, rng.randint(1, 12), rng.randint(1, 28))
        if (tmt.year, tmt.month) < (birth.year + 18, birth.month):
            birth = date(birth.year - 1, birth.month, birth.day)
        years = (self.today - tmt).days // 365
        rank = min(RANKS.index(start_rank) + years // 4 - rng.randint(0, 1),
                   RANKS.index(max_rank))  # fmt: skip
        rank = max(rank, RANKS.index(start_rank))
        family_name = rng.choice(own) if rng.random() < 0.65 else rng.choice(COMMON_FAMILIES)
        family = FAMILIES[family_name]
        title, kind = self._position(name, head, level, rank, family)
        major = rng.choice(family.majors) if EDUCATION_LEVELS.index(level) >= 3 else ""
        given = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        return {
            "nip": self._nip(birth, tmt, female),
            "nama": f"{given} {rng.choice(FAMILY_NAMES)}",
            "telepon": self._phone(),
            "unit_kerja": name,
            "jabatan": title,
            "jenis_jabatan": kind,
            "golongan": RANKS[rank],
            "pendidikan_tingkat": level,
            "pendidikan_jurusan": major,
            "tmt_jabatan": self._position_tmt(tmt).isoformat(),
            "hukuman_disiplin": "ya" if rng.random() < 0.015 else "tidak",
            "tugas_belajar": "ya" if rng.random() < 0.02 else "tidak",
            "keahlian": self._skills(family.skills),
        }

    def _position(
        self, unit: str, head: str, level: str, rank: int, family: Family
    ) -> tuple[str, str]:
        """A structural slot when the rank allows and one is open, else a functional post."""
        rng, slots = self.rng, self.slots[unit]
        graduate = EDUCATION_LEVELS.index(level) >= EDUCATION_LEVELS.index("D4")
        if graduate and slots.head and rank >= RANKS.index("IV/b") and rng.random() < 0.5:
            slots.head = False
            return head, ("administrator" if head == "Camat" else "JPT")
        if graduate and slots.bidang and rank >= RANKS.index("III/d") and rng.random() < 0.3:
            return slots.bidang.pop(0), "administrator"
        if slots.sections and rank >= RANKS.index("III/b") and rng.random() < 0.15:
            return slots.sections.pop(0), "pengawas"
        if graduate and family.expert and rng.random() < 0.75:
            return f"{rng.choice(family.expert)} {_expert_level(rank)}", "fungsional"
        if level in ("D3", "SMA") and family.skilled and rng.random() < 0.5:
            return f"{rng.choice(family.skilled)} {_skilled_level(rank)}", "fungsional"
        return rng.choice(family.staff or FAMILIES["umum"].staff), "pelaksana"

    def _nip(self, birth: date, tmt: date, female: bool) -> str:
        """A unique NIP for this birth date, CPNS TMT and sex."""
        prefix = f"{birth:%Y%m%d}{tmt:%Y%m}{2 if female else 1}"
        while True:
            nip = f"{prefix}{self.rng.randint(1, 999):03d}"
            if nip not in self.nips:
                self.nips.add(nip)
                return nip

    def _phone(self) -> str:
        """A unique mobile number, written the way HR offices write them."""
        rng = self.rng
        while True:
            number = rng.choice(PHONE_PREFIXES) + f"{rng.randint(0, 10**8 - 1):08d}"
            if number not in self.phones:
                self.phones.add(number)
                break
        style = rng.random()
        if style < 0.8:
            return number
        if style < 0.9:
            return f"+62 {number[1:4]}-{number[4:8]}-{number[8:]}"
        return "62" + number[1:]

    def _position_tmt(self, cpns_tmt: date) -> date:
        """A first-of-month date between the CPNS TMT and today."""
        months = (self.today.year - cpns_tmt.year) * 12 + self.today.month - cpns_tmt.month
        back = self.rng.randint(0, max(0, min(months, 12 * 12)))
        total = self.today.year * 12 + self.today.month - 1 - back
        return date(total // 12, total % 12 + 1, 1)

    def _skills(self, pool: tuple[str, ...]) -> str:
        """Free-text skills: often one phrase, sometimes two, sometimes none."""
        roll = self.rng.random()
        if roll < 0.15:
            return ""
        if roll < 0.75:
            return self.rng.choice(pool)
        first, second = self.rng.sample(pool, 2) if len(pool) > 1 else (pool[0], pool[0])
        return f"{first}; {second}" if roll < 0.85 else f"{first}, {second}"


def generate_rows(
    count: int, seed: int = 1, *, today: date = DEMO_REFERENCE_DATE
) -> list[dict[str, str]]:
    """``count`` demo roster lines, identical for the same seed."""
    generator = _Generator(seed, today)
    return [generator.row() for _ in range(count)]


def to_csv(rows: list[dict[str, str]]) -> bytes:
    """The rows as UTF-8 CSV with the standard Indonesian headers."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(ALL_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


@dataclass(slots=True)
class DemoResult:
    """What loading the demo roster did."""

    report: ImportReport
    linked: int = 0


async def load_demo(
    session: AsyncSession, count: int, *, seed: int = 1, linked: bool = False,
    now: datetime | None = None,
) -> DemoResult:  # fmt: skip
    """Import ``count`` demo employees; with ``linked`` give each a synthetic BotUser."""
    from storage.models import utcnow
    from storage.queries import employees as q

    rows = generate_rows(count, seed)
    ctx = ImportContext(actor="cli:demo-data", today=date.today(), filename="demo.csv")
    result = DemoResult(await import_data(session, ROSTER, to_csv(rows), ctx))
    if not linked or not result.report.applied:
        return result
    moment = now or utcnow()
    employees = await q.get_employees_by_nips(session, (r["nip"] for r in rows))
    ids = {index: employees[r["nip"]].id for index, r in enumerate(rows)}
    taken = await q.linked_employee_ids(session, ids.values())
    used_ids = await q.existing_telegram_ids(session, (DEMO_TELEGRAM_ID_BASE + i for i in ids))
    new_users = [
        {"telegram_id": DEMO_TELEGRAM_ID_BASE + i, "employee_id": emp_id, "locale": None,
         "consent_at": moment, "linked_at": moment, "failed_link_attempts": 0,
         "created_at": moment}
        for i, emp_id in ids.items()
        if emp_id not in taken and DEMO_TELEGRAM_ID_BASE + i not in used_ids
    ]  # fmt: skip
    await q.insert_bot_users(session, new_users)
    result.linked = len(new_users)
    return result
