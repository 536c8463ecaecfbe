"""Exports: JSON, JSON Lines, ACLED-compatible CSV and GeoJSON."""
from __future__ import annotations

import csv
import io
import json

from . import errors
from .records import Event

FORMATS = ("json", "jsonl", "csv", "geojson", "parquet")
# ACLED's 31-column export (2019-2020 schema), then what eventcoder adds
ACLED_COLUMNS = ["data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision",
                 "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
                 "inter2", "interaction", "region", "country", "admin1", "admin2", "admin3", "location",
                 "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
                 "timestamp", "iso3"]
EXTRA_COLUMNS = ["event_id", "article_id", "date_start", "date_end", "date_inferred", "cameo_code", "plover_type",
                 "geonameid", "injuries", "casualties", "displaced_low", "displaced_high", "displaced_unit",
                 "historical", "figure_sources"]


def acled_row(e: Event) -> dict:
    d = e.to_dict()
    row = {c: "" for c in ACLED_COLUMNS}
    row.update({k: d[k] for k in ACLED_COLUMNS if k in d and d[k] is not None})
    row["event_id_cnty"] = e.event_id
    row["year"] = e.event_date.year if e.event_date else ""
    row["source"] = "; ".join(e.sources)
    row["iso3"] = e.iso3
    if e.iso3:
        import pycountry

        c = pycountry.countries.get(alpha_3=e.iso3)
        row["iso"] = int(c.numeric) if c else ""
    for k in EXTRA_COLUMNS:
        v = d.get(k)
        row[k] = json.dumps(v) if isinstance(v, dict) else ("" if v is None else v)
    return row


def write_parquet(events: list[Event], path) -> None:
    """ACLED's columns then ours, one row per event (evidence as a JSON string column)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    for e in events:
        r = acled_row(e)
        r["evidence"] = json.dumps(e.to_dict()["evidence"], ensure_ascii=False)
        r["articles"] = json.dumps(list(e.articles))
        rows.append({k: ("" if v is None else v) if not isinstance(v, (int, float)) else v for k, v in r.items()})
    cols = ACLED_COLUMNS + EXTRA_COLUMNS + ["evidence", "articles"]
    table = pa.table({c: [str(r.get(c, "")) if c not in _NUMERIC else (None if r.get(c) in ("", None) else r.get(c))
                          for r in rows] for c in cols})
    pq.write_table(table, path)


_NUMERIC = {"year", "time_precision", "inter1", "inter2", "interaction", "latitude", "longitude", "geo_precision",
            "fatalities", "geonameid", "injuries", "casualties", "displaced_low", "displaced_high", "iso"}


def render(events: list[Event], fmt: str) -> str:
    if fmt == "parquet":
        raise errors.ConfigError("parquet is binary: use write_parquet or -o FILE")
    if fmt not in FORMATS:
        raise errors.ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "json":
        return json.dumps([e.to_dict() for e in events], indent=2, ensure_ascii=False) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in events)
    if fmt == "geojson":
        feats = [{"type": "Feature", "id": e.event_id,
                  "geometry": None if e.latitude is None else {"type": "Point", "coordinates": [e.longitude, e.latitude]},
                  "properties": {k: v for k, v in e.to_dict().items() if k not in ("evidence",)}} for e in events]
        return json.dumps({"type": "FeatureCollection", "features": feats}, indent=2, ensure_ascii=False) + "\n"
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, lineterminator="\n")
    w.writeheader()
    for e in events:
        w.writerow(acled_row(e))
    return buf.getvalue()
