"""The `vnfacts extract` command end to end: output shape, summary, exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from vnfacts.cli import main

from tests.conftest import CORPUS, SEED_IDS

CONTRACT_KEYS = {"doc_id", "source", "meta", "mentions", "facts", "checks", "errors"}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_corpus_writes_one_line_per_document(tmp_path: Path, capsys):
    out = tmp_path / "out" / "facts.jsonl"
    assert main(["extract", str(CORPUS), "-o", str(out)]) == 0
    records = read_jsonl(out)
    assert [r["doc_id"] for r in records] == list(SEED_IDS)
    for record in records:
        assert record.keys() >= CONTRACT_KEYS
        assert set(record["meta"]) == {"title", "published", "author", "url"}
        assert record["errors"] == []
        assert record["source"].endswith(record["doc_id"] + ".txt")
    summary = capsys.readouterr().err.strip().splitlines()[-1]
    assert summary.startswith("vnfacts: 5 documents, 0 errors, ")
    assert summary.endswith(" s")


def test_bad_inputs_give_records_and_exit_status_1(tmp_path: Path, capsys):
    good = tmp_path / "good.txt"
    good.write_text((CORPUS / f"{SEED_IDS[4]}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "facts.jsonl"
    status = main(["extract", str(good), str(empty), str(tmp_path / "missing.txt"), "-o", str(out)])
    assert status == 1
    records = read_jsonl(out)
    assert [r["doc_id"] for r in records] == ["good", "empty", "missing"]
    assert [[e["code"] for e in r["errors"]] for r in records] == [[], ["empty"], ["not_found"]]
    err = capsys.readouterr().err
    assert "empty.txt: ingest/empty" in err
    assert "3 documents, 2 errors" in err


def test_installed_command_reads_stdin_and_writes_stdout():
    """The console script as a user runs it (checks the package installs its entry point)."""
    exe = Path(sys.executable).with_name("vnfacts")
    text = (CORPUS / f"{SEED_IDS[0]}.txt").read_bytes()
    proc = subprocess.run(
        [str(exe), "extract", "-", "-q"],
        input=text,
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert proc.returncode == 0, proc.stderr.decode()
    [record] = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert record["doc_id"] == "stdin"
    assert record["meta"]["published"] == "2024-03-29"
    assert b"1 documents, 0 errors" in proc.stderr


ARTICLE = (
    "Lục Bình thực hiện hiệu quả công tác giảm nghèo\n\n"
    "Năm 2023, tỷ lệ hộ nghèo của xã Lục Bình giảm còn 8,9%, theo Chủ tịch UBND xã, "
    "ông Nguyễn Văn Hậu.\n"
)


def test_output_naming_an_input_is_refused_before_anything_is_written(tmp_path: Path, capsys):
    feed = tmp_path / "tin.jsonl"
    content = json.dumps({"id": "t1", "text": ARTICLE}, ensure_ascii=False) + "\n"
    feed.write_text(content, encoding="utf-8")
    spelled_otherwise = str(tmp_path / "." / "tin.jsonl")
    assert main(["extract", str(feed), "-o", spelled_otherwise, "-q"]) == 2
    assert feed.read_text(encoding="utf-8") == content  # untouched
    assert "is also an input" in capsys.readouterr().err


def test_output_inside_an_input_folder_is_never_read(tmp_path: Path, capsys):
    folder = tmp_path / "bai"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = folder / "facts.jsonl"
    for _ in range(2):  # the second run finds the first run's output in the folder
        assert main(["extract", str(folder), "-o", str(out), "-w", "1", "--no-ner"]) == 0
        assert [r["doc_id"] for r in read_jsonl(out)] == ["a"]
    assert "the run's own output: " in capsys.readouterr().err


def test_a_second_run_on_a_locked_output_is_refused(tmp_path: Path, capsys):
    import fcntl

    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    out.write_text('{"doc_id": "dang-chay"}\n', encoding="utf-8")
    with out.open("ab") as holder:  # another run holds the output
        fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
        assert main(["extract", str(src), "-o", str(out), "-q"]) == 2
    assert out.read_text(encoding="utf-8") == '{"doc_id": "dang-chay"}\n'  # not emptied
    assert "another vnfacts run is writing" in capsys.readouterr().err
    assert main(["extract", str(src), "-o", str(out), "-q", "-w", "1", "--no-ner"]) == 0


def test_resume_knows_an_input_spelled_another_way(tmp_path: Path, monkeypatch, capsys):
    feed = tmp_path / "tin.jsonl"
    feed.write_text(
        "".join(
            json.dumps({"id": f"t{i}", "text": ARTICLE}, ensure_ascii=False) + "\n"
            for i in range(3)
        ),
        encoding="utf-8",
    )
    out = tmp_path / "facts.jsonl"
    monkeypatch.chdir(tmp_path)
    assert main(["extract", "tin.jsonl", "-o", str(out), "-q", "-w", "1", "--no-ner"]) == 0
    before = out.read_bytes()
    (tmp_path / "link").symlink_to(tmp_path)
    args = ["extract", str(tmp_path / "link" / "tin.jsonl"), "-o", str(out), "--resume"]
    assert main([*args, "-w", "1", "--no-ner"]) == 0
    assert out.read_bytes() == before  # nothing redone, nothing twice
    assert "(resumed: 3 already done)" in capsys.readouterr().err


def test_two_folders_with_the_same_file_name_give_two_ids(tmp_path: Path):
    for folder in ("c1", "c2"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    args = [str(tmp_path / "c1"), str(tmp_path / "c2"), "-o", str(out), "-w", "1", "--no-ner"]
    assert main(["extract", *args, "-q"]) == 0
    assert [r["doc_id"] for r in read_jsonl(out)] == ["a", "c2/a"]


def test_a_value_that_cannot_be_written_gives_an_error_record(tmp_path: Path, capsys, monkeypatch):
    from decimal import Decimal

    import vnfacts.recognize.numbers

    # numbers drops figures beyond the float range; lift that bound to reach the writer's guard
    monkeypatch.setattr(vnfacts.recognize.numbers, "MAX_MAGNITUDE", Decimal("Infinity"))
    feed = tmp_path / "tin.jsonl"
    huge = "9" * 5000  # the figure's value is an int Python will not turn into text
    lines = [
        {"id": "so-lon", "text": f"Năm 2023, xã Lục Bình có {huge} hộ nghèo."},
        {"id": "binh-thuong", "text": ARTICLE},
    ]
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), "utf-8")
    out = tmp_path / "facts.jsonl"
    assert main(["extract", str(feed), "-o", str(out), "-w", "1", "--no-ner"]) == 1
    first, second = read_jsonl(out)
    assert [e["code"] for e in first["errors"]] == ["unwritable_value"]
    assert "integer of over 4,300 digits" in first["errors"][0]["message"]
    assert first["facts"] == []
    assert second["doc_id"] == "binh-thuong" and not second["errors"]
    assert "2 documents, 1 errors" in capsys.readouterr().err


def test_exit_statuses_for_usage_and_internal_errors(tmp_path: Path, monkeypatch, capsys):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(src), "--resume"]) == 2  # --resume without -o
    assert main(["extract", str(src), "-o", str(tmp_path)]) == 2  # a folder as output

    import vnfacts.batch

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(vnfacts.batch, "process", broken)
    assert main(["extract", str(src), "-o", str(tmp_path / "o.jsonl")]) == 3
    err = capsys.readouterr().err
    assert "internal error" in err and "RuntimeError: a bug" in err


def test_ctrl_c_prints_one_line_with_the_resume_hint(tmp_path: Path):
    import signal
    import time

    feed = tmp_path / "tin.jsonl"
    feed.write_text(
        "".join(
            json.dumps({"id": f"t{i}", "text": ARTICLE * 20}, ensure_ascii=False) + "\n"
            # long enough that the run cannot end before the interrupt even when the output
            # reaches the file in large buffered blocks (with 400 it sometimes did, under load)
            for i in range(3000)
        ),
        encoding="utf-8",
    )
    out = tmp_path / "facts.jsonl"
    exe = Path(sys.executable).with_name("vnfacts")
    proc = subprocess.Popen(
        [str(exe), "extract", str(feed), "-o", str(out), "-w", "2", "-q"],
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    while proc.poll() is None and (not out.exists() or out.read_bytes().count(b"\n") < 2):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the parent and its workers
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    text = err.decode()
    assert "Traceback" not in text
    assert [line for line in text.splitlines() if line.strip()] == [
        line for line in text.splitlines() if "interrupted after" in line
    ]
    assert "--resume" in text
