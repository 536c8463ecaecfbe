"""Event storage behind a small interface (SQLite by default).

    store = Store.open("events.sqlite")     # or Store.open() for the user data dir
    store.save(article, events)              # idempotent: re-coding replaces, never duplicates
    store.events(country="Libya")            # -> list[Event]
    store.reject(origin, error)              # a rejected input, with its reason

A save is one transaction: an error leaves what was stored before untouched.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from pathlib import Path

from . import errors
from .records import Article, Event

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles(
  article_id TEXT PRIMARY KEY, origin TEXT, title TEXT, url TEXT, published TEXT, source_name TEXT,
  text TEXT, coded_at TEXT, model TEXT);
CREATE TABLE IF NOT EXISTS events(
  event_id TEXT PRIMARY KEY, article_id TEXT REFERENCES articles(article_id) ON DELETE CASCADE,
  event_date TEXT, event_type TEXT, sub_event_type TEXT, country TEXT, admin1 TEXT, location TEXT,
  actor1 TEXT, actor2 TEXT, latitude REAL, longitude REAL, fatalities INTEGER, historical INTEGER,
  data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date);
CREATE INDEX IF NOT EXISTS events_country ON events(country);
CREATE TABLE IF NOT EXISTS rejected(origin TEXT PRIMARY KEY, code TEXT, reason TEXT, at TEXT);
"""


def default_db_path() -> Path:
    env = os.environ.get("EVENTCODER_DB")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("eventcoder")) / "events.sqlite"


class Store:
    """SQLite event store."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(self.path), check_same_thread=False)  # the server serialises access
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.executescript(_SCHEMA)
        except (sqlite3.Error, OSError) as e:
            raise errors.StoreError(f"cannot open the database ({e}); choose another path with --db",
                                    source=str(path)) from None

    @classmethod
    def open(cls, url: str | Path | None = None) -> "Store":
        if url is None:
            return cls(default_db_path())
        s = str(url)
        if s.startswith(("postgresql://", "postgres://")):
            raise errors.ConfigError(
                "PostgreSQL storage is not available in this version; use a SQLite path with --db")
        return cls(s[len("sqlite:///"):] if s.startswith("sqlite:///") else s)

    def save(self, article: Article, events: list[Event], model: str = "") -> None:
        try:
            with self.db:
                self.db.execute(
                    "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?)",
                    (article.id, article.origin, article.title, article.url,
                     article.published.isoformat() if article.published else None, article.source_name,
                     article.text, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), model))
                self.db.execute("DELETE FROM events WHERE article_id=?", (article.id,))
                self.db.executemany(
                    "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [(e.event_id, article.id, e.event_date.isoformat() if e.event_date else None, e.event_type,
                      e.sub_event_type, e.country, e.admin1, e.location, e.actor1, e.actor2, e.latitude,
                      e.longitude, e.fatalities, int(e.historical), json.dumps(e.to_dict())) for e in events])
                self.db.execute("DELETE FROM rejected WHERE origin=?", (article.origin,))
        except sqlite3.Error as e:
            raise errors.StoreError(f"could not save the events ({e}); nothing was changed",
                                    source=str(self.path)) from None

    def has_article(self, article_id: str, model: str | None = None) -> bool:
        q, args = "SELECT 1 FROM articles WHERE article_id=?", [article_id]
        if model:
            q += " AND model=?"
            args.append(model)
        return self.db.execute(q, args).fetchone() is not None

    def reject(self, origin: str, error: errors.EventCoderError) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO rejected VALUES (?,?,?,?)",
                            (origin, error.code, error.message,
                             dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))

    def events(self, *, country: str | None = None, event_type: str | None = None, since: str | None = None,
               until: str | None = None, include_historical: bool = True, article_id: str | None = None) -> list[Event]:
        """The stored events as each article reported them (not merged)."""
        return self.query(country=country, event_type=event_type, since=since, until=until, article_id=article_id,
                          include_historical=include_historical, merged=False, limit=None)[1]

    def query(self, *, since: str | None = None, until: str | None = None, country: str | None = None,
              admin1: str | None = None, event_type: str | None = None, actor: str | None = None,
              bbox: tuple[float, float, float, float] | None = None, text: str | None = None,
              include_historical: bool = False, merged: bool = True, limit: int | None = 100,
              offset: int = 0, article_id: str | None = None) -> tuple[int, list[Event]]:
        """The one query layer behind the CLI, the API and the map: (total, page of events)."""
        q, args = "SELECT data FROM events WHERE 1=1", []
        for col, val in (("country", country), ("admin1", admin1), ("event_type", event_type),
                         ("article_id", article_id)):
            if val:
                q += f" AND {col}=?"
                args.append(val)
        if since:
            q += " AND event_date>=?"
            args.append(since)
        if until:
            q += " AND event_date<=?"
            args.append(until)
        if actor:
            q += " AND (actor1 LIKE ? OR actor2 LIKE ?)"
            args += [f"%{actor}%"] * 2
        if bbox:
            q += " AND longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?"
            args += [bbox[0], bbox[2], bbox[1], bbox[3]]
        if text:
            q += " AND data LIKE ?"
            args.append(f"%{text}%")
        if not include_historical:
            q += " AND historical=0"
        q += " ORDER BY event_date, event_id"
        events = [Event.from_dict(json.loads(r[0])) for r in self.db.execute(q, args)]
        if merged:
            from .dedup import merge

            events = merge(events)
        return len(events), events[offset:] if limit is None else events[offset:offset + limit]

    def article(self, article_id: str) -> dict | None:
        row = self.db.execute("SELECT article_id, origin, title, url, published, source_name, text FROM articles "
                              "WHERE article_id=?", (article_id,)).fetchone()
        if row is None:
            return None
        return dict(zip(("article_id", "origin", "title", "url", "published", "source_name", "text"), row))

    def counts(self) -> dict:
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "rejected")}

    def close(self) -> None:
        self.db.close()
