"""Understanding what people say, end to end through the rest channel: yes/no
eligibility questions, follow-ups about the call meant, booking phrasings, goodbye with thanks,
private persons and overseas collectivités, and a theme missed then recovered through buttons."""
import re

from orientation.eligibility.vocabulary import THEMES
from tests.conversations.test_booking_conversation import REFERENCE, book
from tests.french import nb

DDT = "Je suis la DDT du Rhône, notre projet de 300 000 € vise à ouvrir nos données"


def test_a_yes_no_eligibility_question_is_answered_yes_or_no(chat):
    chat.say(DDT)
    no = chat.say("un EPCI peut-il répondre à ITN6 ?")
    assert no.startswith("Non. ITN6") and "ouvert aux" in no
    # the EPCI was asked about, it is not who speaks: the DDT is still eligible to ITN5, with its money
    yes = chat.say("sommes-nous éligibles à ITN5 ?")
    assert yes.startswith("Oui. ITN5") and nb("75 % de 300 000 €, soit jusqu'à 225 000 €") in yes


def test_a_collectivite_asking_about_itn2_is_told_no(chat):
    chat.say("Nous sommes une commune de 40 000 habitants, projet de participation citoyenne à 200 000 €")
    answer = chat.say("Est-ce qu'une collectivité peut candidater à ITN2 ?")
    # « une collectivité » as a whole: every kind gets the same answer
    assert answer.startswith("Non, aucune des collectivités territoriales") and "ITN2" in answer and "exclu" in answer


def test_follow_ups_refer_to_the_first_recommended_call_then_to_the_call_discussed(chat):
    recommendation = chat.say(DDT)
    first = re.search(r"1\. ([A-Z0-9-]+) —", recommendation).group(1)
    status = chat.say("et c'est encore ouvert ?")
    assert status.startswith(first) and "De quel appel" not in status
    money = chat.say("combien je peux avoir ?")
    assert money.startswith(first) and nb("300 000 €") in money
    chat.say("c'est quoi ITN1 ?")
    assert chat.say("et c'est encore ouvert ?").startswith("ITN1")
    assert chat.say("et pour celui-là ?").startswith("ITN1")


def test_a_booking_is_recalled_moved_and_cancelled_in_other_words(chat, new_chat):
    book(chat, email="paul.leroy@gironde.fr")
    reference = REFERENCE.search("\n".join(r.get("text", "") for r in chat.replies)).group(0)
    other = new_chat()
    shown = other.say(f"Pouvez-vous me rappeler mon rendez-vous ? référence {reference}, adresse paul.leroy@gironde.fr")
    assert f"Rendez-vous {reference} :" in shown
    assert "nouveau créneau" in other.say(f"j'ai un empêchement, pouvez-vous reprogrammer le rendez-vous {reference} ?")
    third = new_chat()
    cancelled = third.say(f"finalement je n'ai plus besoin du rendez-vous {reference}, adresse paul.leroy@gironde.fr")
    assert "Voulez-vous vraiment annuler" in cancelled and "est annulé" in third.say("oui")


def test_thanks_with_goodbye_is_a_goodbye(chat):
    chat.say(DDT)
    answer = chat.say("merci, au revoir")
    assert "Au revoir" in answer and "autre question" not in answer


def test_a_citizen_is_a_private_person(chat):
    assert "aucun n'est ouvert aux particuliers" in chat.say("Bonjour, je suis citoyen et j'ai une idée d'application")


def test_the_collectivite_of_saint_pierre_et_miquelon_is_an_overseas_collectivite(chat):
    answer = chat.say("Nous sommes la collectivité de Saint-Pierre-et-Miquelon, projet de 200 000 € pour ouvrir "
                      "nos données")
    assert "collectivité d'outre-mer à statut particulier" in answer
    assert "une commune" not in answer


COMMUNE = "Je suis une commune de 40 000 habitants, notre budget est de 200 000 €"
# A description the theme model is unsure about (medium confidence: the likeliest themes are offered);
# « moderniser le numérique de nos services » describes no project (orientation/language/project_gate.py).
UNSURE = "faire adopter le design de services et l'agilité à nos chefs de service"


def test_a_theme_the_model_is_unsure_about_is_recovered_through_the_buttons(chat):
    question = chat.say(COMMUNE)
    assert "objet du projet" in question
    unsure = chat.say(UNSURE)
    assert "objet du projet" not in unsure  # never the same free-text question twice in a row
    assert "Je ne suis pas sûr d'avoir compris le thème" in unsure
    titles = [b["title"] for b in chat.buttons]
    assert 3 <= len(titles) <= 4 and titles[-1] == "Autre"
    assert set(titles[:-1]) <= {label[0].upper() + label[1:] for label in THEMES.values()}
    choice = chat.buttons[0]
    recommendation = chat.say(choice["payload"])
    assert "Votre profil : une commune" in recommendation
    assert choice["title"][0].lower() + choice["title"][1:] in recommendation


def test_a_description_not_understood_gets_buttons_then_other_shows_every_theme(chat):
    chat.say(COMMUNE)
    answer = chat.say("un truc pour les gens")
    assert "objet du projet" not in answer and "Je n'ai pas reconnu le thème" in answer
    other = next((b for b in chat.buttons if b["title"] == "Autre"), None)
    if other is not None:
        chat.say(other["payload"])
    assert len(chat.buttons) >= 17
    donnees = next(b for b in chat.buttons if b["title"].startswith("Données"))
    assert "Votre profil : une commune" in chat.say(donnees["payload"])
