"""End-to-end throughput against bare spaCy, measured in one run.

    python benchmarks/throughput.py [--articles 200] [--words 500] [--data ../shared/data/acled_dev]

Builds ~500-word articles from real ACLED notes (consecutive notes of one file
as paragraphs), then runs, each in its own process so peak memory is its own:
(1) bare spaCy (the same model, nlp.pipe over the article texts) and (2) the
whole eventcoder pipeline (clean -> all stages -> events, no database), and
prints articles/s, words/s, peak RSS and the ratio. Not a test: figures go to
docs/performance.md.
"""
from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import time
from pathlib import Path


def build(data: Path, n: int, words: int) -> list[tuple[str, str]]:
    arts = []
    for f in sorted(data.glob("*.csv")):
        with open(f, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        notes = list(dict.fromkeys((r["notes"], r["event_date"]) for r in rows))
        cur, count, date = [], 0, None
        for text, d in notes:
            cur.append(text)
            count += len(text.split())
            date = date or d
            if count >= words:
                arts.append(("\n\n".join(cur), date))
                cur, count, date = [], 0, None
    step = max(1, len(arts) // n)
    return arts[::step][:n]


def phase(name: str, arts) -> dict:
    from eventcoder.nlp import DEFAULT_MODEL, load

    nlp = load(DEFAULT_MODEL)
    texts = [t for t, _ in arts]
    if name == "spacy":
        list(nlp.pipe(texts[:5]))  # warm up
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        took = time.perf_counter() - t0
    else:
        from eventcoder.clean import clean
        from eventcoder.evaluate import parse_date
        from eventcoder.ingest import RawDocument
        from eventcoder.pipeline import Pipeline

        pipe = Pipeline()
        pipe.code(clean(RawDocument("warm", texts[0], "text", published=parse_date(arts[0][1]))))
        t0 = time.perf_counter()
        n_events = 0
        for i, (t, d) in enumerate(arts):
            n_events += len(pipe.code(clean(RawDocument(f"a{i}", t, "text", published=parse_date(d)))))
        took = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    return {"phase": name, "articles": len(texts), "words": words, "seconds": round(took, 2),
            "articles_per_s": round(len(texts) / took, 2), "words_per_s": round(words / took),
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared/data/acled_dev"))
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--words", type=int, default=500)
    ap.add_argument("--phase", choices=["spacy", "pipeline"])
    args = ap.parse_args()
    arts = build(Path(args.data), args.articles, args.words)
    if args.phase:
        print(json.dumps(phase(args.phase, arts)))
        return
    res = {}
    for name in ("spacy", "pipeline"):
        out = subprocess.run([sys.executable, __file__, "--phase", name, "--data", args.data, "--articles",
                              str(args.articles), "--words", str(args.words)], capture_output=True, text=True, check=True)
        res[name] = json.loads(out.stdout.strip().splitlines()[-1])
        print(res[name])
    ratio = res["pipeline"]["articles_per_s"] / res["spacy"]["articles_per_s"]
    print(f"eventcoder end to end: {res['pipeline']['articles_per_s']} articles/s "
          f"({res['pipeline']['words_per_s']} words/s), {ratio:.0%} of bare spaCy "
          f"({res['spacy']['articles_per_s']} articles/s); peak RSS {res['pipeline']['peak_rss_mib']} MiB")


if __name__ == "__main__":
    main()
