"""The dialogue acts, third pass (orientation/language/acts.py, answer_act.py): closings when nothing
is asked, doubt that is no hypothesis, questions that mention the speaker without describing them,
booking words typed short, answers to what the bot asked, and keys hit by mistake. Each wording is
tried with the intents DIET is seen to give such messages, so that the acts do not hang on it."""
import pytest

from orientation.language.acts import acts_of, may_write
from orientation.language.answer_act import asked_by_bot, refine
from tests.language.test_dialogue_acts import entities


def acts(text, intent=None, confidence=0.0, asked=None):
    found = entities(text)
    return refine(acts_of(text, intent, confidence, found), asked, found, text)


MISREADINGS = (None, "affirm", "inform", "ask_can_apply", "out_of_scope", "ask_call_info")


@pytest.mark.parametrize("text", ["dommage", "ah dommage", "bon tant pis", "bon bah tant pis alors", "bon ok",
                                  "ok je vois", "c'est dommage", "mince alors"])
def test_giving_up_when_nothing_is_asked_is_leaving(text):
    for intent in MISREADINGS:
        found = acts(text, intent, 0.9)
        assert found == ["leave"] and not may_write(found), (intent, found)


@pytest.mark.parametrize("text", ["je reviendrai", "jreviendrai", "je demande à ma cheffe et je reviens",
                                  "jdemande a mon chef et jreviens vers vous", "je lui dirai", "je leur transmets",
                                  "je pose la question a ma hierarchie", "je verrai ca avec ma directrice",
                                  "je vais demander à mon DGS"])
def test_coming_back_later_is_leaving(text):
    for intent in MISREADINGS:
        assert acts(text, intent, 0.9) == ["leave"], intent


@pytest.mark.parametrize("text", ["ok", "okay", "d'accord", "ok ok", "bien reçu", "ok merci", "thx", "thanks", "bye",
                                  "ok bye", "ok cool merci bcp", "non merci", "c'est bon merci"])
def test_a_polite_close_when_nothing_is_asked_thanks(text):
    for intent in MISREADINGS:
        found = acts(text, intent, 0.9)
        assert found == ["thanks_goodbye"] and not may_write(found), (intent, found)


@pytest.mark.parametrize("text", ["non merci", "non c'est tout merci", "non ca ira merci", "non c bon", "ok merci", "thx",
                                  "merci ca ira"])
def test_closing_after_the_bots_yes_no_question_is_no_answer(text):
    assert acts(text, "deny", 0.7, asked="yes_no") == ["thanks_goodbye"]


@pytest.mark.parametrize("text", ["ok", "oui", "d'accord", "oui svp", "ok pour moi", "non"])
def test_a_bare_yes_or_no_still_answers_what_the_bot_asked(text):
    for asked in ("yes_no", "confirm", "booking_consent", "budget"):
        assert acts(text, "affirm", 0.9, asked=asked) == ["answer"], asked


@pytest.mark.parametrize("text", ["on ne sait pas si ça marchera, on veut tester un chatbot",
                                  "on sait pas si ca marchera mais on veut tester un chatbot",
                                  "c'est un test pour voir si les agents adhèrent au chatbot",
                                  "c un test pr voir si ca marche, un chatbot",
                                  "je ne sais pas si on est un EPCI", "je sais pas si on est un epci ou un syndicat",
                                  "pas sur que ca marche, on essaie un outil de signalement",
                                  "on verra si ca prend, c'est un pilote de visio"])
def test_doubt_about_the_outcome_or_oneself_describes(text):
    for intent in (None, "ask_what_if", "inform"):
        found = acts(text, intent, 1.0)
        assert found == ["describe"] and may_write(found), (intent, found)


@pytest.mark.parametrize("text", ["c grave si c petit ?", "c'est grave si le projet est petit ?",
                                  "ça pose problème si on n'a pas encore de prestataire ?",
                                  "c'est un souci si on commence avant la decision ?", "ca bloque si on est en retard ?",
                                  "c bloquant si le projet dure 3 ans ?", "et si on a deja un prestataire ?"])
def test_a_condition_that_supposes_no_profile_value_asks(text):
    for intent in (None, "ask_what_if", "ask_call_info"):
        assert acts(text, intent, 1.0) == ["question"], intent


