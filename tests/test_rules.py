"""The rule set, pure: each rule judged on the days around its boundary.

Every case names the date the rule is judged on (the proposed TMT or the SK's TMT) and the
outcome expected for the rule; nothing here reads the clock or the database.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.config import parse_retirement_ages
from bot.roster.rule_columns import normalize_sanction_level, normalize_skp
from bot.roster.validation import RosterError
from bot.rules.checks import evaluate
from bot.rules.kinds import education_meets, retirement_age, retirement_date
from bot.rules.model import (
    EmployeeFacts,
    FreezePeriod,
    MinisterApproval,
    MoveFacts,
    RuleConfig,
    RuleResult,
    TargetFacts,
)

NIP = "199003152015031001"  # born 15-03-1990, CPNS TMT 03-2015
FREEZE = FreezePeriod(date(2027, 3, 1), date(2027, 9, 30), "Pilkada 2027")
APPROVAL = MinisterApproval("100.2.2.6/1234/OTDA", date(2027, 2, 15))


def _facts(target: TargetFacts | None = None, **employee: Any) -> MoveFacts:
    """A move of an employee (defaults: in post since 2019, nothing against them)."""
    values: dict[str, Any] = {"nip": NIP, "position_tmt": date(2019, 1, 1), "rank": "III/c",
                              "education_level": "S1", **employee}  # fmt: skip
    freezes = values.pop("freezes", ())
    approval = values.pop("approval", None)
    return MoveFacts(EmployeeFacts(**values), target or TargetFacts(), freezes, approval)


def _rule(facts: MoveFacts, on: date, rule: str, config: RuleConfig | None = None) -> RuleResult:
    """The result of one rule (exactly one is expected)."""
    found = [r for r in evaluate(facts, on, config or RuleConfig()) if r.rule == rule]
    assert len(found) == 1, found
    assert found[0].judged_on == on
    return found[0]


@pytest.mark.parametrize(
    ("on", "outcome", "code"),
    [(date(2027, 1, 31), "blocking", "too_short"), (date(2027, 2, 1), "ok", "served"),
     (date(2027, 2, 2), "ok", "served")],
)  # fmt: skip
def test_two_years_in_position(on: date, outcome: str, code: str) -> None:
    """In post since 01-02-2025: blocked the day before two years, allowed from that day."""
    result = _rule(_facts(position_tmt=date(2025, 2, 1)), on, "time_in_position")
    assert (result.outcome, result.code) == (outcome, code)
    if outcome == "blocking":
        assert result.params["due"] == date(2027, 2, 1)


def test_time_in_position_configurable_and_unknown() -> None:
    """MIN_YEARS_IN_POSITION moves the boundary; an unknown TMT is a warning, not a block."""
    three = RuleConfig(min_years_in_position=3)
    assert _rule(_facts(position_tmt=date(2025, 2, 1)), date(2027, 6, 1), "time_in_position",
                 three).outcome == "blocking"  # fmt: skip
    assert _rule(_facts(position_tmt=None), date(2027, 6, 1), "time_in_position").outcome == (
        "warning"
    )


@pytest.mark.parametrize(("on", "due"), [(date(2027, 1, 31), False), (date(2027, 2, 1), True)])
def test_rotation_due_after_five_years(on: date, due: bool) -> None:
    """Five years in post (Peraturan BKN 5/2019) flags rotation due; it never blocks."""
    results = evaluate(_facts(position_tmt=date(2022, 2, 1)), on, RuleConfig())
    flagged = [r for r in results if r.rule == "rotation_due"]
    assert bool(flagged) is due
    assert all(r.outcome == "ok" for r in flagged)


@pytest.mark.parametrize(
    ("employee", "on", "outcome", "code"),
    [
        ({"sanction": True, "sanction_until": date(2027, 2, 1)}, date(2027, 2, 1), "blocking",
         "sanction_active"),
        ({"sanction": True, "sanction_until": date(2027, 2, 1)}, date(2027, 2, 2), "ok",
         "sanction_ended"),
        ({"sanction_level": "sedang", "sanction_until": date(2027, 2, 1)}, date(2027, 1, 31),
         "blocking", "sanction_active"),
        ({"sanction": True}, date(2030, 1, 1), "blocking", "sanction_open"),
        ({}, date(2027, 2, 1), "ok", "sanction_none"),
    ],
)  # fmt: skip
def test_sanction_until_its_end(employee: dict[str, Any], on: date, outcome: str,
                                code: str) -> None:  # fmt: skip
    """A sanction blocks through its last day; the day after the employee is eligible again."""
    result = _rule(_facts(**employee), on, "sanction")
    assert (result.outcome, result.code) == (outcome, code)


def test_under_examination_blocks() -> None:
    """An employee under disciplinary examination is not moved."""
    assert _rule(_facts(under_examination=True), date(2027, 2, 1), "examination").outcome == (
        "blocking"
    )


@pytest.mark.parametrize(
    ("employee", "out", "on", "rule", "outcome"),
    [
        ({"study_leave": True, "study_leave_until": date(2027, 1, 31)}, False, date(2027, 1, 31),
         "study_leave", "blocking"),
        ({"study_leave": True, "study_leave_until": date(2027, 1, 31)}, False, date(2027, 2, 1),
         "study_leave", "ok"),
        ({"study_leave": True}, False, date(2027, 2, 1), "study_leave", "blocking"),
        ({"service_bond_until": date(2029, 1, 31)}, True, date(2029, 1, 31), "service_bond",
         "blocking"),
        ({"service_bond_until": date(2029, 1, 31)}, False, date(2029, 1, 31), "service_bond",
         "ok"),
    ],
)  # fmt: skip
def test_study_leave_and_service_bond(employee: dict[str, Any], out: bool, on: date, rule: str,
                                      outcome: str) -> None:  # fmt: skip
    """Study leave blocks until it ends; the ikatan dinas blocks only a move out of the agency."""
    facts = _facts(TargetFacts(leaves_agency=out), **employee)
    assert _rule(facts, on, rule).outcome == outcome


def test_service_bond_over() -> None:
    """After the ikatan dinas ends, a move out is not held by it."""
    facts = _facts(TargetFacts(leaves_agency=True), service_bond_until=date(2029, 1, 31),
                   nip="198001012005011001")  # fmt: skip
    assert not [r for r in evaluate(facts, date(2029, 2, 1), RuleConfig())
                if r.rule == "service_bond"]  # fmt: skip


@pytest.mark.parametrize(
    ("on", "approval", "outcome", "code"),
    [
        (date(2027, 2, 28), None, "ok", "freeze_none"),
        (date(2027, 3, 1), None, "blocking", "freeze"),
        (date(2027, 9, 30), None, "blocking", "freeze"),
        (date(2027, 10, 1), None, "ok", "freeze_none"),
        (date(2027, 3, 1), APPROVAL, "ok", "freeze_approved"),
        (date(2027, 9, 30), APPROVAL, "ok", "freeze_approved"),
    ],
)
def test_freeze_start_end_and_approval(
    on: date, approval: MinisterApproval | None, outcome: str, code: str
) -> None:
    """The freeze covers its first and last day; the Minister's written approval satisfies it."""
    result = _rule(_facts(freezes=(FREEZE,), approval=approval), on, "freeze")
    assert (result.outcome, result.code) == (outcome, code)
    if approval is not None:
        assert result.params["number"] == approval.number


