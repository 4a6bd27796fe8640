"""Amounts as people type them (orientation/language/amounts.py): shorthand, ranges and
alternatives, approximations and bounds, a tax said after the fact, and the numbers of a message
that are neither a population nor a budget."""
import pytest

from orientation.entities import amount_entities
from orientation.language.amounts import (
    extract_quantities,
    parse_budget,
    parse_population,
    read_budget,
    tax_statement,
    total_figure,
)


def budget_of(text):
    total = read_budget(text).total
    return total.value if total else None


def entities(text):
    return [(e["entity"], e["value"]) for e in amount_entities(text)]


@pytest.mark.parametrize("text, value", [
    ("40 000e", 40_000), ("40000e", 40_000), ("40 000 e pour le projet", 40_000), ("budget 40ke", 40_000),
    ("40 ke", 40_000), ("40KE", 40_000), ("40 k", 40_000), ("40K€", 40_000), ("40k euros", 40_000),
    ("1,2M", 1_200_000), ("1.2 M€", 1_200_000), ("1,2 m€", 1_200_000), ("1 M 2", 1_200_000), ("1M2", 1_200_000),
    ("1M25", 1_250_000), ("1m2 euros", 1_200_000), ("40k5", 40_500), ("un demi-million", 500_000),
    ("un demi million d'euros", 500_000), ("demi-million d'€", 500_000), ("850 000e ttc", 850_000),
])
def test_shorthand_amounts(text, value):
    (q,) = [q for q in extract_quantities(text)]
    assert q.value == value and q.kind in ("budget", "number")


def test_an_ordinal_and_an_area_are_not_euros():
    assert [(q.kind, q.value) for q in extract_quantities("au 2e etage")] == [("number", 2)]
    assert [(q.kind, q.value) for q in extract_quantities("une salle de 100 m2")] == [("number", 100)]


@pytest.mark.parametrize("text", ["2,6 millions d'habitants", "2,6 millions d'hab", "2.6 M d'habitants",
                                  "2,6 millions habitants"])
def test_millions_of_inhabitants_are_a_population(text):
    assert [(q.kind, q.value) for q in extract_quantities(text)] == [("population", 2_600_000)]


@pytest.mark.parametrize("text", [
    "conseil départemental du Nord, 2,6 millions d'habitants, projet de 500 000 €",
    "cd du nord 2,6 millions d'hab pour un projet a 500ke",
    "on couvre 2,6 millions d'habitants et on a 500 000 euros",
    "projet de 500k€ pour nos 2,6 millions d habitants",
])
def test_a_population_and_a_budget_in_one_message_are_both_read(text):
    assert sorted(entities(text)) == [("budget", 500_000), ("population", 2_600_000)]


@pytest.mark.parametrize("text", ["300 000 euros HT", "300 000 € HT", "300k ht", "300 000e HT", "300 ke h.t.",
                                  "300 000 hors taxes"])
def test_an_amount_ht_is_converted_and_keeps_the_figure_as_given(text):
    total = read_budget(text).total
    assert total.value == 360_000 and total.excl_tax and total.as_given == 300_000 and total.tax == "HT"


@pytest.mark.parametrize("text", ["le 1,2M c'est HT en fait", "1,2M mais c'est du HT", "1,2 M€, hors taxe",
                                  "le 1.2M c ht"])
def test_a_tax_said_apart_from_its_figure_applies_to_it(text):
    total = read_budget(text).total
    assert total.value == 1_440_000 and total.as_given == 1_200_000 and total.tax == "HT"


@pytest.mark.parametrize("text, said", [("c'est HT", "HT"), ("HT en fait", "HT"), ("c du ht", "HT"),
                                        ("non c'etait hors taxes", "HT"), ("c'est TTC", "TTC"),
                                        ("toutes taxes comprises", "TTC"), ("rien a voir", None)])
def test_the_tax_a_message_states(text, said):
    assert tax_statement(text) == said


