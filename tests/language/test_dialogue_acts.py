"""The dialogue acts of a message (orientation/language/acts.py), on the entities the pipeline's
extractors give (addons/components/entity_extractors.py), written and texted alike."""
import pytest

from addons.components.entity_extractors import (
    AmountEntityExtractor,
    LexiconEntityExtractor,
    TerritoryEntityExtractor,
)
from orientation.language.acts import ACTS, acts_of, may_write
from orientation.language.answer_act import refine

EXTRACTORS = (AmountEntityExtractor(), LexiconEntityExtractor(), TerritoryEntityExtractor())


def entities(text):
    return [e for extractor in EXTRACTORS for e in extractor.entities_of(text)]


def acts(text, intent=None, confidence=0.0, asked=None):
    found = entities(text)
    return refine(acts_of(text, intent, confidence, found), asked, found, text)


@pytest.mark.parametrize("text", [
    "on est une CA de 120 000 hab, c'est cumulable avec la DSIL ?",
    "on est une ca de 120000 hab c cumulable avec la dsil ?",
    "Nous sommes une commune de 4 000 habitants : est-ce que ça marche pour un site web ?",
    "nous sommes une commune de 4000 habitants, quels appels pour nous ?",
])
def test_a_description_and_a_question_in_one_message(text):
    assert set(acts(text)) == {"describe", "question"}


@pytest.mark.parametrize("text", [
    "faut-il associer des services déconcentrés dans l'équipe ?",
    "faut il associer des services deconcentres ds l'equipe",
    "faut-il associer une administration centrale ?",
    "une association peut-elle candidater à ITN5 ?",
    "est-ce qu'une commune peut répondre à SNAP4",
    "et un département ?",
    "et les communes ?",
    "ça rentre dans quelle case ? opérateur de l'État ?",
    "ca rentre ds quelle case operateur de l'etat",
    "qui peut candidater a ITN3",
    "c quoi le taux pr snap4",
    "les serveurs c eligible ?",
    "combien on peut toucher",
    "je voudrais savoir si un EPCI peut candidater",
    "en cas de retard du projet, quelles conséquences ?",
])
def test_questions_with_or_without_a_question_mark_never_write(text):
    found = acts(text)
    assert "question" in found and not may_write(found), found


@pytest.mark.parametrize("text", [
    "et si on se regroupe avec la CC du Crestois pour un projet à 150 000 € ?",
    "et si on se regroupait avec la cc du crestois pr un projet a 150ke",
    "si on passait à 2 départements, ça change quoi ?",
    "imaginons un budget de 500 000 €",
    "supposons qu'on soit 3 communes",
    "dans le cas où le budget serait de 2 M€",
    "et pour 1,2 M€ ?",
    "et pr 1,2me ?",
    "et avec la comcom ?",
    "et à 300 000 habitants ?",
    "et en Bretagne avec 2 départements ?",
])
def test_hypotheses_in_any_wording_never_write(text):
    found = acts(text)
    assert "hypothesis" in found and not may_write(found), found


@pytest.mark.parametrize("text", [
    "on dessert environ 60 000 habitants si ca compte",
    "Nous couvrons 85 000 habitants, si cela peut aider.",
    "le territoire fait 2 départements si c'est utile",
])
def test_a_figure_offered_for_what_it_is_worth_is_no_hypothesis(text):
    found = acts(text)
    assert "hypothesis" not in found and may_write(found), found


@pytest.mark.parametrize("text", [
    "bjr jsuis a la cc du pays de fayence on veut un outil pr que les habitants signalent les problemes",
    "Bonjour, nous sommes une commune de 3 000 habitants et voulons un portail",
])
def test_who_one_is_is_no_what_if_even_when_the_classifier_says_so(text):
    assert "hypothesis" not in acts("une appli ou les habitants proposent des idees et signalent des pannes")  # « et si… »
    found = acts(text, intent="ask_what_if", confidence=0.9)
    assert "hypothesis" not in found and "describe" in found, found
    assert "hypothesis" in acts("et si on etait une ca ?", intent="ask_what_if", confidence=0.9)


@pytest.mark.parametrize("text", [
    "en fait le budget c'est 300 000 €",
    "en fait c 300ke",
    "et en fait on a 19 000 hab pas 18 500",
    "mais en realite on est 12 000 habitants",
    "non, on est une commune",
    "pardon, je me suis trompé : 45 000 habitants",
    "je me suis trompee, 45000 hab",
    "plutôt 200 000 €",
])
def test_corrections_write(text):
    found = acts(text)
    assert "correct" in found and may_write(found), found


