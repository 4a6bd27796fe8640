"""ThemeClassifier: the project theme of a message in the user's own words.

Trained with the model from the training examples of data/: a message annotated with a
project_nature entity teaches its theme, any other message the « none » class (the model and why
it was chosen: orientation/language/theme_model.py). It runs after the lexicon extractor, and only when the lexicon
found no theme (the lexicon's exact phrases win) and the message gives information (intents
inform, correct, ask_can_apply: « quel est le taux d'ITN5 ? » has no theme).
When the lexicon names several themes, the model chooses among them, or, when it cannot tell the
likeliest two apart (orientation/language/themes.py, too_close), no theme is written and both are offered; when it names only a generic
word (« data » in « recruter des data engineers »), the model's confident theme replaces it.

- high confidence: a project_nature entity, with the confidence; the slot is filled;
- medium or low: no entity, but `theme_ranking` in the parse data, which the profile form reads to
  offer the likeliest themes as buttons (actions/profile_form.py).
`theme_ranking` is {"level", "confidence", "themes": [[theme, probability], ...]}.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from orientation.entities import ASK, NOTHING, theme_hidden_spans
from orientation.language.theme_model import Sample, ThemeModel, sample_of
from orientation.language.themes import NONE, Decision, decide, too_close

logger = logging.getLogger(__name__)
THEME = "project_nature"
RANKING = "theme_ranking"
# Intents whose messages may describe the project; the others get no theme from the model.
DESCRIBING = ("inform", "correct", "ask_can_apply")
FILE = "theme_model.joblib"


def label_of(message: Message) -> str:
    values = [e.get("value") for e in message.get(ENTITIES, []) if e.get("entity") == THEME]
    return str(values[0]) if values else NONE


def sample(message: Message, use_spacy: bool = True, hidden: Sequence[Tuple[int, int]] = ()) -> Sample:
    """The message as the model reads it, with the spaCy Doc that SpacyNLP attached to it, without
    the spans `hidden`."""
    return sample_of(message.get(TEXT) or "", message.get(SPACY_DOCS[TEXT]) if use_spacy else None, hidden)


def training_examples(training_data: TrainingData) -> List[Message]:
    return [m for m in training_data.intent_examples if m.get(TEXT)]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class ThemeClassifier(GraphComponent, EntityExtractorMixin):
    """The theme model, trained and persisted with the Rasa model (theme_model.joblib)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"use_spacy": True}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: Optional[ThemeModel] = None):
        self.config = config
        self.storage, self.resource, self.model = model_storage, resource, model

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> ThemeClassifier:
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> ThemeClassifier:
        try:
            with model_storage.read_from(resource) as directory:
                return cls(config, model_storage, resource, joblib.load(directory / FILE))
        except (ValueError, FileNotFoundError):
            logger.warning("ThemeClassifier: no trained model, themes come from the lexicon only")
            return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = training_examples(training_data)
        self.model = ThemeModel().fit([sample(m, self.config.get("use_spacy")) for m in examples],
                                      [label_of(m) for m in examples])
        with self.storage.write_to(self.resource) as directory:
            joblib.dump(self.model, directory / FILE)
        return self.resource

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if self.model is None or not text or text.startswith("/"):
                continue
            if (message.get(INTENT) or {}).get("name") not in DESCRIBING:
                continue
            lexicon = [e for e in message.get(ENTITIES, []) if e.get("entity") == THEME]
            if lexicon:  # the lexicon's exact phrase wins; of several, the model picks the likeliest
                candidates = lexicon[0].get("candidates") or []
                if len(candidates) > 1:
                    probability = dict(self.model.rank(sample(message, self.model.uses_spacy)))
                    ranking = sorted(((t, probability.get(t, 0.0)) for t in candidates), key=lambda tp: -tp[1])
                    if too_close(ranking):  # the words name two themes the model cannot tell apart: ask
                        message.set(ENTITIES, [e for e in message.get(ENTITIES, []) if e is not lexicon[0]],
                                    add_to_output=True)
                        message.set(RANKING, {"level": "medium", "confidence": round(ranking[0][1], 3),
                                              "themes": [[t, round(p, 3)] for t, p in ranking]}, add_to_output=True)
                    else:
                        lexicon[0]["value"] = ranking[0][0]
                elif lexicon[0].get("weak"):  # a generic word alone yields to a confident reading
                    decision = decide(self.model.rank(sample(message, self.model.uses_spacy)))
                    if decision.level == "high":
                        lexicon[0]["value"] = decision.theme
                continue
            # who speaks is not what the project is about: « je suis le service data » states no theme,
            # nor does a message that describes no project (« on a un projet numérique »): the bot asks
            reading, hidden = theme_hidden_spans(text)
            if reading == NOTHING:
                continue
            decision = decide(self.model.rank(sample(message, self.model.uses_spacy, hidden)))
            if reading == ASK and decision.level == "high":  # the theme is only guessed from who speaks
                decision = Decision("medium", decision.theme, decision.confidence, decision.ranking)
            message.set(RANKING, {"level": decision.level, "confidence": round(decision.confidence, 3),
                                  "themes": [[t, round(p, 3)] for t, p in decision.ranking[:5]]},
                        add_to_output=True)
            if decision.level == "high":
                entity = {"entity": THEME, "value": decision.theme, "start": 0, "end": len(text),
                          "confidence": round(decision.confidence, 3)}
                found = self.add_extractor_name([entity])
                message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


