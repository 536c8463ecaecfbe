"""``eventcoder eval``: score the pipeline against human-coded data.

ACLED: each distinct ``notes`` text is coded with its ``event_date`` as the
publication date and scored against all rows that share it. UCDP GED: each
distinct headline (``source_headline``, else the quoted headline inside
``source_article``) against its rows; deaths are right anywhere in
[low_est, high_est].
"""
from __future__ import annotations

import csv
import datetime as dt
import html
import json
import re
import statistics
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from . import errors
from .places import haversine_km
from .records import Event

ACLED_REQUIRED = {"notes", "event_date", "event_type", "sub_event_type", "actor1", "country", "latitude", "longitude",
                  "fatalities", "time_precision"}
UCDP_REQUIRED = {"source_article", "source_headline", "date_start", "side_a", "side_b", "latitude", "longitude",
                 "best_est", "low_est", "high_est", "type_of_violence"}


def norm_name(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['’‘`ʿʾ]", "", s)  # "Ta'izz" and "Taizz"
    s = re.sub(r"\(\d{4}-\d{0,4}\)", " ", s)
    s = re.sub(r"\b(province|governorate|region|state|district|wilayat|muhafazat|sha.biyat|mayorality of|city)\b", " ", s)
    s = re.sub(r"[^a-z0-9]+", " ", s)
    s = re.sub(r"\b(al|el|ad|ar|as|ash|an|the)\b", " ", s)
    return " ".join(s.split())


# "Military Forces of Syria (2000-) Syrian Arab Air Force": role, country, years, unit (a unit only after years)
_STATE_FORCE = re.compile(r"\s*(military|police) forces of (?:the\s+)?(?:([^()]+?)\s*\(\d{4}-\d{0,4}\)\s*([^()]*)|([^()]+))$", re.I)


def actor_key(s: str) -> str:
    """Normalised actor: a country's state forces compare by role, country and unit, whatever the
    years or wording: "Military Forces of Afghanistan (2004-2021)" is "Government of Afghanistan"
    and "Military Forces of Afghanistan", but not "... (2014-) Special Forces" (a named unit)."""
    m = _STATE_FORCE.match(s or "")
    if m:
        unit = norm_name(m.group(3) or "")
        return f"{m.group(1).lower()}:{norm_name(m.group(2) or m.group(4))}" + (f":{unit}" if unit else "")
    n = norm_name(s)
    m = re.match(r"government of (\w+(?: \w+)?)$", n)
    if m:
        return f"military:{m.group(1)}"
    return n


def parse_date(s: str) -> dt.date | None:
    s = (s or "").strip()
    for fmt in ("%d-%b-%y", "%d %B %Y", "%Y-%m-%d", "%m/%d/%Y %H:%M:%S", "%d/%m/%Y", "%m/%d/%Y"):
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    return None


def f1_macro(pairs: list[tuple[str, str]]) -> tuple[float, dict]:
    labels = sorted({g for g, _ in pairs})
    per = {}
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per[lab] = {"f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0, "support": tp + fn}
    return (sum(v["f1"] for v in per.values()) / len(per) if per else 0.0), per


def _read(path: Path, required: set[str]) -> list[dict]:
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f)
            missing = required - set(reader.fieldnames or [])
            if missing:
                raise errors.EvalError(f"missing columns {sorted(missing)}; is this the right kind (acled/ucdp)?",
                                       source=str(path))
            return list(reader)
    except (csv.Error, UnicodeDecodeError) as e:
        raise errors.EvalError(f"cannot read the CSV ({e})", source=str(path)) from None


_AGENCY_DATE = re.compile(r"^\s*\"?[A-Z][\w .'&-]{1,60}?,?\s*(?:\d{1,4}[/-]\d{1,2}(?:[/-]\d{2,4})?|\d{1,2} \w+ \d{2,4}|"
                          r"\d{4}-\d{1,2}-\d{1,2})\s*[,:]?\s*")


def _ucdp_text(row: dict) -> str:
    """The headline: source_headline, else source_article without its 'Agency, date,' prefix."""
    h = (row.get("source_headline") or "").strip()
    if h:
        return h
    a = row.get("source_article") or ""
    m = re.search(r"\"([^\"]{15,})", a)
    text = (m.group(1) if m else a).strip().strip('"')
    return _AGENCY_DATE.sub("", text, count=1).strip() or text


def _items(kind: str, path: Path, limit: int | None):
    """(text, published, gold rows) per distinct text."""
    rows = _read(path, ACLED_REQUIRED if kind == "acled" else UCDP_REQUIRED)
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        text = r["notes"] if kind == "acled" else _ucdp_text(r)
        if text and text.strip():
            groups[text.strip()].append(r)
    items = []
    for text, rs in groups.items():
        if kind == "acled":
            pub = parse_date(rs[0]["event_date"])
        else:
            pub = parse_date(rs[0].get("source_date", "")) or parse_date(rs[0]["date_end"] if "date_end" in rs[0] else "") \
                or parse_date(rs[0]["date_start"])
        items.append((text, pub, rs))
    return items[:limit] if limit else items


def _ucdp_type(e: Event) -> int:
    if e.event_type == "Violence against civilians" or e.inter2 == 7:
        return 3
    if 1 in (e.inter1, e.inter2):
        return 1
    return 2


class Scorer:
    """``gazetteer``: where admin1 names are compared as areas ("Taizz" and "Ta'izz" are one
    governorate); without it they are compared as normalised strings."""

    def __init__(self, kind: str, gazetteer=None):
        self.kind = kind
        self.gaz = gazetteer
        self.n = 0
        self.c = Counter()
        self.type_pairs: list[tuple[str, str]] = []
        self.country_misses: Counter = Counter()  # (gold, predicted) where they differ
        self.sub_pairs: list[tuple[str, str]] = []
        self.errors_km: list[float] = []
        self.fat_abs: list[int] = []
        self.fat_set_apart = Counter()
        self.mistakes: list[dict] = []
        self.by_country: dict[str, Counter] = defaultdict(Counter)

    def _same_admin1(self, e: Event | None, gold: str) -> bool:
        """The predicted first-level area is the gold one: the same name once normalised, or the
        same area of the event's country in the gazetteer (spelling variants, ISO names)."""
        if e is None or not e.admin1 or not gold:
            return False
        if norm_name(e.admin1) == norm_name(gold):
            return True
        iso2 = self.gaz.iso2_of(e.iso3) if self.gaz is not None and e.iso3 else None
        if not iso2:
            return False
        mine, theirs = self.gaz.admin1_area(e.admin1, iso2), self.gaz.admin1_area(gold, iso2)
        return mine is not None and theirs is not None and mine.admin1_code == theirs.admin1_code

    def add(self, group: str, text: str, gold: list[dict], events: list[Event]) -> None:
        self.n += 1
        bc = self.by_country[group]
        bc["notes"] += 1
        current = [e for e in events if not e.historical]
        g = gold[0]
        if not current:
            self.c["no_event"] += 1
            bc["no_event"] += 1
            self._mistake("no event", text, g, None)
            current_main = None
        else:
            if len(current) > len(gold):
                self.c["extra_events"] += len(current) - len(gold)
            current_main = current[0]
        e = current_main
        if self.kind == "acled":
            gold_type, gold_sub = g["event_type"], g["sub_event_type"]
            pt = e.event_type if e else "(none)"
            ps = e.sub_event_type if e else "(none)"
            if e:  # if another predicted event has the gold sub-type, score that one
                e = next((x for x in current if x.sub_event_type == gold_sub), e)
                pt, ps = e.event_type, e.sub_event_type
            self.type_pairs.append((gold_type, pt))
            self.sub_pairs.append((gold_sub, ps))
            self._count("event_type", pt == gold_type, bc)
            if ps != gold_sub:
                self._mistake(f"sub-type {ps} (gold {gold_sub})", text, g, e)
            for side in ("actor1", "actor2"):
                ok = e is not None and actor_key(getattr(e, side)) == actor_key(g[side])
                self._count(side, ok, bc)
                if e is not None and not ok:
                    self._mistake(f"{side} {getattr(e, side) or '(none)'} (gold {g[side] or '(none)'})", text, g, e)
            self._count("country", e is not None and norm_name(e.country) == norm_name(g["country"]), bc)
            if e is not None and norm_name(e.country) != norm_name(g["country"]):
                self.country_misses[(g["country"], e.country or "(none)")] += 1
            self._count("admin1", self._same_admin1(e, g["admin1"]), bc)
            gdate = parse_date(g["event_date"])
            self._count("date_exact", e is not None and e.event_date == gdate, bc)
            self._count("date_1day", e is not None and e.event_date is not None and gdate is not None
                        and abs((e.event_date - gdate).days) <= 1, bc)
            self._count("time_precision", e is not None and str(e.time_precision) == g["time_precision"], bc)
            gold_fat = sum(int(r["fatalities"] or 0) for r in gold)
            pred_fat = sum(x.fatalities for x in current)
            special = re.search(r"coded as 0|split between|split across|split over|split evenly", text, re.I)
            if special:
                self.fat_set_apart["notes"] += 1
                self.fat_set_apart["exact"] += pred_fat == gold_fat
            else:
                bc["_fat_notes"] += 1
                self._count("fatalities_exact", pred_fat == gold_fat, bc)
                self.fat_abs.append(abs(pred_fat - gold_fat))
                if pred_fat != gold_fat:
                    self._mistake(f"fatalities {pred_fat} (gold {gold_fat})", text, g, e)
        else:
            gtype = int(g["type_of_violence"])
            self._count("type_of_violence", e is not None and _ucdp_type(e) == gtype, bc)
            self.type_pairs.append((str(gtype), str(_ucdp_type(e)) if e else "(none)"))
            sides = {actor_key(g["side_a"]), actor_key(g["side_b"])}
            self._count("side_a", e is not None and bool({actor_key(e.actor1), actor_key(e.actor2)} & {actor_key(g["side_a"])}), bc)
            self._count("sides_any", e is not None and bool({actor_key(e.actor1), actor_key(e.actor2)} & sides), bc)
            self._count("admin1", bool(g.get("adm_1")) and self._same_admin1(e, g.get("adm_1", "")), bc)
            gdate = parse_date(g["date_start"])
            self._count("date_exact", e is not None and e.event_date == gdate, bc)
            self._count("date_1day", e is not None and e.event_date is not None and gdate is not None
                        and abs((e.event_date - gdate).days) <= 1, bc)
            lo = sum(int(float(r["low_est"] or 0)) for r in gold)
            hi = sum(int(float(r["high_est"] or 0)) for r in gold)
            best = sum(int(float(r["best_est"] or 0)) for r in gold)
            pred = sum(x.fatalities for x in current)
            self._count("deaths_in_range", lo <= pred <= hi, bc)
            self.fat_abs.append(abs(pred - best))
            if not lo <= pred <= hi:
                self._mistake(f"deaths {pred} (gold {lo}-{hi})", text, g, e)
        # location: nearest gold row
        if e is not None and e.latitude is not None:
            d = min(haversine_km((e.latitude, e.longitude), (float(r["latitude"]), float(r["longitude"])))
                    for r in gold if r.get("latitude") not in (None, ""))
            self.errors_km.append(d)
            self._count("location_25km", d <= 25, bc)
            if d > 25:
                self._mistake(f"location {e.location} {d:.0f} km off (gold {g.get('location') or g.get('where_description')})", text, g, e)
        else:
            self._count("location_25km", False, bc)

    def _count(self, key: str, ok: bool, bc: Counter) -> None:
        self.c[key] += bool(ok)
        bc[key] += bool(ok)

    def _mistake(self, what: str, text: str, g: dict, e: Event | None) -> None:
        if len(self.mistakes) < 5000:
            self.mistakes.append({"what": what, "text": text[:600], "kind": what.split()[0]})

    def summary(self) -> dict:
        n = max(self.n, 1)
        keys = ["event_type", "actor1", "actor2", "country", "admin1", "location_25km", "date_exact", "date_1day",
                "time_precision", "fatalities_exact"] if self.kind == "acled" else \
            ["type_of_violence", "side_a", "sides_any", "admin1", "location_25km", "date_exact", "date_1day", "deaths_in_range"]
        out = {"notes": self.n}
        correct = {}  # the counts behind each rate: a target is met on them, not on a rounded rate
        for k in keys:
            denom = n - self.fat_set_apart["notes"] if k == "fatalities_exact" else n
            out[k] = round(self.c[k] / max(denom, 1), 3)
            correct[k] = [self.c[k], denom]
        out["correct"] = correct
        if self.kind == "acled":
            macro, per = f1_macro(self.sub_pairs)
            out["sub_event_type_macro_f1"] = round(macro, 3)
            out["sub_event_type_accuracy"] = round(sum(g == p for g, p in self.sub_pairs) / n, 3)
            total = sum(v["support"] for v in per.values()) or 1
            out["sub_event_type_weighted_f1"] = round(sum(v["f1"] * v["support"] for v in per.values()) / total, 3)
            out["sub_event_type_per_class"] = {k: {"f1": round(v["f1"], 3), "support": v["support"]} for k, v in per.items()}
            out["fatalities_set_apart"] = {"notes": self.fat_set_apart["notes"], "exact": self.fat_set_apart["exact"]}
            out["confusion_event_type"] = {f"{g} -> {p}": c for (g, p), c in Counter(self.type_pairs).most_common()}
            out["confusion_sub_event_type"] = {f"{g} -> {p}": c for (g, p), c in Counter(self.sub_pairs).most_common()}
            out["country_misses"] = {f"{g} -> {p}": c for (g, p), c in self.country_misses.most_common()}
        out["fatalities_mae"] = round(statistics.mean(self.fat_abs), 2) if self.fat_abs else None
        out["location_median_km"] = round(statistics.median(self.errors_km), 1) if self.errors_km else None
        out["no_event"] = self.c["no_event"]
        out["extra_events"] = self.c["extra_events"]
        def rate(c, k, v):
            if k == "notes":
                return v
            return round(v / max(c["_fat_notes"] if k == "fatalities_exact" else c["notes"], 1), 3)

        # the same columns for every file, in a fixed order (a count never reached is 0, not missing)
        cols = list(dict.fromkeys(k for c in self.by_country.values() for k in c if not k.startswith("_")))
        out["by_group"] = {grp: {k: rate(c, k, c.get(k, 0)) for k in cols}
                           for grp, c in sorted(self.by_country.items())}
        return out


def run_eval(kind: str, files, report: Path | None, limit: int | None, model: str | None, pipeline=None,
             country_spec: str = "auto", assume_event: bool = False) -> dict:
    """Score each file; ``country_spec`` as ``--country``: "auto" gives each file the
    country prior of its own texts (never of its coded answers). ``assume_event``: as
    ``Pipeline(assume_event=True)`` (ignored when ``pipeline`` is given)."""
    from tqdm import tqdm

    from .ingest import RawDocument
    from .clean import clean
    from .nlp import DEFAULT_MODEL
    from .pipeline import Pipeline
    from .places import country_prior

    pipe = pipeline or Pipeline(model or DEFAULT_MODEL, assume_event=assume_event)
    scorer = Scorer(kind, pipe.gazetteer)
    for path in files:
        path = Path(path)
        group = path.stem
        items = _items(kind, path, limit)
        prior = country_prior(country_spec, [t for t, _, _ in items], pipe.gazetteer)
        for text, pub, gold in tqdm(items, desc=group, unit="note", file=sys.stderr, leave=False):
            try:
                events = pipe.code(clean(RawDocument(f"{path}:{gold[0].get('event_id_cnty') or gold[0].get('id')}",
                                                     text, "text", published=pub)), prior)
            except errors.InputError:
                events = []
            scorer.add(group, text, gold, events)
    summary = scorer.summary()
    summary["coder"] = str(getattr(pipe, "model", "")) + (" --assume-event" if getattr(pipe, "assume_event", False) else "")
    _print(summary, kind)
    if report:
        _write_report(Path(report), summary, scorer, kind)
    return summary


def _print(s: dict, kind: str) -> None:
    click_echo = print
    click_echo(f"{kind.upper()} evaluation on {s['notes']} texts" + (f" (coded by {s['coder']})" if s.get("coder") else ""))
    for k, v in s.items():
        if isinstance(v, (int, float)) or v is None:
            click_echo(f"  {k:28s} {v}")
    if "fatalities_set_apart" in s:
        click_echo(f"  fatalities set apart ('coded as 0', 'split between/across/over'): {s['fatalities_set_apart']}")
    groups = s["by_group"]
    cols = [k for k in next(iter(groups.values()), {}) if k != "notes"]
    click_echo("  per file: " + " | ".join(["file", "notes"] + cols))
    for g, row in groups.items():
        click_echo("    " + " | ".join([g, str(row["notes"])] + [str(row.get(c, 0)) for c in cols]))


def _write_report(d: Path, s: dict, scorer: Scorer, kind: str) -> None:
    d.mkdir(parents=True, exist_ok=True)
    (d / "report.json").write_text(json.dumps({"summary": s, "mistakes": scorer.mistakes[:3000]}, indent=2))
    esc = html.escape
    rows = "".join(f"<tr><td>{esc(k)}</td><td>{v}</td></tr>" for k, v in s.items() if isinstance(v, (int, float)))
    groups = s["by_group"]
    cols = sorted({c for r in groups.values() for c in r})
    grp = "<tr>" + "".join(f"<th>{esc(c)}</th>" for c in ["file"] + cols) + "</tr>" + "".join(
        "<tr>" + f"<td>{esc(g)}</td>" + "".join(f"<td>{r.get(c, 0)}</td>" for c in cols) + "</tr>" for g, r in groups.items())
    per = s.get("sub_event_type_per_class", {})
    types = "".join(f"<tr><td>{esc(k)}</td><td>{v['f1']}</td><td>{v['support']}</td></tr>" for k, v in per.items())
    conf = "".join(f"<tr><td>{esc(k)}</td><td>{v}</td></tr>" for k, v in s.get("confusion_event_type", {}).items())
    subconf = "".join(f"<tr><td>{esc(k)}</td><td>{v}</td></tr>" for k, v in s.get("confusion_sub_event_type", {}).items())
    cmiss = "".join(f"<tr><td>{esc(k)}</td><td>{v}</td></tr>" for k, v in s.get("country_misses", {}).items())
    worst = "".join(f"<tr><td>{esc(m['what'])}</td><td>{esc(m['text'])}</td></tr>" for m in scorer.mistakes[:200])
    (d / "report.html").write_text(f"""<!doctype html><meta charset="utf-8"><title>eventcoder {kind} evaluation</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse;margin-bottom:2em}}td,th{{border:1px solid #ccc;padding:3px 6px;font-size:13px;vertical-align:top}}</style>
<h1>eventcoder {kind.upper()} evaluation</h1><h2>Overall</h2><table>{rows}</table>
<h2>Per file (country)</h2><table>{grp}</table>
<h2>Sub-event types</h2><table><tr><th>type</th><th>F1</th><th>support</th></tr>{types}</table>
<h2>Event type confusion (gold -> predicted)</h2><table>{conf}</table>
<h2>Sub-event type confusion (gold -> predicted)</h2><table>{subconf}</table>
<h2>Wrong countries (gold -> predicted, events only)</h2><table>{cmiss}</table>
<h2>Mistakes (first 200)</h2><table>{worst}</table>""")
