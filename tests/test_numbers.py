"""The figure recognizer: Vietnamese number writing, units, scales, qualifiers, non-figures.

The sentences are written for these tests, modelled on the phrasing of poverty-reduction
reports; none is copied from an article.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vnfacts.patterns import load
from vnfacts.recognize.numbers import Number, find_figures, parse_vn_number, words_value


def figs(text: str, **kw: Any) -> list[tuple[str, str, dict[str, Any]]]:
    return [(m.type, m.text, m.attrs) for m in find_figures(text, **kw)]


def one(text: str) -> tuple[str, str, dict[str, Any]]:
    found = figs(text)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------- parse_vn_number


@pytest.mark.parametrize(
    ("s", "value"),
    [
        ("1.417,3", 1417.3),
        ("33.486", 33486),
        ("3.600", 3600),
        ("02", 2),
        ("14,78", 14.78),
        ("1.000.000", 1000000),
        ("0,5", 0.5),
        ("99,7", 99.7),
        ("8.060", 8060),
        ("2.345.678,25", 2345678.25),
        ("100", 100),
        ("0", 0),
        ("10.98", 10.98),  # a lone dot before two digits: an English decimal point
        ("1,234,567", 1234567),  # English grouping, the only reading it has
        ("1,234.5", 1234.5),
    ],
)
def test_parse_vn_number(s: str, value: float) -> None:
    got = parse_vn_number(s)
    assert got == value
    assert type(got) is type(value)


@pytest.mark.parametrize(
    "s", ["", "abc", "1.2.3", "12.34.567", "1,2,3", ",5", "5,", "1.000,5,5", "1 000"]
)
def test_parse_vn_number_rejects(s: str) -> None:
    assert parse_vn_number(s) is None


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("hai", 2),
        ("mười", 10),
        ("mười hai", 12),
        ("hai mươi", 20),
        ("ba mươi lăm", 35),
        ("bốn mươi mốt", 41),
        ("hai trăm", 200),
        ("hai trăm ba mươi tư", 234),
        ("một trăm linh năm", 105),
        ("một nghìn hai trăm", 1200),
        ("hai chục", 20),
        ("hai ba", None),  # two digits in a row: no number
    ],
)
def test_words_value(words: str, value: int | None) -> None:
    assert words_value(words) == value


# --------------------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "scale"),
    [
        (
            "Tổng kinh phí của dự án là 2.345,6 tỷ đồng.",
            "2.345,6 tỷ đồng",
            2345600000000,
            "VND",
            "tỷ",
        ),
        ("Mỗi hộ được hỗ trợ 24,1 triệu đồng.", "24,1 triệu đồng", 24100000, "VND", "triệu"),
        (
            "Gói tín dụng 120 nghìn tỷ đồng đã giải ngân.",
            "120 nghìn tỷ đồng",
            120 * 10**12,
            "VND",
            "nghìn tỷ",
        ),
        ("Quỹ nhận được 35 ngàn tỷ đồng.", "35 ngàn tỷ đồng", 35 * 10**12, "VND", "ngàn tỷ"),
        (
            "Tổng vốn giai đoạn 2026 - 2030 là 1,044 triệu tỷ đồng.",
            "1,044 triệu tỷ đồng",
            1044 * 10**12,
            "VND",
            "triệu tỷ",
        ),
        ("Mỗi suất quà trị giá 500 nghìn đồng.", "500 nghìn đồng", 500000, "VND", "nghìn"),
        ("Mỗi suất quà trị giá 700 ngàn đồng.", "700 ngàn đồng", 700000, "VND", "ngàn"),
        ("Xã đã huy động 1.200 tỷ cho giao thông.", "1.200 tỷ", 1200000000000, "VND", "tỷ"),
        ("Vé vào cửa là 50.000 đồng.", "50.000 đồng", 50000, "VND", None),
        ("Giá bán 500.000đ mỗi bao.", "500.000đ", 500000, "VND", None),
        ("Dự án vay 2,5 triệu USD từ ngân hàng.", "2,5 triệu USD", 2500000, "USD", "triệu"),
        ("Tổng vốn 1,5 tỉ đồng.", "1,5 tỉ đồng", 1500000000, "VND", "tỉ"),
        ("Bắc Kạn được phân bổ 3 trăm tỷ đồng.", "3 trăm tỷ đồng", 3 * 10**11, "VND", "trăm tỷ"),
        ("Xã được hỗ trợ 5 trăm triệu đồng.", "5 trăm triệu đồng", 5 * 10**8, "VND", "trăm triệu"),
    ],
)
def test_money(text: str, span: str, value: int, unit: str, scale: str | None) -> None:
    kind, got_span, attrs = one(text)
    assert kind == "QUANTITY"
    assert got_span == span
    assert attrs["value"] == value
    assert attrs["unit"] == unit
    assert attrs.get("scale_word") == scale
    assert attrs["approx"] is None
    assert attrs["range"] is None


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Thu nhập bình quân đạt 42,5 triệu đồng/người/năm.", 42500000, "VND/person/year"),
        (
            "Chuẩn nghèo khu vực nông thôn là 1,5 triệu đồng/người/tháng.",
            1500000,
            "VND/person/month",
        ),
        ("Lương của công nhân 9 triệu đồng/tháng.", 9000000, "VND/month"),
        ("Nhà nước hỗ trợ 40 triệu đồng/căn.", 40000000, "VND/house"),
        ("Mức hỗ trợ 5 triệu đồng/hộ.", 5000000, "VND/household"),
        ("Người lao động nhận 7 triệu/tháng.", 7000000, "VND/month"),
        ("Giá lúa 7.500 đồng/kg.", 7500, "VND/kg"),
        ("Thu nhập 60 triệu đồng/đầu người/năm.", 60000000, "VND/person/year"),
        ("Thu nhập 3.000 USD/người/năm.", 3000, "USD/person/year"),
        ("Năng suất đạt 55 tạ/ha.", 5.5, "tonnes/ha"),
    ],
)
def test_money_and_rates_per_unit(text: str, value: float, unit: str) -> None:
    _, _, attrs = one(text)
    assert attrs["value"] == value
    assert attrs["unit"] == unit


@pytest.mark.parametrize(
    ("text", "value", "unit", "span"),
    [
        (
            "ở các huyện Quế Sơn và Nông Sơn (4 ngôi nhà/địa phương).",
            4,
            "houses",
            "4 ngôi nhà/địa phương",
        ),
        ("hỗ trợ các xã khó khăn 2 tỷ đồng/địa phương.", 2000000000, "VND", "2 tỷ đồng/địa phương"),
    ],
)
def test_a_figure_per_unit_of_place_is_each_units(
    text: str, value: float, unit: str, span: str
) -> None:
    """ "4 ngôi nhà/địa phương": the figure counts houses, as many for each listed unit (not a
    unit "houses/địa"), and says so, so that linking gives it to each unit or to none ("/xã"
    stays a unit of its own: "25 hộ/thôn")."""
    _, got_span, attrs = one(text)
    assert got_span == span
    assert (attrs["value"], attrs["unit"], attrs.get("each")) == (value, unit, "locality")


def test_money_range_shares_the_scale() -> None:
    kind, span, attrs = one("Thu nhập của lao động từ 10 - 13 triệu đồng/tháng.")
    assert (kind, span) == ("QUANTITY", "từ 10 - 13 triệu đồng/tháng")
    assert attrs["value"] == 10000000
    assert attrs["range"] == [10000000, 13000000]
    assert attrs["unit"] == "VND/month"


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Mỗi hộ vay từ 30 đến 50 triệu đồng.", 30000000, 50000000, "VND"),
        ("Chi phí từ 500 triệu đến 1 tỷ đồng.", 500000000, 1000000000, "VND"),
        ("Giá tăng 100-300.000 đồng.", 100000, 300000, "VND"),
        ("Mỗi lớp có 25 – 30 học viên.", 25, 30, "students"),
        ("Lượng mưa phổ biến 200 - 400 mm.", 200, 400, "mm"),
        ("Mỗi mô hình hỗ trợ 5 hộ - 7 hộ.", 5, 7, "households"),
    ],
)
def test_ranges(text: str, low: int, high: int, unit: str) -> None:
    _, _, attrs = one(text)
    assert attrs["range"] == [low, high]
    assert attrs["value"] == low
    assert attrs["unit"] == unit


# --------------------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Toàn xã còn 215 hộ nghèo.", "215 hộ", 215, "households"),
        ("Huyện có 12.436 hộ gia đình.", "12.436 hộ gia đình", 12436, "households"),
        ("Trao nhà cho 5 gia đình chính sách.", "5 gia đình", 5, "households"),
        ("Đã giảm 97 hộ cận nghèo.", "97 hộ", 97, "households"),
        ("Thôn có 1.245 nhân khẩu.", "1.245 nhân khẩu", 1245, "persons"),
        ("Có 46 người đi làm ở doanh nghiệp.", "46 người", 46, "persons"),
        ("Tỉnh có 2,4 triệu người.", "2,4 triệu người", 2400000, "persons"),
        ("Năm qua có 350 lao động đi làm xa.", "350 lao động", 350, "workers"),
        ("Xây mới 86 căn nhà cho hộ nghèo.", "86 căn nhà", 86, "houses"),
        ("Xóa 63 nhà tạm, nhà dột nát.", "63 nhà", 63, "houses"),
        ("Xã trồng mới 120 ha quế.", "120 ha", 120, "ha"),
        ("Diện tích lúa 20ha.", "20ha", 20, "ha"),
        ("Sản lượng đạt 3.500 tấn.", "3.500 tấn", 3500, "tonnes"),
        ("Làm mới 12,5 km đường bê tông.", "12,5 km", 12.5, "km"),
        ("Toàn tỉnh còn 18 xã đặc biệt khó khăn.", "18 xã", 18, "communes"),
        ("Huyện có 124 thôn, bản.", "124 thôn, bản", 124, "villages"),
        ("Triển khai 02 dự án sinh kế.", "02 dự án", 2, "projects"),
        ("Có 03 trường hợp đi lao động nước ngoài.", "03 trường hợp", 3, "cases"),
        ("Hơn 330 lượt hộ được vay vốn.", "Hơn 330 lượt hộ", 330, "household_turns"),
        ("Nhà máy mới có 3 nhà máy vệ tinh.", "3 nhà máy", 3, "factories"),
        ("Các em sống cùng 2 người thân.", "2 người", 2, "persons"),
        ("Cả nước có 74 huyện nghèo.", "74 huyện", 74, "districts"),
        ("Đàn bò tăng thêm 1.500 con.", "1.500 con", 1500, "head"),
        ("Người dân được tập huấn 3 lần.", "3 lần", 3, "times"),
    ],
)
def test_counts(text: str, span: str, value: float, unit: str) -> None:
    kind, got_span, attrs = one(text)
    assert kind == "QUANTITY"
    assert got_span == span
    assert attrs["value"] == value
    assert attrs["unit"] == unit


def test_the_seed_sentence_with_a_total_and_persons() -> None:
    text = "Xã có tổng số 812 hộ, với gần 4.100 nhân khẩu."
    assert figs(text) == [
        ("QUANTITY", "812 hộ", {"value": 812, "unit": "households", "approx": None, "range": None}),
        (
            "QUANTITY",
            "gần 4.100 nhân khẩu",
            {"value": 4100, "unit": "persons", "approx": "nearly", "range": None},
        ),
    ]


@pytest.mark.parametrize(
    ("text", "span", "ratio", "unit"),
    [
        ("Đã kiện toàn 9/9 ban quản lý xã.", "9/9 ban quản lý", [9, 9], "boards"),
        ("Tỉnh có 31/76 xã thoát khỏi diện đặc biệt khó khăn.", "31/76 xã", [31, 76], "communes"),
        (
            "Có 52/52 bản, tổ dân phố thành lập ban phát triển.",
            "52/52 bản, tổ dân phố",
            [52, 52],
            "villages",
        ),
        ("Đến nay 7/9 xã đạt chuẩn.", "7/9 xã", [7, 9], "communes"),
        ("Có 19/19 tiêu chí đã đạt.", "19/19 tiêu chí", [19, 19], "criteria"),
        ("Gần 2/3 số hộ có nhà kiên cố.", "Gần 2/3", [2, 3], None),
        ("Quá trình nấu làm mất 1/3 lượng chất béo.", "1/3", [1, 3], None),
        ("Kết quả 15/63 chưa đạt.", "15/63", [15, 63], None),
        # a whole written with thousands separators
        (
            "Có 12.304/15.870 hộ nghèo ở nông thôn.",
            "12.304/15.870 hộ",
            [12304, 15870],
            "households",
        ),
        ("Đã giải ngân 745/1.210 tỷ đồng.", "745/1.210 tỷ đồng", [745, 1210], "VND"),
    ],
)
def test_ratios(text: str, span: str, ratio: list[int], unit: str | None) -> None:
    kind, got_span, attrs = one(text)
    assert kind == "QUANTITY"
    assert got_span == span
    assert attrs["ratio"] == ratio
    # money is in đồng: "745/1.210 tỷ đồng" is 745 billion of 1,210 billion
    assert attrs["value"] == ratio[0] * (10**9 if unit == "VND" else 1)
    assert attrs["unit"] == unit


# --------------------------------------------------------------------------- qualifiers


@pytest.mark.parametrize(
    ("text", "span", "approx"),
    [
        ("Có khoảng 400 lao động đi làm.", "khoảng 400 lao động", "about"),
        ("Có chừng 40 hộ tham gia.", "chừng 40 hộ", "about"),
        ("Thiệt hại ước khoảng 12 tỷ đồng.", "ước khoảng 12 tỷ đồng", "about"),
        ("Doanh thu ước tính 1.800 tỷ đồng.", "ước tính 1.800 tỷ đồng", "about"),
        ("Dư nợ hơn 19,6 tỷ đồng.", "hơn 19,6 tỷ đồng", "over"),
        ("Có trên 300 hộ được hỗ trợ.", "trên 300 hộ", "over"),
        ("Người từ 60 tuổi trở lên được tặng quà.", "60 tuổi trở lên", "over"),
        ("Còn dưới 50 hộ nghèo.", "dưới 50 hộ", "under"),
        ("Chỉ còn chưa đến 100 hộ.", "chưa đến 100 hộ", "under"),
        ("Ngân sách giải ngân gần 837,6 tỷ đồng.", "gần 837,6 tỷ đồng", "nearly"),
        ("Thôn có xấp xỉ 2.000 người.", "xấp xỉ 2.000 người", "nearly"),
    ],
)
def test_approx_quantities(text: str, span: str, approx: str) -> None:
    kind, got_span, attrs = one(text)
    assert (kind, got_span, attrs["approx"]) == ("QUANTITY", span, approx)


# --------------------------------------------------------------------------- percent


@pytest.mark.parametrize(
    ("text", "span", "value", "per_year", "approx", "rng"),
    [
        ("Tỷ lệ hộ nghèo giảm còn 6,42%.", "6,42%", 6.42, False, None, None),
        ("Mức giảm bình quân đạt 2,15%/năm.", "2,15%/năm", 2.15, True, None, None),
        ("Tỷ lệ giảm nghèo đạt 10% /năm.", "10% /năm", 10, True, None, None),
        ("Tỷ lệ hộ nghèo giảm 3% mỗi năm.", "3% mỗi năm", 3, True, None, None),
        ("Dự kiến giảm thêm 4-5%.", "4-5%", 4, False, None, [4, 5]),
        ("Phấn đấu giảm từ 1,5 đến 2%.", "từ 1,5 đến 2%", 1.5, False, None, [1.5, 2]),
        ("Tỷ lệ hộ nghèo còn khoảng 5,8-6%.", "khoảng 5,8-6%", 5.8, False, "about", [5.8, 6]),
        ("Có trên 90% số hộ dùng điện.", "trên 90%", 90, False, "over", None),
        ("Tỷ lệ hộ nghèo dưới 4%.", "dưới 4%", 4, False, "under", None),
        ("Gần như 100% trẻ em đến trường.", "Gần như 100%", 100, False, "nearly", None),
        ("Giải ngân đạt 59,1 % kế hoạch.", "59,1 %", 59.1, False, None, None),
        ("Tăng 12 phần trăm so với cùng kỳ.", "12 phần trăm", 12, False, None, None),
    ],
)
def test_percent(
    text: str, span: str, value: float, per_year: bool, approx: str | None, rng: list | None
) -> None:
    kind, got_span, attrs = one(text)
    assert kind == "PERCENT"
    assert got_span == span
    assert attrs == {"value": value, "per_year": per_year, "approx": approx, "range": rng}


def test_percentage_points() -> None:
    _, span, attrs = one("Tỷ lệ hộ nghèo giảm 1,2 điểm phần trăm.")
    assert span == "1,2 điểm phần trăm"
    assert attrs["value"] == 1.2
    assert attrs["points"] is True


def test_percent_per_month_is_not_per_year() -> None:
    _, _, attrs = one("Lãi suất 1,5%/tháng.")
    assert attrs["per_year"] is False
    assert attrs["per"] == "month"


def test_a_sentence_with_many_figures() -> None:
    text = (
        "Đến hết năm 2023, toàn huyện còn 1.850 hộ nghèo, tỷ lệ 12,36%, giảm 4,21% so với "
        "năm 2022, tương đương giảm 512 hộ nghèo."
    )
    got = [(k, s, a["value"]) for k, s, a in figs(text)]
    assert got == [
        ("QUANTITY", "1.850 hộ", 1850),
        ("PERCENT", "12,36%", 12.36),
        ("PERCENT", "4,21%", 4.21),
        ("QUANTITY", "512 hộ", 512),
    ]


def test_years_in_a_list_of_percent_falls() -> None:
    text = "(năm 2021 giảm 2,95%, năm 2022 giảm 3,4%; năm 2023 giảm 4,1%)"
    assert [(s, a["value"]) for _, s, a in figs(text)] == [
        ("2,95%", 2.95),
        ("3,4%", 3.4),
        ("4,1%", 4.1),
    ]


# --------------------------------------------------------------------------- number words


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Thôn còn hai trăm hộ nghèo.", "hai trăm hộ", 200, "households"),
        ("Có ba mươi lăm người tham gia.", "ba mươi lăm người", 35, "persons"),
        ("Mười hai xã đã về đích.", "Mười hai xã", 12, "communes"),
        ("Xã có năm mươi hộ nuôi bò.", "năm mươi hộ", 50, "households"),
        ("Mỗi hộ được hai triệu đồng.", "hai triệu đồng", 2000000, "VND"),
        ("Gia đình có một người đi làm.", "một người", 1, "persons"),
    ],
)
def test_number_words_with_a_unit(text: str, span: str, value: int, unit: str) -> None:
    kind, got_span, attrs = one(text)
    assert (kind, got_span, attrs["value"], attrs["unit"]) == ("QUANTITY", span, value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Là một trong những huyện nghèo của cả nước.",
        "Một số hộ chưa chủ động vươn lên.",
        "Trong năm người dân đã trồng thêm rừng.",  # "năm" is the year here, not five
        "Ba mặt trận cùng vào cuộc.",
    ],
)
def test_number_words_without_a_unit_are_no_figure(text: str) -> None:
    assert figs(text) == []


# Duckling's Vietnamese numeral corpus (Duckling/Numeral/VI/Corpus.hs): every example written
# in words, with its value. Its other examples are digits, read by parse_vn_number above, or
# forms news does not use (`100K`, `,77`, `âm 1.200.000`).
DUCKLING_WORDS = [
    ("không", 0),
    ("một", 1),
    ("hai", 2),
    ("ba mươi ba", 33),
    ("mười bốn", 14),
    ("mười sáu", 16),
    ("mười bảy", 17),
    ("mười tám", 18),
    ("trăm", 100),
    ("hai chục", 20),
    ("hai mươi", 20),
    ("năm nghìn", 5000),
    ("năm ngàn", 5000),
    ("hai trăm nghìn", 200000),
    ("hai trăm ngàn", 200000),
    ("một tỷ", 1000000000),
    ("một tỉ", 1000000000),
    ("hai mươi mốt nghìn không trăm mười một", 21011),
    ("bảy trăm hai mươi mốt nghìn không trăm mười hai", 721012),
]


@pytest.mark.parametrize(("words", "value"), DUCKLING_WORDS)
def test_words_value_reads_duckling_corpus(words: str, value: int) -> None:
    assert words_value(words) == value


# "không" (also "not") and a bare "trăm" are numbers to the parser, never a figure in text.
DUCKLING_IN_TEXT = [(w, v) for w, v in DUCKLING_WORDS if w not in ("không", "trăm")] + [
    ("5 nghìn", 5000),
    ("100.000", 100000),
    ("3.000.000", 3000000),
    ("1.200.000", 1200000),
    ("1,1", 1.1),
    ("0,77", 0.77),
]


@pytest.mark.parametrize(("number", "value"), DUCKLING_IN_TEXT)
def test_duckling_corpus_in_a_news_frame(number: str, value: Number) -> None:
    text = f"Toàn xã có {number} nhân khẩu sinh sống ở 12 thôn."
    got = [(s, a["value"], a["unit"]) for _, s, a in figs(text)]
    assert got == [(f"{number} nhân khẩu", value, "persons"), ("12 thôn", 12, "villages")]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("mười lăm", 15),
        ("hai mươi tư", 24),
        ("hai mươi bốn", 24),
        ("chín mươi chín", 99),
        ("một trăm linh năm", 105),
        ("một trăm lẻ năm", 105),
        ("hai nghìn không trăm hai mươi lăm", 2025),
        ("ba triệu", 3000000),
        ("mười hai tỷ", 12000000000),
        ("một nghìn tỷ", 1000000000000),
        ("một triệu hai trăm nghìn", 1200000),
        ("năm mươi chục", None),  # "chục" multiplies a digit, not fifty
        # a digit that ends the number after "trăm" or a scale is the next place down
        ("một trăm tư", 140),
        ("hai nghìn ba", 2300),
        ("ba triệu hai", 3200000),
        # malformed: no number
        ("hai mươi ba trăm", None),
        ("một trăm linh", None),
        ("linh năm", None),
        ("mười hai mươi", None),
        ("mười mười", None),
    ],
)
def test_words_value_grammar(words: str, value: int | None) -> None:
    assert words_value(words) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Xã Nậm Cha với hai mươi mốt nghìn không trăm mười một nhân khẩu, là xã đông dân "
            "nhất huyện.",
            [("hai mươi mốt nghìn không trăm mười một nhân khẩu", 21011, "persons")],
        ),
        (
            "Toàn huyện có năm nghìn hộ đồng bào dân tộc thiểu số.",
            [("năm nghìn hộ", 5000, "households")],
        ),
        (
            "Năm nay, tỉnh dành mười hai tỷ đồng hỗ trợ làm nhà cho hộ nghèo.",
            [("mười hai tỷ đồng", 12000000000, "VND")],
        ),
        (
            "Mỗi hộ thoát nghèo được thưởng ba triệu đồng.",
            [("ba triệu đồng", 3000000, "VND")],
        ),
        (
            "Một trăm linh năm hộ thoát nghèo trong năm 2023.",
            [("Một trăm linh năm hộ", 105, "households")],
        ),
        (
            "Mười lăm xã đạt chuẩn nông thôn mới, hai mươi tư thôn có nhà văn hóa.",
            [("Mười lăm xã", 15, "communes"), ("hai mươi tư thôn", 24, "villages")],
        ),
        (
            "Dự án thu hút hai nghìn năm trăm lao động địa phương.",
            [("hai nghìn năm trăm lao động", 2500, "workers")],
        ),
        (
            "Huyện có năm mươi lăm nghìn ha rừng.",
            [("năm mươi lăm nghìn ha", 55000, "ha")],
        ),
        # "năm" after "mươi" and no number word after it: twenty years, not 25
        (
            "Sau hai mươi năm, hai trăm hộ đã có nhà kiên cố.",
            [("hai mươi năm", 20, "years"), ("hai trăm hộ", 200, "households")],
        ),
        ("Mười năm qua, xã đổi thay nhiều.", [("Mười năm", 10, "years")]),
        (
            "Tỉnh có mười bốn triệu tám trăm nghìn cây giống.",
            [("mười bốn triệu tám trăm nghìn cây giống", 14800000, "plants")],
        ),
        ("Tỷ lệ hộ nghèo giảm còn mười lăm phần trăm.", [("mười lăm phần trăm", 15, None)]),
        ("Số hộ nghèo giảm năm phần trăm so với năm trước.", [("năm phần trăm", 5, None)]),
    ],
)
def test_number_words_in_news_sentences(text: str, expected: list[tuple[str, Number, str]]) -> None:
    assert [(s, a["value"], a.get("unit")) for _, s, a in figs(text)] == expected


def test_an_approximate_number_in_words() -> None:
    kind, span, attrs = one("Khoảng năm trăm hộ được vay vốn ưu đãi.")
    assert (kind, span, attrs["value"], attrs["approx"]) == (
        "QUANTITY",
        "Khoảng năm trăm hộ",
        500,
        "about",
    )


@pytest.mark.parametrize(
    "text",
    [
        # "năm" as "year", next to number words and units
        "Năm nay hộ nghèo giảm mạnh.",
        "Hằng năm, hội viên được vay vốn ưu đãi.",
        "Năm học mới, nhà trường đón học sinh.",
        "Năm hai nghìn không trăm hai mươi ba, xã về đích nông thôn mới.",  # a year in words
        "Năm năm qua, xã thay đổi nhiều.",  # "năm" with no number word after it: not read
        "Trong năm phần lớn hộ đã có việc làm ổn định.",  # "phần lớn" (most), not "phần trăm"
        # "không" is "not", only "không trăm" is a zero
        "Xã không hộ nào tái nghèo.",
        "Hai mươi không phải là con số nhỏ.",
    ],
)
def test_nam_as_year_and_khong_as_not_are_no_figure(text: str) -> None:
    assert figs(text) == []


def test_a_year_in_digits_next_to_number_words() -> None:
    got = figs("Năm 2023, xã còn một trăm hai mươi hộ nghèo, năm nay giảm còn chín mươi hộ.")
    assert [(s, a["value"]) for _, s, a in got] == [
        ("một trăm hai mươi hộ", 120),
        ("chín mươi hộ", 90),
    ]


_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _spell_group(n: int, full: bool, variant: int) -> list[str]:
    """0 < n < 1000 as Vietnamese writes it; `full` writes "không trăm" after a higher group."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    out = [_DIGITS[hundreds], "trăm"] if hundreds or full else []
    if tens == 0 and units:
        out += [["linh", "lẻ"][variant % 2], _DIGITS[units]] if out else [_DIGITS[units]]
    elif tens == 1:
        out += ["mười"] + (["lăm" if units == 5 else _DIGITS[units]] if units else [])
    elif tens:
        after_tens = {1: "mốt", 4: ["tư", "bốn"][variant % 2], 5: "lăm"}
        out += [_DIGITS[tens], "mươi"] + ([after_tens.get(units, _DIGITS[units])] if units else [])
    return out


