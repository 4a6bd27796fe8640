"""A table of amounts and populations as people type them, SMS style included: approximations, shorthand
(« 1M2 », « 40ke », « 40 keur »), numbers in words, HT, bounds taken as the budget, ranges and
alternatives (asked, never one value), a yearly amount times the years, amounts added up, and figures
beside others (dates, phone numbers, counts of communes). A message at any moment is read by
orientation.entities.amount_entities (what the NLU reports), the answer to the bot's question by
parse_budget / parse_population, where a bare figure is in the unit asked."""
import pytest

from orientation.entities import amount_entities
from orientation.language.amounts import parse_budget, parse_population, people_said_as_money, read_budget
from orientation.replies.budget import bound_note
from tests.french import nb

C = "choice"  # a range or an alternative: the two ends are asked with buttons

# (message, budget TTC read (or C), population read)
MESSAGES = [
    ('à peu près 50 000 €', 50_000, None),
    ('environ 80k', 80_000, None),
    ('env 80k', 80_000, None),
    ('environ 80 000 euros', 80_000, None),
    ('dans les 200k', 200_000, None),
    ('on est dans les 200 000 euros', 200_000, None),
    ('~150k€', 150_000, None),
    ('~ 150 k€', 150_000, None),
    ('autour de 150k', 150_000, None),
    ('aux alentours de 120 000 €', 120_000, None),
    ("de l'ordre de 300k", 300_000, None),
    ('grosso modo 90k', 90_000, None),
    ('approx 70ke', 70_000, None),
    ('a peu pres 45k', 45_000, None),
    ('quasi 100k', 100_000, None),
    ('150k environ', 150_000, None),
    ('80 000 € environ', 80_000, None),
    ('le budget serait de 200 000 € à peu près', 200_000, None),
    ('ça coûte environ 2 millions', 2_000_000, None),
    ('200k plus ou moins', 200_000, None),
    ('dans les 1,5M', 1_500_000, None),
    ('1M2', 1_200_000, None),
    ('1.5M', 1_500_000, None),
    ("1,5 million d'euros", 1_500_000, None),
    ("un million et demi d'euros", 1_500_000, None),
    ("deux millions d'euros", 2_000_000, None),
    ('2M€', 2_000_000, None),
    ('2 M€', 2_000_000, None),
    ('1.5 M euros', 1_500_000, None),
    ('1,2 M€ TTC', 1_200_000, None),
    ('deux cent mille euros', 200_000, None),
    ('quarante mille euros', 40_000, None),
    ('cent cinquante mille euros', 150_000, None),
    ('trois cent mille €', 300_000, None),
    ('cinquante mille balles', 50_000, None),
    ('vingt-cinq mille euros', 25_000, None),
    ('2,5 M', 2_500_000, None),
    ('500.000 €', 500_000, None),
    ('1 200 000 €', 1_200_000, None),
    ('40ke', 40_000, None),
    ('40 ke', 40_000, None),
    ('40 000e', 40_000, None),
    ('40 keur', 40_000, None),
    ('40keur', 40_000, None),
    ('40 k€', 40_000, None),
    ('40 kE', 40_000, None),
    ('40 000 eur', 40_000, None),
    ('40 000 euros', 40_000, None),
    ('40000 €', 40_000, None),
    ('40 k euros', 40_000, None),
    ('40 000 EUR', 40_000, None),
    ('40 Keuros', 40_000, None),
    ('40 000 balles', 40_000, None),
    ('150 000 euros HT', 180_000, None),
    ('150k HT', 180_000, None),
    ('150 k€ HT', 180_000, None),
    ('150 000 € hors taxe', 180_000, None),
    ('150ke ht', 180_000, None),
    ('150 000 HT', 180_000, None),
    ('budget 150k ht', 180_000, None),
    ('1M HT', 1_200_000, None),
    ('150 000 € TTC', 150_000, None),
    ('150k ttc', 150_000, None),
    ('150 000 € H.T.', 180_000, None),
    ('100k€ hors tva', 120_000, None),
    ('max 300k', 300_000, None),
    ('300k max', 300_000, None),
    ('pas plus de 100 000 €', 100_000, None),
    ('moins de 50k', 50_000, None),
    ('moins de 50 000 euros', 50_000, None),
    ('au maximum 200 000 €', 200_000, None),
    ("jusqu'à 400k", 400_000, None),
    ("jusqu'a 400 000e", 400_000, None),
    ('au plus 80k', 80_000, None),
    ('maxi 60k', 60_000, None),
    ('pas plus de 100k ht', 120_000, None),
    ('au moins 200k', 200_000, None),
    ('budget plafonné à 500k', 500_000, None),
    ('on ne dépassera pas 250 000 €', 250_000, None),
    ('on depassera pas 250k', 250_000, None),
    ('en dessous de 90 000 €', 90_000, None),
    ('inférieur à 40k', 40_000, None),
    ('sous les 100k', 100_000, None),
    ('entre 200 et 250k', C, None),
    ('entre 200k et 250k', C, None),
    ('entre 200 000 et 250 000 €', C, None),
    ('60k ou 80k', C, None),
    ('60 ou 80k€', C, None),
    ('200-250k', C, None),
    ('de 100 à 150 k€', C, None),
    ('100 a 150k', C, None),
    ('1 ou 2M', C, None),
    ('entre 80 et 100 000 euros', C, None),
    ('soit 60k soit 80k', C, None),
    ('100/150k', C, None),
    ('entre 200 et 250k HT', C, None),
    ('on hesite entre 300k et 500k', C, None),
    ('50k par an sur 3 ans', 150_000, None),
    ('50 000 € par an pendant 3 ans', 150_000, None),
    ('100k/an sur 2 ans', 200_000, None),
    ('30 000 euros par an sur 4 ans', 120_000, None),
    ('40k€ par an pendant deux ans', 80_000, None),
    ('20k par an pdt 5 ans', 100_000, None),
    ('60k annuels sur 3 ans', 180_000, None),
    ('100k de presta + 50k de licences', 150_000, None),
    ('100k de presta et 50k de licences', 150_000, None),
    ('80 000 € de prestation + 20 000 € de matériel', 100_000, None),
    ("200k de dev + 100k d'hebergement", 300_000, None),
    ('50k + 30k', 80_000, None),
    ('100 000 € de presta plus 50 000 € de licences', 150_000, None),
    ('100k presta, 50k licences', 150_000, None),
    ('projet de 300k€ en 2026', 300_000, None),
    ('300k pour 2026', 300_000, None),
    ('un budget de 200 000 € sur 3 départements', 200_000, None),
    ('2 ETP et 150k€', 150_000, None),
    ("150 000 € dont 20% d'autofinancement", 150_000, None),
    ('mon numero 06 12 34 56 78, budget 80k', 80_000, None),
    ('rappelez moi au 0612345678 pour un projet de 90k', 90_000, None),
    ('livraison en 2027 pour 500 000 €', 500_000, None),
    ('on a 3 départements et 1,2 M€', 1_200_000, None),
    ('le 12 mars on lance, budget 250k', 250_000, None),
    ('50% de 400k', 400_000, None),
    ('12 agents, 60k€', 60_000, None),
    ('projet 2025-2026 à 400 000 €', 400_000, None),
    ('12k hab', None, 12_000),
    ('12 k habitants', None, 12_000),
    ('12 000 habitants', None, 12_000),
    ('12000 hab', None, 12_000),
    ('env 8500 h', None, 8_500),
    ('environ 8500 habitants', None, 8_500),
    ('8500 hbts', None, 8_500),
    ("1,2 M d'habitants", None, 1_200_000),
    ("1,2 million d'habitants", None, 1_200_000),
    ('1.2M hab', None, 1_200_000),
    ('une commune de 3000 âmes', None, 3_000),
    ('une commune de 3000 ames', None, 3_000),
    ('on dessert 45 communes et 60 000 personnes', None, 60_000),
    ('45 communes, 60 000 habitants', None, 60_000),
    ('on couvre 45 communes pour 60k habitants', None, 60_000),
    ('une interco de 32 communes et 25 000 hab', None, 25_000),
    ('ville de 45 000 habitants', None, 45_000),
    ('nous sommes 45 000', None, 45_000),
    ('population 45000', None, 45_000),
    ('pop 45k', None, 45_000),
    ('3000 habitants environ', None, 3_000),
    ('trois mille habitants', None, 3_000),
    ('quinze mille habitants', None, 15_000),
    ('une ville de 150k habitants', None, 150_000),
    ('8 500 hab.', None, 8_500),
    ('commune de 800 habitants', None, 800),
    ('un village de 450 âmes', None, 450),
    ('120 000 administrés', None, 120_000),
    ('on est 12k habitants', None, 12_000),
    ('60 000 personnes', None, 60_000),
    ('12 000 habs', None, 12_000),
    ("2 millions d'habitants", None, 2_000_000),
    ('deux millions d habitants', None, 2_000_000),
    ('commune de 12 000 habitants, projet à 150k€', 150_000, 12_000),
    ('12k hab et 80k de budget', 80_000, 12_000),
    ('une ville de 45 000 hab avec un budget de 300 000 €', 300_000, 45_000),
    ('8500 habitants, environ 60k', 60_000, 8_500),
    ('budget 200k pour 30 000 habitants', 200_000, 30_000),
    ('on est 20 000 habitants et on a 100k', 100_000, 20_000),
    ('ville de 45000 hab budget 300ke', 300_000, 45_000),
    ('3000 ames, 50 000 euros', 50_000, 3_000),
    ('interco 25 communes 40 000 hab, projet 1,2M', 1_200_000, 40_000),
    ('12 000 habitants et 150 000 € HT', 180_000, 12_000),
    ('pop 12k budget 80k', 80_000, 12_000),
    ('prestation 100k et licences 50k', 150_000, None),
    ('presta: 100k, licences: 50k', 150_000, None),
    ('budget 100k et subvention 50k', 100_000, None),
    ('budget ds les 200k', 200_000, None),
    ('ca fera dans les 1,5 M', 1_500_000, None),
    ('on a prevu 1M5', 1_500_000, None),
    ('2 M HT', 2_400_000, None),
    ('pop ~ 12k', None, 12_000),
    ('douze mille habitants', None, 12_000),
    ('3 departements et 400k', 400_000, None),
    ('pour 2 ETP pendant 2 ans: 200k', 200_000, None),
    ('budget: 90 000 € HT soit 108 000 TTC', 108_000, None),
    ('non plutot 90k', 90_000, None),
    ('1 ou 2 millions d euros', C, None),
    ('ca coutera pas plus de 80 000 e', 80_000, None),
    ('100k/an pendant 3 ans', 300_000, None),
    ('€ 300 000', 300_000, None),
    ('on a prevu 80 000 pour ca', 80_000, None),
    ('nous disposons de 120 000', 120_000, None),
    ('une ville de 12 000', None, 12_000),
    ("commune d'environ 3000 et projet a 50k", 50_000, 3_000),
    ('on compte environ 45 000 résidents', None, 45_000),
    ('dans les 200 000 €/an sur 2 ans', 400_000, None),
]


