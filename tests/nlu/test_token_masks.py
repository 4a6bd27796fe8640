"""The intent of a message does not depend on which booking reference or e-mail address it holds
(addons/components/token_masks.py): before the masker, « DN-XXB2MM » turned a cancellation into `inform`."""
from tests.nlu.model_parse import parse

SENTENCES = ["finalement je n'ai plus besoin du rendez-vous {ref}, adresse {email}",
             "je voudrais déplacer le rendez-vous {ref}"]
REFERENCES = ["DN-K8WSW5", "DN-XXB2MM", "DN-9TT4KA", "DN-ZZ4P2Q", "DN-MMMMMM"]
EMAILS = ["paul.leroy@gironde.fr", "x.y@zzz.fr", "jean@ville-de-quimper.bzh"]


def test_the_intent_is_the_same_whatever_the_reference_and_the_address():
    texts = [s.format(ref=r, email=e) for s in SENTENCES for r in REFERENCES for e in EMAILS]
    parsed = parse(texts)
    per_sentence = len(REFERENCES) * len(EMAILS)
    for i, expected in enumerate(["cancel_booking", "move_booking"]):
        group = parsed[i * per_sentence:(i + 1) * per_sentence]
        assert {p["intent"]["name"] for p in group} == {expected}
        # spaCy's sentence vector still sees the words of an address: confidences differ a little only
        confidences = [p["intent"]["confidence"] for p in group]
        assert min(confidences) >= 0.8 and max(confidences) - min(confidences) <= 0.05, confidences
        # the message keeps its reference and address as entities
        assert {e["entity"] for e in parsed[i * per_sentence]["entities"]} >= {"booking_reference"}


def test_the_word_vectors_do_not_see_the_reference_nor_the_address():
    """SpacyFeaturizer reads the spaCy Doc: its words are masked too, so two references give one vector."""
    import numpy as np
    import spacy
    from rasa.nlu.constants import SPACY_DOCS
    from rasa.shared.nlu.training_data.message import Message

    from addons.components.token_masks import mask_tokens

    nlp = spacy.load("fr_core_news_md")
    docs = []
    for ref, email in [("DN-XXB2MM", "x.y@zzz.fr"), ("DN-9TT4KA", "paul.leroy@gironde.fr")]:
        text = SENTENCES[0].format(ref=ref, email=email)
        message = Message(data={"text": text, SPACY_DOCS["text"]: nlp(text)})
        mask_tokens(message)
        docs.append(message.get(SPACY_DOCS["text"]))
    assert [t.text for t in docs[0]] == [t.text for t in docs[1]]
    assert "DN-REFERENCE" in [t.text for t in docs[0]] and "ADRESSE@MAIL" in [t.text for t in docs[0]]
    assert np.allclose(docs[0].vector, docs[1].vector)
    assert [t.lemma_ for t in docs[0]][:4] == ["finalement", "je", "ne", "avoir"]  # the other words keep theirs
