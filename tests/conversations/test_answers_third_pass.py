"""Every question answered, wherever it is asked, end to end through the rest channel: while the
profile form or the booking form waits for a value (answered, then the value asked again), a
question the NLU could not place (the honest sentence, kept for the advisor), hesitation never taken
for a yes, thanks inside the form never taken for its answer, a message not understood never answered
with the recommendation nor a theme; a name given when a slot awaits its « oui » confirms it; the
advisor's summary marks the questions left unanswered; the action server refuses a forged request in
French. Several wordings of each, SMS style without accents included; the replies are classified as
the conversation report does (devtools/reply_checks.py)."""
import datetime as dt
import json

import pytest

from actions.tracker import PROFILE_SLOTS
from devtools.reply_checks import UNANSWERED, reply_kind
from devtools.stack import ACTION_SERVER_TOKEN
from orientation.booking.store import BookingStore
from orientation.replies.side_questions import OPEN_QUESTION_MARK
from tests.conversations.context_helpers import REFERENCE, book, offered, slots_of
from tests.conversations.test_security_doors import _request

WALL = "Votre profil :"
BUDGET_QUESTION = "Quel est le coût total prévu du projet"
NAME_QUESTION = "Quels sont vos prénom et nom ?"
# A commune, its population from its name: the form then asks the theme, then the budget.
COMMUNE = "Bonjour, je suis à la mairie de Pau, projet de prise de rendez-vous en ligne pour les usagers"


def profile(database_url, sender) -> dict:
    """The profile slots that hold a value."""
    return {k: v for k, v in slots_of(database_url, sender).items() if k in PROFILE_SLOTS and v is not None}


def texts(chat) -> list:
    return [r.get("text") or "" for r in chat.replies]


def at_budget_question(chat) -> None:
    assert BUDGET_QUESTION in chat.say(COMMUNE)


# --- a question while the profile form waits --------------------------------------------------------

@pytest.mark.parametrize("question", [
    "c quoi le taux de FEDER-NUM ?",
    "les licences logicielles c'est finance ?",
    "ya des aides pour acheter des pc portables ?",
    "Est-ce que le temps passé par nos agents peut être pris en charge ?",
    "c cumulable avec la dsil ?",
    "on depose ou le dossier ?",
])
def test_a_question_while_the_form_waits_is_answered_then_the_value_asked_again(chat, database_url, question):
    at_budget_question(chat)
    chat.say(question)
    said = texts(chat)
    assert reply_kind(said) not in UNANSWERED, (question, said)
    assert BUDGET_QUESTION in said[-1], "the form's question comes again, last"
    assert WALL not in "\n".join(said)
    assert slots_of(database_url, chat.sender).get("budget") is None  # the question wrote nothing
    assert "300" in chat.say("300 000 €") or WALL in chat.say("récapitulez")
    assert slots_of(database_url, chat.sender)["budget"] == 300000


QUESTION_BUTTONS = ['/list_calls', '/ask_call_info{"call_code": "FEDER-NUM"}', '/ask_funding',
                    '/ask_why_not{"call_code": "ITN1"}', '/compare_calls{"call_code": "FEDER-NUM"}',
                    '/ask_plain_explanation', '/ask_can_apply{"call_code": "FEDER-NUM"}']


@pytest.mark.parametrize("payload", QUESTION_BUTTONS)
def test_every_question_intent_in_the_profile_form_is_answered_then_the_value_asked(chat, payload):
    at_budget_question(chat)
    chat.say(payload)
    said = texts(chat)
    assert reply_kind(said) not in UNANSWERED, (payload, said)
    assert "coût total du projet" in said[-1] or BUDGET_QUESTION in said[-1], said


@pytest.mark.parametrize("payload", QUESTION_BUTTONS)
def test_every_question_intent_in_the_booking_form_is_answered_then_the_name_asked(chat, payload):
    chat.say(COMMUNE)
    chat.say("300 000 €")
    chat.say("je voudrais prendre rendez-vous avec un conseiller")
    chat.say(f'/inform{{"booking_slot": "{offered(chat)[0].isoformat()}"}}')
    chat.say(payload)
    said = texts(chat)
    assert reply_kind(said) not in UNANSWERED, (payload, said)
    assert NAME_QUESTION in said[-1], said


@pytest.mark.parametrize("text", [
    "Bonjour, nous sommes une commune de 5 000 habitants, on peut candidater ?",
    "bjr commune de 5000 hab, on a le droit de deposer ?",
    "Je suis à la mairie de Pau : quels appels pour nous ?",
])
def test_a_question_beside_facts_is_promised_with_what_is_still_needed(chat, database_url, text):
    chat.say(text)
    said = texts(chat)
    assert reply_kind(said) not in UNANSWERED, said
    assert profile(database_url, chat.sender)["applicant_type"] == "commune"  # the facts are kept
    if not any(t.startswith("De quel appel parlez-vous") for t in said):  # or DIET read « which call? »
        assert any(t.startswith("Je vous réponds dès que je connais") for t in said), said


