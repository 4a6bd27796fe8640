"""The booking made: stored (or moved) with the advisor's summary and confirmed in French, and its
.ics invitation."""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import booking_services
from actions.booking_slots import forget_booking, forget_email, local_zone, slot_time
from actions.client import client_of
from actions.fiche import send_fiche_link
from actions.tracker import PROFILE_SLOTS, places_from_tracker, profile_from_tracker
from orientation.booking import wording
from orientation.booking.config import load_config
from orientation.booking.ics import booking_ics
from orientation.booking.local_time import describe_when
from orientation.booking.store import LimitReached, SlotNotBookable, SlotTaken
from orientation.eligibility import evaluate
from orientation.replies import advisor_summary as summary
from orientation.replies.booking import contact_note, mail_note, refusal

log = logging.getLogger(__name__)


def advisor_summary(tracker: Tracker) -> str:
    """The profile, the calls and the questions (orientation/replies/advisor_summary.py), and how the
    user wishes to talk."""
    profile = profile_from_tracker(tracker)
    text = summary.advisor_summary(profile, evaluate(profile), tracker.get_slot("questions_asked") or [],
                                   places_from_tracker(tracker), tracker.get_slot("recommended_calls") or [])
    contact = tracker.get_slot("booking_contact")
    return text + (f"\nSouhait pour l'échange : par {contact}." if contact else "")


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
        store = booking_services.store()
        previous = store.find(reference, email) if moving else None
        try:
            if moving:
                booking = store.move(reference, email, start, now=booking_services.now())
            else:
                profile = {name: tracker.get_slot(name) for name in PROFILE_SLOTS}
                booking = store.book(start, tracker.get_slot("booking_name"),
                                     tracker.get_slot("booking_organisation"), email, advisor_summary(tracker),
                                     profile, consent_at=booking_services.now(), client=client_of(tracker),
                                     conversation=tracker.sender_id, now=booking_services.now())
        except LimitReached as error:  # another conversation booked with this address meanwhile
            log.info("booking refused by the %s limit", error.kind)
            dispatcher.utter_message(**refusal(error))
            return forget_booking() + forget_email(error, tracker)
        except SlotTaken:
            dispatcher.utter_message(text=f"Désolé, le créneau du {wording.describe_slot(start)} vient d'être "
                                          "réservé par quelqu'un d'autre.")
            return [SlotSet("booking_slot", None), FollowupAction("booking_form")]
        except SlotNotBookable:  # the notice passed while the user was filling in the form
            dispatcher.utter_message(text=f"Désolé, le créneau du {wording.describe_slot(start)} n'est plus "
                                          "disponible : il est désormais trop proche ou hors de l'agenda.")
            return [SlotSet("booking_slot", None), FollowupAction("booking_form")]
        except ValueError:  # a name, organisation or address the store refuses (a forged or damaged request)
            dispatcher.utter_message(text="Je ne peux pas enregistrer ce rendez-vous : le nom, l'organisation ou "
                                          "l'adresse électronique donnés ne sont pas utilisables. Rien n'est réservé ; "
                                          "redemandez un rendez-vous pour les saisir à nouveau.")
            return forget_booking()
        if booking is None:  # a move whose booking disappeared meanwhile
            dispatcher.utter_message(text="Je ne retrouve plus ce rendez-vous : il a peut-être été annulé.")
            return forget_booking()
        verb = "déplacé" if moving else "réservé"
        local = local_zone(tracker)
        dispatcher.utter_message(
            text=(f"C'est {verb} : {describe_when(booking.start, local)}, {wording.slot_length_text()} avec un "
                  f"conseiller de la DINUM, qui aura lu le résumé de votre dossier. Votre référence : "
                  f"{booking.reference}. Gardez-la avec votre adresse {booking.email} pour consulter, déplacer ou "
                  "annuler ce rendez-vous ici." + contact_note(tracker.get_slot("booking_contact"))
                  + mail_note(await booking_services.send_mail("deplacement" if moving else "confirmation", booking,
                                                               previous, local), booking.email)),
            buttons=[{"title": "Ajouter à mon agenda (.ics)", "payload": "/get_invitation"}])
        await send_fiche_link(dispatcher, tracker, booked=True)  # the confirmation carries the link (contract §7)
        return forget_booking() + [SlotSet("booking_reference", booking.reference),
                                   SlotSet("booking_email", booking.email)]


class ActionSendInvitation(Action):
    """The .ics invitation of the last booking, as a file the website offers to download."""

    def name(self) -> Text:
        return "action_send_invitation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        reference, email = tracker.get_slot("booking_reference"), tracker.get_slot("booking_email")
        booking = booking_services.store().find(reference, email) if reference and email else None
        if booking is None:
            dispatcher.utter_message(text="Je n'ai pas de rendez-vous en cours dans cette conversation. Donnez-moi "
                                          "sa référence et votre adresse pour le retrouver.")
            return []
        invitation = {"ics": booking_ics(booking, contact=load_config().contact),
                      "filename": f"rendez-vous-dinum-{booking.reference}.ics"}
        dispatcher.utter_message(text=f"Voici l'invitation du {wording.describe_slot(booking.start)} à ajouter à "
                                      "votre agenda.",
                                 # "data" is the key Rasa's socketio channel emits; rest returns it as "custom"
                                 json_message={"data": invitation})
        return []
