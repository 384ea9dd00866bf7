"""Linking figures into facts, on sentences written after real reports' phrasing."""

from __future__ import annotations

from vnfacts import extract

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
    assert got == [
        ("poor_households_reduction", "Tả Van", 2024, 92, "actual"),  # 92 households left poverty
        ("poverty_rate", "Tả Van", 2024, 18.2, "actual"),
    ]


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


# ---------------------------------------------------------------- figures that are no facts


def test_bank_money_is_not_a_programme_budget():
    assert (
        facts(
            "Năm 2018, Ngân hàng Nông nghiệp chi nhánh tỉnh Kon Tum huy động vốn đạt 4.200 tỷ đồng."
        )
        == []
    )
    assert facts("Tổng số vốn hoạt động của các HTX ở huyện Mang Yang là 11 tỷ đồng.") == []
    assert facts("Năm 2018, tỉnh Kon Tum huy động 120 tỷ đồng để xóa nhà tạm cho hộ nghèo.") == [
        ("budget", "Kon Tum", 2018, 120000000000, "actual")
    ]


def test_increase_of_money_is_no_level():
    assert facts(
        "Năm 2022, kinh phí hỗ trợ hộ nghèo của tỉnh Yên Bái tăng 15 tỷ đồng, đạt 215 tỷ đồng."
    ) == [("budget", "Yên Bái", 2022, 215000000000, "actual")]


def test_percent_of_other_things_after_a_semicolon():
    got = facts(
        "Năm 2024, tỷ lệ hộ nghèo của huyện Bảo Lạc giảm còn 6,2%; 95% số thôn có đường bê tông."
    )
    assert got == [("poverty_rate", "Bảo Lạc", 2024, 6.2, "actual")]
    got = facts(
        "Phấn đấu năm 2025, giảm tỷ lệ hộ nghèo của huyện Bảo Lạc 2%; 100% số xã đạt chuẩn nông thôn mới."
    )
    assert got == [("poverty_rate_reduction", "Bảo Lạc", 2025, 2, "target")]


def test_a_subset_of_poor_households_is_not_their_count():
    got = facts(
        "Năm 2022, huyện Bảo Lạc có 1.540 hộ nghèo, trong đó 320 hộ nghèo chưa có nhà ở kiên cố."
    )
    assert got == [("poor_households", "Bảo Lạc", 2022, 1540, "actual")]
    assert facts("Năm 2022, huyện Bảo Lạc có 2.300 hộ nghèo đang vay vốn ngân hàng.") == []


def test_number_words_and_slogans_give_no_facts():
    assert facts("Nhiều công nhân ở tỉnh Bình Dương mơ được làm chủ một căn nhà nhỏ.") == []
    assert (
        facts(
            "Năm 2017, phong trào “Xóa một hộ đói, giảm 2 hộ nghèo” được nhân rộng ở tỉnh Nghệ An."
        )
        == []
    )


def test_income_needs_an_average_and_may_belong_to_a_group():
    assert (
        facts("Năm 2023, mỗi ha cam ở huyện Cao Phong cho thu nhập khoảng 300 triệu đồng/năm.")
        == []
    )
    doc = extract(
        TITLE
        + "Năm 2023, thu nhập bình quân của các xã viên, lao động thường xuyên của HTX ở xã Kỳ Lợi "
        "đạt 60 triệu đồng/người/năm.",
        published="2024-01-01",
    )
    [fact] = doc.facts
    assert fact["indicator"] == "average_income"
    assert fact["group"].startswith("các xã viên, lao động thường xuyên")


def test_cue_words_match_whole_words_only():
    assert facts("Năm 2020, chi hội thôn Vống Hạ, xã Tam Hưng tiết kiệm được 20 triệu đồng.") == []


# ---------------------------------------------------------------- time and place


def test_poverty_standard_period_is_not_the_figures_time():
    got = facts(
        "Theo chuẩn nghèo đa chiều giai đoạn 2016 - 2020, năm 2017 huyện Định Hóa còn trên 7.000 hộ nghèo, chiếm 27%."
    )
    assert got == [
        ("poor_households", "Định Hóa", 2017, 7000, "actual"),
        ("poverty_rate", "Định Hóa", 2017, 27, "actual"),
    ]


