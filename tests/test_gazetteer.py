"""The gazetteer on real units of vietnamadminunits' data (both eras)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from vnfacts import gazetteer as gz
from vnfacts.gazetteer import Gazetteer, era_of, fold


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("gazetteer-cache")


@pytest.fixture(scope="module")
def g(cache_dir: Path) -> Gazetteer:
    return Gazetteer.load(cache_dir=cache_dir)


def only(units: list[gz.Unit]) -> gz.Unit:
    assert len(units) == 1, [(u.name, u.level, u.era, u.district, u.province) for u in units]
    return units[0]


# --- the units the articles name ----------------------------------------------------------


def test_luc_binh_commune_of_bach_thong_bac_kan(g: Gazetteer) -> None:
    u = g.resolve("xã Lục Bình", context=["Bạch Thông"])
    assert u is not None
    assert (u.name, u.level, u.type, u.era) == ("Lục Bình", "commune", "xã", "pre2025")
    assert (u.district, u.province) == ("Bạch Thông", "Bắc Kạn")
    assert (u.code, u.district_code, u.province_code) == ("01990", "063", "06")
    # 1 July 2025: merged into xã Phủ Thông, and Bắc Kạn into Thái Nguyên.
    assert u.after_2025 is not None
    assert u.after_2025["name"] == "Phủ Thông"
    assert u.after_2025["province"] == "Thái Nguyên"
    assert u.after_2025["province_code"] == "19"


def test_bac_kan_merged_into_thai_nguyen(g: Gazetteer) -> None:
    old = only(g.lookup("tỉnh Bắc Kạn", era="pre2025"))
    assert (old.level, old.code) == ("province", "06")
    assert old.after_2025 == {
        "name": "Thái Nguyên",
        "level": "province",
        "type": "tỉnh",
        "code": "19",
    }
    assert "Bắc Kạn" not in g.province_names(era="2025")
    assert g.lookup("tỉnh Bắc Kạn", era="2025") == []
    # What keeps the name after 2025 is a ward of Thái Nguyên.
    ward = only(g.lookup("Bắc Kạn", era="2025"))
    assert (ward.level, ward.type, ward.province, ward.code) == (
        "commune",
        "phường",
        "Thái Nguyên",
        "01843",
    )


def test_binh_gia_district_of_lang_son(g: Gazetteer) -> None:
    u = only(g.lookup("huyện Bình Gia"))
    assert (u.name, u.level, u.type, u.province, u.code) == (
        "Bình Gia",
        "district",
        "huyện",
        "Lạng Sơn",
        "181",
    )
    # Without the level word the name is also a thị trấn; the district is the better guess.
    assert {(x.level, x.type) for x in g.lookup("Bình Gia", era="pre2025")} == {
        ("district", "huyện"),
        ("commune", "thị trấn"),
    }
    assert g.resolve("Bình Gia") == u


def test_a_name_the_source_misspells_is_the_official_one(g: Gazetteer) -> None:
    # the source spells the district of Yên Bái "Mù Căng Chải"; it is Mù Cang Chải, as its
    # seat and the press write it, and its communes name it so as their district
    district = only(g.lookup("Mù Cang Chải", level="district", era="pre2025"))
    assert (district.code, district.province) == ("137", "Yên Bái")
    assert not g.lookup("Mù Căng Chải", level="district", era="pre2025")
    assert only(g.lookup("Lao Chải", level="commune", parent="Mù Cang Chải", era="pre2025"))


def test_a_syllable_the_source_lowercases_is_capitalized(g: Gazetteer) -> None:
    # the source writes "Pa ủ", "Mường é": a syllable that opens on a vowel in lower case
    commune = only(g.lookup("Pa Ủ", level="commune", parent="Mường Tè", era="pre2025"))
    assert commune.name == "Pa Ủ"
    assert only(g.lookup("Mường É", level="commune", era="pre2025")).name == "Mường É"
    # a common noun inside a name keeps its case
    assert only(g.lookup("Nông trường Việt Lâm", level="commune", era="pre2025")).name == (
        "Nông trường Việt Lâm"
    )


def test_nam_nhun_district_of_lai_chau(g: Gazetteer) -> None:
    u = g.resolve("huyện Nậm Nhùn", context=["tỉnh Lai Châu"])
    assert u is not None
    assert (u.level, u.province, u.code) == ("district", "Lai Châu", "112")
    assert u.after_2025 is not None and u.after_2025["name"] == "Lai Châu"


@pytest.mark.parametrize("text", ["thành phố Long Xuyên", "TP. Long Xuyên", "TP Long Xuyên"])
def test_long_xuyen_city_of_an_giang(g: Gazetteer, text: str) -> None:
    u = only(g.lookup(text))
    assert (u.name, u.level, u.type, u.province, u.code) == (
        "Long Xuyên",
        "district",
        "thành phố",
        "An Giang",
        "883",
    )
    assert u.full_name == "Thành phố Long Xuyên"


@pytest.mark.parametrize(
    ("name", "parent", "district", "code"),
    [
        ("xã Pa Cheo", "huyện Bát Xát", "Bát Xát", "02737"),
        ("xã La Pan Tẩn", "Mường Khương", "Mường Khương", "02791"),
        ("xã Hoàng Thu Phố", "Lào Cai", "Bắc Hà", "02863"),
    ],
)
def test_lao_cai_communes(g: Gazetteer, name: str, parent: str, district: str, code: str) -> None:
    u = only(g.lookup(name, parent=parent, era="pre2025"))
    assert (u.district, u.province, u.code) == (district, "Lào Cai", code)


# --- ambiguity and context ----------------------------------------------------------------


def test_ambiguous_commune_narrowed_by_parent(g: Gazetteer) -> None:
    all_ = g.lookup("Phúc Khánh", level="commune", era="pre2025")
    assert {(u.district, u.province) for u in all_} == {
        ("Bảo Yên", "Lào Cai"),
        ("Yên Lập", "Phú Thọ"),
        ("Hưng Hà", "Thái Bình"),
    }
    assert only(g.lookup("Phúc Khánh", parent="huyện Bảo Yên", era="pre2025")).code == "02998"
    assert only(g.lookup("xã Phúc Khánh", parent="tỉnh Phú Thọ", era="pre2025")).district == (
        "Yên Lập"
    )
    # No evidence: no guess. With the province in the article: that one.
    assert g.resolve("xã Phúc Khánh") is None
    picked = g.resolve("xã Phúc Khánh", context=["Thái Bình", "Chủ tịch"])
    assert picked is not None and picked.district == "Hưng Hà"


def test_parent_may_be_the_post_2025_province(g: Gazetteer) -> None:
    u = only(g.lookup("xã Lục Bình", parent="tỉnh Thái Nguyên", era="pre2025"))
    assert u.province == "Bắc Kạn"


def test_era_preference(g: Gazetteer) -> None:
    old = g.resolve("Phủ Thông", level="commune")
    new = g.resolve("Phủ Thông", level="commune", era="2025")
    assert old is not None and new is not None
    assert (old.era, old.type, old.district, old.province) == (
        "pre2025",
        "thị trấn",
        "Bạch Thông",
        "Bắc Kạn",
    )
    assert (new.era, new.type, new.district, new.province, new.province_code) == (
        "2025",
        "xã",
        None,
        "Thái Nguyên",
        "19",
    )
    assert new.after_2025 is not None and new.after_2025["code"] == new.code
    assert era_of("2024-04-27") == "pre2025"
    assert era_of("2025-07-01") == "2025"
    assert era_of(None) == "pre2025"


def test_commune_split_in_2025_lists_its_parts(g: Gazetteer) -> None:
    u = only(g.lookup("xã Tân Thạnh", parent="huyện Thới Lai", era="pre2025"))
    assert u.province == "Cần Thơ"
    assert u.after_2025 is not None
    parts = {p["name"] for p in u.after_2025["split_into"]}
    assert u.after_2025["name"] in parts
    assert len(parts) >= 2


# --- folding ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old_style", "new_style"),
    [("Khánh Hoà", "Khánh Hòa"), ("Hoà Bình", "Hòa Bình"), ("thị xã Hương Thuỷ", "Hương Thủy")],
)
def test_tone_mark_placement_variants_match(g: Gazetteer, old_style: str, new_style: str) -> None:
    assert fold(gz.split_level_word(old_style)[1]) == fold(new_style)
    found = g.lookup(old_style, include_former=False)
    assert found and found[0].name == new_style
    assert found == [u for u in g.lookup(new_style, include_former=False) if u in found]


def test_diacritics_still_distinguish_names(g: Gazetteer) -> None:
    assert fold("Sa Pa") != fold("Sa Pả")
    assert {u.name for u in g.lookup("Sa Pả", include_former=False)} == {"Sa Pả"}
    assert "Sa Pả" not in {u.name for u in g.lookup("Sa Pa", include_former=False)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("TP. Hồ Chí Minh", "79"),
        ("Thành phố Hồ Chí Minh", "79"),
        ("TP.HCM", "79"),
        ("TPHCM", "79"),
        ("Hà Nội", "01"),
        ("Thừa Thiên Huế", "46"),
        ("Thừa Thiên - Huế", "46"),
        ("Huế", "46"),
        ("Bà Rịa - Vũng Tàu", "77"),
        ("Bà Rịa-Vũng Tàu", "77"),
        ("tỉnh Bà Rịa – Vũng Tàu", "77"),
        ("Đắk Lắk", "66"),
        ("Đắc Lắc", "66"),
        ("Đăk Lăk", "66"),
        ("Lai Châu", "12"),
        ("Bắc Cạn", "06"),
    ],
)
def test_province_names_as_written(g: Gazetteer, text: str, code: str) -> None:
    u = g.resolve(text, level="province")
    assert u is not None and u.code == code and u.era == "pre2025"
    assert g.is_name(text, "province")


def test_numbered_units(g: Gazetteer) -> None:
    want = only(g.lookup("Phường 1", parent="Quận 3"))
    assert (want.name, want.province, want.code) == ("Phường 1", "Hồ Chí Minh", "27160")
    for text in ("P.1", "phường 01", "P1"):
        assert g.lookup(text, parent="quận 3") == [want]
    q1 = only(g.lookup("Quận 1", parent="TP.HCM"))
    assert (q1.level, q1.code) == ("district", "760")


@pytest.mark.parametrize("text", ["Chủ tịch", "UBND", "hộ nghèo", "", "   ", "1"])
def test_non_place_words_find_nothing(g: Gazetteer, text: str) -> None:
    assert g.lookup(text) == []
    assert g.resolve(text) is None
    assert not g.is_name(text)


def test_is_name_respects_level(g: Gazetteer) -> None:
    assert g.is_name("Lục Bình")
    assert g.is_name("Lục Bình", "commune")
    assert not g.is_name("Lục Bình", "district")
    assert not g.is_name("huyện Lục Bình")
    assert g.is_name("huyện Bình Gia")
    assert "Lạng Sơn" in g.province_names()
    assert "TP.HCM" in g.province_names()


# --- former names (merged before 2025) ----------------------------------------------------


def test_former_district_names(g: Gazetteer) -> None:
    dat_do = only(g.lookup("huyện Đất Đỏ"))
    assert (dat_do.name, dat_do.former, dat_do.code, dat_do.province) == (
        "Đất Đỏ",
        True,
        None,
        "Bà Rịa - Vũng Tàu",
    )
    assert [m["name"] for m in dat_do.merged_into] == ["Long Đất"]
    assert dat_do.after_2025 is not None and dat_do.after_2025["name"] == "Hồ Chí Minh"
    q9 = only(g.lookup("Quận 9"))
    assert (q9.name, q9.type, q9.former, [m["name"] for m in q9.merged_into]) == (
        "Quận 9",
        "quận",
        True,
        ["Thủ Đức"],
    )
    assert not g.is_name("Đất Đỏ", "district")
    assert g.is_name("Đất Đỏ", "district", include_former=True)


def test_former_commune_name_loses_to_a_current_one(g: Gazetteer) -> None:
    cao_tri = only(g.lookup("xã Cao Trĩ"))
    assert (cao_tri.former, cao_tri.district, cao_tri.province) == (True, "Ba Bể", "Bắc Kạn")
    assert [m["name"] for m in cao_tri.merged_into] == ["Thượng Giáo"]
    assert g.lookup("Cao Trĩ", include_former=False) == []


# --- the data as a whole ------------------------------------------------------------------


def test_unit_counts(g: Gazetteer) -> None:
    counts = Counter((u.era, u.level) for u in g.units if not u.former)
    assert counts[("pre2025", "province")] == 63
    assert counts[("pre2025", "district")] == 696
    assert counts[("pre2025", "commune")] == 10035
    assert counts[("2025", "province")] == 34
    assert counts[("2025", "district")] == 0
    assert 3000 < counts[("2025", "commune")] < 3500  # 3,321 in 1.0.4
    assert all(u.code for u in g.units if not u.former)
    assert all(u.after_2025 for u in g.units)


def test_by_code(g: Gazetteer) -> None:
    u = g.by_code("01990", "commune")
    assert u is not None and u.name == "Lục Bình"
    assert g.by_code("19", "province", era="2025").name == "Thái Nguyên"  # type: ignore[union-attr]


def test_to_json_carries_the_locality_fields(g: Gazetteer) -> None:
    out = g.lookup("huyện Bình Gia")[0].to_json()
    for key in ("name", "level", "district", "province", "code", "after_2025"):
        assert key in out
    out["after_2025"]["name"] = "changed"
    assert g.lookup("huyện Bình Gia")[0].after_2025["name"] == "Lạng Sơn"  # type: ignore[index]


# --- cache --------------------------------------------------------------------------------


def test_cache_cold_then_warm(tmp_path: Path) -> None:
    cold = Gazetteer.load(cache_dir=tmp_path)
    assert cold.info["built"] is True
    assert cold.info["cache"] and Path(cold.info["cache"]).is_file()
    assert cold.info["source_version"] in Path(cold.info["cache"]).name
    warm = Gazetteer.load(cache_dir=tmp_path)
    assert warm.info["built"] is False
    assert warm.lookup("xã Lục Bình") == cold.lookup("xã Lục Bình")
    assert len(warm) == len(cold)


def test_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    path = Path(Gazetteer.load(cache_dir=tmp_path).info["cache"])
    path.write_text("{not json", encoding="utf-8")
    again = Gazetteer.load(cache_dir=tmp_path)
    assert again.info["built"] is True
    assert again.resolve("Lục Bình") is not None


def test_unwritable_cache_dir_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    g = Gazetteer.load(cache_dir=blocker / "sub")
    assert g.info["cache"] is None
    assert g.resolve("huyện Nậm Nhùn") is not None


def test_shared_instance(monkeypatch: pytest.MonkeyPatch, cache_dir: Path) -> None:
    monkeypatch.setenv("VNFACTS_CACHE_DIR", str(cache_dir))
    monkeypatch.setattr(gz, "_SHARED", None)
    first = gz.get_gazetteer()
    assert gz.get_gazetteer() is first
    assert first.info["cache"] and Path(first.info["cache"]).parent == cache_dir


def test_two_units_of_one_name_in_one_province_are_found_by_the_name_alone(g: Gazetteer) -> None:
    # the source writes "Cai Lậy (Thị xã)" / "Cai Lậy (Huyện)"; the press writes the name
    units = g.lookup("Cai Lậy", level="district", era="pre2025", include_former=False)
    assert sorted(u.type for u in units) == ["huyện", "thị xã"]
    assert {u.name for u in units} == {"Cai Lậy"}
    assert not [u for u in g.units if u.name.endswith(("(Huyện)", "(Thị trấn)", "(Xã)"))]
