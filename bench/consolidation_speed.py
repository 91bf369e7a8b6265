"""Consolidation speed, side by side: one synthetic store consolidated by two revisions of kg.

    python -m bench.consolidation_speed                              # 10k events: main vs this tree
    python -m bench.consolidation_speed --events 100000 --old 6e86131

The store is built once (bench.run's synthetic_articles and write_nquads, bulk-loaded), then each
revision consolidates every dyad of its own copy, in a process of its own (``git archive REV`` into
a temporary folder; "." is this working tree), old and new taking turns for ``--rounds`` rounds.
Both copies must end with the same quads (compared by count and an order-free digest); the ratio
of the best wall times is printed, with the load average, which on a shared machine moves them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_RUN = """
import json, os, sys, time
from kg.consolidate import consolidate_dyads, stored_dyads
from kg.store import KnowledgeGraph
with KnowledgeGraph.open(sys.argv[1]) as kg:
    dyads, load = stored_dyads(kg), os.getloadavg()[0]
    wall, cpu = time.perf_counter(), time.process_time()
    report = consolidate_dyads(kg, dyads)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
print(json.dumps({"wall": wall, "cpu": cpu, "load": [load, os.getloadavg()[0]], "summary": report.summary()}))
"""


def tree(rev: str, work: Path) -> Path:
    """The source tree of a revision ("." : this working tree)."""
    if rev == ".":
        return ROOT
    target = work / f"src-{rev}"
    target.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "kg", "ontology", "data"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def fingerprint(location: Path) -> tuple[int, str]:
    """The number of quads and an order-free digest of them (the XOR of each quad's BLAKE2 digest)."""
    import pyoxigraph as ox

    count, digest = 0, 0
    for quad in ox.Store.read_only(str(location)).quads_for_pattern(None, None, None, None):
        count += 1
        digest ^= int.from_bytes(hashlib.blake2b(str(quad).encode("utf-8"), digest_size=16).digest(), "big")
    return count, f"{digest:032x}"


def build(events: int, work: Path) -> Path:
    """A bulk-loaded, unconsolidated store of ``events`` synthetic events."""
    from bench.run import synthetic_articles, write_nquads
    from kg.store import KnowledgeGraph

    store = work / f"base-{events}"
    with KnowledgeGraph.open(store) as kg:
        kg.load_quads(write_nquads(work / "nq", synthetic_articles(events)))
    return store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="consolidation speed of two revisions on one store")
    parser.add_argument("--events", type=int, default=10000)
    parser.add_argument("--old", default="main", help="the revision to compare with (default: main)")
    parser.add_argument("--new", default=".", help='the revision measured (default ".": this tree)')
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temp dir)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-consolidation-"))
    base = build(args.events, work)
    sources = {"old": tree(args.old, work), "new": tree(args.new, work)}
    runs: dict[str, list[dict]] = {"old": [], "new": []}
    prints: dict[str, tuple[int, str]] = {}
    for n in range(args.rounds):
        for which, source in sources.items():
            copy = work / f"{which}-{n}"
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(base, copy)
            env = {**os.environ, "PYTHONPATH": str(source)}
            out = subprocess.run([sys.executable, "-c", _RUN, str(copy)], cwd=source, env=env, check=True,
                                 capture_output=True, text=True).stdout
            runs[which].append(json.loads(out.strip().splitlines()[-1]))
            prints[which] = fingerprint(copy)
            shutil.rmtree(copy)
            print(f"{which} ({getattr(args, which)}) {n + 1}: {json.dumps(runs[which][-1])}", flush=True)
    if prints["old"] != prints["new"]:
        print(f"DIFFERENT STORES: old {prints['old']}, new {prints['new']}")
        return 1
    best = {which: min(r["wall"] for r in found) for which, found in runs.items()}
    print(f"{args.events:,} events, {runs['new'][0]['summary']}; same {prints['new'][0]:,} quads. "
          f"old {best['old']:.1f} s, new {best['new']:.1f} s: {best['old'] / best['new']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