def spell(n: int, variant: int = 0) -> str:
    """A reference speller, independent of the parser: 1 ≤ n < 10**12 in Vietnamese words."""
    scales = [(10**9, "tỷ"), (10**6, "triệu"), (10**3, ["nghìn", "ngàn"][variant % 2]), (1, "")]
    words: list[str] = []
    for size, name in scales:
        group = n // size % 1000
        if group:
            words += _spell_group(group, bool(words), variant) + ([name] if name else [])
    return " ".join(words)


# Any number, and round ones as news writes them ("năm nghìn", "ba trăm hai mươi triệu").
spelled_numbers = st.one_of(
    st.integers(min_value=1, max_value=10**12 - 1),
    st.builds(lambda a, k: a * 10**k, st.integers(1, 999), st.integers(0, 9)),
)


@settings(max_examples=300, deadline=None)  # the first call builds the rules
@given(spelled_numbers, st.integers(min_value=0, max_value=1))
def test_words_value_reads_every_spelled_number(n: int, variant: int) -> None:
    assert words_value(spell(n, variant)) == n


@settings(max_examples=300, deadline=None)
@given(spelled_numbers.filter(lambda n: n != 5), st.integers(min_value=0, max_value=1))
def test_every_spelled_number_is_a_figure_with_a_unit(n: int, variant: int) -> None:
    words = spell(n, variant)  # (a lone "năm hộ" is not read: "trong năm hộ nghèo giảm")
    text = f"Năm 2024, toàn tỉnh có {words} hộ được hỗ trợ."
    assert [(s, a["value"], a["unit"]) for _, s, a in figs(text)] == [
        (f"{words} hộ", n, "households")
    ]


