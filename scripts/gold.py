"""The gold set of real reports: add documents, resolve quotes to offsets, validate, split.

Page texts are third-party and never committed: each gold file in `annotations/reports/`
keeps the page's url, title and the search query that finds it again, plus the sha256 of
the text it was annotated on; the texts live in a cache outside git
(`$VNFACTS_CACHE_DIR/pages`, else `$XDG_CACHE_HOME/vnfacts/pages`, else
`~/.cache/vnfacts/pages`). Archive articles are read by id from `../shared/archive/`.

    python scripts/gold.py add-page --url U --query Q --text-file F    # cache + skeleton
    python scripts/gold.py add-archive baomoi-22547886                  # skeleton
    python scripts/gold.py text DOC_ID                                  # print the text
    python scripts/gold.py resolve [DOC_ID ...]   # quotes → offsets, validate, rewrite
    python scripts/gold.py missing                # pages whose text is not in the cache
    python scripts/gold.py put DOC_ID FILE        # refill the cache (sha256 checked)
    python scripts/gold.py take RESULT.json ...   # refill from saved search results
    python scripts/gold.py compare DOC_ID FILE    # a second reading's facts against the gold
    python scripts/gold.py split                  # (re)write annotations/split.tsv

Stdlib only, so it runs before the package is installed.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "annotations" / "reports"
SPLIT = ROOT / "annotations" / "split.tsv"
ARCHIVE = ROOT.parent / "shared" / "archive" / "baomoi-2017.jsonl.gz"

INDICATORS = {
    "poverty_rate": {"%"},
    "near_poverty_rate": {"%"},
    "multidim_poverty_rate": {"%"},
    "poor_households": {"households"},
    "near_poor_households": {"households"},
    "poverty_rate_reduction": {"pp", "pp/year"},
    "poor_households_reduction": {"households"},
    "average_income": {"VND/person/year", "VND/person/month"},
    "budget": {"VND"},
    "budget_disbursed": {"VND"},
    "disbursement_rate": {"%"},
    "houses_supported": {"houses"},
    "total_households": {"households"},
    "population": {"persons"},
}
LEVELS = {"village", "commune", "district", "province", "region", "country"}
APPROX = {None, "about", "over", "under", "nearly"}
STATUS = {"actual", "target"}
FACT_FIELDS = {
    "indicator",
    "locality",
    "value",
    "unit",
    "approx",
    "range",
    "year",
    "year_guess",
    "year_basis",
    "period",
    "status",
    "group",
    "change",
    "standard",
    "evidence",
    "method",
    "confidence",
    "note",
}


def cache_dir() -> Path:
    base = os.environ.get("VNFACTS_CACHE_DIR")
    if base:
        return Path(base) / "pages"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "vnfacts" / "pages"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def page_doc_id(url: str) -> str:
    return "page-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


def archive_text(article_id: str) -> str | None:
    with gzip.open(ARCHIVE, "rt", encoding="utf-8") as fh:
        for line in fh:
            if article_id in line[:40]:
                rec = json.loads(line)
                if rec.get("id") == article_id:
                    return str(rec["text"])
    return None


def gold_path(doc_id: str) -> Path:
    return REPORTS / f"{doc_id}.json"


def load_gold(doc_id: str) -> dict[str, Any]:
    return json.loads(gold_path(doc_id).read_text(encoding="utf-8"))


def document_text(gold: dict[str, Any]) -> str | None:
    """The text a gold file was annotated on, or None when the cache lacks it."""
    origin = gold["origin"]
    if origin["kind"] == "archive":
        return archive_text(origin["id"])
    path = cache_dir() / f"{gold['doc_id']}.txt"
    if not path.is_file():
        return None
    return path.read_text(encoding="utf-8")


def write_gold(gold: dict[str, Any]) -> None:
    REPORTS.mkdir(parents=True, exist_ok=True)
    gold_path(gold["doc_id"]).write_text(
        json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def skeleton(
    doc_id: str, source: str, origin: dict[str, Any], title: str | None, url: str | None
) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "source": source,
        "origin": origin,
        "meta": {"title": title, "published": None, "author": None, "url": url},
        "annotation": {"first_reading": None, "second_reading": None, "notes": ""},
        "mentions": [],
        "facts": [],
        "checks": [],
        "errors": [],
    }


def cmd_add_page(args: argparse.Namespace) -> int:
    text = Path(args.text_file).read_text(encoding="utf-8")
    text = unicodedata.normalize("NFC", text)
    doc_id = page_doc_id(args.url)
    if gold_path(doc_id).exists() and not args.force:
        print(f"{doc_id} exists already ({args.url})", file=sys.stderr)
        return 1
    cache_dir().mkdir(parents=True, exist_ok=True)
    (cache_dir() / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    title = args.title or text.strip().splitlines()[0][:200]
    origin = {
        "kind": "page",
        "url": args.url,
        "query": args.query,
        "sha256": sha256(text),
        "chars": len(text),
    }
    write_gold(skeleton(doc_id, f"page:{args.url}", origin, title, args.url))
    print(doc_id)
    return 0


def cmd_add_archive(args: argparse.Namespace) -> int:
    text = archive_text(args.id)
    if text is None:
        print(f"{args.id}: not in {ARCHIVE}", file=sys.stderr)
        return 1
    if gold_path(args.id).exists() and not args.force:
        print(f"{args.id} exists already", file=sys.stderr)
        return 1
    origin = {
        "kind": "archive",
        "file": ARCHIVE.name,
        "id": args.id,
        "sha256": sha256(text),
        "chars": len(text),
    }
    title = text.splitlines()[0][:200]
    write_gold(skeleton(args.id, f"archive:{ARCHIVE.name}#{args.id}", origin, title, None))
    print(args.id)
    return 0


def cmd_text(args: argparse.Namespace) -> int:
    text = document_text(load_gold(args.doc_id))
    if text is None:
        print(f"{args.doc_id}: text not cached (see `gold.py missing`)", file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0


def validate_fact(f: dict[str, Any], text: str) -> list[str]:
    """Problems of one fact; fills evidence start/end from its quote."""
    errs: list[str] = []
    unknown = set(f) - FACT_FIELDS
    if unknown:
        errs.append(f"unknown fields {sorted(unknown)}")
    ind = f.get("indicator")
    if ind not in INDICATORS:
        errs.append(f"indicator {ind!r} not in FACTS.md")
    elif f.get("unit") not in INDICATORS[ind]:
        errs.append(f"unit {f.get('unit')!r} does not fit {ind}")
    loc = f.get("locality")
    if loc is not None and (
        not isinstance(loc, dict) or loc.get("level") not in LEVELS or not loc.get("name")
    ):
        errs.append(f"locality {loc!r}: needs name and a level of {sorted(LEVELS)}")
    if not isinstance(f.get("value"), int | float):
        errs.append("value must be a number")
    if f.get("approx") not in APPROX:
        errs.append(f"approx {f.get('approx')!r}")
    if f.get("status", "actual") not in STATUS:
        errs.append(f"status {f.get('status')!r}")
    year = f.get("year")
    if year is not None and not (isinstance(year, int) and 1990 <= year <= 2035):
        errs.append(f"year {year!r}")
    period = f.get("period")
    if period is not None and not (isinstance(period, dict) and {"start", "end"} <= set(period)):
        errs.append("period must be {start, end}")
    rng = f.get("range")
    if rng is not None and not (isinstance(rng, list) and len(rng) == 2):
        errs.append("range must be [low, high]")
    ev = f.get("evidence") or {}
    quote = ev.get("quote")
    if not quote:
        errs.append("evidence.quote missing")
    elif len(quote) > 120:
        errs.append("evidence.quote over 120 characters: keep quotes short")
    else:
        occurrence = int(ev.get("occurrence", 1))
        pos = -1
        for _ in range(occurrence):
            pos = text.find(quote, pos + 1)
            if pos < 0:
                break
        if pos < 0:
            errs.append(f"evidence.quote not found (occurrence {occurrence}): {quote!r}")
        else:
            ev["start"], ev["end"] = pos, pos + len(quote)
    f.setdefault("status", "actual")
    for key in ("approx", "range", "period", "group", "change", "year"):
        f.setdefault(key, None)
    f.setdefault("method", "gold")
    f.setdefault("confidence", 1.0)
    return errs


def cmd_resolve(args: argparse.Namespace) -> int:
    ids = args.doc_ids or sorted(p.stem for p in REPORTS.glob("*.json"))
    bad = 0
    for doc_id in ids:
        gold = load_gold(doc_id)
        text = document_text(gold)
        if text is None:
            print(f"{doc_id}: text not cached, skipped")
            continue
        if sha256(text) != gold["origin"]["sha256"]:
            print(f"{doc_id}: cached text differs from the annotated one (sha256)")
            bad += 1
            continue
        problems = []
        for i, fact in enumerate(gold["facts"]):
            problems += [f"fact {i}: {e}" for e in validate_fact(fact, text)]
        gold["facts"].sort(key=lambda f: (f.get("evidence") or {}).get("start", 0))
        write_gold(gold)
        for p in problems:
            print(f"{doc_id}: {p}")
        bad += bool(problems)
    print(f"{len(ids)} files, {bad} with problems")
    return 1 if bad else 0


def _missing_pages() -> list[dict[str, Any]]:
    """The gold files of the pages whose text the cache lacks."""
    golds = (json.loads(p.read_text(encoding="utf-8")) for p in sorted(REPORTS.glob("page-*.json")))
    return [gold for gold in golds if document_text(gold) is None]


def cmd_missing(args: argparse.Namespace) -> int:
    missing = _missing_pages()
    for gold in missing:
        o = gold["origin"]
        row = {
            "doc_id": gold["doc_id"],
            "url": o["url"],
            "query": o["query"],
            "sha256": o["sha256"],
        }
        print(json.dumps(row, ensure_ascii=False))
    n = len(missing)
    print(f"{n} page texts missing from {cache_dir()}", file=sys.stderr)
    return 0


def _whitespace_variants(text: str) -> list[str]:
    """A copied excerpt may lose or gain a final newline or an edge space."""
    return [text, text.rstrip("\n"), text + "\n", text.strip(), text.rstrip(), " " + text]


def _lost_quotes(gold: dict[str, Any], text: str) -> list[str]:
    """The gold facts' quotes a text does not hold."""
    return [f["evidence"]["quote"] for f in gold["facts"] if f["evidence"]["quote"] not in text]


