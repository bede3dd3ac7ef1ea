"""The rule set: every rule of a proposed move, judged on one date (pure).

``evaluate(facts, on, config)`` returns the results of every rule that applies, in a fixed
order; each result is ``ok``, a ``warning`` (shown, nothing to justify) or ``blocking``
(the move may go ahead only with a written reason, or — for the election freeze — the
Minister of Home Affairs' written approval). Rule ids:

- ``time_in_position``: at least ``min_years_in_position`` in the current post;
- ``rotation_due``: ``rotation_due_years`` or more in post (Peraturan BKN 5/2019), always ok;
- ``sanction`` (until its end date), ``examination``, ``study_leave`` (until its end date),
  ``service_bond`` (ikatan dinas: no move out of the agency before it ends);
- ``freeze``: an election freeze period covers the date, unless the move has the approval;
- ``out_min_service`` (10 years since the CPNS TMT in the NIP) for moves out of the agency;
- ``retirement``: the date is before the pension; a move out needs 5 more years;
- ``quota_full``, ``rank_range``, ``education``, ``skp``: the destination's requirements.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bot.aspirations.eligibility import months_between
from bot.roster.validation import RosterError, parse_nip
from bot.rules import kinds
from bot.rules.model import (
    BLOCKING,
    OK,
    WARNING,
    MoveFacts,
    Outcome,
    Param,
    RuleConfig,
    RuleResult,
)

Check = Callable[[MoveFacts, date, RuleConfig], list[RuleResult]]


def _result(rule: str, outcome: Outcome, on: date, code: str, **params: Param) -> RuleResult:
    """A result of ``rule`` judged on ``on``."""
    return RuleResult(rule, outcome, on, code, dict(params))


def _number(value: float) -> int | float:
    """2.0 → 2 for the texts; 1.5 stays."""
    return int(value) if value == int(value) else value


def time_in_position(facts: MoveFacts, on: date, cfg: RuleConfig) -> list[RuleResult]:
    """Minimum time in the current position, and the rotation-due flag."""
    tmt = facts.employee.position_tmt
    if tmt is None:
        return [_result("time_in_position", WARNING, on, "tmt_unknown")]
    served = months_between(tmt, on)
    due = kinds.years_after(tmt, cfg.min_years_in_position)
    span: dict[str, Param] = {"years": served // 12, "months": served % 12, "tmt": tmt}
    if on < due:
        results = [_result("time_in_position", BLOCKING, on, "too_short", due=due,
                           min_years=_number(cfg.min_years_in_position), **span)]  # fmt: skip
    else:
        results = [_result("time_in_position", OK, on, "served", **span)]
    rotation = kinds.years_after(tmt, cfg.rotation_due_years)
    if cfg.rotation_due_years > 0 and on >= rotation:
        results.append(_result("rotation_due", OK, on, "rotation_due", since=rotation,
                               limit=_number(cfg.rotation_due_years), **span))  # fmt: skip
    return results


def sanction(facts: MoveFacts, on: date, _cfg: RuleConfig) -> list[RuleResult]:
    """A disciplinary sanction blocks until its end date; eligible again the day after."""
    e = facts.employee
    level, until = e.sanction_level or "-", e.sanction_until
    if not (e.sanction or e.sanction_level or until):
        return [_result("sanction", OK, on, "sanction_none")]
    if until is not None and on > until:
        return [_result("sanction", OK, on, "sanction_ended", level=level, until=until)]
    if until is None:
        return [_result("sanction", BLOCKING, on, "sanction_open", level=level)]
    return [_result("sanction", BLOCKING, on, "sanction_active", level=level, until=until)]


def examination(facts: MoveFacts, on: date, _cfg: RuleConfig) -> list[RuleResult]:
    """An employee under disciplinary examination is not moved."""
    if facts.employee.under_examination:
        return [_result("examination", BLOCKING, on, "examination")]
    return [_result("examination", OK, on, "examination_none")]


def study_leave(facts: MoveFacts, on: date, _cfg: RuleConfig) -> list[RuleResult]:
    """On study leave (tugas belajar) until its end date; the service bond after it."""
    e = facts.employee
    until = e.study_leave_until
    results: list[RuleResult] = []
    if (e.study_leave or until) and (until is None or on <= until):
        code = "study_leave" if until else "study_leave_open"
        results.append(_result("study_leave", BLOCKING, on, code, until=until or "-"))
    else:
        results.append(_result("study_leave", OK, on, "study_leave_none"))
    bond = e.service_bond_until
    if bond is not None and on <= bond:
        if facts.target.leaves_agency:
            results.append(_result("service_bond", BLOCKING, on, "service_bond_out", until=bond))
        else:
            results.append(_result("service_bond", OK, on, "service_bond_inside", until=bond))
    return results


def freeze(facts: MoveFacts, on: date, _cfg: RuleConfig) -> list[RuleResult]:
    """An election freeze period blocks unless the Minister approved the move in writing."""
    results = []
    for period in facts.freezes:
        if not period.starts_on <= on <= period.ends_on:
            continue
        span: dict[str, Param] = {
            "name": period.name or "-",
            "start": period.starts_on,
            "end": period.ends_on,
        }
        approval = facts.approval
        if approval is not None:
            results.append(_result("freeze", OK, on, "freeze_approved", number=approval.number,
                                   issued=approval.issued_on, **span))  # fmt: skip
        else:
            results.append(_result("freeze", BLOCKING, on, "freeze", **span))
    return results or [_result("freeze", OK, on, "freeze_none")]


def service_and_age(facts: MoveFacts, on: date, cfg: RuleConfig) -> list[RuleResult]:
    """10 years since the CPNS TMT (moves out) and the retirement age (every move)."""
    try:
        nip = parse_nip(facts.employee.nip, reference_date=date.max)
    except RosterError:
        return [_result("retirement", WARNING, on, "nip_unreadable")]
    results = []
    out = facts.target.leaves_agency
    if out:
        due = kinds.years_after(nip.cpns_tmt, cfg.out_min_service_years)
        span = {"cpns": nip.cpns_tmt, "due": due, "years": _number(cfg.out_min_service_years)}
        outcome, code = (BLOCKING, "out_too_early") if on < due else (OK, "out_served")
        results.append(_result("out_min_service", outcome, on, code, **span))
    target = facts.target
    kind = target.position_kind or facts.employee.position_kind
    title = target.position_title if target.position_kind else facts.employee.position_title
    age = kinds.retirement_age(cfg.retirement_ages, kind, title)
    retires = kinds.retirement_date(nip.birth_date, age)
    limit = kinds.years_after(retires, -cfg.out_years_before_retirement)
    span2: dict[str, Param] = {"age": age, "retires": retires}
    if on >= retires:
        results.append(_result("retirement", BLOCKING, on, "retired", **span2))
    elif out and on >= limit:
        span2 |= {"limit": limit, "years": _number(cfg.out_years_before_retirement)}
        results.append(_result("retirement", BLOCKING, on, "out_near_retirement", **span2))
    else:
        results.append(_result("retirement", OK, on, "before_retirement", **span2))
    return results


def requirements(facts: MoveFacts, on: date, _cfg: RuleConfig) -> list[RuleResult]:
    """The destination's quota, golongan range, education and SKP (position kind defaults)."""
    e, target = facts.employee, facts.target
    default = kinds.KIND_REQUIREMENTS.get(target.position_kind, kinds.KindRequirement())
    results = []
    if target.quota is not None and target.taken >= target.quota:
        results.append(_result("quota_full", BLOCKING, on, "quota_full", taken=target.taken,
                               quota=target.quota))  # fmt: skip
    low, high = (target.min_rank, target.max_rank) if (
        target.min_rank or target.max_rank) else (default.min_rank, "")  # fmt: skip
    if (low or high) and not kinds.rank_in_range(e.rank, low, high):
        results.append(_result("rank_range", BLOCKING, on, "rank_range", rank=e.rank or "-",
                               min=low or "-", max=high or "-"))  # fmt: skip
    required = target.education_level or default.min_education
    meets = kinds.education_meets(e.education_level, required) if required else True
    if meets is None:
        results.append(_result("education", WARNING, on, "education_unknown", required=required))
    elif not meets:
        results.append(_result("education", BLOCKING, on, "education", required=required,
                               level=e.education_level))  # fmt: skip
    if default.skp:
        results += _skp(facts, on)
    return results


def _skp(facts: MoveFacts, on: date) -> list[RuleResult]:
    """SKP of the last two years, at least "baik", when the roster has it."""
    e = facts.employee
    known = [r for r in (e.skp_last_year, e.skp_year_before) if r]
    if not known:
        return []
    span = {"last": e.skp_last_year or "-", "before": e.skp_year_before or "-"}
    if all(r in kinds.SKP_GOOD for r in known):
        return [_result("skp", OK, on, "skp_good", **span)]
    return [_result("skp", BLOCKING, on, "skp_low", **span)]


CHECKS: tuple[Check, ...] = (
    time_in_position, sanction, examination, study_leave, freeze, service_and_age, requirements,
)  # fmt: skip


def evaluate(facts: MoveFacts, on: date, config: RuleConfig) -> list[RuleResult]:
    """Every rule's result for moving on ``on`` (the proposed TMT, or the SK's TMT)."""
    return [result for check in CHECKS for result in check(facts, on, config)]


def problems(results: list[RuleResult]) -> list[RuleResult]:
    """The results that are not ok."""
    return [r for r in results if r.outcome != OK]
