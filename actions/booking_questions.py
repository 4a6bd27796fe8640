"""The booking form's questions: the free slots (or those matching the wish, or the precise slot
named, to confirm), and the consent to the personal data notice."""
from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import booking_services
from actions.booking_slots import local_zone, pending_moment, wish_of
from actions.tracker import PROFILE_SLOTS, places_from_tracker
from orientation.booking import slots, wishes, wording
from orientation.booking.config import load_config
from orientation.booking.local_time import LocalZone, describe_when
from orientation.replies.booking import fmt_hours

SLOTS_OFFERED = 4
# Proposed once, before the first slots, when nothing is known of the project: the advisor then
# reads more than an empty profile.
DESCRIBE_PROPOSAL = ("Si vous le souhaitez, décrivez votre projet en une phrase (qui porte le projet, ce qu'il "
                     "vise, son budget) : le conseiller pourra mieux préparer l'échange. Ce n'est pas obligatoire.")


def slot_button(start: dt.datetime, local: Optional[LocalZone] = None) -> Dict[str, str]:
    """« mardi 8 décembre, 14 h », or overseas « mardi 8 décembre, 14 h à Paris, 9 h en Guadeloupe »."""
    return {"title": describe_when(start, local, short=True),
            "payload": f'/inform{{"booking_slot": "{start.isoformat()}"}}'}


def offered_slots(tracker: Tracker) -> List[dt.datetime]:
    wish = wish_of(tracker)
    return slots.free_slots(load_config(), booking_services.store(), booking_services.now(),
                               count=SLOTS_OFFERED, **(wish.as_filters() if wish else {}))


def confirm_button(start: dt.datetime, local: Optional[LocalZone] = None) -> Dict[str, str]:
    """« Confirmer jeudi 26 novembre à 10 h 00 »: the slot the user named, to book after a click."""
    said = describe_when(start, local, short=True) if local else wording.describe_moment(start, minutes=True)
    return {"title": f"Confirmer {said}",
            "payload": f'/inform{{"booking_slot": "{start.isoformat()}"}}'}


def no_profile(tracker: Tracker) -> bool:
    return all(tracker.get_slot(name) is None for name in PROFILE_SLOTS) and not places_from_tracker(tracker)


def should_propose_description(tracker: Tracker) -> bool:
    """Nothing known of the project, not moving a booking, and not proposed yet in this conversation."""
    if tracker.get_slot("booking_operation") == "move" or not no_profile(tracker):
        return False
    return not any(event.get("event") == "bot" and DESCRIBE_PROPOSAL in (event.get("text") or "")
                   for event in tracker.events or [])


def zone_words(local: Optional[LocalZone]) -> str:
    """« heure de Paris », or overseas « heure de Paris et heure locale »."""
    return wording.time_zone_text() + (" et heure locale" if local else "")


class ActionAskBookingSlot(Action):
    """The next free slots as buttons, or the ones matching the user's wish."""

    def name(self) -> Text:
        return "action_ask_booking_slot"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        wish = wish_of(tracker)
        moment = pending_moment(tracker)
        local = local_zone(tracker)
        if moment is not None:
            return self._precise(moment, dispatcher, local, wish.exclusions() if wish else None)
        offered = offered_slots(tracker)
        events: List[Dict[Text, Any]] = []
        if wish and not offered:
            dispatcher.utter_message(text=f"Je n'ai pas de créneau libre {wish.describe()}.")
            # the others, never on a day the user said they cannot do
            wish = wish.exclusions()
            offered = slots.free_slots(load_config(), booking_services.store(), booking_services.now(),
                                       count=SLOTS_OFFERED, **(wish.as_filters() if wish else {}))
            events.append(SlotSet("booking_wish", wish.to_dict() if wish else None))
        if not offered:
            dispatcher.utter_message(text="Tous les créneaux des prochaines semaines sont pris. Réessayez dans "
                                          "quelques jours : de nouveaux créneaux s'ouvrent chaque jour.")
            return events
        zone = zone_words(local)
        intro = (f"Voici les créneaux libres {wish.describe()} ({zone}) :" if wish
                 else f"Voici les prochains créneaux libres de {wording.slot_length_text()} ({zone}) :")
        if should_propose_description(tracker):
            intro = DESCRIBE_PROPOSAL + " " + intro
        dispatcher.utter_message(text=intro + " choisissez-en un, ou indiquez-moi un autre moment, par "
                                              "exemple « plutôt mardi après-midi » ou « jeudi 10h ».",
                                 buttons=[slot_button(s, local) for s in offered])
        return events

    @staticmethod
    def _precise(moment: dt.datetime, dispatcher: CollectingDispatcher, local: Optional[LocalZone] = None,
                 refused: Optional[wishes.Wish] = None) -> List[Dict[Text, Any]]:
        """« jeudi 10h »: that slot to confirm when it is free, else the nearest free ones."""
        config = load_config()
        said = wording.describe_moment(moment)
        reason = slots.why_not_free(config, booking_services.store(), moment, booking_services.now())
        if reason is None:
            named = f"{said} ({wording.time_zone_text()})" if local is None else describe_when(moment, local)
            dispatcher.utter_message(text=f"Le créneau du {named} est libre. Le confirmez-vous ?",
                                     buttons=[confirm_button(moment, local),
                                              {"title": "Voir d'autres créneaux", "payload": "/deny"}])
            return []
        why = {
            "taken": f"Le créneau du {said} est déjà pris.",
            "too_soon": f"Le {said}, c'est trop tôt : un rendez-vous se prend au moins "
                        f"{fmt_hours(config.notice)} à l'avance.",
            "too_far": f"Le {said}, c'est trop loin : je ne peux réserver que dans les {config.horizon_days} "
                       "prochains jours.",
            "closed_day": f"Les conseillers ne reçoivent pas le {wording.describe_day(moment.date(), year=False)}.",
            "not_a_slot": f"Il n'y a pas de créneau le {said} : les conseillers reçoivent par créneaux de "
                          f"{wording.slot_length_text(config)}, aux heures d'ouverture.",
        }[reason]
        refused = refused or wishes.Wish()
        nearest = slots.nearest_free_slots(config, booking_services.store(), booking_services.now(), moment,
                                           count=SLOTS_OFFERED, not_weekdays=refused.not_weekdays,
                                           not_days=refused.not_days)
        # The day stays wished: « 15h » said next keeps it; so do the days refused.
        events = [SlotSet("booking_wish", wishes.Wish(day=moment.date(), not_weekdays=refused.not_weekdays,
                                                      not_days=refused.not_days).to_dict())]
        if not nearest:
            dispatcher.utter_message(text=why + " Tous les créneaux des prochaines semaines sont pris : réessayez "
                                                "dans quelques jours.")
            return events
        dispatcher.utter_message(text=why + f" Voici les créneaux libres les plus proches ({zone_words(local)}) : "
                                            "choisissez-en un, ou indiquez-moi un autre moment.",
                                 buttons=[slot_button(s, local) for s in nearest])
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
