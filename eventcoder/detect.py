"""Stage 3: event detection and classification into ACLED's ontology.

A sentence is an event candidate when it holds a trigger (a word or phrase of
political violence, protest or a strategic development) that is reported as
having happened: triggers under negation, in the future or a conditional,
inside a direct quote, or in a caption are not events.

Classification follows ACLED's 6 event types / 25 sub-event types; each
sub-event type carries its CAMEO code and PLOVER event type.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# sub_event_type -> (event_type, CAMEO code, PLOVER type)
ONTOLOGY: dict[str, tuple[str, str, str]] = {
    "Armed clash": ("Battles", "190", "ASSAULT"),
    "Government regains territory": ("Battles", "190", "ASSAULT"),
    "Non-state actor overtakes territory": ("Battles", "190", "ASSAULT"),
    "Chemical weapon": ("Explosions/Remote violence", "204", "ASSAULT"),
    "Air/drone strike": ("Explosions/Remote violence", "195", "ASSAULT"),
    "Suicide bomb": ("Explosions/Remote violence", "1831", "ASSAULT"),
    "Shelling/artillery/missile attack": ("Explosions/Remote violence", "194", "ASSAULT"),
    "Remote explosive/landmine/IED": ("Explosions/Remote violence", "183", "ASSAULT"),
    "Grenade": ("Explosions/Remote violence", "183", "ASSAULT"),
    "Sexual violence": ("Violence against civilians", "1821", "ASSAULT"),
    "Attack": ("Violence against civilians", "180", "ASSAULT"),
    "Abduction/forced disappearance": ("Violence against civilians", "181", "ASSAULT"),
    "Peaceful protest": ("Protests", "141", "PROTEST"),
    "Protest with intervention": ("Protests", "141", "PROTEST"),
    "Excessive force against protesters": ("Protests", "175", "COERCE"),
    "Violent demonstration": ("Riots", "145", "PROTEST"),
    "Mob violence": ("Riots", "145", "ASSAULT"),
    "Agreement": ("Strategic developments", "057", "AGREE"),
    "Arrests": ("Strategic developments", "173", "COERCE"),
    "Change to group/activity": ("Strategic developments", "0", "MOBILIZE"),
    "Disrupted weapons use": ("Strategic developments", "0", "COERCE"),
    "Headquarters or base established": ("Strategic developments", "0", "MOBILIZE"),
    "Looting/property destruction": ("Strategic developments", "171", "COERCE"),
    "Non-violent transfer of territory": ("Strategic developments", "0", "CONCEDE"),
    "Other": ("Strategic developments", "0", "OTHER"),
    # not an ACLED type: people fleeing, kept because ACLED has no column for it
    "Displacement": ("Displacement", "0", "OTHER"),
}
EVENT_TYPES = sorted({v[0] for k, v in ONTOLOGY.items() if k != "Displacement"})
# ACLED records no fatalities for these: a peaceful protest kills no one (deaths in its text are
# what it is about), a strategic development other than a disrupted weapon records none
NO_FATALITIES = {"Peaceful protest", "Agreement", "Arrests", "Change to group/activity", "Headquarters or base established",
                 "Looting/property destruction", "Non-violent transfer of territory", "Other"}
# ACLED codes these with one side only (no actor2)
ONE_SIDED = {"Peaceful protest", "Change to group/activity", "Headquarters or base established"}

# Trigger lexicon: (cue name, regex). Order does not matter; classify() decides.
# people who gather as a crowd: the subjects of mob violence
_CROWD_NOUNS = r"residents|inhabitants|villagers|locals|neighbou?rs|relatives|community members|crowds?"
# ACLED's mob violence: a spontaneous group of people (not an armed group) that beats, attacks,
# burns or holds people: "residents of a community in Puebla detained two alleged thieves and beat them"
_CROWD_ACTS = (r"(" + _CROWD_NOUNS + r"|family members|families|clans|"
               r"settlers|supporters|fans|passengers|bystanders|onlookers|parents|merchants|vendors|traders|shopkeepers|"
               r"members of (the |a |an )?(\w+ )?(community|neighbou?rhood|town|village|ejido|colony)|"
               r"a group of (\w+ ){0,2}(people|residents|men|youths|citizens|villagers|locals|persons|individuals|"
               r"neighbou?rs|women|students|merchants|vendors|traders|drivers|workers|parents|passengers|inhabitants|"
               r"settlers|ejidatarios|comuneros|relatives))"
               r"( (?!said\b|says\b|told\b|reported\b|claimed\b|accused\b|when\b|after\b|as\b|who\b|were\b|was\b|"
               r"had\b|have\b|say\b|by\b|that\b)([\w'-]+|\([^()]{1,30}\))){0,6}? "
               r"(beat|beaten|attacked|assaulted|fought|lynched|stoned|set fire|burned|torched|detained|retained|"
               # people held, not a meeting held ("residents held a meeting with the mayor")
               r"held(?! (a|an|the|their|its) ([\w-]+ ){0,2}(meetings?|press|conferences?|rall(y|ies)|protests?|demonstrations?|"
               r"sit-ins?|vigils?|march(es)?|assembl(y|ies)|gatherings?|funerals?|ceremon(y|ies)|talks|elections?|events?|"
               r"sessions?|forums?|banners|placards|signs|pictures|photos|dialogues?|consultations?|referendums?|votes?))|"
               r"took (\w+ ){0,3}hostage|clashed|hit|injured|wounded|expelled|caught|captured|apprehended|tied|stripped|"
               r"paraded|whipped|looted|ransacked|vandali[sz]ed|destroyed|demolished|subdued|restrained|immobili[sz]ed|"
               r"grabbed|chased|cornered|surrounded|locked up|punished|exhibited|undressed|tortured|punched|kicked|disarmed)"
               # the same told from the victim's side: "two alleged thieves were beaten by residents"
               # ("were beaten and tied to a post by a group of people")
               r"|\b(beaten|attacked|assaulted|lynched|stoned|caught|captured|detained|held|retained|tied|stripped|"
               r"paraded|whipped|burned|taken hostage|held hostage)( (?!by\b)[\w'-]+){0,6}? by (a group of |a crowd of |angry |enraged )?(\w+ )?"
               r"(" + _CROWD_NOUNS + r"|mobs?|settlers)\b"
               r"|\b(beaten|attacked|assaulted|lynched|stoned|caught|detained|held|retained|tied|stripped|burned|killed)( (?!by\b)[\w'-]+){0,6}? "
               r"by (a|an) (angry |enraged )?(group|crowd|mob) of (\w+ ){0,2}(people|persons|individuals|men|youths|citizens)\b"
               r"|\b(killed|beaten to death|burned alive|burnt alive|hanged) by (a |an )?(angry |enraged )?(crowds?|mobs?)\b")
# a quarrel between kin groups: "a tribal dispute", "clan feuds" (its sides fight each other)
_FEUD = r"(tribal|clan|family|communal) (disputes?|conflicts?|feuds?)"
# what did not happen when territory changed hands "without a fight", "without facing any resistance"
_NO_FIGHT = r"fight(ing)?|resistance|clash(es)?|battles?|confrontations?|bloodshed"
_T = {
    "clash": r"armed aggressions?|clash(es|ed)?|fighting|" + _FEUD + r"|fought|overt(ook|ake|aken|akes)|(conducted|launched|carried out) (\w+ ){0,2}operations? against|operations? by (\w+ ){0,4}(injured|wounded|killed)|firefights?|gun ?battles?|returned (the )?fire|fired back|(responded|retaliated|reacted) with (\w+ ){0,2}(gunfire|fire|shots|shooting)|battles?|exchanged? (of )?(gun)?fire|(exchang(e|ed|es)|trad(ed|ing)) (of )?(\w+ ){0,2}(shelling|shells|barrages|artillery|rockets|mortars|gunfire|fire)|engag(ed|ement)|skirmish(es)?|confrontations?|hostilities|combat|counter-?attack(ed|s)?|ambush(ed|es)?|offensive against|repelled|repulsed|advanc(e|ed|es|ing)(\s+\w+){0,3}\s+(on|towards|into)|make advances|target(ed|ing|s)|destroy(ed|ing)?\s+(?:[\w']+\s+){1,3}(vehicles?|tanks?|positions?|(operations )?rooms?|depots?|technicals?|armou?red \w+)|attack(ed|s|ing)?|assault(ed|s)?|raid(ed|s)?|stormed|infiltrat(e|ed|ion|ions|ing)|attempted to (advance|storm)",
    "capture": r"captur(ed|es|ing)|(gain(ed|s)?|assum(ed|es)|establish(ed|es)|extend(ed|s)|wrest(ed|s)|restor(ed|es)) (\w+ ){0,2}control (of|over)|seiz(ed|es|ing) (control|(the |a |an |several |\w+ )?(town|village|city|area|district|positions?|base|checkpoints?|hills?|neighbou?rhoods?|territory|airport|bridge|post))|took (over|control)|taken control|recaptur(ed|es|e|ing)|retook|regain(ed)?|regianed|overran|overrun|liberat(ed|ion of)|pushed [\w ]{1,20} out|drove [\w ]{1,20} out|entered the (town|city|village)",
    "air": r"air ?strikes?|airstrikes?|air raids?(?! sirens?)|(hit|struck|targeted|attacked) by (a |an |the )?(\w+ ){0,2}drones?|air attacks?|drone (strikes?|attacks?)|bomb(ed|ing|ings)? (by|from) (aircraft|jets|warplanes|planes|helicopters)|warplanes? (bombed|struck|hit|targeted)|jets (bombed|struck|hit)|helicopter gunships?|aerial (bombardment|attack)s?|UAVs?|(killed|wounded|injured|hit|struck|targeted) by (a |an |the )?([\w-]+ ){0,2}(drones?|UAVs?|warplanes?|helicopters?)|(drones?|warplanes?|jets?|aircraft|helicopters?|F-(15|16|35)s) ([\w-]+ ){0,4}(targeted|struck|bombed|bombarded|pounded|strafed|hit|attacked|raided|carried out|conducted|dropped|fired|launched)|quadcopters?|drones? (\w+ ){0,4}(exploded|crashed into|blew up)|(explosive|bomb)-laden drones?|(launched|sent|flew|fired) (a |an |two |three |\d+ )?([\w-]+ ){0,2}drones?|barrel bombs?|dropped (\w+ ){0,2}bombs?",
    "shell": r"shell(ed|ing|s)?|pound(ed|ing)|artillery|howitzers?|cannon(s|ade| fire)?|tank (fire|rounds|shells)|(heavy|medium)( and (heavy|medium|light))?( ?-?(calibre|caliber))? weapon(s|ry)|heavy machine ?-?guns?|(heavy|medium) and (heavy|medium|light) machine ?-?guns?|fired (calibre|caliber) \d|fired \d+(\.\d+)?( ?mm)?( and \d+(\.\d+)?( ?mm)?)? ((calibre|caliber) )?(machine ?-?guns?|weapons|guns|cannons?|rounds)|(fired|firing|targeted|targeting)(?=[^.;]{0,80}?\bmachine ?-?guns?)(?=[^.;]{0,80}?\b(at|on|towards|into) ([\w'’-]+ ){0,3}(houses|homes|areas|villages?|neighbou?rhoods?|positions|farms|residential)\b)|salvos?|volleys? of|lobbed|mortared|(?-i:Grads?)|B-10|SPG-9|recoilless|anti-aircraft (guns?|weapons|cannons?)|mortars?|rockets?|missiles?|bombardments?|bombarded|RPGs?|rocket-propelled grenades?|(?<!firearm )(?<!gun )(?<!bullet )projectiles?|Katyushas?|ATGMs?|anti-tank (guided )?missiles?|TOW missiles?|(shelling|artillery|mortar|rocket) barrages?",
    "ied": r"IEDs?|explosive attacks?|(with|using) (\w+ ){0,2}explosives|dynamit(ed|ing)|blew up (\w+ ){0,3}(houses?|homes?|buildings?|bridges?|shops?|mosques?|schools?|towers?|pylons?|pipelines?|power lines?|dams?|offices?|facilities|stations?)|improvised explosive|bomb attacks?|roadside bombs?|(planted|magnetic|sticky|roadside|car|remote-controlled|remote controlled)[- ]bombs?|bombs? ((suspected|believed|thought) (to (be|have been) )?|reportedly |allegedly )?(planted|placed|attached|hidden)|-planted (bombs?|explosives?|mines?|IEDs?)|explosive-laden|landmines?|unexploded (ordnance|ordinance|munitions?|shells?|bombs?|devices?|mortars?|rockets?)|UXOs?|explosive remnants|mines?|minefields?|car bombs?|(by|in|with) (a|an) (\w+ )?bombs?\b|(a|an) (\w+ )?bombs? (\w+ ){0,4}(killed|wounded|injured|exploded|detonated|went off)|VBIED|explosive devices?|bomb (blast|explosion|exploded|went off)|booby-?trap(ped)?|sticky bombs?|magnetic bombs?|explosions?|exploded|blasts?|detonat(ed|ion)|bomb(ed|ing)",
    "suicide": r"suicide (bomb(ers?|ings?)?|attack(ers?|s)?|car bomb(ers?)?|vests?|belts?)|(blew|blows) (himself|herself|themselves) up",
    "grenade": r"(hand )?grenades?|(threw|thrown|throwing|hurled|tossed) (a |an |two |three |\d+ )?([\w-]+ ){0,2}(explosives?|explosive devices?|bombs?|dynamite|sticks of dynamite)|(explosives?|explosive devices?|bombs?|dynamite) (was|were) (\w+ly )?(thrown|hurled|tossed)",
    "chemical": r"chemical (weapons?|attack)|chlorine|(?-i:sarin)|toxic gas",  # "Menbij - Sarin road": a place
    "kill": r"kill(ed|ing|s)?|shot( dead)?|shoot(ing)?|gunned down|murder(ed|s)?|stabb(ed|ing)|beheaded|executed|assassinat(ed|ion)|lynch(ed)?|massacred?|slain|slays?|slew|dead|died|dies|die(?=\s+(?:in|after|of|from|as|when|during|at)\b)|deaths?(?! threats?| sentences?| penalty| row)|bodies|human remains|opened fire|opens? fire (at|on|upon)|fired (\w+ly )?(at|on|upon|towards?|into|in the direction of)|beat(en)? (to death)?|tortured|burned alive|body (of|was found|found)|flogg(ed|ing)|(publicly )?whipp(ed|ing)|found (hanging|hanged|hung)|bod(y|ies)\b(?=[^.]{0,60}\b(found|discovered|located|dumped|abandoned|recovered|retrieved)\b)|(found|discovered|recovered|located|retrieved) (\w+ ){0,3}bod(y|ies)|died under torture|snip(ed|ers?|ing)|neutrali[sz]ed|corpses?|remains of|decapitated|beheading|dismembered|hanged|strangled|lifeless|(gunshot|bullet|stab) wounds|gunfire|gunshots?|sniper fire|machine-?gun fire|riddled with bullets|stray bullets?|deprived (him|her|them|\w+) of (his |her |their )?life|deprived of (his |her |their )?life|homicides?|femicides?|feminicides?|shoot-?outs?|(skeletal|skeletonized|human|bone) remains|(human )?skulls|severed heads?|human heads?|decapitated heads?|(human )?torsos?|heads? (\w+ ){0,4}(was|were) (\w+ly )?(found|discovered|located|left|abandoned|dumped)|(hit|struck|wounded|injured) by (a |an )?(\w+ ){0,2}(bullets?|fire)|came under (\w+ )?fire|(?:(?<=was )|(?<=were )|(?<=been ))(\w+ly )?(injured|wounded)|injuring|wounding|(forces|militias?|army|police|troops|soldiers|militants|gunmen|guards) fire",
    "abduct": r"abduct(ed|ion|s)?|kidnapp?(ed|ing|s)?|hostages?|forcibly disappeared|(?:(?<=was )|(?<=were )|(?<=been ))disappeared|went missing|deprived ((\w+ ){1,3})?of (\w+ )?(liberty|freedom)|forcibly (taken|removed)|(was|were) taken away",
    "sexual": r"rap(ed|e|es|ing|ist|ists)|gang-?rap(ed|e)|sexual(ly)? (assault(ed|s|ing)?|violence|abus(e|ed|ing)|harass(ed|ment)|exploit(ed|ation)|attacks?)|molest(ed|ing|ation)|indecent(ly)? assault(ed)?",
    "protest": r"protest(ed|s|ing|ers?)?|demonstrat(ed|ion|ions|ors?)|rall(y|ies|ied)|chant(ed|ing) (\w+ ){0,2}slogans|(carried|carrying|raised|raising|held|holding) (\w+ ){0,2}(banners|placards)|gathered (\w+ ){0,6}(to demand|demanding|to denounce|denouncing|to call for|calling for|to reject|rejecting|in solidarity)|took over (the )?(\w+ ){0,3}(facilities|installations|premises|campus)|(took (over|control of)|seized) (the )?(\w+ ){0,2}(city hall|town hall|municipal (palace|presidency|building|offices)|rectorate|faculty|campus|university|school|offices of (the )?(\w+ ){0,3}(ministry|secretariat|department|institute|commission|company|electricity|education))|commemorat(e|ed|es|ing|ion|ions)|(?-i:march(ed|es)?)|marched|sit-ins?|(?<!drone )(?<!air )(?<!aerial )(?<!missile )(?<!rocket )(?<!military )(?<!precision )strikes? by|went on strike|(staged|held|declared|called) (a |an )?(general |labou?r |open-ended |sit-down |\w+-day )?strikes?|took to the streets|on (a )?(hunger )?strike|work stoppages?|walk-?outs?|blockades? (of|on) (the )?([\w-]+ ){0,3}(roads?|highways?|streets?|bridges?|entrances?|toll ?booths?)|(took( over)?|tak(e|es|ing)( over)?|occupied|seized) (the )?(\w+ ){0,2}toll ?booths?|occupied (the )?(\w+ ){0,3}(offices?|building|headquarters|palace|square|plaza|city hall|town hall|congress|faculty|rectorate|campus|university|school)|(held|staged|organi[sz]ed|joined) (a |an )?(\w+ ){0,2}(caravans?|motorcades?)|plant[oó]n(es|s)?|protest (camps?|encampments?)|human chains?|cacerolazos?|pot-banging|demand(ed|ing) justice|(mobili[sz]ed|stopped (work|activities|classes)|suspended (their )?(work|activities|classes)|paraly[sz]ed (the )?(\w+ ){0,2}(traffic|roads?|highways?|streets?|activities|services)) ([\w,]+ ){0,5}(to demand|demanding|to protest|in protest|to denounce|denouncing|to reject|rejecting|against)|(stopped|suspended) work|took (over )?(the )?(\w+ ){0,3}(facilities|installations|premises)|(made|held|read( out)?|gave) (a |an )?(joint )?press statements?|(closed|blocked|shut|cut off) (the |a |an )?(\w+ ){0,3}(streets?|roads?|highways?|avenues?|bridges?|entrances?) (\w+ ){0,4}(to demand|demanding|to protest|in protest|to denounce|denouncing|to reject)|(held|organi[sz]ed|staged) (a |an )?(\w+ ){0,2}gatherings?|(mass|tribal) gatherings?|(outside|in front of) (the )?(\w+ ){0,3}(offices?|headquarters|building|palace|congress|parliament|ministry|court|city hall|town hall|governorate|prosecutor'?s? office|embassy|consulate) (\w+ ){0,3}(to )?(demand|denounce|reject|call for|ask for|express)|hunger strike|picket(ed)?|vigil|(painted|sprayed|wrote) (\w+ ){0,2}(slogans|graffiti|messages|pintas)|(to demand|demanding) (justice|the (release|resignation|removal|dismissal|return|payment|reopening|closure|cancellation)|payment|an end to|safe|security|respect|better|higher|(their )?(salaries|wages|pay)|water|electricity|services)|block(ed|ing|aded) ([\w-]+ ){0,3}(roads?|highways?|streets?|bridges?|entrances?|access|accesses|traffic|lanes?|avenues?|boulevards?|intersections?|roundabouts?|junctions?|circuits?|railways?|(train |rail )?tracks)|(blocked|blocking|closed|closing|occupied|paraly[sz]ed) [^.;]{0,80}?\b(to demand|demanding|to denounce|denouncing|to protest|in protest|to reject|rejecting|to call for|calling for)|(gathered|assembled|rallied) (\w+ ){0,2}(in front of|outside|at|in) ([\w'’]+ ){0,3}(square|offices?|headquarters|building|palace|parliament|ministry|court|city hall|town hall|governorate)",
    "riot": r"(?<!anti-)riot(s|ed|ers|ing)?(?! police| gear| control| squads?| units?| forces)|(burn(ed|t|ing)|set fire to|torched) (\w+ ){0,2}(tyres|tires)|burning of (\w+ )?(tyres|tires)|"
            # a crowd that breaks things: "a group of residents broke the windows of the town hall"
            r"(protesters|demonstrators|students|normalistas|residents|inhabitants|villagers|relatives|parents|women|workers|people|crowds?)"
            r"( (?!who\b|were\b|was\b)[\w'-]+){0,8}? (broke|smashed|knocked down|tore down|toppled|forced open|vandali[sz]ed)\b|threw (stones|rocks|molotov)|stone-?throwing|clashed with (\w+ ){0,2}(police|security forces|troops|soldiers|guards)",
    "mob": r"mob(s)?|lynch(ed|ing)?|vigilantes?|angry (crowd|residents|villagers|locals)|" + _CROWD_ACTS,
    "intervene": r"dispers(ed|e|ing)|tear ?gas|water cannons?|rubber bullets|(arrested|detained) (several|some|a number of|\d+|two|three|four|five|dozens of)? ?(protesters|demonstrators)|baton|broke up|warning shots"
                 # force on the crowd: "police evicted the protesters", "the demonstrators were beaten by police"
                 r"|(attacked|assaulted|beat|beaten|repressed|evicted|removed|pushed back|charged (at|on)) (the )?(\w+ ){0,2}"
                 r"(protesters|demonstrators|sit-?ins?|marchers|protest camps?|plant[oó]n)"
                 r"|(protesters|demonstrators|marchers|students|teachers|normalistas) ([\w,]+ ){0,4}?(were|was) (\w+ly )?(attacked|assaulted|beaten|repressed|evicted|removed|pushed back) "
                 r"by (the )?(\w+ ){0,2}(police|security|forces|officers|agents|guards|soldiers|troops|riot)"
                 r"|(police|security forces|gendarmes|gendarmerie|troops|soldiers|authorities|riot police) (\w+ ){0,2}(intervened|prevented|blocked|stopped|removed|evicted|cleared|surrounded|kettled|pushed back|beat)"
                 r"|(prevented|stopped|blocked) (the )?(protesters|demonstrators|march(ers)?|protest|rally|sit-in)|removed (the )?(protesters|demonstrators)|pepper spray|intervention of (the )?(police|security forces)",
    "arrest": r"arrest(ed|s)?|detain(ed|s)?|detention|apprehend(ed)?|captured (a|an|two|three|\d+) (suspects?|members?)|taken into custody|rounded up",
    "loot": r"loot(ed|ing)?|molotov( cocktails?)?|petrol bombs?|fire ?bomb(s|ed|ing)?|incendiary (devices?|bombs?)|pillag(ed|ing)|extort(ed|ing)|robb(ed|ing)|sabotag(ed|ing)|set fire to|set (\w+ ){1,4}(on fire|ablaze|alight)|set ablaze|torched|vandali[sz]ed|damag(ed|ing) (\w+ ){0,3}(houses?|homes?|shops?|property|school|mosque|church|graves?|cars?|vehicles?)|(houses|homes|shops|property) (were|was) (damaged|destroyed|burn(ed|t)|looted|robbed)|destroy(ed|ing) (\w+ ){0,3}(graves?|houses|homes|shops|schools?|shelters|caves|hideouts|huts|tents|wells|crops|farms|shrines?|statues?|towers?|masts?)|seized (\w+ ){0,3}(camels|cattle|livestock|goods|equipment|property|cars|vehicles|trucks?|lorr(y|ies)|(humanitarian |food )?aid|fuel|tankers?|money|cash|funds|boats?|ships?|vessels?)|hijack(ed|ing) (a |an |the |two |three |\d+ )?(\w+ ){0,2}(trucks?|vehicles?|cars?|bus(es)?|tankers?|lorr(y|ies)|minibus(es)?)|burn(ed|t) (down )?(houses|homes|shops|vehicles|cars|property)|destroy(ed|ing) (houses|homes|property|shops|a|the)|demolish(ed)?|ransack(ed)?|seized (property|land|goods|vehicles)|bulldoz(ed|ing)|razed|arson|stole|confiscat(ed|ing) (the |a |an |his |their )?(\w+ ){0,2}(property|properties|houses?|homes?|lands?|farms?|cars?|vehicles?|money|assets|shops?|buildings?)|burn(ed|t) (down )?(the |a |an )?(\w+ ){0,2}(houses?|homes?|shops?|vehicles?|cars?|trucks?|bus(es)?|buildings?|offices?|crops|farms?|schools?|mosques?|churches|church|clinics?|hospitals?|markets?|tents?|huts?|masts?|towers?|antennas?)|burn(ed|t) down",
    "disrupt": r"downed|(shot|shut) down (a|an|the|two) (\w+ ){0,2}(helicopters?|drones?|planes?|jets?|aircraft|warplanes?)|defus(ed|e)|destroy(ed|ing) (an? |the )?(\w+ ){0,2}(launchers?|weapons? depots?|ammunition depots?|arms depots?|weapons? caches?)|dismantl(ed|e|ing) ([\w,.-]+ ){0,4}(IEDs?|(land)?mines?|bombs?|explosives?|(explosive )?devices?|rockets?|missiles?|launchers?|booby-?traps?|suicide belts?|car bombs?|VBIEDs?)|(found|discovered|seized|confiscated|located|uncovered) (a |an |the |two |three |four |five |several |\d+ )?([\w-]+ ){0,2}(weapons?|arms|ammunition|explosives?|IEDs?|caches?|(land)?mines?|explosive devices?|VBIEDs?|car bombs?|suicide (vests?|belts?))|safely (removed|detonated|destroyed|defused|disposed of|dismantled)|(IEDs?|(land)?mines?|explosives?|explosive devices?|VBIEDs?|car bombs?) (\w+ ){0,6}(was|were) (\w+ly )?(found|discovered|located|uncovered)|shot down|intercepted (a |an |the |two |three |\d+ |several )?([\w-]+ ){0,3}(missiles?|rockets?|drones?|projectiles?|shells?|UAVs?|ballistic|explosive|booby-?trapped)|(missiles?|rockets?|drones?|projectiles?|shells?|UAVs?)( [\w'-]+){0,6} (were |was )?(reportedly )?intercepted|interceptions?|(seized|intercepted|confiscated) (a |an |the )?(\w+ ){0,3}(carrying|loaded with|containing) (\w+ ){0,2}(weapons|arms|ammunition|explosives|missiles?)|(seized|intercepted|confiscated) (a |an |the )?(\w+ ){0,2}(shipments?|consignments?|caches?|cargo) of (\w+ ){0,2}(weapons|arms|ammunition|explosives|missiles?)|cleared (mines|IEDs)|(IEDs?|(land)?mines?|bombs?|explosives?|(explosive )?devices?|booby-?traps?|car bombs?|VBIEDs?) (\w+ ){0,4}(was|were) (\w+ly )?(dismantled|defused|disarmed|safely detonated|detonated in a controlled)",
    "agree": r"agreements?|ceasefire|cease-fire|truce|peace (deal|accord)|signed(?! by)|reconciliation|prisoner (exchange|swap)|released (\w+ )?(prisoners|detainees)|surrendered|handed (himself|herself|themselves) (over )?to|repatriat(ed|ion)",
    "base": r"(establish(ed|es|ing)|set up|sets up|setting up|built|build(s|ing)?|erected) (a |an |the |two |three |\w+ )?(new )?(military )?(base|checkpoint|headquarters|post|outpost|observation (post|point)|point|position|camp)s?|(base|checkpoint|headquarters|post|outpost|observation point|camp)s? (was|were|has been|have been|had been) (established|set up|built|erected)",
    "transfer": r"withdr(ew|awn)|handed over|vacated|retreated|pulled out|took over .{0,20} without (a fight|resistance)|"
                r"(took|taken|seized|captured|entered|occupied|controlled|control of) [^.;]{0,40}?\bwithout (\w+ ){0,2}?(any |a |a single )?"
                r"(\w+ ){0,3}?(" + _NO_FIGHT + r"|shots? (being )?fired)",
    "change": r"recruit(ed|ing|ment)|defect(ed|ion)|joined|merged|split|pledged allegiance|(re)?deploy(ed|ment|s)|mobili[sz](ed|ation)|reinforcements|(military )?(columns?|convoys?) (of|entered|arrived|crossed|moved)|movement of forces|sent (\w+ )?(troops|reinforcements|forces)|crossed into|entered (the )?(\w+ )?territory|stationed|graduated|training course|new (leader|commander)|imposed (a |an )?(\w+ )?curfew|military parades?|(closed|cut off) (the |a |an )?(\w+ ){0,2}(roads?|crossings?|routes?|highways?|entrances?)|took up positions|cordon(ed)? off|dug (\w+ )?trenches|(reinforced|fortified) (their |its |the )?(\w+ )?positions|prevented (\w+ ){1,4}from (entering|passing|reaching|leaving)"
              # troop movements: "20 military vehicles reportedly arrived in", "vehicles were sent from Marib to
              # Shabwah", "transferred a number of military vehicles from ...", "forces moving towards ..."
              r"|(vehicles|troops|forces|fighters|reinforcements|units|brigades?|battalions?|columns?|convoys?) (\w+ ){0,3}?"
              r"((were|was) )?(reportedly )?(arrived|arriving|sent|moved|moving|headed|heading|transferred|dispatched) "
              r"(in|at|to|towards?|into|from)\b"
              r"|(transferred|sent|moved|brought|dispatched) (\w+ ){0,4}?(military|armou?red) (vehicles|equipment) (\w+ ){0,3}?(from|to|towards?)\b"
              r"|sent (a |an )?(\w+ ){0,2}(convoys?|columns?|military vehicles|equipment|weapons)|(convoys?|columns?) (\w+ ){0,2}(headed|arrived|moved|left|reached)"
              r"|brought (\w+ ){0,3}(reinforcements|equipment|vehicles|weapons|troops|forces|fighters)|(massed|amassed|concentrated) (\w+ ){0,2}(troops|forces|fighters|vehicles)"
              r"|military build-?up|(laid|imposed|tightened) (a |the )?siege|besieged|under siege"
              r"|(erected|built|constructed|set up|established|dug) (\w+ ){0,2}(barriers|berms|earth mounds|fortifications|roadblocks|tunnels|trenches)"
              r"|raised (the |their )?(state of )?(alert|readiness)|state of (high )?alert",
    "displace": r"fled|flee(ing)?|displac(ed|ement|ing)|forced (\w+ )?(from|out of) their homes|evacuat(ed|ion)|uprooted",
}
TRIGGERS = {k: re.compile(r"\b(?:" + v + r")\b", re.I) for k, v in _T.items()}

# A report that opens with its category ("Arrests: On 13 February...", "Movement of forces: ..."),
# as ACLED's notes and many monitoring bulletins do: the writer has classified it already.
LABELS = {
    "arrests": "Arrests", "arrest": "Arrests", "other": "Other", "mass grave": "Other",
    "movement of forces": "Change to group/activity", "change to group/activity": "Change to group/activity",
    "recruitment": "Change to group/activity", "deployment": "Change to group/activity",
    "defusal": "Disrupted weapons use", "weapons seizure": "Disrupted weapons use",
    "disrupted weapons use": "Disrupted weapons use", "agreement": "Agreement", "ceasefire": "Agreement",
    "prisoner exchange": "Agreement", "looting": "Looting/property destruction",
    "property destruction": "Looting/property destruction",
    "headquarters or base established": "Headquarters or base established",
    "base established": "Headquarters or base established",
    "non-violent transfer of territory": "Non-violent transfer of territory",
    "transfer of territory": "Non-violent transfer of territory",
    # ACLED's own prefixes: displacement and other non-violent activity are Strategic developments/Other
    "displacement": "Other", "non-violent activity": "Other",
    "security measures": "Change to group/activity", "change to armed group": "Change to group/activity",
    "detonation": "Disrupted weapons use", "interception": "Disrupted weapons use",
}
_LABEL = re.compile(r"^\W{0,3}(" + "|".join(sorted(map(re.escape, LABELS), key=len, reverse=True)) + r")\s*:", re.I)


def label_end(sentence: str) -> int:
    """Where the coder's label that opens an ACLED note ("Movement of forces: ...") ends (0: none)."""
    m = _LABEL.match(sentence)
    return m.end() if m else 0


