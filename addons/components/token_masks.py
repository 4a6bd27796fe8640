"""BookingTokenMasker: the intent classifier reads « DN-REFERENCE » and « ADRESSE@MAIL », never
the characters of a particular booking reference or e-mail address.

References are random (« DN-XXB2MM ») and the character n-grams of the intent classifier's featurizer read them
like words: « je n'ai plus besoin du rendez-vous DN-XXB2MM » was classified `inform` at 0.97 while
the same sentence with DN-9TT4KA was `cancel_booking`. Masking the tokens inside a reference or an
address (found by orientation.entities.booking_entities, the one reader of both) makes the intent
depend on the words only, in training and at run time. The message text and the entities are
left untouched: only what the featurizers read changes, the tokens and the spaCy Doc whose word
vectors SpacyFeaturizer reads (with the Doc unmasked, « DN-XXB2MM » and « DN-ZZ4P2Q » still gave
the same cancellation 0.86 and 0.99).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS, TOKENS_NAMES
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from orientation import entities

MASKS = {"booking_reference": "DN-REFERENCE", "email": "ADRESSE@MAIL"}


def mask_tokens(message: Message) -> None:
    """The tokens of each reference or address become one token, its mask, in Rasa's tokens and in
    the spaCy Doc alike (SpacyFeaturizer needs as many Doc words as tokens)."""
    spans = [(e["start"], e["end"], MASKS[e["entity"]]) for e in entities.booking_entities(message.get(TEXT) or "")]
    if not spans:
        return
    kept, last = [], None
    for token in message.get(TOKENS_NAMES[TEXT]) or []:
        span = _span_of(token.start, token.end, spans)
        if span is not None and span == last:  # the rest of a reference cut into several tokens
            kept[-1].end = token.end
            continue
        if span is not None:
            token.text = token.lemma = spans[span][2]
        kept.append(token)
        last = span
    message.set(TOKENS_NAMES[TEXT], kept)
    doc = message.get(SPACY_DOCS[TEXT])
    if doc is not None:  # the same words, masked: a mask has no word vector
        message.set(SPACY_DOCS[TEXT], _masked_doc(doc, spans))


def _span_of(start: int, end: int, spans) -> Optional[int]:
    """Which reference or address the characters start..end belong to, if any."""
    return next((i for i, (s, e, _) in enumerate(spans) if start < e and end > s), None)


def _masked_doc(doc, spans):
    from spacy.tokens import Doc

    words, spaces, lemmas, last = [], [], [], None
    for t in doc:
        span = _span_of(t.idx, t.idx + len(t.text), spans)
        if span is not None and span == last:
            spaces[-1] = bool(t.whitespace_)
            continue
        words.append(spans[span][2] if span is not None else t.text)
        lemmas.append(spans[span][2] if span is not None else t.lemma_)
        spaces.append(bool(t.whitespace_))
        last = span
    return Doc(doc.vocab, words=words, spaces=spaces, lemmas=lemmas)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class BookingTokenMasker(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> BookingTokenMasker:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            mask_tokens(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for message in training_data.training_examples:
            mask_tokens(message)
        return training_data