# --------------------------------------------------------------------------- not figures


@pytest.mark.parametrize(
    "text",
    [
        "Trong năm 2023, xã tập trung chỉ đạo.",
        "Chương trình giai đoạn 2021 - 2025 đã triển khai.",
        "Giai đoạn 2021-2023, huyện đạt mục tiêu.",
        "Kế hoạch được ban hành ngày 31/3/2023.",
        "Sáng nay (16/11), đoàn công tác làm việc.",
        "Ngày 26/4, tỉnh tổ chức hội nghị.",
        "Theo Kế hoạch số 239/KH-UBND của tỉnh.",
        "Theo Kế hoạch số 239/KH - UBND của tỉnh.",
        "Thực hiện Quyết định số 353/QĐ-TTg của Thủ tướng.",
        "Nghị quyết số 10 của Ban Thường vụ Tỉnh ủy.",
        "Thực hiện Nghị định 07 của Chính phủ.",
        "Nghị định số 27/2022/NĐ-CP quy định cơ chế.",
        "Trụ sở đặt tại Phường 1.",
        "Thực hiện Chương trình 135 của Chính phủ.",
        "Cập nhật lúc 09:14 AM.",
        "Hội nghị bắt đầu lúc 18h30.",
        "0:00 / 0:00",
        "Liên hệ số điện thoại 0912 345 678.",
        "Đường dây nóng 024.3822.1234.",
        "Ngày 23.08.2019 có mưa.",
        "Đến tháng 6 đã hoàn thành.",
        "Kết quả quý 2 khả quan.",
        "Dịch COVID-19 ảnh hưởng nhiều.",
        "IMG_7489.jpg",
        "Đội nhà thắng 3-0 ở lượt đi.",
        "Tin đăng 8 giờ trước.",
        "Năm 2024 hộ nghèo giảm mạnh.",
        "Xuất bản 2024-04-27.",
        "Dự án 4 hỗ trợ nhà ở.",
        "Ảnh 1. Toàn cảnh hội nghị.",
        "Thi đấu đến phút 90 vẫn hòa.",
        "Trụ sở ở ngõ 34 phố Huế.",
    ],
)
def test_not_figures(text: str) -> None:
    assert figs(text) == []


