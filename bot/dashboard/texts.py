"""The page's words: the ``dash-ui-*`` Fluent messages of a locale as one JSON object.

The front end has no text of its own; it fetches ``/dasbor/texts/<locale>.json`` and puts
``{name}`` parameters in itself (only plain ``$variables`` are used in these messages).
"""

from __future__ import annotations

from functools import cache

from fluent.syntax import ast
from fluent.syntax.visitor import Visitor

from bot.texts import LOCALES, load_messages, t

UI_PREFIX = "dash-ui-"


class _Variables(Visitor):
    """Collects the ``$variable`` names of a message."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        """Remember one variable."""
        self.names.add(node.id.name)


@cache
def ui_texts(locale: str) -> dict[str, str]:
    """``{"ui-key": "text with {name}"}`` of ``locale`` (Indonesian for an unknown one)."""
    loc = locale if locale in LOCALES else LOCALES[0]
    texts = {}
    for mid, message in load_messages(loc).items():
        if not mid.startswith(UI_PREFIX):
            continue
        found = _Variables()
        found.visit(message)
        key = mid.removeprefix(UI_PREFIX).replace("-", "_")
        texts[key] = t(loc, mid, **{n: "{" + n + "}" for n in found.names})
    return texts
