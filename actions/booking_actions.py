"""Booking a 15-minute slot with a DINUM advisor, and managing it (see, cancel, move).

The rules of the agenda (hours, holidays, advisors) and the database live in actions/booking/;
this module is the conversation around them: what is offered, asked, checked and confirmed.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import replies
from actions.booking import calendar
from actions.booking.config import load_config
from actions.booking.ics import booking_ics
from actions.booking.store import BookingStore, SlotTaken
from actions.booking.validation import clean_text, normalise_reference, valid_email
from actions.eligibility import evaluate
from actions.tracker_profile import PROFILE_SLOTS, places_from_tracker, profile_from_tracker
from actions.validation import KeepingFormValidation

SLOTS_OFFERED = 4
BOOKING_SLOTS = ("booking_slot", "booking_wish", "booking_name", "booking_organisation", "booking_consent")
# Questions about calls during the booking are not names or organisations.
QUESTION_INTENTS = {"ask_call_info", "ask_funding", "ask_why_not", "compare_calls", "list_calls",
                    "ask_recommendation", "bot_challenge", "out_of_scope"}


@lru_cache(maxsize=1)
def store() -> BookingStore:
    """One store (one connection pool) per action-server process; the URL comes from the environment."""
    return BookingStore()


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def slot_time(value: Optional[str]) -> Optional[dt.datetime]:
    """The booking_slot value (ISO date-time) as an aware datetime, or None if unusable."""
    try:
        parsed = dt.datetime.fromisoformat(str(value))
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else None


def slot_button(start: dt.datetime) -> Dict[str, str]:
    return {"title": calendar.describe_slot(start, short=True),
            "payload": f'/inform{{"booking_slot": "{start.isoformat()}"}}'}


def wish_of(tracker: Tracker) -> Optional[calendar.Wish]:
    return calendar.Wish.from_dict(tracker.get_slot("booking_wish"))


def offered_slots(tracker: Tracker) -> List[dt.datetime]:
    wish = wish_of(tracker)
    return calendar.free_slots(load_config(), store(), now(), count=SLOTS_OFFERED,
                               **(wish.as_filters() if wish else {}))


def advisor_summary(tracker: Tracker) -> str:
    profile = profile_from_tracker(tracker)
    return replies.advisor_summary(profile, evaluate(profile), tracker.get_slot("questions_asked") or [],
                                   places_from_tracker(tracker))


class ActionAskBookingSlot(Action):
    """The next free slots as buttons, or the ones matching the user's wish."""

    def name(self) -> Text:
        return "action_ask_booking_slot"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        wish = wish_of(tracker)
        slots = offered_slots(tracker)
        events: List[Dict[Text, Any]] = []
        if wish and not slots:
            dispatcher.utter_message(text=f"Je n'ai pas de créneau libre {wish.describe()}.")
            slots = calendar.free_slots(load_config(), store(), now(), count=SLOTS_OFFERED)
            events.append(SlotSet("booking_wish", None))
            wish = None
        if not slots:
            dispatcher.utter_message(text="Tous les créneaux des prochaines semaines sont pris. Réessayez dans "
                                          "quelques jours : de nouveaux créneaux s'ouvrent chaque jour.")
            return events
        intro = (f"Voici les créneaux libres {wish.describe()} (heure de Paris) :" if wish
                 else "Voici les prochains créneaux libres de 15 minutes (heure de Paris) :")
        dispatcher.utter_message(text=intro + " choisissez-en un, ou indiquez-moi un autre moment, par "
                                              "exemple « plutôt mardi après-midi ».",
                                 buttons=[slot_button(s) for s in slots])
        return events


class ActionAskBookingConsent(Action):
    """The short notice on personal data, then yes or no."""

    def name(self) -> Text:
        return "action_ask_booking_consent"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        days = load_config().retention_days
        dispatcher.utter_message(
            text=("Données personnelles : pour ce rendez-vous, la DINUM enregistre votre nom, votre organisation, "
                  "votre adresse électronique et le résumé de notre échange, dans le seul but de préparer et de "
                  f"tenir l'entretien. Elles sont supprimées {days} jours après le rendez-vous, ou dès que vous "
                  "l'annulez (ici même, avec la référence et votre adresse). Acceptez-vous ce traitement ?"),
            buttons=[{"title": "J'accepte", "payload": "/affirm"}, {"title": "Je refuse", "payload": "/deny"}])
        return []


def _asks_a_question(tracker: Tracker) -> bool:
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    return intent in QUESTION_INTENTS or "?" in (tracker.latest_message.get("text") or "")


