"""Linking figures into facts, on sentences written after real reports' phrasing."""

from __future__ import annotations

from pipeline import extract

TITLE = "Giảm nghèo bền vững ở vùng cao biên giới\n"


def facts(text: str, published: str | None = "2024-06-01") -> list[tuple]:
    doc = extract(TITLE + text, published=published)
    assert not doc.errors, doc.errors
    return [
        (f["indicator"], (f["locality"] or {}).get("name"), f["year"], f["value"], f.get("status"))
        for f in doc.facts
    ]


def test_one_sentence_many_facts():
    got = facts(
        "Đến hết năm 2023, toàn huyện Mường Lát còn 3.120 hộ nghèo, tỷ lệ 21,4%, giảm 6,2% so với năm 2022, "
        "tương đương giảm 702 hộ nghèo; còn 1.540 hộ cận nghèo, tỷ lệ 10,56%."
    )
    assert got == [
        ("poor_households", "Mường Lát", 2023, 3120, "actual"),
        ("poverty_rate", "Mường Lát", 2023, 21.4, "actual"),
        ("poverty_rate_reduction", "Mường Lát", 2023, 6.2, "actual"),
        ("poor_households_reduction", "Mường Lát", 2023, 702, "actual"),
        ("near_poor_households", "Mường Lát", 2023, 1540, "actual"),
        ("near_poverty_rate", "Mường Lát", 2023, 10.56, "actual"),
    ]


def test_combined_rate_with_years_in_parentheses():
    got = facts(
        "Tỷ lệ hộ nghèo, cận nghèo của xã Y Tý từ 78% (năm 2021) nay giảm còn 49,3% (năm 2023)."
    )
    assert got == [
        ("multidim_poverty_rate", "Y Tý", 2021, 78, "actual"),
        ("multidim_poverty_rate", "Y Tý", 2023, 49.3, "actual"),
    ]


def test_yearly_list_and_average_per_year():
    doc = extract(
        TITLE
        + "Giai đoạn 2021-2023, mức giảm tỷ lệ hộ nghèo của tỉnh Điện Biên bình quân đạt 4,1%/năm "
        "(năm 2021 giảm 3,9%, năm 2022 giảm 4,2%, năm 2023 giảm 4,2%).",
        published="2024-03-01",
    )
    got = [(f["indicator"], f["year"], f["value"], f["unit"], f["period"]) for f in doc.facts]
    assert got == [
        ("poverty_rate_reduction", 2023, 4.1, "pp/year", {"start": 2021, "end": 2023}),
        ("poverty_rate_reduction", 2021, 3.9, "pp", None),
        ("poverty_rate_reduction", 2022, 4.2, "pp", None),
        ("poverty_rate_reduction", 2023, 4.2, "pp", None),
    ]


def test_disbursement_budget_and_targets():
    got = facts(
        "Năm 2024, tỉnh Hà Giang được phân bổ 1.250,5 tỷ đồng; đến nay đã giải ngân 640,2 tỷ đồng, đạt 51,2% kế hoạch. "
        "Năm 2025, tỉnh phấn đấu giảm tỷ lệ hộ nghèo 4%."
    )
    assert got == [
        ("budget", "Hà Giang", 2024, 1250500000000, "actual"),
        ("budget_disbursed", "Hà Giang", 2024, 640200000000, "actual"),
        ("disbursement_rate", "Hà Giang", 2024, 51.2, "actual"),
        ("poverty_rate_reduction", "Hà Giang", 2025, 4, "target"),
    ]


def test_relative_fall_is_not_points_and_present_tense_uses_the_date():
    got = facts(
        "Hiện nay, tỷ lệ hộ nghèo của xã Tả Van giảm 40,5% (92 hộ), còn 18,2%.",
        published="2024-10-05",
    )
    assert got == [("poverty_rate", "Tả Van", 2024, 18.2, "actual")]


def test_income_houses_and_population():
    got = facts(
        "Xã Bản Hồ có 812 hộ với 4.150 nhân khẩu. Năm 2023, xã đã xóa 45 nhà tạm cho hộ nghèo; "
        "thu nhập bình quân đầu người đạt 32,5 triệu đồng/người/năm."
    )
    assert ("population", "Bản Hồ", 2024, 4150, "actual") in got
    assert ("houses_supported", "Bản Hồ", 2023, 45, "actual") in got
    assert ("average_income", "Bản Hồ", 2023, 32500000, "actual") in got


def test_section_under_an_officials_heading():
    text = (
        "Hội nghị đánh giá kết quả giảm nghèo của các xã vùng cao đã diễn ra với nhiều ý kiến đóng góp.\n"
        "Ông Sùng A Lử\nChủ tịch UBND xã Lao Chải (Mù Cang Chải)\n"
        "Năm 2023, toàn xã giảm 120 hộ nghèo nhờ phát triển du lịch cộng đồng.\n"
    )
    assert facts(text) == [("poor_households_reduction", "Lao Chải", 2023, 120, "actual")]


def test_figures_in_boilerplate_and_other_topics_give_no_facts():
    text = (
        "Năm 2023, xã Bản Hồ đón 12.000 lượt khách du lịch, doanh thu đạt 15 tỷ đồng.\n"
        "Tin cùng chuyên mục\nTỷ lệ hộ nghèo của tỉnh Lào Cai giảm còn 9,5% trong năm 2023\n"
    )
    assert facts(text) == []