def test_year_written_right_after_the_figure():
    got = facts("Tỷ lệ hộ nghèo của xã Tân Lập giảm từ 12,4% năm 2019 xuống còn 4,2% năm 2023.")
    assert [(g[0], g[2], g[3]) for g in got] == [
        ("poverty_rate", 2019, 12.4),
        ("poverty_rate", 2023, 4.2),
    ]


def test_baseline_year_does_not_leak_into_the_next_sentence():
    got = facts(
        "Đến cuối năm 2020, tổng dư nợ của ngân hàng ở tỉnh Hà Giang đạt 900 tỷ đồng, tăng 80 tỷ đồng so với năm 2019. "
        "Nguồn vốn này giúp 1.200 hộ nghèo thoát nghèo."
    )
    assert got == [("poor_households_reduction", "Hà Giang", 2020, 1200, "actual")]


def test_national_figures_are_about_the_country():
    assert facts("Tính đến cuối năm 2020, tỷ lệ hộ nghèo của cả nước còn 2,75%.") == [
        ("poverty_rate", "Việt Nam", 2020, 2.75, "actual")
    ]


def test_place_of_a_comparison_is_not_the_subject():
    got = facts(
        "Năm 2015, xã Tân Mỹ là một trong những xã khó khăn nhất của huyện Hàm Thuận Bắc với tỷ lệ hộ nghèo 35%."
    )
    assert got == [("poverty_rate", "Tân Mỹ", 2015, 35, "actual")]


# ---------------------------------------------------------------- phrasings the cues must cover


def test_average_income_in_plain_dong_is_per_person_per_year():
    got = facts(
        "Thu nhập bình quân đầu người của xã Phú Lộc tăng từ 20 triệu đồng năm 2015 lên 45 triệu đồng năm 2020."
    )
    assert got == [
        ("average_income", "Phú Lộc", 2015, 20000000, "actual"),
        ("average_income", "Phú Lộc", 2020, 45000000, "actual"),
    ]


def test_fall_per_year_with_adverbs_between():
    doc = extract(
        TITLE + "Giai đoạn 2016-2020, tỷ lệ hộ nghèo của tỉnh Lào Cai giảm bình quân mỗi năm 2,5%."
    )
    [fact] = doc.facts
    assert (fact["indicator"], fact["value"], fact["unit"], fact["year"]) == (
        "poverty_rate_reduction",
        2.5,
        "pp/year",
        2020,
    )


def test_escaping_poverty_with_words_between_and_a_banks_lending_paid_out():
    assert facts("Năm 2021, huyện Mường Tè đã giúp 450 hộ nghèo vươn lên thoát nghèo.") == [
        ("poor_households_reduction", "Mường Tè", 2021, 450, "actual")
    ]
    # a bank's loans paid out are credit, not a programme's disbursement (the guide: not a
    # bank's lending); a programme's money paid out is
    assert (
        facts(
            "Năm 2021, NHCSXH huyện Mường Tè đã giải ngân cho 3.000 lượt hộ vay vốn với số tiền "
            "120 tỷ đồng."
        )
        == []
    )
    assert facts(
        "Năm 2021, huyện Mường Tè đã giải ngân 120 tỷ đồng vốn Chương trình MTQG giảm nghèo."
    ) == [("budget_disbursed", "Mường Tè", 2021, 120000000000, "actual")]


def test_targets_listed_after_a_colon_and_falls_of_the_count():
    got = facts(
        "Huyện Định Hóa đề ra mục tiêu cụ thể: đến năm 2020, thu nhập bình quân đầu người đạt 42 triệu đồng, "
        "giảm số hộ nghèo bình quân hàng năm từ 3% trở lên."
    )
    assert got == [
        ("average_income", "Định Hóa", 2020, 42000000, "target"),
        ("poverty_rate_reduction", "Định Hóa", 2020, 3, "target"),
    ]


def test_history_is_not_the_passages_time():
    got = facts(
        "Trong kháng chiến (1946-1954), huyện Định Hóa là nơi ở của các cơ quan Trung ương. "
        "Theo chuẩn nghèo đa chiều giai đoạn 2016 - 2020, Định Hóa vẫn còn trên 7.000 hộ nghèo.",
        published="2017-05-01",
    )
    assert got == [("poor_households", "Định Hóa", 2017, 7000, "actual")]


