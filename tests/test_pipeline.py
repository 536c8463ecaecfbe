"""One Pipeline may code several articles at once (Dask's threaded workers share one per process, and
a hook may code another text mid-call): all per-article state lives in the call."""
import datetime as dt

from eventcoder.clean import clean
from eventcoder.ingest import RawDocument
from eventcoder.pipeline import Pipeline

# the second event's "soldiers" are the LNA named in the first sentence (the article's state force)
TEXT = ("On 14 May 2018, LNA forces clashed with Derna Mujahideen Shura Council fighters in Derna. "
        "On 20 May 2018, soldiers arrested three men in Benghazi.")
OTHER = "On 3 March 2020, residents of Kismayo staged a peaceful protest against rising food prices."


def test_coding_another_article_mid_call_changes_nothing(pipeline, monkeypatch):
    article = clean(RawDocument("lna", TEXT, "text", published=dt.date(2018, 5, 21)))
    other = clean(RawDocument("other", OTHER, "text"))
    alone = [e.to_dict() for e in pipeline.code(article)]
    actors, nested = Pipeline._actors, []

    def actors_after_another_article(self, *args, **kwargs):
        if not nested:  # between the article's drafts and its actors, code a different text
            nested.append(None)
            nested.extend(pipeline.code(other))
        return actors(self, *args, **kwargs)

    monkeypatch.setattr(Pipeline, "_actors", actors_after_another_article)
    interleaved = [e.to_dict() for e in pipeline.code(article)]
    assert nested[1:] and nested[1].sub_event_type == "Peaceful protest"
    assert [e["actor1"] for e in alone] == ["Military Forces of Libya (2014-) Haftar Faction"] * 2
    assert interleaved == alone


def test_the_province_of_an_origin_is_no_place_of_the_event(pipeline):
    from eventcoder import code_text

    (e,) = code_text("Movement of forces: On 4 March 2021 a Russian military convoy headed from Ein Issa in Ar-Raqqa "
                     "and arrived in Amuda in al-Hasakeh.", "2021-03-05", pipeline=pipeline)
    assert (e.location, e.admin1) == ("‘Āmūdā", "Al-Hasakah")
