"""The examples of the link rules' data run as tests: each named exception of
`patterns/link_exceptions.jsonl` stops its example's figure, and says so in `no_fact`."""

from __future__ import annotations

import pytest
from vnfacts import extract, patterns
from vnfacts.doc import Document, Mention
from vnfacts.link import link_exceptions, topic_gated_indicators

EXCEPTIONS = [r for r in patterns.load("link_exceptions")]
EXAMPLES = [(r["id"], ex) for r in EXCEPTIONS for ex in r["examples"]]


def test_the_exceptions_load_and_validate():
    ids = [e.id for e in link_exceptions()]
    assert len(ids) == len(EXCEPTIONS) >= 10
    assert "population" in topic_gated_indicators()


def _read(example: dict) -> tuple[Document, Mention]:
    """The example's sentence read in an article on the topic, and its figure."""
    doc = extract("Giảm nghèo\n" + example["text"], published="2024-01-10")
    figure = next(
        m for m in doc.mentions if m.type in ("QUANTITY", "PERCENT") and m.text == example["figure"]
    )
    return doc, figure


@pytest.mark.parametrize(
    ("rule_id", "example"), EXAMPLES, ids=[f"{i}-{n}" for n, (i, _) in enumerate(EXAMPLES)]
)
def test_each_exception_stops_its_example(rule_id: str, example: dict):
    doc, figure = _read(example)
    stated = [f for f in doc.facts if f["figure"]["start"] == figure.start]
    assert not stated, stated
    assert figure.attrs.get("no_fact") == rule_id


COUNTER = [(r["id"], ex) for r in EXCEPTIONS for ex in r.get("counter_examples", [])]


@pytest.mark.parametrize(
    ("rule_id", "example"), COUNTER, ids=[f"{i}-{n}" for n, (i, _) in enumerate(COUNTER)]
)
def test_no_exception_stops_its_counter_example(rule_id: str, example: dict):
    """A near miss the exception was narrowed for keeps its fact."""
    doc, figure = _read(example)
    assert figure.attrs.get("no_fact") != rule_id
    assert any(f["figure"]["start"] == figure.start for f in doc.facts), doc.facts


def test_an_unknown_rate_ends_the_reach_of_the_poverty_subject():
    doc = extract(
        "Kết quả giảm nghèo\nNăm 2023, tỷ lệ hộ nghèo của huyện Mèo Vạc còn 25,2%, "
        "tỷ lệ lao động qua đào tạo đạt 65%.",
        published="2024-01-10",
    )
    assert [(f["indicator"], f["value"]) for f in doc.facts] == [("poverty_rate", 25.2)]


def test_a_figure_that_gives_no_fact_says_why():
    doc = extract(
        "Giảm nghèo\nNăm 2023, tỷ lệ hộ nghèo của xã Lục Bình còn 6,2%; 95% số thôn có đường ô tô.",
        published="2024-01-10",
    )
    reasons = {m.text: m.attrs.get("no_fact") for m in doc.mentions if m.type == "PERCENT"}
    assert reasons == {"6,2%": None, "95%": "share-of-something-else"}


SPECS = [r for r in patterns.load("indicator_specs")]
SPEC_EXAMPLES = [(r["id"], ex) for r in SPECS for ex in r["examples"]]


def test_every_indicator_of_the_schema_has_one_spec():
    import json
    from importlib.resources import files

    schema = json.loads(files("vnfacts.schemas").joinpath("document.schema.json").read_text())
    enum = set(schema["$defs"]["fact"]["properties"]["indicator"]["enum"])
    assert {r["indicator"] for r in SPECS} == enum
    assert len(SPECS) == len(enum)


@pytest.mark.parametrize(
    ("spec_id", "example"),
    SPEC_EXAMPLES,
    ids=[f"{i}-{n}" for n, (i, _) in enumerate(SPEC_EXAMPLES)],
)
def test_each_indicator_example_gives_its_facts(spec_id: str, example: dict):
    doc = extract(example["text"], published=example.get("published"))
    got = {
        (f["indicator"], (f["locality"] or {}).get("name"), f["year"], f["value"])
        for f in doc.facts
    }
    for want in example["facts"]:
        key = (want["indicator"], want["locality"], want["year"], want["value"])
        assert key in got, (spec_id, key, got)
    units = next(r["units"] for r in SPECS if r["id"] == spec_id)
    indicator = next(r["indicator"] for r in SPECS if r["id"] == spec_id)
    if not example["facts"]:
        # a near miss: the sentence gives no fact of the spec's indicator
        assert not [f for f in doc.facts if f["indicator"] == indicator], (spec_id, doc.facts)
    assert all(f["unit"] in units for f in doc.facts if f["indicator"] == indicator)


def test_a_value_outside_an_indicators_plausible_bounds_gives_no_fact():
    # the investment of a district per year, after the income in a list of targets
    doc = extract(
        "A Lưới đại hội Đảng bộ huyện\nCác chỉ tiêu chủ yếu giai đoạn 2021 – 2025 của huyện A "
        "Lưới gồm: thu nhập bình quân đầu người đến năm 2025 đạt trên 40 triệu đồng/người/năm; "
        "tổng đầu tư toàn xã hội bình quân 850 tỷ đồng/năm.",
        published="2020-10-20",
    )
    incomes = [f["value"] for f in doc.facts if f["indicator"] == "average_income"]
    assert incomes == [40_000_000]
    investment = next(m for m in doc.mentions if m.text.startswith("850 tỷ"))
    assert investment.attrs["no_fact"] == "implausible-value"


def test_a_malformed_plausible_bound_is_refused_on_load(pattern_files):
    from vnfacts.link import indicator_specs

    spec = (
        '{"id": "x", "indicator": "average_income", "figure": "QUANTITY", "units": ["VND/person/year"], '
        '"subject": "income", "reads": "money", "plausible": {"VND/person/year": [5, 1]}, '
        '"examples": [{"text": "t", "facts": []}]}\n'
    )
    pattern_files({"indicator_specs.jsonl": spec}, indicator_specs)
    with pytest.raises(patterns.PatternError, match="plausible"):
        indicator_specs()


def test_unless_after_is_matched_at_the_figures_end_so_a_caret_is_refused():
    """`unless_after` runs as `pattern.match(text, figure_end)`; a leading `^` would only
    match at the start of the text, so the exception would silently never be lifted."""
    from vnfacts.link import _after_figure

    words = _after_figure(r"\s*(?:cận\s+)?nghèo\s*và", "test")
    text = "Đó là 42 hộ nghèo và 65 hộ cận nghèo của xã."
    assert words.match(text, text.index(" nghèo và"))
    with pytest.raises(patterns.PatternError, match="unless_after"):
        _after_figure(r"^\s*nghèo", "test")


def test_a_topic_cue_that_matches_its_counter_example_is_refused_on_load(pattern_files):
    from vnfacts.link import _topic_cues

    cue = (
        '{"kind": "cue", "id": "bad", "regex": "nghèo", "example": "hộ nghèo", '
        '"counter_example": "bệnh hiểm nghèo"}\n'
    )
    pattern_files({"topic.jsonl": cue}, _topic_cues)
    with pytest.raises(patterns.PatternError, match="counter_example"):
        _topic_cues()
