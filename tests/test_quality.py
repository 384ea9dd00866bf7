"""Fact quality where CI can measure it offline, and the FACTS.md rules of November 2026."""

from __future__ import annotations

import importlib.util

import pytest
from vnfacts import extract

from tests.conftest import ROOT

ARCHIVE = ROOT.parent / "shared" / "archive" / "baomoi-2017.jsonl.gz"
# whole-unit fact F1 on the archive articles of the gold set's test split: measured 0.67 on
# the 21 articles of rounds up to 21; 0.50 since round 23 added 9 articles that mention
# poverty only in passing (11 right facts, 21 wrong: precision there is the weak point, see
# README). The floor guards against a fall from what is measured, not a goal.
ARCHIVE_TEST_FLOOR = 0.45


def _quality():
    spec = importlib.util.spec_from_file_location("quality", ROOT / "bench" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not ARCHIVE.exists(), reason="the shared archive is not beside the checkout")
def test_archive_part_of_the_test_split_stays_above_the_floor():
    report = _quality().score_split("test", ("archive",))
    assert report.documents >= 10
    assert report.facts.f1 >= ARCHIVE_TEST_FLOOR, report.facts.to_json()


def _facts(text: str, published: str | None = "2024-01-10") -> list[tuple]:
    doc = extract(text, published=published).to_json()
    return [
        (f["indicator"], (f["locality"] or {}).get("name"), f["year"], f["value"])
        for f in doc["facts"]
    ]


def test_a_pasted_paragraph_is_all_body():
    got = _facts("Năm 2023, tỷ lệ hộ nghèo của huyện Mèo Vạc giảm còn 25,2%.", published=None)
    assert got == [("poverty_rate", "Mèo Vạc", 2023, 25.2)]


def test_an_article_off_topic_gives_no_facts():
    airport = (
        "Khởi công nhà ga sân bay mới\n"
        "Tổng vốn đầu tư dự án là 4.800 tỷ đồng, dân số của tỉnh là 1,2 triệu người; "
        "tổng số 300.000 hộ dân sẽ hưởng lợi từ dự án.\n"
    )
    assert _facts(airport) == []


def test_a_headline_that_rounds_the_body_figure_is_one_fact():
    text = (
        "Huyện Bình Liêu giảm hơn 1.200 hộ nghèo\n"
        "Đến cuối năm 2023, huyện Bình Liêu còn 3.102 hộ nghèo, giảm 1.236 hộ so với cuối năm 2022.\n"
    )
    reductions = [f for f in _facts(text) if f[0] == "poor_households_reduction"]
    assert reductions == [("poor_households_reduction", "Bình Liêu", 2023, 1236)]


def test_an_undated_figure_has_no_year_but_a_guess():
    text = (
        "Xã vùng cao vươn lên\n"
        "Năm 2022, xã Lục Bình có 120 hộ nghèo. Xã Lục Bình hiện còn 96 hộ nghèo.\n"
        "Năm 2022 là năm bản lề.\n"
    )
    doc = extract(text).to_json()
    by_value = {f["value"]: f for f in doc["facts"]}
    assert by_value[120]["year"] == 2022
    assert by_value[96]["year"] == 2022  # the sentence names none: the paragraph's time


def test_rates_carry_the_poverty_standard_they_are_measured_by():
    doc = extract(
        "Giảm nghèo ở Hà Giang\n"
        "Theo chuẩn nghèo đa chiều giai đoạn 2016-2020, cuối năm 2018 tỷ lệ hộ nghèo của tỉnh "
        "Hà Giang còn 27,3%. Cuối năm 2023, tỷ lệ hộ nghèo của tỉnh còn 30,2%. Năm 2014, "
        "toàn tỉnh còn 48.000 hộ nghèo.",
        published="2024-01-02",
    ).to_json()
    got = {f["value"]: f["standard"] for f in doc["facts"]}
    assert got == {27.3: "2016-2020", 30.2: "2021-2025", 48000: "2011-2015"}


