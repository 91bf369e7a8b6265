"""Bad input and hostile parameters through the real command line.

- ``kg ingest`` over a folder of bad files (tests/fixtures/bad, plus binary files made here) mixed
  with good ones: one ``Error:`` line per bad file or record, naming it (and its line) and the fix;
  the good files stored; exit code 1 and a summary line; nothing stored before is lost.
- A 50 MB file is refused at once; an unreadable file is reported, not fatal.
- ``kg query --param`` binds values as terms: injection payloads change nothing and match nothing;
  invalid SPARQL is one line with its line and column.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from tests.conftest import ROOT, SEED_ARTICLE

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bad"
QUERIES = ROOT / "ontology" / "queries"


def kg(*args: str, timeout: float = 600, user: str | None = None) -> subprocess.CompletedProcess:
    """``python -m kg ARGS`` in a subprocess (as another user with ``user``: root runs setpriv)."""
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    prefix = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups"] if user else []
    return subprocess.run([*prefix, sys.executable, "-m", "kg", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def error_lines(stderr: str) -> list[str]:
    """The ``Error:`` lines of stderr; anything else there must be the progress bar."""
    lines = [line for line in re.split(r"[\r\n]+", stderr) if line.strip()]
    others = [line for line in lines if not line.startswith(("Error: ", "ingest:"))]
    assert not others, f"stderr has more than errors and progress: {others[:5]}"
    return [line for line in lines if line.startswith("Error: ")]


def about(lines: list[str], path: Path) -> list[str]:
    """The error lines that name ``path`` itself (not a file whose name starts the same)."""
    pattern = re.compile("Error: " + re.escape(str(path)) + r"(?: front matter)?(?: line \d+)?: ")
    return [line for line in lines if pattern.match(line)]


def has_fix(line: str) -> bool:
    """An error says what to do next after a semicolon: 'remove it', 'convert it to UTF-8', 'use …'."""
    _, _, fix = line.rpartition("; ")
    return bool(re.match(r"(use|fix|remove|convert|add|split|save|make|check|give|declare) ", fix))


# ---------------------------------------------------------------------- a mixed batch

EARLIER = {
    "earlier-1": "Russian military trainers arrived in Niger on Wednesday, state television said.",
    "earlier-2": "France withdrew its last troops from Niger in December 2023.",
    "earlier-3": "Mali expelled the French ambassador last month, the junta said.",
}

# file (relative to the batch folder) -> one list of fragments per error line expected for it
EXPECTED: dict[str, list[list[str]]] = {
    "empty.txt": [["empty article", "remove it or add its text"]],
    "blank.txt": [["empty article"]],
    "latin1.txt": [["not UTF-8 text", "byte 0xe7", "convert it to UTF-8"]],
    "utf16-nobom.txt": [["UTF-16 text without a byte order mark", "convert it to UTF-8"]],
    "binary.txt": [["binary file", "remove it or convert it to text"]],
    "image.html": [["binary file"]],
    "garbage.html": [["no words", "remove it"]],
    "broken.json": [[" line 4: invalid JSON", "column", "fix the file"]],
    "broken.jsonl": [[" line 2: invalid JSON", "Unterminated string", "fix the record or remove the line"]],
    "dates.jsonl": [[" line 2:", '"12/04/2024", not a date', "use YYYY-MM-DD"],
                    [" line 3:", "2999-01-01 is in the future", "fix the date"],
                    [" line 4:", '"2024-02-30", not a date', "use YYYY-MM-DD"]],
    "front-matter-date.txt": [["front matter", '"yesterday", not a date', "use YYYY-MM-DD"]],
    "future-sidecar.meta.json": [["2999-12-31 is in the future", "fix the date"]],
    "not-records.json": [[" line 2:", "got a number", "fix the record or remove it"],
                         [" line 3:", "got a string"]],
    "notes.docx": [["unknown file type .docx", "use .txt, .html, .json or .jsonl"]],
    "report.pdf": [["unknown file type .pdf"]],
    "article-without-extension": [["unknown file type (no extension)"]],
    "update-of-earlier.json": [['"published" is "last Tuesday", not a date']],
    "nested/records.jsonl": [["binary file"]],
    "nested/huge-line.jsonl": [[" line 2:", "larger than 20 MB", "split it"]],
}
GOOD = {"jsonl-good-1", "jsonl-good-3", "date-missing", "malformed", "utf16-bom", "good-sidecar",
        "good-list-1", "good-list-2", "huge-line-1", "huge-line-3"}


def make_batch(folder: Path) -> None:
    """tests/fixtures/bad, plus binary and oversized files made here, plus good files."""
    shutil.copytree(FIXTURES, folder)
    noise = random.Random(0).randbytes(4096)
    (folder / "binary.txt").write_bytes(noise[:100] + b"\x00" + noise)
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise)
    (folder / "update-of-earlier.json").write_text(json.dumps(
        {"id": "earlier-1", "published": "last Tuesday", "text": "Niger expelled the French ambassador."}))
    (folder / "good-sidecar.txt").write_text("Chad and Niger signed a defence agreement on Monday.\n")
    (folder / "good-sidecar.meta.json").write_text('{"published": "2024-03-20", "title": "Pact"}')
    (folder / "good-list.json").write_text(json.dumps([
        {"text": "Algeria accused Mali of supporting armed groups on Friday.", "published": "2024-01-10"},
        {"text": "Burkina Faso suspended military cooperation with France last week.",
         "published": "2024-02-10"}]))
    nested = folder / "nested"
    nested.mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(nested / "pipe.txt")  # not a file: passed over, never waited on
    (nested / "records.jsonl").write_bytes(b'{"text": "x"}\n\x00\x01\x02' + noise)
    record = '{"text": "Senegal and Mali signed a defence agreement.", "published": "2024-05-05"}\n'
    huge = json.dumps({"text": "Troops arrived. " * (21 * 1024 * 1024 // 16)})
    (nested / "huge-line.jsonl").write_text(record + huge + "\n" + record.replace("Senegal", "Guinea"))


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """Three articles stored first, then one ``kg ingest`` over a folder of bad and good files."""
    root = tmp_path_factory.mktemp("batch")
    store = root / "kgstore"
    earlier = root / "earlier"
    earlier.mkdir()
    for article_id, text in EARLIER.items():
        (earlier / f"{article_id}.json").write_text(json.dumps(
            {"id": article_id, "published": "2024-04-12", "text": text}))
    first = kg("ingest", str(earlier), "--store", str(store))
    assert first.returncode == 0, first.stderr
    before = kg("export", "--format", "nq", "--store", str(store)).stdout

    folder = root / "bad"
    make_batch(folder)
    started = time.monotonic()
    run = kg("ingest", str(folder), "--store", str(store))
    seconds = time.monotonic() - started
    after = kg("export", "--format", "nq", "--store", str(store)).stdout
    return {"folder": folder, "store": store, "run": run, "seconds": seconds, "before": before,
            "after": after, "errors": error_lines(run.stderr)}


def test_each_bad_file_gets_one_line_naming_it_and_the_fix(batch):
    errors, folder = batch["errors"], batch["folder"]
    assert "Traceback" not in batch["run"].stderr
    counted = 0
    for name, expected in EXPECTED.items():
        lines = about(errors, folder / name)
        assert len(lines) == len(expected), f"{name}: {lines}"
        for line, fragments in zip(sorted(lines), expected, strict=True):
            for fragment in fragments:
                assert fragment in line, f"{name}: {fragment!r} not in {line!r}"
            assert has_fix(line), f"{name}: no fix in {line!r}"
        counted += len(lines)
    known = {line for name in EXPECTED for line in about(errors, folder / name)}
    assert counted == len(errors), f"unexpected errors: {set(errors) - known}"


def test_the_batch_exits_1_with_a_summary(batch):
    run = batch["run"]
    assert run.returncode == 1
    summary = run.stdout.strip().splitlines()[-1]
    n_errors = sum(len(v) for v in EXPECTED.values())
    pattern = rf"{len(GOOD)} articles stored, 0 unchanged, \d+ events.*, {n_errors} files or records failed"
    assert re.fullmatch(pattern, summary), summary


def test_the_good_files_are_stored(batch):
    from kg.store import KnowledgeGraph

    with KnowledgeGraph.open(batch["store"]) as kg_:
        stored = set(kg_.list_articles())
        undated = kg_.query("SELECT ?date WHERE { ?e prov:wasDerivedFrom ?a . "
                            "?a kg:articleId 'date-missing' . OPTIONAL { ?e kg:date ?date } }").rows
    assert stored == GOOD | set(EARLIER)
    # no publication date: stored, and "on Wednesday" is not stamped with a guessed date
    assert undated and all(date is None for (date,) in undated)


def test_nothing_stored_before_is_lost(batch):
    def earlier_quads(nquads: str) -> set[str]:
        return {line for line in nquads.splitlines() if "/graph/article/earlier-" in line}

    before, after = earlier_quads(batch["before"]), earlier_quads(batch["after"])
    assert before and after == before  # earlier-1 too, although a bad file claimed its id
    events = {line.split()[0] for line in before if "ontology#Event>" in line}
    assert len(events) >= len(EARLIER)


def test_the_batch_is_not_slowed_by_its_bad_files(batch):
    assert batch["seconds"] < 120, batch["seconds"]


def test_a_50_mb_file_is_refused_at_once(tmp_path):
    folder = tmp_path / "big"
    folder.mkdir()
    line = "Russian military trainers arrived in Niger on Wednesday. " * 20 + "\n"
    text = line * (50 * 1024 * 1024 // len(line) + 1)
    (folder / "big.txt").write_text(text)
    (folder / "big.json").write_text(json.dumps({"text": text}))
    (folder / "big.html").write_text(f"<html><body><p>{text}</p></body></html>")
    started = time.monotonic()
    run = kg("ingest", str(folder), "--store", str(tmp_path / "kgstore"), timeout=120)
    seconds = time.monotonic() - started
    assert run.returncode == 1
    errors = error_lines(run.stderr)
    assert len(errors) == 3
    for name in ("big.txt", "big.json", "big.html"):
        (line,) = about(errors, folder / name)
        assert re.search(r": 50\.\d MB is larger than 20 MB; split it", line), line
    assert seconds < 30, f"{seconds:.1f} s to refuse three 50 MB files"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    run = kg("ingest", str(pipe), "--store", str(tmp_path / "kgstore"), timeout=60)
    assert run.returncode == 1
    assert error_lines(run.stderr) == [f"Error: {pipe}: not a regular file (a pipe or device); "
                                       "save the article to a file"]


# ---------------------------------------------------------------------- unreadable files

ROOT_REASON = ("running as root, which reads any file whatever its mode: chmod 000 cannot make a file "
               "unreadable; the message path is tested as an unprivileged user (setpriv) and in-process")


@pytest.mark.skipif(os.geteuid() == 0, reason=ROOT_REASON)
def test_unreadable_file_chmod_000(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Russian military trainers arrived in Niger on Wednesday.")
    path.chmod(0)
    try:
        run = kg("ingest", str(tmp_path), str(path), "--store", str(tmp_path / "kgstore"))
    finally:
        path.chmod(0o644)
    assert run.returncode == 1
    lines = about(error_lines(run.stderr), path)
    assert lines and all("cannot read it (permission denied); make it readable or leave it out" in x
                         for x in lines)


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None,
                    reason="needs root and setpriv to run kg as another user")
def test_unreadable_file_and_folder_as_an_unprivileged_user():
    """As root, run the real CLI as nobody (uid 65534) over a file and a folder it may not read."""
    root = Path(tempfile.mkdtemp(prefix="kg-unreadable-"))
    try:
        root.chmod(0o777)  # nobody creates the store in it
        folder = root / "in"
        folder.mkdir()
        secret, closed = folder / "secret.txt", folder / "closed"
        secret.write_text("Russian military trainers arrived in Niger on Wednesday.")
        secret.chmod(0)
        closed.mkdir()
        (closed / "a.txt").write_text("Mali expelled the French ambassador.")
        closed.chmod(0)
        # the file named on the command line as well as found in the folder: not a usage error either way
        run = kg("ingest", str(folder), str(secret), "--store", str(root / "kgstore"), user="65534")
        assert run.returncode == 1, run.stderr
        errors = error_lines(run.stderr)
        secret_lines = about(errors, secret)
        assert len(secret_lines) == 2
        assert all(x.endswith(": cannot read it (permission denied); make it readable or leave it out")
                   for x in secret_lines)
        (folder_line,) = about(errors, closed)
        assert "cannot list the folder (Permission denied); check its permissions" in folder_line
    finally:
        for path in (root / "in" / "closed", root / "in" / "secret.txt"):
            if path.exists():
                path.chmod(0o755)
        shutil.rmtree(root, ignore_errors=True)


def test_unreadable_file_message_in_process(tmp_path, monkeypatch):
    """The permission error as the reader meets it, whoever runs the tests."""
    secret = tmp_path / "secret.txt"
    secret.write_text("Russian military trainers arrived in Niger on Wednesday.")
    real = Path.read_bytes

    def read_bytes(self):
        if self == secret:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = CliRunner().invoke(cli, ["ingest", str(secret), "--store", str(tmp_path / "kgstore")])
    assert result.exit_code == 1
    expected = f"Error: {secret}: cannot read it (permission denied); make it readable or leave it out"
    assert expected in result.output


# ---------------------------------------------------------------------- query parameters


@pytest.fixture(scope="module")
def query_store(tmp_path_factory, extractor):
    """A small store: the seed article (Niger, Russia, the US) and a few more."""
    from kg.load import ingest_paths
    from kg.store import KnowledgeGraph

    folder = tmp_path_factory.mktemp("query-articles")
    shutil.copy(SEED_ARTICLE, folder / SEED_ARTICLE.name)
    meta = SEED_ARTICLE.with_name(SEED_ARTICLE.stem + ".meta.json")
    if meta.exists():
        shutil.copy(meta, folder / meta.name)
    (folder / "more.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"id": "q-1", "published": "2024-03-17",
         "text": "Niger revoked the military agreement with the United States on Saturday."},
        {"id": "q-2", "published": "2024-05-20",
         "text": "Niger and Russia signed a defence agreement in May."},
    ]) + "\n")
    store = tmp_path_factory.mktemp("query-store") / "kgstore"
    with KnowledgeGraph.open(store) as kg_:
        ingest_paths(kg_, [folder], extractor=extractor)
    return store


PAYLOADS = [
    'NER" } ; DROP ALL ; #',
    "NER' } ; DROP ALL ; #",
    'NER" . } } ; DELETE WHERE { ?s ?p ?o } ; SELECT * WHERE { #',
    'NER\\" } ; DROP ALL',
    "NER\\u0022 } ; DROP ALL ; #",
    'NER"\n} ; CLEAR ALL ; #',
    '"""NER""" ; DROP ALL',
    "NER> } ; DROP ALL ; #",
    "?a",
    "NER\") } UNION { ?s ?p ?o } #",
    "<urn:x>",
    "<http://example.org/x> } ; DROP ALL ; #",  # not <…> as a whole: a string
]
REJECTED = ["<http://example.org/x> } ; DROP ALL ; <urn:y>", "<urn:x>} ; DROP ALL ; <urn:y>"]  # <…>, invalid
BASELINE = {"a": "NER", "b": "RUS", "actor": "NER", "category": "*", "status": "*", "since": "2000-01-01",
            "until": "2030-12-31", "on": "2024-06-01", "year": "2024", "limit": "1000", "offset": "0"}


def named_query_params() -> list[tuple[str, str]]:
    from kg.query import load_named_query

    return [(path.stem, name) for path in sorted(QUERIES.glob("*.rq"))
            for name in load_named_query(path).params]


def query_rows(store: Path, query: str, params: dict[str, str]):
    args = ["query", "-f", str(QUERIES / f"{query}.rq"), "--store", str(store), "--format", "json"]
    for name, value in params.items():
        args += ["--param", f"{name}={value}"]
    return CliRunner().invoke(cli, args)


def test_baseline_parameters_find_rows(query_store):
    for query in ("dyad_timeline", "events_with_evidence", "actor_partners"):
        from kg.query import load_named_query

        params = {p: BASELINE[p] for p in load_named_query(QUERIES / f"{query}.rq").params}
        result = query_rows(query_store, query, params)
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["results"]["bindings"], query


@pytest.mark.parametrize(("query", "param"), named_query_params())
def test_injection_payloads_change_nothing_and_match_nothing(query_store, query, param):
    """Every parameter of every named query, every payload: what kg query calls (run_query), one store."""
    from kg.errors import QueryError
    from kg.query import PAGE_PARAMS, load_named_query, run_query
    from kg.store import KnowledgeGraph

    named = load_named_query(QUERIES / f"{query}.rq")
    with KnowledgeGraph.open(query_store) as kg_:
        before = kg_.dump("nq")
        if param in PAGE_PARAMS:  # written into the text, so anything but a whole number is refused
            for payload in PAYLOADS + REJECTED + ["1 } ; DROP ALL ; #", "-1", "²", "1e3"]:
                params = {p: BASELINE[p] for p in named.params} | {param: payload}
                with pytest.raises(QueryError, match="is not a whole number"):
                    run_query(kg_, named.text, params)
            assert kg_.dump("nq") == before
            return
        for payload in PAYLOADS:
            params = {p: BASELINE[p] for p in named.params} | {param: payload}
            result = run_query(kg_, named.text, params)
            assert result.rows == [], f"{query} {param}={payload!r} matched"
        for payload in REJECTED:
            params = {p: BASELINE[p] for p in named.params} | {param: payload}
            with pytest.raises(QueryError, match="^invalid IRI"):
                run_query(kg_, named.text, params)
        assert kg_.dump("nq") == before


@pytest.mark.parametrize("payload", PAYLOADS + REJECTED)
def test_injection_payloads_through_kg_query(query_store, payload):
    from kg.store import KnowledgeGraph

    with KnowledgeGraph.open(query_store) as kg_:
        before = kg_.dump("nq")
    result = query_rows(query_store, "dyad_timeline", {"a": payload, "b": "RUS"})
    if payload in REJECTED:
        assert result.exit_code == 1
        assert result.output.startswith("Error: invalid IRI") and result.output.count("\n") == 1
    else:
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["results"]["bindings"] == []
    with KnowledgeGraph.open(query_store) as kg_:
        assert kg_.dump("nq") == before


def test_injection_through_the_real_command(query_store):
    """The same, as a user types it: python -m kg query -f … --param a='NER" } ; DROP ALL ; #'."""
    from kg.store import KnowledgeGraph

    with KnowledgeGraph.open(query_store) as kg_:
        before = kg_.dump("nq")
    run = kg("query", "-f", str(QUERIES / "dyad_timeline.rq"), "--param", 'a=NER" } ; DROP ALL ; #',
             "--param", "b=RUS", "--store", str(query_store), "--format", "csv")
    assert run.returncode == 0, run.stderr
    assert len(run.stdout.strip().splitlines()) == 1  # the header, no rows
    inline = kg("query", "SELECT ?a WHERE { ?a kg:articleId ?id }", "--param", "id=q-1' } ; DROP ALL ; #",
                "--store", str(query_store), "--format", "csv")
    assert inline.returncode == 0 and len(inline.stdout.strip().splitlines()) == 1
    with KnowledgeGraph.open(query_store) as kg_:
        assert kg_.dump("nq") == before
        assert kg_.count_events() > 0


@pytest.mark.parametrize(("text", "line", "column"), [
    ("SELECT ?x\nWHERE {\n  ?x ?y ?z .\n  ?x <bad iri> ?w .\n}", 4, None),
    ('SELECT ?x\nWHERE {\n  ?x ?y "unterminated .\n}', 3, None),
    ("SELECT ?x\nWHERE {\n  ?x ?y ?z .\n} GROUP BY BY ?x", 4, None),
    ("SELECT ?x WHERE { ?x nope:y ?z }", 1, 28),
])
def test_invalid_sparql_is_one_line_with_line_and_column(query_store, text, line, column):
    result = CliRunner().invoke(cli, ["query", text, "--store", str(query_store)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1, result.output
    match = re.match(r"Error: query line (\d+), column (\d+): \S", result.output)
    assert match, result.output
    assert int(match.group(1)) == line
    if column is not None:
        assert int(match.group(2)) == column


def test_invalid_sparql_in_a_file_counts_the_file_lines(query_store, tmp_path):
    path = tmp_path / "broken.rq"
    path.write_text("# Broken on purpose.\n# @param a: a code\nSELECT ?e WHERE {\n"
                    "  ?e kg:sourceState <bad iri> .\n  ?e kg:code ?a .\n}\n")
    args = ["query", "-f", str(path), "--param", "a=NER", "--store", str(query_store)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert re.match(r"Error: query line 4, column \d+: ", result.output), result.output
    assert result.output.count("\n") == 1


def test_kg_query_refuses_updates(query_store):
    from kg.store import KnowledgeGraph

    for update in ("DROP ALL", "CLEAR DEFAULT", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"):
        result = CliRunner().invoke(cli, ["query", update, "--store", str(query_store)])
        assert result.exit_code == 1 and result.output.startswith("Error: ")
    with KnowledgeGraph.open(query_store) as kg_:
        assert kg_.count_events() > 0
