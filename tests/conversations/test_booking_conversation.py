"""Booking a DINUM slot in the conversation, end to end, with the bookings in the test database."""
import datetime as dt
import re

from orientation.booking.store import BookingStore
from orientation.booking.wording import describe_slot
from tests.french import nb

REFERENCE = re.compile(r"DN-[A-Z0-9]{6}")


def offered(chat):
    """The slots offered as buttons, as datetimes."""
    times = []
    for button in chat.buttons:
        match = re.search(r'"booking_slot": "([^"]+)"', button["payload"])
        if match:
            times.append(dt.datetime.fromisoformat(match.group(1)))
    return times


# A profile whose recommendation (ITN8A, 75 % of 600 000 €) the bookings carry.
PROFILE = "Je suis la DREAL Occitanie, projet de centre de contact à 600 000 €"


def book(chat, email="marie.dupont@lyon.fr", wish=None):
    chat.say(PROFILE)
    chat.say("je voudrais un rendez-vous avec la DINUM")
    if wish:
        chat.say(wish)
    first = offered(chat)[0]
    chat.say(f'/inform{{"booking_slot": "{first.isoformat()}"}}')
    chat.say("Marie Dupont")
    chat.say("DREAL Occitanie")
    chat.say(email)
    return first, chat.say("/affirm")


def test_the_full_booking(chat, database_url):
    chat.say("Nous sommes une communauté d'agglomération de 120 000 habitants, projet de prise de rendez-vous "
             "en ligne à 200 000 €")
    assert nb("Pour votre projet : 60 % de 200 000 €, soit jusqu'à 120 000 €.") in chat.say("quel est le taux de FEDER-NUM ?")
    answer = chat.say("je voudrais un rendez-vous avec la DINUM")
    assert "Le conseiller recevra ce résumé" in answer
    assert nb("• FEDER-NUM (vous êtes éligible, 60 % de 200 000 €, soit jusqu'à 120 000 €") in answer
    slots = offered(chat)
    assert len(slots) >= 3 and slots == sorted(slots)
    assert all(s.utcoffset() is not None for s in slots)

    chat.say("plutôt mardi après-midi")
    tuesdays = offered(chat)
    assert tuesdays and all(s.weekday() == 1 and s.hour >= 12 for s in tuesdays)

    assert "prénom et nom" in chat.say(f'/inform{{"booking_slot": "{tuesdays[0].isoformat()}"}}')
    assert "organisation" in chat.say("Marie Dupont")
    assert "adresse électronique" in chat.say("Mairie de Lyon")
    assert "ne semble pas valide" in chat.say("marie.dupont@")
    notice = chat.say("marie.dupont@lyon.fr")
    assert "Données personnelles" in notice and "supprimées" in notice
    confirmation = chat.say("/affirm")
    assert "C'est réservé : mardi" in confirmation
    reference = REFERENCE.search(confirmation).group(0)

    booking = BookingStore(database_url).find(reference, "Marie.Dupont@lyon.fr")
    assert booking.start == tuesdays[0]
    assert (booking.name, booking.organisation) == ("Marie Dupont", "Mairie de Lyon")
    assert nb("120 000 habitants, projet de 200 000 € TTC, dématérialisation des démarches") in booking.summary
    assert nb("• FEDER-NUM (vous êtes éligible, 60 % de 200 000 €, soit jusqu'à 120 000 €") in booking.summary
    assert booking.summary.endswith("Questions posées : quel est le taux de FEDER-NUM ? (répondue)")

    chat.say("/get_invitation")
    custom = next(r["custom"]["data"] for r in chat.replies if "custom" in r)
    assert custom["filename"].endswith(".ics") and "BEGIN:VEVENT" in custom["ics"]


def test_the_organisation_typed_in_the_booking_does_not_change_the_profile(chat, database_url):
    chat.say("Nous sommes une communauté d'agglomération de 120 000 habitants, projet de prise de rendez-vous "
             "en ligne à 200 000 €")
    chat.say("je voudrais un rendez-vous avec la DINUM")
    chat.say(f'/inform{{"booking_slot": "{offered(chat)[0].isoformat()}"}}')
    chat.say("Julie Morel")
    chat.say("Mairie de Lyon")
    chat.say("julie.morel@lyon.fr")
    reference = REFERENCE.search(chat.say("/affirm")).group(0)
    summary = BookingStore(database_url).find(reference, "julie.morel@lyon.fr").summary
    assert summary.startswith(nb("Profil : un EPCI (intercommunalité), 120 000 habitants, projet de 200 000 € TTC"))


