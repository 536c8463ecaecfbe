"""Stage 6: places. Find place mentions (not trusting entity labels alone),
resolve them with the gazetteer using the article's context, and grade the
geo precision ACLED's way: 1 the town itself, 2 near / part of / outskirts of
a town (or an unknown village placed at the nearest known town), 3 a region
or country.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from difflib import SequenceMatcher
from dataclasses import dataclass
from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from .gazetteer import LEADING_ARTICLE, Gazetteer, name_key, short_admin_name, skeleton
from .records import Place

LOCATIVE = re.compile(
    r"\b(in|at|near|outside|around|from|to|towards|toward|into|of|between|connecting|linking|and|across|on|off|over|inside|within|"
    r"north|south|east|west|northeast|northwest|southeast|southwest|northern|southern|eastern|western|central|"
    r"outskirts|vicinity|district|province|town|city|village|villages|area|region|governorate|outpost|base),?\s+(?:the\s+)?$", re.I)
NEAR = re.compile(
    r"\b(near|nearby|outside|around|close to|outskirts of|on the outskirts of|vicinity of|surroundings of|height of|"
    r"\d+\s*(km|kilometres|kilometers|miles)\s+(from|north|south|east|west)|(four|five|six|seven|eight|nine|ten|two|three|"
    r"several|a few) (km|kilometres|kilometers|miles)( \w+)? (from|of)|(north|south|east|west|northeast|northwest|southeast|"
    r"southwest) of|(northern|southern|eastern|western|central) (parts of )?|villages (around|near|outside|of)|outlying)\s*(the\s+)?"
    r"(port |coastal |besieged |eastern |western |northern |southern )?(city |town |village |district |area )?(of\s+)?$", re.I)
ANAPHOR = re.compile(r"\b(?:(?:the|this|that)\s+(?:\w+\s+){0,2}?|out of |into )(city|town|village|area|district|province|region)\b(?!\s+of\b)", re.I)
TITLES = {"general", "president", "minister", "commander", "colonel", "gen", "mr", "mrs", "ms", "dr", "sheikh",
          "marshal", "field", "prime", "king", "prince", "emir", "governor", "mayor", "spokesman", "lieutenant",
          "captain", "major", "sergeant", "st", "saint"}
MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
DATE_WORDS = MONTHS | {"Ramadan", "Eid", "Christmas", "Easter", "Nowruz", "Ashura", "Muharram", "Day", "Eve", "Week",
                       "Weekend", "Year", "Today", "Tonight", "Yesterday", "Tomorrow", "Morning", "Evening", "Night",
                       "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
OBJECT_OF = re.compile(r"\b(shelled|attacked|captured|struck|stormed|bombed|targeted|hit|raided|seized|entered|reached|"
                       r"recaptured|took|overran|besieged|looted|shelling|bombing|targeting|attacking|storming|looting)\s+"
                       r"(?:the\s+|(?:al|el|ad|ar|as|ash|at|az|an)-)?$", re.I)  # "shelled al-Qardaha": the run starts after "al-"
_UNSPLIT = object()  # _split_parent not tried yet for this run
_WORDLIKE = re.compile(r"[^\W\d_][\w'’‘`-]*[^\W\d_]")  # letters with inner hyphens or apostrophes
ACTOR_AFTER_NAME = re.compile(r"\.?(?:-(?:led|backed|based|supported|affiliated)\b|\s+(?:forces|troops|military|army|soldiers|"
                              r"warplanes|jets|aircraft|drones?|officials?|government|embassy|envoy|president|navy|"
                              r"air force|coalition|special forces|citizens?|nationals?|diplomats?|authorities|consulate|bases?|"
                              r"air ?strikes?|drone strikes?|air raids?|raids?|commandos|advisers|advisors|personnel|patrols?|"
                              r"convoys?|contractors|helicopters?|planes)\b)", re.I)
# "students of the Normal school": a word of an institution's name, not a place (nor a weapon's)
INSTITUTION_AFTER = re.compile(r"\s+(?:school|schools|university|college|institute|academy|seminary|party|movement|"
                               r"brigade|cartel|council|committee|union|company|group|family|clan|tribe|supporters|followers|loyalists|"
                               r"organi[sz]ation|"
                               # a branch of government, not the department that is an area: "the Basra health department"
                               r"(?:health|education|police|water|electricity|oil|finance|agriculture|municipal|traffic)\s+"
                               r"(?:department|directorate|office)s?|"
                               r"building|buildings|headquarters|offices|"
                               # a weapon's make: "Molotov cocktails" (Perm's old name), "Kalashnikov rifles", "Grad rockets"
                               r"cocktails?|rifles?|missiles?|rockets?|launchers?|pistols?|cartridges)\b", re.I)
STRONG_LOCATIVE = re.compile(r"\b(in|at|near|outside|around|towards|toward|into|from|inside|of the (?:town|city|village) of|"
                             r"(?:area|areas|outskirts|countryside|vicinity|villages?|town|city|district|districts|parts|"
                             r"suburbs?|cent(?:er|re)|limits) of|(?:districts?|provinces?|governorate|city),|"
                             r"(?:air ?strikes?|strikes?|raids?|attacks?|shelling|bombardment|assault) on|"
                             r"(?:roads?|highways?|routes?)\s+(?:connecting|linking|between)|"
                             r"(?:headed|heading|moved|moving|arrived|arriving|advanced|advancing|returned|deployed|redeployed|"
                             r"sent|dispatched|transferred)\s+(?:back\s+)?(?:to|in|at))\s*$", re.I)
GENERIC_TAIL = re.compile(r"(?:\s+(?:Military|Central|Main|International))?\s+(Airport|Air ?base|Bridge|Camp|Road|Street|Square|Base|Hospital|University|Prison|"
                          r"Checkpoint|Market|Port|Highway|District|Countryside|Province|Governorate|City|Town|Village|Area)s?$")
# a compass word that ends a run before its area: "Erbil Northern Iraq", "Hajjah North Yemen"
COMPASS_TAIL = re.compile(r"\s+(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|"
                          r"(?:North|South)-?(?:east|west)(?:ern)?)$", re.I)
# a square or street (lowercase, outside the name) followed by the town it is in
SQUARE_AFTER = re.compile(r"\s+(?:square|street|avenue|boulevard|roundabout|park)\s+(?:(?:in|of)\s+)?(?:the\s+)?[A-Z]")
STREET_TAIL = re.compile(r"\s+(?:Street|Square)s?$")
PARENT_AFTER = re.compile(r"['’\"”]?(?:\s+(?:districts?|city|area|village|town)(?:\s+(?:center|centre))?,?\s+(?:(?:of|in)\s+)?([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\b"
                          r"|\s+of\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)(?=\s+(?:district|city|town|province)\b))")  # "'Qalat' area of"
IN_PARENT = re.compile(r"\s*,?\s+in\s+(?:the\s+)?(?:(?:eastern|western|northern|southern|central|rural)\s+)?"
                       r"(?:(?:countryside|province|governorate)\s+of\s+)?([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\b")
BORDER_KM = 40  # a town this near a province's seat is "in" it, whatever side of the border GeoNames puts it
LONGER_NAME = re.compile(r"(?:\s+(?:wa|al|el|e|i|ul|us)\b)?\s+[A-Z][\w'’-]+")  # the third word of a parent's name
SIMILAR_SPELLING = 0.8  # an unknown name and a place of the province named after it, so alike, are one
UNIT_AFTER = re.compile(r"\s+(?:districts?|provinces?|governorates?|municipalit(?:y|ies)|count(?:y|ies)|fronts?|frontlines?)\b", re.I)  # "the Nihm front"
IN_COUNTRY_PART = re.compile(r"\b(?:in|of)\s+(?:the\s+)?(?:(?:north|south|east|west|north-?east|north-?west|south-?east|"
                             r"south-?west)(?:ern)?\s+|central\s+)?$", re.I)  # "in western Yemen", not "from Oman"
UNIT_BEFORE = re.compile(r"\b(?:districts?|provinces?|governorates?)\s+$", re.I)  # "Jawand district Farah": the province, not a person
DISTRICT_AFTER = re.compile(r"\s+district\b", re.I)  # "in Afrin district": a district named after its town
COMMA_PARENT = re.compile(r",\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\b")  # "Kadikoy, Istanbul"
OPEN_BRACKET = re.compile(r"\s*[(\[]")
PAREN_PARENT = re.compile(r"\s*[(\[]\s*([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\b")  # "Shuqrah (Abyan)"
# "migrants from Syria, Afghanistan and Congo", "a refugee from Iraq": where people come from, not where it happened
PEOPLE_FROM = re.compile(r"\b(?:migrants?|refugees?|asylum[- ]seekers?|immigrants?|nationals?|citizens?|workers?|people|"
                         r"persons?|men|women|children|families)\s+(?:who\s+(?:came|fled)\s+)?from\s+(?:the\s+)?"
                         r"(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:\s*,\s*|\s+and\s+|\s+or\s+))*$")
SIDE_BEFORE = re.compile(r"\b(pro|anti)-\s*$", re.I)  # "pro-Turkey factions", "anti-Assad protesters": a side
ROAD_AFTER = re.compile(r"\s+(?:(?:federal|national|main|international|coastal|old|new)\s+)?(highway|road|motorway|expressway|freeway|route)\b", re.I)
# "the Juarez neighborhood of Monterrey": a part of the town after "of", named like a town elsewhere
QUARTER_OF = re.compile(r"\s+(?:neighbou?rhoods?|colonia|quarter|suburb|housing (?:estate|complex|project)|street|avenue|"
                        r"boulevard|market)\s+(?:of|in)\s+(?:the\s+)?"
                        r"(?:(?:central|downtown|(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?)\s+)?[A-Z]")  # "... of central Van"
# a place named by its authorities: "Hakkari Governorship declared ...", "Van Metropolitan Municipality"
OFFICE_TAIL = re.compile(r"\s+(?:Governorship|Governorate|Governor(?:['’]s)?(?:\s+Office)?|Metropolitan\s+Municipality|"
                         r"Municipality|Provincial(?:\s+[A-Z][\w'’-]+){1,3}|Security\s+Directorate|Police(?:\s+Department)?|"
                         r"Gendarmerie(?:\s+[A-Z][\w'’-]+){0,2}|Mayor(?:['’]s)?\s+Office)$")
# "in Chilapa Guerrero State police ...", "in Uruapan Michoacan Municipal Police ...": whose police, not a place's name
POLICE_KIND_TAIL = re.compile(r"\s+(?:State|Municipal|Community|Federal|Ministerial|Preventive|Rural|Transit|Traffic|Investigative)$")
POLICE_AFTER = re.compile(r"\s+(?:police|policemen|officers|agents|guards|patrols?)\b", re.I)
# "in Colonia Hidalgo, Ciudad Juarez": a neighbourhood's own name, whatever town it is named after
QUARTER_BEFORE = re.compile(r"(?:Colonia|Col\.|Fraccionamiento|Barrio|Unidad Habitacional|Mahallesi)\s", re.I)
# "in Lomas de Poleo, Ciudad Juarez (Chihuahua)": the name after an unknown place and a comma, ending
# there, is where it lies (but "in Kot, Khogyani, and Dih Bala districts" is a list)
CHAIN_COMMA = re.compile(r",\s*")
CHAIN_END = re.compile(r"\s*(?:[(\[.;]|,(?!\s*(?:and|or)\b)|$)")
VILLAGE_OF = re.compile(r"\bvillages?\s+(?:of|in)\s+(?:the\s+)?$", re.I)
VILLAGE_AFTER = re.compile(r"\s+(village|villages|hamlet|area\s+of|\d+)\b", re.I)  # "Mataram village", "Kilo 16", "the Rabat area of
# Tarnak district": small, not the city abroad
CONNECT = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "de", "du", "la", "le", "bin", "ibn", "abu", "um",
           "umm", "bani", "beni", "wadi", "jabal", "jebel", "tal", "tell", "ain", "bir", "ras", "sidi", "of", "ez", "es", "ed",
           "et", "el", "er", "en", "e", "i", "ye", "y", "wa", "del", "las", "los", "da", "das", "dos"}


@dataclass(frozen=True)
class PlaceMention:
    text: str
    start: int
    end: int
    place: Place | None  # None: a place-like name the gazetteer does not know
    precision: int
    near: bool = False
    anaphor: bool = False


def is_acronym(word: str) -> bool:
    """'GNA', 'PKK', 'NDS': actors (and GeoNames airport codes), not places."""
    return len(word) <= 5 and word.isupper()


def haversine_km(a: Place | tuple, b: Place | tuple) -> float:
    la1, lo1 = (a.latitude, a.longitude) if isinstance(a, Place) else a
    la2, lo2 = (b.latitude, b.longitude) if isinstance(b, Place) else b
    p = math.pi / 180
    h = (math.sin((la2 - la1) * p / 2) ** 2 + math.cos(la1 * p) * math.cos(la2 * p) * math.sin((lo2 - lo1) * p / 2) ** 2)
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


_CAPITAL_RUN = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:(?:al|el|ad|ar|as|ash|at|az|an|de|la|bin|abu|um)\s+)?[A-Z][\w'’-]+){0,3}")


_NOT_PLACES = {"east", "west", "north", "south", "central", "centre", "center", "middle", "africa", "asia", "europe",
               "america", "media", "news", "press", "agency", "online", "radio", "monitoring", "forces", "army", "police",
               "government", "state", "islamic", "national", "february", "march", "april", "june", "july", "august"}


def respellings(name: str) -> list[str]:
    """Spellings of a short transliterated name that differ by a doubled vowel or a final a/h
    (the ayn and ta marbuta): 'Rada'a' and 'Rada'', 'Shada' and 'Shada'a'. Long names are left
    to the consonant skeleton."""
    k = name_key(name)
    if len(k) < 4 or " " in k:
        return []
    out = [re.sub(r"([aeiou])\1", r"\1", k), k + "a", k + "h", k[:-1] if k.endswith("h") else k,
           k.replace("ee", "i").replace("oo", "u").replace("ou", "u")]  # "Heet" for Hit
    return [v for v in dict.fromkeys(out) if v != k]


def _similarity(a: str, b: str) -> float:
    """How alike two spellings are, leaving out a leading Arabic article ("Mansoura", "Al Mansurah")."""
    a, b = (LEADING_ARTICLE.sub("", name_key(x)) for x in (a, b))
    if len(a) >= 5 and f" {a} " in f" {b} ":
        return 1.0  # "Murghab" in "Bala Murghab" (Upper Murghab)
    return SequenceMatcher(None, a, b).ratio()


_QUALIFIERS = {"western", "eastern", "northern", "southern", "central", "upper", "lower", "greater", "new", "old",
               "north", "south", "east", "west", "middle", "inner", "outer", "rural", "city", "town"}


def big_place_country(cands: list[Place], ratio: float = 20) -> str | None:
    """The country a name points to by itself: its biggest bearer (50,000 people or
    more) is ``ratio`` times bigger than any namesake in another country."""
    if not cands:
        return None
    top = max(cands, key=lambda p: p.population)
    second = max((p.population for p in cands if p.iso2 != top.iso2), default=0)
    return top.iso2 if top.population >= 50000 and top.population > ratio * max(1, second) else None


def country_evidence(text: str, gazetteer: Gazetteer) -> Counter:
    """Which countries a text is about, from what it says alone: country names (1),
    demonyms (0.5), and places whose name points to one country (a big town or a
    province: 1). Normalised to sum to 1 (empty when nothing points anywhere)."""
    names = gazetteer.country_names()
    ev: Counter = Counter()
    for m in _CAPITAL_RUN.finditer(text[:4000]):
        run = m.group(0)
        hit = names.get(name_key(run))
        if hit:
            ev[hit[0]] += 1 if hit[1] == "name" else 0.5
            continue
        words = [w for w in run.split() if w.lower() not in STOP_WORDS and w.lower() not in _NOT_PLACES
                 and not is_acronym(w)]
        if not words:
            continue
        for w in dict.fromkeys([" ".join(words), *words]):
            if len(w) < 4:
                continue
            cands = [p for p in gazetteer.lookup(w) if p.level != "country"]
            if not cands:
                continue
            iso = big_place_country(cands, 4)
            areas = {p.iso2 for p in cands if p.level == "admin1"}
            if iso:
                ev[iso] += 1
            elif len(areas) == 1 and not any(p.population > 50000 for p in cands if p.iso2 not in areas):
                ev[next(iter(areas))] += 1
            break
    total = sum(ev.values())
    return Counter({k: v / total for k, v in ev.items()}) if total else Counter()


def corpus_countries(texts: Iterable[str], gazetteer: Gazetteer, min_share: float = 0.05) -> dict[str, float]:
    """The countries a collection of texts is about: each text's ``country_evidence``
    summed, as shares. Used as a weak prior for texts that name no country
    ("regime forces shelled Mansoura"): ACLED's notes, wire feeds about one conflict."""
    total: Counter = Counter()
    for t in texts:
        total.update(country_evidence(t, gazetteer))
    n = sum(total.values())
    if not n:
        return {}
    return {k: round(v / n, 4) for k, v in total.most_common() if v / n >= min_share}


