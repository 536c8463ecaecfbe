"""Stage 5: dates. Resolve date expressions against the publication date
(dateparser, given only the date span, RELATIVE_BASE = publication date) and
give ACLED's time precision: 1 day, 2 week or range of days, 3 month or
longer.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

# with the misspellings seen in coded notes ("Febuary"); a month is known by its first three letters
_MONTHS = ("(?-i:January|February|March|April|May|June|July|August|September|October|November|December|"
           "Febuary|Feburary|Febraury|Janaury|Januray|Decmber|Novmber|Ocotber|Septmber|Setpember|Agust)")
_WEEKDAYS = "(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# date expressions spaCy's small model misses or splits
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# "between 1 and 7 February 2020", "1-3 March", "the night of 4-5 February", "4 or 5 February"
_RANGE = (r"(?:between\s+)?(?:the\s+)?(" + _DAY + r")\s*(?:-|–|and|to|or)\s*(?:the\s+)?(" + _DAY + r")(?:\s+of)?\s+("
          + _MONTHS + r")(?:,?\s+(\d{4}))?")
DATE_RX = re.compile(
    r"\b(?:(?:on|since|by)\s+)?(?:(?:" + _WEEKDAYS + r")(?:,)?\s+)?(?:" + re.sub(r"\((?!\?)", "(?:", _RANGE)
    + r"|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTHS + r")(?:,?\s+\d{4})?"
    r"|(?:" + _MONTHS + r")\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|(?:early |late |mid-?|earlier in |later in )?(?:" + _MONTHS + r")(?:\s+\d{4})?"
    r"|(?:this|last|past|previous|next) (?:week|weekend|month|year)|(?:the )?(?:past|last) (?:few|two|three|several) (?:days|weeks)"
    r"|yesterday|today|tonight|last night|(?:on |last |this )?(?:" + _WEEKDAYS + r")(?: (?:night|morning|evening|afternoon))?"
    r"|(?:the )?(?:next|following) (?:" + _MONTHS + r"|day|week|month|year)"
    r"|(?:on |during |in )?(?:the same|that) (?:day|night|evening|morning|afternoon)|(?:later|earlier) that (?:day|night)"
    r"|the (?:previous|preceding) (?:day|night)|the day before|a day (?:earlier|later|before|after)"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})\b",
    re.I,
)


@dataclass(frozen=True)
class DateValue:
    start: dt.date
    end: dt.date
    precision: int
    text: str
    offset: int  # in the sentence
    relative: bool = False


def _strip(text: str) -> str:
    t = re.sub(r"^(on|in|since|by|during|the|of)\s+", "", text.strip(), flags=re.I)
    return re.sub(r"^(earlier|later|early|late|mid-?)\s*(in\s+)?", "", t, flags=re.I).strip()


_MONTH_NUM = {m[:3]: i for i, m in enumerate(calendar.month_name) if m}
_MONTH_NUM["Agu"] = 8


def _month_num(name: str) -> int:
    """'February', 'Febuary' -> 2: a month is known by its first three letters."""
    return _MONTH_NUM[name[:3].title()]

_DMY = re.compile(r"^(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + _MONTHS + r")(?:,?\s+(\d{4}))?$", re.I)
_MDY = re.compile(r"^(?:on\s+)?(" + _MONTHS + r")\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$", re.I)


_RANGE_RX = re.compile(r"^(?:on\s+)?(?:the\s+)?(?:night\s+of\s+)?" + _RANGE + "$", re.I)


def _range(raw: str, published: dt.date, offset: int) -> DateValue | None:
    """'between 1 and 7 February 2020' (ACLED precision 2: a range within a week, 3 beyond), 'the night
    of 4-5 February' (one night: precision 1, coded on its first day), '4 or 5 February' (precision 2)."""
    m = _RANGE_RX.match(raw)
    if not m:
        return None
    first, last = (int(re.match(r"\d+", g).group(0)) for g in m.group(1, 2))
    end = _fast(f"{last} {m.group(3)} {m.group(4) or ''}".strip(), published, offset)
    if end is None or not 1 <= first < last:
        return end  # "between 31 January and 7 February" is two dates; this span holds the second
    start = end.start.replace(day=first)
    days = (end.start - start).days
    precision = 1 if days == 1 and re.search(r"\bnight\b|-|–", raw) else 2 if days <= 7 else 3
    return DateValue(start, end.start, precision, raw, offset, end.relative)


