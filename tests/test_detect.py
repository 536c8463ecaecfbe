"""Stage 3: detection and ACLED sub-event types, sentence by sentence."""
import pytest

from eventcoder import code_text
from eventcoder.detect import classify, find_triggers, label_of


def sub_of(text, pipeline):
    events = code_text(text, "2020-02-20", pipeline=pipeline)
    return events[0].sub_event_type if events else None


@pytest.mark.parametrize("text, expected", [
    ("Arrests: On 13 February 2020 intelligence officers carried out raids in Qodsayya and arrested 7 young men.",
     "Arrests"),
    ("Movement of forces: On 22 February 2020 a Turkish military column crossed into Syria near Idlib.",
     "Change to group/activity"),
    ("Other: On 13 February 2020 12 militia members escaped to areas held by the SDF.", "Other"),
    ("Defusal: On 3 February 2020 security forces dismantled mines planted near the bridge.", "Disrupted weapons use"),
    ("Change to armed group: As reported on 24 February 2020 90 soldiers changed sides to the Taliban in Badghis.",
     "Change to group/activity"),
    ("Displacement: As reported on 16 February 2020 thousands of families were displaced from villages near Aleppo.",
     "Other"),
])
def test_a_leading_category_label_decides(text, expected, pipeline):
    assert sub_of(text, pipeline) == expected


def test_label_only_at_the_start():
    assert label_of("Arrests: police detained two men.") == "Arrests"
    assert label_of("Police said: arrests were made.") is None
    assert [t.cue for t in find_triggers("Mass grave: a grave was found.")][:1] == ["label"]


def test_arson_without_casualties_is_property_destruction_not_a_riot(pipeline):
    assert sub_of("On 12 February 2020 gunmen set fire to three houses in Tillaberi.", pipeline) \
        == "Looting/property destruction"
    # blown up with explosives: the explosive's sub-event type (ACLED codes detonations so)
    assert sub_of("On 12 February 2020 Houthi forces blew up two houses in Al Bayda.", pipeline) \
        == "Remote explosive/landmine/IED"


def test_mob_violence_without_lynching(pipeline):
    assert sub_of("On 5 February 2020 an angry crowd beat a suspected thief in Puebla.", pipeline) == "Mob violence"


def test_protesters_shot_is_excessive_force():
    cues = {"protest", "kill"}
    assert classify(cues, "police opened fire on protesters in the square", 1, 6) \
        == "Excessive force against protesters"
    assert classify({"protest", "intervene"}, "police fired tear gas to disperse protesters", 1, 6) \
        == "Protest with intervention"


def test_protesters_attacked_is_force_against_them_not_their_violence(pipeline):
    """"Security forces attacked protesters" is force used on the crowd; "protesters attacked a building"
    is the crowd's violence. Whoever uses force on protesters is actor2 (ACLED), a state force or not."""
    cues = {"protest", "clash", "kill"}
    assert classify(cues, "security forces attacked protesters with hunting rifles, injuring 12", 1, 6) \
        == "Excessive force against protesters"
    assert classify(cues, "the protesters were attacked by militiamen with live fire", 6, 3) \
        == "Excessive force against protesters"
    assert classify({"protest", "clash"}, "protesters attacked the provincial council building", 6, None) \
        == "Violent demonstration"
    (e,) = code_text("On 5 February 2020 unidentified gunmen attacked the sit-in of protesters in Karbala with hunting "
                     "rifles, killing one protester.", "2020-02-06", pipeline=pipeline)
    assert (e.sub_event_type, e.actor1, e.actor2, e.fatalities) == (
        "Excessive force against protesters", "Protesters (Iraq)", "Unidentified Armed Group (Iraq)", 1)


def test_force_on_a_violent_crowd_or_before_the_protest_is_not_excessive():
    """ACLED: a crowd that turns violent is a violent demonstration even when it is shot at; people
    killed before the protest (its pictures, its grievance) are no force used at it."""
    cues = {"protest", "kill"}
    assert classify(cues, "protesters threw stones at police, who opened fire and killed two protesters", 6, 1) \
        == "Violent demonstration"
    for text in ("demonstrators protested, holding pictures of protesters who had been killed since october",
                 "protesters gathered; more than 500 protesters have reportedly been killed",
                 "demonstrators held a vigil in honour of protesters shot dead in october",
                 "demonstrators protested in nasiriyah demanding the trial of those who killed demonstrators",
                 "students demonstrated to demand justice for those shot by militias"):
        assert classify(cues, text, 6, None) == "Peaceful protest", text


def test_territory_lost_and_retaken_the_same_day_is_a_clash():
    text = ("opposition forces advanced and took control of Shaalah before the regime forces regain control "
            "of the village after few hours")
    assert classify({"capture", "clash"}, text, 2, 1) == "Armed clash"
    assert classify({"capture"}, "opposition rebels recapture zeitan town", 2, 1) == "Non-state actor overtakes territory"


def test_arrests_in_a_raid_are_arrests_not_a_clash():
    assert classify({"arrest", "clash"}, "security patrols carried out a raid and arrested 20 members", 1, None) \
        == "Arrests"


def test_suicide_bombers_in_the_plural_and_a_coders_remark():
    assert "suicide" in {t.cue for t in find_triggers("two IS suicide bombers attacked a PMF position")}
    assert not find_triggers("Total fatalities coded as 12 to account for the suicide bombers.")


def test_an_agreement_carried_out_and_fighting_to_be_halted():
    """Forces that withdraw 'as part of the implementation of' an agreement move (a change to the group);
    'agreed ... to halt airstrikes and shelling' names no airstrike and no shelling."""
    assert classify({"agree", "transfer"}, "stc forces withdrew from positions in abyan as part of the implementation of "
                    "the riyadh agreement", 3, None) == "Change to group/activity"
    assert classify({"agree"}, "the government and the stc signed the riyadh agreement", 1, 3) == "Agreement"
    assert {t.cue for t in find_triggers("the sides agreed on a ceasefire to halt airstrikes and shelling in Hodeidah")} \
        == {"agree"}
    # the numbered terms of an agreement name the violence it is to stop, not violence that took place
    assert classify({"agree", "air", "shell"}, "the tribes and houthi forces came to an agreement: 1) to respect the agreed "
                    "ceasefire and 2) to stop air strikes and shelling on villages.", 2, 4) == "Agreement"
    assert classify({"air", "agree"}, "coalition airstrikes hit houthi positions despite the ceasefire", 8, 2) == "Air/drone strike"


