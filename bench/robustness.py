"""How well the rules hold when one plain statement is written many ways.

    .venv/bin/python bench/robustness.py           # the table; failures listed with -v
    .venv/bin/python bench/robustness.py -v

Each family below is one fact (an indicator, a value, the district Mường Tè, the year 2023)
said in sentences composed from parts a report mixes freely: where the time stands (opening
the sentence, right after the figure, after a comma), how the place is written (with or
without its level word, "toàn huyện", "tại", "trên địa bàn"), which verb carries the figure,
and what opens the sentence ("Theo báo cáo của …, ", "Riêng …, "). A variant passes when the
fact comes out with its indicator, value, place and year. The sentences are the project's own
words; the figure is what a rule that fits one page's strings cannot reach: a defect found
here is a construction, not a page (the thirty-seventh session found "… là 1.250 hộ vào cuối
năm 2023" and "… hộ nghèo tại xã X được hỗ trợ xây mới nhà ở" this way).
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from vnfacts import extract

HEADLINE = "Giảm nghèo ở huyện Mường Tè\n"
PUBLISHED = "2024-01-10"
PLACE, YEAR = "Mường Tè", 2023

OPENINGS = ["Năm 2023, ", "Đến cuối năm 2023, ", "Tính đến hết năm 2023, ", "Trong năm 2023, "]
TIMES_AFTER = [
    " năm 2023.",
    " vào cuối năm 2023.",
    " tính đến cuối năm 2023.",
    ", tính đến hết năm 2023.",
]
FRAMES = [
    "Theo báo cáo của UBND huyện Mường Tè, ",
    "Riêng huyện Mường Tè, ",
    "Tại huyện Mường Tè, ",
]
PLACES = ["huyện Mường Tè", "toàn huyện Mường Tè", "Mường Tè"]

# indicator, value, statements ({p}: the place; each is said with a time before and after)
FAMILIES: list[tuple[str, float, list[str]]] = [
    (
        "poverty_rate",
        14.6,
        [
            "tỷ lệ hộ nghèo của {p} giảm còn 14,6%",
            "tỷ lệ hộ nghèo {p} còn 14,6%",
            "{p} có tỷ lệ hộ nghèo là 14,6%",
            "{p} còn 14,6% hộ nghèo",
            "tỷ lệ hộ nghèo trên địa bàn {p} giảm xuống còn 14,6%",
            "{p} đưa tỷ lệ hộ nghèo xuống 14,6%",
        ],
    ),
    (
        "poor_households",
        1250,
        [
            "{p} còn 1.250 hộ nghèo",
            "số hộ nghèo của {p} là 1.250 hộ",
            "tổng số hộ nghèo {p} còn 1.250 hộ",
            "số hộ nghèo trên địa bàn {p} giảm xuống còn 1.250 hộ",
        ],
    ),
    (
        "houses_supported",
        320,
        [
            "{p} đã hỗ trợ xây mới 320 căn nhà cho hộ nghèo",
            "{p} hoàn thành 320 căn nhà cho hộ nghèo",
            "320 hộ nghèo của {p} được hỗ trợ làm nhà ở",
            "có 320 hộ nghèo tại {p} được hỗ trợ xây mới nhà ở",
            "{p} hỗ trợ xây dựng nhà ở kiên cố cho 320 hộ nghèo",
        ],
    ),
    (
        "average_income",
        32_500_000,
        [
            "thu nhập bình quân đầu người của {p} đạt 32,5 triệu đồng/người/năm",
            "thu nhập bình quân đầu người {p} ước đạt 32,5 triệu đồng",
        ],
    ),
    (
        "budget",
        45_300_000_000,
        [
            "{p} đã huy động 45,3 tỷ đồng cho công tác giảm nghèo",
            "tổng kinh phí thực hiện chương trình giảm nghèo của {p} là 45,3 tỷ đồng",
        ],
    ),
    (
        "poor_households_reduction",
        412,
        [
            "{p} giảm 412 hộ nghèo",
            "{p} có 412 hộ thoát nghèo",
            "số hộ thoát nghèo của {p} là 412 hộ",
        ],
    ),
    (
        "poverty_rate_reduction",
        3.2,
        ["tỷ lệ hộ nghèo của {p} giảm 3,2%", "{p} giảm 3,2% tỷ lệ hộ nghèo"],
    ),
    ("total_households", 8560, ["{p} có 8.560 hộ", "{p} có 8.560 hộ dân"]),
    ("population", 38215, ["dân số {p} là 38.215 người", "{p} có 38.215 nhân khẩu"]),
]


# Scenarios: whole short reports in the project's own words, each with the facts it must
# give (indicator, value, place, year, status); grouped by what they probe. The thirty-eighth
# session wrote them to probe plans, lists of units, changes, headlines, money and houses.
M, LC, PU, A, T = "Mường Tè", "Lai Châu", "Pa Ủ", "actual", "target"
Fact = tuple[str, float, str, int, str]
SCENARIOS: list[tuple[str, str, str, list[Fact]]] = [
    # (family, headline, body, facts the report gives)
    (
        "plan",
        "Giảm nghèo ở Lai Châu",
        "Phấn đấu năm 2024, huyện Mường Tè giảm tỷ lệ hộ nghèo xuống còn 12%.",
        [("poverty_rate", 12, M, 2024, T)],
    ),
    (
        "plan",
        "Giảm nghèo ở Lai Châu",
        "Năm 2024, huyện Mường Tè được giao chỉ tiêu giảm 400 hộ nghèo.",
        [("poor_households_reduction", 400, M, 2024, T)],
    ),
    (
        "plan",
        "Giảm nghèo ở Lai Châu",
        "Năm 2024, huyện Mường Tè sẽ hỗ trợ xây mới 320 căn nhà cho hộ nghèo.",
        [("houses_supported", 320, M, 2024, T)],
    ),
    (
        "plan",
        "Giảm nghèo ở Lai Châu",
        "Năm 2023, tỷ lệ hộ nghèo của huyện Mường Tè giảm 3,2% (kế hoạch giảm 3%).",
        [("poverty_rate_reduction", 3.2, M, 2023, A), ("poverty_rate_reduction", 3, M, 2023, T)],
    ),
    (
        "plan",
        "Giảm nghèo ở Lai Châu",
        "Giai đoạn 2021-2025, huyện Mường Tè phấn đấu giảm tỷ lệ hộ nghèo bình quân 3%/năm.",
        [("poverty_rate_reduction", 3, M, 2025, T)],
    ),
    (
        "plan",
        "Giảm nghèo ở Lai Châu",
        "Năm 2023, huyện Mường Tè giảm 412 hộ nghèo, vượt 12 hộ so với kế hoạch.",
        [("poor_households_reduction", 412, M, 2023, A)],
    ),
    (
        "plan",
        "Giảm nghèo ở Lai Châu",
        "Mục tiêu đến năm 2025, thu nhập bình quân đầu người của huyện Mường Tè đạt 40 triệu đồng/người/năm.",
        [("average_income", 40e6, M, 2025, T)],
    ),
    (
        "list",
        "Giảm nghèo ở Lai Châu",
        "Năm 2023, tỷ lệ hộ nghèo của xã Pa Ủ, xã Mù Cả lần lượt là 25,3% và 18,6%.",
        [("poverty_rate", 25.3, PU, 2023, A), ("poverty_rate", 18.6, "Mù Cả", 2023, A)],
    ),
    (
        "list",
        "Giảm nghèo ở Lai Châu",
        "Năm 2023, xã Pa Ủ có 320 hộ nghèo, xã Mù Cả có 210 hộ nghèo.",
        [("poor_households", 320, PU, 2023, A), ("poor_households", 210, "Mù Cả", 2023, A)],
    ),
    (
        "list",
        "Giảm nghèo ở Lai Châu",
        "Năm 2023, tỷ lệ hộ nghèo của tỉnh Lai Châu là 10,2%, trong đó huyện Mường Tè 14,6%.",
        [("poverty_rate", 10.2, LC, 2023, A), ("poverty_rate", 14.6, M, 2023, A)],
    ),
    (
        "list",
        "Giảm nghèo ở Lai Châu",
        "Năm 2023, xã có tỷ lệ hộ nghèo cao nhất huyện Mường Tè là xã Pa Ủ (25,3%), thấp nhất là xã Mù Cả (8,6%).",
        [("poverty_rate", 25.3, PU, 2023, A), ("poverty_rate", 8.6, "Mù Cả", 2023, A)],
    ),
    (
        "change",
        "Giảm nghèo ở Lai Châu",
        "Năm 2023, huyện Mường Tè có 1.250 hộ nghèo, giảm 412 hộ so với đầu năm.",
        [("poor_households", 1250, M, 2023, A), ("poor_households_reduction", 412, M, 2023, A)],
    ),
    (
        "change",
        "Giảm nghèo ở Lai Châu",
        "Tỷ lệ hộ nghèo của huyện Mường Tè giảm từ 17,8% (năm 2022) xuống còn 14,6% (năm 2023).",
        [("poverty_rate", 17.8, M, 2022, A), ("poverty_rate", 14.6, M, 2023, A)],
    ),
    (
        "change",
        "Giảm nghèo ở Lai Châu",
        "Nếu như năm 2020 tỷ lệ hộ nghèo của huyện Mường Tè là 30,2% thì đến cuối năm 2023 chỉ còn 14,6%.",
        [("poverty_rate", 30.2, M, 2020, A), ("poverty_rate", 14.6, M, 2023, A)],
    ),
    (
        "change",
        "Giảm nghèo ở Lai Châu",
        "Năm 2023, tỷ lệ hộ nghèo của huyện Mường Tè giảm 3,2 điểm phần trăm, còn 14,6%.",
        [("poverty_rate_reduction", 3.2, M, 2023, A), ("poverty_rate", 14.6, M, 2023, A)],
    ),
    (
        "change",
        "Giảm nghèo ở Lai Châu",
        "Năm 2023, tỷ lệ hộ nghèo của huyện Mường Tè tăng 0,4% so với năm 2022.",
        [],
    ),
    (
        "place",
        "Giảm nghèo ở Lai Châu",
        "Ông Lò Văn Hùng, Chủ tịch UBND xã Pa Ủ cho biết, năm 2023 xã còn 120 hộ nghèo.",
        [("poor_households", 120, PU, 2023, A)],
    ),
    (
        "place",
        "Giảm nghèo ở Lai Châu",
        "Là xã đặc biệt khó khăn của huyện Mường Tè, năm 2023 Pa Ủ còn 120 hộ nghèo.",
        [("poor_households", 120, PU, 2023, A)],
    ),
    (
        "place",
        "Giảm nghèo ở Lai Châu",
        "Sở LĐ-TB&XH tỉnh Lai Châu cho biết, năm 2023 huyện Mường Tè còn 14,6% hộ nghèo.",
        [("poverty_rate", 14.6, M, 2023, A)],
    ),
    (
        "place",
        "Mường Tè nỗ lực giảm nghèo",
        "Năm 2023, toàn huyện còn 1.250 hộ nghèo.",
        [("poor_households", 1250, M, 2023, A)],
    ),
    (
        "place",
        "Giảm nghèo ở Lai Châu",
        "Đoàn công tác của tỉnh Lai Châu đã làm việc tại huyện Mường Tè. Năm 2023, huyện còn 1.250 hộ nghèo.",
        [("poor_households", 1250, M, 2023, A)],
    ),
    (
        "headline",
        "Lai Châu: Tỷ lệ hộ nghèo giảm còn 10,2%",
        "Năm 2023, tỷ lệ hộ nghèo của tỉnh Lai Châu giảm còn 10,2%, giảm 3,1% so với năm 2022.",
        [("poverty_rate", 10.2, LC, 2023, A), ("poverty_rate_reduction", 3.1, LC, 2023, A)],
    ),
    (
        "headline",
        "Xóa 320 nhà tạm cho hộ nghèo huyện Mường Tè",
        "Năm 2023, huyện Mường Tè đã xóa 320 căn nhà tạm cho hộ nghèo.",
        [("houses_supported", 320, M, 2023, A)],
    ),
    (
        "headline",
        "Lai Châu phấn đấu giảm 3% tỷ lệ hộ nghèo năm 2024",
        "Năm 2024, tỉnh Lai Châu phấn đấu giảm 3% tỷ lệ hộ nghèo.",
        [("poverty_rate_reduction", 3, LC, 2024, T)],
    ),
    (
        "money",
        "Giảm nghèo ở Lai Châu",
        "Năm 2023, huyện Mường Tè được giao 45,3 tỷ đồng vốn Chương trình MTQG giảm nghèo bền vững; đến hết năm đã giải ngân 30,2 tỷ đồng, đạt 66,7%.",
        [
            ("budget", 45.3e9, M, 2023, A),
            ("budget_disbursed", 30.2e9, M, 2023, A),
            ("disbursement_rate", 66.7, M, 2023, A),
        ],
    ),
    (
        "money",
        "Giảm nghèo ở Lai Châu",
        "Năm 2023, huyện Mường Tè đã giải ngân 30,2/45,3 tỷ đồng vốn Chương trình MTQG giảm nghèo bền vững, đạt 66,7%.",
        [("budget_disbursed", 30.2e9, M, 2023, A), ("disbursement_rate", 66.7, M, 2023, A)],
    ),
    (
        "money",
        "Giảm nghèo ở Lai Châu",
        "Năm 2023, huyện Mường Tè dành 16 tỷ đồng xây dựng 320 căn nhà cho hộ nghèo.",
        [("budget", 16e9, M, 2023, A), ("houses_supported", 320, M, 2023, A)],
    ),
    (
        "money",
        "Giảm nghèo ở Lai Châu",
        "Năm 2023, Ngân hàng CSXH huyện Mường Tè đã cho vay 120 tỷ đồng đối với hộ nghèo.",
        [],
    ),
    (
        "money",
        "Giảm nghèo ở Lai Châu",
        "Năm 2023, thu nhập bình quân của huyện Mường Tè đạt 2,7 triệu đồng/người/tháng.",
        [("average_income", 2.7e6, M, 2023, A)],
    ),
    (
        "houses",
        "Xóa nhà tạm ở Lai Châu",
        "Năm 2023, huyện Mường Tè đã khởi công 320 căn nhà, trong đó 250 căn đã hoàn thành.",
        [("houses_supported", 320, M, 2023, A)],
    ),
    (
        "houses",
        "Xóa nhà tạm ở Lai Châu",
        "Năm 2023, toàn huyện Mường Tè đã xây mới 250 căn, sửa chữa 70 căn nhà cho hộ nghèo.",
        [("houses_supported", 250, M, 2023, A), ("houses_supported", 70, M, 2023, A)],
    ),
    (
        "houses",
        "Xóa nhà tạm ở Lai Châu",
        "Năm 2023, Bộ đội Biên phòng tỉnh đã xây tặng 20 căn nhà cho hộ nghèo ở huyện Mường Tè.",
        [("houses_supported", 20, M, 2023, A)],
    ),
    (
        "houses",
        "Xóa nhà tạm ở Lai Châu",
        "Năm 2023, có 320 căn nhà của hộ nghèo ở huyện Mường Tè được xây mới.",
        [("houses_supported", 320, M, 2023, A)],
    ),
    (
        "people",
        "Giảm nghèo ở Lai Châu",
        "Huyện Mường Tè có 12 thôn, bản với 1.216 hộ, 4.855 nhân khẩu.",
        [("total_households", 1216, M, 2023, A)],
    ),
    (
        "people",
        "Giảm nghèo ở Lai Châu",
        "Huyện Mường Tè có 54.984 người (theo thống kê năm 2018), đồng bào dân tộc thiểu số chiếm 92%.",
        [("population", 54984, M, 2018, A)],
    ),
    (
        "people",
        "Giảm nghèo ở Lai Châu",
        "Tổng số hộ dân trên địa bàn huyện Mường Tè là 12.400 hộ.",
        [("total_households", 12400, M, 2023, A)],
    ),
]


@dataclass(frozen=True)
class Variant:
    indicator: str
    value: float
    text: str


def _capitalized(s: str) -> str:
    return s[:1].upper() + s[1:]


def variants() -> Iterator[Variant]:
    """Every composition of each family's statements with the times, places and frames."""
    for indicator, value, statements in FAMILIES:
        for statement, place in itertools.product(statements, PLACES):
            said = statement.format(p=place)
            for opening in OPENINGS:
                yield Variant(indicator, value, opening + said + ".")
            for time in TIMES_AFTER:
                yield Variant(indicator, value, _capitalized(said) + time)
        for statement, frame, time in itertools.product(statements, FRAMES, TIMES_AFTER):
            # the frame names the place: the statement says "huyện" or nothing of it
            said = (
                statement.format(p="huyện")
                .replace("của huyện ", "")
                .replace("huyện huyện", "huyện")
            )
            yield Variant(indicator, value, frame + said + time)


