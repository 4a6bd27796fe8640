"""The words that leave a form (orientation/language/leave_words.py) and what a booking answer holds
(orientation/booking/fields.py)."""
import pytest

from orientation.booking.fields import contact_wish, looks_like_organisation, split_name_and_organisation, what_it_is
from orientation.language.leave_words import says_no, wants_to_leave


@pytest.mark.parametrize("text", ["non", "Non, laissez tomber !", "non laisse tomber", "j'annule", "Annuler",
                                  "au revoir", "Bonne journée !", "plus tard", "bon ben on verra plus tard merci",
                                  "stop", "STOP", "pas maintenant", "je vais arrêter là", "non merci",
                                  "c'est pas la peine", "oubliez ça", "annule le rdv DN-7730 jme suis trompée",
                                  "non c'est une erreur, annulez"])
def test_ways_out(text):
    assert wants_to_leave(text)


@pytest.mark.parametrize("text", ["Jean Stop", "plutôt plus tard dans la semaine", "Marie Dupont", "oui",
                                  "merci", "ok", "Mairie de Lyon", "je ne sais pas", "mardi 14h30", "", "non, jeudi",
                                  "salut", "erreur", "DN-7K3P9Q"])  # a greeting: the profile form greets back and goes on
def test_answers_are_not_ways_out(text):
    assert not wants_to_leave(text)


def test_at_a_yes_no_question_no_answers_and_the_other_words_still_leave():
    assert says_no("non") and says_no("euh non merci")
    assert not wants_to_leave("non", yes_no_question=True)
    assert not wants_to_leave("non merci", yes_no_question=True)
    assert wants_to_leave("non laissez tomber", yes_no_question=True)
    assert wants_to_leave("au revoir", yes_no_question=True)
    assert not says_no("non laissez tomber")


@pytest.mark.parametrize("text, name, organisation", [
    ("Sophie Martin, préfecture de la Gironde", "Sophie Martin", "préfecture de la Gironde"),
    ("Jean Dupont de la mairie de Lyon", "Jean Dupont", "mairie de Lyon"),
    ("Marc Petit (DDT du Rhône)", "Marc Petit", "DDT du Rhône"),
    ("Anne Roux - conseil départemental du Nord", "Anne Roux", "conseil départemental du Nord"),
    ("Jean-Pierre Le Gall, CCAS de Brest", "Jean-Pierre Le Gall", "CCAS de Brest"),
])
def test_a_name_with_an_organisation(text, name, organisation):
    assert split_name_and_organisation(text) == (name, organisation)


@pytest.mark.parametrize("text", ["Paul Martin", "Mairie de Lyon", "Marc DDT du Rhône", "marie@lyon.fr"])
def test_not_a_name_with_an_organisation(text):
    assert split_name_and_organisation(text) is None


def test_an_organisation_alone():
    assert looks_like_organisation("Mairie de Lyon") and looks_like_organisation("DDT du Rhône")
    assert not looks_like_organisation("Sophie Martin") and not looks_like_organisation("Sophie Martin, DDT")


@pytest.mark.parametrize("text, kind", [("marie@lyon.fr", "email"), ("c'est marie@lyon", "email"),
                                        ("DN-7K3P9Q", "reference"), ("06 12 34 56 78", "digits"),
                                        ("Marie Dupont", None), ("Mairie de Lyon 2", None)])
def test_what_an_answer_is(text, kind):
    assert what_it_is(text) == kind


@pytest.mark.parametrize("text, wish", [("par téléphone", "téléphone"), ("plutôt par tel si possible", "téléphone"),
                                        ("au téléphone au 06 12 34 56 78", "téléphone (06 12 34 56 78)"),
                                        ("un appel téléphonique", "téléphone"), ("en visio", "visioconférence"),
                                        ("mardi aprem", None), ("Marie Dupont", None)])
def test_how_the_user_wishes_to_talk(text, wish):
    assert contact_wish(text) == wish
