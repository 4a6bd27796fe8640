"""The profile side of a conversation, end to end through the rest channel: several amounts in one message,
corrections, questions and hypotheses that leave the profile alone, side questions, plain words.
Each test reads the slots from the conversation store and checks the key words of the replies."""
import pytest

from orientation.replies.side_questions import NO_ANSWER
from tests.conversations.context_helpers import book, slots_of
from tests.french import nb

COMMUNE = ("Bonjour, nous sommes une commune de 350 000 habitants, projet de plateforme de participation "
           "citoyenne à 400 000 €")


def profile(chat, database_url):
    slots = slots_of(database_url, chat.sender)
    return {name: slots.get(name) for name in ("applicant_type", "budget", "budget_parts", "project_nature",
                                               "population")}


def test_a_total_and_its_personnel_part_in_one_message(chat, database_url):
    answer = chat.say("Le département du Finistère voudrait ouvrir ses données : le projet coûte 900 k€ au total, "
                      "dont 300 k€ de masse salariale")
    assert profile(chat, database_url) == {"applicant_type": "departement", "budget": 900_000.0,
                                           "budget_parts": {"personnel": 300_000.0}, "project_nature": "donnees",
                                           "population": slots_of(database_url, chat.sender)["population"]}
    assert nb("Je note que le budget de 900 000 € TTC comprend 300 000 € de personnel") in answer
    # TNT-DONNEES: 50 % hors personnel et matériel; FEDER-NUM: 60 % of the whole cost.
    assert nb("50 % de 600 000 € (900 000 € moins 300 000 € de personnel), soit jusqu'à 300 000 €") in answer
    assert nb("60 % de 900 000 €, soit jusqu'à 540 000 €") in answer
    assert nb("projet de 900 000 € TTC (dont 300 000 € de personnel)") in answer


def test_a_correction_that_confirms_the_total_is_acknowledged_without_repeating_everything(chat, database_url):
    chat.say("Le département du Finistère voudrait ouvrir ses données, budget 900 k€ dont 300 k€ de salaires")
    answer = chat.say("non, le total c'est bien 900k, les 300k c'est seulement les salaires des agents")
    assert nb("C'est noté : le budget reste 900 000 € TTC.") in answer
    assert "Voici" not in answer
    assert profile(chat, database_url)["budget"] == 900_000.0
    assert profile(chat, database_url)["budget_parts"] == {"personnel": 300_000.0}


def test_a_bare_figure_given_ht_replaces_the_budget(chat, database_url):
    chat.say("Je travaille à la DDETS du Nord, on monte un centre de contact pour les usagers à 500 000 €")
    answer = chat.say("en fait c'est 400 000 HT, les 500 c'était avec l'hébergement")
    assert profile(chat, database_url)["budget"] == 480_000.0
    assert nb("le budget passe de 500 000 € TTC à 480 000 € TTC") in answer
    assert nb("J'ai converti le montant hors taxes en TTC (TVA à 20 %) : 480 000 € TTC.") in answer
    assert nb("75 % de 480 000 €, soit jusqu'à 360 000 €") in answer  # ITN8A


def test_a_correction_the_bot_cannot_read_says_what_it_kept(chat, database_url):
    chat.say("Je travaille à la DDETS du Nord, on monte un centre de contact pour les usagers à 500 000 €")
    answer = chat.say("ce n'est pas le bon chiffre")
    assert answer.startswith("Je n'ai pas compris ce qu'il faut corriger : je garde votre profil (")
    assert nb("projet de 500 000 € TTC") in answer and "Voici" not in answer
    assert profile(chat, database_url)["budget"] == 500_000.0


def test_a_bare_figure_without_unit_is_asked_with_buttons(chat, database_url):
    chat.say(COMMUNE)
    answer = chat.say("non c'est 320 000 en fait")
    assert answer.startswith(nb("À quoi correspond 320 000 ? Pour l'instant je garde votre profil"))
    assert [b["title"] for b in chat.buttons] == [nb("Budget : 320 000 € TTC"), nb("Population : 320 000 habitants")]
    answer = chat.say(next(b["payload"] for b in chat.buttons if b["title"].startswith("Budget")))
    assert nb("le budget passe de 400 000 € TTC à 320 000 € TTC") in answer
    assert profile(chat, database_url)["budget"] == 320_000.0 and profile(chat, database_url)["population"] == 350_000.0


def test_two_amounts_that_could_each_be_the_total_are_asked(chat, database_url):
    answer = chat.say("Nous sommes une commune de 350 000 habitants, projet de participation citoyenne, "
                      "on hésite entre 450k et 250k")
    # An alternative: each amount and the middle, as buttons (actions/budget_reading.py)
    assert nb("Vous hésitez entre 250 000 € et 450 000 € : quel montant dois-je retenir comme coût total") in answer
    assert profile(chat, database_url)["budget"] is None
    answer = chat.say(next(b["payload"] for b in chat.buttons if b["title"] == nb("450 000 €")))
    assert profile(chat, database_url)["budget"] == 450_000.0
    assert nb("75 % de 450 000 €, soit jusqu'à 337 500 €") in answer  # TNT-COOP, 2e session


