import csv
import io
import json
import shutil

from click.testing import CliRunner

from eventcoder.cli import main
from eventcoder.export import ACLED_COLUMNS
from conftest import DERNA, RES


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)), catch_exceptions=False)


def test_code_reference_article_json(tmp_path):
    db = tmp_path / "e.sqlite"
    r = run("code", DERNA, "--published", "2018-05-16", "--db", db)
    assert r.exit_code == 0, r.output
    events = json.loads(r.stdout)
    assert len(events) == 7 and sum(not e["historical"] for e in events) == 4
    assert events[0]["location"] == "Darnah" and events[0]["fatalities"] == 6
    r2 = run("events", "--db", db, "--current-only", "--format", "jsonl")
    assert len(r2.stdout.splitlines()) == 4


def test_csv_has_acled_columns_first():
    r = run("code", DERNA, "--published", "2018-05-16", "--no-db", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0])[:31] == ACLED_COLUMNS
    assert rows[0]["iso"] == "434" and rows[0]["iso3"] == "LBY" and rows[0]["fatalities"] == "6"


def test_geojson():
    r = run("code", DERNA, "--published", "2018-05-16", "--no-db", "--format", "geojson")
    fc = json.loads(r.stdout)
    assert fc["type"] == "FeatureCollection"
    assert fc["features"][0]["geometry"]["coordinates"] == [22.63669, 32.76704]


def test_batch_goes_on_and_reports_rejections(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(RES / "kabul-attack.html", d)
    shutil.copy(RES / "french.txt", d)
    shutil.copy(RES / "broken.html", d)
    (d / "empty.txt").write_text("")
    r = run("code", d, "--db", tmp_path / "e.sqlite")
    assert r.exit_code == 1
    events = json.loads(r.stdout)
    assert events and events[0]["location"] == "Ghazni" and events[0]["actor1"] == "Taliban"
    assert "3 input(s) rejected" in r.stderr
    for name, code in (("french.txt", "E105"), ("broken.html", "E106"), ("empty.txt", "E101")):
        assert f"[{code}] {d / name}" in r.stderr


def test_bad_published_date_exits_2():
    r = run("code", DERNA, "--published", "2018-13-45", "--no-db")
    assert r.exit_code == 2 and "[E107]" in r.stderr


def test_gazetteer_lookup_command():
    r = run("gazetteer", "lookup", "Derna")
    assert r.stdout.splitlines()[0].startswith("87205\tDarnah\tLY")


def test_help_explains():
    r = run("code", "--help")
    assert "PATHS are text files, HTML pages, JSONL or CSV" in r.stdout