def test_three_months_of_a_year_is_a_time_not_a_quantity() -> None:
    assert figs("Trong 3 tháng đầu năm 2024, huyện giải ngân 15 tỷ đồng.") == [
        (
            "QUANTITY",
            "15 tỷ đồng",
            {
                "value": 15000000000,
                "unit": "VND",
                "approx": None,
                "range": None,
                "scale_word": "tỷ",
            },
        )
    ]


def test_a_document_number_next_to_a_date_and_a_figure() -> None:
    text = "Kế hoạch số 54/KH-UBND ngày 31/3/2023 hỗ trợ 20 hộ."
    assert [s for _, s, _ in figs(text)] == ["20 hộ"]


def test_a_total_after_so_is_a_figure() -> None:
    assert [s for _, s, _ in figs("Xã có tổng số 590 hộ.")] == ["590 hộ"]


def test_words_that_look_like_units() -> None:
    # "đồng chí" is a comrade, not money; the figure stays, with no unit
    kind, span, attrs = one("Có 5 đồng chí trong đoàn.")
    assert (kind, span, attrs["unit"]) == ("QUANTITY", "5", None)
    assert figs("Có 4 trường hợp khó khăn.")[0][2]["unit"] == "cases"
    assert figs("Tổ chức 2 xã hội nghề nghiệp.")[0][2]["unit"] is None


