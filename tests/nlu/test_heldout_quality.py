"""NLU quality on the held-out messages (tests/nlu/heldout.yml), written apart from data/nlu.yml.
The thresholds are the product's bar: below them the assistant misreads too many users."""
import pytest

from scripts.nlu_report import MODEL, evaluate


@pytest.fixture(scope="module")
def scores():
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train`")
    return evaluate()


def test_the_heldout_set_is_large_enough(scores):
    assert scores["messages"] >= 150


def test_intents_are_recognised(scores):
    assert scores["intent macro-F1"] >= 0.95


@pytest.mark.parametrize("entity", ["budget", "population", "applicant_type"])
def test_profile_entities_are_extracted(scores, entity):
    assert scores[f"entity F1 {entity}"] >= 0.95
