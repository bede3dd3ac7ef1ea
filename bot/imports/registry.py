"""The import kinds by name, in the order the chat offers them.

Each kind lives with its feature (``bot/<feature>/``) and is imported only when it is
used, so ``asn-bot import --help`` stays light. To add a kind: define an ``ImportKind`` in
the feature, add a loader here, and add its button label to ``locales/<lang>/imports.json``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.imports.kinds import ImportKind


def _roster() -> ImportKind[Any]:
    """Employees (roster), upserted by NIP."""
    from bot.roster.importer import ROSTER

    return ROSTER


def _positions() -> ImportKind[Any]:
    """Open positions (formasi), upserted by position code."""
    from bot.matching.positions_import import POSITIONS

    return POSITIONS


def _workload() -> ImportKind[Any]:
    """Workload figures (ABK), upserted by unit and position."""
    from bot.workload.importer import WORKLOAD

    return WORKLOAD


def _moves() -> ImportKind[Any]:
    """Proposed moves, added to a Draf plan."""
    from bot.plans.moves_import import MOVES

    return MOVES


LOADERS: dict[str, Callable[[], ImportKind[Any]]] = {
    "roster": _roster,
    "positions": _positions,
    "workload": _workload,
    "moves": _moves,
}
KIND_NAMES: tuple[str, ...] = tuple(LOADERS)
# Other names accepted on the command line (``asn-bot import employees`` is the roster).
ALIASES: dict[str, str] = {"employees": "roster"}


def find_kind(name: str) -> ImportKind[Any] | None:
    """The kind called ``name`` (or one of its aliases), or None."""
    loader = LOADERS.get(ALIASES.get(name, name))
    return loader() if loader is not None else None


def get_kind(name: str) -> ImportKind[Any]:
    """The kind called ``name``; ``KeyError`` when there is none."""
    kind = find_kind(name)
    if kind is None:
        raise KeyError(name)
    return kind


def all_kinds() -> list[ImportKind[Any]]:
    """Every kind, in the registry's order."""
    return [load() for load in LOADERS.values()]
