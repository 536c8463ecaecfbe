import datetime as dt
import sqlite3

import pytest

from eventcoder import errors
from eventcoder.records import Event
from eventcoder.store import Store


def test_recoding_does_not_duplicate(tmp_path, derna_events):
    article, events = derna_events
    st = Store.open(tmp_path / "e.sqlite")
    st.save(article, events)
    st.save(article, events)
    assert st.counts() == {"articles": 1, "events": len(events), "rejected": 0}
    back = st.events()
    assert {e.event_id for e in back} == {e.event_id for e in events}
    main = [e for e in back if e.event_date == dt.date(2018, 5, 14)][0]
    assert main.fatalities == 6 and main.evidence["fatalities"][0].text == "Six"
    assert len(st.events(include_historical=False)) == 4
    assert st.events(country="Egypt") == []


def test_failed_save_keeps_what_was_stored(tmp_path, derna_events):
    article, events = derna_events
    st = Store.open(tmp_path / "e.sqlite")
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
    with pytest.raises(errors.ConfigError):
        Store.open("postgresql://localhost/events")
