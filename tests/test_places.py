import datetime as dt
import shutil

from eventcoder import code_text
from eventcoder.gazetteer import Gazetteer, import_geonames
from eventcoder.pipeline import Pipeline
from conftest import DERNA, RES, code_file


def test_demonym_gives_country_not_town(pipeline):
    (e,) = code_text("Libyan forces clashed with militants on Monday, a spokesman said.", "2019-03-05",
                     pipeline=pipeline)
    assert (e.country, e.location, e.geo_precision) == ("Libya", "Libya", 3)
    assert e.admin1 == ""


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
