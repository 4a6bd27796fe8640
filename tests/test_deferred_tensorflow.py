"""addons/patches/deferred_tensorflow.py: Rasa imported by the Rasa server's command line, and every
component of the pipeline, without TensorFlow; the training code that needs it still finds it.
(tests/conversations/test_server_footprint.py checks the live server after a message.)"""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import importlib, json, sys
import yaml
sys.modules["jax"] = None
from addons.patches import deferred_tensorflow
deferred_tensorflow.install()
import rasa.__main__, rasa.core.run, rasa.core.agent, rasa.engine.graph
from rasa.shared.utils.common import class_from_module_path
RASA = {"SpacyTokenizer": "rasa.nlu.tokenizers.spacy_tokenizer",
        "SpacyFeaturizer": "rasa.nlu.featurizers.dense_featurizer.spacy_featurizer",
        "LexicalSyntacticFeaturizer": "rasa.nlu.featurizers.sparse_featurizer.lexical_syntactic_featurizer",
        "CountVectorsFeaturizer": "rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer",
        "EntitySynonymMapper": "rasa.nlu.extractors.entity_synonyms",
        "FallbackClassifier": "rasa.nlu.classifiers.fallback_classifier",
        "RulePolicy": "rasa.core.policies.rule_policy"}
config = yaml.safe_load(open("config.yml"))
for component in config["pipeline"] + config["policies"]:
    name = component["name"]
    class_from_module_path(name if "." in name else f"{RASA[name]}.{name}")  # a KeyError: add it to RASA
importlib.import_module("rasa.nlu.classifiers.regex_message_handler")  # in every served graph
# a model's training graph is resolved when it loads, never run by a server
for module in ("rasa.graph_components.validators.default_recipe_validator",
               "rasa.graph_components.validators.finetuning_validator",
               "rasa.graph_components.providers.nlu_training_data_provider",
               "rasa.graph_components.providers.training_tracker_provider",
               "rasa.graph_components.providers.domain_for_core_training_provider"):
    importlib.import_module(module)
before = "tensorflow" in sys.modules
from rasa.utils import train_utils
stand_ins_left = [m for m in [*deferred_tensorflow.TRAINING_ONLY, *deferred_tensorflow.COMPARED_BY_VALIDATOR]
                  if m in sys.modules]
logger = train_utils.RasaTrainingLogger(1, silent=True)
import tensorflow as tf
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.graph_components.validators import default_recipe_validator as validator
print(json.dumps({"before": before, "stand_ins_left": stand_ins_left,
                  "callback": isinstance(logger, tf.keras.callbacks.Callback),
                  "diet_is_real": issubclass(DIETClassifier, rasa.engine.graph.GraphComponent),
                  "validator_matches_no_component": validator.DIETClassifier is not DIETClassifier}))
"""


def test_rasa_and_the_pipeline_without_tensorflow_and_training_with_it():
    done = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True, check=False,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"})
    assert done.returncode == 0, done.stderr[-3000:]
    result = done.stdout.strip().splitlines()[-1]
    assert json.loads(result) == {"before": False, "stand_ins_left": [], "callback": True, "diet_is_real": True,
                                  "validator_matches_no_component": True}


def test_installing_after_rasa_changes_nothing():
    import rasa.utils.train_utils as train_utils

    from addons.patches import deferred_tensorflow

    deferred_tensorflow.install()
    assert sys.modules["rasa.utils.train_utils"] is train_utils