def test_a_ban_on_demonstrations_is_no_protest():
    assert not [t for t in find_triggers("the governor of Van banned all demonstrations for 15 days") if t.cue == "protest"]
    assert [t for t in find_triggers("students demonstrated against the ban in Van") if t.cue == "protest"]


def test_a_strike_by_drones_is_not_a_labour_strike():
    text = "On 10 February 2020 a drone strike by US military forces killed 6 civilians in Farah city."
    assert "protest" not in {t.cue for t in find_triggers(text)}
    assert "protest" in {t.cue for t in find_triggers("A strike by teachers closed schools in Kabul.")}
    assert "protest" in {t.cue for t in find_triggers("Oil workers staged a three-day strike in Basra over unpaid wages.")}
    assert "protest" not in {t.cue for t in find_triggers("US forces launched a strike on an al Shabaab camp in Jilib.")}
    assert {t.cue for t in find_triggers("Syrian regime forces dropped barrel bombs on Kafr Nabl.")} >= {"air"}


@pytest.mark.parametrize("text, expected", [
    ("On 3 February 2020 a Houthi sniper shot a woman in Taizz city.", "Attack"),
    ("On 3 February 2020 the corpses of 4 men were found in Celaya.", "Attack"),
    ("On 3 February 2020 the bodies of 2 kidnapped men were found in Celaya.", "Attack"),
    ("On 3 February 2020 residents blocked the highway in Oaxaca demanding water.", "Peaceful protest"),
    ("On 3 February 2020 teachers gathered in front of the governorate building in Basra.", "Peaceful protest"),
    ("On 3 February 2020 a civilian was injured by Houthi gunfire in Hays district Al Hudaydah.", "Attack"),
    ("On 3 February 2020 a man was deprived of his liberty by armed men in Celaya Guanajuato.",
     "Abduction/forced disappearance"),
    ("On 3 February 2020 Houthi forces launched an explosive-laden drone at Marib city.", "Air/drone strike"),
    ("On 3 February 2020 Houthi forces fired a drone at coalition positions in Al Jawf.", "Air/drone strike"),
    ("On 3 February 2020 Houthi forces attempted to advance on pro-Hadi positions in Nihm district Sanaa.",
     "Armed clash"),
    ("On 3 February 2020 Houthi forces continued to shell Al Dhahi district Al Hudaydah.",
     "Shelling/artillery/missile attack"),
    ("On 3 February 2020 militants bombed a house in Al Dhahi district Al Hudaydah.", "Remote explosive/landmine/IED"),
    ("On 3 February 2020 tribal gunmen blocked the road and clashed with security forces in Shabwah.", "Armed clash"),
    ("On 3 February 2020 a child was injured by unexploded ordnance in Hays district.", "Remote explosive/landmine/IED"),
    ("On 3 February 2020 a woman was hit by a stray bullet in Taizz city.", "Attack"),
    ("On 3 February 2020 a fisherman was hit by a drone in Al Khawkhah.", "Air/drone strike"),
    ("On 3 February 2020 residents of Aden took to the streets to denounce the collapse of the currency.",
     "Peaceful protest"),
    ("On 3 February 2020 Houthi forces imposed a curfew in Ibb city.", "Change to group/activity"),
    ("On 3 February 2020 Houthi forces confiscated the property of a businessman in Sanaa.",
     "Looting/property destruction"),
    ("On 3 February 2020 coalition forces seized a boat carrying weapons off the coast of Al Mahrah.",
     "Disrupted weapons use"),
    ("On 3 February 2020 human remains were found in a clandestine grave in Salvador Alvarado Sinaloa.", "Attack"),
    ("On 3 February 2020 a local candidate was threatened and shot at in Puebla.", "Attack"),
    ("On 3 February 2020 operations by Afghan forces backed by airstrikes killed 5 Taliban militants in Helmand.",
     "Armed clash"),
    ("On 3 February 2020 opposition rebels destroyed a regime tank with an ATGM in Aleppo.",
     "Shelling/artillery/missile attack"),
    ("On 3 February 2020 4 policemen were killed by a bomb in Nahri Saraj district Helmand.",
     "Remote explosive/landmine/IED"),
    ("On 3 February 2020 LNA warplanes reportedly targeted GNA positions in Zamzam.", "Air/drone strike"),
    ("On 3 February 2020 an exchange of shelling took place between rebels and the SDF in Umm al-Kayf.", "Armed clash"),
    ("On 3 February 2020 US forces blocked the road preventing a Russian convoy from passing towards Amuda.", "Other"),
    ("On 3 February 2020 a Turkish observation post was established east of Saraqib.", "Headquarters or base established"),
    ("On 3 February 2020 a group of women painted graffiti and broke windows during a march in Mexico City.",
     "Violent demonstration"),
    ("On 3 February 2020 Houthi supporters held a mass gathering in Sanaa to mark the anniversary.", "Peaceful protest"),
    ("On 3 February 2020 students took over toll booths in Chilpancingo Guerrero.", "Peaceful protest"),
    ("On 3 February 2020 a shootout between police and gunmen took place in Reynosa Tamaulipas.", "Armed clash"),
    # ACLED's violent demonstration: violence, property destruction, vandalism, burning barricades
    ("On 3 February 2020 protesters stormed the provincial council building in Nasiriyah.", "Violent demonstration"),
    ("On 3 February 2020 protesters threw fireworks at security forces in Baghdad.", "Violent demonstration"),
    ("On 3 February 2020 protesters set tires ablaze and closed roads in Karbala.", "Violent demonstration"),
    ("On 3 February 2020 feminist protesters painted slogans on the walls of the National Palace in Mexico City.",
     "Violent demonstration"),
    ("On 3 February 2020 protesters clashed with riot police in Basra.", "Violent demonstration"),
    # what the protest is about is not what happened at it
    ("On 3 February 2020 students protested in Nasiriyah to condemn the use of live ammunition against "
     "protesters last week.", "Peaceful protest"),
    ("On 3 February 2020 residents protested in Basra against the attack on a local activist.", "Peaceful protest"),
    # riot police at a peaceful protest do not make it a riot
    ("On 3 February 2020 riot police dispersed protesters with tear gas in Baghdad.", "Protest with intervention"),
    ("On 3 February 2020 demining teams dismantled 1,200 landmines and unexploded ordnance in Marib.",
     "Disrupted weapons use"),
    ("On 3 February 2020 unidentified persons burned down a school in Kismayo.", "Looting/property destruction"),
    ("On 3 February 2020 Turkish military forces destroyed 5 PKK shelters and caves in Sirnak countryside.",
     "Looting/property destruction"),
    # dismantling a checkpoint disrupts no weapon
    ("On 3 February 2020 the army dismantled an illegal checkpoint in Tamaulipas.", None),
    # a spontaneous group of people that beats, holds or attacks someone: ACLED's mob violence
    ("On 3 February 2020 residents of a community in Puebla detained two alleged thieves and beat them.",
     "Mob violence"),
    ("On 3 February 2020 relatives of a patient attacked doctors at a hospital in Baghdad.", "Mob violence"),
    ("On 3 February 2020 supporters of two candidates fought each other in Tuxtla Gutierrez, Chiapas.",
     "Mob violence"),
    # residents who only report an attack are not its perpetrators; residents who shoot are no mob
    ("On 3 February 2020 residents said gunmen attacked a checkpoint in Baidoa, killing 2 soldiers.", "Armed clash"),
    ("On 3 February 2020 members of two clans fought with rifles in Basra, killing 2.", "Armed clash"),
    ("On 3 February 2020 1 soldier was killed by a Taliban 'bomb attack' in Maidan Shar city Wardak.",
     "Remote explosive/landmine/IED"),
    ("On 3 February 2020 Taliban militants 'pounded' a check point in Nusay district Badakhshan.",
     "Shelling/artillery/missile attack"),
    # "fighters" is no fight: an RPG fired at a house is a missile attack
    ("On 3 February 2020 QSD fighters targeted a civilian property in Al-Hawayij in Deir-ez-Zor with an RPG.",
     "Shelling/artillery/missile attack"),
    # fighting on the ground together with airstrikes is an armed clash
    ("On 3 February 2020 5 Taliban militants were killed following attacks/airstrikes by Afghan forces in Herat.",
     "Armed clash"),
    ("On 3 February 2020 14 Taliban militants were killed by Afghan forces ground operations and airstrikes in "
     "Nangarhar.", "Armed clash"),
    ("On 3 February 2020 Afghan forces conducted operations against Taliban militants in Mohmand Dara district "
     "Nangarhar.", "Armed clash"),
    ("On 3 February 2020 Taliban militants overtook a military unit in Mahmud-e-Raqi city, Kapisa.", "Armed clash"),
    ("On 3 February 2020 opposition forces destroyed a regime forces' tank near Dadikh in Idlib.", "Armed clash"),
    # "Sarin" in a road's name is a place, not the nerve agent
    ("On 3 February 2020 unidentified gunmen killed a QSD commander on the Menbij - Sarin road in Aleppo.",
     "Armed clash"),
    ("On 3 February 2020 unidentified assailants threw a hand grenade at a house in Baidoa, injuring 2 civilians.",
     "Grenade"),
    # grenades thrown in a gunfight with an armed side are part of the clash (ACLED)
    ("On 3 February 2020 Al Shabaab militants attacked an army base with grenades and gunfire in Qoryoley.",
     "Armed clash"),
    ("On 3 February 2020 Turkish forces targeted PKK positions with howitzers near Sirnak.",
     "Shelling/artillery/missile attack"),
    ("On 3 February 2020 Houthi forces targeted pro-Hadi positions with heavy weapons in Nihm district.",
     "Shelling/artillery/missile attack"),
    # protesters who take over a building protest; they overtake no territory
    ("On 3 February 2020 teachers took over the offices of the education department in Oaxaca city.",
     "Peaceful protest"),
    ("On 3 February 2020 dozens of women chanted slogans against gender violence in Puebla.", "Peaceful protest"),
    ("On 3 February 2020 supporters of the STC carried banners and placards in Aden.", "Peaceful protest"),
    ("On 3 February 2020 students took over the facilities of the university in Morelia.", "Peaceful protest"),
    # a building or road taken over by people with no armed side named: no territory changes hands
    ("On 3 February 2020 a group of residents took over the building of the water company in Oaxaca city.",
     "Peaceful protest"),
    ("On 3 February 2020 farmers took control of the toll booth in Puebla and let vehicles pass for free.",
     "Peaceful protest"),
    ("On 3 February 2020 unidentified gunmen took over the police station in Janaale town.",
     "Non-state actor overtakes territory"),
    # a detention the protesters demand an end to is no intervention at their protest
    ("On 3 February 2020 residents gathered in the town center demanding the release of a detained relative "
     "in Nasiriyah.", "Peaceful protest"),
    ("On 3 February 2020 police detained 5 protesters during a march in Basra.", "Protest with intervention"),
    # protest forms: a caravan, a public press statement, a street closed to demand something,
    # an occupied faculty, a crowd gathered before a governor's palace
    ("On 3 February 2020 taxi drivers staged a caravan in Puebla city against ride-hailing apps.", "Peaceful protest"),
    ("On 3 February 2020 HDP members made a press statement in Van to denounce the arrest of their co-mayors.",
     "Peaceful protest"),
    ("On 3 February 2020 residents closed a street in Tijuana to demand water supply.", "Peaceful protest"),
    ("On 3 February 2020 students occupied the faculty of philosophy in Mexico City.", "Peaceful protest"),
    ("On 3 February 2020 dozens of people gathered in front of the governor's palace in Chilpancingo.",
     "Peaceful protest"),
    # more protest forms: a plantón, a human chain, a cacerolazo, a work stoppage or a mobilisation to
    # demand something, facilities taken, a blockade of a road named after two towns
    ("On 3 February 2020 parents installed a plantón in front of the Education Ministry in Chilpancingo.",
     "Peaceful protest"),
    ("On 3 February 2020 dozens of women formed a human chain in Puebla city against gender violence.", "Peaceful protest"),
    ("On 3 February 2020 residents held a cacerolazo in Tijuana.", "Peaceful protest"),
    ("On 3 February 2020 nurses stopped work in Monterrey to demand medicines.", "Peaceful protest"),
    ("On 3 February 2020 transport workers paralyzed traffic in Guadalajara, Jalisco, to demand a fare increase.",
     "Peaceful protest"),
    ("On 3 February 2020 members of Antorcha Campesina mobilized in Oaxaca city to demand public works.", "Peaceful protest"),
    ("On 3 February 2020 farmers took the facilities of the state congress in Chihuahua city.", "Peaceful protest"),
    ("On 3 February 2020 residents staged a blockade on the Mexico-Pachuca federal highway.", "Peaceful protest"),
    ("On 3 February 2020 residents demanded justice for a murdered girl in Mexico City.", "Peaceful protest"),
    ("On 3 February 2020 women painted the Angel of Independence monument during a feminist march.",
     "Violent demonstration"),
    # moving, massing and fortifying forces, sieges and alerts change what a group does
    ("On 3 February 2020 Houthi forces sent a military convoy to Nihm district in Sanaa.", "Change to group/activity"),
    ("On 3 February 2020 Houthi forces brought military equipment to the Sirwah front in Marib.", "Change to group/activity"),
    ("On 3 February 2020 Houthi forces established new military fortifications in Sirwah district (Marib).",
     "Change to group/activity"),
    ("On 3 February 2020 Houthi forces massed fighters near Al Hazm city in Al Jawf.", "Change to group/activity"),
    ("On 3 February 2020 Houthi forces laid siege to the village of Al Ashmour in Hajjah.", "Change to group/activity"),
    ("On 3 February 2020 Houthi forces erected earth mounds on the road between Taizz and Aden.", "Change to group/activity"),
    ("On 3 February 2020 pro-Hadi forces raised the state of alert in Marib city.", "Change to group/activity"),
    # a Grad is a rocket launcher
    ("On 3 February 2020 Houthi forces fired a Grad at Joint Forces positions in Hays.", "Shelling/artillery/missile attack"),
    # a cordon is a security measure; a vacated base changes hands without a fight
    ("On 3 February 2020 Houthi forces cordoned off a neighbourhood of Sanaa city.", "Change to group/activity"),
    ("On 3 February 2020 AMISOM troops vacated their base in Leego and handed it over to the Somali army.",
     "Non-violent transfer of territory"),
    # a drone the actor launches strikes from the air; a seized arms shipment is disrupted weapons use
    ("On 3 February 2020 Houthi forces launched a Qasef-2K drone at Saudi forces in Jizan.", "Air/drone strike"),
    ("On 3 February 2020 pro-Hadi forces seized a shipment of weapons in Al Mahrah.", "Disrupted weapons use"),
    # an armed side "targeted" with no fighting on the ground is hit from afar
    ("On 3 February 2020 GNA forces reportedly targeted LNA positions near Khela Ben Oun; no casualties reported.",
     "Shelling/artillery/missile attack"),
    ("On 3 February 2020 Houthi forces attacked Joint Forces positions in Hays district.", "Armed clash"),
    # an armed group taking weapons, or a truck it intercepts, robs; intercepted missiles are disrupted
    ("On 3 February 2020 armed men seized weapons from the municipal police station in Tepalcatepec.",
     "Looting/property destruction"),
    ("On 3 February 2020 armed men intercepted a truck on the highway and robbed the driver of his cargo.",
     "Looting/property destruction"),
    ("On 3 February 2020 Saudi air defences intercepted a ballistic missile fired by the Houthis over Jizan.",
     "Disrupted weapons use"),
    ("On 3 February 2020 Israeli warplanes struck Kisweh. Several missiles were reportedly intercepted.",
     "Air/drone strike"),
    ("On 3 February 2020 Mexican soldiers seized weapons and ammunition in Culiacan.", "Disrupted weapons use"),
    # police stopping a march intervene; a killing the protest is against is its grievance; stones,
    # bottles and hostages make a demonstration violent
    ("On 3 February 2020 police prevented protesters from marching to the governor's office in Basra.",
     "Protest with intervention"),
    ("On 3 February 2020 residents protested the killing of a young man by gunmen in Celaya.", "Peaceful protest"),
    ("On 3 February 2020 residents protested the attack on a school in Mogadishu.", "Peaceful protest"),
    ("On 3 February 2020 protesters threw stones and bottles at the town hall in Oaxaca.", "Violent demonstration"),
    ("On 3 February 2020 protesters held two officials hostage in the town hall of Chenalho.", "Violent demonstration"),
    # shelling in other words: heavy weaponry, salvos, plural Katyushas
    ("On 3 February 2020, Houthi forces used heavy weaponry against Joint Forces in Hays (Hodeidah).",
     "Shelling/artillery/missile attack"),
    ("On 3 February 2020, Houthi forces lobbed two Katyushas at Al Khawkhah (Hodeidah).", "Shelling/artillery/missile attack"),
    ("On 5 February 2020, residents burned the car of an alleged kidnapper in Tlaxcala (Tlaxcala).", "Mob violence"),
    ("On 5 February 2020, farmers took the toll booth in Tepotzotlan (Mexico), letting cars pass without paying.",
     "Peaceful protest"),
    # an armed side that abducts a protester abducts; no protest took place
    ("On 5 February 2020, unidentified gunmen kidnapped a protester in Baghdad.", "Abduction/forced disappearance"),
    ("On 5 February 2020, protesters gathered in Basra to demand the release of an abducted activist.",
     "Peaceful protest"),
    # explosives that go off: ACLED's remote explosive
    ("On 5 February 2020, PKK militants carried out an explosive attack on a construction site in Sirnak.",
     "Remote explosive/landmine/IED"),
    ("On 5 February 2020, PKK militants attacked workers with explosives in Hakkari.", "Remote explosive/landmine/IED"),
    # ACLED's Grenade: any hand-thrown explosive
    ("On 5 February 2020, PKK militants threw a hand-made explosive at a police station in Cizre (Sirnak).", "Grenade"),
    ("On 5 February 2020, unidentified persons threw an explosive device at a bank in Mosul.", "Grenade"),
    ("On 5 February 2020, an explosive was thrown at the house of a village guard in Lice (Diyarbakir).", "Grenade"),
    # an unarmed drone shot down is property destroyed; an armed one is a disrupted attack
    ("On 5 February 2020, Houthi forces shot down a coalition reconnaissance drone over Al Jawf.",
     "Looting/property destruction"),
    ("On 5 February 2020, opposition factions shot down a reconnaissance armed drone in Jabal al-Zawiya.",
     "Disrupted weapons use"),
    # ACLED's Agreement covers surrenders and prisoner releases
    ("On 5 February 2020, 12 Al Shabaab militants surrendered to the Somali National Army in Baidoa.", "Agreement"),
    ("On 6 February 2020, a senior ISIS member handed himself over to security forces in Kirkuk.", "Agreement"),
    # a crowd that catches, ransacks or apprehends is a mob
    ("On 3 February 2020 residents caught two alleged thieves and beat them in Puebla.", "Mob violence"),
    ("On 3 February 2020 villagers ransacked the house of a man accused of witchcraft in Chenalho.", "Mob violence"),
    ("On 5 February 2020 residents of Ecatepec (Mexico) beat a suspected thief and handed him over to the police, "
     "who arrested him.", "Mob violence"),
    ("On 3 February 2020 residents of a neighbourhood in Mogadishu apprehended a suspected Al Shabaab member.",
     "Mob violence"),
    # a town hall or a ministry's offices taken over is a protest; a district headquarters taken is a conquest
    ("On 5 February 2020, a group of ejidatarios took over the city hall of Chilapa (Guerrero).", "Peaceful protest"),
    ("On 5 February 2020, members of the CNTE took control of the offices of the education ministry in Chiapas.",
     "Peaceful protest"),
    ("On 5 February 2020, Taliban took over the district headquarters in Ghazni.",
     "Non-state actor overtakes territory"),
    # property a group of people destroys: a mob; armed men who burn houses destroy property
    ("On 5 February 2020, in San Pedro (Puebla), a group of people set fire to the car of an alleged kidnapper.",
     "Mob violence"),
    ("On 5 February 2020, a group of armed men burned three houses in Chenalho.", "Looting/property destruction"),
    # a meeting held is no one held
    ("On 5 February 2020, residents held a meeting with the mayor of Tlaxcala to discuss security.", None),
    # the same told from the victim's side
    ("On 5 February 2020, two alleged thieves were beaten by residents and later arrested by municipal police in "
     "Ecatepec.", "Mob violence"),
    ("On 5 February 2020, an alleged thief was caught by neighbours in Iztapalapa (Mexico City) who beat him.",
     "Mob violence"),
    ("On 5 February 2020, in Puebla, an alleged thief was beaten and tied to a post by a group of people.",
     "Mob violence"),
    ("On 5 February 2020, an alleged thief was killed by a crowd in Puebla.", "Mob violence"),
    # civilians who detain someone are a mob: they cannot arrest
    ("On 5 February 2020, in Oaxaca, merchants detained and beat an alleged thief in the market.", "Mob violence"),
    ("On 5 February 2020, neighbours cornered a suspected kidnapper and delivered him to the police, who arrested "
     "him.", "Mob violence"),
    ("On 5 February 2020, in Tlalnepantla, passengers of a bus disarmed an assailant and beat him.", "Mob violence"),
    # killed by a drone is a drone strike; a mass grave found is a strategic development (ACLED: Other)
    ("On 3 February 2020 2 civilians were killed and 1 was wounded by a US drone in Balkh province.", "Air/drone strike"),
    ("On 3 February 2020 drones controlled by opposition rebels targeted Muhradah power station with bombs.",
     "Air/drone strike"),
    ("On 3 February 2020 the Red Crescent recovered five corpses from a mass grave in Sirte.", "Other"),
    # an ambush on civilians is an attack; armed men kidnapped and killed are an armed clash
    ("On 3 February 2020 Taliban militants ambushed and killed 1 government employee in Lashkargah city.", "Attack"),
    ("On 3 February 2020 2 policemen were kidnapped and killed by Taliban militants in Qarabagh district Ghazni.",
     "Armed clash"),
    # a manned aircraft brought down is fire from the ground (even under an "Interception:" label);
    # a drone brought down is a disrupted weapon
    ("On 3 February 2020 rebels shot down a military helicopter over Saraqib.", "Shelling/artillery/missile attack"),
    ("Interception: On 3 February 2020 a government warplane was reportedly shot down near Kafr Nabl.",
     "Shelling/artillery/missile attack"),
    ("On 3 February 2020 army air defences shot down a drone over Hama.", "Disrupted weapons use"),
    # a bomb "suspected to be planted" by someone is still a planted bomb
    ("On 3 February 2020 a bomb suspected to be planted by militants killed a policeman in Khost city.",
     "Remote explosive/landmine/IED"),
    # territory taken "without any clashes" changes hands without fighting (ACLED's non-violent transfer)
    ("On 3 February 2020 SNA forces seized Bariire town without any clashes with Al Shabaab.",
     "Non-violent transfer of territory"),
    ("On 3 February 2020 SNA forces seized Bariire town after heavy clashes with Al Shabaab.",
     "Government regains territory"),
    ("On 3 February 2020 Somali military forces reportedly seized Bur Eyle (Bay region) without facing any resistance "
     "or armed clashes.", "Non-violent transfer of territory"),
    # force on the crowd is an intervention ("police evicted the protesters"); a crowd that attacks someone
    # ("a journalist was attacked by the protesters") is violent
    ("On 3 February 2020 state police evicted the protesters who blocked the highway in Chilpancingo.",
     "Protest with intervention"),
    ("On 3 February 2020 teachers protesting in Oaxaca city were beaten by state police.", "Protest with intervention"),
    ("On 3 February 2020 during a march in Puebla city, a journalist was attacked by the protesters.",
     "Violent demonstration"),
    # "the clashes" with no event told before it is the event itself (an article may open so)
    ("The clashes between tribesmen and police in Najaf left 2 policemen injured.", "Armed clash"),
    # troops or military vehicles moved, sent or arrived somewhere, with no fighting: a change to the group
    ("On 3 February 2020 20 military vehicles belonging to pro-Hadi forces reportedly arrived in Al Abr area.",
     "Change to group/activity"),
    ("On 3 February 2020 coalition forces transferred a number of military vehicles from Aden to Ataq city.",
     "Change to group/activity"),
    ("On 3 February 2020 Houthi fighters arrived in Nihm and clashed with pro-Hadi forces, killing 3.", "Armed clash"),
    # heavy machine guns and cannon by calibre ("12.7", "23 mm"), or heavy and medium calibre weapons, fired at
    # areas: fire from afar
    ("On 3 February 2020 Houthi forces reportedly fired calibre 12.7 and 14.5 at civilian houses in Hays. There "
     "were no reports of injuries/fatalities.", "Shelling/artillery/missile attack"),
    ("On 3 February 2020 Houthi forces fired heavy and medium calibre weapons at Hays city.",
     "Shelling/artillery/missile attack"),
    ("On 3 February 2020 Houthi forces fired 23 mm machine guns at a village in Hays.",
     "Shelling/artillery/missile attack"),
    # the side attacked fires back: the two sides fight (ACLED's armed clash), also in the next sentence
    ("On 3 February 2020 unknown men hurled a hand grenade at an army checkpoint in Afgooye. The soldiers "
     "responded with gunfire, injuring 2 bystanders.", "Armed clash"),
    ("On 3 February 2020 gunmen opened fire on a police patrol in Afgooye; the police returned fire.", "Armed clash"),
    ("On 3 February 2020 unknown men hurled a hand grenade at an army checkpoint in Afgooye, injuring 2 soldiers.",
     "Grenade"),
])
def test_sub_event_type_from_wording(text, expected, pipeline):
    """Which sub-event type the wording of a note gives (made-up notes in ACLED's style)."""
    assert sub_of(text, pipeline) == expected


