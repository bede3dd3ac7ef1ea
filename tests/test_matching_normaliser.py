"""Normaliser: free text → canonical competences (typos, abbreviations, English, separators)."""

from __future__ import annotations

import pytest

from bot.matching.dictionary import (
    Competence,
    DictionaryError,
    load_dictionary,
    parse_competence_file,
)
from bot.matching.normaliser import Normaliser, split_segments


@pytest.fixture(scope="module")
def norm() -> Normaliser:
    """One normaliser over the packaged dictionary for the whole module."""
    return Normaliser(load_dictionary())


def names(norm: Normaliser, text: str) -> set[str]:
    """Canonical names found in ``text``."""
    return set(norm.names(norm.normalise(text).competences))


IT = "teknologi informasi"
NET = "jaringan komputer"
DEV = "pengembangan aplikasi"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TI, jarkom & bikin aplikasi", {IT, NET, DEV}),
        ("teknologi informasi; jaringan komputer; pengembangan aplikasi", {IT, NET, DEV}),
        ("IT / networking + ngoding", {IT, NET, DEV}),
        ("informatika dan programmer", {IT, DEV}),
        ("SDM", {"kepegawaian"}),
        ("HRD", {"kepegawaian"}),
        ("pengadaan barang/jasa", {"pengadaan barang/jasa"}),
        ("PBJ bersertifikat", {"pengadaan barang/jasa"}),
        ("procurement", {"pengadaan barang/jasa"}),
        ("kesmas", {"kesehatan masyarakat"}),
        ("SIG", {"SIG/pemetaan"}),
        ("GIS (QGIS)", {"SIG/pemetaan"}),
        ("b. inggris", {"bahasa Inggris"}),
        ("English", {"bahasa Inggris"}),
        ("translate inggris", {"bahasa Inggris"}),
        ("mengelola arsip", {"kearsipan"}),
        ("pengelolaan arsip dinamis", {"kearsipan"}),
        ("pengarsipan", {"kearsipan"}),
        ("trantibum", {"ketertiban umum"}),
        ("satpol pp", {"ketertiban umum"}),
        ("musrenbang", {"perencanaan pembangunan"}),
        ("legal drafting", {"perancangan peraturan perundang-undangan"}),
        ("adminduk", {"administrasi kependudukan"}),
        ("damkar", {"pemadam kebakaran"}),
        ("stunting", {"gizi"}),
        ("ms word", {"aplikasi perkantoran"}),
        ("surat menyurat", {"administrasi perkantoran/persuratan"}),
        ("diklat", {"pengembangan kompetensi/diklat"}),
        ("mengajar", {"pendidikan/pengajaran"}),
    ],
)
def test_variants_and_abbreviations(norm: Normaliser, text: str, expected: set[str]) -> None:
    """Abbreviations, English and colloquial forms map to the canonical competence."""
    assert names(norm, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("otomoitf", {"otomotif/mekanik"}),
        ("pendidkian", {"pendidikan/pengajaran"}),
        ("stuntng", {"gizi"}),
        ("kearsipn", {"kearsipan"}),
        ("pengadan barang", {"pengadaan barang/jasa"}),
        ("Moontir", {"otomotif/mekanik"}),
        ("dieitsien", {"gizi"}),
        ("litigsai", {"hukum dan advokasi"}),
        ("akuntansii", {"akuntansi"}),
    ],
)
def test_typos(norm: Normaliser, text: str, expected: set[str]) -> None:
    """Small typos are corrected against the dictionary vocabulary."""
    assert names(norm, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. pemadam kebakaran\n2. b. inggris\n3. design grafis",
         {"pemadam kebakaran", "bahasa Inggris", "desain grafis"}),
        ("• kearsipan\n• humas", {"kearsipan", "hubungan masyarakat"}),
        ("- kearsipan\n- humas", {"kearsipan", "hubungan masyarakat"}),
        ("kearsipan. humas", {"kearsipan", "hubungan masyarakat"}),
        ("KEARSIPAN DAN HUMAS", {"kearsipan", "hubungan masyarakat"}),
        ("kearsipan 😊 humas 🙏", {"kearsipan", "hubungan masyarakat"}),
        ("saya bisa skill ms. word / pleayanan / pengarsipan, analisis data",
         {"aplikasi perkantoran", "pelayanan publik", "kearsipan", "analisis data"}),
        ("trantibum dan otonomi daerah. skrg di kantor camat sdh 5 thn",
         {"ketertiban umum", "pemerintahan umum"}),
        ("pengalaman 8 thn di kearsipan, saat ini sbg pengemudi di dinas PU",
         {"kearsipan"}),
        ("Selamat pagi, keahlian sy: planning", {"perencanaan pembangunan"}),
    ],
)  # fmt: skip
def test_separators_filler_and_tails(norm: Normaliser, text: str, expected: set[str]) -> None:
    """Every separator splits; filler, greetings and 'currently at …' tails are dropped."""
    assert names(norm, text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "-", "apa saja", "siap ditempatkan dimana saja", "serba bisa pak 🙏",
     "belum ada", "Sehat jasmani dan rohani", "Berintegritas dan disiplin",
     "Mampu bekerja sama dalam tim", "Tidak sedang menjalani hukuman disiplin"],
)  # fmt: skip
def test_vague_or_general_gives_nothing(norm: Normaliser, text: str) -> None:
    """Vague answers and general conditions yield no competence."""
    assert norm.normalise(text).competences == ()