@pytest.mark.parametrize(
    ("on", "outcome"), [(date(2027, 2, 28), "blocking"), (date(2027, 3, 1), "ok")]
)
def test_ten_years_before_moving_out(on: date, outcome: str) -> None:
    """A move out of the agency needs 10 years since the CPNS TMT decoded from the NIP."""
    facts = _facts(TargetFacts(leaves_agency=True), nip="199003152017031001")
    assert _rule(facts, on, "out_min_service").outcome == outcome


def test_ten_years_only_for_moves_out() -> None:
    """Inside the agency, the CPNS TMT does not matter."""
    results = evaluate(_facts(nip="199003152024031001"), date(2027, 2, 1), RuleConfig())
    assert not [r for r in results if r.rule == "out_min_service"]


@pytest.mark.parametrize(
    ("kind", "title", "on", "outcome"),
    [
        ("pelaksana", "Pengadministrasi Umum", date(2027, 3, 31), "ok"),
        ("pelaksana", "Pengadministrasi Umum", date(2027, 4, 1), "blocking"),
        ("administrator", "Kepala Bagian Umum", date(2027, 4, 1), "blocking"),
        ("JPT", "Kepala Dinas", date(2027, 4, 1), "ok"),
        ("JPT", "Kepala Dinas", date(2029, 4, 1), "blocking"),
        ("fungsional", "Analis Kebijakan Ahli Madya", date(2029, 3, 31), "ok"),
        ("fungsional", "Analis Kebijakan Ahli Muda", date(2027, 4, 1), "blocking"),
    ],
)  # fmt: skip
def test_retirement_age_per_position_kind(kind: str, title: str, on: date, outcome: str) -> None:
    """Born 15-03-1969: pension from 01-04-2027 at 58, from 01-04-2029 at 60 (JPT, ahli madya)."""
    facts = _facts(nip="196903151995031001", position_kind=kind, position_title=title)
    assert _rule(facts, on, "retirement").outcome == outcome