@pytest.mark.parametrize("text, expected", [
    ("je voudrais un rendez-vous", {"book"}),
    ("j'aimerais prendre rendez-vous mardi matin si ça vous va", {"book"}),
    ("un rdv jeudi si possible", {"book"}),
    ("je veux prendre rdv avec un conseiller", {"book"}),
    ("je voudrais joindre quelqu un", {"book"}),  # someone as typed: « quelqu un », « quelquun », « qq un »
    ("on peut parler a quelquun svp", {"book"}),
    ("possible de parler a qq un ?", {"book"}),
    ("je dois annuler mon rdv", {"manage_booking"}),
    ("faut déplacer le rdv DN-AB12CD, mercredi 9 le matin plutôt", {"manage_booking"}),
    ("merci, bonne journée", {"thanks_goodbye"}),
    ("ok merciii", {"thanks_goodbye"}),
    ("laissez tomber", {"leave"}),
    ("bjr", {"greet"}),
    ("Bonjour", {"greet"}),
])
def test_booking_politeness_and_leaving(text, expected):
    found = acts(text)
    assert set(found) == expected and not may_write(found), found


@pytest.mark.parametrize("text", [
    "bjr on est la mairie de Crest, projet de 80 000e pour dématérialiser nos démarches",
    "Bonjour, nous sommes la mairie de Crest, projet de 80 000 € pour dématérialiser",
])
def test_a_greeting_and_a_description(text):
    assert acts(text) == ["greet", "describe"]


@pytest.mark.parametrize("text, asked", [
    ("150 000", "budget"), ("150ke", "budget"), ("une préfecture", "applicant_type"), ("une prefecture", "applicant_type"),
    ("je ne sais pas", "budget"), ("jsp", "population"),
    ("Jean Dupont", "booking_name"), ("mairie de Lyon", "booking_organisation"),
])
def test_an_answer_fills_what_the_bot_asked(text, asked):
    assert acts(text, asked=asked)[0] == "answer"


def test_a_question_asked_while_the_bot_waits_for_an_answer_is_still_a_question():
    found = acts("c'est quoi le budget TTC ?", asked="budget")
    assert "question" in found and "answer" not in found
    assert acts("et si c'était 200k ?", asked="budget") == ["hypothesis"]


def test_a_button_payload_is_read_by_its_intent():
    assert acts_of("/correct{\"budget\": 150000}", "correct", 1.0, [{"entity": "budget", "value": 150000}]) == ["correct"]
    assert acts_of("/ask_appointment", "ask_appointment", 1.0) == ["book"]


def test_every_act_is_named_as_the_held_out_set_names_it():
    from devtools.conversation_set import ACTS as LABELLED
    assert tuple(ACTS) == tuple(LABELLED)


@pytest.mark.parametrize("text", [
    "Bonjour, je souhaiterais des informations sur le FEDER-NUM pour les départements",
    "bjr je voulais savoir ce que finance ITN5 pr les communes",
    "un EPCI, il peut candidater ?",
    "pouvez-vous m'expliquer la différence entre TNT-COOP et ITN5",
    "pour une commune de 5 000 habitants, quels appels ?",
])
def test_requests_for_information_are_questions_about_the_body_named(text):
    found = acts(text)
    assert "question" in found and "describe" not in found, found


@pytest.mark.parametrize("text", ["je vais en parler à mon élu et je reviens vers vous", "je peux revenir plus tard ?",
                                  "on verra plus tard", "laisse tomber stp"])
def test_leaving_in_other_words(text):
    assert acts(text) == ["leave"]


@pytest.mark.parametrize("bot, asked", [
    ("Quelle structure porte le projet ? Choisissez ci-dessous", "applicant_type"),
    ("Combien d'habitants le projet couvre-t-il ? C'est une condition de TNT-COOP.", "population"),
    ("Quel est le coût total prévu du projet, en euros TTC ?", "budget"),
    ("À quoi correspond 320 000 ? Pour l'instant je garde votre profil", "profile"),
    ("Voici les appels qui vous correspondent. Voulez-vous prendre rendez-vous ?", "yes_no"),
    ("Très bien. Puis-je vous aider sur autre chose ?", "more_help"),
    ("Voici les prochains créneaux libres de 15 minutes (heure de Paris) : choisissez-en un, ou indiquez-moi un "
     "autre moment.", "booking_slot"),
    ("Faut-il remplacer par 300 000 € ?", "budget"),
    ("C'est noté.", None),
])
def test_what_the_bot_asked_in_its_last_words(bot, asked):
    from orientation.language.answer_act import asked_by_bot
    assert asked_by_bot(bot) == asked


