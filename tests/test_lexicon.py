"""Recognition of applicant types, themes, call codes and aspects (actions/lexicon.py)."""
import pytest

from actions.lexicon import entities


def found(text):
    return {(m.entity, m.value) for m in entities(text)}


@pytest.mark.parametrize("text, expected", [
    ("Je suis la DDT du Rhône", ("applicant_type", "service_deconcentre")),
    ("la prefecture de la Gironde", ("applicant_type", "service_deconcentre")),
    ("nous sommes la mairie de Lyon", ("applicant_type", "commune")),
    ("le conseil régional d'Occitanie", ("applicant_type", "region")),
    ("France Travail", ("applicant_type", "operateur_etat")),
    ("une communauté de communes", ("applicant_type", "epci")),
    ("le conseil departemental", ("applicant_type", "departement")),
    ("je suis un particulier", ("applicant_type", "particulier")),
    ("notre projet vise à ouvrir nos données", ("project_nature", "donnees")),
    ("une plateforme de participation citoyenne", ("project_nature", "cooperation_usagers")),
    ("quel est le taux de SNAP3 ?", ("call_aspect", "taux")),
])
def test_recognises(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("text, code", [("ITN8A", "ITN8A"), ("itn 8 a", "ITN8A"), ("snap-2b", "SNAP2B"),
                                        ("SNAP 3", "SNAP3"), ("tnt coop", "TNT-COOP"),
                                        ("l'appel coopération", "TNT-COOP")])
def test_call_codes_as_typed(text, code):
    assert ("call_code", code) in found(text)


def test_a_letter_after_a_code_that_takes_none_is_a_word():
    assert found("SNAP3 a un plafond ?") >= {("call_code", "SNAP3")}
    assert ("call_code", "SNAP3A") not in found("SNAP3 a un plafond ?")
    assert ("call_code", "ITN5") in found("ITN5 c'est quoi ?")


def test_typos_and_missing_accents():
    assert ("applicant_type", "service_deconcentre") in found("prefecure de region")
    assert ("applicant_type", "commune") in found("la MAIRIE")


def test_words_that_look_like_types_but_are_not():
    assert ("applicant_type", "administration_centrale") not in found("la préfecture du Finistère")
    assert ("applicant_type", "particulier") not in found("en particulier la mairie de Lyon")


def test_a_specific_type_wins_over_a_generic_word():
    assert found("la DREAL de la région Grand Est") & {("applicant_type", "region")} == set()


def test_one_applicant_type_per_message():
    assert len([m for m in entities("la DDT, avec la région et la commune") if m.entity == "applicant_type"]) == 1
