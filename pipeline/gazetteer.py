"""Gazetteer of Vietnam's administrative units, before and after the 1 July 2025 reorganisation.

Why this exists: articles (mostly 2017-2024) name localities the old way ("xã Lục Bình
(Bạch Thông)", "huyện Bình Gia"), while readers of the output want the official code and
the unit it became after 1 July 2025, when provinces merged 63 → 34, districts were
abolished and communes merged. The recognizer asks "is this string a place, and which?"
many times per sentence, so lookups are dictionary hits on a folded key.

Source: the PyPI package `vietnamadminunits` (MIT), read offline from its installed data
files, never imported (importing it pulls in shapely/geopy):

- ``data/dataset.db`` table ``admin_units_legacy``: the 63-province / 3-level units in force
  just before 1 July 2025, with GSO codes, plus former names of merged units
  (``districtAlias``, ``wardAlias``, accent-free keys only);
- ``data/dataset.db`` table ``admin_units``: the 34-province / 2-level units from 1 July 2025;
- ``data/converter_2025.json``: the old commune → new commune and old province → new
  province mapping (an old commune split between several new ones has a default);
- ``data/parser_legacy.json``: districts that were divided between others (former names).

The index is built on first use and cached as JSON under ``$VNFACTS_CACHE_DIR`` or
``$XDG_CACHE_HOME/vnfacts`` (default ``~/.cache/vnfacts``), keyed by the source package's
version and `INDEX_VERSION`; when no cache dir is writable it lives in memory only.

Folding (`fold`) keeps diacritics (Vietnamese names differ only by them: "Sa Pa" and
"Sa Pả" are two wards) but makes the tone mark's position irrelevant ("Hoà" = "Hòa",
"Thuỷ" = "Thủy"), and folds case, Unicode form, spacing, dashes and apostrophes.
"""

from __future__ import annotations

import gc
import json
import os
import re
import sqlite3
import tempfile
import threading
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import metadata, util
from pathlib import Path
from typing import Any

SOURCE_PACKAGE = "vietnamadminunits"
INDEX_VERSION = 6  # bump when the index layout or the folding changes
REORG_DATE = date(2025, 7, 1)

LEVELS = ("province", "district", "commune")
# every level a fact's place may have, smallest first: a unit of a higher rank holds the lower
LEVEL_RANK = {"village": 0, "commune": 1, "district": 2, "province": 3, "region": 4, "country": 5}
ERAS = ("pre2025", "2025")
_LEVEL_BIT = {"province": 1, "district": 2, "commune": 4}
_ALL_LEVELS = frozenset(LEVELS)
_LEVEL_ALIASES = {"ward": "commune", "xã": "commune", "huyện": "district", "tỉnh": "province"}

# Names as written in the press that the data does not carry (short names, old names,
# spelling variants). Hyphen spacing, tone-mark placement, case and a leading level word
# ("TP.", "tỉnh") are folded anyway, so only real variants belong here.
# A unit the source names by its name of 2025 that was called otherwise before a year: the
# name a report of an earlier year uses ("Thừa Thiên Huế" became the city of Huế in 2025).
NAMES_BEFORE: dict[str, tuple[str, int]] = {"Huế": ("Thừa Thiên Huế", 2025)}


def name_of_its_time(name: str, year: int | None) -> str:
    """The unit's name in `year` (its current one when the year is unknown or later)."""
    old = NAMES_BEFORE.get(name)
    return old[0] if old is not None and year is not None and year < old[1] else name


PROVINCE_ALIASES: dict[str, tuple[str, ...]] = {
    "Hồ Chí Minh": ("HCM", "TPHCM", "TP HCM", "HCMC", "Sài Gòn", "TP.HCM"),
    "Huế": ("Thừa Thiên Huế", "Thừa Thiên", "TT-Huế", "TT Huế"),
    "Bà Rịa - Vũng Tàu": ("BR-VT", "BRVT", "Bà Rịa Vũng Tàu"),
    "Đắk Lắk": ("Đắc Lắc", "Đắk Lăk", "Đăk Lăk", "Đắc Lắk", "Đắk Lắc", "Daklak", "Dak Lak"),
    "Đắk Nông": ("Đắc Nông", "Đăk Nông", "Đak Nông", "Daknong", "Dak Nong"),
    "Bắc Kạn": ("Bắc Cạn",),
    "Kon Tum": ("Kontum",),
}

