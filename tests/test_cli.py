"""The CLI as a user meets it: exit codes, one-line errors, output shapes, help with examples."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from tests.conftest import ROOT, SEED_ARTICLE, SEED_GOLD

COMMANDS = sorted(cli.commands)


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example_and_is_in_the_readme(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"kg {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_extract_prints_json_lines_per_design(tmp_path):
    result = run("extract", str(SEED_ARTICLE), "--published", "2024-04-12")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records
    keys = {"article", "event", "category", "type", "source", "target", "date", "date_precision", "date_text",
            "status", "confidence", "sentence", "char_start", "char_end", "trigger", "filled"}
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    for record in records:
        assert set(record) == keys
        assert set(record["source"]) == {"id", "label", "kind", "country"}
        assert record["date_precision"] in ("day", "month", "year", "unknown")
        assert (record["date"] is None) == (record["date_precision"] == "unknown")
        assert text[record["char_start"]:record["char_end"]] == record["sentence"]
    trainers = [r for r in records if r["type"] == "military_training" and r["date"] == "2024-04-10"]
    assert trainers and {trainers[0]["source"]["country"], trainers[0]["target"]["country"]} == {"RUS", "NER"}


def test_extract_bad_date_is_a_usage_error():
    result = run("extract", str(SEED_ARTICLE), "--published", "12/04/2024")
    assert result.exit_code == 2
    assert "use YYYY-MM-DD" in result.output


def test_eval_prints_precision_recall_f1():
    result = run("eval", str(SEED_GOLD))
    assert result.exit_code == 0
    assert re.search(r"precision\s+recall\s+F1", result.output)
    assert re.search(r"^dated\s+[01]\.\d{3}\s+[01]\.\d{3}\s+[01]\.\d{3}", result.output, re.M)


def test_missing_file_is_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "nope.txt" in errors[0]


def test_unknown_actor_suggests_a_name(tmp_path):
    result = CliRunner().invoke(cli, ["timeline", "Nigr", "USA", "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert 'Error: unknown actor "Nigr"; did you mean "Niger" (NER)?' in result.output


def test_query_needs_exactly_one_source(tmp_path):
    result = CliRunner().invoke(cli, ["query", "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert "Error: give a query inline or with -f" in result.output


def test_query_reports_syntax_error_position(tmp_path):
    result = CliRunner().invoke(cli, ["query", "SELECT ?x WHERE { ?x ?y }", "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert re.search(r"Error: query line 1, column \d+", result.output)


def test_actors_shows_what_a_name_denotes():
    result = run("actors", "the Kremlin")
    assert result.exit_code == 0
    assert result.output.startswith("RUS/government\tgovernment")


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("cli") / "store"
    result = run("ingest", str(ROOT / "data" / "articles"), "--store", str(store))
    assert result.exit_code == 0, result.output
    return store


def test_ingest_twice_changes_nothing(demo_store):
    before = run("export", "--format", "nq", "--store", str(demo_store)).output
    result = run("ingest", str(ROOT / "data" / "articles"), "--store", str(demo_store))
    assert result.exit_code == 0
    assert re.search(r"^0 articles stored, \d+ unchanged", result.stdout, re.M)
    assert run("export", "--format", "nq", "--store", str(demo_store)).output == before


@pytest.mark.parametrize("fmt", ["md", "csv", "json", "html"])
def test_timeline_formats(demo_store, fmt):
    result = run("timeline", "Niger", "United States", "--format", fmt, "--store", str(demo_store))
    assert result.exit_code == 0
    if fmt == "json":
        data = json.loads(result.output)
        assert data["a"] == "NER" and data["b"] == "USA" and data["events"]
    elif fmt == "html":
        assert "<svg" in result.output and "https://" not in result.output.split("<tbody>")[0]
    elif fmt == "csv":
        assert result.output.splitlines()[0].startswith("event,date,precision")


def test_query_file_with_params(demo_store):
    result = run("query", "-f", str(ROOT / "ontology" / "queries" / "dyad_timeline.rq"), "--param", "a=NER",
                 "--param", "b=USA", "--format", "json", "--store", str(demo_store))
    assert result.exit_code == 0
    bindings = json.loads(result.output)["results"]["bindings"]
    assert bindings and all({b["sourceCode"]["value"], b["targetCode"]["value"]} == {"NER", "USA"} for b in bindings)


def test_query_missing_param_names_it(demo_store):
    result = CliRunner().invoke(cli, ["query", "-f", str(ROOT / "ontology" / "queries" / "dyad_timeline.rq"),
                                      "--param", "a=NER", "--store", str(demo_store)])
    assert result.exit_code == 1
    assert "--param b=" in result.output


def test_validate_and_graph_and_export(demo_store, tmp_path):
    assert "conforms" in run("validate", "--store", str(demo_store)).output
    out = tmp_path / "g.html"
    assert run("graph", "--store", str(demo_store), "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "vis.Network" in page or "new vis" in page
    assert not re.search(r'(src|href)="https?://', page)
    for fmt, marker in (("ttl", "@prefix"), ("jsonld", "@id"), ("trig", "{")):
        assert marker in run("export", "--format", fmt, "--store", str(demo_store)).output
