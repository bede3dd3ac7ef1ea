"""The Fluent catalogues: both locales alike, every key used in code present, no key built at
run time, English plural forms and digit grouping per locale."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from fluent.syntax import ast as ftl

from bot.texts import LOCALES, LOCALES_DIR, load_messages, message_id, t

ROOT = Path(__file__).resolve().parents[1]
CODE_FOLDERS = ("bot", "handlers", "storage")
PLURAL_CATEGORIES = {"zero", "one", "two", "few", "many", "other"}
# key-taking callables -> index of the key argument (``t(locale, key)``, ``request.t(key)`` ...)
KEY_ARGS = {"t": 1, "tr": 0, "reply_key": 0, "_failed_attempt": 1}
KEY_PREFIX = re.compile(r"^([a-z][a-z_]*)\.[a-z0-9_.]*$")


def _walk(node: object) -> list[object]:
    """Every Fluent AST node under ``node`` (itself included)."""
    found = [node]
    if isinstance(node, ftl.BaseNode):
        for value in vars(node).values():
            for child in value if isinstance(value, list) else [value]:
                if isinstance(child, ftl.BaseNode):
                    found += _walk(child)
    return found


def _variables(message: ftl.Message) -> set[str]:
    """The ``$variables`` a message uses anywhere (selectors, variants, function arguments)."""
    return {n.id.name for n in _walk(message) if isinstance(n, ftl.VariableReference)}


def _variants(message: ftl.Message) -> set[tuple[str, str]]:
    """(selector, key) of every non-plural variant: they must match across locales."""
    out = set()
    for node in _walk(message):
        if isinstance(node, ftl.SelectExpression):
            selector = ast_name(node.selector)
            for variant in node.variants:
                key = getattr(variant.key, "name", None) or str(getattr(variant.key, "value", ""))
                if key not in PLURAL_CATEGORIES:
                    out.add((selector, key))
    return out


def ast_name(selector: object) -> str:
    """A readable name of a select's selector."""
    if isinstance(selector, ftl.VariableReference):
        return selector.id.name
    return type(selector).__name__


def test_both_locales_have_the_same_files_and_messages() -> None:
    """Same feature files, same message ids."""
    files = {lang: sorted(p.name for p in (LOCALES_DIR / lang).glob("*.ftl")) for lang in LOCALES}
    assert files["id"] == files["en"] and files["id"]
    assert set(load_messages("id")) == set(load_messages("en"))


def test_messages_have_the_same_placeholders_and_variants() -> None:
    """Per message: the same variables, and the same non-plural select variants."""
    ids, ens = load_messages("id"), load_messages("en")
    assert {m: _variables(ids[m]) for m in ids} == {m: _variables(ens[m]) for m in ids}
    assert {m: _variants(ids[m]) for m in ids} == {m: _variants(ens[m]) for m in ids}


def _code() -> list[tuple[Path, ast.Module]]:
    """The parsed Python modules of the application."""
    paths = [p for folder in CODE_FOLDERS for p in sorted((ROOT / folder).rglob("*.py"))]
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in paths]


def _namespaces() -> set[str]:
    """First parts of the message ids (``asp``, ``plans`` ...): what a key looks like."""
    return {mid.split("-")[0] for mid in load_messages("id")}


