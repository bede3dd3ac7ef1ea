"""Aspiration domain rules: statuses, eligibility, windows, draft navigation, search, export."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from bot.aspirations import draft as d
from bot.aspirations.eligibility import add_months, check_eligibility, months_between
from bot.aspirations.export import ExportRecord, headers, summarize, to_csv, to_xlsx
from bot.aspirations.rules import TransitionError, employee_may_edit, reference_number, transition
from bot.aspirations.windows import WindowTimes, state_of, validate_new_window
from bot.unit_search import expand, search

JAKARTA = ZoneInfo("Asia/Jakarta")
UNITS = [
    "Dinas Komunikasi dan Informatika",
    "Dinas Kesehatan",
    "Badan Perencanaan Pembangunan Daerah",
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Sekretariat Daerah",
    "RSUD Dr. H. Soemarno",
    "Dinas Lingkungan Hidup",
    "Dinas Perhubungan",
    "Dinas Sosial",
    "Badan Penanggulangan Bencana Daerah",
    "Satuan Polisi Pamong Praja",
    "Kecamatan Kota Timur",
    "Kecamatan Kota Barat",
]


@pytest.mark.parametrize(
    ("action", "status", "expected"),
    [
        ("submit", None, "submitted"),
        ("submit", "returned", "submitted"),
        ("submit", "withdrawn", "submitted"),
        ("withdraw", "submitted", "withdrawn"),
        ("verify", "submitted", "verified"),
        ("return", "verified", "returned"),
        ("accept", "verified", "accepted"),
        ("reject", "returned", "rejected"),
    ],
)
def test_allowed_transitions(action: str, status: str | None, expected: str) -> None:
    """Each allowed action leads to its status."""
    assert transition(action, status) == expected


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("submit", "accepted"),
        ("withdraw", "rejected"),
        ("verify", "returned"),
        ("accept", "withdrawn"),
        ("return", None),
        ("bogus", "submitted"),
    ],
)
def test_refused_transitions(action: str, status: str | None) -> None:
    """Actions not allowed from a status raise TransitionError."""
    with pytest.raises(TransitionError):
        transition(action, status)


@pytest.mark.parametrize(
    ("status", "window_open", "expected"),
    [
        ("submitted", True, True),
        ("submitted", False, False),
        ("returned", False, True),
        ("accepted", True, False),
        (None, True, True),
    ],
)
def test_employee_may_edit(status: str | None, window_open: bool, expected: bool) -> None:
    """Edits while open, or after HR returned it; never after a decision."""
    assert employee_may_edit(status, window_open) is expected


def test_reference_number() -> None:
    """References are zero padded."""
    assert reference_number(2026, 123) == "ASP-2026-000123"


@pytest.mark.parametrize(
    ("tmt", "sanction", "study", "freeze", "codes"),
    [
        (date(2020, 1, 1), False, False, ("", ""), []),
        (date(2024, 3, 1), False, False, ("", ""), ["too_short"]),
        (date(2024, 1, 1), False, False, ("", ""), []),  # exactly two years
        (None, False, False, ("", ""), ["tmt_unknown"]),
        (date(2020, 1, 1), True, True, ("", ""), ["sanction", "study_leave"]),
        (date(2020, 1, 1), False, False, ("2023-12-01", "2024-06-30"), ["freeze"]),
        (date(2020, 1, 1), False, False, ("2024-02-01", ""), []),
    ],
)
def test_eligibility(
    tmt: date | None, sanction: bool, study: bool, freeze: tuple[str, str], codes: list[str]
) -> None:
    """Every rule is reported with its own code."""
    result = check_eligibility(
        today=date(2026, 1, 1) if tmt == date(2024, 1, 1) else date(2024, 1, 15),
        position_tmt=tmt,
        disciplinary_sanction=sanction,
        study_leave=study,
        min_years=2,
        freeze_from=freeze[0],
        freeze_until=freeze[1],
    )
    assert result.codes == codes
    assert result.eligible is (not codes)


def test_too_short_explains_numbers() -> None:
    """The too-short reason says how long, the minimum and when it is reached."""
    result = check_eligibility(
        today=date(2025, 6, 15),
        position_tmt=date(2024, 1, 31),
        disciplinary_sanction=False,
        study_leave=False,
        min_years=2,
    )
    params = result.problems[0].params
    assert params == {
        "years": 1,
        "months": 4,
        "tmt": "31-01-2024",
        "min_years": 2,
        "due": "31-01-2026",
    }


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [(date(2024, 1, 31), 1, date(2024, 2, 29)), (date(2023, 11, 15), 3, date(2024, 2, 15))],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    """Month arithmetic clamps to the end of the month."""
    assert add_months(start, months) == expected
    assert months_between(start, expected + timedelta(days=2)) == months


@pytest.mark.parametrize(
    ("offset_days", "closed", "expected"),
    [(-5, False, "upcoming"), (1, False, "open"), (20, False, "ended"), (1, True, "closed")],
)
def test_window_state(offset_days: int, closed: bool, expected: str) -> None:
    """Windows are upcoming, open, ended or closed by HR."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    window = WindowTimes(start, start + timedelta(days=10), start if closed else None)
    assert state_of(window, start + timedelta(days=offset_days)) == expected


