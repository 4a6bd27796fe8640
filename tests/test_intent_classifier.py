"""addons/components/intent_classifier.py: intents from the sentence features, ranked, persisted with
the model and loaded back to the same answers; each part of the features scaled to unit length."""
import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import coo_matrix

from addons.components.intent_classifier import FeedForwardIntentClassifier, features

# three intents, each with its own words (sparse columns) and its own direction of the vector
WORDS = {"greet": [0, 1], "thank": [2, 3], "inform": [4, 5]}
DIRECTIONS = {"greet": [1.0, 0.0, 0.0], "thank": [0.0, 1.0, 0.0], "inform": [0.0, 0.0, 1.0]}


def message(intent, text="x", count=1.0, scale=1.0, noise=0.0):
    sparse = np.zeros((1, 6))
    sparse[0, WORDS[intent]] = count
    dense = (np.array(DIRECTIONS[intent]) + noise) * scale
    m = Message(data={TEXT: text, "intent": intent})
    m.add_features(Features(coo_matrix(sparse), "sentence", TEXT, "CountVectorsFeaturizer"))
    m.add_features(Features(dense.reshape(1, -1), "sentence", TEXT, "SpacyFeaturizer"))
    return m


@pytest.fixture
def storage(tmp_path):
    return LocalModelStorage(tmp_path)


def context():
    return ExecutionContext(GraphSchema({}), "test")


def trained(storage):
    resource = Resource("intents")
    classifier = FeedForwardIntentClassifier.create({}, storage, resource, context())
    examples = [message(i, noise=n) for i in WORDS for n in (0.0, 0.1, 0.2)]
    classifier.train(TrainingData(examples))
    return classifier, resource


def test_features_are_binary_counts_and_a_vector_each_of_unit_length():
    row = features(message("thank", count=7.0, scale=40.0)).toarray()[0]
    assert np.allclose(row[:6], [0, 0, 1 / np.sqrt(2), 1 / np.sqrt(2), 0, 0])
    assert np.allclose(row[6:], [0, 1, 0])


def test_ranked_intents_and_the_same_answers_once_loaded(storage):
    classifier, resource = trained(storage)
    new = [message("inform", count=3.0, scale=5.0, noise=0.05), message("greet")]
    classifier.process(new)
    assert [m.get("intent")["name"] for m in new] == ["inform", "greet"]
    ranking = new[0].get("intent_ranking")
    assert [r["name"] for r in ranking][0] == "inform" and len(ranking) == 3
    assert [r["confidence"] for r in ranking] == sorted((r["confidence"] for r in ranking), reverse=True)
    assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0)

    loaded = FeedForwardIntentClassifier.load({}, storage, resource, context())
    again = [message("inform", count=3.0, scale=5.0, noise=0.05)]
    loaded.process(again)
    assert again[0].get("intent_ranking") == ranking


def test_without_intent_examples_nothing_is_classified(storage):
    resource = Resource("empty")
    FeedForwardIntentClassifier.create({}, storage, resource, context()).train(TrainingData([]))
    loaded = FeedForwardIntentClassifier.load({}, storage, resource, context())
    messages = loaded.process([Message(data={TEXT: "bonjour"})])
    assert messages[0].get("intent") is None


def test_the_row_is_rasa_combined_features_scaled_and_stacked():
    """The row built from the parts' columns equals its definition: Rasa's combined sentence features
    (every featurizer's, in order; sequence features ignored), binary and of unit length, then the
    vectors combined and of unit length."""
    from scipy.sparse import hstack
    from sklearn.preprocessing import normalize

    rng = np.random.default_rng(3)
    for trial in range(30):
        m = Message(data={TEXT: "x"})
        for origin, width in (("CountVectorsFeaturizer", 40), ("LexicalSyntacticFeaturizer", 9),
                              ("CountVectorsFeaturizer", 300)):
            dense_counts = rng.integers(0, 3, size=(1, width)) * (rng.random((1, width)) < 0.1)
            m.add_features(Features(coo_matrix(dense_counts.astype(float)), "sentence", TEXT, origin))
            m.add_features(Features(coo_matrix(np.ones((4, width))), "sequence", TEXT, origin))
        m.add_features(Features(rng.normal(size=(1, 7)) * (trial % 5), "sentence", TEXT, "SpacyFeaturizer"))
        m.add_features(Features(rng.normal(size=(4, 7)), "sequence", TEXT, "SpacyFeaturizer"))
        sparse, dense = m.get_sparse_features(TEXT)[1], m.get_dense_features(TEXT)[1]
        counts = sparse.features.tocsr()
        counts.data[:] = 1.0
        expected = hstack([normalize(counts), normalize(dense.features.reshape(1, -1))]).toarray()
        assert np.array_equal(features(m).toarray(), expected)