@pytest.mark.parametrize("text, budget, population", MESSAGES)
def test_a_message_at_any_moment(text, budget, population):
    values = {e["entity"]: e["value"] for e in amount_entities(text)}
    reading = read_budget(text)
    read = C if len(reading.choice) == 2 and reading.total is None else values.get("budget")
    assert (read, values.get("population")) == (budget, population)


# The answer to « Quel est le coût total du projet ? »: a bare figure is euros.
BUDGET_ANSWERS = [
    ("50 000 à peu près", 50_000), ("50 000 a peu pres", 50_000), ("dans les 200 000", 200_000),
    ("ca doit tourner autour de 60 000", 60_000), ("1,5 millions", 1_500_000), ("un million et demi", 1_500_000),
    ("1 million et demi", 1_500_000), ("deux millions", 2_000_000), ("3 millions", 3_000_000),
    ("deux cent mille", 200_000), ("quarante mille", 40_000), ("un demi million", 500_000),
    ("deux millions cinq", 2_500_000), ("2 millions 500 000", 2_500_000), ("500 000", 500_000), ("500000", 500_000),
    ("pas plus de 100 000", 100_000), ("50 000 par an sur 3 ans", 150_000), ("vingt et un mille", 21_000),
    ("150 000 HT", 180_000), ("environ 1,2M", 1_200_000), ("40 keur", 40_000), ("50k + 30k", 80_000),
]


