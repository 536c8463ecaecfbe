import pytest

from eventcoder.counts import find_figures


def figs(s):
    return [(f.kind, f.low, f.high, f.subset) for f in find_figures(s)]


def fatalities_in(s):
    """All fatalities a sentence's figures count."""
    return sum(f.low for f in find_figures(s) if f.kind == "fatalities")


@pytest.mark.parametrize("sentence, expected", [
    ("Six civilians, including a child, have reportedly been killed following clashes.",
     [("fatalities", 6, 6, False), ("fatalities", 1, 1, True)]),
    ("Fourteen injuries and at least 47 casualties among armed forces have also been reported.",
     [("injuries", 14, 14, False), ("casualties", 47, 47, False)]),
    ("Some 300 to 500 families have fled the city.", [("displaced", 300, 500, False)]),
    ("Taliban attacked a checkpoint, killing 3 soldiers and wounding 2 others.",
     [("fatalities", 3, 3, False), ("injuries", 2, 2, False)]),
    ("The attack left 12 people dead and dozens injured.", [("fatalities", 12, 12, False), ("injuries", 12, 12, False)]),
    ("Between 5 and 7 people were killed in the blast.", [("fatalities", 5, 7, False)]),
    ("Several soldiers were killed.", [("fatalities", 10, 10, False)]),
    ("No casualties were reported.", [("fatalities", 0, 0, False), ("injuries", 0, 0, False)]),
    ("A civilian was shot dead by gunmen.", [("fatalities", 1, 1, False)]),
    ("Gunmen shot dead a journalist in Culiacan.", [("fatalities", 1, 1, False)]),
    ("Twenty fighters attacked the base, and killed two guards.", [("fatalities", 2, 2, False)]),
    ("In 2014 four km from the town 3 years after the war.", []),
    ("An unidentified gunman shot dead a soldier in Lahij.", [("fatalities", 1, 1, False)]),
    ("Two men killed a taxi driver in Celaya.", [("fatalities", 1, 1, False)]),
    ("Two men killed in Celaya.", [("fatalities", 2, 2, False)]),
    ("A former municipal official was assassinated in Morelos.", [("fatalities", 1, 1, False)]),
    # quotation marks around a noun; a noun of the actor dictionary names people too
    ("1 'Arbaki' was killed and 1 was wounded by a Taliban 'bomb attack'.",
     [("fatalities", 1, 1, False), ("injuries", 1, 1, False)]),
    ("2 Uprising militiamen were killed in the ambush.", [("fatalities", 2, 2, False)]),
    # an active "and injured N" after the dead is the next figure, not theirs
    ("Afghan forces killed 4 Taliban militants and injured 1 in Baharak.",
     [("fatalities", 4, 4, False), ("injuries", 1, 1, False)]),
    ("6 Taliban and/or IS militants were killed during clashes.", [("fatalities", 6, 6, False)]),
    ("Clashes left 5 soldiers injured and 2 dead.", [("injuries", 5, 5, False), ("fatalities", 2, 2, False)]),
    ("A bomb killed 4-5 policemen including a commander and 1 was wounded.",
     [("fatalities", 4, 5, False), ("injuries", 1, 1, False)]),
    ("An explosion in the industrial area killed a woman and a child.",
     [("fatalities", 1, 1, False), ("fatalities", 1, 1, False)]),
    ("Airstrikes on Termanin killed between 2-3 civilians and wounded 9 others.",
     [("fatalities", 2, 3, False), ("injuries", 9, 9, False)]),
    ("Gunmen killed a man and wounded his son.", [("fatalities", 1, 1, False)]),
    ("Airstrikes on the town killed a pharmacist.", [("fatalities", 1, 1, False)]),
    ("A civilian from Da'el died under torture.", [("fatalities", 1, 1, False)]),
    # killed or wounded: how many died is unknown (ACLED codes 0)
    ("1 soldier was killed or wounded by a sniper.", [("casualties", 1, 1, False)]),
    # a subset or a second group between the number and its verb
    ("12 Taliban militants including 2 commanders were killed in Balkh.",
     [("fatalities", 12, 12, False), ("fatalities", 2, 2, True)]),
    ("At least 5-7 local policemen and 2 pro-government militia members were killed in Kapisa.",
     [("fatalities", 5, 7, False), ("fatalities", 2, 2, False)]),
    # an appositive names the same person; killers after "by" are not victims
    ("1 civilian, a tribal elder, was killed by unknown gunmen in Kandahar.", [("fatalities", 1, 1, False)]),
    ("7 civilians were killed by two unknown gunmen their bodies were found in Maadan.", [("fatalities", 7, 7, False)]),
    # another source's figure in brackets is not the event's (ACLED keeps the attributed lower one)
    ("3 local policemen (5 according to VoJ) were killed in Kunduz city.", [("fatalities", 3, 3, False)]),
    ("Clashes resulted in the killing of 3 JWS fighters and the wounding of 5 others.",
     [("fatalities", 3, 3, False)]),
    ("Gunmen shot and killed a brother of a senator and 2 of his guards in Nangarhar.",
     [("fatalities", 1, 1, False), ("fatalities", 2, 2, False)]),
    # one victim without a number: an IDP, "the person on board", "the death of the owner", "He died later"
    ("Airstrikes on Daret Azza killed an IDP.", [("fatalities", 1, 1, False)]),
    ("An IED detonated targeting a vehicle and killing the person on board.", [("fatalities", 1, 1, False)]),
    ("The attack resulted in the death of the elderly owner of the property.", [("fatalities", 1, 1, False)]),
    ("Gunmen shot a civilian on the Cornishe of Idleb city. He died later in the day.", [("fatalities", 1, 1, False)]),
    ("The attack resulted in the killing of all 3 crew members.", [("fatalities", 3, 3, False)]),
    # after "killed N" any noun is a victim; "shot and killed" is a killing; the list goes on after
    # "in addition to" and past a subset; a range can be the second group; a long subset
    ("Gunmen shot and killed 1 Sufi scholar in Herat.", [("fatalities", 1, 1, False)]),
    ("1 farmer working near the checkpoint was shot and killed by unknown gunmen in Ghazni.", [("fatalities", 1, 1, False)]),
    ("Gunmen killed 1 tribal elder in addition to 3 of his guards in Logar.",
     [("fatalities", 1, 1, False), ("fatalities", 3, 3, False)]),
    ("Militants killed 2 militia members including a commander and 3 NDS agents in Balkh.",
     [("fatalities", 2, 2, False), ("fatalities", 3, 3, False)]),
    ("4 militants and 1-2 soldiers were killed during clashes in Kunduz city.",
     [("fatalities", 4, 4, False), ("fatalities", 1, 2, False)]),
    ("5-8 militants including a commander of the Taliban Red Unit were killed by an airstrike.",
     [("fatalities", 5, 8, False), ("fatalities", 1, 1, True)]),
    # a number after "killed" followed by a verb is a new clause, not more victims ("... killed 1 was arrested")
    ("3 militants were killed 2 were arrested in the operation.", [("fatalities", 3, 3, False)]),
    # women and children listed inside "including" are a subset; "2 civilians a child and a woman" restates them
    ("Shelling on the town killed 7 civilians including 3 children and 2 women.",
     [("fatalities", 7, 7, False), ("fatalities", 2, 2, True)]),
    ("Airstrikes on the village killed 2 civilians a child and a woman.", [("fatalities", 2, 2, False)]),
    # "N X and his guard were killed": one more; "1 civilian an employee of ...": the same person
    ("1 district official and his driver were killed by a roadside bomb in Zabul.", [("fatalities", 2, 2, False)]),
    ("1 civilian an employee of the customs house was shot and killed in Herat.", [("fatalities", 1, 1, False)]),
    # ACLED counts a suicide bomber; "killed the director" is one death
    ("A suicide bomber blew himself up near a checkpoint and wounded 2 policemen.",
     [("injuries", 2, 2, False), ("fatalities", 1, 1, False)]),
    ("Gunmen ambushed and killed the director of the provincial hospital in Ghor.", [("fatalities", 1, 1, False)]),
    # one victim without a number: "the owner of a bar", "ambushed and killed", a sheikh, a body left somewhere
    ("The owner of a bar was murdered in Cancun.", [("fatalities", 1, 1, False)]),
    ("The municipal police chief of Zinapecuaro was ambushed and killed.", [("fatalities", 1, 1, False)]),
    ("A tribal sheikh was assassinated in Marib.", [("fatalities", 1, 1, False)]),
    ("A decapitated body was left in front of the town hall in Zitacuaro.", [("fatalities", 1, 1, False)]),
    # human heads or torsos found are deaths, like bodies
    ("A human head was found in a plastic bag on a street of Uruapan.", [("fatalities", 1, 1, False)]),
    ("Two human heads were found in front of the town hall of Celaya.", [("fatalities", 2, 2, False)]),
    # one relative named by kin, no number: "killing his wife"
    ("Gunmen attacked the house of a police officer in Salamanca, killing his wife.", [("fatalities", 1, 1, False)]),
    ("On 1 March 2020, a Taliban fighter killed his mother, a female police officer (off-duty), in Herat.",
     [("fatalities", 1, 1, False)]),
    # "a bus" is no victim: an article ends the noun phrase before "an assailant"
    ("Passengers of a bus beat an assailant to death in Tlalnepantla.", [("fatalities", 1, 1, False)]),
    # "3 PMF fighters", "2 AMISOM soldiers", "3 ambulance paramedics": no clock time ("3 pm"), however the word begins
    ("Militants attacked a position, killing 3 PMF fighters.", [("fatalities", 3, 3, False)]),
    ("2 AMISOM soldiers were killed in the ambush.", [("fatalities", 2, 2, False)]),
    ("At 3 p.m. militants attacked, killing 2 soldiers.", [("fatalities", 2, 2, False)]),
    # saved "from being lynched": nobody died
    ("Police rescued two men from being lynched by residents in Puebla.", []),
    ("Two men were lynched by residents in Puebla.", [("fatalities", 2, 2, False)]),
    # "between two families" names the sides, not the dead
    ("A revenge killing between two families left 2 dead in Ibb.", [("fatalities", 2, 2, False)]),
])
def test_acled_counting_rules(sentence, expected):
    assert figs(sentence) == expected


