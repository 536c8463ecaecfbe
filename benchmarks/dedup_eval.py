"""Precision and recall of cross-article merges on tests/resources/dedup.jsonl
(12 articles, hand-labelled with the incident each reports).

    python benchmarks/dedup_eval.py

Pairwise: a pair of article-level events is a true merge when both carry the
same incident label and the merger put them in one event.
"""
from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

from eventcoder.clean import clean
from eventcoder.dedup import merge
from eventcoder.ingest import iter_documents
from eventcoder.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parents[1] / "tests/resources/dedup.jsonl"


def acled_false_merges(pipe: Pipeline, files: list[Path]) -> None:
    """ACLED's rows are already one per event: any merge of two distinct notes (same day, same
    place, same type) is either a false merge or ACLED coding two events where we see one."""
    import csv

    from eventcoder.evaluate import parse_date
    from eventcoder.ingest import RawDocument

    for f in files:
        with open(f, newline="", encoding="utf-8") as fh:
            notes = list(dict.fromkeys((r["notes"], r["event_date"]) for r in csv.DictReader(fh)))
        events = []
        for i, (text, d) in enumerate(notes):
            art = clean(RawDocument(f"{f.stem}:{i}", text, "text", published=parse_date(d)))
            events += [e for e in pipe.code(art) if not e.historical]
        merged = merge(events)
        joined = sum(len(m.merged_from) for m in merged if m.merged_from)
        print(f"  {f.stem}: {len(events)} events from {len(notes)} ACLED notes -> {len(merged)}; "
              f"{joined} events ({joined / max(len(events), 1):.1%}) merged with another note's")


def main() -> None:
    labels = [json.loads(line)["incident"] for line in CORPUS.read_text().splitlines()]
    pipe = Pipeline()
    events, label_of = [], {}
    for doc, label in zip(iter_documents([CORPUS]), labels):
        for e in pipe.code(clean(doc)):
            if not e.historical:
                events.append(e)
                label_of[e.event_id] = label
    merged = merge(events)
    cluster = {i: m.event_id for m in merged for i in (m.merged_from or (m.event_id,))}
    tp = fp = fn = 0
    for a, b in combinations(events, 2):
        p = cluster[a.event_id] == cluster[b.event_id]
        g = label_of[a.event_id] == label_of[b.event_id]
        tp, fp, fn = tp + (p and g), fp + (p and not g), fn + (g and not p)
    incidents = len(set(labels))
    print(f"articles {len(labels)}, article-level events {len(events)}, incidents (gold) {incidents}, "
          f"merged events {len(merged)}")
    print(f"pairwise merges: precision {tp / max(tp + fp, 1):.2f}, recall {tp / max(tp + fn, 1):.2f} "
          f"(tp {tp}, fp {fp}, fn {fn})")
    data = Path(__file__).resolve().parents[2] / "shared/data/acled_dev"
    if data.exists():
        print("merges among ACLED's own (already one-per-event) notes:")
        acled_false_merges(pipe, [data / "2020_02_libya.csv", data / "2020_02_syria.csv"])


if __name__ == "__main__":
    main()
