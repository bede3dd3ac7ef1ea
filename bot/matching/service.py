"""Matching for the bot: profiles from database rows, a cached position index, rankings.

The dictionary, normaliser and position index are built lazily on first use and kept in
the process; every call checks a cheap version (positions and HR's competences) and
rebuilds when it changed, so an import by another instance is seen too. CPU-heavy work
(building, encoding, ranking) runs in a worker thread so the event loop stays free.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, utils
from sqlalchemy.ext.asyncio import AsyncSession

from bot import unit_search
from bot.matching.dictionary import Competence, load_dictionary
from bot.matching.engine import (
    PositionIndex,
    build_index,
    rank_positions_for_employees,
    top_candidates,
)
from bot.matching.explain import Explanation, default_normaliser, explain
from bot.matching.files import split_list
from bot.matching.normaliser import Normaliser
from bot.matching.profiles import (
    EmployeeProfile,
    PositionSpec,
    education_rank,
    major_key,
    rank_position,
)
from storage.models.matching import Position
from storage.models.people import Employee
from storage.queries import matching as qm
from storage.queries import positions as qp


@dataclass(frozen=True)
class Catalogue:
    """Open positions prepared for matching, with the version they were built from."""

    version: tuple[Any, ...]
    normaliser: Normaliser
    index: PositionIndex
    pks: dict[str, int]  # position_id -> Position.id


@dataclass(frozen=True)
class Match:
    """One scored pair with its explanation."""

    employee: EmployeeProfile
    position: PositionSpec
    score: float
    explanation: Explanation


@dataclass(frozen=True)
class Recommendation:
    """An employee's recognised competences and best open positions."""

    profile: EmployeeProfile
    competences: tuple[str, ...]
    unplaced: tuple[str, ...]
    matches: tuple[Match, ...]
    open_positions: int


@dataclass(frozen=True)
class NoFit:
    """Why nobody fits a position: how many employees pass each check."""

    total: int
    rank_ok: int
    education_ok: int
    both: int
    requirements_known: bool


@dataclass(frozen=True)
class Candidates:
    """The best candidates for one position, or why there are none."""

    position: PositionSpec
    matches: tuple[Match, ...]
    no_fit: NoFit | None


def _token_score(query_tokens: Sequence[str], tokens: Sequence[str]) -> float:
    """Mean over query words of the best match among ``tokens`` (a prefix counts as 100)."""
    total = 0.0
    for word in query_tokens:
        total += max(
            (100.0 if len(word) >= 3 and tok.startswith(word) else fuzz.ratio(word, tok))
            for tok in tokens
        )
    return total / len(query_tokens)


def search_positions(
    positions: Sequence[PositionSpec], query: str, limit: int = 8, cutoff: float = 70.0
) -> list[PositionSpec]:
    """Open positions whose title, unit or code fit the typed words (typos tolerated)."""
    wanted = query.strip().casefold()
    exact = [p for p in positions if p.position_id.casefold() == wanted]
    if exact:
        return exact
    # "kominfo", "dinkes", "bappeda": also try the readings with abbreviations spelled out.
    readings = [utils.default_process(r).split() for r in unit_search.expand(query)]
    readings = [words for words in readings if words]
    if not readings:
        return []
    scored = []
    for order, spec in enumerate(positions):
        tokens = utils.default_process(f"{spec.title} {spec.unit} {spec.position_id}").split()
        if tokens:
            score = max(_token_score(words, tokens) for words in readings)
            if score >= cutoff:
                scored.append((-score, order, spec))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [spec for _score, _order, spec in scored[:limit]]


def merge_skills(roster_skills: str, declared: Iterable[str]) -> str:
    """Roster skills and self-declared texts as one text, one source per line, no repeats."""
    seen: set[str] = set()
    parts: list[str] = []
    for text in (roster_skills, *declared):
        clean = (text or "").strip()
        if clean and clean.casefold() not in seen:
            seen.add(clean.casefold())
            parts.append(clean)
    return "\n".join(parts)


def employee_profile(employee: Employee, unit: str, declared: Iterable[str]) -> EmployeeProfile:
    """The matcher's view of one employee (roster fields plus all skill texts)."""
    return EmployeeProfile(
        nip=employee.nip,
        name=employee.name,
        unit=unit,
        position=employee.position_title or "",
        golongan=employee.rank or "",
        education_level=employee.education_level or "",
        education_field=employee.education_major or "",
        skills_text=merge_skills(employee.roster_skills or "", declared),
    )


def position_spec(position: Position) -> PositionSpec:
    """The matcher's view of one stored position."""
    return PositionSpec(
        position_id=position.position_id,
        title=position.title,
        unit=position.unit_name,
        required_skills=position.required_skills,
        education_level=position.education_level,
        education_fields=split_list(position.education_fields),
        min_golongan=position.min_rank,
        max_golongan=position.max_rank,
        quota=position.quota,
    )


@lru_cache(maxsize=2)
def normaliser_for(extra: tuple[Competence, ...]) -> Normaliser:
    """A normaliser over the packaged dictionary plus HR's additions (built once per set)."""
    if not extra:
        return default_normaliser()
    return Normaliser(load_dictionary(extra))