def test_budgets_only_in_articles_about_a_social_programme():
    road = (
        "Cao tốc mới\nNăm 2017, dự án cao tốc qua tỉnh Lạng Sơn có tổng mức đầu tư 12.000 tỷ đồng."
    )
    assert extract(road, published="2017-06-01").facts == []
    houses = "Xóa nhà tạm cho hộ nghèo\nNăm 2017, dự án xóa nhà tạm cho hộ nghèo tỉnh Lạng Sơn có tổng mức đầu tư 120 tỷ đồng."
    assert [f["indicator"] for f in extract(houses, published="2017-06-01").facts] == ["budget"]


def test_table_rows_under_a_header_of_years():
    text = (
        "Kết quả giảm nghèo huyện Mèo Vạc\n"
        "Năm 2023, huyện Mèo Vạc tiếp tục triển khai nhiều chương trình giảm nghèo.\n"
        "Chỉ tiêu | Năm 2021 | Năm 2022 | Năm 2023\n"
        "Số hộ nghèo | 6.410 | 5.902 | 5.160\n"
        "Tỷ lệ hộ nghèo (%) | 38,5 | 34,1 | 29,75\n"
        "Số trường đạt chuẩn | 12 | 14 | 15\n"
    )
    got = [
        (f["indicator"], (f["locality"] or {}).get("name"), f["year"], f["value"])
        for f in extract(text).facts
    ]
    assert got == [
        ("poor_households", "Mèo Vạc", 2021, 6410),
        ("poor_households", "Mèo Vạc", 2022, 5902),
        ("poor_households", "Mèo Vạc", 2023, 5160),
        ("poverty_rate", "Mèo Vạc", 2021, 38.5),
        ("poverty_rate", "Mèo Vạc", 2022, 34.1),
        ("poverty_rate", "Mèo Vạc", 2023, 29.75),
    ]


def test_same_period_last_year_is_a_baseline_and_donations_are_funds():
    got = facts(
        "Tỉnh Quảng Trị cho biết việc giải ngân vốn chương trình giảm nghèo còn chậm. "
        "Sáu tháng đầu năm 2017, tỉnh mới đạt gần 30% kế hoạch, thấp hơn cùng kỳ năm 2016.",
        published="2017-07-01",
    )
    assert got == [("disbursement_rate", "Quảng Trị", 2017, 30, "actual")]
    got = facts(
        "Năm 2017, các doanh nghiệp đã ủng hộ Quỹ Vì người nghèo tỉnh Nghệ An 120 tỷ đồng.",
        published="2017-07-01",
    )
    assert got == [("budget", "Nghệ An", 2017, 120000000000, "actual")]


def test_a_time_far_back_in_a_long_paragraph_is_not_borrowed():
    text = (
        "Giai đoạn 2014-2024, tỉnh Yên Bái đầu tư nhiều công trình. Nhiều người dân đã được hỗ trợ. "
        "Các hội đoàn thể tích cực vào cuộc. Cán bộ bám sát cơ sở. Người dân đồng thuận cao. "
        "Dự án hỗ trợ sinh kế cho hộ nghèo của tỉnh Yên Bái có tổng kinh phí 15 tỷ đồng."
    )
    assert facts(text, published="2017-05-01") == [
        ("budget", "Yên Bái", 2017, 15000000000, "actual")
    ]


def test_a_run_on_sentence_is_linked_in_pieces_with_short_evidence():
    """A table flattened into one 'sentence' of 600 communes: every count is a fact, and each
    fact's evidence is its piece of the sentence, not the whole line (linear work and output)."""
    from vnfacts import extract

    items = ", ".join(f"xã Số {i} có {100 + i} hộ nghèo" for i in range(600))
    doc = extract("Kết quả rà soát hộ nghèo\nNăm 2023, " + items + ".", published="2024-01-05")
    counts = [f for f in doc.facts if f["indicator"] == "poor_households"]
    assert len(counts) >= 500
    assert max(f["evidence"]["end"] - f["evidence"]["start"] for f in counts) <= 1600
    assert all(f["year"] == 2023 for f in counts)


