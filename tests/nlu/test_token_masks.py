"""The intent of a message does not depend on which booking reference or e-mail address it holds
(addons/token_masks.py): before the masker, « DN-XXB2MM » turned a cancellation into `inform`."""
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