# ---------------------------------------------------------------------------- folding

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền sắc ngã hỏi nặng
_DASHES = re.compile(r"[-‐‑‒–—―]")
_APOSTROPHES = re.compile(r"[’‘ʼ`´]")
_EDGE_PUNCT = ' \t\n\r.,;:!?()[]{}"“”«»'
_SPACES = re.compile(r"\s+")
# Tây Nguyên place names spell the same syllable Đăk / Đắk / Đak; the data mixes them.
# Press spellings of the same syllables: "Đác Lắc", "Đắc Lắc" (no unit's name uses them otherwise).
_SYLLABLE_VARIANTS = {
    "đăk": "đắk",
    "đak": "đắk",
    "lăk": "lắk",
    "đác": "đắk",
    "đắc": "đắk",
    "lắc": "lắk",
}

# A leading level word: full words, "TP."/"TX."/"TT." abbreviations, and "P."/"Q."/"H."
# (the single letters only with a dot or a number: "P.1", "Q1").
_LEVEL_WORD = re.compile(
    r"^(?:(?P<word>thị trấn|thị xã|thành phố|đặc khu|thủ đô|phường|huyện|quận|tỉnh|xã)"
    r"(?:\.\s*|\s+|$)|(?P<abbr>tt|tx|tp)(?:\.\s*|\s+)|(?P<letter>[pqh])(?:\.\s*|(?=\d)))"
)
_WORD_LEVELS: dict[str, frozenset[str]] = {
    "thị trấn": frozenset({"commune"}),
    "tt": frozenset({"commune"}),
    "xã": frozenset({"commune"}),
    "phường": frozenset({"commune"}),
    "p": frozenset({"commune"}),
    "đặc khu": frozenset({"commune"}),
    "huyện": frozenset({"district"}),
    "h": frozenset({"district"}),
    "quận": frozenset({"district"}),
    "q": frozenset({"district"}),
    "thị xã": frozenset({"district"}),
    "tx": frozenset({"district"}),
    "thành phố": frozenset({"district", "province"}),
    "tp": frozenset({"district", "province"}),
    "tỉnh": frozenset({"province"}),
    "thủ đô": frozenset({"province"}),
}
_NUMBER = re.compile(r"^0*(\d+)$")
# Numbered units are named with their level word ("Phường 1", "Quận 1").
_NUMBERED_WORD = {"commune": "phường", "district": "quận"}


def _surface(text: str) -> str:
    """NFC, lower case, one space, dashes and apostrophes unified, edge punctuation off; the
    Icelandic eth some sites type for Đ ("Ðông Bình", U+00D0) read as Đ."""
    s = unicodedata.normalize("NFC", text).lower().replace("ð", "đ")
    s = _APOSTROPHES.sub("'", s)
    s = _DASHES.sub(" ", s)
    return _SPACES.sub(" ", s).strip(_EDGE_PUNCT)


# Entries of each name-folding cache: enough for the names of hundreds of articles (2,000
# archive articles fold ~41,000 distinct strings, most of them once), bounded so that a
# worker that runs for hours does not keep every string it ever folded.
GAZETTEER_CACHE_SIZE = 16_384


def _syllable_key(syllable: str) -> str:
    """One syllable with its tone mark moved to the end, so its placement does not matter."""
    syllable = _SYLLABLE_VARIANTS.get(syllable, syllable)
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    if not tones:
        return syllable
    base = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    return unicodedata.normalize("NFC", base) + tones[0]


@lru_cache(maxsize=GAZETTEER_CACHE_SIZE)
def fold(text: str) -> str:
    """Matching key of a name: case, Unicode form, spacing, dashes and tone placement folded.

    Diacritics are kept (only their position inside a syllable is normalised), so
    "Khánh Hoà" and "Khánh Hòa" share a key but "Sa Pa" and "Sa Pả" do not. The key is
    for comparison, not for display.
    """
    return " ".join(_syllable_key(syl) for syl in _surface(text).split(" ") if syl)


@lru_cache(maxsize=GAZETTEER_CACHE_SIZE)
def ascii_key(text: str) -> str:
    """Accent- and space-free key, the form in which the source keeps former names."""
    s = unicodedata.normalize("NFD", _surface(text).replace("đ", "d"))
    return "".join(ch for ch in s if ch.isalnum() and not unicodedata.combining(ch))


@lru_cache(maxsize=GAZETTEER_CACHE_SIZE)
def split_level_word(text: str) -> tuple[frozenset[str], str]:
    """("xã Lục Bình") → ({"commune"}, "lục bình"): the levels a leading level word allows
    (all levels when there is none) and the rest, folded only for case/space/dashes."""
    s = _surface(text)
    m = _LEVEL_WORD.match(s)
    if not m:
        return _ALL_LEVELS, s
    word = m.group("word") or m.group("abbr") or m.group("letter")
    rest = s[m.end() :].strip(_EDGE_PUNCT)
    if not rest:
        return _ALL_LEVELS, s
    return _WORD_LEVELS[word], rest


