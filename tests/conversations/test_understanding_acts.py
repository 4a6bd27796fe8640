"""Understanding what people say, the acts not covered by test_understanding.py: asking
for the recommendation in a question is an inform (the intents were merged), from the fallback's
suggestion button too; an inhabitant is a private person; an eligibility question without a
profile yet."""
import pytest

from actions.fallback import SUGGESTIONS


def test_asking_which_calls_fit_with_a_description_leads_to_the_profile_questions(chat):
    answer = chat.say("quel financement pour équiper nos agents de téléphones sécurisés ?")
    assert "Quelle structure porte le projet ?" in answer
    recommendation = chat.say("une préfecture, budget 150 000 €")
    assert "Votre profil : un service déconcentré de l'État" in recommendation
    assert "terminaux numériques sécurisés" in recommendation  # the theme of the first question, kept


def test_the_suggestion_button_of_the_fallback_starts_the_profile_questions(chat):
    # the button action_rephrase shows (which message falls under the threshold depends on the model)
    suggestion = next(b for b in SUGGESTIONS if b["title"] == "Quels appels pour mon projet ?")
    assert "Quelle structure porte le projet ?" in chat.say(suggestion["payload"])


@pytest.mark.parametrize("text", ["je suis un habitant de Nantes, j'aimerais une aide pour mon site",
                                  "je suis citoyen, pouvez-vous financer mon application ?"])
def test_an_inhabitant_or_a_citizen_is_a_private_person(chat, text):
    assert "aucun n'est ouvert aux particuliers" in chat.say(text)


def test_a_yes_no_question_before_any_profile_is_answered_without_setting_one(chat):
    answer = chat.say("une association peut-elle candidater à ITN5 ?")
    assert answer.startswith("Non. ITN5")
    assert "Quelle structure porte le projet ?" in chat.say("quels appels pour nous ?")
