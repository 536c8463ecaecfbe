"""Stage 7: counts. Fatalities under ACLED's conservative rules, injuries,
casualties, and displaced people (low/high and unit).

ACLED rules applied: the lowest figure is kept ("at least 5", "5 to 7" -> 5);
"casualties" alone is not deaths (kept apart, 0 fatalities); vague words
take ACLED's fixed values ("several"/"many" -> 10, "dozens" -> 12,
"hundreds" -> 100); a figure inside "including N" is a subset and is not
added again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from .actors import find_actors
from .detect import in_background

VAGUE = {"a dozen": 12, "dozens": 12, "dozens of": 12, "scores": 20, "scores of": 20, "hundreds": 100,
         "hundreds of": 100, "thousands": 1000, "thousands of": 1000, "several": 10, "many": 10,
         "a number of": 10, "a few": 3, "a couple of": 2, "multiple": 10, "numerous": 10}
_NUMWORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
            r"thousand)")
_NUM = (r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:thousand|million))?|" + _NUMWORD + r"(?:[\s-]+(?:and\s+)?" + _NUMWORD + r")*"
        r"|a dozen|dozens(?: of)?|scores(?: of)?|hundreds(?: of)?|thousands(?: of)?|several|a few|a couple of|"
        r"a number of|multiple|numerous|an?|one)")
_MOD = r"(?:(?:at least|more than|over|nearly|almost|about|around|some|approximately|roughly|up to|as many as|an estimated|a total of|another|other|further|only)\s+)?"
NUMBER = re.compile(r"(?<![\w.])" + _MOD + r"(?P<n1>" + _NUM + r")(?:\s*(?:to|-|–|or|and)\s*(?P<n2>" + _NUM + r"))?(?![\w])", re.I)
BETWEEN = re.compile(r"\bbetween\s+(?P<n1>" + _NUM + r")\s+and\s+(?P<n2>" + _NUM + r")\b", re.I)

DEATH = re.compile(r"\b(killed|killing|kills|dead|died|die|deaths?|fatalit(y|ies)|slain|lost their lives|"
                   r"bodies|corpses|massacred|executed|shot dead|murdered|beheaded|lives)\b", re.I)
DIED = re.compile(r"^\s*(?:(?!injur|wound|hurt|\d|being\b)[\w,()'/-]+\s+){0,8}?\(?(?P<aux>were|have been|had been|was|has been|are|reportedly|also|presumably)?\s*(?:reportedly\s+|presumably\s+)?(?:(?:then\s+)?shot\s+and\s+)?(?P<verb>killed|dead|died|dies|die|slain|deaths?|fatalities|bodies|corpses|(?:human|severed|decapitated) heads|torsos|lost their lives|executed|massacred|shot dead|murdered|beheaded|assassinated|stabbed to death|beaten to death|found dead|lynched|deprived of (?:his |her |their )?li(?:fe|ves))\b", re.I)
INJURY = re.compile(r"\b(injur(ed|ies|y|ing)|wound(ed|ing|s)?|hurt|hospitali[sz]ed)\b", re.I)
CASUALTY = re.compile(r"\bcasualt(y|ies)\b", re.I)
DISPLACE = re.compile(r"\b(fled|flee(ing)?|displac(ed|ing|ement)|uprooted|evacuated|forced to leave)\b", re.I)
UNIT = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(families|households|people|persons|individuals|residents|civilians|children|"
                  r"villagers|IDPs|refugees)\b", re.I)
# person nouns: whom a number or "a/an" counts
_PERSON_NOUNS = (r"people|persons?|civilians?|soldiers?|troops|policem[ae]n|police officers?|"
                 r"officers?|fighters?|militants?|members?|gunm[ae]n|children|child|wom[ae]n|m[ae]n|boys?|girls?|"
                 r"insurgents?|rebels?|attackers?|assailants?|guards?|villagers?|residents?|farmers?|others?|"
                 r"security (?:forces|personnel|guards?)|servicem[ae]n|personnel|protesters?|demonstrators?|"
                 r"students?|workers?|passengers?|individuals?|pilgrims?|worshippers?|journalists?|taliban|"
                 r"members?|recruits?|commanders?|leaders?|militiam[ae]n|troopers?|staff|guerrillas?|terrorists?|jihadists?|"
                 r"extremists?|islamists?|moslems?|muslims?|christians?|combatants?|gendarmes?|herders?|tribesm[ae]n|"
                 r"clansm[ae]n|bandits?|pirates?|hostages?|suspects?|smugglers?|nationals?|tourists?|foreigners?|"
                 r"settlers?|inmates?|prisoners?|detainees?|victims?|sergeants?|officials?|policemen|agents?|"
                 r"relatives|villagers|herdsm[ae]n|miners?|pupils?|infants?|babies|elderly|activists?|mayors?|businessm[ae]n|"
                 r"traders?|merchants?|shepherds?|drivers?|teachers?|doctors?|nurses?|lawyers?|judges?|priests?|"
                 r"candidates?|council(?:l)?ors?|shopkeepers?|vendors?|migrants?|refugees?|elders?|IDPs?|owners?|crew(?: members?)?|"
                 r"directors?|supervisors?|managers?|administrators?|governors?|chairm[ae]n|spokesm[ae]n|engineers?|scholars?|clerics?|imams?|mullahs?|sheikhs?|shaikhs?|notables?|politicians?|employees?|cooks?|bodyguards?|bombers?|kidnappers?|chiefs?|emirs?|relative|teenagers?|youths?|minors?|adolescents?|toddlers?|robbers?|thie(?:f|ves)|hijackers?|snipers?")
PERSON = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(" + _PERSON_NOUNS + r")\b", re.I)
ZERO = re.compile(r"\bno (one|people|civilians)?\s*(was|were)? ?(killed|hurt|injured)|no (casualties|fatalities|deaths|injuries|"
                  r"one was (killed|hurt|injured))|without (causing )?(casualties|injuries)|no reports? of (casualties|fatalities)", re.I)
SUBSET = re.compile(r"\b(including|among them|of whom|of them|among whom|among the dead)\s*(were\s+)?$", re.I)


ACTIVE_VERBS = {"killed", "executed", "massacred", "shot dead", "murdered", "beheaded", "assassinated", "stabbed to death",
                "beaten to death", "lynched"}


def _active(near: str, m: re.Match) -> bool:
    """'an unidentified gunman shot dead a soldier': the number counts the killers, not the dead."""
    return not m.group("aux") and m.group("verb").lower() in ACTIVE_VERBS and bool(
        re.match(r"\s+(a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+|his|her|their|several|dozens)\b", near[m.end():], re.I))


@dataclass(frozen=True)
class Figure:
    kind: str  # fatalities, injuries, casualties, displaced
    low: int
    high: int
    start: int  # offsets in the sentence
    end: int
    text: str
    unit: str = ""
    subset: bool = False
    coded: bool = False  # the coder's own figure ("Fatalities coded as 3"): it settles the event's total


def to_int(s: str) -> int | None:
    s = s.lower().strip()
    if s in VAGUE:
        return VAGUE[s]
    if s in ("a", "an", "one"):
        return 1
    mult = 1
    if s.endswith(" thousand") and s[0].isdigit():
        s, mult = s[: -len(" thousand")], 1000
    elif s.endswith(" million") and s[0].isdigit():
        s, mult = s[: -len(" million")], 1000000
    try:
        return int(float(s.replace(",", ""))) * mult
    except ValueError:
        pass
    try:
        return text2num(s.replace(" and ", " ").replace("-", " "), "en")
    except ValueError:
        return None


_ALT_FIGURE = re.compile(r"\((?=[^()]*\d)[^()]*\b(?:according to|reported|claimed|claims|said|sources?|VoJ)\b[^()]*\)", re.I)
# the coder's own statement in an ACLED note: "Fatalities coded as 3", "fatalities are coded as 0"
_CODED = re.compile(r"\b(?:fatalities\s+(?:are\s+|were\s+)?coded\s+(?:as|to)|total fatalities:?(?:\s+(?:are|were|is))?)\s+(?P<n>\d+)\b", re.I)
# "12 militants including 2 commanders were killed", "5 policemen and 2 militia members were killed":
# a subset or a second group between a number and its verb
_BETWEEN_NUMBER_AND_VERB = re.compile(r"(?:\s*,?\s+(?:including|among them|among whom)|\s+and\s+(?:his\s+|her\s+|their\s+)?(?:at least\s+)?\d+(?:\s*-\s*\d+)?)"
                                      r"\s+(?:[\w'-]+\s+){0,8}?(?=(?:were|was|have|had)\b)", re.I)
# "1 Taliban commander and his guard were killed": one more victim named without a number
_AND_HIS_ONE = re.compile(r"^\s+(?:[\w'-]+\s+){0,3}?and\s+(?:his|her)\s+([\w-]+)\s+(?:were|have been|had been)\s+"
                          r"(?:reportedly\s+)?(?:(?:shot\s+and\s+)?killed|shot dead|murdered|executed|assassinated)\b", re.I)
# "in addition to 3 of his guards", "as well as 2 policemen": the list of victims goes on
_LIST_GOES_ON = re.compile(r"\b(?:in addition to|as well as|along with|together with)\s+(?:the\s+)?$", re.I)
# "a suicide bomber blew himself up", "no fatalities except the bomber": ACLED counts the bomber
SELF_KILLED = re.compile(r"\b(?:killed|killing)\s+(?:himself|herself)\b|\b(?:blew|blows)\s+(?:himself|herself)\s+up\b|"
                         r"\bexcept\s+(?:for\s+)?the\s+(?:suicide\s+)?(?:bomber|attacker)\b", re.I)
# "Death toll of the Mogadishu fighting rises to 25": the toll's figure, however far from "death toll"
_TOLL = re.compile(r"\bdeath toll\b[^.;]{0,60}?\b(?:rises|rose|risen|climbs?|climbed|reache[sd]|reach|stands|stood|hits?|jumps?|jumped)\s+"
                   r"(?:to|at)?\s*$", re.I)
_DEMOGRAPHIC = r"\s*(?:[\w-]+\s+)?(?:children|child|wom[ae]n|m[ae]n|boys?|girls?|elderly|infants?|bab(?:y|ies)|minors?|teenagers?|toddlers?)\b"
_QUOTE_MARK = re.compile(r"(?<![\w])['‘’\"“”]|['‘’\"“”](?![\w])")


# "Nine Algerians", "3 Somalis", "two Sudanese": people named by a plural demonym
_PEOPLE_OF = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?[A-Z][a-z]+(?:ians|ans|is|ese)\b")


def _person_after(after: str) -> re.Match | None:
    """The words after a number name people: a person noun, or an actor of the actor
    dictionary ("3 Arbakis", "2 Uprising militiamen")."""
    m = PERSON.match(after) or _PEOPLE_OF.match(after)
    if m:
        return m
    head = after[:40]
    for a in find_actors(head):
        if not re.search(r"\S+\s+\S+\s+\S+\s+\S", head[:a.start]):  # within the first three words
            return re.match(r"^.{%d}" % a.end, head, re.S)
    return None


# "killing a pharmacist": a killing verb right before "a"/"an"/"one" makes whatever follows a victim
_KILLED_BEFORE = re.compile(r"\b(killing|killed|kills?|slays?|shoots? dead|shot dead|gunned down|murdered|executed|beheaded|assassinat(?:ed|ing))\s+$", re.I)


# "a/an/one" + up to three words + a person noun, no verb or article between ("an attack left one person dead",
# "passengers of a bus beat an assailant to death": "a bus" is no victim)
_A_PERSON = re.compile(r"^\s*(?:(?!left\b|leaving\b|leaves\b|killed\b|killing\b|and\b|with\b|against\b|by\b|an?\b|the\b)[\w'’-]+\s+){0,3}?("
                       + _PERSON_NOUNS + r")\b", re.I)


def person_word(after: str, before: str) -> bool:
    """'a soldier', or after a killing verb any noun: 'killing a pharmacist'."""
    return bool(_A_PERSON.match(after)) or bool(_KILLED_BEFORE.search(before) and re.match(r"\s+[a-z]", after))


def find_figures(sentence: str) -> list[Figure]:
    """Figures of killed, injured, casualties and displaced in one sentence."""
    out: list[Figure] = []
    # quotation marks around words ("1 'Arbaki' was killed") hide nothing: blanked, same offsets
    sentence = _QUOTE_MARK.sub(" ", sentence)
    # "3 policemen (5 according to VoJ)", "coded as 3 (VoJ reported 5 fatalities)": another source's
    # figure, not the event's (ACLED keeps the lower, attributed one), blanked with the same offsets
    sentence = _ALT_FIGURE.sub(lambda m: " " * len(m.group(0)), sentence)
    coded = _CODED.search(sentence)
    if ZERO.search(sentence):
        m = ZERO.search(sentence)
        kind = "injuries" if re.search(r"hurt|injur", m.group(0), re.I) else "fatalities"
        out.append(Figure(kind, 0, 0, m.start(), m.end(), m.group(0)))
        if kind == "fatalities" and re.search(r"casualties", m.group(0), re.I):
            out.append(Figure("injuries", 0, 0, m.start(), m.end(), m.group(0)))
    matches = list(BETWEEN.finditer(sentence)) or []
    spans = [(m.start(), m.end()) for m in matches]
    for m in NUMBER.finditer(sentence):
        if not any(s <= m.start() < e for s, e in spans):
            matches.append(m)
    for m in sorted(matches, key=lambda m: m.start()):
        n1 = to_int(m.group("n1"))
        n2 = to_int(m.group("n2")) if m.group("n2") else None
        if n1 is None:
            continue
        word = m.group("n1").lower()
        after = sentence[m.end():m.end() + 90]
        before = sentence[max(0, m.start() - 40):m.start()]
        if re.match(r"\s*-?\s*(years?|km|kilometres|kilometers|miles|metres|meters|days?|hours?|weeks?|months?|"
                    r"(?:a\.?m|p\.?m)\b\.?|%|percent|per cent|:\d|th\b|st\b|nd\b|rd\b|frontlines?|times)", after, re.I):
            continue
        if re.match(r"\s*(January|February|March|April|May|June|July|August|September|October|November|December)", after) \
                or re.search(r"(January|February|March|April|May|June|July|August|September|October|November|December)\s*$", before):
            continue
        if re.match(r"^\d{4}$", word):
            continue
        if word in ("a", "an", "one") and not person_word(after, before) \
                and not (word == "one" and re.match(r"\s*(?:dead|killed)\b", after, re.I)):
            continue
        if word in ("a", "an") and out and (re.search(r",\s*$", before)
                                            or re.fullmatch(r"\s+(?!and\b|or\b)[\w-]+\s+(?:an?\s+[\w-]+\s+(?:and|,)\s+)*",
                                                            sentence[out[-1].end:m.start()])):
            continue  # "1 civilian, a tribal elder, was killed", "1 civilian an employee of ...": the same person
        if re.search(r"\bby\s+$", before):
            continue  # "killed by two unknown gunmen": the killers
        if in_background(sentence, m.start()):
            continue  # "arrested for an attack that killed 2 soldiers": deaths before the event
        if re.search(r"\bbetween\s+$", before) and not m.group("n2"):
            continue  # "a killing between two families": the sides ("killed between 2-3 civilians" is a range)
        low, high = n1, (n2 if n2 is not None and n2 >= n1 else n1)
        subset = bool(SUBSET.search(before)) or bool(
            out and out[-1].subset and re.fullmatch(r"\s*[\w'-]+(?:\s+[\w'-]+){0,2}\s*(?:,|and|,\s*and)\s*", sentence[out[-1].end:m.start()])
            and re.match(_DEMOGRAPHIC, after, re.I))
        clause = re.split(r"[;]|,\s*(?:while|but|and)\s|\.\s", after)[0]
        person = _person_after(after)
        near = clause[:70]
        kind = None
        # "N killed", "N people were killed", "N casualties", "N families fled"
        if CASUALTY.match(after.strip()) or re.match(r"^\s*(?:[\w-]+\s+){0,2}casualt", after, re.I):
            kind = "casualties"
        elif (dm := DIED.match(near) or DIED.match(_BETWEEN_NUMBER_AND_VERB.sub(" ", clause[:140], count=1)[:70])) \
                and not _active(near, dm) \
                and (person or re.match(r"\s*(?:more\s+)?(?:(?:reported(?:ly)?|said|feared|confirmed)\s+)?(dead|killed|deaths?|fatalities|bodies|corpses|slain|die|dies|died)\b", after, re.I)
                     or re.match(r"\s*(?:(?!and\b|or\b|of\b|in\b|with\b|from\b)[a-z-]+\s+){1,2}?(?:bodies|corpses|heads|torsos)\b", after)):  # "two decapitated bodies", "two human heads"
            # "1 soldier was killed or wounded": how many died is unknown (ACLED: 0)
            kind = "casualties" if re.match(r"\s+(or|and)\s+(wounded|injured)\b", near[dm.end():], re.I) else "fatalities"
        elif re.match(r"^\s*(?:(?!\d|kill|dead)[\w,()'/-]+\s+){0,8}?\(?(?:were|have been|had been|was|has been|are|also|reportedly)?\s*(?:reportedly\s+)?(injured|wounded|hurt|injuries|hospitali[sz]ed)\b"
                      r"(?!\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|several|dozens|others|another|an?\s|his|her|their|the\s))", near, re.I) and (person or re.match(
                r"\s*(injur|wound|(was|were) (\w+ly )?(injured|wounded|hurt))", after, re.I)):  # "1 killed and 1 was wounded"
            kind = "injuries"
        elif re.search(r"\b(killing|killed|kills|kill|slay|slays|slew|shoots? dead|claims|claimed|shot dead|gunned down|murdered|executed|beheaded|assassinat(?:ed|ing)|stabbed to death|left|leaves|leaving|claimed the lives of|death toll (?:[\w'’]+ ){0,6}?(?:to|of|at)|resulting in|fatalities:?|(?:bod(?:y|ies)|corpses?|remains|killing|deaths?) of)\s+(?:the\s+|between\s+|all\s+)?$", before, re.I) and (person or not after.strip() or re.match(r"\s*(and|,|\.|people|fatalit|dead|in\b|on\b|at\b|near\b|outside\b|while|including|of them\b)", after, re.I)
                or (_KILLED_BEFORE.search(before) and re.match(r"\s+(?!(?:was|were|is|are|has|have|had)\b)[A-Za-z]", after))):
            kind = "fatalities" if not re.search(r"injur|wound", sentence[m.end():m.end() + 12], re.I) else "injuries"
            if re.match(r"\s*(injur|wound)", after, re.I):
                kind = "injuries"
            elif re.match(r"\s*(?:\w+\s+){0,2}(dead|killed)", after, re.I) or re.search(r"(killing|killed|kills|shot dead|gunned down|murdered|executed|beheaded|claimed the lives of|death toll.*)\s+(?:the\s+)?$", before, re.I):
                kind = "fatalities"
        elif _TOLL.search(sentence[max(0, m.start() - 100):m.start()]):
            kind = "fatalities"
        elif re.search(r"\b(injuring|wounding|injured|wounded|injures?|wounds?)\s+(?:the\s+)?$", before, re.I):
            kind = "injuries"
        elif re.search(r"\b(displacing|displaced|forcing)\s+$", before, re.I) or (
                UNIT.match(after) and re.match(r"^\s*(?:[\w-]+\s+){0,4}?(?:have |had |were |was )?(fled|displaced|been displaced|uprooted|forced to flee|evacuated)\b", after, re.I)):
            kind = "displaced"
        if kind is None and out and out[-1].kind in ("fatalities", "injuries") and person and _LIST_GOES_ON.search(before):
            kind = out[-1].kind  # "killed 1 council member in addition to 3 of his guards"
        if kind is None and out and out[-1].kind in ("fatalities", "injuries") and person \
                and re.search(r"\band\s+(?:the\s+)?$", before) and re.search(
                    r"\b(killing|killed|shot dead|wounding|injuring|wounded|injured)\s+(?:[\w-]+\s+){1,8}and\s+(?:the\s+)?$",
                    sentence[max(0, m.start() - 100):m.start()], re.I):
            kind = out[-1].kind  # "killing a woman and a child": the same list goes on
            # "killing 5 civilians including 2 children and 1 woman": women and children inside "including"
            # are a subset ("2 militia members including a commander and 3 NDS agents" is a second group)
            subset = subset or bool(re.search(r"\b(?:including|among them|among whom|of whom)\b[^.;]*$", sentence[out[-1].end:m.start()], re.I)
                                    and re.match(_DEMOGRAPHIC, after, re.I))
        if kind is None:
            continue
        if kind == "fatalities" and (one := _AND_HIS_ONE.match(after)) and PERSON.fullmatch(one.group(1)) \
                and not one.group(1).lower().endswith("s"):
            low, high = low + 1, high + 1
        unit = ""
        if kind == "displaced":
            u = UNIT.match(after)
            unit = u.group(1).lower() if u else "people"
        out.append(Figure(kind, low, high, m.start(), m.end(), m.group(0), unit, subset))
    if not any(f.kind == "fatalities" for f in out) and (m := _one_death(sentence)) and not in_background(sentence, m.start()):
        out.append(Figure("fatalities", 1, 1, m.start(), m.end(), m.group(0)))
    if coded:
        n = int(coded.group("n"))
        out = [f for f in out if f.kind != "fatalities" or f.start >= coded.end()]
        out.append(Figure("fatalities", n, n, coded.start(), coded.end(), coded.group(0), coded=True))
    return out


def _one_death(sentence: str) -> re.Match | None:
    """One death said without a number: a named victim killed, a body found, "a femicide"."""
    m = ONE_DEAD.search(sentence)
    if m and PERSON.match(m.group(1)) and not m.group(1).lower().endswith("s"):
        return m
    m = ONE_DIED.search(sentence)
    if m and PERSON.match(m.group(1)):
        return m
    m = ONE_BODY.search(sentence)
    if m and BODY_FOUND.search(sentence):
        return m
    m = THE_ONE_KILLED.search(sentence)  # "killing the person on board", "resulted in the death of the owner"
    if m and PERSON.fullmatch(m.group(1)) and not m.group(1).lower().endswith("s"):
        return m
    m = HE_DIED.search(sentence) or SELF_KILLED.search(sentence) or KIN_KILLED.search(sentence)
    if m:
        return m
    for rx in (NOUN_KILLED, KILLS_NOUN):  # headline style, no article: "Soldier killed in ...", "Troops kill militant"
        m = rx.search(sentence)
        if m and _one_person(m.group("np"), last=rx is NOUN_KILLED) and not re.match(_OBJECT_NEXT, sentence[m.end():]):
            return m
    return ONE_KILLING.search(sentence)


# "attacked the house of a police officer, killing his wife": one relative, named by kin
KIN_KILLED = re.compile(r"\b(?:killing|killed|shot dead|murdered|stabbed to death)\s+(?:his|her|their)\s+(?:\w+\s+)?"
                        r"(?:wife|husband|son|daughter|brother|sister|father|mother|nephew|niece|cousin|uncle|aunt|child|"
                        r"grandson|granddaughter|grandfather|grandmother)\b(?!\s+and\b)", re.I)
_KILL_VERB = r"(?:killed|shot dead|slain|murdered|assassinated|dies|died|beheaded|executed)"
# headlines drop the article: "Senior Algerian judge killed", "Paper says municipal guard killed"
NOUN_KILLED = re.compile(r"(?:^\W*|\b(?:says?|said|reports?|reported)\s+|:\s*)(?P<np>(?:[\w'’-]+\s+){0,3}?[\w-]+)\s+(?:(?:reported(?:ly)?|said|feared|confirmed)\s+)?"
                         + _KILL_VERB + r"\b(?!\s+(?:or|and) (?:wounded|injured))", re.I)
# "Security forces kill suspected militant", "Militants kill another council member"
KILLS_NOUN = re.compile(r"\b(?:kill(?:s|ed)?|slays?|shoots? dead|shot dead|murder(?:s|ed)?|assassinated)\s+(?:another\s+)?(?P<np>(?:[\w'’-]+\s+){0,3}[\w-]+)", re.I)
# the verb takes an object: "Taliban killed 3 ...", "the soldier killed a man": not the victim
_OBJECT_NEXT = r"\s+(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+|his|her|their|several|dozens|and\b|or\b)\b"
# nouns of PERSON that are collective or plural without an s
_COLLECTIVE = {"taliban", "personnel", "staff", "elderly", "crew", "police", "people", "children", "relatives", "villagers"}


def _one_person(np: str, last: bool = False) -> bool:
    """The first person noun of a headline's noun phrase is singular ("suspected militant",
    "Algerian Council member"), not "gunmen" or "militants"; with last, the head noun ends it."""
    words = np.split()
    if last:
        words = words[-1:]
    first = next((i for i, w in enumerate(words) if PERSON.fullmatch(w)), None)
    if first is None:
        return False
    head = first  # "rebel fighters", "Taliban commander": the last of a run of person nouns is the head
    while head + 1 < len(words) and PERSON.fullmatch(words[head + 1]):
        head += 1
    w = words[head].lower()
    return not w.endswith(("s", "men")) and w not in _COLLECTIVE


# "a civilian from Da'el died under torture", "a policeman was shot dead"
# the passive verbs that say one named person is dead: "was shot dead", "was gunned down", "was found lifeless"
_ONE_KILLED = (r"(?:killed|shot dead|shot to death|gunned down|assassinated|murdered|executed|beheaded|strangled|"
               r"stabbed to death|beaten to death|lynched|found (?:dead|lifeless|hanging|hanged|hung))")
_LOST_LIFE = r"lost (?:his|her) life"
ONE_DIED = re.compile(r"\b(?:an?|one)\s+((?:[\w'’-]+\s+){1,8}?)(?:died|" + _LOST_LIFE + r"|was (?:reportedly )?" + _ONE_KILLED
                      + r")\b(?!\s+(?:or|and) (?:wounded|injured))", re.I)
# "a dismembered body was found", "the corpse of a woman": one death without a number
ONE_BODY = re.compile(r"(?:\b(?:an?|one|the)\s+|^\W*)(?:[\w'’-]+\s+){0,2}?(?:body|corpse|(?:human|severed|decapitated) head|torso)\b", re.I)  # "a woman's body", "a human head"
ONE_KILLING = re.compile(r"\b(?:an?|one)\s+(?:[\w-]+\s+)?(?:femicide|feminicide|homicide|murder|assassination)\b(?!\s+(?:attempt|charges?|case|trial|investigation))", re.I)
BODY_FOUND = re.compile(r"\b(found|discovered|located|dumped|abandoned|recovered|retrieved|lying|signs of|wounds?|bullets?|"
                        r"left|thrown|hung|hanging)\b", re.I)

# "the former mayor of Tlalixcoyan was shot dead": one death without a number
ONE_DEAD = re.compile(r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(\w+)\s+(?:of\s+(?:(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}|(?:an?|the)\s+[a-z]+(?:\s+[a-z]+)?)\s+)?"
                      r"(?:was|has been|had been)\s+(?:reportedly\s+)?(?:(?:ambushed|attacked|shot|kidnapped|abducted|tortured|intercepted)\s+and\s+)?"
                      + _ONE_KILLED + r"\b")
# "killing the person on board", "resulted in the death of the elderly owner": one named victim
THE_ONE_KILLED = re.compile(r"\b(?:killing|killed|(?:death|killing|murder|assassination) of)\s+(?:the|an?|one|his|her|their)\s+"
                            r"((?:[\w'’-]+\s+){0,2}?[\w'’-]+)\b(?!\s+(?:and|or)\s)(?![\w'’-])", re.I)
# "Gunmen shot a civilian ... He died later in the day."
# "... shot at a man in front of his house. The man lost his life."
HE_DIED = re.compile(r"\b(?:he|she|the (?:man|woman|victim|boy|girl|driver))\s+(?:later\s+|subsequently\s+|eventually\s+|then\s+)?"
                     r"(?:died|succumbed|" + _LOST_LIFE + r")\b", re.I)
