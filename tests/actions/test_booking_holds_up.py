"""On tracker fixtures: a way out of every form question, and booking answers checked against what
is asked (actions/booking_form.py, actions/forms.py)."""
import asyncio
import datetime as dt

import pytest

from actions import booking_services
from actions.booking import advisor_summary
from actions.booking_form import ValidateBookingForm
from actions.booking_manage import ValidateManageBookingForm
from actions.booking_questions import ActionAskBookingSlot
from actions.profile_form import ValidateProfileForm
from orientation.booking.slots import PARIS
from orientation.booking.store import BookingStore
from orientation.replies.booking import contact_note
from tests.actions.conftest import make_tracker, texts
from tests.french import nb

# Monday 11 October 2021, 08:00 in Paris: « jeudi » is Thursday 14 October.
NOW = dt.datetime(2021, 10, 11, 6, 0, tzinfo=dt.timezone.utc)
THURSDAY_10 = dt.datetime(2021, 10, 14, 10, 0, tzinfo=PARIS)
BOOKING_DOMAIN = {"forms": {"booking_form": {"required_slots": [
    "booking_slot", "booking_name", "booking_organisation", "booking_email", "booking_consent"]},
    "manage_booking_form": {"required_slots": ["booking_reference", "booking_email"]}}, "slots": {}}
EVERY_BOOKING_SLOT = ("booking_slot", "booking_wish", "booking_name", "booking_organisation", "booking_consent",
                      "booking_contact", "booking_operation", "booking_email")


@pytest.fixture
def bookings(tmp_path, monkeypatch):
    store = BookingStore(f"sqlite:///{tmp_path / 'bookings.db'}", clock=lambda: NOW)
    monkeypatch.setattr(booking_services, "store", lambda: store)
    monkeypatch.setattr(booking_services, "now", lambda: NOW)
    yield store
    store.close()


def run(action, dispatcher, slots, text, intent="inform", loop="booking_form"):
    """The validation after `text`; the slots the mappings filled from it (name, organisation typed)
    are the ones to validate."""
    asked = slots.get("requested_slot")
    filled = [{"event": "slot", "name": asked, "value": text}] if asked and slots.get(asked) == text else []
    tracker = make_tracker(slots, text=text, intent=intent, events=[{"event": "user", "text": text}] + filled,
                           active_loop=loop)
    events = asyncio.run(action.run(dispatcher, tracker, BOOKING_DOMAIN))
    return {e["name"]: e.get("value") for e in events if e["event"] == "slot"}, events


def book(store, start, who="autre"):
    """Someone else's booking (an address of its own: one upcoming booking per address)."""
    email = f"{who}.{start:%d%H%M}@rhone.gouv.fr"
    store.book(start, "Autre Personne", "DDT du Rhône", email, "résumé", {}, consent_at=NOW)


# --- a way out -----------------------------------------------------------------------------

@pytest.mark.parametrize("asked, text, intent", [
    ("booking_slot", "non laissez tomber", "deny"),
    ("booking_name", "au revoir", "goodbye"),
    ("booking_organisation", "j'annule", "cancel_booking"),
    ("booking_email", "plus tard", "inform"),
    ("booking_consent", "stop", "inform"),
    ("booking_name", "non", "deny"),
])
def test_every_booking_question_has_a_way_out(bookings, dispatcher, asked, text, intent):
    slots = {"requested_slot": asked, "booking_slot": THURSDAY_10.isoformat(), "booking_name": "Marie Dupont",
             "booking_organisation": "DDT du Rhône", "booking_email": "marie@rhone.gouv.fr"}
    slots.update({asked: None})
    if asked == "booking_name":
        slots["booking_name"] = text  # the from_text mapping already took it
    result, events = run(ValidateBookingForm(), dispatcher, slots, text, intent)
    assert all(result[name] is None for name in EVERY_BOOKING_SLOT)
    assert result["requested_slot"] is None
    assert [e["name"] for e in events if e["event"] == "followup"] == ["action_listen"]
    assert "D'accord, je n'enregistre rien :" in texts(dispatcher)  # « sans votre accord » only for a « non »
    assert ("Au revoir" in texts(dispatcher)) == (intent == "goodbye")
    assert bookings.bookings_of("marie@rhone.gouv.fr") == []


