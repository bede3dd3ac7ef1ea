"""Helpers for import tests: validate a file or import it through the one pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from bot.config import load_settings
from bot.imports.kinds import ImportContext
from bot.imports.pipeline import apply_import, validate_file
from bot.imports.registry import get_kind
from bot.imports.report import ImportReport
from bot.imports.rows import Validated
from bot.roster.demo_data import generate_rows, to_csv
from storage.db import Database
from storage.models import Employee, MutationPlan, PlanMove, Position, Unit, WorkloadFigure
from tests.factories import add_employee

TODAY = date(2026, 1, 1)


def context(
    filename: str = "file.csv", *, partial: bool = False, today: date = TODAY, **kw: Any
) -> ImportContext:
    """An import context for tests (actor "test", settings from the environment)."""
    return ImportContext(
        actor="test", today=today, settings=load_settings(), filename=filename,
        partial=partial, **kw,
    )  # fmt: skip


def validate(kind: str, data: bytes, filename: str = "file.csv", **kw: Any) -> Validated[Any]:
    """Read and validate ``data`` as ``kind`` (``FileError`` when unreadable)."""
    return validate_file(get_kind(kind), data, context(filename, **kw))


async def run_import(
    db: Database, kind: str, data: bytes, filename: str = "file.csv", **kw: Any
) -> ImportReport:
    """Validate ``data`` first, then apply it in one transaction of ``db``."""
    ctx = context(filename, **kw)
    validated = validate_file(get_kind(kind), data, ctx)
    async with db.transaction() as session:
        return await apply_import(session, get_kind(kind), validated, ctx)


def keys(validated: Validated[Any] | ImportReport) -> list[tuple[int, str]]:
    """(line, text key) of every error, in order."""
    return [(e.line, e.key) for e in validated.errors]


# --- One good file and one file with errors per kind, for the registry and e2e tests ---

NIP_A, NIP_B = "199001012015031001", "199102022016032002"
DEST_UNIT = "Dinas Komunikasi dan Informatika"


def _roster_files() -> tuple[bytes, bytes]:
    """Three demo employees; the bad file adds a broken NIP and golongan on lines 3 and 4."""
    good = generate_rows(3, seed=5)
    bad = generate_rows(4, seed=6)
    bad[1]["nip"] = "12345678901234"
    bad[2]["golongan"] = "V/z"
    return to_csv(good), to_csv(bad)


POSITIONS_HEADER = (
    "position_id,title,unit,required_skills,education_level,min_golongan,max_golongan,quota\n"
)
POSITIONS_GOOD = POSITIONS_HEADER + (
    f"F-101,Analis Data,{DEST_UNIT},analisis data; statistik,S1,III/a,III/c,1\n"
    "F-102,Arsiparis,Dinas Kesehatan,kearsipan,D3,II/c,III/b,2\n"
)
WORKLOAD_GOOD = (
    "unit,jabatan,kebutuhan,bezetting\n"
    "Dinas Kesehatan,Perawat,10,8\n"
    f"{DEST_UNIT},Pranata Komputer,2,4\n"
    "Dinas Kesehatan,Arsiparis,3,3\n"
)
MOVES_GOOD = (
    "nip,kode formasi,tmt,alasan\n"
    f"{NIP_A},F-001,2027-02-01,Penguatan layanan TI\n"
    f"{NIP_B},F-001,2027-02-01,Rotasi\n"
)


@dataclass(frozen=True)
class Case:
    """A kind with a good file and a file whose rejected lines are known."""

    kind: str
    good: bytes
    bad: bytes
    errors: list[tuple[int, str, str]]  # (line, column, key) of the bad file
    valid_in_bad: int  # lines the bad file writes with --partial


def cases() -> list[Case]:
    """One case per import kind."""
    roster_good, roster_bad = _roster_files()
    return [
        Case("roster", roster_good, roster_bad,
             [(3, "nip", "roster.err.nip_length"), (4, "golongan", "roster.err.rank")], 2),
        Case("positions", POSITIONS_GOOD.encode(),
             (POSITIONS_GOOD + f"F-103,Perencana,{DEST_UNIT},perencanaan,S1,IV/c,III/a,1\n"
              ).encode(),
             [(4, "min_golongan", "match.err.rank_order")], 2),
        Case("workload", WORKLOAD_GOOD.encode(),
             (WORKLOAD_GOOD + "Dinas Kesehatan,Bidan,dua,1\n").encode(),
             [(5, "need", "workload.err_need")], 3),
        Case("moves", MOVES_GOOD.encode(),
             (MOVES_GOOD + "12345,F-001,2027-02-01,\n199303032018031003,F-001,2027-02-01,\n"
              ).encode(),
             [(4, "nip", "roster.err.nip_length"), (5, "nip", "plans.imp_err_emp_unknown")], 2),
    ]  # fmt: skip


async def seed_for(db: Database, kind: str) -> None:
    """What a kind's files refer to: for moves two employees, position F-001, a Draf plan."""
    if kind != "moves":
        return
    await add_employee(db, nip=NIP_A, name="Ani Lestari", phone="6281100000001")
    await add_employee(db, nip=NIP_B, name="Budi Santoso", phone="6281100000002")
    async with db.transaction() as session:
        unit = Unit(name=DEST_UNIT)
        session.add(unit)
        await session.flush()
        session.add(
            Position(
                position_id="F-001", title="Pranata Komputer Ahli Muda", unit_id=unit.id,
                unit_name=unit.name, quota=5, min_rank="III/a", max_rank="III/d",
            )
        )  # fmt: skip
        session.add(MutationPlan(name="Mutasi Uji", status="draft"))


async def stored(db: Database, kind: str) -> int:
    """Rows a kind writes (employees, positions, workload figures, plan moves)."""
    model = {"roster": Employee, "positions": Position, "workload": WorkloadFigure,
             "moves": PlanMove}[kind]  # fmt: skip
    async with db.transaction() as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())
