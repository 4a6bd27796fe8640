"""A button's label typed as text: the payload of that button, found by one rule for every button."""
import pytest

from orientation.language.labels import payload_of_label, payload_of_rank

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


SLOTS = [{"title": f"mardi 8 décembre, {h}\u00a0h", "payload": f'/inform{{"booking_slot": "2026-12-08T{h}:00:00+01:00"}}'}
         for h in (9, 10, 14)] + [{"title": "Voir d’autres créneaux", "payload": "/deny"}]


@pytest.mark.parametrize("typed, rank", [
    ("le premier", 0), ("Le premier créneau proposé me convient.", 0), ("le 1er creneau", 0), ("la 1ere option svp", 0),
    ("je prends le deuxième", 1), ("le 2e créneau", 1), ("2eme creneau stp", 1), ("le second ça me va", 1),
    ("le troisieme", 2), ("le dernier créneau", -1), ("celui du dessus, le 3e creneau", 2),
])
def test_a_choice_by_rank_is_the_button_of_that_rank(typed, rank):
    assert payload_of_rank(typed, SLOTS) == SLOTS[:3][rank]["payload"]


@pytest.mark.parametrize("typed", [
    "le 1er",                      # a day of the month as much as a rank: understood as usual
    "le premier appel c'est quoi ?", "le 2e mardi du mois", "le premier ou le deuxième", "premier trimestre 2027",
    "le 5e créneau",               # there are three
    "oui", "",
])
def test_anything_else_is_not_a_choice_by_rank(typed):
    assert payload_of_rank(typed, SLOTS) is None


def test_a_rank_counts_only_the_buttons_that_carry_a_value():
    assert payload_of_rank("le dernier", SLOTS) == SLOTS[2]["payload"]  # not « Voir d'autres créneaux »
    assert payload_of_rank("le premier", [{"title": "Oui", "payload": "/affirm"}]) is None
