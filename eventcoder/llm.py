"""Optional backend: code events with an OpenAI-compatible chat endpoint.

    from eventcoder.llm import LLMCoder, LLMConfig
    coder = LLMCoder(LLMConfig("http://localhost:8080/v1", "qwen2.5-7b-instruct"))
    events = coder.code(article)        # the same Event records as Pipeline.code

    eventcoder code article.txt --llm http://localhost:8080/v1 --llm-model qwen2.5-7b-instruct

Any server that answers ``POST {url}/chat/completions`` works: llama.cpp's server,
vLLM, Ollama (``http://localhost:11434/v1``), LM Studio or a remote API (its key
in ``EVENTCODER_LLM_KEY``). The default pipeline stays offline: nothing here
runs unless asked for.

The model is asked for JSON, one object per event, each field with the exact
words of the article that support it. Nothing it says is taken on trust:

- ``sub_event_type`` must be one of ACLED's 25; event type, CAMEO code and
  PLOVER type follow from it. An event with another type, or with no quote from
  the article behind it, is dropped and the log says why.
- A quote that is not in the article leaves its field empty: a figure without
  one is 0 (ACLED codes no unverified figure), a date without one is the
  publication date at precision 2 (as the rule-based pipeline does), a place
  without one is the article's country at precision 3.
- The place is looked up in eventcoder's gazetteer: coordinates, admin1 and
  admin2 come from GeoNames, never from the model.
- Actor names pass through the actor dictionary (normalised name, inter code).
- A date after the publication date is refused.

All HTTP goes through one ``httpx.Client``; tests hand it an
``httpx.MockTransport`` and need no network.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from calendar import monthrange
from dataclasses import dataclass, field

import httpx

from . import actors as actors_mod
from . import detect, errors
from .gazetteer import Gazetteer, name_key
from .places import PlaceResolver
from .records import Article, Event, Place, Span

log = logging.getLogger(__name__)

SUB_TYPES = {k: v for k, v in detect.ONTOLOGY.items() if k != "Displacement"}
# ACLED's definitions, shortened (ACLED Codebook 2019, section 3)
DEFINITIONS = {
    "Armed clash": "two organised armed groups fight each other; neither takes territory",
    "Government regains territory": "state forces retake territory from a non-state group",
    "Non-state actor overtakes territory": "a non-state armed group takes territory",
    "Chemical weapon": "chemical weapons used",
    "Air/drone strike": "aircraft or drones strike; an actor with no air force cannot do this",
    "Suicide bomb": "a suicide bombing or suicide vehicle bomb",
    "Shelling/artillery/missile attack": "artillery, mortars, rockets or missiles fired from a distance",
    "Remote explosive/landmine/IED": "a planted or remotely detonated explosive, landmine, IED or car bomb",
    "Grenade": "a grenade thrown",
    "Sexual violence": "sexual violence against civilians",
    "Attack": "an armed group attacks civilians (killing, shooting, beating), with no fight back",
    "Abduction/forced disappearance": "civilians or others abducted or disappeared by an armed group",
    "Peaceful protest": "demonstrators gather without violence and nobody intervenes",
    "Protest with intervention": "a peaceful protest that the authorities disperse or block without lethal force",
    "Excessive force against protesters": "lethal or severe force used on peaceful protesters",
    "Violent demonstration": "demonstrators use violence or destroy property",
    "Mob violence": "a spontaneous crowd attacks people or property",
    "Agreement": "a ceasefire, peace deal, prisoner exchange or other agreement",
    "Arrests": "state forces arrest or detain people (not in a battle)",
    "Change to group/activity": "deployments, mobilisations, convoys, splits, new alliances, weapons seized",
    "Disrupted weapons use": "a bomb defused, a missile or drone intercepted, a planned attack foiled",
    "Headquarters or base established": "a group establishes a base or headquarters",
    "Looting/property destruction": "property looted, burned or destroyed, with no one attacked",
    "Non-violent transfer of territory": "territory handed over or taken without fighting",
    "Other": "a notable political-violence development that fits no other type",
}
INTERS = ", ".join(f"{k} {v}" for k, v in actors_mod.INTER_LABELS.items())

SYSTEM = ("You code news reports into ACLED political-violence events. Answer with one JSON object only: "
          '{"events": [EVENT, ...]} ({"events": []} if the article reports none). '
          "One EVENT per incident, with these keys (quotes are exact, contiguous words copied from the article):\n"
          '  "sub_event_type": one of the names below; "trigger": the words that say it happened;\n'
          '  "date": "YYYY-MM-DD" (or "YYYY-MM", "YYYY") of the incident, resolving relative dates ("on Monday") '
          'against the publication date; "date_text": the words that give it; "time_precision": 1 day, 2 week or '
          "month, 3 longer;\n"
          '  "actor1", "actor2": who acted and who was acted upon, as ACLED names them ("Military Forces of Libya", '
          '"Civilians (Libya)", "Unidentified Armed Group (Libya)"); "actor1_text", "actor2_text"; '
          '"inter1", "inter2": ' + INTERS + ";\n"
          '  "assoc_actor_1", "assoc_actor_2": lists of names of allied or identity groups;\n'
          '  "location": the most specific place name, as written; "location_text"; "admin1": its province; '
          '"country";\n'
          '  "fatalities": deaths, the lowest figure reported, 0 if none or unknown; "fatalities_text";\n'
          '  "injuries": number or null; "injuries_text";\n'
          '  "displaced_low", "displaced_high": number or null; "displaced_unit": "people", "families" or '
          '"households"; "displaced_text";\n'
          '  "source": who the figures are attributed to, or null; "source_text";\n'
          '  "historical": true if the article mentions the incident only as background.\n'
          "Sub-event types:\n" + "\n".join(f"- {k}: {v}" for k, v in DEFINITIONS.items()) + "\n"
          "ACLED rules: code fatalities conservatively; 'several' or 'many' dead is 10, 'dozens' 12, 'hundreds' 100; "
          "claims of one side about the other's losses count only if nobody else reports lower; a peaceful protest "
          "and a strategic development record 0 fatalities.")


@dataclass(frozen=True)
class LLMConfig:
    """Where and how to ask. ``api_key`` goes in an ``Authorization: Bearer`` header."""

    url: str
    model: str
    api_key: str | None = field(default=None, repr=False)
    timeout: float = 120.0
    temperature: float = 0.0
    json_mode: bool = True  # send response_format={"type": "json_object"} (dropped if the server refuses it)

    @property
    def name(self) -> str:
        """The name the store keeps these events under (an article coded by another backend is coded again)."""
        return f"llm:{self.model}"


def locate(text: str, quote) -> Span | None:
    """Where ``quote`` stands in ``text``: exactly, else ignoring case and spacing. None if absent."""
    if not isinstance(quote, str):
        return None
    q = quote.strip().strip("\"'“”‘’").strip()
    if not q:
        return None
    i = text.find(q)
    if i >= 0:
        return Span(i, i + len(q), q)
    tokens = re.findall(r"\w+|[^\w\s]", q)
    m = re.search(r"\s*".join(re.escape(t) for t in tokens), text, re.I)
    return Span(m.start(), m.end(), m.group(0)) if m else None


def parse_answer(content: str) -> list[dict]:
    """The events of a model's answer: a JSON object with "events" (or a bare list), also
    inside a ```json fence or after some words. Raises ValueError if there is none."""
    s = content.strip()
    fence = re.search(r"```(?:json)?\s*(.*?)```", s, re.S)
    if fence:
        s = fence.group(1).strip()
    starts = [i for i in (s.find("{"), s.find("[")) if i >= 0]
    if not starts:
        raise ValueError("no JSON in the answer")
    start = min(starts)
    end = max(s.rfind("}"), s.rfind("]")) + 1
    data = json.loads(s[start:end])
    if isinstance(data, dict):
        data = data.get("events", [data] if "sub_event_type" in data else None)
    if not isinstance(data, list):
        raise ValueError("JSON without an 'events' list")
    return [e for e in data if isinstance(e, dict)]


def _number(v) -> int | None:
    if isinstance(v, bool) or v is None:
        return None
    try:
        n = int(float(v))
    except (TypeError, ValueError):
        return None
    return n if 0 <= n < 10_000_000 else None


def _sub_type(v) -> str | None:
    if not isinstance(v, str):
        return None
    return next((k for k in SUB_TYPES if k.lower() == v.strip().lower()), None)


def _date(v, reference: dt.date | None) -> tuple[dt.date, dt.date, int] | None:
    """(start, end, precision) of "YYYY-MM-DD", "YYYY-MM" or "YYYY"; None if unreadable or
    after the publication date."""
    if not isinstance(v, str):
        return None
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", v)
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            start = end = dt.date(y, int(mo), int(d))
            prec = 1
        elif mo:
            start, end, prec = dt.date(y, int(mo), 1), dt.date(y, int(mo), monthrange(y, int(mo))[1]), 2
        else:
            start, end, prec = dt.date(y, 1, 1), dt.date(y, 12, 31), 3
    except ValueError:
        return None
    if start.year < 1900 or (reference is not None and start > reference):
        return None
    return start, end, prec


def _sentence_around(text: str, span: Span) -> Span:
    """The sentence (or line) that holds ``span``."""
    dot = text.rfind(". ", 0, span.start)
    start = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, span.start) + 1)
    ends = [i for i in (text.find(". ", span.end), text.find("\n", span.end)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return Span(start, end, text[start:end].strip())


class LLMCoder:
    """Code articles with a chat model; ``code(article, countries)`` as ``Pipeline.code``.

    ``transport``: an ``httpx`` transport (``httpx.MockTransport`` in tests)."""

    def __init__(self, config: LLMConfig, gazetteer: Gazetteer | None = None, transport: httpx.BaseTransport | None = None):
        self.config = config
        self.model = config.name
        self.gazetteer = gazetteer or Gazetteer.open()
        headers = {"Authorization": f"Bearer {config.api_key}"} if config.api_key else {}
        self.client = httpx.Client(base_url=config.url.rstrip("/") + "/", timeout=config.timeout, headers=headers,
                                   transport=transport)
        self._json_mode = config.json_mode

    # -- the seam: one request ---------------------------------------------------
    def _post(self, messages: list[dict], origin: str) -> str:
        body = {"model": self.config.model, "temperature": self.config.temperature, "messages": messages}
        if self._json_mode:
            body["response_format"] = {"type": "json_object"}
        where = f"the LLM endpoint {self.config.url}"
        try:
            r = self.client.post("chat/completions", json=body)
            if r.status_code == 400 and self._json_mode:  # a server without JSON mode: ask in words only
                self._json_mode = False
                return self._post(messages, origin)
        except httpx.HTTPError as e:
            raise errors.BackendError(f"cannot reach {where} ({e.__class__.__name__}: {e}); check --llm "
                                      "(the base URL ending in /v1) and that the server runs", source=origin) from None
        if r.status_code in (401, 403):
            raise errors.BackendError(f"{where} refused the key (HTTP {r.status_code}); set EVENTCODER_LLM_KEY "
                                      "or --llm-key", source=origin)
        if r.status_code == 404:
            raise errors.BackendError(f"{where} has no chat/completions (HTTP 404); give the base URL that "
                                      "ends in /v1, or check --llm-model", source=origin)
        if r.status_code >= 400:
            raise errors.BackendError(f"{where} answered HTTP {r.status_code}: {r.text[:200]}", source=origin)
        try:
            return r.json()["choices"][0]["message"]["content"] or ""
        except (ValueError, KeyError, IndexError, TypeError):
            raise errors.BackendError(f"{where} did not answer in the chat-completions layout: {r.text[:200]}",
                                      source=origin) from None

    def ask(self, article: Article) -> list[dict]:
        """The model's raw events for an article (asked twice if the first answer is not JSON)."""
        pub = article.published.isoformat() if article.published else "unknown"
        messages = [{"role": "system", "content": SYSTEM},
                    {"role": "user", "content": f"Publication date: {pub}\nArticle:\n<<<\n{article.text}\n>>>"}]
        for attempt in (1, 2):
            content = self._post(messages, article.origin)
            try:
                return parse_answer(content)
            except ValueError as e:
                log.warning("%s: the model's answer is not usable JSON (%s)%s", article.origin, e,
                            "; asking again" if attempt == 1 else "; no events")
        return []

    # -- the answer, checked --------------------------------------------------------
    def code(self, article: Article, countries: dict[str, float] | None = None) -> list[Event]:
        resolver = PlaceResolver(self.gazetteer, prior=countries)
        resolver.add_context(article.text)
        events = []
        for n, raw in enumerate(self.ask(article)):
            ev = self._event(article, n, raw, resolver)
            if ev is not None:
                events.append(ev)
        return events

    def _event(self, article: Article, n: int, e: dict, resolver: PlaceResolver) -> Event | None:
        text = article.text
        sub = _sub_type(e.get("sub_event_type"))
        if sub is None:
            log.info("%s: event %d dropped: %r is not an ACLED sub-event type", article.origin, n, e.get("sub_event_type"))
            return None
        trig = locate(text, e.get("trigger"))
        if trig is None:
            log.info("%s: event %d (%s) dropped: its trigger %r is not in the article", article.origin, n, sub, e.get("trigger"))
            return None
        etype, cameo, plover = SUB_TYPES[sub]
        evidence: dict[str, list[Span]] = {"event_type": [trig], "sub_event_type": [trig]}
        dropped = []

        def quoted(key: str, value_key: str | None = None):
            span = locate(text, e.get(key + "_text"))
            if span is None and e.get(value_key or key) not in (None, "", 0, []):
                dropped.append(key)
            return span

        # date
        reference = article.published
        dspan = quoted("date")
        parsed = _date(e.get("date"), reference) if dspan else None
        if parsed:
            date_start, date_end, prec = parsed
            if isinstance(e.get("time_precision"), int) and e["time_precision"] in (1, 2, 3):
                prec = max(prec, e["time_precision"])
            inferred = False
            evidence["event_date"] = evidence["time_precision"] = [dspan]
        else:
            if dspan:
                log.info("%s: event %d (%s): date %r refused (unreadable, or after the publication date %s)",
                         article.origin, n, sub, e.get("date"), reference)
            date_start = date_end = reference
            prec, inferred = (2, True) if reference else (3, True)
        # place
        place, precision = None, 3
        lspan = quoted("location")
        if lspan is not None and isinstance(e.get("location"), str):
            place = resolver.best(e["location"].strip(), text[lspan.start:lspan.start + 80])
            if place is not None:
                precision = 1 if place.level == "place" else 2 if place.level == "admin2" else 3
                evidence["location"] = [lspan]
        iso2 = None
        if isinstance(e.get("country"), str):
            hit = resolver.country_names.get(name_key(e["country"]))
            iso2 = hit[0] if hit else None
        if place is None and iso2 and isinstance(e.get("admin1"), str) and locate(text, e["admin1"]):
            place = self.gazetteer.admin1_area(e["admin1"], iso2)
        if place is None:
            fallback = iso2 if iso2 and locate(text, e["country"]) else resolver.fallback_country()
            place = self.gazetteer.country(fallback) if fallback else None
        for f in ("country", "admin1", "admin2", "latitude", "longitude", "geo_precision"):
            if "location" in evidence:
                evidence[f] = evidence["location"]
        country = place.country if place else ""
        # actors
        a1, inter1, assoc1 = self._actor(e, "1", text, country, evidence, dropped)
        a2, inter2, assoc2 = self._actor(e, "2", text, country, evidence, dropped)
        # figures
        figures = {}
        for key in ("fatalities", "injuries"):
            v = _number(e.get(key))
            span = quoted(key)
            if v is not None and span is not None:
                figures[key] = v
                evidence[key] = [span]
        fat = figures.get("fatalities", 0)
        if sub in detect.NO_FATALITIES and fat:
            fat = 0
            evidence.pop("fatalities", None)
        disp = (None, None, None)
        dspan2 = quoted("displaced", "displaced_low")
        if dspan2 is not None and _number(e.get("displaced_low")) is not None:
            low = _number(e["displaced_low"])
            high = _number(e.get("displaced_high"))
            unit = e.get("displaced_unit") if e.get("displaced_unit") in ("people", "families", "households") else "people"
            disp = (low, high if high is not None and high >= low else low, unit)
            for k in ("displaced", "displaced_low", "displaced_high", "displaced_unit"):
                evidence[k] = [dspan2]
        sources, fig_src = [], {}
        sspan = quoted("source")
        if sspan is not None and isinstance(e.get("source"), str) and e["source"].strip():
            sources.append(e["source"].strip())
            evidence["sources"] = [sspan]
            fig_src = {k: e["source"].strip() for k in ("fatalities", "injuries", "displaced") if k in evidence}
        if article.source_name and article.source_name not in sources:
            sources.append(article.source_name)
        if dropped:
            log.info("%s: event %d (%s): no quote from the article for %s; left empty", article.origin, n, sub,
                     ", ".join(dropped))
        note = _sentence_around(text, trig)
        evidence["notes"] = [note]
        eid = hashlib.sha1(f"{article.id}:llm:{n}:{sub}:{trig.start}".encode()).hexdigest()[:16]
        return Event(
            event_id=eid, article_id=article.id, event_type=etype, sub_event_type=sub, cameo_code=cameo,
            plover_type=plover, event_date=date_start, date_start=date_start, date_end=date_end, time_precision=prec,
            date_inferred=inferred, actor1=a1, assoc_actor_1=assoc1, inter1=inter1, actor2=a2, assoc_actor_2=assoc2,
            inter2=inter2, interaction=actors_mod.interaction(inter1, inter2),
            country=country, iso3=place.iso3 if place else "",
            admin1=place.admin1 if place and place.level != "country" else "",
            admin2=place.admin2 if place and place.level == "place" else "",
            location=place.name if place else "", latitude=place.latitude if place else None,
            longitude=place.longitude if place else None, geo_precision=precision,
            geonameid=place.geonameid if place else None, fatalities=fat, injuries=figures.get("injuries"),
            displaced_low=disp[0], displaced_high=disp[1], displaced_unit=disp[2],
            historical=bool(e.get("historical") is True), sources=tuple(sources), figure_sources=fig_src,
            notes=note.text + " [coded by " + self.model + "]",
            evidence={k: tuple(v) for k, v in evidence.items()}, articles=(article.id,),
        )

    @staticmethod
    def _actor(e: dict, i: str, text: str, country: str, evidence: dict, dropped: list) -> tuple[str, int, str]:
        """(normalised name, inter, associated actors) of actor1 or actor2: the dictionary's
        name and inter where it knows the actor, else the model's (inter 1-8 only)."""
        name = e.get("actor" + i)
        span = locate(text, e.get(f"actor{i}_text"))
        if not isinstance(name, str) or not name.strip():
            return "", 0, ""
        if span is None:
            dropped.append("actor" + i)
            return "", 0, ""
        evidence["actor" + i] = evidence["inter" + i] = [span]
        known = actors_mod.find_actors(name) or actors_mod.find_actors(span.text)
        inter = _number(e.get("inter" + i))
        if known:  # the named group where the name holds one ("Military Forces of Libya (2014-) Libyan National Army")
            at = next((m for m in known if m.value.named), known[0]).value
            name, inter = at.resolve(country), at.inter
        assoc = e.get("assoc_actor_" + i)
        if isinstance(assoc, str):
            assoc = [assoc]
        assoc = "; ".join(a.strip() for a in assoc or [] if isinstance(a, str) and a.strip() and locate(text, a))
        return name.strip(), inter if inter in actors_mod.INTER_LABELS else 0, assoc
