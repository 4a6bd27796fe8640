"""The intent classifier: a small feed-forward network (scikit-learn's MLPClassifier, one hidden
layer of 128) on the featurizers' sentence features.

It replaces DIET so that the Rasa server never imports TensorFlow (about 450 MB and seconds of
every start; addons/patches/deferred_tensorflow.py keeps Rasa itself from importing it). It reads
what DIET read: the sparse sentence features (word and character n-gram counts) and spaCy's dense
sentence vector, each part scaled to unit length (the counts of a long message no longer outweigh
its vector, and an n-gram counts once). Measured on the two held-out NLU sets, intent macro-F1 of
the classifier alone (docs/performance.md): DIET 0.970 and 0.964; Rasa's LogisticRegressionClassifier
(raw features, C = 1) 0.961 and 0.950; a logistic regression on these scaled features, C = 100,
0.990 and 0.961; this network 0.992 and 0.974. It trains in about a minute on 2 cores (60 epochs).

Its confidences are a softmax like DIET's; the thresholds read on them (FallbackClassifier in
config.yml, orientation.language.acts.TRUSTED, addons/patches/dialogue_acts.QUESTION_FLOOR) were
checked on the held-out sets through the whole pipeline.
"""
from __future__ import annotations

import logging
import warnings
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
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier
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
class FeedForwardIntentClassifier(GraphComponent, IntentClassifier):
    """Intents by a one-layer network on scaled sentence features (see the module docstring)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"hidden_units": 128, "alpha": 1e-3, "epochs": 60, "random_state": 42,
                "ranking_length": LABEL_RANKING_LENGTH}

    @staticmethod
    def required_packages() -> List[Text]:
        return ["sklearn", "skops"]

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: MLPClassifier | None = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self.storage, self.resource, self.model = model_storage, resource, model

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> FeedForwardIntentClassifier:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if not examples:
            logger.debug("No intent example: the intent classifier is left untrained.")
            return self.resource
        self.model = MLPClassifier(hidden_layer_sizes=(self.config["hidden_units"],), alpha=self.config["alpha"],
                                   max_iter=self.config["epochs"], random_state=self.config["random_state"])
        with warnings.catch_warnings():  # a fixed number of epochs, as DIET's: no convergence is awaited
            warnings.simplefilter("ignore", ConvergenceWarning)
            self.model.fit(vstack([features(e) for e in examples]).tocsr(), [e.get(INTENT) for e in examples])
        del self.model._optimizer  # Adam's state, for training on: not persisted (nor trusted by skops)
        with self.storage.write_to(self.resource) as directory:
            skops.io.dump(self.model, directory / FILE)
        return self.resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> FeedForwardIntentClassifier:
        try:
            with model_storage.read_from(resource) as directory:
                # only the types skops trusts (an MLPClassifier's are): anything else is refused
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
