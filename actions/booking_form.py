"""The booking form's validation: the chosen slot (or a wish typed instead), the name, the
organisation, the e-mail and the consent, each checked against what is asked; the anti-abuse limits
checked as early as they can be; and leaving the form at any step, which stores nothing.

The rules of the agenda (hours, holidays, advisors) and the database live in orientation/booking/;
the booking itself is made in actions/booking.py.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import booking_services
from actions.booking_slots import forget_booking, forget_email, pending_moment, slot_time, wish_of
from actions.booking_turns import (
    answer_meanwhile,
    asks_a_question,
    asks_meanwhile,
    goes_on_with_contact,
)
from actions.client import client_of
from actions.dialogue_turn import previous_reply
from actions.forms import KeepingFormValidation, end_form, goodbye_suffix, leaves
from actions.side_questions import answer_question
from actions.tracker import PROFILE_SLOTS, value_before_last_message
from orientation.booking import slots, wishes, wording
from orientation.booking.config import load_config
from orientation.booking.contact_card import read_contact
from orientation.booking.fields import (
    contact_wish,
    looks_like_organisation,
    split_name_and_organisation,
    what_it_is,
)
from orientation.booking.operations import operation_in
from orientation.booking.store import LimitReached
from orientation.language.contacts import clean_organisation, clean_text, distinct_emails, valid_email
from orientation.language.hesitation import hesitates
from orientation.language.leave_words import says_no, wants_to_leave
from orientation.replies.booking import email_needed, refusal

log = logging.getLogger(__name__)

def described_now(tracker: Tracker) -> bool:
    """Whether the latest message filled something of the profile (a description of the project)."""
    for event in reversed(tracker.events or []):
        if event.get("event") == "user":
            return False
        if event.get("event") == "slot" and event.get("name") in PROFILE_SLOTS and event.get("value") is not None:
            return True
    return False


def said_before(tracker: Tracker, opening: str) -> bool:
    """One of the bot's messages of its previous reply began so: the same sentence is not said twice."""
    return any(text.startswith(opening) for text in previous_reply(tracker))


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
        if a_move_is_cancelled(tracker):
            return end_form(cancel_instead(), tracker.get_slot("requested_slot"))[:-1]
        if asks_meanwhile(tracker) and not leaves(tracker, self.yes_no_question(tracker)):
            # answered (or the honest sentence, kept for the advisor); the form then asks its question again
            asked = tracker.get_slot("requested_slot")  # its value taken from the question's text is undone
            return await answer_meanwhile(dispatcher, tracker, domain) + [
                SlotSet(asked, value_before_last_message(tracker, asked))]
        if tracker.get_slot("booking_operation") == "move" and tracker.get_slot("booking_reference"):
            return await super().run(dispatcher, tracker, domain)
        asked = tracker.get_slot("requested_slot")
        try:
            if not asked:
                booking_services.store().check_limits(client=client_of(tracker), conversation=tracker.sender_id,
                                                      now=booking_services.now())
            events = await super().run(dispatcher, tracker, domain)
            emails = [e.get("value") for e in events if e.get("event") == "slot" and e.get("name") == "booking_email"]
            email = emails[-1] if emails else None
            if email and valid_email(str(email)):
                booking_services.store().check_limits(email=str(email), now=booking_services.now())
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
        if moment is not None and intent == "affirm" and not hesitates(text):
            return {"booking_slot": moment.isoformat()}
        if moment is not None and (intent == "deny" or says_no(text)):  # other slots, that half-day
            part = slots.PARTS[0] if moment.time() < slots.NOON else slots.PARTS[1]
            return {"booking_wish": wishes.Wish(day=moment.date(), part=part).to_dict()}
        if moment is not None and (going_on := goes_on_with_contact(text)):
            # the slot to confirm was taken as chosen: the user already gives their name (or address)
            dispatcher.utter_message(text=f"Je retiens le créneau du {wording.describe_slot(moment)}.")
            return {"booking_slot": moment.isoformat(), **going_on}
        found: Dict[Text, Any] = {}
        contact = contact_wish(text)
        if contact and contact != tracker.get_slot("booking_contact"):
            dispatcher.utter_message(text=f"C'est noté : vous préférez un échange par {contact}. Je l'indique au "
                                          "conseiller avec le résumé de votre dossier.")
            found["booking_contact"] = contact
        wish = wishes.parse_wish(text, booking_services.now(), load_config().timezone)
        given = goes_on_with_contact(text) if wish is None and not found and asked else {}
        if wish is not None:
            wish = wish.refining(previous)
            moment = slots.wished_moment(load_config(), wish, booking_services.now())
            if moment is not None:  # « jeudi 10h »: that Thursday, to confirm
                wish = wishes.Wish(day=moment.date(), at=wish.at)
            found["booking_wish"] = wish.to_dict()
        elif given and ("booking_name" in given or not described_now(tracker)):
            # « Claire Martin » before any slot was chosen: kept (not asked again), the slot still needed;
            # « mairie de Pau » alone describes the profile (below)
            noted = "C'est noté aussi" if said_before(tracker, "Je note vos coordonnées") else "Je note vos coordonnées"
            dispatcher.utter_message(text=f"{noted}. Il me faut encore le moment du rendez-vous : choisissez un "
                                          "créneau ci-dessous ou indiquez un jour, par exemple « jeudi matin ».")
            found.update(given, booking_wish=tracker.get_slot("booking_wish"))
        elif not found and asked and intent == "affirm" and not given:  # « oui » to the slots: which one?
            dispatcher.utter_message(text="Lequel de ces créneaux vous convient ? Choisissez-le ci-dessous ou "
                                          "dites-le (« le premier », « mardi 14h30 »), ou indiquez un autre moment.")
            found["booking_wish"] = tracker.get_slot("booking_wish")
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
        if not slots.is_free(load_config(), booking_services.store(), start, booking_services.now()):
            dispatcher.utter_message(text=f"Le créneau du {wording.describe_slot(start)} n'est plus disponible.")
            return {"booking_slot": None}
        return {"booking_slot": start.isoformat(), "booking_wish": None}

    def _text_field(self, slot: str, label: str, value: Any, dispatcher: CollectingDispatcher,
                    tracker: Tracker) -> Dict[Text, Any]:
        if asks_a_question(tracker):  # a question the acts did not see (« combien je peux avoir »): answered
            return {slot: None, **{e["name"]: e["value"] for e in answer_question(dispatcher, tracker)}}
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
        wish = wishes.parse_wish(str(value or ""), booking_services.now(), load_config().timezone)
        if chosen is None or wish is None or not (wish.at or wish.after or wish.before):
            return None
        local = chosen.astimezone(load_config().timezone)
        wish = wish.refining(wishes.Wish(day=local.date()))
        moment = slots.wished_moment(load_config(), wish, booking_services.now())
        if moment is not None:
            wish = wishes.Wish(day=moment.date(), at=wish.at)
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

    def _card(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[Dict[Text, Any]]:
        """Name, organisation and e-mail in one message (« Thomas Vergne, CD15, t.vergne@cantal.fr »):
        each to its field; None when the message gives fewer than two of them. Said back once, by
        the validation of the question asked."""
        text = (tracker.latest_message or {}).get("text") or ""
        if text.startswith("/") or asks_a_question(tracker) or len(distinct_emails(text)) > 1:
            return None
        card = read_contact(text)
        if card.fields < 2:
            return None
        found = {name: value for name, value in (("booking_name", card.name), ("booking_organisation",
                 card.organisation), ("booking_email", card.email)) if value is not None}
        if slot == tracker.get_slot("requested_slot"):
            said = [f"{label} : {value}" for label, value in (("nom", card.name), ("organisation", card.organisation),
                                                              ("adresse", card.email)) if value]
            dispatcher.utter_message(text="C'est noté. " + " ; ".join(said)[0].upper() + " ; ".join(said)[1:] + ".")
        return found

    def validate_booking_name(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> Dict[Text, Any]:
        if asks_a_question(tracker):
            return self._text_field("booking_name", "votre nom", value, dispatcher, tracker)
        card = self._card("booking_name", dispatcher, tracker)
        if card:
            return card
        refused = self._not_this_field("booking_name", value, dispatcher, tracker)
        if refused is not None:
            return refused
        alone = read_contact(str(value or ""))
        if alone.name and alone.fields == 1:
            value = alone.name  # « moi c'est Julie Martin », « Nom : Julie Martin »
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
        if asks_a_question(tracker):
            return self._text_field("booking_organisation", "l'organisation", value, dispatcher, tracker)
        card = self._card("booking_organisation", dispatcher, tracker)
        if card:
            return card
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
        typed = distinct_emails(tracker.latest_message.get("text"))
        if len(typed) > 1:  # never pick one of them silently: the confirmation would go astray
            dispatcher.utter_message(text=f"Vous avez indiqué {len(typed)} adresses électroniques : "
                                          f"{', '.join(typed[:-1])} et {typed[-1]}. Laquelle dois-je utiliser ?",
                                     buttons=[{"title": email, "payload": email} for email in typed[:4]])
            return {"booking_email": None}
        card = self._card("booking_email", dispatcher, tracker)
        if card:
            return card
        email = valid_email(str(value or ""))
        if email is None:  # « oui », « jeudi 15h »: no address at all, or one cut short
            reference, attempt = reference_sought(tracker), "@" in str(value or "")
            again = not attempt and said_before(tracker, email_needed(reference)[:40])
            dispatcher.utter_message(text=email_needed(reference, attempt=attempt, again=again))
            return {"booking_email": None}
        return {"booking_email": email}

    def validate_booking_consent(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> Dict[Text, Any]:
        text = (tracker.latest_message or {}).get("text") or ""
        if value is True and not text.startswith("/") and hesitates(text):
            dispatcher.utter_message(text="J'ai besoin d'un accord clair pour enregistrer ce rendez-vous : répondez "
                                          "« j'accepte » ou « je refuse ».")
            return {"booking_consent": None}
        return {"booking_consent": True if value is True else None}


def reference_sought(tracker: Tracker) -> Optional[str]:
    """The booking made earlier that the address asked must unlock, when one is being managed."""
    if (tracker.active_loop or {}).get("name") != "manage_booking_form":
        return None
    return tracker.get_slot("booking_reference")


def a_move_is_cancelled(tracker: Tracker) -> bool:
    """« non je veux ANNULER » while the new time of a booking is asked: the booking is to be
    cancelled, not left as it is (the intent may already have turned the operation into « cancel »)."""
    moving = "move" in (tracker.get_slot("booking_operation"), value_before_last_message(tracker, "booking_operation"))
    return bool(moving and tracker.get_slot("booking_reference")) and \
        operation_in((tracker.latest_message or {}).get("text") or "") == "cancel"


def cancel_instead() -> List[Dict[Text, Any]]:
    """From a move to the cancellation of the same booking, which asks its confirmation first."""
    return [SlotSet("booking_slot", None), SlotSet("booking_wish", None), SlotSet("booking_operation", "cancel"),
            FollowupAction("manage_booking_form")]


def still_choosing(tracker: Tracker) -> bool:
    """« non, MARDI j'ai dit » while the slots are offered: a « non » that corrects the moment, read
    as a refusal by the NLU; the form goes on with the moment said (no way-out words in it)."""
    text = (tracker.latest_message or {}).get("text") or ""
    if tracker.get_slot("booking_slot") or text.startswith("/") or wants_to_leave(text) or a_move_is_cancelled(tracker):
        return False
    return wishes.parse_wish(text, booking_services.now(), load_config().timezone) is not None


def abandon_booking(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    """Leaving the booking (or its move) at any step: says so and forgets what was typed."""
    reference = tracker.get_slot("booking_reference")
    if a_move_is_cancelled(tracker):
        return cancel_instead()
    if still_choosing(tracker):
        return [FollowupAction("booking_form")]
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
