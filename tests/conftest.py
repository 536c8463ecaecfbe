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


PG_ADMIN = os.environ.get("EVENTCODER_TEST_PG")  # e.g. postgresql://eventcoder:eventcoder@127.0.0.1/postgres


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """The same store tests on SQLite and on a real PostgreSQL server (a fresh database each)."""
    if request.param == "sqlite":
        yield str(tmp_path / "events.sqlite")
        return
    if not PG_ADMIN:
        pytest.skip("set EVENTCODER_TEST_PG to a PostgreSQL URL with CREATEDB (.ci/run starts one)")
    import uuid

    import psycopg

    name = f"ec_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    yield PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(PG_ADMIN, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


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
