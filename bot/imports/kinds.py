"""What an import kind is: how its file is read, validated, written and summarised.

A kind is plain data (:class:`ImportKind`); ``bot.imports.registry`` lists them and
``bot.imports.pipeline`` runs them. ``parse`` and ``validate`` are pure (they run before
the database transaction, in a worker thread for big files); ``apply`` writes with the
session it is given and never commits.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.imports.reader import Table, read_table
from bot.imports.report import ImportReport, TextRef
from bot.imports.rows import Validated

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class ImportContext:
    """Plain values an import needs besides the file."""

    actor: str  # audit actor, e.g. "cli" or "tg:900001"
    today: date  # local date: future TMTs and NIP dates are checked against it
    settings: Settings | None = None  # needed by kinds that apply rules (moves)
    filename: str = ""
    partial: bool = False  # write the valid lines even when some were rejected
    dry_run: bool = False  # the caller rolls the transaction back
    target: int | None = None  # what to import into (moves: a Draf plan id; None = latest)
    full: bool = False  # the file is the whole roster: what is absent from it is deactivated


class ImportRefused(Exception):
    """The import cannot run at all (e.g. no Draf plan); carries the message as a key."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.text = TextRef(key, params)


Apply = Callable[[AsyncSession, list[R], ImportContext, ImportReport], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class FullMode:
    """A kind whose file can be the complete list: ``count_absent`` says how many stored
    records a full import of ``records`` would deactivate; ``label`` is its chat button."""

    label: str
    count_absent: Callable[[AsyncSession, list[Any]], Awaitable[int]]


@dataclass(frozen=True, slots=True)
class ImportKind(Generic[R]):
    """One kind of HR file.

    ``apply(session, records, ctx, report)`` fills the report's counts (and ``target``,
    ``warnings`` or extra ``errors`` found in the database), writes only when
    ``report.may_write`` holds after its own checks, and then sets ``report.applied``.
    """

    name: str  # CLI argument and chat button payload
    label: str  # text key of the chat button
    validate: Callable[[Table, ImportContext], Validated[R]]
    apply: Apply[R]
    report: str  # text key of the summary line of an applied import
    parse: Callable[[bytes, str, int], Table] = read_table
    full: FullMode | None = None  # None: the kind only adds and updates
