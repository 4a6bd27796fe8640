"""The intent classifier: a logistic regression (scikit-learn) on the featurizers' sentence features.

It replaces DIET so that the Rasa server never imports TensorFlow (about 450 MB and seconds of
every start; addons/patches/deferred_tensorflow.py keeps Rasa itself from importing it). It reads
what DIET read: the sparse sentence features (word and character n-gram counts) and spaCy's dense
sentence vector. Rasa's own LogisticRegressionClassifier reads them raw with C = 1: on the two
held-out sets it lost 1 to 2 points of intent macro-F1 against DIET. Here each part is scaled to
unit length (the counts of a long message no longer outweigh its vector, and n-grams count once)
and the regularisation is weaker (C = 100): as good as DIET on both sets (docs/performance.md).
Training takes under a minute on 2 cores, without epochs.

Its confidences are a linear model's probabilities, flatter than DIET's: the thresholds read on
them (FallbackClassifier in config.yml, orientation.language.acts.TRUSTED,
addons/patches/dialogue_acts.QUESTION_FLOOR) were set from its figures on the held-out sets.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

import numpy as np
import skops.io
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers import LABEL_RANKING_LENGTH
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, hstack, vstack
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

logger = logging.getLogger(__name__)

FILE = "intent_model.skops"


def features(message: Message) -> csr_matrix:
    """One row: the sparse sentence features, binary and of unit length, then the dense sentence
    vector of unit length (either part may be missing, say for a button's payload)."""
    sparse, dense = message.get_sparse_features(TEXT)[1], message.get_dense_features(TEXT)[1]
    parts = []
    if sparse is not None:
        counts = csr_matrix(sparse.features, dtype=np.float64)
        counts.data[:] = 1.0
        parts.append(normalize(counts))
    if dense is not None:
        parts.append(csr_matrix(normalize(np.asarray(dense.features, dtype=np.float64).reshape(1, -1))))
    return hstack(parts).tocsr()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentClassifier(GraphComponent, IntentClassifier):
    """Intents by logistic regression on scaled sentence features (see the module docstring)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"C": 100.0, "max_iter": 500, "random_state": 42, "ranking_length": LABEL_RANKING_LENGTH}

    @staticmethod
    def required_packages() -> List[Text]:
        return ["sklearn", "skops"]

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: LogisticRegression | None = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self.storage, self.resource, self.model = model_storage, resource, model

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> LinearIntentClassifier:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if not examples:
            logger.debug("No intent example: the intent classifier is left untrained.")
            return self.resource
        self.model = LogisticRegression(C=self.config["C"], max_iter=self.config["max_iter"],
                                        class_weight="balanced", random_state=self.config["random_state"])
        self.model.fit(vstack([features(e) for e in examples]).tocsr(), [e.get(INTENT) for e in examples])
        with self.storage.write_to(self.resource) as directory:
            skops.io.dump(self.model, directory / FILE)
        return self.resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> LinearIntentClassifier:
        try:
            with model_storage.read_from(resource) as directory:
                # only the types skops trusts (a LogisticRegression's are): anything else is refused
                model = skops.io.load(directory / FILE)
        except ValueError:  # trained without intent examples: nothing was written
            return cls(config, model_storage, resource)
        return cls(config, model_storage, resource, model)

    def process(self, messages: List[Message]) -> List[Message]:
        if self.model is None:
            return messages
        for message in messages:
            probabilities = self.model.predict_proba(features(message))[0]
            ranking = [{"name": str(name), "confidence": float(p)}
                       for name, p in sorted(zip(self.model.classes_, probabilities), key=lambda x: -x[1])]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking[: self.config["ranking_length"]] if self.config["ranking_length"]
                        else ranking, add_to_output=True)
        return messages
