"""Survey definitions: question kinds, parsing YAML/JSON with clear errors, serialising."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

KINDS = ("likert", "scale10", "single", "multi", "text")
SCALE_RANGES = {"likert": (1, 5), "scale10": (0, 10)}
TEXT_MAX_DEFAULT = 500
TEXT_MAX_LIMIT = 2000
KEY_MAX = 20
MAX_QUESTIONS = 40
MAX_OPTIONS = 12
TRIGGERS = ("move", "manual")


class DefinitionError(ValueError):
    """A survey file is invalid; the message says where and what."""


@dataclass(frozen=True)
class Option:
    """One choice of a single/multiple choice question."""

    key: str
    text: dict[str, str]


@dataclass(frozen=True)
class Question:
    """One question of a survey."""

    key: str
    kind: str
    text: dict[str, str]
    required: bool = True
    options: tuple[Option, ...] = ()
    max_length: int = TEXT_MAX_DEFAULT

    @property
    def is_scale(self) -> bool:
        """True for Likert and 0-10 questions (numeric answers)."""
        return self.kind in SCALE_RANGES

    @property
    def scale_range(self) -> tuple[int, int]:
        """Lowest and highest accepted value of a scale question."""
        return SCALE_RANGES[self.kind]

    def option_keys(self) -> list[str]:
        """Keys of the options, in order."""
        return [o.key for o in self.options]

    def label(self, locale: str) -> str:
        """The question text in ``locale`` (Indonesian when missing)."""
        return self.text.get(locale) or self.text["id"]


@dataclass(frozen=True)
class SurveyDef:
    """A whole survey as defined in its YAML/JSON file."""

    slug: str
    title: dict[str, str]
    anonymous: bool
    questions: tuple[Question, ...]
    intro: dict[str, str] = field(default_factory=dict)
    trigger: str = "manual"
    offsets_days: tuple[int, ...] = ()
    satisfaction_key: str = ""

    def question(self, key: str) -> Question | None:
        """The question with ``key``, or None."""
        return next((q for q in self.questions if q.key == key), None)

    def title_in(self, locale: str) -> str:
        """The title in ``locale`` (Indonesian when missing)."""
        return self.title.get(locale) or self.title["id"]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able form that :func:`parse_definition` reads back unchanged."""
        return {
            "slug": self.slug,
            "title": dict(self.title),
            "intro": dict(self.intro),
            "anonymous": self.anonymous,
            "trigger": self.trigger,
            "offsets_days": list(self.offsets_days),
            "satisfaction_key": self.satisfaction_key,
            "questions": [_question_dict(q) for q in self.questions],
        }


def _question_dict(q: Question) -> dict[str, Any]:
    """Serialise one question."""
    data: dict[str, Any] = {"key": q.key, "kind": q.kind, "text": dict(q.text)}
    data["required"] = q.required
    if q.options:
        data["options"] = [{"key": o.key, "text": dict(o.text)} for o in q.options]
    if q.kind == "text":
        data["max_length"] = q.max_length
    return data


