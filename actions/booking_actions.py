"""Booking a 15-minute slot with a DINUM advisor, and managing it (see, cancel, move).

The rules of the agenda (hours, holidays, advisors) and the database live in orientation/booking/;
this module is the conversation around them: what is offered, asked, checked and confirmed.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
from functools import lru_cache
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import replies
from orientation.booking import calendar, mail
from orientation.booking.fields import (contact_wish, looks_like_organisation, looks_like_question, mentions_a_call,
                                    split_name_and_organisation, what_it_is)
from orientation.booking.config import load_config
from orientation.booking.ics import booking_ics
from orientation.booking.store import Booking, BookingStore, LimitReached, SlotTaken
from actions.booking_limits import client_of, refusal
from orientation.language.contacts import clean_organisation, clean_text, normalise_reference, valid_email
from orientation.eligibility import evaluate
from actions.form_exit import end_form, goodbye_suffix
from orientation.language.leave_words import says_no
from actions.tracker_profile import PROFILE_SLOTS, places_from_tracker, profile_from_tracker
from actions.validation import KeepingFormValidation

log = logging.getLogger(__name__)

SLOTS_OFFERED = 4
# Proposed once, before the first slots, when nothing is known of the project (issue 16).
DESCRIBE_PROPOSAL = ("Si vous le souhaitez, décrivez votre projet en une phrase (qui porte le projet, ce qu'il "
                     "vise, son budget) : le conseiller pourra mieux préparer l'échange. Ce n'est pas obligatoire.")
BOOKING_SLOTS = ("booking_slot", "booking_wish", "booking_name", "booking_organisation", "booking_consent",
                 "booking_contact")
# Questions about calls during the booking are not names or organisations.
QUESTION_INTENTS = {"ask_call_info", "ask_funding", "ask_why_not", "compare_calls", "list_calls",
                    "bot_challenge", "out_of_scope"}


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
    """The profile, the calls and the questions (replies.advisor_summary), and how the user wishes to talk."""
    profile = profile_from_tracker(tracker)
    summary = replies.advisor_summary(profile, evaluate(profile), tracker.get_slot("questions_asked") or [],
                                      places_from_tracker(tracker))
    contact = tracker.get_slot("booking_contact")
    return summary + (f"\nSouhait pour l'échange : par {contact}." if contact else "")


def fmt_hours(delta: dt.timedelta) -> str:
    hours = delta.total_seconds() / 3600
    return f"{hours:g}".replace(".", ",") + " heure" + ("s" if hours >= 2 else "")


def contact_note(contact: Optional[str]) -> str:
    """The wish for the call, said back with the confirmation."""
    if not contact:
        return ""
    return (f" Vous souhaitez un échange par {contact} : le conseiller le sait"
            + ("." if "(" in contact or not contact.startswith("téléphone")
               else " et vous écrira pour convenir du numéro où vous joindre."))


def confirm_button(start: dt.datetime) -> Dict[str, str]:
    """« Confirmer jeudi 26 novembre à 10 h 00 »: the slot the user named, to book after a click."""
    return {"title": f"Confirmer {calendar.describe_moment(start, minutes=True)}",
            "payload": f'/inform{{"booking_slot": "{start.isoformat()}"}}'}


def pending_moment(tracker: Tracker) -> Optional[dt.datetime]:
    """The precise slot the user named and was asked to confirm (a wish with a day and a time)."""
    wish = wish_of(tracker)
    if wish is None or wish.day is None or wish.at is None:
        return None
    return calendar.wished_moment(load_config(), wish, now())


def no_profile(tracker: Tracker) -> bool:
    return all(tracker.get_slot(name) is None for name in PROFILE_SLOTS) and not places_from_tracker(tracker)


def should_propose_description(tracker: Tracker) -> bool:
    """Nothing known of the project, not moving a booking, and not proposed yet in this conversation."""
    if tracker.get_slot("booking_operation") == "move" or not no_profile(tracker):
        return False
    return not any(event.get("event") == "bot" and DESCRIBE_PROPOSAL in (event.get("text") or "")
                   for event in tracker.events or [])


def described_now(tracker: Tracker) -> bool:
    """Whether the latest message filled something of the profile (a description of the project)."""
    for event in reversed(tracker.events or []):
        if event.get("event") == "user":
            return False
        if event.get("event") == "slot" and event.get("name") in PROFILE_SLOTS and event.get("value") is not None:
            return True
    return False


class ActionAskBookingSlot(Action):
    """The next free slots as buttons, or the ones matching the user's wish."""

    def name(self) -> Text:
        return "action_ask_booking_slot"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        wish = wish_of(tracker)
        moment = pending_moment(tracker)
        if moment is not None:
            return self._precise(moment, dispatcher)
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
        if should_propose_description(tracker):
            intro = DESCRIBE_PROPOSAL + " " + intro
        dispatcher.utter_message(text=intro + " choisissez-en un, ou indiquez-moi un autre moment, par "
                                              "exemple « plutôt mardi après-midi » ou « jeudi 10h ».",
                                 buttons=[slot_button(s) for s in slots])
        return events

    @staticmethod
    def _precise(moment: dt.datetime, dispatcher: CollectingDispatcher) -> List[Dict[Text, Any]]:
        """« jeudi 10h »: that slot to confirm when it is free, else the nearest free ones."""
        config = load_config()
        said = calendar.describe_moment(moment)
        reason = calendar.why_not_free(config, store(), moment, now())
        if reason is None:
            dispatcher.utter_message(text=f"Le créneau du {said} (heure de Paris) est libre. Le confirmez-vous ?",
                                     buttons=[confirm_button(moment),
                                              {"title": "Voir d'autres créneaux", "payload": "/deny"}])
            return []
        why = {
            "taken": f"Le créneau du {said} est déjà pris.",
            "too_soon": f"Le {said}, c'est trop tôt : un rendez-vous se prend au moins "
                        f"{fmt_hours(config.notice)} à l'avance.",
            "too_far": f"Le {said}, c'est trop loin : je ne peux réserver que dans les {config.horizon_days} "
                       "prochains jours.",
            "closed_day": f"Les conseillers ne reçoivent pas le {calendar.describe_day(moment.date(), year=False)}.",
            "not_a_slot": f"Il n'y a pas de créneau le {said} : les conseillers reçoivent par créneaux de "
                          f"{int(config.slot_length.total_seconds() // 60)} minutes, aux heures d'ouverture.",
        }[reason]
        nearest = calendar.nearest_free_slots(config, store(), now(), moment, count=SLOTS_OFFERED)
        # The day stays wished: « 15h » said next keeps it.
        events = [SlotSet("booking_wish", calendar.Wish(day=moment.date()).to_dict())]
        if not nearest:
            dispatcher.utter_message(text=why + " Tous les créneaux des prochaines semaines sont pris : réessayez "
                                                "dans quelques jours.")
            return events
        dispatcher.utter_message(text=why + " Voici les créneaux libres les plus proches (heure de Paris) : "
                                            "choisissez-en un, ou indiquez-moi un autre moment.",
                                 buttons=[slot_button(s) for s in nearest])
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
    """By the words, not the intent alone: a name such as « Hugo Lambert » may be read as out of scope."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    text = tracker.latest_message.get("text") or ""
    return looks_like_question(text) or intent in QUESTION_INTENTS and mentions_a_call(text)


class ValidateBookingForm(KeepingFormValidation):
    """Checks the chosen slot, the name, the organisation, the email and the consent."""

    def name(self) -> Text:
        return "validate_booking_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        if tracker.get_slot("booking_operation") == "move" and tracker.get_slot("booking_reference"):
            return ["booking_slot"]  # moving an existing booking: only the new time is needed
        return domain_slots

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        """The limits, checked as early as they can be: the conversation's and the client's when the
        form starts, the e-mail's as soon as it is known. A refusal ends the form, storing nothing."""
        if tracker.get_slot("booking_operation") == "move" and tracker.get_slot("booking_reference"):
            return await super().run(dispatcher, tracker, domain)
        asked = tracker.get_slot("requested_slot")
        try:
            if not asked:
                store().check_limits(client=client_of(tracker), conversation=tracker.sender_id, now=now())
            events = await super().run(dispatcher, tracker, domain)
            emails = [e.get("value") for e in events if e.get("event") == "slot" and e.get("name") == "booking_email"]
            email = emails[-1] if emails else None
            if email and valid_email(str(email)):
                store().check_limits(email=str(email), now=now())
            return events
        except LimitReached as error:
            log.info("booking refused by the %s limit", error.kind)
            dispatcher.utter_message(**refusal(error))
            return end_form(forget_booking() + forget_email(error, tracker), asked)

    def yes_no_question(self, tracker: Tracker) -> bool:
        """« Le créneau du jeudi 26 novembre à 10 h est libre. Le confirmez-vous ? »: there « non »
        answers (other slots are shown). At the consent, « non » refuses, which is leaving: nothing
        is stored (abandon_booking says so)."""
        return tracker.get_slot("requested_slot") == "booking_slot" and pending_moment(tracker) is not None

    def leave(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
        return abandon_booking(dispatcher, tracker)

    async def extract_booking_slot(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> Dict[Text, Any]:
        """A typed wish (« plutôt mardi après-midi », « jeudi 10h », « par téléphone ») instead of a
        button, also in the request that starts the booking; « oui » / « non » to a precise slot."""
        asked = tracker.get_slot("requested_slot")
        if asked not in ("booking_slot", None) or tracker.get_slot("booking_slot"):
            return {}
        text = tracker.latest_message.get("text") or ""
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if text.startswith("/") and intent != "deny":
            return {}
        previous = wish_of(tracker)
        moment = pending_moment(tracker) if asked else None
        if moment is not None and intent == "affirm":
            return {"booking_slot": moment.isoformat()}
        if moment is not None and (intent == "deny" or says_no(text)):  # other slots, that half-day
            part = calendar.PARTS[0] if moment.time() < calendar.NOON else calendar.PARTS[1]
            return {"booking_wish": calendar.Wish(day=moment.date(), part=part).to_dict()}
        found: Dict[Text, Any] = {}
        contact = contact_wish(text)
        if contact and contact != tracker.get_slot("booking_contact"):
            dispatcher.utter_message(text=f"C'est noté : vous préférez un échange par {contact}. Je l'indique au "
                                          "conseiller avec le résumé de votre dossier.")
            found["booking_contact"] = contact
        wish = calendar.parse_wish(text, now(), load_config().timezone)
        if wish is not None:
            wish = wish.refining(previous)
            moment = calendar.wished_moment(load_config(), wish, now())
            if moment is not None:  # « jeudi 10h »: that Thursday, to confirm
                wish = calendar.Wish(day=moment.date(), at=wish.at)
            found["booking_wish"] = wish.to_dict()
        elif not found and asked and described_now(tracker):
            dispatcher.utter_message(text="Merci, je transmets ces éléments au conseiller avec le résumé de votre "
                                          "dossier.")
            found["booking_wish"] = tracker.get_slot("booking_wish")
        elif not found and asked:
            dispatcher.utter_message(text="Je n'ai pas compris le moment souhaité. Choisissez un créneau ci-dessous "
                                          "ou indiquez un jour, par exemple « jeudi matin », « mardi 14h30 » ou « le "
                                          "14 décembre » (ou « laissez tomber » pour arrêter là).")
            found["booking_wish"] = tracker.get_slot("booking_wish")
        return found

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

    def _another_time(self, slot: str, value: Any, tracker: Tracker) -> Optional[Dict[Text, Any]]:
        """« 14h30 » or « plutôt jeudi 10h » typed after a slot was chosen: the user changes the time;
        a time alone keeps the chosen day. Only with a time of day: « CD du 13 » is an organisation."""
        chosen = slot_time(tracker.get_slot("booking_slot"))
        wish = calendar.parse_wish(str(value or ""), now(), load_config().timezone)
        if chosen is None or wish is None or not (wish.at or wish.after or wish.before):
            return None
        local = chosen.astimezone(load_config().timezone)
        wish = wish.refining(calendar.Wish(day=local.date()))
        moment = calendar.wished_moment(load_config(), wish, now())
        if moment is not None:
            wish = calendar.Wish(day=moment.date(), at=wish.at)
        return {slot: None, "booking_slot": None, "booking_wish": wish.to_dict()}

    def _not_this_field(self, slot: str, value: Any, dispatcher: CollectingDispatcher,
                        tracker: Tracker) -> Optional[Dict[Text, Any]]:
        """An e-mail, a booking reference or a number given where a name or an organisation is
        asked: the answer is refused with why (an e-mail is kept for the e-mail question)."""
        changed = self._another_time(slot, value, tracker)
        if changed is not None:
            return changed
        kind = what_it_is(str(value or ""))
        wanted = "vos prénom et nom" if slot == "booking_name" else "le nom de votre organisation"
        if kind == "email":
            email = valid_email(str(value))
            # The e-mail mapping may already have taken it from the same message.
            if email and tracker.get_slot("booking_email") in (None, email):
                dispatcher.utter_message(text=f"Je note {email} comme adresse électronique pour vous joindre. "
                                              f"Il me faut encore {wanted}.")
                return {slot: None, "booking_email": email}
            dispatcher.utter_message(text=f"C'est une adresse électronique : il me faut ici {wanted}.")
            return {slot: None}
        if kind == "reference":
            dispatcher.utter_message(text=f"C'est une référence de rendez-vous : il me faut ici {wanted}.")
            return {slot: None}
        if kind == "digits":
            dispatcher.utter_message(text=f"Je n'ai pas reconnu {wanted} dans « {clean_text(value) or value} ».")
            return {slot: None}
        return None

    def validate_booking_name(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> Dict[Text, Any]:
        if _asks_a_question(tracker):
            return self._text_field("booking_name", "votre nom", value, dispatcher, tracker)
        refused = self._not_this_field("booking_name", value, dispatcher, tracker)
        if refused is not None:
            return refused
        both = split_name_and_organisation(str(value or ""))
        if both and not tracker.get_slot("booking_organisation"):
            return {"booking_name": both[0], "booking_organisation": both[1]}
        organisation = clean_organisation(value)
        if organisation and looks_like_organisation(organisation) and not tracker.get_slot("booking_organisation"):
            dispatcher.utter_message(text=f"Je note « {organisation} » comme organisation. Il me faut aussi vos "
                                          "prénom et nom.")
            return {"booking_name": None, "booking_organisation": organisation}
        return self._text_field("booking_name", "votre nom", value, dispatcher, tracker)

    def validate_booking_organisation(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                      domain: DomainDict) -> Dict[Text, Any]:
        if _asks_a_question(tracker):
            return self._text_field("booking_organisation", "l'organisation", value, dispatcher, tracker)
        refused = self._not_this_field("booking_organisation", value, dispatcher, tracker)
        if refused is not None:
            return refused
        both = split_name_and_organisation(str(value or ""))
        if both and tracker.get_slot("requested_slot") == "booking_organisation":
            value = both[1]  # « Sophie Martin, préfecture de la Gironde » again: the name is known
        checked = self._text_field("booking_organisation", "l'organisation", value, dispatcher, tracker)
        if checked["booking_organisation"]:
            checked["booking_organisation"] = clean_organisation(checked["booking_organisation"])
        return checked

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


def forget_email(error: LimitReached, tracker: Tracker) -> List[Dict[Text, Any]]:
    """After a refusal: the address stays when a move of its booking is offered, or for the
    invitation of a booking made earlier in the conversation; else it is forgotten."""
    if error.kind == "email":
        return [SlotSet("booking_email", error.existing.email)]
    return [] if tracker.get_slot("booking_reference") else [SlotSet("booking_email", None)]


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
        previous = store().find(reference, email) if moving else None
        try:
            if moving:
                booking = store().move(reference, email, start)
            else:
                profile = {name: tracker.get_slot(name) for name in PROFILE_SLOTS}
                booking = store().book(start, tracker.get_slot("booking_name"),
                                       tracker.get_slot("booking_organisation"), email, advisor_summary(tracker),
                                       profile, consent_at=now(), client=client_of(tracker),
                                       conversation=tracker.sender_id, now=now())
        except LimitReached as error:  # another conversation booked with this address meanwhile
            log.info("booking refused by the %s limit", error.kind)
            dispatcher.utter_message(**refusal(error))
            return forget_booking() + forget_email(error, tracker)
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
                  "annuler ce rendez-vous ici." + contact_note(tracker.get_slot("booking_contact"))
                  + mail_note(await send_mail("deplacement" if moving else "confirmation", booking, previous),
                              booking.email)),
            buttons=[{"title": "Ajouter à mon agenda (.ics)", "payload": "/get_invitation"}])
        return forget_booking() + [SlotSet("booking_reference", booking.reference),
                                   SlotSet("booking_email", booking.email)]


async def send_mail(event: str, booking: Booking, previous: Optional[Booking] = None) -> str:
    """mail.send_booking_mail in a worker thread: a slow mail server does not hold the other conversations."""
    try:
        return await asyncio.get_running_loop().run_in_executor(
            None, lambda: mail.send_booking_mail(event, booking, store(), previous=previous))
    except Exception as error:  # noqa: BLE001 - the booking is stored whatever happens to its e-mail
        # The error's type only: SMTP errors quote the recipients' addresses.
        log.error("booking %s: %s e-mail failed: %s", booking.reference, event, type(error).__name__)
        return mail.QUEUED


def mail_note(status: str, email: str, cancelled: bool = False) -> str:
    """What the chat says of the e-mail: sent, to be retried, or not sent by this service."""
    if status == mail.SENT:
        return f" Un courriel de confirmation vous est envoyé à {email}."
    if status == mail.QUEUED:
        return (" Le courriel de confirmation n'a pas pu partir pour l'instant : il sera renvoyé automatiquement. "
                + ("L'annulation est bien enregistrée." if cancelled else "Votre rendez-vous est bien enregistré."))
    return " Aucun courriel n'est envoyé par ce service" + ("." if cancelled else " : notez bien votre référence.")


def abandon_booking(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    """Leaving the booking (or its move) at any step: says so and forgets what was typed."""
    reference = tracker.get_slot("booking_reference")
    if tracker.get_slot("booking_operation") == "move" and reference:
        dispatcher.utter_message(text=f"D'accord, je ne change rien : votre rendez-vous {reference} reste à la date "
                                      "prévue. Puis-je vous aider autrement ?" + goodbye_suffix(tracker))
        return forget_booking()
    message = tracker.latest_message or {}
    refused = tracker.get_slot("requested_slot") == "booking_consent" and (
        (message.get("intent") or {}).get("name") == "deny" or says_no(message.get("text") or ""))
    dispatcher.utter_message(
        text=("D'accord, je n'enregistre rien" + (" sans votre accord" if refused else "") +
              " : aucun rendez-vous n'a été pris et vos coordonnées ne sont pas conservées. Vous pourrez demander un "
              "rendez-vous à tout moment ; en attendant, je peux répondre à vos questions sur les appels à projets."
              + goodbye_suffix(tracker)))
    # An address kept from a booking made earlier in the conversation stays, for its invitation.
    return forget_booking() + ([] if reference else [SlotSet("booking_email", None)])


class ActionAbandonBooking(Action):
    """No to the booking (or to the consent): nothing is stored."""

    def name(self) -> Text:
        return "action_abandon_booking"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        return abandon_booking(dispatcher, tracker)


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

    # « annuler mon rendez-vous » while the reference is asked is what to do with it, not a way out.
    operation_intents = ("show_booking", "cancel_booking", "move_booking")

    def name(self) -> Text:
        return "validate_manage_booking_form"

    def leave(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text="D'accord, je ne touche à aucun rendez-vous et je n'enregistre rien. Puis-je "
                                      "vous aider autrement ?" + goodbye_suffix(tracker))
        return [SlotSet(name, None) for name in ("booking_reference", "booking_email", "booking_operation")]

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
            note = mail_note(await send_mail("annulation", booking), booking.email, cancelled=True)
            dispatcher.utter_message(text=f"Le rendez-vous {booking.reference} du {when} est annulé, et vos données "
                                          "personnelles sont supprimées." + note)
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
