"""The budget through a conversation up to the booking: a correction replaces it, a what-if and an
amount waiting for confirmation leave it, « c'est HT » converts it, and the summary stored for the
advisors holds the budget confirmed, nothing else. Amounts added up or given per year are said back
with the total retained. The slots are read from the conversation store, the summary from the
booking store."""
import pytest

from tests.conversations.context_helpers import book, slots_of
from tests.french import nb

FINISTERE = "Le département du Finistère voudrait ouvrir ses données"


def slot(chat, database_url, name):
    return slots_of(database_url, chat.sender).get(name)


def test_the_summary_holds_the_budget_after_a_correction_and_a_what_if(chat, database_url):
    chat.say(f"{FINISTERE}, budget 300 000 €")
    chat.say("non plutot 90k")
    assert slot(chat, database_url, "budget") == 90_000
    chat.say("et si on passait le budget à 1 M€ ?")  # a hypothesis, not adopted
    assert slot(chat, database_url, "budget") == 90_000
    chat.say("en fait c'est HT")
    assert slot(chat, database_url, "budget") == 108_000
    summary = book(chat, database_url, "claire.martin@finistere.fr").summary
    assert nb("108 000 €") in summary
    assert not any(nb(figure) in summary for figure in ("300 000 €", "1 000 000 €", "90 000 € TTC"))


def test_an_amount_waiting_for_confirmation_does_not_reach_the_summary(chat, database_url):
    chat.say(f"{FINISTERE}, budget 300 000 €")
    answer = chat.say("ah non 500 €")
    assert "Est-ce bien le coût total du projet ?" in answer
    assert slot(chat, database_url, "budget") == 300_000
    summary = book(chat, database_url, "paul.le-gall@finistere.fr").summary
    assert nb("300 000 €") in summary and nb("500 €") not in summary.replace(nb("300 000 €"), "")


@pytest.mark.parametrize("first, total, said", [
    (f"{FINISTERE}, 100k de presta + 50k de licences", "150 000 €", "100k de presta + 50k"),
    ("departement du finistere, open data, 80 000 e de prestation et 20 000 e de materiel", "100 000 €",
     "80 000 e de prestation et 20 000 e"),
    ("departement du finistere, open data, prestation 100k et licences 50k", "150 000 €", "100k et licences 50k"),
])
def test_amounts_added_up_are_the_total_and_said(chat, database_url, first, total, said):
    answer = chat.say(first)
    assert slot(chat, database_url, "budget") == float(total.replace(" ", "").rstrip("€"))
    assert nb(f"J'ai retenu {total} TTC, le total des montants indiqués (« ") + f"{said} »)" in answer  # as typed


@pytest.mark.parametrize("first", [f"{FINISTERE}, 50k par an sur 3 ans",
                                   "departement du finistere, open data, 50 000 euros par an pendant trois ans"])
def test_a_yearly_amount_is_multiplied_by_the_years_and_said(chat, database_url, first):
    answer = chat.say(first)
    assert slot(chat, database_url, "budget") == 150_000
    assert nb("J'ai retenu 150 000 € TTC pour toute la durée du projet") in answer


@pytest.mark.parametrize("text, budget, population", [
    ("commune de 12k hab, projet open data a 80k environ", 80_000, 12_000),
    ("Nous sommes une commune de 3000 âmes, on voudrait ouvrir nos données pour 40 000 € à peu près", 40_000, 3_000),
])
def test_a_population_and_an_approximate_budget_are_both_values(chat, database_url, text, budget, population):
    answer = chat.say(text)
    assert slot(chat, database_url, "budget") == budget
    assert slot(chat, database_url, "population") == population
    assert "Est-ce bien le coût total" not in answer


@pytest.mark.parametrize("answer, population", [("env 80k", 80_000), ("12k", 12_000), ("dans les 12 000", 12_000)])
def test_a_figure_in_thousands_answers_the_population_question_and_leaves_the_budget(chat, database_url, answer,
                                                                                    population):
    chat.say("bonjour je suis dans une mairie, on veut dematerialiser nos demarches")
    assert "Combien d'habitants" in chat.say("150 000 e")
    reply = chat.say(answer)
    assert slot(chat, database_url, "population") == population
    assert slot(chat, database_url, "budget") == 150_000
    assert "Faut-il remplacer" not in reply


def test_an_estimate_said_with_i_do_not_know_is_the_budget(chat, database_url):
    chat.say("bjr mairie, projet de demat des demarches")
    chat.say("je sais pas exactement, environ 80 000")
    assert slot(chat, database_url, "budget") == 80_000
