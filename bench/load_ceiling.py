"""How fast can any bulk load of kg's layout be on this machine? Side by side, one run, same quads.

    python -m bench.load_ceiling                 # 50,000 synthetic events (about a minute)
    python -m bench.load_ceiling --events 200000

The scale brief asks for an embedded load of 50k events/s. An event of the article layout is about
29 quads (its actors, dates, status, confidence, evidence sentence and provenance: kg.rdf). This
prints, for the same N-Quads text of ``bench.run.synthetic_articles``:

  parse only          pyoxigraph's N-Quads parser, nothing stored: an upper bound for any loader
  bulk, named graphs  ``Store.bulk_load`` as ``kg load-shards`` does (one named graph per article)
  bulk, default graph the same triples without graph names (3 indexes instead of 6)

and the events/s each allows, so the distance to the target is measured, not guessed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from bench.run import synthetic_articles  # noqa: E402
from kg.rdf import article_nquads  # noqa: E402

TARGET = 50_000  # events/s, the scale brief's embedded load target


def default_graph(nquads: str) -> str:
    """The same statements as N-Triples: each line without its graph name."""
    return "".join(line.rpartition(" <")[0] + " .\n" for line in nquads.splitlines())


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=50_000, help="synthetic events (default 50,000)")
    args = parser.parse_args(argv)

    pairs = synthetic_articles(args.events)
    events = sum(len(e) for _, e in pairs)
    quads_text = "".join(article_nquads(a, e) for a, e in pairs)
    triples_text = default_graph(quads_text)
    quads = quads_text.count("\n")
    print(f"{events:,} events, {quads:,} quads ({quads / events:.1f} per event), "
          f"{len(quads_text.encode()) / events:,.0f} bytes of N-Quads per event")

    with tempfile.TemporaryDirectory(prefix="kg-ceiling-") as tmp:
        def bulk(text: str, fmt: ox.RdfFormat) -> Callable[[], object]:
            folder = Path(tmp) / "store"
            shutil.rmtree(folder, ignore_errors=True)
            store = ox.Store(str(folder))
            return lambda: store.bulk_load(input=text.encode(), format=fmt)

        rows = [
            ("parse only", timed(lambda: sum(1 for _ in ox.parse(input=quads_text.encode(),
                                                                    format=ox.RdfFormat.N_QUADS)))),
            ("bulk, named graphs", timed(bulk(quads_text, ox.RdfFormat.N_QUADS))),
            ("bulk, default graph", timed(bulk(triples_text, ox.RdfFormat.N_TRIPLES))),
        ]
    print(f"\n| path | seconds | quads/s | events/s | of the {TARGET:,} events/s target |")
    print("|---|---|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} | {quads / seconds:,.0f} | {events / seconds:,.0f} "
              f"| {events / seconds / TARGET:.2f}× |")
    parse = rows[0][1]
    print(f"\nAt the parser's rate, {TARGET:,} events/s allows {quads / parse / TARGET:.1f} quads per event; "
          f"at the bulk loader's, {quads / rows[1][1] / TARGET:.1f}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
