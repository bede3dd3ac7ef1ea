"""Parametrised tests of roster value validation (NIP, phone, golongan, dates, ...)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.imports.rows import map_headers, normalize_header
from bot.roster.columns import COLUMN_ALIASES, REQUIRED_COLUMNS
from bot.roster.validation import (
    EDUCATION_LEVELS,
    RANKS,
    RosterError,
    clean_text,
    education_index,
    normalize_education,
    normalize_phone,
    normalize_position_kind,
    normalize_rank,
    parse_bool,
    parse_date,
    parse_nip,
    rank_index,
)

TODAY = date(2025, 6, 1)


@pytest.mark.parametrize(
    ("nip", "birth", "tmt", "sex"),
    [
        ("198501012009011001", date(1985, 1, 1), date(2009, 1, 1), "M"),
        ("199803132020022001", date(1998, 3, 13), date(2020, 2, 1), "F"),
        ("19850101 200901 1 001", date(1985, 1, 1), date(2009, 1, 1), "M"),
        ("200002292018022001", date(2000, 2, 29), date(2018, 2, 1), "F"),  # leap day, exactly 18
    ],
)
def test_parse_nip_valid(nip: str, birth: date, tmt: date, sex: str) -> None:
    info = parse_nip(nip, reference_date=TODAY)
    assert (info.birth_date, info.cpns_tmt, info.sex) == (birth, tmt, sex)
    assert len(info.nip) == 18


@pytest.mark.parametrize(
    ("nip", "code", "params"),
    [
        ("19850231200901", "nip_length", {"found": 14}),
        ("1985010120090110011", "nip_length", {"found": 19}),
        ("", "nip_empty", {}),
        ("19850101200901100A", "nip_digits", {}),
        ("198502312009011001", "nip_birth_date", {"value": "1985-02-31"}),
        ("199902292018011001", "nip_birth_date", {"value": "1999-02-29"}),
        ("203001012009011001", "nip_birth_date", {"value": "2030-01-01"}),
        ("198501012009131001", "nip_tmt_date", {"value": "2009-13"}),
        ("198501012009001001", "nip_tmt_date", {"value": "2009-00"}),
        ("198501012026011001", "nip_tmt_future", {"value": "2026-01"}),
        ("200001012010011001", "nip_tmt_too_early", {"value": "2010-01", "age": 18}),
        ("200003012018021001", "nip_tmt_too_early", {"value": "2018-02", "age": 18}),
        ("198501012009013001", "nip_sex", {"digit": "3"}),
        ("198501012009010001", "nip_sex", {"digit": "0"}),
    ],
)
def test_parse_nip_rejects(nip: str, code: str, params: dict[str, object]) -> None:
    with pytest.raises(RosterError) as info:
        parse_nip(nip, reference_date=TODAY)
    assert info.value.code == code
    assert info.value.params == params


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("081234567890", "6281234567890"),
        ("0812-3456-7890", "6281234567890"),
        ("0812 3456 7890", "6281234567890"),
        ("(0812) 3456.7890", "6281234567890"),
        ("+6281234567890", "6281234567890"),
        ("+62 812-3456-7890", "6281234567890"),
        ("6281234567890", "6281234567890"),
        ("+62 0812 3456 7890", "6281234567890"),
        ("006281234567890", "6281234567890"),
        ("81234567890", "6281234567890"),
        ("0812345678", "62812345678"),  # shortest: 8 + 8 digits
        ("081234567890123", None),  # too long
        ("081234567", None),  # too short
        ("12345", None),
        ("0215551234", None),  # Jakarta landline
        ("+1 415 555 0100", None),
        ("0812abc45678", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_phone(raw: str | None, expected: str | None) -> None:
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("III/b", "III/b"),
        ("iii/b", "III/b"),
        ("III / B", "III/b"),
        (" iv/e ", "IV/e"),
        ("3b", "III/b"),
        ("3/b", "III/b"),
        ("II-c", "II/c"),
        ("IIIb", "III/b"),
        ("i/a", "I/a"),
    ],
)
def test_normalize_rank(raw: str, expected: str) -> None:
    assert normalize_rank(raw) == expected


@pytest.mark.parametrize("raw", ["V/a", "III/e", "II/e", "I/e", "5a", "IV", "Penata", "IV/f"])
def test_normalize_rank_rejects(raw: str) -> None:
    with pytest.raises(RosterError) as info:
        normalize_rank(raw)
    assert info.value.code == "rank"
    assert info.value.params == {"value": raw}


def test_normalize_rank_empty() -> None:
    with pytest.raises(RosterError) as info:
        normalize_rank("  ")
    assert info.value.code == "rank_empty"


def test_rank_order() -> None:
    assert len(RANKS) == 17
    assert RANKS[0] == "I/a" and RANKS[-1] == "IV/e"
    assert rank_index("III/a") < rank_index("iii/b") < rank_index("IV/a")
    assert rank_index("3d") + 1 == rank_index("IV/a")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("S1", "S1"),
        ("s-1", "S1"),
        ("SMA", "SMA"),
        ("SMK", "SMA"),
        ("SMA/SMK", "SMA"),
        ("SLTA", "SMA"),
        ("D-III", "D3"),
        ("DIV", "D4"),
        ("d 3", "D3"),
        ("S2", "S2"),
        ("Doktor", "S3"),
        ("", ""),
    ],
)
def test_normalize_education(raw: str, expected: str) -> None:
    assert normalize_education(raw) == expected


def test_education_order_and_reject() -> None:
    assert EDUCATION_LEVELS.index("SMA") < EDUCATION_LEVELS.index("D3")
    assert education_index("D4") < education_index("S1") < education_index("s3")
    with pytest.raises(RosterError) as info:
        normalize_education("S4")
    assert info.value.code == "education"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("JPT", "JPT"),
        ("jpt", "JPT"),
        ("Fungsional", "fungsional"),
        ("Jabatan Fungsional Tertentu", "fungsional"),
        ("PELAKSANA", "pelaksana"),
        ("Pengawas", "pengawas"),
        ("administrator", "administrator"),
        ("", ""),
    ],
)
def test_position_kind(raw: str, expected: str) -> None:
    assert normalize_position_kind(raw) == expected


def test_position_kind_rejects() -> None:
    with pytest.raises(RosterError) as info:
        normalize_position_kind("struktural")
    assert info.value.code == "position_kind"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023-04-01", date(2023, 4, 1)),
        ("01-04-2023", date(2023, 4, 1)),
        ("01/04/2023", date(2023, 4, 1)),
        ("2023-04-01 00:00:00", date(2023, 4, 1)),
        (date(2023, 4, 1), date(2023, 4, 1)),
        (datetime(2023, 4, 1, 0, 0), date(2023, 4, 1)),
        ("", None),
    ],
)
def test_parse_date(raw: object, expected: date | None) -> None:
    assert parse_date(raw, column="tmt_jabatan") == expected


@pytest.mark.parametrize("raw", ["2023-13-01", "31-02-2023", "2023/02/30", "kemarin", "04-2023"])
def test_parse_date_rejects(raw: str) -> None:
    with pytest.raises(RosterError) as info:
        parse_date(raw, column="tmt_jabatan")
    assert info.value.code == "date"
    assert info.value.params == {"column": "tmt_jabatan", "value": raw}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ya", True),
        ("Ya", True),
        ("YES", True),
        ("true", True),
        ("1", True),
        ("y", True),
        ("tidak", False),
        ("no", False),
        ("False", False),
        ("0", False),
        ("t", False),
        ("", False),
    ],
)
def test_parse_bool(raw: str, expected: bool) -> None:
    assert parse_bool(raw, column="tugas_belajar") is expected


def test_parse_bool_rejects() -> None:
    with pytest.raises(RosterError) as info:
        parse_bool("mungkin", column="tugas_belajar")
    assert info.value.code == "bool"


def test_clean_text() -> None:
    assert clean_text("  Budi   Santoso ", column="nama", required=True) == "Budi Santoso"
    with pytest.raises(RosterError) as info:
        clean_text("   ", column="nama", required=True)
    assert info.value.code == "name_empty"
    with pytest.raises(RosterError) as info:
        clean_text("", column="jabatan", required=True)
    assert (info.value.code, info.value.params) == ("required", {"column": "jabatan"})


@pytest.mark.parametrize(
    ("header", "normalized"),
    [
        ("NIP BARU", "nip baru"),
        ("GOL_AKHIR_NAMA", "gol akhir nama"),
        (" Unit-Kerja ", "unit kerja"),
    ],
)
def test_normalize_header(header: str, normalized: str) -> None:
    assert normalize_header(header) == normalized


def test_map_headers_siasn_and_missing() -> None:
    headers = ["NIP BARU", "NAMA", "GOL AKHIR", "JABATAN NAMA", "UNOR NAMA", "UNOR_INDUK_NAMA"]
    mapping = map_headers(headers, COLUMN_ALIASES, REQUIRED_COLUMNS)
    assert mapping.missing == []
    assert mapping.index["unit_kerja"] == 5  # the OPD (unor induk) wins over the sub-unit
    assert mapping.ignored == ["UNOR NAMA"]
    mapping = map_headers(
        ["nip", "Name", "phone", "position", "rank"], COLUMN_ALIASES, REQUIRED_COLUMNS
    )
    assert mapping.missing == ["unit_kerja"]
