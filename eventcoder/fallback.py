"""Detect's fallback for incident reports: a linear classifier over hashed word n-grams.

Used when the rules find no event in a text, say because its wording has no trigger
word, and either the caller says every text reports an event (``--assume-event``:
incident logs, ACLED or UCDP notes, monitoring bulletins) or the text's lead reads as
an incident report and the classifier is confident (``pipeline.REPORT_MIN_P``). The model is a logistic
regression trained by ``scripts/train_subtype.py`` on the ACLED notes of the
countries the rules were tuned on (Afghanistan, Libya, Syria) and shipped as
``data/subtype_ngrams.npz``; its settings (word unigrams, C=32, no class weights)
are those with the best event-type accuracy leaving one tuning country out
(``scripts/train_subtype.py --search``). The event type is the one whose
sub-event types hold the most probability together; the sub-event type is the
likeliest of that type's. Its features are hashed (no vocabulary), so the file
holds weights only, no text. It knows the 19 sub-event types those notes have;
protests other than peaceful ones, riots and sexual violence are not among them.

    >>> fallback.classify("On 3 February 2020 Houthi forces and the Giants Brigades ...")
    ('Armed clash', 0.41)      # the sub-event type, and the probability of its event type
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import numpy as np

MODEL = "data/subtype_ngrams.npz"
N_FEATURES = 2 ** 18
NGRAMS = (1, 1)
C = 32.0
_DATE = re.compile(r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b")


@lru_cache(maxsize=4)
def _vectorizer(ngrams: tuple[int, int]):
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(n_features=N_FEATURES, ngram_range=ngrams, alternate_sign=False, norm="l2",
                             lowercase=True, token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z'-]+\b")


def featurize(texts, ngrams: tuple[int, int] = NGRAMS):
    """Hashed word n-grams of texts, dates blanked (the model must not learn the month)."""
    return _vectorizer(tuple(ngrams)).transform([_DATE.sub(" ", t) for t in texts])


def by_event_type(probs: np.ndarray, classes: list[str]) -> tuple[int, float]:
    """(index of the sub-event type, probability of its event type): the event type whose
    sub-event types hold the most probability together, then its likeliest sub-event type."""
    from .detect import ONTOLOGY

    totals: dict[str, float] = {}
    for c, p in zip(classes, probs):
        totals[ONTOLOGY[c][0]] = totals.get(ONTOLOGY[c][0], 0.0) + float(p)
    etype = max(totals, key=totals.get)
    i = max((j for j, c in enumerate(classes) if ONTOLOGY[c][0] == etype), key=lambda j: probs[j])
    return i, totals[etype]


def save(path, coef, intercept, classes) -> None:
    """Write a trained model as the package ships it (sparse float32 weights)."""
    import scipy.sparse as sp

    m = sp.csr_matrix(np.asarray(coef, dtype=np.float32))
    np.savez_compressed(path, data=m.data, indices=m.indices, indptr=m.indptr, shape=np.array(m.shape),
                        intercept=np.asarray(intercept, dtype=np.float32), classes=np.array(classes))


@lru_cache(maxsize=1)
def _model():
    import scipy.sparse as sp

    with resources.files("eventcoder").joinpath(MODEL).open("rb") as f:
        z = np.load(f, allow_pickle=False)
        coef = sp.csr_matrix((z["data"], z["indices"], z["indptr"]), shape=tuple(z["shape"]))
        return coef, z["intercept"], [str(c) for c in z["classes"]]


def classify(text: str) -> tuple[str, float]:
    """(sub-event type, probability of its event type) of a text."""
    coef, intercept, classes = _model()
    scores = (featurize([text]) @ coef.T).toarray()[0] + intercept
    p = np.exp(scores - scores.max())
    p /= p.sum()
    i, pt = by_event_type(p, classes)
    return classes[i], pt
