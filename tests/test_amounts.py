"""French amounts and counts (orientation/language/amounts.py), the one place numbers are parsed."""
import time

import pytest

from orientation.language.amounts import extract_quantities, parse_budget, parse_departement_count, parse_population
from tests.french import nb


def quantities(text):
    return [(q.kind, q.value) for q in extract_quantities(text)]


@pytest.mark.parametrize("text, value", [
    ("300 000 €", 300_000), ("300000€", 300_000), ("300 000 euros", 300_000), ("300k€", 300_000),
    ("300 k€", 300_000), ("300K€", 300_000), ("300 keur", 300_000), ("1,5 M€", 1_500_000), ("1.5M€", 1_500_000),
    ("1,5 million d'euros", 1_500_000), ("2 millions d'euros", 2_000_000), ("deux cent mille euros", 200_000),
    ("un million d'euros TTC", 1_000_000), ("un million et demi d'euros", 1_500_000),
    ("1.500.000 €", 1_500_000), ("300\u202f000\u00a0€", 300_000), ("300 000 euro", 300_000), ("300k", 300_000),
])
def test_budgets(text, value):
    assert quantities(text) == [("budget", value)]


@pytest.mark.parametrize("text, value", [
    ("350 000 habitants", 350_000), ("1,2 million d'habitants", 1_200_000), ("1 200 000 habitants", 1_200_000),
    ("50 000 hab", 50_000), ("50 000 hab.", 50_000), ("une ville de 60 000 habs", 60_000), ("quatre-vingt mille habitants", 80_000),
    ("80000 habitant", 80_000), ("300 000 citoyens", 300_000),
])
def test_populations(text, value):
    assert quantities(text) == [("population", value)]


@pytest.mark.parametrize("text, value", [("trois départements", 3), ("3 départements", 3), ("2 departements", 2),
                                         ("deux depts", 2)])
def test_departements(text, value):
    assert quantities(text) == [("departements", value)]


def test_a_budget_and_a_population_in_one_sentence_in_either_order():
    assert quantities("une commune de 50 000 habitants avec un projet à 200 000 €") == [
        ("population", 50_000), ("budget", 200_000)]
    assert quantities("projet de 1,5 M€ pour un territoire de 1,2 million d'habitants") == [
        ("budget", 1_500_000), ("population", 1_200_000)]


def test_spans_follow_the_annotation_conventions():
    text = "Bonjour, nous sommes 350 000 habitants et le projet coûte un million d'euros TTC"
    spans = [text[q.start:q.end] for q in extract_quantities(text)]
    assert spans == ["350 000 habitants", "un million d'euros"]


def test_an_amount_given_ht_is_converted_to_ttc():
    (q,) = extract_quantities("un budget de 400 000 € HT")
    assert q.value == 480_000 and q.excl_tax
    assert q.text == "400 000 €"
    (q,) = extract_quantities("400 000 € hors taxes")
    assert q.excl_tax
    (q,) = extract_quantities("400 000 € TTC")
    assert q.value == 400_000 and not q.excl_tax


def test_negative_amounts_are_flagged():
    (q,) = extract_quantities("-5 €")
    assert q.negative and q.value == -5
    (q,) = extract_quantities("moins 5 euros")
    assert q.negative


def test_codes_years_and_articles_are_not_quantities():
    assert quantities("SNAP3, ITN8A et SNAP-2") == []
    assert quantities("en 2021 notre projet de 300 000 €") == [("budget", 300_000)]
    assert quantities("une commune") == []
    assert quantities("une surface de 100 m2") == [("number", 100)]


def test_numbers_without_unit():
    assert quantities("0,5 million") == [("number", 500_000)]


@pytest.mark.parametrize("reply, value", [("400000", 400_000), ("400 000", 400_000), ("400k", 400_000),
                                          ("1,5 million", 1_500_000), ("environ 300 000 €", 300_000),
                                          ("deux cent mille", 200_000)])
def test_a_bare_answer_to_the_budget_question(reply, value):
    result = parse_budget(reply)
    assert (result.status, result.value) == ("ok", value)


@pytest.mark.parametrize("reply, status, words", [
    ("je ne sais pas", "unknown", None), ("aucune idée", "unknown", None), ("Je sais pas encore", "unknown", None),
    ("beaucoup", "vague", "chiffre"), ("-5 €", "negative", "négatif"), ("0", "zero", "nul"),
    ("99999999999999 €", "absurd", "hors de portée"), ("", "missing", "chiffre"),
    ("<b>bonjour</b>", "missing", "chiffre"), ("350 000 habitants", "missing", "ne répond pas"),
])
def test_budget_answers_that_cannot_be_used_say_why_in_french(reply, status, words):
    result = parse_budget(reply)
    assert result.status == status and result.value is None
    if words:
        assert words in result.message


