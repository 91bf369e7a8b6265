"""The trigger lexicon file (data/triggers.yaml): a malformed entry is a one-line error naming the entry and
the fix, never an entry that silently never fires."""

from __future__ import annotations

import pytest

from kg.errors import ExtractError
from kg.nlp.patterns import load_lexicon

ENTRY = "- lemmas: [{lemmas}]\n  type: talks\n  category: cooperation\n  needs: [{needs}]\n"


@pytest.mark.parametrize(
    ("lemmas", "needs", "key", "shown"),
    [
        ("break", "off", "needs", "False"),  # YAML 1.1 reads a bare off as a boolean
        ("call", "on", "needs", "True"),
        ("agree", "yes", "needs", "True"),
        ("2024", "talks", "lemmas", "2024"),
    ],
)
def test_a_word_yaml_reads_as_no_string_names_the_entry_and_the_fix(tmp_path, lemmas, needs, key, shown):
    path = tmp_path / "triggers.yaml"
    path.write_text(ENTRY.format(lemmas="meet", needs="talks") + ENTRY.format(lemmas=lemmas, needs=needs))
    with pytest.raises(ExtractError) as caught:
        load_lexicon(path)
    message = str(caught.value)
    assert "\n" not in message
    assert f"{path}: trigger entry 2 ({key}): {shown}" in message and 'quote it, e.g. "off"' in message


def test_a_quoted_word_loads(tmp_path):
    path = tmp_path / "triggers.yaml"
    path.write_text(ENTRY.format(lemmas="break", needs='"off"'))
    (trigger,) = load_lexicon(path).for_lemma("break")
    assert trigger.needs == frozenset({"off"})