@pytest.mark.parametrize("sentence, dead", [
    # headline style: present tense, no article, "reported killed"
    ("Eleven reported killed in northern attacks", 11),
    ("Thirty-one die in weekend violence.", 31),
    ("Rebels shoot dead seven near the border", 7),
    ("Troops slay 14 insurgents in mountain raid", 14),
    ("Five would-be bombers killed in the capital", 5),
    ("Veteran judge killed in the capital, third this month.", 1),
    ("Village guard said killed in ambush.", 1),
    ("Army kills suspected militant near the border.", 1),
    ("Insurgents kill another provincial council member.", 1),
    ("Government forces killed rebel commander in the hills.", 1),
    ("Blast kills 12, injures 40 in central market.", 12),
    ("One dead, nine injured in twin blasts", 1),
    ("Ministry says 8 more dead in tribal fighting.", 8),
    ("Seven Nigerians die in bus ambush", 7),
    ("Body of 17-year-old boy found near the river", 1),
    ("Insurgents kill 45-year-old shopkeeper", 1),
    ("Daily says village chief killed, two others wounded", 1),
    ("Army kills 9 cattle raiders", 9),
    ("Ambush leaves six dead on the highway", 6),
    ("Death toll of last week's market bombing in the north rises to 31", 31),
    ("Bodies of four young teenagers found near the dam", 4),
    ("Attacker blows himself up at checkpoint", 1),
    # plural or collective nouns, and a verb with an object, are not one victim
    ("Gunmen killed in the capital.", 0),
    ("Taliban killed in the hills.", 0),
    ("Government forces killed rebel fighters in the hills.", 0),
    ("Guards kill prisoners in the jail.", 0),
])
def test_headline_counts(sentence, dead):
    assert fatalities_in(sentence) == dead




