"""End to end (rest channel, real servers): a way out of every form step,
and booking answers that go where they belong. The slot values are read back from the
conversation store and the booking table of the test database."""
import datetime as dt
import json
import re
from pathlib import Path

import pytest
import sqlalchemy as sa

from orientation.booking.config import load_config
from orientation.booking.slots import PARIS, is_free, wished_moment
from orientation.booking.store import BookingStore
from orientation.booking.wishes import Wish
from orientation.booking.wording import describe_day
from orientation.language.fold import WEEKDAYS
from tests.conversations.test_booking_conversation import REFERENCE, offered
from tests.french import nb

BOOKING_SLOTS = ("booking_slot", "booking_wish", "booking_name", "booking_organisation", "booking_email",
                 "booking_consent", "booking_contact")


def state(database_url, chat):
    """The conversation's slots and active form, replayed from the events the Rasa server stored."""
    engine = sa.create_engine(database_url)
    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT type_name, data FROM events WHERE sender_id = :sender ORDER BY id"),
                                  {"sender": chat.sender}).fetchall()
    engine.dispose()
    slots, loop = {}, None
    for kind, data in rows:
        event = json.loads(data)
        if kind == "slot":
            slots[event["name"]] = event["value"]
        elif kind == "active_loop":
            loop = event.get("name")
        elif kind == "restart":
            slots, loop = {}, None
    return slots, loop


@pytest.fixture
def agenda(servers, database_url):
    """The servers' booking settings (one advisor) and bookings, and a free moment finder."""
    config = load_config(Path(servers["env"]["BOOKING_CONFIG"]))
    store = BookingStore(database_url, config=config)

    def free_moment(hour, minute=0, after_days=3):
        """A free slot at this time, on a weekday that « <weekday> <hour> » names (the next such day)."""
        now = dt.datetime.now(dt.timezone.utc)
        for offset in range(after_days, after_days + 14):
            day = (now.astimezone(PARIS) + dt.timedelta(days=offset)).date()
            moment = dt.datetime.combine(day, dt.time(hour, minute), PARIS)
            named = wished_moment(config, Wish(weekday=day.weekday(), at=dt.time(hour, minute)), now)
            if named == moment and is_free(config, store, moment, now):
                return moment
        pytest.skip(f"no free slot at {hour}:{minute:02d} in the coming days")

    yield config, store, free_moment
    store.close()


def weekday(moment):
    return WEEKDAYS[moment.weekday()]


def start_booking(chat, request="je voudrais un rendez-vous avec la DINUM"):
    answer = chat.say(request)
    assert "Le conseiller recevra ce résumé" in answer
    return offered(chat)


def assert_nothing_kept(database_url, chat, email=None):
    slots, loop = state(database_url, chat)
    assert loop is None
    assert all(slots.get(name) is None for name in BOOKING_SLOTS), {n: slots.get(n) for n in BOOKING_SLOTS}
    if email:
        assert BookingStore(database_url).bookings_of(email) == []


# --- item 3: a way out of every step ------------------------------------------------------------

@pytest.mark.parametrize("steps, leaving", [
    ([], "bon, laissez tomber"),                                              # choosing the slot
    (["Nina Petit"], "non finalement c'est pas la peine"),                   # the organisation question
    (["Nina Petit", "CCAS de Brest"], "je reviendrai plus tard"),            # the e-mail question
    (["Nina Petit", "CCAS de Brest", "nina.petit@brest.fr"], "stop"),         # the consent
])
def test_leaving_the_booking_at_each_step_stores_nothing(chat, database_url, steps, leaving):
    chosen = start_booking(chat)[0]
    if steps:
        chat.say(f'/inform{{"booking_slot": "{chosen.isoformat()}"}}')
    for answer in steps:
        chat.say(answer)
    reply = chat.say(leaving)
    assert "D'accord, je n'enregistre rien" in reply and "aucun rendez-vous n'a été pris" in reply
    assert_nothing_kept(database_url, chat, "nina.petit@brest.fr")
    assert "Avec plaisir" in chat.say("merci")  # the form is closed: the conversation goes on


def test_goodbye_at_the_name_question_leaves_and_says_goodbye(chat, database_url):
    chosen = start_booking(chat)[0]
    assert "prénom et nom" in chat.say(f'/inform{{"booking_slot": "{chosen.isoformat()}"}}')
    reply = chat.say("au revoir")
    assert "je n'enregistre rien" in reply and "Au revoir" in reply
    slots, _ = state(database_url, chat)
    assert slots.get("booking_name") is None  # « au revoir » is not a name


def test_no_to_the_consent_stores_nothing(chat, database_url):
    chosen = start_booking(chat)[0]
    chat.say(f'/inform{{"booking_slot": "{chosen.isoformat()}"}}')
    chat.say("Hugo Lambert")
    chat.say("Sous-préfecture de Bayonne")
    assert "Données personnelles" in chat.say("hugo.lambert@pyrenees-atlantiques.gouv.fr")
    assert "je n'enregistre rien sans votre accord" in chat.say("non")
    assert_nothing_kept(database_url, chat, "hugo.lambert@pyrenees-atlantiques.gouv.fr")