def country_prior(spec: str | None, texts: Iterable[str], gazetteer: Gazetteer) -> dict[str, float]:
    """The ``--country`` option: "auto" (default: ``corpus_countries`` of the texts),
    "none", or countries as ISO codes or names, comma-separated ("SY", "Iraq,TR")."""
    spec = (spec or "auto").strip()
    if spec.lower() == "auto":
        return corpus_countries(texts, gazetteer)
    if spec.lower() == "none":
        return {}
    from .errors import ConfigError

    names = gazetteer.country_names()
    out = []
    for part in filter(None, (x.strip() for x in spec.split(","))):
        c = gazetteer.country(part.upper()) if len(part) == 2 else None
        iso = c.iso2 if c else (names.get(name_key(part)) or (None,))[0]
        if iso is None and len(part) == 3:
            iso = gazetteer.iso2_of(part.upper())
        if iso is None:
            raise ConfigError(f"unknown country {part!r} in --country; give ISO codes (SY, IRQ) or names "
                              "(Syria), comma-separated, or 'auto' or 'none'")
        out.append(iso)
    return {iso: round(1 / len(out), 4) for iso in dict.fromkeys(out)}


class PlaceResolver:
    """Resolve place mentions of one article; keeps the article's context.

    ``prior``: country shares for the collection the article comes from (from
    ``corpus_countries`` or the user's ``--country``); weaker than anything the
    article itself says."""

    def __init__(self, gazetteer: Gazetteer, excluded_spans=(), prior: dict[str, float] | None = None):
        self.gaz = gazetteer
        self.prior = dict(prior or {})
        self.named: Counter = Counter()  # countries named in the text itself
        self.countries: Counter = Counter()  # soft context (names, demonyms, places): for scoring
        self.hard: Counter = Counter()  # countries named as such: places elsewhere must be big to win
        self.resolved: list[Place] = []
        self.towns: Counter = Counter()  # mentions of each town in sentences before the current one
        self.excluded = list(excluded_spans)  # spans of named actors ("Derna Mujahideen Shura Council")
        self.country_names = gazetteer.country_names()
        self._sentence_keys: set[str] = set()

    # -- context -------------------------------------------------------------
    def scan_countries(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, iso2, kind) of country names and demonyms in text."""
        out = []
        for m in re.finditer(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3}", text):
            words = m.group(0).split()
            for n in range(len(words), 0, -1):
                for i in range(0, len(words) - n + 1):
                    cand = " ".join(words[i:i + n]).rstrip(".")
                    hit = self.country_names.get(name_key(cand))
                    if hit:
                        s = m.start() + m.group(0).find(cand)
                        if not any(a <= s < b for a, b, *_ in out):
                            out.append((s, s + len(cand), hit[0], hit[1]))
        return out

    def add_context(self, text: str) -> None:
        for s, e, iso2, kind in self.scan_countries(text):
            if kind == "name" and (ACTOR_AFTER_NAME.match(text, e) or SIDE_BEFORE.search(text[max(0, s - 5):s])
                                   or PEOPLE_FROM.search(text[max(0, s - 120):s])):
                kind = "demonym"  # "US forces", "Iran-backed militias", "pro-Turkey factions" say who acts, not where
            self.countries[iso2] += 1 if kind == "name" else 0.5
            if kind == "name":
                self.hard[iso2] += 1
                self.named[iso2] += 1

    def discount_names(self, text: str) -> None:
        """Take back what ``add_context`` counted for country names inside ``text`` (a group's own
        name, "Tehrik-e Taliban Pakistan"): they say who acts, as a demonym does, not where."""
        for _, _, iso2, kind in self.scan_countries(text):
            if kind == "name" and self.named.get(iso2):
                self.hard[iso2] -= 1
                self.named[iso2] -= 1
                self.countries[iso2] -= 0.5
        for c in (self.hard, self.named, self.countries):
            for k in [k for k, v in c.items() if v <= 0]:
                del c[k]

    def dominant_country(self) -> str | None:
        return self.countries.most_common(1)[0][0] if self.countries else None

    def fallback_country(self) -> str | None:
        """Where an event with no resolvable place happened: a country the text names,
        else the collection's main country, else whatever the actors' countries say
        ("Russian warplanes struck Bazabur": a Syrian village, not Russia)."""
        if self.named:
            return self.named.most_common(1)[0][0]
        if self.prior:
            top, share = max(self.prior.items(), key=lambda kv: kv[1])
            if share >= 0.3:
                return top
        return self.dominant_country()

    # -- candidates ------------------------------------------------------------
    def _runs(self, span):
        """Proper-noun runs of a spaCy sentence span: (start_char, end_char, text, ent_label)."""
        toks = list(span)
        i = 0
        while i < len(toks):
            t = toks[i]
            cap = t.text[:1].isupper() and (t.is_alpha or bool(_WORDLIKE.fullmatch(t.text)))  # "Ras-al-Ain", "Dar'a"
            article_start = (t.lower_ in CONNECT and t.text[:1].isupper() and i + 1 < len(toks)
                             and (toks[i + 1].text[:1].isupper() or (toks[i + 1].text == "-" and i + 2 < len(toks)
                                                                      and toks[i + 2].text[:1].isupper())))
            if article_start or (cap and (t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC") or not t.is_sent_start)
                    and t.lower_ not in TITLES and not t.is_stop and t.pos_ not in ("DET", "PRON")
                    and t.ent_type_ not in ("CARDINAL", "ORDINAL", "MONEY", "PERCENT")
                    # the small model tags some towns DATE ("in Taizz."): a date's own words are not towns
                    and not (t.ent_type_ in ("DATE", "TIME") and (t.text in DATE_WORDS or not t.is_alpha))
                    and t.text not in MONTHS):
                j = i
                while j + 1 < len(toks) and (
                        (toks[j + 1].text[:1].isupper() and (toks[j + 1].is_alpha or bool(_WORDLIKE.fullmatch(toks[j + 1].text))))
                        or (toks[j + 1].idx == toks[j].idx + len(toks[j].text)  # "Dar'a", "Ma’arrat": one word
                            and re.fullmatch(r"['’‘`][a-z]+", toks[j + 1].text))
                        or (toks[j + 1].lower_ in CONNECT and j + 2 < len(toks) and toks[j + 2].text[:1].isupper())
                        or (toks[j + 1].lower_ in CONNECT and j + 3 < len(toks) and toks[j + 2].lower_ in CONNECT
                            and toks[j + 3].text[:1].isupper())  # "San Cristobal de las Casas"
                        or (toks[j + 1].lower_ in CONNECT and j + 3 < len(toks) and toks[j + 2].text == "-"
                            and toks[j + 3].text[:1].isupper())
                        or (toks[j + 1].text == "-" and j + 2 < len(toks))):
                    j += 1
                first, last = toks[i], toks[j]
                while j > i and ((last.lower_ in CONNECT and last.text.islower()) or last.text == "-"):
                    j -= 1
                    last = toks[j]
                text = span.doc.text[first.idx:last.idx + len(last.text)]
                if text.endswith("'s"):
                    text = text[:-2]
                yield first.idx, first.idx + len(text), text, first.ent_type_
                i = max(j + 1, i + 1)
            else:
                i += 1

    def _score(self, p: Place, name: str, context: str, town_ccs: frozenset = frozenset()) -> float:
        s = math.log10(p.population + 10)
        total = sum(self.countries.values())
        if total:
            s += 6 * self.countries.get(p.iso2, 0) / total + (2 if self.countries.get(p.iso2) else -4)
        s += 3 * self.prior.get(p.iso2, 0)
        if self.resolved:
            d = min(haversine_km(p, r) for r in self.resolved[-10:])
            s += 3 if d < 100 else 1.5 if d < 300 else 0
        if re.search(r"\b(province|governorate|state|region)\b", context, re.I):
            s += 3 if p.level == "admin1" else 0
        elif re.search(r"\b(district|municipality|county)\b(?!\s+(?:admini?strat\w+\s+)?cent(?:er|re))", context, re.I):
            s += 3 if p.level == "admin2" else 0  # "Nihm district", but "Burka district center" is the town
        else:
            if p.level == "admin2":
                s -= 2  # a bare name is a town before it is a district
            if p.level in ("admin1", "admin2") and (p.iso2, p.admin1_code) in town_ccs:
                s -= 1.5 + math.log10(max(1, p.population)) / 2  # "Kandahar": the city, not the province
        if p.feature_class == "P":
            s += 0.5
        if p.level == "place" and self._province_named(p):
            s += 5  # "Qarabagh district Ghazni": the Qarabagh in Ghazni
        if name_key(p.name) == name_key(name):
            s += 1  # "Cancun" is Cancún, not Changchun (which has "Cancun" among its alternate names)
        return s

    def _province_named(self, p: Place) -> bool:
        """The sentence names the province the place is in ("Qarabagh district Ghazni")."""
        return bool(p.admin1 and p.level != "admin1"
                    and self._sentence_keys & {name_key(p.admin1), name_key(short_admin_name(p.admin1))})

    def _strong_countries(self) -> list[str]:
        """Countries the text names or whose big places it mentions; else the collection's main one."""
        if self.hard:
            return [c for c, _ in self.hard.most_common(3)]
        return self._prior_top(1)

    def _prior_top(self, n: int) -> list[str]:
        """The collection's n most frequent countries."""
        return sorted(self.prior, key=self.prior.get, reverse=True)[:n]

    def _focus_countries(self) -> list[str]:
        """Where spelling variants are looked for: the text's countries, then the collection's."""
        return list(dict.fromkeys([c for c, _ in self.hard.most_common(2)] + [c for c, _ in self.countries.most_common(2)]
                                  + self._prior_top(2)))

    def best(self, name: str, context: str = "") -> Place | None:
        cands = [p for p in self.gaz.lookup(name) if p.level != "country"]
        strong = self._strong_countries()
        if strong and context.startswith(name) and VILLAGE_AFTER.match(context, len(name)):
            cands = [p for p in cands if p.iso2 in strong]  # "Mataram village": not the Indonesian city
        if cands and strong and not any(p.iso2 in strong for p in cands):
            # "Mansoura" with Aleppo in the text: Al Mansurah in Syria, not the Egyptian city
            variants = [p for p in self.gaz.lookup_variant(name, strong) if p.level != "country"
                        and self._spelled_like(name, p) >= 0.75]
            if variants:
                cands = variants
        if not cands:
            base = GENERIC_TAIL.sub("", name)
            if base != name and len(base) > 2 and not STREET_TAIL.search(name):
                # (but "Haifa Street" in Baghdad, "Raju Street" in Afrin: a street named after a town is not in it)
                return self.best(base, context)
            if self.countries or self.prior:  # a spelling variant, only inside the article's countries
                cands = [p for p in self.gaz.lookup_variant(name, self._focus_countries()) if p.level != "country"
                         and self._spelled_like(name, p) >= 0.7]
            if not cands and (self.countries or self.prior):  # "Rada'a" for Rada', "Shada" for Shada'a
                focus = set(self._focus_countries())
                cands = [p for v in respellings(name) for p in self.gaz.lookup(v) if p.iso2 in focus
                         and p.level in ("admin1", "admin2")]  # districts: towns so spelled are often other towns
            if not cands and " wa " in name:  # "Tala wa Bafrak" (Tala wa Barfak): the first name of the pair
                return self.best(name.split(" wa ")[0], context)
            if not cands:  # "Dar'a" for Daraa, "Ar-Raqqa" for Ar Raqqah
                cands = self._areas_like(name, self._focus_countries(), 0.85)
            if not cands:
                return None
        in_hard = [p for p in cands if p.iso2 in self.hard]
        in_soft = [p for p in cands if p.iso2 in self.countries]
        in_prior = [p for p in cands if p.iso2 in self.prior]
        pool = in_hard or in_soft or in_prior or cands
        # namesake towns ("Kandahar" the city), by their own name: "Chiapas" is an alternate name of Chiapa de Corzo
        towns = frozenset((p.iso2, p.admin1_code) for p in cands if p.level == "place" and _similarity(name, p.name) >= 0.8)
        scored = sorted(((self._score(p, name, context, towns), -i, p) for i, p in enumerate(pool)), reverse=True)
        score, _, p = scored[0]
        if strong and p.iso2 not in strong and (p.population < 100000 or p.level == "admin2" or _similarity(name, p.name) < 0.55
                                                or (len(name_key(name)) <= 3 and name_key(name) != name_key(p.name))) \
                and not (self.prior.get(p.iso2, 0) >= 0.2
                         and ((not self.named and p in self.gaz.lookup(name)) or self._province_named(p))):
            # (unless the collection is about that country too and the text names none: "Turkish drones
            # struck near Sinjar" in a collection about Turkey and Iraq; or the sentence names its province:
            # "Ayvacik district of Canakkale" in a text that names Greece)
            return None  # a small namesake or a district abroad ("Nayrab" with Idlib in the text is not Nyrob, Russia)
        if not (in_hard or in_soft or in_prior):
            if self.named and p.population < 100000:  # a country named, not only a demonym ("US forces ... in Marib")
                return None
            if not self.countries and p.population < 1000 and len(cands) > 1:
                return None
            if self.countries and p.population < 20000 and p.level != "admin1":
                return None  # "Al Safra district" in a text about Yemen is not Zafra, Spain
        return p

    def _named_parent(self, after: str) -> Place | None:
        """The province (or big town) named right after a place: "in Hama countryside", "district Badghis",
        ", Idlib"; None when there is none or it is ambiguous."""
        m = PARENT_AFTER.match(after) or IN_PARENT.match(after) or COMMA_PARENT.match(after)
        if not m:
            return None
        focus = set(self._focus_countries())
        found = [p for p in self.gaz.lookup(m.group(m.lastindex)) if p.iso2 in focus]
        areas = {(p.iso2, p.admin1_code): p for p in found if p.level == "admin1"} \
            or {(p.iso2, p.admin1_code): p for p in found if p.level == "place" and p.population >= 100000}
        return next(iter(areas.values())) if len(areas) == 1 else None

    def _alike_inside(self, name: str, parent: Place | None) -> Place | None:
        """An unknown name spelled like a place of the province named after it ("Ziyara in Hama
        countryside": Az Ziyarah; "Ein Issa, Ar-Raqqa": Ayn Isa): that place, the closest spelling first."""
        if parent is None or not parent.admin1_code or any(p.iso2 == parent.iso2 for p in self.gaz.lookup(name)):
            return None  # (a town of that country by its own name that best() set aside was set aside for a reason)
        sk = skeleton(name, shortest=1)  # the same consonants: "Andan" is not Banan, nor "Maharim" Harim
        alike = [p for p in self.gaz.lookup_similar(name, (parent.iso2,), SIMILAR_SPELLING)
                 if p.level in ("place", "admin2") and p.admin1_code == parent.admin1_code
                 and any(skeleton(k, k, shortest=1) == sk for k in (name_key(p.name), *self.gaz.name_keys_of(p)))]
        return alike[0] if alike else None

    def _spelled_like(self, name: str, p: Place) -> float:
        """How alike ``name`` is to the closest of the place's names ("Nahri Saraj" is an
        alternate name of Gereshk)."""
        own = _similarity(name, p.name)
        alternate = max((_similarity(name, n) for n in self.gaz.name_keys_of(p)), default=0)
        return max(own, alternate - 0.15)  # an alternate name must be spelled closer than the place's own

    def _within_parent(self, name: str, place: Place, after: str) -> Place | None:
        """'Muqur district Badghis', 'Qala-i-Naw area of Charikar city Parwan', 'Talukan area of
        Panjwaye district Kandahar', 'Shuqrah (Abyan)': the first parent that follows and that the gazetteer knows (a
        province, else a town) says which one is meant; a namesake elsewhere is not it (None: an
        unknown place, placed later at its parent)."""
        strong = self._strong_countries()
        for _ in range(2):  # the parent, or the parent's parent when the first is unknown
            m = PARENT_AFTER.match(after) or PAREN_PARENT.match(after)
            in_parent = m is None
            if in_parent:  # "Maadan in Ar-Raqqa countryside": only a province or a big city says it
                m = IN_PARENT.match(after) or COMMA_PARENT.match(after)
                if not m:
                    return place
            g = m.lastindex  # the parent's name
            parent, end = m.group(g), m.end(g)
            found = [p for p in self.gaz.lookup(parent) if p.level != "country"]
            longer = LONGER_NAME.match(after, end) if not found and m.re is not PAREN_PARENT else None
            if longer and not (UNIT_AFTER.match(after, longer.end()) or OPEN_BRACKET.match(after, longer.end())):
                longer = None  # (only a district's or province's name: "of Tarnak Wa Jaldak (Shahr-e-Safa) district")
            whole = self.best(parent + longer.group(0), "district") if longer else None
            if whole is not None:  # "Rabat area of Tarnak Wa Jaldak district": a three-word parent
                parent, end, found = parent + longer.group(0), longer.end(), [whole]
            is_district = bool(DISTRICT_AFTER.match(after, end))
            after = after[end:]
            if not found:  # "Ghaziabad district, Kunar": a province spelled otherwise (Konar) in another country
                area = self.best(parent, "province")
                if area is not None and area.level == "admin1" and area.iso2 != place.iso2:
                    return None
            if found and all(p.iso2 != place.iso2 for p in found):
                return None  # "Sharija area of Shahrak district": Shahrak is Afghan, so this is not Sharjah
            seats = [p for p in found if p.level in ("place", "admin2") and p.iso2 == place.iso2]
            if is_district and seats:
                # "Maarata in Afrin district": the district named after its town holds the place (same
                # admin2 code where the gazetteer has them, else within 25 km of the town)
                def within(p: Place) -> bool:
                    return any((p.admin2_code and d.admin2_code and (p.admin1_code, p.admin2_code) == (d.admin1_code, d.admin2_code))
                               or haversine_km(p, d) < 25 for d in seats)
                if not within(place):
                    return self._biggest_namesake(name, place.iso2, within)
            areas = [p for p in found if p.level == "admin1"]
            areas = [p for p in areas if p.iso2 in strong] or areas
            if not areas:  # "Charikar city": a town, which says its province
                towns = [p for p in found if p.level == "place" and p.iso2 == place.iso2
                         and (not in_parent or p.population >= 100000)]
                areas = list({(p.iso2, p.admin1_code): p for p in towns}.values())
            if not areas:
                continue
            if len(areas) != 1 or any((a.iso2, a.admin1_code) == (place.iso2, place.admin1_code) for a in areas):
                return place
            area = areas[0]
            # (or just across its border, near its seat: "Dana in Aleppo" is Ad Dana, Idlib, 35 km from Aleppo)
            return self._biggest_namesake(name, area.iso2, lambda p: (p.iso2, p.admin1_code) == (area.iso2, area.admin1_code)
                                          or (p.iso2 == area.iso2 and haversine_km(p, area) < BORDER_KM))
        return place

    def _biggest_namesake(self, name: str, iso2: str, inside) -> Place | None:
        """The biggest town of that name (or a spelling variant in ``iso2``) for which ``inside`` holds; else
        a district of that name there ("Qarabagh district, Kabul": Kabul's Qarah Bagh is a district, the town
        of that name is in Herat)."""
        named = [p for p in (*self.gaz.lookup(name), *self.gaz.lookup_variant(name, [iso2])) if inside(p)]
        found = [p for p in named if p.level == "place"] or [p for p in named if p.level == "admin2"]
        return max(found, key=lambda p: p.population) if found else None

    def _areas_like(self, name: str, countries: list[str], threshold: float) -> list[Place]:
        """Provinces of these countries whose name is spelled close to ``name``."""
        return [a for c in countries for a in self.gaz.areas(c) if _similarity(name, short_admin_name(a.name)) >= threshold]

    def _split_parent(self, name: str) -> tuple[str, Place | None, tuple[str, Place]] | None:
        """A run that ends in a province, country or big-city name: (town, the town inside that
        area or None when the gazetteer lacks it, (area text, area)). None when no tail is an area.
        A split whose town is found inside its area wins; then the longest area name."""
        words = name.split()
        strong = self._strong_countries()
        # named, big places, the collection's, the sides' ("Houthi forces ... in Bayt Kulab": not Kulob, Tajikistan)
        sure = set(strong) | set(self._prior_top(2)) or set(self.countries)
        focus = self._focus_countries() or list(dict.fromkeys(
            p.iso2 for k in range(1, len(words)) for p in self.gaz.lookup(" ".join(words[:k])) if p.population >= 1000))[:3]
        splits = []
        for k in range(1, len(words)):
            head, tail = " ".join(words[:k]), " ".join(words[k:])
            if len(head) < 3 or name_key(head) in self.country_names:
                continue
            hit = self.country_names.get(name_key(tail))
            found = self.gaz.lookup(tail)
            areas = [self.gaz.country(hit[0])] if hit and hit[1] == "name" and self.gaz.country(hit[0]) else [
                p for p in found if p.level == "admin1"]
            if not areas:  # "Hiraan" for Hiiraan, "Lower Shabelle" for Lower Shabeelle
                areas = self._areas_like(tail, focus, 0.8)
            if not areas:  # "Qandil Erbil": a city standing for its province
                areas = [p for p in found if p.level == "place" and p.population >= 100000]
            if sure:  # "Baghlani Jadid" in Afghanistan is not a town in El Jadida, Morocco
                areas = [p for p in areas if p.iso2 in sure]
            areas = [p for p in areas if p.iso2 in strong] or areas
            for area in areas:
                town_text, town = head, self._town_inside(head, area)
                compass = COMPASS_TAIL.search(head)
                if town is None and compass and compass.start() > 0:
                    # "Erbil Northern Iraq": the compass word goes with the area, the town is before it
                    before_compass = self._town_inside(head[:compass.start()], area)
                    if before_compass is not None:
                        town_text, town = head[:compass.start()], before_compass
                splits.append((town is not None, -k, area.population, (town_text, town, (tail, area))))
        return max(splits, key=lambda x: x[:3])[3] if splits else None

    def _town_inside(self, name: str, area: Place) -> Place | None:
        """The town or district of that name inside the area (a country or a province), the biggest."""
        inside = [p for p in (*self.gaz.lookup(name), *self.gaz.lookup_variant(name, [area.iso2]))
                  if p.level in ("place", "admin2") and p.iso2 == area.iso2
                  and (area.level == "country" or p.admin1_code == area.admin1_code)]
        return max(inside, key=lambda p: (p.level == "place", p.population)) if inside else None

    def _split_of(self, run, text: str = ""):
        """'Hamam of Shindand', 'Arab Aqsai of Qaysar': a name the gazetteer lacks, joined by 'of' to
        the place it lies in, is two runs (a village, then its district or town). 'Mexico-Puebla
        highway', 'Kabul-Jalalabad road': a road named after the towns at its ends is a run for each."""
        s, e, name, label = run
        if "-" in name and ROAD_AFTER.match(text, e) and not self.gaz.lookup(name):
            parts = [(m.start(), m.end()) for m in re.finditer(r"[^-]+", name)]
            if len(parts) == 2 and all(b - a >= 3 for a, b in parts):
                return [(s + a, s + b, name[a:b], label) for a, b in parts]
        if " of " not in name or self.gaz.lookup(name):
            return [run]
        head, tail = name.split(" of ", 1)
        if len(head) < 3 or len(tail) < 3 or not tail[:1].isupper():
            return [run]
        return [(s, s + len(head), head, label), (e - len(tail), e, tail, "GPE" if self.gaz.lookup(tail) else label)]

    def _keep_to_anchors(self, out: list[PlaceMention]) -> list[PlaceMention]:
        """'Nabul in the countryside of Aleppo': a province or big city named in the sentence says
        which country its small towns are in; a namesake town abroad (Nabeul, Tunisia) becomes an
        unknown place, placed later at that province."""
        anchors = {m.place.iso2 for m in out if m.place is not None and (
            m.place.level in ("admin1", "country") or m.place.population >= 200000)}
        if not anchors:
            return out
        provinces = {(m.place.iso2, m.place.admin1_code) for m in out if m.place is not None and m.place.level == "admin1"}
        province_countries = {c for c, _ in provinces}
        kept = []
        for m in out:
            if m.place is None or m.place.level not in ("place", "admin2"):
                kept.append(m)
                continue
            # (a big city abroad only by its own name: "San town in Idleb" is not San Diego, whose
            # alternate names include "San"; but "Ayvacik district of Canakkale ... to Greece" is in Canakkale)
            abroad = m.place.iso2 not in anchors \
                and (m.place.population < 500000 or name_key(m.place.name) != name_key(m.text)) \
                and not self._province_named(m.place)
            # a spelling variant outside every province the sentence names: "Salabah" read as a
            # town three provinces away, where the sentence says the village is in Al Bayda
            off_province = m.place.iso2 in province_countries and (m.place.iso2, m.place.admin1_code) not in provinces \
                and m.place not in self.gaz.lookup(m.text)
            if abroad or off_province:
                if m.place in self.resolved:
                    self.resolved.remove(m.place)
                m = PlaceMention(m.text, m.start, m.end, None, 2, m.near, m.anaphor)
            kept.append(m)
        return kept

    def _parents(self, text: str, end: int, limit: int, base: int, iso2: str | None = None) -> list[PlaceMention]:
        """The parent area in the parenthesis after a place name (see ``_paren_parent``), as a mention;
        with ``iso2``, only a place in that country ("in western Yemen (Sirwah Marib)")."""
        found = self._paren_parent(text, end, limit)
        if found is None or (iso2 is not None and found[2].iso2 != iso2):
            return []
        cand, s, place = found
        self.resolved.append(place)
        return [PlaceMention(cand, s + base, s + len(cand) + base, place, 2 if place.level == "place" else 3, True)]

    def _paren_parent(self, text: str, end: int, limit: int) -> tuple[str, int, Place] | None:
        """'Ramla (Tripoli Tripoli)', 'Ayn Zarah (Aljfara)', 'Bani Hassan area (Abs Hajjah)': the parenthesis names
        the parent area, or the district's town and its province (then the town, which lies nearer):
        (its text, its offset, the place), or None."""
        m = re.match(r"(?:\s+(?:area|areas|city|town|village|villages|district|directorate|region|neighbou?rhood|camp|fronts?|frontlines?|"
                     r"axis|valley|mountains?|hills?|road|junction|market|port|coast|island|checkpoint|military|site|base|"
                     r"park|farms?|bridge|crossing)){0,2}\s*[(\[]([A-Z][\w'’ -]+)[)\]]",
                     text[end:limit])
        if not m:
            return None
        inner = m.group(1).strip()
        words = inner.split()
        half = " ".join(words[: len(words) // 2]) if len(words) % 2 == 0 and words[: len(words) // 2] == words[len(words) // 2:] else None
        split = self._split_parent(inner) if len(words) > 1 and half is None and not self.gaz.lookup(inner) else None
        # "(Abs Hajjah)": Abs, the town found inside Hajjah, then Hajjah
        found = {name: place for name, place in (split[:2], split[2]) if place is not None} if split else {}
        for cand in [inner, half, *found, words[0] if words else None, " ".join(words[len(words) // 2:]) if len(words) > 1 else None]:
            if not cand or (cand != inner and cand.lower() in _QUALIFIERS):
                continue  # "Abu Isa (Western Az Zawiyah)": "Western" alone is no parent
            place = found.get(cand) or self.best(cand, "province")
            if place is not None and place.level != "admin1" and PARENT_AFTER.match(text, end + m.end(), limit):
                # "Dehrawud (Muqur) district, Helmand": the other name of a district lies in the province after it
                place = self._within_parent(cand, place, text[end + m.end():limit])
            if place is not None and (cand == inner or cand in found or place.level == "admin1" or place in self.gaz.lookup(cand)):
                # (a word of the parenthesis by its own name, not a spelling variant: "Turt Kul (Tor Kotal)"
                # is not Kotowal)
                return cand, end + m.start(1) + inner.find(cand), place
        return None

    def mentions(self, span, base: int = 0) -> list[PlaceMention]:
        """Place mentions in a spaCy sentence span (offsets are article offsets)."""
        text = span.doc.text
        out: list[PlaceMention] = []
        countries = {(s, e): iso for s, e, iso, kind in self.scan_countries(span.text) if kind == "name"}
        for (s, e), iso in countries.items():
            inside = self._parents(text, span.start_char + e, span.end_char, base, iso) \
                if IN_COUNTRY_PART.search(span.text[max(0, s - 30):s]) else []
            if inside:  # "Al Mashjah area in western Yemen (Sirwah Marib)": the bracket says where in the country
                out.extend(inside)
                continue
            if not STRONG_LOCATIVE.search(span.text[max(0, s - 30):s]) and not re.match(r"\s*[,.]?\s*$", span.text[e:e + 2]):
                continue
            if ACTOR_AFTER_NAME.match(span.text, e) or PEOPLE_FROM.search(span.text[max(0, s - 120):s]):
                continue  # "near the US embassy", "migrants from Afghanistan": who, not where
            nxt = re.match(r" ([A-Z][\w'’-]+)", span.text[e:])
            if nxt and any(p.level == "place" for p in self.gaz.lookup(span.text[s:e] + nxt.group(0))):
                continue  # "Mexico City", "Kuwait City": a town named after its country
            c = self.gaz.country(iso)
            if c:
                out.append(PlaceMention(span.text[s:e], span.start_char + s + base, span.start_char + e + base, c, 3))
        runs = list(self._runs(span))
        self._sentence_keys = {name_key(GENERIC_TAIL.sub("", r[2])) for r in runs}
        # big places say where; demonyms ("Russian warplanes") only say who acts
        runs = [r for r in runs if not (INSTITUTION_AFTER.match(text, r[1])
                                        and not STRONG_LOCATIVE.search(text[max(span.start_char, r[0] - 30):r[0]]))]
        for s, e, name, _ in runs:
            if is_acronym(name):
                continue  # "PKK" is also an airport code in GeoNames' alternate names
            if VILLAGE_AFTER.match(text[e:e + 12]) or VILLAGE_OF.search(text[max(span.start_char, s - 30):s]):
                continue  # "Mataram village", "a village in Sohar": a locality names no big city
            found = self.gaz.lookup(name)
            iso = big_place_country(found)
            if iso and (self.countries or self.prior) and iso not in self.countries and iso not in self.prior \
                    and (UNIT_AFTER.match(text, e) or _similarity(name, max(found, key=lambda p: p.population).name) < 0.55
                         or len(name_key(name)) <= 3
                         or any(p.iso2 in self.countries or p.iso2 in self.prior for p in found)):
                # "Ghaziabad district, Kunar" in a text about Afghanistan: a district, not the Indian city;
                # "Hushan" in a text about Syria: an old name of Cixi, China, is no hint that the text is about China;
                # nor "Ham" (an alternate name of Hamburg), nor "Al Aqabah" in a text about Yemen, which has one
                continue
            if iso:
                self.countries[iso] += 0.5
                self.hard[iso] += 0.5
        runs = [part for r in runs for part in self._split_of(r, text)]
        chain_end = None  # where the last run read as an unknown place ended
        for s, e, name, label in runs:
            if any(a <= s + base < b or s + base <= a < e + base for a, b in self.excluded):
                continue
            if any(m.start <= s + base < m.end for m in out):
                continue
            if name_key(name) in self.country_names:
                continue
            if QUARTER_OF.match(text, e):
                continue
            if SQUARE_AFTER.match(text, e):
                continue  # "in Gundogdu square Izmir": a square named Gundogdu, in Izmir; not the town in Antalya
            if is_acronym(name):
                continue
            if SIDE_BEFORE.search(text[max(span.start_char, s - 6):s]):
                continue  # "pro-Hadi forces", "anti-Assad protesters": a side, not a place
            before = text[max(span.start_char, s - 60):s]
            unit_after = bool(UNIT_AFTER.match(text, e))  # "... killed 1 militant Shah Joy district Zabul"
            unit_before = bool(UNIT_BEFORE.search(before))  # "Jawand district Farah": Farah is the province
            office = OFFICE_TAIL.search(name)
            if office and office.start() > 0:  # "Hakkari Governorship": the province the authority runs
                name, e, unit_after = name[:office.start()], s + office.start(), True
            kind = POLICE_KIND_TAIL.search(name)
            if kind and kind.start() > 0 and POLICE_AFTER.match(text, e):
                name, e = name[:kind.start()], s + kind.start()
            chained = chain_end is not None and bool(CHAIN_COMMA.fullmatch(text, chain_end, s)) \
                and bool(CHAIN_END.match(text, e, span.end_char))
            locative = bool(LOCATIVE.search(before) or OBJECT_OF.search(before) or unit_before) \
                or label in ("GPE", "LOC", "FAC") or unit_after or chained
            chain_end = None
            split = _UNSPLIT
            if label == "PERSON" and not unit_after and not chained and not STRONG_LOCATIVE.search(before) and not unit_before \
                    and not OBJECT_OF.search(before) and not (LOCATIVE.search(before) and self._paren_parent(text, e, span.end_char)):
                # (but "in western Sirwah (Sirwah Marib)": a name with its district and province after it is a place)
                if not LOCATIVE.search(before):
                    continue  # a person, unless a locative word comes before a city that big ("over Abha")
                if not any(p.level == "place" and p.population >= 100000 for p in self.gaz.lookup(name)):
                    split = self._split_parent(name) if " " in name else None  # ... or a town in its province
                    if split is None or (split[1] is None and split[2][1].level != "admin1"):
                        continue  # (a town the gazetteer lacks, then its province: "in central Beyoglu Istanbul")
            if not locative and label not in ("ORG", "NORP", ""):
                continue
            context = text[s:min(span.end_char, e + 30)]
            if unit_before and not unit_after:
                context += " (province)"  # "Charbolak districts Balkh": Balkh the province, not its town
            place = whole = self.best(name, context)
            if place is not None and VILLAGE_OF.search(before) and place.iso2 not in self._strong_countries():
                place = None  # "a village in Sohar" in a text about Yemen: a locality there, not the city in Oman
            if place is not None and place.level in ("place", "admin2"):  # "Baharak district Takhar": not Badakhshan's
                # ("Sayyad (Saydabad) district Sar-e Pol": a name in brackets is checked against the parent after them)
                place = self._within_parent(name, place, text[e + (text[e:e + 1] in (")", "]")):span.end_char])
            near = bool(NEAR.search(before))
            after = text[e:span.end_char]
            if place is None and locative:
                chain_end = e  # an unknown place: the name after its comma may be where it lies
            if place is None and (locative or label in ("GPE", "LOC")) and not PARENT_AFTER.match(after) \
                    and not OPEN_BRACKET.match(after) and not QUARTER_BEFORE.match(name) \
                    and (whole is None or not COMMA_PARENT.match(after)):
                # (a known name its parent after the comma rules out stays whole: "Benito Juarez, Quintana Roo"
                # is not a Benito in Ciudad Juarez)
                split = self._split_parent(name) if split is _UNSPLIT else split
                words = name.split()
                if (split is None or split[1] is None) and len(words) >= 3:
                    # "in Celaya Guanajuato Armed men ...": the run goes on past the province; a town found
                    # inside a province, with the words after them dropped, is the place
                    for k in range(len(words) - 1, 1, -1):
                        head_run = " ".join(words[:k])
                        shorter = self._split_parent(head_run)
                        if shorter is not None and shorter[1] is not None:
                            name, e, split = head_run, s + len(head_run), shorter
                            break
            else:
                split = None
            if split:  # "Tijuana Baja California", "Celaya Guanajuato": a town and its province, comma lost
                head, head_place, area = split
                he, ts = s + len(head), s + name.index(area[0], len(head))
                if head_place is not None:
                    self.resolved.append(head_place)
                out.append(PlaceMention(head, s + base, he + base, head_place, 2 if near else 1, near))
                if not any(m.start <= ts + base < m.end for m in out):  # a country name is there already
                    out.append(PlaceMention(area[0], ts + base, e + base, area[1],
                                            2 if area[1].level == "place" else 3, True))
                continue
            if place is None:
                if (LOCATIVE.search(before) or OBJECT_OF.search(before)) and len(name) > 2:
                    parents = self._parents(text, e, span.end_char, base)
                    place = self._alike_inside(name, parents[0].place if parents else self._named_parent(after))
                    if place is None and (label != "ORG" or parents):  # "shelled Al Jarahi area (Al Jarrahi Al Hudaydah)": a place
                        out.append(PlaceMention(name, s + base, e + base, None, 2, near))
                        out.extend(parents)
                if place is None:
                    continue
            precision = 3 if place.level in ("admin1", "country") else (2 if near or place.level == "admin2" else 1)
            self.resolved.append(place)
            out.append(PlaceMention(name, s + base, e + base, place, precision, near))
        out = self._keep_to_anchors(out)
        town = None
        if self.towns:
            top = max(self.towns.values())
            town = next((p for p in reversed(self.resolved) if self.towns.get(p) == top), None)
        for pm in out:
            if pm.place is not None and pm.place.level == "place":
                self.towns[pm.place] += 1
        for m in ANAPHOR.finditer(span.text):
            if town is None or any(pm.start <= span.start_char + m.start() + base < pm.end for pm in out):
                continue
            if m.group(1).lower() in ("province", "region", "district", "area") and m.group(1).lower() != "area":
                continue
            before = span.text[max(0, m.start() - 60):m.start()]
            near = bool(NEAR.search(before)) or bool(re.search(r"\b(outskirts|outlying|around|surrounded)\b", span.text, re.I))
            out.append(PlaceMention(m.group(0), span.start_char + m.start() + base, span.start_char + m.end() + base,
                                    town, 2 if near else 1, near, anaphor=True))
        return sorted(out, key=lambda m: m.start)
