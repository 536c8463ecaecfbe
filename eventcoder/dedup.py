"""Deduplication across articles: events that several articles report become
one event listing all sources and articles.

Two events are the same incident when all hold:
- neither is historical, and their event types are compatible (the same type,
  or Battles / Explosions/Remote violence / Violence against civilians, which
  reports of one fight often split differently);
- their dates are the same when both reports state the day; adjacent (within 1
  day) when one date was inferred; within 7 days when either has time precision
  2 or 3;
- their places are within 25 km, or, when either is only placed at region or
  country level, in the same admin1 or country;
- their actors do not contradict: the named sides of one are a subset of the
  other's, or one side is unknown.

Clusters are the connected components of that relation. The merged event takes
the most precise date and place of its members, all sources and articles, and
ACLED's rule for fatalities: the lowest figure any member reports, with the
reason written in ``notes``.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re

from .places import haversine_km
from .records import Event

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
MAX_KM = 25.0


def _side(name: str) -> str:
    """Generic state forces compare by country: 'police' in one report is 'troops' in another."""
    m = re.match(r"(?:Military|Police) Forces of ([^()]+)$", name)
    return f"state forces of {m.group(1).strip()}" if m else name


def _sides(e: Event) -> set[str]:
    return {_side(x) for x in (e.actor1, e.actor2) if x}


def _raw_place(e: Event) -> str | None:
    """The place name as written, when the gazetteer did not know it and the event was placed
    at the nearest known place (two unknown villages near one town are two places)."""
    if "placed at the nearest known place" in e.notes and e.evidence.get("location"):
        return e.evidence["location"][0].text.lower()
    return None


def _place_text(e: Event) -> str | None:
    spans = e.evidence.get("location") or ()
    if not spans or re.match(r"(?i)(the|this|that|out of|into)\b", spans[0].text):
        return None  # "the city": whichever town the article is about
    return re.sub(r"[^a-z]", "", spans[0].text.lower())


def same_incident(a: Event, b: Event) -> bool:
    if a.historical or b.historical or set(a.articles) & set(b.articles):
        return False
    if a.sub_event_type != b.sub_event_type and not (
            {a.sub_event_type, b.sub_event_type} <= {"Armed clash", "Attack"} and a.event_type != b.event_type):
        return False
    if a.event_date is None or b.event_date is None:
        return False
    if a.time_precision == b.time_precision == 1 and not (a.date_inferred or b.date_inferred):
        window = 0  # both reports state the day: a day apart is another incident (daily shelling of one town)
    else:
        window = 1 if a.time_precision == 1 and b.time_precision == 1 else 7
    if abs((a.event_date - b.event_date).days) > window:
        return False
    if a.country != b.country or a.latitude is None or b.latitude is None:
        return False
    if max(a.geo_precision, b.geo_precision) >= 3:
        if a.location != b.location:
            return False
    elif haversine_km((a.latitude, a.longitude), (b.latitude, b.longitude)) > MAX_KM:
        return False
    elif a.geo_precision == b.geo_precision == 1 and a.geonameid != b.geonameid:
        return False  # both say exactly where, and it is not the same place
    if max(a.geo_precision, b.geo_precision) >= 2:  # 'near X', 'X countryside': X must be the same name
        ta, tb = _place_text(a), _place_text(b)
        if ta and tb and ta != tb:
            return False
    ra, rb = _raw_place(a), _raw_place(b)
    if (ra or rb) and ra != rb and not (ra is None and rb and rb in a.notes.lower()) \
            and not (rb is None and ra and ra in b.notes.lower()):
        return False
    sa, sb = _sides(a), _sides(b)
    if len(sa) == 2 and len(sb) == 2:
        return sa == sb
    return not sa or not sb or sa <= sb or sb <= sa


def merge(events: list[Event]) -> list[Event]:
    """Merge article-level events into incidents; events with one report stay as they are.

    Greedy complete linkage: an event joins a cluster only if it is the same incident as
    every member (no chaining of A~B, B~C into A~C)."""
    order = sorted(range(len(events)), key=lambda i: (events[i].event_date is None, events[i].event_date or 0, i))
    clusters: list[list[int]] = []
    open_clusters: list[list[int]] = []
    for i in order:
        e = events[i]
        home = None
        if e.event_date is not None:
            open_clusters = [c for c in open_clusters
                             if (e.event_date - events[c[-1]].event_date).days <= 7]
            home = next((c for c in open_clusters if all(same_incident(events[j], e) for j in c)), None)
        if home is None:
            home = [i]
            clusters.append(home)
            if e.event_date is not None:
                open_clusters.append(home)
        else:
            home.append(i)
    out = []
    for c in sorted(clusters, key=min):
        members = [events[i] for i in sorted(c)]
        out.append(members[0] if len(members) == 1 else _combine(members))
    return out


def _combine(members: list[Event]) -> Event:
    best_place = min(members, key=lambda e: (e.geo_precision, -len(e.evidence)))
    best_date = min(members, key=lambda e: (e.time_precision, e.date_inferred))
    lead = min(members, key=lambda e: ({"Battles": 0, "Explosions/Remote violence": 1}.get(e.event_type, 2),
                                      -len(_sides(e))))
    reports = [(e.fatalities, "; ".join(e.sources) or e.articles[0]) for e in members]
    positive = [f for f, _ in reports if f > 0]
    fatalities = min(positive) if positive else 0
    why = ("fatalities: lowest reported figure (" + ", ".join(f"{f} per {src}" for f, src in reports) + ")"
           if len({f for f, _ in reports}) > 1 else "")
    sources = tuple(dict.fromkeys(s for e in members for s in e.sources))
    articles = tuple(dict.fromkeys(a for e in members for a in e.articles))
    ids = tuple(e.event_id for e in members)
    notes = f"Merged from {len(members)} reports. " + (why + ". " if why else "") + best_place.notes
    inj = [e.injuries for e in members if e.injuries is not None]
    return dataclasses.replace(
        best_place,
        event_id="m" + hashlib.sha1(":".join(sorted(ids)).encode()).hexdigest()[:15],
        event_type=lead.event_type, sub_event_type=lead.sub_event_type, cameo_code=lead.cameo_code,
        plover_type=lead.plover_type, actor1=lead.actor1 or best_place.actor1, inter1=lead.inter1 or best_place.inter1,
        actor2=lead.actor2 or best_place.actor2, inter2=lead.inter2 or best_place.inter2,
        interaction=lead.interaction or best_place.interaction,
        event_date=best_date.event_date, date_start=best_date.date_start, date_end=best_date.date_end,
        time_precision=best_date.time_precision, date_inferred=best_date.date_inferred,
        fatalities=fatalities, injuries=min(inj) if inj else None, sources=sources, articles=articles,
        merged_from=ids, notes=notes,
    )