def test_bodies_found_count_as_fatalities(pipeline):
    (e,) = code_text("On 3 February 2020 the corpses of 4 men were found in Celaya.", "2020-02-10", pipeline=pipeline)
    assert e.fatalities == 4


def test_negated_triggers_and_non_violent_handover(pipeline):
    assert "clash" not in {t.cue for t in find_triggers("Houthi forces withdrew from positions without fighting.")}
    assert sub_of("On 3 February 2020 SNA forces took control of Janaale after Al Shabaab withdrew.", pipeline) \
        == "Non-violent transfer of territory"
    # a suicide bomber shot or caught before the blast: no suicide bombing (ACLED)
    assert sub_of("On 10 March 2020 Afghan forces shot and killed a Taliban suicide bomber before he carried out his "
                  "attack in Zhari district, Kandahar.", pipeline) == "Armed clash"
    assert sub_of("On 10 March 2020 police arrested a would-be suicide bomber in Kabul.", pipeline) == "Arrests"
    assert sub_of("On 2 February 2020 an unknown suicide bomber killed himself and injured 2 civilians in Pul-e Khumri.",
                  pipeline) == "Suicide bomb"
    # a crowd that breaks windows or burns tyres riots; gunmen who break a door to kidnap do not
    assert sub_of("On 5 February 2020 a group of residents broke the windows of the municipal palace of Tepalcingo "
                  "(Morelos).", pipeline) == "Violent demonstration"
    assert sub_of("On 5 February 2020 protesters burned car tires on the main road of Nasiriyah.", pipeline) \
        == "Violent demonstration"
    assert sub_of("On 5 February 2020 gunmen broke the door of a house in Celaya and kidnapped two men.", pipeline) \
        == "Abduction/forced disappearance"
    # a human head found is a killing, as a body is
    assert sub_of("On 5 February 2020 a human head was found in a plastic bag on a street of Uruapan (Michoacan).",
                  pipeline) == "Attack"
    # a road blocked, however long its name, to denounce something is a protest
    assert sub_of("On 5 February 2020 about 50 residents blocked the lanes of the Mexico-Puebla federal highway at the "
                  "height of Chalco to denounce the lack of water.", pipeline) == "Peaceful protest"
    # machine guns fired at houses or areas from afar are shelling (ACLED, as with heavy weapons);
    # gunmen firing on people are an attack
    assert sub_of("On 5 February 2020 Houthi forces fired machine guns and medium weapons at houses in Hays district "
                  "(Al Hudaydah).", pipeline) == "Shelling/artillery/missile attack"
    assert sub_of("On 5 February 2020 gunmen opened fire with machine guns on a family in Celaya, killing 4.", pipeline) \
        == "Attack"
    assert sub_of("On 5 February 2020 Houthi forces fired randomly with machine guns on civilians' houses in Hays.",
                  pipeline) == "Shelling/artillery/missile attack"
    assert sub_of("On 5 February 2020 gunmen fired indiscriminately at a bar in Celaya, killing 3.", pipeline) == "Attack"
    # a bomb found, or removed safely, is a disrupted weapon; one that goes off is an IED
    assert sub_of("On 5 February 2020 SNA forces found a roadside IED planted near Afgoye and safely removed it.",
                  pipeline) == "Disrupted weapons use"
    assert sub_of("On 5 February 2020 an IED planted on the road to Balcad was discovered by AMISOM forces.",
                  pipeline) == "Disrupted weapons use"
    assert sub_of("On 5 February 2020 an IED exploded near an SNA convoy in Afgoye, killing 2 soldiers.", pipeline) \
        == "Remote explosive/landmine/IED"
    # control gained, assumed, restored or wrested is territory taken
    assert sub_of("On 5 February 2020 government forces gained full control of Al Masloub district in Al Jawf after "
                  "clashes with Houthi forces.", pipeline) == "Government regains territory"
    # sexual violence in its other words
    assert sub_of("On 5 February 2020 Houthi militants sexually abused a child in Ibb.", pipeline) == "Sexual violence"
    assert sub_of("On 5 February 2020 an armed man molested a girl in Taiz.", pipeline) == "Sexual violence"
    # a withdrawal alone moves forces; a handover transfers territory
    assert sub_of("On 8 February 2020 Turkish forces withdrew from areas in the vicinity of Sharkrak in Ar-Raqqa.",
                  pipeline) == "Change to group/activity"
    assert sub_of("On 8 February 2020 Houthi forces handed over the port of Hodeidah to the coast guard.", pipeline) \
        == "Non-violent transfer of territory"


