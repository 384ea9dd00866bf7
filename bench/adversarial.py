"""Timings of adversarial documents, stage by stage (figures, not asserts).

    .venv/bin/python bench/adversarial.py            # every case
    .venv/bin/python bench/adversarial.py --quick    # without the 600 K and 1.2 M texts
    .venv/bin/python bench/adversarial.py --only long  # only the long texts (or: figures, ner)

Cases: documents of 1,000 and 10,000 figures (in one run-on sentence, as a flattened
table gives, and spread over sentences of ten), a 16 KB run-on sentence of names for NER,
and texts of 150 K, 600 K and 1.2 M characters (the last over spaCy's 1,000,000 default
`max_length`), whose recognize time shows whether it grows linearly with the text. For each it
prints the seconds each stage took and the ratio of the 10,000- to the 1,000-figure time
(near 10 is linear, near 100 quadratic). On 2026-11-30: ×15 (one sentence) and ×12
(sentences of ten) for the whole pipeline.
"""

from __future__ import annotations

import argparse
import random
import signal
import time

from vnfacts.doc import Document
from vnfacts.runner import Pipeline

HEAD = "Bắc Kạn đẩy mạnh giảm nghèo\nNgày 12/3/2024, UBND tỉnh Bắc Kạn cho biết: "
NAMES = ["Nguyễn Văn Sơn", "Lò Thị Mai", "Hoàng Văn Thụ", "Triệu Thị Hoa", "Lý Bình Minh"]


def figures_one_sentence(n: int, rnd: random.Random) -> str:
    parts = [f"xã {i} có {rnd.randint(10, 999)} hộ nghèo" for i in range(n)]
    return HEAD + "năm 2023 " + ", ".join(parts) + ".\n"


def figures_many_sentences(n: int, rnd: random.Random) -> str:
    out = []
    for i in range(0, n, 10):
        out.append(
            f"Năm 2023, tỷ lệ hộ nghèo của xã {i} còn {rnd.randint(1, 40)},{rnd.randint(0, 9)}%, "
            + ", ".join(f"{rnd.randint(10, 999)} hộ nghèo" for _ in range(9))
            + "."
        )
    return HEAD + " ".join(out) + "\n"


def run_on_names(chars: int, rnd: random.Random) -> str:
    parts = []
    while sum(len(p) + 2 for p in parts) < chars:
        parts.append(f"ông {rnd.choice(NAMES)} cùng đoàn công tác đến thăm các hộ nghèo")
    return HEAD + ", ".join(parts) + ".\n"


DISTRICTS = ["Mèo Vạc", "Đồng Văn", "Yên Minh", "Quản Bạ", "Bắc Mê"]


def long_text(chars: int) -> str:
    """Paragraphs that differ (a repeated line would be read as a repeated caption, i.e.
    boilerplate, and skip the later stages): rotating districts, officials and figures."""
    out = [HEAD, "\n"]
    size = len(HEAD) + 1
    i = 0
    while size < chars:
        district, name = DISTRICTS[i % len(DISTRICTS)], NAMES[i % len(NAMES)]
        para = (
            f"Năm 2023, tỷ lệ hộ nghèo của huyện {district} giảm còn {10 + i % 30},{i % 10}%, "
            f"giảm {1 + i % 7},{i % 9}% so với năm 2022 (đợt {i + 1}). Chủ tịch UBND huyện "
            f"{district}, ông {name} cho biết huyện sẽ tiếp tục hỗ trợ sinh kế cho {100 + i} "
            "hộ nghèo.\n"
        )
        out.append(para)
        size += len(para)
        i += 1
    return "".join(out)


class StageTooSlow(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise StageTooSlow


LIMIT = 300.0  # seconds a stage may take before the bench stops it and moves on


def timed(pipe: Pipeline, text: str, label: str) -> float:
    doc = Document(doc_id=label, text=text)
    times: list[str] = []
    total = 0.0
    signal.signal(signal.SIGALRM, _alarm)
    for st, func in zip(pipe.stages, pipe.funcs, strict=True):
        t = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, LIMIT)
        try:
            doc = func(doc)
        except StageTooSlow:
            total += LIMIT
            times.append(f"{st.name} > {LIMIT:.0f} (stopped)")
            break
        except Exception as exc:  # a figure, not a stop
            times.append(f"{st.name} FAILED {type(exc).__name__}: {str(exc)[:60]}")
            break
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        dt = time.perf_counter() - t
        total += dt
        times.append(f"{st.name} {dt:.2f}")
    print(
        f"{label:38} {len(text):>9,} chars  {total:7.2f} s  "
        f"({', '.join(times)}; {len(doc.mentions)} mentions, {len(doc.facts)} facts)",
        flush=True,
    )
    return total


def main() -> None:
    global LIMIT
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="skip the 600 K and 1.2 M texts")
    ap.add_argument(
        "--only", choices=("figures", "ner", "long"), help="run one group of cases only"
    )
    ap.add_argument("--limit", type=float, default=LIMIT, help="seconds a stage may take")
    args = ap.parse_args()
    LIMIT = args.limit
    rnd = random.Random(2017)
    pipe = Pipeline(options={"recognize": {"ner": "gaps"}})
    timed(pipe, long_text(2_000), "warm-up")
    if args.only in (None, "figures"):
        for shape, make in (
            ("one sentence", figures_one_sentence),
            ("sentences of 10", figures_many_sentences),
        ):
            small = timed(pipe, make(1_000, rnd), f"1,000 figures, {shape}")
            big = timed(pipe, make(10_000, rnd), f"10,000 figures, {shape}")
            print(f"  ratio 10,000 / 1,000 figures ({shape}): {big / small:.1f}")

    if args.only in (None, "ner"):
        from vnfacts.recognize.ner import ner_spans

        text = run_on_names(16_000, rnd)
        t = time.perf_counter()
        ner_spans(text, 0, len(text))
        print(
            f"{'NER alone, 16 KB run-on sentence':38} {len(text):>9,} chars  "
            f"{time.perf_counter() - t:7.2f} s"
        )
        timed(
            Pipeline(options={"recognize": {"ner": "all"}}),
            text,
            "16 KB run-on sentence, NER on all",
        )
    if args.only in (None, "long"):
        sizes = (150_000,) if args.quick else (150_000, 600_000, 1_200_000)
        for size in sizes:
            timed(pipe, long_text(size), f"{size // 1000:,} K character text")


if __name__ == "__main__":
    main()