def test_refusing_the_consent_stores_nothing_and_says_why(bookings, dispatcher):
    result, _ = run(ValidateBookingForm(), dispatcher, {"requested_slot": "booking_consent"}, "/deny", "deny")
    assert result["requested_slot"] is None and result["booking_email"] is None
    assert "je n'enregistre rien sans votre accord" in texts(dispatcher)


@pytest.mark.parametrize("name, intent", [("Jean Stop", "inform"), ("Inès Moreau", "goodbye")])
def test_a_name_is_not_a_way_out_whatever_the_nlu_says(bookings, dispatcher, name, intent):
    result, _ = run(ValidateBookingForm(), dispatcher, {"requested_slot": "booking_name", "booking_name": name},
                    name, intent)
    assert result == {"booking_name": name}


def test_no_to_a_precise_slot_shows_the_other_slots_of_that_half_day(bookings, dispatcher):
    wish = {"day": "2021-10-14", "at": "10:00"}
    result, events = run(ValidateBookingForm(), dispatcher, {"requested_slot": "booking_slot",
                                                             "booking_wish": wish}, "non", "deny")
    assert result == {"booking_wish": {"day": "2021-10-14", "part": "matin"}}
    assert not any(e["event"] == "followup" for e in events)


def test_leaving_a_move_keeps_the_booking(bookings, dispatcher):
    result, _ = run(ValidateBookingForm(), dispatcher, {"requested_slot": "booking_slot",
                                                        "booking_operation": "move",
                                                        "booking_reference": "DN-7K3P9Q",
                                                        "booking_email": "marie@rhone.gouv.fr"},
                    "laissez tomber")
    assert "booking_reference" not in result and "booking_email" not in result
    assert result["booking_operation"] is None
    assert "je ne change rien : votre rendez-vous DN-7K3P9Q reste à la date prévue" in texts(dispatcher)


def test_cancelling_while_the_reference_is_asked_is_not_leaving(bookings, dispatcher):
    result, _ = run(ValidateManageBookingForm(), dispatcher, {"requested_slot": "booking_reference"},
                    "annuler le rendez-vous", "cancel_booking", loop="manage_booking_form")
    assert "requested_slot" not in result or result["requested_slot"] is not None
    result, _ = run(ValidateManageBookingForm(), dispatcher, {"requested_slot": "booking_reference",
                                                              "booking_operation": "show"},
                    "bon tant pis", "deny", loop="manage_booking_form")
    assert result == {"booking_reference": None, "booking_email": None, "booking_operation": None,
                      "requested_slot": None}
    assert "je ne touche à aucun rendez-vous" in texts(dispatcher)


@pytest.mark.parametrize("text, typed", [("deplacer le rdv DN-4821 svp", "DN-4821"),
                                         ("annuler ma reservation dn 7K3P9QX", "dn 7K3P9QX")])
def test_a_reference_typed_wrong_is_said_to_be_none(bookings, dispatcher, text, typed):
    result, _ = run(ValidateManageBookingForm(), dispatcher, {"requested_slot": "booking_reference"}, text,
                    "move_booking", loop="manage_booking_form")
    assert not result.get("booking_reference")
    assert nb(f"« {typed} » n'est pas une référence de rendez-vous : elle compte 6 caractères après « DN- »") \
        in texts(dispatcher)
    dispatcher.messages.clear()
    run(ValidateManageBookingForm(), dispatcher, {"requested_slot": "booking_reference"}, "DN-7K3P9Q",
        "inform", loop="manage_booking_form")
    assert "n'est pas une référence" not in texts(dispatcher)


