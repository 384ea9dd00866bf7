"""The time recognizer: years, periods, dates, quarters, parts of years, relative times.

The sentences are written for these tests, modelled on the phrasing of poverty-reduction
reports; none is copied from an article.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vnfacts.patterns import load
from vnfacts.recognize.times import find_times

PUB = "2024-04-27"


def times(text: str, published: str | None = PUB) -> list[tuple[str, dict[str, Any]]]:
    return [(m.text, m.attrs) for m in find_times(text, published=published)]


def one(text: str, published: str | None = PUB) -> tuple[str, dict[str, Any]]:
    found = times(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "attrs"),
    [
        # years and periods
        ("Trong năm 2023, xã giảm 50 hộ nghèo.", "năm 2023", {"year": 2023}),
        ("Kết quả (2022) được công bố.", "2022", {"year": 2022}),
        (
            "Chương trình giai đoạn 2021 - 2025 của tỉnh.",
            "giai đoạn 2021 - 2025",
            {"period": {"start": 2021, "end": 2025}},
        ),
        (
            "Giai đoạn 2021–2030 là giai đoạn tiền đề.",
            "Giai đoạn 2021–2030",
            {"period": {"start": 2021, "end": 2030}},
        ),
        ("Kết quả 2021-2023 vượt kế hoạch.", "2021-2023", {"period": {"start": 2021, "end": 2023}}),
        (
            "Từ năm 2021 đến 2023, huyện đầu tư mạnh.",
            "Từ năm 2021 đến 2023",
            {"period": {"start": 2021, "end": 2023}},
        ),
        (
            "Từ năm 2021 đến năm 2023 có nhiều đổi mới.",
            "Từ năm 2021 đến năm 2023",
            {"period": {"start": 2021, "end": 2023}},
        ),
        (
            "Trong nhiệm kỳ 2020 - 2025, tỉnh về đích.",
            "nhiệm kỳ 2020 - 2025",
            {"period": {"start": 2020, "end": 2025}},
        ),
        (
            "Giai đoạn I từ năm 2021 - 2025 đã xong.",
            "Giai đoạn I từ năm 2021 - 2025",
            {"period": {"start": 2021, "end": 2025}},
        ),
        (
            "Từ năm 2021 đến nay, tỉnh giảm 8.000 hộ nghèo.",
            "Từ năm 2021 đến nay",
            {"period": {"start": 2021, "end": 2024}, "relative": "to_now", "from_published": True},
        ),
        # a span to now that starts on a day or in a month
        (
            "Các hộ đã khởi công làm nhà từ ngày 10/11/2023 đến nay.",
            "từ ngày 10/11/2023 đến nay",
            {"period": {"start": 2023, "end": 2024}, "relative": "to_now", "from_published": True},
        ),
        (
            "Từ tháng 3/2022 đến nay, huyện bàn giao 40 căn nhà.",
            "Từ tháng 3/2022 đến nay",
            {"period": {"start": 2022, "end": 2024}, "relative": "to_now", "from_published": True},
        ),
        (
            "Từ tháng 6 năm 2023 tới nay, xã có thêm 12 hộ thoát nghèo.",
            "Từ tháng 6 năm 2023 tới nay",
            {"period": {"start": 2023, "end": 2024}, "relative": "to_now", "from_published": True},
        ),
        # dates
        (
            "Kế hoạch ban hành ngày 31/3/2023.",
            "ngày 31/3/2023",
            {"day": 31, "month": 3, "year": 2023},
        ),
        ("Tin đăng 09:14 AM 29/03/2024.", "29/03/2024", {"day": 29, "month": 3, "year": 2024}),
        ("Họp ngày 5-5-2023 tại xã.", "ngày 5-5-2023", {"day": 5, "month": 5, "year": 2023}),
        ("Ngày 23.08.2019 trời mưa.", "Ngày 23.08.2019", {"day": 23, "month": 8, "year": 2019}),
        ("Ký ngày 12/4/23 tại tỉnh.", "ngày 12/4/23", {"day": 12, "month": 4, "year": 2023}),
        (
            "Thứ Sáu, ngày 23 tháng 08 năm 2019",
            "ngày 23 tháng 08 năm 2019",
            {"day": 23, "month": 8, "year": 2019},
        ),
        (
            "Ngày 26/4, tỉnh tổ chức hội nghị.",
            "Ngày 26/4",
            {"day": 26, "month": 4, "year": 2024, "from_published": True},
        ),
        (
            "Sáng nay (20/4), đoàn làm việc.",
            "20/4",
            {"day": 20, "month": 4, "year": 2024, "from_published": True},
        ),
        # months and quarters
        ("Trong tháng 6 năm 2024 đã giải ngân.", "tháng 6 năm 2024", {"month": 6, "year": 2024}),
        (
            "Tính đến cuối tháng 6 năm 2024, tỉnh đã giải ngân.",
            "cuối tháng 6 năm 2024",
            {"month": 6, "year": 2024, "relative": "end_of_month"},
        ),
        ("Đến tháng 12/2023 có 20 hộ.", "tháng 12/2023", {"month": 12, "year": 2023}),
        ("Số liệu 6/2024 cho thấy.", "6/2024", {"month": 6, "year": 2024}),
        (
            "Tính đến hết tháng 12-2016, cả nước có 2 triệu hộ.",
            "hết tháng 12-2016",
            {"month": 12, "year": 2016, "relative": "end_of_month"},
        ),
        (
            "Đến cuối tháng ba mới có danh sách.",
            "cuối tháng ba",
            {"month": 3, "year": 2024, "relative": "end_of_month", "from_published": True},
        ),
        (
            "Trong tháng tư năm nay.",
            "tháng tư năm nay",
            {"month": 4, "year": 2024, "from_published": True},
        ),
        ("Từ tháng mười hai năm 2023.", "tháng mười hai năm 2023", {"month": 12, "year": 2023}),
        ("Từ tháng 3 triển khai.", "tháng 3", {"month": 3, "year": 2024, "from_published": True}),
        ("Trong quý I/2024, huyện giải ngân.", "quý I/2024", {"quarter": 1, "year": 2024}),
        ("Đến quý 3 năm 2023 hoàn thành.", "quý 3 năm 2023", {"quarter": 3, "year": 2023}),
        (
            "Trong quý IV năm nay sẽ xong.",
            "quý IV năm nay",
            {"quarter": 4, "year": 2024, "from_published": True},
        ),
        (
            "Ngay trong quý II, xã triển khai.",
            "quý II",
            {"quarter": 2, "year": 2024, "from_published": True},
        ),
        # parts of years
        (
            "Đến cuối năm 2022, tỷ lệ hộ nghèo còn 8%.",
            "Đến cuối năm 2022",
            {"year": 2022, "relative": "end_of_year"},
        ),
        (
            "Nhờ đó, đến hết năm 2023, huyện còn 2.100 hộ.",
            "đến hết năm 2023",
            {"year": 2023, "relative": "end_of_year"},
        ),
        (
            "Dự kiến hết năm 2024 giảm thêm 4%.",
            "hết năm 2024",
            {"year": 2024, "relative": "end_of_year"},
        ),
        (
            "Tính đến hết năm 2023 có 90 hộ.",
            "Tính đến hết năm 2023",
            {"year": 2023, "relative": "end_of_year"},
        ),
        (
            "Đầu năm 2024, xã rà soát lại.",
            "Đầu năm 2024",
            {"year": 2024, "relative": "start_of_year"},
        ),
        (
            "Cuối năm 2022, tỷ lệ còn 8%.",
            "Cuối năm 2022",
            {"year": 2022, "relative": "end_of_year"},
        ),
        (
            "Đến cuối năm, xã phấn đấu xóa 80 nhà tạm.",
            "Đến cuối năm",
            {"year": 2024, "relative": "end_of_year", "from_published": True},
        ),
        (
            "Từ đầu năm nay, huyện hỗ trợ 30 hộ.",
            "Từ đầu năm nay",
            {"year": 2024, "relative": "start_of_year", "from_published": True},
        ),
        (
            "Đến cuối năm ngoái, tỷ lệ còn 5%.",
            "Đến cuối năm ngoái",
            {"year": 2023, "relative": "end_of_year", "from_published": True},
        ),
        (
            "Tính riêng trong 3 tháng đầu năm 2024, huyện đạt nhiều kết quả.",
            "3 tháng đầu năm 2024",
            {"year": 2024, "relative": "first_months", "months": 3},
        ),
        (
            "Trong 6 tháng đầu năm, tỉnh giải ngân 30%.",
            "6 tháng đầu năm",
            {"year": 2024, "relative": "first_months", "months": 6, "from_published": True},
        ),
        (
            "Sáu tháng đầu năm 2023, kinh tế tăng trưởng.",
            "Sáu tháng đầu năm 2023",
            {"year": 2023, "relative": "first_months", "months": 6},
        ),
        (
            "Kết quả 9 tháng năm 2024 khả quan.",
            "9 tháng năm 2024",
            {"year": 2024, "relative": "first_months", "months": 9},
        ),
        (
            "Trong 6 tháng cuối năm 2024 tập trung giải ngân.",
            "6 tháng cuối năm 2024",
            {"year": 2024, "relative": "last_months", "months": 6},
        ),
        # the moment of writing
        (
            "Hiện nay, toàn tỉnh có 99% xã có đường ô tô.",
            "Hiện nay",
            {"relative": "now", "year": 2024, "from_published": True},
        ),
        (
            "Hiện tại xã còn 40 hộ nghèo.",
            "Hiện tại",
            {"relative": "now", "year": 2024, "from_published": True},
        ),
        (
            "Tỷ lệ hộ nghèo tính đến thời điểm hiện tại là 8,9%.",
            "tính đến thời điểm hiện tại",
            {"relative": "now", "year": 2024, "from_published": True},
        ),
        (
            "Đến thời điểm hiện tại, mỗi năm có 400 lao động đi làm.",
            "Đến thời điểm hiện tại",
            {"relative": "now", "year": 2024, "from_published": True},
        ),
        (
            "Đến nay, dự án đã hoàn thành.",
            "Đến nay",
            {"relative": "now", "year": 2024, "from_published": True},
        ),
        (
            "Năm nay xã phấn đấu giảm 3%.",
            "Năm nay",
            {"relative": "this_year", "year": 2024, "from_published": True},
        ),
        (
            "So với năm ngoái, thu nhập tăng.",
            "năm ngoái",
            {"relative": "last_year", "year": 2023, "from_published": True},
        ),
        (
            "Giảm 2% so với năm trước.",
            "năm trước",
            {"relative": "last_year", "year": 2023, "from_published": True},
        ),
        (
            "Kế hoạch cho năm tới đã sẵn sàng.",
            "năm tới",
            {"relative": "next_year", "year": 2025, "from_published": True},
        ),
    ],
)
def test_times(text: str, span: str, attrs: dict[str, Any]) -> None:
    assert one(text) == (span, attrs)


def test_relative_times_without_a_publication_date_have_no_year() -> None:
    assert times("Năm nay xã giảm 3%.", None) == [("Năm nay", {"relative": "this_year"})]
    assert times("Hiện nay có 40 hộ.", None) == [("Hiện nay", {"relative": "now"})]
    assert times("Trong 6 tháng đầu năm.", None) == [
        ("6 tháng đầu năm", {"relative": "first_months", "months": 6})
    ]
    assert times("Ngày 16/11 tỉnh họp.", None) == [("Ngày 16/11", {"day": 16, "month": 11})]


def test_a_day_and_month_late_in_the_year_before_publication_is_last_years() -> None:
    assert times("Ngày 28/12, tỉnh tổng kết.", "2025-01-05") == [
        ("Ngày 28/12", {"day": 28, "month": 12, "year": 2024, "from_published": True})
    ]
    assert times("Ngày 16/11, tỉnh khởi công.", "2025-11-16") == [
        ("Ngày 16/11", {"day": 16, "month": 11, "year": 2025, "from_published": True})
    ]


def test_a_day_and_month_joined_by_a_dash_after_ngay_is_a_date() -> None:
    # outlets that write "ngày 24-1" for 24 January; without "ngày", "4-5" stays a range
    assert times("Tính đến ngày 24-1, toàn tỉnh sửa xong 796 căn nhà.", "2025-01-26") == [
        ("ngày 24-1", {"day": 24, "month": 1, "year": 2025, "from_published": True})
    ]
    assert times("Mỗi năm giảm 4-5% hộ nghèo.", "2025-01-26") == []
    # a span of days is no date: counted days, a month or a feast after them, "every day"
    for span in (
        "Trong hai ngày 11-12, đoàn công tác làm việc tại huyện.",
        "Từ ngày 1-10 hằng tháng, xã chi trả trợ cấp.",
        "Mồng 3-4 Tết, xã thăm hộ nghèo.",
        "Mỗi ngày 2-3 hộ đăng ký thoát nghèo.",
    ):
        assert times(span, "2024-06-01") == [], span
    assert times("Vào ngày 1-2 tháng 3 năm 2024, xã họp.", "2024-06-01") == [
        ("tháng 3 năm 2024", {"month": 3, "year": 2024})
    ]


def test_a_bad_publication_date_is_ignored() -> None:
    assert times("Năm nay xã giảm 3%.", "không rõ") == [("Năm nay", {"relative": "this_year"})]


def test_several_times_in_one_sentence() -> None:
    text = (
        "Thu nhập bình quân tăng từ 24,1 triệu đồng/người/năm (năm 2020) lên 29,8 triệu "
        "đồng/người/năm (năm 2023)."
    )
    assert times(text) == [("năm 2020", {"year": 2020}), ("năm 2023", {"year": 2023})]
    text = "Cụ thể: Giai đoạn 2021-2023 (năm 2021 giảm 3,01%, năm 2022 giảm 3,68%)."
    assert [s for s, _ in times(text)] == ["Giai đoạn 2021-2023", "năm 2021", "năm 2022"]


@pytest.mark.parametrize(
    "text",
    [
        "Kiện toàn 11/11 ban quản lý xã.",
        "Có 47/88 xã thoát khỏi diện đặc biệt khó khăn.",
        "Hoàn thành 19/19 tiêu chí.",
        "Làm mất 1/3 lượng chất béo.",
        "Theo Quyết định số 2000/QĐ-UBND của tỉnh.",
        "Toàn huyện có 2.020 hộ nghèo.",
        "Toàn huyện có 2020 hộ nghèo.",
        "Dự kiến giảm thêm 4-5%.",
        "Thực hiện Chương trình 135.",
        "Trong nhiều năm trước đây, xã còn khó khăn.",
        "Trong 2 năm vừa qua, xã đổi mới.",
        "Hằng năm, xã rà soát hộ nghèo.",
        "Trong những năm qua, huyện quan tâm.",
        "Giá trị 1.5 triệu.",
        "Tháng 13 không có.",
        "Xã thực hiện tại 5 thôn.",  # "thực hiện" is a verb: no "hiện tại" here
        "Dịch bệnh xuất hiện tại nhiều nơi.",
        "Ngày 35/14 không có.",
    ],
)
def test_not_times(text: str) -> None:
    assert times(text) == []


def test_offsets_are_absolute_within_a_span() -> None:
    text = "Năm 2020 khó khăn. Đến hết năm 2023, xã còn 20 hộ. Năm 2025 sẽ xong."
    lo = text.index("Đến")
    hi = text.index("Năm 2025")
    got = find_times(text, lo, hi, published=PUB)
    assert [(m.start, m.end, m.text) for m in got] == [(lo, lo + 16, "Đến hết năm 2023")]


def test_a_prefix_before_the_span_is_not_taken() -> None:
    text = "cuối năm 2022"
    got = find_times(text, text.index("năm"), len(text), published=PUB)
    assert [(m.text, m.attrs) for m in got] == [("năm 2022", {"year": 2022})]


def test_method_names_the_rule() -> None:
    (m,) = find_times("Đến hết năm 2023.", published=PUB)
    assert m.method == "times/v1:end-of-year"
    (m,) = find_times("Hiện nay.", published=PUB)
    assert m.method == "times/v1:now"


def test_every_relative_phrase_is_read() -> None:
    """Adding a phrase is a data edit: every `now` and `year_edge` form is read as its rule."""
    for rule in load("times"):
        if rule["kind"] == "now":
            for form in rule["forms"]:
                got = times(f"Nói {form}, xã có 5 hộ.")
                assert got == [
                    (form, {"relative": rule["relative"], "year": 2024, "from_published": True})
                ], form
        elif rule["kind"] == "year_edge":
            for form in rule["forms"]:
                got = times(f"Nói {form} 2022, xã có 5 hộ.")
                assert got == [(f"{form} 2022", {"relative": rule["relative"], "year": 2022})], form
        elif rule["kind"] == "year_ref":
            for form in rule["forms"]:
                got = times(f"Nói năm {form}, xã có 5 hộ.")
                year = 2024 + rule["offset"]
                assert got == [
                    (
                        f"năm {form}",
                        {"relative": rule["relative"], "year": year, "from_published": True},
                    )
                ], form


# --------------------------------------------------------------------------- properties


@given(st.integers(min_value=1945, max_value=2075), st.integers(min_value=1, max_value=20))
def test_periods_round_trip(y1: int, span: int) -> None:
    y2 = y1 + span
    for text in (f"giai đoạn {y1} - {y2}", f"từ năm {y1} đến {y2}", f"{y1}-{y2}"):
        (m,) = find_times(f"Trong {text}, xã đổi mới.")
        assert m.text == text
        assert m.attrs == {"period": {"start": y1, "end": y2}}


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_dates_round_trip(day: dt.date) -> None:
    text = f"Họp ngày {day.day}/{day.month}/{day.year} tại xã."
    (m,) = find_times(text)
    assert m.attrs == {"day": day.day, "month": day.month, "year": day.year}
    assert text[m.start : m.end] == m.text == f"ngày {day.day}/{day.month}/{day.year}"


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1990, max_value=2060))
def test_first_months_round_trip(months: int, year: int) -> None:
    (m,) = find_times(f"Trong {months} tháng đầu năm {year} xã giải ngân.")
    assert m.attrs == {"relative": "first_months", "months": months, "year": year}


FRAGMENTS = [
    "năm",
    "2023",
    "nay",
    "ngoái",
    "giai đoạn",
    "2021",
    "-",
    "–",
    "2025",
    "từ",
    "đến",
    "hết",
    "cuối",
    "đầu",
    "tháng",
    "6",
    "quý",
    "I",
    "IV",
    "/",
    "ngày",
    "31/3/2023",
    "16/11",
    "11/11",
    "ban",
    "xã",
    "hiện",
    "tại",
    "thời điểm",
    "tính",
    "3",
    "(",
    ")",
    ",",
    ".",
    "hộ",
    "sáu",
    "mười",
    "hai",
    "2.020",
    "\n",
    "0:00",
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30), st.data())
def test_spans_round_trip(parts: list[str], data: st.DataObject) -> None:
    text = " ".join(parts)
    lo = data.draw(st.integers(min_value=0, max_value=len(text)))
    hi = data.draw(st.integers(min_value=lo, max_value=len(text)))
    for m in find_times(text, lo, hi, published=PUB):
        assert lo <= m.start < m.end <= hi
        assert text[m.start : m.end] == m.text
        assert m.type == "TIME"
        assert any(k in m.attrs for k in ("year", "period", "month", "relative", "quarter"))


@given(st.text(max_size=200))
def test_any_text_is_safe(text: str) -> None:
    for m in find_times(text, published=PUB):
        assert text[m.start : m.end] == m.text


def test_a_number_before_1900_is_no_year() -> None:
    # "(1838)": a programme's number in parentheses, not a year of the 19th century
    got = times("Chương trình vận động, hỗ trợ xã hội hóa (1838) năm 2025 có 10.854 hộ.")
    assert [attrs.get("year") for _, attrs in got] == [2025]


def test_since_the_start_of_a_year_in_an_undated_text_is_that_year() -> None:
    # "từ đầu năm 2020 đến nay" with no date: so far in 2020; "từ năm 2021 đến nay" stays open
    assert one("Từ đầu năm 2020 đến nay, tỉnh bàn giao 33 căn nhà.", published=None)[1] == {
        "year": 2020,
        "relative": "to_now",
    }
    assert one("Từ năm 2021 đến nay, tỉnh giảm 8.000 hộ nghèo.", published=None)[1] == {
        "period": {"start": 2021, "end": None},
        "relative": "to_now",
    }
