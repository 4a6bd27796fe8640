"""The booking conversation's checks and the advisor's summary, on tracker fixtures."""
import datetime as dt

from actions.booking import advisor_summary
from actions.booking_form import ValidateBookingForm
from actions.booking_slots import slot_time
from tests.actions.conftest import make_tracker, texts
from tests.french import nb


def test_the_summary_has_profile_verdicts_reasons_and_questions():
    tracker = make_tracker({"applicant_type": "commune", "population": 250000.0, "budget": 400000.0,
                            "project_nature": "cooperation_usagers",
                            "questions_asked": ["quel est le taux de TNT-COOP ?"]})
    summary = advisor_summary(tracker)
    assert summary.startswith(nb("Profil : une commune, 250 000 habitants, projet de 400 000 € TTC"))
    assert nb("• FEDER-NUM (vous êtes éligible, 60 % de 400 000 €, soit jusqu'à 240 000 €") in summary
    assert nb("  – Subvention minimale 75 000 €") in summary
    assert nb("TNT-COOP (Population couverte 250 000 < 300 000 habitants requis.)") in summary
    assert summary.endswith("Questions posées : quel est le taux de TNT-COOP ? (répondue)")


def test_a_bad_email_is_refused_in_french(dispatcher):
    result = ValidateBookingForm().validate_booking_email("marie.dupont@", dispatcher, make_tracker(), {})
    assert result == {"booking_email": None}
    assert "ne semble pas valide" in texts(dispatcher)


def test_a_good_email_is_normalised(dispatcher):
    result = ValidateBookingForm().validate_booking_email(" Marie.Dupont@Lyon.FR ", dispatcher, make_tracker(), {})
    assert result == {"booking_email": "marie.dupont@lyon.fr"} and dispatcher.messages == []


def test_two_addresses_in_one_message_make_the_bot_ask_which(dispatcher):
    text = "marie.dupont@lyon.fr ou sinon secretariat@lyon.fr"
    result = ValidateBookingForm().validate_booking_email("secretariat@lyon.fr", dispatcher,
                                                          make_tracker(text=text), {})
    assert result == {"booking_email": None}
    assert texts(dispatcher) == ("Vous avez indiqué 2 adresses électroniques : marie.dupont@lyon.fr et "
                                 "secretariat@lyon.fr. Laquelle dois-je utiliser ?")
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == ["marie.dupont@lyon.fr", "secretariat@lyon.fr"]


def test_a_question_is_not_taken_for_a_name_it_is_answered(dispatcher):
    tracker = make_tracker(text="quel est le taux de ITN5 ?", intent="ask_call_info")
    result = ValidateBookingForm().validate_booking_name("quel est le taux de ITN5 ?", dispatcher, tracker, {})
    assert result["booking_name"] is None
    assert result["questions_asked"][0].startswith("quel est le taux de ITN5 ?")  # in the advisor's summary
    assert texts(dispatcher) and "après la réservation" not in texts(dispatcher)


def test_markup_is_stripped_from_a_name(dispatcher):
    tracker = make_tracker(text="<b>Marie</b> Dupont")
    assert ValidateBookingForm().validate_booking_name("<b>Marie</b> Dupont", dispatcher, tracker, {}) == \
        {"booking_name": "Marie Dupont"}


def test_a_slot_value_without_time_zone_is_refused():
    assert slot_time("2021-10-14T10:00:00") is None
    assert slot_time("n'importe quoi") is None
    assert slot_time("2021-10-14T10:00:00+02:00") == dt.datetime(2021, 10, 14, 8, 0, tzinfo=dt.timezone.utc)


def test_an_answer_without_an_address_says_why_the_address_is_needed(dispatcher):
    form = ValidateBookingForm()
    for typed in ("oui", "jeudi 15h si dispo", "Martin"):
        dispatcher.messages.clear()
        assert form.validate_booking_email(typed, dispatcher, make_tracker(text=typed), {}) == {"booking_email": None}
        assert texts(dispatcher).startswith("Il me faut votre adresse électronique") and "valide" not in texts(dispatcher)
    # managing a booking made earlier: the address unlocks that booking, and the way out is said
    dispatcher.messages.clear()
    tracker = make_tracker({"booking_reference": "DN-7K3P9Q"}, text="vendredi 10h30", active_loop="manage_booking_form")
    form.validate_booking_email("vendredi 10h30", dispatcher, tracker, {})
    assert "Pour retrouver le rendez-vous DN-7K3P9Q" in texts(dispatcher) and "laissez tomber" in texts(dispatcher)