def test_the_profile_form_stops_and_keeps_what_was_said(dispatcher):
    tracker = make_tracker({"applicant_type": "association", "requested_slot": "project_nature"},
                           text="non laissez tomber", intent="deny",
                           events=[{"event": "user", "text": "non laissez tomber"}], active_loop="profile_form")
    events = asyncio.run(ValidateProfileForm().run(dispatcher, tracker, {"forms": {}, "slots": {}}))
    assert events == [{"event": "slot", "timestamp": None, "name": "project_nature", "value": None},
                      {"event": "slot", "timestamp": None, "name": "requested_slot", "value": None},
                      {"event": "followup", "timestamp": None, "name": "action_listen"}]
    assert "j'arrête les questions. Je garde ce que vous m'avez déjà dit" in texts(dispatcher)


def test_a_name_read_as_out_of_scope_is_still_a_name(bookings, dispatcher):
    result, _ = run(ValidateBookingForm(), dispatcher, {"requested_slot": "booking_name",
                                                        "booking_name": "Hugo Lambert"}, "Hugo Lambert",
                    "out_of_scope")
    assert result == {"booking_name": "Hugo Lambert"} and dispatcher.messages == []


# --- each answer checked against what is asked -------------------------------------------------

def test_an_email_at_the_organisation_question_is_kept_as_the_email(bookings, dispatcher):
    result, _ = run(ValidateBookingForm(), dispatcher,
                    {"requested_slot": "booking_organisation", "booking_slot": THURSDAY_10.isoformat(),
                     "booking_name": "Marie Dupont", "booking_organisation": "marie.dupont@rhone.gouv.fr",
                     "booking_email": "marie.dupont@rhone.gouv.fr"},  # the e-mail mapping took it too
                    "marie.dupont@rhone.gouv.fr")
    assert result["booking_organisation"] is None
    assert result["booking_email"] == "marie.dupont@rhone.gouv.fr"
    assert "Je note marie.dupont@rhone.gouv.fr comme adresse électronique" in texts(dispatcher)
    assert "le nom de votre organisation" in texts(dispatcher)


@pytest.mark.parametrize("text, why", [("DN-7K3P9Q", "référence de rendez-vous"), ("0612345678", "pas reconnu")])
def test_a_reference_or_a_number_is_not_a_name(bookings, dispatcher, text, why):
    result, _ = run(ValidateBookingForm(), dispatcher, {"requested_slot": "booking_name", "booking_name": text},
                    text)
    assert result["booking_name"] is None and why in texts(dispatcher)


@pytest.mark.parametrize("text, name, organisation", [
    ("Sophie Martin, préfecture de la Gironde", "Sophie Martin", "préfecture de la Gironde"),
    ("Jean Dupont de la mairie de Lyon", "Jean Dupont", "mairie de Lyon"),
    ("Léa Roux pour l'association Les Amis du Vélo", "Léa Roux", "association Les Amis du Vélo"),
])
def test_a_name_and_an_organisation_fill_both_fields(bookings, dispatcher, text, name, organisation):
    result, _ = run(ValidateBookingForm(), dispatcher, {"requested_slot": "booking_name", "booking_name": text},
                    text)
    assert (result["booking_name"], result["booking_organisation"]) == (name, organisation)


def test_an_organisation_at_the_name_question_is_kept_as_the_organisation(bookings, dispatcher):
    result, _ = run(ValidateBookingForm(), dispatcher,
                    {"requested_slot": "booking_name", "booking_name": "Mairie de Lyon"}, "Mairie de Lyon")
    assert (result["booking_name"], result["booking_organisation"]) == (None, "Mairie de Lyon")
    assert "prénom et nom" in texts(dispatcher)


# --- precise moments, wishes in the request, « par téléphone » ----------------------------------

def ask(dispatcher, wish):
    return asyncio.run(ActionAskBookingSlot().run(
        dispatcher, make_tracker({"booking_wish": wish, "requested_slot": "booking_slot"}), {}))


