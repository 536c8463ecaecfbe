"""Merging across articles, scored against the hand-labelled incidents of tests/resources/dedup.jsonl."""
import json
from itertools import combinations

from eventcoder.clean import clean
from eventcoder.dedup import merge, same_incident
from eventcoder.ingest import iter_documents
from conftest import RES


def coded(pipeline):
    labels = [json.loads(line)["incident"] for line in (RES / "dedup.jsonl").read_text().splitlines()]
    events, label_of = [], {}
    for doc, label in zip(iter_documents([RES / "dedup.jsonl"]), labels):
        for e in pipeline.code(clean(doc)):
            if not e.historical:
                events.append(e)
                label_of[e.event_id] = label
    return events, label_of


def pair_scores(events, merged, label_of):
    cluster_of = {mid: m.event_id for m in merged for mid in (m.merged_from or (m.event_id,))}
    tp = fp = fn = 0
    for a, b in combinations(events, 2):
        same_pred = cluster_of[a.event_id] == cluster_of[b.event_id]
        same_gold = label_of[a.event_id] == label_of[b.event_id]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return tp, fp, fn


def test_incidents_merge_with_all_sources(pipeline):
    events, label_of = coded(pipeline)
    merged = merge(events)
    ghazni = [m for m in merged if set(m.merged_from) and {label_of[i] for i in m.merged_from} == {"ghazni"}]
    assert len(ghazni) == 1
    g = ghazni[0]
    assert len(g.articles) == 3 and {"Reuters", "Pajhwok", "TOLOnews"} <= set(g.sources)
    assert g.fatalities == 4 and "lowest reported figure" in g.notes  # 4, 5, 4 -> 4
    later = [m for m in merged if label_of.get(m.event_id) == "ghazni-later"]
    assert later and later[0].merged_from == ()  # a week later: another incident
    tp, fp, fn = pair_scores(events, merged, label_of)
    assert fp == 0  # Basra and Baghdad protests, Ghazni a week apart, Kandahar: never merged
    assert tp / (tp + fn) >= 0.8


def test_same_incident_rules(pipeline):
    events, label_of = coded(pipeline)
    by = {label_of[e.event_id]: e for e in events}
    assert not same_incident(by["baghdad"], by["basra"])
    assert not same_incident(by["ghazni"], by["ghazni-later"])
    assert not same_incident(by["ghazni"], by["kandahar"])
