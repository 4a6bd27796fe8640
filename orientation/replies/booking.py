"""What the booking says that depends on its outcome: the polite refusal of an anti-abuse limit,
what became of the confirmation e-mail, and the wish for the call said back. The limits themselves
are data (config/booking.yml, `limits`) checked by the store."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from orientation.booking import mail
from orientation.booking.config import load_config
from orientation.booking.store import LimitReached
from orientation.language import french as fmt
from orientation.replies.message import Message

MOVE_BUTTON = {"title": "Déplacer mon rendez-vous", "payload": "/move_booking"}


def refusal(error: LimitReached) -> Message:
    """The message (text and buttons) refusing a booking; nothing was stored."""
    limits = load_config().limits
    if error.kind == "email":
        return {"text": "Un rendez-vous à venir est déjà enregistré avec cette adresse électronique, et une adresse "
                        "ne peut en tenir qu'un à la fois. Je peux le déplacer à un autre moment : il me faudra sa "
                        "référence, qui figure dans la confirmation. Je n'ai rien enregistré de plus.",
                "buttons": [MOVE_BUTTON]}
    if error.kind == "conversation":
        return {"text": f"Vous avez déjà pris {limits.per_conversation} rendez-vous dans cette conversation : "
                        "je ne peux pas en enregistrer d'autre ici. Vous pouvez en revanche déplacer ou annuler un "
                        "rendez-vous pris, avec sa référence et votre adresse.",
                "buttons": [MOVE_BUTTON]}
    window = limits.client_window_minutes
    delay = ("une heure" if window == 60 else f"{window // 60}{fmt.NBSP}heures" if window % 60 == 0
             else fmt.minutes(window))
    return {"text": "Beaucoup de rendez-vous ont été demandés depuis votre connexion en peu de temps : par "
                    "précaution, je ne peux pas en enregistrer d'autre pour l'instant. Je n'ai rien enregistré. "
                    f"Réessayez dans {delay} ; en attendant, je peux répondre à vos questions sur les appels "
                    "à projets."}


def mail_note(status: str, email: str, cancelled: bool = False) -> str:
    """What the chat says of the e-mail: sent, to be retried, or not sent by this service."""
    if status == mail.SENT:  # a cancellation does not name the address it has just deleted
        return " Un courriel vous le confirme." if cancelled else f" Un courriel de confirmation vous est envoyé à {email}."
    done = "L'annulation est bien enregistrée." if cancelled else "Votre rendez-vous est bien enregistré."
    if status == mail.QUEUED:  # kept in the outbox, which retries it: the promise holds
        return (" Le courriel de confirmation n'a pas pu partir pour l'instant : il sera renvoyé automatiquement. "
                + done)
    if status == mail.REFUSED:  # refused for good: never retried, so no promise
        return (f" Le serveur de messagerie refuse l'adresse {email} : aucun courriel ne pourra y être envoyé. "
                + done + ("" if cancelled else " Notez bien votre référence."))
    return " Aucun courriel n'est envoyé par ce service" + ("." if cancelled else " : notez bien votre référence.")


def contact_note(contact: Optional[str]) -> str:
    """The wish for the call, said back with the confirmation."""
    if not contact:
        return ""
    return (f" Vous souhaitez un échange par {contact} : le conseiller le sait"
            + ("." if "(" in contact or not contact.startswith("téléphone")
               else " et vous écrira pour convenir du numéro où vous joindre."))


def fmt_hours(delta: dt.timedelta) -> str:
    """The booking notice in hours: « 2 heures », « 1,5 heure »."""
    hours = delta.total_seconds() / 3600
    return fmt.number(hours) + fmt.NBSP + "heure" + ("s" if hours >= 2 else "")


def email_needed(reference: Optional[str] = None, attempt: bool = False, again: bool = False) -> str:
    """What to say when the answer to the e-mail question holds no usable address: one cut short
    (« jean.dupont@ ») is said invalid; no address at all (« oui », a moment, a name) gets why the
    address is needed (and, for a booking made earlier, which one it unlocks), in other words when
    the same was just said."""
    example = "par exemple prenom.nom@rhone.gouv.fr"
    if attempt:
        return f"Cette adresse électronique ne semble pas valide. Indiquez une adresse complète, {example}."
    if reference:
        if again:
            return (f"Sans cette adresse, je ne peux pas retrouver le rendez-vous {reference} : écrivez-la, ou "
                    "dites « laissez tomber ».")
        return (f"Pour retrouver le rendez-vous {reference}, il me faut l'adresse électronique que vous avez donnée "
                f"en le prenant, {example} (ou « laissez tomber » pour arrêter là).")
    if again:
        return "Sans adresse électronique, je ne peux pas réserver : écrivez-la, ou dites « laissez tomber »."
    return (f"Il me faut votre adresse électronique professionnelle pour confirmer le rendez-vous, {example} "
            "(ou « laissez tomber » pour arrêter là).")
