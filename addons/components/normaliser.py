"""The one normalisation of what people type (orientation/language/normalise.py), in the pipeline.

- TextNormaliser, first in the pipeline: the message's text becomes its normalised form (no
  accents, lower case, SMS forms spelled out, « 40ke » as « 40 k€ »), in training and at run time
  alike, so that spaCy, the featurizers and the intent classifier read « les serveurs c eligible ? » as « Les
  serveurs, c'est éligible ? ». The text as typed is kept under `original_text`.
- TextRestorer, right after the intent classifier: the text as typed comes back, once, here. The
  actions read it as `tracker.latest_message["text"]` (names, organisations and e-mails keep their
  case and accents), and the extractors, which read the normalised text themselves
  (addons/components/entity_extractors.py), give spans in it.

The training examples go through the same two components: the training data itself is not
duplicated with unaccented or SMS variants (training time is unchanged), since every variant of a
sentence reaches the intent classifier as the same normalised sentence.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from orientation.language.normalise import normalised

ORIGINAL = "original_text"


def normalise_message(message: Message) -> None:
    text = message.get(TEXT)
    if not text or message.get(ORIGINAL) is not None:
        return
    message.set(ORIGINAL, text)
    if not text.startswith("/"):  # a button's payload (« /inform{...} ») is read as it is
        message.set(TEXT, normalised(text))


def restore_message(message: Message) -> None:
    original = message.get(ORIGINAL)
    if original is not None:
        message.set(TEXT, original)
        del message.data[ORIGINAL]


class _TextStep(GraphComponent):
    step = staticmethod(normalise_message)

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> GraphComponent:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            type(self).step(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for message in training_data.training_examples:
            type(self).step(message)
        return training_data


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class TextNormaliser(_TextStep):
    step = staticmethod(normalise_message)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class TextRestorer(_TextStep):
    step = staticmethod(restore_message)