def era_of(published: str | date | None) -> str:
    """Era of the units an article dated `published` (ISO date) uses; pre2025 when unknown."""
    if published is None:
        return "pre2025"
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published[:10])
        except ValueError:
            return "pre2025"
    return "2025" if published >= REORG_DATE else "pre2025"


# ------------------------------------------------------------------------------ units


@dataclass(frozen=True, slots=True)
class Unit:
    """One administrative unit of one era (or a former name of one, `former=True`).

    `name` is the short name without the level word ("Lục Bình"; numbered units keep it:
    "Phường 1"), `type` the level word as written officially ("xã", "thị trấn", "huyện",
    "thành phố", "tỉnh", …). `after_2025` summarises the unit it belongs to from 1 July
    2025 (for a 2025 unit: itself; for an old district: its new province, districts being
    abolished). A former name has no code of its own; `merged_into` names the unit(s) of
    the pre-2025 data that absorbed it.
    """

    name: str
    level: str
    era: str
    type: str | None
    code: str | None
    district: str | None = None
    district_code: str | None = None
    province: str | None = None
    province_code: str | None = None
    after_2025: dict[str, Any] | None = field(default=None, compare=False, hash=False)
    former: bool = False
    merged_into: tuple[dict[str, Any], ...] = field(default=(), compare=False, hash=False)
    aliases: tuple[str, ...] = field(default=(), compare=False, hash=False)

    @property
    def full_name(self) -> str:
        """Name with its level word, as in an official list ("Xã Lục Bình")."""
        if not self.type or fold(self.name).startswith(fold(self.type) + " "):
            return self.name
        return f"{self.type[0].upper()}{self.type[1:]} {self.name}"

    def summary(self) -> dict[str, Any]:
        """The compact form used for `after_2025` and `merged_into`."""
        out: dict[str, Any] = {
            "name": self.name,
            "level": self.level,
            "type": self.type,
            "code": self.code,
        }
        if self.level != "province":
            out["province"] = self.province
            out["province_code"] = self.province_code
        return out

    def to_json(self) -> dict[str, Any]:
        """The normalized fields of a LOCALITY mention (FACTS.md), plus era and type."""
        out: dict[str, Any] = {
            "name": self.name,
            "level": self.level,
            "district": self.district,
            "province": self.province,
            "code": self.code,
            "after_2025": dict(self.after_2025) if self.after_2025 else None,
            "era": self.era,
            "type": self.type,
        }
        if self.former:
            out["former"] = True
            out["merged_into"] = [dict(m) for m in self.merged_into]
        return out


# Field order of a unit in the cache file.
_FIELDS = (
    "name",
    "level",
    "era",
    "type",
    "code",
    "district",
    "district_code",
    "province",
    "province_code",
    "former",
    "aliases",
)


# ---------------------------------------------------------------------------- building


