"""Audience specifications: parse what HR or an operator typed into a JSON-able spec.

Spec forms (stored in ``Broadcast.audience``)::

    {"kind": "all"}
    {"kind": "units", "names": ["Dinas Kesehatan"], "unit_ids": [3]}
    {"kind": "role", "role": "hr" | "approver" | "employee"}
    {"kind": "employees", "employee_ids": [1, 2, 3]}

Other features may add kinds (e.g. ``plan``, ``survey_pending``) by registering a
resolver in ``bot.delivery.recipients``. Fuzzy unit matching is pure and lives here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rapidfuzz import fuzz, process, utils

ROLES = ("hr", "approver", "employee")
UNIT_MATCH_CUTOFF = 70.0


class AudienceError(ValueError):
    """The audience text cannot be understood; ``key`` names the text to show."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def parse_audience(text: str | Sequence[int]) -> dict[str, Any]:
    """Parse ``all``, ``unit:NAME[;NAME]``, ``role:ROLE``, ``employees:1,2`` or a list of ids."""
    if not isinstance(text, str):
        return {"kind": "employees", "employee_ids": _ids(list(text))}
    raw = text.strip()
    low = raw.lower()
    if low in ("all", "semua"):
        return {"kind": "all"}
    prefix, sep, rest = raw.partition(":")
    prefix = prefix.strip().lower()
    rest = rest.strip()
    if not sep or not rest:
        if raw.replace(",", " ").replace(" ", "").isdigit():
            return {"kind": "employees", "employee_ids": _ids(raw.replace(",", " ").split())}
        raise AudienceError("delivery.audience.unknown", value=raw)
    if prefix in ("unit", "units", "opd"):
        names = [n.strip() for n in rest.split(";") if n.strip()]
        return {"kind": "units", "names": names, "unit_ids": []}
    if prefix == "role":
        role = rest.lower()
        if role not in ROLES:
            raise AudienceError("delivery.audience.bad_role", role=rest, roles=", ".join(ROLES))
        return {"kind": "role", "role": role}
    if prefix in ("employee", "employees", "pegawai"):
        return {"kind": "employees", "employee_ids": _ids(rest.replace(",", " ").split())}
    raise AudienceError("delivery.audience.unknown", value=raw)


def match_unit(name: str, candidates: Sequence[str]) -> list[tuple[str, float]]:
    """Best fuzzy matches of ``name`` among unit names, best first (score 0-100)."""
    exact = [c for c in candidates if c.casefold() == name.casefold()]
    if exact:
        return [(exact[0], 100.0)]
    found = process.extract(
        name,
        list(candidates),
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        score_cutoff=UNIT_MATCH_CUTOFF,
        limit=5,
    )
    return [(str(choice), float(score)) for choice, score, _ in found]


def pick_unit(name: str, candidates: Sequence[str]) -> str:
    """The one unit ``name`` refers to; raise AudienceError when none or ambiguous."""
    matches = match_unit(name, candidates)
    if not matches:
        raise AudienceError("delivery.audience.unit_not_found", name=name)
    if len(matches) > 1 and matches[0][1] < 100.0 and matches[0][1] - matches[1][1] < 3.0:
        options = ", ".join(m[0] for m in matches[:3])
        raise AudienceError("delivery.audience.unit_ambiguous", name=name, options=options)
    return matches[0][0]


def _ids(values: Sequence[object]) -> list[int]:
    """Parse employee ids; raise AudienceError on anything that is not a positive integer."""
    ids: list[int] = []
    for value in values:
        try:
            number = int(str(value))
        except ValueError as exc:
            raise AudienceError("delivery.audience.bad_id", value=str(value)) from exc
        if number <= 0:
            raise AudienceError("delivery.audience.bad_id", value=str(value))
        ids.append(number)
    if not ids:
        raise AudienceError("delivery.audience.unknown", value="")
    return sorted(set(ids))