def test_a_number_with_thousands_separators_and_its_comma():
    assert figs("Clashes killed 5, wounded 3 and displaced 1,200 families.") == [
        ("fatalities", 5, 5, False), ("injuries", 3, 3, False), ("displaced", 1200, 1200, False)]


def test_unit_of_displacement():
    (f,) = find_figures("About 2,000 people were displaced by the fighting.")
    assert (f.kind, f.low, f.unit) == ("displaced", 2000, "people")


def test_one_named_victim_without_a_number():
    from eventcoder.counts import find_figures
    assert [(f.kind, f.low) for f in find_figures("the former mayor of Tlalixcoyan was shot dead in Veracruz.")] \
        == [("fatalities", 1)]
    assert find_figures("the village was destroyed") == []
    assert [(f.kind, f.low) for f in find_figures("the National Guard clashed with gunmen killing 4 of them")] \
        == [("fatalities", 4)]


@pytest.mark.parametrize("sentence, dead", [
    ("a dismembered body was found inside plastic bags in Tlaquepaque.", 1),
    ("a corpse with signs of torture was dumped in front of a school.", 1),
    ("the governing body of the university was attacked by protesters.", 0),
    ("a femicide was reported in Ciudad Juarez.", 1),
    ("a man was deprived of life by armed subjects in Salamanca.", 1),
    ("a murder investigation was opened.", 0),
])
def test_one_body_found_is_one_death(sentence, dead):
    assert fatalities_in(sentence) == dead


