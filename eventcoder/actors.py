"""Stage 4: actors. Find actor mentions, merge aliases into one normalised
actor with its ACLED inter code, and give them roles (actor1 = the side that
acts, actor2 = the side acted upon).

Names come from ``data/actors.json``: named groups with their aliases
("LNA", "Libyan National Army", "Haftar's army" are one actor) and generic
actors filled with the event's country ("Military Forces of Libya",
"Civilians (Libya)").
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from .records import Mention

INTER_LABELS = {1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias",
                5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces"}


@dataclass(frozen=True)
class ActorType:
    name: str  # may hold {country}
    inter: int
    named: bool
    state_of: str = ""
    state: bool = False
    home: str = ""  # ISO2 of the one country a named group fights in ("Houthi Movement": YE)
    umbrella: bool = False  # an operation the side's groups fight under ("Operation Peace Spring"): ACLED's actor for them all

    def resolve(self, country: str) -> str:
        return self.name.replace("{country}", country or "Unknown")


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(resources.files("eventcoder").joinpath("data/actors.json").read_text())


@lru_cache(maxsize=1)
def _table() -> list[tuple[re.Pattern, ActorType]]:
    data = _data()
    out = []
    for named, key in ((True, "named"), (False, "generic")):
        for e in data[key]:
            at = ActorType(e["name"], e["inter"], named, e.get("state_of", ""), bool(e.get("state")), e.get("home", ""),
                           bool(e.get("umbrella")))
            for alias in e["aliases"]:
                flags = 0 if (alias.isupper() and len(alias) <= 5) else re.I
                # "Taliban-planted mine": the group before the hyphen acts; "Ma'arrat An Nu'man" holds no "man"
                out.append((re.compile(r"(?<![\w-])(?<![^\W\d_]['’])(?:" + alias + r")(?![\w]|-(?!(?:planted|laid|placed|rigged|made)\b))", flags), at))
    return out


@lru_cache(maxsize=1)
def _subunits() -> list[tuple[re.Pattern, str, tuple[str, ...], str]]:
    return [(re.compile(r"\b(?:" + "|".join(e["aliases"]) + r")\b", re.I), e["country"], tuple(e["of"]), e["name"])
            for e in _data().get("subunits", [])]


def subunit(at: ActorType, text: str, country: str) -> ActorType:
    """The unit ACLED names where a generic state actor's mention says which ("regime warplanes"
    in Syria: the Syrian Arab Air Force; "commandos" in Afghanistan: its Special Forces)."""
    for rx, where, parents, name in _subunits():
        if country == where and at.resolve(country) in {p.replace("{country}", country) for p in parents} and rx.search(text):
            return replace(at, name=name)
    return at


@lru_cache(maxsize=4096)
def generic_for(text: str) -> ActorType | None:
    """The generic actor whose alias spans ``text`` or its first words ("SNA soldiers" ->
    Military Forces of {country})."""
    words = text.split()
    for k in range(len(words), 0, -1):
        for rx, at in _table():
            if not at.named and rx.fullmatch(" ".join(words[:k])):
                return at
    return None


def find_actors(text: str, offset: int = 0) -> list[Mention]:
    """All actor mentions in ``text``, longest/named first, no overlaps."""
    found = []
    for rx, at in _table():
        for m in rx.finditer(text):
            found.append((m.start(), m.end(), at))
    found.sort(key=lambda x: (not x[2].named, -(x[1] - x[0]), x[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for s, e, at in found:
        if any(s < te and ts < e for ts, te in taken):
            continue
        if not at.named and text[s].isupper() and _NAME_BEFORE.search(text, 0, s) \
                and (_FACILITY_AFTER.match(text, e) or _FACILITY_END.search(text, s, e)):
            continue  # "Menagh Military Airport", "Regiment 46 Military Base": a place's name, not its garrison
        taken.append((s, e))
        out.append(Mention("actor", text[s:e], s + offset, e + offset, at.name, at))
    out.sort(key=lambda m: m.start)
    merged: list[Mention] = []
    for m in out:  # "Taliban militants", "LNA forces": one actor, the named one
        prev = merged[-1] if merged else None
        if prev is not None and prev.value.named and not m.value.named and re.fullmatch(r"[\s-]*", text[prev.end - offset:m.start - offset]) \
                and m.value.inter != 7:
            merged[-1] = Mention("actor", text[prev.start - offset:m.end - offset], prev.start, m.end, prev.label, prev.value)
            continue
        merged.append(m)
    # "warplanes of the Saudi-led coalition", "a drone of the Turkish army": the owner is the actor;
    # "a man allegedly linked to the CJNG": so is the group a person is said to belong to
    return [m for i, m in enumerate(merged)
            if m.value.named or i + 1 == len(merged) or not merged[i + 1].value.named
            or not (_OWNED_BY.fullmatch(text[m.end - offset:merged[i + 1].start - offset])
                    or (m.value.inter == 7 and _SAID_TO_BELONG.fullmatch(text[m.end - offset:merged[i + 1].start - offset])))]


_NAME_BEFORE = re.compile(r"(?:\b[A-Z][\w'’-]*|\b\d+)\s*-?\s*$")
_FACILITY_AFTER = re.compile(r"\s+(?:Air\s*)?(?:Airport|Airbase|Base|Academy|College|Hospital)\b")
_FACILITY_END = re.compile(r"(?:Base|Bases|Airport)$")
_OWNED_BY = re.compile(r"\s+(?:of|belonging to)\s+(?:the\s+)?", re.I)
_SAID_TO_BELONG = re.compile(r",?\s+(?:who\s+(?:(?:was|were|had been)\s+)?)?(?:allegedly|reportedly|presumably|apparently|suspected of being)\s+"
                             r"(?:(?:linked|tied|belong(?:ed|ing|s)?)\s+to|(?:a\s+)?members?\s+of|work(?:ed|ing)\s+for|part\s+of)\s+(?:the\s+)?", re.I)


# An armed group the dictionary does not know, by the words around its name: "members of Ahrar al
# Sharqiyah", "Ansar al Tawhid fighters", "the Hamza Division", "On 3 May 2020 Liwa al Quds shelled ..."
_PROPER = r"[A-Z][\w'’-]+(?:\s+(?:(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn|of|de|del|la|las|los|wa)\s+)?[A-Z][\w'’-]+){0,4}"
_GROUP_NOUN = (r"(?:Division|Brigades?|Battalions?|Regiment|Front|Movement|Group|Corps|Cartel|Legion|Resistance|Militia|"
               r"Faction|Organi[sz]ation|Army)")
NAMED_GROUP = re.compile(
    r"\bmembers of (?:the\s+)?(?P<of>" + _PROPER + r")"
    r"|(?P<before>(?<![\w'’-])" + _PROPER + r")(?=\s+(?:militants|fighters|militiam[ae]n|gunmen|factions?)\b)"
    r"|\bthe\s+(?P<noun>(?:[A-Z][\w'’-]+\s+){1,4}" + _GROUP_NOUN + r"(?:\s+Forces)?)\b"
    # "the National Resistance Forces", "Shabwani Elite forces": ACLED keeps "Forces" in such names
    r"|(?P<forces>(?<![\w'’-])[A-Z][\w'’-]+(?:\s+(?:(?:al|el)\s+)?[A-Z][\w'’-]+){1,3}\s+[Ff]orces)\b"
    )
# words that make no name before "Forces": "Special Forces", "Joint Forces", "Armed Forces"
GENERIC_FORCES = {"special", "security", "armed", "government", "joint", "coalition", "allied", "state", "federal",
                  "national", "ground", "air", "naval", "border", "police", "military", "elite", "rapid", "reaction",
                  "support", "tribal", "local", "foreign", "regime", "opposition", "rebel", "pro-government", "defence",
                  "defense", "operations", "quick", "intervention", "response", "task", "auxiliary", "regular", "army",
                  "navy", "the", "and", "popular", "public", "internal", "interior", "presidential", "republican", "guard"}


# bodies whose members are no armed group: "members of Parliament", "the Provincial Council"
INSTITUTIONS = {"parliament", "congress", "senate", "council", "committee", "assembly", "government", "ministry",
                "party", "union", "association", "syndicate", "chamber", "court", "commission", "family", "press"}


_PASSIVE_AGENT = re.compile(r"\b(?:by|operations?\s+of)\s+(?:[\w-]+\s+){0,2}$", re.I)  # "in an operation of the Gendarmerie"
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
_TARGET_PREP = re.compile(r"\b(against|towards|targeting|targeted|attacked|killing|killed|abducted|"
                          r"kidnapped|arrested|shot|ambushed|hit|struck|with|on)\s+(?:the\s+|a\s+|an\s+|two\s+|an? \w+\s+)?$", re.I)


# "..., the governor's office said": the source of a report, named after it
# (not detect._QUOTE_END's "announced", "declared": "the Turkish army announced it neutralised 8 PKK
# militants" names who acted; sharing that list cost 8 Kurdturk actor1 notes)
_SAYS = re.compile(r"^\s*(?:has\s+|have\s+|had\s+)?(?:said|says|reported|stated|told)\b", re.I)
_ACCUSES = re.compile(r"^\s*(?:(?:forces|militants|officials|media)\s+)?(?:has\s+|have\s+|had\s+)?(?:accused|blamed)\b", re.I)
# "police found the bodies of three men": who finds the dead did not kill them
_FINDS = re.compile(r"^\s*(?:(?:forces|officers|officials|personnel)\s+)?(?:have\s+|has\s+|had\s+)?"
                    r"(?:found|discovered|recovered|located|retrieved|exhumed|removed)\s+(?:[\w-]+\s+){0,4}?"
                    r"(?:bod(?:y|ies)|corpses?|remains|cadavers?)\b", re.I)
_SUFFERED = re.compile(r"^\s*['’\"]?(?:have\s+|has\s+|had\s+)?(?:suffered|sustained|took)\s+(?:heavy\s+|several\s+|many\s+)?(?:casualties|losses|injuries)", re.I)
_ACCUSED = re.compile(r"\b(?:accused|blamed)\s+(?:the\s+)?$", re.I)
# the source of a report, not a side: "Police in Ghazni said that ...", "On 3 February, Houthi media reported
# that ...", "According to Houthi media, ...", "Saba news agency said Saudi forces killed ..."
_LEAD = r"(?:(?:On|Around|As reported on|Reported on|As of)\b[^,;]{0,40},\s*)?"
# (not when the report goes on about the source itself: "pro-Hadi forces announced that they repelled ...")
_OWN = r"(?!\s+(?:that\s+)?(?:they|it|its|their|he|his|she|her|we|our)\b)"
_ATTRIBUTION = re.compile(
    r"^" + _LEAD + r"(?:[^,;]{0,80}?\b(?:said|says|reported|told \w+|announced|confirmed|claimed|stated)\b[^,;]{0,30}?\bthat\b" + _OWN +
    r"|according to [^,;]{1,60},"
    r"|[^,;]{0,60}?\b(?:media|sources?|agency|spokes(?:man|woman|person)|TV|channel|website|outlets?|news|reports?)\s+"
    r"(?:said|says|reported|claimed|announced|stated|confirmed)\b" + _OWN + ")", re.I)
_ACTS = re.compile(r"^(?!\s*(?:was|were|been|being|is|are|got|had been|have been|has been)\b)\s*(?:[\w'-]+\s+){0,2}?(?:have |has |had )?(?:reportedly |allegedly )?(attack|shell|bomb|fir|kill|storm|raid|"
                   r"ambush|target|clash|launch|struck|shot|abduct|kidnap|arrest|captur|seiz|overr|advanc|fought|detonat|"
                   r"gather|rall|march|protest|demonstrat|block|burn|loot|torch|stormed)\w*", re.I)
# "injured in Houthi shelling", "killed by Saudi airstrikes": the actor named before its weapon acts
_WEAPON_NOUN = re.compile(r"^\s*(shelling|bombardment|fire|gunfire|sniper|airstrikes?|air ?strikes?|air raids?|drones?|"
                          r"missiles?|rockets?|artillery|mortars?|warplanes?|aircraft|jets?|attacks?|raids?|landmines?|mines?)\b", re.I)
_WEAPON = re.compile(r"^(artillery|warplanes?|jets?|helicopters?|gunships?)$", re.I)
# "were found executed", "were the target of an armed attack"
_PASSIVE = re.compile(r"\b(was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?(?:found\s+|the\s+(?:targets?|victims?)\s+of\s+"
                      r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?)?$", re.I)


_LAID = re.compile(r"-(?:planted|laid|placed|rigged|made|fired|launched)\b", re.I)  # "a Taliban-planted mine": X laid it


def assign_roles(sentence: str, s_offset: int, actors: list[Mention], trigger_pos: int | None,
                 doc_span=None) -> tuple[list[Mention], list[Mention]]:
    """Split a sentence's actor mentions into agents (actor1 side) and targets (actor2 side).

    Rules, in order: "by X" -> agent; "between X and Y" -> both agents; "against/targeting/
    killing X" -> target; then word order around the first trigger, reversed in the passive
    voice ("X were killed" -> X is the target).
    """
    agents, targets = [], []
    passive = trigger_pos is not None and (bool(_PASSIVE.search(sentence[max(0, trigger_pos - 30):trigger_pos]))
                                           or bool(re.match(r"(died|dead|die|perished|lost their lives)\b", sentence[trigger_pos:])))
    attribution = _ATTRIBUTION.match(sentence)
    for m in actors:
        rel = m.start - s_offset
        if attribution and rel < attribution.end():
            continue  # "Police in Ghazni said that ...": the source, not a side
        before = sentence[max(0, rel - 40):rel]
        after = sentence[m.end - s_offset:m.end - s_offset + 40]
        if _SUFFERED.match(after):
            targets.append(m)  # "soldiers 'suffered casualties' following an ambush"
            continue
        if _ACCUSES.match(after) or _FINDS.match(after) or _SAYS.match(after):
            continue  # "the STC accused Islah forces of shelling": the accuser is a source, not a side
        if _PASSIVE_AGENT.search(before) or _BETWEEN.search(before) or _ACCUSED.search(before) or _LAID.match(after):
            role = "agent"  # "by X", "between X and Y", "hit a Taliban-planted mine"
        elif re.search(r"\band\s+(?:the\s+)?$", before) and re.search(r"\bbetween\b", sentence[max(0, rel - 80):rel]):
            role = "agent"
        elif _TARGET_PREP.search(before):
            role = "target"
        elif trigger_pos is None or rel <= trigger_pos < m.end - s_offset:
            role = "agent"  # "Protesters gathered": the actor is the trigger
        elif _ACTS.match(after) or _WEAPON_NOUN.match(after):
            role = "agent"  # "... when Syrian government forces shelled the town"
        elif rel < trigger_pos:
            role = "target" if passive else "agent"
        else:
            role = "target"
        if role == "target" and _WEAPON.match(m.text):
            continue  # "shelled the town with artillery": a weapon, not the side that was hit
        (agents if role == "agent" else targets).append(m)
    by = next((m for m in agents if _PASSIVE_AGENT.search(sentence[max(0, m.start - s_offset - 40):m.start - s_offset])), None)
    if by is not None and (re.search(r"\b(was|were|been|being)\s+(?:\w+\s+){0,2}?\w+(ed|en|t)(?:\s+(?:dead|to death|down))?\s+by\s+(?:[\w-]+\s+){0,2}$",
                                     sentence[:by.start - s_offset]) or _HARMED_IN_ATTACK_BY.search(sentence[:by.start - s_offset])):
        # "a woman was injured by a Houthi sniper": whoever comes before the passive is acted upon
        moved = [m for m in agents if m.start < by.start and not _BETWEEN.search(sentence[max(0, m.start - s_offset - 40):m.start - s_offset])]
        agents = [m for m in agents if m not in moved]
        targets = moved + targets
    # "Afghan forces repulsed an attack by Taliban militants", "... when police repelled their attack":
    # the attackers act (actor1), the side that repelled them is acted upon
    repellers = [m for m in agents if _REPELLED.match(sentence[m.end - s_offset:m.end - s_offset + 60])]
    if repellers:
        # with their allies: "AMISOM and SNA forces repulsed an Al Shabaab attack"
        side = [m for m in agents if m in repellers or any(
            m.end <= r.start and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", sentence[m.end - s_offset:r.start - s_offset])
            for r in repellers)]
        attackers = [m for m in agents if m not in side]
        if attackers:  # "... repulsed an attack by Taliban militants"
            agents, targets = attackers, side + targets
        elif targets:  # "2 militants were killed when Afghan forces repulsed their attack"
            agents, targets = targets, side
    if not agents and len(targets) >= 2:
        # "2 soldiers were killed during clashes with Taliban militants": the side the victims clashed
        # with acts
        withs = [m for m in targets if _CLASH_WITH.search(sentence[max(0, m.start - s_offset - 50):m.start - s_offset])]
        for m in targets:  # "... clashes with SNA and AMISOM forces": the whole list
            if withs and m not in withs and m.start > withs[-1].end and re.fullmatch(
                    r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", sentence[withs[-1].end - s_offset:m.start - s_offset]):
                withs.append(m)
        if withs and len(withs) < len(targets):
            agents, targets = withs, [m for m in targets if m not in withs]
    return agents, targets


# "1 militia member was killed following an attack by Taliban militants": the victims before the attack
_HARMED_IN_ATTACK_BY = re.compile(
    r"\b(?:was|were|been)\s+(?:\w+ly\s+)?(?:killed|wounded|injured|hurt|abducted|kidnapped)\b[^.;]{0,40}?\b(?:following|during|in|after)\s+"
    r"(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+)?(?:attacks?|ambush(?:es)?|assaults?|raids?|offensive|operations?)\s+by\s+(?:[\w-]+\s+){0,2}$", re.I)
_CLASH_WITH = re.compile(r"\b(?:clash(?:es|ed)?|fighting|fights?|battles?|gun ?fights?|fire ?fights?|exchanges? of fire|skirmish(?:es)?)"
                         r"\s+with\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)


_REPELLED = re.compile(r"^\s*(?:[\w'-]+\s+){0,2}?(?:have |has |had )?(?:successfully )?(repuls|repel|thwart|foil|fended off|pushed back)\w*", re.I)


def interaction(inter1: int, inter2: int) -> int:
    """ACLED interaction code: the two inter codes, lower first (10 + n for one actor)."""
    if not inter1:
        return 0
    if not inter2:
        return inter1 * 10
    a, b = sorted((inter1, inter2))
    return a * 10 + b