def label_of(sentence: str) -> str | None:
    """The sub-event type a leading category label names, if any."""
    m = _LABEL.match(sentence)
    return LABELS[m.group(1).lower()] if m else None


STRONG = {"label", "clash", "capture", "air", "shell", "ied", "suicide", "grenade", "chemical", "kill", "abduct",
          "sexual", "protest", "riot", "mob", "arrest", "loot", "disrupt", "displace", "agree", "change", "base", "transfer"}
WEAK = {"change", "base", "transfer"}  # alone, these follow an event more often than they are one

_NEG_WORDS = r"(no|not|never|denied|without|failed to|n't)"
_NEG = re.compile(r"\b" + _NEG_WORDS + r"\b", re.I)
_NEG_BEFORE = re.compile(r"\b" + _NEG_WORDS + r"\s+(\w+\s+)?$", re.I)  # "no clashes", "did not explode"
_MODAL = re.compile(r"\b(expected|feared|threaten(ed|s|ing)? (to|that)|could|would(?!-be)|may|might|will|plans? to|planning|warned|"
                    r"vowed|announced (a|an|the) (plan|offensive)|called for|urged|intends?|preparing|about to)\b", re.I)


@dataclass(frozen=True)
class Trigger:
    cue: str
    start: int  # offset in the sentence
    end: int
    text: str