def test_budget_answer_in_ht():
    result = parse_budget("500 000 € HT")
    assert result.value == 600_000 and result.excl_tax


def test_population_and_departement_answers():
    assert parse_population("350 000").value == 350_000
    assert parse_population("1,2 million d'habitants").value == 1_200_000
    assert parse_population("beaucoup").status == "vague"
    assert parse_population("200 millions d'habitants").status == "absurd"
    assert parse_departement_count("3").value == 3
    assert parse_departement_count("trois").value == 3
    assert parse_departement_count("2,5").status == "absurd"
    assert parse_departement_count("150").status == "absurd"


def test_markup_is_just_text():
    assert quantities("<b>300 000 €</b>") == [("budget", 300_000)]


def test_a_huge_message_returns_quickly():
    text = "bla " * 2500 + "300 000 €"
    start = time.perf_counter()
    extract_quantities(text)
    assert time.perf_counter() - start < 2


def test_au_moins_is_not_a_minus_sign():
    assert quantities("une population d'au moins 300 000 habitants") == [("population", 300_000)]
    assert parse_population("au moins 300 000 habitants").value == 300_000
    assert quantities("un budget du moins deux cent mille euros") == [("budget", 200_000)]
    assert parse_budget("moins 5 €").status != "ok"  # a real minus sign is still refused


@pytest.mark.parametrize("text, expected", [
    ("300\u2009000 €", [("budget", 300_000, "300\u2009000 €")]),                     # thin space
    ("1,5 million d’euros", [("budget", 1_500_000, "1,5 million d’euros")]),        # typographic apostrophe
    ("3 dpts", [("departements", 3, "3 dpts")]),
    ("1,5M", [("budget", 1_500_000, "1,5M")]),
    ("2 Md", [("budget", 2_000_000_000, "2 Md")]),
    ("1 et demi", [("number", 1.5, "1 et demi")]),
    ("1 million et demi", [("number", 1_500_000, "1 million et demi")]),
    ("2,5 départements", []),                                                       # no half département
    ("un projet de 2000 €", [("budget", 2000, "2000 €")]),                          # a year-like amount in euros
    ("T2 2021", []),                                                                # a quarter, not a count
    ("SNAP3 pour 300 000 €", [("budget", 300_000, "300 000 €")]),                  # a code, then an amount
    ("un M€", [("budget", 1_000_000, "un M€")]),
])
def test_kinds_values_and_spans(text, expected):
    assert [(q.kind, q.value, q.text) for q in extract_quantities(text)] == expected


def test_ht_with_dots_is_converted():
    (q,) = extract_quantities("400 000 € H.T.")
    assert (q.value, q.excl_tax, q.text) == (480_000, True, "400 000 €")


def test_negative_amounts_in_words():
    (q,) = extract_quantities("moins deux cents euros")
    assert (q.kind, q.value, q.text, q.start, q.end, q.negative) == ("budget", -200, "moins deux cents euros", 0, 22,
                                                                     True)
    (q,) = extract_quantities("- trois départements")
    assert (q.kind, q.value, q.negative) == ("departements", -3, True)
    assert parse_departement_count("- trois départements").status == "negative"


def test_a_capital_x_is_a_letter_not_a_space():
    assert quantities("MAX300 €") == []  # part of a word, as in a code


def test_a_negative_amount_in_words_given_ht():
    (q,) = extract_quantities("moins deux cents euros HT")
    assert (q.value, q.excl_tax, q.negative) == (-240, True, True)


def test_unknown_with_an_elided_word():
    from orientation.language.amounts import says_unknown
    assert says_unknown("j'sais pas")
    assert not says_unknown("je sais")


def test_the_answer_takes_the_quantity_in_the_unit_asked():
    assert parse_budget("3 lots pour 300 000 €").value == 300_000
    assert parse_population("2 € pour 5 000 habitants").value == 5_000


def test_answer_limits_are_inclusive():
    assert (parse_budget("1 €").status, parse_budget("1 €").value) == ("ok", 1)
    assert parse_budget("10 milliards d'euros").value == 1e10
    assert parse_departement_count("101").value == 101
    assert parse_departement_count("1").value == 1
    assert parse_population("100 millions d'habitants").value == 1e8


