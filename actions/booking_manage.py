"""Managing a booking made earlier: its reference and e-mail asked, then shown, cancelled or moved."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import booking_services
from actions.booking_form import ValidateBookingForm
from actions.forms import KeepingFormValidation, goodbye_suffix
from orientation.booking import wording
from orientation.language.contacts import normalise_reference
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
        booking = booking_services.store().find(reference, email) if reference and email else None
        if booking is None:
            dispatcher.utter_message(text=f"Je ne trouve aucun rendez-vous à venir avec la référence {reference} et "
                                          "cette adresse. Vérifiez-les, puis redemandez-moi.")
            return [SlotSet("booking_reference", None), SlotSet("booking_operation", None)]
        when = wording.describe_slot(booking.start)
        if operation == "cancel":
            booking_services.store().cancel(reference, email)
            booking_services.scrub_after_the_turn(booking)
            note = mail_note(await booking_services.send_mail("annulation", booking), booking.email, cancelled=True)
            dispatcher.utter_message(text=f"Le rendez-vous {booking.reference} du {when} est annulé, et vos données "
                                          "personnelles sont supprimées." + note)
            # the store scrubbed the stored conversation; the slots must not write the address back
            return [SlotSet("booking_reference", None), SlotSet("booking_operation", None),
                    SlotSet("booking_email", None)]
        if operation == "move":
            dispatcher.utter_message(text=f"Votre rendez-vous {booking.reference} est fixé au {when}. "
                                          "Choisissons un nouveau créneau.")
            return [SlotSet("booking_slot", None), SlotSet("booking_wish", None), FollowupAction("booking_form")]
        dispatcher.utter_message(text=f"Rendez-vous {booking.reference} : {when} ({wording.time_zone_text()}), {wording.slot_length_text()} avec un "
                                      f"conseiller de la DINUM, au nom de {booking.name} ({booking.organisation}).",
                                 buttons=[{"title": "Déplacer", "payload": "/move_booking"},
                                          {"title": "Annuler", "payload": "/cancel_booking"}])
        return [SlotSet("booking_operation", None)]