def test_a_longer_unit_refused_by_its_next_word_falls_back_to_another_rules_shorter_one() -> None:
    # "hộ dân" (all residents) before "tộc" is "hộ" + "dân tộc thiểu số"; "căn nhà" before
    # "máy" leaves no unit: "căn" is the same rule's word, and a factory is no house
    assert [(s, a["unit"]) for _, s, a in figs("Có 2.363 hộ dân tộc thiểu số.")] == [
        ("2.363 hộ", "households")
    ]
    assert [(s, a["unit"]) for _, s, a in figs("Có 200 hộ dân.")] == [("200 hộ dân", "households")]
    assert [(s, a["unit"]) for _, s, a in figs("Xây 15 căn nhà máy.")] == [("15", None)]


def test_bare_numbers_keep_a_null_unit() -> None:
    got = figs("Là 1 trong 10 xã có tỷ lệ nghèo cao.")
    assert [(s, a["unit"]) for _, s, a in got] == [("1", None), ("10 xã", "communes")]


def test_years_need_a_unit_to_be_counts() -> None:
    assert [(s, a["unit"]) for _, s, a in figs("Có 2023 hộ.")] == [("2023 hộ", "households")]
    assert figs("Tầm nhìn 2030 của tỉnh.") == []


# --------------------------------------------------------------------------- offsets


