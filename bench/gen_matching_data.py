"""Synthetic employees and positions for the matching benchmark (realistic chat phrasing).

The phrase pools are written separately from the competence dictionary: colloquial forms,
requirement boilerplate, filler, emoji, random separators and typos (swap, drop, double).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from bot.matching.profiles import EmployeeProfile, PositionSpec

SKILLS = [
    "ngurus arsip",
    "pengarsipan dokumen",
    "surat menyurat",
    "agenda surat",
    "ms office",
    "excel",
    "olah data",
    "bikin dashboard",
    "analisa data",
    "jaringan lan",
    "ngoding web",
    "bikin aplikasi android",
    "servis komputer",
    "admin medsos",
    "desain poster canva",
    "foto dan video kegiatan",
    "MC acara dinas",
    "humas",
    "pelayanan loket",
    "customer service",
    "bendahara pengeluaran",
    "bikin SPJ",
    "laporan keuangan",
    "penyusunan RKA",
    "pajak daerah",
    "BPHTB",
    "aset BMD",
    "pengadaan barang jasa",
    "e-katalog",
    "musrenbang",
    "monev program",
    "kajian kebijakan",
    "bantuan hukum",
    "nyusun perda",
    "trantib",
    "satpol pp",
    "damkar",
    "penanggulangan bencana",
    "K3",
    "montir mobil",
    "listrik gedung",
    "sopir",
    "mengajar",
    "guru paud",
    "paket C",
    "penyuluh pertanian",
    "budidaya ikan",
    "ternak sapi",
    "kesehatan hewan",
    "perawat IGD",
    "bidan desa",
    "ahli gizi stunting",
    "farmasi obat",
    "surveilans DBD",
    "promkes",
    "sanitasi STBM",
    "rekam medis",
    "lab kesehatan",
    "kepegawaian",
    "SIASN",
    "diklat",
    "anjab abk",
    "reformasi birokrasi",
    "SAKIP",
    "audit",
    "manajemen risiko",
    "GIS qgis",
    "pemetaan",
    "tata ruang",
    "teknik sipil jalan",
    "arsitek gedung",
    "irigasi",
    "perumahan kumuh",
    "lingkungan hidup amdal",
    "bank sampah",
    "taman kota",
    "adminduk KTP",
    "KB",
    "pekerja sosial",
    "perlindungan anak",
    "pemberdayaan desa",
    "naker",
    "UMKM koperasi",
    "pariwisata",
    "kesenian tari",
    "olahraga",
    "bahasa inggris",
    "english",
    "statistik",
    "perizinan OSS",
    "pasar",
    "ketahanan pangan",
    "pemerintahan kecamatan",
    "kesbangpol",
]
FILLER_BEFORE = ["", "", "bisa ", "sdh biasa ", "menguasai ", "pengalaman 3 thn di ", "ahli ",
                 "skill ", "lumayan ", "terbiasa dgn "]  # fmt: skip
FILLER_AFTER = ["", "", "", " (bersertifikat)", " sedikit", " 😊", " 5 thn"]
SEPARATORS = [", ", "; ", " dan ", " & ", " / ", "\n", "\n- ", " + ", ". "]
VAGUE = ["apa saja", "siap ditempatkan dimana saja", "-", "belum ada", "serba bisa pak"]
REQ_PREFIX = ["Menguasai ", "Memahami ", "Berpengalaman dalam ", "Mampu melaksanakan ",
              "Memiliki pengetahuan tentang ", ""]  # fmt: skip
GENERAL = ["Sehat jasmani dan rohani", "Berintegritas dan disiplin", "Mampu bekerja sama dalam tim"]
UNITS = [
    f"Dinas {n}"
    for n in (
        "Kesehatan",
        "Pendidikan",
        "Sosial",
        "PUPR",
        "Pertanian",
        "Perhubungan",
        "Lingkungan Hidup",
        "Kominfo",
        "Pariwisata",
    )
]
MAJORS = [
    "Manajemen",
    "Akuntansi",
    "Ilmu Hukum",
    "Teknik Informatika",
    "Kesehatan Masyarakat",
    "Administrasi Negara",
    "Teknik Sipil",
    "Keperawatan",
    "Pendidikan",
    "IPS",
    "IPA",
]
LEVELS = ["SMA", "D3", "S1", "S2"]
RANKS = ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b"]


def typo(rng: random.Random, word: str) -> str:
    """One random typo (swap, drop or double a letter) in a longer word."""
    if len(word) < 6:
        return word
    i = rng.randrange(1, len(word) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def _phrase(rng: random.Random) -> str:
    """One skill phrase with filler, casing and maybe a typo."""
    words = rng.choice(SKILLS).split()
    if rng.random() < 0.2:
        j = rng.randrange(len(words))
        words[j] = typo(rng, words[j])
    text = rng.choice(FILLER_BEFORE) + " ".join(words) + rng.choice(FILLER_AFTER)
    return text.upper() if rng.random() < 0.05 else text


def employees(n: int, seed: int = 1) -> list[EmployeeProfile]:
    """``n`` synthetic employees."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        if rng.random() < 0.03:
            text = rng.choice(VAGUE)
        else:
            sep = rng.choice(SEPARATORS)
            text = sep.join(_phrase(rng) for _ in range(rng.randint(1, 5)))
        out.append(EmployeeProfile(
            nip=f"{19700101 + i % 300:08d}2000011{i:03d}"[-18:].rjust(18, "1"), name=f"P{i}",
            unit=rng.choice(UNITS), position="Staf", golongan=rng.choice(RANKS),
            education_level=rng.choice(LEVELS), education_field=rng.choice(MAJORS),
            skills_text=text,
        ))  # fmt: skip
    return out


def positions(n: int, seed: int = 2) -> list[PositionSpec]:
    """``n`` synthetic open positions."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        reqs = [rng.choice(REQ_PREFIX) + rng.choice(SKILLS) for _ in range(rng.randint(2, 4))]
        if rng.random() < 0.4:
            reqs.append(rng.choice(GENERAL))
        lo = rng.randrange(len(RANKS) - 3)
        out.append(PositionSpec(
            position_id=f"P{i:05d}", title=f"Jabatan {i}", unit=rng.choice(UNITS),
            required_skills="; ".join(reqs), education_level=rng.choice(LEVELS[:3]),
            education_fields=tuple(rng.sample(MAJORS, 3)) if rng.random() < 0.5 else (),
            min_golongan=RANKS[lo], max_golongan=RANKS[lo + rng.randint(1, 3)], quota=1,
        ))  # fmt: skip
    return out


EMPLOYEE_COLUMNS = ("nip", "name", "unit", "position", "golongan", "education_level",
                    "education_field", "skills_text")  # fmt: skip
POSITION_COLUMNS = ("position_id", "title", "unit", "required_skills", "education_level",
                    "education_fields", "min_golongan", "max_golongan", "quota")  # fmt: skip


def write_csv_pair(folder: Path, n_employees: int, n_positions: int) -> tuple[Path, Path]:
    """Write generated employees and positions as ``asn-bot match`` input files."""
    emp_path, pos_path = folder / "employees.csv", folder / "positions.csv"
    with emp_path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(EMPLOYEE_COLUMNS)
        writer.writerows([getattr(e, c) for c in EMPLOYEE_COLUMNS] for e in employees(n_employees))
    with pos_path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(POSITION_COLUMNS)
        for p in positions(n_positions):
            row = {c: getattr(p, c) for c in POSITION_COLUMNS}
            writer.writerow({**row, "education_fields": ";".join(p.education_fields)}.values())
    return emp_path, pos_path
