"""Mutation fuzzer for the input-facing code: decoding, cleaning (text and HTML),
dates, numbers and CSV/JSONL reading. Every input must give a result or an
EventCoderError (a clear, coded error): anything else is a crash and is printed.

    python benchmarks/fuzz.py [--n 5000] [--seed 1]

The count of inputs tried per target goes to docs/performance.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import logging
import random
import tempfile
import traceback
from pathlib import Path

from eventcoder import errors
from eventcoder.clean import clean
from eventcoder.counts import find_figures
from eventcoder.dates import find_dates
from eventcoder.ingest import RawDocument, Rejected, decode, iter_documents

RES = Path(__file__).resolve().parents[1] / "tests/resources"
TOKENS = [b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"<", b">", b"</p>", b"<script>", b'"', b",", b"\n", b"\r\n", b"\t",
          b"31 February 2020", b"99/99/9999", b"on Monday", b"the next June", b"at least", b"dozens of", b"killed",
          b"between 5 and", b"-1", b"9" * 30, "\u202e".encode(), "é".encode(), b"\x80\x81", b"{", b"}", b"\\"]


def mutate(data: bytes, rnd: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rnd.randint(1, 8)):
        op = rnd.random()
        pos = rnd.randint(0, len(b)) if b else 0
        if op < 0.3 and b:
            del b[pos:pos + rnd.randint(1, 20)]
        elif op < 0.6:
            b[pos:pos] = rnd.choice(TOKENS)
        elif op < 0.8 and b:
            b[pos % len(b)] = rnd.randrange(256)
        else:
            j = rnd.randint(0, len(b))
            b[pos:pos] = b[j:j + rnd.randint(1, 40)]
    return bytes(b)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000, help="inputs per target")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    logging.disable(logging.WARNING)  # rejections are counted below, not logged one by one
    rnd = random.Random(args.seed)
    seeds = {
        "text": (RES / "french.txt").read_bytes() + b"\n\nSix civilians were killed near Derna on 14 April, officials said.",
        "html": (RES / "kabul-attack.html").read_bytes(),
        "csv": (RES / "corpus.csv").read_bytes(),
        "jsonl": (RES / "corpus.jsonl").read_bytes(),
    }
    tried, crashes, coded_errors = {}, [], {}
    pub = dt.date(2020, 2, 15)

    def guard(target, fn, data):
        tried[target] = tried.get(target, 0) + 1
        try:
            fn(data)
        except errors.EventCoderError as e:
            coded_errors[e.code] = coded_errors.get(e.code, 0) + 1
        except Exception:  # a crash: report it
            crashes.append((target, data[:200], traceback.format_exc(limit=3)))

    def text_target(data):
        text = decode(data, "fuzz.txt")
        clean(RawDocument("fuzz.txt", text, "text"))
        for f in find_figures(text[:2000]):
            assert f.low <= f.high
        for d in find_dates(text[:2000], pub):
            assert d.start <= d.end

    def html_target(data):
        clean(RawDocument("fuzz.html", decode(data, "fuzz.html"), "html"))

    with tempfile.TemporaryDirectory() as tmp:
        def file_target(suffix):
            def run(data):
                p = Path(tmp) / f"fuzz{suffix}"
                p.write_bytes(data)
                for doc in iter_documents([p]):
                    if isinstance(doc, Rejected):
                        raise doc.error
            return run

        targets = {"text": text_target, "html": html_target, "csv": file_target(".csv"), "jsonl": file_target(".jsonl")}
        for name, fn in targets.items():
            for _ in range(args.n):
                guard(name, fn, mutate(seeds[name], rnd))
    print(f"inputs tried: {tried} (total {sum(tried.values())})")
    print(f"clear coded errors: {dict(sorted(coded_errors.items()))}")
    print(f"crashes: {len(crashes)}")
    for target, data, tb in crashes[:5]:
        print(f"--- {target}: {data!r}\n{tb}")


if __name__ == "__main__":
    main()
