"""Property-based checks: odd input gives a clear error or a result, never a crash."""
import datetime as dt

from hypothesis import given, settings, strategies as st

from eventcoder import errors
from eventcoder.clean import check_language, segment_text
from eventcoder.counts import find_figures
from eventcoder.dates import find_dates
from eventcoder.ingest import decode


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_never_crashes(data):
    try:
        text = decode(data, "fuzz.bin")
    except errors.InputError as e:
        assert "fuzz.bin" in str(e)
    else:
        assert isinstance(text, str) and "\r" not in text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_counts_dates_segments_never_crash(text):
    for f in find_figures(text):
        assert 0 <= f.low <= f.high and text[f.start:f.end] == f.text
    for d in find_dates(text, dt.date(2020, 2, 15)):
        assert d.start <= d.end and 1 <= d.precision <= 3
    for s in segment_text(text):
        assert 0 <= s.start <= s.end <= len(text)
    try:
        check_language(text, "fuzz.txt")
    except errors.LanguageError:
        pass