def find_triggers(sentence: str) -> list[Trigger]:
    out, background = [], []
    m = _LABEL.match(sentence)
    if m:
        out.append(Trigger("label", m.start(1), m.end(1), m.group(1)))
    for cue, rx in TRIGGERS.items():
        for m in rx.finditer(sentence):
            before = sentence[max(0, m.start() - 40):m.start()]
            if _MODAL.search(before.split(",")[-1]):
                continue
            if _NEG.search(before[-22:]) and _NEG_BEFORE.search(before):
                continue  # "withdrew without fighting", "no clashes were reported", "did not explode"
            if cue in ("clash", "kill", "air", "shell") and re.search(
                    r"\b(end|ending|ended|halt|halting|stop|stopping|cease|ceasing|an end to|de-?escalat\w*)\s+(the\s+|all\s+)?"
                    r"(?:[\w-]+(?:\s+and|\s+or|,)\s+)*$", before, re.I):
                continue  # "signed an agreement to end hostilities": a purpose, not a fight
            if re.search(r"\baccount(s|ed|ing)? for (the )?$", before, re.I):
                continue  # "fatalities coded as 12 to account for the suicide bombers": the coder's note on a count
            if cue == "clash" and re.search(r"\bwithout\s+(?:[\w-]+\s+){0,5}$", before, re.I):
                continue  # "seized the town without facing any resistance or armed clashes"
            if cue in ("protest", "riot") and re.search(
                    r"\b(bann?(ed|ing|s)?|prohibit\w*|forb[ai]d\w*)\s+(on\s+)?(all\s+|the\s+|any\s+|of\s+)?([\w-]+\s+){0,3}$", before, re.I):
                continue  # "the governor banned all demonstrations": a ban, no protest
            if cue == "kill" and re.search(r"\bsentenc\w*\s+(?:[\w-]+\s+){0,6}to\s+$", before):
                continue  # "sentenced 35 MPs to death": a verdict, not a killing
            if cue in _VIOLENT_CUES and in_background(sentence, m.start()):
                background.append(Trigger(cue, m.start(), m.end(), m.group(0)))
                continue  # "detained 5 people in connection with an attack that killed a soldier": what they did before
            if cue in ("kill", "displace") and re.search(r"\b(announc\w+|rumou?rs?|speculation)\b", sentence, re.I):
                continue
            out.append(Trigger(cue, m.start(), m.end(), m.group(0)))
    # ... unless nothing else happened: "an operation in response to an attack" is still about fighting
    return sorted(out if out else background, key=lambda t: t.start)


