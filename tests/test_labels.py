"""A button's label typed as text: the payload of that button, found by one rule for every button."""
import pytest

from orientation.language.labels import payload_of_label

BUTTONS = [{"title": "J'accepte", "payload": "/affirm"}, {"title": "Je refuse", "payload": "/deny"},
           {"title": "Oui, réserver", "payload": "/ask_appointment"},
           {"title": "mardi 8 décembre, 14\u00a0h", "payload": '/inform{"booking_slot": "2026-12-08T14:00:00+01:00"}'},
           {"title": "Garder mon profil", "payload": "/keep_profile"},
           {"title": "Voir d’autres créneaux", "payload": "/deny"}]


@pytest.mark.parametrize("typed, payload", [
    ("j'accepte", "/affirm"), ("J’ACCEPTE", "/affirm"), ("jaccepte", None), ("accepte", "/affirm"),
    ("je refuse", "/deny"), ("Oui réserver", "/ask_appointment"), ("oui, reserver !", "/ask_appointment"),
    ("mardi 8 décembre à 14 h 00", '/inform{"booking_slot": "2026-12-08T14:00:00+01:00"}'),
    ("le mardi 8 dec a 14h", '/inform{"booking_slot": "2026-12-08T14:00:00+01:00"}'),
    ("garder mon profil svp", "/keep_profile"), ("voir d'autres creneaux", "/deny"),
])
def test_a_label_typed_is_its_button(typed, payload):
    assert payload_of_label(typed, BUTTONS) == payload


@pytest.mark.parametrize("typed", ["oui", "oui mais plutôt jeudi", "mardi 8 décembre à 15 h", "garder", ""])
def test_a_sentence_is_not_a_label(typed):
    assert payload_of_label(typed, BUTTONS) is None


def test_a_card_button_is_known_by_its_spoken_label_too():
    cards = [{"title": "Détails", "label": "Détails de TNT-COOP", "payload": "/ask_call_info{\"call\": \"TNT-COOP\"}"},
             {"title": "Détails", "label": "Détails de ITN5", "payload": "/ask_call_info{\"call\": \"ITN5\"}"}]
    assert payload_of_label("details de tnt-coop", cards) == cards[0]["payload"]
    assert payload_of_label("détails", cards) is None  # which one: not guessed


def test_two_buttons_read_alike_are_not_guessed():
    assert payload_of_label("oui", [{"title": "Oui", "payload": "/a"}, {"title": "oui !", "payload": "/b"}]) is None
    assert payload_of_label("oui", [{"title": "Oui", "payload": "/a"}, {"title": "oui !", "payload": "/a"}]) == "/a"