def _build(
    version: tuple[Any, ...],
    extra: tuple[Competence, ...],
    specs: list[PositionSpec],
    pks: dict[str, int],
) -> Catalogue:
    """Build the normaliser and the position index (CPU-bound)."""
    norm = normaliser_for(extra)
    return Catalogue(version, norm, build_index(specs, norm), pks)


def _recommend(
    cat: Catalogue, profile: EmployeeProfile, preferred: set[str], top: int
) -> Recommendation:
    """Rank positions for one employee and explain each (CPU-bound)."""
    normalised = cat.normaliser.normalise(profile.skills_text)
    found = normalised.competences
    names = tuple(cat.normaliser.names(found))
    matches: list[Match] = []
    if found and cat.index.positions:
        prefs = {profile.nip: preferred} if preferred else None
        ranking = rank_positions_for_employees(cat.index, [profile], top=top, preferences=prefs)
        for spec, score in ranking.for_employee(0):
            matches.append(Match(profile, spec, score, explain(profile, spec, cat.normaliser)))
    return Recommendation(
        profile, names, normalised.unplaced, tuple(matches), len(cat.index.positions)
    )


def _no_fit(cat: Catalogue, profiles: Sequence[EmployeeProfile], spec: PositionSpec) -> NoFit:
    """Count who passes the golongan and education checks (same rules as ``explain``)."""
    majors = {major_key(m) for m in spec.education_fields if major_key(m)}
    need_edu = education_rank(spec.education_level)
    low = rank_position(spec.min_golongan) if spec.min_golongan else 0
    high = rank_position(spec.max_golongan) if spec.max_golongan else 10_000
    open_range = not spec.min_golongan and not spec.max_golongan
    rank_ok = edu_ok = both = 0
    for emp in profiles:
        rank = rank_position(emp.golongan)
        r_ok = open_range or (rank >= 0 and low <= rank <= high)
        e_ok = education_rank(emp.education_level) >= need_edu and (
            not majors or major_key(emp.education_field) in majors
        )
        rank_ok += r_ok
        edu_ok += e_ok
        both += r_ok and e_ok
    known = bool(cat.index.competences[cat.index.by_id[spec.position_id]])
    return NoFit(len(profiles), rank_ok, edu_ok, both, known)


def _candidates(
    cat: Catalogue, profiles: list[EmployeeProfile], position_id: str, top: int
) -> Candidates:
    """Top eligible employees for one position, explained (CPU-bound)."""
    spec = cat.index.positions[cat.index.by_id[position_id]]
    best = top_candidates(cat.index, profiles, position_id, top=top) if profiles else []
    matches = tuple(Match(e, spec, s, explain(e, spec, cat.normaliser)) for e, s in best)
    return Candidates(spec, matches, None if matches else _no_fit(cat, profiles, spec))


class MatchingService:
    """Per-application entry point: cached catalogue, recommendations and candidates."""

    def __init__(self) -> None:
        self._catalogue: Catalogue | None = None
        self._lock = asyncio.Lock()

    async def catalogue(self, session: AsyncSession) -> Catalogue:
        """The current catalogue, rebuilt when positions or competences changed."""
        version = await qm.catalogue_version(session)
        cat = self._catalogue
        if cat is not None and cat.version == version:
            return cat
        async with self._lock:
            cat = self._catalogue
            if cat is not None and cat.version == version:
                return cat
            rows = await qp.open_positions(session)
            comps = await qp.custom_competences(session)
            extra = tuple(
                Competence(c.name, c.name_en, tuple(v.text for v in c.variants)) for c in comps
            )
            specs = [position_spec(p) for p in rows]
            pks = {p.position_id: p.id for p in rows}
            cat = await asyncio.to_thread(_build, version, extra, specs, pks)
            self._catalogue = cat
            return cat

    async def profile_of(self, session: AsyncSession, employee: Employee) -> EmployeeProfile:
        """One employee's profile from the database."""
        unit = await qm.unit_name(session, employee.unit_id)
        return employee_profile(employee, unit, await qm.declared_skills(session, employee.id))

    async def recommend(
        self,
        session: AsyncSession,
        employee: Employee,
        top: int = 5,
        preferred_units: Iterable[str] = (),
    ) -> Recommendation:
        """The employee's best open positions; their aspiration units give a bonus."""
        cat = await self.catalogue(session)
        profile = await self.profile_of(session, employee)
        preferred = set(preferred_units) | await qm.aspiration_units(session, employee.id)
        return await asyncio.to_thread(_recommend, cat, profile, preferred, top)

    async def candidates(
        self, session: AsyncSession, position_id: str, top: int = 10
    ) -> Candidates | None:
        """The best eligible employees for an open position (None if it is not open)."""
        cat = await self.catalogue(session)
        if position_id not in cat.index.by_id:
            return None
        profiles = [
            EmployeeProfile(emp.nip, emp.name, unit, emp.position_title, emp.rank,
                            emp.education_level, emp.education_major, skills)
            for emp, unit, skills in await qp.active_employees_with_skills(session)
        ]  # fmt: skip
        return await asyncio.to_thread(_candidates, cat, profiles, position_id, top)
