"""Vectorised eligibility and scoring of employees against open positions.

Competences of every distinct phrase are found once (the normaliser caches per segment);
the employee × position work is sparse/dense matrix algebra in chunks of employees, with
no Python loop over pairs. Score in [0, 1]: primary competence 0.6, the other required
competences share 0.3, an explicitly listed major 0.05, a unit the employee asked for 0.05.
Only eligible positions with at least one matched competence are recommended.

Encoding positions and employees lives in ``bot.matching.encoding`` (re-exported here).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from bot.matching.encoding import (
    EmployeeBatch,
    FloatArray,
    IntArray,
    PositionIndex,
    build_index,
    encode_employees,
)
from bot.matching.profiles import EmployeeProfile, PositionSpec

__all__ = [
    "EmployeeBatch",
    "PositionIndex",
    "Ranking",
    "build_index",
    "encode_employees",
    "rank_positions_for_employees",
    "score_block",
    "top_candidates",
]

PREFERENCE_BONUS = 0.05
CHUNK = 2048


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
        """Flat ``(nip, position_id, rank, score)`` rows for export, employee by employee."""
        found = self.positions >= 0
        emp_rows, ranks = np.nonzero(found)  # row-major: each employee's ranks in order
        nips = [emp.nip for emp in self.batch.employees]
        ids = [pos.position_id for pos in self.index.positions]
        columns = (emp_rows.tolist(), ranks.tolist(), self.positions[found].tolist(),
                   self.scores[found].tolist())  # fmt: skip
        return [(nips[e], ids[p], r + 1, round(s, 4)) for e, r, p, s in zip(*columns, strict=True)]


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
