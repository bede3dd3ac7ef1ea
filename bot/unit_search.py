"""Fuzzy search over unit (OPD) and position names, aware of local-government abbreviations.

Typing a few letters is enough: ``"kominfo"`` finds *Dinas Komunikasi dan Informatika*,
``"dinkes"`` *Dinas Kesehatan*, ``"kec kota"`` *Kecamatan Kota Timur*, ``"bapp"``
*Badan Perencanaan Pembangunan Daerah*. Scoring combines an alias table, word-prefix
matching, acronyms built from the names, and rapidfuzz similarity for typos.

Use :func:`search` for a one-off query or :class:`NameIndex` to reuse the prepared names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

STRONG = 95.0  # a near-certain hit hides candidates far below it
RELATIVE_GAP = 15.0
STOPWORDS = frozenset({"dan", "dr", "h", "hj", "kab", "kota", "daerah"})
_NON_WORD = re.compile(r"[^0-9a-z]+")

# Abbreviation -> the words of the full name (lower case). Several may share a meaning.
ALIASES: dict[str, tuple[str, ...]] = {
    "kominfo": ("komunikasi dan informatika",),
    "diskominfo": ("dinas komunikasi dan informatika",),
    "diskominfotik": ("dinas komunikasi informatika",),
    "dinkes": ("dinas kesehatan",),
    "diskes": ("dinas kesehatan",),
    "bappeda": ("badan perencanaan pembangunan daerah",),
    "bapelitbangda": ("badan perencanaan penelitian pembangunan daerah",),
    "disdik": ("dinas pendidikan",),
    "dindik": ("dinas pendidikan",),
    "disdikbud": ("dinas pendidikan dan kebudayaan",),
    "dikbud": ("pendidikan dan kebudayaan",),
    "dpupr": ("dinas pekerjaan umum dan penataan ruang",),
    "pupr": ("pekerjaan umum dan penataan ruang",),
    "dpu": ("dinas pekerjaan umum",),
    "pu": ("pekerjaan umum",),
    "bkpsdm": (
        "badan kepegawaian dan pengembangan sumber daya manusia",
        "badan kepegawaian dan pengembangan sdm",
    ),
    "bkpsdmd": ("badan kepegawaian dan pengembangan sumber daya manusia",),
    "bkd": ("badan kepegawaian daerah", "badan kepegawaian"),
    "bkpp": ("badan kepegawaian pendidikan dan pelatihan",),
    "dukcapil": ("kependudukan dan pencatatan sipil",),
    "disdukcapil": ("dinas kependudukan dan pencatatan sipil",),
    "capil": ("pencatatan sipil",),
    "setda": ("sekretariat daerah",),
    "sekda": ("sekretariat daerah",),
    "setwan": ("sekretariat dprd",),
    "sekwan": ("sekretariat dprd",),
    "rsud": ("rumah sakit umum daerah", "rsud"),
    "rs": ("rumah sakit", "rsud"),
    "dlh": ("dinas lingkungan hidup",),
    "lh": ("lingkungan hidup",),
    "dishub": ("dinas perhubungan",),
    "dinsos": ("dinas sosial",),
    "bpbd": ("badan penanggulangan bencana daerah",),
    "satpol": ("satuan polisi pamong praja",),
    "satpolpp": ("satuan polisi pamong praja",),
    "satpol pp": ("satuan polisi pamong praja",),
    "pol pp": ("polisi pamong praja",),
    "polpp": ("polisi pamong praja",),
    "damkar": ("pemadam kebakaran",),
    "bapenda": ("badan pendapatan daerah",),
    "bpprd": ("badan pengelola pajak dan retribusi daerah",),
    "bpkad": ("badan pengelolaan keuangan dan aset daerah",),
    "bpkd": ("badan pengelolaan keuangan daerah",),
    "itda": ("inspektorat",),
    "irda": ("inspektorat",),
    "disnaker": ("dinas tenaga kerja",),
    "disnakertrans": ("dinas tenaga kerja dan transmigrasi",),
    "disperindag": ("dinas perindustrian dan perdagangan",),
    "disdag": ("dinas perdagangan",),
    "dpmptsp": ("dinas penanaman modal dan pelayanan terpadu satu pintu",),
    "dpmpt": ("dinas penanaman modal pelayanan terpadu",),
    "dispar": ("dinas pariwisata",),
    "disbudpar": ("dinas kebudayaan dan pariwisata",),
    "dispora": ("dinas pemuda dan olahraga",),
    "distan": ("dinas pertanian",),
    "dispertan": ("dinas pertanian",),
    "diskan": ("dinas perikanan",),
    "dkp": ("dinas kelautan dan perikanan",),
    "dinkop": ("dinas koperasi",),
    "diskop": ("dinas koperasi",),
    "diskopukm": ("dinas koperasi usaha kecil dan menengah",),
    "disperkim": ("dinas perumahan dan kawasan permukiman",),
    "perkim": ("perumahan dan kawasan permukiman",),
    "dp3a": ("dinas pemberdayaan perempuan dan perlindungan anak",),
    "dp3akb": ("dinas pemberdayaan perempuan perlindungan anak dan keluarga berencana",),
    "dppkb": ("dinas pengendalian penduduk dan keluarga berencana",),
    "dpmd": ("dinas pemberdayaan masyarakat dan desa",),
    "dpmdes": ("dinas pemberdayaan masyarakat dan desa",),
    "kesbangpol": ("badan kesatuan bangsa dan politik",),
    "kesbang": ("kesatuan bangsa",),
    "dispusip": ("dinas perpustakaan dan kearsipan",),
    "disarpus": ("dinas kearsipan dan perpustakaan",),
    "arpus": ("arsip perpustakaan",),
    "dkpp": ("dinas ketahanan pangan",),
    "puskesmas": ("pusat kesehatan masyarakat", "puskesmas"),
    "pkm": ("puskesmas", "pusat kesehatan masyarakat"),
    "kec": ("kecamatan",),
    "kel": ("kelurahan",),
    "sekret": ("sekretariat",),
    "bag": ("bagian",),
    "bid": ("bidang",),
    "din": ("dinas",),
    "dis": ("dinas",),
    "bdn": ("badan",),
    # positions (jabatan) as civil servants shorten them
    "prakom": ("pranata komputer",),
    "pranakom": ("pranata komputer",),
    "prahum": ("pranata humas",),
    "anjak": ("analis kebijakan",),
    "anjab": ("analis jabatan",),
    "ppuu": ("perancang peraturan perundang undangan",),
    "pkb": ("penyuluh keluarga berencana",),
    "ppl": ("penyuluh pertanian lapangan", "penyuluh pertanian"),
    "kasubag": ("kepala subbagian",),
    "kasubbag": ("kepala subbagian",),
    "kasi": ("kepala seksi",),
    "kabid": ("kepala bidang",),
    "kadis": ("kepala dinas",),
}
TYPO_RATIO = 80.0  # "komnfo" is read as "kominfo": an abbreviation typed with one slip
TYPO_PENALTY = 10.0  # a corrected reading is never a near-certain hit ("Maksud Anda …?")


def normalize(text: str) -> str:
    """Lower case, punctuation removed, single spaces."""
    return _NON_WORD.sub(" ", text.lower()).strip()


def _words(text: str) -> list[str]:
    """The meaningful words of a normalized text."""
    return [w for w in text.split() if w not in STOPWORDS] or text.split()


def acronym(name: str) -> str:
    """First letters of the words of ``name`` (``dinas lingkungan hidup`` -> ``dlh``)."""
    return "".join(w[0] for w in normalize(name).split() if w != "dan")


def expand(query: str) -> list[str]:
    """The query and its readings with known abbreviations spelled out."""
    q = normalize(query)
    readings = [q]
    if q in ALIASES:
        readings += ALIASES[q]
    tokens = q.split()
    if len(tokens) > 1:
        for i in range(len(tokens)):
            for j in (2, 1):
                key = " ".join(tokens[i : i + j])
                if key in ALIASES and len(tokens[i : i + j]) == j:
                    for full in ALIASES[key]:
                        readings.append(" ".join([*tokens[:i], full, *tokens[i + j :]]))
    elif len(q) >= 4:
        readings += [full for key, fulls in ALIASES.items() if key.startswith(q) for full in fulls]
    seen: dict[str, None] = {}
    for r in readings:
        seen.setdefault(r, None)
    return list(seen)


def corrections(query: str) -> list[str]:
    """Readings of a mistyped abbreviation (``komnfo`` -> the words of ``kominfo``)."""
    q = normalize(query)
    if len(q) < 4 or " " in q or q in ALIASES:
        return []
    keys = [key for key in ALIASES if len(key) >= 4 and fuzz.ratio(q, key) >= TYPO_RATIO]
    return [full for key in keys for full in ALIASES[key]]


def _prefix_score(query_words: list[str], name_words: list[str]) -> float:
    """100 when every query word starts a different name word in order, less otherwise."""
    if not query_words:
        return 0.0
    hits = 0
    pos = 0
    for qw in query_words:
        for k in range(pos, len(name_words)):
            if name_words[k].startswith(qw):
                hits += 1
                pos = k + 1
                break
    if hits == len(query_words):
        return 100.0
    return 100.0 * hits / len(query_words) * 0.7


@dataclass(frozen=True)
class Match:
    """One search result: the candidate, its index in the candidate list, and a 0-100 score."""

    name: str
    index: int
    score: float


class NameIndex:
    """Candidate names prepared once, searched many times."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = list(names)
        self._norm = [normalize(n) for n in self.names]
        self._words = [_words(n) for n in self._norm]
        self._acronyms = [acronym(n) for n in self.names]

    def score(self, index: int, readings: list[str], corrected: int = 0) -> float:
        """How well candidate ``index`` matches any reading (the last ``corrected`` are guesses)."""
        name, words = self._norm[index], self._words[index]
        best = 0.0
        first_guess = len(readings) - corrected
        for n, reading in enumerate(readings):
            if not reading:
                continue
            penalty = 0.0 if n == 0 else (1.0 if n < first_guess else TYPO_PENALTY)
            if reading == name and n < first_guess:
                return 100.0
            if f" {reading} " in f" {name} ":
                best = max(best, 98.0 - penalty)
            if reading == self._acronyms[index]:
                best = max(best, 97.0)
            best = max(best, _prefix_score(_words(reading), words) - 4.0 - penalty)
            fuzzy = max(
                fuzz.token_set_ratio(reading, name),
                fuzz.partial_ratio(reading, name) if len(reading) >= 4 else 0.0,
                fuzz.WRatio(reading, name),
            )
            best = max(best, fuzzy * 0.9 - penalty)
        return best

    def search(self, query: str, limit: int = 5, cutoff: float = 60.0) -> list[Match]:
        """The best ``limit`` candidates scoring at least ``cutoff``, best first."""
        readings = expand(query)
        if not readings or not readings[0]:
            return []
        guesses = [r for r in corrections(query) if r not in readings]
        readings += guesses
        scored = [
            Match(self.names[i], i, self.score(i, readings, len(guesses)))
            for i in range(len(self.names))
        ]
        best = max((m.score for m in scored), default=0.0)
        floor = max(cutoff, best - RELATIVE_GAP) if best >= STRONG else cutoff
        good = [m for m in scored if m.score >= floor]
        good.sort(key=lambda m: (-m.score, len(m.name), m.name))
        return good[:limit]


def did_you_mean(matches: Sequence[Match]) -> str | None:
    """The best match when it is a guess (a typo, a loose hit): "Maksud Anda …?"."""
    if matches and matches[0].score < STRONG:
        return matches[0].name
    return None


def search(query: str, names: Sequence[str], limit: int = 5, cutoff: float = 60.0) -> list[Match]:
    """Fuzzy-search ``names`` for ``query`` (see :class:`NameIndex`)."""
    return NameIndex(names).search(query, limit, cutoff)
