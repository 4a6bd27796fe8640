"""The booking in the user's words, through the rest channel: refused days, cancelling versus
moving, name, organisation and e-mail in one message, buttons' labels typed, overseas times."""
import datetime as dt
from zoneinfo import ZoneInfo

from orientation.booking.store import BookingStore
from orientation.language import french
from tests.conversations.context_helpers import slots_of
from tests.conversations.test_booking_conversation import PROFILE, REFERENCE, book, offered
from tests.conversations.test_booking_mail import body, mails_to
from tests.french import nb

CONFIRM = "Voulez-vous vraiment annuler"


def booked(chat, email):
    """A booking made in `chat`: its slot and reference."""
    start, confirmation = book(chat, email=email)
    return start, REFERENCE.search(confirmation).group(0)


def test_refused_days_are_never_offered(chat):
    chat.say(PROFILE)
    chat.say("je voudrais un rendez-vous avec la DINUM")
    chat.say("plutot mardi aprem, lundi je peux pas")
    slots = offered(chat)
    assert slots and all(s.weekday() == 1 and s.hour >= 12 for s in slots)
    chat.say("non MARDI j'ai dit")
    slots = offered(chat)
    assert slots and all(s.weekday() == 1 for s in slots)
    chat.say("le matin plutôt")
    slots = offered(chat)
    assert slots and all(s.weekday() == 1 and s.hour < 12 for s in slots)


def test_refusals_and_preferences_in_other_words(new_chat):
    cases = [("pas le lundi ni le mardi", lambda s: s.weekday() not in (0, 1)),
             ("sauf mercredi, et après 15h", lambda s: s.weekday() != 2 and s.hour >= 15),
             ("en fin de semaine", lambda s: s.weekday() in (3, 4)),
             ("lundi c pas possible, jeudi matin", lambda s: s.weekday() == 3 and s.hour < 12)]
    for wish, fits in cases:
        chat = new_chat()
        chat.say("je voudrais un rendez-vous avec la DINUM")
        chat.say(wish)
        slots = offered(chat)
        assert slots and all(fits(s) for s in slots), (wish, slots)


def test_a_cancellation_is_confirmed_and_offers_no_slot(chat, new_chat, database_url):
    _, reference = booked(chat, "annule.deux.fois@lyon.fr")
    other = new_chat()
    other.say(f"je dois annuler le rdv {reference}")
    asked = other.say("annule.deux.fois@lyon.fr")
    assert CONFIRM in asked and reference in asked and offered(other) == [] and "créneau" not in asked
    kept = other.say("Non, le garder")  # the button's label, typed
    assert "je ne touche à aucun rendez-vous" in kept and offered(other) == []
    assert BookingStore(database_url).find(reference, "annule.deux.fois@lyon.fr") is not None

    third = new_chat()
    asked = third.say(f"supprimez mon rendez-vous {reference} svp, adresse annule.deux.fois@lyon.fr")
    assert CONFIRM in asked and offered(third) == []
    done = third.say("oui annuler le rendez-vous")
    assert "est annulé" in done and offered(third) == []
    assert BookingStore(database_url).find(reference, "annule.deux.fois@lyon.fr") is None


def test_no_i_want_to_cancel_while_moving_cancels(chat, new_chat, database_url):
    _, reference = booked(chat, "plutot.annuler@lyon.fr")
    other = new_chat()
    other.say(f"je voudrais déplacer mon rendez-vous {reference}")
    assert "nouveau créneau" in other.say("plutot.annuler@lyon.fr") and offered(other)
    asked = other.say("non je veux ANNULER")
    assert CONFIRM in asked and offered(other) == []
    assert "est annulé" in other.say("oui")
    assert BookingStore(database_url).find(reference, "plutot.annuler@lyon.fr") is None


def test_a_move_uses_its_wish_at_once(chat, new_chat):
    _, reference = booked(chat, "decale.mercredi@lyon.fr")
    other = new_chat()
    other.say(f"decaler le rdv {reference} a mercredi, le matin plutot")
    assert "nouveau créneau" in other.say("decale.mercredi@lyon.fr")
    slots = offered(other)
    assert slots and all(s.weekday() == 2 and s.hour < 12 for s in slots)

    _, reference = booked(new_chat(), "reporte.jeudi@lyon.fr")
    third = new_chat()
    third.say(f"svp reporter mon rendez-vous {reference} jeudi apres 15h")
    third.say("reporte.jeudi@lyon.fr")
    slots = offered(third)
    assert slots and all(s.weekday() == 3 and s.hour >= 15 for s in slots)


def test_name_organisation_and_email_in_one_message(new_chat, database_url):
    for message, email, name, organisation in [
        ("Thomas Vergne, conseil departemental du Cantal, thomas.vergne@cantal.fr", "thomas.vergne@cantal.fr",
         "Thomas Vergne", "conseil departemental du Cantal"),
        ("t.vergne@cantal.fr - Thomas Vergne (CD15)", "t.vergne@cantal.fr", "Thomas Vergne", "CD15"),
    ]:
        chat = new_chat()
        chat.say("je voudrais un rendez-vous avec la DINUM")
        chat.say(f'/inform{{"booking_slot": "{offered(chat)[0].isoformat()}"}}')
        notice = chat.say(message)
        assert "Données personnelles" in notice, message
        confirmation = chat.say("j'accepte")  # the consent button's label, typed
        assert "C'est réservé" in confirmation
        booking = BookingStore(database_url).find(REFERENCE.search(confirmation).group(0), email)
        assert (booking.name, booking.organisation) == (name, organisation)


