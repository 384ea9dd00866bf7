"""Officials, people and organizations, on sentences of our own and on the seeds."""

from __future__ import annotations

import pytest
from vnfacts.doc import Document
from vnfacts.runner import Pipeline

PIPE = Pipeline(["clean", "segment", "recognize"], {"recognize": {"ner": "off"}})
TITLE = "Giảm nghèo bền vững ở vùng cao biên giới\n"


def mentions(text: str, kind: str) -> list[dict]:
    doc = PIPE(Document(doc_id="t", text=TITLE + text))
    assert not doc.errors, doc.errors
    return [m.to_json() for m in doc.mentions if m.type == kind]


def roles(official: dict) -> list[tuple[str, str | None, str | None]]:
    return [
        (r["title"], r["organization"], (r["locality"] or {}).get("name"))
        for r in official["roles"]
    ]


def test_roles_then_name_without_comma():
    [off] = mentions(
        "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Hà Giang Nguyễn Văn Sơn phát biểu tại hội nghị.",
        "OFFICIAL",
    )
    assert off["name"] == "Nguyễn Văn Sơn"
    assert roles(off) == [("Phó Bí thư", "Tỉnh ủy", "Hà Giang"), ("Chủ tịch", "UBND", "Hà Giang")]


def test_role_comma_honorific_name():
    [off] = mentions(
        "Chủ tịch UBND xã Thanh Bình, bà Hoàng Thị Hoa cho biết xã đã hoàn thành kế hoạch.",
        "OFFICIAL",
    )
    assert off["name"] == "Hoàng Thị Hoa"
    assert roles(off) == [("Chủ tịch", "UBND", "Thanh Bình")]


def test_name_then_role():
    [off] = mentions(
        "Theo ông Lường Văn Chấn, Phó Chủ tịch UBND huyện Mường Lát, năm 2023 huyện giảm 800 hộ nghèo.",
        "OFFICIAL",
    )
    assert off["name"] == "Lường Văn Chấn"
    assert roles(off) == [("Phó Chủ tịch", "UBND", "Mường Lát")]
    assert off["roles"][0]["locality"]["province"] == "Thanh Hóa"


def test_comrade_dash_role_with_parent():
    [off] = mentions(
        "Đồng chí Giàng A Tông – Bí thư Đảng ủy xã Y Tý (Bát Xát) đã trao quà cho các hộ nghèo.",
        "OFFICIAL",
    )
    assert off["name"] == "Giàng A Tông"
    assert roles(off) == [("Bí thư", "Đảng ủy", "Y Tý")]
    assert off["roles"][0]["locality"]["district"] == "Bát Xát"


def test_department_head_with_long_org_name():
    [off] = mentions(
        "Ông Phạm Văn Hùng, Giám đốc Sở Lao động - Thương binh và Xã hội tỉnh Yên Bái cho biết tỷ lệ hộ nghèo giảm.",
        "OFFICIAL",
    )
    assert roles(off) == [("Giám đốc", "Sở Lao động - Thương binh và Xã hội", "Yên Bái")]


def test_unnamed_unit_is_the_articles_province():
    offs = mentions(
        "Tỉnh Điện Biên đã giảm nhanh tỷ lệ hộ nghèo. Đồng chí Lò Văn Mừng, Chủ tịch UBND tỉnh "
        "đã chỉ đạo các ngành vào cuộc.",
        "OFFICIAL",
    )
    [off] = offs
    assert roles(off) == [("Chủ tịch", "UBND", "Điện Biên")]


def test_profile_layout_name_then_role_line():
    text = (
        "Hội nghị đánh giá kết quả giảm nghèo của các xã vùng cao đã diễn ra với nhiều ý kiến đóng góp.\n"
        "Ông Sùng A Lử\nChủ tịch UBND xã Lao Chải (Mù Cang Chải)\n"
        "Năm 2023, xã Lao Chải đã giảm 120 hộ nghèo nhờ phát triển du lịch cộng đồng.\n"
    )
    [off] = mentions(text, "OFFICIAL")
    assert off["name"] == "Sùng A Lử"
    assert roles(off) == [("Chủ tịch", "UBND", "Lao Chải")]


def test_later_given_name_refers_back():
    text = (
        "Chủ tịch UBND xã Thanh Bình, ông Nguyễn Văn Hậu cho biết xã có 120 hộ nghèo. "
        "Theo ông Hậu, năm nay xã sẽ giảm thêm 30 hộ."
    )
    people = mentions(text, "PERSON")
    assert [p["name"] for p in people] == ["Nguyễn Văn Hậu"]
    assert people[0]["text"] == "ông Hậu"


