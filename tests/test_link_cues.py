"""The word cues of `patterns/link_cues.jsonl` run their examples: each finds every phrase of
its `match` and none of its `no_match`; a malformed entry is refused on load."""

from __future__ import annotations

import pytest
import regex
from vnfacts import link, patterns
from vnfacts.link import _link_cues, link_cue, link_fragment

RULES = list(patterns.load("link_cues"))


def _pattern(rule: dict) -> regex.Pattern[str]:
    if rule.get("fragment"):
        return regex.compile(link_fragment(rule["id"]), regex.I)
    return link_cue(rule["id"])


def test_each_cue_is_the_constant_of_its_name():
    """`venue-after` is `link._VENUE_AFTER`: grep for either finds the other."""
    cues = [r for r in RULES if not r.get("fragment")]
    assert len(cues) >= 50
    for rule in cues:
        name = "_" + rule["id"].upper().replace("-", "_")
        constant, cue = getattr(link, name, None), link_cue(rule["id"])
        assert constant is not None, f"link.py names no {name} for {rule['id']!r}"
        assert (constant.pattern, constant.flags) == (cue.pattern, cue.flags), name
    assert link_fragment("approx") == link._APPROX


@pytest.mark.parametrize("rule", RULES, ids=[r["id"] for r in RULES])
def test_each_cue_finds_its_examples_and_not_its_near_misses(rule: dict):
    """Run as the linker runs it (`applied`: search, match at the start, or fullmatch)."""
    pattern = _pattern(rule)
    apply = getattr(pattern, rule.get("applied", "search"))
    missed = [ex for ex in rule["match"] if not apply(ex)]
    wrong = [ex for ex in rule.get("no_match", []) if apply(ex)]
    assert not missed, f"{rule['id']} does not find {missed}"
    assert not wrong, f"{rule['id']} finds {wrong}, which it must not"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "regex": "giảm(", "why": "w", "match": ["giảm"]}', r"'x': missing \)"),
        (
            '{"id": "x", "regex": "giảm\\\\s*{aprox}$", "why": "w", "match": ["giảm "]}',
            "'x': unknown fragment {aprox}",
        ),
        ('{"id": "x", "regex": "giảm", "why": "w"}', "'x': missing match"),
        ('{"id": "x", "regex": "giảm", "match": ["giảm"]}', "'x': missing why"),
        (
            '{"id": "x", "fragment": true, "regex": "{later}", "why": "w", "match": [""]}\n'
            '{"id": "later", "fragment": true, "regex": "a", "why": "w", "match": ["a"]}',
            "'x': unknown fragment {later}",
        ),
    ],
    ids=["bad-regex", "unknown-fragment", "no-match-example", "no-why", "fragment-named-before"],
)
def test_a_malformed_cue_is_refused_on_load(pattern_files, line: str, message: str):
    fragment = '{"id": "approx", "fragment": true, "regex": "(?:khoảng)?\\\\s*", "why": "w", '
    fragment += '"match": ["khoảng "]}'
    pattern_files({"link_cues.jsonl": f"{fragment}\n{line}\n"}, _link_cues)
    with pytest.raises(patterns.PatternError, match=message):
        _link_cues()


def test_a_fragment_is_spliced_where_a_cue_names_it(pattern_files):
    pattern_files(
        {
            "link_cues.jsonl": '{"id": "approx", "fragment": true, "regex": "(?:khoảng)?\\\\s*", '
            '"why": "w", "match": ["khoảng "]}\n'
            '{"id": "x", "regex": "giảm\\\\s*{approx}$", "why": "w", "match": ["giảm khoảng "]}\n'
        },
        _link_cues,
    )
    assert link_cue("x").pattern == r"giảm\s*(?:khoảng)?\s*$"


def test_a_fragment_may_name_a_fragment_written_before_it(pattern_files):
    pattern_files(
        {
            "link_cues.jsonl": '{"id": "names", "fragment": true, "regex": "Khmer|Chăm", '
            '"why": "w", "match": ["Khmer"]}\n'
            '{"id": "group", "fragment": true, "regex": "(?:đồng bào\\\\s+)?(?:{names})", '
            '"why": "w", "match": ["Chăm"]}\n'
            '{"id": "x", "regex": "hộ\\\\s+{group}\\\\s+nghèo", "why": "w", '
            '"match": ["hộ đồng bào Khmer nghèo"]}\n'
        },
        _link_cues,
    )
    assert link_cue("x").pattern == r"hộ\s+(?:đồng bào\s+)?(?:Khmer|Chăm)\s+nghèo"
