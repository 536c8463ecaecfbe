import datetime as dt

import pytest

from eventcoder.dates import find_dates, is_historical, resolve

P = dt.date(2018, 5, 16)  # a Wednesday


@pytest.mark.parametrize("text, start, end, precision", [
    ("this week", dt.date(2018, 5, 14), dt.date(2018, 5, 16), 2),
    ("On 14 April", dt.date(2018, 4, 14), dt.date(2018, 4, 14), 1),
    ("November 2014", dt.date(2014, 11, 1), dt.date(2014, 11, 30), 3),
    ("earlier in May", dt.date(2018, 5, 1), dt.date(2018, 5, 16), 3),
    ("on Monday", dt.date(2018, 5, 14), dt.date(2018, 5, 14), 1),
    ("on Wednesday", P, P, 1),
    ("yesterday", dt.date(2018, 5, 15), dt.date(2018, 5, 15), 1),
    ("May 7, 2018", dt.date(2018, 5, 7), dt.date(2018, 5, 7), 1),
    ("in December", dt.date(2017, 12, 1), dt.date(2017, 12, 31), 3),
    ("the 5th of May 2018", dt.date(2018, 5, 5), dt.date(2018, 5, 5), 1),
    ("between 1 and 7 May 2018", dt.date(2018, 5, 1), dt.date(2018, 5, 7), 2),
    ("the night of 4-5 May", dt.date(2018, 5, 4), dt.date(2018, 5, 5), 1),
    ("4 or 5 May", dt.date(2018, 5, 4), dt.date(2018, 5, 5), 2),
    ("1-20 April 2018", dt.date(2018, 4, 1), dt.date(2018, 4, 20), 3),
    # a misspelt month is known by its first three letters
    ("On 5 Febuary 2018", dt.date(2018, 2, 5), dt.date(2018, 2, 5), 1),
])
def test_resolve(text, start, end, precision):
    v = resolve(text, P)
    assert (v.start, v.end, v.precision) == (start, end, precision)


def test_next_month_relative_to_previous_date():
    (v,) = find_dates("The DMSC pushed ISIS out of town the next June.", P, previous=dt.date(2014, 11, 1))
    assert (v.start, v.precision) == (dt.date(2015, 6, 1), 3)


def test_durations_and_lowercase_may_are_not_dates():
    assert find_dates("The group has held the city since 2015.", P) == []
    assert find_dates("The offensive may be motivated by politics.", P) == []


def test_history():
    assert is_historical("x", resolve("November 2014", P), P)
    assert not is_historical("x", resolve("this week", P), P)
    assert is_historical("Egypt has in the past launched air strikes.", None, P)
    assert not is_historical("Clashes have occurred in outlying villages.", None, P)


def test_ranges_and_weeks_inside_sentences():
    (v,) = find_dates("Between 1 and 7 May 2018 gunmen killed two men in Culiacan.", P)
    assert (v.start, v.end, v.precision) == (dt.date(2018, 5, 1), dt.date(2018, 5, 7), 2)
    (v,) = find_dates("During the week of 7 May 2018 gunmen killed two men.", P)
    assert (v.start, v.end, v.precision) == (dt.date(2018, 5, 7), dt.date(2018, 5, 13), 2)
    assert find_dates("Between 31 and 7 May nothing happened.", P)[0].precision == 1  # not a range: the 7 May
    # two days of a weekend are a range (precision 2); one night across two dates is one day (precision 1)
    (v,) = find_dates("Over the weekend of 5-6 May 2018 gunmen killed two men.", P)
    assert (v.start, v.precision) == (dt.date(2018, 5, 5), 2)
    (v,) = find_dates("On the night of 5-6 May 2018 gunmen killed two men.", P)
    assert (v.start, v.precision) == (dt.date(2018, 5, 5), 1)


