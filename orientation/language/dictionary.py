"""Whether a folded word is a French word: the words of the spaCy French model's lemmatizer.

Used where a tolerant match must not turn a word into a name (« mairie de demain » names no
Demange). The model is already a dependency (the NLU loads it); its lemmatizer's word lists (nouns,
adjectives, verbs, adverbs and the inflected forms it lists, folded, with the function words its
lists lack) are read once with spaCy and kept in var/ as one text of 2 MB: later, and in the action
server, the words are read from it without spaCy, and held as one string, not 240 000 objects.
"""
from __future__ import annotations

import importlib.util
import os
from functools import cache, lru_cache
from pathlib import Path

from orientation.language.fold import fold

CACHE_DIR = Path(__file__).resolve().parents[2] / "var"
MODEL = "fr_core_news_md"
# Determiners, pronouns, prepositions and conjunctions: the lemmatizer lists only content words.
FUNCTION_WORDS = frozenset((
    "notre", "votre", "leurs", "cette", "ceux", "celle", "celles", "celui", "quelque", "quelques", "chaque",
    "plusieurs", "toute", "toutes", "tous", "entre", "depuis", "pendant", "avant", "apres", "avec", "selon", "chez",
    "comme", "aussi", "encore", "alors", "ainsi", "donc", "parce", "lorsque", "puisque", "quand", "lequel",
    "laquelle", "lesquels", "lesquelles", "duquel", "auquel", "nous", "vous", "elles", "leur"))


def _lookups_file() -> Path | None:
    spec = importlib.util.find_spec(MODEL)
    if spec is None or spec.origin is None:
        return None
    return next(Path(spec.origin).parent.glob("*/lemmatizer/lookups/lookups.bin"), None)


def _from_the_model(tables: Path) -> set:
    from spacy.lookups import Lookups  # only when the words are not kept yet

    lookups = Lookups().from_disk(tables.parent)
    words = set()
    for lemmas in lookups.get_table("lemma_index").values():
        words.update(lemmas)
    for forms in lookups.get_table("lemma_exc").values():
        for form, lemmas in forms.items():
            words.add(form)
            words.update(lemmas)
    return {fold(w).text for w in words}


@cache
def french_words() -> str:
    """The words, one a line, between newlines: « \\nword\\n » in it is the question."""
    tables = _lookups_file()
    if tables is None:
        return "\n" + "\n".join(sorted(FUNCTION_WORDS)) + "\n"  # no model: only the function words
    kept = CACHE_DIR / f"french-words-{tables.stat().st_size}.txt"  # named after the model's tables
    if kept.is_file():
        return kept.read_text(encoding="utf-8")
    text = "\n" + "\n".join(sorted(_from_the_model(tables) | FUNCTION_WORDS)) + "\n"
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_suffix(f".{os.getpid()}.tmp")  # two servers starting at once write apart
        partial.write_text(text, encoding="utf-8")
        partial.replace(kept)  # never a half-written list
    except OSError:
        pass  # a read-only checkout reads the model at every start
    return text


@cache
def _by_first_letters() -> dict:
    """Where the words that start with each three letters are in the sorted text (sorted, they are
    together): a question reads a few kB, not 2 MB."""
    spans, offset = {}, 0  # offset: the newline before the word
    for word in french_words()[1:-1].split("\n"):
        start = spans.get(word[:3], (offset, 0))[0]
        spans[word[:3]] = (start, offset + len(word) + 2)
        offset += len(word) + 1
    return spans


def _listed(word: str) -> bool:
    start, end = _by_first_letters().get(word[:3], (0, 0))
    return french_words().find(f"\n{word}\n", start, end) >= 0


@lru_cache(maxsize=8192)  # the words of messages come back
def is_french_word(word: str) -> bool:
    """« demain », « reves », « communes »: a word of the dictionary, or its plural."""
    return _listed(word) or (word[-1:] in ("s", "x") and _listed(word[:-1]))


if __name__ == "__main__":  # `make install` keeps the list in var/, so that no user's turn waits for it
    print(f"{french_words().count(chr(10)) - 1} French words kept in {CACHE_DIR}")
