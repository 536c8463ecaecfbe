"""eventcoder.evaluate: scoring against human-coded rows (made-up notes in ACLED's and UCDP's
column layouts under tests/resources; the real data in ../shared/data is never copied here)."""
import json

import pytest

from eventcoder import errors
from eventcoder.evaluate import Scorer, actor_key, norm_name, run_eval
from eventcoder.records import Event
from conftest import RES


def test_acled_file_scores_every_field_and_writes_a_report(pipeline, tmp_path, capsys):
    s = run_eval("acled", [RES / "acled-sample.csv"], tmp_path / "rep", None, None, pipeline=pipeline)
    # four distinct notes; the two rows that share the 'split between' note are one text
    assert s["notes"] == 4 and s["no_event"] == 0
    assert (s["event_type"], s["sub_event_type_macro_f1"], s["country"], s["date_exact"]) == (1.0, 1.0, 1.0, 1.0)
    # "Taizz" (gold) and "Ta'izz" (the gazetteer's name) are the same governorate
    assert s["admin1"] == 1.0 and s["location_25km"] == 1.0
    # the 'split between' note is scored apart from the fatalities figure
    assert s["fatalities_set_apart"]["notes"] == 1 and s["fatalities_exact"] == 1.0
    # the counts behind the rates (a target is judged on them: 2281 of 2685 shows as 0.85 but is 0.8495)
    assert s["correct"]["actor1"] == [3, 4] and s["correct"]["fatalities_exact"] == [3, 3]
    assert s["by_group"]["acled-sample"]["notes"] == 4
    assert s["country_misses"] == {}  # wrong countries, as "gold -> predicted" counts
    report = json.loads((tmp_path / "rep" / "report.json").read_text())
    assert report["summary"]["notes"] == 4
    # a wrong side is listed with its text, as the other mistakes are (the Houthis, whom this sample's
    # coder names as Yemen's 2016- forces)
    assert s["actor1"] == 0.75 and [m["what"] for m in report["mistakes"] if m["kind"] == "actor1"] == [
        "actor1 Houthi Movement (gold Military Forces of Yemen (2016-) Supreme Political Council)"]
    assert "<table" in (tmp_path / "rep" / "report.html").read_text()
    assert "ACLED evaluation on 4 texts" in capsys.readouterr().out


def test_ucdp_deaths_count_within_the_range(pipeline):
    s = run_eval("ucdp", [RES / "ucdp-sample.csv"], None, None, None, pipeline=pipeline)
    assert s["notes"] == 2 and s["type_of_violence"] == 1.0
    assert s["deaths_in_range"] == 1.0  # 5 killed, range 5-7; 2 killed, range 2-2
    assert s["admin1"] == 1.0  # "Lower Shabelle region" is Lower Shabeelle, "Banadir region" Banaadir


def test_wrong_kind_of_file_is_a_coded_error(pipeline):
    with pytest.raises(errors.EvalError) as e:
        run_eval("ucdp", [RES / "acled-sample.csv"], None, None, None, pipeline=pipeline)
    assert "missing columns" in str(e.value) and "acled-sample.csv" in str(e.value)


@pytest.mark.parametrize("predicted, gold, same", [
    ("Ta'izz", "Taizz", True),
    ("Ninawa", "Ninewa", True),
    ("Dahuk", "Duhok", True),            # the common English name, kept as an alternate name
    ("Amanat al Asimah", "Sanaa", False),  # Sanaa city's own governorate is not the province around it
    ("Lower Juba", "Middle Juba", False),
    ("Lower Shabeelle", "Lower Shabelle", True),
])
def test_admin1_compares_areas_not_spellings(gazetteer, predicted, gold, same):
    iso3 = {"Ta'izz": "YEM", "Amanat al Asimah": "YEM", "Ninawa": "IRQ", "Dahuk": "IRQ"}.get(predicted, "SOM")
    e = Event("x", "a", "Battles", "Armed clash", "190", "FIGHT", admin1=predicted, iso3=iso3)
    assert Scorer("acled", gazetteer)._same_admin1(e, gold) is same
    assert Scorer("acled")._same_admin1(e, gold) is (norm_name(predicted) == norm_name(gold))


def test_actor_names_normalise():
    assert actor_key("Military Forces of Afghanistan (2004-2021)") == actor_key("Government of Afghanistan")
    assert actor_key("Police Forces of Afghanistan (2004-2021)") != actor_key("Military Forces of Afghanistan")
    # a two-word country is the country; a named unit after the years must match too
    assert actor_key("Military Forces of Saudi Arabia (2017-)") == actor_key("Military Forces of Saudi Arabia")
    assert actor_key("Military Forces of Syria (2000-) Syrian Arab Air Force") != actor_key("Military Forces of Syria (2000-)")
    assert actor_key("Military Forces of Syria (2000-) Syrian Arab Air Force") == actor_key("Military Forces of Syria (2000-) Syrian Arab Air Force")
    assert norm_name("Al-Hasakeh Governorate") == norm_name("Hasakeh")


def test_every_file_gets_the_same_columns(pipeline, tmp_path):
    # a file where one note gives no event, and one where every note does: same columns, 0 where none
    header, *rows = (RES / "acled-sample.csv").read_text().splitlines()
    quiet = tmp_path / "quiet.csv"
    quiet.write_text("\n".join([header, rows[0].replace(
        "On 3 February 2020, Houthi forces shelled residential areas in Taizz city, killing 2 civilians.",
        "On 3 February 2020, the weather was mild in Taizz city.")]) + "\n")
    s = run_eval("acled", [RES / "acled-sample.csv", quiet], None, None, None, pipeline=pipeline)
    groups = s["by_group"]
    assert list(groups["quiet"]) == list(groups["acled-sample"])
    assert (groups["quiet"]["no_event"], groups["acled-sample"]["no_event"]) == (1.0, 0.0)