# what people are arrested, accused or avenged for happened before the event the sentence reports
_VIOLENT_CUES = {"kill", "clash", "ied", "shell", "air", "grenade", "suicide", "abduct"}
BACKGROUND = re.compile(r"\b(in connection with|accused of|suspected of|charged with|convicted of|responsible for|"
                         r"wanted for|(involvement|involved|role|participation|participating) in|(arrested|detained|jailed) for|"
                         r"in (retaliation|response|revenge) (for|to)|retaliat\w* for|to avenge)\s+(?:(?!by\b|and\b|then\b|with\b|before\b|after\b)[\w'-]+\s+){0,10}$", re.I)


def in_background(sentence: str, at: int) -> bool:
    """Whether the words before offset ``at`` say what someone is arrested, accused or avenged for
    ("detained in connection with an attack that killed 2"): something that happened before."""
    return bool(BACKGROUND.search(sentence[max(0, at - 90):at]))


_QUOTE_END = re.compile(r"[,.!?]?[\"”’]\s*(?:[\w'-]+\s+){0,4}?(said|says|announced|added|stated|told|declared|warned|insisted)\b")


def is_reported_speech_only(sentence: str) -> bool:
    """A direct quote (a statement, not a report of an event)."""
    s = sentence.strip()
    return bool(s) and s[0] in "\"“‘'" and not re.search(r"\b(said|reported|according to)\b.*\b(killed|clash)", s, re.I)