def _audit_nodes(tree: ast.AST) -> set[int]:
    """ids of the nodes inside ``record(...)`` calls: audit action names, not text keys."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _callee(node) == "record":
            inside |= {id(n) for n in ast.walk(node)}
    return inside


def _callee(call: ast.Call) -> str | None:
    """The called name (``t``, ``reply_key`` ...)."""
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def _key_argument(call: ast.Call) -> ast.expr | None:
    """The key argument of a call to a key-taking function, if any."""
    name = _callee(call)
    if name not in KEY_ARGS:
        return None
    index = 0 if name == "t" and isinstance(call.func, ast.Attribute) else KEY_ARGS[name]
    return call.args[index] if len(call.args) > index else None


def used_keys(tree: ast.AST, namespaces: set[str]) -> set[str]:
    """Key literals: key arguments (both branches of a conditional) and key-like strings."""
    keys: set[str] = set()
    audit = _audit_nodes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (arg := _key_argument(node)) is not None:
            branches = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
            keys |= {
                b.value
                for b in branches
                if isinstance(b, ast.Constant) and isinstance(b.value, str)
            }
        elif (
            isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in audit
        ):
            match = KEY_PREFIX.match(node.value)
            if match and match.group(1) in namespaces and not node.value.endswith((".", "_")):
                keys.add(node.value)
    return keys


def dynamic_keys(tree: ast.AST, namespaces: set[str]) -> list[int]:
    """Lines that build a text key at run time (f-string, ``+``, ``%`` or ``.format``)."""
    lines = []
    audit = _audit_nodes(tree)
    for node in ast.walk(tree):
        if id(node) in audit:
            continue
        if isinstance(node, ast.Call) and (arg := _key_argument(node)) is not None:
            built = isinstance(arg, ast.JoinedStr | ast.BinOp) or (
                isinstance(arg, ast.Call) and _callee(arg) in ("format", "join")
            )
            if built:
                lines.append(node.lineno)
        head = None
        if isinstance(node, ast.JoinedStr) and node.values:
            head = getattr(node.values[0], "value", None)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
            head = getattr(node.left, "value", None)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "{" in node.value:
            head = node.value.split("{")[0]
        match = KEY_PREFIX.match(head) if isinstance(head, str) else None
        if match and match.group(1) in namespaces:
            lines.append(getattr(node, "lineno", 0))
    return sorted(set(lines))


def test_every_key_used_in_code_exists() -> None:
    """Every key literal in bot/, handlers/ and storage/ is a message of the catalogue."""
    namespaces, ids = _namespaces(), set(load_messages("id"))
    missing = [
        f"{path.relative_to(ROOT)}: {key}"
        for path, tree in _code()
        for key in sorted(used_keys(tree, namespaces))
        if message_id(key) not in ids
    ]
    assert not missing


def test_no_text_key_is_built_at_run_time() -> None:
    """Keys are literals (or selects): a lookup by a built string would escape the tests."""
    namespaces = _namespaces()
    found = [
        f"{p.relative_to(ROOT)}:{line}"
        for p, tree in _code()
        for line in dynamic_keys(tree, namespaces)
    ]
    assert not found


@pytest.mark.parametrize(
    "source",
    [
        't(locale, f"asp.kind.{kind}")',
        'request.t("plans.status_" + move.status)',
        'request.reply_key(f"aper.err_{error}")',
        'request.t("bc.aud_{}".format(kind))',
        'texts = AudienceTexts(aud="bc.aud_{}")',
        'key = f"roster.err.{code}"',
        "tr(prefix + value)",
    ],
)
def test_a_built_key_is_detected(source: str) -> None:
    """The scan above catches the usual ways of building a key."""
    assert dynamic_keys(ast.parse(source), {"asp", "plans", "aper", "bc", "roster"})


@pytest.mark.parametrize(
    "source",
    ['t(locale, "asp.kind", kind=kind)', 'await record(s, a, f"survey.{status}", "survey", 1)'],
)
def test_literal_keys_and_audit_actions_pass(source: str) -> None:
    """Literal keys with a select parameter, and audit action names, are fine."""
    assert not dynamic_keys(ast.parse(source), {"asp", "survey"})


@pytest.mark.parametrize(
    ("locale", "key", "params", "expected"),
    [
        ("en", "bc.queued", {"id": 7, "count": 1}, "queued for 1 recipient."),
        ("en", "bc.queued", {"id": 7, "count": 2}, "queued for 2 recipients."),
        ("en", "bc.queued", {"id": 12345, "count": 1234}, "#12345 queued for 1,234 recipients."),
        ("id", "bc.queued", {"id": 12345, "count": 1234}, "#12345 diantrekan untuk 1.234 penerima"),
        ("id", "bc.queued", {"id": 7, "count": 1}, "untuk 1 penerima"),
        ("en", "plans.submitted", {"id": 3, "count": 1}, "(1 move)"),
        ("en", "plans.submitted", {"id": 3, "count": 2}, "(2 moves)"),
        (
            "en",
            "survey.send_confirm",
            {"id": 1, "count": 1, "audience": "x"},
            "<b>1</b> employee linked",
        ),
        (
            "en",
            "survey.send_confirm",
            {"id": 1, "count": 5, "audience": "x"},
            "<b>5</b> employees linked",
        ),
        ("en", "roster.report.more", {"count": 1}, "… and 1 more problem."),
        ("en", "survey.res_hidden_units", {"count": 1, "min": 5}, "1 unit with fewer than 5"),
        ("en", "common.text_too_long", {"length": 1001, "limit": 1000}, "(1,001 characters)"),
    ],
)
def test_plural_forms_and_numbers(
    locale: str, key: str, params: dict[str, object], expected: str
) -> None:
    """English picks "1 recipient" / "2 recipients"; counts are grouped per locale."""
    assert expected in t(locale, key, **params)


@pytest.mark.parametrize(
    ("locale", "years", "months", "min_years", "expected"),
    [
        ("en", 1, 1, 2, "for 1 year 1 month (TMT 01-01-2025); the minimum is 2 years"),
        ("en", 0, 2, 1, "for 0 years 2 months (TMT 01-01-2025); the minimum is 1 year"),
        ("en", 0, 2, 1.5, "the minimum is 1.5 years"),
        ("id", 0, 2, 1.5, "minimal 1,5 tahun"),
    ],
)
def test_years_and_months_in_eligibility_problems(
    locale: str, years: int, months: int, min_years: float, expected: str
) -> None:
    """Plural selects inside ``asp.problem.too_short``."""
    text = t(
        locale, "asp.problem.too_short", years=years, months=months,
        min_years=min_years, tmt="01-01-2025", due="01-01-2027",
    )  # fmt: skip
    assert expected in text