def test_offsets_are_absolute_within_a_span() -> None:
    text = "Câu một có 7 hộ. Xã có 120 hộ nghèo, chiếm 9,5%. Câu ba có 5 hộ."
    lo = text.index("Xã")
    hi = text.index("Câu ba")
    got = find_figures(text, lo, hi)
    assert [(m.start, m.end, m.text) for m in got] == [
        (text.index("120"), text.index("120") + len("120 hộ"), "120 hộ"),
        (text.index("9,5%"), text.index("9,5%") + 4, "9,5%"),
    ]
    assert all(text[m.start : m.end] == m.text for m in got)


def test_method_names_the_rules() -> None:
    m = find_figures("Còn khoảng 215 hộ.")[0]
    assert m.method == "numbers/v1:households:about"
    assert find_figures("Đạt 5%.")[0].method == "numbers/v1:percent"


def test_decomposed_unicode_and_old_tone_marks() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Có 15 hộ nghèo và 3 nhà văn hoá.")
    got = figs(text)
    assert [(a["value"], a["unit"]) for _, _, a in got] == [
        (15, "households"),
        (3, "community_halls"),
    ]


# --------------------------------------------------------------------------- the data


def test_every_unit_form_is_read() -> None:
    """Adding a unit is a data edit: every form of every unit rule must be read as it."""
    for rule in load("units"):
        if rule.get("per_only"):
            continue
        factor = Decimal(str(rule.get("factor", "1")))
        for form in rule["forms"]:
            got = find_figures(f"Có 7 {form} mới.")
            assert len(got) == 1, (rule["id"], form, got)
            assert got[0].attrs["unit"] == rule["unit"], (rule["id"], form)
            assert Decimal(str(got[0].attrs["value"])) == 7 * factor, (rule["id"], form)


def test_every_qualifier_form_is_read() -> None:
    for rule in load("qualifiers"):
        if rule["kind"] != "approx":
            continue
        for form in rule.get("forms", []):
            got = find_figures(f"Có {form} 7 hộ.")
            assert [m.attrs["approx"] for m in got] == [rule["approx"]], (rule["id"], form)
        for form in rule.get("after_forms", []):
            got = find_figures(f"Có 7 hộ {form}.")
            assert [m.attrs["approx"] for m in got] == [rule["approx"]], (rule["id"], form)


def test_every_scale_form_is_read() -> None:
    for rule in load("scales"):
        if rule["kind"] != "scale":
            continue
        for form in rule["forms"]:
            got = find_figures(f"Cần 7 {form} đồng.")
            assert len(got) == 1, (rule["id"], form)
            assert got[0].attrs["value"] == 7 * int(rule["factor"]), (rule["id"], form)
            assert got[0].attrs["unit"] == "VND"


def test_a_scale_before_another_currency_is_not_read_as_dong() -> None:
    # a foreign budget in an international news item: not đồng, so no figure at all
    assert find_figures("Chính phủ Thụy Điển sẽ chi thêm 30 tỷ kronor cho an sinh xã hội.") == []
    for rule in load("scales"):  # (a currency the units know, USD or EUR, is read as itself)
        if rule["kind"] == "other_currency":
            for form in rule["forms"]:
                assert find_figures(f"Nhật Bản cam kết 7 tỷ {form} vốn ODA.") == [], form
    # the bare scale of a Vietnamese report stays đồng, also before a place named Yên…
    for text in (
        "Vốn phân bổ:\nBắc Mê: 30 tỷ\nYên Minh: 25 tỷ",
        "Tỉnh hỗ trợ 30 tỷ Yên Minh, 25 tỷ",
    ):
        got = find_figures(text)
        assert [(m.text, m.attrs["unit"]) for m in got] == [("30 tỷ", "VND"), ("25 tỷ", "VND")]


def test_every_context_word_stops_a_figure() -> None:
    for rule in load("qualifiers"):
        if rule["kind"] != "not_after":
            continue
        number = "2023" if rule.get("years_only") else str(min(7, rule.get("max_value", 7)))
        for form in rule["forms"]:
            assert find_figures(f"Nói về {form} {number} nhé.") == [], (rule["id"], form)


# --------------------------------------------------------------------------- properties


def vn_format(whole: int, frac: str = "") -> str:
    """A number written the Vietnamese way: thousands dots, a decimal comma."""
    s = f"{whole:,}".replace(",", ".")
    return f"{s},{frac}" if frac else s