def _fast(raw: str, published: dt.date, offset: int) -> DateValue | None:
    """'On 14 April', '29 February 2020', 'May 7, 2018' without dateparser (the common case)."""
    m = _DMY.match(raw)
    if m:
        day, month, year = int(m.group(1)), _month_num(m.group(2)), m.group(3)
    else:
        m = _MDY.match(raw)
        if not m:
            return None
        month, day, year = _month_num(m.group(1)), int(m.group(2)), m.group(3)
    y = int(year) if year else published.year
    try:
        d = dt.date(y, month, day)
    except ValueError:
        return None
    if not year and d > published:
        try:
            d = d.replace(year=y - 1)
        except ValueError:
            return None
    return DateValue(d, d, 1, raw, offset, not year)


def resolve(text: str, published: dt.date, previous: dt.date | None = None, offset: int = 0) -> DateValue | None:
    """One date expression -> DateValue, or None when it is not a point in time."""
    fast = _fast(text.strip(), published, offset) or _range(text.strip(), published, offset)
    if fast is not None:
        return fast
    return _resolve(text, published, previous, offset)


@lru_cache(maxsize=4096)
def _resolve(text: str, published: dt.date, previous: dt.date | None = None, offset: int = 0) -> DateValue | None:
    import dateparser

    raw = text.strip()
    low = raw.lower()
    if re.search(r"\b(since|for|years? old|ago)\b", low) and not re.search(r"\bago\b", low):
        return None
    if re.fullmatch(r"(?:after |over |during |within |in )?(?:the )?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                    r"several|few|a few|\d+)\s+(?:years?|months?|weeks?|days?|hours?)", low):
        return None  # "after 8 years of imprisonment": a duration, not a point in time
    if re.search(r"\b(this|past|last|previous) week\b|\bweekend\b|(past|last) (few|two|three|several) days", low):
        ref = published - dt.timedelta(days=7) if re.search(r"last|previous", low) and "past" not in low else published
        start = ref - dt.timedelta(days=ref.weekday())
        if "weekend" in low:
            start = ref - dt.timedelta(days=(ref.weekday() - 5) % 7 or 7)
            return DateValue(start, start + dt.timedelta(days=1), 2, raw, offset, True)
        if re.search(r"(few|two|three|several) days", low):
            return DateValue(published - dt.timedelta(days=3), published, 2, raw, offset, True)
        return DateValue(start, min(start + dt.timedelta(days=6), published), 2, raw, offset, True)
    if re.search(r"\b(this|last|past|previous) (month|year)\b|\bnext (week|month|year)\b", low):
        return None
    m = re.match(r"(?:the )?(?:next|following) (" + _MONTHS + r")$", raw, re.I)
    if m:
        base = previous or published
        month = _month_num(m.group(1))
        year = base.year if month > base.month else base.year + 1
        return DateValue(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), 3, raw, offset, True)
    if re.search(r"\b(next|following) day\b|\ba day (later|after)\b", low) and previous:
        d = previous + dt.timedelta(days=1)
        return DateValue(d, d, 1, raw, offset, True)
    if re.search(r"\b(previous|preceding) (day|night)\b|\bday before\b|\ba day (earlier|before)\b", low):
        return DateValue(previous - dt.timedelta(days=1), previous - dt.timedelta(days=1), 1, raw, offset, True) if previous else None
    if re.search(r"\b(same|that) (day|night|evening|morning|afternoon)\b", low):
        return DateValue(previous, previous, 1, raw, offset, True) if previous else None
    wd = re.match(r"^(?:on |last |this )?(" + _WEEKDAYS + r")\b", raw)
    if wd:
        back = (published.weekday() - list(calendar.day_name).index(wd.group(1))) % 7
        if raw.lower().startswith("last ") and back == 0:
            back = 7
        d = published - dt.timedelta(days=back)
        return DateValue(d, d, 1, raw, offset, True)
    core = _strip(raw)
    if not core or re.fullmatch(r"\d{1,3}", core):
        return None
    settings = {"RELATIVE_BASE": dt.datetime(published.year, published.month, published.day),
                "PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False,
                "PREFER_DAY_OF_MONTH": "first"}
    try:
        parsed = dateparser.parse(core, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        parsed = None
    if parsed is None:
        return None
    d = parsed.date()
    relative = not re.search(r"\d{4}", core)
    if d > published and relative:
        try:
            d = d.replace(year=d.year - 1)
        except ValueError:
            d = d - dt.timedelta(days=365)
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b(?!\d)", re.sub(r"\d{4}", "", core))) or bool(
        re.search(r"yesterday|today|tonight|night|" + _WEEKDAYS, core, re.I))
    if has_day:
        return DateValue(d, d, 1, raw, offset, relative)
    if re.fullmatch(r"\d{4}", core):
        return DateValue(dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), 3, raw, offset, False)
    start = d.replace(day=1)
    end = d.replace(day=calendar.monthrange(d.year, d.month)[1])
    return DateValue(start, min(end, published) if end >= published >= start else end, 3, raw, offset, relative)


