"""NLU components that turn a French message into entities with exact values.

- AmountEntityExtractor: budget, population and departement_count, through actions.amounts
  (the one place where numbers are parsed), so "1,5 M€" arrives in the slot as 1500000.
- LexiconEntityExtractor: applicant_type, project_nature, call_code and call_aspect,
  through actions.lexicon (vocabulary in actions/lexicon.yml, call names from the catalogue).
- TerritoryEntityExtractor: territory, the places named (« la mairie de Rennes », « le Nord »),
  through actions.territories (Etalab's découpage administratif), as « kind:code ».

Both are deterministic: the same message always gives the same entities, with the
figures the eligibility engine needs. DIET only classifies intents.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions import amounts, lexicon, territories
from actions.booking.validation import find_emails, find_references
from actions.territories.coverage import encode

logger = logging.getLogger(__name__)


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
        return [{"entity": amounts.FIELD_OF_KIND[q.kind], "start": q.start, "end": q.end, "value": q.value,
                 "confidence": 1.0}
                for q in amounts.extract_quantities(text) if q.kind in amounts.FIELD_OF_KIND]


def _in_emails(text: str):
    """The spans of e-mail addresses: « marie@mairie-lyon.fr » names neither a mairie nor Lyon."""
    spans = [(start, end) for start, end, _ in find_emails(text)]
    return spans, lambda start, end: any(s <= start and end <= e for s, e in spans)


def places(text: str) -> List[territories.Mention]:
    """The places named in a message, outside e-mail addresses; none, with a warning, when the
    index was not built."""
    try:
        found = territories.find(text)
    except territories.IndexMissing as error:
        logger.warning("%s", error)
        return []
    _, inside = _in_emails(text)
    return [m for m in found if not inside(m.start, m.end)]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LexiconEntityExtractor(_DeterministicExtractor):
    def entities_of(self, text: str) -> List[Dict[str, Any]]:
        # Words inside an amount ("trois départements") or an e-mail address are not applicant
        # types. The words of a place that do not say who speaks count only when nothing else
        # does: « la préfecture … couvre le département du Nord » is a préfecture, « la région
        # Occitanie, projet de 2 M€ » a région (and actions/validation.py does not let such a word
        # replace a type already known).
        skip = [(q.start, q.end) for q in amounts.extract_quantities(text)] + _in_emails(text)[0]
        found = lexicon.entities(text, skip + [(m.start, m.end) for m in places(text) if m.applicant_type is None])
        if not any(m.entity == "applicant_type" for m in found):
            found += [m for m in lexicon.entities(text, skip) if m.entity == "applicant_type"]
        return [{"entity": m.entity, "start": m.start, "end": m.end, "value": m.value, "confidence": 1.0}
                for m in sorted(found, key=lambda m: m.start)]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class TerritoryEntityExtractor(_DeterministicExtractor):
    """territory: « kind:code », or homonyms « kind:code|kind:code » for the user to choose from."""

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "TerritoryEntityExtractor":
        places("")  # loads the index now rather than on the first user's message
        return cls()

    def entities_of(self, text: str) -> List[Dict[str, Any]]:
        return [{"entity": "territory", "start": m.start, "end": m.end, "value": encode(m.territories),
                 "confidence": 1.0} for m in places(text)]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class BookingEntityExtractor(_DeterministicExtractor):
    """booking_reference and email, for finding a booking again (read as actions/booking reads them)."""

    def entities_of(self, text: str) -> List[Dict[str, Any]]:
        found = [{"entity": "booking_reference", "start": start, "end": end, "value": reference, "confidence": 1.0}
                 for start, end, reference in find_references(text)]
        found += [{"entity": "email", "start": start, "end": end, "value": email, "confidence": 1.0}
                  for start, end, email in find_emails(text)]
        return found