numbers = st.tuples(
    st.integers(min_value=0, max_value=10**12),
    st.one_of(st.just(""), st.from_regex(r"\A[0-9]{1,3}\Z")),
)


@given(numbers)
def test_vn_format_round_trips(n: tuple[int, str]) -> None:
    whole, frac = n
    expected = Decimal(f"{whole}.{frac}") if frac else Decimal(whole)
    got = parse_vn_number(vn_format(whole, frac))
    assert got is not None
    assert Decimal(str(got)) == expected


@given(numbers)
def test_a_figure_in_a_sentence_round_trips(n: tuple[int, str]) -> None:
    whole, frac = n
    written = vn_format(whole, frac)
    expected = Decimal(f"{whole}.{frac}") if frac else Decimal(whole)
    if whole < 1000 and len(frac) == 3:
        expected = Decimal(f"{whole}{frac}")  # "1,250 hộ": a count is whole, English thousands
    text = f"Toàn tỉnh có {written} hộ nghèo."
    got = find_figures(text)
    assert len(got) == 1
    assert got[0].text == f"{written} hộ"
    assert Decimal(str(got[0].attrs["value"])) == expected
    assert got[0].attrs["unit"] == "households"


@given(st.integers(min_value=0, max_value=10**6), st.from_regex(r"\A[0-9]{0,3}\Z"))
def test_money_in_millions_round_trips(whole: int, frac: str) -> None:
    written = vn_format(whole, frac)
    expected = (Decimal(f"{whole}.{frac}") if frac else Decimal(whole)) * 10**6
    got = find_figures(f"Kinh phí {written} triệu đồng.")
    assert len(got) == 1
    assert got[0].attrs["value"] == int(expected)
    assert isinstance(got[0].attrs["value"], int)


FRAGMENTS = [
    "hộ",
    "nghèo",
    "2.100",
    "14,78%",
    "năm",
    "2023",
    "giai đoạn",
    "2021 - 2025",
    "ngày",
    "31/3/2023",
    "16/11",
    "11/11",
    "ban",
    "xã",
    "khoảng",
    "hơn",
    "tỷ",
    "triệu",
    "đồng",
    "/người/năm",
    "-",
    "–",
    "(",
    ")",
    ",",
    ".",
    "số",
    "239/KH-UBND",
    "0:00",
    "09:14",
    "1.417,3",
    "từ",
    "đến",
    "10",
    "13",
    "hai",
    "trăm",
    "%",
    "/năm",
    "Phường",
    "1",
    "\n",
    "COVID-19",
    "gần",
    "như",
    "0912",
    "345",
    "678",
    "nhà",
    "máy",
    "đ",
    "500.000đ",
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30), st.data())
def test_spans_round_trip(parts: list[str], data: st.DataObject) -> None:
    text = " ".join(parts)
    lo = data.draw(st.integers(min_value=0, max_value=len(text)))
    hi = data.draw(st.integers(min_value=lo, max_value=len(text)))
    for m in find_figures(text, lo, hi):
        assert lo <= m.start < m.end <= hi
        assert text[m.start : m.end] == m.text
        assert m.type in ("QUANTITY", "PERCENT")
        assert isinstance(m.attrs["value"], int | float)


@given(st.text(max_size=200))
def test_any_text_is_safe(text: str) -> None:
    for m in find_figures(text):
        assert text[m.start : m.end] == m.text


# ---------------------------------------------------------------- the seeds, against the gold

SEED_FIGURES = {
    # (doc, text of the figure) → (type, value, unit, approx)
    ("001_071bd52c43493f22", "1.417,3 tỷ đồng"): ("QUANTITY", 1417300000000, "VND", None),
    ("001_071bd52c43493f22", "gần 35,3 tỷ đồng"): ("QUANTITY", 35300000000, "VND", "nearly"),
    ("001_071bd52c43493f22", "59,1%"): ("PERCENT", 59.1, None, None),
    ("001_071bd52c43493f22", "3,78%/năm"): ("PERCENT", 3.78, None, None),
    ("001_071bd52c43493f22", "33.486 hộ"): ("QUANTITY", 33486, "households", None),
    ("002_18b273a5c1c34203", "gần 3.600 nhân khẩu"): ("QUANTITY", 3600, "persons", "nearly"),
    ("002_18b273a5c1c34203", "24,1 triệu đồng/người/năm"): (
        "QUANTITY",
        24100000,
        "VND/person/year",
        None,
    ),
    ("002_18b273a5c1c34203", "khoảng 400 lao động"): ("QUANTITY", 400, "workers", "about"),
    ("002_18b273a5c1c34203", "63 nhà"): ("QUANTITY", 63, "houses", None),
    ("003_8bb7c323e6b1daaf", "14,78%"): ("PERCENT", 14.78, None, None),
    ("003_8bb7c323e6b1daaf", "4-5%"): ("PERCENT", 4, None, None),
    ("004_4479d55d298e7c9c", "hơn 19,6 tỷ đồng"): ("QUANTITY", 19600000000, "VND", "over"),
    ("004_4479d55d298e7c9c", "02 dự án"): ("QUANTITY", 2, "projects", None),
}


def test_seed_figures_have_value_unit_and_qualifier(seeds):
    for (doc_id, text), (kind, value, unit, approx) in SEED_FIGURES.items():
        doc = seeds[doc_id]
        found = [m for m in doc.mentions if m.type == kind and m.text == text]
        assert found, f"{doc_id}: no {kind} {text!r}"
        m = found[0]
        assert m.attrs["value"] == value, text
        assert m.attrs.get("approx") == approx, text
        if kind == "QUANTITY":
            assert m.attrs["unit"] == unit, text