@pytest.mark.parametrize("text, low, high, relation", [
    ("peut etre 60 ou 80 000 euros", 60_000, 80_000, "alternative"),
    ("60 ou 80 000 €", 60_000, 80_000, "alternative"),
    ("60k ou 80k", 60_000, 80_000, "alternative"),
    ("soit 60 000 soit 80 000 €, ou 80 000", None, None, None),
    ("100/150k", 100_000, 150_000, "alternative"),
    ("entre 200 et 250k HT", 240_000, 300_000, "range"),
    ("entre 200k et 250k", 200_000, 250_000, "range"),
    ("de 100 à 150 k€", 100_000, 150_000, "range"),
    ("de 100 a 150ke", 100_000, 150_000, "range"),
    ("projet 200-250k", 200_000, 250_000, "range"),
    ("entre 1 et 1,5 M€", 1_000_000, 1_500_000, "range"),
    ("on hesite entre 500k et 300k", 500_000, 300_000, "alternative"),
])
def test_ranges_and_alternatives_are_never_reduced_to_one_value(text, low, high, relation):
    reading = read_budget(text)
    if relation is None:
        return
    assert reading.total is None
    assert [q.value for q in reading.choice] == [low, high]
    assert {q.choice for q in reading.choice} == {relation}
    assert not [e for e in entities(text) if e[0] == "budget"]


def test_a_range_answering_the_budget_question_is_a_choice():
    result = parse_budget("peut etre 60 ou 80 000")
    assert result.status == "choice" and result.value is None
    assert [q.value for q in result.choice] == [60_000, 80_000]
    assert parse_budget("entre 200 et 250k HT").status == "choice"


def test_a_range_of_inhabitants_is_no_population():
    assert entities("entre 200 000 et 250 000 habitants") == []
    assert parse_population("entre 200 000 et 250 000 habitants").status == "choice"


@pytest.mark.parametrize("text, value, qualifier", [
    ("~200k", 200_000, "approx"), ("environ 200 000 €", 200_000, "approx"), ("env 200k", 200_000, "approx"),
    ("autour de 200 000 euros", 200_000, "approx"), ("dans les 200k", 200_000, "approx"),
    ("a peu pres 200 000e", 200_000, "approx"), ("max 500k", 500_000, "max"), ("500k max", 500_000, "max"),
    ("au maximum 500 000 €", 500_000, "max"), ("jusqu'a 500k", 500_000, "max"), ("500ke grand max", 500_000, "max"),
])
def test_approximations_and_bounds_are_values_said_with_their_qualifier(text, value, qualifier):
    total = read_budget(text).total
    assert (total.value, total.qualifier) == (value, qualifier)


def test_a_bare_approximation_answers_the_budget_question():
    assert parse_budget("environ 200 000").value == 200_000
    assert parse_budget("~200k").value == 200_000


@pytest.mark.parametrize("text", [
    "le plafond de 3 M€ s'applique ?", "le plafond de 3M c'est par projet ?", "eligible en dessous de 250 000 € ?",
    "c'est bon au dessus de 1M ?", "il y a un seuil de 100 000 € pour ITN5 ?", "ca marche si moins de 100k ?",
    "le plancher de 75 000 € c'est la subvention ?",
])
def test_an_amount_quoted_in_a_question_about_a_call_is_not_the_budget(text):
    assert budget_of(text) is None
    assert entities(text) == []
    assert any(not q.owned for q in extract_quantities(text))


@pytest.mark.parametrize("text, what", [
    ("faut deplacer le rdv DN-7K3P9Q, mercredi 9 le matin plutot", "date"), ("le 14 ca vous va", "date"),
    ("9 décembre", "date"), ("le 9 decembre 2021", "date"), ("dispo le 09/12", "date"), ("lundi 14h heure de paris", "time"),
    ("vers 9h30", "time"), ("a 14 heures", "time"), ("a 10:30", "time"), ("mon tel 06 12 34 56 78", "phone"),
    ("+33 6 12 34 56 78", "phone"), ("06.12.34.56.78", "phone"), ("75011 Paris", "postcode"),
    ("97100 Basse-Terre", "postcode"), ("cp 13001", "postcode"), ("12 rue de la Paix", "street"),
    ("3 bis avenue Foch", "street"), ("50 %", "percent"), ("financé a 80%", "percent"),
    ("33 communes", "count"), ("40 agents", "count"), ("une equipe de 4 etp", "count"), ("sur 18 mois", "count"),
    ("ecrivez a agent.75@mairie-13.fr", "email"),
])
def test_numbers_that_are_not_the_profile(text, what):
    found = extract_quantities(text)
    assert found and all(q.kind not in ("budget", "population", "number") for q in found), found
    assert what in {q.kind for q in found}
    assert entities(text) == []
    assert parse_budget(text).status != "ok" and parse_population(text).status != "ok"