def test_honorific_person_without_role():
    people = mentions(
        "Gia đình bà Vàng Thị Mỷ ở bản Sín Chải đã thoát nghèo nhờ trồng quế.", "PERSON"
    )
    assert [p["name"] for p in people] == ["Vàng Thị Mỷ"]


def test_organizations_with_kind_and_locality():
    orgs = mentions(
        "Phòng giao dịch Ngân hàng CSXH huyện Bạch Thông đã giải ngân cho 300 hộ; UBND tỉnh Bắc Kạn và "
        "Sở Nông nghiệp và Phát triển nông thôn phối hợp thực hiện.",
        "ORG",
    )
    by_name = {o["name"]: o for o in orgs}
    assert by_name["Phòng giao dịch Ngân hàng CSXH"]["locality"]["name"] == "Bạch Thông"
    assert by_name["UBND"]["kind"] == "people_committee"
    assert by_name["UBND"]["locality"]["name"] == "Bắc Kạn"
    assert "Sở Nông nghiệp và Phát triển nông thôn" in by_name


SEED_OFFICIALS = {
    "000_315fccd7b617973e": {("Hà Văn Sơn", "Chủ tịch", "UBND", "Nậm Nhùn")},
    "001_071bd52c43493f22": {
        ("Lê Văn Lương", "Phó Bí thư", "Tỉnh ủy", "Lai Châu"),
        ("Lê Văn Lương", "Chủ tịch", "UBND", "Lai Châu"),
    },
    "002_18b273a5c1c34203": {
        ("Nguyễn Quang Đại", "Chủ tịch", "UBND", "La Pan Tẩn"),
        ("Trịnh Xuân Trường", "Chủ tịch", "UBND", "Lào Cai"),
        ("Đỗ Đức Chiến", "Bí thư", "Đảng ủy", "Pa Cheo"),
        ("Lý Bình Minh", "Phó Chủ tịch", "HĐND", "Lào Cai"),
        ("Trần Văn Cường", "Chủ tịch", "UBND", "Hoàng Thu Phố"),
    },
    "003_8bb7c323e6b1daaf": {("Nông Ngọc Nam", "Phó Chủ tịch", "UBND", "Bình Gia")},
    "004_4479d55d298e7c9c": {("Nguyễn Văn Hậu", "Chủ tịch", "UBND", "Lục Bình")},
}


@pytest.mark.parametrize("doc_id", sorted(SEED_OFFICIALS))
def test_seed_officials(seeds, doc_id):
    doc = seeds[doc_id]
    found = {
        (m.attrs["name"], r["title"], r["organization"], (r["locality"] or {}).get("name"))
        for m in doc.mentions
        if m.type == "OFFICIAL"
        for r in m.attrs["roles"]
    }
    assert found == SEED_OFFICIALS[doc_id]


def test_officials_of_a_city_named_with_its_level_word_only():
    [off] = mentions(
        "Phó Chủ tịch UBND TX Sơn Tây Nguyễn Văn An cho biết thị xã đã hỗ trợ 120 hộ nghèo.",
        "OFFICIAL",
    )
    assert off["name"] == "Nguyễn Văn An"
    assert roles(off) == [("Phó Chủ tịch", "UBND", "Sơn Tây")]


def test_org_with_a_bare_province_name_then_the_person():
    [off] = mentions(
        "Chủ tịch Hội LHPN Hà Nội Lê Thị Thu Hằng cho biết hội đã hỗ trợ 50 phụ nữ nghèo.",
        "OFFICIAL",
    )
    assert off["name"] == "Lê Thị Thu Hằng"
    assert roles(off) == [("Chủ tịch", "Hội Liên hiệp Phụ nữ", "Hà Nội")]


def test_village_head():
    [off] = mentions(
        "Bà Lò Thị Hoa - Trưởng thôn Nà Sài cho biết cả thôn đã thoát nghèo.", "OFFICIAL"
    )
    assert off["name"] == "Lò Thị Hoa"
    assert off["roles"][0]["locality"]["name"] == "Nà Sài"
    assert off["roles"][0]["locality"]["level"] == "village"


def test_minister_after_a_ministry_with_a_level_word_inside():
    [off] = mentions(
        "Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn Lê Minh Hoan làm việc với tỉnh Sơn La.",
        "OFFICIAL",
    )
    assert off["name"] == "Lê Minh Hoan"
    assert roles(off) == [("Bộ trưởng", "Bộ Nông nghiệp và Phát triển nông thôn", None)]


