import datetime as dt

import pytest

from eventcoder import errors
from eventcoder.records import Event
from eventcoder.store import Store


def test_recoding_does_not_duplicate(store_url, derna_events):
    article, events = derna_events
    st = Store.open(store_url)
    st.save(article, events)
    st.save(article, events)
    assert st.counts() == {"articles": 1, "events": len(events), "rejected": 0}
    back = st.events()
    assert {e.event_id for e in back} == {e.event_id for e in events}
    main = [e for e in back if e.event_date == dt.date(2018, 5, 14)][0]
    assert main.fatalities == 6 and main.evidence["fatalities"][0].text == "Six"
    assert len(st.events(include_historical=False)) == 4
    assert st.events(country="Egypt") == []


def test_failed_save_keeps_what_was_stored(store_url, derna_events):
    article, events = derna_events
    st = Store.open(store_url)
    st.save(article, events)
    broken = events + [events[0]]  # a duplicate event id violates the primary key mid-save
    with pytest.raises(errors.StoreError):
        st.save(article, broken)
    assert st.counts()["events"] == len(events)


def test_event_round_trip(derna_events):
    _, events = derna_events
    for e in events:
        assert Event.from_dict(e.to_dict()) == e


def test_bad_db_path(tmp_path):
    (tmp_path / "dir").mkdir()
    with pytest.raises(errors.StoreError):
        Store.open(tmp_path / "dir")
    with pytest.raises(errors.StoreError) as e:
        Store.open("postgresql://nobody:secret@127.0.0.1:9/events")
    assert "PostgreSQL" in str(e.value) and "secret" not in str(e.value)


def test_query_layer_and_rejections(store_url, derna_events):
    article, events = derna_events
    st = Store.open(store_url)
    st.save(article, events)
    st.reject("bad.txt", errors.EmptyInputError("the input is empty", source="bad.txt"))
    st.reject("bad.txt", errors.EmptyInputError("the input is empty", source="bad.txt"))
    assert st.counts() == {"articles": 1, "events": len(events), "rejected": 1}
    total, page = st.query(country="Libya", limit=2, offset=1)
    assert total == 4 and len(page) == 2
    assert st.query(text="wheat silo")[0] == 1
    assert st.query(bbox=(20, 30, 25, 35), include_historical=True)[0] == 7
    assert st.query(bbox=(0, 0, 1, 1))[0] == 0
    assert st.has_article(article.id) and not st.has_article("nope")
    assert st.article(article.id)["text"] == article.text
