"""Answers to « Quelle structure porte le projet ? » that name no kind of body by its word: a place
named bare is its collectivité (actions/type_answers.py); « l'État » alone is asked again, as one
of its two kinds (actions/profile_form.py)."""
import asyncio

import pytest

from actions.profile_form import ActionAskApplicantType, ValidateProfileForm
from actions.profile_slots import ValidateProfileSlots
from orientation import entities as nlu
from orientation.language.normalise import normalise, with_capitals
from orientation.replies.applicant_types import FAMILIES, asks_the_types, family_named
from tests.actions.conftest import make_tracker, texts

QUESTION = {"event": "bot", "text": "Quelle structure porte le projet ? Choisissez ci-dessous ou écrivez-le."}


def _read(text):
    """The entities the NLU gives (addons/components/entity_extractors.py)."""
    read = with_capitals(normalise(text), text)
    return [e for e in nlu.lexicon_entities(read) + nlu.territory_entities(read) if e["entity"] != "project_nature"]


def _validated(dispatcher, text, asked=QUESTION):
    found = _read(text)
    places = [e["value"] for e in found if e["entity"] == "territory"]
    events = [asked, {"event": "user", "text": text}]
    if places:
        events.append({"event": "slot", "name": "territory", "value": places})
    events += [{"event": "slot", "name": "applicant_type", "value": e["value"]} for e in found
               if e["entity"] == "applicant_type" and not e.get("role")]
    tracker = make_tracker({"requested_slot": "applicant_type" if asked is QUESTION else "budget"}, text=text,
                           entities=found, events=events)
    extracted = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    return {**extracted, **{e["name"]: e["value"] for e in asyncio.run(ValidateProfileSlots().run(dispatcher, tracker, {}))}}


@pytest.mark.parametrize("text, applicant", [
    ("le 59", "departement"), ("c le 59", "departement"), ("Saint-Pierre-et-Miquelon", "collectivite_outre_mer"),
    ("polynesie", "collectivite_outre_mer"), ("Wallis et Futuna", "collectivite_outre_mer"),
    ("Bordeaux Métropole", "epci"), ("c rodez", "commune"), ("Tarbes", "commune"), ("la Drôme", "departement"),
    ("Occitanie", "region"), ("bretagne", "region"), ("Cantal", "departement"), ("c le cantal", "departement"),
    ("c la Réunion", "departement"), ("Grand Est", "region"),
    # Martinique and Guyane: one collectivité of particular status in place of région and département
    ("Martinique", "collectivite_outre_mer"), ("la martinique", "collectivite_outre_mer"),
    ("c la guyane", "collectivite_outre_mer"), ("Guadeloupe", "departement"),
])
def test_a_place_named_bare_to_the_type_question_is_its_collectivite(dispatcher, text, applicant):
    assert _validated(dispatcher, text).get("applicant_type") == applicant


@pytest.mark.parametrize("text", ["dans le 59", "on est en Polynésie", "ds la drome"])
def test_a_place_said_as_where_gives_no_type(dispatcher, text):
    assert _validated(dispatcher, text).get("applicant_type") is None


@pytest.mark.parametrize("text", ["le 59", "Occitanie", "c rodez"])
def test_a_place_named_to_another_question_gives_no_type(dispatcher, text):
    asked = {"event": "bot", "text": "Quel est le coût total prévu du projet, en euros TTC ?"}
    assert _validated(dispatcher, text, asked).get("applicant_type") is None


@pytest.mark.parametrize("text", ["somme", "on veut", "bonjour"])
def test_a_common_word_is_no_area(dispatcher, text):
    assert _validated(dispatcher, text).get("applicant_type") is None


@pytest.mark.parametrize("text, kinds", [
    ("etat", 2), ("État", 2), ("c l'etat", 2), ("on est l'État", 2), ("agent de l'etat", 2), ("fonction publique d'état", 2),
    ("l etat", 2), ("une collectivité", 6), ("collectivite territoriale", 6), ("on est une collectivite locale", 6),
    ("c une collectivité", 6), ("un établissement public", 3), ("etablissement public", 3),
])
def test_a_family_of_kinds_alone_is_asked_as_one_of_its_kinds(dispatcher, text, kinds):
    family = family_named(text)
    assert family in FAMILIES and len(family.types) == kinds
    tracker = make_tracker({"requested_slot": "applicant_type"}, text=text, events=[QUESTION, {"event": "user", "text": text}])
    assert asyncio.run(ValidateProfileForm().extract_applicant_type(dispatcher, tracker, {})) == {"applicant_type": None}
    assert dispatcher.messages == []  # not « je n'ai pas reconnu »: it was understood
    asyncio.run(ActionAskApplicantType().run(dispatcher, tracker, {}))
    assert texts(dispatcher) == family.question
    payloads = [b["payload"] for b in dispatcher.messages[-1]["buttons"]]
    assert payloads == [f'/inform{{"applicant_type": "{value}"}}' for _, value in family.types] + ["Autre / je ne sais pas"]


@pytest.mark.parametrize("text", ["état civil", "etat en region", "c'est l'état qui paye ?", "service de l'etat en region",
                                  "collectivité de Saint-Martin", "collectivite d'outre mer", "etablissement public de sante",
                                  "établissement public de l'État", "etablissement public local"])
def test_a_family_with_more_words_is_read_as_said(text):
    assert family_named(text) is None or _read(text)


@pytest.mark.parametrize("text", ["je sais pas", "jsp", "ché pas", "chai pas", "pas sûr", "autre", "aucune idée",
                                  "c quoi les choix", "quels sont les types", "c quoi la difference", "pas dans la liste",
                                  "rien de tout ca", "dans quelle case je suis", "je comprends pas la question"])
def test_not_knowing_or_asking_the_kinds_asks_for_the_list(text):
    assert asks_the_types(text)


@pytest.mark.parametrize("text", ["une mairie", "on est un syndicat", "hopital", "etat", "c le departement", "euh"])
def test_an_answer_or_a_hesitation_alone_does_not(text):
    assert not asks_the_types(text)
