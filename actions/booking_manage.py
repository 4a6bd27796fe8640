"""Managing a booking made earlier: its reference and e-mail asked, then shown, cancelled or moved."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import booking_services
from actions.booking_form import ValidateBookingForm
from actions.booking_slots import local_zone, wish_of
from actions.forms import KeepingFormValidation, goodbye_suffix
from orientation.booking import wishes, wording
from orientation.booking.config import load_config
from orientation.booking.local_time import describe_when
from orientation.booking.operations import operation_in
from orientation.booking.store import Booking
from orientation.language.contacts import REFERENCE_LENGTH, REFERENCE_PREFIX, malformed_references, normalise_reference
from orientation.replies.booking import mail_note


class ValidateManageBookingForm(KeepingFormValidation):
    """Reference and email of an existing booking."""

    # « annuler mon rendez-vous » while the reference is asked is what to do with it, not a way out.
    operation_intents = ("show_booking", "cancel_booking", "move_booking")

    def name(self) -> Text:
        return "validate_manage_booking_form"

    def leave(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text="D'accord, je ne touche à aucun rendez-vous et je n'enregistre rien. Puis-je "
                                      "vous aider autrement ?" + goodbye_suffix(tracker))
        return [SlotSet(name, None) for name in ("booking_reference", "booking_email", "booking_operation")] + \
            [SlotSet(name, None) for name in ("booking_cancel_confirmed", "booking_wish") if tracker.get_slot(name)]

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        """A cancellation is confirmed before it is made, once the booking is found (a wrong
        reference or address is answered « not found », not asked to be confirmed)."""
        others = [slot for slot in domain_slots if slot != "booking_cancel_confirmed"]
        if tracker.get_slot("booking_operation") == "cancel" and found_booking(tracker) is not None:
            return others + ["booking_cancel_confirmed"]
        return others

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        """What the words ask (to cancel, to move, to see) and, for a move, the moment wished
        (« décaler DN-… à mercredi 9, le matin plutôt »), read from every message of the form."""
        said = said_in_message(tracker)
        tracker.add_slots(said)
        typed = malformed_references(tracker.latest_message.get("text"))
        if typed and not tracker.get_slot("booking_reference"):
            # « déplacer le rdv DN-4821 »: said it is no reference, rather than asked for as if unsaid
            dispatcher.utter_message(text=f"« {typed[0]} » n'est pas une référence de rendez-vous : elle compte "
                                          f"{REFERENCE_LENGTH} caractères après « {REFERENCE_PREFIX} » (par exemple "
                                          f"{REFERENCE_PREFIX}7K3P9Q).")
        return said + await super().run(dispatcher, tracker, domain)

    def validate_booking_cancel_confirmed(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                          domain: DomainDict) -> Dict[Text, Any]:
        return {"booking_cancel_confirmed": True if value is True else None}

    def validate_booking_reference(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> Dict[Text, Any]:
        return {"booking_reference": normalise_reference(value)}

    def validate_booking_email(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> Dict[Text, Any]:
        return ValidateBookingForm().validate_booking_email(value, dispatcher, tracker, domain)


def found_booking(tracker: Tracker) -> Optional[Booking]:
    reference, email = tracker.get_slot("booking_reference"), tracker.get_slot("booking_email")
    return booking_services.store().find(reference, email) if reference and email else None


def said_in_message(tracker: Tracker) -> List[Dict[Text, Any]]:
    """The operation the last message's words ask for, when it differs from the one the intent set,
    and the moment wished in it when the booking is to be moved."""
    text = (tracker.latest_message or {}).get("text") or ""
    events: List[Dict[Text, Any]] = []
    operation = operation_in(text) or tracker.get_slot("booking_operation")
    if operation != tracker.get_slot("booking_operation"):
        events.append(SlotSet("booking_operation", operation))
    if operation == "move" and not text.startswith("/"):
        wish = wishes.parse_wish(text, booking_services.now(), load_config().timezone)
        if wish is not None:
            events.append(SlotSet("booking_wish", wish.refining(wish_of(tracker)).to_dict()))
    return events


class ActionAskBookingCancelConfirmed(Action):
    """« Voulez-vous vraiment annuler le rendez-vous DN-… du … ? »: never a slot offered here."""

    def name(self) -> Text:
        return "action_ask_booking_cancel_confirmed"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        booking = found_booking(tracker)
        when = f" du {describe_when(booking.start, local_zone(tracker))}" if booking else ""
        reference = booking.reference if booking else tracker.get_slot("booking_reference")
        dispatcher.utter_message(text=f"Voulez-vous vraiment annuler le rendez-vous {reference}{when} ? Vos données "
                                      "personnelles seront supprimées avec lui.",
                                 buttons=[{"title": "Oui, annuler le rendez-vous", "payload": "/affirm"},
                                          {"title": "Non, le garder", "payload": "/deny"}])
        return []


class ActionManageBooking(Action):
    """Show, cancel or move the booking given by reference and email."""

    def name(self) -> Text:
        return "action_manage_booking"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        reference, email = tracker.get_slot("booking_reference"), tracker.get_slot("booking_email")
        operation = tracker.get_slot("booking_operation") or "show"
        booking = booking_services.store().find(reference, email) if reference and email else None
        if booking is None:
            dispatcher.utter_message(text=f"Je ne trouve aucun rendez-vous à venir avec la référence {reference} et "
                                          "cette adresse. Vérifiez-les, puis redemandez-moi.")
            return [SlotSet("booking_reference", None), SlotSet("booking_operation", None)]
        # said in both zones to a user overseas; the zone named only then (it was said when booking)
        local = local_zone(tracker)
        when = describe_when(booking.start, local) if local else wording.describe_slot(booking.start)
        if operation == "cancel" and tracker.get_slot("booking_cancel_confirmed") is not True:
            dispatcher.utter_message(text=f"Je n'annule rien sans votre confirmation : votre rendez-vous "
                                          f"{booking.reference} du {when} est maintenu.")
            return [SlotSet("booking_operation", None)]
        if operation == "cancel":
            booking_services.store().cancel(reference, email)
            booking_services.scrub_after_the_turn(booking)
            note = mail_note(await booking_services.send_mail("annulation", booking), booking.email, cancelled=True)
            dispatcher.utter_message(text=f"Le rendez-vous {booking.reference} du {when} est annulé, et vos données "
                                          "personnelles sont supprimées." + note)
            # the store scrubbed the stored conversation; the slots must not write the address back
            return [SlotSet("booking_reference", None), SlotSet("booking_operation", None),
                    SlotSet("booking_email", None), SlotSet("booking_cancel_confirmed", None)]
        if operation == "move":
            dispatcher.utter_message(text=f"Votre rendez-vous {booking.reference} est fixé au {when}. "
                                          "Choisissons un nouveau créneau.")
            # the moment wished with the request (« décaler à mercredi matin ») chooses the slots offered
            return [SlotSet("booking_slot", None), FollowupAction("booking_form")]
        dispatcher.utter_message(text=f"Rendez-vous {booking.reference} : {describe_when(booking.start, local)}, "
                                      f"{wording.slot_length_text()} avec un "
                                      f"conseiller de la DINUM, au nom de {booking.name} ({booking.organisation}).",
                                 buttons=[{"title": "Déplacer", "payload": "/move_booking"},
                                          {"title": "Annuler", "payload": "/cancel_booking"}])
        return [SlotSet("booking_operation", None)]
