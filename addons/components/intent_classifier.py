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
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, vstack
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import normalize

logger = logging.getLogger(__name__)

FILE = "intent_model.skops"


def features(message: Message) -> csr_matrix:
    """One row: the sparse sentence features, binary and of unit length, then the dense sentence
    vector of unit length (either part may be missing, say for a button's payload).

    The row is built from its parts' columns directly: the same row as Rasa's combined features
    (message.get_sparse_features, each featurizer's columns after the previous ones') scaled and
    stacked, without the copies and SciPy's general stacking that took a tenth of a message's time."""
    sparse = [f.features for f in message.features
              if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE and f.is_sparse()]
    dense = [f.features for f in message.features
             if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE and f.is_dense()]
    columns, values, width = [], [], 0
    for part in sparse:
        part = csr_matrix(part)  # duplicates summed, columns sorted, as Rasa's combination gives them
        columns.append(part.indices[part.indptr[0]:part.indptr[1]] + width)
        width += part.shape[1]
    stored = sum(len(c) for c in columns)
    if stored:
        values.append(np.full(stored, 1.0) / np.sqrt(float(stored)))  # binary, of unit length
    if dense:
        vector = normalize(np.concatenate([np.asarray(d, dtype=np.float64).reshape(1, -1) for d in dense], axis=1))[0]
        kept = np.flatnonzero(vector)
        columns.append(kept + width)
        values.append(vector[kept])
        width += len(vector)
    if not width:
        raise ValueError("no sentence features: the featurizers must come before the intent classifier")
    data = np.concatenate(values) if values else np.zeros(0)
    indices = np.concatenate(columns).astype(np.int32) if columns else np.zeros(0, dtype=np.int32)
    return csr_matrix((data, indices, np.array([0, len(data)])), shape=(1, width))


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