def find_dates(sentence: str, published: dt.date, previous: dt.date | None = None, ents=()) -> list[DateValue]:
    """All resolvable dates in a sentence; ``ents`` are (start, end) of spaCy DATE entities in it."""
    spans = [(m.start(), m.end()) for m in DATE_RX.finditer(sentence)]
    for s, e in ents:
        if any(a >= e and sentence[e:a].strip().lower() == "of" for a, _ in spans):
            continue  # "over the weekend of 1-2 February": the date that follows says when
        if not any(a <= s < b or s <= a < e for a, b in spans):
            spans.append((s, e))
    out = []
    past_day = re.search(r"\b(past|last|previous) (24|twenty-four) hours\b", sentence, re.I)
    spans = sorted(spans)
    if len(spans) > 1:  # "officials said on Thursday that ... on Wednesday night": the report date is not the event's
        spans = [sp for sp in spans if not re.search(r"\b(said|told|reported|announced|stated|added|confirmed)\s*$",
                                                     sentence[max(0, sp[0] - 20):sp[0]], re.I)] or spans
    for s, e in spans:
        v = resolve(sentence[s:e], published, previous, s)
        reported = re.search(r"\breported\s+(?:on\s+)?$", sentence[max(0, s - 20):s], re.I)
        if v is not None and past_day and v.precision == 1 and reported:
            d = v.start - dt.timedelta(days=1)  # "reported on 10 February ... over the past 24 hours"
            v = DateValue(d, d, 1, v.text, v.offset, v.relative)
        elif v is not None and v.precision == 1 and (reported or re.search(
                r"\b(around|about|approximately|circa|on or (around|about)|or so)\s+(on\s+)?$", sentence[max(0, s - 25):s], re.I)):
            # "As reported on 12 February": it happened by then; "around 3 February": near then.
            # The day is not known (ACLED: precision 2)
            v = DateValue(v.start, v.end, 2, v.text, v.offset, v.relative)
        qualifier = re.match(r"\s*\((week|month) of\)", sentence[e:e + 15], re.I)
        if v is not None and v.precision == 1 and qualifier:
            # ACLED's own notation: "On 3 February 2020 (week of)", "(month of)": coded on that day,
            # known only to the week (precision 2) or the month (3)
            v = DateValue(v.start, v.end, 2 if qualifier.group(1).lower() == "week" else 3, v.text, v.offset, v.relative)
        if v is not None and v.precision == 1 and v.end > v.start and re.search(r"\bweekend\s+(of\s+)?(the\s+)?$", sentence[max(0, s - 25):s], re.I):
            v = DateValue(v.start, v.end, 2, v.text, v.offset, v.relative)  # "over the weekend of 15-16 February": two days
        if v is not None and v.precision == 1 and re.search(r"\bweek (of|starting|beginning)\s+(the\s+)?$", sentence[max(0, s - 25):s], re.I):
            v = DateValue(v.start, min(v.start + dt.timedelta(days=6), max(v.start, published)), 2, v.text, v.offset, v.relative)
        if v is not None:
            out.append(v)
            previous = v.start
    return _join_ranges(sentence, out)


def _join_ranges(sentence: str, values: list[DateValue]) -> list[DateValue]:
    """'between 1 February and 4 February', 'from 31 January to 2 February': one range of days
    (ACLED precision 2 within a week, 3 beyond), not two dates."""
    out: list[DateValue] = []
    for v in values:
        prev = out[-1] if out else None
        if prev is not None and prev.precision == 1 and v.precision == 1 and v.start > prev.start \
                and re.fullmatch(r"\s*(?:and|to|until|till|through|-|–)\s*(?:on\s+)?", sentence[prev.offset + len(prev.text):v.offset]) \
                and re.search(r"\b(?:between|from)\s*$", sentence[max(0, prev.offset - 10):prev.offset], re.I):
            days = (v.start - prev.start).days + 1
            out[-1] = DateValue(prev.start, v.start, 2 if days <= 7 else 3, sentence[prev.offset:v.offset + len(v.text)],
                                prev.offset, prev.relative)
            continue
        out.append(v)
    return out


HISTORY_CUES = re.compile(
    r"\b(in the past|previously|had (long )?been|years? ago|decades? ago|last year|once|formerly|"
    r"before the (toppling|fall|ousting|overthrow|revolution|war)|at the time|back in|historically|earlier this year|"
    r"since \d{4}|in \d{4})\b", re.I)


def is_historical(sentence: str, date: DateValue | None, published: dt.date | None) -> bool:
    """Background, not a current event: dated long before publication, or told as the past."""
    if date is not None and published is not None:
        return (published - date.end).days > 62
    return bool(HISTORY_CUES.search(sentence))
