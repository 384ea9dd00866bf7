"""Cleaning on the five real seed pages: metadata, boilerplate, body."""

from __future__ import annotations

from pathlib import Path

import pytest
from vnfacts import extract
from vnfacts.clean import author_name, is_date_line, looks_vietnamese, parse_date

from tests.conftest import block_of

TITLES = {
    "000_315fccd7b617973e": "Nậm Nhùn - Lai Châu: Tăng cường công tác xóa đói, giảm nghèo, "
    "cải thiện cuộc sống người dân",
    "001_071bd52c43493f22": "Lai Châu: Triển khai hiệu quả các chính sách, chương trình giảm nghèo, "
    "tạo sinh kế giúp người dân thoát nghèo bền vững",
    "002_18b273a5c1c34203": "Giải pháp triển khai công tác giảm nghèo đối với 10 xã có tỷ lệ hộ nghèo cao",
    "003_8bb7c323e6b1daaf": "Bình Gia (Lạng Sơn): Tập trung mọi nguồn lực đầu tư để xóa đói giảm nghèo",
    "004_4479d55d298e7c9c": "Lục Bình thực hiện hiệu quả công tác giảm nghèo",
}

# 002 and 004 print no date of their own (004's only date is a plan's, in the body).
DATES = {
    "000_315fccd7b617973e": "2024-03-29",
    "001_071bd52c43493f22": "2024-08-12",
    "002_18b273a5c1c34203": None,
    "003_8bb7c323e6b1daaf": "2024-12-01",  # not the site's 2019 clock above the title
    "004_4479d55d298e7c9c": None,
}

AUTHORS = {
    "000_315fccd7b617973e": "Việt Dũng",
    "001_071bd52c43493f22": "Khánh Linh",
    "002_18b273a5c1c34203": None,
    "003_8bb7c323e6b1daaf": "Thúy Hồng",
    "004_4479d55d298e7c9c": None,
}


@pytest.mark.parametrize("doc_id", sorted(TITLES))
def test_title_date_author(seeds, doc_id):
    meta = seeds[doc_id].meta
    assert meta.title == TITLES[doc_id]
    assert meta.published == DATES[doc_id]
    assert meta.author == AUTHORS[doc_id]


def _lines_from(doc, first_line: str) -> list[str]:
    lines = [ln.strip() for ln in doc.text.splitlines() if ln.strip()]
    return lines[lines.index(first_line) :]


def test_002_sidebar_and_widgets_are_boilerplate(seeds):
    doc = seeds["002_18b273a5c1c34203"]
    sidebar = _lines_from(doc, "Có thể bạn quan tâm")
    assert len(sidebar) > 20
    furniture = [
        "0:00 / 0:00",
        "0:00",
        "• Nam miền Bắc",
        "• Nữ miền Nam",
        "IMG_7489.jpg",
        "IMG_7488.jpg",
    ]
    for line in sidebar + furniture:
        assert block_of(doc, line).is_boilerplate, line


def test_003_sidebar_header_and_captions_are_boilerplate(seeds):
    doc = seeds["003_8bb7c323e6b1daaf"]
    sidebar = _lines_from(doc, "Ý kiến độc giả")
    assert len(sidebar) > 30
    header = ["Analytic", "Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27"]
    captions = [
        "Ông Nông Ngọc Nam, Phó Chủ tịch UBND huyện Bình Gia, tỉnh Lạng Sơn",
        "Nhiều gia đình hộ nghèo, hộ cận nghèo được hỗ trợ phát triển sản xuất",
        "Từ các dự án của Chương trình mục tiêu quốc gia giảm nghèo bền vững đã",
    ]
    for line in sidebar + header + captions:
        assert block_of(doc, line).is_boilerplate, line


BODY_002 = [
    "Tại Hội nghị đánh giá kết quả 3 năm",
    "Những năm qua, được sự quan tâm đặc biệt",
    "Dù đạt được nhiều kết quả trong công tác giảm nghèo",
    "Trong 3 năm qua, xã Pa Cheo",
    "Nhờ sự đôn đốc, hướng dẫn",
    "Đặc biệt, chương trình xóa nhà tạm",
    "Qua 3 năm triển khai kế hoạch",
    "Xã Hoàng Thu Phố (Bắc Hà) có tổng số 590 hộ",
    "Tư vấn, giới thiệu người dân đi làm việc",
    "Thời gian tới, xã Hoàng Thu Phố",
    # section heads: name and role of the official the section is about
    "Ông Nguyễn Quang Đại",
    "Chủ tịch UBND xã La Pan Tẩn (Mường Khương)",
    "Bí thư Đảng ủy xã Pa Cheo (Bát Xát)",
]

BODY_003 = [
    "Với sự vào cuộc của cả hệ thống chính trị",
    "PV: Chương trình mục tiêu quốc gia",
    "Ông Nông Ngọc Nam, Phó Chủ tịch UBND huyện Bình Gia: Xác định",
    "Nhờ đó, đến hết năm 2023, toàn huyện còn 2.100 hộ nghèo",
    "Ông Nông Ngọc Nam, Phó Chủ tịch UBND huyện Bình Gia: Hiện nay",
    "Đồng thời, huy động vận động mọi nguồn lực",
]


@pytest.mark.parametrize(
    ("doc_id", "body"), [("002_18b273a5c1c34203", BODY_002), ("003_8bb7c323e6b1daaf", BODY_003)]
)
def test_body_paragraphs_are_content(seeds, doc_id, body):
    doc = seeds[doc_id]
    for line in body:
        assert not block_of(doc, line).is_boilerplate, line


def test_every_body_line_of_003_between_header_and_comments_is_content_or_caption(seeds):
    doc = seeds["003_8bb7c323e6b1daaf"]
    kinds = {b.kind for b in doc.blocks}
    assert {"title", "dateline", "body", "caption", "boilerplate"} <= kinds
    body = [b for b in doc.blocks if b.kind == "body"]
    assert len(body) == 20  # counted by reading the page


def test_000_and_004_widgets_and_repeated_captions(seeds):
    d0 = seeds["000_315fccd7b617973e"]
    assert block_of(d0, "C:\\Users\\windows\\Desktop").is_boilerplate
    assert (
        block_of(d0, "Nậm Nhùn là huyện biên giới còn nhiều khó khăn của tỉnh Lai Châu. Ảnh").kind
        == "caption"
    )
    assert block_of(d0, "Ý kiến của bạn").is_boilerplate
    assert block_of(d0, "Việt Dũng").kind == "byline"
    d4 = seeds["004_4479d55d298e7c9c"]
    repeated = [b for b in d4.blocks if b.reason == "repeated-line"]
    assert len(repeated) == 4  # two captions, each printed twice
    assert block_of(d4, "Xem thêm").is_boilerplate
    assert not block_of(d4, "Chủ tịch UBND xã Lục Bình, ông Nguyễn Văn Hậu").is_boilerplate


def test_cleaning_never_shifts_offsets(seeds):
    for doc in seeds.values():
        original = Path(doc.source).read_bytes().decode("utf-8")
        assert doc.text == original
        for block in doc.blocks:
            assert doc.text[block.start : block.end].strip() == doc.text[block.start : block.end]
            assert block.end > block.start