def test_headline_verbs_are_killings():
    """Headlines: "slay", a present-tense "die", and "would-be" (a noun, not a modal)."""
    assert "kill" in {t.cue for t in find_triggers("Troops slay 14 insurgents in mountain raid")}
    assert "kill" in {t.cue for t in find_triggers("Thirty-one die in weekend violence.")}
    assert "kill" not in {t.cue for t in find_triggers("Old soldiers never die.")}
    assert find_triggers("Five would-be bombers killed in the capital")
    assert "kill" in {t.cue for t in find_triggers("Troops Open Fire at Protesters in the Capital")}
    assert "suicide" in {t.cue for t in find_triggers("Attacker blows himself up at checkpoint")}
    assert not find_triggers("Five bombers would have killed dozens in the capital")


def test_verdicts_threats_and_sirens_are_not_killings():
    assert "kill" not in {t.cue for t in find_triggers("The Houthi-run court in Sanaa sentenced 35 MPs to death.")}
    assert "kill" not in {t.cue for t in find_triggers("A mayor denounced death threats by a cartel.")}
    # a banner "signed by" a cartel is no signed agreement
    assert "agree" not in {t.cue for t in find_triggers("A banner signed by the CJNG was hung on a bridge.")}
    assert "air" not in {t.cue for t in find_triggers("An air raid siren sounded in Marib.")}