def test_a_notes_total_is_the_coders_figure():
    (f,) = [f for f in find_figures("A fighter later died of his wounds. Total fatalities 2.") if f.coded]
    assert (f.kind, f.low) == ("fatalities", 2)


def test_the_coders_own_figure_settles_the_total(pipeline):
    """An ACLED note's "Fatalities coded as N" is the total, whatever the other figures say."""
    from eventcoder import code_text
    (e,) = code_text("On 3 February 2020 rebels shot down a regime helicopter over Idleb province. No fatalities "
                     "were reported. Fatalities coded as 3.", "2020-02-10", pipeline=pipeline)
    assert e.fatalities == 3
    (e,) = code_text("On 3 February 2020 4 soldiers were killed by Taliban snipers in Helmand. Fatalities coded as 4 "
                     "(VoJ also reported 4 fatalities).", "2020-02-10", pipeline=pipeline)
    assert e.fatalities == 4


@pytest.mark.parametrize("sentence, dead", [
    ("a woman lost her life after being attacked with firearms in Celaya.", 1),
    ("a taxi driver was gunned down by armed individuals.", 1),
    ("a woman was found lifeless with signs of violence.", 1),
    ("a man was found hanging from a bridge.", 1),
    ("a banner was found hanging from a bridge.", 0),
    ("two decapitated bodies were abandoned on a road.", 2),
    ("two houses and bodies of water were damaged.", 0),
    ("a Houthi military supervisor was shot dead by tribesmen in Ibb.", 1),
    ("The man lost his life.", 1),
    ("a man who was attacked with a firearm lost his life at the hospital.", 1),
])
def test_more_ways_to_say_one_died(sentence, dead):
    assert fatalities_in(sentence) == dead


@pytest.mark.parametrize("sentence, dead", [
    ("an attack with firearms against a vehicle left one person dead.", 1),  # "an attack" is no victim
    ("a woman's body was located in a ravine.", 1),
    ("a police special forces member and 2 Taliban militants were killed.", 3),
])
def test_an_article_counts_a_victim_only_before_a_person_noun(sentence, dead):
    assert fatalities_in(sentence) == dead


def test_a_total_split_as_follows_gives_each_place_its_share(pipeline):
    """'Total fatalities of 24 are split as follows: 5 Zmar ... and 10 other areas': the event takes the share
    of its own place, or that of 'other areas' when its place is not listed, not the whole total."""
    from eventcoder import code_text

    (e,) = code_text("On 05 February 2020 clashes took place between regime forces and rebel factions in the southern "
                     "countryside of Aleppo. Clashes resulted in the killing of 10 regime fighters and 14 rebel fighters. "
                     "Total fatalities of 24 are split as follows: 5 Zmar 5 Big Othmaniya 4 Talafeh and 10 other areas "
                     "in the southern countryside of Aleppo.", "2020-02-06", pipeline=pipeline)
    assert e.fatalities == 10 and "10 other areas" in e.evidence["fatalities"][0].text
    (e,) = code_text("On 05 February 2020 regime forces shelled Tal Rifaat in Aleppo, killing 9 rebel fighters. "
                     "Total fatalities of 9 are split as follows: 4 Tal Rifaat and 5 other areas.", "2020-02-06",
                     pipeline=pipeline)
    assert e.fatalities == 4