def quoted_until(sentence: str) -> int:
    """Offset where a quotation that the sentence ends up attributing stops (0 when none)."""
    m = _QUOTE_END.search(sentence)
    return m.start() if m else 0


_FIREARMS = re.compile(r"\b(gunmen|gunfire|shot|shooting|opened fire|fired|firearms?|rifles?|guns?|bullets?|"
                       r"armed (men|group|groups|clash)|grenades?|rpgs?)\b")
_ARRESTED = re.compile(r"\b(arrested|detained|rounded up|apprehended)\b")
_LETHAL_FORCE = re.compile(r"\b(killed|shot|live (ammunition|fire|rounds|bullets)|opened fire|gunfire|hunting rifles?|birdshot|buckshot)\b")
# the protest as the object of force: "security forces attacked the protesters", "militiamen stormed the sit-in"
_PROTEST_TARGETS = r"(protesters|demonstrators|protest(er)?s?|demonstrations?|sit-?ins?|tents|camps?|crowds?|gatherings?|rall(y|ies)|marchers|students)\b"
# ACLED's violent demonstration: violence against people, property destruction, vandalism,
# road-blocking with barricades or burning tyres
_DEMONSTRATORS_VIOLENCE = re.compile(
    r"\b(violent|stones|rocks|torched|burn|set fire|ablaze|vandali[sz]|molotov|fireworks|firecrackers|graffiti|"
    r"painted (\w+ ){0,2}(slogans|graffiti|walls)|painted (\w+ ){0,5}(monuments?|statues?|facades?|buildings?|doors)|barricades|broke (\w+ )?(windows|doors|glass)|broke into|smash|looted|"
    r"(?<!were )(?<!was )(?<!been )(storm(ed|ing)|attack(ed|ing)|assault(ed|ing)|beat (up )?)(?!\s+(the\s+)?([\w'’-]+\s+){0,2}?" + _PROTEST_TARGETS + r")|"
    r"(attacked|assaulted|beaten|hit|injured) by (the |a |an )?(group of )?([\w-]+ )?(protesters|demonstrators|students|normalistas|"
    r"teachers|crowd|mob|residents|women|people|marchers)|"
    r"forced (their way|entry)|clash(ed|es)|damag(ed|ing)|threw|hurled|tore down|"
    r"retained|held (\w+ ){0,3}hostage)")