def test_answers_against_what_was_asked():
    assert acts("100k ?", asked="budget") == ["answer"]  # unsure, still an answer
    for other_case in ("Et un département ?", "et pour une commune ?", "mais un syndicat mixte ?", "sinon une CC ?"):
        assert "answer" not in acts(other_case, asked="applicant_type"), other_case  # another case than theirs
    assert acts("c'est quoi un EPCI ?", asked="applicant_type") == ["question"]
    assert acts("merci", asked="booking_email") == ["thanks_goodbye"]
    assert acts("plutôt mardi matin", intent="ask_other_slot", confidence=0.9, asked="booking_slot") == ["answer"]
    assert acts("je dois annuler le rdv DN-AB12CD", asked="booking_slot") == ["manage_booking"]
    assert acts("une commune de 3000 habitants", asked="profile") == ["answer"]


@pytest.mark.parametrize("text, expected", [
    # a body or a figure inside the question is the question's
    ("une commune de 5 000 habitants peut candidater ?", {"question"}),
    ("une commune de 5000 hab est eligible a ITN5", {"question"}),
    ("1 commune de 2000 hab elle peut postuler", {"question"}),
    ("les communes de moins de 3500 hab sont concernees", {"question"}),
    ("une communauté de communes de 20 000 habitants, c'est éligible ?", {"question"}),
    ("une cc de 20000 hab ca passe", {"question"}),
    ("une mairie peut elle faire une demande", {"question"}),
    ("les hopitaux sont ils concernes", {"question"}),
    ("quid d'une commune de 2000 habitants", {"question"}),
    ("je me demandais si une commune de 800 habitants pouvait candidater", {"question"}),
    ("jme demandais si un departement pouvait postuler", {"question"}),
    ("pour 300k on a droit à combien ?", {"question"}),
    ("pr 300k on a droit a cb", {"question"}),
    ("avec un budget de 150 000 €, quels appels sont ouverts ?", {"question"}),
    ("un budget de 40 000 € c'est suffisant pour ITN5", {"question"}),
    ("40k c'est assez", {"question"}),
    ("un projet a 500k ca rentre", {"question"}),
    ("une comcom de 15000 hab peut monter un dossier", {"question"}),
    ("montant max pour une commune de 2000 habitants", {"question"}),
    ("une commune de 5000 hab qui veut faire un site internet, y a des aides", {"question"}),
    ("bonjour, un département peut-il candidater à ITN5 ?", {"greet", "question"}),
    ("Bonjour, pour 300 000 €, on a droit à combien ?", {"greet", "question"}),
    ("bjr 1 commune de 2000 hab eligible ITN5", {"greet", "question"}),
    ("bonsoir un epci de 40000 hab peut il postuler", {"greet", "question"}),
    # said of oneself, the same facts describe
    ("on est une commune de 5 000 hab, on peut candidater ?", {"describe", "question"}),
    ("ma commune fait 2000 habitants, elle peut candidater ?", {"describe", "question"}),
    ("notre projet coûte 300k, combien on peut avoir", {"describe", "question"}),
    ("on a 300k de budget, on a droit à combien ?", {"describe", "question"}),
    ("on est une petite mairie de 800 hab on a droit a quoi", {"describe", "question"}),
    ("Commune de 5000 habitants. Quels appels ?", {"describe", "question"}),
    ("bjr jsuis dans une comcom de 20000 hab on peut postuler ?", {"greet", "describe", "question"}),
])
def test_a_fact_inside_a_question_is_the_questions_unless_said_of_oneself(text, expected):
    found = acts(text)
    assert set(found) == expected, found
    assert may_write(found) == ("describe" in expected)


@pytest.mark.parametrize("text, asked, expected", [
    ("on est une commune de 3000 habitants", "budget", ["describe"]),
    ("le projet coûte 200k", "applicant_type", ["describe"]),
    ("une commune de 5000 habitants", "applicant_type", ["answer"]),
    ("on a prévu 300k", "budget", ["answer"]),
    ("jsp", "budget", ["answer"]),
    ("Marie Martin, merci", "booking_name", ["answer"]),
    ("300k merci", "budget", ["answer"]),
    ("une commune, merci bien", "applicant_type", ["answer"]),
    ("mardi 14h", "booking_slot", ["answer"]),
    ("jeudi 10h c'est possible ?", "booking_slot", ["answer"]),
    ("plutot vendredi aprem", "booking_slot", ["answer"]),
])
def test_an_answer_gives_the_value_asked_for_anything_else_describes(text, asked, expected):
    assert acts(text, asked=asked) == expected


