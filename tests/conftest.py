import datetime as dt
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RES = Path(__file__).parent / "resources"
SHARED = Path(os.environ.get("EVENTCODER_SHARED", ROOT.parent / "shared"))
DERNA = SHARED / "articles" / "derna-2018-05.txt"


@pytest.fixture(scope="session")
def gazetteer_path(tmp_path_factory):
    """The default gazetteer, built once per test session from the packaged data."""
    from eventcoder.gazetteer import build_default

    return build_default(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite")


@pytest.fixture(scope="session")
def gazetteer(gazetteer_path):
    from eventcoder.gazetteer import Gazetteer

    return Gazetteer(gazetteer_path)


@pytest.fixture(scope="session")
def pipeline(gazetteer):
    from eventcoder.pipeline import Pipeline

    return Pipeline(gazetteer=gazetteer)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path, gazetteer_path):
    monkeypatch.setenv("EVENTCODER_GAZETTEER", str(gazetteer_path))
    monkeypatch.setenv("EVENTCODER_DB", str(tmp_path / "events.sqlite"))


def code_file(pipeline, path, published=None):
    from eventcoder.clean import clean
    from eventcoder.ingest import iter_documents

    (doc,) = list(iter_documents([path], published))
    return clean(doc), pipeline.code(clean(doc))


@pytest.fixture(scope="session")
def derna_events(pipeline):
    if not DERNA.exists():
        pytest.fail(f"reference article missing: {DERNA} (shared/ must sit beside the repository)")
    return code_file(pipeline, DERNA, dt.date(2018, 5, 16))
