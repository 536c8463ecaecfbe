"""Event storage behind a small interface: SQLite by default, PostgreSQL for teams.

    store = Store.open("events.sqlite")     # or Store.open() for the user data dir
    store = Store.open("postgresql://user:pw@host/db")
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


_COLUMNS = {"articles": ["article_id", "origin", "title", "url", "published", "source_name", "text", "coded_at", "model"],
            "rejected": ["origin", "code", "reason", "at"]}


def default_db_path() -> Path:
    env = os.environ.get("EVENTCODER_DB")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("eventcoder")) / "events.sqlite"


_PG_SCHEMA = [
    "CREATE TABLE IF NOT EXISTS articles(article_id TEXT PRIMARY KEY, origin TEXT, title TEXT, url TEXT, "
    "published TEXT, source_name TEXT, text TEXT, coded_at TEXT, model TEXT)",
    "CREATE TABLE IF NOT EXISTS events(event_id TEXT PRIMARY KEY, article_id TEXT REFERENCES articles(article_id) "
    "ON DELETE CASCADE, event_date TEXT, event_type TEXT, sub_event_type TEXT, country TEXT, admin1 TEXT, "
    "location TEXT, actor1 TEXT, actor2 TEXT, latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, "
    "fatalities INTEGER, historical INTEGER, data TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS events_article ON events(article_id)",
    "CREATE INDEX IF NOT EXISTS events_date ON events(event_date)",
    "CREATE INDEX IF NOT EXISTS events_country ON events(country)",
    "CREATE TABLE IF NOT EXISTS rejected(origin TEXT PRIMARY KEY, code TEXT, reason TEXT, at TEXT)",
]


class Store:
    """Event store over SQLite (a path) or PostgreSQL (a postgresql:// URL): the same SQL,
    with the few differences (placeholders, upserts, transactions) kept here."""

    def __init__(self, path: Path | str):
        self.url = str(path)
        self.pg = self.url.startswith(("postgresql://", "postgres://"))
        try:
            if self.pg:
                import psycopg

                self._errors = (psycopg.Error,)
                self.path = self.url.rsplit("@", 1)[-1]  # shown to users: no password
                self.db = psycopg.connect(self.url, autocommit=True)
                for stmt in _PG_SCHEMA:
                    self.db.execute(stmt)
            else:
                self._errors = (sqlite3.Error,)
                self.path = Path(path)
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(str(self.path), check_same_thread=False)  # the server serialises access
                self.db.execute("PRAGMA foreign_keys=ON")
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.executescript(_SCHEMA)
        except (sqlite3.Error, OSError) as e:
            raise errors.StoreError(f"cannot open the database ({e}); choose another path with --db",
                                    source=str(path)) from None
        except Exception as e:  # psycopg's errors, when PostgreSQL is used
            if not self.pg:
                raise
            raise errors.StoreError(f"cannot connect to PostgreSQL ({str(e).strip()}); check the URL, the server "
                                    "and the credentials", source=self.url.rsplit("@", 1)[-1]) from None

    @classmethod
    def open(cls, url: str | Path | None = None) -> "Store":
        if url is None:
            return cls(default_db_path())
        s = str(url)
        return cls(s[len("sqlite:///"):] if s.startswith("sqlite:///") else s)

    def _sql(self, q: str) -> str:
        if not self.pg:
            return q
        q = q.replace("?", "%s")
        for table, key in (("articles", "article_id"), ("rejected", "origin")):
            prefix = f"INSERT OR REPLACE INTO {table} VALUES"
            if q.startswith(prefix):
                cols = _COLUMNS[table]
                updates = ", ".join(f"{c}=EXCLUDED.{c}" for c in cols if c != key)
                q = f"INSERT INTO {table} VALUES{q[len(prefix):]} ON CONFLICT ({key}) DO UPDATE SET {updates}"
        return q

    def _exec(self, q: str, args=()):
        return self.db.execute(self._sql(q), args)

    def _tx(self):
        return self.db.transaction() if self.pg else self.db

    def save(self, article: Article, events: list[Event], model: str = "") -> None:
        try:
            with self._tx():
                self._exec(
                    "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?)",
                    (article.id, article.origin, article.title, article.url,
                     article.published.isoformat() if article.published else None, article.source_name,
                     article.text, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), model))
                self._exec("DELETE FROM events WHERE article_id=?", (article.id,))
                rows = [(e.event_id, article.id, e.event_date.isoformat() if e.event_date else None, e.event_type,
                         e.sub_event_type, e.country, e.admin1, e.location, e.actor1, e.actor2, e.latitude,
                         e.longitude, e.fatalities, int(e.historical), json.dumps(e.to_dict())) for e in events]
                if rows:
                    cur = self.db.cursor()
                    cur.executemany(self._sql("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"), rows)
                self._exec("DELETE FROM rejected WHERE origin=?", (article.origin,))
        except self._errors as e:
            raise errors.StoreError(f"could not save the events ({str(e).strip()}); nothing was changed",
                                    source=str(self.path)) from None

    def has_article(self, article_id: str, model: str | None = None) -> bool:
        q, args = "SELECT 1 FROM articles WHERE article_id=?", [article_id]
        if model:
            q += " AND model=?"
            args.append(model)
        return self._exec(q, args).fetchone() is not None

    def reject(self, origin: str, error: errors.EventCoderError) -> None:
        with self._tx():
            self._exec("INSERT OR REPLACE INTO rejected VALUES (?,?,?,?)",
                       (origin, error.code, error.message, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))

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
        events = [Event.from_dict(json.loads(r[0])) for r in self._exec(q, args).fetchall()]
        if merged:
            from .dedup import merge

            events = merge(events)
        return len(events), events[offset:] if limit is None else events[offset:offset + limit]

    def article(self, article_id: str) -> dict | None:
        row = self._exec("SELECT article_id, origin, title, url, published, source_name, text FROM articles "
                         "WHERE article_id=?", (article_id,)).fetchone()
        if row is None:
            return None
        return dict(zip(("article_id", "origin", "title", "url", "published", "source_name", "text"), row))

    def counts(self) -> dict:
        return {t: self._exec(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "rejected")}

    def close(self) -> None:
        self.db.close()