# --- thanks, hesitation, messages not understood ------------------------------------------------------

@pytest.mark.parametrize("thanks", ["merci", "Merci beaucoup !", "ok merci bye", "merci bonne journee"])
def test_thanks_inside_the_form_is_not_its_answer_and_the_form_resumes(chat, database_url, thanks):
    at_budget_question(chat)
    before = profile(database_url, chat.sender)
    answer = chat.say(thanks)
    assert len(answer) < 400 and WALL not in answer and "chiffre" not in answer
    assert profile(database_url, chat.sender) == before  # no value written
    if "bye" in thanks or "journee" in thanks:
        assert "Au revoir" in answer
    else:
        assert answer.startswith("Avec plaisir !") and BUDGET_QUESTION in answer
    chat.say("le projet coute 250 000 euros")
    assert slots_of(database_url, chat.sender)["budget"] == 250000


@pytest.mark.parametrize("hesitation", ["hmm", "bof", "mouais", "euh...", "hmmm ok", "ouais bof"])
def test_hesitation_after_the_recommendation_starts_no_booking(chat, hesitation):
    chat.say(COMMUNE)
    assert WALL in chat.say("300 000 €")
    answer = chat.say(hesitation)
    assert "créneaux" not in answer and not offered(chat), hesitation
    assert WALL not in answer


@pytest.mark.parametrize("hesitation", ["hmm", "bof", "mouais"])
def test_hesitation_after_a_hypothesis_keeps_the_profile(chat, database_url, hesitation):
    chat.say(COMMUNE)
    chat.say("300 000 €")
    chat.say("et si le budget etait de 600 000 € ?")
    chat.say(hesitation)
    assert slots_of(database_url, chat.sender)["budget"] == 300000


@pytest.mark.parametrize("text", ["je corrige", "en fait non attendez", "petite correction svp", "non c pas ca"])
def test_a_correction_that_changes_nothing_never_goes_unanswered(chat, text):
    chat.say(COMMUNE)
    assert WALL in chat.say("300 000 €")
    answer = chat.say(text)
    assert answer.strip() and WALL not in answer


@pytest.mark.parametrize("nonsense", ["blabla truc", "asdfgh", "zzz bof", "qsdkjqsd lmk"])
def test_a_message_not_understood_gets_the_short_prompt_and_writes_no_theme(chat, database_url, nonsense):
    chat.say("Bonjour, je suis à la mairie de Pau")
    answer = chat.say(nonsense)
    assert WALL not in answer and len(answer) < 600
    assert slots_of(database_url, chat.sender).get("project_nature") is None


# --- the booking form --------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "au fait c quoi le taux de FEDER-NUM ?",
    "on peut cumuler avec la DSIL ?",
    "Les dépenses de formation sont-elles éligibles ?",
])
def test_a_question_during_the_booking_is_answered_then_the_name_asked_again(chat, question):
    chat.say(COMMUNE)
    chat.say("300 000 €")
    chat.say("je voudrais prendre rendez-vous avec un conseiller")
    assert NAME_QUESTION in chat.say(f'/inform{{"booking_slot": "{offered(chat)[0].isoformat()}"}}')
    chat.say(question)
    said = texts(chat)
    assert reply_kind(said) not in UNANSWERED, (question, said)
    assert "après la réservation" not in " ".join(said)
    assert NAME_QUESTION in said[-1]


@pytest.mark.parametrize("contact, email", [("Claire Martin", "claire.martin@pau.fr"),
                                            ("claire martin, mairie de pau", "c.martin@pau.fr")])
def test_a_name_given_when_the_slot_awaits_its_yes_confirms_it(chat, database_url, contact, email):
    chat.say(COMMUNE)
    chat.say("300 000 €")
    chat.say("je voudrais prendre rendez-vous avec un conseiller")
    wanted = offered(chat)[0]
    asked = chat.say(f"le {wanted.day}/{wanted.month} à {wanted.hour}h{wanted.minute:02d}")
    assert "Le confirmez-vous ?" in asked
    answer = chat.say(contact)
    assert "Je retiens le créneau" in answer and "Je n'ai pas compris le moment" not in answer
    if "mairie" not in contact:
        assert "organisation" in answer
        chat.say("Mairie de Pau")
    chat.say(email)
    confirmation = chat.say("/affirm")
    booking = BookingStore(database_url).find(REFERENCE.search(confirmation).group(0), email)
    assert booking.start == wanted and booking.name.lower() == "claire martin"