def test_validate_new_window() -> None:
    """The end must be after the start and in the future."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert validate_new_window(now, now - timedelta(days=1), now) == "end_before_start"
    assert (
        validate_new_window(now - timedelta(days=9), now - timedelta(days=1), now) == "end_in_past"
    )
    assert validate_new_window(now, now + timedelta(days=1), now) is None


def test_draft_navigation_forward_and_back() -> None:
    """Back undoes exactly the last answer; rotation asks only positions."""
    draft: d.Draft = {"prefs": []}
    assert d.prev_step(d.KIND, draft) == d.ELIG
    assert d.after_kind(draft, "other_unit") == d.PREF
    assert d.add_preference(draft, "Dinas Kesehatan", 2, "") == d.PREF
    assert d.add_preference(draft, "Dinas Sosial", 3, "") == d.PREF
    assert d.prev_step(d.PREF, draft) == d.PREF and len(draft["prefs"]) == 1
    assert d.add_preference(draft, "Dinas Sosial", 3, "") == d.PREF
    assert d.add_preference(draft, "Setda", 4, "") == d.REASON_CAT
    assert d.prev_step(d.REASON_CAT, draft) == d.PREF and len(draft["prefs"]) == 2
    assert d.after_kind(draft, "rotation") == d.POS and draft["prefs"] == []
    assert d.prev_step(d.POS, draft) == d.KIND
    assert d.after_reason_category(draft, "health") == d.REASON_TEXT
    assert d.after_reason_text(draft, "x") == d.RELOCATE
    assert d.after_relocate(draft, True) == d.RELOCATE_NOTE
    assert d.after_relocate_note(draft, "") == d.SUMMARY
    assert not d.is_complete(draft)
    draft["prefs"] = [{"unit": "A", "unit_id": 1, "position": ""}]
    assert d.is_complete(draft)


@pytest.mark.parametrize(
    ("section", "step"),
    [("kind", d.KIND), ("prefs", d.PREFS), ("reason", d.REASON_CAT), ("relocate", d.RELOCATE)],
)
def test_edit_section_returns_to_summary(section: str, step: str) -> None:
    """Editing one section jumps there; finishing it returns to the summary."""
    draft = d.draft_from_record(
        {
            "kind": "other_unit",
            "prefs": [{"unit": "A"}],
            "reason_cat": "career",
            "reason_text": "t",
            "relocate": True,
        }
    )
    assert d.edit_section(draft, section) == step
    assert d.after_reason_text(draft, "new") == d.SUMMARY
    assert d.after_kind(draft, "other_unit") in (d.SUMMARY, d.PREF)


def _filled() -> d.Draft:
    """A sent aspiration reopened with two choices."""
    return d.draft_from_record(
        {
            "kind": "other_unit",
            "prefs": [{"unit": "A", "unit_id": 1, "position": ""}, {"unit": "B", "unit_id": 2}],
            "reason_cat": "career",
            "reason_text": "t",
            "relocate": True,
        }
    )


def test_changing_choices_keeps_them() -> None:
    """The choices are listed, replaced in place, removed, added; Back never drops one."""
    draft = _filled()
    assert d.edit_section(draft, "prefs") == d.PREFS and len(d.prefs(draft)) == 2
    assert d.replace_preference(draft, 0) == d.PREF and d.slot_number(draft) == 1
    assert d.prev_step(d.PREF, draft) == d.PREFS and len(d.prefs(draft)) == 2
    d.replace_preference(draft, 0)
    assert d.add_preference(draft, "C", 3, "Analis") == d.PREFS
    assert [p["unit"] for p in d.prefs(draft)] == ["C", "B"]
    assert d.remove_preference(draft, 1) == d.PREFS and [p["unit"] for p in d.prefs(draft)] == ["C"]
    assert d.new_preference(draft) == d.PREF and d.slot_number(draft) == 2
    assert d.add_preference(draft, "D", 4, "") == d.PREFS and len(d.prefs(draft)) == 2
    assert d.prev_step(d.PREFS, draft) == d.EDIT and d.prev_step(d.EDIT, draft) == d.SUMMARY
    assert len(d.prefs(draft)) == 2 and d.prefs_done(draft) == d.SUMMARY


@pytest.mark.parametrize(
    ("drop", "missing"),
    [
        ((), []),
        (("prefs",), ["prefs"]),
        (("reason_text",), ["reason"]),
        (("kind", "relocate"), ["kind", "relocate"]),
    ],
)
def test_missing_names_each_section(drop: tuple[str, ...], missing: list[str]) -> None:
    """What Kirim reports as missing, by section."""
    draft = _filled()
    for key in drop:
        draft.pop(key)
    assert d.missing(draft) == missing and d.is_complete(draft) == (not missing)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kominfo", "Dinas Komunikasi dan Informatika"),
        ("dinkes", "Dinas Kesehatan"),
        ("bappeda", "Badan Perencanaan Pembangunan Daerah"),
        ("disdik", "Dinas Pendidikan dan Kebudayaan"),
        ("disdikbud", "Dinas Pendidikan dan Kebudayaan"),
        ("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang"),
        ("pupr", "Dinas Pekerjaan Umum dan Penataan Ruang"),
        ("bkpsdm", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"),
        ("bkd", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"),
        ("dukcapil", "Dinas Kependudukan dan Pencatatan Sipil"),
        ("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil"),
        ("setda", "Sekretariat Daerah"),
        ("rsud", "RSUD Dr. H. Soemarno"),
        ("dlh", "Dinas Lingkungan Hidup"),
        ("dishub", "Dinas Perhubungan"),
        ("dinsos", "Dinas Sosial"),
        ("bpbd", "Badan Penanggulangan Bencana Daerah"),
        ("satpol pp", "Satuan Polisi Pamong Praja"),
        ("kecamatan timur", "Kecamatan Kota Timur"),
        ("kec kota barat", "Kecamatan Kota Barat"),
        ("komin", "Dinas Komunikasi dan Informatika"),
        ("kesehtan", "Dinas Kesehatan"),
        ("perhub", "Dinas Perhubungan"),
    ],
)
def test_unit_search_finds_abbreviations(query: str, expected: str) -> None:
    """Abbreviations, prefixes and typos find the unit first."""
    results = search(query, UNITS, limit=3)
    assert results and results[0].name == expected


def test_unit_search_nothing_for_gibberish() -> None:
    """Nothing plausible, nothing offered."""
    assert search("xyzzy qwerty", UNITS) == []
    assert "dinas kesehatan" in expand("dinkes")


def _record(status: str = "submitted") -> ExportRecord:
    """A sample export record."""
    return ExportRecord(
        reference="ASP-2026-000001",
        window="Periode I",
        nip="199003152015031001",
        name="Andi",
        unit="Dinas Kesehatan",
        position="Perawat",
        rank="III/a",
        kind="other_unit",
        prefs=[{"unit": "Dinas Sosial", "position": ""}],
        reason_cat="family",
        reason_text="ikut suami",
        relocate=True,
        relocate_note="",
        eligible=False,
        problems=["too_short"],
        status=status,
        hr_note="",
        submitted_at=datetime(2026, 1, 2, 3, 0, tzinfo=UTC),
        updated_at=None,
    )


def test_xlsx_and_csv_have_one_row_per_aspiration() -> None:
    """Readable Indonesian headers and one row per record in both formats."""
    records = [_record(), _record("returned")]
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(records, JAKARTA))).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == headers() and len(rows) == 3
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Kategori Alasan"] == "Mengikuti suami/istri/keluarga"
    assert row["Memenuhi Syarat"] == "Tidak" and row["Diajukan Pada"] == "2026-01-02 10:00"
    parsed = list(csv.reader(io.StringIO(to_csv(records, JAKARTA).decode("utf-8-sig"))))
    assert parsed[0] == headers() and parsed[2][headers().index("Status")] == "Dikembalikan"


def test_summarize_counts() -> None:
    """Counts per field, largest first, and the not-eligible total."""
    items = [
        {
            "unit": "A",
            "target": "X",
            "kind": "rotation",
            "status": "submitted",
            "reason_cat": "health",
            "eligible": True,
        },
        {
            "unit": "B",
            "target": "X",
            "kind": "rotation",
            "status": "verified",
            "reason_cat": "career",
            "eligible": False,
        },
    ]
    s = summarize(items)
    assert s.total == 2 and s.not_eligible == 1
    assert s.by_kind == [("rotation", 2)] and s.by_target == [("X", 2)]
    assert s.by_unit == [("A", 1), ("B", 1)]
