"""`eventcoder serve`: a read-only REST API over the event store, and a map page.

    GET  /api/events        filters: since, until, country, admin1, event_type, actor,
                            bbox=minlon,minlat,maxlon,maxlat, q (text), historical, merged;
                            paging: limit, offset
    GET  /api/events/{id}
    GET  /api/articles/{id} the article text, for the evidence spans
    POST /api/ingest        code and store one article; needs "Authorization: Bearer TOKEN"
    GET  /                  the map page (Leaflet served from the package: no CDN)
    GET  /docs, /openapi.json

Every error has one shape: {"error": {"status": 404, "code": "E404", "message": "..."}}.
"""
from __future__ import annotations

import json
import logging
import secrets
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel

from . import errors

class Ingest(BaseModel):
    """One article to code and store."""

    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


STATIC = Path(str(resources.files("eventcoder").joinpath("static")))


@lru_cache(maxsize=1)
def world_geojson() -> str:
    """Country outlines for the map background, from countryinfo (no tile server needed)."""
    from countryinfo import all_countries

    feats = []
    for country in all_countries():
        try:
            info = country.info()
        except Exception:  # a country without data
            continue
        name = info.get("name", "")
        geo = info.get("geoJSON") or {}
        for f in geo.get("features", []):
            g = f.get("geometry") or {}

            def rnd(c):
                return [round(c[0], 2), round(c[1], 2)] if isinstance(c[0], (int, float)) else [rnd(x) for x in c]

            if g.get("coordinates"):
                feats.append({"type": "Feature", "properties": {"name": info.get("name", name)},
                              "geometry": {"type": g["type"], "coordinates": rnd(g["coordinates"])}})
    return json.dumps({"type": "FeatureCollection", "features": feats}, separators=(",", ":"))


def create_app(db: str | None = None, token: str | None = None, pipeline_factory=None):
    from fastapi import Depends, FastAPI, Header, HTTPException, Query
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import FileResponse, JSONResponse, Response
    from fastapi.staticfiles import StaticFiles
    from starlette.exceptions import HTTPException as StarletteHTTPException

    from .store import Store

    app = FastAPI(title="eventcoder", version="0.1.0",
                  description="Geocoded, ACLED-style events coded from news reports, with the evidence for every field.")
    store = Store.open(db)
    lock = threading.Lock()  # one SQLite connection, requests served from a thread pool

    def error(status: int, code: str, message: str) -> JSONResponse:
        return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request, exc):
        return error(exc.status_code, f"E{exc.status_code}", str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request, exc):
        msg = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors())
        return error(422, "E422", msg)

    @app.exception_handler(errors.EventCoderError)
    async def coder_error(request, exc):
        # the LLM endpoint behind the server failed: a bad gateway, not a bad request
        return error(502 if isinstance(exc, errors.BackendError) else 400, exc.code, str(exc))

    @app.exception_handler(Exception)
    async def internal_error(request, exc):
        logging.getLogger(__name__).exception("internal error on %s", request.url.path)
        return error(500, "E500", "internal error; the server log has the details")

    def parse_bbox(bbox: str | None):
        if not bbox:
            return None
        try:
            parts = tuple(float(x) for x in bbox.split(","))
        except ValueError:
            parts = ()
        if len(parts) != 4:
            raise HTTPException(422, "bbox must be minlon,minlat,maxlon,maxlat")
        return parts

    @app.get("/api/events")
    def list_events(since: str | None = None, until: str | None = None, country: str | None = None,
                    admin1: str | None = None, event_type: str | None = None, actor: str | None = None,
                    bbox: str | None = None, q: str | None = None, historical: bool = False, merged: bool = True,
                    limit: int = Query(100, ge=1, le=5000), offset: int = Query(0, ge=0)):
        with lock:
            total, events = store.query(since=since, until=until, country=country, admin1=admin1, event_type=event_type,
                                        actor=actor, bbox=parse_bbox(bbox), text=q, include_historical=historical,
                                        merged=merged, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "events": [e.to_dict() for e in events]}

    @app.get("/api/events/{event_id}")
    def get_event(event_id: str):
        with lock:
            _, events = store.query(include_historical=True, merged=True, limit=None)
        for e in events:
            if e.event_id == event_id or event_id in e.merged_from:
                return e.to_dict()
        raise HTTPException(404, f"no event {event_id!r}")

    @app.get("/api/articles/{article_id}")
    def get_article(article_id: str):
        with lock:
            art = store.article(article_id)
            if art is None:
                raise HTTPException(404, f"no article {article_id!r}")
            art["events"] = [e.to_dict() for e in store.events(article_id=article_id)]
        return art

    def writer(authorization: str | None = Header(None)):
        if not token:
            raise HTTPException(403, "this server is read-only; start it with --token to allow ingest")
        if authorization is None or not secrets.compare_digest(authorization, f"Bearer {token}"):
            raise HTTPException(401, "ingest needs 'Authorization: Bearer TOKEN'")

    @app.post("/api/ingest", dependencies=[Depends(writer)], status_code=201)
    def ingest(item: Ingest):
        from .clean import clean
        from .ingest import RawDocument, parse_published

        doc = RawDocument("api", item.text, "html" if item.text.lstrip().startswith("<") else "text", item.title,
                          item.url, parse_published(item.published, "published"), item.source)
        article = clean(doc)
        pipe = pipeline_factory() if pipeline_factory else _default_pipeline()
        with lock:  # one pipeline object, one coding at a time
            events = pipe.code(article)
            store.save(article, events, pipe.model)
        return {"article_id": article.id, "events": [e.to_dict() for e in events]}

    @app.get("/static/world.geojson", include_in_schema=False)
    def world():
        return Response(world_geojson(), media_type="application/geo+json")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(str(STATIC / "index.html"))

    return app


@lru_cache(maxsize=1)
def _default_pipeline():
    from .pipeline import Pipeline

    return Pipeline()