# what a protest is about: "protested to condemn the killing of ...", "demanding justice for ... shot"
_GRIEVANCE = re.compile(r"\b(condemn\w*|denounc\w*|against|over|demand\w*|justice for|anniversary|commemorat\w*|"
                        r"memory of|in (honou?r|remembrance) of|tributes? to|martyrs?|mourn\w*|funerals?|solidarity|protest(ed|ing|s)? (at|about|against|the|over)|in protest|outrage at|because of|after|release of)\b")


# words of two sides fighting each other (an ambush or a storming can fall on people who do not fight back)
_MUTUAL_FIGHT = (r"clash|fight(?!ers?\b)|fought|battle|exchange|trad(?:ed|ing) (?:\w+ ){0,2}(?:shell|fire|gunfire|artillery|rocket|mortar)|firefight|gunfight|skirmish|engage|repuls|repel"
                 r"|returned (?:the )?fire|fired back|(?:responded|retaliated|reacted) with (?:\w+ ){0,2}(?:gunfire|fire|shots|shooting)")
_MUTUAL = re.compile(r"\b(" + _MUTUAL_FIGHT + ")")
# fighting on the ground, as opposed to an armed side hit from afar
_GROUND_FIGHT = re.compile(r"\b(clash\w*|fight(?!ers?\b)\w*|fought|battles?|exchang\w+|firefights?|advanc\w+|ambush\w*|storm\w*|"
                           r"gunfights?|skirmish\w*|engag\w+|repuls\w+|repel\w*|attack\w*|assault\w*|raid\w*|infiltrat\w+|"
                           r"operations?(?! rooms?)|combat|confrontations?|hostilities|overt\w+|gunmen|gunfire|shot|shoot\w*|opened fire|"
                           r"fired|sniper|bullets?|rifles?|machine ?guns?|captur\w+|took control|seized)\b")
_FIGHTING = {"clash", "kill", "shell", "air", "ied"}  # cues of violence that a takeover can come with
# a building or a road taken over, not land: "took control of the federal highway", "took over the offices of"
_TAKEN_SITE = re.compile(r"\b(took|taken|take|takes|taking) (over|control of) (the |a |an )?([\w'’-]+ ){0,3}"
                         r"(buildings?|offices?|facilities|installations|premises|headquarters|roads?|highways?|"
                         r"(toll ?)?booths?|tollbooths?|plants?|stations?|warehouses?|factory|factories|mines?|wells?)\b")
_ARMED_WORDS = re.compile(r"\b(gunmen|armed|militants?|militias?|fighters|cartels?|soldiers|troops|forces|army|weapons|"
                          r"insurgents|rebels|jihadists?|al[- ]shabaa?b|taliban|houthis?|isis|isil)\b")


