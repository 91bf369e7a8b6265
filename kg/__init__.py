"""kg: a knowledge graph of how relationships between states evolve, built from news.

    from kg import KnowledgeGraph, build_timeline, ingest_paths
    with KnowledgeGraph.open("kgstore") as kg:
        ingest_paths(kg, ["data/articles"])
        print(build_timeline(kg, "NER", "USA").asserted()[0].sentence)

The public names are imported on first use, so ``import kg.model`` stays cheap.
"""

from importlib import import_module

_PUBLIC = {
    "Actor": "kg.model", "Article": "kg.model", "Event": "kg.model", "EventDate": "kg.model",
    "ActorIndex": "kg.actors", "KGError": "kg.errors", "read_articles": "kg.ingest", "ingest_paths": "kg.load",
    "Extractor": "kg.nlp.extract", "run_query": "kg.query", "KnowledgeGraph": "kg.store",
    "build_timeline": "kg.timeline",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
