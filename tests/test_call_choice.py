"""Names several calls share: found from the catalogue and the lexicon, reported as such by the
lexicon (never the alphabetical first), resolved by the applicant type or left to the user."""
import pytest

from orientation.eligibility import call_choice
from orientation.entities import lexicon

# Every name two calls share today. A new one makes this test fail: decide whether the name
# should stay shared (then add it here: the bot resolves it by the applicant type or asks) or
# belong to one call only.
SHARED = {"aap donnees": ("ITN5", "TNT-DONNEES"), "pilotage par la donnee": ("ITN5", "ITN8B")}


def test_the_shared_names_are_found_from_the_catalogue_and_the_lexicon():
    assert lexicon.shared_call_names() == SHARED


@pytest.mark.parametrize("text", ["quel est le taux de l'AAP données ?", "je voudrais candidater à l'AAP donnees"])
def test_the_lexicon_reports_the_ambiguity(text):
    codes = [m.value for m in lexicon.entities(text) if m.entity == "call_code"]
    assert codes == ["ITN5|TNT-DONNEES"]


def test_a_name_of_one_call_stays_one_code():
    assert [m.value for m in lexicon.entities("l'appel données collectivités") if m.entity == "call_code"] == \
        ["TNT-DONNEES"]


@pytest.mark.parametrize("applicant_type, expected", [
    ("region", "TNT-DONNEES"), ("departement", "TNT-DONNEES"), ("commune", "TNT-DONNEES"),
    ("groupement_collectivites", "TNT-DONNEES"),
    ("service_deconcentre", "ITN5"), ("administration_centrale", "ITN5"), ("operateur_etat", "ITN5"),
    ("association", "ITN5|TNT-DONNEES"),   # admitted by neither: the user chooses
    (None, "ITN5|TNT-DONNEES"),
])
def test_aap_donnees_is_resolved_by_the_applicant_type(applicant_type, expected):
    assert call_choice.resolve("ITN5|TNT-DONNEES", applicant_type) == expected


def test_pilotage_par_la_donnee_is_not_settled_by_a_state_service_both_calls_admit():
    assert call_choice.resolve("ITN5|ITN8B", "service_deconcentre") == "ITN5|ITN8B"
    assert call_choice.is_ambiguous("ITN5|ITN8B") and not call_choice.is_ambiguous("ITN5")


def test_a_single_code_is_normalised():
    assert call_choice.resolve("tnt donnees", "commune") == "TNT-DONNEES"
    assert call_choice.candidates("ITN5|TNT-DONNEES") == ("ITN5", "TNT-DONNEES")
