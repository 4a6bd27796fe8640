"""Amounts in a conversation, end to end through the rest channel: a range or an alternative is
asked with buttons and settled, an amount under 1 000 € is confirmed, « c'est HT » converts the
budget already stated and FEDER-NUM says its base, a population and a budget in one message, and
numbers that are not the profile. The slots are read from the conversation store."""
import pytest

from tests.conversations.context_helpers import slots_of
from tests.french import nb

FINISTERE = "Le département du Finistère voudrait ouvrir ses données"


def slot(chat, database_url, name):
    return slots_of(database_url, chat.sender).get(name)


@pytest.mark.parametrize("first, settle, value", [
    (f"{FINISTERE}, budget peut etre 600 ou 800 000 €", "mettez 800 000", 800_000),
    ("bjr le departement du finistere, projet open data, on hesite entre 600k et 800k", "le haut de la fourchette",
     800_000),
    (f"{FINISTERE}, le projet coûte de 600 à 800 k€", "entre les deux", 700_000),
])
def test_an_alternative_is_asked_with_buttons_and_settled(chat, database_url, first, settle, value):
    answer = chat.say(first)
    assert nb("600 000 €") in answer and nb("800 000 €") in answer
    assert "quel montant dois-je retenir comme coût total du projet ?" in answer
    assert [b["title"] for b in chat.buttons] == [nb("600 000 €"), nb("800 000 €"), nb("Entre les deux : 700 000 €")]
    assert slot(chat, database_url, "budget") is None  # nothing reduced silently
    chat.say(settle)
    assert slot(chat, database_url, "budget") == value
    assert slot(chat, database_url, "budget_pending") is None


@pytest.mark.parametrize("first", [f"{FINISTERE}, budget entre 200 et 250k HT",
                                   "departement du finistere, ouverture des donnees, entre 200k et 250k ht"])
def test_a_range_given_ht_settled_by_its_button_reaches_feder_on_its_base(chat, database_url, first):
    answer = chat.say(first)
    assert nb("de 200 000 € HT à 250 000 € HT (soit 240 000 € à 300 000 € TTC)") in answer
    middle = next(b for b in chat.buttons if b["title"].startswith("Entre les deux"))
    answer = chat.say(middle["payload"])
    assert slot(chat, database_url, "budget") == 270_000
    assert slot(chat, database_url, "budget_given") == {"amount": 225_000, "tax": "HT"}
    assert nb("60 % de 225 000 € HT, soit jusqu'à 135 000 €") in answer  # FEDER-NUM, on the budget as given


@pytest.mark.parametrize("correction", ["le 1,2M c'est HT en fait", "ah pardon c'est HT"])
def test_ht_after_the_fact_converts_the_budget_already_stated(chat, database_url, correction):
    chat.say(f"{FINISTERE}, budget 1,2M")
    assert slot(chat, database_url, "budget") == 1_200_000
    answer = chat.say(correction)
    assert slot(chat, database_url, "budget") == 1_440_000
    assert slot(chat, database_url, "budget_given") == {"amount": 1_200_000, "tax": "HT"}
    assert nb("1 440 000 €") in answer and "TTC" in answer


@pytest.mark.parametrize("first", [f"{FINISTERE}, budget 500 €", "departement du finistere, open data, 500e"])
def test_an_amount_under_1000_euros_is_confirmed_before_it_is_used(chat, database_url, first):
    answer = chat.say(first)
    assert "Est-ce bien le coût total du projet ?" in answer
    assert [b["title"] for b in chat.buttons] == [nb("Oui, 500 €"), nb("Non, 500 000 €")]
    assert slot(chat, database_url, "budget") is None
    chat.say(chat.buttons[1]["payload"])
    assert slot(chat, database_url, "budget") == 500_000


@pytest.mark.parametrize("text", [
    "conseil départemental du Nord, 2,6 millions d'habitants, on veut ouvrir nos données, projet de 500 000 €",
    "cd du nord 2,6 millions d'hab, projet open data a 500ke",
])
def test_a_population_and_a_budget_in_one_message_are_both_read(chat, database_url, text):
    chat.say(text)
    assert slot(chat, database_url, "population") == 2_600_000
    assert slot(chat, database_url, "budget") == 500_000


@pytest.mark.parametrize("text", ["mercredi 9 le matin plutot", "le 14 vers 9h30 ca m'irait"])
def test_a_day_or_a_time_is_neither_a_population_nor_a_budget(chat, database_url, text):
    chat.say(f"{FINISTERE}, budget 400 000 €")
    population = slot(chat, database_url, "population")
    answer = chat.say(text)
    assert slot(chat, database_url, "population") == population
    assert slot(chat, database_url, "budget") == 400_000
    assert "À quoi correspond" not in answer and "Population : 9" not in answer


@pytest.mark.parametrize("first", [f"{FINISTERE}, max 500k", "departement du finistere, open data, 500 000 € maximum"])
def test_a_bound_taken_as_the_budget_is_said(chat, database_url, first):
    answer = chat.say(first)
    assert slot(chat, database_url, "budget") == 500_000
    assert nb("J'ai retenu 500 000 € TTC, le maximum que vous indiquez") in answer


@pytest.mark.parametrize("question", ["le plafond de 3 M€ s'applique a nous ?", "c'est eligible en dessous de 250 000 € ?"])
def test_an_amount_quoted_in_a_question_leaves_the_budget(chat, database_url, question):
    chat.say(f"{FINISTERE}, budget 400 000 €")
    chat.say(question)
    assert slot(chat, database_url, "budget") == 400_000
