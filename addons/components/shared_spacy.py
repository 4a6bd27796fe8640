"""Rasa's SpacyNLP, with the spaCy model loaded once per process and without what nothing reads.

Rasa 3.6 builds two SpacyNLP nodes from one pipeline entry (one provides the model, one processes
messages) and each loads fr_core_news_md: about 400 MB and 10 s of start-up spent twice. Here the
loaded model is shared. Its named-entity recogniser is dropped (Rasa already disables the parser):
no component reads spaCy's entities, the tokens' lemmas and vectors are computed without it, so the
features, hence the model's answers, are the same. Its tokenizer's longest regular expression is
compiled once and kept on disk (addons/patches/regex_cache.py): 3.3 s less at every start.
"""
from __future__ import annotations

from functools import cache
from typing import Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

from addons.patches.regex_cache import long_patterns_cached

UNUSED_PIPES = ("ner", "parser", "senter")


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MODEL_LOADER,
                           DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER],
                          is_trainable=False, model_from="SharedSpacyNLP")
class SharedSpacyNLP(SpacyNLP):
    """SpacyNLP loading its spaCy model once (see the module docstring)."""

    @staticmethod
    @cache
    def load_model(spacy_model_name: Text) -> SpacyModel:
        with long_patterns_cached():
            model = SpacyNLP.load_model(spacy_model_name)
        for name in UNUSED_PIPES:
            if name in model.model.component_names:
                model.model.remove_pipe(name)
        return model