class ValidateBookingForm(KeepingFormValidation):
    """Checks the chosen slot, the name, the organisation, the email and the consent."""

    def name(self) -> Text:
        return "validate_booking_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        if tracker.get_slot("booking_operation") == "move" and tracker.get_slot("booking_reference"):
            return ["booking_slot"]  # moving an existing booking: only the new time is needed
        return domain_slots

    async def extract_booking_slot(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> Dict[Text, Any]:
        """A typed wish ("plutôt mardi après-midi") instead of a button: offer matching slots."""
        if tracker.get_slot("requested_slot") != "booking_slot" or tracker.get_slot("booking_slot"):
            return {}
        text = tracker.latest_message.get("text") or ""
        if text.startswith("/"):
            return {}
        wish = calendar.parse_wish(text, now(), load_config().timezone)
        if wish is None:
            dispatcher.utter_message(text="Je n'ai pas compris le moment souhaité. Choisissez un créneau ci-dessous "
                                          "ou indiquez un jour, par exemple « jeudi matin » ou « le 14 décembre ».")
            return {"booking_wish": tracker.get_slot("booking_wish")}
        return {"booking_wish": wish.to_dict()}

    def validate_booking_slot(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> Dict[Text, Any]:
        start = slot_time(value)
        if start is None:
            dispatcher.utter_message(text="Je n'ai pas reconnu ce créneau : choisissez-en un dans la liste.")
            return {"booking_slot": None}
        if not calendar.is_free(load_config(), store(), start, now()):
            dispatcher.utter_message(text=f"Le créneau du {calendar.describe_slot(start)} n'est plus disponible.")
            return {"booking_slot": None}
        return {"booking_slot": start.isoformat(), "booking_wish": None}

    def _text_field(self, slot: str, label: str, value: Any, dispatcher: CollectingDispatcher,
                    tracker: Tracker) -> Dict[Text, Any]:
        if _asks_a_question(tracker):
            dispatcher.utter_message(text="J'y répondrai volontiers juste après la réservation.")
            return {slot: None}
        cleaned = clean_text(value)
        if not cleaned:
            dispatcher.utter_message(text=f"Je n'ai pas pu lire {label} : pouvez-vous le redonner, sans caractères "
                                          "spéciaux et en moins de 120 caractères ?")
            return {slot: None}
        return {slot: cleaned}

    def validate_booking_name(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> Dict[Text, Any]:
        return self._text_field("booking_name", "votre nom", value, dispatcher, tracker)

    def validate_booking_organisation(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                      domain: DomainDict) -> Dict[Text, Any]:
        return self._text_field("booking_organisation", "l'organisation", value, dispatcher, tracker)

    def validate_booking_email(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> Dict[Text, Any]:
        email = valid_email(str(value or ""))
        if email is None:
            dispatcher.utter_message(text="Cette adresse électronique ne semble pas valide. Indiquez une adresse "
                                          "complète, par exemple prenom.nom@rhone.gouv.fr.")
            return {"booking_email": None}
        return {"booking_email": email}

    def validate_booking_consent(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> Dict[Text, Any]:
        return {"booking_consent": True if value is True else None}


def forget_booking() -> List[Dict[Text, Any]]:
    return [SlotSet(name, None) for name in BOOKING_SLOTS + ("booking_operation",)]


class ActionBookAppointment(Action):
    """Stores the booking (or the move) with the advisor's summary, and confirms it in French."""

    def name(self) -> Text:
        return "action_book_appointment"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        start = slot_time(tracker.get_slot("booking_slot"))
        email = tracker.get_slot("booking_email")
        reference = tracker.get_slot("booking_reference")
        moving = tracker.get_slot("booking_operation") == "move" and reference
        if start is None:
            dispatcher.utter_message(text="Je n'ai pas de créneau choisi : demandez-moi un rendez-vous pour en voir.")
            return forget_booking()
        try:
            if moving:
                booking = store().move(reference, email, start)
            else:
                profile = {name: tracker.get_slot(name) for name in PROFILE_SLOTS}
                booking = store().book(start, tracker.get_slot("booking_name"),
                                       tracker.get_slot("booking_organisation"), email, advisor_summary(tracker),
                                       profile, consent_at=now())
        except SlotTaken:
            dispatcher.utter_message(text=f"Désolé, le créneau du {calendar.describe_slot(start)} vient d'être "
                                          "réservé par quelqu'un d'autre.")
            return [SlotSet("booking_slot", None), FollowupAction("booking_form")]
        if booking is None:  # a move whose booking disappeared meanwhile
            dispatcher.utter_message(text="Je ne retrouve plus ce rendez-vous : il a peut-être été annulé.")
            return forget_booking()
        verb = "déplacé" if moving else "réservé"
        dispatcher.utter_message(
            text=(f"C'est {verb} : {calendar.describe_slot(booking.start)} (heure de Paris), 15 minutes avec un "
                  f"conseiller de la DINUM, qui aura lu le résumé de votre dossier. Votre référence : "
                  f"{booking.reference}. Gardez-la avec votre adresse {booking.email} pour consulter, déplacer ou "
                  "annuler ce rendez-vous ici."),
            buttons=[{"title": "Ajouter à mon agenda (.ics)", "payload": "/get_invitation"}])
        return forget_booking() + [SlotSet("booking_reference", booking.reference),
                                   SlotSet("booking_email", booking.email)]


class ActionAbandonBooking(Action):
    """No to the booking (or to the consent): nothing is stored."""

    def name(self) -> Text:
        return "action_abandon_booking"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text="D'accord : je n'enregistre rien, aucun rendez-vous n'a été pris et vos "
                                      "coordonnées ne sont pas conservées. Puis-je vous aider autrement ?")
        return forget_booking() + [SlotSet("booking_email", None)]


class ActionSendInvitation(Action):
    """The .ics invitation of the last booking, as a file the website offers to download."""

    def name(self) -> Text:
        return "action_send_invitation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        reference, email = tracker.get_slot("booking_reference"), tracker.get_slot("booking_email")
        booking = store().find(reference, email) if reference and email else None
        if booking is None:
            dispatcher.utter_message(text="Je n'ai pas de rendez-vous en cours dans cette conversation. Donnez-moi "
                                          "sa référence et votre adresse pour le retrouver.")
            return []
        invitation = {"ics": booking_ics(booking, contact=load_config().contact),
                      "filename": f"rendez-vous-dinum-{booking.reference}.ics"}
        dispatcher.utter_message(text=f"Voici l'invitation du {calendar.describe_slot(booking.start)} à ajouter à "
                                      "votre agenda.",
                                 # "data" is the key Rasa's socketio channel emits; rest returns it as "custom"
                                 json_message={"data": invitation})
        return []


class ValidateManageBookingForm(KeepingFormValidation):
    """Reference and email of an existing booking."""

    def name(self) -> Text:
        return "validate_manage_booking_form"

    def validate_booking_reference(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> Dict[Text, Any]:
        return {"booking_reference": normalise_reference(value)}

    def validate_booking_email(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> Dict[Text, Any]:
        return ValidateBookingForm().validate_booking_email(value, dispatcher, tracker, domain)


class ActionManageBooking(Action):
    """Show, cancel or move the booking given by reference and email."""

    def name(self) -> Text:
        return "action_manage_booking"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        reference, email = tracker.get_slot("booking_reference"), tracker.get_slot("booking_email")
        operation = tracker.get_slot("booking_operation") or "show"
        booking = store().find(reference, email) if reference and email else None
        if booking is None:
            dispatcher.utter_message(text=f"Je ne trouve aucun rendez-vous à venir avec la référence {reference} et "
                                          "cette adresse. Vérifiez-les, puis redemandez-moi.")
            return [SlotSet("booking_reference", None), SlotSet("booking_operation", None)]
        when = calendar.describe_slot(booking.start)
        if operation == "cancel":
            store().cancel(reference, email)
            dispatcher.utter_message(text=f"Le rendez-vous {booking.reference} du {when} est annulé, et vos données "
                                          "personnelles sont supprimées.")
            return [SlotSet("booking_reference", None), SlotSet("booking_operation", None)]
        if operation == "move":
            dispatcher.utter_message(text=f"Votre rendez-vous {booking.reference} est fixé au {when}. "
                                          "Choisissons un nouveau créneau.")
            return [SlotSet("booking_slot", None), SlotSet("booking_wish", None), FollowupAction("booking_form")]
        dispatcher.utter_message(text=f"Rendez-vous {booking.reference} : {when} (heure de Paris), 15 minutes avec un "
                                      f"conseiller de la DINUM, au nom de {booking.name} ({booking.organisation}).",
                                 buttons=[{"title": "Déplacer", "payload": "/move_booking"},
                                          {"title": "Annuler", "payload": "/cancel_booking"}])
        return [SlotSet("booking_operation", None)]