def test_title_given_by_jsonl_field_is_found_in_text():
    text = "Tin mới\nHà Giang giảm nghèo nhanh ở các huyện vùng cao\n" + (
        "Tỷ lệ hộ nghèo của tỉnh Hà Giang giảm còn 20,5% vào cuối năm 2023, giảm hơn 5% so với năm trước. "
        * 2
    )
    doc = extract(text)
    assert doc.meta.title == "Hà Giang giảm nghèo nhanh ở các huyện vùng cao"
    assert doc.blocks[0].is_boilerplate


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("09:14 AM 29/03/2024", "2024-03-29"),
        ("Thúy Hồng - 08:31, 01/12/2024", "2024-12-01"),
        ("Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27", "2019-08-23"),
        ("Cập nhật: 2023-11-05 10:00", "2023-11-05"),
        ("31/02/2024", None),
        # a portal's stamp with the month in words, capitalized; an English site's date
        ("Tin tức sự kiện 28 Tháng Mười Một 2012 9:10:00 SA", "2012-11-28"),
        ("Monday, March 4, 2019", "2019-03-04"),
        # the month first, as WordPress stamps a Vietnamese site
        ("Thứ Hai, Tháng Sáu 17, 2024", "2024-06-17"),
        # a half-year in a headline is no date
        ("Sơ kết 6 tháng năm 2024", None),
    ],
)
def test_parse_date(line, expected):
    date = parse_date(line)
    assert (date.isoformat() if date else None) == expected


def test_a_site_s_welcome_language_switch_and_clock_are_no_headline():
    text = (
        "Chào mừng quý vị đến với website xã Tân Phú - huyện Châu Thành\n"
        "Tiếng Việt | English\n"
        "Thứ Hai, Tháng Sáu 17, 2024\n"
        "Giới thiệu khái quát xã Tân Phú\n"
        "Xã Tân Phú có diện tích tự nhiên 25,1 km2, dân số 9.812 người với 2.310 hộ. "
        "Năm 2023, tỷ lệ hộ nghèo của xã còn 1,2%."
    )
    doc = extract(text)
    assert doc.meta.title == "Giới thiệu khái quát xã Tân Phú"
    assert doc.meta.published == "2024-06-17"
    assert [b.is_boilerplate for b in doc.blocks[:3]] == [True, True, True]
    # a welcome to a congress is news, no furniture
    congress = extract(
        "Chào mừng đại hội Đảng các cấp nhiệm kỳ 2025-2030\nNăm 2024, xã còn 45 hộ nghèo."
    )
    assert congress.meta.title == "Chào mừng đại hội Đảng các cấp nhiệm kỳ 2025-2030"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a section's name over a headline long enough to read as a lead, over its dateline
        (
            "Xã hội\n"
            "Hơn 120 triệu đồng ủng hộ Quỹ Vì người nghèo huyện Phú Hòa năm 2023\n"
            "Thứ Năm, 02/11/2023\n"
            "Hưởng ứng Tháng cao điểm “Vì người nghèo”, đến nay Ban Vận động Quỹ huyện đã "
            "tiếp nhận hơn 120 triệu đồng từ 15 cơ quan, đơn vị.",
            "Hơn 120 triệu đồng ủng hộ Quỹ Vì người nghèo huyện Phú Hòa năm 2023",
        ),
        # a site's section and its menu entry, repeated, over the headline
        (
            "Tuyên truyền về giảm nghèo bền vững\n"
            "Tỷ lệ hộ nghèo của huyện Mường Nhé còn 28,5% vào cuối năm 2021\n"
            "Ngày cập nhật: 05/01/2022 9:12:40 SA\n"
            "Huyện Mường Nhé là một trong 74 huyện nghèo của cả nước, năm 2021 giảm được "
            "1.120 hộ nghèo.",
            "Tỷ lệ hộ nghèo của huyện Mường Nhé còn 28,5% vào cuối năm 2021",
        ),
        # a headline that names its place, then a byline or a subtitle over the dateline
        (
            "Mường Nhé giảm nghèo bền vững\n"
            "Nguyễn Văn Minh - Trần Thị Hoa - Lê Văn Tám (Báo Điện Biên Phủ)\n"
            "05/01/2022\n"
            "Năm 2021, huyện Mường Nhé giảm 1.120 hộ nghèo, tỷ lệ hộ nghèo còn 28,5%.",
            "Mường Nhé giảm nghèo bền vững",
        ),
        (
            "Mường Nhé giảm nghèo bền vững\n"
            "Nhiều giải pháp đồng bộ giúp huyện biên giới giảm hơn 1.000 hộ nghèo\n"
            "Thứ Năm, 05/01/2022 09:15\n"
            "Năm 2021, huyện Mường Nhé giảm 1.120 hộ nghèo, tỷ lệ hộ nghèo còn 28,5%.",
            "Mường Nhé giảm nghèo bền vững",
        ),
        # a line of the page's data over the dateline is no headline
        (
            "SIMACAI ĐI LÊN NHỜ CHƯƠNG TRÌNH 30A\n"
            "Chuyên mục: PHIM TÀI LIỆU | Lượt xem : 10,365\n"
            "Ngày đăng: 04/01/2019\n"
            "Sau 10 năm thực hiện Chương trình 30a, tỷ lệ hộ nghèo của huyện Si Ma Cai giảm "
            "mạnh, đời sống người dân được cải thiện.",
            "SIMACAI ĐI LÊN NHỜ CHƯƠNG TRÌNH 30A",
        ),
    ],
)
def test_the_headline_over_its_dateline_under_a_section_label(text: str, title: str):
    assert extract(text).meta.title == title


@pytest.mark.parametrize(
    "furniture",
    ["Đà Nẵng: 27°C Đà Nẵng", "• Hà Nội Hà Nội 20°C", "Số lượt truy cập: 1209", "Mặc định Cỡ chữ"],
)
def test_a_site_s_weather_visit_counter_and_font_size_over_the_headline(furniture: str):
    text = (
        f"{furniture}\n"
        "Huyện Bắc Sơn có 483 hộ thoát nghèo năm 2020\n"
        "Năm 2020, toàn huyện Bắc Sơn có 483 hộ thoát nghèo, tỷ lệ hộ nghèo còn 7,2%.\n"
    )
    doc = extract(text)
    assert doc.blocks[0].is_boilerplate
    assert doc.meta.title == "Huyện Bắc Sơn có 483 hộ thoát nghèo năm 2020"


def test_a_file_name_with_a_date_is_no_dateline():
    # a video still's name under the lead (its date the day it was grabbed): the text stays
    # undated; a dateline above it still dates it
    body = (
        "Thu nhập bình quân đầu người huyện Châu Thành tăng mạnh\n"
        "(THTG) Trong những năm qua, huyện Châu Thành đã huy động mọi nguồn lực phát triển kinh "
        "tế, thu nhập bình quân đầu người đạt 66 triệu đồng/người/năm.\n"
        "vlcsnap-2023-11-28-09h57m33s517.png\n"
        "Đến nay, tỷ lệ hộ nghèo của huyện còn 0,8%.\n"
    )
    assert extract(body).meta.published is None
    dated = body.replace("\n(THTG)", "\n27/11/2023 10:15\n(THTG)", 1)
    assert extract(dated).meta.published == "2023-11-27"


