import datetime as dt

import pytest

from orientation.language import french as fmt
from orientation.language.amounts import parse_budget
from tests.french import nb


@pytest.mark.parametrize("value, text", [(300000, "300 000 €"), (48000.0, "48 000 €"), (1234.5, "1 234,5 €"),
                                         (0, "0 €"), (2_000_000, "2 000 000 €")])
def test_euros(value, text):
    assert fmt.euros(value) == nb(text)


@pytest.mark.parametrize("rate, text", [(0.75, "75 %"), (1.0, "100 %"), (0.6, "60 %"), (0.5, "50 %")])
def test_percent(rate, text):
    assert fmt.percent(rate) == nb(text)


def test_dates():
    assert fmt.date(dt.date(2021, 6, 1)) == "1er juin 2021"
    assert fmt.date(dt.date(2021, 11, 22)) == "22 novembre 2021"
    assert fmt.date(None) == "date non publiée"


def test_de_elides_and_contracts():
    assert fmt.de("une administration centrale") == "d'une administration centrale"
    assert fmt.de("expérimentation d'une technologie") == "d'expérimentation d'une technologie"
    assert fmt.de("le budget") == "du budget"
    assert fmt.de(nb("300 000 € TTC")) == nb("de 300 000 € TTC")
    assert fmt.de("un département") == "d'un département"
    assert fmt.de("coopération") == "de coopération"


@pytest.mark.parametrize("count, text", [(1, "1 département"), (1.5, "1,5 département"), (2, "2 départements"),
                                         (3, "3 départements")])
def test_plural_from_two(count, text):
    assert fmt.plural(count, "département", "départements") == text


def test_de_before_a_plural_and_a_capital():
    assert fmt.de("les communes") == "des communes"
    assert fmt.de("Hôtel de ville") == "d'Hôtel de ville"
    assert fmt.de("XML") == "de XML"


def test_decimals_are_dropped_when_they_round_to_zero_and_kept_otherwise():
    assert fmt.number(1234.004) == nb("1 234")
    assert fmt.number(1234.5) == nb("1 234,5")
    assert fmt.percent(0.125) == nb("12,5 %")


def test_numbers_units_and_times_never_break():
    assert fmt.euros(300_000) == "300\u00a0000\u00a0€"
    assert fmt.percent(0.75) == "75\u00a0%"
    assert fmt.clock(dt.time(10, 15)) == "10\u00a0h\u00a015"
    assert fmt.clock(dt.time(14, 0)) == "14\u00a0h"
    assert fmt.clock(dt.time(14, 0), minutes=True) == "14\u00a0h\u00a000"
    assert fmt.minutes(15) == "15\u00a0minutes"


def test_days_are_said_the_french_way():
    assert fmt.weekday_date(dt.date(2026, 12, 7), year=False) == "lundi 7 décembre"
    assert fmt.weekday_date(dt.date(2026, 12, 1)) == "mardi 1er décembre 2026"
    assert fmt.date(dt.date(2026, 12, 1)) == "1er décembre 2026"


def test_the_amount_parser_reads_back_what_the_assistant_wrote():
    assert parse_budget(fmt.euros(1_500_000)).value == 1_500_000