@pytest.mark.parametrize("text", ["et si on était une commune de 8000 habitants ?", "et si le budget passait à 400k ?",
                                  "si on s'associe avec la comcom ça change quoi", "et si c'etait porte par la region",
                                  "imaginons qu'on fasse 60000 hab", "et si on montait le projet avec la métropole"])
def test_a_what_if_about_the_profile_stays_a_hypothesis(text):
    assert acts(text, "ask_what_if", 1.0) == ["hypothesis"]


@pytest.mark.parametrize("text", ["on est éligible au FEDER-NUM ?", "on est eligible a itn5 ?",
                                  "ya des aides pr nous ? on est pas une commune", "faut-il un accord de notre ministère ?",
                                  "faut il l'accord de notre prefecture", "notre dossier doit passer par la prefecture ?",
                                  "il nous faut l'aval de la prefecture ?", "vous financez les mairies qui ont deja un site ?",
                                  "on n'est pas un EPCI, ca marche quand meme ?", "y a t il des financements pour nous ?"])
def test_a_question_that_mentions_the_speaker_describes_nothing(text):
    for intent in (None, "inform", "ask_can_apply"):
        found = acts(text, intent, 0.9)
        assert found == ["question"] and not may_write(found), (intent, found)


@pytest.mark.parametrize("text", ["on n'est que 29 000 hab, ça bloque ?", "on n'est que 29000 hab ca bloque ?",
                                  "nous ne sommes que 800 habitants, c'est possible ?",
                                  "notre budget est de 80k, c'est trop peu ?", "on est la region bretagne, on peut candidater ?"])
def test_a_question_that_states_a_value_describes_it(text):
    assert set(acts(text, "ask_why_not", 0.9)) == {"describe", "question"}


@pytest.mark.parametrize("text", ["rdv svp", "rdv stp", "un rendez vous svp", "rdv", "je peux parler à qqun ?",
                                  "je peux parler a quelqu'un ?", "un humain", "un humain svp",
                                  "j'aimerais parler à une vraie personne", "pouvez vous me rappeler"])
def test_asking_for_a_person_books(text):
    for intent in (None, "bot_challenge", "ask_call_info"):
        assert acts(text, intent, 1.0) == ["book"], intent


@pytest.mark.parametrize("text", ["ça change qq chose ?", "ca change quelque chose ?", "c'est quand la date limite ?",
                                  "les appels ferment quand ?", "est-ce que ça change le montant ?",
                                  "on a jusqua qd pr deposer", "et c ouvert jusqu a quand"])
def test_a_question_without_a_booking_word_manages_no_booking(text):
    for intent in ("ask_other_slot", "move_booking", "show_booking"):
        assert acts(text, intent, 0.7) == ["question"], intent


@pytest.mark.parametrize("text", ["oui annule", "oui annulez", "oui annuler", "oui je confirme l'annulation"])
def test_yes_cancel_to_the_cancel_confirmation_is_the_answer(text):
    assert acts(text, "cancel_booking", 0.9, asked="confirm") == ["answer"]


@pytest.mark.parametrize("bot, asked", [
    ("Profil : commune.\nPour préciser ces résultats, indiquez-moi le coût total du projet.\nSouhaitez-vous le détail "
     "d'un appel, savoir pourquoi un autre ne convient pas, ou un rendez-vous de 15 minutes ?", "budget"),
    ("Pour préciser ces résultats, indiquez-moi la population couverte.", "population"),
    ("Pour préciser ces résultats, indiquez-moi le type de structure qui porte le projet et le coût total du projet.",
     "profile"),
    ("ITN5 finance jusqu'à 50 %. Dites-moi quelle structure vous représentez et je vous réponds.", "applicant_type"),
    # the greeting invites the user to say who they are and what the project is: what follows answers it
    ("Bonjour ! Dites-moi qui vous êtes et quel est votre projet, par exemple : « Je suis la DDT du Rhône, notre "
     "projet de 300 k€ vise à ouvrir nos données ».", "invitation"),
])
def test_a_request_without_a_question_mark_is_what_the_bot_asked(bot, asked):
    assert asked_by_bot(bot) == asked


