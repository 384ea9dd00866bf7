"""Batch runs: parallel workers, resumable output, bad documents, time limits."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from vnfacts import registry
from vnfacts.batch import process, recover_output
from vnfacts.cli import main
from vnfacts.ingest import iter_documents

from tests.conftest import CORPUS, SEED_IDS

SEEDS = [(CORPUS / f"{i}.txt").read_text(encoding="utf-8") for i in SEED_IDS]


def make_archive(path: Path, copies: int = 6) -> list[str]:
    ids = []
    with path.open("w", encoding="utf-8") as fh:
        for k in range(copies):
            for i, text in enumerate(SEEDS):
                doc_id = f"a{k:03d}-{i}"
                ids.append(doc_id)
                fh.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
    return ids


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_one_and_two_workers_give_the_same_output(tmp_path: Path):
    archive = tmp_path / "archive.jsonl"
    make_archive(archive, copies=2)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", str(archive), "-o", str(one), "-w", "1", "-q"]) == 0
    assert main(["extract", str(archive), "-o", str(two), "-w", "2", "-q"]) == 0
    assert one.read_bytes() == two.read_bytes()
    assert len(read(one)) == 10


def test_resume_after_a_cut_line(tmp_path: Path):
    archive = tmp_path / "archive.jsonl"
    ids = make_archive(archive, copies=2)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(archive), "-o", str(out), "-w", "1", "-q"]) == 0
    whole = out.read_bytes()
    lines = whole.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:3]) + lines[3][: len(lines[3]) // 2])  # killed mid-write
    assert len(recover_output(out)) == 3
    assert main(["extract", str(archive), "-o", str(out), "-w", "2", "--resume", "-q"]) == 0
    assert out.read_bytes() == whole
    assert [r["doc_id"] for r in read(out)] == ids


def test_resume_after_a_real_kill(tmp_path: Path):
    archive = tmp_path / "archive.jsonl"
    ids = make_archive(archive, copies=8)
    out = tmp_path / "out.jsonl"
    exe = Path(sys.executable).with_name("vnfacts")
    proc = subprocess.Popen([str(exe), "extract", str(archive), "-o", str(out), "-w", "2", "-q"])
    while proc.poll() is None and (not out.exists() or out.read_bytes().count(b"\n") < 5):
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    assert main(["extract", str(archive), "-o", str(out), "--resume", "-q"]) == 0
    got = [r["doc_id"] for r in read(out)]
    assert sorted(got) == sorted(ids)  # nothing lost, nothing twice
    assert got == ids


def test_mixed_archive_gives_one_record_per_document(tmp_path: Path, monkeypatch):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a-good.txt").write_text(SEEDS[4], encoding="utf-8")
    (folder / "b-binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "c-empty.txt").write_bytes(b"")
    (folder / "d-latin1.txt").write_bytes(
        "Tỷ lệ hộ nghèo".encode("cp1258", errors="replace") + b"\xe0\xe1"
    )
    with (folder / "e-huge.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (folder / "f-crash.txt").write_text(
        SEEDS[3].replace("Bình Gia", "BOOM Bình Gia", 1), encoding="utf-8"
    )

    original = registry.get_stage("link")

    def exploding(doc, **kw):
        if "BOOM" in doc.text:
            raise RuntimeError("a rule blew up")
        return original.func(doc, **kw)

    monkeypatch.setitem(
        registry._STAGES,
        "link",
        registry.Stage("link", exploding, original.requires, original.provides),
    )
    docs = list(process(iter_documents([folder]), workers=2, options={"recognize": {"ner": "off"}}))
    assert [d.doc_id for d in docs] == [
        "a-good",
        "b-binary",
        "c-empty",
        "d-latin1",
        "e-huge",
        "f-crash",
    ]
    codes = [[(e.stage, e.code) for e in d.errors] for d in docs]
    assert codes == [
        [],
        [("ingest", "binary")],
        [("ingest", "empty")],
        [("ingest", "not_utf8")],
        [("ingest", "too_large")],
        [("link", "stage_failed")],
    ]
    assert "a rule blew up" in docs[5].errors[0].message
    assert docs[0].facts and not docs[5].facts


@pytest.mark.skipif(not hasattr(os, "fork"), reason="time limits use Unix timers")
def test_time_limit_turns_a_slow_document_into_an_error(tmp_path: Path, monkeypatch):
    original = registry.get_stage("recognize")

    def slow(doc, **kw):
        if "CHẬM" in doc.text:
            time.sleep(30)
        return original.func(doc, **kw)

    monkeypatch.setitem(
        registry._STAGES,
        "recognize",
        registry.Stage("recognize", slow, original.requires, original.provides),
    )
    texts = [SEEDS[4], SEEDS[4].replace("Lục Bình", "CHẬM Lục Bình", 1)]
    from vnfacts.doc import Document

    docs = list(
        process(
            [Document(doc_id=str(i), text=t) for i, t in enumerate(texts)], workers=1, timeout=0.5
        )
    )
    assert not docs[0].errors
    assert [(e.stage, e.code) for e in docs[1].errors] == [("recognize", "timeout")]
    assert "time limit" in docs[1].errors[0].message


def test_write_record_never_raises_on_a_value_json_cannot_write():
    import io

    from vnfacts.batch import write_record

    record = {
        "doc_id": "so-lon",
        "source": "tin.jsonl:1",
        "meta": {"title": "Gi\udcffảm nghèo"},
        "mentions": [{"type": "QUANTITY", "text": "999…", "value": 10**5000}],
        "facts": [{"indicator": "poor_households", "value": 10**5000}],
        "errors": [],
    }
    buf = io.BytesIO()
    written = write_record(buf, record)
    [line] = buf.getvalue().decode("utf-8").splitlines()
    back = json.loads(line)
    assert back == written
    assert back["mentions"][0]["value"] is None
    assert back["meta"]["title"] == "Gi\ufffdảm nghèo"
    assert back["facts"] == []
    [error] = back["errors"]
    assert (error["stage"], error["code"]) == ("output", "unwritable_value")
    assert "integer of over 4,300 digits" in error["message"]
    assert "lone surrogate" in error["message"]


def test_recover_output_cuts_only_an_unfinished_last_line(tmp_path: Path):
    out = tmp_path / "out.jsonl"
    good = [json.dumps({"doc_id": f"d{i}", "source": "a.jsonl:1"}) for i in range(3)]
    out.write_text(good[0] + "\n" + "{not json\n" + good[1] + "\n" + good[2][:10], "utf-8")
    done = recover_output(out)
    assert len(done) == 2  # the unparsable middle line is kept in place, not counted
    assert out.read_text("utf-8") == good[0] + "\n" + "{not json\n" + good[1] + "\n"


def test_record_keys_do_not_depend_on_how_the_input_was_spelled(tmp_path: Path, monkeypatch):
    from vnfacts.batch import record_key

    monkeypatch.chdir(tmp_path)
    (tmp_path / "d").mkdir()
    (tmp_path / "lien-ket").symlink_to(tmp_path / "d")
    spellings = ["d/a.jsonl:7", "./d/a.jsonl:7", f"{tmp_path}/d/a.jsonl:7", "lien-ket/a.jsonl:7"]
    assert len({record_key("t7", s) for s in spellings}) == 1
    assert record_key("t7", "d/a.jsonl:7") != record_key("t7", "d/a.jsonl:8")
    assert record_key("stdin", "<stdin>") == "<stdin>\x00stdin"


def test_workers_are_recycled_without_changing_the_output(monkeypatch):
    from vnfacts.doc import Document

    original = registry.get_stage("check")

    def pid_stamp(doc, **kw):
        doc = original.func(doc, **kw)
        doc.meta.author = str(os.getpid())  # which worker handled it
        return doc

    monkeypatch.setitem(
        registry._STAGES,
        "check",
        registry.Stage("check", pid_stamp, original.requires, original.provides),
    )
    docs = [Document(doc_id=str(i), text=SEEDS[i % 5]) for i in range(8)]
    opts = {"recognize": {"ner": "off"}}
    recycled = list(process(docs, workers=2, options=opts, recycle=2))
    assert len({d.meta.author for d in recycled}) >= 4  # 8 documents, 2 per process
    assert [d.doc_id for d in recycled] == [str(i) for i in range(8)]
    plain = list(process(docs, workers=1, options=opts))
    assert [len(d.facts) for d in recycled] == [len(d.facts) for d in plain]


def test_a_text_over_a_million_characters_gets_a_spacy_doc():
    from vnfacts.recognize.spacy_doc import find_phrases, make_doc

    sentence = "Chủ tịch UBND xã Lục Bình cho biết tỷ lệ hộ nghèo còn 8,9%. "
    text = sentence * (1_050_000 // len(sentence) + 1)
    assert len(text) > 1_000_000  # spaCy's default max_length: E088
    doc = make_doc(text)
    tail = len(text) - len(sentence)
    hits = find_phrases(doc, "titles", tail, len(text))
    assert [text[h.start : h.end] for h in hits][:1] == ["Chủ tịch"]


def test_ner_sees_a_run_on_sentence_in_clause_pieces():
    from vnfacts.recognize.ner import MAX_CHARS, ner_spans, pieces

    clause = "ông Nguyễn Văn Sơn cùng đoàn công tác đến thăm các hộ nghèo ở thôn Pác Chang"
    text = ", ".join([clause] * 60) + "."
    cuts = pieces(text, 0, len(text))
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cuts))  # no gap, no overlap
    assert all(e - s <= MAX_CHARS for s, e in cuts)
    assert all(text[e - 2 : e] == ", " for _, e in cuts[:-1])  # cut after a comma
    people = [text[s:e] for label, s, e in ner_spans(text, 0, len(text)) if label == "PER"]
    assert people.count("Nguyễn Văn Sơn") >= 50  # names found all along the sentence