def holds(v: Variant) -> bool:
    facts = extract(HEADLINE + v.text, published=PUBLISHED).to_json()["facts"]
    return any(
        f["indicator"] == v.indicator
        and abs(float(f["value"]) - v.value) < 1e-6
        and (f.get("locality") or {}).get("name") == PLACE
        and f.get("year") == YEAR
        for f in facts
    )


def scenario_holds(headline: str, body: str, expected: list[Fact]) -> bool:
    """Every expected fact comes out (value, place, year, status); an empty list: no fact."""
    facts = extract(headline + "\n" + body, published=PUBLISHED).to_json()["facts"]
    got = {
        (
            f["indicator"],
            round(float(f["value"]), 4),
            (f.get("locality") or {}).get("name"),
            f.get("year"),
            f.get("status"),
        )
        for f in facts
    }
    if not expected:
        return not got
    return all((i, round(float(v), 4), p, y, s) in got for i, v, p, y, s in expected)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list the failures")
    args = parser.parse_args()
    totals: dict[str, list[int]] = {}
    failed: list[Variant] = []
    for v in variants():
        ok = holds(v)
        row = totals.setdefault(v.indicator, [0, 0])
        row[0] += ok
        row[1] += 1
        if not ok:
            failed.append(v)
    print(f"{'indicator':28} {'holds':>7} {'of':>5}")
    for indicator, (good, all_) in totals.items():
        print(f"{indicator:28} {good:7d} {all_:5d}")
    good = sum(r[0] for r in totals.values())
    all_ = sum(r[1] for r in totals.values())
    print(f"{'all':28} {good:7d} {all_:5d}  ({good / all_:.1%})")
    if args.verbose:
        for v in failed:
            print(f"FAILS {v.indicator}: {v.text}")
    families: dict[str, list[int]] = {}
    for family, headline, body, expected in SCENARIOS:
        ok = scenario_holds(headline, body, expected)
        row = families.setdefault(family, [0, 0])
        row[0] += ok
        row[1] += 1
        if not ok and args.verbose:
            print(f"FAILS scenario {family}: {headline} / {body}")
    print(f"\n{'scenario family':28} {'holds':>7} {'of':>5}")
    for family, (good, all_) in families.items():
        print(f"{family:28} {good:7d} {all_:5d}")
    good = sum(r[0] for r in families.values())
    print(f"{'all scenarios':28} {good:7d} {len(SCENARIOS):5d}")


if __name__ == "__main__":
    main()
