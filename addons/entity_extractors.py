"""NLU components that turn a French message into entities with exact values.

- AmountEntityExtractor: budget, population and departement_count, through actions.amounts
  (the one place where numbers are parsed), so "1,5 M€" arrives in the slot as 1500000.
- LexiconEntityExtractor: applicant_type, project_nature, call_code and call_aspect,
  through actions.lexicon (vocabulary in actions/lexicon.yml, call names from the catalogue).

Both wrap actions.entities, which tests call without Rasa (tests/nlu/test_entity_values.py).

Both are deterministic: the same message always gives the same entities, with the
figures the eligibility engine needs. DIET only classifies intents.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions import entities
from addons import action_server_fallback  # noqa: F401  (installs the French apology, see module)


class _DeterministicExtractor(GraphComponent, EntityExtractorMixin):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "_DeterministicExtractor":
        return cls()

    def entities_of(self, text: str) -> List[Dict[str, Any]]:
        raise NotImplementedError

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
    def entities_of(self, text: str) -> List[Dict[str, Any]]:
        return [{**e, "confidence": 1.0} for e in entities.amount_entities(text)]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LexiconEntityExtractor(_DeterministicExtractor):
    def entities_of(self, text: str) -> List[Dict[str, Any]]:
        return [{**e, "confidence": 1.0} for e in entities.lexicon_entities(text)]


# A booking reference as actions/booking writes it ("DN-7K3P9Q"), typed in any case, with or without the dash.
REFERENCE = re.compile(r"\bDN[-\s]?([A-Z0-9]{6})\b", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class BookingEntityExtractor(_DeterministicExtractor):
    """booking_reference and email, for finding a booking again."""

    def entities_of(self, text: str) -> List[Dict[str, Any]]:
        found = [{"entity": "booking_reference", "start": m.start(), "end": m.end(),
                  "value": f"DN-{m.group(1).upper()}", "confidence": 1.0} for m in REFERENCE.finditer(text)]
        found += [{"entity": "email", "start": m.start(), "end": m.end(), "value": m.group(0).lower(),
                   "confidence": 1.0} for m in EMAIL.finditer(text)]
        return found
