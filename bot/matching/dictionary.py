"""The competence dictionary (kamus kompetensi): packaged file plus HR's own additions."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 8x faster when built
PACKAGED_PATH = Path(__file__).resolve().parent.parent / "data" / "competences.yaml"


class DictionaryError(ValueError):
    """A competence file that cannot be read; ``code`` names the problem."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Competence:
    """One canonical competence with its English name and the ways people write it."""

    name: str
    en: str = ""
    variants: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class CompetenceDictionary:
    """An ordered list of competences; ids are positions in :attr:`competences`."""

    competences: tuple[Competence, ...]

    def __post_init__(self) -> None:
        """Build the name -> id map once."""
        object.__setattr__(
            self, "_ids", {c.name.casefold(): i for i, c in enumerate(self.competences)}
        )

    def __len__(self) -> int:
        """Number of competences."""
        return len(self.competences)

    @property
    def names(self) -> list[str]:
        """Canonical names in id order."""
        return [c.name for c in self.competences]

    def id_of(self, name: str) -> int | None:
        """Id of a canonical name (case-insensitive) or None."""
        ids: dict[str, int] = object.__getattribute__(self, "_ids")
        return ids.get(name.strip().casefold())

    def merged(self, extra: Iterable[Competence]) -> CompetenceDictionary:
        """A new dictionary with ``extra`` added: new names appended, variants of known ones
        extended (the canonical name itself always counts as a variant)."""
        items = {c.name.casefold(): c for c in self.competences}
        order = [c.name.casefold() for c in self.competences]
        for comp in extra:
            key = comp.name.strip().casefold()
            if not key:
                continue
            old = items.get(key)
            if old is None:
                items[key] = Competence(comp.name.strip(), comp.en, tuple(comp.variants))
                order.append(key)
            else:
                variants = tuple(dict.fromkeys((*old.variants, *comp.variants)))
                items[key] = Competence(old.name, old.en or comp.en, variants)
        return CompetenceDictionary(tuple(items[k] for k in order))


def _as_variants(raw: object) -> tuple[str, ...]:
    """Variants from a list or a ``;``/``|``-separated string."""
    if raw is None:
        return ()
    if isinstance(raw, str):
        parts: Sequence[object] = raw.replace("|", ";").split(";")
    elif isinstance(raw, list | tuple):
        parts = raw
    else:
        raise DictionaryError("variants_type", value=str(raw)[:40])
    return tuple(s for s in (str(p).strip() for p in parts) if s)


def competences_from_records(records: Iterable[Mapping[str, Any]]) -> list[Competence]:
    """Competences from mappings with ``name``, optional ``en`` and ``variants``."""
    result: list[Competence] = []
    for line, rec in enumerate(records, start=1):
        name = str(rec.get("name") or "").strip()
        if not name:
            raise DictionaryError("name_missing", line=line)
        en = str(rec.get("en") or "").strip()
        result.append(Competence(name, en, _as_variants(rec.get("variants"))))
    return result


def parse_competence_file(data: bytes, filename: str) -> list[Competence]:
    """Read a YAML, JSON or CSV competence file (columns/keys: name, en, variants)."""
    suffix = Path(filename).suffix.lower()
    text = data.decode("utf-8-sig")
    if suffix == ".csv":
        return competences_from_records(csv.DictReader(io.StringIO(text, newline="")))
    try:
        loaded = json.loads(text) if suffix == ".json" else yaml.load(text, Loader=SAFE_LOADER)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise DictionaryError("unreadable", detail=str(exc)[:200]) from exc
    if isinstance(loaded, dict):
        loaded = loaded.get("competences")
    if not isinstance(loaded, list) or not all(isinstance(r, dict) for r in loaded):
        raise DictionaryError("no_list")
    return competences_from_records(loaded)


@lru_cache(maxsize=1)
def packaged_dictionary() -> CompetenceDictionary:
    """The dictionary shipped with the bot (``bot/data/competences.yaml``), cached."""
    comps = parse_competence_file(PACKAGED_PATH.read_bytes(), PACKAGED_PATH.name)
    return CompetenceDictionary(()).merged(comps)


def load_dictionary(extra: Iterable[Competence] = ()) -> CompetenceDictionary:
    """The packaged dictionary merged with HR's additions (e.g. from the database)."""
    return packaged_dictionary().merged(extra)
