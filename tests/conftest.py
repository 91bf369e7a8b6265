"""Shared fixtures: the real gazetteer and one spaCy extractor per test session (loading it takes seconds)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_GOLD = SHARED / "eval" / "seed.gold.json"
SEED_ARTICLE = SHARED / "eval" / "articles" / "seed-niger-russia-trainers.txt"


@pytest.fixture(scope="session")
def index():
    from kg.actors import ActorIndex

    return ActorIndex.load()


@pytest.fixture(scope="session")
def extractor(index):
    from kg.nlp.extract import Extractor

    return Extractor.load(index)


@pytest.fixture(scope="session")
def extract(extractor):
    """Extract the events of a text: ``extract(article_id, text, published)``."""
    from kg.ingest import article_from_text

    def run(name: str, text: str, published: date):
        return extractor.extract(article_from_text(text, id=name, published=published))

    return run


@pytest.fixture(scope="session")
def asserted(extract):
    """The asserted events of a text published on 12 April 2024: ``{(sorted pair, event type)}``."""
    from kg.model import dyad_key

    def run(name: str, text: str) -> set[tuple[str, str]]:
        events = extract(name, text, date(2024, 4, 12))
        return {(dyad_key(e.source.country, e.target.country), e.type) for e in events if e.status == "asserted"}

    return run


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_binary() -> str | None:
    """The `oxigraph` server binary of the `oxigraph` PyPI package (beside this Python, or on PATH)."""
    return shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")


def start_oxigraph(location: Path, port: int) -> subprocess.Popen:
    """`oxigraph serve` on 127.0.0.1:PORT, not waited for."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    return subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for_port(port: int, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"oxigraph serve did not listen on 127.0.0.1:{port} within {seconds:g} s")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """A real `oxigraph serve` on a free port of 127.0.0.1 for the whole session: its base URL."""
    port = free_port()
    server = start_oxigraph(tmp_path_factory.mktemp("oxigraph") / "store", port)
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def remote_kg(oxigraph_server):
    """The session's Oxigraph server as an empty KnowledgeGraph (every graph dropped first)."""
    from kg.store import KnowledgeGraph

    kg = KnowledgeGraph.open(oxigraph_server)
    kg.update("DROP ALL")
    yield kg
    kg.close()
