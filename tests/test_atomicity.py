"""Crashes and re-runs: an ingest killed with SIGKILL leaves only whole articles; running it again
completes the store without duplicates; re-ingesting changes nothing; an edited article replaces its
events.

Every ingest here is the real command (``python -m kg ingest``) in a subprocess. Heavier variants:
``KG_ATOMICITY_KILLS=N`` kills and resumes the ingest N times (default 1), at random points
(seeded by ``KG_ATOMICITY_SEED``), including before the first article is stored.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import ROOT

ARTICLES = 500
KILLS = int(os.environ.get("KG_ATOMICITY_KILLS", "1"))
SEED = int(os.environ.get("KG_ATOMICITY_SEED", "7"))
ARTICLE_GRAPH = "https://w3id.org/kg/graph/article/"
PROGRESS = re.compile(r"ingest: +(?:\d+%\|[^|]*\| )?(\d+)(?:/\d+)? ?article")

# ---------------------------------------------------------------------- a synthetic corpus

# Real states (name, demonym) and sentence templates built on the extractor's triggers, so every
# article yields events; fillers are sentences without any.
STATES = (
    ("Niger", "Nigerien"), ("Mali", "Malian"), ("Russia", "Russian"), ("France", "French"),
    ("the United States", "American"), ("Burkina Faso", "Burkinabe"), ("Chad", "Chadian"),
    ("Algeria", "Algerian"), ("Germany", "German"), ("Turkey", "Turkish"), ("China", "Chinese"),
    ("Senegal", "Senegalese"), ("Nigeria", "Nigerian"), ("Italy", "Italian"), ("Morocco", "Moroccan"),
)
TEMPLATES = (
    "{adj_a} military trainers arrived in {b} on {weekday}.",
    "{a} and {b} signed a defence agreement in {month} {year}.",
    "{a} expelled the ambassador of {b} last month.",
    "{a} imposed sanctions on {b} in {month} {year}.",
    "{adj_a} troops withdrew from {b} last year.",
    "{a} accused {b} of supporting armed groups on {weekday}.",
    "{a} delivered drones to {b} in {month}.",
    "The president of {a} visited {b} on {weekday}.",
    "{a} suspended military cooperation with {b} last week.",
    "{a} revoked the military agreement that allowed {adj_b} troops to operate on its soil.",
)
FILLERS = (
    "Officials gave no further details.",
    "The announcement was broadcast on state television.",
    "Analysts said the move had been expected for weeks.",
    "Residents reacted calmly in the capital.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")


FIRST = 50  # articles ingested by a complete run before the one that is killed
KILL_AFTER = 40  # ... which is killed once its progress shows this many more stored

# One pair appears only in articles 0, 5, 10 … FIRST + 5 (see synthetic_article): the complete run
# consolidates its dyad, the killed run changes it, and no later article touches it again. Neither
# state appears elsewhere (the extractor may pair any two states of an article).
RARE_PAIR = ("Germany", "Chad")
RARE_UNTIL = FIRST + 10
COMMON_STATES = tuple(s for s in STATES if s[0] not in RARE_PAIR)


def synthetic_article(n: int, seed: int = 0, edit: int = 0) -> dict:
    """Article ``n`` of a corpus: a JSON record with id, published date, title and 2-4 event sentences.

    ``edit`` > 0 gives the same article (same id) with other sentences: an edited version.
    """
    r = random.Random(f"{seed}-{n}-{edit}")
    sentences = []
    for _ in range(r.randint(2, 4)):
        (a, adj_a), (b, adj_b) = r.sample(COMMON_STATES, 2)
        text = r.choice(TEMPLATES).format(a=a, b=b, adj_a=adj_a, adj_b=adj_b, weekday=r.choice(WEEKDAYS),
                                          month=r.choice(MONTHS), year=r.choice((2022, 2023, 2024)))
        sentences += [text[0].upper() + text[1:], r.choice(FILLERS)]
    if n < RARE_UNTIL and n % 5 == 0 and not edit:
        a, b = RARE_PAIR
        sentences.append(f"{a} and {b} signed a defence agreement in {MONTHS[n % 10]} 2023.")
    published = f"2024-{1 + n % 11:02d}-{1 + n % 28:02d}"
    return {"id": f"synthetic-{seed}-{n:04d}", "published": published, "title": f"Report {n}",
            "text": " ".join(sentences)}


def write_corpus(folder: Path, count: int, seed: int = 0) -> list[dict]:
    """``count`` articles in ``folder``: half as .json records, half as .txt with front matter."""
    folder.mkdir(parents=True, exist_ok=True)
    records = [synthetic_article(n, seed) for n in range(count)]
    for n, record in enumerate(records):
        if n % 2:
            (folder / f"a{n:04d}.json").write_text(json.dumps(record), encoding="utf-8")
        else:
            front = "".join(f"{key}: {record[key]}\n" for key in ("id", "published", "title"))
            front = f"---\n{front}---\n"
            (folder / f"a{n:04d}.txt").write_text(front + record["text"] + "\n", encoding="utf-8")
    return records


# ---------------------------------------------------------------------- running kg


def kg_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    env["PYTHONUNBUFFERED"] = "1"
    return env


def kg(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    """``python -m kg ARGS`` from the repository root."""
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, env=kg_env(), capture_output=True,
                          text=True, timeout=timeout)


def kg_start(*args: str) -> subprocess.Popen:
    """``python -m kg ARGS`` started, not waited for (text stdout and stderr piped)."""
    return subprocess.Popen([sys.executable, "-m", "kg", *args], cwd=ROOT, env=kg_env(), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def ingest_killed_after(folder: Path, store: Path, stored: int | None, delay: float | None = None) -> int:
    """Run ``kg ingest`` and SIGKILL it once its progress shows ``stored`` articles (or after ``delay`` s).

    Returns the last progress count seen (the articles stored are at least that many); -1 if the
    ingest ended by itself before the kill.
    """
    proc = subprocess.Popen([sys.executable, "-m", "kg", "ingest", str(folder), "--store", str(store)],
                            cwd=ROOT, env=kg_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = [0]
    reached = threading.Event()

    def watch() -> None:
        buffer = b""
        while chunk := proc.stderr.read1(4096):  # tqdm rewrites its line with \r
            buffer = (buffer + chunk)[-4096:]
            counts = PROGRESS.findall(buffer.decode("utf-8", "replace"))
            if counts:
                seen[0] = int(counts[-1])
            if stored is not None and seen[0] >= stored:
                reached.set()

    started = time.monotonic()
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    while time.monotonic() < started + 300 and proc.poll() is None:
        if reached.wait(0.02) or (delay is not None and time.monotonic() - started >= delay):
            break
    if proc.poll() is not None:
        watcher.join(5)
        return -1
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    watcher.join(5)
    return seen[0]


# ---------------------------------------------------------------------- what the store holds


def article_events(store_path: Path) -> dict[str, dict[str, set[str]]]:
    """For each article graph in the store: its events, each with what it has (evidence, article...)."""
    from kg.store import KnowledgeGraph

    query = f"""
    SELECT ?g ?e ?ev ?sentence ?start ?end ?article ?id WHERE {{
      GRAPH ?g {{ ?a a kg:Article . OPTIONAL {{ ?e a kg:Event }} }}
      FILTER(STRSTARTS(STR(?g), "{ARTICLE_GRAPH}"))
      OPTIONAL {{ GRAPH ?g {{ ?e kg:evidence ?ev . ?ev kg:sentence ?sentence ; kg:charStart ?start ;
                                                          kg:charEnd ?end }} }}
      OPTIONAL {{ GRAPH ?g {{ ?e prov:wasDerivedFrom ?article . ?article kg:articleId ?id }} }}
    }}"""
    graphs: dict[str, dict[str, set[str]]] = {}
    with KnowledgeGraph.open(store_path) as kg_:
        for row in kg_.query(query).records():
            events = graphs.setdefault(str(row["g"]), {})
            if row["e"] is None:
                continue
            parts = events.setdefault(str(row["e"]), set())
            if row["sentence"] is not None and row["start"] is not None and row["end"] is not None:
                parts.add("evidence")
            if row["id"] is not None:
                parts.add("article")
    return graphs


def expected_events(folder: Path, extractor) -> dict[str, set[str]]:
    """A fresh extraction of every article in the folder: article graph IRI -> event IRIs."""
    from kg.ingest import read_articles
    from kg.rdf import article_graph_iri, event_iri

    articles = list(read_articles([folder]))
    return {str(article_graph_iri(article.id)): {str(event_iri(e.event)) for e in events}
            for article, events in extractor.extract_many(articles)}


def assert_whole_articles(found: dict[str, dict[str, set[str]]], expected: dict[str, set[str]]) -> None:
    """Every stored article graph holds exactly the events a fresh extraction gives, with evidence."""
    unknown = set(found) - set(expected)
    assert not unknown, f"graphs of articles that are not in the corpus: {sorted(unknown)[:3]}"
    for graph, events in found.items():
        wanted = expected[graph]
        assert set(events) == wanted, f"{graph} is partial: {len(events)} of {len(wanted)} events"
        incomplete = [e for e, parts in events.items() if parts != {"evidence", "article"}]
        assert not incomplete, f"{graph}: events without evidence or article: {incomplete[:3]}"


# ---------------------------------------------------------------------- the tests

def derived_quads(nquads: str) -> set[str]:
    """The N-Quads lines of the derived graphs (consolidated events, relationship states)."""
    return {line for line in nquads.splitlines()
            if "/graph/consolidated/" in line or "/graph/states/" in line}


@pytest.fixture(scope="module")
def crash(tmp_path_factory, extractor):
    """A complete run over 50 articles, then a run over all 500 killed with SIGKILL mid-way (several
    times with KG_ATOMICITY_KILLS), then the same command again. What each step left is recorded."""
    root = tmp_path_factory.mktemp("crash")
    folder, store = root / "articles", root / "kgstore"
    write_corpus(folder, ARTICLES, seed=SEED)
    first = root / "first"
    first.mkdir()
    for path in sorted(folder.iterdir())[:FIRST]:
        (first / path.name).write_bytes(path.read_bytes())
    done = kg_start("ingest", str(first), "--store", str(store))
    expected = expected_events(folder, extractor)  # meanwhile, on the other core
    assert len(expected) == ARTICLES
    assert sum(len(e) for e in expected.values()) > 2 * ARTICLES  # the templates do make events
    _, err = done.communicate(timeout=600)
    assert done.returncode == 0, err[-2000:]

    rng = random.Random(SEED)
    kills = []  # (progress seen, or -1 if the run ended first; article graphs found)
    for attempt in range(KILLS):
        left = ARTICLES - (kills[-1][1] if kills else FIRST)
        if left == 0:
            break  # a run ended before its kill: nothing left to interrupt
        if attempt == 0 or rng.random() < 0.7:
            # after some articles, by the progress bar (it counts an article once it is stored)
            target = KILL_AFTER if attempt == 0 else rng.randint(1, max(1, left // 2))
            seen = ingest_killed_after(folder, store, target)
            assert attempt or seen >= 0, "the ingest ended before it was killed"
        else:
            # anywhere: start-up, reading, the reference graphs, the articles
            seen = ingest_killed_after(folder, store, None, delay=rng.uniform(0.5, 20))
        found = article_events(store)
        assert_whole_articles(found, expected)
        if seen >= 0:
            assert FIRST + seen <= len(found), (seen, len(found))  # what the progress bar counted is stored
        if attempt == 0:
            assert len(found) < ARTICLES, "the kill came after every article was stored"
        # (a later kill may land after the last article, in the consolidation: a fault worth having too)
        kills.append((seen, len(found)))

    # the store as the kill left it (a copy: a dead process's files) is validated while the ingest resumes
    shutil.copytree(store, root / "as-killed")
    validating = kg_start("validate", "--store", str(root / "as-killed"))
    resumed = kg("ingest", str(folder), "--store", str(store))
    out, err = validating.communicate(timeout=600)
    validated = subprocess.CompletedProcess(validating.args, validating.returncode, out, err)
    exported = kg("export", "--format", "nq", "--store", str(store))
    print(f"\nkills (progress seen, article graphs stored): {kills}")
    return {"folder": folder, "store": store, "expected": expected, "kills": kills, "validated": validated,
            "resumed": resumed, "export": exported.stdout, "root": root}


def test_sigkill_mid_ingest_leaves_whole_articles(crash):
    # (asserted as each kill happened, in the fixture; here what was found)
    kills = crash["kills"]
    assert FIRST < kills[0][1] < ARTICLES  # the first kill came mid-way through the articles
    for _seen, stored in kills:
        assert FIRST <= stored <= ARTICLES


def test_the_store_opens_and_conforms_after_the_kill(crash):
    assert crash["validated"].returncode == 0, crash["validated"].stdout + crash["validated"].stderr
    assert "conforms" in crash["validated"].stdout


def test_running_the_same_ingest_again_completes_it_without_duplicates(crash):
    from kg.store import KnowledgeGraph

    resumed, expected = crash["resumed"], crash["expected"]
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    stored_before = crash["kills"][-1][1]
    summary = resumed.stdout.strip().splitlines()[-1]
    assert summary.startswith(f"{ARTICLES - stored_before} articles stored, {stored_before} unchanged")
    found = article_events(crash["store"])
    assert set(found) == set(expected)
    assert_whole_articles(found, expected)
    with KnowledgeGraph.open(crash["store"]) as kg_:
        total = kg_.query(f"""SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{
            GRAPH ?g {{ ?e a kg:Event }} FILTER(STRSTARTS(STR(?g), "{ARTICLE_GRAPH}")) }}""").rows[0][0]
        holders = kg_.query("SELECT ?id (COUNT(DISTINCT ?g) AS ?n) "
                            "WHERE { GRAPH ?g { ?a kg:articleId ?id } } GROUP BY ?id").rows
    assert int(total) == sum(len(e) for e in expected.values())  # a clean single run's count
    assert len(holders) == ARTICLES and {int(n) for _, n in holders} == {1}  # no article graph twice


def test_consolidation_is_up_to_date_after_the_crash(crash, tmp_path):
    """The killed run stored articles of dyads consolidated by the first run, then died before
    consolidating: the re-run must bring those dyads up to date (compare: consolidate all afresh)."""
    from kg.consolidate import consolidate_dyads, stored_dyads
    from kg.store import KnowledgeGraph

    copy = tmp_path / "copy"
    shutil.copytree(crash["store"], copy)
    with KnowledgeGraph.open(copy) as kg_:
        consolidate_dyads(kg_, stored_dyads(kg_))
        fresh = derived_quads(kg_.dump("nq").decode("utf-8"))
    after_rerun = derived_quads(crash["export"])
    assert fresh, "no consolidated graphs at all"
    stale = after_rerun - fresh
    missing = fresh - after_rerun
    assert not stale and not missing, (
        f"{len(missing)} consolidated quads missing and {len(stale)} stale after the re-run, e.g. "
        f"{sorted(missing)[:2]} {sorted(stale)[:2]}")


def test_reingesting_is_a_no_op(crash):
    again = kg("ingest", str(crash["folder"]), "--store", str(crash["store"]))
    assert again.returncode == 0, again.stderr[-2000:]
    assert again.stdout.strip().splitlines()[-1].startswith(f"0 articles stored, {ARTICLES} unchanged")
    after = kg("export", "--format", "nq", "--store", str(crash["store"]))
    assert after.stdout == crash["export"]  # byte for byte


def test_an_edited_article_replaces_its_events(crash, extractor):
    folder, store = crash["folder"], crash["store"]
    record = json.loads((folder / "a0001.json").read_text(encoding="utf-8"))
    edited = dict(record, text=synthetic_article(1, SEED, edit=1)["text"])
    old, new = expected_events_of(record, extractor), expected_events_of(edited, extractor)
    assert old and new and not old & new
    (folder / "a0001.json").write_text(json.dumps(edited), encoding="utf-8")
    changed = kg("ingest", str(folder), "--store", str(store))
    assert changed.returncode == 0, changed.stderr[-2000:]
    assert changed.stdout.strip().splitlines()[-1].startswith(f"1 articles stored, {ARTICLES - 1} unchanged")
    graphs = article_events(store)
    from kg.rdf import article_graph_iri

    assert set(graphs[str(article_graph_iri(edited["id"]))]) == new
    now = kg("export", "--format", "nq", "--store", str(store)).stdout
    assert not any(event in now for event in old)  # gone from its graph and from everything derived
    mine = str(article_graph_iri(edited["id"]))
    def others(nquads: str) -> set[str]:
        return {line for line in nquads.splitlines() if "/graph/article/" in line and mine not in line}

    others_before, others_now = others(crash["export"]), others(now)
    assert others_now == others_before  # the other 499 articles are as they were


def expected_events_of(record: dict, extractor) -> set[str]:
    from kg.ingest import article_from_text
    from kg.rdf import event_iri

    article = article_from_text(record["text"], id=record["id"], published=record["published"],
                                title=record["title"])
    return {str(event_iri(e.event)) for e in extractor.extract(article)}


def test_kg_remove_retracts_an_article(crash):
    from kg.rdf import article_graph_iri

    store = str(crash["store"])
    gone = json.loads((crash["folder"] / "a0003.json").read_text(encoding="utf-8"))["id"]
    events = crash["expected"][str(article_graph_iri(gone))]
    assert events
    removed = kg("remove", gone, "--store", store)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    graphs = article_events(crash["store"])
    assert str(article_graph_iri(gone)) not in graphs
    assert len(graphs) == ARTICLES - 1
    now = kg("export", "--format", "nq", "--store", store).stdout
    assert not any(event in now for event in events)  # nor in the consolidated graphs
    missing = kg("remove", "no-such-article", "--store", store)
    assert missing.returncode != 0
    assert missing.stderr.startswith("Error: no-such-article: no such article in store"), missing.stderr


def test_a_failed_update_changes_nothing(tmp_path):
    """The store's transaction: an update whose last operation fails leaves the graph as it was."""
    from rdflib import Graph, Literal, URIRef

    from kg.errors import KGError
    from kg.store import KnowledgeGraph

    g = URIRef("https://w3id.org/kg/graph/article/t")
    with KnowledgeGraph.open(tmp_path / "kgstore") as kg_:
        old = Graph()
        for n in range(50):
            old.add((URIRef(f"urn:s{n}"), URIRef("urn:p"), Literal(n)))
        kg_.replace_graph(g, old)
        with pytest.raises(KGError):
            kg_.update(f"DROP GRAPH <{g}> ; INSERT DATA {{ GRAPH <{g}> {{ <urn:x> <urn:p> 1 }} }} ; "
                       "DROP GRAPH <urn:no-such-graph>")
        rows = kg_.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}").rows
        assert int(rows[0][0]) == 50


