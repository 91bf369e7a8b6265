"""Parallel and distributed extraction and the N-Quads shard path: each stores what a serial ingest stores."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import kg.parallel
from kg.cli import cli
from kg.errors import ExtractError, StoreError
from kg.load import ingest_paths
from kg.parallel import extract_all
from kg.shards import MANIFEST, REFERENCE, load_shards, write_shards
from kg.store import KnowledgeGraph
from tests.conftest import ROOT

ARTICLES = sorted((ROOT / "data" / "articles").glob("*.txt"))[:6]


def quads(kg: KnowledgeGraph) -> list[bytes]:
    return sorted(kg.dump("nq").splitlines())


@pytest.fixture(scope="module")
def serial(extractor, tmp_path_factory) -> list[bytes]:
    """The quads of a plain serial ingest of six sample articles."""
    with KnowledgeGraph.open(tmp_path_factory.mktemp("serial") / "kgstore") as kg:
        report = ingest_paths(kg, ARTICLES, extractor=extractor)
        assert report.stored == len(ARTICLES) and report.events > 10
        return quads(kg)


def worker_extractors() -> list[str]:
    return sorted(kg.parallel._WORKER)


@pytest.fixture
def small_chunks(monkeypatch):
    """Two articles per task, so six articles spread over both workers."""
    monkeypatch.setattr(kg.parallel, "CHUNK_SIZE", 2)


def test_ingest_with_jobs_2_stores_the_same_quads(serial, index, small_chunks, tmp_path):
    with KnowledgeGraph.open(tmp_path / "kgstore") as kg:
        report = ingest_paths(kg, ARTICLES, index=index, jobs=2)
        assert report.stored == len(ARTICLES)
        assert quads(kg) == serial


def test_ingest_on_a_dask_cluster_stores_the_same_quads(serial, index, small_chunks, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        with KnowledgeGraph.open(tmp_path / "kgstore") as store:
            report = ingest_paths(store, ARTICLES, index=index, scheduler=cluster.scheduler_address)
            assert report.stored == len(ARTICLES)
            assert quads(store) == serial
        with distributed.Client(cluster.scheduler_address) as client:
            workers = client.run(worker_extractors)
        assert len(workers) == 2  # each worker process built its extractor (once) and kept it


def test_jobs_must_be_positive():
    with pytest.raises(ExtractError, match="--jobs must be 1 or more"):
        extract_all([], jobs=0)


def test_shards_round_trip(serial, extractor, tmp_path):
    report = write_shards(ARTICLES, tmp_path / "shards", extractor=extractor, shard_size=4)
    manifest = json.loads((tmp_path / "shards" / MANIFEST).read_text())
    assert [f["file"] for f in manifest["files"]] == [REFERENCE, "articles-00000.nq", "articles-00001.nq"]
    assert [f["articles"] for f in manifest["files"]] == [0, 4, 2]
    assert report.articles == len(ARTICLES) and report.quads == sum(f["quads"] for f in manifest["files"])
    with KnowledgeGraph.open(tmp_path / "kgstore") as kg:
        loaded = load_shards(kg, tmp_path / "shards")
        assert (loaded.articles, loaded.replaced) == (len(ARTICLES), 0)
        assert quads(kg) == serial
        again = load_shards(kg, tmp_path / "shards")  # loading twice replaces, never duplicates
        assert again.replaced == len(ARTICLES) + 2
        assert quads(kg) == serial


def test_shards_load_into_an_oxigraph_server(serial, extractor, remote_kg, tmp_path):
    write_shards(ARTICLES, tmp_path / "shards", extractor=extractor, shard_size=4)
    load_shards(remote_kg, tmp_path / "shards")
    assert quads(remote_kg) == serial


def test_shards_replace_a_changed_article(extractor, tmp_path):
    """A shard holding a new version of a stored article replaces its graph (no stale events)."""
    first, second = tmp_path / "v1", tmp_path / "v2"
    first.mkdir()
    second.mkdir()
    text = ARTICLES[0].read_text(encoding="utf-8")
    meta = ARTICLES[0].with_suffix(".meta.json")
    for folder, body in ((first, text), (second, text.split("\n\n")[0] + "\n")):
        (folder / ARTICLES[0].name).write_text(body, encoding="utf-8")
        (folder / meta.name).write_text(meta.read_text(encoding="utf-8"), encoding="utf-8")
        write_shards([folder], folder / "shards", extractor=extractor)
    with KnowledgeGraph.open(tmp_path / "a") as direct, KnowledgeGraph.open(tmp_path / "b") as sharded:
        ingest_paths(direct, [second], extractor=extractor)
        load_shards(sharded, first / "shards")
        load_shards(sharded, second / "shards")
        assert quads(sharded) == quads(direct)


def test_load_shards_without_manifest_says_what_to_do(tmp_path):
    with KnowledgeGraph.in_memory() as kg, pytest.raises(StoreError, match="--shards DIR"):
        load_shards(kg, tmp_path)


def test_cli_shards_then_load_shards(serial, tmp_path):
    runner = CliRunner()
    out = tmp_path / "shards"
    written = runner.invoke(cli, ["ingest", *map(str, ARTICLES), "--shards", str(out), "--shard-size", "3"])
    assert written.exit_code == 0, written.output
    assert "kg load-shards" in written.output and (out / "articles-00001.nq").is_file()
    store = tmp_path / "kgstore"
    loaded = runner.invoke(cli, ["load-shards", str(out), "--store", str(store)])
    assert loaded.exit_code == 0, loaded.output
    assert loaded.output.startswith(f"loaded 3 shard files: {len(ARTICLES)} articles")
    with KnowledgeGraph.open(store) as kg:
        assert quads(kg) == serial


def test_cli_rejects_zero_jobs_and_missing_shards(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(ARTICLES[0]), "--jobs", "0", "--store", str(tmp_path / "s")])
    assert result.exit_code == 2 and "--jobs" in result.output
    result = runner.invoke(cli, ["load-shards", str(tmp_path / "nowhere"), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1 and result.output.startswith("Error: ") and "manifest.json" in result.output