def _data_dir() -> Path:
    """The installed source package's data folder, found without importing the package."""
    spec = util.find_spec(SOURCE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the gazetteer needs the package {SOURCE_PACKAGE!r} installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def source_version() -> str:
    """Installed version of the source package (the cache is keyed by it)."""
    return metadata.version(SOURCE_PACKAGE)


def _lower_type(t: str | None) -> str | None:
    return t.lower() if t else None


def _province_type(full: str, short: str) -> str:
    """'Tỉnh' or 'Thành phố', read off the official full name."""
    return full[: len(full) - len(short)].strip().lower() or "tỉnh"


_ASCII_PREFIXES = ("thitran", "thixa", "thanhpho", "phuong", "huyen", "quan", "xa", "tt", "tx")
_ASCII_TYPE = {
    "thitran": "thị trấn",
    "thixa": "thị xã",
    "thanhpho": "thành phố",
    "phuong": "phường",
    "huyen": "huyện",
    "quan": "quận",
    "xa": "xã",
}


def _former_names(aliases: list[str], own: str) -> list[tuple[str, str | None]]:
    """Former names from the source's accent-free alias keys, as (key, level word or None).

    The source lists "xacaotri" beside "caotri": keep the bare key and the level word the
    prefixed one shows. A key whose bare form is the unit's own name ("thixaphucyen" of
    Phúc Yên) is a former type, not a former name. Numbered keys ("quan9") stay whole.
    """
    keys = set(aliases)
    out: dict[str, str | None] = {}
    for key in sorted(keys):
        name, level_word = key, None
        for prefix in _ASCII_PREFIXES:
            rest = key[len(prefix) :]
            if key.startswith(prefix) and rest and (rest in keys or rest == own):
                name, level_word = rest, _ASCII_TYPE.get(prefix)
                break
            if key.startswith(prefix) and rest.isdigit():
                level_word = _ASCII_TYPE.get(prefix)  # "quan9": Quận 9
                break
        if name and name != own:
            out[name] = level_word or out.get(name)
    return sorted(out.items())


# The source tells apart two units of one name in one province by their type in
# parentheses ("Cai Lậy (Thị xã)", "Cai Lậy (Huyện)", "Trạm Tấu (Thị trấn)"); the press
# writes the name alone, with its level word, and the unit's type keeps them apart.
_TYPE_SUFFIX = re.compile(r"\s*\((?:Thị trấn|Thị xã|Thành phố|Huyện|Quận|Xã|Phường)\)\s*$")


# Names the source spells otherwise than the official list and the press do (the
# district of Yên Bái is Mù Cang Chải, as its seat, the town of Mù Cang Chải, is).
SOURCE_MISSPELLINGS: dict[str, str] = {"Mù Căng Chải": "Mù Cang Chải", "Ya ly": "Ya Ly"}


# The source lowercases a syllable that opens on a vowel ("Pa ủ", "Mường é", "Đại áng");
# every syllable of a unit's name is capitalized ("Pa Ủ"), as the press and the official
# lists write it ("Nông trường", a common noun, opens on a consonant and keeps its case).
_LOWER_VOWEL_SYLLABLE = re.compile(r"(?<![^\s-])[aeiouy]")


def _capital_vowel_syllables(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", name)
    return unicodedata.normalize(
        "NFC", _LOWER_VOWEL_SYLLABLE.sub(lambda m: m.group(0).upper(), decomposed)
    )


def _plain_name(name: str | None) -> str | None:
    if not name:
        return name
    name = _TYPE_SUFFIX.sub("", name)
    return _capital_vowel_syllables(SOURCE_MISSPELLINGS.get(name, name))


def _build_records(data_dir: Path) -> dict[str, Any]:
    """Read the source data into the cache layout: unit rows and lookup tables."""
    db = data_dir / "dataset.db"
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        legacy = conn.execute(
            "SELECT province, provinceShort, provinceCode, provinceKey, district, districtShort,"
            " districtType, districtCode, districtKey, districtAlias, ward, wardShort, wardType,"
            " wardCode, wardKey, wardAlias FROM admin_units_legacy"
            " ORDER BY provinceCode, districtCode, wardCode"
        ).fetchall()
        new = conn.execute(
            "SELECT province, provinceShort, provinceCode, provinceKey, wardShort, wardType,"
            " wardCode, wardKey FROM admin_units ORDER BY provinceCode, wardCode"
        ).fetchall()
    finally:
        conn.close()
    converter = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))
    parser_legacy = json.loads((data_dir / "parser_legacy.json").read_text(encoding="utf-8"))

    units: list[Unit] = []
    successor: list[int | None] = []  # index of the 2025 unit each unit belongs to
    split: list[list[int]] = []  # other 2025 communes an old commune was split into
    merged: list[list[int]] = []  # for a former name: the units that absorbed it

    def add(
        unit: Unit,
        after: int | None = None,
        parts: list[int] | None = None,
        into: list[int] | None = None,
    ) -> int:
        units.append(unit)
        successor.append(after)
        split.append(parts or [])
        merged.append(into or [])
        return len(units) - 1

    # 2025 era: provinces, then communes (xã, phường, đặc khu).
    new_province: dict[str, int] = {}
    new_ward: dict[tuple[str, str], int] = {}
    for prov, prov_short, prov_code, prov_key, _w, _t, _c, _k in new:
        if prov_key not in new_province:
            aliases = PROVINCE_ALIASES.get(prov_short, ())
            u = Unit(
                prov_short,
                "province",
                "2025",
                _province_type(prov, prov_short),
                prov_code,
                aliases=aliases,
            )
            new_province[prov_key] = add(u)
            successor[-1] = new_province[prov_key]
    for _prov, prov_short, prov_code, prov_key, w_short, w_type, w_code, w_key in new:
        u = Unit(
            _plain_name(w_short),
            "commune",
            "2025",
            _lower_type(w_type),
            w_code,
            province=prov_short,
            province_code=prov_code,
        )
        new_ward[(prov_key, w_key)] = add(u)
        successor[-1] = new_ward[(prov_key, w_key)]

    # Old → new mappings.
    prov_after = {
        old: new_province[nk] for nk, olds in converter["DICT_PROVINCE"].items() for old in olds
    }
    ward_after: dict[str, tuple[int, list[int]]] = {}
    for nk_prov, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for nk_ward, olds in wards.items():
            for old in olds:
                ward_after[old] = (new_ward[(nk_prov, nk_ward)], [])
    for nk_prov, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            idxs = [new_ward[(nk_prov, p["newWardKey"])] for p in parts]
            default = next(
                (new_ward[(nk_prov, p["newWardKey"])] for p in parts if p["isDefaultNewWard"]),
                idxs[0],
            )
            ward_after[old] = (default, [i for i in idxs if i != default])

    # Pre-2025 era: provinces, districts, communes, then former names.
    old_province: dict[str, int] = {}
    old_district: dict[tuple[str, str], int] = {}
    district_aliases: dict[int, list[str]] = {}
    ward_aliases: list[tuple[int, list[str]]] = []
    for row in legacy:
        (
            prov,
            prov_short,
            prov_code,
            prov_key,
            _d,
            d_short,
            d_type,
            d_code,
            d_key,
            d_alias,
            _w,
            w_short,
            w_type,
            w_code,
            w_key,
            w_alias,
        ) = row
        d_short, w_short = _plain_name(d_short), _plain_name(w_short)
        if prov_key not in old_province:
            u = Unit(
                prov_short,
                "province",
                "pre2025",
                _province_type(prov, prov_short),
                prov_code,
                aliases=PROVINCE_ALIASES.get(prov_short, ()),
            )
            old_province[prov_key] = add(u, prov_after[prov_key])
        if (prov_key, d_key) not in old_district:
            u = Unit(
                d_short,
                "district",
                "pre2025",
                _lower_type(d_type),
                d_code,
                province=prov_short,
                province_code=prov_code,
            )
            # An island district with no communes became a special zone (đặc khu).
            island = ward_after.get(f"{prov_key}_{d_key}_")
            after = island[0] if island else prov_after[prov_key]
            old_district[(prov_key, d_key)] = add(u, after)
            if d_alias:
                district_aliases[old_district[(prov_key, d_key)]] = json.loads(d_alias)
        if not w_key:
            continue
        after, parts = ward_after[f"{prov_key}_{d_key}_{w_key}"]
        u = Unit(
            w_short,
            "commune",
            "pre2025",
            _lower_type(w_type),
            w_code,
            district=d_short,
            district_code=d_code,
            province=prov_short,
            province_code=prov_code,
        )
        idx = add(u, after, parts)
        if w_alias:
            ward_aliases.append((idx, json.loads(w_alias)))

    def add_former(key: str, level: str, t: str | None, into: list[int]) -> None:
        first = units[into[0]]
        u = Unit(
            key,
            level,
            "pre2025",
            t,
            None,
            district=first.district,
            district_code=first.district_code,
            province=first.province,
            province_code=first.province_code,
            former=True,
        )
        add(u, successor[into[0]], into=into)

    for idx, aliases in ward_aliases:
        for key, t in _former_names(aliases, ascii_key(units[idx].name)):
            add_former(key, "commune", t, [idx])
    for idx, aliases in district_aliases.items():
        for key, t in _former_names(aliases, ascii_key(units[idx].name)):
            add_former(key, "district", t, [idx])
    # Districts divided between others (e.g. huyện Trà Lĩnh, Cao Bằng, in 2020).
    for prov_key, divided in parser_legacy["DICT_PROVINCE_DISTRICT_DIVIDED"].items():
        for d_key, info in divided.items():
            if (prov_key, d_key) in old_district:
                continue
            into = [
                old_district[(prov_key, k)]
                for k in info["districts"]
                if (prov_key, k) in old_district
            ]
            bare = next(
                (
                    k[len(p) :]
                    for k in info["dividedDistrictKeywords"]
                    for p in ("huyen", "thixa", "thanhpho", "quan")
                    if k.startswith(p)
                ),
                d_key,
            )
            own = {ascii_key(units[i].name) for i in into}
            if into and bare not in own:
                t = next(
                    (
                        _ASCII_TYPE[p]
                        for p in ("huyen", "thixa", "thanhpho", "quan")
                        if d_key.startswith(p)
                    ),
                    None,
                )
                add_former(bare, "district", t, into)

    # Lookup tables: accented folded key → unit indices; accent-free key → former units;
    # per key, a bit mask of the levels found under it (for `is_name`).
    keys: dict[str, list[int]] = {}
    former: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        if u.former:
            former.setdefault(u.name, []).append(i)
            continue
        for key in _index_keys(u):
            bucket = keys.setdefault(key, [])
            if i not in bucket:
                bucket.append(i)

    def bits(table: dict[str, list[int]]) -> dict[str, int]:
        out = {}
        for key, idxs in table.items():
            mask = 0
            for i in idxs:
                mask |= _LEVEL_BIT[units[i].level]
            out[key] = mask
        return out

    rows = [
        [getattr(u, f) for f in _FIELDS] + [successor[i], split[i], merged[i]]
        for i, u in enumerate(units)
    ]
    return {
        "rows": rows,
        "keys": keys,
        "former": former,
        "key_bits": bits(keys),
        "former_bits": bits(former),
        "max_words": max(len(k.split(" ")) for k in keys),
    }