@pytest.mark.parametrize("text, value", BUDGET_ANSWERS)
def test_an_answer_to_the_budget_question(text, value):
    result = parse_budget(text)
    assert (result.status, result.value) == ("ok", value)


@pytest.mark.parametrize("text, low, high", [
    ("60 ou 80 000", 60_000, 80_000), ("entre 1 et 2 millions", 1_000_000, 2_000_000),
    ("entre deux cent et trois cent mille", 200_000, 300_000), ("100 ou 150", 100, 150),
])
def test_a_range_or_an_alternative_answered_is_asked(text, low, high):
    result = parse_budget(text)
    assert result.status == "choice" and [q.value for q in result.choice] == [low, high]


@pytest.mark.parametrize("text, value", [
    ("12k", 12_000), ("12 000", 12_000), ("env 8500", 8_500), ("1,2 M", 1_200_000), ("3000 ames", 3_000),
    ("quinze mille", 15_000), ("a peu pres 45 000", 45_000), ("45 communes et 60 000 personnes", 60_000),
])
def test_an_answer_to_the_population_question(text, value):
    result = parse_population(text)
    assert (result.status, result.value) == ("ok", value)


@pytest.mark.parametrize("text", ["14h", "on se voit a 14 h", "35 h par semaine"])
def test_hours_are_no_population(text):
    assert not [e for e in amount_entities(text) if e["entity"] == "population"]