def test_a_function_is_not_part_of_the_name(chat, database_url):
    chat.say("je voudrais un rendez-vous avec la DINUM")
    chat.say(f'/inform{{"booking_slot": "{offered(chat)[0].isoformat()}"}}')
    assert "adresse électronique" in chat.say("Laurent Bertin, DGS agglo du pays de dreux")
    chat.say("laurent.bertin@dreux-agglo.fr")
    confirmation = chat.say("J'ACCEPTE")
    booking = BookingStore(database_url).find(REFERENCE.search(confirmation).group(0), "laurent.bertin@dreux-agglo.fr")
    assert (booking.name, booking.organisation) == ("Laurent Bertin", "agglo du pays de dreux")


def test_a_slot_label_typed_chooses_that_slot(chat):
    chat.say("je voudrais un rendez-vous avec la DINUM")
    first = chat.buttons[0]
    typed = first["title"].replace(",", " à").replace("\u00a0", " ").upper()  # « MARDI 8 DÉCEMBRE À 14 H »
    assert "prénom et nom" in chat.say(typed)


def test_contact_details_typed_before_the_slot_are_kept_and_not_asked_again(chat, database_url):
    chat.say(PROFILE)
    chat.say("je voudrais un rendez-vous avec la DINUM")
    noted = chat.say("Jeanne Roux, DDT du Rhône - jeanne.roux@rhone.gouv.fr")
    assert "Je note vos coordonnées" in noted and "le moment du rendez-vous" in noted
    which = chat.say("oui")
    assert "Lequel de ces créneaux" in which and which != noted
    notice = chat.say("le premier")  # neither the name, the organisation nor the address is asked again
    assert "Données personnelles" in notice
    reference = REFERENCE.search(chat.say("/affirm")).group(0)
    booking = BookingStore(database_url).find(reference, "jeanne.roux@rhone.gouv.fr")
    assert (booking.name, booking.email) == ("Jeanne Roux", "jeanne.roux@rhone.gouv.fr")
    assert booking.organisation.startswith("DDT du Rhône")


def test_a_slot_chosen_by_its_rank_is_that_slot(chat, new_chat, database_url):
    for conversation, typed, rank in ((chat, "le 2e créneau svp", 1), (new_chat(), "Le premier me convient.", 0)):
        conversation.say(PROFILE)
        conversation.say("je voudrais un rendez-vous avec la DINUM")
        chosen = [b for b in conversation.buttons if "booking_slot" in b["payload"]][rank]
        assert "prénom et nom" in conversation.say(typed)
        assert slots_of(database_url, conversation.sender)["booking_slot"] in chosen["payload"]


def test_overseas_users_read_paris_and_local_time(chat, smtp, database_url):
    chat.say("Nous sommes la région Guadeloupe, projet de démarches en ligne à 500 000 €")
    chat.say("je voudrais un rendez-vous avec la DINUM")
    first = offered(chat)[0]
    there = first.astimezone(ZoneInfo("America/Guadeloupe"))
    paris = first.astimezone(ZoneInfo("Europe/Paris"))
    both = nb(f"{french.clock(paris.time())} à Paris, {french.clock(there.time())} en Guadeloupe")
    assert both in chat.buttons[0]["title"]
    chat.say(f'/inform{{"booking_slot": "{first.isoformat()}"}}')
    chat.say("Léa Marchand, région Guadeloupe, lea.marchand@guadeloupe.fr")
    confirmation = chat.say("/affirm")
    assert both in confirmation
    reference = REFERENCE.search(confirmation).group(0)
    [mail] = mails_to(smtp, "lea.marchand@guadeloupe.fr", reference)
    assert both in body(mail)
    assert both in chat.say(f"je voudrais voir mon rendez-vous {reference}")
    assert both in chat.say("annulez-le")
    # five hours behind Paris in winter, six in summer: never a fixed offset
    gap = (paris.utcoffset() - there.utcoffset()) / dt.timedelta(hours=1)
    assert gap == (5 if paris.dst() == dt.timedelta(0) else 6)


def test_any_button_label_typed_works_like_the_button(new_chat):
    """Not only the booking's: the hypothesis' « Garder mon profil », typed, does what its click does."""
    typed, clicked = new_chat(), new_chat()
    for chat in (typed, clicked):
        chat.say(PROFILE)
        chat.say("et si le projet coûtait 900 000 € ?")
    keep = next((b for b in typed.buttons if b["title"] == "Garder mon profil"), None)
    assert keep is not None, typed.buttons
    assert typed.say("garder mon profil svp") == clicked.say(keep["payload"])