def cmd_take(args: argparse.Namespace) -> int:
    """Store search results saved as JSON, `{"url": …, "excerpt": …}` (the excerpt's JSON
    string copied as the `pages` corpus returned it, escapes and all): the gold page the url
    names gets the excerpt, or the variant of its edge whitespace whose sha256 is the
    annotated one. One that differs more but holds every quote is written beside the JSON
    file as `.txt`, for `put` (which records its new sha256); one that misses a quote is
    refused. A url no gold page has is skipped. Prints one line a file and a summary; exit 1
    when any file was refused."""
    counts = {"cached": 0, "for put": 0, "skipped": 0, "refused": 0}
    for name, rec in _saved_results(args.files):
        try:
            if isinstance(rec, Exception):
                raise rec
            url = str(rec["url"]).strip()
            excerpt = unicodedata.normalize("NFC", rec["excerpt"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            print(f"{name}: refused, not a saved result ({exc})")
            counts["refused"] += 1
            continue
        doc_id = page_doc_id(url)
        if not gold_path(doc_id).exists():
            print(f"{name}: skipped, no gold page has {url}")
            counts["skipped"] += 1
            continue
        gold = load_gold(doc_id)
        want = gold["origin"]["sha256"]
        exact = next((v for v in _whitespace_variants(excerpt) if sha256(v) == want), None)
        if exact is not None:
            cache_dir().mkdir(parents=True, exist_ok=True)
            (cache_dir() / f"{doc_id}.txt").write_text(exact, encoding="utf-8")
            print(f"{name}: {doc_id} cached (sha256 equal)")
            counts["cached"] += 1
            continue
        lost = _lost_quotes(gold, excerpt)
        if lost:
            print(f"{name}: {doc_id} refused: {len(lost)} quotes not in it, first {lost[0]!r}")
            counts["refused"] += 1
        else:
            base, _, k = name.partition("#")  # ("FILE#k": the k-th result of a list)
            text_file = Path(base).with_name(Path(base).stem + (f"-{k}" if k else "") + ".txt")
            text_file.write_text(excerpt, encoding="utf-8")
            print(
                f"{name}: {doc_id} differs but holds every quote: "
                f"`gold.py put {doc_id} {text_file}`"
            )
            counts["for put"] += 1
    print(", ".join(f"{n} {what}" for what, n in counts.items()))
    return 1 if counts["refused"] else 0


def _saved_results(files: list[str]) -> list[tuple[str, Any]]:
    """(name, record) of each saved result: a file holds one `{"url", "excerpt"}` object or
    a list of them (one search's wanted results saved at once; named `FILE#k`). A file that
    cannot be read gives its error as the record."""
    out: list[tuple[str, Any]] = []
    for name in files:
        try:
            data = json.loads(Path(name).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            out.append((name, exc))
            continue
        if isinstance(data, list):
            out.extend((f"{name}#{k}", rec) for k, rec in enumerate(data))
        else:
            out.append((name, data))
    return out


# --------------------------------------------------------------- sharing a refill out
# Helpers refilling the cache at once take queries from one queue in the cache folder: a
# query whose pages are all cached (by anyone) is skipped, a query handed to one helper is
# not handed to another, and each helper stops at its cap (a session's look-ups are few).


def _refill_dir() -> Path:
    return cache_dir().parent / "refill"


def cmd_queue(args: argparse.Namespace) -> int:
    """The missing pages' queries, most missing pages first, as a fresh queue."""
    by_query: dict[str, list[dict[str, str]]] = {}
    for gold in _missing_pages():
        o = gold["origin"]
        by_query.setdefault(o["query"], []).append({"doc_id": gold["doc_id"], "url": o["url"]})
    ordered = sorted(by_query.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    folder = _refill_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*"):
        old.unlink()
    with open(folder / "queue.jsonl", "w", encoding="utf-8") as fh:
        for n, (query, pages) in enumerate(ordered):
            fh.write(
                json.dumps({"n": n, "query": query, "pages": pages}, ensure_ascii=False) + "\n"
            )
    print(f"{len(ordered)} queries for {sum(len(p) for _, p in ordered)} missing pages in {folder}")
    return 0


def cmd_next(args: argparse.Namespace) -> int:
    """Hand helper `args.helper` its next `args.count` queries (one JSON line each, with the
    pages still missing), or a line starting with STOP at its cap or the queue's end."""
    import fcntl  # POSIX; refills run on the project's Linux machines

    folder = _refill_dir()
    if not (folder / "queue.jsonl").exists():
        print(f"no queue in {folder}: run `gold.py queue` first", file=sys.stderr)
        return 1
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        claimed_file = folder / "claimed.txt"
        claimed = set(claimed_file.read_text().split()) if claimed_file.exists() else set()
        count_file = folder / f"count-{args.helper}"
        used = int(count_file.read_text()) if count_file.exists() else 0
        given = 0
        for line in (folder / "queue.jsonl").read_text(encoding="utf-8").splitlines():
            if given == args.count:
                break
            if used >= args.cap:
                print(f"STOP: {args.helper} has used its {args.cap} searches")
                return 0
            rec = json.loads(line)
            missing = [p for p in rec["pages"] if not (cache_dir() / f"{p['doc_id']}.txt").exists()]
            if str(rec["n"]) in claimed or not missing:
                continue
            claimed.add(str(rec["n"]))
            with open(claimed_file, "a") as fh:
                fh.write(f"{rec['n']}\n")
            used += 1
            count_file.write_text(str(used))
            given += 1
            print(
                json.dumps(
                    {"search": used, "query": rec["query"], "pages": missing}, ensure_ascii=False
                )
            )
        if given < args.count:
            print("STOP: the queue is empty")
    return 0


def cmd_wanted(args: argparse.Namespace) -> int:
    """Which of a search's result urls are gold pages still missing from the cache."""
    for url in args.urls:
        doc_id = page_doc_id(url.strip())
        if gold_path(doc_id).exists() and not (cache_dir() / f"{doc_id}.txt").exists():
            print(f"WANTED {doc_id} {url.strip()}")
    return 0


def cmd_put(args: argparse.Namespace) -> int:
    """Store a refilled page text. The exact annotated text (same sha256) is taken as is.
    A text that differs (the page texts were copied from the search results by hand, so
    a space may differ) is taken only when every fact's quote is still found in it; the
    gold file then records the new text's sha256 and `resolve` recomputes the offsets."""
    gold = load_gold(args.doc_id)
    text = unicodedata.normalize("NFC", Path(args.file).read_text(encoding="utf-8"))
    if sha256(text) != gold["origin"]["sha256"]:
        lost = _lost_quotes(gold, text)
        if lost:
            print(
                f"{args.doc_id}: not the annotated text: {len(lost)} quotes are not in it, "
                f"first {lost[0]!r}",
                file=sys.stderr,
            )
            return 1
        gold["origin"].update(sha256=sha256(text), chars=len(text))
        write_gold(gold)
        print(
            f"{args.doc_id}: the text differs from the annotated one but holds every quote; "
            "run `gold.py resolve` to recompute the offsets",
            file=sys.stderr,
        )
    cache_dir().mkdir(parents=True, exist_ok=True)
    (cache_dir() / f"{args.doc_id}.txt").write_text(text, encoding="utf-8")
    return 0


def _fold(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").casefold().split())


def _fact_match_key(f: dict[str, Any]) -> tuple[Any, ...]:
    loc = f.get("locality") or {}
    return (
        f.get("indicator"),
        _fold(loc.get("name")),
        f.get("year"),
        f.get("status", "actual"),
        bool(f.get("group")),
    )


def _same_value(a: Any, b: Any) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return a == b if b == 0 else abs(a - b) <= 0.005 * abs(b)


def cmd_compare(args: argparse.Namespace) -> int:
    """A second, independent reading (a JSON list of facts) against the gold file:
    the facts only one reading has, by the evaluation's matching rule (plus status and
    whether a group is set)."""
    gold = load_gold(args.doc_id)
    second = json.loads(Path(args.second).read_text(encoding="utf-8"))
    if isinstance(second, dict):
        second = second.get("facts", [])
    used: set[int] = set()
    only_gold = []
    for g in gold["facts"]:
        hit = next(
            (
                i
                for i, f in enumerate(second)
                if i not in used
                and _fact_match_key(f) == _fact_match_key(g)
                and _same_value(f.get("value"), g.get("value"))
            ),
            None,
        )
        if hit is None:
            only_gold.append(g)
        else:
            used.add(hit)
    only_second = [f for i, f in enumerate(second) if i not in used]

    def show(f: dict[str, Any]) -> str:
        loc = f.get("locality") or {}
        return (
            f"{f.get('indicator')} | {loc.get('name')} ({loc.get('level')}) | "
            f"year {f.get('year')} | {f.get('value')} {f.get('unit')} | "
            f"{f.get('status', 'actual')} | group {f.get('group')} | "
            f"« {(f.get('evidence') or {}).get('quote')} »"
        )

    agreed = len(gold["facts"]) - len(only_gold)
    print(
        f"{args.doc_id}: {agreed} agreed, {len(only_gold)} only in gold, "
        f"{len(only_second)} only in the second reading"
    )
    for f in only_gold:
        print("  gold only:   " + show(f))
    for f in only_second:
        print("  second only: " + show(f))
    return 0


def split_of(doc_id: str) -> str:
    """Fixed by the id alone: a third of the documents go to test."""
    return "test" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def cmd_split(args: argparse.Namespace) -> int:
    assigned = read_split()
    for path in sorted(REPORTS.glob("*.json")):
        assigned.setdefault(path.stem, split_of(path.stem))
    lines = ["# doc_id\tsplit (fixed: a document never changes side)"]
    lines += [f"{d}\t{v}" for d, v in sorted(assigned.items())]
    SPLIT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print({s: sum(1 for v in assigned.values() if v == s) for s in ("dev", "test")})
    return 0


def read_split() -> dict[str, str]:
    """doc_id → "dev" or "test", from annotations/split.tsv."""
    if not SPLIT.exists():
        return {}
    out = {}
    for line in SPLIT.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            doc_id, side = line.split("\t")
            out[doc_id] = side
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("add-page")
    p.add_argument("--url", required=True)
    p.add_argument("--query", required=True)
    p.add_argument("--text-file", required=True)
    p.add_argument("--title")
    p.add_argument("--force", action="store_true")
    p.set_defaults(fn=cmd_add_page)
    p = sub.add_parser("add-archive")
    p.add_argument("id")
    p.add_argument("--force", action="store_true")
    p.set_defaults(fn=cmd_add_archive)
    p = sub.add_parser("text")
    p.add_argument("doc_id")
    p.set_defaults(fn=cmd_text)
    p = sub.add_parser("resolve")
    p.add_argument("doc_ids", nargs="*")
    p.set_defaults(fn=cmd_resolve)
    p = sub.add_parser("missing")
    p.set_defaults(fn=cmd_missing)
    p = sub.add_parser("put")
    p.add_argument("doc_id")
    p.add_argument("file")
    p.set_defaults(fn=cmd_put)
    p = sub.add_parser("take")
    p.add_argument("files", nargs="+", help='saved results: {"url": …, "excerpt": …} or a list')
    p.set_defaults(fn=cmd_take)
    p = sub.add_parser("queue", help="the missing pages' queries as a queue for helpers")
    p.set_defaults(fn=cmd_queue)
    p = sub.add_parser("next", help="a helper's next queries from the queue")
    p.add_argument("helper")
    p.add_argument("--cap", type=int, default=100, help="searches this helper may make")
    p.add_argument("--count", type=int, default=1, help="queries to hand out at once")
    p.set_defaults(fn=cmd_next)
    p = sub.add_parser("wanted", help="which result urls are gold pages still missing")
    p.add_argument("urls", nargs="+")
    p.set_defaults(fn=cmd_wanted)
    p = sub.add_parser("compare")
    p.add_argument("doc_id")
    p.add_argument("second")
    p.set_defaults(fn=cmd_compare)
    p = sub.add_parser("split")
    p.set_defaults(fn=cmd_split)
    args = ap.parse_args(argv)
    return int(args.fn(args))


if __name__ == "__main__":
    sys.exit(main())