@pytest.mark.parametrize("text", ["800k dont 200k de salaires et 100k de materiel", "budget total 300k, 50k de subvention",
                                  "au plus 80k + 20k ?"])
def test_amounts_are_not_added_up_when_one_is_the_total_or_a_grant(text):
    assert read_budget(text).total is None or read_budget(text).total.qualifier != "sum"


def test_a_budget_computed_from_the_figures_said_is_said_back():
    total = read_budget("100k de presta + 50k de licences").total
    (note,) = bound_note(total.value, total.qualifier, total.text)
    assert note == nb("J'ai retenu 150 000 € TTC, le total des montants indiqués (« 100k de presta + 50k ») : "
                      "dites-moi si le coût total du projet est un autre.")
    total = read_budget("40k€ par an pendant deux ans").total
    assert bound_note(total.value, total.qualifier, total.text)[0].startswith(
        nb("J'ai retenu 80 000 € TTC pour toute la durée du projet (« 40k€ par an pendant deux ans »)"))


@pytest.mark.parametrize("text, value", [
    ("je ne sais pas exactement, environ 80 000", 80_000), ("aucune idee precise mais autour de 100k", 100_000),
    ("pas encore defini, peut etre 200k", 200_000), ("je sais pas trop 50 000 a peu pres", 50_000),
])
def test_an_estimate_said_with_i_do_not_know_is_a_value(text, value):
    result = parse_budget(text)
    assert (result.status, result.value) == ("ok", value)


@pytest.mark.parametrize("text", ["je sais pas", "aucune idee", "nsp", "pas encore defini"])
def test_i_do_not_know_alone_is_unknown(text):
    assert parse_budget(text).status == "unknown" and parse_population(text).status == "unknown"


@pytest.mark.parametrize("text, people", [("env 80k", [80_000]), ("12k", [12_000]), ("12k€", []), ("40ke", []),
                                          ("12 000 habitants et 80k", [])])
def test_figures_made_money_by_their_multiplier_only(text, people):
    assert [q.value for q in people_said_as_money(text)] == people
