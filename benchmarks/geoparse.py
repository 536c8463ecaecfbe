"""Geoparsing benchmark: place mentions found and resolved per second.

    python benchmarks/geoparse.py [--data ../shared/data/acled_dev] [--limit 2000]

Runs spaCy once over the texts (timed apart), then the place stage alone
(candidate runs, gazetteer look-ups, context scoring) and reports texts/s,
mentions/s and the share of mentions the gazetteer resolved. Not a test:
figures go to docs/accuracy.md.
"""
from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

from eventcoder.gazetteer import Gazetteer
from eventcoder.nlp import load
from eventcoder.places import PlaceResolver


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared/data/acled_dev"))
    ap.add_argument("--limit", type=int, default=2000)
    args = ap.parse_args()
    texts = []
    for f in sorted(Path(args.data).glob("*.csv")):
        with open(f, newline="", encoding="utf-8") as fh:
            texts += list(dict.fromkeys(r["notes"] for r in csv.DictReader(fh)))
    texts = texts[: args.limit]
    gaz = Gazetteer.open()
    nlp = load()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    t_nlp = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = resolved = 0
    for doc in docs:
        res = PlaceResolver(gaz)
        res.add_context(doc.text)
        for sent in doc.sents:
            for pm in res.mentions(sent, 0):
                found += 1
                resolved += pm.place is not None
    t_geo = time.perf_counter() - t0
    print(f"texts: {len(texts)}  spaCy: {len(texts) / t_nlp:.0f} texts/s")
    print(f"place stage: {len(texts) / t_geo:.0f} texts/s, {found / t_geo:.0f} mentions/s "
          f"({found} mentions, {resolved / max(found, 1):.1%} resolved by the gazetteer)")


if __name__ == "__main__":
    main()