def test_every_gold_fact_value_is_a_recognized_figure(seeds):
    import json

    from tests.conftest import ROOT

    for gold_file in sorted((ROOT / "annotations").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        doc = seeds[gold["doc_id"]]
        for fact in gold["facts"]:
            ev = fact["evidence"]
            values = [
                m.attrs.get("value")
                for m in doc.mentions
                if m.type in ("QUANTITY", "PERCENT") and ev["start"] <= m.start < ev["end"]
            ]
            assert any(
                v is not None and abs(v - fact["value"]) <= 1e-9 * max(1, abs(fact["value"]))
                for v in values
            ), (
                gold["doc_id"],
                fact["indicator"],
                fact["value"],
                values,
            )


def test_seed_years_and_documents_are_not_figures(seeds):
    doc = seeds["004_4479d55d298e7c9c"]
    texts = {m.text for m in doc.mentions if m.type in ("QUANTITY", "PERCENT")}
    assert not any("54" in t or "2023" in t for t in texts)  # Kế hoạch số 54/KH-UBND ngày 31/3/2023


def test_an_amount_written_in_two_scales_is_one_figure():
    from vnfacts.recognize.numbers import find_figures

    text = "Tổng số tiền ủng hộ là 21 tỷ 300 triệu đồng, trong đó 5 tỷ đồng và 2 triệu đồng."
    got = [(m.text, m.attrs["value"]) for m in find_figures(text) if m.type == "QUANTITY"]
    assert got == [
        ("21 tỷ 300 triệu đồng", 21_300_000_000),
        ("5 tỷ đồng", 5_000_000_000),
        ("2 triệu đồng", 2_000_000),
    ]


def test_thousands_written_before_billions_are_thousands_of_billions():
    from vnfacts.recognize.numbers import find_figures

    text = (
        "Tỉnh được giao 7 nghìn 570 tỷ 186 triệu đồng; đã giải ngân 1 nghìn 827 tỷ đồng, "
        "hỗ trợ 2 nghìn hộ."
    )
    got = [(m.text, m.attrs["value"]) for m in find_figures(text) if m.type == "QUANTITY"]
    assert got == [
        ("7 nghìn 570 tỷ 186 triệu đồng", 7_570_186_000_000),
        ("1 nghìn 827 tỷ đồng", 1_827_000_000_000),
        ("2 nghìn hộ", 2000),
    ]


def test_a_percentage_typed_with_a_space_after_its_decimal_comma():
    from vnfacts.recognize.numbers import find_figures

    def got(text: str) -> list[tuple[str, object]]:
        return [(m.text, m.attrs["value"]) for m in find_figures(text)]

    assert got("hộ cận nghèo chiếm 14, 52%") == [("14, 52%", 14.52)]
    # no rate over 100: "120, 15%" stays two figures
    assert got("xã có 120, 15% hộ nghèo") == [("120", 120), ("15%", 15)]


# --------------------------------------------------------------------------- beyond a float


def test_a_number_beyond_the_float_range_is_no_figure() -> None:
    # 400 digits: as a QUANTITY or PERCENT its value would be infinite (`Infinity` in JSON)
    huge = "9" * 400
    text = (
        f"Năm 2023, huyện Mèo Vạc còn {huge} hộ nghèo, tỷ lệ hộ nghèo còn {huge},5%, "
        f"tổng vốn {'9' * 300} tỷ đồng; xã Lũng Pù còn 125 hộ nghèo, tỷ lệ 14,5%."
    )
    assert [(kind, span) for kind, span, _ in figs(text)] == [
        ("QUANTITY", "125 hộ"),
        ("PERCENT", "14,5%"),
    ]
    # the largest value a float holds is kept: 300 digits of VND is still finite
    [(kind, _, attrs)] = figs(f"Tổng vốn {'9' * 300} đồng.")
    assert kind == "QUANTITY" and attrs["value"] > 1e299


def test_a_record_with_a_huge_number_is_valid_json() -> None:
    from vnfacts import extract

    huge = "9" * 400
    doc = extract(
        "Mèo Vạc giảm nghèo\n"
        f"Năm 2023, huyện Mèo Vạc còn {huge} hộ nghèo, tỷ lệ hộ nghèo còn {huge},5%, "
        f"giảm {huge},5% so với năm 2022.",
        published="2024-01-10",
    )
    assert not doc.errors
    json.dumps(doc.to_json(), allow_nan=False)  # raises on Infinity or NaN
    assert all(f["value"] != float("inf") for f in doc.to_json()["facts"])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # markup that joined a figure to the word before it ("hơn<b>120</b>")
        ("Chương trình đã huy động được hơn120 tỷ đồng.", [("QUANTITY", "120 tỷ đồng")]),
        ("Tỷ lệ hộ nghèo1,56%, giảm 0,5%.", [("PERCENT", "1,56%"), ("PERCENT", "0,5%")]),
        # a code or a name glued to digits is no figure
        ("Dịch COVID-19 và hội nghị G20 bàn về NQ01.", []),
        ("Mã hồ sơ HS2023 đã được duyệt.", []),
    ],
)
def test_a_figure_glued_to_the_word_before_it(text: str, found: list[tuple[str, str]]) -> None:
    assert [(kind, span) for kind, span, _ in figs(text)] == found


@pytest.mark.parametrize(
    ("text", "span", "value", "bounds"),
    [
        # a range of rates written from its high end: its value is the low end
        ("Tỷ lệ hộ nghèo dự kiến là 0,9 - 0,8%.", "0,9 - 0,8%", 0.8, [0.8, 0.9]),
        ("Cả nước còn từ 1,93% - 1,83%.", "từ 1,93% - 1,83%", 1.83, [1.83, 1.93]),
    ],
)
def test_a_range_of_rates_written_from_its_high_end(
    text: str, span: str, value: float, bounds: list[float]
) -> None:
    kind, got_span, attrs = one(text)
    assert (kind, got_span, attrs["value"], attrs["range"]) == ("PERCENT", span, value, bounds)


def test_a_score_a_date_or_a_change_written_high_first_is_no_range() -> None:
    assert figs("Đội nhà thắng 3-0 trong trận ngày 8-2.") == []
    # rates far apart or listed in turn are two figures, not one range
    for text in ("Tỷ lệ hộ nghèo giảm từ 12,5% - 4,3%.", "Hai năm lần lượt là 5,6% - 4,3%."):
        assert all(attrs.get("range") is None for _, _, attrs in figs(text))
    assert [span for _, span, _ in figs("Đường dây nóng là0912345678, họp là09:30.")] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("huyện còn 1,250 hộ nghèo", 1250),  # a count is whole: English thousands
        ("với 4,532 nhân khẩu", 4532),
        ("xây 1,5 nghìn căn nhà", 1500),  # a scale word: the comma is a decimal mark
        ("tỷ lệ hộ nghèo còn 1,250%", 1.25),  # a share may have a fraction
    ],
)
def test_a_count_written_with_a_comma_before_three_digits_is_whole(text: str, value: float) -> None:
    _, _, attrs = one(text)
    assert attrs["value"] == value