def test_readers_see_the_old_or_the_new_graph_never_a_mix(tmp_path):
    """replace_graph under concurrent readers (threads on one store): no reader sees a half-written graph."""
    from rdflib import Graph, Literal, URIRef

    from kg.store import KnowledgeGraph

    g = URIRef("https://w3id.org/kg/graph/article/t")

    def version(v: int, size: int) -> Graph:
        graph = Graph()
        for n in range(size):
            graph.add((URIRef(f"urn:v{v}/s{n}"), URIRef("urn:version"), Literal(v)))
        return graph

    sizes = {v: 200 + 37 * v for v in range(8)}
    count = f"SELECT ?v (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s <urn:version> ?v }} }} GROUP BY ?v"
    seen: Counter = Counter()
    bad: list = []
    with KnowledgeGraph.open(tmp_path / "kgstore") as kg_:
        kg_.replace_graph(g, version(0, sizes[0]))
        stop = threading.Event()

        def read() -> None:
            while not stop.is_set():
                rows = kg_.query(count).rows
                if len(rows) != 1 or int(rows[0][1]) != sizes[int(rows[0][0])]:
                    bad.append(rows)
                else:
                    seen[int(rows[0][0])] += 1

        readers = [threading.Thread(target=read) for _ in range(3)]
        for thread in readers:
            thread.start()
        for v in range(1, 8):
            for _ in range(3):
                kg_.replace_graph(g, version(v, sizes[v]))
        stop.set()
        for thread in readers:
            thread.join()
    assert not bad, bad[:3]
    assert len(seen) > 3  # the readers did overlap the writes
