"""Text in decomposed Unicode (NFD) reads as its composed form, with offsets into the input.

Some editors, macOS file names and copied web text write a Vietnamese letter as a base
letter and combining marks ("ệ" = "e" + U+0323 + U+0302). The rules and the gazetteer
are written in composed letters; the pipeline reads a composed copy and moves every span
back to the input's own offsets.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from vnfacts import extract
from vnfacts.textalign import nfc_with_positions, reading_copy

REPORT = (
    "Huyện Mường Nhé giảm nghèo bền vững\n\n"
    "Năm 2023, tỷ lệ hộ nghèo của huyện Mường Nhé giảm còn 28,9%, giảm 4,1% so với năm "
    "2022. Toàn huyện có 3.210 hộ nghèo trên tổng số 11.100 hộ, chiếm 29%. Huyện đã hỗ "
    "trợ xây mới 120 căn nhà đại đoàn kết cho hộ nghèo với tổng kinh phí 6 tỷ đồng."
)


def _key(fact: dict) -> tuple:
    return (
        fact["indicator"],
        fact["value"],
        (fact["locality"] or {}).get("name"),
        fact["year"],
        fact["status"],
    )


def _every_span_quotes(record: dict, text: str) -> None:
    for m in record["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"], m
    for f in record["facts"]:
        for part in (f["evidence"], f["figure"], *(f["also_evidence"] or [])):
            assert text[part["start"] : part["end"]] == part["text"], part
    for c in record["checks"]:
        for ev in c["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"], ev
    assert record["blocks"][-1]["end"] <= len(text)


def test_composed_text_gives_no_map_and_decomposed_text_maps_back() -> None:
    assert nfc_with_positions(REPORT) is None
    nfd = unicodedata.normalize("NFD", "hộ nghèo 8,9%")
    composed, positions = nfc_with_positions(nfd)  # type: ignore[misc]
    assert composed == "hộ nghèo 8,9%"
    assert len(positions) == len(composed) + 1 and positions[-1] == len(nfd)
    # each composed letter starts where its base letter starts in the input
    start = composed.index("8,9%")
    assert nfd[positions[start] : positions[start + 4]] == "8,9%"
    assert nfd[positions[0] : positions[2]] == unicodedata.normalize("NFD", "hộ")


def test_a_decomposed_report_gives_the_facts_of_the_composed_one() -> None:
    composed = extract(REPORT).to_json()
    nfd = unicodedata.normalize("NFD", REPORT)
    assert len(nfd) > len(REPORT)
    record = extract(nfd).to_json()
    assert sorted(map(_key, record["facts"])) == sorted(map(_key, composed["facts"]))
    assert ("poverty_rate", 28.9, "Mường Nhé", 2023, "actual") in map(_key, record["facts"])
    assert record["checks"], "the 3.210 of 11.100 households against 29% is checked"
    _every_span_quotes(record, nfd)
    assert record["meta"]["title"] == unicodedata.normalize("NFD", REPORT.split("\n")[0])
    # the evidence is the input's own characters, not a composed copy
    rate = next(f for f in record["facts"] if f["indicator"] == "poverty_rate")
    assert unicodedata.is_normalized("NFD", rate["evidence"]["text"])


def test_a_text_mixing_both_forms_keeps_its_offsets(tmp_path: Path) -> None:
    # the title composed, the body decomposed (a paragraph pasted from another editor)
    title, body = REPORT.split("\n\n", 1)
    mixed = title + "\n\n" + unicodedata.normalize("NFD", body)
    src = tmp_path / "bao-cao.txt"
    src.write_text(mixed, encoding="utf-8")
    record = extract(src).to_json()
    assert sorted(map(_key, record["facts"])) == sorted(
        map(_key, extract(REPORT).to_json()["facts"])
    )
    _every_span_quotes(record, mixed)


# a year-end report copied from a PDF: two spaces between some words, a no-break space
LOOSE = (
    "Văn Chấn tổng kết năm 2015\n\n"
    "Năm 2015, thu  nhập  bình quân  đầu  người  của huyện Văn Chấn đạt 22  triệu đồng/người/năm;"
    " tỷ lệ hộ\u00a0nghèo giảm còn 19,92%.\n\n"
    "       Năm          Hộ nghèo       Tỷ lệ (%)\n"
)


def test_words_two_spaces_apart_read_as_one_space_and_quote_the_input() -> None:
    single = LOOSE.replace("  ", " ").replace("\u00a0", " ")
    record = extract(LOOSE).to_json()
    keys = set(map(_key, record["facts"]))
    assert ("average_income", 22000000, "Văn Chấn", 2015, "actual") in keys
    assert ("poverty_rate", 19.92, "Văn Chấn", 2015, "actual") in keys
    assert keys == set(map(_key, extract(single).to_json()["facts"]))
    _every_span_quotes(record, LOOSE)
    income = next(f for f in record["facts"] if f["indicator"] == "average_income")
    assert "thu  nhập  bình quân" in income["evidence"]["text"]


def test_the_reading_copy_keeps_the_spaces_that_align_a_tables_columns() -> None:
    copy, positions = reading_copy(LOOSE)  # type: ignore[misc]
    assert "thu nhập bình quân đầu người" in copy and "hộ nghèo" in copy
    assert "Năm          Hộ nghèo       Tỷ lệ (%)" in copy  # four or more: left alone
    assert "\n\n       Năm" in copy  # (and a line's indent)
    assert len(positions) == len(copy) + 1 and positions[-1] == len(LOOSE)
    start = copy.index("22 triệu")
    assert LOOSE[positions[start] : positions[start + len("22 triệu")]] == "22  triệu"
    assert reading_copy(REPORT) is None  # nothing to change: no copy


# a yearbook page whose columns stand only two spaces apart, its titles in pieces above
NARROW_TABLE = (
    "Số liệu thống kê huyện Mường Khương\n"
    "Năm  Tỷ lệ hộ nghèo  Thu nhập bình quân\n"
    "       (%)            (nghìn đồng/tháng)\n"
    "  2018  3,10            3.120\n"
    "  2019  2,80            3.350\n"
    "  2020  2,40            3.600\n"
    "Năm 2021,  tỷ lệ hộ nghèo  của huyện còn 2,1%."
)


def test_a_yearbook_table_with_narrow_columns_keeps_its_spaces() -> None:
    copy, _ = reading_copy(NARROW_TABLE)  # type: ignore[misc]
    assert "Năm  Tỷ lệ hộ nghèo  Thu nhập bình quân" in copy  # the header's cells stay apart
    assert "  2019  2,80" in copy
    assert "Năm 2021, tỷ lệ hộ nghèo của huyện" in copy  # the prose under it is read
    rates = {
        (f["year"], f["value"])
        for f in extract(NARROW_TABLE, published="2022-01-05").to_json()["facts"]
        if f["indicator"] == "poverty_rate"
    }
    assert {(2018, 3.1), (2019, 2.8), (2021, 2.1)} <= rates