def test_a_peaceful_protest_kills_no_one(pipeline):
    """ACLED: deaths in a peaceful protest's text are what it is about, not its toll."""
    (e,) = code_text("On 3 February 2020 residents demanded justice for a murdered girl in Mexico City.",
                     "2020-02-10", pipeline=pipeline)
    assert (e.sub_event_type, e.fatalities) == ("Peaceful protest", 0)


def test_a_mass_grave_records_no_new_fatalities(pipeline):
    (e,) = code_text("On 3 February 2020 the Red Crescent recovered five corpses from a mass grave in Sirte.",
                     "2020-02-10", pipeline=pipeline)
    assert (e.sub_event_type, e.fatalities) == ("Other", 0)


def test_ending_hostilities_is_no_fight(pipeline):
    """"an agreement to end hostilities": a purpose, not a clash."""
    assert sub_of("On 25 February 2020 two clans signed an agreement in Galkayo to end hostilities.", pipeline) == "Agreement"
    assert "clash" in {t.cue for t in find_triggers("Hostilities resumed between the two clans.")}


def test_aircraft_that_bombard_strike_from_the_air(pipeline):
    assert sub_of("On 10 February 2020 Russian jets bombarded the town of Saraqib.", pipeline) == "Air/drone strike"
    assert sub_of("On 10 February 2020 regime artillery bombarded the town of Saraqib.", pipeline) \
        == "Shelling/artillery/missile attack"


