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
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

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


# Scenarios (robustness_scenarios.jsonl): whole short reports in the project's own words,
# each with the facts it must give (indicator, value, place, year, status), grouped by what
# they probe: plans, lists of units, changes, places, headlines, money, houses, people. The
# thirty-eighth session wrote the first 36; the thirty-ninth's helpers wrote 269 more, each
# read against annotations/README.md (people-profiles, money-programmes, rates-and-years,
# whole-reports, lists-and-tables, older-reports: these may carry their own `published`,
# null for an undated page). An empty list of facts means the report gives none.
SCENARIOS = Path(__file__).with_name("robustness_scenarios.jsonl")


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


def scenario_holds(
    headline: str, body: str, expected: list[list], published: str | None = PUBLISHED
) -> bool:
    """Every expected fact comes out (value, place, year, status); an empty list: no fact."""
    facts = extract(headline + "\n" + body, published=published).to_json()["facts"]
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
    for line in SCENARIOS.read_text(encoding="utf-8").splitlines():
        scenario = json.loads(line)
        family, headline, body = scenario["family"], scenario["headline"], scenario["body"]
        expected = scenario["facts"]
        ok = scenario_holds(headline, body, expected, scenario.get("published", PUBLISHED))
        row = families.setdefault(family, [0, 0])
        row[0] += ok
        row[1] += 1
        if not ok and args.verbose:
            print(f"FAILS scenario {family}: {headline} / {body}")
    print(f"\n{'scenario family':28} {'holds':>7} {'of':>5}")
    for family, (good, all_) in families.items():
        print(f"{family:28} {good:7d} {all_:5d}")
    good = sum(r[0] for r in families.values())
    print(f"{'all scenarios':28} {good:7d} {sum(r[1] for r in families.values()):5d}")


if __name__ == "__main__":
    main()
