"""Answers to the bot's own question read as answers, and the acts around them (leaving, thanks,
keys hit at random, managing a booking, corrections), through the path the Rasa server takes: the
NLU's acts (orientation/language/acts.py) completed where the conversation is known
(addons/patches/dialogue_acts.py `complete`: what the bot asked, the profile held).

`answer` is the value the bot asked for (or a reply that names no value of one's own, which the form
reads: « jsp », « toute la région »), or a bare figure to a question about a figure; other facts
describe, however short; the value said first and then a question is an answer and a question. Written, texted without accents, and typed in a hurry.
The entities are the pipeline's rule extractors' (the theme model is not run here).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

import pytest
from rasa.shared.core.events import BotUttered

from addons.patches.dialogue_acts import complete
from orientation.language.acts import acts_of
from tests.language.test_dialogue_acts import entities

GREETING = ("Bonjour ! J'aide les porteurs de projets publics à trouver les appels à projets France Relance pour la "
            "transformation numérique qui leur correspondent. Dites-moi qui vous êtes et quel est votre projet, par "
            "exemple : « Je suis la DDT du Rhône, projet de 300 000 € pour ouvrir nos données ».")
CALL_LIST = ("Je connais 21 appels :\n• ITN1 — Démarches en ligne : clôturé\nDemandez-moi le détail de l'un d'eux, "
             "ou décrivez votre projet pour savoir lesquels vous conviennent.")
OFFER = "Souhaitez-vous en parler 15 minutes avec un conseiller de la DINUM ?"
FORM_SLOTS = ("applicant_type", "project_nature", "budget", "population", "departement_count")


class Conversation:
    """What `complete` reads of a tracker: the form's requested slot, the bot's last words, the profile."""

    def __init__(self, asked: Optional[str] = None, said: str = "", held: Optional[Dict[str, Any]] = None):
        self.active_loop_name = "profile_form" if asked in FORM_SLOTS else None
        self.slots = {**(held or {}), "requested_slot": asked if asked in FORM_SLOTS else None}
        self.events = [BotUttered(said)] if said else []

    def get_slot(self, name: str) -> Any:
        return self.slots.get(name)


def read(text: str, asked: Optional[str] = None, said: str = "", held: Optional[Dict[str, Any]] = None,
         intent: Optional[str] = None, confidence: float = 0.0) -> List[str]:
    found = entities(text)
    parse = {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": found,
             "dialogue_acts": acts_of(text, intent, confidence, found), "intent_ranking": []}
    return complete(parse, Conversation(asked, said, held))["dialogue_acts"]


# (what the bot asked, the message, the acts expected)
POPULATION = [
    ("population", "environ 12 000", "answer"),
    ("population", "12k hab", "answer"),
    ("population", "12 000 habitants", "answer"),
    ("population", "env 8500 hab", "answer"),
    ("population", "on couvre 3 communes, 8 500 habitants en tout", "answer"),
    ("population", "3 communes, 8 500 hab au total", "answer"),
    ("population", "nous sommes environ 25 000 habitants", "answer"),
    ("population", "ben on est a peu pres 40000", "answer"),
    ("population", "pas loin de 50 000 habitants", "answer"),
    ("population", "vingt mille", "answer"),
    ("population", "1,2 million d'habitants", "answer"),
    ("population", "12000 habitants merci", "answer"),
    ("population", "toute la région", "answer"),
    ("population", "tout le departement", "answer"),
    ("population", "toute l'agglo", "answer"),
    ("population", "l'ensemble du département du Gard", "answer"),
    ("population", "la CC du Diois", "answer"),
    ("population", "je sais pas trop", "answer"),
    ("population", "jsp", "answer"),
    ("population", "aucune idee", "answer"),
    ("population", "environ 12 000 ?", "answer"),
    ("population", "30 000 habitants environ, pourquoi ?", "answer+question"),
    ("population", "12 000 hab. Ça compte les résidences secondaires ?", "answer+question"),
    ("population", "45000 hab, c suffisant ?", "answer+question"),
    ("population", "une commune de 5 000 hab, ça passe ?", "question"),
    ("population", "pourquoi vous avez besoin de ça ?", "question"),
    ("population", "et si on était 300 000 habitants ?", "hypothesis"),
    ("population", "je vais demander au service et je reviens", "leave"),
    ("departement_count", "2 départements", "answer"),
    ("departement_count", "toute la region", "answer"),
]
BUDGET = [
    ("budget", "300k", "answer"),
    ("budget", "300 000 € TTC", "answer"),
    ("budget", "env 150k HT", "answer"),
    ("budget", "je ne sais pas encore", "answer"),
    ("budget", "jsp encore", "answer"),
    ("budget", "chais pas", "answer"),
    ("budget", "100k ?", "answer"),
    ("budget", "les licences ?", "question"),
    ("budget", "plutôt 200 000 €", "answer"),
    ("budget", "300k c'est assez ?", "answer+question"),
    ("budget", "1,5 M€, c'est trop ?", "answer+question"),
    ("budget", "80k. il faut avancer les fonds ?", "answer+question"),
    ("budget", "on est une commune", "describe"),
    ("budget", "nous sommes 12 000 habitants", "describe"),
    ("budget", "12 000 hab", "answer"),  # a bare figure to a question about a figure
    ("budget", "la commune fait 12 000 habitants", "describe"),
    ("budget", "combien faut-il au minimum ?", "question"),
    ("budget", "et si c'était 200k ?", "hypothesis"),
    ("budget", "merci", "thanks_goodbye"),
    ("budget", "je dois demander à la compta", "leave"),
    ("budget", "faut que je voie avec mon DGS", "leave"),
    ("budget", "je check avec ma cheffe", "leave"),
]
APPLICANT = [
    ("applicant_type", "une commune", "answer"),
    ("applicant_type", "la mairie", "answer"),
    ("applicant_type", "c rodez", "answer"),
    ("applicant_type", "Mairie de Die ?", "answer"),
    ("applicant_type", "une asso ?", "answer"),
    ("applicant_type", "CCAS", "answer"),
    ("applicant_type", "on est la DDT du Rhone", "answer"),
    ("applicant_type", "les associations sont eligibles ?", "question"),
    ("applicant_type", "une commune peut candidater ?", "question"),
    ("applicant_type", "je prefere ne pas repondre", "leave"),
    ("applicant_type", "ptdr", "other"),
    ("applicant_type", "12 000 habitants", "describe"),
]
THEME = [
    ("project_nature", "on veut dematerialiser nos demarches", "answer"),
    ("project_nature", "un portail citoyen", "answer"),
    ("project_nature", "open data", "answer"),
    ("project_nature", "une appli de signalement pour les habitants", "answer"),
    ("project_nature", "une plateforme pour les associations du territoire", "answer"),
    ("project_nature", "150k", "describe"),
    ("project_nature", "nous sommes une commune de 3000 hab", "describe"),
    ("project_nature", "c'est quoi les themes possibles ?", "question"),
]
INVITED = [  # the greeting and the list of calls invite the user to say who they are and what the project is
    (GREETING, "je suis à la mairie de Pau, projet de prise de rendez-vous en ligne", "answer"),
    (GREETING, "on est une comcom, on veut ouvrir nos donnees", "answer"),
    (GREETING, "DDT du Rhone", "answer"),
    (GREETING, "quels appels sont ouverts ?", "question"),
    (CALL_LIST, "nous sommes un département", "answer"),
    (CALL_LIST, "c quoi ITN5 ?", "question"),
    (GREETING, "les délais ?", "question"),
    (GREETING, "azertyuiop", "other"),
    (GREETING, "merci", "thanks_goodbye"),
]
LEAVING = [
    (None, "je dois y aller, je reviendrai", "leave"),
    (None, "je vais partir", "leave"),
    (None, "bon je dois partir", "leave"),
    (None, "on en rediscute en interne et je reviens", "leave"),
    (None, "je reprendrai plus tard", "leave"),
    (None, "bon ben tant pis", "leave"),
    (None, "dommage", "leave"),
    (None, "jreviens plus tard", "leave"),
    (None, "j'ai une réunion, je reviens après", "leave"),
    (None, "on en parle en reunion de service et je vous redis", "leave"),
    ("yes_no", "bon je vais en parler a mon chef", "leave"),
    ("yes_no", "on verra ça en interne", "leave"),
    ("yes_no", "je vais y réfléchir", "leave"),
    ("yes_no", "pas tout de suite, je dois d'abord en parler aux élus", "leave"),
    ("yes_no", "pas pour l'instant", "leave"),
    ("budget", "jvais voir avec la DGS et je reviens vers vous", "leave"),
    ("budget", "je transmets à mon directeur", "leave"),
    ("budget", "je ne veux pas donner le budget", "leave"),
    ("population", "je vais me renseigner de mon cote", "leave"),
    ("population", "je regarde ça et je vous dis", "leave"),
    ("project_nature", "je laisse tomber", "leave"),
    ("project_nature", "je reviens vers vous quand j'en sais plus", "leave"),
    ("applicant_type", "je dois filer", "leave"),
]
THANKS = [
    (None, "merci beaucoup, bonne journée", "thanks_goodbye"),
    ("yes_no", "super merci pour ces infos", "thanks_goodbye"),
    (None, "ok merci c'est clair", "thanks_goodbye"),
    ("more_help", "merci c tout", "thanks_goodbye"),
    (None, "top merci bcp", "thanks_goodbye"),
    ("yes_no", "parfait, merci !", "thanks_goodbye"),
    (None, "merci pour votre aide, au revoir", "thanks_goodbye"),
    (None, "c'est noté merci", "thanks_goodbye"),
    ("more_help", "non merci ça ira", "thanks_goodbye"),
    (None, "ok ça marche merci bonne soirée", "thanks_goodbye"),
    (None, "bonne fin de journée", "thanks_goodbye"),
    ("yes_no", "merci c'est très clair", "thanks_goodbye"),
    (None, "merci pour les explications", "thanks_goodbye"),
    (None, "génial merci beaucoup", "thanks_goodbye"),
    (None, "au revoir et merci", "thanks_goodbye"),
    (None, "mrc bcp", "thanks_goodbye"),
    (None, "ce n'est pas nécessaire, merci", "thanks_goodbye"),
]
NONSENSE = [
    (None, "azertyuiop", "other"),
    (None, "sdfsdf", "other"),
    (None, "kkkkkkk", "other"),
    (None, "hahaha", "other"),
    (None, "ptdr", "other"),
    (None, "xD", "other"),
    (None, "oups mauvaise fenetre", "other"),
    (None, "dsl je me suis trompe de conversation", "other"),
    (None, "qwerty123", "other"),
    ("budget", "fdsfdsfds", "other"),
    ("population", "lkjlkj", "other"),
    ("project_nature", "mauvaise touche", "other"),
]
TABLE = POPULATION + BUDGET + APPLICANT + THEME + LEAVING + THANKS + NONSENSE


@pytest.mark.parametrize("asked, text, expected", TABLE)
def test_the_acts_of_a_reply_to_what_the_bot_asked(asked, text, expected):
    said = OFFER if asked == "yes_no" else ("Avez-vous une autre question ?" if asked == "more_help" else "")
    found = read(text, asked if asked not in ("yes_no", "more_help") else None, said)
    assert set(found) == set(expected.split("+")), (asked, text, found)


@pytest.mark.parametrize("said, text, expected", INVITED)
def test_the_greeting_and_the_list_of_calls_ask_who_speaks_and_the_project(said, text, expected):
    found = read(text, said=said)
    assert set(found) == set(expected.split("+")), (text, found)


# Managing a booking: what names a booking held, and what only looks like it.
@pytest.mark.parametrize("text, intent, confidence, expected", [
    ("pouvez-vous renvoyer l'invitation ?", "get_invitation", 0.86, "manage_booking"),
    ("je ne pourrai pas venir mardi, on peut décaler ?", "ask_other_slot", 0.46, "manage_booking"),
    ("j'pourrai pas etre la jeudi", None, 0.0, "manage_booking"),
    ("j'ai pas reçu le mail de confirmation du rdv", "show_booking", 0.58, "manage_booking"),
    ("je voudrais annuler mon rdv", "cancel_booking", 0.99, "manage_booking"),
    ("annuler DN-4F7K2Q", None, 0.0, "manage_booking"),
    ("je peux changer le thème ?", "move_booking", 0.80, "question"),
    ("ça change quelque chose ?", "move_booking", 0.80, "question"),
    ("on peut décaler le projet à 2022 ?", "ask_side_question", 1.0, "question"),
    ("on peut reporter les dépenses sur 2023 ?", "ask_side_question", 0.88, "question"),
])
def test_managing_a_booking_needs_a_booking(text, intent, confidence, expected):
    assert set(read(text, intent=intent, confidence=confidence)) == set(expected.split("+"))


# Corrections: the strong words correct whatever is held; the hedged ones (« plutôt », « pardon »,
# « ce n'est pas ») only a value already given.
@pytest.mark.parametrize("text, held, expected", [
    ("plutôt 200 000 €", {"budget": 300000.0}, "correct"),
    ("plutot 200k", {}, "describe"),
    ("plutôt orienté données notre projet", {}, "describe"),
    ("plutôt orienté données notre projet", {"project_nature": "demarches_en_ligne"}, "correct"),
    ("ce n'est pas un gros projet, environ 50 000 €", {}, "describe"),
    ("pardon 45 000 habitants pas 4 500", {"population": 4500.0}, "correct"),
    ("non c'est 90 000", {"budget": 80000.0}, "correct"),
    ("en fait le budget c'est 300 000 €", {}, "correct"),
    ("en fait on est 45 000, ca passe ?", {"population": 40000.0}, "correct+question"),
    ("c'est plutôt pour les communes ou les EPCI ?", {"applicant_type": "commune"}, "question"),
    ("ce n'est pas clair, c'est quoi un EPCI ?", {"applicant_type": "commune"}, "question"),
    ("pardon je n'ai pas compris", {"budget": 300000.0}, "other"),
    ("non c'est pas le bon montant", {"budget": 300000.0}, "correct"),  # what to correct, then, is asked
    ("finalement je veux bien un rdv", {"budget": 300000.0}, "book"),
])
def test_a_hedged_correction_corrects_only_what_is_held(text, held, expected):
    assert set(read(text, held=held)) == set(expected.split("+")), text


def test_the_table_is_large_and_a_third_of_it_texted():
    texted = [text for _, text, _ in TABLE if text == text.encode("ascii", "ignore").decode() or "jsp" in text]
    assert len(TABLE) + len(INVITED) >= 120
    assert 3 * len(texted) >= len(TABLE)


# A bare figure outside a form: the figure the bot asked for, or the only one the user said not to know.
@pytest.mark.parametrize("text, said, held, entity", [
    ("150 000", OFFER, {"unknown_fields": ["budget"]}, ("budget", 150000.0)),
    ("environ 12 000", OFFER, {"unknown_fields": ["population"]}, ("population", 12000.0)),
    ("150000", "Pour préciser ces résultats, indiquez-moi le coût total du projet.", {}, ("budget", 150000.0)),
    ("150 000", OFFER, {}, None),  # nothing lacking: whose figure would it be?
    ("150 000", OFFER, {"unknown_fields": ["budget", "population"]}, None),
    ("12", OFFER, {"unknown_fields": ["budget"]}, None),  # no budget of 12 €
])
def test_a_bare_figure_is_the_figure_the_bot_lacks(text, said, held, entity):
    found = entities(text)
    parse = {"text": text, "intent": {"name": "inform", "confidence": 0.9}, "entities": found,
             "dialogue_acts": acts_of(text, "inform", 0.9, found), "intent_ranking": []}
    done = complete(parse, Conversation(None, said, held))
    figures = [(e["entity"], e["value"]) for e in done["entities"] if e["entity"] in ("budget", "population")]
    assert figures == ([entity] if entity else [])
    if entity:
        assert set(done["dialogue_acts"]) & {"describe", "answer"}