def test_as_reported_on_is_week_precision_unless_the_past_24_hours():
    (v,) = find_dates("As reported on 12 May 2018 Taliban militants attacked a police post.", P)
    assert (v.start, v.precision) == (dt.date(2018, 5, 12), 2)
    (v,) = find_dates("Reported on 12 May 2018 over the past 24 hours 6 militants were killed.", P)
    assert (v.start, v.precision) == (dt.date(2018, 5, 11), 1)


def test_an_approximate_day_is_week_precision():
    for text in ("Around 3 May 2018 gunmen killed two men.", "On or around 3 May 2018 gunmen killed two men."):
        (v,) = find_dates(text, P)
        assert (v.start, v.precision) == (dt.date(2018, 5, 3), 2), text


@pytest.mark.parametrize("sentence, day, precision", [
    # ACLED's own qualifiers after the day
    ("On 3 May 2018 (week of), gunmen attacked a checkpoint.", dt.date(2018, 5, 3), 2),
    ("On 3 May 2018 (month of), gunmen attacked a checkpoint.", dt.date(2018, 5, 3), 3),
    # "the weekend of" qualifies the date that follows (it is not last weekend): two days, precision 2
    ("Over the weekend of 5-6 May 2018, gunmen attacked a checkpoint.", dt.date(2018, 5, 5), 2),
])
def test_qualified_days(sentence, day, precision, pipeline):
    ents = [(e.start_char, e.end_char) for e in pipeline.nlp(sentence).ents if e.label_ == "DATE"]
    v = find_dates(sentence, P, ents=ents)[0]
    assert (v.start, v.precision) == (day, precision)


def test_days_said_relative_to_the_previous_date():
    prev = dt.date(2018, 5, 3)
    for text, day in (("On the same day, gunmen attacked a checkpoint.", prev),
                      ("Later that day, gunmen attacked a checkpoint.", prev),
                      ("The previous day, gunmen attacked a checkpoint.", dt.date(2018, 5, 2)),
                      ("A day later, gunmen attacked a checkpoint.", dt.date(2018, 5, 4))):
        (v,) = find_dates(text, P, previous=prev)
        assert (v.start, v.precision) == (day, 1), text
    assert find_dates("On the same day, gunmen attacked a checkpoint.", P) == []  # no earlier date: unknown


@pytest.mark.parametrize("text", [
    "On 5 May 2018. Gunmen attacked a checkpoint in Derna.",  # the date cut off as a sentence of its own
    "On 5 May 2018 police arrested 3 men in Derna. In another attack, gunmen killed a man in Derna.",
])
def test_an_undated_event_takes_the_date_said_before_it_in_its_paragraph(text, pipeline):
    from eventcoder import code_text
    events = code_text(text, "2018-05-16", pipeline=pipeline)
    assert [(str(e.event_date), e.time_precision, e.date_inferred) for e in events][-1] == ("2018-05-05", 1, False)


def test_a_duration_is_not_a_date(pipeline):
    """'after 8 years of imprisonment' says how long, not when (it was read as 2012)."""
    from eventcoder import code_text
    (e,) = code_text("As reported on 15 February 2020 a civilian from Da'el in Dar'a died under torture after 8 years "
                     "of imprisonment in Sidnaya Military Prison.", "2020-02-15", pipeline=pipeline)
    assert (str(e.event_date), e.historical) == ("2020-02-15", False)


def test_two_full_dates_between_or_from_to_are_one_range():
    pub = dt.date(2020, 2, 28)
    (v,) = find_dates("Between 1 February and 4 February 2020, Turkish forces shelled PKK positions.", pub)
    assert (v.start, v.end, v.precision) == (dt.date(2020, 2, 1), dt.date(2020, 2, 4), 2)
    (v,) = find_dates("From 31 January to 2 February 2020, the army besieged the town.", pub)
    assert (v.start, v.end, v.precision) == (dt.date(2020, 1, 31), dt.date(2020, 2, 2), 2)
    # two dates of two events stay two dates
    assert len(find_dates("On 1 February and 3 February, forces shelled the town.", pub)) == 2