@pytest.mark.parametrize("contact", ["Julie Bernard", "julie bernard, mairie de pau"])
def test_a_name_given_before_any_slot_is_kept_and_the_slot_asked(chat, database_url, contact):
    chat.say(COMMUNE)
    chat.say("je voudrais prendre rendez-vous avec un conseiller")
    answer = chat.say(contact)
    assert "Je note vos coordonnées" in answer and offered(chat), answer
    assert "prénom et nom" not in chat.say(f'/inform{{"booking_slot": "{offered(chat)[0].isoformat()}"}}')


@pytest.mark.parametrize("said", ["oui", "ok"])
def test_no_address_where_the_address_is_asked_gets_its_own_sentence(chat, said):
    chat.say(COMMUNE)
    chat.say("je voudrais prendre rendez-vous avec un conseiller")
    chat.say(f'/inform{{"booking_slot": "{offered(chat)[0].isoformat()}"}}')
    chat.say("Paul Petit")
    assert "adresse électronique" in chat.say("Mairie de Pau")
    first = chat.say(said)
    assert "Il me faut votre adresse électronique" in first
    again = chat.say(said)
    assert again != first and "adresse électronique" in again  # never the same reply twice
    assert "ne semble pas valide" in chat.say("paul.petit@")


@pytest.mark.parametrize("hesitation", ["bof", "hmm"])
def test_hesitation_is_no_consent(chat, database_url, hesitation):
    chat.say(COMMUNE)
    chat.say("je voudrais prendre rendez-vous avec un conseiller")
    chat.say(f'/inform{{"booking_slot": "{offered(chat)[0].isoformat()}"}}')
    chat.say("Paul Durand")
    chat.say("Mairie de Pau")
    assert "Données personnelles" in chat.say(f"paul.durand.{hesitation}@pau.fr")
    answer = chat.say(hesitation)
    assert not REFERENCE.search(answer)
    assert BookingStore(database_url).bookings_of(f"paul.durand.{hesitation}@pau.fr") == []


def test_a_question_left_unanswered_reaches_the_advisor_with_the_body_asked_about(chat, database_url):
    chat.say(COMMUNE)
    chat.say("300 000 €")
    question = "est-ce qu'un hopital peut etre partenaire du projet avec la CNIL ?"
    chat.say(question)
    assert reply_kind(texts(chat)) == "honest"
    booking = book(chat, database_url, "claire.durand@pau.fr")
    assert f"{question}{OPEN_QUESTION_MARK}" in booking.summary
    assert "Profil : une commune" in booking.summary


# --- a forged request to the action server ------------------------------------------------------------

def _call(slots) -> bytes:
    tracker = {"sender_id": "forged", "slots": slots, "latest_message": {"text": "", "intent": {}, "entities": []},
               "events": [], "paused": False, "followup_action": None, "active_loop": {},
               "latest_action_name": None, "latest_event_time": None}
    return json.dumps({"next_action": "action_book_appointment", "sender_id": "forged", "tracker": tracker,
                       "domain": {}, "version": "3.6.21"}).encode()


@pytest.mark.parametrize("slots, said", [
    ({"population": "beaucoup", "questions_asked": "une phrase"}, "« population » : un nombre est attendu"),
    ({"applicant_type": "pirate", "budget_parts": "tout"}, "« applicant_type » : type de structure inconnu"),
])
def test_a_forged_request_runs_no_action_and_says_why_in_french(servers, slots, said):
    status, answer = _request(servers["actions"], "/webhook", _call({**slots, "booking_name": "Jean Faux"}),
                              {"Content-Type": "application/json", "Authorization": f"Bearer {ACTION_SERVER_TOKEN}"})
    assert status == 200 and answer["events"] == []
    assert said in answer["responses"][0]["text"] and answer["responses"][0]["text"].startswith("Désolé")
    assert "Jean Faux" not in json.dumps(answer)  # the request is not echoed


def test_a_forged_booking_with_an_invalid_address_is_refused_in_french(servers, database_url):
    start = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=7)).replace(hour=9, minute=0, second=0, microsecond=0)
    forged = _call({"booking_slot": start.isoformat(), "booking_name": "Jean Faux", "booking_organisation": "Mairie",
                    "booking_email": "pas-une-adresse", "booking_consent": True})
    status, answer = _request(servers["actions"], "/webhook", forged,
                              {"Content-Type": "application/json", "Authorization": f"Bearer {ACTION_SERVER_TOKEN}"})
    said = " ".join(r.get("text") or "" for r in answer["responses"])
    assert status == 200 and said and "référence" not in said
    assert BookingStore(database_url).bookings_of("pas-une-adresse") == []


@pytest.mark.parametrize("body", [b"{pas du json", json.dumps({"next_action": "action_recommend"}).encode()])
def test_a_malformed_request_gets_a_french_refusal_never_a_500(servers, body):
    status, answer = _request(servers["actions"], "/webhook", body,
                              {"Content-Type": "application/json", "Authorization": f"Bearer {ACTION_SERVER_TOKEN}"})
    assert status == 400 and answer["erreur"].startswith("Requête mal formée")