def test_lowest_in_the_country_keeps_the_regions_figure():
    got = _facts(
        "Kết quả rà soát hộ nghèo\nNăm 2022, vùng Đông Nam Bộ có tỷ lệ hộ nghèo thấp nhất cả "
        "nước với 0,21%. Tỷ lệ hộ nghèo chung cả nước là 4,03%.",
        published="2023-02-02",
    )
    assert got == [
        ("poverty_rate", "Đông Nam Bộ", 2022, 0.21),
        ("poverty_rate", "Việt Nam", 2022, 4.03),
    ]


@pytest.mark.parametrize(
    ("outlets", "text", "published", "url", "facts"),
    [
        (  # a province's paper or portal names it
            {
                "https://baodaklak.vn/xa-hoi/a.html": "Đắk Lắk",
                "http://www.yenbai.gov.vn:443/tin": "Yên Bái",
                "https://vietnamnet.vn/giam-ngheo": None,
            },
            "Giảm nghèo bền vững\nNăm 2019, tỷ lệ hộ nghèo toàn tỉnh còn 11,56%.",
            "2020-01-05",
            "https://baoyenbai.com.vn/12/1.aspx",
            [("Yên Bái", 11.56)],
        ),
        (  # "ktv.org.vn" is Khánh Hòa's station (patterns/outlets.jsonl); a host that only
            # contains such a name is not it
            {
                "https://ktv.org.vn/khong-phan-loai/a/": "Khánh Hòa",
                "http://www.baodongkhoi.vn/a": "Bến Tre",
                "https://notktv.org.vn/a": None,
            },
            "Đôn đốc các chương trình mục tiêu quốc gia\nNăm 2024, toàn tỉnh còn 4.650 hộ nghèo.",
            "2024-08-01",
            "https://ktv.org.vn/x/",
            [("Khánh Hòa", 4650)],
        ),
    ],
    ids=["province-paper", "station-known-by-another-name"],
)
def test_a_province_known_only_from_the_outlet(outlets, text, published, url, facts):
    from vnfacts.link import province_of_outlet

    for outlet, name in outlets.items():
        place = province_of_outlet(outlet)
        assert (place["name"] if place else None) == name
    doc = extract(text, published=published, url=url).to_json()
    assert [(f["locality"]["name"], f["value"]) for f in doc["facts"]] == facts


def test_a_village_profile_in_general_news_gives_no_facts():
    text = (
        "Làng tỷ phú bên sông\n"
        "Năm 2023, làng Phương La có 1.200 hộ với gần 5.000 nhân khẩu, hơn 100 tỷ phú nhờ "
        "nghề dệt.\n"
    )
    assert _facts(text) == []
    # on topic (named more than in passing): the same figures count
    assert _facts(text + "Làng không còn hộ nghèo nhờ chương trình giảm nghèo.\n")


def test_a_programme_named_once_in_passing_does_not_make_an_article_on_the_topic():
    text = (
        "Giải ngân vốn đầu tư công còn chậm\n"
        "Tính đến ngày 31/3/2017, giải ngân vốn đầu tư công đạt 120.500 tỷ đồng, đạt 35,2% kế "
        "hoạch; trong đó vốn các Chương trình mục tiêu quốc gia là 2.100 tỷ đồng, đạt 20,1% kế "
        "hoạch.\n"
    )
    assert _facts(text, published="2017-04-05") == []
    again = "Chương trình mục tiêu quốc gia giảm nghèo bền vững được ưu tiên bố trí vốn.\n"
    assert ("disbursement_rate", None, 2017, 35.2) in _facts(text + again, published="2017-04-05")


def test_a_workers_pay_or_a_shares_earnings_is_no_average_income_off_topic():
    text = (
        "Doanh nghiệp dệt may tuyển thêm lao động\n"
        "Năm 2017, thu nhập bình quân của công nhân đạt 7,5 triệu đồng/tháng; thu nhập bình "
        "quân trên mỗi cổ phần (EPS) đạt 3.200 đồng.\n"
    )
    assert _facts(text, published="2017-06-01") == []


