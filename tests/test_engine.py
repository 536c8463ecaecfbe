"""The Dask engine gives the same events as the local one; a killed run resumes without loss or duplicates."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from eventcoder.clean import clean
from eventcoder.engine import run
from eventcoder.ingest import RawDocument, iter_documents
from eventcoder.nlp import DEFAULT_MODEL
from conftest import DERNA, RES


def articles():
    docs = list(iter_documents([RES / "corpus.csv", RES / "corpus.jsonl", RES / "kabul-attack.html", DERNA]))
    return [clean(d) for d in docs if isinstance(d, RawDocument)]


def test_dask_local_cluster_matches_single_process(gazetteer_path):
    arts = articles()
    local = [(a.id, [e.to_dict() for e in ev]) for a, ev in run(arts, DEFAULT_MODEL, str(gazetteer_path))]
    dask = [(a.id, [e.to_dict() for e in ev])
            for a, ev in run(arts, DEFAULT_MODEL, str(gazetteer_path), engine="dask", workers=2, batch=2)]
    assert len(local) == 6 and sum(len(ev) for _, ev in local) >= 10
    assert dask == local


def test_unreachable_scheduler_is_a_clear_error(gazetteer_path):
    from eventcoder import errors

    with pytest.raises(errors.ConfigError) as e:
        list(run(articles()[:1], DEFAULT_MODEL, str(gazetteer_path), engine="dask", scheduler="tcp://127.0.0.1:9"))
    assert "tcp://HOST:8786" in str(e.value)


def _counts(db):
    con = sqlite3.connect(db)
    try:
        return (con.execute("SELECT count(*), count(DISTINCT article_id) FROM articles").fetchone(),
                sorted(r[0] for r in con.execute("SELECT event_id FROM events")))
    finally:
        con.close()


def test_kill_9_mid_batch_then_rerun(tmp_path, gazetteer_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    base = (RES / "kabul-attack.html").read_text()
    n = 40
    for i in range(n):  # distinct articles (the id hashes the text)
        (corpus / f"a{i:02d}.html").write_text(base.replace("four police officers", f"{i + 2} police officers"))
    env = dict(os.environ, EVENTCODER_GAZETTEER=str(gazetteer_path))
    cmd = [sys.executable, "-m", "eventcoder.cli", "code", str(corpus), "--format", "jsonl"]
    db = tmp_path / "killed.sqlite"
    proc = subprocess.Popen(cmd + ["--db", str(db)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline:
        if db.exists():
            try:
                stored = _counts(str(db))[0][0]
            except sqlite3.Error:
                stored = 0
            if stored >= 3:
                break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    (articles_before, _), _ = _counts(str(db))
    assert 3 <= articles_before < n, "the kill must land in the middle of the batch"
    rerun = subprocess.run(cmd + ["--db", str(db)], env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert "already coded" in rerun.stderr
    clean_db = tmp_path / "clean.sqlite"
    subprocess.run(cmd + ["--db", str(clean_db)], env=env, capture_output=True, text=True, timeout=300, check=True)
    (a_killed, distinct), events_killed = _counts(str(db))
    (a_clean, _), events_clean = _counts(str(clean_db))
    assert a_killed == distinct == a_clean == n
    assert events_killed == events_clean and len(events_clean) >= n
    assert len(rerun.stdout.splitlines()) == len(events_clean)  # the rerun prints every article's events
    assert json.loads(rerun.stdout.splitlines()[0])["location"] == "Ghazni"