def test_rioters_who_clash_with_police_riot(pipeline):
    """ACLED: rioters fighting police is a violent demonstration; gunmen fighting police is a clash."""
    assert sub_of("On 4 February 2020 rioters clashed with police in Ankara.", pipeline) == "Violent demonstration"
    assert sub_of("On 4 February 2020 gunmen clashed with police in Celaya.", pipeline) == "Armed clash"


@pytest.mark.parametrize("text, expected", [
    ("On 11 February 2020 unknown attackers set a police patrol car on fire in Morelia.", "Looting/property destruction"),
    ("On 21 February 2020 Al Qaeda militants blew up a power tower in Abyan.", "Remote explosive/landmine/IED"),
    ("On 25 February 2020 an activist was disappeared in Chiapas.", "Abduction/forced disappearance"),
    ("On 27 February 2020 Houthi gunmen broke into a school in Ibb and beat students.", "Attack"),
])
def test_more_wordings(text, expected, pipeline):
    assert sub_of(text, pipeline) == expected


def test_a_death_sentence_is_no_death():
    assert "kill" not in {t.cue for t in find_triggers("A Houthi-run court issued death sentences against 4 journalists.")}


@pytest.mark.parametrize("text", [
    "On 18 February 2020 Houthi forces seized a truck carrying humanitarian aid in Al Hudaydah.",
    "On 18 February 2020 gunmen hijacked a truck on the highway in Puebla.",
    "On 18 February 2020 Al Shabaab militants burned a telecommunications mast in Hiraan.",
])
def test_taking_or_burning_property_is_looting(text, pipeline):
    assert sub_of(text, pipeline) == "Looting/property destruction"


