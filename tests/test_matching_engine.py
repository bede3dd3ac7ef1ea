"""Eligibility, scoring, ranking, candidates and explanations on small handmade fixtures."""

from __future__ import annotations

import pytest

from bot.matching.dictionary import load_dictionary
from bot.matching.engine import (
    build_index,
    encode_employees,
    rank_positions_for_employees,
    top_candidates,
)
from bot.matching.explain import explain, explanation_lines
from bot.matching.normaliser import Normaliser
from bot.matching.profiles import EmployeeProfile, PositionSpec


@pytest.fixture(scope="module")
def norm() -> Normaliser:
    """One normaliser for the module."""
    return Normaliser(load_dictionary())


def emp(nip: str, skills: str, level: str = "S1", major: str = "Manajemen",
        rank: str = "III/b") -> EmployeeProfile:  # fmt: skip
    """A small employee profile."""
    return EmployeeProfile(nip, f"Nama {nip}", "Dinas A", "Staf", rank, level, major, skills)


def pos(
    pid: str,
    skills: str,
    level: str = "D3",
    majors: tuple[str, ...] = (),
    low: str = "III/a",
    high: str = "III/d",
    unit: str = "Dinas B",
) -> PositionSpec:
    """A small position."""
    return PositionSpec(pid, f"Jabatan {pid}", unit, skills, level, majors, low, high, 1)


POSITIONS = [
    pos("ARS", "Menguasai manajemen kearsipan; Memahami tata naskah dinas"),
    pos("HUM", "Menguasai kehumasan; Pengelolaan arsip"),
    pos(
        "IT",
        "Teknologi informasi; Jaringan komputer; Pengembangan aplikasi",
        level="S1",
        majors=("Teknik Informatika", "Sistem Informasi"),
    ),
    pos("S2", "Kearsipan", level="S2"),
    pos("IV", "Kearsipan", low="IV/a", high="IV/c"),
    pos("NOBODY", "Kedokteran hewan; Medik veteriner", level="S2", low="IV/d", high="IV/e"),
]


def ranked_ids(norm: Normaliser, employee: EmployeeProfile, **kw: object) -> list[str]:
    """Position ids recommended to one employee."""
    ranking = rank_positions_for_employees(build_index(POSITIONS, norm), [employee], **kw)  # type: ignore[arg-type]
    return [p.position_id for p, _s in ranking.for_employee(0)]


def test_primary_competence_ranks_first(norm: Normaliser) -> None:
    """A primary match outranks a secondary one; ineligible positions never appear."""
    assert ranked_ids(norm, emp("1", "arsip")) == ["ARS", "HUM"]


def test_humas_employee_gets_humas_first(norm: Normaliser) -> None:
    """Matching the primary of HUM and a secondary of ARS gives HUM first."""
    assert ranked_ids(norm, emp("2", "humas, naskah dinas")) == ["HUM", "ARS"]


@pytest.mark.parametrize(
    ("employee", "excluded"),
    [
        (emp("3", "kearsipan", level="D3"), {"S2"}),
        (emp("4", "kearsipan", rank="II/d"), {"ARS", "HUM", "S2", "IV"}),
        (emp("5", "kearsipan", rank="IV/b"), {"ARS", "HUM", "S2"}),
        (emp("6", "kearsipan", level="SMA"), {"ARS", "HUM", "S2", "IV"}),
    ],
)
def test_eligibility_filters(
    norm: Normaliser, employee: EmployeeProfile, excluded: set[str]
) -> None:
    """Education level and golongan range exclude positions."""
    assert not excluded & set(ranked_ids(norm, employee))


@pytest.mark.parametrize(
    ("major", "eligible"),
    [("Teknik Informatika", True), ("teknik  informatika", True), ("Manajemen", False)],
)
def test_major_must_be_listed(norm: Normaliser, major: str, eligible: bool) -> None:
    """A listed major is required (case and spacing tolerated)."""
    assert ("IT" in ranked_ids(norm, emp("7", "IT, jarkom", major=major))) is eligible


def test_vague_employee_gets_nothing(norm: Normaliser) -> None:
    """No recognised competence → no recommendation, not random positions."""
    assert ranked_ids(norm, emp("8", "apa saja, siap ditempatkan dimana saja")) == []


def test_position_nobody_fits(norm: Normaliser) -> None:
    """A position whose limits nobody meets has no candidates."""
    index = build_index(POSITIONS, norm)
    people = [emp(str(i), "kedokteran hewan, veteriner") for i in range(5)]
    assert top_candidates(index, people, "NOBODY", top=10) == []


def test_top_candidates_order(norm: Normaliser) -> None:
    """Candidates are the eligible people, primary matches first."""
    index = build_index(POSITIONS, norm)
    people = [emp("a", "humas"), emp("b", "kearsipan"), emp("c", "apa saja"),
              emp("d", "kearsipan", rank="II/a"), emp("e", "naskah dinas")]  # fmt: skip
    got = [e.nip for e, _s in top_candidates(index, encode_employees(index, people), "ARS")]
    assert got == ["b", "e"]


def test_preference_bonus_breaks_ties(norm: Normaliser) -> None:
    """A unit the employee asked for gets a bonus among equally good positions."""
    positions = [pos("X1", "kearsipan", unit="Dinas X"), pos("Y1", "kearsipan", unit="Dinas Y")]
    index = build_index(positions, norm)
    person = emp("9", "kearsipan")
    plain = rank_positions_for_employees(index, [person]).for_employee(0)
    preferred = rank_positions_for_employees(
        index, [person], preferences={"9": {"dinas y"}}
    ).for_employee(0)
    assert plain[0][1] == plain[1][1]
    assert preferred[0][0].position_id == "Y1"
    assert preferred[0][1] > preferred[1][1]


def test_rows_and_top_limit(norm: Normaliser) -> None:
    """Export rows carry nip, position id, 1-based rank and score; ``top`` is respected."""
    index = build_index(POSITIONS, norm)
    rows = rank_positions_for_employees(index, [emp("1", "arsip, humas")], top=1).rows()
    assert rows == [("1", rows[0][1], 1, rows[0][3])]
    assert rows[0][1] in {"ARS", "HUM"}


def test_explanation(norm: Normaliser) -> None:
    """The explanation lists matched/missing competences and both checks."""
    position = POSITIONS[2]
    exp = explain(emp("7", "IT dan jarkom", major="Manajemen"), position, norm)
    assert exp.matched == ("teknologi informasi", "jaringan komputer")
    assert exp.missing == ("pengembangan aplikasi",)
    assert exp.primary_matched
    assert not exp.education_ok
    assert exp.rank_ok
    assert not exp.eligible
    lines = explanation_lines(exp, emp("7", "IT", major="Manajemen"), position, "id")
    assert any("teknologi informasi" in line for line in lines)
    assert len(explanation_lines(exp, emp("7", "IT"), position, "en")) == len(lines)
