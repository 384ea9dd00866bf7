"""The series table: one row per figure across articles, its sources, copies, conflicts."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from vnfacts import extract
from vnfacts.cli import main
from vnfacts.export import export, read_back, read_series, to_frames
from vnfacts.series import (
    agree,
    duplicate_sources,
    jaccard,
    province_of,
    shingles,
    written_tolerance,
)

# Articles written for these tests, in the manner of local news reports.
BINH_GIA = (
    "Bình Gia giảm nghèo nhanh\n"
    "Theo UBND huyện Bình Gia (Lạng Sơn), đến hết năm 2023, toàn huyện còn 2.100 hộ nghèo, "
    "tỷ lệ hộ nghèo 14,78%, giảm 5,85% so với năm 2022.\n"
)
# the same story, re-sent by another outlet: a word changed in the lead
BINH_GIA_WIRE = BINH_GIA.replace("Theo UBND huyện", "Theo báo cáo của UBND huyện")
LANG_SON = (
    "Lạng Sơn: Nhiều huyện vùng cao thoát nghèo\n"
    "Năm 2023, tỷ lệ hộ nghèo của huyện Bình Gia còn 14,8%, huyện Văn Quan còn 12,5%.\n"
)
BINH_GIA_OTHER = (
    "Bình Gia còn nhiều khó khăn\n"
    "Năm 2023, tỷ lệ hộ nghèo của huyện Bình Gia (Lạng Sơn) vẫn ở mức 16,9%.\n"
)
CAO_BANG = (
    "Cao Bằng: kết quả giảm nghèo\n"
    "Năm 2018, tỷ lệ hộ nghèo của tỉnh Cao Bằng còn 32,56% theo chuẩn nghèo đa chiều giai "
    "đoạn 2016-2020. Năm 2022, tỷ lệ hộ nghèo của tỉnh Cao Bằng là 27,6% theo chuẩn nghèo "
    "giai đoạn 2021-2025. Năm 2018, huyện Thông Nông còn 1.520 hộ nghèo.\n"
)

ARTICLES = {
    "tienphong-1": (BINH_GIA, "2024-01-10"),
    "baomoi-2": (BINH_GIA, "2024-01-10"),  # the same text under another id
    "laodong-3": (BINH_GIA_WIRE, "2024-01-11"),
    "langson-4": (LANG_SON, "2024-02-01"),
    "dantoc-5": (BINH_GIA_OTHER, "2024-03-01"),
    "caobang-6": (CAO_BANG, "2023-01-05"),
}


@pytest.fixture(scope="module")
def records() -> dict[str, dict[str, Any]]:
    out = {}
    for doc_id, (text, published) in ARTICLES.items():
        record = extract(text, published=published).to_json()
        record["doc_id"] = doc_id
        out[doc_id] = record
    return out


def write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def series_of(records: dict[str, dict[str, Any]], *ids: str) -> pd.DataFrame:
    return to_frames([records[i] for i in ids])["series"]


def row(series: pd.DataFrame, place: str, indicator: str = "poverty_rate", year: int = 2023):
    hit = series[
        (series["locality_name"] == place)
        & (series["indicator"] == indicator)
        & (series["year"] == year)
    ]
    assert len(hit) == 1, hit
    return hit.iloc[0]


def test_two_articles_stating_the_same_figure_give_one_row_with_two_sources(records):
    series = series_of(records, "tienphong-1", "langson-4")
    r = row(series, "Bình Gia")
    assert (r["n_sources"], r["n_documents"], r["conflicting"]) == (2, 2, 0)
    assert r["value"] == 14.78  # 14,8% agrees by rounding; the more precise figure wins
    assert r["province"] == "Lạng Sơn" and r["locality_code"] == "181"
    assert json.loads(r["other_values"]) == [{"value": 14.8, "n_sources": 1, "agrees": True}]
    sources = json.loads(r["sources"])
    assert [s["doc_id"] for s in sources] == ["tienphong-1", "langson-4"]
    facts = to_frames([records["tienphong-1"], records["langson-4"]])["facts"]
    for s in sources:  # each source points at its fact and at the figure in the text
        fact = facts.set_index("fact_id").loc[s["fact_id"]]
        text = ARTICLES[s["doc_id"]][0]
        assert fact["doc_id"] == s["doc_id"]
        assert text[s["figure_start"] : s["figure_end"]].startswith(("14,78", "14,8"))
        assert s["figure_start"] >= s["evidence_start"] and s["duplicate_of"] is None


def test_a_copy_under_another_id_adds_no_source(records):
    series = series_of(records, "tienphong-1", "baomoi-2", "laodong-3", "langson-4")
    r = row(series, "Bình Gia")
    assert (r["n_sources"], r["n_documents"], r["n_facts"]) == (2, 4, 4)
    dup = {s["doc_id"]: s["duplicate_of"] for s in json.loads(r["sources"])}
    assert dup == {
        "tienphong-1": None,
        "baomoi-2": "tienphong-1",  # identical text
        "laodong-3": "tienphong-1",  # near-duplicate wire copy
        "langson-4": None,
    }
    # every figure of the story is one source, not just the rate
    households = row(series, "Bình Gia", "poor_households")
    assert (households["n_sources"], households["n_documents"]) == (1, 3)


def test_two_different_values_give_a_conflict(records):
    series = series_of(records, "tienphong-1", "laodong-3", "langson-4", "dantoc-5")
    r = row(series, "Bình Gia")
    assert (r["value"], r["n_sources"], r["n_agreeing"], r["conflicting"]) == (14.78, 3, 2, 1)
    assert (r["min_value"], r["max_value"]) == (14.78, 16.9)
    others = {o["value"]: o["agrees"] for o in json.loads(r["other_values"])}
    assert others == {14.8: True, 16.9: False}
    # a place stated by one article only is no conflict
    assert row(series, "Văn Quan")["conflicting"] == 0


def test_a_tie_between_two_sources_is_still_a_conflict(records):
    r = row(series_of(records, "dantoc-5", "tienphong-1"), "Bình Gia")
    assert r["conflicting"] == 1 and r["n_sources"] == 2 and r["n_agreeing"] == 1


def test_a_rate_with_its_standard_and_a_province_row_is_its_own_province(records):
    series = series_of(records, "caobang-6")
    old, new = row(series, "Cao Bằng", year=2018), row(series, "Cao Bằng", year=2022)
    assert (old["value"], old["standard"]) == (32.56, "2016-2020")
    assert (new["value"], new["standard"]) == (27.6, "2021-2025")
    assert old["series_id"] != new["series_id"]
    assert (old["locality_level"], old["province"], old["province_code"]) == (
        "province",
        "Cao Bằng",
        "04",
    )


def test_a_district_merged_in_2019_still_has_its_province(records):
    r = row(series_of(records, "caobang-6"), "Thông Nông", "poor_households", 2018)
    assert pd.isna(r["locality_code"])  # no code: the unit no longer exists
    assert (r["province"], r["province_code"]) == ("Cao Bằng", "04")
    # merged into Hà Quảng (Cao Bằng) in 2019: the gazetteer's former names say so
    assert province_of("Thông Nông", "district", None, None) == ("Cao Bằng", "04")
    assert province_of("Bình Gia", "district", "181", None) == ("Lạng Sơn", "20")
    assert province_of("Việt Nam", "country", None, None) == (None, None)


def test_a_name_many_communes_share_is_not_merged_across_articles():
    # there are dozens of communes called Tân Lập: two articles that name one without its
    # district or province may speak of two communes, so neither conflicts with the other
    texts = {
        "a": "Giảm nghèo ở Tân Lập\nNăm 2023, tỷ lệ hộ nghèo của xã Tân Lập còn 3,1%.\n",
        "b": "Tân Lập đổi mới\nNăm 2023, tỷ lệ hộ nghèo của xã Tân Lập là 9,4%.\n",
        "c": "Lục Ngạn giảm nghèo\nNăm 2023, tỷ lệ hộ nghèo của xã Tân Lập (Bắc Giang) còn 3,1%.\n",
    }
    records = []
    for doc_id, text in texts.items():
        records.append(extract(text, published="2024-01-05").to_json() | {"doc_id": doc_id})
    rates = to_frames(records)["series"].query("indicator == 'poverty_rate'")
    assert len(rates) == 3 and set(rates["conflicting"]) == {0}
    assert set(rates["n_sources"]) == {1}
    assert list(rates["province"].dropna()) == ["Bắc Giang"]


# ------------------------------------------------------------------ agreement and copies


@pytest.mark.parametrize(
    ("figure", "value", "tolerance"),
    [
        ("14,78%", 14.78, 0.005),
        ("8,9%", 8.9, 0.05),
        ("2.100 hộ", 2100, 0.5),
        ("1.417,3 tỷ đồng", 1417300000000, 50000000),
        ("3.5%", 3.5, 0.05),  # a decimal point written the English way
        (None, 12.0, 0.0),
    ],
)
def test_written_tolerance_is_half_the_last_digit(figure, value, tolerance):
    assert written_tolerance(figure, value) == pytest.approx(tolerance)


def test_values_agree_within_half_a_percent_or_their_rounding():
    assert agree(14.78, 14.8, 0.005, 0.05)  # 14,8 stands for 14,75–14,85
    assert agree(2100, 2110)  # within 0.5 %
    assert not agree(14.78, 14.9, 0.005, 0.05)
    assert not agree(2100, 2120, 0.5, 0.5)
    assert agree(8.9, 8.95, 0.05, 0.005)  # 0.56 % apart, but 8,9 rounds 8,95


def test_duplicates_are_found_by_shingles_not_by_shared_words():
    story = BINH_GIA
    fingerprints = {
        "a": story,
        "b": BINH_GIA_WIRE,
        "c": BINH_GIA_OTHER,  # same place, same subject, another article
        "d": "",  # nothing to compare: its own source
    }
    assert jaccard(shingles(story), shingles(BINH_GIA_WIRE)) >= 0.8
    assert jaccard(shingles(story), shingles(BINH_GIA_OTHER)) < 0.3
    assert duplicate_sources(fingerprints) == {"a": "a", "b": "a", "c": "c", "d": "d"}


# -------------------------------------------------------------------- export and command


def test_series_goes_out_with_the_other_tables(records, tmp_path: Path):
    results = write(tmp_path / "r.jsonl", list(records.values()))
    for fmt in ("csv", "parquet", "sqlite"):
        dest = tmp_path / ("db.sqlite" if fmt == "sqlite" else fmt)
        counts = export(results, fmt, dest)
        back = read_back(fmt, dest)["series"]
        assert counts["series"] == len(back) == len(read_series(results)), fmt
        assert row(back, "Bình Gia")["n_sources"] == 3, fmt
    con = sqlite3.connect(tmp_path / "db.sqlite")
    try:  # no CASE needed: a province row's province is its own name
        by_province = dict(
            con.execute(
                "SELECT province, COUNT(*) FROM series WHERE indicator = 'poverty_rate' "
                "GROUP BY province"
            ).fetchall()
        )
    finally:
        con.close()
    assert by_province == {"Cao Bằng": 2, "Lạng Sơn": 2}


def test_sqlite_series_covers_every_document_in_the_database(records, tmp_path: Path):
    db = tmp_path / "facts.db"
    export(write(tmp_path / "one.jsonl", [records["tienphong-1"]]), "sqlite", db)
    export(write(tmp_path / "two.jsonl", [records["dantoc-5"]]), "sqlite", db)
    r = row(read_back("sqlite", db)["series"], "Bình Gia")
    assert (r["n_sources"], r["conflicting"]) == (2, 1)  # the earlier export counts too


def test_the_command_prints_the_table_and_draws_the_plot(records, tmp_path: Path, capsys):
    from matplotlib.image import imread

    results = write(tmp_path / "r.jsonl", list(records.values()))
    png = tmp_path / "rates.png"
    code = main(["series", str(results), "--indicator", "poverty_rate", "--vi", "--plot", str(png)])
    out, err = capsys.readouterr()
    assert code == 0
    line = next(x for x in out.splitlines() if x.startswith("poverty_rate") and "Bình Gia" in x)
    assert "14,78 %" in line and "≠ 16,9" in line
    assert "Văn Quan" in out and "poor_households" not in out
    assert "with conflicting sources" in err
    assert png.stat().st_size > 0
    image = imread(png)
    assert image.ndim == 3 and image.shape[0] > 100 and image.shape[1] > 100
    main(["series", str(results), "--level", "province"])
    lines = capsys.readouterr().out.splitlines()[1:]
    assert lines and all("(province)" in x for x in lines)


def test_the_command_refuses_a_missing_file(tmp_path: Path, capsys):
    assert main(["series", str(tmp_path / "none.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err
