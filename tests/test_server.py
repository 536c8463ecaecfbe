"""REST API: filters, paging, one error shape, read-only without a token, ingest with one."""

import pytest
from fastapi.testclient import TestClient

from eventcoder.server import create_app
from eventcoder.store import Store
from conftest import RES


@pytest.fixture
def db(store_url, pipeline, derna_events):
    path = store_url
    st = Store.open(path)
    article, events = derna_events
    st.save(article, events)
    for f in ("kabul-attack.html", "corpus.csv"):
        from eventcoder.clean import clean
        from eventcoder.ingest import RawDocument, iter_documents

        for doc in iter_documents([RES / f]):
            if isinstance(doc, RawDocument):
                a = clean(doc)
                st.save(a, pipeline.code(a))
    st.close()
    return path


@pytest.fixture
def client(db, pipeline):
    return TestClient(create_app(str(db), token="s3cret", pipeline_factory=lambda: pipeline))


def test_filters_and_paging(client):
    r = client.get("/api/events").json()
    assert r["total"] >= 6 and len(r["events"]) == r["total"]
    libya = client.get("/api/events", params={"country": "Libya"}).json()
    assert libya["total"] == 4 and {e["country"] for e in libya["events"]} == {"Libya"}
    page = client.get("/api/events", params={"country": "Libya", "limit": 2, "offset": 2}).json()
    assert [e["event_id"] for e in page["events"]] == [e["event_id"] for e in libya["events"][2:4]]
    assert client.get("/api/events", params={"country": "Libya", "historical": True}).json()["total"] == 7
    assert client.get("/api/events", params={"since": "2018-05-14", "until": "2018-05-16"}).json()["total"] == 3
    assert client.get("/api/events", params={"event_type": "Displacement"}).json()["total"] == 1
    assert client.get("/api/events", params={"actor": "Taliban"}).json()["events"][0]["location"] == "Ghazni"
    box = client.get("/api/events", params={"bbox": "20,30,25,35"}).json()
    assert box["total"] == 4 and all(20 <= e["longitude"] <= 25 for e in box["events"])
    assert client.get("/api/events", params={"q": "wheat silo"}).json()["total"] == 1


def test_event_and_article(client):
    e = client.get("/api/events", params={"country": "Libya"}).json()["events"][0]
    assert client.get(f"/api/events/{e['event_id']}").json()["event_id"] == e["event_id"]
    art = client.get(f"/api/articles/{e['article_id']}").json()
    s = e["evidence"]["location"][0]
    assert art["text"][s["start"]:s["end"]] == s["text"]


@pytest.mark.parametrize("method, url, kwargs, status", [
    ("get", "/api/events/nope", {}, 404),
    ("get", "/api/articles/nope", {}, 404),
    ("get", "/api/events?bbox=1,2", {}, 422),
    ("get", "/api/events?limit=0", {}, 422),
    ("get", "/api/nothing-here", {}, 404),
    ("post", "/api/ingest", {"json": {"text": "x"}}, 401),
    ("post", "/api/ingest", {"json": {"text": "x"}, "headers": {"Authorization": "Bearer wrong"}}, 401),
    ("post", "/api/ingest", {"json": {"nottext": 1}, "headers": {"Authorization": "Bearer s3cret"}}, 422),
    ("post", "/api/ingest", {"json": {"text": "   "}, "headers": {"Authorization": "Bearer s3cret"}}, 400),
])
def test_one_error_shape(client, method, url, kwargs, status):
    r = getattr(client, method)(url, **kwargs)
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["message"]


def test_read_only_without_token(db):
    r = TestClient(create_app(str(db))).post("/api/ingest", json={"text": "Gunmen killed two people."})
    assert r.status_code == 403 and "read-only" in r.json()["error"]["message"]


def test_ingest_with_token(client):
    text = "Gunmen killed two civilians in Mogadishu on Monday, police said. The attackers fled."
    r = client.post("/api/ingest", json={"text": text, "published": "2020-02-10", "source": "Test Wire"},
                    headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 201
    assert r.json()["events"][0]["location"] == "Mogadishu"
    assert client.get("/api/events", params={"q": "Test Wire"}).json()["total"] == 1


def test_openapi_and_page(client):
    spec = client.get("/openapi.json").json()
    assert "/api/events" in spec["paths"] and "/api/ingest" in spec["paths"]
    page = client.get("/").text
    assert "/static/leaflet/leaflet.js" in page and "unpkg" not in page and "cdn" not in page.lower()
    assert client.get("/static/leaflet/leaflet.js").status_code == 200
    assert client.get("/static/world.geojson").json()["type"] == "FeatureCollection"