def test_two_groups_levels_side_by_side_are_no_change():
    from vnfacts import extract

    doc = extract(
        "Giảm nghèo ở Vĩnh Phúc\nNăm 2023, tỷ lệ hộ nghèo khu vực thành thị giảm còn 0,49%, "
        "khu vực nông thôn còn 1,66%. Tỷ lệ hộ nghèo chung giảm từ 1,2% xuống còn 0,61%.",
        published="2024-01-10",
    ).to_json()
    changes = {f["value"]: f.get("change") for f in doc["facts"]}
    assert changes[1.66] is None
    assert changes[0.61]["amount"] == 0.59


def test_a_place_where_something_is_organised_is_no_venue():
    from vnfacts import extract

    doc = extract(
        "Giảm nghèo ở Cao Bằng\nTại huyện Bảo Lạc, chính quyền đã tổ chức nhiều lớp tập huấn; "
        "năm 2023 tỷ lệ hộ nghèo còn 30,5%.",
        published="2024-01-05",
    ).to_json()
    assert [(f["locality"]["name"], f["value"]) for f in doc["facts"]] == [("Bảo Lạc", 30.5)]


def test_a_venue_before_a_long_bodys_name_is_no_subject():
    """ "Sáng 12/10, tại Hà Nội, Ban Chỉ đạo Trung ương … phối hợp với Bộ … tổ chức Hội nghị":
    the capital hosts a national meeting; its figures are not Hà Nội's."""
    from vnfacts import extract

    doc = extract(
        "Sáng ngày 12/10/2018 tại Hà Nội, Ban Chỉ đạo Trung ương các chương trình mục tiêu quốc "
        "gia phối hợp với Bộ Lao động - Thương binh và Xã hội và các bộ, ngành liên quan tổ "
        "chức Hội nghị biểu dương hộ gia đình vươn lên thoát nghèo. Tỷ lệ hộ nghèo ước còn 5,5% "
        "vào cuối năm 2018.",
        published="2018-10-12",
        url="https://baodauthau.vn/thoi-su/ty-le-ho-ngheo-uoc-tinh-giam-con-55.html",
    ).to_json()
    assert [(f["locality"]["name"], f["value"]) for f in doc["facts"]] == [("Việt Nam", 5.5)]


def test_the_survey_year_shift_is_for_the_surveys_figures_only():
    from vnfacts import extract

    doc = extract(
        "Quyết định phê duyệt kết quả rà soát hộ nghèo tỉnh Kiên Giang\nNgày 06/01/2021, Chủ "
        "tịch UBND tỉnh Kiên Giang ký Quyết định phê duyệt kết quả rà soát hộ nghèo.\nTheo Quyết "
        "định, tổng số hộ nghèo toàn tỉnh là 8.790 hộ. Ngày 20/1/2021, tỉnh đã giải ngân 30 tỷ "
        "đồng vốn Chương trình MTQG giảm nghèo.",
        published="2021-01-25",
    ).to_json()
    got = {(f["indicator"], f["year"]) for f in doc["facts"]}
    assert got == {("poor_households", 2020), ("budget_disbursed", 2021)}


def test_a_rate_of_listed_units_together_is_not_given_to_each():
    """ "Các huyện A, B và C phấn đấu … dưới 6%" holds for each (phrasing r111); a rate
    "của các huyện A và B" or the share of a joint count ("chiếm") is theirs together."""
    from vnfacts import extract

    for text in (
        "Giảm nghèo ở Bình Định\nNăm 2023, tỷ lệ hộ nghèo của các huyện Vân Canh và An Lão "
        "còn 18,5%.",
        "Giảm nghèo ở Bình Định\nNăm 2023, các huyện Vân Canh và An Lão còn 1.900 hộ nghèo, "
        "chiếm 18,5%.",
    ):
        doc = extract(text, published="2024-01-20").to_json()
        assert "Vân Canh" not in {f["locality"]["name"] for f in doc["facts"]}, text