def test_one_official_per_person_later_mentions_refer_back(seeds):
    doc = seeds["003_8bb7c323e6b1daaf"]
    officials = [m for m in doc.mentions if m.type == "OFFICIAL"]
    assert [m.attrs["name"] for m in officials] == ["Nông Ngọc Nam"]
    later = [
        m
        for m in doc.mentions
        if m.type == "PERSON" and m.attrs.get("refers_to") == officials[0].start
    ]
    assert len(later) >= 3  # the interview answers name him again
    assert all(m.attrs["name"] == "Nông Ngọc Nam" for m in later)


def test_roles_of_one_person_are_merged():
    text = (
        "Ông Lò Văn Tiến, Bí thư Đảng ủy xã Tả Phìn cho biết xã có 200 hộ nghèo. "
        "Đồng chí Lò Văn Tiến, Chủ tịch HĐND xã Tả Phìn đề nghị tăng vốn hỗ trợ."
    )
    [off] = mentions(text, "OFFICIAL")
    assert roles(off) == [("Bí thư", "Đảng ủy", "Tả Phìn"), ("Chủ tịch", "HĐND", "Tả Phìn")]


# ------------------------------------------------------------------ long documents (issue 12)
# Places and people found so far are looked up through indexes, not scanned per candidate.

HA_GIANG = ["Mèo Vạc", "Đồng Văn", "Yên Minh", "Quản Bạ", "Bắc Mê", "Hoàng Su Phì"]
CHAIRS = [
    "Nguyễn Văn Sơn",
    "Lò Thị Mai",
    "Hoàng Văn Thụ",
    "Triệu Thị Hoa",
    "Lý Bình Minh",
    "Vàng Seo Sử",
]


def test_each_chairman_of_a_long_report_governs_the_district_of_his_section():
    # 30 sections; each chair is named in full once per six sections, then again by given name
    sections = [
        f"Chủ tịch UBND huyện {HA_GIANG[i % 6]}, ông {CHAIRS[i % 6]} cho biết huyện đã hỗ trợ "
        f"{100 + i} hộ nghèo. Theo ông {CHAIRS[i % 6].split()[-1]}, UBND tỉnh đã phân bổ thêm vốn."
        for i in range(30)
    ]
    doc = PIPE(Document(doc_id="t", text=TITLE + "\n".join(sections)))
    officials = [m.to_json() for m in doc.mentions if m.type == "OFFICIAL"]
    assert [o["name"] for o in officials] == CHAIRS
    assert [roles(o) for o in officials] == [[("Chủ tịch", "UBND", d)] for d in HA_GIANG]
    people = [m for m in doc.mentions if m.type == "PERSON"]
    # "ông Sơn" after each section's chair is that chair; a later full mention refers back
    given = [p for p in people if "refers_to" not in p.attrs]
    assert [p.attrs["name"] for p in given] == [CHAIRS[i % 6] for i in range(30)]
    again = [p for p in people if "refers_to" in p.attrs]
    starts = {o["name"]: o["start"] for o in officials}
    assert len(again) == 24
    assert all(p.attrs["refers_to"] == starts[p.attrs["name"]] for p in again)


def test_several_profiles_in_one_interview_page():
    blocks = []
    for name, commune, district in (
        ("Sùng A Lử", "Lao Chải", "Mù Cang Chải"),
        ("Giàng A Tủa", "Khao Mang", "Mù Cang Chải"),
        ("Hờ A Dê", "Nậm Khắt", "Mù Cang Chải"),
    ):
        blocks.append(
            f"Ông {name}\nChủ tịch UBND xã {commune} ({district})\n"
            f"Năm 2023, xã {commune} đã giảm 120 hộ nghèo nhờ phát triển du lịch cộng đồng.\n"
        )
    text = "Hội nghị đánh giá kết quả giảm nghèo của các xã vùng cao.\n" + "".join(blocks)
    offs = mentions(text, "OFFICIAL")
    assert [(o["name"], roles(o)) for o in offs] == [
        ("Sùng A Lử", [("Chủ tịch", "UBND", "Lao Chải")]),
        ("Giàng A Tủa", [("Chủ tịch", "UBND", "Khao Mang")]),
        ("Hờ A Dê", [("Chủ tịch", "UBND", "Nậm Khắt")]),
    ]
    assert mentions(text, "PERSON") == []  # the name lines became the officials
