"""Rasa's SpacyNLP, with the spaCy model loaded once per process and without what nothing reads.

Rasa 3.6 builds two SpacyNLP nodes from one pipeline entry (one provides the model, one processes
messages) and each loads fr_core_news_md: about 400 MB and 10 s of start-up spent twice. Here the
loaded model is shared. Its named-entity recogniser, parser and sentence splitter are not loaded
(Rasa only disables the parser): no component reads spaCy's entities, dependencies or sentences,
and the tokens' lemmas, parts of speech and vectors are computed without them, so the features,
hence the model's answers, are the same. The lemmatizer reads its tables packed
(addons/components/packed_lemmas.py: the same lemmas, about 145 MB less). The vocabulary's table
of 713 000 strings (vocab/strings.json, about 125 MB once read) is not loaded either: it only gives
back the text of a hash, and every text the pipeline reads (a token's, its lemma, its part of
speech) is added to the table when the message is processed; vectors are found by hash. Its tokenizer's longest
regular expression is compiled once and kept on disk (addons/patches/regex_cache.py): 3.3 s less
at every start.
"""
from __future__ import annotations

from functools import cache
from typing import Text

import spacy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

from addons.components.packed_lemmas import packed_lookups
from addons.patches.regex_cache import long_patterns_cached

UNUSED_PIPES = ("ner", "parser", "senter")
LEMMATIZER = "lemmatizer"
# parts of the model's files that are not loaded at all ("strings": vocab/strings.json, see above)
UNUSED_PARTS = (*UNUSED_PIPES, "strings")


def load_language(name: Text) -> spacy.language.Language:
    """The spaCy pipeline `name` without UNUSED_PARTS, its lemmatizer (if any) on packed tables."""
    with long_patterns_cached():
        language = spacy.load(name, exclude=[*UNUSED_PARTS, LEMMATIZER])
    config = spacy.util.load_config(language.path / "config.cfg", interpolate=True)
    order = list(config["nlp"]["pipeline"])
    tables = language.path / LEMMATIZER / "lookups" / "lookups.bin"
    if LEMMATIZER not in order:
        return language
    settings = dict(config["components"][LEMMATIZER])
    if settings.get("mode") != "rule" or not tables.is_file():  # not the French rule lemmatizer: spaCy's own loading
        return spacy.load(name, exclude=list(UNUSED_PARTS))
    before = [pipe for pipe in order[: order.index(LEMMATIZER)] if pipe in language.pipe_names]
    place = {"after": before[-1]} if before else {"first": True}
    lemmatizer = language.add_pipe(settings.pop("factory"), name=LEMMATIZER, config=settings, **place)
    lemmatizer.lookups = packed_lookups(tables)
    return language


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MODEL_LOADER,
                           DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER],
                          is_trainable=False, model_from="SharedSpacyNLP")
class SharedSpacyNLP(SpacyNLP):
    """SpacyNLP loading its spaCy model once (see the module docstring)."""

    @staticmethod
    @cache
    def load_model(spacy_model_name: Text) -> SpacyModel:
        try:
            language = load_language(spacy_model_name)
        except OSError:  # no such model: Rasa's own message, which says how to download one
            return SpacyNLP.load_model(spacy_model_name)
        return SpacyModel(model=language, model_name=spacy_model_name)