def test_date_line_versus_prose():
    assert is_date_line("Thứ Hai, 15/01/2024 | 10:30")
    # a byline before the weekday, a time zone; a date and time before the bylines
    assert is_date_line("Minh Anh - Quốc Toàn Thứ năm, ngày 07/03/2024 10:15 AM (GMT+7)")
    assert is_date_line("12/09/2023 08:40 GMT+7 Hoàng Long - Ngọc Mai")
    assert not is_date_line(
        "UBND xã đã ban hành Kế hoạch số 54/KH-UBND ngày 31/3/2023 về việc giảm nghèo năm 2023."
    )


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Khánh Linh", "Khánh Linh"),
        ("Kim Thanh (T/h)", "Kim Thanh"),
        ("Theo TTXVN", "TTXVN"),
        ("Xem thêm các tin khác về giảm nghèo.", None),
        ("Năm 2024", None),
    ],
)
def test_author_name(line, name):
    assert author_name(line) == name


def test_not_vietnamese_is_an_error_record():
    english = "The poverty rate of the province fell to 8.9 percent at the end of the year. " * 10
    assert not looks_vietnamese(english)
    doc = extract(english)
    assert [e.code for e in doc.errors] == ["not_vietnamese"]
    assert doc.facts == []


def test_short_title_above_the_lead():
    text = (
        "Nhân sự mới\n"
        "Ông Nguyễn Văn A được bầu giữ chức Chủ tịch UBND tỉnh nhiệm kỳ 2021 - 2026 với số phiếu tán thành cao.\n"
        "Ông A sinh năm 1970, quê ở huyện Bình Gia, từng giữ nhiều cương vị tại địa phương.\n"
    )
    doc = extract(text)
    assert doc.meta.title == "Nhân sự mới"
    assert doc.blocks[0].kind == "title"
    assert doc.blocks[1].kind == "body"


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            " date 2025-09-15 Thái Nguyên là tỉnh trung du miền núi phía Bắc, có 1,3 triệu dân.\nHộ nghèo còn 2%.",
            "2025-09-15",
        ),
        (
            "Huyện Thạnh Phú giảm nghèo\n\nNgày đăng bài: 10/12/2019\n\nNăm 2019, huyện giảm 2,7% hộ nghèo.",
            "2019-12-10",
        ),
        (
            "VĂN HÓA - XÃ HỘI\n\nTỷ lệ hộ nghèo năm 2018 của tỉnh Phú Thọ thấp\n\n13/08/2019 16:00 CH\n\nTheo kết quả rà soát, tỉnh còn 3% hộ nghèo.",
            "2019-08-13",
        ),
        (
            "Thứ Tư, 22 tháng 5, 2019\n\nTP HCM không còn hộ nghèo theo chuẩn quốc gia\n\nThành phố đã hoàn thành mục tiêu giảm nghèo.",
            "2019-05-22",
        ),
        (
            "Đakrông: Tỉ lệ hộ nghèo giảm 5,15%\n\n(QT) - Sáng nay 12.11.2019, UBND huyện Đakrông tổ chức hội nghị tổng kết.",
            "2019-11-12",
        ),
        (
            "Họp đôn đốc các chương trình mục tiêu quốc gia\nĐã đăng vào 04/11/2024 lúc 16:20Sáng 4/11, UBND tỉnh họp về giảm nghèo.",
            "2024-11-04",
        ),
        (
            "Trang chủ\nCập nhật lúc 09:12, Thứ Hai, 08/01/2018 (GMT+7)\nToàn tỉnh còn 4,2% hộ nghèo\nNăm 2017, tỉnh giảm 2.100 hộ nghèo.",
            "2018-01-08",
        ),
        (
            "Bình Thuận giảm 1.500 hộ nghèo (20/12/2023)\nNăm 2023, toàn tỉnh giảm 1.500 hộ nghèo, vượt kế hoạch.",
            "2023-12-20",
        ),
        (
            "Giảm nghèo ở vùng cao\n"
            + "".join(f"- Mục {i}\n" for i in range(9))
            + "Quang Huy - 10:05, 15/03/2021\nNăm 2020, huyện còn 12% hộ nghèo.",
            "2021-03-15",
        ),
        (
            "Tân Uyên còn 3,1% hộ nghèo\nMinh Anh - Quốc Toàn Thứ năm, ngày 07/03/2024 10:15 AM (GMT+7)\n"
            "Năm 2023, huyện Tân Uyên giảm 640 hộ nghèo.",
            "2024-03-07",
        ),
    ],
)
def test_the_articles_own_date_near_the_top(text: str, published: str):
    from vnfacts import extract

    assert extract(text).meta.published == published


def test_a_date_inside_a_sentence_lower_down_is_no_article_date():
    from vnfacts import extract

    text = (
        "Giảm nghèo ở vùng cao\n"
        + "".join(f"- Mục {i}\n" for i in range(9))
        + "Theo số liệu cập nhật 31/12/2022, huyện còn 12% hộ nghèo.\nNăm 2022, huyện giảm 2,1%."
    )
    assert extract(text).meta.published is None


def test_a_report_number_s_date_is_no_article_date():
    from vnfacts import extract

    text = "CÁC CHỈ TIÊU KINH TẾ XÃ HỘI NĂM 2019\n\n(Theo báo cáo số 330/BC-UBND ngày 06/12/2019)\n\nTỷ lệ hộ nghèo còn 4,17%."
    assert extract(text).meta.published is None


def test_a_lead_shown_twice_keeps_its_first_copy():
    lead = (
        "Theo Ban Chỉ đạo xây dựng nông thôn mới tỉnh, thu nhập của người dân khu vực nông "
        "thôn tăng từ 11,2 triệu đồng/năm (năm 2010) lên 15 triệu đồng/năm (năm 2012) và lên "
        "17 triệu đồng năm 2013, nhờ các mô hình sản xuất mới."
    )
    doc = extract(
        f"Thu nhập nông thôn tăng nhanh\n\n{lead}\n\n{lead}\n\nKết quả này góp phần giảm nghèo."
    )
    kinds = [b.kind for b in doc.blocks if doc.text[b.start : b.end] == lead]
    assert kinds == ["body", "caption"]
    assert [f["value"] for f in doc.facts if f["indicator"] == "average_income"] == [
        11200000,
        15000000,
        17000000,
    ]


def test_a_clock_to_the_second_is_the_page_s_not_the_article_s_date():
    text = (
        "Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27\n"
        "Đắk Nông công bố kết quả rà soát hộ nghèo năm 2020\n"
        "Năm 2020, tỷ lệ hộ nghèo của tỉnh Đắk Nông còn 6,98%."
    )
    doc = extract(text)
    assert doc.meta.published is None
    assert [(f["year"], f["status"]) for f in doc.facts] == [(2020, "actual")]
    dated = extract(text.replace(", 09:25:27", ""))
    assert dated.meta.published == "2019-08-23"


