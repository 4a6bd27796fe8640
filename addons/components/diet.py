"""Rasa's DIETClassifier, loaded for prediction only: the same weights and answers, a faster, leaner start.

To load a trained DIET model, Rasa 3.6 trains a fresh one for one step on one example (tracing the
training graph, its gradients and the Adam optimizer's slots) only to create its variables, then
overwrites them with the trained weights, then traces the prediction graph with autograph. A server
only predicts. Here the trained weights are read first and TensorFlow restores each variable as
the prediction graph creates it (deferred checkpoint restoration); that graph is traced without
autograph, which DIET's prediction does not need: its Python conditions are on settings, not on
tensors, and TensorFlow refuses to trace a tensor condition without autograph rather than guess.
Measured on the 2-core machine: about 5 s and 140 MB less per Rasa server (README, Performance).
Training is Rasa's own. tests/test_diet_loading.py checks that every held-out message gets the
same intent ranking and confidences as with Rasa's loading.
"""
from __future__ import annotations

import copy
from typing import Any, Dict, List, Text

import tensorflow as tf
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.nlu.extractors.extractor import EntityTagSpec
from rasa.shared.nlu.constants import TEXT
from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel
from rasa.utils.train_utils import create_data_generators


def load_for_prediction(model_class: type, weights_file: Text, predict_data_example: RasaModelData,
                        **model_arguments: Any) -> RasaModel:
    """A RasaModel with its trained weights, ready to predict, built by one prediction only."""
    model = model_class(**model_arguments)
    config = model_arguments.get("config", {})
    # compiled as Rasa does, so the model's settings (eager mode) are the same; the optimizer is never built
    model.compile(optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)),
                  run_eagerly=config.get(RUN_EAGERLY))
    restored = model.load_weights(weights_file)
    restored.expect_partial()  # the optimizer's saved slots: a predicting server has no use for them
    if not model.run_eagerly:
        generator, _ = create_data_generators(predict_data_example, batch_sizes=1, epochs=1, shuffle=False)
        example = next(iter(generator))[0]
        model._tf_predict_step = tf.function(model.predict_step, autograph=False,
                                             input_signature=model._dynamic_signature(example))
    model.run_inference(predict_data_example)  # creates every variable, each restored as it is created
    restored.assert_existing_objects_matched()  # a variable missing from the trained weights fails here
    return model


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER,
                           DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class QuickLoadDIETClassifier(DIETClassifier):
    """DIETClassifier whose trained model loads for prediction only (see the module docstring)."""

    @classmethod
    def _load_model_class(cls, tf_model_file: Text, model_data_example: RasaModelData,
                          label_data: RasaModelData, entity_tag_specs: List[EntityTagSpec],
                          config: Dict[Text, Any], finetune_mode: bool) -> RasaModel:
        if finetune_mode:  # training goes on from these weights: Rasa's own loading builds the optimizer
            return super()._load_model_class(tf_model_file, model_data_example, label_data, entity_tag_specs,
                                             config, finetune_mode)
        predict_data_example = RasaModelData(
            label_key=model_data_example.label_key,
            data={name: features for name, features in model_data_example.items() if TEXT in name})
        return load_for_prediction(cls.model_class(), tf_model_file, predict_data_example,
                                   data_signature=model_data_example.get_signature(), label_data=label_data,
                                   entity_tag_specs=entity_tag_specs, config=copy.deepcopy(config))
