"""Why a position suits (or does not suit) an employee, as data and as text."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bot.matching.dictionary import load_dictionary
from bot.matching.normaliser import Normaliser
from bot.matching.profiles import (
    EmployeeProfile,
    PositionSpec,
    education_rank,
    major_key,
    rank_position,
)
from bot.texts import t


@dataclass(frozen=True)
class Explanation:
    """Matched and missing competences plus the education and rank checks."""

    matched: tuple[str, ...]
    missing: tuple[str, ...]
    primary_matched: bool
    education_ok: bool
    major_listed: bool
    rank_ok: bool
    unplaced: tuple[str, ...]

    @property
    def eligible(self) -> bool:
        """Education (level and major) and rank both pass."""
        return self.education_ok and self.rank_ok


@lru_cache(maxsize=1)
def default_normaliser() -> Normaliser:
    """A normaliser over the packaged dictionary (built once; HR additions not included)."""
    return Normaliser(load_dictionary())


def explain(
    employee: EmployeeProfile, position: PositionSpec, normaliser: Normaliser | None = None
) -> Explanation:
    """Compare one employee with one position the same way the ranking does."""
    norm = normaliser or default_normaliser()
    have = norm.normalise(employee.skills_text)
    need = norm.normalise(position.required_skills).competences
    owned = set(have.competences)
    majors = {major_key(m) for m in position.education_fields if major_key(m)}
    level_ok = education_rank(employee.education_level) >= education_rank(position.education_level)
    major_listed = major_key(employee.education_field) in majors
    rank = rank_position(employee.golongan)
    low = rank_position(position.min_golongan) if position.min_golongan else 0
    high = rank_position(position.max_golongan) if position.max_golongan else 10_000
    return Explanation(
        matched=tuple(norm.names(c for c in need if c in owned)),
        missing=tuple(norm.names(c for c in need if c not in owned)),
        primary_matched=bool(need) and need[0] in owned,
        education_ok=level_ok and (not majors or major_listed),
        major_listed=major_listed,
        rank_ok=(rank >= 0 and low <= rank <= high)
        or (not position.min_golongan and not position.max_golongan),
        unplaced=have.unplaced,
    )


def competence_lists(
    exp: Explanation,
    position: PositionSpec,
    locale: str | None,
    normaliser: Normaliser | None = None,
) -> tuple[list[str], list[str]]:
    """Matched and missing competences, the position's primary one marked where it is.

    A competence is never on both lists (one name can stand for two dictionary entries).
    """
    norm = normaliser or default_normaliser()
    need = norm.normalise(position.required_skills).competences
    primary = norm.names(need[:1])[0] if need else None

    def marked(name: str) -> str:
        """The name, with "(utama)" when it is the primary competence."""
        return t(locale, "match.explain.primary_mark", name=name) if name == primary else name

    matched = [marked(name) for name in exp.matched]
    missing = [marked(name) for name in exp.missing if name not in exp.matched]
    return matched, missing


def explanation_lines(
    exp: Explanation, employee: EmployeeProfile, position: PositionSpec, locale: str | None
) -> list[str]:
    """Human-readable reasons, one per line, in the user's language."""
    none = t(locale, "match.none")
    matched, missing = competence_lists(exp, position, locale)
    lines = [t(locale, "match.explain.matched", items=", ".join(matched) or none)]
    if missing:
        lines.append(t(locale, "match.explain.missing", items=", ".join(missing)))
    if exp.education_ok:
        education = " ".join(p for p in (employee.education_level, employee.education_field) if p)
        lines.append(t(locale, "match.explain.education_ok", education=education))
    else:
        detail = f"{position.education_level} {'; '.join(position.education_fields)}".strip()
        lines.append(t(locale, "match.explain.education_bad", detail=detail))
    key = "match.explain.rank_ok" if exp.rank_ok else "match.explain.rank_bad"
    low, high = position.min_golongan or none, position.max_golongan or none
    lines.append(t(locale, key, rank=employee.golongan or none, low=low, high=high))
    return lines


# The highest golongan a jenjang normally holds (PermenPANRB on functional positions).
JENJANG_TOP = (
    ("ahli utama", "IV/e"),
    ("ahli madya", "IV/c"),
    ("ahli muda", "III/d"),
    ("ahli pertama", "III/b"),
    ("penyelia", "III/d"),
    ("mahir", "III/b"),
    ("terampil", "II/d"),
    ("pemula", "II/a"),
)
FAR_ABOVE_STEPS = 2  # this many ranks above the post's top is "far above"


def rank_far_above(employee: EmployeeProfile, position: PositionSpec) -> bool:
    """True when the employee's golongan is far above what the post is for.

    The post's top is its ``max_golongan``, else the top of the jenjang in its title
    (``Pranata Komputer Ahli Pertama`` -> III/b); a post with neither is never flagged.
    """
    top = position.max_golongan
    if not top:
        title = position.title.casefold()
        top = next((rank for jenjang, rank in JENJANG_TOP if jenjang in title), "")
    rank = rank_position(employee.golongan)
    return bool(top) and rank >= 0 and rank - rank_position(top) >= FAR_ABOVE_STEPS