@pytest.mark.parametrize("text, expected", [
    ("On 14 February 2020 a drone of the Saudi-led coalition struck a Houthi vehicle in Sirwah.", "Air/drone strike"),
    ("On 14 February 2020 a Turkish fighter jet bombed PKK positions in Hakkari.", "Air/drone strike"),
    ("On 3 February 2020 a group of armed men deprived a businessman of his liberty in Iguala.",
     "Abduction/forced disappearance"),
    ("On 5 February 2020 an IED was dismantled by security forces in Mosul.", "Disrupted weapons use"),
    ("On 3 February 2020 dozens of cyclists rode through Mexico City to demand safe streets.", "Peaceful protest"),
])
def test_owned_aircraft_passive_defusal_and_demands(text, expected, pipeline):
    """'a drone of X struck', singular jets, 'deprived X of his liberty', 'an IED was dismantled',
    a crowd that demands something."""
    assert sub_of(text, pipeline) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 14 February 2020 Houthi forces dynamited the house of a tribal leader in Al Bayda.", "Remote explosive/landmine/IED"),
    ("On 3 February 2020 skulls and bone remains were found in a clandestine grave in Tlaquepaque.", "Attack"),
    ("On 3 February 2020 a man was murdered by firearm projectiles in Culiacan.", "Attack"),
])
def test_dynamite_remains_and_firearm_projectiles(text, expected, pipeline):
    assert sub_of(text, pipeline) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 3 February 2020 a group of 50 people gathered in Ankara to commemorate the victims of the 2015 bombing.",
     "Peaceful protest"),
    ("On 14 February 2020 Houthi forces seized a fishing boat off the coast of Midi.", "Looting/property destruction"),
])
def test_commemorations_and_seized_boats(text, expected, pipeline):
    assert sub_of(text, pipeline) == expected