@pytest.mark.parametrize("text", ["oui", "ok", "d'accord", "oui merci", "oui c'est bon", "ouiii", "dac"])
def test_a_yes_to_the_bots_yes_no_question_is_an_answer(text):
    assert acts(text, asked="yes_no") == ["answer"]


@pytest.mark.parametrize("text", ["parfait", "ok super", "top", "génial !"])
def test_appreciation_takes_note_of_the_offer_without_taking_it_up(text):
    assert acts(text, asked="yes_no") == ["thanks_goodbye"]
    if text in ("parfait", "ok super"):
        assert acts(text, asked="confirm") == ["answer"]  # the booking's confirmation: a yes


@pytest.mark.parametrize("text, expected", [
    ("ok", ["thanks_goodbye"]), ("d'accord", ["thanks_goodbye"]), ("parfait !", ["thanks_goodbye"]),
    ("top", ["thanks_goodbye"]),
    ("ok merci", ["thanks_goodbye"]), ("blabla", ["other"]), ("test", ["other"]), ("???", ["other"]),
    ("azerty", ["other"]), ("...", ["other"]), ("qsdfghjk", ["other"]),
])
def test_unasked_yes_words_and_noise_never_write(text, expected):
    found = acts(text, intent="ask_call_info" if "?" in text else None, confidence=0.9)
    assert found == expected and not may_write(found), found


@pytest.mark.parametrize("text", [
    "ok merci, bonne journée ?", "merci beaucoup, bonne journée ?", "merci, c'est tout pour moi",
    "merci c tout pr moi", "top merci a bientot ?", "merci bcp pour les infos, bonne soirée ?",
])
def test_thanks_with_a_question_mark_ask_nothing(text):
    assert acts(text) == ["thanks_goodbye"]


@pytest.mark.parametrize("text", [
    "je vais en parler à mon DGS", "je reviens vers vous", "je réfléchis", "on verra plus tard",
    "je dois y aller", "jdois y aller", "je vais voir ça avec mon maire et je reviens",
    "je vais en discuter avec le DGS", "je vais consulter mes élus", "je verrai avec ma hiérarchie",
    "bon je vous laisse",
])
def test_leaving_is_neither_a_question_nor_a_yes(text):
    for intent in (None, "goodbye", "affirm", "ask_call_info"):
        found = acts(text, intent=intent, confidence=0.9)
        assert found == ["leave"] and not may_write(found), (intent, found)


@pytest.mark.parametrize("text", ["je vais voir avec le maire si c'est possible", "je vais en parler au DGS et on verra"])
def test_leaving_with_question_words_inside_is_still_leaving(text):
    assert acts(text) == ["leave"]


@pytest.mark.parametrize("text", ["hein ?", "euh", "lol", "blabla ?"])
def test_noise_with_a_question_mark_is_other(text):
    assert acts(text, intent="ask_call_info", confidence=0.95) == ["other"]


@pytest.mark.parametrize("text", ["je peux revenir vers vous plus tard ?", "laissez-moi y réfléchir",
                                  "il faut que je consulte le maire", "on reprendra plus tard"])
def test_leaving_asked_as_a_question(text):
    assert acts(text, intent="ask_call_info", confidence=0.9) == ["leave"]


def test_an_out_of_scope_question_is_other_unless_it_names_a_call_or_a_profile():
    assert acts("il fait beau chez vous ?", intent="out_of_scope", confidence=0.9) == ["other"]
    assert "question" in acts("c quoi le taux pr snap4", intent="out_of_scope", confidence=0.9)


@pytest.mark.parametrize("text", [
    "une plateforme qui montre le taux de remplissage des parkings en temps reel",
    "on voudrait une carte interactive des points de depot du verre et des decheteries",
    "un outil pour suivre en temps reel le taux d occupation des salles municipales et des gymnases",
])
def test_a_description_holding_a_word_about_calls_asks_nothing(text):
    """« taux », « dépôt », « montant » ask about a call in a few words (« taux EPCI »), not in a
    sentence describing the project."""
    assert "question" not in acts(text, intent="inform", confidence=0.99)


@pytest.mark.parametrize("text", ["taux EPCI", "montant max pour une commune"])
def test_a_few_words_about_a_call_are_a_question(text):
    assert "question" in acts(text, intent="inform", confidence=0.99)