def test_a_stamp_to_the_second_under_the_title_is_the_article_s_date():
    text = (
        "Xã hội\n"
        "Thứ 4, 26/03/2025 | 16:49:01 [(GMT +7)]\n"
        "Quảng Ngãi đẩy nhanh tiến độ xóa nhà tạm, nhà dột nát\n"
        "Thứ 4, 26/03/2025 | 16:49:01 [(GMT +7)]\n"
        "Đến nay, toàn tỉnh Quảng Ngãi đã xây mới và sửa chữa được hơn 1.300 nhà cho hộ nghèo."
    )
    doc = extract(text)
    assert doc.meta.published == "2025-03-26"
    assert [(f["value"], f["year"]) for f in doc.facts] == [(1300, 2025)]


def test_a_target_paragraph_shown_twice_keeps_its_first_copy_but_a_caption_does_not():
    target = (
        "Năm 2025, mục tiêu giảm nghèo của tỉnh Lai Châu là tỷ lệ hộ nghèo ở các huyện nghèo "
        "giảm từ 4 - 5%/năm theo chuẩn nghèo đa chiều."
    )
    caption = (
        "Đoàn công tác của tỉnh kiểm tra việc thực hiện Chương trình giảm nghèo bền vững tại "
        "xã Lục Bình, huyện Bạch Thông."
    )
    # a photo's caption that states a figure opens like a caption, however long
    photo = (
        "Lãnh đạo huyện Bảo Lạc bàn giao 20 căn nhà đại đoàn kết cho các hộ nghèo tại xã "
        "Cô Ba nhân dịp Tết Nguyên đán năm 2024."
    )
    text = (
        f"Giảm nghèo bền vững\n\n{target}\n\n{target}\n\n{caption}\n\n{caption}\n\n"
        f"{photo}\n\n{photo}\n\nHết."
    )
    doc = extract(text, published="2025-01-10")
    kinds = {
        which: [b.kind for b in doc.blocks if doc.text[b.start : b.end] == line]
        for which, line in (("target", target), ("caption", caption), ("photo", photo))
    }
    assert kinds == {
        "target": ["body", "caption"],
        "caption": ["caption", "caption"],
        "photo": ["caption", "caption"],
    }
    assert [(f["indicator"], f["value"], f["status"]) for f in doc.facts] == [
        ("poverty_rate_reduction", 4, "target")
    ]


def test_a_site_menu_is_no_title_and_a_headline_over_its_lead_is_no_caption():
    menu = "\n".join(
        f"- {item}"
        for item in (
            "Tin tức - Sự kiện",
            "Giáo dục lý luận chính trị",
            "Lịch sử Đảng",
            "Văn hóa - Văn nghệ",
            "Công tác dân vận",
            "Tin hoạt động cơ sở",
            "Chuyên đề",
            "Văn bản phát hành",
            "Xây dựng Đảng",
            "Kỷ niệm các ngày lễ lớn",
            "Thông tin tuyên truyền",
            "Liên hệ",
        )
    )
    headline = "Thành phố Tam Kỳ phấn đấu giảm tỷ lệ hộ nghèo còn dưới 1% vào năm 2025"
    lead = (
        "Thành phố Tam Kỳ phấn đấu giảm tỷ lệ hộ nghèo chung toàn thành phố từ 2,1% theo kết "
        "quả rà soát cuối năm 2021 xuống còn dưới 1% vào năm 2025; bình quân giảm 0,2-0,3%/năm "
        "theo chuẩn nghèo đa chiều giai đoạn 2022-2025."
    )
    doc = extract(f"{menu}\n{headline}\n{lead}\nĐó là mục tiêu thành phố đặt ra.")
    assert all(b.is_boilerplate for b in doc.blocks if doc.text[b.start : b.end].startswith("- "))
    assert not any(b.kind == "caption" for b in doc.blocks)
    facts = {(f["indicator"], f["value"], f["year"], f["status"]) for f in doc.facts}
    assert ("poverty_rate", 2.1, 2021, "actual") in facts
    assert ("poverty_rate", 1, 2025, "target") in facts


def test_list_items_that_open_alike_are_no_caption_pair():
    text = (
        "Thông tin chung tỉnh Điện Biên\n\n"
        "6. Tỷ lệ hộ nghèo:\n\n"
        "– Tỷ lệ hộ nghèo, cận nghèo năm 2023; cụ thể: tỷ lệ hộ nghèo hộ cận nghèo\n\n"
        "+ Tỷ lệ hộ nghèo: 18,25%.\n\n"
        "+ Tỷ lệ hộ cận nghèo: 9,40%.\n"
    )
    doc = extract(text)
    assert not any(b.kind == "caption" for b in doc.blocks)
    assert sorted((f["indicator"], f["value"]) for f in doc.facts) == [
        ("near_poverty_rate", 9.4),
        ("poverty_rate", 18.25),
    ]


def test_a_bulleted_lead_of_figures_is_no_site_menu():
    text = (
        "- Năm 2023, tỷ lệ hộ nghèo tỉnh Sơn La còn 12,6%.\n"
        "- Số hộ nghèo toàn tỉnh còn 35.800 hộ.\n"
        "- Thu nhập bình quân đầu người đạt 42 triệu đồng.\n"
    )
    doc = extract(text, published="2024-01-05")
    assert ("poverty_rate", 12.6) in {(f["indicator"], f["value"]) for f in doc.facts}


def test_a_toolbar_under_the_title_is_no_start_of_the_comments():
    # "Chia sẻ · Bình luận · In bài viết" under a headline: the article follows it
    text = (
        "Tin tức\nXã hội\nSau hơn 2 tháng tỉnh Quảng Bình đã xóa 1.081 ngôi nhà tạm\n"
        "Tăng\naa\nGiảm\nChia sẻ Facebook\nBình luận\nIn bài viết\n"
        "Theo Sở Nông nghiệp và Môi trường tỉnh Quảng Bình, đến giữa tháng 3/2025, toàn tỉnh "
        "đã khởi công, xây mới, xóa 1.081 nhà tạm, nhà dột nát cho các hộ nghèo, hộ cận nghèo "
        "và gia đình chính sách trên địa bàn các huyện, thị xã và thành phố.\n"
        "Bình luận\nÝ kiến bạn đọc về bài viết này.\n"
    )
    doc = extract(text)
    body = block_of(doc, "Theo Sở Nông nghiệp")
    assert body.kind == "body"
    assert block_of(doc, "Ý kiến bạn đọc").kind == "boilerplate"  # the real comments


def test_a_header_line_with_a_hotline_is_furniture_not_the_title():
    text = (
        "Thứ bảy 14/03/2026 15:01 Hotline: 0326.050.977 Email: toasoan@example.vn\n\n"
        "Tag\n\nSau hơn 2 tháng tỉnh Quảng Bình đã xóa 1.081 ngôi nhà tạm, nhà dột nát\n\n"
        "Theo Sở Nông nghiệp và Môi trường tỉnh Quảng Bình, đến giữa tháng 3/2025, toàn tỉnh "
        "đã xóa 1.081 nhà tạm, nhà dột nát cho các hộ nghèo.\n"
    )
    doc = extract(text)
    assert block_of(doc, "Thứ bảy 14/03/2026").kind == "boilerplate"
    assert doc.meta.title.startswith("Sau hơn 2 tháng")