def _index_keys(unit: Unit) -> Iterator[str]:
    """Folded keys a unit is found under: its name, the name less a leading level word
    ("Phường Đúc" → "Đúc") and, for provinces, the press's variants."""
    yield fold(unit.name)
    levels, rest = split_level_word(unit.name)
    if levels is not _ALL_LEVELS and not _NUMBER.match(rest):
        yield fold(rest)
    for alias in unit.aliases:
        yield fold(alias)
        yield fold(split_level_word(alias)[1])


# ------------------------------------------------------------------------------ index


class Gazetteer:
    """All units of both eras, with lookup by folded name. Get the shared one with
    `get_gazetteer()`; construct through `Gazetteer.load()`."""

    def __init__(self, records: dict[str, Any], info: dict[str, Any]) -> None:
        # Units are made from their rows on first use: a warm load is then one JSON read.
        self.info = info
        self._rows: list[list[Any]] = records["rows"]
        self._keys: dict[str, list[int]] = records["keys"]
        self._former: dict[str, list[int]] = records["former"]
        self._key_bits: dict[str, int] = records["key_bits"]
        self._former_bits: dict[str, int] = records["former_bits"]
        self.max_words: int = records["max_words"]  # longest name, in syllables
        self._units: list[Unit | None] = [None] * len(self._rows)
        self._summaries: dict[int, dict[str, Any]] = {}
        self._by_code: dict[tuple[str, str, str], int] | None = None
        self._unaccented: dict[tuple[str, str, str], list[int]] | None = None

    def _summary(self, i: int) -> dict[str, Any]:
        """Compact form of unit `i` (cached; copied into units), for after_2025 / merged_into."""
        cached = self._summaries.get(i)
        if cached is not None:
            return cached
        row = self._rows[i]
        s: dict[str, Any] = {"name": row[0], "level": row[1], "type": row[3], "code": row[4]}
        if row[1] != "province":
            s["province"] = row[7]
            s["province_code"] = row[8]
        self._summaries[i] = s
        return s

    def _unit(self, i: int) -> Unit:
        """Unit `i`, made once. Its dicts are its own copies: callers put them in output."""
        u = self._units[i]
        if u is None:
            row = self._rows[i]
            after_i, parts, into = row[-3], row[-2], row[-1]
            after = None
            if after_i is not None:
                after = dict(self._summary(after_i))
                if parts:
                    after["split_into"] = [dict(self._summary(j)) for j in [after_i, *parts]]
            u = Unit(
                *row[:9],
                after_2025=after,
                former=bool(row[9]),
                merged_into=tuple(dict(self._summary(j)) for j in into),
                aliases=tuple(row[10]),
            )
            self._units[i] = u
        return u

    @property
    def units(self) -> tuple[Unit, ...]:
        """Every unit of both eras, former names included (in source order)."""
        return tuple(self._unit(i) for i in range(len(self._rows)))

    # -- loading ---------------------------------------------------------------------

    @classmethod
    def load(cls, cache_dir: str | Path | None = None, use_cache: bool = True) -> Gazetteer:
        """Load from the on-disk cache, or build from the source package and cache it."""
        t0 = time.perf_counter()
        version = source_version()
        path = _cache_path(cache_dir, version) if use_cache else None
        stamp = {"source_version": version, "index_version": INDEX_VERSION}
        records = None
        if path is not None and path.is_file():
            gc_was_on = gc.isenabled()
            gc.disable()  # the parse makes ~10^5 containers; collecting midway only costs
            try:
                records = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                records = None  # unreadable or half-written: rebuild
            finally:
                if gc_was_on:
                    gc.enable()
            if not isinstance(records, dict) or records.get("stamp") != stamp:
                records = None
        built = records is None
        if records is None:
            records = _build_records(_data_dir())
            records["stamp"] = stamp
            if path is not None:
                path = _write_cache(path, records)
        info = {
            "source": SOURCE_PACKAGE,
            "source_version": version,
            "index_version": INDEX_VERSION,
            "cache": str(path) if path is not None else None,
            "built": built,
        }
        gaz = cls(records, info)
        gaz.info["seconds"] = round(time.perf_counter() - t0, 4)
        return gaz

    # -- queries ---------------------------------------------------------------------

    def _query(self, name: str, level: str | None) -> tuple[frozenset[str], list[str]]:
        """Levels the query allows and the folded keys to try, most literal first."""
        levels, rest = split_level_word(name)
        if level is not None:
            wanted = _LEVEL_ALIASES.get(level, level)
            if wanted not in _ALL_LEVELS:
                raise ValueError(f"unknown level {level!r}; expected one of {LEVELS}")
            levels = levels & {wanted}
        keys = []
        number = _NUMBER.match(rest)
        if number and levels is _ALL_LEVELS and level is None:
            return levels, []  # a bare number is a unit only with its level word
        if number:
            for lvl in ("commune", "district"):
                if lvl in levels:
                    keys.append(fold(f"{_NUMBERED_WORD[lvl]} {number.group(1)}"))
        else:
            keys.append(fold(rest))
        whole = fold(name)
        if whole not in keys:
            keys.insert(0, whole)  # "Phường Đúc", "TT-Huế": the whole string is a name
        return levels, keys

    def _former_key(self, name: str, levels: frozenset[str]) -> str:
        rest = split_level_word(name)[1]
        number = _NUMBER.match(rest)
        if number and levels & {"commune", "district"}:
            word = "quan" if "district" in levels else "phuong"
            return f"{word}{number.group(1)}"
        return ascii_key(rest)

    def lookup_unaccented(self, name: str, level: str, era: str) -> list[Unit]:
        """Current provinces or districts whose name matches `name` with every diacritic
        dropped: the press writes "Mù Càng Chải" for Mù Cang Chải, and a typo "Trạm Tẩu"
        for Trạm Tấu. A fallback for a name written with its level word that matches no
        unit exactly; communes are too many for a key this loose."""
        if level not in ("province", "district"):
            return []
        if self._unaccented is None:
            index: dict[tuple[str, str, str], list[int]] = {}
            for i, row in enumerate(self._rows):
                if row[1] in ("province", "district") and not row[9]:
                    u = self._unit(i)
                    index.setdefault((ascii_key(u.name), u.level, u.era), []).append(i)
            self._unaccented = index
        key = ascii_key(split_level_word(name)[1])
        return [self._unit(i) for i in self._unaccented.get((key, level, era), ())]

    def lookup(
        self,
        name: str,
        level: str | None = None,
        parent: str | None = None,
        era: str | None = None,
        include_former: bool = True,
    ) -> list[Unit]:
        """All units `name` may denote, current ones first (pre-2025, then 2025).

        `name` may carry its level word ("xã Lục Bình", "TP. Long Xuyên", "P.1"), which
        then limits the levels. `parent` (a district or province name, possibly with its
        level word or a short form like "TP.HCM") keeps only units inside it. Former names
        (merged before 2025) are matched without diacritics, since the source keeps them so,
        and come back with the asked name and `former=True`.
        """
        if not name or not name.strip():
            return []
        levels, keys = self._query(name, level)
        if not keys:
            return []
        seen: set[int] = set()
        found: list[Unit] = []
        for key in keys:
            for i in self._keys.get(key, ()):
                u = self._unit(i)
                if i not in seen and u.level in levels and (era is None or u.era == era):
                    seen.add(i)
                    found.append(u)
        if include_former and era in (None, "pre2025"):
            for i in self._former.get(self._former_key(name, levels), ()):
                u = self._unit(i)
                if u.level in levels:
                    found.append(
                        replace(
                            u,
                            name=_display_name(name, u.level),
                            after_2025=dict(u.after_2025) if u.after_2025 else None,
                            merged_into=tuple(dict(m) for m in u.merged_into),
                        )
                    )
        if parent:
            found = self._within(found, parent)
        order = {"pre2025": 0, "2025": 1}
        found.sort(key=lambda u: (u.former, order[u.era], LEVELS.index(u.level)))
        return found

    def _parent_names(self, parent: str) -> tuple[set[str], set[str]]:
        """Folded district names and province names a parent string may stand for."""
        levels, rest = split_level_word(parent)
        districts: set[str] = set()
        provinces: set[str] = set()
        for u in self.lookup(parent, include_former=False):
            if u.level == "district":
                districts.add(fold(u.name))
            elif u.level == "province":
                provinces.add(fold(u.name))
        if not districts and not provinces:
            if "district" in levels:
                districts.add(fold(rest))
            if "province" in levels:
                provinces.add(fold(rest))
        return districts, provinces

    def _within(self, units: list[Unit], parent: str) -> list[Unit]:
        districts, provinces = self._parent_names(parent)
        inside = [
            u
            for u in units
            if (u.district and fold(u.district) in districts)
            or (u.province and fold(u.province) in provinces)
        ]
        if inside:
            return inside
        # "xã Lục Bình, tỉnh Thái Nguyên": an old unit named with its new province.
        return [
            u
            for u in units
            if u.after_2025
            and fold(u.after_2025.get("province") or u.after_2025["name"]) in provinces
        ]

    def resolve(
        self,
        name: str,
        level: str | None = None,
        context: Iterable[str | Unit] = (),
        era: str | None = None,
        parent: str | None = None,
    ) -> Unit | None:
        """The one unit `name` most likely denotes in an article, or None if it stays ambiguous.

        Evidence, strongest first: its district or province named in `context` (other
        localities of the article, with or without level words, or resolved `Unit`s), its
        era (`era`, default pre2025 as most articles predate 2025: see `era_of`), the larger
        unit when no level word says otherwise, a current name over a former one. Ties
        between different units return None rather than a guess.
        """
        candidates = self.lookup(name, level, parent=parent)
        if not candidates:
            return None
        want = era or "pre2025"
        ctx = self._context_keys(context)

        def score(u: Unit) -> float:
            s = 0.0
            if u.district and fold(u.district) in ctx:
                s += 4
            if u.province and fold(u.province) in ctx:
                s += 4
            if u.after_2025 and u.era != "2025":
                new_prov = u.after_2025.get("province") or u.after_2025.get("name")
                if new_prov and fold(new_prov) in ctx:
                    s += 1
            if u.era == want:
                s += 2
            if u.former:
                s -= 1.5
            s += {"province": 0.3, "district": 0.2, "commune": 0.1}[u.level]
            return s

        scored = sorted(
            ((score(u), k, u) for k, u in enumerate(candidates)), key=lambda t: (-t[0], t[1])
        )
        best, _, unit = scored[0]
        if len(scored) > 1 and scored[1][0] == best:
            return None
        return unit

    def _context_keys(self, context: Iterable[str | Unit]) -> set[str]:
        keys: set[str] = set()
        for item in context:
            if isinstance(item, Unit):
                keys.update(fold(n) for n in (item.name, item.district, item.province) if n)
                continue
            keys.add(fold(split_level_word(item)[1]))
            for u in self.lookup(item, include_former=False):
                if u.level != "commune":
                    keys.add(fold(u.name))  # "TP.HCM" → "hồ chí minh"
        return keys

    def is_name(self, text: str, level: str | None = None, include_former: bool = False) -> bool:
        """Whether `text` (with or without level word) names a unit: a dict hit, no scan."""
        if not text or not text.strip():
            return False
        levels, keys = self._query(text, level)
        if not keys:
            return False
        bits = 0
        for lvl in levels:
            bits |= _LEVEL_BIT[lvl]
        if any(self._key_bits.get(k, 0) & bits for k in keys):
            return True
        if include_former:
            return bool(self._former_bits.get(self._former_key(text, levels), 0) & bits)
        return False

    def by_code(self, code: str, level: str, era: str = "pre2025") -> Unit | None:
        """The unit with official `code` at `level` in `era` (codes repeat across levels)."""
        if self._by_code is None:
            self._by_code = {
                (row[2], row[1], row[4]): i for i, row in enumerate(self._rows) if row[4]
            }
        i = self._by_code.get((era, level, code))
        return None if i is None else self._unit(i)

    def names(self, level: str | None = None, era: str | None = None) -> frozenset[str]:
        """Official short names (and, for provinces, press variants) of the current units."""
        out: set[str] = set()
        for row in self._rows:
            if row[9] or (level and row[1] != level) or (era and row[2] != era):
                continue
            out.add(row[0])
            out.update(row[10])
        return frozenset(out)

    def province_names(self, era: str | None = None) -> frozenset[str]:
        """Province names as written in text: official short names and common variants."""
        return self.names("province", era)

    def __len__(self) -> int:
        return len(self._rows)

    def __repr__(self) -> str:
        return (
            f"Gazetteer({len(self._rows)} units from {self.info['source']} "
            f"{self.info['source_version']})"
        )


