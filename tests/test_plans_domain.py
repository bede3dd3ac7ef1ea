"""Domain rules of plans: statuses, warnings, consultation timing and tallies, workload."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.imports.reader import Table
from bot.plans import consultation as kc
from bot.plans import status as st
from bot.rules.checks import evaluate, problems
from bot.rules.kinds import rank_in_range
from bot.rules.model import EmployeeFacts, MoveFacts, RuleConfig, TargetFacts
from bot.workload import balance as wb
from bot.workload.importer import validate_workload
from tests.imports_support import context, validate


@pytest.mark.parametrize(
    ("action", "status", "after"),
    [
        ("submit", "draft", "submitted"),
        ("approve", "submitted", "approved"),
        ("reject", "submitted", "rejected"),
        ("consult", "approved", "consultation"),
        ("consult", "consultation", "consultation"),
        ("decree", "consultation", "decreed"),
        ("carry_out", "decreed", "done"),
        ("cancel", "consultation", "cancelled"),
    ],
)
def test_allowed_transitions(action: str, status: str, after: str) -> None:
    """Each allowed action leads to its status."""
    assert st.transition(action, status) == after


@pytest.mark.parametrize(
    ("action", "status"),
    [("approve", "draft"), ("decree", "approved"), ("consult", "submitted"), ("cancel", "done"),
     ("cancel", "rejected"), ("submit", "approved"), ("carry_out", "consultation")],
)  # fmt: skip
def test_forbidden_transitions(action: str, status: str) -> None:
    """Skipping a step or leaving a final status is refused."""
    with pytest.raises(st.TransitionError):
        st.transition(action, status)


@pytest.mark.parametrize(
    ("statuses", "plan"),
    [(["approved", "submitted"], "submitted"), (["approved", "rejected"], "active")],
)
def test_plan_status_after_decisions(statuses: list[str], plan: str) -> None:
    """A plan is active once no move waits for an approver."""
    assert st.plan_status_after_decisions(statuses) == plan


@pytest.mark.parametrize(
    ("rank", "low", "high", "ok"),
    [("III/b", "III/a", "III/d", True), ("II/c", "III/a", "III/d", False),
     ("IV/a", "III/a", "III/d", False), ("III/a", "", "", True), ("iii/c", "III/c", "", True)],
)  # fmt: skip
def test_rank_range(rank: str, low: str, high: str, ok: bool) -> None:
    """Golongan ranges are inclusive, open ends allowed, spelling variants accepted."""
    assert rank_in_range(rank, low, high) is ok


@pytest.mark.parametrize(
    ("facts", "target", "codes"),
    [
        ({}, TargetFacts(), []),
        ({"sanction": True}, TargetFacts(), ["sanction"]),
        ({}, TargetFacts(quota=2, taken=2), ["quota_full"]),
        ({}, TargetFacts(quota=2, taken=1), []),
        ({}, TargetFacts(min_rank="IV/a"), ["rank_range"]),
        ({"study_leave": True}, TargetFacts(quota=1, taken=1, max_rank="II/d"),
         ["study_leave", "quota_full", "rank_range"]),
    ],
)  # fmt: skip
def test_move_warnings(facts: dict[str, bool], target: TargetFacts, codes: list[str]) -> None:
    """A sanction, study leave, a full quota and an out-of-range golongan each block."""
    employee = EmployeeFacts(nip="199001012015031001", rank="III/b",
                             position_tmt=date(2019, 1, 1), **facts)  # fmt: skip
    results = evaluate(MoveFacts(employee, target), date(2027, 2, 1), RuleConfig())
    assert [r.rule for r in problems(results)] == codes
    assert {r.outcome for r in problems(results)} <= {"blocking"}


START = datetime(2026, 1, 5, 1, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("days", "reminder_after"),
    [(7, timedelta(days=5)), (2, timedelta(days=1)), (4, timedelta(days=2))],
)
def test_reminder_time(days: int, reminder_after: timedelta) -> None:
    """Two days before the deadline, or half-way through short consultations."""
    deadline = kc.deadline_from(START, days)
    assert kc.reminder_time(START, deadline) == START + reminder_after


@pytest.mark.parametrize(
    ("button", "current", "status", "stale"),
    [(1, 1, "consultation", False), (1, 2, "consultation", True), (2, 2, "decreed", True)],
)
def test_stale_buttons(button: int, current: int, status: str, stale: bool) -> None:
    """Buttons of an earlier version, or of a closed move, are out of date."""
    assert kc.is_stale(button, current, status) is stale


def test_tally() -> None:
    """Per-plan counts of the consultation."""
    views = [
        kc.MoveView("consultation", "agree", False, 0),
        kc.MoveView("consultation", "object", False, 1),
        kc.MoveView("consultation", None, True, 0),
        kc.MoveView("decreed", "agree_notes", False, 0),
        kc.MoveView("rejected", None, False, 0),
    ]
    tally = kc.tally(views)
    assert (tally.consulted, tally.answered, tally.agreed, tally.objected) == (4, 3, 2, 1)
    assert (tally.overdue, tally.open_questions) == (1, 1)


def test_workload_before_and_after() -> None:
    """Gaps per unit by hand, and the flag on a widened shortage."""
    figures = [
        wb.Figure("A", "x", 4, 3), wb.Figure("A", "y", 10, 8), wb.Figure("B", "x", 2, 4),
        wb.Figure("C", "x", 3, 3),
    ]  # fmt: skip
    before = wb.by_unit(figures)
    assert [(b.unit, b.need, b.staffed, b.gap) for b in before] == [
        ("A", 14, 11, -3), ("B", 2, 4, 2), ("C", 3, 3, 0)
    ]  # fmt: skip
    after = wb.after_moves(before, [("A", "B"), ("B", "A"), ("A", "D"), ("C", "C")])
    by = {b.unit: b for b in after}
    assert (by["A"].leaving, by["A"].arriving, by["A"].gap_after) == (2, 1, -4)
    assert by["D"].gap_after == 1 and by["C"].gap_after == 0
    assert wb.flagged(after) == ["A"]
    assert wb.totals(after).need == 19


def test_workload_import_reports_lines() -> None:
    """Bad rows are reported with their spreadsheet line numbers."""
    table = Table(
        header=["Unit", "Jabatan", "Kebutuhan", "Bezetting"],
        rows=[(2, ["A", "x", "4", "3"]), (3, ["", "x", "1", "1"]), (4, ["A", "y", "dua", "1"]),
              (5, ["A", "x", "1", "1"]), (6, ["B", "z", "2", "-1"])],
    )  # fmt: skip
    parsed = validate_workload(table, context())
    assert [f.unit for f in parsed.records] == ["A"]
    assert [(p.line, p.column, p.key) for p in parsed.errors] == [
        (3, "unit", "workload.err_unit_empty"), (4, "need", "workload.err_need"),
        (5, "position", "workload.err_duplicate"), (6, "staffed", "workload.err_staffed"),
    ]  # fmt: skip
    missing = validate_workload(Table(header=["unit", "need"]), context())
    assert missing.missing_columns == ["position", "staffed"]


MOVES_HEADER = "NIP;Kode Formasi;UNIT TUJUAN;Jabatan_Tujuan;TMT;Alasan\n"


DEST = "plans.imp_err_dest_missing"


@pytest.mark.parametrize(
    ("line", "keys"),
    [
        ("199001012015031001;F-001;;;2027-02-01;Penguatan TI", []),
        ("199001012015031001;;Dinas Kesehatan;Analis;01-02-2027;", []),
        ("1990010120150310;F-001;;;2027-02-01;", ["roster.err.nip_length"]),
        ("199001012015031001;;;;2027-02-01;", [DEST]),
        ("199001012015031001;;Dinas Kesehatan;;2027-02-01;", [DEST]),
        ("199001012015031001;F-001;;;31-02-2027;", ["roster.err.date"]),
        ("199001012015031001;F-001;;;;", ["roster.err.required"]),
        ("abc;;;;kemarin;", ["roster.err.nip_digits", "roster.err.date", DEST]),
    ],
)
def test_parse_moves_lines(line: str, keys: list[str]) -> None:
    """Each line is accepted or rejected with every problem on its line number."""
    parsed = validate("moves", (MOVES_HEADER + line + "\n").encode(), "m.csv")
    assert [p.key for p in parsed.errors] == keys
    assert all(p.line == 2 for p in parsed.errors)
    assert len(parsed.records) == (0 if keys else 1)


def test_parse_moves_dates_duplicates_and_columns() -> None:
    """Both date forms give the same TMT; a repeated NIP and missing columns are named."""
    from bot.plans.moves_file import DEST_COLUMNS

    text = (
        MOVES_HEADER
        + "199001012015031001;F-001;;;2027-02-01;a\n\n"
        + "199002022015031002;F-002;;;01-02-2027;b\n"
        + "199001012015031001;F-003;;;01-03-2027;c\n"
    )
    parsed = validate("moves", text.encode(), "m.csv")
    assert [m.tmt for m in parsed.records] == [date(2027, 2, 1)] * 2
    assert [(p.line, p.key, p.params) for p in parsed.errors] == [
        (5, "roster.err.nip_duplicate", {"first_line": 2})
    ]
    missing = validate("moves", b"nama,alasan\nx,y\n", "m.csv")
    assert missing.missing_columns == ["nip", "tmt", DEST_COLUMNS]


def test_moves_report_lines_use_roster_and_plan_texts() -> None:
    """Roster codes keep their roster texts; move codes and warnings use the plan texts."""
    from bot.imports.render import row_text, warning_text
    from bot.imports.report import RowError

    assert row_text(RowError(3, "nip", "roster.err.nip_length", {"found": 16}), "id") == (
        "Baris 3: NIP harus 18 digit (ditemukan 16)"
    )
    assert "kode jabatan lowong tidak dikenal (X-9)" in row_text(
        RowError(4, "kode_formasi", "plans.imp_err_position_unknown", {"value": "X-9"}), "id"
    )
    warned = warning_text(RowError(5, "", "rules.res_sanction_open", {"level": "berat"}), "en")
    assert warned == (
        "Line 5: imported with warning: serving a berat disciplinary sanction (end date unknown)"
    )
