"""Frozen, typed records that flow between the pipeline stages.

``Article`` (input, cleaned) -> ``Mention`` (what a stage found in the text,
with its character span) -> ``Place`` (a gazetteer entry) -> ``Event`` (the
coded record, one per incident, every field backed by evidence spans).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """A character span of ``Article.text`` supporting a field."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Segment:
    """A block of the cleaned article: headline, standfirst, caption, body, related."""

    start: int
    end: int
    role: str


@dataclass(frozen=True)
class Article:
    text: str
    origin: str = "<text>"
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source_name: str | None = None
    segments: tuple[Segment, ...] = ()

    @property
    def id(self) -> str:
        """Stable id: the hash of the origin-independent content and date."""
        h = hashlib.sha1()
        h.update(self.text.encode("utf-8"))
        h.update(str(self.published).encode())
        return h.hexdigest()[:16]

    def role_at(self, offset: int) -> str:
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg.role
        return "body"


@dataclass(frozen=True)
class Mention:
    """Something a stage found: kind is place, actor, date, count, trigger or source."""

    kind: str
    text: str
    start: int
    end: int
    label: str = ""
    value: Any = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    name: str
    country: str
    iso2: str
    iso3: str
    latitude: float
    longitude: float
    admin1: str = ""
    admin2: str = ""
    admin1_code: str = ""
    admin2_code: str = ""
    geonameid: int | None = None
    feature_class: str = "P"
    feature_code: str = "PPL"
    population: int = 0

    @property
    def level(self) -> str:
        """'country', 'admin1', 'admin2' or 'place'."""
        if self.feature_code.startswith("PCL"):
            return "country"
        if self.feature_code == "ADM1":
            return "admin1"
        if self.feature_code == "ADM2":
            return "admin2"
        return "place"


@dataclass(frozen=True)
class Actor:
    name: str
    inter: int
    raw: str
    span: Span | None = None
    country: str = ""


EVENT_FIELDS = (
    "event_id", "article_id", "event_date", "date_start", "date_end", "time_precision",
    "date_inferred", "event_type", "sub_event_type", "cameo_code", "plover_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "country", "iso3", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "geonameid", "fatalities", "injuries", "casualties",
    "displaced_low", "displaced_high", "displaced_unit", "historical", "sources",
    "figure_sources", "notes", "evidence", "articles", "merged_from",
)


@dataclass(frozen=True)
class Event:
    event_id: str
    article_id: str
    event_type: str
    sub_event_type: str
    cameo_code: str
    plover_type: str
    event_date: dt.date | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    time_precision: int = 3
    date_inferred: bool = False
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: int = 0
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int = 0
    interaction: int = 0
    country: str = ""
    iso3: str = ""
    admin1: str = ""
    admin2: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3
    geonameid: int | None = None
    fatalities: int = 0
    injuries: int | None = None
    casualties: int | None = None
    displaced_low: int | None = None
    displaced_high: int | None = None
    displaced_unit: str | None = None
    historical: bool = False
    sources: tuple[str, ...] = ()
    figure_sources: dict = field(default_factory=dict)
    notes: str = ""
    evidence: dict = field(default_factory=dict)
    articles: tuple[str, ...] = ()
    merged_from: tuple[str, ...] = ()  # event ids of the article-level events merged into this one

    def to_dict(self) -> dict:
        out = {}
        for f in EVENT_FIELDS:
            v = getattr(self, f)
            if isinstance(v, dt.date):
                v = v.isoformat()
            elif isinstance(v, tuple):
                v = list(v)
            elif f == "evidence":
                v = {k: [s.to_dict() for s in spans] for k, spans in v.items()}
            out[f] = v
        return out

    @classmethod
    def from_dict(cls, d: dict) -> "Event":
        kw = dict(d)
        for f in ("event_date", "date_start", "date_end"):
            if kw.get(f):
                kw[f] = dt.date.fromisoformat(kw[f])
        for f in ("sources", "articles", "merged_from"):
            kw[f] = tuple(kw.get(f) or ())
        kw["evidence"] = {k: tuple(Span(**s) for s in v) for k, v in (kw.get("evidence") or {}).items()}
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in kw.items() if k in names})