def _acted(rx: re.Pattern, t: str) -> bool:
    """A match of ``rx`` in ``t`` that describes what happened at the protest, not what it was about."""
    return any(not _GRIEVANCE.search(t[max(0, m.start() - 50):m.start()]) and not _EARLIER_BEFORE.search(t[max(0, m.start() - 60):m.start()])
               and not _EARLIER_AFTER.match(t[m.end():m.end() + 40]) for m in rx.finditer(t))


# force used before the protest: "pictures of protesters who had been killed since October",
# "a demonstrator shot the day before"
# "to hold accountable those who killed demonstrators", "in memory of those killed": earlier days
_EARLIER_BEFORE = re.compile(r"\b((had|have|has) (\w+ )?been\s+|(pictures|photos|portraits|images|posters) of (\S+ ){0,6}|those ((who|that) (\w+ ){0,2})?)$")
_EARLIER_AFTER = re.compile(r"^(\s+\S+){0,4}?\s+(since|earlier|previously|last (week|month|year)|the (day|night|week) before|\w+ (days|weeks|months) ago)\b")


# a suicide bomber shot or caught before the blast: "forces shot and killed a Taliban suicide bomber
# before he carried out his attack", "arrested a would-be suicide bomber"
_FOILED_BOMBER = re.compile(
    r"\b((shot|killed|shot dead|gunned down|neutrali[sz]ed|arrested|captured|detained|stopped)( and (killed|arrested|detained))? "
    r"(\w+ ){0,3}(would-be |potential |alleged |suspected )?suicide (bomber|attacker)s?|would-be suicide (bomber|attacker)s?|"
    r"before (he|she|they|the bomber|the attacker) (could )?(carr|detonat|blow|reach|explod|trigger|set off))")


# a manned aircraft brought down: fire at it from the ground, not a disrupted weapon (that is a drone
# or a missile intercepted); "shot down a regime helicopter", "a helicopter ... was shot down"
_AIRCRAFT = r"(helicopters?|(war)?planes?|(fighter )?jets?|aircraft|gunships?)"
_AIRCRAFT_DOWNED = re.compile(r"\b((shot|shut|brought) down|downed)\s+(an?|the|two|\d+)?\s*([\w'-]+\s+){0,3}?" + _AIRCRAFT + r"\b"
                              r"|\b" + _AIRCRAFT + r"\b[^.]{0,60}?\b(was|were) (reportedly )?(shot|brought) down\b", re.I)


# a movement that carries out an agreement made before: "under the agreement", "as part of the implementation of"
_UNDER_AGREEMENT = re.compile(r"\b(implement\w*|under|as part of|in line with|in accordance with|pursuant to|according to)\s+"
                              r"(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(agreements?|deal|accord|truce|ceasefire)\b")


