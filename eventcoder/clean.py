"""Stage 1: clean a raw document into an :class:`Article` with marked segments.

Plain text keeps its characters (so evidence spans point into what the user
gave); paragraphs are marked as headline, standfirst, caption, related
("Read more:" boxes), boilerplate or body. HTML goes through trafilatura
(navigation, footers and link boxes removed); figure captions are kept
after the body, marked as captions. Only body, headline and standfirst
segments are coded.
"""
from __future__ import annotations

import re

from . import errors
from .ingest import RawDocument
from .records import Article, Segment

CODED_ROLES = {"headline", "standfirst", "body"}

_CAPTION = re.compile(
    r"(/\s*(AFP|AP|Reuters|EPA|Getty|Anadolu)\b|\b(AFP|AP|EPA|REUTERS)\s+PHOTO\b|^\s*(Photo|Image|Picture)\s*:|"
    r"\(Photo[^)]*\)\s*$|\bPhoto(graph)?\s*(by|credit)\b)",
    re.I | re.M,
)
_RELATED = re.compile(r"^\s*(read more|related|see also|more on this|recommended)\s*:?\s*$", re.I)
_BOILER = re.compile(
    r"^\s*(powered by automated translation|advertisement|share this( article)?|click here.*|"
    r"sign up.*newsletter.*|follow us on.*|copyright .*|all rights reserved.*)\s*$",
    re.I,
)
_WORD = re.compile(r"[A-Za-z]+")
_EN_STOP = frozenset(
    "the of and to in a is was for on that by with as at from were has have had been are it its "
    "an be said this which after who their they he his not or but also no into near during against between "
    "over under two one three four five several reported reportedly killed forces".split()
)


def check_language(text: str, origin: str) -> None:
    """Reject text that is not English (share of common English words)."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    sample = text[:20000]
    letters = sum(c.isalpha() for c in sample)
    latin = sum(c.isalpha() and ord(c) < 0x250 for c in sample)
    if letters and latin < 0.5 * letters:
        raise errors.LanguageError("the text has almost no words in Latin script; only English is supported", source=origin)
    if len(words) < 8:
        return
    share = sum(w in _EN_STOP for w in words) / len(words)
    if share < (0.06 if len(words) >= 40 else 0.0001 if len(words) >= 12 else -1):
        raise errors.LanguageError(
            f"the text does not look English (only {share:.0%} common English words); "
            "only English articles are coded", source=origin)


def _paragraphs(text: str):
    """(start, end) of each paragraph: blocks separated by blank lines, or lines."""
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        yield m.start(), m.end()


def segment_text(text: str) -> tuple[Segment, ...]:
    segs: list[Segment] = []
    paras = list(_paragraphs(text))
    in_related = False
    body_seen = False
    for i, (s, e) in enumerate(paras):
        p = text[s:e].strip()
        words = len(p.split())
        if _BOILER.match(p):
            role = "boilerplate"
        elif _RELATED.match(p):
            role, in_related = "related", True
        elif in_related and words <= 15 and not re.search(r"[.!?][\"”’']?\s*$", p):
            role = "related"
        elif _CAPTION.search(p):
            role, in_related = "caption", False
        else:
            in_related = False
            short = words <= 25 and not re.search(r"[.!?][\"”’']?\s*$", p)
            if not body_seen and i == 0 and short:
                role = "headline"
            elif not body_seen and segs and segs[-1].role == "headline" and words <= 45:
                role = "standfirst"
            else:
                role = "body"
                body_seen = True
        segs.append(Segment(s, e, role))
    return tuple(segs)


def _from_html(doc: RawDocument) -> tuple[str, str | None, tuple[Segment, ...], object]:
    import lxml.html
    import trafilatura

    try:
        tree = lxml.html.fromstring(doc.content)
    except Exception as e:  # lxml raises several types on broken markup
        raise errors.MalformedInputError(f"HTML could not be parsed ({e})", source=doc.origin) from None
    captions = [" ".join(c.text_content().split()) for c in tree.iter("figcaption")]
    res = trafilatura.bare_extraction(
        doc.content, url=doc.url, with_metadata=True, include_comments=False,
        include_tables=False, date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if res is None or not (res.text or "").strip():
        raise errors.MalformedInputError(
            "no article text found in the HTML (the page may be broken, empty or all navigation)",
            source=doc.origin)
    title = (res.title or doc.title or "").strip()
    body = res.text.strip().replace("\xa0", " ")
    parts: list[tuple[str, str]] = []
    if title and not body.startswith(title):
        parts.append(("headline", title))
    elif title:
        parts.append(("headline", title))
        body = body[len(title):].lstrip()
    for para in body.split("\n"):
        if para.strip():
            parts.append(("caption" if para.strip() in captions else "body", para.strip()))
    for cap in captions:
        if cap and cap not in body:
            parts.append(("caption", cap))
    text, segs = "", []
    for role, chunk in parts:
        if text:
            text += "\n\n"
        segs.append(Segment(len(text), len(text) + len(chunk), role))
        text += chunk
    return text, title or None, tuple(segs), res.date


def clean(doc: RawDocument) -> Article:
    """RawDocument -> Article; raises InputError for unusable documents."""
    from .ingest import parse_published

    published = doc.published
    if doc.kind == "html":
        text, title, segs, meta_date = _from_html(doc)
        if published is None and meta_date:
            try:
                published = parse_published(meta_date, doc.origin)
            except errors.BadDateError:
                published = None
    else:
        text = doc.content.strip("\ufeff").replace("\xa0", " ")
        segs = segment_text(text)
        title = doc.title or next((text[s.start:s.end] for s in segs if s.role == "headline"), None)
    if not text.strip():
        raise errors.EmptyInputError("no text left after cleaning", source=doc.origin)
    if doc.kind == "html" and not re.search(r"(?:\b\w+\b[^.!?\n]*){6}", text):
        raise errors.MalformedInputError(
            "no article text found (no sentence of six words or more); the page may be broken or all navigation",
            source=doc.origin)
    check_language(text, doc.origin)
    return Article(text=text, origin=doc.origin, title=title, url=doc.url, published=published,
                   source_name=doc.source_name, segments=segs)