def test_a_comparison_does_not_change_the_theme(chat, database_url):
    chat.say("Je suis à la DNUM du ministère de la Culture, on veut sécuriser les terminaux de nos agents, 1 M€")
    answer = chat.say("et SNAP4, qu'est-ce qu'il finance de plus que SNAP3 ? on aimerait aussi de la visio")
    assert "Comparaison" in answer
    assert profile(chat, database_url)["project_nature"] == "terminaux"
    assert profile(chat, database_url)["applicant_type"] == "administration_centrale"


def test_a_what_if_on_the_budget_is_a_hypothesis_and_can_be_declined(chat, database_url):
    chat.say(COMMUNE)
    answer = chat.say("et si on passait le budget à 1 M€ ?")
    assert answer.startswith("C'est une hypothèse : votre profil n'est pas modifié.")
    assert nb("Si le budget était de 1 000 000 € TTC (au lieu de 400 000 € TTC) :") in answer
    assert nb("jusqu'à 750 000 € pour votre projet") in answer  # TNT-COOP: 75 %
    assert [b["title"] for b in chat.buttons] == ["Adopter ce profil", "Garder mon profil"]
    assert profile(chat, database_url)["budget"] == 400_000.0
    assert "je garde votre profil" in chat.say("/keep_profile")
    assert profile(chat, database_url)["budget"] == 400_000.0


def test_an_adopted_what_if_becomes_the_profile(chat, database_url):
    chat.say(COMMUNE)
    chat.say("et si on passait le budget à 1 M€ ?")
    answer = chat.say("/adopt_what_if")
    assert nb("C'est noté, j'adopte ce profil (budget : 1 000 000 € TTC).") in answer
    assert nb("75 % de 1 000 000 €, soit jusqu'à 750 000 €") in answer
    assert profile(chat, database_url)["budget"] == 1_000_000.0


@pytest.mark.parametrize("start, hypothesis, supposed", [
    ("Bonjour, syndicat mixte qui regroupe 300 communes, on veut ouvrir nos données, 800 000 € HT",
     "et si on passait à 1 M€ ?", "Si le budget était de 1 000 000 € TTC (au lieu de 960 000 € TTC)"),
    ("bjr c la mairie de Vannes", "et si c etait l agglo qui portait le projet ?",
     "Si le projet était porté par un EPCI (intercommunalité) (au lieu d'une commune)"),
])
def test_a_what_if_between_two_questions_is_answered_then_the_question_comes_back(chat, database_url, start,
                                                                                  hypothesis, supposed):
    chat.say(start)
    before, asked = profile(chat, database_url), slots_of(database_url, chat.sender)["requested_slot"]
    answer = chat.say(hypothesis)
    assert answer.startswith("C'est une hypothèse : votre profil n'est pas modifié.")
    assert nb(supposed) in answer
    assert profile(chat, database_url) == before
    # then the form's question again, after the hypothesis's own figures
    assert asked and slots_of(database_url, chat.sender)["requested_slot"] == asked
    assert len(chat.replies) >= 2 and not chat.replies[-1]["text"].startswith("C'est une hypothèse")
    assert [b["title"] for b in chat.replies[0].get("buttons", [])] == ["Adopter ce profil", "Garder mon profil"]


def test_a_what_if_adopted_between_two_questions_becomes_the_profile_and_the_form_goes_on(chat, database_url):
    chat.say("Bonjour, syndicat mixte qui regroupe 300 communes, on veut ouvrir nos données, 800 000 € HT")
    chat.say("et si on passait à 1 M€ ?")
    answer = chat.say("/adopt_what_if")
    assert nb("C'est noté, j'adopte ce profil (budget : 1 000 000 € TTC).") in answer
    assert "Combien d'habitants" in answer
    assert profile(chat, database_url)["budget"] == 1_000_000.0
    chat.say("et si on etait que 20 000 hab ?")
    answer = chat.say("/keep_profile")
    assert "je garde votre profil" in answer and "Combien d'habitants" in answer
    assert profile(chat, database_url)["population"] is None


def test_a_what_if_on_who_carries_the_project_leaves_the_applicant(chat, database_url):
    chat.say("Je préside une association de quartier, on veut une plateforme pour mettre en relation des "
             "bénévoles avec les services publics, 150 000 €")
    answer = chat.say("et si c'était la mairie qui portait le projet ?")
    assert answer.startswith("C'est une hypothèse : votre profil n'est pas modifié.\n"
                             "Si le projet était porté par une commune (au lieu d'une association) :")
    assert profile(chat, database_url)["applicant_type"] == "association"
    assert profile(chat, database_url)["project_nature"] == "cooperation_usagers"