def test_a_year_is_not_an_amount():
    assert extract_quantities("en 2021") == []
    assert entities("lancé en 2021, 33 communes, 40 agents, budget 300 000 €") == [("budget", 300_000)]


def test_a_bare_postcode_like_figure_stays_a_figure():
    # Said alone after the population question, « 75011 » is a population: only a place name after it
    # makes it a postcode.
    assert parse_population("75011").value == 75_011


def test_the_budget_entity_carries_a_tax_said_apart():
    assert entities("le 1,2M c'est HT en fait") == [("budget", 1_440_000)]


@pytest.mark.parametrize("text, kind, value", [
    ("budget 400000", "budget", 400_000), ("budget : 400 000", "budget", 400_000),
    ("ca coute 2 millions", "budget", 2_000_000), ("le projet est chiffre a 1,5 million", "budget", 1_500_000),
    ("un projet de 400 000 pour ouvrir nos donnees", "budget", 400_000), ("montant 250000", "budget", 250_000),
    ("population 250 000", "population", 250_000), ("nous sommes 250 000", "population", 250_000),
    ("on couvre environ 80 000", "population", 80_000), ("pop : 45000", "population", 45_000),
])
def test_a_figure_without_unit_takes_one_from_the_words_before_it(text, kind, value):
    assert [(q.kind, q.value) for q in extract_quantities(text)] == [(kind, value)]


@pytest.mark.parametrize("text", ["non c'est 320 000 en fait", "projet lance le 14", "budget pour 33 communes",
                                  "on est 40 agents", "nous sommes 3 departements"])
def test_without_such_words_a_figure_keeps_no_unit(text):
    assert not [q for q in extract_quantities(text) if q.kind in ("budget", "population")]


@pytest.mark.parametrize("text, value", [
    ("un million deux", 1_200_000), ("budget: un million deux", 1_200_000), ("un million 200 mille euros", 1_200_000),
    ("1 million 200 000 €", 1_200_000), ("1 million 2", 1_200_000), ("1 million 250 €", 1_250_000),
    ("un million deux cent mille euros", 1_200_000), ("250 milles euros", 250_000), ("300 000 (HT)", 360_000),
])
def test_millions_and_thousands_as_they_are_said(text, value):
    (q,) = [q for q in extract_quantities(text) if q.kind in ("budget", "number")]
    assert q.value == value


def test_a_population_said_in_millions_and_thousands():
    assert entities("2 millions 500 mille habitants") == [("population", 2_500_000)]
    assert entities("1 million et 300 000 habitants") == [("population", 1_300_000)]


@pytest.mark.parametrize("text", ["pas plus de 300 000 €", "moins de 300 000 €", "300 000 € max"])
def test_a_bound_stated_is_the_budget_said_with_its_qualifier(text):
    total = read_budget(text).total
    assert (total.value, total.qualifier) == (300_000, "max")


def test_an_e_that_starts_a_word_is_no_euro():
    assert [(q.kind, q.value) for q in extract_quantities("50 000 e-mails")] == [("number", 50_000)]


@pytest.mark.parametrize("text, expected", [
    ("45 000 hbts", [("population", 45_000)]), ("45000 habitans", [("population", 45_000)]),
    ("pop 45k", [("population", 45_000)]), ("pop. 45 000", [("population", 45_000)]),
    ("on couvre 1,2M", [("population", 1_200_000)]), ("projet 1,2M", [("budget", 1_200_000)]),
    ("pop 45k, budget 300k", [("population", 45_000), ("budget", 300_000)]), ("on est a 45k", [("budget", 45_000)]),
])
def test_populations_as_people_type_them(text, expected):
    assert entities(text) == expected


@pytest.mark.parametrize("text, euros", [
    ("environ 45 millions XPF, soit ~380 000 €", 380_000),
    ("30 millions de francs CFP, soit environ 250 000 €", 250_000),
    ("12 M XPF c'est a peu pres 100 000 euros", 100_000),
    ("le projet fait 2,4 M FCFP soit 20 000 €", 20_000),
])
def test_an_amount_in_another_currency_beside_its_euros_leaves_the_euros_as_the_budget(text, euros):
    assert entities(text) == [("budget", euros)]