def _display_name(text: str, level: str) -> str:
    """The name part of a query as written (NFC, one space, no level word or punctuation);
    a bare number gets its level word back ("Q.9" → "Quận 9")."""
    s = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip(_EDGE_PUNCT)
    levels, rest = split_level_word(s)
    number = _NUMBER.match(rest)
    if number and level in _NUMBERED_WORD:
        return f"{_NUMBERED_WORD[level].capitalize()} {number.group(1)}"
    if levels is _ALL_LEVELS:
        return s
    return s[len(s) - len(rest) :] if s.lower().endswith(rest) else rest


# ------------------------------------------------------------------------------ cache


def _cache_root(cache_dir: str | Path | None) -> Path:
    if cache_dir is not None:
        return Path(cache_dir)
    if os.environ.get("VNFACTS_CACHE_DIR"):
        return Path(os.environ["VNFACTS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vnfacts"


def _cache_path(cache_dir: str | Path | None, version: str) -> Path:
    return _cache_root(cache_dir) / f"gazetteer-{SOURCE_PACKAGE}-{version}-i{INDEX_VERSION}.json"


def _write_cache(path: Path, records: dict[str, Any]) -> Path | None:
    """Write atomically; None (in-memory only) when the directory is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(records, f, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return None
    return path


_SHARED: Gazetteer | None = None
_LOCK = threading.Lock()


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first call."""
    global _SHARED
    if _SHARED is None:
        with _LOCK:
            if _SHARED is None:
                _SHARED = Gazetteer.load()
    return _SHARED
