"""Segmentation: sentences and words with offsets that round-trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from vnfacts import Pipeline, extract
from vnfacts.textalign import align

from tests.conftest import CORPUS, SEED_IDS

WORDS = Pipeline(options={"segment": {"words": True}, "recognize": {"ner": "off"}})


@pytest.fixture(scope="module")
def seeds():
    """The seeds segmented into words too (the default pipeline skips word segmentation)."""
    return {i: extract(Path(CORPUS / f"{i}.txt"), pipeline=WORDS) for i in SEED_IDS}


def test_offsets_round_trip_on_every_seed(seeds):
    for doc in seeds.values():
        assert doc.sentences and doc.tokens
        for block in doc.blocks:
            assert doc.text[block.start : block.end].strip()
        for sent in doc.sentences:
            block = doc.blocks[sent.block]
            assert block.start <= sent.start < sent.end <= block.end
            assert not block.is_boilerplate
        for tok in doc.tokens:
            assert doc.text[tok.start : tok.end] == tok.text
            sent = doc.sentences[tok.sentence]
            assert sent.start <= tok.start < tok.end <= sent.end


def test_no_tokens_from_boilerplate(seeds):
    doc = seeds["002_18b273a5c1c34203"]
    furniture = [b for b in doc.blocks if b.is_boilerplate]
    for tok in doc.tokens:
        assert not any(b.start <= tok.start < b.end for b in furniture)
    texts = {t.text for t in doc.tokens}
    assert "Livestream" not in texts  # a sidebar headline


def test_sentences_and_multisyllable_words():
    text = (
        "Lục Bình giảm nghèo bền vững\n"
        "Nhờ đó, đến hết năm 2023, toàn huyện còn 2.100 hộ nghèo, tỷ lệ 14,78%. "
        "Phó Chủ tịch UBND huyện cho biết huyện sẽ tiếp tục hỗ trợ sinh kế cho người dân."
    )
    doc = extract(text, pipeline=WORDS)
    body = [s for s in doc.sentences if doc.blocks[s.block].kind == "body"]
    assert [doc.text[s.start : s.end] for s in body] == [
        "Nhờ đó, đến hết năm 2023, toàn huyện còn 2.100 hộ nghèo, tỷ lệ 14,78%.",
        "Phó Chủ tịch UBND huyện cho biết huyện sẽ tiếp tục hỗ trợ sinh kế cho người dân.",
    ]
    words = [t.text for t in doc.tokens]
    assert "Chủ tịch" in words
    assert "tỷ lệ" in words
    assert "2.100" in words


def test_align_tolerates_changed_spacing_and_skips_unknown_pieces():
    text = "Chủ   tịch UBND\nxã"
    spans = list(align(text, ["Chủ tịch", "???", "UBND", "xã"]))
    assert [(text[s:e], piece) for s, e, piece in spans] == [
        ("Chủ   tịch", "Chủ tịch"),
        ("UBND", "UBND"),
        ("xã", "xã"),
    ]


def test_default_pipeline_skips_word_segmentation():
    doc = extract(
        "Lục Bình giảm nghèo bền vững\nTỷ lệ hộ nghèo của xã Lục Bình giảm còn 8,9% vào cuối năm 2023."
    )
    assert doc.sentences and doc.tokens == []


def test_a_level_abbreviation_ends_no_sentence():
    """underthesea ends a sentence after "TX." or "TT."; the unit's name goes on after it."""
    from vnfacts.segment import split_sentences

    text = (
        "Tỉnh hỗ trợ 500 bồn chứa nước cho hộ nghèo tại các huyện: An Phú, TX. Tân Châu với "
        "tổng kinh phí 750 triệu đồng. Tại H. Mèo Vạc và TT. Đồng Văn có 50 hộ. Ông Hùng nói."
    )
    got = [text[s:e] for s, e in split_sentences(text, 0, len(text))]
    assert got == [
        "Tỉnh hỗ trợ 500 bồn chứa nước cho hộ nghèo tại các huyện: An Phú, TX. Tân Châu với "
        "tổng kinh phí 750 triệu đồng.",
        "Tại H. Mèo Vạc và TT. Đồng Văn có 50 hộ.",
        "Ông Hùng nói.",
    ]


def test_a_sentence_ending_in_a_level_abbreviation_before_a_figure_stays_apart():
    """A unit's name opens with a capital letter: "… và TT. 25 căn nhà …" is two sentences."""
    from vnfacts.segment import split_sentences

    text = "Đoàn công tác đã làm việc tại xã Hướng Phùng và TT. 25 căn nhà đã được bàn giao."
    got = [text[s:e] for s, e in split_sentences(text, 0, len(text))]
    assert len(got) == 2