def test_a_sub_item_naming_the_whole_province_is_of_no_item_group():
    groups = _groups_by_value(
        "Kết quả rà soát hộ nghèo năm 2023 tỉnh Quảng Bình\n"
        "- Khu vực nông thôn, trong đó có nhiều hộ DTTS:\n"
        "+ Tỷ lệ hộ nghèo: 6,2%.\n"
        "+ Tỷ lệ hộ nghèo toàn tỉnh còn 4,1%.",
        "2024-01-20",
    )
    assert groups[6.2] == "khu vực nông thôn"  # the item's head names it, not its details
    assert groups[4.1] is None


def test_a_count_named_again_gives_no_rate():
    """ "tỉ lệ này" names a rate just stated again (phrasing r119); "con số này giảm 12%"
    after a count is the count's relative fall, no rate."""
    from vnfacts import extract

    doc = extract(
        "Giảm nghèo ở Bảo Lạc\nNăm 2022, huyện Bảo Lạc có 2.400 hộ nghèo. Năm 2023, con số "
        "này giảm 12%.",
        published="2024-01-20",
    ).to_json()
    assert [(f["indicator"], f["value"]) for f in doc["facts"]] == [("poor_households", 2400)]


def test_households_that_outnumber_the_houses_are_no_split_of_them():
    """A list of households by kind after houses is a split of the houses only when it adds up
    to no more than them (review of the twenty-fourth session: "50 căn nhà. Trong đó có 98 hộ
    nghèo và 35 hộ cận nghèo" made the 35 a house); the same list within the houses' total
    is (phrasing r645)."""
    split = extract(
        "Bàn giao nhà ở Krông Pắc\nNăm 2025, huyện Krông Pắc đã hoàn thành 150 căn nhà cho người"
        " dân. Trong đó có 112 hộ nghèo và 38 hộ cận nghèo.",
        published="2025-06-10",
    ).to_json()
    assert [(f["indicator"], f["value"], f["group"]) for f in split["facts"]] == [
        ("houses_supported", 150, None),
        ("houses_supported", 112, "hộ nghèo"),
        ("houses_supported", 38, "hộ cận nghèo"),
    ]
    more = extract(
        "Bàn giao nhà ở Krông Pắc\nNăm 2025, huyện Krông Pắc đã hoàn thành 50 căn nhà cho người"
        " dân. Trong đó có 98 hộ nghèo và 35 hộ cận nghèo.",
        published="2025-06-10",
    ).to_json()
    houses = [f["value"] for f in more["facts"] if f["indicator"] == "houses_supported"]
    assert houses == [50]


def test_a_group_that_opens_its_clause_holds_for_each_of_its_figures():
    # a province's survey split by area: the near-poor said noun first after a comma are the
    # area's too; the next clause's area, and the whole province named again, end it
    groups = _groups_by_value(
        "Kết quả rà soát hộ nghèo\nCuối năm 2014, tỉnh Quảng Ngãi có 39.533 hộ nghèo; chia theo "
        "vùng: khu vực miền núi có 20.548 hộ nghèo (35,03%), hộ cận nghèo 9.133 hộ (15,57%); "
        "khu vực đồng bằng có 19.005 hộ nghèo (6,82%), hộ cận nghèo 23.769 hộ (8,53%). "
        "Các xã đặc biệt khó khăn có 1.200 hộ nghèo, toàn tỉnh có 32.902 hộ cận nghèo.",
        "2015-01-10",
    )
    assert groups[9133] == groups[15.57] == "khu vực miền núi"
    assert groups[23769] == groups[8.53] == "khu vực đồng bằng"
    assert groups[39533] is None and groups[32902] is None
    # a group that "has" something else first gives the whole unit's figures no group
    other = _groups_by_value(
        "Giảm nghèo ở Sìn Hồ\nNăm 2023, huyện Sìn Hồ có 22 xã, thị trấn; xã đặc biệt khó khăn có "
        "15 xã, tỷ lệ hộ nghèo còn 35,2%; đồng bào Mông có 85% dân số, số hộ nghèo còn 4.100 hộ.",
        "2024-01-10",
    )
    assert other[35.2] is None and other[4100] is None


def _groups_by_value(text: str, published: str) -> dict[float, str | None]:
    """Each fact's group, by its value."""
    return {
        f["value"]: f.get("group") for f in extract(text, published=published).to_json()["facts"]
    }