def test_a_text_that_names_no_place_takes_its_address_or_the_country():
    from vnfacts.link import place_of_url_words, province_of_outlet

    # a district portal under its province's domain spells the province, label by label
    assert province_of_outlet("https://bacson.langson.gov.vn/a")["name"] == "Lạng Sơn"
    slug = "https://donghuong.com/tin-tuc/tien-ph%C6%B0%E1%BB%9Bc-co-11-14-xa-dat-chuan-ntm"
    assert place_of_url_words(slug)["name"] == "Tiên Phước"
    assert place_of_url_words("https://vov.vn/giam-ngheo-ben-vung-nhin-lai-5405.vov") is None
    # a section of the address is no headline; a name inside the headline may be any word's
    assert place_of_url_words("https://vietnamnet.vn/xa-hoi/hop-ban-giam-ngheo-12.html") is None
    assert place_of_url_words("https://x.vn/thoi-su/khat-vong-hoa-binh-giam-ngheo.html") is None
    # a hyphenated provincial portal spells its province
    assert province_of_outlet("https://baria-vungtau.gov.vn/a")["name"] == "Bà Rịa - Vũng Tàu"
    # a commune after its level word, inside its district and the outlet's province
    commune = "https://baonghean.vn/xa-dien-lien-dien-chau-don-nhan-bang-ntm-277453.html"
    assert place_of_url_words(commune, "Nghệ An")["name"] == "Diễn Liên"
    assert place_of_url_words(commune, "Nghệ An")["district"] == "Diễn Châu"
    assert place_of_url_words(commune, "Thanh Hóa") is None  # not the outlet's province
    excerpt = (
        "Năm 2020, toàn huyện đạt 18/20 chỉ tiêu. Trong năm, tỷ lệ hộ nghèo còn 4,5%, hộ cận "
        "nghèo còn 2,6%."
    )
    national = (
        "Kết quả giảm nghèo giai đoạn 2021-2025\nĐến cuối năm 2025, tỷ lệ hộ nghèo đa chiều "
        "còn 1,3%, bình quân mỗi năm giảm 1,1%."
    )
    by_slug = extract(excerpt, published="2021-01-02", url=slug).to_json()["facts"]
    by_outlet = extract(national, published="2026-01-05", url="https://vov.vn/a-1.vov")
    pasted = extract(national, published="2026-01-05")  # no address: no place to guess
    assert {f["locality"]["name"] for f in by_slug} == {"Tiên Phước"}
    assert {f["locality"]["name"] for f in by_outlet.to_json()["facts"]} == {"Việt Nam"}
    assert {(f["locality"] or {}).get("name") for f in pasted.to_json()["facts"]} == {None}
    # a national outlet's text that speaks of one unnamed local unit is no national report
    local = "Giảm nghèo\nNăm 2023, toàn huyện còn 1.200 hộ nghèo, tỷ lệ hộ nghèo 12,5%."
    facts = extract(local, published="2024-01-05", url="https://vov.vn/a-2.vov").to_json()
    assert {(f["locality"] or {}).get("name") for f in facts["facts"]} == {None}


def test_a_district_known_only_from_its_portal():
    from vnfacts.link import district_of_outlet

    assert district_of_outlet("https://binhlieu.gov.vn/tin-tuc/456")["name"] == "Bình Liêu"
    assert district_of_outlet("https://huonghoa.quangtri.gov.vn/a")["province"] == "Quảng Trị"
    assert district_of_outlet("https://chauthanh.gov.vn/") is None  # a name of many districts
    assert district_of_outlet("https://baolaocai.vn/x") is None  # a province's paper
    text = "Hội nghị tổng kết\nNăm 2020, toàn huyện còn 1.946 hộ nghèo, chiếm 13,7%."
    doc = extract(text, published="2021-03-21", url="https://binhlieu.gov.vn/tin/1").to_json()
    assert [(f["locality"]["name"], f["value"]) for f in doc["facts"]] == [
        ("Bình Liêu", 1946),
        ("Bình Liêu", 13.7),
    ]


