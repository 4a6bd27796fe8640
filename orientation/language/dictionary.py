"""Whether a folded word is a French word: the words of the spaCy French model's lemmatizer.

Used where a tolerant match must not turn a word into a name (« mairie de demain » names no
Demange). The model is already a dependency (the NLU loads it); only its lemmatizer's word lists
are read here, once, on the first question: nouns, adjectives, verbs, adverbs and the inflected
forms it lists, folded (no accents), with the function words its lists lack.
"""
from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from orientation.language.fold import fold

MODEL = "fr_core_news_md"
# Determiners, pronouns, prepositions and conjunctions: the lemmatizer lists only content words.
FUNCTION_WORDS = frozenset((
    "notre", "votre", "leurs", "cette", "ceux", "celle", "celles", "celui", "quelque", "quelques", "chaque",
    "plusieurs", "toute", "toutes", "tous", "entre", "depuis", "pendant", "avant", "apres", "avec", "selon", "chez",
    "comme", "aussi", "encore", "alors", "ainsi", "donc", "parce", "lorsque", "puisque", "quand", "lequel",
    "laquelle", "lesquels", "lesquelles", "duquel", "auquel", "nous", "vous", "elles", "leur"))


@cache
def french_words() -> frozenset:
    spec = importlib.util.find_spec(MODEL)
    if spec is None or spec.origin is None:
        return FUNCTION_WORDS  # no model: the tolerant match only knows the function words
    from spacy.lookups import Lookups  # lazily: only a tolerant match needs it

    tables = next(Path(spec.origin).parent.glob("*/lemmatizer/lookups"), None)
    if tables is None:
        return FUNCTION_WORDS
    lookups = Lookups().from_disk(tables)
    words = set(FUNCTION_WORDS)
    for lemmas in lookups.get_table("lemma_index").values():
        words.update(lemmas)
    for forms in lookups.get_table("lemma_exc").values():
        for form, lemmas in forms.items():
            words.add(form)
            words.update(lemmas)
    return frozenset(fold(w).text for w in words)


def is_french_word(word: str) -> bool:
    """« demain », « reves », « communes »: a word of the dictionary, or its plural."""
    words = french_words()
    return word in words or (word[-1:] in ("s", "x") and word[:-1] in words)