# --- several amounts in one message: the total and its parts -------------------------------------
from orientation.language.amounts import read_budget  # noqa: E402


def reading(text):
    r = read_budget(text)
    return (r.total.value if r.total else None, r.parts_by_kind(), [q.value for q in r.candidates])


@pytest.mark.parametrize("text, expected", [
    # The Région's data lead: the total is said twice, the part is « de salaires internes ».
    ("budget autour de 800k … dans les 800k y a ~200k de salaires internes", (800_000, {"personnel": 200_000}, [])),
    ("non non le budget total reste 800k !! les 200k c juste la part salaires", (800_000, {"personnel": 200_000}, [])),
    ("un projet de 1,2 M€ dont 300 k€ de personnel et 100 k€ de matériel",
     (1_200_000, {"personnel": 300_000, "materiel": 100_000}, [])),
    ("850 000 € y compris 50 000 € de maintenance", (850_000, {"maintenance": 50_000}, [])),
    ("on part sur 500 000 euros, dont 120 000 pour la TMA", (500_000, {"maintenance": 120_000}, [])),
    ("coût global 640 k€, dont 40 k€ d'équipements", (640_000, {"materiel": 40_000}, [])),
    ("le projet coûte 900 k€ au total, dont 300 k€ de masse salariale", (900_000, {"personnel": 300_000}, [])),
    ("600 000 € dont 100 000 € de communication", (600_000, {"autre": 100_000}, [])),
    ("la part salaires est de 150 000 €", (None, {"personnel": 150_000}, [])),
    # A bare number given HT is money, converted to TTC; « le 450 » is the old figure, not a part.
    ("380 000 HT en fait, le 450 c'était avec la maintenance", (456_000, {}, [])),
    ("480 000 € et non pas 450 000 €", (480_000, {}, [])),
    ("projet de 1 M€, on demande 500 000 € de subvention", (1_000_000, {}, [])),
    ("un projet de TMA : 300 k€", (300_000, {}, [])),
    ("projet à 300 k€", (300_000, {}, [])),
    # Two amounts that could each be the total: the bot asks (« entre … et … » is a range: its own test).
    ("200 000 € de salaires et 150 000 € de personnel externe pour 300 000 €", (None, {}, [300_000, 200_000, 150_000])),
])
def test_the_total_and_its_parts(text, expected):
    assert reading(text) == expected


def test_the_answer_to_the_budget_question_is_the_total_and_two_totals_are_asked():
    assert parse_budget("800k dont 200k de salaires").value == 800_000
    result = parse_budget("500 000 € pour la v1, 700 000 € pour la v2")
    assert result.status == "ambiguous" and result.value is None
    assert result.message == (nb("Votre message contient plusieurs montants (500 000 € et 700 000 €) : "
                              "lequel est le coût total du projet ?"))
    result = parse_budget("500 000 ou 700 000 €, selon les options")
    assert result.status == "choice" and [q.value for q in result.choice] == [500_000, 700_000]


def test_the_budget_entity_is_the_total_only():
    from orientation.entities import amount_entities
    found = [(e["entity"], e["value"]) for e in amount_entities(
        "budget autour de 800k … dans les 800k y a ~200k de salaires internes, 350 000 habitants")]
    assert found == [("budget", 800_000), ("population", 350_000)]
    assert amount_entities("on hésite entre 500k et 300k") == []



def test_a_message_read_again_is_not_parsed_again_and_its_readings_stay_the_same(monkeypatch):
    """The readers of one message share its parse: the same quantities and budget, a list the caller
    may change, and the length limit of the moment (ORIENTATION_MAX_MESSAGE)."""
    from orientation.language import amounts

    parses = []
    real_typed = amounts._typed
    monkeypatch.setattr(amounts, "_typed", lambda folded, text: parses.append(text) or real_typed(folded, text))
    text = "budget total 400 000 € dont 120 000 € de salaires, pour 35 000 habitants (relu)"
    first = extract_quantities(text)
    first.clear()
    assert quantities(text) == [("budget", 400_000), ("budget", 120_000), ("population", 35_000)]
    assert amounts.read_budget(text) is amounts.read_budget(text)
    assert amounts.read_budget(text).total.value == 400_000 and len(amounts.read_budget(text).parts) == 1
    assert parses == [text]
    monkeypatch.setenv("ORIENTATION_MAX_MESSAGE", "20")
    assert quantities(text) == [("budget", 400_000)]
    assert amounts.read_budget(text).total.value == 400_000 and not amounts.read_budget(text).parts
