"""eventcoder: news reports of armed conflict and political violence in, a
geocoded, ACLED-style event dataset out.

    >>> import eventcoder
    >>> events = eventcoder.code_text(text, published="2018-05-16")
    >>> events[0].event_type, events[0].location, events[0].fatalities

Public surface: ``code_text``, ``code_paths``, ``Pipeline``, the records
(``Article``, ``Mention``, ``Place``, ``Event``, ``Span``), ``Gazetteer``,
``Store``, the optional LLM backend (``LLMCoder``, ``LLMConfig``) and the errors (see :mod:`eventcoder.errors` for the tree).
"""
from __future__ import annotations

from .errors import (BackendError, BadDateError, BinaryInputError, ConfigError, EmptyInputError, EncodingError,
                     EvalError, EventCoderError, InputError, LanguageError, MalformedInputError,
                     MissingInputError, StoreError, TooLargeError)
from .gazetteer import Gazetteer
from .records import Article, Event, Mention, Place, Span
from .store import Store

__version__ = "0.1.0"
__all__ = ["code_text", "code_paths", "Pipeline", "Article", "Event", "Mention", "Place", "Span", "Gazetteer",
           "Store", "EventCoderError", "InputError", "EmptyInputError", "BinaryInputError", "EncodingError",
           "TooLargeError", "LanguageError", "MalformedInputError", "BadDateError", "MissingInputError",
           "ConfigError", "StoreError", "EvalError", "BackendError", "LLMCoder", "LLMConfig"]


def __getattr__(name):
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    if name in ("LLMCoder", "LLMConfig"):
        from . import llm

        return getattr(llm, name)
    raise AttributeError(name)


def code_text(text: str, published=None, *, kind: str = "text", origin: str = "<text>", pipeline=None) -> list[Event]:
    """Code one article given as a string (plain text or HTML)."""
    from .clean import clean
    from .ingest import RawDocument, parse_published
    from .pipeline import Pipeline

    doc = RawDocument(origin, text, kind, published=parse_published(published, origin))
    return (pipeline or Pipeline()).code(clean(doc))


def code_paths(paths, published=None, *, pipeline=None):
    """Code files and folders; yields (origin, events or the InputError that rejected it)."""
    from .clean import clean
    from .ingest import Rejected, iter_documents, parse_published
    from .pipeline import Pipeline

    pipe = pipeline or Pipeline()
    for doc in iter_documents(paths, parse_published(published, "--published")):
        if isinstance(doc, Rejected):
            yield doc.origin, doc.error
            continue
        try:
            yield doc.origin, pipe.code(clean(doc))
        except InputError as e:
            yield doc.origin, e
