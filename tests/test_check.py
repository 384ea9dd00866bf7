"""Checks of an article's arithmetic, and contradictions across articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from vnfacts import extract
from vnfacts.check import Interval, find_contradictions, interval_of, quote_around, vn_number
from vnfacts.cli import main
from vnfacts.doc import Mention

TITLE = "Giảm nghèo bền vững ở vùng cao biên giới\n"


def checks(text: str, published: str = "2024-06-01") -> list[tuple[str, str]]:
    doc = extract(TITLE + text, published=published)
    assert not doc.errors, doc.errors
    return [(c["kind"], c["status"]) for c in doc.checks]


def test_intervals_follow_the_written_precision_and_qualifier():
    exact = Mention("QUANTITY", 0, 13, "1.417,3 tỷ đồng", {"value": 1417300000000, "approx": None})
    iv = interval_of(exact)
    assert iv.lo == pytest.approx(1417250000000) and iv.hi == pytest.approx(1417350000000)
    # "gần 837,6 tỷ" is just under 837,6 tỷ: down one step of the last written digit
    nearly = Mention(
        "QUANTITY", 0, 17, "gần 837,6 tỷ đồng", {"value": 837600000000, "approx": "nearly"}
    )
    iv = interval_of(nearly)
    assert iv.lo == pytest.approx(837500000000) and iv.hi == pytest.approx(837600000000)
    over = Mention("PERCENT", 0, 8, "hơn 63,5%", {"value": 63.5, "approx": "over"})
    assert interval_of(over) == Interval(63.5, pytest.approx(63.6))
    # a round figure's zeros are not its precision: "khoảng 10.000 hộ" is 9.000 to 11.000
    about = Mention("QUANTITY", 0, 16, "khoảng 10.000 hộ", {"value": 10000, "approx": "about"})
    assert interval_of(about) == Interval(9000, 11000)


def test_vietnamese_numbers():
    assert vn_number(1057284) == "1.057.284"
    assert vn_number(63.456, 1) == "63,5"
    assert vn_number(-0.04, 2) == "-0,04"
    assert vn_number(-0.001, 1) == "0,0"


def test_change_consistent_and_inconsistent():
    assert checks(
        "Năm 2023, huyện Mèo Vạc đã giảm 1.250 hộ nghèo (từ 6.410 hộ xuống còn 5.160 hộ)."
    ) == [("change", "consistent")]
    assert checks(
        "Năm 2023, huyện Mèo Vạc đã giảm 1.350 hộ nghèo (từ 6.410 hộ xuống còn 5.160 hộ)."
    ) == [("change", "inconsistent")]


def test_parts_of_a_total():
    assert checks(
        "Năm 2023, tổng kinh phí thực hiện chương trình của tỉnh Cao Bằng là 512,4 tỷ đồng, trong đó: "
        "ngân sách trung ương 480,1 tỷ đồng; ngân sách địa phương 32,3 tỷ đồng."
    ) == [("sum_of_parts", "consistent")]
    assert checks(
        "Năm 2023, tổng kinh phí thực hiện chương trình của tỉnh Cao Bằng là 512,4 tỷ đồng, trong đó: "
        "ngân sách trung ương 470,1 tỷ đồng; ngân sách địa phương 32,3 tỷ đồng."
    ) == [("sum_of_parts", "inconsistent")]


def test_rounding_alone_is_never_an_inconsistency():
    # 3 + 3 + 4 = 10 written as 3,3 + 3,3 + 3,4 → the parts are exact; 1/3 shares round up and down
    assert checks(
        "Năm 2023, tổng vốn hỗ trợ sinh kế của huyện Mèo Vạc là 10 tỷ đồng, trong đó: xã Lũng Pù 3,3 tỷ đồng; "
        "xã Sơn Vĩ 3,3 tỷ đồng; xã Xín Cái 3,4 tỷ đồng."
    ) == [("sum_of_parts", "consistent")]
    assert checks(
        "Năm 2023, mức giảm tỷ lệ hộ nghèo của huyện Mèo Vạc bình quân đạt 3,33%/năm "
        "(năm 2021 giảm 3,3%, năm 2022 giảm 3,3%, năm 2023 giảm 3,4%)."
    ) == [("average", "consistent")]


def test_share_of_the_plan():
    text = (
        "Năm 2024, tổng vốn phân bổ cho chương trình giảm nghèo của tỉnh Hà Giang là 600 tỷ đồng. "
        "Đến tháng 10, tỉnh đã giải ngân {paid} tỷ đồng, đạt 45,5% kế hoạch."
    )
    assert checks(text.format(paid="273")) == [("share_of_plan", "consistent")]
    assert checks(text.format(paid="300")) == [("share_of_plan", "inconsistent")]


def test_share_without_a_stated_plan_says_why():
    doc = extract(
        TITLE + "Năm 2024, huyện Mèo Vạc đã giải ngân 27,3 tỷ đồng, đạt 45,5% kế hoạch.",
        published="2024-11-01",
    )
    [c] = doc.checks
    assert c["status"] == "cannot_check"
    assert "plan" in c["message"]
    assert [e["text"] for e in c["evidence"]] == ["27,3 tỷ đồng", "45,5%"]


def test_counts_and_rates_of_one_base():
    ok = "Đến hết năm 2023, huyện Mèo Vạc còn 3.000 hộ nghèo, tỷ lệ 20%; còn 1.500 hộ cận nghèo, tỷ lệ 10%."
    bad = "Đến hết năm 2023, huyện Mèo Vạc còn 3.000 hộ nghèo, tỷ lệ 20%; còn 1.500 hộ cận nghèo, tỷ lệ 12%."
    assert checks(ok) == [("common_base", "consistent")]
    assert checks(bad) == [("common_base", "inconsistent")]


def test_rate_before_after_and_stated_change():
    base = "Năm 2022, tỷ lệ hộ nghèo của huyện Mèo Vạc là 30,5%. Đến năm 2023, tỷ lệ hộ nghèo của huyện còn 25,2%, giảm {c}% so với năm 2022."
    assert checks(base.format(c="5,3")) == [("rate_change", "consistent")]
    assert checks(base.format(c="6,3")) == [("rate_change", "inconsistent")]


def test_seed_checks(seeds):
    got = {
        doc_id: sorted((c["kind"], c["status"]) for c in doc.checks)
        for doc_id, doc in seeds.items()
    }
    assert got["001_071bd52c43493f22"] == sorted(
        [
            ("sum_of_parts", "consistent"),  # 1.382 + 35,3 = 1.417,3 tỷ
            ("sum_of_parts", "inconsistent"),  # gần 815,2 + 24,4 = 839,6 > gần 837,6 tỷ
            ("average", "consistent"),  # (3,01 + 3,68 + 4,66) / 3 = 3,78
            ("change", "consistent"),  # 33.486 − 25.426 = 8.060
            ("share_of_plan", "consistent"),  # 837,6 / 1.417,3 = 59,1 %
            ("share_of_plan", "consistent"),  # 815,2 / 1.382 = 58,99 % ≈ 58,98 %
            ("share_of_plan", "inconsistent"),  # 24,4 / 35,3 = 69,1 %, printed 63,5 %
        ]
    )
    assert got["003_8bb7c323e6b1daaf"] == [
        ("common_base", "consistent"),
        ("rate_change", "cannot_check"),
    ]
    assert got["004_4479d55d298e7c9c"] == [("rate_change", "cannot_check")]


def _record(doc_id: str, place: str, value: float, year: int = 2023) -> dict:
    return {
        "doc_id": doc_id,
        "facts": [
            {
                "indicator": "poverty_rate",
                "locality": {"name": place, "level": "district", "code": None},
                "value": value,
                "unit": "%",
                "year": year,
                "evidence": {"start": 0, "end": 10, "text": f"tỷ lệ {value}%"},
            }
        ],
    }


def test_contradictions_across_articles():
    records = [
        _record("a", "Mèo Vạc", 20.1),
        _record("b", "Mèo  vạc", 22.4),
        _record("c", "Mèo Vạc", 20.1),
        _record("d", "Đồng Văn", 15.0),
        _record("e", "Mèo Vạc", 25.0, year=2022),
    ]
    [c] = find_contradictions(records)
    assert (c["indicator"], c["locality"], c["year"]) == ("poverty_rate", "Mèo Vạc", 2023)
    assert c["values"] == [20.1, 22.4]
    assert [s["doc_id"] for s in c["sources"]] == ["a", "b", "c"]


def test_check_command_reports_a_corpus(tmp_path: Path, capsys):
    from tests.conftest import CORPUS

    assert main(["check", str(CORPUS)]) == 1  # seed 001 is inconsistent, as linters report
    out = capsys.readouterr().out
    assert "001_071bd52c43493f22" in out
    assert "KHÔNG KHỚP · tổng các phần" in out and "tỷ lệ so với kế hoạch" in out
    assert "sum_of_parts" not in out  # kinds named for a reader
    assert "nếu là 22,4 thì khớp" in out
    # the quote is the whole sentence: never cut inside "1.417,3" or "837,6"
    assert "« Tính đến cuối tháng 6 năm 2024, tỉnh đã giải ngân gần 837,6 tỷ đồng" in out
    assert "5 bài, 10 phép kiểm tra: 2 không khớp, 6 khớp, 2 không kiểm tra được" in out
    assert main(["check", str(CORPUS), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {"documents", "contradictions"} <= data.keys()
    statuses = [c["status"] for d in data["documents"] for c in d["checks"]]
    assert statuses.count("inconsistent") == 2


def test_check_reads_extract_output_and_speaks_english(tmp_path: Path, capsys):
    from tests.conftest import CORPUS

    results = tmp_path / "out.jsonl"
    assert (
        main(["extract", str(CORPUS / "001_071bd52c43493f22.txt"), "-o", str(results), "-q"]) == 0
    )
    capsys.readouterr()
    assert main(["check", str(results), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "INCONSISTENT · sum of the parts" in out
    assert "22,4 would fit both the sum of the parts (gần 837,6 tỷ đồng)" in out
    assert "« Tính đến cuối tháng 6 năm 2024" in out  # the text is read back from the source
    assert "1 documents, 7 checks: 5 consistent, 2 inconsistent" in out


def test_check_exit_statuses(tmp_path: Path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(
        TITLE + "Năm 2023, huyện Mèo Vạc đã giảm 1.250 hộ nghèo (từ 6.410 hộ xuống còn 5.160 hộ).",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.txt"
    bad.write_text(
        TITLE + "Năm 2023, huyện Mèo Vạc đã giảm 1.350 hộ nghèo (từ 6.410 hộ xuống còn 5.160 hộ).",
        encoding="utf-8",
    )
    assert main(["check", str(good)]) == 0
    assert main(["check", str(good), str(bad)]) == 1
    assert main(["check", str(tmp_path / "missing.txt")]) == 2
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"doc_id": "a", "checks": []}\nnot json\n', encoding="utf-8")
    assert main(["check", str(broken)]) == 2
    capsys.readouterr()


def test_seed_001_typo_hint_and_its_two_inconsistencies(seeds):
    doc = seeds["001_071bd52c43493f22"]
    bad = [c for c in doc.checks if c["status"] == "inconsistent"]
    assert [(c["kind"], c["stated"]) for c in bad] == [
        ("sum_of_parts", 837600000000),  # gần 815,2 + 24,4 = 839,6 tỷ, over "gần 837,6"
        ("share_of_plan", 63.5),  # 24,4 of gần 35,3 tỷ is 69,1 %
    ]
    assert bad[0]["computed"] == pytest.approx(839600000000)
    assert bad[1]["computed"] == pytest.approx(69.12, abs=0.01)
    for c in bad:
        typo = c["likely_typo"]
        assert (typo["figure"]["text"], typo["written"], typo["suggested"]) == (
            "24,4 tỷ đồng",
            "24,4",
            "22,4",
        )
        assert typo["value"] == pytest.approx(22400000000)
    ok = [c for c in doc.checks if c["status"] == "consistent"]
    assert all(c["likely_typo"] is None for c in ok)


def test_no_typo_hint_when_several_figures_could_explain_the_error():
    doc = extract(
        TITLE + "Năm 2023, huyện Mèo Vạc đã giảm 1.350 hộ nghèo (từ 6.410 hộ xuống còn 5.160 hộ).",
        published="2024-06-01",
    )
    [c] = doc.checks
    # 1.350 → 1.250, 6.410 → 6.510 or 5.160 → 5.060 would each fit: no single culprit
    assert c["status"] == "inconsistent" and c["likely_typo"] is None


def test_a_list_of_regions_against_the_national_total():
    regions = (
        "Theo kết quả rà soát năm 2023, vùng Trung du và miền núi phía Bắc có 400.000 hộ nghèo; "
        "vùng Đồng bằng sông Hồng {red} hộ; vùng Bắc Trung Bộ và Duyên hải miền Trung 300.000 hộ; "
        "vùng Tây Nguyên 150.000 hộ; vùng Đông Nam Bộ 10.000 hộ; vùng Đồng bằng sông Cửu Long "
        "140.000 hộ. Cả nước có 1.057.374 hộ nghèo."
    )
    assert checks(regions.format(red="57.374")) == [("sum_of_parts", "consistent")]
    doc = extract(TITLE + regions.format(red="57.284"), published="2024-06-01")
    [c] = doc.checks
    assert (c["kind"], c["status"], c["computed"]) == ("sum_of_parts", "inconsistent", 1057284)
    assert "1.057.284 hộ" in c["message_vi"] and "1.057.374 hộ" in c["message_vi"]
    # two regions of six: falling short of the total may only mean a region is left out
    two = (
        "Năm 2023, vùng Tây Nguyên có 150.000 hộ nghèo; vùng Đông Nam Bộ 10.000 hộ; "
        "cả nước có 1.057.374 hộ nghèo."
    )
    assert checks(two) == [("sum_of_parts", "cannot_check")]


def test_an_increase_and_a_share_of_the_poor_raise_nothing():
    # a rise stated as a rise is consistent (the direction is the text's)
    assert checks(
        "Năm 2023, số hộ cận nghèo của huyện Mèo Vạc tăng 300 hộ, từ 2.100 hộ lên 2.400 hộ."
    ) == [("change", "consistent")]
    # "chiếm 0,04%" after "trong đó" is a share of a group, not the households' rate
    assert checks(
        "Năm 2023, huyện Mèo Vạc có 10.689 hộ nghèo, tỷ lệ 25,3%; trong đó hộ nghèo dân tộc thiểu "
        "số chiếm 0,04%; 3.200 hộ cận nghèo, tỷ lệ 7,57%."
    ) == [("common_base", "consistent")]


def test_a_percentage_of_a_stated_figure():
    text = "Năm 2024, tỉnh Hà Giang đã giải ngân 64% của 75.000 tỷ đồng vốn chương trình giảm nghèo, tương đương {r} tỷ đồng."
    assert checks(text.format(r="48.000")) == [("share_of_base", "consistent")]
    assert checks(text.format(r="46.000")) == [("share_of_base", "inconsistent")]


def test_counts_and_rates_against_the_total_of_households():
    text = (
        "Năm 2023, tổng số hộ của huyện Mèo Vạc là 20.000 hộ. Đến cuối năm 2023, huyện Mèo Vạc "
        "còn 3.000 hộ nghèo, tỷ lệ {r}%."
    )
    assert checks(text.format(r="15")) == [("common_base", "consistent")]
    assert checks(text.format(r="18")) == [("common_base", "inconsistent")]


def test_quotes_are_never_cut_inside_a_number():
    text = (
        "Tổng vốn là 1.417,3 tỷ đồng. "
        + "Đây là một câu rất dài về giảm nghèo " * 20
        + "với 837,6 tỷ đồng."
    )
    start = text.index("837,6")
    quote = quote_around(text, start, start + 5, limit=120)
    assert "837,6 tỷ đồng" in quote and quote.startswith("… ") and len(quote) < 140
    first = quote_around(text, 12, 19)
    assert first == "Tổng vốn là 1.417,3 tỷ đồng."


# ------------------------------------------------------------------ long articles (issue 12)
# The checks find their figures through indexes (bisect, keyed joins), not scans of every
# figure: on an article of many sections each check must still take its own sentence's figures.

DISTRICTS = ["Mèo Vạc", "Đồng Văn", "Yên Minh", "Quản Bạ", "Bắc Mê", "Hoàng Su Phì"]


def vn(x: float) -> str:
    """A number written the Vietnamese way: 6.410 households, 30,5 per cent."""
    whole, _, frac = f"{x:,.1f}".partition(".")
    whole = whole.replace(",", ".")
    return whole if frac == "0" else f"{whole},{frac}"


def test_many_changes_each_checked_against_its_own_sentence():
    sentences, expected = [], []
    for i in range(60):
        before, after = 6000 + 37 * i, 4000 + 11 * i
        stated = before - after + (100 if i % 7 == 3 else 0)  # every 7th from the 4th is wrong
        sentences.append(
            f"Năm 2023, huyện {DISTRICTS[i % len(DISTRICTS)]} đã giảm {vn(stated)} hộ nghèo "
            f"(từ {vn(before)} hộ xuống còn {vn(after)} hộ)."
        )
        expected.append(("change", "inconsistent" if i % 7 == 3 else "consistent"))
    doc = extract(TITLE + " ".join(sentences), published="2024-06-01")
    assert [(c["kind"], c["status"]) for c in doc.checks] == expected
    # the evidence of the 50th check is the 50th sentence's three figures
    assert [e["text"] for e in doc.checks[49]["evidence"]] == [
        f"{vn(6000 + 37 * 49)} hộ",
        f"{vn(4000 + 11 * 49)} hộ",
        f"{vn(2000 + 26 * 49)} hộ",
    ]


def test_rate_changes_find_the_earlier_rate_of_their_own_district():
    # each district's 2022 rate is stated, then its 2023 rate with the change since 2022;
    # Bắc Mê states a change its own rates contradict, Yên Minh states no 2022 rate
    paras, expected = [], []
    for i, name in enumerate(DISTRICTS):
        old, new = 30 + i, 25 + i / 10
        change = old - new + (1 if name == "Bắc Mê" else 0)
        if name != "Yên Minh":
            paras.append(f"Năm 2022, tỷ lệ hộ nghèo của huyện {name} là {vn(old)}%.")
        paras.append(
            f"Đến năm 2023, tỷ lệ hộ nghèo của huyện {name} còn {vn(new)}%, giảm {vn(change)}% "
            "so với năm 2022."
        )
        status = {"Yên Minh": "cannot_check", "Bắc Mê": "inconsistent"}.get(name, "consistent")
        expected.append(("rate_change", status))
    assert checks("\n".join(paras)) == expected


def test_counts_and_rates_pair_within_their_own_sentence():
    # one sentence per district; the third district's near-poor rate does not fit its base
    sentences = [
        f"Đến hết năm 2023, huyện {name} còn {vn(3000 + 300 * i)} hộ nghèo, tỷ lệ 20%; còn "
        f"{vn(1500 + 150 * i)} hộ cận nghèo, tỷ lệ {12 if i == 2 else 10}%."
        for i, name in enumerate(DISTRICTS[:4])
    ]
    assert checks(" ".join(sentences)) == [
        ("common_base", "consistent"),
        ("common_base", "consistent"),
        ("common_base", "inconsistent"),
        ("common_base", "consistent"),
    ]