def test_a_box_of_related_links_inside_the_article_is_no_end_of_it():
    # "Bài liên quan" and three headlines set between two paragraphs: the article goes on
    text = (
        "Cần Thơ đẩy nhanh tiến độ xóa nhà tạm, nhà dột nát\n"
        "Tính đến đầu tháng 1/2025, thành phố Cần Thơ đã xây mới và sửa chữa 665 căn nhà cho hộ "
        "nghèo, hộ cận nghèo và gia đình chính sách trên địa bàn các quận, huyện.\n"
        "Bài liên quan\n"
        "Cần Thơ: Xây dựng 100 nhà ở cho hộ cận nghèo\n"
        "Thủ tướng phát động phong trào thi đua chung tay xóa nhà tạm\n"
        "Hơn 223 tỷ ủng hộ xóa nhà tạm tại An Giang\n"
        "Đến ngày 09/01/2025, đã có 7/9 quận, huyện và 47/80 xã, phường, thị trấn của thành phố "
        "hoàn thiện việc thành lập Ban Chỉ đạo xóa nhà tạm, nhà dột nát theo kế hoạch.\n"
        "Năm 2024, Quỹ Vì người nghèo thành phố đã hỗ trợ xây dựng 120 căn nhà Đại đoàn kết "
        "cho hộ nghèo với tổng kinh phí 6 tỷ đồng, vượt kế hoạch đề ra ở tất cả các quận, huyện.\n"
        "Tin cùng chuyên mục\nMột tin khác của trang\nTin thứ hai của trang\n"
    )
    doc = extract(text, published="2025-01-12")
    assert block_of(doc, "Hơn 223 tỷ").is_boilerplate  # the box
    assert block_of(doc, "Năm 2024, Quỹ").kind == "body"  # the article after it
    assert block_of(doc, "Một tin khác").is_boilerplate  # the page's real tail
    assert ("houses_supported", 120) in {(f["indicator"], f["value"]) for f in doc.facts}


def test_a_dateline_under_a_headline_below_a_sites_menus():
    # a portal's menus push the headline down; the date right under it is the article's
    menu = "".join(f"Mục {k} của trang\n\n" for k in range(8))
    text = (
        menu + "Hoàn Kiếm không còn hộ nghèo trên địa bàn\n02/07/2019 | 11:30  | Lượt xem: 558\n\n"
        "Ngày 2/7/2019, UBND quận Hoàn Kiếm tổ chức hội nghị tổng kết công tác giảm nghèo.\n"
        "Tin cùng chuyên mục\nQuận Ba Đình hỗ trợ hộ cận nghèo vươn lên\n29/08/2020\n"
    )
    assert extract(text).meta.published == "2019-07-02"
    # a date under a headline of the page's tail is no dateline of the article
    text = (
        menu + "Hoàn Kiếm không còn hộ nghèo trên địa bàn\n\n"
        "UBND quận Hoàn Kiếm tổ chức hội nghị tổng kết công tác giảm nghèo năm nay.\n"
        "Tin cùng chuyên mục\nQuận Ba Đình hỗ trợ hộ cận nghèo vươn lên\n29/08/2020\n"
    )
    assert extract(text).meta.published is None


def test_a_dateline_right_after_the_lead():
    # a portal prints its list of provinces, the headline, the lead, then the date and time
    provinces = "".join(f"  • Tỉnh thứ {k}\n" for k in range(40))
    text = (
        provinces + "\nTỷ lệ hộ nghèo trên địa bàn tỉnh Kiên Giang còn 1,28%\n\n"
        "(Chinhphu.vn) - Chiều 9/10, Ban Văn hóa - Xã hội HĐND tỉnh Kiên Giang họp thông qua "
        "báo cáo giám sát chương trình giảm nghèo bền vững\n\n10/10/2024 09:34\n"
        "Theo báo cáo, tỷ lệ hộ nghèo của tỉnh giảm qua từng năm.\n"
    )
    assert extract(text).meta.published == "2024-10-10"
    # a date without a time there is a figure's, not the article's
    text = text.replace("10/10/2024 09:34", "Số liệu đến 30/9/2024")
    assert extract(text).meta.published is None


def test_a_sites_clock_with_a_two_digit_year_is_no_title():
    # "Chủ nhật, 14-9-25 14:20:36": a weekday and a time to the second above the headline
    text = (
        "Chủ nhật, 14-9-25 14:20:36\n\nXã Hàng Vịnh chung tay xoá trắng hộ nghèo\n\n"
        "Hiện nay, xã Hàng Vịnh có 6 hộ nghèo, chiếm 0,12%; 12 hộ cận nghèo, chiếm 0,86%.\n"
    )
    doc = extract(text)
    assert doc.meta.title == "Xã Hàng Vịnh chung tay xoá trắng hộ nghèo"
    assert doc.meta.published is None
    assert {f["year"] for f in doc.to_json()["facts"]} == {None}


def test_a_bylines_agency_after_a_dash_before_its_date():
    text = (
        "Chuyên trang\nCác chương trình mục tiêu quốc gia\nNông thôn mới\nGiảm nghèo\nDân tộc\n"
        "Tin tức\nHà Giang: 1.290 hộ nghèo được hỗ trợ làm nhà ở\n\n"
        "Diệp Khánh-CĐ - 10:34, 28/05/2021\n\n"
        "Thực hiện Chương trình hỗ trợ xây dựng nhà ở, tỉnh Hà Giang đã hỗ trợ 1.290 hộ.\n"
    )
    assert extract(text).meta.published == "2021-05-28"


def test_a_box_of_links_after_the_whole_article_ends_it():
    # tags after the article's paragraphs, then another article of the page: the page's tail
    paragraph = (
        "Năm 2023, huyện Bảo Lâm đã huy động nhiều nguồn lực để hỗ trợ người nghèo phát triển "
        "sản xuất, làm nhà ở và tiếp cận các dịch vụ xã hội cơ bản trên địa bàn các xã vùng cao."
    )
    other = (
        "Năm 2023, tỉnh Hà Giang đã hỗ trợ xây dựng 3.500 căn nhà cho hộ nghèo và giảm tỷ lệ hộ "
        "nghèo xuống còn 28,4%, vượt chỉ tiêu tỉnh đề ra cho các huyện vùng cao biên giới."
    )
    text = (
        "Bảo Lâm nỗ lực giảm nghèo\n"
        + "\n".join([paragraph] * 4)
        + "\nTừ khóa: giảm nghèo, Bảo Lâm, Cao Bằng\nHà Giang xây nhà cho hộ nghèo\n"
        + "\n".join([other] * 3)
    )
    doc = extract(text, published="2024-01-05")
    assert block_of(doc, "Hà Giang xây nhà").is_boilerplate
    assert not any(f["value"] == 3500 for f in doc.facts)