def test_money_far_from_the_topic_in_an_article_that_names_it_in_passing_gives_no_facts():
    # the topic is named twice, but only in the closing lines, far from the investment
    filler = (
        "Các dự án tập trung tại khu công nghiệp Phú Mỹ và Châu Đức, chủ yếu sản xuất vật liệu "
        "xây dựng, linh kiện điện tử và chế biến thủy sản xuất khẩu. Lãnh đạo tỉnh cam kết tạo "
        "mọi điều kiện thuận lợi về thủ tục hành chính, mặt bằng và hạ tầng cho các nhà đầu tư "
        "trong và ngoài nước, đồng thời đề nghị các doanh nghiệp sớm triển khai dự án đúng tiến "
        "độ đã đăng ký, bảo đảm môi trường và sử dụng lao động địa phương.\n"
    )
    closing = (
        "Dịp này, các doanh nghiệp tham gia tích cực hoạt động an sinh xã hội, ủng hộ Quỹ Vì "
        "người nghèo của tỉnh.\n"
    )
    investment = (
        "Thu hút đầu tư đầu năm\nNgày 6/2, UBND tỉnh Bà Rịa - Vũng Tàu trao giấy chứng nhận cho "
        "8 dự án với tổng vốn đầu tư 3.600 tỷ đồng.\n"
    )
    assert _facts(investment + filler + closing, published="2017-02-07") == []
    # the same money said to be for the programme, in its own passage, is a budget
    programme = (
        "Thu hút đầu tư đầu năm\nNăm 2017, tỉnh Bà Rịa - Vũng Tàu bố trí tổng vốn 36 tỷ đồng "
        "thực hiện Chương trình MTQG giảm nghèo bền vững.\n"
    )
    got = _facts(programme + filler + closing, published="2017-02-07")
    assert got == [("budget", "Bà Rịa - Vũng Tàu", 2017, 36000000000)]


def test_a_commune_known_only_from_its_portal():
    from vnfacts.link import commune_of_outlet

    portal = commune_of_outlet("http://thanhlam.bathuoc.thanhhoa.gov.vn/portal/KenhTin/a.aspx")
    assert (portal["name"], portal["district"]) == ("Thành Lâm", "Bá Thước")
    assert commune_of_outlet("http://xabaohieu.hoabinh.gov.vn/gioi-thieu")["name"] == "Bảo Hiệu"
    assert commune_of_outlet("https://huonghoa.quangtri.gov.vn/a") is None  # a district's
    text = "Giới thiệu chung\nHiện nay, toàn xã có 869 hộ nghèo, tỷ lệ hộ nghèo chiếm 26,58%."
    doc = extract(
        text, published="2024-03-01", url="http://thanhlam.bathuoc.thanhhoa.gov.vn/portal/a"
    ).to_json()
    assert {f["locality"]["name"] for f in doc["facts"]} == {"Thành Lâm"}


def test_a_province_portal_s_district_section_names_the_district():
    from vnfacts.link import district_of_outlet

    url = "http://www.ninhthuan.gov.vn/chinhquyen/thuannam/Pages/Thuan-Nam-ty-le.aspx"
    assert district_of_outlet(url)["name"] == "Thuận Nam"
    assert district_of_outlet("https://baoninhthuan.com.vn/news/kinh-te/a.htm") is None
    # a segment under another section (documents, topics) names no district of its own
    assert district_of_outlet("http://www.ninhthuan.gov.vn/vanban/thuannam/a.aspx") is None
    text = "Tin khác\nNăm 2019, tổng số hộ nghèo trên địa bàn huyện giảm xuống còn 1.210 hộ."
    doc = extract(text, published="2019-11-05", url=url).to_json()
    assert [(f["locality"]["name"], f["value"]) for f in doc["facts"]] == [("Thuận Nam", 1210)]


@pytest.mark.parametrize(
    ("published", "place"),
    [
        # before 2025 "thành phố Huế" was Thừa Thiên Huế's capital, a district-level city
        ("2017-05-01", ("Huế", "district", "Thừa Thiên Huế")),
        # from 2025 the province itself is the city of Huế
        ("2026-01-05", ("Huế", "province", None)),
    ],
)
def test_the_city_of_hue_is_the_capital_before_2025_and_the_province_after(published, place):
    year = int(published[:4]) - 1
    text = (
        f"Huế giảm nghèo\nNăm {year}, thành phố Huế còn 2,1% hộ nghèo; thành phố phấn đấu "
        f"giảm tỷ lệ hộ nghèo còn dưới 1,5% vào năm {year + 2}."
    )
    facts = extract(text, published=published).to_json()["facts"]
    assert {
        (f["locality"]["name"], f["locality"]["level"], f["locality"].get("province"))
        for f in facts
    } == {place}
    assert sorted(f["value"] for f in facts) == [1.5, 2.1]
