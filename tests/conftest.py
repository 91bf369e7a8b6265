"""Shared fixtures: the real gazetteer and one spaCy extractor per test session (loading it takes seconds)."""

from __future__ import annotations

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