def test_retirement_age_of_the_destination_and_configurable() -> None:
    """The destination's kind sets the age; RETIREMENT_AGES changes it per kind."""
    target = TargetFacts(position_kind="JPT", position_title="Kepala Dinas")
    facts = _facts(target, nip="196903151995031001", position_kind="administrator")
    assert _rule(facts, date(2028, 1, 1), "retirement").outcome == "ok"
    config = RuleConfig(retirement_ages=parse_retirement_ages("JPT=58"))
    assert _rule(facts, date(2028, 1, 1), "retirement", config).outcome == "blocking"


@pytest.mark.parametrize(
    ("on", "outcome", "code"),
    [(date(2022, 3, 31), "ok", "before_retirement"),
     (date(2022, 4, 1), "blocking", "out_near_retirement")],
)  # fmt: skip
def test_move_out_five_years_before_retirement(on: date, outcome: str, code: str) -> None:
    """A move out of the agency is no later than 5 years before the pension (01-04-2027)."""
    facts = _facts(TargetFacts(leaves_agency=True), nip="196903151995031001",
                   position_kind="pelaksana")  # fmt: skip
    result = _rule(facts, on, "retirement")
    assert (result.outcome, result.code) == (outcome, code)


@pytest.mark.parametrize(
    ("target", "employee", "rule", "outcome"),
    [
        (TargetFacts(position_kind="administrator"), {"rank": "III/b"}, "rank_range", "blocking"),
        (TargetFacts(position_kind="administrator", min_rank="III/a"), {"rank": "III/b"},
         "rank_range", None),
        (TargetFacts(position_kind="pengawas"), {"education_level": "D3"}, "education", None),
        (TargetFacts(position_kind="administrator"), {"education_level": "D4"}, "education", None),
        (TargetFacts(position_kind="administrator"), {"education_level": "D3"}, "education",
         "blocking"),
        (TargetFacts(position_kind="JPT"), {"education_level": ""}, "education", "warning"),
        (TargetFacts(education_level="S2"), {"education_level": "S1"}, "education", "blocking"),
        (TargetFacts(position_kind="pengawas"),
         {"skp_last_year": "baik", "skp_year_before": "sangat baik"}, "skp", "ok"),
        (TargetFacts(position_kind="pengawas"),
         {"skp_last_year": "baik", "skp_year_before": "butuh perbaikan"}, "skp", "blocking"),
        (TargetFacts(position_kind="pengawas"), {}, "skp", None),
        (TargetFacts(position_kind="pelaksana"), {"skp_last_year": "kurang"}, "skp", None),
        (TargetFacts(quota=3, taken=3), {}, "quota_full", "blocking"),
    ],
)  # fmt: skip
def test_position_kind_requirements(target: TargetFacts, employee: dict[str, Any], rule: str,
                                    outcome: str | None) -> None:  # fmt: skip
    """Golongan, education and (administrator, pengawas) SKP of the last two years."""
    found = [r for r in evaluate(_facts(target, **employee), date(2027, 2, 1), RuleConfig())
             if r.rule == rule]  # fmt: skip
    assert [r.outcome for r in found] == ([outcome] if outcome else [])


def test_an_unreadable_nip_warns() -> None:
    """Without a readable NIP the age rules cannot be judged: a warning, not a block."""
    result = _rule(_facts(nip="123"), date(2027, 2, 1), "retirement")
    assert (result.outcome, result.code) == ("warning", "nip_unreadable")


def test_dates_and_levels() -> None:
    """Pension TMT, D4 as sarjana, the retirement-age setting and the roster cells."""
    assert retirement_date(date(1969, 12, 31), 58) == date(2028, 1, 1)
    assert education_meets("D4", "S1") and education_meets("", "S1") is None
    assert retirement_age(parse_retirement_ages("ahli_utama=65"), "fungsional",
                          "Dokter Ahli Utama") == 65  # fmt: skip
    with pytest.raises(ValueError):
        parse_retirement_ages("lurah=50")
    assert normalize_sanction_level("Hukuman Disiplin Sedang") == "sedang"
    assert (normalize_skp("88"), normalize_skp("Sangat Baik"), normalize_skp("")) == (
        "baik", "sangat baik", "")  # fmt: skip
    with pytest.raises(RosterError):
        normalize_skp("lumayan")
