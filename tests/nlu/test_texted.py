"""The held-out sets as people text them (devtools.nlu.texted), the transformation the texted
report measures the NLU with."""
from devtools.nlu import texted


def test_accents_case_sms_forms_and_the_euro_sign_go():
    assert texted("Bonjour, nous sommes la Communauté de communes, projet à 300 k€.") == \
        "bjr, on est la communaute de communes, projet a 300ke"
    assert texted("Est-ce que c'est éligible pour tous ? 40 000 €") == "est ce que c eligible pr ts ? 40 000e"
    assert texted("Je voudrais un rendez-vous s'il vous plaît") == "je voudrais un rdv svp"


def test_words_that_only_contain_a_form_are_kept():
    assert texted("Vousvoyer, pourtant, toutefois, dansant") == "vousvoyer, pourtant, toutefois, dansant"
