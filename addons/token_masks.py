"""BookingTokenMasker: the intent classifier reads « DN-REFERENCE » and « ADRESSE@MAIL », never
the characters of a particular booking reference or e-mail address.

References are random (« DN-XXB2MM ») and the character n-grams of DIET's featurizer read them
like words: « je n'ai plus besoin du rendez-vous DN-XXB2MM » was classified `inform` at 0.97 while
the same sentence with DN-9TT4KA was `cancel_booking`. Masking the tokens inside a reference or an
address (found by actions.entities.booking_entities, the one reader of both) makes the intent
depend on the words only, in training and at run time. The message text and the entities are
left untouched: only what the featurizers read changes.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions import entities

MASKS = {"booking_reference": "DN-REFERENCE", "email": "ADRESSE@MAIL"}


def mask_tokens(message: Message) -> None:
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    spans = [(e["start"], e["end"], MASKS[e["entity"]]) for e in entities.booking_entities(message.get(TEXT) or "")]
    for token in tokens:
        for start, end, mask in spans:
            if token.start < end and token.end > start:  # the token is part of a reference or an address
                token.text = token.lemma = mask
                break


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class BookingTokenMasker(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "BookingTokenMasker":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            mask_tokens(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for message in training_data.training_examples:
            mask_tokens(message)
        return training_data
