"""The kg command line: each command parses options, makes one library call, prints."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from kg.errors import KGError

STORE_HELP = ("Store directory or SPARQL server URL, e.g. http://127.0.0.1:7878 "
              "(default ./kgstore, or $KG_STORE).")


def store_option(f):
    return click.option("--store", envvar="KG_STORE", default="kgstore", show_default=True, help=STORE_HELP)(f)


def actors_option(f):
    return click.option("--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False),
                        help="Extra actor file (YAML or CSV), repeatable.")(f)


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from exc


def _write(text: str | bytes, output: str | None) -> None:
    if output is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            click.echo(text, nl=not text.endswith("\n"))
        return
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    click.echo(f"wrote {path}", err=True)


class KGGroup(click.Group):
    """Turns KGError into one line on stderr and exit code 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KGError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=KGGroup)
@click.version_option(package_name="kg")
def cli():
    """kg: a knowledge graph of how relations between states evolve, built from news.

    \b
    Example:
      kg ingest data/articles && kg timeline Niger "United States"
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))  # kg says what is wrong
@store_option
@actors_option
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(min=1),
              help="Extract in this many worker processes (each loads the spaCy pipeline once).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Extract on a Dask distributed cluster, e.g. tcp://127.0.0.1:8786 "
                   "(pip install 'kg[scale]').")
@click.option("--shards", "shard_dir", type=click.Path(file_okay=False),
              help="Write N-Quads shards into this folder instead of storing; load them with kg load-shards.")
@click.option("--shard-size", default=1000, show_default=True, type=click.IntRange(min=1),
              help="Articles per shard file (with --shards).")
def ingest(paths, store, actor_files, jobs, scheduler, shard_dir, shard_size):
    """Read articles, extract their events and store them (one named graph per article).

    PATHS are .txt (with STEM.meta.json or front matter), .html, .json or .jsonl files, or folders.
    Ingesting the same article again changes nothing. --store may be a directory or a SPARQL
    server URL (README: remote stores).

    \b
    Examples:
      kg ingest data/articles --store kgstore
      kg ingest corpus.jsonl --jobs 2 --store http://127.0.0.1:7878
      kg ingest corpus.jsonl --scheduler tcp://127.0.0.1:8786 --shards shards/
    """
    from tqdm import tqdm

    from kg.actors import ActorIndex
    from kg.load import ingest_paths
    from kg.store import KnowledgeGraph

    index = ActorIndex.load(actor_files)
    progress = lambda it: tqdm(it, desc="ingest", unit="article", file=sys.stderr)  # noqa: E731
    if shard_dir:
        from kg.shards import write_shards

        report = write_shards(paths, shard_dir, index=index, jobs=jobs, scheduler=scheduler,
                              shard_size=shard_size, progress=progress)
        for error in report.errors:
            click.echo(f"Error: {error}", err=True)
        click.echo(report.summary() + f" in {shard_dir}; load them with: kg load-shards {shard_dir}")
        sys.exit(1 if report.errors else 0)
    with KnowledgeGraph.open(store) as kg:
        report = ingest_paths(kg, paths, index=index, progress=progress, jobs=jobs, scheduler=scheduler)
    for error in report.errors:
        click.echo(f"Error: {error}", err=True)
    click.echo(report.summary())
    if report.errors:
        sys.exit(1)


@cli.command(name="load-shards")
@click.argument("shard_dir", type=click.Path(file_okay=False))
@store_option
def load_shards(shard_dir, store):
    """Load N-Quads shards written by kg ingest --shards, with the store's bulk path.

    The embedded store bulk-loads and then optimizes; an Oxigraph server takes each file in one
    POST to /store. Graphs already stored are replaced; the touched dyads are consolidated again.

    \b
    Example:
      kg load-shards shards/ --store kgstore
    """
    from kg.shards import load_shards as load
    from kg.store import KnowledgeGraph

    with KnowledgeGraph.open(store) as kg:
        report = load(kg, shard_dir)
    click.echo(report.summary("loaded"))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))  # kg says what is wrong
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) for files that lack one.")
@click.option("--all-statuses/--asserted-only", default=True, show_default=True,
              help="Also print negated, hypothetical and planned events.")
@actors_option
def extract(paths, published, all_statuses, actor_files):
    """Extract events without storing them: one JSON object per event on stdout (JSON Lines).

    \b
    Example:
      kg extract ../shared/eval/articles/seed-niger-russia-trainers.txt --published 2024-04-12
    """
    from kg.actors import ActorIndex
    from kg.ingest import read_articles
    from kg.nlp.extract import Extractor

    errors: list = []
    articles = list(read_articles(paths, published=published, errors=errors))
    extractor = Extractor.load(ActorIndex.load(actor_files))
    for _article, events in extractor.extract_many(articles):
        for event in events:
            if all_statuses or event.status == "asserted":
                click.echo(json.dumps(event.to_record(), ensure_ascii=False))
    for error in errors:
        click.echo(f"Error: {error}", err=True)
    if errors:
        sys.exit(1)


@cli.command()
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(), help="Read the query from a .rq file.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (a string; <iri>; YYYY-MM-DD; a number). Repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True)
@store_option
def query(sparql, query_file, params, fmt, store):
    """Run a SPARQL query over all graphs of the store.

    Parameters are bound as RDF terms, never pasted into the query text.

    \b
    Examples:
      kg query 'SELECT (COUNT(*) AS ?n) WHERE { ?e a <https://w3id.org/kg/ontology#Event> }'
      kg query -f ontology/queries/dyad_timeline.rq --param a=NER --param b=USA --format csv
    """
    from kg.errors import QueryError
    from kg.query import format_result, load_named_query, run_query
    from kg.store import KnowledgeGraph

    if bool(sparql) == bool(query_file):
        raise QueryError("give a query inline or with -f FILE.rq (one of the two)")
    bound = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise QueryError(f"--param {item!r} is not NAME=VALUE; e.g. --param a=NER")
        bound[name.lstrip("?$")] = value
    with KnowledgeGraph.open(store) as kg:
        # a named query's portable text (no LATERAL) for a server without LATERAL
        text = load_named_query(query_file, lateral=kg.supports_lateral).text if query_file else sparql
        result = run_query(kg, text, bound)
    _write(format_result(result, fmt), None)


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "json", "html", "docx", "pdf"]),
              default="md", show_default=True, help="docx, pdf: reports with the monthly chart (use -o FILE).")
@click.option("--since", callback=_date, help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--until", callback=_date, help="Only events on or before this date (YYYY-MM-DD).")
@click.option("--output", "-o", type=click.Path(), help="Write to a file instead of stdout.")
@store_option
@actors_option
def timeline(a, b, fmt, since, until, output, store, actor_files):
    """The dated timeline of one relationship, every row with its sentence and article.

    A and B are names or codes: Niger, NER, "the Kremlin", ECOWAS.

    \b
    Examples:
      kg timeline NER USA
      kg timeline Niger Russia --format html -o exports/niger-russia.html
      kg timeline NER USA --format pdf -o exports/niger-us.pdf
    """
    from kg.actors import ActorIndex
    from kg.export import render_timeline
    from kg.store import KnowledgeGraph
    from kg.timeline import build_timeline

    index = ActorIndex.load(actor_files)
    code_a, code_b = index.state_code(a), index.state_code(b)
    with KnowledgeGraph.open(store) as kg:
        result = build_timeline(kg, code_a, code_b, since=since, until=until)
    labels = {c: index[c].label for c in (code_a, code_b) if c in index.actors}
    if fmt in ("docx", "pdf"):
        from kg.report import render_report

        if output is None and sys.stdout.isatty():
            raise click.UsageError(f"--format {fmt} writes a binary file; add -o FILE.{fmt}")
        _write(render_report(result, fmt, labels=labels), output)
        return
    _write(render_timeline(result, fmt, labels=labels), output)


@cli.command()
@click.option("--since", callback=_date, help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--until", callback=_date, help="Only events on or before this date (YYYY-MM-DD).")
@click.option("--actor", help="Only pairs involving this actor (name or code).")
@click.option("--category", type=click.Choice(["cooperation", "tension", "coup", "base_access"]))
@click.option("--min-events", default=1, show_default=True, type=click.IntRange(min=1),
              help="Hide pairs with fewer events.")
@click.option("--min-sources", default=1, show_default=True, type=click.IntRange(min=1),
              help="Hide pairs reported by fewer articles.")
@click.option("--by", type=click.Choice(["year", "quarter", "month"]),
              help="Add a period selector and slider that show one year, quarter or month at a time.")
@click.option("--blocs", is_flag=True, help="Colour actors by bloc (communities of cooperation).")
@click.option("--output", "-o", default="exports/graph.html", show_default=True, type=click.Path())
@store_option
def graph(since, until, actor, category, min_events, min_sources, by, blocs, output, store):
    """An interactive network of actors (pyvis) as one HTML page that works offline.

    Actors are nodes (shape and colour: kind; size: activity), pairs are edges (colour: dominant
    category; width: events); hover an edge for its counts and dates.

    \b
    Examples:
      kg graph --since 2023-07-01 --actor Niger -o exports/niger.html
      kg graph --by year --blocs --min-events 2 -o exports/graph-by-year.html
    """
    from kg.actors import ActorIndex
    from kg.store import KnowledgeGraph
    from kg.viz import graph_page

    code = ActorIndex.load().state_code(actor) if actor else None
    with KnowledgeGraph.open(store) as kg:
        page = graph_page(kg, since=since, until=until, actor=code, category=category, min_events=min_events,
                          min_sources=min_sources, by=by, blocs=blocs)
    _write(page, output)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["ttl", "trig", "nq", "jsonld", "graphml", "gexf"]),
              default="trig", show_default=True,
              help="RDF (ttl, trig, nq, jsonld: the whole store) or the actor network (graphml, gexf).")
@click.option("--since", callback=_date, help="graphml/gexf: only events on or after this day (YYYY-MM-DD).")
@click.option("--until", callback=_date, help="graphml/gexf: only events on or before this day (YYYY-MM-DD).")
@click.option("--subtract-tension", is_flag=True,
              help="graphml/gexf: edge weight = cooperation minus tension events (default: cooperation).")
@click.option("--output", "-o", type=click.Path(), help="Write to a file instead of stdout.")
@store_option
def export(fmt, since, until, subtract_tension, output, store):
    """Export the whole store as Turtle, TriG, N-Quads or JSON-LD, or the actor network as GraphML or GEXF.

    The network has one node per actor (label, kind, bloc, degree, betweenness, eigenvector
    centrality) and one edge per pair (weight, cooperation, tension, events, articles).

    \b
    Examples:
      kg export --format nq -o exports/kg.nq
      kg export --format graphml --since 2023-07-01 --until 2024-12-31 -o exports/network.graphml
    """
    from kg.store import KnowledgeGraph

    if fmt in ("graphml", "gexf"):
        from kg.analytics import network_graph, write_network

        with KnowledgeGraph.open(store) as kg:
            network = network_graph(kg, since=since, until=until, subtract_tension=subtract_tension)
        data = write_network(network, fmt)
        _write(data, output)
        return
    if since or until or subtract_tension:
        raise click.UsageError("--since, --until and --subtract-tension apply to --format graphml or gexf")
    from kg.export import export_store

    with KnowledgeGraph.open(store) as kg:
        data = export_store(kg, fmt)
    _write(data, output)


@cli.command()
@click.option("--pair", "pairs", multiple=True, metavar="A:B",
              help="A pair of actors (names or codes), e.g. NER:USA; repeatable. Default: the most active.")
@click.option("--top", default=5, show_default=True, type=click.IntRange(min=1),
              help="How many of the most active pairs to write when no --pair is given.")
@click.option("--format", "fmt", type=click.Choice(["html", "md", "docx", "pdf"]), default="html",
              show_default=True)
@click.option("--since", callback=_date, help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--until", callback=_date, help="Only events on or before this date (YYYY-MM-DD).")
@click.option("--out", "out_dir", default="exports", show_default=True, type=click.Path(file_okay=False),
              help="Folder to write the reports into (timeline-A-B.FORMAT).")
@store_option
@actors_option
def report(pairs, top, fmt, since, until, out_dir, store, actor_files):
    """Write the timeline reports of several relationships at once, and print the files written.

    \b
    Examples:
      kg report --pair NER:USA --pair NER:RUS --format docx
      kg report --format pdf --out exports/
    """
    from kg.actors import ActorIndex
    from kg.analytics import most_active_pairs, network_edges
    from kg.report import write_reports
    from kg.store import KnowledgeGraph

    index = ActorIndex.load(actor_files)
    codes = []
    for pair in pairs:
        a, sep, b = pair.partition(":")
        if not sep or not a.strip() or not b.strip():
            raise click.BadParameter(f"{pair!r} is not A:B; e.g. --pair NER:USA", param_hint="--pair")
        codes.append((index.state_code(a.strip()), index.state_code(b.strip())))
    with KnowledgeGraph.open(store) as kg:
        if not codes:
            codes = most_active_pairs(network_edges(kg), top)
        labels = {c: index[c].label for pair in codes for c in pair if c in index.actors}
        written = write_reports(kg, codes, out_dir, fmt=fmt, labels=labels, since=since, until=until)
    if not written:
        click.echo("no pairs to report: no events between two actors; run kg ingest first", err=True)
    for path in written:
        click.echo(str(path))


@cli.command()
@click.argument("name", required=False)
@click.option("--kind", type=click.Choice(["state", "military", "government", "leader", "organisation", "group"]))
@click.option("--on", "on", callback=_date, help="Resolve leaders as of this date.")
@actors_option
def actors(name, kind, on, actor_files):
    """List known actors, or show the one a name denotes (with --actors files added).

    \b
    Examples:
      kg actors --kind organisation
      kg actors "the Kremlin"
      kg actors Bazoum --on 2022-06-01
    """
    from kg.actors import ActorIndex

    index = ActorIndex.load(actor_files)
    if name:
        actor = index.lookup(name) if on is None else (index.resolve(name, on) or index.lookup(name))
        click.echo(f"{actor.id}\t{actor.kind}\t{actor.label}\tcounts as {actor.country_on(on) or '-'}"
                   f"{chr(9) + 'wd:' + actor.qid if actor.qid else ''}")
        for tenure in actor.tenures:
            click.echo(f"  {tenure.title or tenure.role} of {tenure.country}: {tenure.start} – {tenure.end or 'now'}")
        if actor.names:
            click.echo("  names: " + ", ".join(actor.names))
        return
    for actor in sorted(index.actors.values(), key=lambda a: (a.kind, a.id)):
        if kind is None or actor.kind == kind:
            click.echo(f"{actor.id}\t{actor.kind}\t{actor.label}")


@cli.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path())
@click.option("--errors", "show_errors", is_flag=True, help="List every false positive and false negative.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@actors_option
def eval_(gold, show_errors, fmt, actor_files):
    """Score the extractor against gold annotations (../shared/eval/FORMAT.md).

    Several gold files are scored together (micro-averaged), e.g. a whole split.

    \b
    Examples:
      kg eval ../shared/eval/seed.gold.json --errors
      kg eval data/eval/test-a.gold.json data/eval/test-b.gold.json
    """
    from kg.actors import ActorIndex
    from kg.evaluate import format_score, load_gold, score, score_to_dict
    from kg.ingest import read_article
    from kg.nlp.extract import Extractor

    golds = [load_gold(path) for path in gold]
    gold_set = golds[0].model_copy(update={"articles": [a for g in golds for a in g.articles]})
    extractor = Extractor.load(ActorIndex.load(actor_files))
    articles = [read_article(g.file, published=g.published, article_id=g.id) for g in gold_set.articles]
    extracted = {article.id: events for article, events in extractor.extract_many(articles)}
    result = score(gold_set, extracted)
    if fmt == "json":
        click.echo(json.dumps(score_to_dict(result), indent=2))
    else:
        click.echo(format_score(result, errors=show_errors))


@cli.command()
@store_option
def validate(store):
    """Check the store against the SHACL shapes in ontology/shapes.ttl.

    \b
    Example:
      kg validate --store kgstore
    """
    from kg.store import KnowledgeGraph
    from kg.validate import validate_store

    with KnowledgeGraph.open(store) as kg:
        report = validate_store(kg)
    if report.conforms:
        click.echo("the store conforms to the shapes (0 violations)")
        return
    click.echo(report.text)
    click.echo(f"Error: {report.violations} violations of ontology/shapes.ttl", err=True)
    sys.exit(1)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0 picks a free one).")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Seconds a request waits for a query before answering 503.")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(min=1),
              help="Rows per answer; more are cut off and flagged with X-KG-Truncated: true.")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update from clients that send the token.")
@click.option("--token", envvar="KG_SERVE_TOKEN", help="Bearer token for SPARQL Update (or $KG_SERVE_TOKEN).")
@store_option
@actors_option
def serve(host, port, timeout, max_rows, allow_update, token, store, actor_files):
    """A SPARQL 1.1 endpoint at /sparql and a web UI for analysts (query page, dyads, actors, network).

    Read-only unless --allow-update is given with a --token. The store is held open while it runs:
    stop it before running kg ingest on the same store.

    \b
    Example:
      kg serve --store kgstore --port 8765
      curl -H 'Accept: text/csv' 'http://127.0.0.1:8765/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D'
    """
    from kg.serve import Options
    from kg.serve import serve as run_server

    options = Options(host=host, port=port, timeout=timeout, max_rows=max_rows, allow_update=allow_update,
                      token=token)
    run_server(store, options, actor_files=actor_files, echo=click.echo)


@cli.command()
@click.argument("articles", nargs=-1, required=True)
@store_option
def remove(articles, store):
    """Remove articles from the store and consolidate their dyads again.

    ARTICLES are article ids (as in kg extract output), or files and folders whose articles to remove.

    \b
    Examples:
      kg remove 18-niger-revokes-us-military-accord
      kg remove data/articles/18-niger-revokes-us-military-accord.txt
    """
    from kg.ingest import read_articles
    from kg.load import remove_articles
    from kg.store import KnowledgeGraph

    ids = []
    for item in articles:
        if Path(item).exists():
            ids.extend(article.id for article in read_articles([item]))
        else:
            ids.append(item)
    with KnowledgeGraph.open(store) as kg:
        report = remove_articles(kg, ids)
    for missing in report.missing:
        click.echo(f"Error: {missing}: no such article in store {store}; check the id (a file's name "
                   "without its extension, or the id of a JSON record)", err=True)
    click.echo(report.summary())
    if report.missing:
        sys.exit(1)


def correction_options(f):
    f = click.option("--why", help="Why: kept with the correction (kg:reason).")(f)
    f = click.option("--by", help="Who corrects (default: $USER).")(f)
    return store_option(f)


def _correct(store, action, subject, **kwargs):
    from kg.corrections import correct, format_correction
    from kg.store import KnowledgeGraph

    with KnowledgeGraph.open(store) as kg:
        done = correct(kg, action, subject, **kwargs)
    click.echo(format_correction(done))


@cli.group(cls=KGGroup)
def correct():
    """Correct an event: reject it, fix its date, type or actors, merge or split consolidated events.

    EVENT is an extracted event (event/ARTICLE/ID) or a consolidated one (consolidated/A-B/ID), as
    `kg timeline A B --format json` lists them. Corrections are kept in graph/corrections with who
    made them and when, survive re-ingesting the articles, and can be undone.

    \b
    Examples:
      kg correct date consolidated/NER-USA/1a2b3c4d5e6f 2024-03-16 --why "statement read on Saturday"
      kg correct reject event/07-french-envoy-ordered-out/9f8e7d6c5b --why "misread" --by ana
      kg corrections
    """


@correct.command(name="reject")
@click.argument("event")
@correction_options
def correct_reject(event, why, by, store):
    """Reject an event: it no longer counts (a mention drops out, a consolidated event disappears).

    \b
    Example:
      kg correct reject consolidated/NER-USA/1a2b3c4d5e6f --why "a misread headline" --by ana
    """
    _correct(store, "reject", event, why=why, by=by)


@correct.command(name="date")
@click.argument("event")
@click.argument("new_date", metavar="DATE")
@correction_options
def correct_date(event, new_date, why, by, store):
    """Give an event its date: YYYY-MM-DD, YYYY-MM or YYYY.

    \b
    Example:
      kg correct date consolidated/NER-USA/1a2b3c4d5e6f 2024-03-16 --why "the statement was read on Saturday"
    """
    _correct(store, "date", event, value=new_date, why=why, by=by)


@correct.command(name="type")
@click.argument("event")
@click.argument("new_type", metavar="TYPE")
@correction_options
def correct_type(event, new_type, why, by, store):
    """Give an event its type (a type of ontology/event-types.ttl; the category follows).

    \b
    Example:
      kg correct type event/18-niger-revokes-us-military-accord/3f2a1b0c9d revoke_access
    """
    _correct(store, "type", event, value=new_type, why=why, by=by)


@correct.command(name="actor")
@click.argument("event")
@click.option("--source", help="The state-level code (or name) the source should be.")
@click.option("--target", help="The state-level code (or name) the target should be.")
@correction_options
@actors_option
def correct_actor(event, source, target, why, by, store, actor_files):
    """Give an event its source and/or target state.

    \b
    Examples:
      kg correct actor event/11-us-designates-coup/77aa01bc3d --source ECOWAS --why "ECOWAS imposed them"
      kg correct actor consolidated/FRA-NER/0c1d2e3f4a5b --target USA
    """
    from kg.actors import ActorIndex
    from kg.rdf import actor_code

    index = ActorIndex.load(actor_files)
    source = actor_code(index.state_code(source)) if source else None
    target = actor_code(index.state_code(target)) if target else None
    _correct(store, "actor", event, source=source, target=target, why=why, by=by)


@correct.command(name="merge")
@click.argument("first", metavar="CE1")
@click.argument("second", metavar="CE2")
@correction_options
def correct_merge(first, second, why, by, store):
    """Merge two consolidated events of the same pair into one.

    \b
    Example:
      kg correct merge consolidated/NER-USA/1a2b3c4d5e6f consolidated/NER-USA/6f5e4d3c2b1a
    """
    _correct(store, "merge", first, other=second, why=why, by=by)


@correct.command(name="split")
@click.argument("consolidated", metavar="CE")
@click.argument("event", metavar="EVENT")
@correction_options
def correct_split(consolidated, event, why, by, store):
    """Split a mention out of a consolidated event: it becomes an event of its own.

    \b
    Example:
      kg correct split consolidated/NER-USA/1a2b3c4d5e6f event/19-putin-tchiani-phone-call/5d4c3b2a19
    """
    _correct(store, "split", consolidated, other=event, why=why, by=by)


@correct.command(name="undo")
@click.argument("correction_id", metavar="CORRECTION_ID")
@click.option("--by", help="Who undoes it (default: $USER).")
@store_option
def correct_undo(correction_id, by, store):
    """Undo a correction: it is marked kg:revoked (never deleted) and the events are consolidated again.

    \b
    Example:
      kg correct undo 3f9a0c2b1d
    """
    from kg.corrections import format_correction, undo_correction
    from kg.store import KnowledgeGraph

    with KnowledgeGraph.open(store) as kg:
        done = undo_correction(kg, correction_id, by=by)
    click.echo(format_correction(done))


@cli.command()
@click.option("--active", is_flag=True, help="Leave out the corrections that were undone.")
@store_option
def corrections(active, store):
    """List the analysts' corrections, oldest first: id, time, analyst, action, event, new value, reason.

    \b
    Example:
      kg corrections --active
    """
    from kg.corrections import format_correction, list_corrections
    from kg.store import KnowledgeGraph

    with KnowledgeGraph.open(store) as kg:
        found = list_corrections(kg, include_revoked=not active)
    for c in found:
        click.echo(format_correction(c))
    if not found:
        click.echo("no corrections")


def main() -> None:
    cli(prog_name="kg")
