"""Localities: level words, parents, bare names, villages, lists, `toàn tỉnh`; seeds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vnfacts.doc import Document
from vnfacts.recognize.places import SpanCover
from vnfacts.runner import Pipeline

PIPE = Pipeline(["clean", "segment", "recognize"], {"recognize": {"ner": "off"}})


def localities(text: str, published: str | None = "2024-05-01") -> list[dict]:
    doc = Document(doc_id="t", text=text)
    doc.meta.published = published
    doc = PIPE(doc)
    assert not doc.errors, doc.errors
    return [m.to_json() for m in doc.mentions if m.type == "LOCALITY"]


def names(locs: list[dict]) -> set[tuple[str, str]]:
    return {(m["name"], m["level"]) for m in locs}


TITLE = "Giảm nghèo bền vững ở vùng cao biên giới\n"


def test_a_village_heads_title_before_a_name_is_no_village():
    """ "Trưởng thôn Điểu Ngọc cho hay": the head of a village, named; not a village."""
    locs = names(localities("Trưởng thôn Điểu Ngọc cho hay: thôn Thiện Cư còn 24 hộ nghèo."))
    assert locs == {("Thiện Cư", "village")}
    assert names(localities("Trưởng bản Lò Văn Piềng cho biết cả bản còn 12 hộ nghèo.")) == set()
    # a village's name after the title stays one ("Trưởng thôn Lũng Cú cho biết …")
    assert ("Lũng Cú", "village") in names(
        localities("Trưởng thôn Lũng Cú cho biết thôn còn 5 hộ.")
    )


def test_plei_stays_in_the_village_name_it_opens():
    """ "ở Plei Ốp, xã Ia Kênh": "plei" (village, in Jarai and Bahnar) is part of the name, as in
    the official Plei Kần; "làng", "thôn" before a name are not."""
    locs = names(
        localities(
            "Trao 3 căn nhà cho hộ nghèo ở Plei Ốp, xã Ia Kênh và làng Plei Bông, thôn Tân Lập."
        )
    )
    assert {("Plei Ốp", "village"), ("Plei Bông", "village"), ("Tân Lập", "village")} <= locs
    assert ("Ốp", "village") not in locs
    # written lower case, "plei" is the common noun before a name
    assert ("Ia Mơ Nông", "village") in names(localities("Trao 2 căn nhà ở plei Ia Mơ Nông."))


def test_a_level_word_before_a_part_of_the_country_names_no_unit():
    """ "Tỉnh Nam Bộ 'trắng hộ nghèo'": a southern province, unnamed; no province "Nam Bộ"."""
    locs = names(
        localities("Tỉnh Nam Bộ trắng hộ nghèo. Tỉnh Bà Rịa - Vũng Tàu không còn hộ nghèo.")
    )
    assert ("Nam Bộ", "province") not in locs
    assert ("Bà Rịa - Vũng Tàu", "province") in locs
    assert ("Tây Nguyên", "province") not in names(localities("Một tỉnh Tây Nguyên giảm nghèo."))


def test_the_old_name_of_the_north_central_region_is_that_region():
    """ "Khu 4 cũ" (the 2011 survey's eight regions) is Bắc Trung Bộ (patterns/regions.jsonl)."""
    assert ("Bắc Trung Bộ", "region") in names(localities("Năm 2011, Khu 4 cũ có 18,28% hộ nghèo."))


def test_commune_with_parent_in_parentheses():
    locs = localities(
        TITLE + "Năm 2023, xã Lục Bình (Bạch Thông) có tỷ lệ hộ nghèo giảm mạnh so với năm trước."
    )
    commune = next(m for m in locs if m["name"] == "Lục Bình")
    assert commune["level"] == "commune"
    assert commune["district"] == "Bạch Thông"
    assert commune["province"] == "Bắc Kạn"
    assert commune["code"] == "01990"
    assert commune["after_2025"]["province"] == "Thái Nguyên"
    assert ("Bạch Thông", "district") in names(locs)


def test_province_and_city_levels():
    locs = localities(
        TITLE
        + "Đoàn công tác của tỉnh Lai Châu đã làm việc với UBND thành phố Long Xuyên và TP. Lào Cai "
        "về kinh nghiệm giảm nghèo."
    )
    assert {("Lai Châu", "province"), ("Long Xuyên", "district"), ("Lào Cai", "district")} <= names(
        locs
    )
    long_xuyen = next(m for m in locs if m["name"] == "Long Xuyên")
    assert long_xuyen["province"] == "An Giang"


def test_centrally_run_city_is_a_province():
    locs = localities(
        TITLE
        + "Thành phố Cần Thơ đã hỗ trợ các địa phương khác trong công tác giảm nghèo năm 2023."
    )
    assert ("Cần Thơ", "province") in names(locs)


def test_name_stops_where_the_unit_ends():
    locs = localities(
        TITLE + "Theo Chủ tịch UBND tỉnh Lai Châu Lê Văn Lương, tỉnh đã huy động nhiều nguồn lực."
    )
    assert ("Lai Châu", "province") in names(locs)
    assert not any("Lương" in m["name"] for m in locs)


def test_a_name_joined_by_a_dash_is_one_unit():
    locs = localities(
        TITLE + "Năm 2023, tỉnh Bà Rịa - Vũng Tàu và thành phố Phan Rang-Tháp Chàm (Ninh Thuận) "
        "cùng đạt chỉ tiêu giảm nghèo; đoàn công tác tỉnh Bà Rịa – Vũng Tàu đã đến thăm."
    )
    assert {("Bà Rịa - Vũng Tàu", "province"), ("Phan Rang - Tháp Chàm", "district")} <= names(locs)
    assert not {("Bà Rịa", "province"), ("Vũng Tàu", "district")} & names(locs)
    # a commune and its district joined by a dash stay two units
    locs = localities(TITLE + "Năm 2023, xã Bản Hồ - thị xã Sa Pa có nhiều hộ thoát nghèo.")
    assert {("Bản Hồ", "commune"), ("Sa Pa", "district")} <= names(locs)


def test_the_country_in_an_organisations_name_is_no_place():
    locs = localities(
        TITLE + "Theo Bảo hiểm xã hội Việt Nam và Ngân hàng Chính sách xã hội Việt Nam, tỉnh "
        "Lai Châu giảm nghèo nhanh; Ngân hàng Thế giới đánh giá Việt Nam là điểm sáng."
    )
    vietnam = [m for m in locs if m["name"] == "Việt Nam"]
    assert len(vietnam) == 1  # only the country the World Bank speaks of
    assert ("Lai Châu", "province") in names(locs)


def test_the_country_qualifying_people_or_things_is_no_place():
    """ "Chiến lược phát triển gia đình Việt Nam", "phụ nữ Việt Nam": Vietnamese families and
    women, no place a figure is about; the country the text speaks of stays one."""
    locs = localities(
        TITLE + "Thực hiện Chiến lược phát triển gia đình Việt Nam, Hội phụ nữ Việt Nam tỉnh "
        "đã giúp 120 hộ thoát nghèo; hàng Việt Nam được ưa chuộng."
    )
    assert [m for m in locs if m["name"] == "Việt Nam"] == []
    locs = localities(TITLE + "Năm 2023, tỷ lệ hộ nghèo của Việt Nam giảm còn 2,93%.")
    assert ("Việt Nam", "country") in names(locs)
    # the country's people are the country's ("đầu người Việt Nam"), and a heading's last
    # word on the line above does not qualify the name that opens the next line
    for text in (
        "Thu nhập bình quân đầu người Việt Nam năm 2023 đạt 4,96 triệu đồng/tháng.",
        "Phát triển vì gia đình\nViệt Nam có tỷ lệ hộ nghèo đa chiều năm 2023 là 2,93%.",
    ):
        assert ("Việt Nam", "country") in names(localities(TITLE + text)), text


def test_bare_names_in_the_articles_province():
    locs = localities(
        "Nậm Nhùn - Lai Châu: giảm nghèo bền vững\n"
        "Nậm Nhùn là huyện biên giới còn nhiều khó khăn của tỉnh Lai Châu, đời sống người dân còn thiếu thốn."
    )
    nam_nhun = [m for m in locs if m["name"] == "Nậm Nhùn"]
    assert nam_nhun and all(
        m["level"] == "district" and m["province"] == "Lai Châu" for m in nam_nhun
    )


def test_everyday_words_are_not_places():
    locs = localities(
        TITLE
        + "Ông Lý Bình Minh cho biết Nhân dân các dân tộc đoàn kết, thống nhất thực hiện các chương trình."
    )
    assert names(locs) == set()


def test_villages_and_lists():
    locs = localities(
        TITLE
        + "Tại xã Pa Cheo, dự án được thực hiện ở 02 thôn Phìn Chải, Ô Quy Hồ và bản Nậm Pung với 40 hộ tham gia."
    )
    villages = {m["name"] for m in locs if m["level"] == "village"}
    assert villages == {"Phìn Chải", "Ô Quy Hồ", "Nậm Pung"}
    phin = next(m for m in locs if m["name"] == "Phìn Chải")
    assert phin["commune"] == "Pa Cheo" and phin["province"] == "Lào Cai"


def test_communes_listed_after_one_level_word():
    locs = localities(
        TITLE + "Các xã Pa Cheo, Y Tý và A Lù của huyện Bát Xát đều có tỷ lệ hộ nghèo trên 40%."
    )
    assert {("Pa Cheo", "commune"), ("Y Tý", "commune"), ("A Lù", "commune")} <= names(locs)


def test_bare_province_before_any_named_one_is_the_province_of_the_unit_named_before():
    # "của tỉnh" after a district of Long An and before a city named as the donors' home
    locs = localities(
        TITLE + "Huyện Tân Hưng xây 18 căn nhà từ nguồn vận động của tỉnh và các nhà hảo tâm ở "
        "Thành phố Hồ Chí Minh."
    )
    anaphors = [m for m in locs if m.get("anaphor")]
    assert [(m["name"], m["level"]) for m in anaphors] == [("Long An", "province")]


def test_whole_province_refers_to_the_unit_of_the_passage():
    locs = localities(
        TITLE
        + "Tỉnh Lạng Sơn đã triển khai nhiều chính sách. Đến nay, toàn tỉnh còn 9.000 hộ nghèo; "
        "trên địa bàn tỉnh có 99% xã có đường ô tô."
    )
    anaphors = [m for m in locs if m.get("anaphor")]
    assert len(anaphors) == 2
    assert all(m["name"] == "Lạng Sơn" and m["level"] == "province" for m in anaphors)


def test_ambiguous_commune_resolved_by_other_places():
    # "Tân Lập" names communes in many provinces; the article is in Bắc Giang (huyện Lục Ngạn).
    locs = localities(
        TITLE + "Huyện Lục Ngạn hỗ trợ xã Tân Lập xây dựng 30 nhà cho hộ nghèo trong năm 2023."
    )
    tan_lap = next(m for m in locs if m["name"] == "Tân Lập")
    assert tan_lap["district"] == "Lục Ngạn"


def test_ambiguous_name_without_evidence_stays_open():
    locs = localities(
        TITLE + "Năm 2023, xã Tân Lập đã giảm được nhiều hộ nghèo nhờ các mô hình sinh kế."
    )
    tan_lap = next(m for m in locs if m["name"] == "Tân Lập")
    assert tan_lap["level"] == "commune"
    assert tan_lap["code"] is None  # several communes share the name: no guess


def test_article_after_the_2025_merger_uses_new_units():
    locs = localities(
        TITLE + "Năm 2025, tỉnh Thái Nguyên đã hoàn thành xóa nhà tạm cho hộ nghèo.", "2025-09-01"
    )
    thai_nguyen = next(m for m in locs if m["name"] == "Thái Nguyên")
    assert thai_nguyen["level"] == "province"
    assert thai_nguyen["after_2025"]["name"] == "Thái Nguyên"


SEED_LOCALITIES = {
    "000_315fccd7b617973e": {("Nậm Nhùn", "district"), ("Lai Châu", "province")},
    "001_071bd52c43493f22": {("Lai Châu", "province")},
    "002_18b273a5c1c34203": {
        ("La Pan Tẩn", "commune"),
        ("Mường Khương", "district"),
        ("Pa Cheo", "commune"),
        ("Bát Xát", "district"),
        ("Hoàng Thu Phố", "commune"),
        ("Bắc Hà", "district"),
        ("Lào Cai", "province"),
    },
    "003_8bb7c323e6b1daaf": {("Bình Gia", "district"), ("Lạng Sơn", "province")},
    "004_4479d55d298e7c9c": {
        ("Lục Bình", "commune"),
        ("Bạch Thông", "district"),
        ("Lủng Chang", "village"),
        ("Nam Lanh Chang", "village"),
        ("Bắc Lanh Chang", "village"),
    },
}


@pytest.mark.parametrize("doc_id", sorted(SEED_LOCALITIES))
def test_seed_localities(seeds, doc_id):
    doc = seeds[doc_id]
    found = {(m.attrs["name"], m.attrs["level"]) for m in doc.mentions if m.type == "LOCALITY"}
    assert SEED_LOCALITIES[doc_id] <= found
    units = [
        m
        for m in doc.mentions
        if m.type == "LOCALITY" and m.attrs["level"] in ("commune", "district")
    ]
    assert all(m.attrs["province"] for m in units)
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text


# ---------------------------------------------------------------- errors seen on the archive


def test_level_word_before_a_persons_name_is_no_place():
    locs = localities(
        TITLE + "Chủ tịch UBND thành phố Lê Văn Hòa cho biết thành phố Đà Nẵng đã hỗ trợ 200 hộ."
    )
    assert ("Lê Văn Hòa", "district") not in names(locs) and not any(
        "Lê Văn" in m["name"] for m in locs
    )
    assert ("Đà Nẵng", "province") in names(locs)


def test_sentence_end_after_tp_abbreviation():
    locs = localities(
        TITLE + "Các hội viên đã có mặt trên địa bàn TP. Các cấp hội tiếp tục vận động người dân."
    )
    assert not any(m["name"] == "Các" for m in locs)


def test_level_words_inside_ordinary_compounds():
    locs = localities(
        TITLE + "Bộ Nông nghiệp và Phát triển nông thôn Lê Minh Hoan thăm các hộ dân ở tỉnh Sơn La."
    )
    assert names(locs) == {("Sơn La", "province")}
    locs = localities(
        TITLE + "Lễ hội ở huyện Sóc Sơn thu hút du khách, Sóc Sơn có nhiều làng nghề."
    )
    assert ("Sóc Sơn", "district") in names(locs)
    assert not any(m["level"] == "village" for m in locs)


def test_a_parent_after_a_comma_is_not_a_sibling():
    locs = localities(
        TITLE + "Đoàn đã thăm xã Tân Lập, Đan Phượng và huyện Bảo Lạc, Cao Bằng trong năm 2023."
    )
    assert {("Đan Phượng", "district"), ("Cao Bằng", "province")} <= names(locs)
    tan_lap = next(m for m in locs if m["name"] == "Tân Lập")
    assert tan_lap["district"] == "Đan Phượng"
    assert ("Đan Phượng", "commune") not in names(locs)


def test_village_parent_is_the_commune_written_after_it():
    locs = localities(
        TITLE
        + "Năm 2019, Hội đã trao quà tại xã Cự Khê. Chi hội thôn Đông, xã Tam Hưng tiếp tục tiết kiệm."
    )
    dong = next(m for m in locs if m["name"] == "Đông" and m["level"] == "village")
    assert dong["commune"] == "Tam Hưng"


def test_acronyms_road_codes_and_abbreviated_levels():
    locs = localities(
        TITLE + "Nâng cấp đường tỉnh ĐT 268 qua xã NTM; UBND TX Sơn Tây và P. Quang Trung phối hợp."
    )
    assert not any(m["name"] in ("ĐT", "NTM", "ĐT 268") for m in locs)
    assert ("Sơn Tây", "district") in names(locs)


def test_press_spellings_resolve_to_the_units_own_name():
    """One unit, one name across articles: "Đác Lắc", "Đăk Lăk" are Đắk Lắk."""
    locs = localities(
        TITLE + "Nhiều hộ nghèo của tỉnh Đác Lắc và tỉnh Hoà Bình chưa được cấp thẻ bảo hiểm y tế."
    )
    by_name = {m["name"]: m for m in locs}
    assert by_name["Đắk Lắk"]["level"] == "province" and by_name["Đắk Lắk"]["code"] == "66"
    assert by_name["Đắk Lắk"]["text"].endswith("Đác Lắc")
    assert by_name["Hòa Bình"]["code"] == "17" or by_name.get("Hoà Bình", {}).get("code") == "17"


# ------------------------------------------------------------------ long documents (issue 12)
# Places found so far are looked up through indexes (a character cover, starts, per-level
# sorted starts), not scanned per candidate: the answers must be those of the scans.

HA_GIANG = ["Mèo Vạc", "Đồng Văn", "Yên Minh", "Quản Bạ", "Bắc Mê", "Hoàng Su Phì"]


@settings(max_examples=300, deadline=None)
@given(
    spans=st.lists(st.tuples(st.integers(-3, 40), st.integers(-3, 40)), max_size=12),
    query=st.tuples(st.integers(0, 40), st.integers(1, 12)),
)
def test_span_cover_answers_as_a_scan_does(spans, query):
    cover = SpanCover(30)  # some spans end past the size given: the cover grows
    for s, e in spans:
        cover.add(s, e)
    start, length = query
    end = start + length
    assert cover.overlaps(start, end) == any(s < end and start < e for s, e in spans)
    assert cover.covers(start) == any(s <= start < e for s, e in spans)


def test_whole_district_in_a_long_report_is_the_last_district_named():
    # 36 sections, each about one district of Hà Giang; "toàn huyện" is the section's district
    sections = [
        f"Năm 2023, huyện {HA_GIANG[i % 6]} đã hỗ trợ {120 + i} hộ nghèo làm nhà. "
        f"Toàn huyện còn {900 + i} hộ nghèo."
        for i in range(36)
    ]
    locs = localities(TITLE + "\n".join(sections))
    anaphors = [m for m in locs if m.get("anaphor")]
    assert [m["name"] for m in anaphors] == [HA_GIANG[i % 6] for i in range(36)]
    assert all(m["level"] == "district" and m["province"] == "Hà Giang" for m in anaphors)


def test_villages_in_a_long_report_attach_to_their_own_commune():
    communes = [("Lũng Pù", "Mèo Vạc"), ("Sơn Vĩ", "Mèo Vạc"), ("Lũng Cú", "Đồng Văn")]
    lines = [
        f"Thôn Nà {i}, xã {communes[i % 3][0]} (huyện {communes[i % 3][1]}) có {30 + i} hộ nghèo."
        for i in range(1, 31)
    ]
    villages = [m for m in localities(TITLE + "\n".join(lines)) if m["level"] == "village"]
    assert [(v["name"], v["commune"]) for v in villages] == [
        (f"Nà {i}", communes[i % 3][0]) for i in range(1, 31)
    ]


def test_the_level_word_tells_apart_two_units_of_one_name():
    town = localities("Năm 2021, TX. Cai Lậy có 449 hộ nghèo.")
    rural = localities("Năm 2021, huyện Cai Lậy có 612 hộ nghèo.")
    assert [(x["name"], x["code"]) for x in town] == [("Cai Lậy", "817")]
    assert [(x["name"], x["code"]) for x in rural] == [("Cai Lậy", "820")]


def test_a_district_written_without_its_diacritics_is_still_the_unit():
    [loc] = localities("Năm 2019, huyện Mù Cang Chải còn 41,8% hộ nghèo.", published="2020-01-01")
    assert (loc["name"], loc["province"], loc["code"]) == ("Mù Cang Chải", "Yên Bái", "137")


def test_a_national_body_of_the_country_keeps_the_country():
    # "Quốc hội Việt Nam" is the country's own body: the country stays a place
    locs = localities(TITLE + "Theo Quốc hội Việt Nam, cả nước còn nhiều huyện nghèo.")
    assert ("Việt Nam", "country") in names(locs)


def test_an_anaphor_keeps_the_name_as_its_antecedent_writes_it():
    # "Mù Càng Chải" matches the district (Mù Cang Chải) only with its diacritics dropped: the
    # code says which unit, the name stays as written, in the later "huyện" too
    locs = localities(
        TITLE + "Năm 2016, huyện Mù Càng Chải có 7.841 hộ nghèo. Tỷ lệ hộ nghèo của huyện là "
        "66,79%."
    )
    districts = [m for m in locs if m["level"] == "district"]
    assert {m["code"] for m in districts} == {"137"}
    assert [m["name"] for m in districts] == ["Mù Càng Chải", "Mù Càng Chải"]


def test_a_neighbour_on_the_border_is_no_antecedent():
    # "phía Đông giáp huyện Mèo Vạc": the district next door; "toàn huyện" after it is the
    # district the text describes
    locs = localities(
        TITLE + "Đồng Văn là một huyện vùng cao của tỉnh Hà Giang; phía Nam giáp huyện Yên "
        "Minh, phía Đông giáp huyện Mèo Vạc. Năm 2021, dân số của huyện có 16.516 hộ."
    )
    by_text = {m["text"]: m for m in locs}
    assert by_text["huyện Mèo Vạc"]["method"].endswith(":neighbour")
    anaphor = next(m for m in locs if m["text"] == "huyện")
    assert anaphor["name"] == "Đồng Văn"
    # counted neighbours too; the districts along the frontier are no neighbours of anyone
    locs = localities(
        TITLE + "Huyện Đồng Văn phía Bắc giáp 02 huyện Mèo Vạc và Yên Minh. Tỉnh Bình Phước có 3 "
        "huyện giáp biên giới gồm Lộc Ninh, Bù Gia Mập, Bù Đốp."
    )
    methods = {m["text"]: m["method"] for m in locs}
    assert methods["huyện Mèo Vạc"].endswith(":neighbour")
    assert not methods["Bù Gia Mập"].endswith(":neighbour")


def test_a_name_in_a_capitalized_headline_keeps_the_units_own_case():
    # headlines are often set in capitals; the fact's place must group with the body's
    locs = localities(
        "TỶ LỆ HỘ NGHÈO HUYỆN BẢO LÂM GIẢM CÒN 12,5%\n"
        "Năm 2023, huyện Bảo Lâm có nhiều cố gắng trong công tác giảm nghèo."
    )
    headline = [m for m in locs if m["text"].isupper()]
    assert [(m["name"], m["level"]) for m in headline] == [("Bảo Lâm", "district")]


def test_a_former_district_after_its_commune_in_a_capitalized_headline_keeps_its_case():
    # "… TẠI XÃ MỸ PHÚC HUYỆN MỸ LỘC": a district merged away in 2025 is known only as a
    # former unit; its name must still read as the body writes it
    locs = localities(
        "BÀN GIAO 02 NHÀ ĐẠI ĐOÀN KẾT TẠI XÃ MỸ PHÚC HUYỆN MỸ LỘC\n"
        "Sáng 08/10/2021, Ủy ban MTTQ huyện Mỹ Lộc bàn giao nhà cho hộ nghèo."
    )
    headline = [m for m in locs if m["text"].isupper()]
    assert [(m["name"], m["level"]) for m in headline] == [
        ("Mỹ Phúc", "commune"),
        ("Mỹ Lộc", "district"),
    ]


def test_a_village_introduced_with_its_level_word_is_known_when_written_bare_later():
    # villages are in no gazetteer: "Trung Hạ là thôn …" is the village the text introduced
    locs = localities(
        "Ngày hội ở thôn Đông Yên\n"
        "Ngày 12/11, thôn Đông Yên (xã Quế Trung) tổ chức Ngày hội Đại đoàn kết.\n"
        "Đông Yên là thôn có 395 hộ. Theo anh Đông Yên, thôn còn 5 hộ nghèo."
    )
    bare = [m for m in locs if m["text"] == "Đông Yên"]
    assert [(m["level"], m["commune"]) for m in bare] == [("village", "Quế Trung")]


def test_a_bare_district_with_its_province_in_parentheses_before_the_article_names_it():
    # a lead's "Bắc Hà (Lào Cai) - …": the province is known only from the parentheses
    locs = localities(
        "Giảm nghèo ở vùng cao\nBắc Hà (Lào Cai) - Năm 2023, huyện đã giảm 712 hộ nghèo."
    )
    district = next(m for m in locs if m["name"] == "Bắc Hà")
    assert district["level"] == "district"
    assert district["province"] == "Lào Cai"


@pytest.mark.parametrize(
    "line",
    [
        "Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Nguyễn Thị Minh phát biểu tại hội nghị.",
        "Phó Chủ tịch UBMTTQ Việt Nam tỉnh Nguyễn Thị Minh phát biểu tại hội nghị.",
    ],
)
def test_the_country_in_the_name_of_a_front_inside_an_officials_title_is_no_place(line: str):
    # a provincial report must not become the country's because its official is introduced
    # by the Front's full name
    assert not [m for m in localities(TITLE + line) if m["level"] == "country"]


def test_a_border_description_names_directions_and_neighbours_not_the_subject():
    # a commune's profile: compass points are no regions ("Tây Bắc"), no commune ("Đông"),
    # and the communes on its border are no antecedent of the "xã" that follows
    locs = localities(
        TITLE + "Ia Kla là xã thuộc huyện Đức Cơ, tỉnh Gia Lai. Đông Bắc giáp xã Ia Dơk; phía "
        "Nam giáp TT Chư Ty xã Ia Pnôn + Ia Nan; phía Tây Bắc giáp xã Ia Chía. Hiện nay, toàn xã "
        "có 1.697 hộ."
    )
    assert not [m for m in locs if m["level"] == "region"]
    assert "Đông" not in {m["name"] for m in locs}
    anaphor = [m for m in locs if m["text"] == "xã"]
    assert [m["name"] for m in anaphor] == ["Ia Kla"]


def test_toan_thanh_pho_is_the_city_named_last_a_provinces_or_a_districts():
    # "toàn thành phố" in a report on Đà Lạt is Đà Lạt, not its province
    locs = localities(
        TITLE + "Năm 2018, Ban vận động Quỹ Vì người nghèo thành phố Đà Lạt (Lâm Đồng) đã vận "
        "động trên 3,3 tỷ đồng. Đến nay, toàn thành phố còn 23 hộ nghèo."
    )
    anaphor = next(m for m in locs if m["text"] == "thành phố")
    assert (anaphor["name"], anaphor["level"]) == ("Đà Lạt", "district")


def test_a_units_name_with_its_last_syllable_in_lower_case_after_a_level_word():
    locs = localities(TITLE + "Ban chỉ đạo giảm nghèo tỉnh Bà Rịa-Vũng tàu đã đề ra mục tiêu lớn.")
    assert [(m["name"], m["level"]) for m in locs] == [("Bà Rịa - Vũng Tàu", "province")]


def test_a_bare_commune_merged_away_before_2025_inside_a_district_the_text_names():
    locs = localities(
        TITLE + "Năm 2022, huyện Phú Ninh có tỷ lệ hộ cận nghèo thấp nhất là Tam Vinh: 0,44% "
        "(6 hộ), Tam Thái: 0,53% (12 hộ)."
    )
    assert ("Tam Vinh", "commune") in names(locs)


def test_a_unit_named_after_words_that_describe_it():
    # "huyện nghèo Trà Cú", "xã đặc biệt khó khăn Trà Leng": the gazetteer's unit after them
    text = (
        TITLE + "Từ đầu năm đến nay, huyện nghèo Trà Cú đã triển khai 62 công trình; "
        "xã đặc biệt khó khăn Trà Leng (huyện Nam Trà My) còn 210 hộ nghèo."
    )
    assert {("Trà Cú", "district"), ("Trà Leng", "commune")} <= names(localities(text))
    # a capitalized word after the descriptors that no unit is called opens no place
    text = TITLE + "Các xã đặc biệt khó khăn Trong năm 2023 đã giảm 410 hộ nghèo."
    assert names(localities(text)) == set()


def test_a_village_named_by_its_number():
    """ "Ấp 7 có 251 hộ", "thôn 2 còn 9 hộ nghèo": a village whose name is its number (the
    gold writes the number as the name), as "Phường 1" is; a count of villages is none."""
    assert ("7", "village") in names(localities(TITLE + "Ấp 7 có 251 hộ với 1.080 nhân khẩu."))
    assert ("2", "village") in names(localities(TITLE + "Năm 2023, thôn 2 còn 9 hộ nghèo."))
    counted = names(localities(TITLE + "Xã có 14 thôn, 2 tổ dân phố với 3.100 hộ."))
    assert not any(level == "village" for _, level in counted)


def test_a_bare_name_after_a_word_that_opens_the_sentence():
    """ "Tại Lai Châu, …", "Riêng Bình Dương …": the capital of the opening word is the
    sentence's; the province's bare name starts after it."""
    assert ("Lai Châu", "province") in names(
        localities(TITLE + "Tại Lai Châu, tỷ lệ hộ nghèo còn 20,1%.")
    )
    assert ("Bình Dương", "province") in names(
        localities(TITLE + "Riêng Bình Dương không còn hộ nghèo theo chuẩn trung ương.")
    )
    assert ("Tuy Đức", "district") in names(
        localities(
            "Giảm nghèo ở Đắk Nông\nHiện Tuy Đức có hơn 65.000 dân, với 23 dân tộc cùng sinh sống."
        )
    )


def test_a_listed_unit_written_with_a_tone_mark_off():
    """ "huyện Trạm Tấu và Mù Càng Chải": a name listed after a level word takes its level
    when written with a tone mark off, as right after the level word, not the town of the
    same name."""
    found = names(
        localities(
            TITLE + "Năm 2020, tại 2 huyện Trạm Tấu và Mù Càng Chải, tỷ lệ hộ nghèo giảm 8%."
        )
    )
    assert ("Mù Càng Chải", "district") in found
    assert ("Mù Càng Chải", "commune") not in found


def test_society_is_no_commune():
    """ "tổng vốn đầu tư toàn xã hội" (society), "Ngân hàng Chính sách xã hội": no commune named
    by its level word alone, standing for the last one named; "xã Hội Xuân" is one."""
    found = localities(
        TITLE
        + "Xã Đại Hà còn 20 hộ nghèo. Năm 2022, tổng vốn đầu tư toàn xã hội đạt 5.300 tỷ đồng."
    )
    assert [m["text"] for m in found] == ["Xã Đại Hà"]
    assert ("Hội Xuân", "commune") in names(
        localities(TITLE + "Năm 2023, xã Hội Xuân còn 120 hộ nghèo.")
    )


def test_one_syllable_opening_a_longer_name_is_no_unit():
    """ "Ảnh: Thanh Thủy", "Bộ trưởng Phùng Xuân Nhạ": a one-syllable unit name (xã Thanh of
    Quảng Trị, thị trấn Phùng of Hà Nội) that opens a longer capitalized run is part of a
    person's name."""
    found = names(
        localities(
            "Giáo dục ở Hướng Hóa, Quảng Trị\nCác thầy cô vận động học sinh đến trường. "
            "Ảnh: Thanh Thủy - TTXVN"
        )
    )
    assert ("Thanh", "commune") not in found
    found = names(
        localities(
            "Giảm nghèo ở Hà Nội\nĐại biểu Hà Nội đặt câu hỏi với Bộ trưởng Phùng Xuân Nhạ "
            "tại phiên thảo luận."
        )
    )
    assert not any(name == "Phùng" for name, _ in found)


def test_a_listed_name_spelled_otherwise_is_taken_whole():
    """ "huyện An Lão và Vinh Thanh": the whole name the press spells without its marks
    (Vĩnh Thạnh), not the shorter district whose name opens it (Vinh)."""
    found = names(
        localities(TITLE + "Năm 2023, huyện An Lão và Vinh Thanh đều có tỷ lệ hộ nghèo trên 15%.")
    )
    assert ("Vinh Thanh", "district") in found


def test_a_commune_merged_away_is_named_whole():
    """ "xã Quế Trung" (Quảng Nam, merged in 2019): a whole former name is the commune the
    text means, with its old district and province where the article is about that
    province, not the current commune "Quế" of another province that its first syllable
    names; a current commune written with a tone mark dropped ("xã Đức Hoa" of Sóc Sơn)
    is no former commune of another province that the loose former key spells."""
    locs = localities(
        "Ngày hội đại đoàn kết ở Quảng Nam\nNăm 2018, thôn Trung Hạ (xã Quế Trung) "
        "còn 40 hộ nghèo, giảm 12 hộ so với năm 2017 của tỉnh Quảng Nam.",
        published="2018-11-12",
    )
    communes = [m for m in locs if m["level"] == "commune"]
    assert [(m["name"], m["province"]) for m in communes] == [("Quế Trung", "Quảng Nam")]
    locs = localities(
        "Giảm nghèo ở ngoại thành\nNăm 2023, xã Đức Hoa (huyện Sóc Sơn) còn 12 hộ nghèo.",
        published="2023-12-20",
    )
    communes = [m for m in locs if m["level"] == "commune"]
    assert [m["province"] for m in communes] != ["Hà Tĩnh"]
