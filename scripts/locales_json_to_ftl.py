"""Convert ``bot/locales/<lang>/<feature>.json`` catalogues into Fluent ``<feature>.ftl`` files.

Kept while other branches still add JSON keys: after merging such a branch, run

    .venv/bin/python scripts/locales_json_to_ftl.py          # merge JSON into .ftl, delete JSON
    .venv/bin/python scripts/locales_json_to_ftl.py --check  # round-trip every message

A key's Fluent id comes from ``bot.texts.message_id`` (``asp.kind.rotation`` ->
``asp-kind-rotation``); ``{name}`` becomes ``{ $name }``, literal braces become string
literals, multi-line texts become indented blocks. The merge compares each JSON value with the
JSON as it was when the catalogues were converted (``--base``, by default the parent of the
commit that deleted ``bot/locales/id/core.json``): new keys are appended to the feature's .ftl
file, keys changed on the other branch replace their message (a message edited by hand in the
.ftl is a conflict, reported and left alone unless ``--force``), keys removed there are
removed, and keys already folded into a select message are skipped. A conflict prints the
new text to merge by hand and makes the exit status 1. Running it twice changes nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import string
import subprocess
import sys
from pathlib import Path

from fluent.syntax import FluentParser, ast

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from locales_roundtrip import roundtrip, select_family  # noqa: E402

from bot.texts import LOCALES, LOCALES_DIR, message_id  # noqa: E402

BRACED = re.compile(r"\{[^{}\n]*\}|[{}]")
SPECIAL_START = ("[", "*", ".")
INDENT = "    "


def _literal(text: str) -> str:
    """A Fluent string-literal placeable holding ``text`` verbatim."""
    return '{ "' + text.replace("\\", "\\\\").replace('"', '\\"') + '" }'


def _text(text: str) -> str:
    """Plain text with its literal braces (``{name}`` or a lone ``{``) as string literals."""
    return BRACED.sub(lambda m: _literal(m.group(0)), text)


def _line(parts: list[tuple[str, str]], block: bool) -> str:
    """One line of a pattern: leading/trailing blanks and special first chars kept literal."""
    out = ""
    for i, (kind, value) in enumerate(parts):
        if kind == "var":
            out += "{ $" + value + " }"
            continue
        if i == 0:
            stripped = value.lstrip(" \t")
            lead = value[: len(value) - len(stripped)]
            if lead:
                out += _literal(lead)
            elif block and stripped.startswith(SPECIAL_START):
                out += _literal(stripped[0])
                stripped = stripped[1:]
            value = stripped
        if i == len(parts) - 1:
            body = value.rstrip(" \t")
            out += _text(body) + (_literal(value[len(body) :]) if body != value else "")
        else:
            out += _text(value)
    return out or _literal("")


def to_pattern(text: str) -> str:
    """The Fluent source of a ``str.format`` text, as written after ``id =``."""
    lines: list[list[tuple[str, str]]] = [[]]
    for literal, field, spec, conversion in string.Formatter().parse(text):
        if spec or conversion or (field is not None and not field.isidentifier()):
            raise ValueError(f"unsupported placeholder {{{field}}} in {text!r}")
        for i, chunk in enumerate(literal.split("\n")):
            if i:
                lines.append([])
            if chunk and lines[-1] and lines[-1][-1][0] == "text":
                lines[-1][-1] = ("text", lines[-1][-1][1] + chunk)
            elif chunk:
                lines[-1].append(("text", chunk))
        if field is not None:
            lines[-1].append(("var", field))
    if len(lines) == 1:
        return " " + _line(lines[0], block=False)
    return "".join("\n" + INDENT + _line(parts, block=True) for parts in lines)


def to_message(key: str, text: str) -> str:
    """A whole Fluent message (with its final newline) for one JSON entry."""
    return f"{message_id(key)} ={to_pattern(text)}\n"


def parse_ftl(source: str, where: str) -> ast.Resource:
    """Parse Fluent source with spans; syntax errors are fatal."""
    resource = FluentParser(with_spans=True).parse(source)
    junk = [e for e in resource.body if isinstance(e, ast.Junk)]
    if junk:
        raise SystemExit(f"{where}: Fluent syntax error near {(junk[0].content or '')[:80]!r}")
    return resource


def _messages(resource: ast.Resource, source: str) -> dict[str, str]:
    """Message id -> its exact source (with the final newline) in one file."""
    out = {}
    for entry in resource.body:
        if isinstance(entry, ast.Message) and entry.span is not None:
            out[entry.id.name] = source[entry.span.start : entry.span.end].rstrip("\n") + "\n"
    return out


def default_base() -> str | None:
    """The commit before the JSON catalogues were deleted, or None before the first run."""
    out = subprocess.run(
        ["git", "log", "-1", "--diff-filter=D", "--format=%H", "--", "bot/locales/id/core.json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return f"{out}^" if out else None


def base_json(base: str | None, path: Path) -> dict[str, str] | None:
    """The JSON file as it was at ``base`` ({} when it did not exist), None without a base."""
    if base is None:
        return None
    rel = path.relative_to(ROOT).as_posix()
    shown = subprocess.run(
        ["git", "show", f"{base}:{rel}"], cwd=ROOT, capture_output=True, text=True
    )
    return json.loads(shown.stdout) if shown.returncode == 0 else {}


class Locale:
    """The .ftl files of one locale, edited in memory and written back at the end."""

    def __init__(self, folder: Path) -> None:
        """Read every .ftl file of ``folder``."""
        self.folder = folder
        self.sources = {p.stem: p.read_text(encoding="utf-8") for p in folder.glob("*.ftl")}
        self.where: dict[str, str] = {}
        for feature, source in self.sources.items():
            for mid in _messages(parse_ftl(source, f"{folder.name}/{feature}.ftl"), source):
                if mid in self.where:
                    raise SystemExit(f"{folder.name}: duplicate message id {mid}")
                self.where[mid] = feature

    def message(self, mid: str) -> str | None:
        """The current source of one message, or None."""
        feature = self.where.get(mid)
        if feature is None:
            return None
        source = self.sources[feature]
        return _messages(parse_ftl(source, feature), source)[mid]

    def replace(self, mid: str, new: str) -> None:
        """Replace (or with ``new == ""`` remove) one message in place."""
        feature = self.where[mid]
        self.sources[feature] = self.sources[feature].replace(self.message(mid) or "", new, 1)
        if not new:
            del self.where[mid]

    def append(self, feature: str, new: str, mid: str) -> None:
        """Append a message to a feature's file (created when missing)."""
        source = self.sources.get(feature, "")
        if source and not source.endswith("\n"):
            source += "\n"
        self.sources[feature] = source + new
        self.where[mid] = feature

    def write(self) -> None:
        """Write every file back."""
        for feature, source in self.sources.items():
            (self.folder / f"{feature}.ftl").write_text(source, encoding="utf-8")


def merge_key(
    loc: Locale, feature: str, key: str, text: str, old: dict[str, str] | None, force: bool
) -> str | None:
    """Bring one JSON entry into the .ftl files; a note for the report, or None."""
    mid, new = message_id(key), to_message(key, text)
    current = loc.message(mid)
    if current is None:
        if old is not None and key in old:
            return None if old[key] == text else f"{key}: changed, but folded into a select"
        loc.append(feature, new, mid)
        family = select_family(loc.folder.name, key)
        return f"{key}: added" + (
            f", a variant of select {family}? move it there" if family else ""
        )
    if current == new or (old is not None and old.get(key) == text):
        return None
    if force or (old is not None and key in old and current == to_message(key, old[key])):
        loc.replace(mid, new)
        return f"{key}: updated"
    return f"{key}: CONFLICT, the .ftl message was edited by hand; merge this text into it:\n{new}"


def merge_locale(lang: str, base: str | None, force: bool) -> list[str]:
    """Merge every JSON file of one locale; the report lines."""
    folder = LOCALES_DIR / lang
    loc = Locale(folder)
    notes: list[str] = []
    for path in sorted(folder.glob("*.json")):
        data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
        old = base_json(base, path)
        for key, text in data.items():
            note = merge_key(loc, path.stem, key, text, old, force)
            notes += [f"{lang}/{path.stem}: {note}"] if note else []
        for key in sorted(set(old or {}) - set(data)):
            if loc.message(message_id(key)) is not None:
                loc.replace(message_id(key), "")
                notes.append(f"{lang}/{path.stem}: {key}: removed")
    loc.write()
    return notes


def main(argv: list[str] | None = None) -> int:
    """Merge the JSON catalogues into the .ftl files (then delete them), or check round-trips."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="git revision of the JSON the .ftl files came from")
    parser.add_argument("--force", action="store_true", help="overwrite hand-edited messages")
    parser.add_argument("--keep-json", action="store_true", help="do not delete the JSON files")
    parser.add_argument("--check", action="store_true", help="round-trip every message")
    args = parser.parse_args(argv)
    base = args.base or default_base()
    if args.check:
        return roundtrip(base)
    notes = [note for lang in LOCALES for note in merge_locale(lang, base, args.force)]
    print("\n".join(notes) or "nothing to merge")
    if not args.keep_json:
        for path in LOCALES_DIR.glob("*/*.json"):
            path.unlink()
    return 1 if any("CONFLICT" in note for note in notes) else 0


if __name__ == "__main__":
    raise SystemExit(main())