def test_a_date_under_a_headline_after_the_article_is_no_dateline():
    paragraph = (
        "Tỉnh Cao Bằng đã triển khai đồng bộ các giải pháp giảm nghèo, tập trung hỗ trợ sinh kế và "
        "nhà ở cho hộ nghèo ở các huyện vùng cao biên giới trong nhiều năm qua.\n"
    )
    text = (
        "Cao Bằng giảm nghèo bền vững\n"
        + paragraph * 4
        + "Các tin khác\nCao Bằng tổng kết công tác giảm nghèo giai đoạn 2016 - 2020\n"
        "15/03/2019 08:30\n"
    )
    assert extract(text).meta.published is None


def test_a_seasonal_banner_above_the_site_s_furniture_is_no_title():
    # a site's banner ("Chào năm mới 2026"), its logo and login links, then the headline over
    # its lead: the headline is the title and the banner's year dates nothing
    text = (
        "Chào mừng năm mới 2026\nLogo\nĐăng ký | Đăng nhập\n\n"
        "Lai Châu: tỷ lệ hộ nghèo giảm còn 12,4%\n\n"
        "Sau 3 năm thực hiện Chương trình, tỷ lệ hộ nghèo toàn tỉnh Lai Châu giảm xuống còn "
        "12,4% vào cuối năm 2024.\n"
    )
    doc = extract(text)
    assert doc.meta.title == "Lai Châu: tỷ lệ hộ nghèo giảm còn 12,4%"
    assert [(f["indicator"], f["year"], f["value"]) for f in doc.to_json()["facts"]] == [
        ("poverty_rate", 2024, 12.4)
    ]
    # a title with the site's furniture under it and a dateline before its lead stays the title
    titled = extract(
        "Lai Châu: tỷ lệ hộ nghèo giảm còn 12,4%\nChia sẻ\n"
        "Sau 3 năm thực hiện Chương trình, tỷ lệ hộ nghèo toàn tỉnh Lai Châu giảm xuống còn "
        "12,4% vào cuối năm 2024.\n"
    )
    assert titled.meta.title == "Lai Châu: tỷ lệ hộ nghèo giảm còn 12,4%"


def test_a_subscription_line_and_a_long_headline_under_a_banner():
    # a banner, the logo, a subscription and login line, then a headline long enough to read
    # as a paragraph (15 words, no full stop) over its lead: the headline is the title, and
    # the banner's year dates nothing
    text = (
        "Mừng Đảng mừng Xuân 2026\nLogo\nĐăng ký mua gói ấn phẩm|Đăng nhập\n\n"
        "Ninh Thuận xóa hơn 1.200 căn nhà tạm, nhà dột nát cho hộ nghèo trước ngày 30/4\n\n"
        "Tỉnh Ninh Thuận đã hoàn thành và đưa vào sử dụng 1.205 căn nhà tạm, nhà dột nát cho "
        "hộ nghèo, hộ cận nghèo trên địa bàn trong năm 2025.\n"
    )
    doc = extract(text)
    assert doc.meta.title.startswith("Ninh Thuận xóa hơn 1.200 căn nhà tạm")
    assert block_of(doc, "Đăng ký mua gói").kind == "boilerplate"
    assert block_of(doc, "Mừng Đảng").kind == "boilerplate"
    assert 2026 not in [f["year"] for f in doc.to_json()["facts"]]
    # a first line that is a paragraph of the article is no banner: the article is all body
    excerpt = extract(
        "Theo thống kê của Phòng Lao động - Thương binh và Xã hội, huyện Hớn Quản hiện còn 349 "
        "hộ nghèo khó khăn về nhà ở, cần được hỗ trợ xây dựng nhà đại đoàn kết.\nThanh Mai\n"
        "Câu lạc bộ thơ của tỉnh phấn đấu có thêm năm tác phẩm được phổ nhạc trong năm nay\n"
        "Lãnh đạo tỉnh dự lễ công bố các nghị quyết, quyết định về sắp xếp đơn vị hành chính "
        "cấp xã trên địa bàn\n"
    )
    assert block_of(excerpt, "Theo thống kê").kind == "body"
    assert not (excerpt.meta.title or "").startswith("Câu lạc bộ")
    assert [f["value"] for f in excerpt.facts] == [349]


def test_follow_buttons_and_a_dateline_between_the_headline_and_its_lead():
    # a site menu, a follow button whose service is an icon ("… trên" and nothing after it),
    # the headline, its dateline, then the lead: the headline is the title and names the topic
    text = "\n".join(
        [
            "Báo Hậu Giang Báo Hậu Giang",
            "  • Chính trị",
            "  • Kinh tế",
            "  • Xã hội",
            "Trang chủ Xã hội",
            "Theo dõi báo điện tử Hậu Giang trên",
            "Bàn giao 12 căn nhà cho đồng bào dân tộc thiểu số nghèo, khó khăn về nhà ở",
            "21/09/2023 15:20",
            "(HGO) - Ngày 20-9, Ban Dân tộc tỉnh Hậu Giang tổ chức bàn giao 12 căn nhà cho đồng "
            "bào dân tộc thiểu số nghèo tại huyện Long Mỹ, với tổng kinh phí 600 triệu đồng.",
        ]
    )
    doc = extract(text)
    assert doc.meta.title == (
        "Bàn giao 12 căn nhà cho đồng bào dân tộc thiểu số nghèo, khó khăn về nhà ở"
    )
    assert block_of(doc, "Theo dõi báo điện tử").kind == "boilerplate"
    # a site's own name before "trên Google News" is the same button
    named = extract(
        "BAOHAUGIANG.VN trên Google News\n\n"
        "Long Mỹ: Bàn giao nhà đại đoàn kết cho hộ nghèo\n\n"
        "Ngày 20-9, Ủy ban MTTQ huyện Long Mỹ bàn giao 5 căn nhà đại đoàn kết cho hộ nghèo "
        "trên địa bàn với tổng kinh phí 250 triệu đồng.\n"
    )
    assert named.meta.title == "Long Mỹ: Bàn giao nhà đại đoàn kết cho hộ nghèo"


@pytest.mark.parametrize(
    "furniture",
    [
        "Skip to main content",
        "Sign In",
        "Site banner",
        "A+ | A | A-",
        "A- A A+ | Tăng tương phản Giảm tương phản",
        ": toasoandko@gmail.com | : (04) 38.228.302",
        "Liên hệ quảng cáo: (04)39.431.943 - (04)39.447.011",
        "Tổng đài: 0243 8356 700 | Email: bandoc@baomoi.vn",
        "Mới nhất Tin nóng Media Magazine Infographic Tin ảnh",
        "Multimedia Đọc Báo in",
        "Chi tiết bài viết",
        "Bản in     Gởi bài viết",
    ],
)
def test_site_furniture_above_the_headline_is_no_title(furniture: str):
    # each line above is a site's own (a skip link, a login, font size, the newsroom's
    # contacts, a menu of sections, page tools), never an article's headline
    text = (
        f"{furniture}\n\nPhú Yên: Hơn 29,2 tỷ đồng thực hiện Chương trình 135\n\n"
        "Năm 2018, tỉnh Phú Yên bố trí hơn 29,2 tỷ đồng thực hiện Chương trình 135 ở các xã "
        "đặc biệt khó khăn, hỗ trợ phát triển sản xuất cho hộ nghèo.\n"
    )
    doc = extract(text)
    assert doc.meta.title == "Phú Yên: Hơn 29,2 tỷ đồng thực hiện Chương trình 135"
    assert block_of(doc, furniture.strip()[:8]).kind == "boilerplate"