def test_a_precise_free_moment_is_offered_for_confirmation(bookings, dispatcher):
    result, _ = run(ValidateBookingForm(), dispatcher, {"requested_slot": "booking_slot"}, "jeudi 10h")
    assert result == {"booking_wish": {"day": "2021-10-14", "at": "10:00"}}
    ask(dispatcher, result["booking_wish"])
    assert nb("Le créneau du jeudi 14 octobre à 10 h (heure de Paris) est libre") in texts(dispatcher)
    buttons = dispatcher.messages[-1]["buttons"]
    assert buttons[0] == {"title": nb("Confirmer jeudi 14 octobre à 10 h 00"),
                          "payload": '/inform{"booking_slot": "2021-10-14T10:00:00+02:00"}'}


def test_yes_to_the_precise_moment_chooses_it(bookings, dispatcher):
    result, _ = run(ValidateBookingForm(), dispatcher,
                    {"requested_slot": "booking_slot", "booking_wish": {"day": "2021-10-14", "at": "10:00"}},
                    "oui", "affirm")
    assert result["booking_slot"] == "2021-10-14T10:00:00+02:00"


def test_a_taken_moment_gets_the_nearest_free_ones(bookings, dispatcher):
    book(bookings, THURSDAY_10)
    book(bookings, THURSDAY_10, who="encore")  # both advisors
    events = ask(dispatcher, {"day": "2021-10-14", "at": "10:00"})
    assert nb("Le créneau du jeudi 14 octobre à 10 h est déjà pris") in texts(dispatcher)
    offered = [b["title"] for b in dispatcher.messages[-1]["buttons"]]
    assert offered == [nb("jeudi 14 octobre, 9 h 30"), nb("jeudi 14 octobre, 9 h 45"), nb("jeudi 14 octobre, 10 h 15"),
                       nb("jeudi 14 octobre, 10 h 30")]
    assert events == [{"event": "slot", "timestamp": None, "name": "booking_wish", "value": {"day": "2021-10-14"}}]


def test_a_time_alone_keeps_the_day_already_wished(bookings, dispatcher):
    result, _ = run(ValidateBookingForm(), dispatcher,
                    {"requested_slot": "booking_slot", "booking_wish": {"weekday": 1, "part": "apres-midi"}},
                    "14h30")
    assert result == {"booking_wish": {"day": "2021-10-12", "at": "14:30"}}


def test_a_wish_in_the_request_is_used_at_once(bookings, dispatcher):
    result, _ = run(ValidateBookingForm(), dispatcher, {"requested_slot": None},
                    "je voudrais un rdv mardi aprem si possible", "ask_appointment", loop=None)
    assert result == {"booking_wish": {"weekday": 1, "part": "apres-midi"}}
    assert texts(dispatcher) == ""


def test_by_phone_is_a_wish_for_the_call_and_reaches_the_summary(bookings, dispatcher):
    result, _ = run(ValidateBookingForm(), dispatcher, {"requested_slot": "booking_slot"},
                    "plutôt par téléphone si possible")
    assert result == {"booking_contact": "téléphone"}
    assert "vous préférez un échange par téléphone" in texts(dispatcher)
    summary = advisor_summary(make_tracker({"applicant_type": "association", "booking_contact": "téléphone"}))
    assert summary.endswith("\nSouhait pour l'échange : par téléphone.")