def load_file(path: str | Path) -> SurveyDef:
    """Read a ``.yaml``/``.yml``/``.json`` survey file."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise DefinitionError(f"{p}: cannot read ({exc.strerror})") from exc
    return parse_text(raw, json_format=p.suffix.lower() == ".json", source=str(p))


def parse_text(raw: str, *, json_format: bool = False, source: str = "survey") -> SurveyDef:
    """Parse YAML (or JSON) text into a validated definition."""
    try:
        data = json.loads(raw) if json_format else yaml.safe_load(raw)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        kind = "JSON" if json_format else "YAML"
        raise DefinitionError(f"{source}: not valid {kind}: {exc}") from exc
    return parse_definition(data)


def _texts(value: Any, where: str) -> dict[str, str]:
    """A localised text: a plain string (Indonesian) or a mapping with at least ``id``."""
    if isinstance(value, str) and value.strip():
        return {"id": value.strip()}
    if isinstance(value, dict):
        texts = {str(k): str(v).strip() for k, v in value.items() if str(v).strip()}
        if "id" not in texts:
            raise DefinitionError(f"{where}: an Indonesian text ('id') is required")
        unknown = set(texts) - {"id", "en"}
        if unknown:
            raise DefinitionError(f"{where}: unknown language(s) {sorted(unknown)}; use id, en")
        return texts
    raise DefinitionError(f"{where}: text missing")


def _key(value: Any, where: str) -> str:
    """A short identifier made of letters, digits and underscores."""
    key = str(value or "").strip()
    if not key or len(key) > KEY_MAX or not key.replace("_", "").isalnum() or not key.isascii():
        raise DefinitionError(f"{where}: key must be 1-{KEY_MAX} ASCII letters, digits or '_'")
    return key


def _options(raw: Any, where: str) -> tuple[Option, ...]:
    """The options of a choice question."""
    if not isinstance(raw, list) or len(raw) < 2:
        raise DefinitionError(f"{where}.options: at least two options are required")
    if len(raw) > MAX_OPTIONS:
        raise DefinitionError(f"{where}.options: at most {MAX_OPTIONS} options")
    options = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict):
            raise DefinitionError(f"{where}.options[{i}]: expected key and text")
        options.append(
            Option(
                _key(item.get("key"), f"{where}.options[{i}]"),
                _texts(item.get("text"), f"{where}.options[{i}].text"),
            )
        )
    keys = [o.key for o in options]
    if len(set(keys)) != len(keys):
        raise DefinitionError(f"{where}.options: option keys must be unique")
    return tuple(options)


def _question(raw: Any, i: int) -> Question:
    """Validate one question."""
    where = f"questions[{i}]"
    if not isinstance(raw, dict):
        raise DefinitionError(f"{where}: expected a mapping")
    key = _key(raw.get("key"), where)
    where = f"questions[{i}] ({key})"
    kind = str(raw.get("kind", ""))
    if kind not in KINDS:
        raise DefinitionError(f"{where}.kind: {kind!r} is not one of {', '.join(KINDS)}")
    required = raw.get("required", True)
    if not isinstance(required, bool):
        raise DefinitionError(f"{where}.required: must be true or false")
    options: tuple[Option, ...] = ()
    if kind in ("single", "multi"):
        options = _options(raw.get("options"), where)
    elif "options" in raw:
        raise DefinitionError(f"{where}.options: only single/multi questions have options")
    max_length = raw.get("max_length", TEXT_MAX_DEFAULT)
    if not isinstance(max_length, int) or not 1 <= max_length <= TEXT_MAX_LIMIT:
        raise DefinitionError(f"{where}.max_length: must be a number from 1 to {TEXT_MAX_LIMIT}")
    return Question(
        key, kind, _texts(raw.get("text"), f"{where}.text"), required, options, max_length
    )


def parse_definition(data: Any) -> SurveyDef:
    """Validate a parsed mapping and build the definition (DefinitionError when invalid)."""
    if not isinstance(data, dict):
        raise DefinitionError("survey: expected a mapping at the top level")
    slug = str(data.get("slug", "")).strip()
    if not slug or len(slug) > 60 or not slug.replace("-", "").replace("_", "").isalnum():
        raise DefinitionError("slug: 1-60 letters, digits, '-' or '_' required")
    anonymous = data.get("anonymous")
    if not isinstance(anonymous, bool):
        raise DefinitionError("anonymous: must be true or false (fixed at creation)")
    trigger = str(data.get("trigger", "manual"))
    if trigger not in TRIGGERS:
        raise DefinitionError(f"trigger: must be one of {', '.join(TRIGGERS)}")
    offsets = data.get("offsets_days", [])
    if not isinstance(offsets, list) or not all(
        isinstance(o, int) and 0 <= o <= 730 for o in offsets
    ):
        raise DefinitionError("offsets_days: a list of whole days from 0 to 730")
    if trigger == "move" and not offsets:
        raise DefinitionError("offsets_days: required when trigger is 'move' (e.g. [30, 90])")
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise DefinitionError("questions: at least one question is required")
    if len(raw_questions) > MAX_QUESTIONS:
        raise DefinitionError(f"questions: at most {MAX_QUESTIONS}")
    questions = tuple(_question(q, i) for i, q in enumerate(raw_questions))
    keys = [q.key for q in questions]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise DefinitionError(f"questions: duplicate keys {dupes}")
    satisfaction = str(data.get("satisfaction_key", "") or "")
    if satisfaction and satisfaction not in keys:
        raise DefinitionError(f"satisfaction_key: no question {satisfaction!r}")
    intro = _texts(data["intro"], "intro") if data.get("intro") else {}
    return SurveyDef(
        slug=slug,
        title=_texts(data.get("title"), "title"),
        anonymous=anonymous,
        questions=questions,
        intro=intro,
        trigger=trigger,
        offsets_days=tuple(sorted(set(offsets))),
        satisfaction_key=satisfaction,
    )


def default_survey_path() -> Path:
    """The shipped default post-mutation survey."""
    return Path(__file__).resolve().parent.parent / "data" / "survey_post_mutation.yaml"
