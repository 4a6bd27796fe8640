"""The slots of a request to the action server checked before any action reads them
(orientation/slot_values.py): every value the actions set passes, a forged one is named in French."""
import pytest

from orientation.slot_values import problems
from scripts.action_server import domain_slot_types

TYPES = domain_slot_types()


def test_the_values_the_actions_set_pass():
    slots = {"applicant_type": "commune", "population": 40000.0, "budget": 300000, "project_nature": "relation_usagers",
             "territory": ["commune:35238"], "recommended_calls": ["FEDER-NUM"], "questions_asked": ["c'est cumulable ?"],
             "budget_parts": {"personnel": 200000.0}, "budget_candidates": [100000.0, 300000.0],
             "booking_email": "marie.dupont@lyon.fr", "booking_consent": True, "booking_wish": {"day": "2026-12-10"},
             "what_if": {"population": 50000}, "booking_operation": "move", "current_call": None}
    assert problems(slots, TYPES) == []


@pytest.mark.parametrize("slot, value, said", [
    ("population", "abc", "un nombre est attendu"),
    ("budget", float("inf"), "un nombre est attendu"),
    ("applicant_type", "xyz", "type de structure inconnu"),
    ("applicant_type", 12, "un texte est attendu"),
    ("project_nature", ["donnees"], "un texte est attendu"),
    ("questions_asked", "pas une liste", "une liste de textes ou de nombres est attendue"),
    ("open_questions", 5, "une liste de textes ou de nombres est attendue"),
    ("budget_parts", "x", "les parts du budget (nature : montant) sont attendues"),
    ("budget_parts", [["personnel", 1]], "les parts du budget (nature : montant) sont attendues"),
    ("booking_consent", "oui", "vrai ou faux est attendu"),
])
def test_a_forged_value_is_named_with_what_is_expected(slot, value, said):
    assert problems({slot: value, "applicant_type": "commune"} if slot != "applicant_type" else {slot: value},
                    TYPES) == [f"« {slot} » : {said}"]


def test_slots_the_domain_does_not_declare_are_left_alone_and_a_missing_state_is_said():
    assert problems({"inconnu": object()}, TYPES) == []
    assert problems("n'importe quoi", TYPES) == ["les valeurs de la conversation (slots) manquent ou ne sont pas un objet"]


def test_what_a_form_validates_may_be_wrong_in_value_not_in_type():
    typed = {"booking_email": "marie.dupont@", "applicant_type": "mairie"}
    assert problems(typed, TYPES, candidates=True) == []
    assert problems({"population": "300 k€", "budget": -5}, TYPES, candidates=True) == []
    assert problems({"project_nature": ["donnees"]}, TYPES, candidates=True) == ["« project_nature » : un texte est attendu"]
