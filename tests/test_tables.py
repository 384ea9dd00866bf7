"""The table reader (pipeline/tables.py): tables flattened into text give facts.

Every table here is invented (numbers made up, places real), in the shapes real pages take:
whitespace rows under a line of years, `|` cells a row a line, `|` cells a line each.
"""

from __future__ import annotations

from typing import Any

import pytest
from vnfacts import extract, patterns
from vnfacts.tables import find_tables, table_cues, unit_of


def table_facts(text: str, **kw: Any) -> list[tuple[Any, ...]]:
    doc = extract(text, **kw)
    out = []
    for f in doc.facts:
        if not f["method"].startswith("table-cell"):
            continue
        ev, fig = f["evidence"], f["figure"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
        assert text[fig["start"] : fig["end"]] == fig["text"]
        assert ev["start"] <= fig["start"] and fig["end"] == ev["end"]
        loc = f["locality"] or {}
        out.append(
            (f["indicator"], loc.get("name"), loc.get("level"), f["year"], f["value"], f["unit"])
            + ((f["group"],) if f.get("group") else ())
        )
    return out


YEAR_ROWS = (
    "Chỉ tiêu kinh tế - xã hội huyện Mèo Vạc\n"
    "Chỉ tiêu ĐVT 2019 2020 2021\n"
    "Tổng số hộ hộ 18250.00 18600.00 18910.00\n"
    "Số hộ nghèo hộ 7100.00 6480.00\n"
    "Số hộ thoát nghèo hộ 910.00 620.00 530.00\n"
    "Tỷ lệ hộ nghèo % 38.90 34.84 31.46\n"
    "Số trường đạt chuẩn trường 12.00 14.00 15.00\n"
)


def test_whitespace_rows_under_a_header_of_years():
    got = table_facts(YEAR_ROWS)
    place = ("Mèo Vạc", "district")
    assert got == [
        ("total_households", *place, 2019, 18250, "households"),
        ("total_households", *place, 2020, 18600, "households"),
        ("total_households", *place, 2021, 18910, "households"),
        # a row that stops short leaves the last year blank
        ("poor_households", *place, 2019, 7100, "households"),
        ("poor_households", *place, 2020, 6480, "households"),
        ("poor_households_reduction", *place, 2019, 910, "households"),
        ("poor_households_reduction", *place, 2020, 620, "households"),
        ("poor_households_reduction", *place, 2021, 530, "households"),
        ("poverty_rate", *place, 2019, 38.9, "%"),
        ("poverty_rate", *place, 2020, 34.84, "%"),
        ("poverty_rate", *place, 2021, 31.46, "%"),
    ]


def test_a_row_that_only_names_a_year_of_the_header_is_no_count():
    # a bilingual yearbook repeats each year as a label ("Hộ nghèo 2013" / "Poor households")
    text = YEAR_ROWS.replace("Tổng số hộ hộ", "Số hộ nghèo 2019\nTổng số hộ hộ", 1)
    got = table_facts(text)
    assert ("poor_households", "Mèo Vạc", "district", 2019, 2019, "households") not in got
    assert ("poor_households", "Mèo Vạc", "district", 2019, 7100, "households") in got
    # counts that only look like years, none of the header's, are counts
    counts = YEAR_ROWS.replace("Tổng số hộ hộ", "Số hộ cận nghèo hộ 1990 2012 2040\nTổng số hộ hộ")
    got = table_facts(counts)
    assert ("near_poor_households", "Mèo Vạc", "district", 2019, 1990, "households") in got
    assert ("poverty_rate", "Mèo Vạc", "district", 2021, 31.46, "%") in got


# a statistics yearbook page turned into text: a row a year, columns aligned by spaces, the
# column titles written in pieces above them, a second table (an index) under the first
YEARBOOK = "\n".join(
    [
        "Kinh tế xã hội tỉnh Thái Bình mười năm 2011-2020",
        "",
        "87       Một số chỉ tiêu về mức sống dân cư",
        "",
        "                                                            Thu nhập bình quân",
        "                                     Tỷ lệ hộ nghèo",
        "                                     tiếp cận đa chiều      đầu người một tháng",
        "                                                            theo giá hiện hành",
        "                                          (%)",
        "                                                              (Nghìn đồng)",
        "",
        "                 2018                     3,10                    3.120",
        "                 2019                     2,45                    3.401",
        "",
        "                 2020                     1,82                       -",
        "",
        "                                     Chỉ số phát triển (Năm trước = 100) - %",
        "                 2018                                             109,20",
        "                 2019                                             109,01",
        "                 2020                                             105,30",
    ]
)


def test_a_yearbook_table_of_a_row_a_year_and_titles_in_pieces():
    got = table_facts(YEARBOOK, published="2021-06-01")
    place = ("Thái Bình", "province")
    assert got == [
        ("poverty_rate", *place, 2018, 3.1, "%"),
        ("average_income", *place, 2018, 3120000, "VND/person/month"),
        ("poverty_rate", *place, 2019, 2.45, "%"),
        ("average_income", *place, 2019, 3401000, "VND/person/month"),
        # an empty cell is no fact; the index rows below measure nothing of the vocabulary
        ("poverty_rate", *place, 2020, 1.82, "%"),
    ]


# the same kind of yearbook table copied a cell a line, titles in Vietnamese then English
YEARBOOK_CELL_A_LINE = "\n".join(
    [
        *("Niên giám thống kê tỉnh Bình Định", "", "251. Tỷ lệ hộ nghèo", "Poverty rate"),
        *("Tỷ lệ hộ nghèo", "Poverty rate", "Thành thị", "Nông thôn", "Urban", "Rural"),
        *("2019", "8,12", "3,40", "10,05", "2020", "6,90", "2,81", "8,77"),
        *("2021", "5,44", "2,02", "7,10", "Đơn vị tính", "- Unit: %"),
    ]
)


def test_a_yearbook_table_copied_a_cell_a_line_with_english_titles():
    got = table_facts(YEARBOOK_CELL_A_LINE, published="2022-06-01")
    place = ("Bình Định", "province")
    assert got == [
        ("poverty_rate", *place, 2019, 8.12, "%"),
        ("poverty_rate", *place, 2019, 3.4, "%", "thành thị"),
        ("poverty_rate", *place, 2019, 10.05, "%", "nông thôn"),
        ("poverty_rate", *place, 2020, 6.9, "%"),
        ("poverty_rate", *place, 2020, 2.81, "%", "thành thị"),
        ("poverty_rate", *place, 2020, 8.77, "%", "nông thôn"),
        ("poverty_rate", *place, 2021, 5.44, "%"),
        ("poverty_rate", *place, 2021, 2.02, "%", "thành thị"),
        ("poverty_rate", *place, 2021, 7.1, "%", "nông thôn"),
    ]


def test_area_columns_take_the_measure_they_stand_under_and_gaps_do_not_end_the_table():
    table = "\n".join(
        [
            *("Niên giám thống kê tỉnh Phú Yên", "", "Tỷ lệ hộ nghèo", "Thành thị", "Nông thôn"),
            "Thu nhập bình quân đầu người một tháng (Nghìn đồng)",
            *("Thành thị", "Nông thôn", "- Đơn vị tính: %"),
            *("2019", "", "9,20", "4,10", "11,30", "3.050", "3.900", "2.700"),
            *("2020", "7,80", "-", "9,60", "3.210", "4.100", "2.850"),
            *("2021", "6,40", "2,90", "8,10", "3.380", "4.300", "3.000"),
        ]
    )
    got = table_facts(table, published="2022-06-01")
    place = ("Phú Yên", "province")
    month = "VND/person/month"
    assert got[:6] == [
        ("poverty_rate", *place, 2019, 9.2, "%"),
        ("poverty_rate", *place, 2019, 4.1, "%", "thành thị"),
        ("poverty_rate", *place, 2019, 11.3, "%", "nông thôn"),
        ("average_income", *place, 2019, 3050000, month),
        ("average_income", *place, 2019, 3900000, month, "thành thị"),
        ("average_income", *place, 2019, 2700000, month, "nông thôn"),
    ]
    # the empty cell of 2020 gives no fact; 2021 is read in full
    assert len(got) == 17
    assert ("poverty_rate", *place, 2021, 2.9, "%", "thành thị") in got


def test_a_yearbook_column_named_by_nothing_gives_no_facts():
    table = "\n".join(
        [
            *("Niên giám thống kê", "Tỷ lệ hộ nghèo", "Chỉ số giá", "Nông thôn"),
            *("2019", "8,12", "101,2", "10,05", "2020", "6,90", "102,3", "8,77"),
            *("2021", "5,44", "101,9", "7,10"),
        ]
    )
    assert table_facts(table, published="2022-06-01") == []


def test_the_second_row_of_one_year_is_measured_by_the_next_standard():
    table = "\n".join(
        [
            "Tỷ lệ hộ nghèo tỉnh Thái Bình",
            "",
            "                          Tỷ lệ hộ nghèo (%)",
            "        2014              4,50",
            "        2015              3,20",
            "        2015              6,10",
            "        2016              5,00",
        ]
    )
    doc = extract(table, published="2017-06-01")
    got = [(f["year"], f["value"], f["standard"]) for f in doc.facts]
    assert got == [
        (2014, 4.5, "2011-2015"),
        (2015, 3.2, "2011-2015"),
        (2015, 6.1, "2016-2020"),
        (2016, 5, "2016-2020"),
    ]


def bar_lines(caption: str, cells: list[str]) -> str:
    """A table whose cells are separated by lines holding only `|`."""
    return caption + "\n" + "\n|\n".join(cells) + "\nNguồn: Sở Lao động - Thương binh và Xã hội\n"


PLACES_BY_BARS = bar_lines(
    "Tỉnh Lào Cai: kết quả rà soát hộ nghèo, hộ cận nghèo năm 2022",
    [
        "STT", "Huyện", "Số hộ nghèo,\ncận nghèo", "Số phiếu điều tra",
        "Nghèo", "Cận nghèo", "Số phiếu nghèo", "Số phiếu cận nghèo",
        "1", "Huyện Bát Xát", "2.140", "1.035", "2.150", "1.040",
        "2", "Huyện Bắc Hà", "3.012", "870", "3.020", "875",
        "", "Tổng cộng", "5.152", "1.905", "5.170", "1.915",
    ],
)  # fmt: skip


def test_cells_between_bar_lines_with_merged_titles_and_a_total_row():
    got = table_facts(PLACES_BY_BARS)
    assert got == [
        ("poor_households", "Bát Xát", "district", 2022, 2140, "households"),
        ("near_poor_households", "Bát Xát", "district", 2022, 1035, "households"),
        ("poor_households", "Bắc Hà", "district", 2022, 3012, "households"),
        ("near_poor_households", "Bắc Hà", "district", 2022, 870, "households"),
        # the total of districts is their province; the survey-form counts are no facts
        ("poor_households", "Lào Cai", "province", 2022, 5152, "households"),
        ("near_poor_households", "Lào Cai", "province", 2022, 1905, "households"),
    ]


ROWS_BY_BARS = (
    "Tỷ lệ hộ nghèo các huyện của tỉnh Hà Giang năm 2023\n"
    "TT | Đơn vị | Tỷ lệ hộ nghèo (%) | Hộ nghèo | Tỷ lệ hộ cận nghèo (%) | Tổng số nhân khẩu |\n"
    "A | B | 1 | 2 | 3 | 4 |\n"
    "I | Khu vực nông thôn | 21,4 | 30.120 | 9,8 | 410.200 |\n"
    "1 | Huyện Đồng Văn | 40,12 | 7.905 | 11,3 | 80.100 |\n"
    "2 | Huyện Yên Minh | 28,06 | 6.120 | - | 95.300 |\n"
    "Toàn tỉnh | 18,75 | 36.540 | 8,2 | 890.000 |\n"
)


def test_cells_a_row_a_line_named_by_their_column_titles():
    got = table_facts(ROWS_BY_BARS)
    area = "khu vực nông thôn"
    assert got == [
        # a section row narrows itself and the rows under it to a group
        ("poverty_rate", "Hà Giang", "province", 2023, 21.4, "%", area),
        ("poor_households", "Hà Giang", "province", 2023, 30120, "households", area),
        ("near_poverty_rate", "Hà Giang", "province", 2023, 9.8, "%", area),
        # "Tổng số nhân khẩu": its people (the title implies persons)
        ("population", "Hà Giang", "province", 2023, 410200, "persons", area),
        ("poverty_rate", "Đồng Văn", "district", 2023, 40.12, "%", area),
        ("poor_households", "Đồng Văn", "district", 2023, 7905, "households", area),
        ("near_poverty_rate", "Đồng Văn", "district", 2023, 11.3, "%", area),
        ("population", "Đồng Văn", "district", 2023, 80100, "persons", area),
        ("poverty_rate", "Yên Minh", "district", 2023, 28.06, "%", area),
        ("poor_households", "Yên Minh", "district", 2023, 6120, "households", area),
        ("population", "Yên Minh", "district", 2023, 95300, "persons", area),
        ("poverty_rate", "Hà Giang", "province", 2023, 18.75, "%"),
        ("poor_households", "Hà Giang", "province", 2023, 36540, "households"),
        ("near_poverty_rate", "Hà Giang", "province", 2023, 8.2, "%"),
        ("population", "Hà Giang", "province", 2023, 890000, "persons"),
    ]


def test_a_table_of_other_measures_gives_no_facts():
    text = (
        "Số liệu giáo dục huyện Mèo Vạc năm 2022\n"
        "STT | Xã | Số trường | Số học sinh | Số giáo viên\n"
        "1 | Xã Pải Lủng | 3 | 1.250 | 64\n"
        "2 | Xã Lũng Pù | 2 | 980 | 51\n"
        "Chỉ tiêu ĐVT 2020 2021 2022\n"
        "Số phòng học phòng 120 131 140\n"
        "Số phiếu khảo sát hộ nghèo phiếu 900 950 990\n"
    )
    assert len(find_tables(text)) == 2  # tables they are, of nothing FACTS.md measures
    assert table_facts(text) == []


def test_a_cell_the_sentences_already_state_is_one_fact():
    text = "Năm 2021, tỷ lệ hộ nghèo của huyện Mèo Vạc là 31,46%.\n" + YEAR_ROWS.replace(
        "38.90 34.84 31.46", "38,90 34,84 31,46"
    ).replace(".00", "")
    doc = extract(text)
    rates = [f for f in doc.facts if f["indicator"] == "poverty_rate" and f["year"] == 2021]
    assert len(rates) == 1 and rates[0]["value"] == 31.46
    assert rates[0]["evidence"]["start"] == 0  # the first statement, the sentence's


def test_units_are_read_with_the_unit_and_scale_data():
    assert unit_of("hộ") == ("households", 1)
    assert unit_of("(%)") == ("%", 1)
    for written in ("tỷ lệ %", "Tỷ lệ (%)", "tỉ lệ %", "(Tỉ lệ %)", "tỉ lệ (%)"):
        assert unit_of(written) == ("%", 1), written
    assert unit_of("triệu đồng") == ("VND", 1000000)
    assert unit_of("nghìn đồng/người/tháng") == ("VND/person/month", 1000)
    assert unit_of("nghìn hộ") is None  # a count in thousands is left alone
    assert unit_of("trường") == ("schools", 1)  # a unit, of no indicator
    assert unit_of("phiếu") is None


def test_layout_cues_are_validated_on_load(pattern_files):
    assert any(c.kind == "total_row" for c in table_cues())
    pattern_files(
        {
            "tables.jsonl": '{"id": "x", "kind": "total_row", "regex": "^tổng$", "match": ["Tổng cộng"]}\n'
        },
        table_cues,
    )
    with pytest.raises(patterns.PatternError, match="example"):
        table_cues()


def test_a_header_of_bare_years_between_bars_and_a_plan_column():
    text = (
        "Kết quả giảm nghèo huyện Bắc Hà\n"
        "Chỉ tiêu | 2021 | 2022 | KH 2023\n"
        "Tỷ lệ hộ nghèo (%) | 30,5 | 26,1 | 22\n"
        "Số hộ cận nghèo | 1.210 | 1.105 | 1.000\n"
    )
    doc = extract(text, published="2022-12-20")
    got = [
        (f["indicator"], f["locality"]["name"], f["year"], f["value"], f["status"])
        for f in doc.facts
    ]
    assert got == [
        ("poverty_rate", "Bắc Hà", 2021, 30.5, "actual"),
        ("poverty_rate", "Bắc Hà", 2022, 26.1, "actual"),
        ("poverty_rate", "Bắc Hà", 2023, 22, "target"),
        ("near_poor_households", "Bắc Hà", 2021, 1210, "actual"),
        ("near_poor_households", "Bắc Hà", 2022, 1105, "actual"),
        ("near_poor_households", "Bắc Hà", 2023, 1000, "target"),
    ]


def test_a_year_table_takes_the_place_the_outlet_names_and_none_without_one():
    text = "Chỉ tiêu toàn tỉnh\nChỉ tiêu ĐV tính 2016 2017\nSố hộ nghèo hộ 42000.00 35500.00\n"
    got = table_facts(text, url="https://sokhdt.bacgiang.gov.vn/chi-tieu")
    assert got == [
        ("poor_households", "Bắc Giang", "province", 2016, 42000, "households"),
        ("poor_households", "Bắc Giang", "province", 2017, 35500, "households"),
    ]
    assert table_facts(text) == []  # numbers of no known unit are no facts


SENTENCE = "Năm 2023, tỷ lệ hộ nghèo của huyện Yên Bình là 6,2%."


@pytest.mark.parametrize(
    "text",
    [
        SENTENCE + "\nTT\n|\nHuyện\n|\nTỷ lệ\n|\nHuyện Yên Bình\n|\n6,2\n|\n",  # a bar at the end
        "|\nHuyện Yên Bình\n|\n6,2\n|\nHuyện Lục Yên\n|\n5,1\n|\n" + SENTENCE,  # at the start
        SENTENCE + "\n|\n|\n|\n|",  # only bars after the sentence
    ],
)
def test_a_text_that_starts_or_ends_on_a_bar_keeps_its_sentence_facts(text):
    doc = extract(text)
    assert doc.errors == []
    rates = [(f["indicator"], f["locality"]["name"], f["year"], f["value"]) for f in doc.facts]
    assert ("poverty_rate", "Yên Bình", 2023, 6.2) in rates


@pytest.mark.parametrize("text", ["|\n|\n|\n|", "|", ""])
def test_a_text_of_only_bars_or_nothing_does_not_fail_the_link_stage(text):
    doc = extract(text)
    assert doc.facts == []
    # an empty text is refused at ingest, by design; nothing may fail later
    assert [e for e in doc.errors if e.code != "empty"] == []
    assert find_tables(text) == []


def test_boilerplate_spans_are_bisected_like_a_scan():
    from types import SimpleNamespace

    from vnfacts.tables import Table, TableReader

    spans = [(50, 60), (0, 40), (10, 20), (70, 200), (80, 90)]
    reader = SimpleNamespace(boilerplate=spans)
    TableReader._boiler_index(reader)  # type: ignore[arg-type]
    for start in range(0, 210, 5):
        for end in range(start, 215, 5):
            table = Table(start, end, [], [], "pipe-rows")
            want = any(s <= start and end <= e for s, e in spans)
            assert TableReader._in_boilerplate(reader, table) == want  # type: ignore[arg-type]


def test_a_two_row_table_with_a_row_number_column():
    text = (
        "Tỷ lệ hộ nghèo các huyện tỉnh Lai Châu năm 2023\n"
        "STT | Huyện | Tỷ lệ hộ nghèo (%)\n"
        "1 | Mường Tè | 28,4\n"
        "2 | Nậm Nhùn | 24,1\n"
        "Nguồn: Sở Lao động - Thương binh và Xã hội tỉnh Lai Châu\n"
    )
    # the title before the first row number is no row label
    assert table_facts(text) == [
        ("poverty_rate", "Mường Tè", "district", 2023, 28.4, "%"),
        ("poverty_rate", "Nậm Nhùn", "district", 2023, 24.1, "%"),
    ]


def test_a_small_count_before_an_unnumbered_total_row_is_a_value():
    text = (
        "Số hộ nghèo các huyện tỉnh Lai Châu năm 2023\n"
        "STT | Huyện | Số hộ nghèo\n"
        "1 | Mường Tè | 120\n"
        "2 | Nậm Nhùn | 98\n"
        "Toàn tỉnh | 218\n"
    )
    assert table_facts(text) == [
        ("poor_households", "Mường Tè", "district", 2023, 120, "households"),
        ("poor_households", "Nậm Nhùn", "district", 2023, 98, "households"),
        ("poor_households", "Lai Châu", "province", 2023, 218, "households"),
    ]


# an HTML table copied as text: a cell a line, blank lines between, a two-row header (a title
# over both rows, then merged titles over "Số lượng (hộ)" and "Tỉ lệ (%)"), counts written
# "1.171" beside rates written "10.51"
CELLS_A_LINE = (
    "Kết quả rà soát hộ nghèo năm 2019 của tỉnh Tuyên Quang\n\n"
    "Ngày 10/1/2020, UBND tỉnh Tuyên Quang phê duyệt kết quả rà soát hộ nghèo, hộ cận nghèo.\n\n"
    "Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2019:\n\n"
    + "\n\n".join(
        [
            "TT",
            "Đơn vị",
            "Tổng số hộ",
            "Hộ nghèo",
            "Hộ cận nghèo",
            "Số lượng (hộ)",
            "Tỉ lệ (%)",
            "Số lượng (hộ)",
            "Tỉ lệ (%)",
            "Toàn tỉnh",
            "205.100",
            "21.330",
            "10.40",
            "15.020",
            "7.32",
            "1",
            "Huyện Na Hang",
            "12.050",
            "3.171",
            "26.32",
            "1.420",
            "11.78",
            "2",
            "Huyện Lâm Bình",
            "8.340",
            "2.480",
            "29.74",
            "980",
            "11.75",
        ]
    )
    + "\n\nPV\n"
)


def test_a_table_a_cell_a_line_under_a_two_row_header():
    got = table_facts(CELLS_A_LINE, published="2020-01-12")
    assert ("poor_households", "Na Hang", "district", 2019, 3171, "households") in got
    assert ("poverty_rate", "Na Hang", "district", 2019, 26.32, "%") in got
    assert ("near_poor_households", "Lâm Bình", "district", 2019, 980, "households") in got
    assert ("near_poverty_rate", "Lâm Bình", "district", 2019, 11.75, "%") in got
    assert ("total_households", "Lâm Bình", "district", 2019, 8340, "households") in got
    assert ("poverty_rate", "Tuyên Quang", "province", 2019, 10.4, "%") in got
    # the row numbers ("1", "2") are no values, and nothing else is read
    assert len(got) == 15


def test_short_lines_of_a_byline_and_links_are_no_table():
    text = (
        "Giảm nghèo ở Tuyên Quang\nNăm 2023, tỷ lệ hộ nghèo của tỉnh còn 6,1%.\n\n"
        "Tin liên quan\n\nHà Giang\n\n12/3/2023\n\nLai Châu\n\n14/3/2023\n\nPV\n"
    )
    assert find_tables(text) == []


def test_a_price_ticker_a_cell_a_line_gives_no_facts():
    # eight numbers and some words: read as a table, but nothing in it names an indicator
    gold = ["Giá vàng", "Mua", "Bán", "SJC", "76.500", "78.500", "PNJ", "75.900", "77.100"]
    ticker = "\n\n".join([*gold, "USD", "24.150", "24.520", "EUR", "26.010", "26.880"])
    text = "Giảm nghèo ở Tuyên Quang\nNăm 2023, tỷ lệ hộ nghèo của tỉnh Tuyên Quang còn 6,1%.\n\n"
    text += ticker + "\n"
    assert table_facts(text, published="2024-01-05") == []
    assert [f["value"] for f in extract(text, published="2024-01-05").facts] == [6.1]


def test_a_heading_before_the_header_and_row_numbers_with_a_dot():
    # the heading that names the year is the table's caption, not a title; "1." is a row number
    cells = CELLS_A_LINE.split("\n\n")
    start = cells.index("TT")
    body = "\n\n".join(cells[start:]).replace("\n\n1\n\n", "\n\n1.\n\n")
    body = body.replace("\n\n2\n\n", "\n\n2.\n\n")
    text = (
        "Giảm nghèo ở Tuyên Quang\nTỉnh Tuyên Quang công bố kết quả giảm nghèo.\n\n"
        "Bảng kết quả rà soát hộ nghèo năm 2019\n\n" + body
    )
    got = table_facts(text, published="2020-01-12")
    assert ("poverty_rate", "Na Hang", "district", 2019, 26.32, "%") in got
    assert ("near_poor_households", "Lâm Bình", "district", 2019, 980, "households") in got
    assert len(got) == 15


def test_a_yearbook_table_copied_a_cell_a_line_with_years_written_as_nam_yyyy():
    # a statistics page labels its rows "Năm 2006", "Năm 2007", …
    table = "\n".join(
        [
            *("Niên giám thống kê tỉnh An Giang", "", "Tỷ lệ hộ nghèo", "Porverty rate"),
            "Đơn vị tính - Unit: %",
            *("Năm 2006", "", "13.15", "", "Năm 2007", "", "8.93", "", "Năm 2008", "", "6.96"),
        ]
    )
    got = table_facts(table, published="2016-09-14")
    place = ("An Giang", "province")
    assert got == [
        ("poverty_rate", *place, 2006, 13.15, "%"),
        ("poverty_rate", *place, 2007, 8.93, "%"),
        ("poverty_rate", *place, 2008, 6.96, "%"),
    ]


def test_a_table_of_main_targets_under_done_plan_and_estimate_columns():
    # a year-end report's table of main targets, a cell a line: "TH năm 2022 | KH năm 2023 |
    # Ước TH năm 2023" columns, a label ending in a colon over its sub-rows, a fall's row with
    # the level it leaves in brackets (in its own cell or in the value's), an economy's total
    # investment that is no programme's budget
    cells = [
        *("CÁC CHỈ TIÊU CHỦ YẾU NĂM 2023 CỦA TỈNH QUẢNG TRỊ", "Stt", "Chỉ tiêu"),
        *("TH năm 2022", "KH năm 2023", "Ước TH năm 2023", "Ghi chú", "I", "Kinh tế"),
        *("1", "Tổng vốn đầu tư toàn xã hội (Tỷ đồng)", "21.300", "24.000", "23.850", "Đạt"),
        *("2", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng:", "- Theo cân nặng (%)", "8,1"),
        *("7,8", "7,9", "Đạt", "II", "Xã hội"),
        *("3", "Tỷ lệ hộ nghèo giảm (%)", "1,35", "1,2%", "(còn 6,1%)", "1,4% (còn 5,9%)"),
        *("Vượt", "4", "Tỷ lệ lao động qua đào tạo (%)", "66", "68", "68,5", "Đạt"),
    ]
    got = table_facts("\n\n".join(cells), published="2023-12-20")
    place = ("Quảng Trị", "province")
    assert sorted(got, key=str) == sorted(
        [
            ("poverty_rate_reduction", *place, 2022, 1.35, "pp"),
            ("poverty_rate_reduction", *place, 2023, 1.2, "pp"),
            ("poverty_rate", *place, 2023, 6.1, "%"),
            ("poverty_rate_reduction", *place, 2023, 1.4, "pp"),
            ("poverty_rate", *place, 2023, 5.9, "%"),
        ],
        key=str,
    )
    status = {(f["value"], f["status"]) for f in extract("\n\n".join(cells)).facts}
    assert {(1.2, "target"), (6.1, "target"), (1.4, "actual"), (5.9, "actual")} <= status


POOR = [
    ("Bát Xát", "2.100", "10,5"),
    ("Mường Khương", "1.800", "12,1"),
    ("Bắc Hà", "1.720", "11,4"),
]
NEAR_POOR = [
    ("Bát Xát", "1.500", "7,5"),
    ("Mường Khương", "870", "5,8"),
    ("Bắc Hà", "1.320", "8,8"),
]


def test_a_sentences_lead_in_ending_in_a_colon_keeps_two_tables_apart():
    # "… như sau:" between two tables a cell a line is a sentence, not a row's title: the
    # near-poor table after it keeps its own titles
    def table(title: str, rows: list[tuple[str, str, str]]) -> list[str]:
        cells = ["TT", "Đơn vị", f"Số hộ {title} (hộ)", f"Tỷ lệ hộ {title} (%)"]
        for n, (unit, count, rate) in enumerate(rows, 1):
            cells += [str(n), unit, count, rate]
        return cells

    cells = [
        *("Kết quả rà soát năm 2023 của tỉnh Lào Cai", "Số hộ nghèo của các huyện như sau:"),
        *table("nghèo", [(f"Huyện {h}", c, r) for h, c, r in POOR]),
        "Số hộ cận nghèo của các huyện như sau:",
        *table("cận nghèo", [(f"Huyện {h}", c, r) for h, c, r in NEAR_POOR]),
    ]
    got = {(f[0], f[1], f[4]) for f in table_facts("\n\n".join(cells), published="2024-05-20")}
    assert {
        ("poor_households", "Bát Xát", 2100),
        ("poverty_rate", "Bát Xát", 10.5),
        ("near_poor_households", "Bát Xát", 1500),
        ("near_poverty_rate", "Bát Xát", 7.5),
    } <= got
    assert ("poor_households", "Bát Xát", 1500) not in got


def test_a_table_of_units_whose_rows_run_on_in_one_paragraph():
    # a thesis page turned into text: the header and the rows of districts run on, the
    # columns numbered under their titles ("A B 1 2 3"), a total row at the end
    text = (
        "Thực trạng nghèo ở tỉnh Sóc Trăng\n"
        "Bảng 2.3. Tỷ lệ hộ nghèo theo huyện năm 2015\n"
        "Đơn vị: Hộ, % Stt Huyện/thị xã Tổng số hộ Tổng số hộ nghèo Tỷ lệ hộ nghèo A B 1 2 3 "
        "1 TP. Sóc Trăng 35.120 812 2,31 2 Huyện Mỹ Xuyên 41.306 3.105 7,52 3 Huyện Trần Đề "
        "30.218 4.412 14,60\n4 Huyện Vĩnh Châu 40.877 6.930 16,95 Tổng cộng 147.521 15.259 10,34\n"
        "(Nguồn: Sở Lao động - Thương binh và Xã hội tỉnh Sóc Trăng)\n"
    )
    got = table_facts(text, published="2016-08-01")
    assert ("poverty_rate", "Mỹ Xuyên", "district", 2015, 7.52, "%") in got
    assert ("poor_households", "Vĩnh Châu", "district", 2015, 6930, "households") in got
    assert ("total_households", "Trần Đề", "district", 2015, 30218, "households") in got
    assert ("poverty_rate", "Sóc Trăng", "province", 2015, 10.34, "%") in got
    assert len(got) == 15
    # running text with numbers after unit names is no table: no header of measures
    prose = (
        "Giảm nghèo ở Sóc Trăng\nNăm 2015, 1 Huyện Mỹ Xuyên 3 xã, 2 Huyện Trần Đề 4 xã, 3 Huyện "
        "Vĩnh Châu 5 xã được công nhận nông thôn mới; tỷ lệ hộ nghèo toàn tỉnh còn 10,34%."
    )
    assert table_facts(prose, published="2016-08-01") == []
