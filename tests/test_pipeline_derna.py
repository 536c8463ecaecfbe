"""The reference article, field by field, against derna-2018-05.expected.md."""
import datetime as dt

import pytest

ALL_FIELDS_WITH_EVIDENCE = ("event_type", "location", "actor1")
LNA = "Military Forces of Libya (2014-) Haftar Faction"
DMSC = "Derna Mujahideen Shura Council"


def current(events):
    return [e for e in events if not e.historical]


def test_main_battle(derna_events):
    article, events = derna_events
    e = current(events)[0]
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")
    assert (e.actor1, e.inter1, e.actor2, e.inter2, e.interaction) == (LNA, 1, DMSC, 2, 12)
    assert (e.country, e.iso3, e.location, e.admin1) == ("Libya", "LBY", "Darnah", "Darnah")
    assert e.latitude == pytest.approx(32.77, abs=0.01) and e.longitude == pytest.approx(22.64, abs=0.01)
    assert e.geo_precision == 2  # "near", "four kilometres from"
    assert e.time_precision == 2 and not e.date_inferred  # "this week"
    assert e.date_start == dt.date(2018, 5, 14) and e.date_end == dt.date(2018, 5, 16)
    assert e.fatalities == 6  # 47 "casualties" are not deaths; the child is inside the six
    assert e.injuries == 14 and e.casualties == 47
    assert e.figure_sources["fatalities"] == "UN Office for the Coordination of Humanitarian Affairs"
    assert "Abdel-Karim Sabra" in e.sources
    assert (e.cameo_code, e.plover_type) == ("190", "ASSAULT")
    # every field comes with its text
    for f, texts in {"event_date": {"this week"}, "fatalities": {"Six"}, "injuries": {"Fourteen"},
                     "casualties": {"at least 47"}, "actor2": {DMSC, "DMSC"}}.items():
        assert texts <= {s.text for s in e.evidence[f]}, f
    for spans in e.evidence.values():
        for s in spans:
            assert article.text[s.start:s.end] == s.text


def test_aliases_merge_into_one_actor(derna_events):
    _, events = derna_events
    e = current(events)[0]
    assert {"Libyan National Army", "LNA"} <= {s.text for s in e.evidence["actor1"]}
    assert not any(e.actor1 == "Military Forces of Libya" for e in events)


def test_territory_captured_near_derna(derna_events):
    _, events = derna_events
    (e,) = [e for e in current(events) if e.sub_event_type == "Government regains territory"]
    assert (e.actor1, e.actor2, e.location, e.geo_precision) == (LNA, DMSC, "Darnah", 2)
    assert e.sources == ("UAE state agency WAM",)
    assert e.date_inferred and e.event_date == dt.date(2018, 5, 16)


def test_displacement_figures(derna_events):
    _, events = derna_events
    (e,) = [e for e in events if e.event_type == "Displacement"]
    assert (e.displaced_low, e.displaced_high, e.displaced_unit) == (300, 500, "families")
    assert e.location == "Darnah" and e.fatalities == 0
    assert e.figure_sources["displaced"] == "UN Office for the Coordination of Humanitarian Affairs"


def test_ain_mara_falls_back_to_derna(derna_events):
    _, events = derna_events
    (e,) = [e for e in current(events) if e.event_date == dt.date(2018, 4, 14)]
    assert (e.sub_event_type, e.time_precision, e.actor1) == ("Armed clash", 1, LNA)
    assert (e.location, e.geo_precision) == ("Darnah", 2)
    assert [s.text for s in e.evidence["location"]] == ["Ain Mara", "Derna"]
    assert "Ain Mara not in the gazetteer" in e.notes


def test_background_is_flagged_not_new(derna_events):
    _, events = derna_events
    hist = [e for e in events if e.historical]
    isis = [e for e in hist if e.actor1 == "Islamic State (Libya)"]
    assert isis and isis[0].event_date == dt.date(2014, 11, 1) and isis[0].time_precision == 3
    dmsc = [e for e in hist if e.actor1 == DMSC]
    assert dmsc and dmsc[0].event_date.year == 2015 and dmsc[0].event_date.month == 6
    egypt = [e for e in hist if e.actor1 == "Military Forces of Egypt"]
    assert egypt and egypt[0].event_date is None
    # nothing from before May 2018 is reported as current, and no current event is dated in 2014/2015
    for e in current(events):
        assert e.event_date >= dt.date(2018, 4, 1)


def test_caption_parade_and_quotes_are_not_events(derna_events):
    article, events = derna_events
    caption = article.text.index("military parade")
    quote = article.text.index("Zero hour for the liberation")
    for e in events:
        for spans in e.evidence.values():
            for s in spans:
                assert not (caption - 200 < s.start < caption + 200)
                assert not (quote <= s.start < quote + 120)
    assert len(current(events)) == 4


def test_without_published_date_the_reference_is_inferred(pipeline):
    from conftest import DERNA, code_file

    _, events = code_file(pipeline, DERNA, None)
    e = [e for e in events if not e.historical][0]
    assert e.event_date.year == 2018 and e.event_date.month == 5


def test_inherited_and_background_fields_have_evidence(derna_events):
    article, events = derna_events
    (e,) = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert {s.text for s in e.evidence["actor2"]} >= {"DMSC"}  # actor2 comes from where the article names it
    for h in (e for e in events if e.historical):
        assert h.evidence["historical"] and h.evidence["notes"]
    for ev in events:
        for spans in ev.evidence.values():
            for s in spans:
                assert article.text[s.start:s.end] == s.text


def test_a_source_named_twice_is_listed_once(derna_events):
    _, events = derna_events
    main = [e for e in events if not e.historical][0]
    assert main.sources == ("UN Office for the Coordination of Humanitarian Affairs", "Abdel-Karim Sabra")
