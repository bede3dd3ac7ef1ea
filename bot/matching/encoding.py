"""Encoding of positions and employees for scoring: competence weights and eligibility limits.

The primary competence of a position weighs 0.6, its other required competences share 0.3,
and an explicitly listed major adds 0.05 (see ``bot.matching.engine`` for the scoring).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from bot.matching.dictionary import CompetenceDictionary
from bot.matching.normaliser import Normaliser
from bot.matching.profiles import (
    EmployeeProfile,
    PositionSpec,
    education_rank,
    major_key,
    rank_position,
)

PRIMARY_WEIGHT = 0.6
OTHER_WEIGHT = 0.3
MAJOR_BONUS = 0.05

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int32]


@dataclass
class PositionIndex:
    """Positions prepared for scoring: competence weights and eligibility limits."""

    positions: tuple[PositionSpec, ...]
    normaliser: Normaliser
    competences: list[tuple[int, ...]]  # per position, primary first
    weights: FloatArray  # competences × positions
    min_edu: IntArray
    min_rank: IntArray
    max_rank: IntArray
    lists_majors: npt.NDArray[np.bool_]
    major_ids: dict[str, int]
    major_accept: npt.NDArray[np.bool_]  # (majors + 1 unknown row) × positions
    major_bonus: FloatArray  # (majors + 1) × positions: bonus for an explicitly listed major
    unit_ids: dict[str, int]
    position_unit: IntArray
    by_id: dict[str, int]


@dataclass
class EmployeeBatch:
    """Employees encoded for scoring (competence matrix and eligibility attributes)."""

    employees: tuple[EmployeeProfile, ...]
    skills: sparse.csr_matrix  # employees × competences, 0/1
    edu: IntArray
    rank: IntArray
    major: IntArray


def _rank_or(golongan: str, default: int) -> int:
    """Rank index, or ``default`` when the cell is empty/unknown."""
    value = rank_position(golongan)
    return default if value < 0 else value


def build_index(
    positions: Sequence[PositionSpec],
    dictionary: CompetenceDictionary | Normaliser,
) -> PositionIndex:
    """Normalise every position's requirements and build the scoring matrices."""
    norm = dictionary if isinstance(dictionary, Normaliser) else Normaliser(dictionary)
    n_pos, n_comp = len(positions), len(norm.dictionary)
    weights = np.zeros((n_comp, n_pos), dtype=np.float32)
    comps: list[tuple[int, ...]] = []
    major_ids: dict[str, int] = {}
    unit_ids: dict[str, int] = {}
    accepted: list[list[int]] = []
    for p, spec in enumerate(positions):
        found = norm.normalise(spec.required_skills).competences
        comps.append(found)
        if found:
            weights[found[0], p] = PRIMARY_WEIGHT
            others = found[1:]
            for c in others:
                weights[c, p] = OTHER_WEIGHT / len(others)
        keys = {major_key(m) for m in spec.education_fields if major_key(m)}
        accepted.append([major_ids.setdefault(k, len(major_ids)) for k in sorted(keys)])
        unit_ids.setdefault(spec.unit.strip().casefold(), len(unit_ids))
    major_accept = np.zeros((len(major_ids) + 1, n_pos), dtype=bool)
    for p, ids in enumerate(accepted):
        major_accept[ids, p] = True
    return PositionIndex(
        positions=tuple(positions),
        normaliser=norm,
        competences=comps,
        weights=weights,
        min_edu=np.array([education_rank(s.education_level) for s in positions], np.int32),
        min_rank=np.array([_rank_or(s.min_golongan, 0) for s in positions], np.int32),
        max_rank=np.array([_rank_or(s.max_golongan, 10_000) for s in positions], np.int32),
        lists_majors=np.array([bool(a) for a in accepted], dtype=bool),
        major_ids=major_ids,
        major_accept=major_accept,
        major_bonus=(major_accept * np.float32(MAJOR_BONUS)).astype(np.float32),
        unit_ids=unit_ids,
        position_unit=np.array(
            [unit_ids[s.unit.strip().casefold()] for s in positions], np.int32
        ).reshape(-1),
        by_id={s.position_id: i for i, s in enumerate(positions)},
    )


def encode_employees(index: PositionIndex, employees: Sequence[EmployeeProfile]) -> EmployeeBatch:
    """Normalise each employee's skills text (cached per phrase) into a sparse matrix."""
    norm = index.normaliser
    indptr = [0]
    indices: list[int] = []
    seen: dict[str, tuple[int, ...]] = {}
    for emp in employees:
        found = seen.get(emp.skills_text)
        if found is None:
            found = norm.normalise(emp.skills_text).competences
            seen[emp.skills_text] = found
        indices.extend(found)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    skills = sparse.csr_matrix(
        (data, np.array(indices, dtype=np.int32), np.array(indptr, dtype=np.int64)),
        shape=(len(employees), len(norm.dictionary)),
    )
    unknown = len(index.major_ids)
    return EmployeeBatch(
        employees=tuple(employees),
        skills=skills,
        edu=np.array([education_rank(e.education_level) for e in employees], np.int32),
        rank=np.array([rank_position(e.golongan) for e in employees], np.int32),
        major=np.array(
            [index.major_ids.get(major_key(e.education_field), unknown) for e in employees],
            np.int32,
        ),
    )