def test_the_summary_of_a_booking_after_a_declined_what_if_is_the_confirmed_profile(chat, database_url):
    chat.say(COMMUNE)
    chat.say("et si on passait le budget à 1 M€ ?")
    chat.say("/keep_profile")
    booking = book(chat, database_url, "claire.martin@ville-test.fr")
    assert nb("projet de 400 000 € TTC") in booking.summary
    assert nb("1 000 000") not in booking.summary
    assert booking.profile["budget"] == 400_000.0


def test_the_summary_of_a_booking_after_an_adopted_what_if_is_the_new_profile(chat, database_url):
    chat.say(COMMUNE)
    chat.say("et si on passait le budget à 1 M€ ?")
    chat.say("/adopt_what_if")
    booking = book(chat, database_url, "claire.martin2@ville-test.fr")
    assert nb("projet de 1 000 000 € TTC") in booking.summary
    assert nb("75 % de 1 000 000 €") in booking.summary
    assert booking.profile["budget"] == 1_000_000.0


def test_a_side_question_is_answered_from_the_catalogue_not_with_the_recommendation(chat, database_url):
    chat.say("Je suis à la DNUM du ministère de la Culture, on veut déployer la visioconférence pour nos agents, 2 M€")
    answer = chat.say("les abonnements Microsoft Teams, c'est pris en charge ?")
    assert "Les licences de produits extra-européens sont hors périmètre" in answer
    assert "Voici" not in answer and "Votre profil" not in answer
    assert profile(chat, database_url)["project_nature"] == "travail_collaboratif"


def test_a_side_question_the_catalogue_cannot_answer_goes_to_the_advisor_summary(chat, database_url):
    chat.say("Je préside une association de quartier, on veut une plateforme pour mettre en relation des "
             "bénévoles avec les services publics, 150 000 €")
    answer = chat.say("est-ce qu'on peut rémunérer notre coordinatrice salariée avec ?")
    assert "la fiche ne dit rien sur les dépenses de personnel" in answer and NO_ANSWER in answer
    assert any(b["payload"] == "/ask_appointment" for b in chat.buttons)
    assert slots_of(database_url, chat.sender)["open_questions"] == [
        "est-ce qu'on peut rémunérer notre coordinatrice salariée avec ?"]
    booking = book(chat, database_url, "paul.durand@asso-test.fr")
    assert "est-ce qu'on peut rémunérer notre coordinatrice salariée avec ? (sans réponse : pour le conseiller)" \
        in booking.summary
    assert booking.profile["applicant_type"] == "association"


def test_where_to_apply_is_answered_with_what_the_catalogue_says(chat, database_url):
    chat.say("Le conseil régional de Normandie veut ouvrir ses données, projet de 700 000 €")
    answer = chat.say("on envoie le dossier FEDER où exactement ?")
    assert answer.startswith("Pour candidater à FEDER-NUM")
    assert "Dépôt des dossiers au fil de l'eau" in answer and NO_ANSWER in answer
    assert profile(chat, database_url)["budget"] == 700_000.0


def test_plain_words_without_codes_only(chat, database_url):
    chat.say(COMMUNE)
    answer = chat.say("je suis perdu avec tous ces sigles, concrètement on touche quelque chose ?")
    assert answer.startswith("En clair : oui, vous pouvez demander un financement.")
    assert nb("• Coopération avec partenaires et usagers : jusqu'à 300 000 € pour votre projet") in answer
    assert profile(chat, database_url)["budget"] == 400_000.0


def test_asking_for_someone_on_the_phone_offers_the_appointment(chat, database_url):
    chat.say(COMMUNE)
    answer = chat.say("est-ce que je peux avoir un conseiller au téléphone ?")
    assert "Le conseiller recevra ce résumé" in answer


def test_yes_after_a_what_if_adopts_it_and_no_keeps_the_profile(chat, new_chat, database_url):
    chat.say(COMMUNE)
    chat.say("imaginons 600 000 € de budget, ça donnerait quoi ?")
    answer = chat.say("oui")
    assert nb("C'est noté, j'adopte ce profil (budget : 600 000 € TTC).") in answer
    assert profile(chat, database_url)["budget"] == 600_000.0
    other = new_chat()
    other.say(COMMUNE)
    other.say("imaginons 600 000 € de budget, ça donnerait quoi ?")
    assert "je garde votre profil" in other.say("non")
    assert profile(other, database_url)["budget"] == 400_000.0


def test_a_question_about_a_code_gets_plain_words(chat, database_url):
    chat.say("Le département du Finistère voudrait ouvrir ses données, budget 900 k€")
    answer = chat.say("ces codes, ça veut dire quoi concrètement ?")
    assert answer.startswith("En clair")
    assert nb("• Fonds européens – services numériques et données : jusqu'à 540 000 € pour votre projet") in answer
    assert "mais clôturé le 28 mai 2021" in answer  # TNT-DONNEES, said closed, never as open