def classify(cues: set[str], text: str, actor1_inter: int | None, actor2_inter: int | None) -> str | None:
    """Pick the ACLED sub-event type from the cues found in the text of one event."""
    t = text.lower()
    state1 = actor1_inter in (1, 8)
    if _AIRCRAFT_DOWNED.search(t) and not re.search(r"\b(drones?|uavs?|unmanned)\b", t) \
            and label_of(text) in (None, "Disrupted weapons use") and not _MUTUAL.search(t):
        return "Shelling/artillery/missile attack"  # even under an "Interception:" label (ACLED)
    if "label" in cues and label_of(text):
        return label_of(text)
    if re.search(r"\bmass graves?\b", t):
        return "Other"  # ACLED: the discovery of a mass grave is a strategic development
    if "chemical" in cues:
        return "Chemical weapon"
    if "agree" in cues and re.search(r"(^|\s|\()[1-9]\s?\)", t) and re.search(r"\b(agreed|agreements?|terms)\b", t):
        return "Agreement"  # "they agreed to 1) a ceasefire and 2) no more airstrikes": the terms, no fighting
    if "suicide" in cues and _FOILED_BOMBER.search(t):  # ACLED: a bomber stopped before the blast is no suicide bombing
        if "arrest" in cues and not re.search(r"\b(killed|shot|dead)\b", t):
            return "Arrests"
        return "Armed clash" if {"kill", "clash"} & cues else "Disrupted weapons use"
    if "suicide" in cues:
        return "Suicide bomb"
    # a road blocked by armed men is not a protest ("tribal gunmen blocked the road and clashed",
    # "US forces blocked the road preventing a Russian convoy from passing")
    armed_blockade = "protest" in cues and "block" in t and not re.search(
        r"protest|demonstrat|rall(y|ied)|march|sit-in|strike|picket|vigil|took to the streets", t) and (
        actor1_inter in (1, 2, 3, 4, 8) or bool(re.search(r"\b(gunmen|militants|fighters|militias?|tribesmen|armed)\b", t)))
    # "gunmen kidnapped a protester": an armed side abducts someone who protests elsewhere; no protest took place
    abducted_protester = "abduct" in cues and actor1_inter in (1, 2, 3, 4, 8) and not re.search(
        r"\b(protested|protesting|demonstrated|demonstrating|rall(y|ied|ies)|march(ed|es|ing)?|sit-ins?|gathered|"
        r"took to the streets|(during|at|after) (a|an|the) (\w+ )?(protests?|demonstrations?))\b", t)
    if ("protest" in cues or ({"riot", "mob"} & cues and "protest" in t)) and not armed_blockade and not abducted_protester:
        if "riot" in cues or _acted(_DEMONSTRATORS_VIOLENCE, t):
            return "Violent demonstration"  # ACLED: force used on a violent crowd does not make it excessive
        if ("protester" in t or "demonstrator" in t) and _acted(_LETHAL_FORCE, t):
            return "Excessive force against protesters"  # ACLED: lethal force, or force that seriously injures
        if "intervene" in cues or ("arrest" in cues and _acted(_ARRESTED, t)):
            return "Protest with intervention"  # not "protested the detention of ..."
        return "Peaceful protest"
    if ({"clash", "shell", "kill", "mob"} & cues) and not ({"air", "ied", "grenade"} & cues) and re.search(
            r"\b(" + _FEUD + r"|(tribal|clan|family|communal) (clash(es)?|fighting)|(two|rival) (tribes|clans))\b", t):
        return "Armed clash"  # "a tribal conflict erupted with medium weapons", "two clans fought": they fight each other
    if "riot" in cues and ("clash" not in cues or re.search(
            r"(?<!anti-)\briot(s|ed|ers|ing)?\b(?! police| gear| control| squads?| units?| forces)", t)):
        return "Violent demonstration"  # "rioters clashed with police"; not "gunmen clashed with police"
    if "mob" in cues and (re.search(r"\b(mobs?|lynch\w*)\b", t) or not _FIREARMS.search(t)):
        return "Mob violence"  # residents who shoot are not a mob: an armed clash or an attack
    if "ied" in cues and re.search(r"\b(prematurely|while (\w+ ){0,4}(planting|plant|carrying|making|assembling|transporting)|being (planted|made|assembled))", t):
        return "Disrupted weapons use"  # ACLED: an explosive that goes off in its own makers' hands
    if "disrupt" in cues and re.search(r"\b(trying to defuse|while defusing)", t) and re.search(r"\b(killed|wounded|injured|dead)", t):
        return "Remote explosive/landmine/IED"  # the bomb went off
    if "disrupt" in cues and actor1_inter in (2, 3, 4, 5) and re.search(r"\b(seized|stole|took|looted|robbed|confiscated)\b", t) \
            and not re.search(r"\b(shot down|downed|intercept|defus|dismantl|cleared)", t):
        return "Looting/property destruction"  # an armed group taking weapons robs; it disrupts no attack
    if "disrupt" in cues and re.search(r"\b(shot down|downed|brought down)\b", t) and re.search(
            r"\b(surveillance|reconnaissance|spy|spying|scaneagle)\b", t) and not re.search(r"\barmed (drone|uav)", t):
        return "Looting/property destruction"  # ACLED: an unarmed drone shot down is property destroyed, no attack disrupted
    if "disrupt" in cues and re.search(r"\b(shot down|downed|intercept|defus|dismantl|seized|confiscat|found|discovered|cleared|launcher|depot|cache)", t) \
            and not ("arrest" in cues and not re.search(r"\b(shot down|downed|intercept|defus|dismantl|cleared)", t)):
        return "Disrupted weapons use"  # "arrested 3 men and seized weapons": ACLED codes the arrests
    if "loot" in cues and (actor1_inter == 7 and re.search(r"\b(" + _CROWD_NOUNS + r"|mobs?|citizens)\b", t) or actor1_inter in (None, 7)
                           and re.search(r"\ba group of (\w+ ){0,2}(people|persons|individuals|residents|villagers|neighbou?rs|citizens)\b", t)):
        return "Mob violence"  # "residents burned the house of an alleged kidnapper": a crowd destroys, ACLED's mob
    if "loot" in cues and not re.search(r"\b(killed|killing|wounded|injured|dead|died|clash|fight(?!ers?\b)|shell|air ?strike|bomb|atgm|missile|rocket|mortar|artillery|tanks?\b)", t):
        return "Looting/property destruction"
    if "arrest" in cues and actor1_inter == 7:
        return "Mob violence"  # civilians cannot arrest: "merchants detained and beat an alleged thief"
    if "arrest" in cues and not re.search(r"\b(kill|dead|died|wound|injur|clash|fight(?!ers?\b)|battle|exchange|shell|bomb)", t):
        return "Abduction/forced disappearance" if actor1_inter in (2, 3, 4, 5, 6) else "Arrests"
    if "capture" in cues and not (_FIGHTING & cues) and (actor1_inter in (5, 6) or actor1_inter in (None, 7) and _TAKEN_SITE.search(t)
                                                         and not _ARMED_WORDS.search(t)):
        return "Peaceful protest"  # "students seized buses", "residents took over the water company building": no conquest
    if "capture" in cues and re.search(r"\b(for (a )?few hours|before (the )?[\w-]+ (forces )?(regain|recapture|retook|retake))", t):
        return "Armed clash"  # territory changed hands and back the same day: ACLED codes the fighting
    if "capture" in cues and "transfer" in cues and not (_FIGHTING & cues):
        return "Non-violent transfer of territory"  # "took control of Janaale after Al Shabaab withdrew"
    if "capture" in cues and not re.search(r"\bcaptured (a|an|two|three|\d+) (suspects?|members?|fighters?|militants?)", t):
        return "Government regains territory" if state1 else "Non-state actor overtakes territory"
    if "clash" in cues and re.search(r"\b(" + _MUTUAL_FIGHT + r"|advanc|ambush|storm|ground (and air )?operation)", t):
        if actor2_inter == 7 and not _MUTUAL.search(t):
            return "Attack"  # "ambushed and killed a government employee": civilians do not fight back
        return "Armed clash"
    if "clash" in cues and actor2_inter not in (None, 7) and not ({"air", "ied", "grenade", "kill"} & cues) \
            and re.search(r"\btarget(ed|ing|s)\b", t) and not _GROUND_FIGHT.search(t):
        return "Shelling/artillery/missile attack"  # "GNA forces targeted LNA positions": hit from afar
    if "clash" in cues and actor2_inter not in (None, 7) and not ({"air", "shell", "ied", "grenade"} & cues):
        return "Armed clash"
    if "air" in cues and not re.search(r"\b(backed|supported|assisted|aided) by (\w+ ){0,3}(air ?strikes?|airstrikes?|air support|air cover)|with (the )?(support|help|backing) of (\w+ ){0,2}(air ?strikes?|airstrikes?|warplanes|aircraft)"
                                      # "ground operations and airstrikes", "attacks/airstrikes": fighting on the ground too
                                      r"|\b(operations?|attacks?|clashes|raids?|offensives?)(\s*/\s*|\s+and\s+)(air ?strikes?|airstrikes?)"
                                      r"|\b(air ?strikes?|airstrikes?)(\s*/\s*|\s+and\s+)(ground )?(operations?|attacks?|clashes|raids?)", t):
        return "Air/drone strike"
    if "air" in cues and ({"clash", "kill"} & cues):
        return "Armed clash"  # "operations by Afghan forces backed by airstrikes killed 5 Taliban"
    if "shell" in cues:
        return "Shelling/artillery/missile attack"
    if "grenade" in cues and actor2_inter not in (None, 7) and re.search(
            r"\b(gunfire|opened fire|exchanged fire|firefight|gun ?battle|small arms|machine ?guns?|rifles?)\b", t):
        return "Armed clash"  # ACLED: grenades thrown in a gunfight are part of the clash
    if "grenade" in cues:
        return "Grenade"
    if "ied" in cues:
        return "Remote explosive/landmine/IED"
    if "sexual" in cues:
        return "Sexual violence"
    if "abduct" in cues and "kill" in cues and re.search(r"\b(killed|executed|beheaded|shot dead|bod(y|ies)|corpses?|remains)\b", t):
        return "Attack" if actor2_inter in (None, 7) else "Armed clash"  # "2 policemen were kidnapped and killed"
    if "abduct" in cues:
        return "Abduction/forced disappearance"
    if "clash" in cues:
        return "Armed clash" if actor2_inter not in (None, 7) else "Attack"
    if "kill" in cues:
        return "Attack" if actor2_inter in (None, 7) else "Armed clash"
    if "disrupt" in cues:
        return "Disrupted weapons use"
    if "arrest" in cues:  # ACLED: arrests are by state forces; a non-state group detaining people abducts them
        return "Abduction/forced disappearance" if actor1_inter in (2, 3, 4, 5, 6) else "Arrests"
    if "loot" in cues:
        return "Looting/property destruction"
    if "agree" in cues and not ({"transfer", "change"} & cues and _UNDER_AGREEMENT.search(t)):
        return "Agreement"  # not "forces withdrew as part of the implementation of the Riyadh Agreement": a movement
    if "transfer" in cues and re.search(r"\b(hand(ed|ing|s)? (\w+ ){0,2}over|handover|without (\w+ ){0,2}?(any |a )?(\w+ ){0,3}?"
                                        r"(" + _NO_FIGHT + r"))\b", t):
        return "Non-violent transfer of territory"
    if "transfer" in cues:
        return "Change to group/activity"  # "Turkish forces withdrew from areas near Sharkrak": a movement, no handover
    if "base" in cues:
        return "Headquarters or base established"
    if "change" in cues:
        return "Change to group/activity"
    if "displace" in cues:
        return "Displacement"
    if armed_blockade:
        return "Other"
    return None
