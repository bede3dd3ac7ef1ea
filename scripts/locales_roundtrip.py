"""Round-trip check: every JSON text renders the same through the Fluent catalogues.

Each text of the JSON catalogues (the files on disk, else those at the ``base`` revision) is
formatted the old way (``str.format``) and through ``bot.texts`` with the same sample
parameters: strings, then the integer 7 (the same in every locale and plural form). Texts
that now follow the locale for 1 or 1234 (plural forms, digit grouping) are listed with both.
A key folded into a select message (``plans.status_draft`` -> ``plans-status`` with
``$status = draft``) is rendered through that select.
"""

from __future__ import annotations

import json
import string
import subprocess
from pathlib import Path

from fluent.syntax import ast

from bot.texts import LOCALES, LOCALES_DIR, TextError, format_message, load_messages, message_id

ROOT = LOCALES_DIR.parents[1]
# English texts reworded on purpose when plurals came: "step(s)" became "1 step" / "2 steps"
IMPROVED = {"campaigns.skipped_report", "cli.admin.removed", "survey.res_hidden_units"}


def _json_files(lang: str, base: str | None) -> dict[str, dict[str, str]]:
    """Feature -> JSON catalogue of one locale, from disk or from git at ``base``."""
    on_disk = sorted((LOCALES_DIR / lang).glob("*.json"))
    if on_disk or base is None:
        return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in on_disk}
    folder = (LOCALES_DIR / lang).relative_to(ROOT).as_posix()
    names = subprocess.run(
        ["git", "ls-tree", "--name-only", base, f"{folder}/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    out = {}
    for name in names:
        if name.endswith(".json"):
            shown = subprocess.run(
                ["git", "show", f"{base}:{name}"], cwd=ROOT, capture_output=True, text=True
            )
            out[Path(name).stem] = json.loads(shown.stdout)
    return out


def _select_of(message: ast.Message) -> tuple[str, dict[str, object]] | None:
    """The variable of a message's top-level select and its variant keys (name -> value)."""
    for element in message.value.elements if message.value else []:
        expr = getattr(element, "expression", None)
        if isinstance(expr, ast.SelectExpression) and isinstance(
            expr.selector, ast.VariableReference
        ):
            keys: dict[str, object] = {}
            for variant in expr.variants:
                if isinstance(variant.key, ast.Identifier):
                    keys[variant.key.name] = variant.key.name
                else:
                    keys[variant.key.value] = int(variant.key.value)
            return expr.selector.id.name, keys
    return None


def _target(lang: str, key: str) -> tuple[str, dict[str, object]] | None:
    """The message id (and selector value) that now renders ``key``."""
    messages = load_messages(lang)
    mid = message_id(key)
    if mid in messages:
        return mid, {}
    for i in range(len(mid) - 1, 0, -1):
        if mid[i] in "-_" and mid[:i] in messages:
            select = _select_of(messages[mid[:i]])
            if select and mid[i + 1 :] in select[1]:
                return mid[:i], {select[0]: select[1][mid[i + 1 :]]}
    return None


def select_family(lang: str, key: str) -> str | None:
    """The select message a key looks like a variant of (``plans.status_x`` -> ``plans-status``)."""
    messages, mid = load_messages(lang), message_id(key)
    for i in range(len(mid) - 1, 0, -1):
        if mid[i] in "-_" and mid[:i] in messages and _select_of(messages[mid[:i]]):
            return mid[:i]
    return None


def _render(lang: str, mid: str, params: dict[str, object]) -> str | None:
    """Format through ``bot.texts``; None when Fluent reports an error."""
    try:
        return format_message(lang, mid, params)
    except TextError:
        return None


def _check(lang: str, key: str, text: str) -> tuple[str, str]:
    """("ok" | "folded" | "numbers" | "improved" | "MISMATCH" | "MISSING", detail) for a text."""
    target = _target(lang, key)
    if target is None:
        return "MISSING", key
    mid, fixed = target
    names = {f for _, f, _, _ in string.Formatter().parse(text) if f}
    strings: dict[str, object] = {n: f"<{n}>" for n in names}
    sevens: dict[str, object] = dict.fromkeys(names, 7)
    for params in (strings, sevens):
        old, new = (text.format(**params) if params else text), _render(lang, mid, params | fixed)
        if new != old:
            status = "improved" if key in IMPROVED else "MISMATCH"
            return status, f"{key}\n  old: {old!r}\n  new: {new!r}"
    ones, many = dict.fromkeys(names, 1), dict.fromkeys(names, 1234)
    one, thousands = _render(lang, mid, ones | fixed), _render(lang, mid, many | fixed)
    if one != (text.format(**ones) if names else text) or thousands != (
        text.format(**many) if names else text
    ):
        return "numbers", f"{key}\n  1: {one!r}\n  1234: {thousands!r}"
    return ("folded" if fixed else "ok"), f"{key} -> {mid} {fixed}"


QUIET = ("ok", "folded")


def roundtrip(base: str | None, verbose: bool = True) -> int:
    """Check every JSON text of every locale; 1 when one does not round-trip."""
    failed = False
    for lang in LOCALES:
        counts: dict[str, int] = {}
        for feature, data in sorted(_json_files(lang, base).items()):
            for key, text in data.items():
                status, detail = _check(lang, key, text)
                counts[status] = counts.get(status, 0) + 1
                if status in ("MISMATCH", "MISSING") or (verbose and status not in QUIET):
                    print(f"{lang}/{feature} {status}: {detail}")
                failed = failed or status in ("MISMATCH", "MISSING")
        print(f"{lang}: {counts}")
    return 1 if failed else 0
