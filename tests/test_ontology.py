"""The ontology is complete for the code and the queries, and the type scheme is well formed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Literal, Namespace

from kg.model import CATEGORIES, KG, KGT, STATUSES
from kg.query import PAGE_PARAMS, QUERIES_DIR, load_named_query, with_page
from kg.rdf import ONTOLOGY_DIR, ontology_graph
from kg.store import KnowledgeGraph
from kg.validate import validate_graph

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
CODE_DIR = Path(__file__).resolve().parent.parent / "kg"
TRIGGERS = CODE_DIR.parent / "data" / "triggers.yaml"
TYPES = {
    "cooperation": [
        "military_training",
        "arms_transfer",
        "agreement",
        "visit",
        "call",
        "alliance",
        "join_alliance",
        "aid",
        "support",
        "meeting",
        "military_cooperation",
        "restore_relations",
        "improving_relations",
    ],
    "tension": [
        "pressure",
        "accusation",
        "expulsion",
        "sanction",
        "suspension",
        "ultimatum",
        "threat",
        "condemnation",
        "deteriorating_relations",
        "end_agreement",
        "recall_ambassador",
        "withdraw_membership",
        "border_closure",
        "military_action",  # emitted by data/triggers.yaml
    ],
    "coup": ["coup", "coup_attempt"],
    "base_access": [
        "access_granted",
        "access_used",
        "revoke_access",
        "withdrawal_announced",
        "withdrawal",
        "handover",
    ],
}
PROPERTIES = (
    "code demonym countsAs member tenure office role title start end articleId outlet textHash "
    "category eventType source target sourceLabel targetLabel sourceState targetState dyad hasEvent "
    "date dateStart dateEnd datePrecision dateText status confidence evidence sentence charStart charEnd "
    "trigger quadClass intensity cameo plover"
).split()
PLOVER = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
QUAD_BY_CAMEO_ROOT = [
    (range(1, 6), KG.VerbalCooperation),
    (range(6, 9), KG.MaterialCooperation),
    (range(9, 14), KG.VerbalConflict),
    (range(14, 21), KG.MaterialConflict),
]
_CODE_TERM = re.compile(r"""\b(KGT?)(?:\.([A-Za-z_]\w*)|\[\s*["']([^"']+)["']\s*\])""")
_RQ_TERM = re.compile(r"(?<![\w/#])(kgt?):([A-Za-z_][\w-]*)")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return ontology_graph()


def _defined(ontology: Graph) -> set:
    return set(ontology.subjects())


@pytest.mark.parametrize("name", ["kg.ttl", "event-types.ttl", "shapes.ttl"])
def test_ontology_files_parse_without_blank_nodes_where_stored(name):
    g = Graph().parse(ONTOLOGY_DIR / name, format="turtle")
    assert len(g) > 50
    if name != "shapes.ttl":  # stored in the store: must reload to the same triples
        assert not [t for t in g if any(isinstance(x, BNode) for x in t)]


def test_ontology_documents_its_base_iri(ontology):
    onto = next(ontology.subjects(RDF.type, OWL.Ontology))
    assert ontology.value(onto, OWL.versionInfo) is not None
    assert "https://w3id.org/kg/" in str(ontology.value(onto, RDFS.comment))


def _code_terms() -> list[tuple[str, str, str]]:
    found = []
    for path in sorted(CODE_DIR.rglob("*.py")):
        for match in _CODE_TERM.finditer(path.read_text(encoding="utf-8")):
            namespace, attr, key = match.groups()
            name = attr or key
            if name.startswith("_") or name in ("term", "uri"):  # Namespace methods, not terms
                continue
            found.append((path.name, namespace, name))
    return found


def test_code_uses_kg_terms_at_all():
    assert {("rdf.py", "KG", "hasEvent"), ("rdf.py", "KG", "Event")} <= set(_code_terms())


@pytest.mark.parametrize(("module", "namespace", "name"), sorted(set(_code_terms())))
def test_every_term_used_in_the_code_exists(ontology, module, namespace, name):
    term = (KG if namespace == "KG" else KGT)[name]
    assert term in _defined(ontology), f"{module} uses {namespace}.{name}, which ontology/ does not define"


def _query_files() -> list[Path]:
    return sorted(QUERIES_DIR.glob("*.rq"))


def test_there_are_named_queries():
    assert "dyad_timeline.rq" in [p.name for p in _query_files()]


@pytest.mark.parametrize("path", _query_files(), ids=lambda p: p.name)
def test_every_query_parses_and_runs(path):
    query = load_named_query(path)
    with KnowledgeGraph.in_memory() as kg:
        kg.query(query.text)  # a syntax error raises QueryError with line and column
    for param in query.params:
        if param in PAGE_PARAMS:  # written into the query's "LIMIT n OFFSET m  # page" clause
            assert with_page(query.text, 7, 3) != query.text, f"{path.name} has no '# page' clause"
            continue
        assert re.search(rf"[?$]{param}\b", query.text), (
            f"{path.name} declares @param {param} but never uses it"
        )


@pytest.mark.parametrize("path", _query_files(), ids=lambda p: p.name)
def test_every_term_used_in_the_queries_exists(ontology, path):
    text = "\n".join(
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")
    )
    missing = [
        f"{ns}:{name}"
        for ns, name in _RQ_TERM.findall(text)
        if (KG if ns == "kg" else KGT)[name] not in _defined(ontology)
    ]
    assert not missing, f"{path.name} uses terms the ontology lacks: {missing}"


def test_classes_and_properties_are_documented(ontology):
    for cls in ontology.subjects(RDF.type, OWL.Class):
        assert ontology.value(cls, RDFS.label) and ontology.value(cls, RDFS.comment), cls
    properties = set(ontology.subjects(RDF.type, OWL.ObjectProperty)) | set(
        ontology.subjects(RDF.type, OWL.DatatypeProperty)
    )
    assert {KG[name] for name in PROPERTIES} <= properties
    for prop in properties:
        for needed in (RDFS.label, RDFS.comment, RDFS.domain, RDFS.range):
            assert ontology.value(prop, needed) is not None, f"{prop} lacks {needed}"


@pytest.mark.parametrize(
    ("cls", "individuals"),
    [
        (KG.Status, [KG[s.capitalize()] for s in STATUSES]),
        (KG.DatePrecision, [KG.DayPrecision, KG.MonthPrecision, KG.YearPrecision, KG.UnknownPrecision]),
        (
            KG.QuadClass,
            [KG.VerbalCooperation, KG.MaterialCooperation, KG.VerbalConflict, KG.MaterialConflict],
        ),
        (KG.Category, [KGT[c] for c in CATEGORIES]),
    ],
)
def test_individuals(ontology, cls, individuals):
    assert set(ontology.subjects(RDF.type, cls)) == set(individuals)


def test_status_labels_are_the_model_words(ontology):
    assert {str(ontology.value(KG[s.capitalize()], RDFS.label)) for s in STATUSES} == set(STATUSES)


def test_type_scheme_has_exactly_the_listed_types(ontology):
    listed = {name for names in TYPES.values() for name in names}
    assert {str(t)[len(str(KGT)) :] for t in ontology.subjects(RDF.type, KG.EventType)} == listed
    assert set(ontology.objects(KGT.scheme, SKOS.hasTopConcept)) == {KGT[c] for c in CATEGORIES}


@pytest.mark.parametrize(("category", "name"), [(c, n) for c, names in TYPES.items() for n in names])
def test_event_type_mappings(ontology, category, name):
    node = KGT[name]
    assert (node, RDF.type, KG.EventType) in ontology
    if name != category:
        assert list(ontology.objects(node, SKOS.broader)) == [KGT[category]]
        assert (KGT[category], SKOS.narrower, node) in ontology
    assert ontology.value(node, SKOS.prefLabel) and ontology.value(node, SKOS.definition)
    cameo = str(ontology.value(node, KG.cameo))
    assert re.fullmatch(r"\d{3,4}", cameo)
    assert str(ontology.value(node, KG.plover)) in PLOVER
    quad = ontology.value(node, KG.quadClass)
    assert quad == next(q for roots, q in QUAD_BY_CAMEO_ROOT if int(cameo[:2]) in roots)
    intensity = ontology.value(node, KG.intensity)
    assert isinstance(intensity, Literal) and intensity.datatype == XSD.double
    assert -10.0 <= float(intensity) <= 10.0
    sign = -1 if quad in (KG.VerbalConflict, KG.MaterialConflict) else 1
    assert sign * float(intensity) > 0, "intensity sign disagrees with the quad class"


@pytest.mark.parametrize(
    ("name", "low", "high"), [("military_training", 6, 8), ("expulsion", -6, -4), ("coup", -10, -10)]
)
def test_anchor_intensities(ontology, name, low, high):
    assert low <= float(ontology.value(KGT[name], KG.intensity)) <= high


def _trigger_types() -> list[tuple[str | None, str]]:
    """(category, type) of each trigger entry; subtypes take their own category, so (None, subtype)."""
    import yaml

    entries = yaml.safe_load(TRIGGERS.read_text(encoding="utf-8")) if TRIGGERS.exists() else []
    found: set[tuple[str | None, str]] = set()
    for entry in entries:
        found.add((entry["category"], entry["type"]))
        found.update((None, name) for name in entry.get("subtypes") or {})
    return sorted(found, key=lambda pair: (pair[0] or "", pair[1]))


@pytest.mark.parametrize(("category", "name"), _trigger_types())
def test_every_type_the_extractor_emits_is_in_the_scheme(ontology, category, name):
    assert (KGT[name], RDF.type, KG.EventType) in ontology, f"triggers.yaml emits {name}, not in the scheme"
    if category is not None:
        assert KGT[category] in (set(ontology.objects(KGT[name], SKOS.broader)) | {KGT[name]})


def test_notations_are_skos_notations(ontology):
    assert (KG.cameo, RDFS.subPropertyOf, SKOS.notation) in ontology
    assert (KG.plover, RDFS.subPropertyOf, SKOS.notation) in ontology


def test_the_ontology_satisfies_the_shapes(ontology):
    report = validate_graph(Graph())
    assert report.conforms, report.text