def test_leaving_the_profile_form_keeps_what_was_said(chat, database_url):
    chat.say("Bonjour, nous sommes une association de quartier")
    slots, loop = state(database_url, chat)
    assert (slots.get("applicant_type"), loop, slots.get("requested_slot")) == \
        ("association", "profile_form", "project_nature")
    reply = chat.say("non, on arrête là")
    assert "j'arrête les questions" in reply and "Je garde ce que vous m'avez déjà dit" in reply
    slots, loop = state(database_url, chat)
    assert (slots.get("applicant_type"), loop, slots.get("requested_slot")) == ("association", None, None)
    assert "Avec plaisir" in chat.say("merci")


def test_leaving_a_move_keeps_the_booking(chat, database_url):
    chosen = start_booking(chat)[0]
    chat.say(f'/inform{{"booking_slot": "{chosen.isoformat()}"}}')
    chat.say("Inès Moreau")
    chat.say("Mairie de Quimper")
    chat.say("ines.moreau@quimper.bzh")
    reference = REFERENCE.search(chat.say("/affirm")).group(0)
    assert "nouveau créneau" in chat.say(f"je voudrais déplacer le rendez-vous {reference}")
    assert f"je ne change rien : votre rendez-vous {reference} reste à la date prévue" in chat.say("oubliez")
    assert BookingStore(database_url).find(reference, "ines.moreau@quimper.bzh").start == chosen


# --- item 4: each answer where it belongs -------------------------------------------------------

def test_an_email_at_the_organisation_question_is_kept_for_the_email(chat, database_url):
    chosen = start_booking(chat)[0]
    chat.say(f'/inform{{"booking_slot": "{chosen.isoformat()}"}}')
    assert "organisation" in chat.say("Paul Leroy")
    reply = chat.say("paul.leroy@ille-et-vilaine.gouv.fr")
    assert "Je note paul.leroy@ille-et-vilaine.gouv.fr comme adresse électronique" in reply
    assert "Pour quelle organisation ?" in reply
    slots, _ = state(database_url, chat)
    assert (slots.get("booking_organisation"), slots.get("booking_email")) == \
        (None, "paul.leroy@ille-et-vilaine.gouv.fr")
    assert "Données personnelles" in chat.say("DDT d'Ille-et-Vilaine")  # the e-mail is not asked again
    reference = REFERENCE.search(chat.say("/affirm")).group(0)
    booking = BookingStore(database_url).find(reference, "paul.leroy@ille-et-vilaine.gouv.fr")
    assert (booking.name, booking.organisation) == ("Paul Leroy", "DDT d'Ille-et-Vilaine")


def test_a_name_with_its_organisation_fills_both(chat, database_url):
    chosen = start_booking(chat)[0]
    chat.say(f'/inform{{"booking_slot": "{chosen.isoformat()}"}}')
    reply = chat.say("Thomas Girard de la mairie de Nantes")
    # both said back, and the organisation not asked
    assert "adresse électronique" in reply and "Pour quelle organisation" not in reply
    assert "Nom : Thomas Girard ; organisation : mairie de Nantes." in reply
    slots, _ = state(database_url, chat)
    assert (slots.get("booking_name"), slots.get("booking_organisation")) == ("Thomas Girard", "mairie de Nantes")
    chat.say("thomas.girard@nantes.fr")
    reference = REFERENCE.search(chat.say("/affirm")).group(0)
    booking = BookingStore(database_url).find(reference, "thomas.girard@nantes.fr")
    assert (booking.name, booking.organisation, booking.start) == ("Thomas Girard", "mairie de Nantes", chosen)


def test_a_precise_free_moment_is_booked_after_confirmation(chat, database_url, agenda):
    _, _, free_moment = agenda
    moment = free_moment(16, 30)
    start_booking(chat)
    reply = chat.say(f"{weekday(moment)} à 16h30 ça m'irait bien")
    said = nb(f"{describe_day(moment.date(), year=False)} à 16 h 30")
    assert f"Le créneau du {said} (heure de Paris) est libre" in reply
    assert chat.buttons[0]["title"] == f"Confirmer {said}"
    assert "prénom et nom" in chat.say("oui")
    slots, _ = state(database_url, chat)
    assert slots["booking_slot"] == moment.isoformat()
    chat.say("Claire Fontaine, préfecture de la Somme")
    chat.say("claire.fontaine@somme.gouv.fr")
    reference = REFERENCE.search(chat.say("/affirm")).group(0)
    booking = BookingStore(database_url).find(reference, "claire.fontaine@somme.gouv.fr")
    assert (booking.start, booking.name, booking.organisation) == \
        (moment, "Claire Fontaine", "préfecture de la Somme")