@pytest.mark.parametrize("text", [
    "env 15 M XPF", "l'equivalent de 24 M XPF", "2 M FCFP", "100 000 dollars", "50 000 $", "80 000 CHF",
    "£40 000", "40 000 £", "un budget de 300 000 USD", "on a 2 millions de francs CFP", "1,5 M$",
])
def test_an_amount_in_another_currency_is_no_budget(text):
    assert entities(text) == [] and budget_of(text) is None
    assert [q.kind for q in extract_quantities(text)] == ["foreign"]
    result = parse_budget(text)
    assert result.status == "currency" and "en euros" in result.message


@pytest.mark.parametrize("text, value", [("300 000 €", 300_000), ("300 000 e", 300_000), ("300 000 eur", 300_000),
                                         ("300 000 euros", 300_000), ("300k€", 300_000), ("300 ke", 300_000),
                                         ("1,2 M€", 1_200_000), ("300 000 € (environ 36 M XPF)", 300_000)])
def test_euros_stay_euros(text, value):
    assert entities(text) == [("budget", value)]


@pytest.mark.parametrize("text, total", [
    ("ya 500 tablettes a 400e piece donc 200k", 200_000),
    ("3 lots de 20 000, soit 60 000 € au total", 60_000),
    ("on achete 30 PC a 800 euros l'unite, donc 24 000 euros", 24_000),
    ("2 classes mobiles a 15 000 € chacune, ce qui fait 30 000 €", 30_000),
    ("120 licences a 50 €/licence soit 6000 €", 6_000),
    ("20 000 € par ecole x 4 ecoles ca fait 80 000 €", 80_000),
])
def test_a_total_said_after_a_computation_is_the_budget(text, total):
    assert entities(text) == [("budget", total)]


@pytest.mark.parametrize("text", ["des tablettes a 400 € piece", "20 000 chacun", "800 € l'unite",
                                  "prix unitaire 1200 €", "50 €/licence"])
def test_a_unit_price_is_never_the_budget(text):
    assert entities(text) == [] and budget_of(text) is None
    assert parse_budget(text).status != "ok"


@pytest.mark.parametrize("text, value", [
    ("en fait ya aussi la cc qui met 5000 donc 30 000 en tout", 30_000),
    ("ah et 5000 de plus, ca fait 45 000", 45_000),
    ("non il y a aussi 10 000 de la region, donc 60 000 au total", 60_000),
])
def test_the_one_figure_said_as_a_total(text, value):
    assert total_figure(text).value == value


@pytest.mark.parametrize("text, field, value", [
    ("en fait la population c'est plutot 27 000", "population", 27_000),
    ("la pop c'est finalement 12 000", "population", 12_000),
    ("nb d'habitants : 12 500", "population", 12_500),
    ("nombre d'habitants 9 800", "population", 9_800),
    ("on est plutot 8000 habitants", "population", 8_000),
    ("le budget c'est plutot 50k", "budget", 50_000),
    ("le budget c'est plutot 50 000", "budget", 50_000),
    ("le cout serait finalement 75 000", "budget", 75_000),
])
def test_a_figure_after_the_name_of_its_field_is_that_field(text, field, value):
    assert entities(text) == [(field, value)]


@pytest.mark.parametrize("text", [
    "on est pas 300 000 hab ca bloque ?", "on n'est pas 300 000", "on fait pas 300 000 habitants",
    "il faut 300 000 hab ?", "faut-il 300 000 habitants ?", "nous ne sommes pas 300 000 habitants",
    "on a pas 1 M€", "on n'a jamais 1 M€ pour ca", "faut-il 500 000 € ?",
])
def test_a_figure_denied_or_asked_as_a_requirement_is_no_statement(text):
    assert entities(text) == [] and budget_of(text) is None
    assert all(not q.owned for q in extract_quantities(text))


@pytest.mark.parametrize("text, value", [("il faut 300 000 € pour ce projet, c'est financable ?", 300_000),
                                         ("on ne depassera pas 250 000 €", 250_000),
                                         ("non pas 300 000 € mais 350 000 €", 350_000)])
def test_a_cost_stated_beside_a_question_or_a_denial_is_still_read(text, value):
    assert budget_of(text) == value