@pytest.mark.parametrize("wish, why", [
    ({"day": "2021-10-16", "at": "10:00"}, "Les conseillers ne reçoivent pas le samedi 16 octobre."),
    ({"day": "2021-10-14", "at": "12:30"}, "Il n'y a pas de créneau le jeudi 14 octobre à 12\u00a0h\u00a030 : les conseillers "
                                           "reçoivent par créneaux de 15\u00a0minutes, aux heures d'ouverture."),
    ({"day": "2021-10-11", "at": "09:30"}, "Le lundi 11 octobre à 9\u00a0h\u00a030, c'est trop tôt : un rendez-vous se prend "
                                           "au moins 2\u00a0heures à l'avance."),
])
def test_a_moment_that_is_no_slot_says_why_and_offers_the_nearest(bookings, dispatcher, wish, why):
    ask(dispatcher, wish)
    assert texts(dispatcher).startswith(why)
    assert "Voici les créneaux libres les plus proches" in texts(dispatcher)
    assert len(dispatcher.messages[-1]["buttons"]) == 4


def test_a_time_typed_after_choosing_a_slot_changes_the_time_of_that_day(bookings, dispatcher):
    chosen = dt.datetime(2021, 10, 14, 9, 30, tzinfo=PARIS).isoformat()
    result, _ = run(ValidateBookingForm(), dispatcher, {"requested_slot": "booking_name", "booking_slot": chosen,
                                                        "booking_name": "14h30 plutôt"}, "14h30 plutôt")
    assert result == {"booking_name": None, "booking_slot": None,
                      "booking_wish": {"day": "2021-10-14", "at": "14:30"}}


def test_an_organisation_with_a_number_is_no_time(bookings, dispatcher):
    chosen = dt.datetime(2021, 10, 14, 9, 30, tzinfo=PARIS).isoformat()
    result, _ = run(ValidateBookingForm(), dispatcher, {"requested_slot": "booking_organisation",
                                                        "booking_slot": chosen, "booking_name": "Léo Blanc",
                                                        "booking_organisation": "Conseil départemental du 13"},
                    "Conseil départemental du 13")
    assert result == {"booking_organisation": "Conseil départemental du 13"}


def test_an_appointment_asked_in_the_profile_form_is_let_through(dispatcher):
    tracker = make_tracker({"applicant_type": "entreprise", "requested_slot": "project_nature"},
                           text="je voudrais un rendez-vous par téléphone", intent="ask_appointment",
                           events=[{"event": "user", "text": "je voudrais un rendez-vous par téléphone"}],
                           active_loop="profile_form")
    assert asyncio.run(ValidateProfileForm().run(dispatcher, tracker, {"forms": {}, "slots": {}})) == []
    assert dispatcher.messages == []


def test_the_wish_for_the_call_is_said_back_with_the_confirmation():
    assert contact_note(None) == ""
    assert contact_note("téléphone") == (" Vous souhaitez un échange par téléphone : le conseiller le sait et vous "
                                         "écrira pour convenir du numéro où vous joindre.")
    assert contact_note("téléphone (06 12 34 56 78)") == \
        " Vous souhaitez un échange par téléphone (06 12 34 56 78) : le conseiller le sait."


@pytest.mark.parametrize("text", ["moi c'est Julie Martin", "Nom : Julie Martin"])
def test_a_name_introduced_is_the_name_alone(bookings, dispatcher, text):
    result, _ = run(ValidateBookingForm(), dispatcher, {"requested_slot": "booking_name",
                                                        "booking_slot": THURSDAY_10.isoformat(),
                                                        "booking_name": text}, text)
    assert result["booking_name"] == "Julie Martin"


def test_name_organisation_and_email_in_one_message_at_the_name_question(bookings, dispatcher):
    text = "thomas.vergne@cantal.fr - Thomas Vergne (CD15)"
    result, _ = run(ValidateBookingForm(), dispatcher, {"requested_slot": "booking_name",
                                                        "booking_slot": THURSDAY_10.isoformat(),
                                                        "booking_name": text, "booking_email": "thomas.vergne@cantal.fr"},
                    text)
    assert (result["booking_name"], result["booking_organisation"], result["booking_email"]) == \
        ("Thomas Vergne", "CD15", "thomas.vergne@cantal.fr")
    assert "C'est noté. Nom : Thomas Vergne ; organisation : CD15 ; adresse : thomas.vergne@cantal.fr." in texts(dispatcher)
