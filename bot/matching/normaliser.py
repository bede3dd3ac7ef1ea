"""Free text → canonical competences plus the phrases that could not be placed.

Pipeline per text: split on every separator people use; per segment (cached) clean the
characters, turn weak separators (&, +, /) into "dan", tokenise, correct typos per token
against the dictionary vocabulary (OSA distance, cached), reduce Indonesian affixes with
Sastrawi (cached), then take the leftmost-longest phrase of the dictionary at every token.
Filler and general conditions are matched like competences and discarded; a tail marker
("skrg di …", "saat ini sbg …") ends the segment. Unmatched tokens form the unplaced phrases.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.matching.dictionary import CompetenceDictionary
from bot.matching.lexicon import FILLER, GENERAL, KNOWN_WORDS, NO_STEM, TAIL

_SEGMENT_RE = re.compile(
    r"[;,\n\r\t•·▪●◦‣⁃|()\[\]{}:!?\"“”]+|\.(?=\s|$)|(?:^|\s)[-–—*>]+(?=\s)|\s[–—]\s"
)
_WEAK_SEP_RE = re.compile(r"[&+/\\]")
_NON_WORD_RE = re.compile(r"[^a-z0-9]+")

COMPETENCE, FILLER_KIND, GENERAL_KIND, TAIL_KIND = 0, 1, 2, 3
_MIN_STEM = 4


@dataclass(frozen=True)
class NormalisedText:
    """Competence ids found in a text (first-seen order) and the unplaced phrases."""

    competences: tuple[int, ...]
    unplaced: tuple[str, ...]


def _make_stemmer() -> Callable[[str], str]:
    """Sastrawi's Indonesian stemmer (construction is slow, so it is created lazily)."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer: Any = StemmerFactory().create_stemmer()
    return stemmer.stem


def clean_tokens(segment: str) -> list[str]:
    """Lower-case ASCII-ish tokens of one segment, weak separators turned into "dan"."""
    text = unicodedata.normalize("NFKC", segment).casefold()
    text = _WEAK_SEP_RE.sub(" dan ", text)
    return [tok for tok in _NON_WORD_RE.sub(" ", text).split() if not tok.isdigit()]


def split_segments(text: str) -> list[str]:
    """Split a text on strong separators (punctuation, new lines, bullets, periods)."""
    return [s for s in (p.strip() for p in _SEGMENT_RE.split(text or "")) if s]


class Normaliser:
    """Maps texts to competence ids of one dictionary; every step is cached."""

    def __init__(self, dictionary: CompetenceDictionary) -> None:
        """Build the phrase index from the dictionary and the lexicon lists."""
        self.dictionary = dictionary
        self._stem = _make_stemmer()
        self._key_cache: dict[str, str] = {}
        self._token_cache: dict[str, str | None] = {}
        self._segment_cache: dict[str, tuple[tuple[int, ...], tuple[str, ...], bool]] = {}
        self._index: dict[tuple[str, ...], tuple[int, int]] = {}
        raw_vocab: set[str] = set(KNOWN_WORDS)
        entries: list[tuple[str, int, int]] = []
        for cid, comp in enumerate(dictionary.competences):
            for variant in (comp.name, comp.en, *comp.variants):
                entries.append((variant, COMPETENCE, cid))
        entries += [(w, GENERAL_KIND, -1) for w in GENERAL]
        entries += [(w, TAIL_KIND, -1) for w in TAIL]
        entries += [(w, FILLER_KIND, -1) for w in FILLER]
        for phrase, kind, cid in entries:  # competences first: they win a key clash
            tokens = clean_tokens(phrase)
            if not tokens:
                continue
            raw_vocab.update(tokens)
            self._index.setdefault(tuple(self._key(t) for t in tokens), (kind, cid))
        self._raw_vocab = frozenset(raw_vocab)
        self._key_vocab = frozenset(k for key in self._index for k in key)
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(raw_vocab):
            if len(word) > _MIN_STEM:  # abbreviations are never a correction target
                self._by_initial.setdefault(word[0], []).append(word)
        self._max_from: dict[str, int] = {}  # longest entry starting with a key
        for entry in self._index:
            self._max_from[entry[0]] = max(self._max_from.get(entry[0], 0), len(entry))

    def _key(self, token: str) -> str:
        """Matching key of a known-good token: its stem unless the stem is too short."""
        key = self._key_cache.get(token)
        if key is None:
            key = token
            if len(token) > _MIN_STEM and token not in NO_STEM:
                stem = self._stem(token)
                if len(stem) >= _MIN_STEM:
                    key = stem
            self._key_cache[token] = key
        return key

    def _resolve(self, token: str) -> str | None:
        """Key of a token from free text, typo-corrected; None when it is unknown."""
        if token in self._token_cache:
            return self._token_cache[token]
        result: str | None = None
        if token in self._raw_vocab:
            result = self._key(token)
        elif len(token) >= _MIN_STEM:  # typo first (cheap), then affixes (slow Sastrawi)
            limit = 1 if len(token) < 8 else 2
            choices = self._by_initial.get(token[0], [])
            best = process.extractOne(token, choices, scorer=OSA.distance, score_cutoff=limit)
            if best is not None:
                result = self._key(best[0])
            else:
                key = self._key(token)
                result = key if key in self._key_vocab else None
        self._token_cache[token] = result
        return result

    def _segment(self, segment: str) -> tuple[tuple[int, ...], tuple[str, ...], bool]:
        """Competences, unplaced phrases and general-condition flag of one segment."""
        cached = self._segment_cache.get(segment)
        if cached is not None:
            return cached
        raw = clean_tokens(segment)
        keys = [self._resolve(t) for t in raw]
        found: list[int] = []
        unplaced: list[str] = []
        current: list[str] = []
        general = False
        i, n = 0, len(raw)
        while i < n:
            hit = None
            first = keys[i]
            if first is not None:
                for length in range(min(self._max_from.get(first, 0), n - i), 0, -1):
                    span = keys[i : i + length]
                    if None in span:
                        continue
                    hit = self._index.get(tuple(span))  # type: ignore[arg-type]
                    if hit is not None:
                        break
            if hit is None:
                current.append(raw[i])
                i += 1
                continue
            if current:
                unplaced.append(" ".join(current))
                current = []
            kind, cid = hit
            if kind == TAIL_KIND:
                break
            if kind == GENERAL_KIND:
                general = True
            elif kind == COMPETENCE and cid not in found:
                found.append(cid)
            i += length
        if current:
            unplaced.append(" ".join(current))
        result = (tuple(found), tuple(unplaced), general)
        self._segment_cache[segment] = result
        return result

    def normalise(self, text: str) -> NormalisedText:
        """Competence ids (first-seen order; the first is the primary one) and leftovers."""
        found: dict[int, None] = {}
        unplaced: dict[str, None] = {}
        for segment in split_segments(text):
            comps, rest, _general = self._segment(segment.casefold())
            found.update(dict.fromkeys(comps))
            unplaced.update(dict.fromkeys(rest))
        return NormalisedText(tuple(found), tuple(unplaced))

    def is_general_condition(self, requirement: str) -> bool:
        """True when a requirement is a general condition (health, integrity …), not a skill."""
        segments = [self._segment(s.casefold()) for s in split_segments(requirement)]
        return bool(segments) and all(not c and g for c, _r, g in segments)

    def names(self, ids: Iterable[int]) -> list[str]:
        """Canonical names of competence ids."""
        comps = self.dictionary.competences
        return [comps[i].name for i in ids]