def test_primary_requirement_comes_first(norm: Normaliser) -> None:
    """The first requirement's competence is first (the primary one)."""
    found = norm.normalise("Menguasai kearsipan; Memahami akuntansi; Sehat jasmani")
    assert norm.names(found.competences) == ["kearsipan", "akuntansi"]


def test_unplaced_phrases_are_kept(norm: Normaliser) -> None:
    """Words the dictionary does not know are returned for HR to review."""
    result = norm.normalise("kearsipan, merangkai bunga")
    assert norm.names(result.competences) == ["kearsipan"]
    assert "merangkai bunga" in result.unplaced


def test_general_condition_detection(norm: Normaliser) -> None:
    """Health/integrity requirements are general conditions; skills are not."""
    assert norm.is_general_condition("Sehat jasmani dan rohani")
    assert not norm.is_general_condition("Menguasai kearsipan")


def test_split_segments() -> None:
    """Strong separators split; periods inside abbreviations do not create empty parts."""
    assert split_segments("a, b; c\nd • e") == ["a", "b", "c", "d", "e"]


def test_hr_extension_is_matched() -> None:
    """A competence imported by HR is recognised after merging."""
    extra = parse_competence_file(
        b"name,variants\nmerangkai bunga,florist;rangkai bunga\n", "extra.csv"
    )
    norm = Normaliser(load_dictionary(extra))
    assert names(norm, "bisa florist") == {"merangkai bunga"}
    assert names(norm, "rangkai bunga") == {"merangkai bunga"}


def test_merge_extends_existing_competence() -> None:
    """Variants for an existing name extend it instead of adding a duplicate."""
    base = load_dictionary()
    merged = base.merged([Competence("Kearsipan", variants=("tata berkas",))])
    assert len(merged) == len(base)
    assert Normaliser(merged).names(Normaliser(merged).normalise("tata berkas").competences) == [
        "kearsipan"
    ]


@pytest.mark.parametrize(
    ("data", "filename"),
    [(b"not: [valid", "x.yaml"), (b"[1, 2]", "x.json"), (b"variants\nfoo\n", "x.csv")],
)
def test_bad_competence_files(data: bytes, filename: str) -> None:
    """Unreadable or nameless competence files raise DictionaryError."""
    with pytest.raises(DictionaryError):
        parse_competence_file(data, filename)
