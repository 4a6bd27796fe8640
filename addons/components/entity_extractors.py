"""NLU components that turn a French message into entities with exact values.

- AmountEntityExtractor: budget, population and departement_count, through orientation.language.amounts
  (the one place where numbers are parsed), so "1,5 M€" arrives in the slot as 1500000.
- LexiconEntityExtractor: applicant_type, project_nature, call_code and call_aspect,
  through orientation.language.lexicon (vocabulary in orientation/language/lexicon.yml, call names from the catalogue).
- TerritoryEntityExtractor: territory, the places named (« la mairie de Rennes », « le Nord »),
  through orientation.territories (Etalab's découpage administratif), as « kind:code ».
- BookingEntityExtractor: booking_reference and email, for finding a booking again.

Each wraps a function of orientation.entities, which tests call without Rasa
(tests/nlu/test_entity_values.py). All are deterministic: the same message always gives the
same entities, with the figures the eligibility engine needs. The intent classifier only classifies intents.
They read the message normalised (orientation/language/normalise.py: SMS forms, « 40ke ») and give
the spans in the text as typed; the booking extractor reads references and addresses as typed.
"""
from __future__ import annotations

from typing import Any, Callable, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from orientation import entities
from orientation.language.normalise import normalise, with_capitals


class _DeterministicExtractor(GraphComponent, EntityExtractorMixin):
    extract: Callable[[str], List[Dict[str, Any]]]
    reads_normalised = True  # the message as orientation.language.normalise gives it

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> _DeterministicExtractor:
        return cls()

    def entities_of(self, text: str) -> List[Dict[str, Any]]:
        if not type(self).reads_normalised or text.startswith("/"):
            return [{**e, "confidence": 1.0} for e in type(self).extract(text)]
        # what people type, normalised as the classifiers read it (« 40ke », « ds le 93 »); the spans
        # are given back in the text as typed
        read = normalise(text)
        found = []
        for e in type(self).extract(with_capitals(read, text)):  # « CA », « CINOR » as typed
            if "start" in e and e["end"] > e["start"]:
                e = {**e, **dict(zip(("start", "end"), read.span(e["start"], e["end"])))}
            found.append({**e, "confidence": 1.0})
        return found

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            found = self.add_extractor_name(self.entities_of(text))
            message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class AmountEntityExtractor(_DeterministicExtractor):
    extract = staticmethod(entities.amount_entities)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LexiconEntityExtractor(_DeterministicExtractor):
    extract = staticmethod(entities.lexicon_entities)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class TerritoryEntityExtractor(_DeterministicExtractor):
    extract = staticmethod(entities.territory_entities)

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> TerritoryEntityExtractor:
        entities.places("")  # loads the index now rather than on the first user's message
        return cls()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class BookingEntityExtractor(_DeterministicExtractor):
    extract = staticmethod(entities.booking_entities)
    reads_normalised = False  # references and addresses as typed