def test_an_email_in_a_body_line_and_a_lead_without_a_full_stop_stay_content():
    # (review of the twenty-fourth session) an official's email inside a short sentence is no
    # contact line, and under a short headline with its byline a lead that ends without a
    # full stop, over a dateline, is no title: the headline stays the title
    text = (
        "Giảm nghèo bền vững ở Hướng Hóa\nTrần Tuyền\n"
        "Từ nguồn vốn Chương trình mục tiêu quốc gia, tỷ lệ hộ nghèo của huyện giảm còn 21,3%\n"
        "12/01/2024\n"
        "Năm 2023, huyện Hướng Hóa đã giảm 4,3% tỷ lệ hộ nghèo, vượt kế hoạch tỉnh giao, đồng"
        " thời hỗ trợ 200 căn nhà cho hộ nghèo.\n"
        "Ông Hồ Văn Nam, email: namhv@huonghoa.gov.vn, cho biết huyện còn 431 hộ nghèo\n"
    )
    doc = extract(text, published="2024-01-15")
    assert doc.meta.title == "Giảm nghèo bền vững ở Hướng Hóa"
    assert block_of(doc, "Ông Hồ Văn Nam").kind != "boilerplate"
    assert 431 in [f["value"] for f in doc.facts]


def test_a_comment_counter_after_the_lead_is_no_start_of_the_comments():
    # "Bình luận 0" (a counter under the lead, as some outlets print it): the article goes on
    text = (
        "Năm 2023, tỷ lệ hộ nghèo tỉnh Yên Bái giảm xuống còn 6,1%\n\n"
        "Tỷ lệ hộ nghèo tỉnh Yên Bái giảm xuống còn 6,1%. Đời sống của đồng bào các dân tộc "
        "vùng cao đã có nhiều chuyển biến.\nBình luận 0\n\n"
        "Yên Bái có diện tích tự nhiên hơn 6.800 km2. Toàn tỉnh có dân số hơn 840 nghìn người, "
        "với 30 dân tộc cùng sinh sống.\n"
    )
    doc = extract(text)
    assert block_of(doc, "Bình luận 0").kind == "boilerplate"
    assert block_of(doc, "Yên Bái có diện tích").kind == "body"
    assert ("population", 840000) in [(f["indicator"], f["value"]) for f in doc.facts]


def test_a_comment_count_after_the_article_still_opens_the_comments():
    # "Bình luận 2" after the article heads readers' comments: their figures are no facts
    text = (
        "Năm 2023, tỷ lệ hộ nghèo tỉnh Yên Bái giảm xuống còn 6,1%\n\n"
        "Tỷ lệ hộ nghèo tỉnh Yên Bái giảm xuống còn 6,1%. Đời sống của đồng bào các dân tộc "
        "vùng cao đã có nhiều chuyển biến rõ rệt trong những năm qua.\nBình luận 2\n"
        "Nguyễn Văn Nam: Xã tôi vẫn còn 40% hộ nghèo, cần được quan tâm hơn.\n"
    )
    doc = extract(text)
    assert block_of(doc, "Nguyễn Văn Nam").kind == "boilerplate"
    assert [f["value"] for f in doc.facts] == [6.1]


def test_a_follow_us_link_above_the_headline_is_no_title():
    # a news site's "Google News" follow button sits between the section label and the headline
    page = "\n\n".join(
        [
            "Xã hội",
            "Google News",
            "Nghệ An: Hơn 600 hộ dân được hỗ trợ nhà ở từ Chương trình 1719",
            "Thu Hiền",
            "Tỉnh Nghệ An có 632 hộ dân khó khăn được hỗ trợ nhà ở theo Dự án 1 của Chương "
            "trình, với số vốn Trung ương phân bổ 25,2 tỷ đồng cho giai đoạn 2021-2025.",
            "Đối tượng được thụ hưởng chủ yếu là các hộ nghèo, hộ cận nghèo ở các xã khó khăn.",
        ]
    )
    doc = extract(page, published="2025-12-06")
    assert doc.meta.title == "Nghệ An: Hơn 600 hộ dân được hỗ trợ nhà ở từ Chương trình 1719"
    # the headline's rounded "Hơn 600 hộ" restates the body's 632: one fact
    assert [f["value"] for f in doc.facts if f["indicator"] == "houses_supported"] == [632]


def test_a_photo_credit_closing_a_table_cell_is_a_caption():
    # a caption copied from a one-cell table keeps the cell's closing bar after its credit; its
    # year and figure are the photo's, not the article's
    page = "\n".join(
        [
            "Lai Châu dành 18,3 tỷ đồng làm nhà cho hộ nghèo",
            "UBND tỉnh Lai Châu vừa phân bổ 18,3 tỷ đồng hỗ trợ làm 305 căn nhà ở "
            "cho hộ nghèo tại 8 huyện, thành phố.",
            "Năm 2021, tỉnh còn vận động được 21,5 tỷ đồng làm nhà cho hộ "
            "nghèo (Ảnh: Minh Khang - Báo Lai Châu). |",
            "Theo quyết định, huyện Sìn Hồ được hỗ trợ làm 57 nhà cho hộ nghèo.",
        ]
    )
    doc = extract(page)
    caption = block_of(doc, "Năm 2021")
    assert caption.kind == "caption"
    assert 21500000000 not in [f["value"] for f in doc.facts]
    assert {f["year"] for f in doc.facts if f["value"] == 57} == {None}


def test_links_to_the_previous_and_next_article_are_furniture():
    # a portal's "Bài trước" / "Bài tiếp theo" links run the other article's headline onto the
    # label; its figure is that article's, not this one's
    page = "\n".join(
        [
            "Huyện Ba Bể được bổ sung vốn chương trình giảm nghèo",
            "Năm 2022, huyện Ba Bể được phân bổ 3,2 tỷ đồng vốn Chương trình mục tiêu quốc gia "
            "giảm nghèo bền vững.",
            "Bài trướcBa Bể tăng 1,8% hộ nghèo so với đầu năm 2022",
            "Bài tiếp theoTỷ lệ hộ nghèo của xã Cao Thượng còn 38% theo chuẩn mới",
        ]
    )
    doc = extract(page)
    assert block_of(doc, "Bài tiếp theo").kind != "body"
    assert block_of(doc, "Bài trước").kind != "body"
    assert [f["value"] for f in doc.facts] == [3200000000]


def test_a_related_news_link_with_its_headline_is_furniture():
    # "Tin liên quan: Khởi công xây dựng 4 nhà …": a link to another article, however long its
    # headline; its houses are that article's
    page = "\n".join(
        [
            "Khởi công xây dựng nhà ở cho hộ nghèo ở Hương Sơn",
            "Năm 2023, huyện Hương Sơn đã khởi công, bàn giao 94 nhà cho hộ nghèo trong đợt 1.",
            "Tin liên quan: Khởi công xây dựng 4 nhà đại đoàn kết cho hộ nghèo xã Sơn Kim 2",
        ]
    )
    doc = extract(page)
    assert block_of(doc, "Tin liên quan").kind != "body"
    assert [f["value"] for f in doc.facts] == [94]


