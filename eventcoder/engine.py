"""Run the pipeline over many articles: in this process, or on a Dask cluster.

    for article, events in run(articles, model, gazetteer, engine="dask", workers=2): ...

Results come back in input order whatever the engine, so a Dask run gives the
same output as a local one. Each Dask worker process builds its pipeline once
(spaCy model + gazetteer, built on the worker at first use if it has none) and
keeps it for all its tasks. Reading and cleaning stay in the calling process;
the NLP stages, which take the time, run on the workers.
"""
from __future__ import annotations

from typing import Callable, Iterator

from . import errors
from .records import Article, Event

ENGINES = ("local", "dask")
_WORKER_PIPELINES: dict = {}


def _pipeline(model: str, gazetteer: str | None, llm=None, assume_event: bool = False):
    key = (model, gazetteer, llm, assume_event)
    if key not in _WORKER_PIPELINES:
        from .gazetteer import Gazetteer

        if llm is not None:
            from .llm import LLMCoder

            _WORKER_PIPELINES[key] = LLMCoder(llm, Gazetteer.open(gazetteer))
        else:
            from .pipeline import Pipeline

            _WORKER_PIPELINES[key] = Pipeline(model, Gazetteer.open(gazetteer), assume_event)
    return _WORKER_PIPELINES[key]


def code_batch(articles: list[Article], model: str, gazetteer: str | None,
               countries: dict[str, float] | None = None, llm=None, assume_event: bool = False) -> list[list[Event]]:
    """Code a batch of articles (runs on a worker)."""
    pipe = _pipeline(model, gazetteer, llm, assume_event)
    return [pipe.code(a, countries) for a in articles]


def run(articles: list[Article], model: str, gazetteer: str | None, engine: str = "local",
        scheduler: str | None = None, workers: int = 2, batch: int = 16,
        progress: Callable[[int], None] | None = None,
        countries: dict[str, float] | None = None, llm=None,
        assume_event: bool = False) -> Iterator[tuple[Article, list[Event]]]:
    """Yield (article, events) in input order. ``countries``: the collection's
    country prior (``places.country_prior``), the same for every article. ``llm``:
    an ``llm.LLMConfig`` to code with an LLM endpoint instead of the rule-based pipeline.
    ``assume_event``: every text reports an event (``Pipeline(assume_event=True)``)."""
    if engine not in ENGINES:
        raise errors.ConfigError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "local":
        for a in articles:
            events = code_batch([a], model, gazetteer, countries, llm, assume_event)[0]
            if progress:
                progress(1)
            yield a, events
        return
    from dask.distributed import Client, LocalCluster

    chunks = [articles[i:i + batch] for i in range(0, len(articles), batch)]
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
    except (OSError, TimeoutError) as e:
        raise errors.ConfigError(f"cannot reach the Dask scheduler {scheduler!r} ({e}); "
                                 "give its address as tcp://HOST:8786") from None
    try:
        futures = client.map(code_batch, chunks, model=model, gazetteer=gazetteer, countries=countries, llm=llm,
                             assume_event=assume_event, pure=False)
        for chunk, fut in zip(chunks, futures):
            for a, events in zip(chunk, fut.result()):
                yield a, events
            if progress:
                progress(len(chunk))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
