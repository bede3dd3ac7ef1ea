"""Vectorised eligibility and scoring of employees against open positions.

Competences of every distinct phrase are found once (the normaliser caches per segment);
the employee × position work is sparse/dense matrix algebra in chunks of employees, with
no Python loop over pairs. Score in [0, 1]: primary competence 0.6, the other required
competences share 0.3, an explicitly listed major 0.05, a unit the employee asked for 0.05.
Only eligible positions with at least one matched competence are recommended.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
PREFERENCE_BONUS = 0.05
CHUNK = 2048

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


@dataclass
class Ranking:
    """Top positions per employee: indices into ``index.positions`` (-1 = none) and scores."""

    index: PositionIndex
    batch: EmployeeBatch
    positions: IntArray  # employees × top
    scores: FloatArray  # employees × top

    def for_employee(self, row: int) -> list[tuple[PositionSpec, float]]:
        """The ranked (position, score) list of the employee at ``row``."""
        return [
            (self.index.positions[p], float(s))
            for p, s in zip(self.positions[row], self.scores[row], strict=True)
            if p >= 0
        ]

    def rows(self) -> list[tuple[str, str, int, float]]:
        """Flat ``(nip, position_id, rank, score)`` rows for export."""
        out: list[tuple[str, str, int, float]] = []
        pos = self.index.positions
        for row, emp in enumerate(self.batch.employees):
            for r, (p, s) in enumerate(zip(self.positions[row], self.scores[row], strict=True)):
                if p >= 0:
                    out.append((emp.nip, pos[p].position_id, r + 1, round(float(s), 4)))
        return out


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


def _as_batch(
    index: PositionIndex, employees: Sequence[EmployeeProfile] | EmployeeBatch
) -> EmployeeBatch:
    """Encode employees unless they already are a batch."""
    if isinstance(employees, EmployeeBatch):
        return employees
    return encode_employees(index, employees)


def _eligible(
    index: PositionIndex, edu: IntArray, rank: IntArray, major: IntArray
) -> npt.NDArray[np.bool_]:
    """Eligibility mask (people × positions): education level, major and rank range."""
    edu, rank = edu[:, None], rank[:, None]
    ok = edu >= index.min_edu[None, :]
    ok &= (rank >= index.min_rank[None, :]) & (rank <= index.max_rank[None, :])
    ok &= (rank >= 0) | ((index.min_rank[None, :] == 0) & (index.max_rank[None, :] == 10_000))
    ok &= ~index.lists_majors[None, :] | index.major_accept[major]
    return ok


@dataclass
class _Profiles:
    """Eligibility and major bonus per distinct (education, rank, major) combination."""

    combo: IntArray  # per employee: row in ``ok``/``bonus``
    ok: npt.NDArray[np.bool_]
    bonus: FloatArray


def _profiles(index: PositionIndex, batch: EmployeeBatch) -> _Profiles:
    """Compute eligibility once per distinct attribute combination, not per employee."""
    keys = np.stack([batch.edu, batch.rank, batch.major], axis=1)
    uniq, inverse = np.unique(keys, axis=0, return_inverse=True)
    ok = _eligible(index, uniq[:, 0], uniq[:, 1], uniq[:, 2])
    return _Profiles(inverse.reshape(-1).astype(np.int32), ok, index.major_bonus[uniq[:, 2]])


def _preference_matrix(
    index: PositionIndex, batch: EmployeeBatch, preferences: Mapping[str, set[str]] | None
) -> sparse.csr_matrix | None:
    """Employees × positions 0/1 matrix of positions in units the employee asked for."""
    if not preferences:
        return None
    rows, cols = [], []
    for row, emp in enumerate(batch.employees):
        for unit in preferences.get(emp.nip, ()):
            uid = index.unit_ids.get(unit.strip().casefold())
            if uid is not None:
                rows.append(row)
                cols.append(uid)
    if not rows:
        return None
    emp_units = sparse.csr_matrix(
        (np.ones(len(rows), np.float32), (rows, cols)),
        shape=(len(batch.employees), len(index.unit_ids)),
    )
    pos_units = sparse.csr_matrix(
        (np.ones(len(index.positions), np.float32),
         (index.position_unit, np.arange(len(index.positions)))),
        shape=(len(index.unit_ids), len(index.positions)),
    )  # fmt: skip
    return (emp_units @ pos_units).tocsr()


def score_block(
    index: PositionIndex,
    batch: EmployeeBatch,
    rows: slice,
    prefs: sparse.csr_matrix | None = None,
    profiles: _Profiles | None = None,
) -> FloatArray:
    """Scores (rows × positions); -1 where ineligible or no competence matches."""
    prof = profiles or _profiles(index, batch)
    combo = prof.combo[rows]
    comp = np.asarray(batch.skills[rows] @ index.weights, dtype=np.float32)
    ok = prof.ok[combo]
    ok &= comp > 0
    comp += prof.bonus[combo]
    if prefs is not None:
        comp += np.float32(PREFERENCE_BONUS) * prefs[rows].toarray().astype(np.float32)
    return np.where(ok, comp, np.float32(-1.0))


def rank_positions_for_employees(
    index: PositionIndex,
    employees: Sequence[EmployeeProfile] | EmployeeBatch,
    top: int = 10,
    preferences: Mapping[str, set[str]] | None = None,
) -> Ranking:
    """Top ``top`` eligible positions for every employee, best first."""
    batch = _as_batch(index, employees)
    n, n_pos = len(batch.employees), len(index.positions)
    k = max(0, min(top, n_pos))
    out_pos = np.full((n, k), -1, dtype=np.int32)
    out_score = np.zeros((n, k), dtype=np.float32)
    prefs = _preference_matrix(index, batch, preferences)
    prof = _profiles(index, batch)
    for start in range(0, n, CHUNK):
        rows = slice(start, min(n, start + CHUNK))
        score = score_block(index, batch, rows, prefs, prof)
        if k == 0:
            continue
        part = (
            np.argpartition(-score, k - 1, axis=1)[:, :k]
            if k < n_pos
            else (np.tile(np.arange(n_pos), (score.shape[0], 1)))
        )
        part_scores = np.take_along_axis(score, part, axis=1)
        order = np.lexsort((part, -part_scores), axis=1)
        best = np.take_along_axis(part, order, axis=1).astype(np.int32)
        best_scores = np.take_along_axis(part_scores, order, axis=1)
        best[best_scores <= 0] = -1
        out_pos[rows] = best
        out_score[rows] = np.where(best_scores > 0, best_scores, 0.0)
    return Ranking(index, batch, out_pos, out_score)


def top_candidates(
    index: PositionIndex,
    employees: Sequence[EmployeeProfile] | EmployeeBatch,
    position_id: str,
    top: int = 10,
) -> list[tuple[EmployeeProfile, float]]:
    """The ``top`` best eligible employees for one position, best first."""
    p = index.by_id[position_id]
    batch = _as_batch(index, employees)
    scores = np.empty(len(batch.employees), dtype=np.float32)
    prof = _profiles(index, batch)
    for start in range(0, len(batch.employees), CHUNK):
        rows = slice(start, min(len(batch.employees), start + CHUNK))
        scores[rows] = score_block(index, batch, rows, None, prof)[:, p]
    order = np.lexsort((np.arange(len(scores)), -scores))
    return [(batch.employees[i], float(scores[i])) for i in order[:top] if scores[i] > 0]