@pytest.mark.parametrize("text, expected, dead", [
    ("On 5 February 2020 police detained 5 people in Diyarbakir in connection with a PKK attack on 2 February "
     "that killed a soldier.", "Arrests", 0),
    ("On 5 February 2020 Turkish forces retaliated for the killing of 2 soldiers on 4 February by shelling "
     "PKK positions in Hakkari.", "Shelling/artillery/missile attack", 0),
    ("On 5 February 2020 3 people were arrested for the murder of a journalist in Veracruz.", "Arrests", 0),
])
def test_what_people_are_arrested_or_avenged_for_happened_before(text, expected, dead, pipeline):
    """An attack someone is detained 'in connection with', or that a strike 'retaliated for', is
    not the event the sentence reports, and its dead are not its fatalities."""
    (e,) = code_text(text, "2020-02-20", pipeline=pipeline)
    assert (e.sub_event_type, e.fatalities) == (expected, dead)
    if expected == "Arrests":
        assert e.actor1.startswith("Police Forces of")  # ACLED: arrests are by state forces


def test_a_motorcade_that_demands_is_a_protest(pipeline):
    assert sub_of("On 3 February 2020 taxi drivers held a motorcade in Mexico City to demand the regulation of Uber.",
                  pipeline) == "Peaceful protest"


def test_a_lead_that_reads_as_an_incident_report_gets_its_type_from_the_classifier(pipeline):
    """No trigger word, but a date to the day, a side and a known place in the lead: the n-gram
    classifier types it when it is confident (p >= REPORT_MIN_P), and the notes say so."""
    from eventcoder.pipeline import REPORT_MIN_P

    (e,) = code_text("On 3 February 2020, regime forces hit opposition positions in Saraqib, Idlib.", "2020-02-20",
                     pipeline=pipeline)
    assert e.sub_event_type == "Shelling/artillery/missile attack" and "n-gram classifier" in e.notes
    assert float(e.notes.split("p=")[1].split(":")[0]) >= REPORT_MIN_P
    # a meeting has the same shape, but the classifier is not confident: no event
    assert code_text("On 3 February 2020, the Houthi delegation met the UN envoy in Muscat to discuss the peace process.",
                     "2020-02-20", pipeline=pipeline) == []
    # no date to the day in the lead: no report shape, no event
    assert code_text("Regime forces hit opposition positions in Saraqib, Idlib.", "2020-02-20", pipeline=pipeline) == []


@pytest.mark.parametrize("text, expected, actor1", [
    ("On 5 February 2020 a bomb was defused at an army checkpoint in Kirkuk.", "Disrupted weapons use",
     "Military Forces of Iraq"),  # the checkpoint's army disrupted it
    ("On 5 February 2020 police arrested 3 men and seized weapons in Celaya.", "Arrests", "Police Forces of Mexico"),
    ("On 5 February 2020 Al Shabaab publicly flogged two men in Jilib.", "Attack", "Al Shabaab"),
    ("On 5 February 2020 Al Shabaab militants extorted money from drivers in Afgooye.", "Looting/property destruction",
     "Al Shabaab"),
])
def test_defusals_arrests_with_seizures_floggings_and_extortion(text, expected, actor1, pipeline):
    (e,) = code_text(text, "2020-02-20", pipeline=pipeline)
    assert (e.sub_event_type, e.actor1) == (expected, actor1)


def test_two_sides_that_trade_shelling_fight_a_battle(pipeline):
    """ACLED: an exchange of artillery fire between armed groups is a battle (armed clash)."""
    assert sub_of("On 14 February 2020 Houthi forces and the Giants Brigades traded shelling in Hays.", pipeline) \
        == "Armed clash"


def test_a_mobs_toll_stays_with_the_mob(pipeline):
    """The deaths reported in the next sentence belong to the lynching, not to a second, armed attack."""
    events = code_text("On 8 February 2020, a group of residents lynched two men accused of stealing a car in "
                       "Ajalpan (Puebla). The two men died.", published="2020-02-09", pipeline=pipeline)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Mob violence", 2)]