def test_no_to_a_precise_moment_shows_the_other_slots_of_that_afternoon(chat, database_url, agenda):
    _, _, free_moment = agenda
    moment = free_moment(14, 45)
    start_booking(chat)
    chat.say(f"{weekday(moment)} 14h45")
    reply = chat.say("non")
    assert "je n'enregistre rien" not in reply
    assert f"Voici les créneaux libres le {describe_day(moment.date(), year=False)} dans l'après-midi" in reply
    assert offered(chat) and all(s.date() == moment.date() and s.hour >= 12 for s in offered(chat))
    slots, loop = state(database_url, chat)
    assert (loop, slots["booking_wish"]) == ("booking_form", {"day": moment.date().isoformat(), "part": "apres-midi"})


def test_a_taken_moment_gets_the_nearest_free_ones(chat, agenda):
    _, store, free_moment = agenda
    moment = free_moment(15, 15)
    store.book(moment, "Autre Personne", "DREAL Bretagne", "autre.personne@bretagne.gouv.fr", "résumé", {},
               consent_at=dt.datetime.now(dt.timezone.utc))
    start_booking(chat)
    reply = chat.say(f"est-ce que {weekday(moment)} 15h15 est possible")
    assert nb(f"Le créneau du {describe_day(moment.date(), year=False)} à 15 h 15 est déjà pris") in reply
    nearest = offered(chat)
    assert moment not in nearest and len(nearest) == 4
    assert all(abs(s - moment) <= dt.timedelta(minutes=45) for s in nearest), nearest


def test_a_time_alone_keeps_the_day_already_chosen(chat, database_url, agenda):
    _, _, free_moment = agenda
    moment = free_moment(11, 15)
    start_booking(chat)
    chat.say(f"plutôt {weekday(moment)}")
    assert offered(chat) and all(s.weekday() == moment.weekday() for s in offered(chat))
    reply = chat.say("11h15")
    assert nb(f"Le créneau du {describe_day(moment.date(), year=False)} à 11 h 15 (heure de Paris) est libre") in reply
    slots, _ = state(database_url, chat)
    assert slots["booking_wish"] == {"day": moment.date().isoformat(), "at": "11:15"}


def test_a_wish_in_the_request_is_used_at_once(chat, database_url, agenda):
    _, _, free_moment = agenda
    day = free_moment(10, 30).date()
    offered_now = start_booking(chat, f"j'aimerais prendre rendez-vous {WEEKDAYS[day.weekday()]} matin si ça vous va")
    assert offered_now and all(s.weekday() == day.weekday() and s.hour < 12 for s in offered_now)
    assert f"Voici les créneaux libres {WEEKDAYS[day.weekday()]} matin" in chat.replies[-1]["text"]
    slots, _ = state(database_url, chat)
    assert slots["booking_wish"] == {"weekday": day.weekday(), "part": "matin"}


def test_by_phone_reaches_the_advisor_with_the_confirmed_profile(chat, database_url):
    chat.say("Nous sommes une communauté de communes de 50 000 habitants, projet de prise de rendez-vous en "
             "ligne à 150 000 €")
    assert nb("passe de 150 000 € TTC à 180 000 € TTC") in chat.say("en fait le budget est de 180 000 €")
    start_booking(chat)
    reply = chat.say("je préfère être appelé par téléphone")
    assert "vous préférez un échange par téléphone" in reply and "Voici les prochains créneaux libres" in reply
    chosen = offered(chat)[0]
    chat.say(f'/inform{{"booking_slot": "{chosen.isoformat()}"}}')
    chat.say("Lucas Mercier")
    chat.say("CC du Pays de Lunel")
    chat.say("lucas.mercier@paysdelunel.fr")
    confirmation = chat.say("/affirm")
    assert "Vous souhaitez un échange par téléphone : le conseiller le sait" in confirmation
    reference = REFERENCE.search(confirmation).group(0)
    booking = BookingStore(database_url).find(reference, "lucas.mercier@paysdelunel.fr")
    slots, _ = state(database_url, chat)
    assert (slots["applicant_type"], slots["budget"], slots["population"]) == ("epci", 180000.0, 50000.0)
    assert booking.profile["budget"] == 180000.0 and booking.profile["applicant_type"] == "epci"
    assert re.match(nb(r"Profil : un EPCI \(intercommunalité\), 50 000 habitants, projet de 180 000 € TTC"),
                    booking.summary), booking.summary
    assert booking.summary.endswith("Souhait pour l'échange : par téléphone.")
    assert slots.get("booking_contact") is None  # forgotten once stored with the booking


def test_a_time_typed_after_choosing_a_slot_keeps_its_day(chat, database_url, agenda):
    _, _, free_moment = agenda
    moment = free_moment(16, 15)
    start_booking(chat)
    chat.say(f"plutôt {weekday(moment)}")
    first = offered(chat)[0]
    assert first.date() == moment.date() and first != moment
    assert "prénom et nom" in chat.say(f'/inform{{"booking_slot": "{first.isoformat()}"}}')
    reply = chat.say("finalement 16h15 ce serait mieux")
    assert nb(f"Le créneau du {describe_day(moment.date(), year=False)} à 16 h 15 (heure de Paris) est libre") in reply
    assert "prénom et nom" in chat.say("oui")
    slots, _ = state(database_url, chat)
    assert (slots["booking_slot"], slots.get("booking_name")) == (moment.isoformat(), None)
