"""DialogueActs: the dialogue acts of every message (orientation/language/acts.py) in the parse data.

Last in the pipeline, once the intent, its confidence and the entities are known, it adds
`dialogue_acts` (a list, « describe », « question »…) to the parse data. The act `answer` needs the
slot the bot had just asked, which the NLU does not know: the Rasa server refines the list where it
holds the conversation (addons/patches/dialogue_acts.py), so that the actions and
`/conversations/<id>/tracker` read the refined acts as `latest_message["dialogue_acts"]`.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from orientation.language.acts import acts_of

ACTS = "dialogue_acts"


def acts_of_message(message: Message) -> List[str]:
    intent = message.get(INTENT) or {}
    return acts_of(message.get(TEXT) or "", intent.get("name"), float(intent.get("confidence") or 0.0),
                   message.get(ENTITIES) or [])


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class DialogueActs(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> DialogueActs:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            message.set(ACTS, acts_of_message(message), add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