@pytest.mark.parametrize("text, asked", [
    ("200k", "budget"), ("350 000 €", "budget"), ("environ 2 millions", "budget"), ("le budget total est de 300 000 euros TTC", "budget"),
    ("c'est une commune de 5000 hab", "applicant_type"), ("nous sommes une communauté de communes", "applicant_type"),
    ("on est un EPCI de 30000 hab", "population"), ("le projet couvre 45000 habitants", "population"),
    ("on vise la dématérialisation des démarches", "project_nature"), ("c'est pour un chatbot", "project_nature"),
    ("deux départements", "departement_count"), ("Dupont", "booking_name"), ("Mairie de Die", "booking_organisation"),
    ("j.dupont@cc-diois.fr", "booking_email"), ("300k", "booking_name"),
])
def test_the_value_asked_for_is_an_answer(text, asked):
    for intent in (None, "inform", "correct"):
        assert acts(text, intent, 0.9, asked=asked) == ["answer"], intent


@pytest.mark.parametrize("text", ["qsdfqsdf", "dsl chat sur le clavier", "dsl le chat a marche sur le clavier", "jkljkl ml",
                                  "aaaaaaa", "wxcvbn", "ptdr dsl mauvaise touche", "oups message parti trop vite",
                                  "hjkhjkhjk"])
def test_keys_hit_by_mistake_are_other_and_write_nothing(text):
    for intent in (None, "ask_appointment", "inform", "goodbye"):
        for asked in (None, "budget", "project_nature", "yes_no"):
            found = acts(text, intent, 0.99, asked)
            assert found == ["other"] and not may_write(found), (intent, asked, found)


@pytest.mark.parametrize("text", ["ok", "parfait", "non", "non merci", "non c'est tout", "très bien merci", "nan c bon",
                                  "merci"])
def test_a_close_to_the_offer_of_more_help_ends_the_exchange(text):
    bot = "Avec plaisir ! Avez-vous une autre question sur les appels à projets ?"
    assert acts(text, "affirm", 0.9, asked=asked_by_bot(bot)) == ["thanks_goodbye"]
    assert acts("oui", "affirm", 0.9, asked=asked_by_bot(bot)) == ["answer"]


@pytest.mark.parametrize("text", ["pas pour le moment", "je prefere attendre", "on va attendre la prochaine session",
                                  "non pas pour le moment merci"])
def test_putting_off_is_leaving(text):
    assert "leave" in acts(text, "deny", 0.9, asked="budget")


@pytest.mark.parametrize("text", ["super", "top", "nickel merci", "parfait merci", "oui merci", "ok c bon"])
def test_any_yes_or_thanks_to_the_booking_confirmation_confirms(text):
    assert acts(text, "thank", 0.9, asked="confirm") == ["answer"]


@pytest.mark.parametrize("text", ["non plutot un autre", "plutôt vendredi", "oui mais plutot a 11h"])
def test_another_slot_wanted_is_an_answer_not_a_correction_of_the_profile(text):
    for asked in ("confirm", "booking_slot"):
        assert acts(text, "correct", 0.9, asked=asked) == ["answer"], asked


@pytest.mark.parametrize("text", ["ok merci pour l'explication sur le taux", "merci pour les précisions sur le plafond"])
def test_thanks_for_an_answer_about_a_call_ask_nothing(text):
    assert acts(text, "thank", 0.9) == ["thanks_goodbye"]


@pytest.mark.parametrize("text", ["merci bien, je vais transmettre au maire", "non merci, je vais voir avec mon DGS",
                                  "merci, je demande au maire et je reviens"])
def test_thanks_on_the_way_out_to_a_third_party_leave_and_describe_nothing(text):
    found = acts(text, "thank", 0.9)
    assert set(found) == {"thanks_goodbye", "leave"} and not may_write(found), found


@pytest.mark.parametrize("text", ["bon je verrai", "je sais pas, je vais demander", "je regarde et je vous dis",
                                  "c'est pas grave", "on se rappelle", "je ne veux pas donner mon email", "pas envie",
                                  "j'annule", "je m'arrête là", "faut d'abord que je voie avec les élus"])
def test_stopping_for_now_is_leaving_whatever_was_asked(text):
    for asked in (None, "budget", "booking_name", "booking_email"):
        assert acts(text, None, 0.0, asked) == ["leave"], asked
