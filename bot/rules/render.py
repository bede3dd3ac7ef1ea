"""Rule results as text: each with its rule, its outcome and the date it was judged on."""

from __future__ import annotations

from datetime import date
from html import escape

from bot.i18n.dates import format_date
from bot.rules import labels
from bot.rules.model import RuleResult
from bot.rules.service import Judgement, Override
from bot.texts import t


def text_params(result: RuleResult, locale: str | None) -> dict[str, str | int | float]:
    """The result's parameters for its text: dates in the short form, text escaped."""
    params: dict[str, str | int | float] = {}
    for name, value in result.params.items():
        if isinstance(value, date):
            params[name] = format_date(value, locale, "short") if value not in (
                date.min, date.max) else "-"  # fmt: skip
        elif isinstance(value, str):
            params[name] = escape(value)
        else:
            params[name] = value
    return params


def result_text(locale: str, result: RuleResult) -> str:
    """What the result says (without rule name and date)."""
    return t(locale, labels.RESULT_TEXT[result.code], **text_params(result, locale))


def result_line(locale: str, result: RuleResult, override: Override | None = None) -> str:
    """``⛔ Rule — what it says (judged on 01-02-2027)``, and the override under it."""
    line = t(
        locale, "rules.line", icon=labels.ICON[result.outcome],
        rule=t(locale, labels.RULE_NAME[result.rule]), text=result_text(locale, result),
        date=format_date(result.judged_on, locale, "short"),
    )  # fmt: skip
    if override is not None:
        line += "\n" + t(
            locale, "rules.overridden", point=t(locale, labels.POINT[override.point]),
            date=format_date(override.judged_on, locale, "short"), reason=escape(override.reason),
        )  # fmt: skip
    return line


def problem_lines(locale: str, judgement: Judgement) -> str:
    """Every warning and blocking result of a judgement, one per line, with its override."""
    return "\n".join(
        result_line(locale, r, judgement.override_of(r.rule)) for r in judgement.problems
    )


def unmet_text(locale: str, judgement: Judgement) -> str:
    """ "Usulan ini belum memenuhi ketentuan berikut:" and the results not met."""
    return t(locale, "rules.unmet", lines=problem_lines(locale, judgement))