def test_refused_consent_books_nothing(chat, database_url):
    chat.say("je voudrais un rendez-vous avec la DINUM")
    chat.say(f'/inform{{"booking_slot": "{offered(chat)[0].isoformat()}"}}')
    chat.say("Paul Martin")
    chat.say("DDT du Rhône")
    chat.say("paul.martin@rhone.gouv.fr")
    assert "je n'enregistre rien" in chat.say("/deny")
    assert BookingStore(database_url).bookings_of("paul.martin@rhone.gouv.fr") == []


def test_see_move_and_cancel_a_booking(chat, new_chat, database_url):
    start, confirmation = book(chat, email="claire.roux@lyon.fr")
    reference = REFERENCE.search(confirmation).group(0)

    other = new_chat()  # another day, another conversation: reference and email are asked
    other.say(f"je voudrais voir mon rendez-vous {reference}")
    shown = other.say("claire.roux@lyon.fr")
    assert reference in shown and "Marie Dupont (DREAL Occitanie)" in shown

    assert "nouveau créneau" in other.say(f"je veux déplacer mon rendez-vous {reference}")
    later = [s for s in offered(other) if s != start][0]
    moved = other.say(f'/inform{{"booking_slot": "{later.isoformat()}"}}')
    assert "C'est déplacé" in moved and reference in moved
    assert BookingStore(database_url).find(reference, "claire.roux@lyon.fr").start == later

    assert "Voulez-vous vraiment annuler" in other.say(f"annuler le rendez-vous {reference}")
    assert "est annulé" in other.say("/affirm")
    assert BookingStore(database_url).find(reference, "claire.roux@lyon.fr") is None


def test_a_wrong_email_does_not_reveal_a_booking(chat, new_chat):
    _, confirmation = book(chat, email="luc.petit@lyon.fr")
    reference = REFERENCE.search(confirmation).group(0)
    other = new_chat()
    other.say(f"annuler le rendez-vous {reference}")
    answer = other.say("quelquun@exemple.fr")
    assert "Je ne trouve aucun rendez-vous" in answer and "Luc" not in answer


def test_the_same_slot_for_two_users_one_wins_the_other_gets_the_next(chat, new_chat, database_url):
    first, second = chat, new_chat()
    for user in (first, second):
        user.say("je voudrais un rendez-vous avec la DINUM")
    wanted = offered(first)[0]
    before = offered(second)
    assert before[0] == wanted
    for user, email in ((first, "a.un@lyon.fr"), (second, "b.deux@lyon.fr")):
        user.say(f'/inform{{"booking_slot": "{wanted.isoformat()}"}}')
        user.say("Agent Test")
        user.say("Préfecture du Rhône")
        user.say(email)
    assert "C'est réservé" in first.say("/affirm")
    lost = second.say("/affirm")
    assert lost.startswith(f"Désolé, le créneau du {describe_slot(wanted)} vient d'être réservé par quelqu'un d'autre.")
    assert "Voici les prochains créneaux libres" in lost
    # One advisor: the slot taken is gone, the next ones are offered in order.
    assert offered(second)[:len(before) - 1] == before[1:]


def test_giving_up_in_the_middle_of_the_booking_stores_nothing(chat, new_chat, database_url):
    chat.say("je voudrais un rendez-vous avec la DINUM")
    chosen = offered(chat)[0]
    chat.say(f'/inform{{"booking_slot": "{chosen.isoformat()}"}}')
    assert "organisation" in chat.say("Léa Girard")
    assert "je n'enregistre rien" in chat.say("finalement j'annule")
    assert "Avec plaisir" in chat.say("merci")  # the form is closed: the conversation goes on
    # Nothing stored: the slot is still free (one advisor), and offered to the next user first.
    assert BookingStore(database_url).taken(chosen, chosen + dt.timedelta(minutes=15)) == {}
    other = new_chat()
    other.say("je voudrais un rendez-vous avec la DINUM")
    assert offered(other)[0] == chosen