def test_headlines_of_other_articles_filed_under_their_provinces_are_furniture():
    # a front's site lists other provinces' news inside the article ("Đà Nẵng: …", "Nghệ An:
    # …"); the unit of the last one is not the passage's subject after it
    page = "\n".join(
        [
            "Sìn Hồ ủng hộ hơn 400 triệu đồng Quỹ “Vì người nghèo”",
            "Chiều 10/11, Ban Vận động Quỹ “Vì người nghèo” huyện Sìn Hồ, tỉnh Lai Châu tổ "
            "chức phát động ủng hộ Quỹ năm 2023.",
            "Quảng Ngãi: Đại hội đại biểu MTTQ Việt Nam huyện Sơn Tịnh nhiệm kỳ 2024 - 2029",
            "Thanh Hóa: Tuyên dương các tập thể trong cuộc vận động xây dựng nông thôn mới",
            "Từ tháng 10/2022 đến tháng 9/2023, Ban Vận động Quỹ “Vì người nghèo” đã tiếp nhận "
            "hơn 12 tỷ đồng và phân bổ gần 11 tỷ đồng làm nhà Đại đoàn kết cho hộ nghèo.",
        ]
    )
    doc = extract(page)
    assert block_of(doc, "Quảng Ngãi:").kind == "boilerplate"
    assert block_of(doc, "Thanh Hóa:").kind == "boilerplate"
    places = {f["locality"]["name"] for f in doc.facts if f["value"] >= 10**10}
    assert places == {"Sìn Hồ"}


def test_one_line_filed_under_a_province_is_no_widget():
    # a single "Province: …" line may be the article's own heading
    page = "\n".join(
        [
            "Giảm nghèo ở vùng cao",
            "Năm 2023, các tỉnh vùng cao tiếp tục giảm nhanh tỷ lệ hộ nghèo.",
            "Lai Châu: Giảm nghèo nhanh ở các huyện biên giới",
            "Năm 2023, tỷ lệ hộ nghèo của tỉnh Lai Châu giảm còn 20,1%.",
        ]
    )
    assert block_of(extract(page), "Lai Châu:").kind != "boilerplate"


def test_the_articles_own_subheadings_under_its_units_are_no_widget():
    # "Huyện Mường Khương: …", "Huyện Bắc Hà: …": sections of the article, each opening with its
    # unit's level word, not other articles' headlines
    page = "\n".join(
        [
            "Giảm nghèo ở Lào Cai",
            "Năm 2024, các huyện của tỉnh Lào Cai tiếp tục giảm nhanh hộ nghèo.",
            "Huyện Mường Khương: Hoàn thành xóa nhà tạm cho hộ nghèo",
            "Huyện Bắc Hà: Đẩy mạnh trồng cây ăn quả ôn đới",
            "Năm 2024, toàn huyện Bắc Hà còn 1.800 hộ nghèo.",
        ]
    )
    assert block_of(extract(page), "Huyện Mường Khương:").kind != "boilerplate"


def test_a_paragraph_opening_with_a_players_word_is_prose():
    """ "Tốc độ: 1.0x" above an article is the audio player's; "Tốc độ tăng trưởng bình quân
    … đạt trên 37%/năm. …" is the report's paragraph, and its figures are content."""
    text = (
        "Huyện Kon Plông hoàn thành nhiều chỉ tiêu kinh tế - xã hội\n"
        "Nghe bài viết\n"
        "Tốc độ: 1.0x\n"
        "Trong nhiệm kỳ 2010-2015, huyện Kon Plông đã thực hiện có hiệu quả Chương trình 30a.\n"
        "Tốc độ tăng trưởng bình quân giai đoạn 2011-2015 của huyện đạt trên 37%/năm. Tỷ lệ hộ "
        "nghèo giảm mạnh, từ 69% năm 2010 xuống còn 22% năm 2015.\n"
    )
    doc = extract(text)
    assert block_of(doc, "Tốc độ: 1.0x").kind == "boilerplate"
    assert block_of(doc, "Tốc độ tăng trưởng").kind == "body"
    assert (2015, 22) in {
        (f["year"], f["value"]) for f in doc.facts if f["indicator"] == "poverty_rate"
    }
    # a player's line of options is furniture however long; a short line of prose is not
    text = (
        "Huyện Mù Cang Chải giảm nghèo nhanh\n"
        "Tốc độ đọc: 0.5x 0.75x 1.0x 1.25x 1.5x 2.0x\n"
        "Giọng đọc: Nữ miền Bắc Nữ miền Nam Nam miền Bắc\n"
        "Năm 2023, tỷ lệ hộ nghèo toàn huyện Mù Cang Chải giảm còn 35,2%.\n"
        "Tốc độ giảm nghèo 6,5%.\n"
    )
    doc = extract(text)
    assert block_of(doc, "Tốc độ đọc").kind == "boilerplate"
    assert block_of(doc, "Giọng đọc").kind == "boilerplate"
    assert block_of(doc, "Tốc độ giảm nghèo").kind != "boilerplate"
    assert ("Mù Cang Chải", 35.2) in {
        ((f["locality"] or {}).get("name"), f["value"]) for f in doc.facts
    }


def test_a_hard_wrapped_paragraph_is_one_block_but_the_headline_and_its_dateline_stay_apart():
    # a report converted from Word: its paragraphs cut at a fixed width, lines going on in
    # lower case; the headline above, long and unpunctuated, keeps the dateline under it apart
    text = (
        "Tỷ lệ hộ nghèo huyện Mường Nhé giảm còn 35% trong năm 2023 nhờ nhiều chính sách\n"
        "thứ hai, 15/01/2024 08:30\n"
        "Theo báo cáo của Ủy ban nhân dân huyện Mường Nhé, tỷ lệ hộ nghèo\n"
        "toàn huyện đã giảm từ 41,2% (năm 2022) xuống còn 35,2% (năm 2023), vượt\n"
        "chỉ tiêu được giao.\n"
        "Kết quả giảm nghèo của các xã trong huyện được thể hiện như sau\n"
        "xã Sín Thầu: tỷ lệ hộ nghèo 52,3%\n"
    )
    doc = extract(text)
    assert doc.meta.title == text.splitlines()[0]
    assert doc.meta.published == "2024-01-15"
    paragraph = block_of(doc, "Theo báo cáo")
    assert doc.text[paragraph.start : paragraph.end].endswith("chỉ tiêu được giao.")
    row = block_of(doc, "xã Sín Thầu")
    assert doc.text[row.start : row.end] == "xã Sín Thầu: tỷ lệ hộ nghèo 52,3%"
    rates = {(f["locality"]["name"], f["year"], f["value"]) for f in doc.facts}
    assert ("Mường Nhé", 2022, 41.2) in rates and ("Mường Nhé", 2023, 35.2) in rates
