"""Above a call's expected size, no amount the sources do not support: SNAP5 takes projects of
30 000 € to 300 000 € TTC, so a project of 1 200 000 € is never told « jusqu'à 900 000 € »."""
import datetime as dt

import pytest

from orientation.eligibility import Profile, load_catalogue
from orientation.eligibility.engine import evaluate_call
from tests.french import nb

MARCH_2021 = dt.date(2021, 3, 1)


def result(code, budget, applicant="administration_centrale"):
    return evaluate_call(load_catalogue().get(code), Profile(date=MARCH_2021, applicant_type=applicant, budget=budget))


@pytest.mark.parametrize("budget", [1_200_000, 300_001, 2_000_000])
def test_snap5_above_its_expected_size_gives_no_amount(budget):
    funding = result("SNAP5", budget).funding
    assert funding.amount is None
    assert nb("dépasse la taille attendue (de 30 000 € à 300 000 € TTC)") in funding.explanation
    assert "900" not in funding.explanation


def test_snap5_inside_its_size_gives_the_amount():
    assert result("SNAP5", 300_000).funding.amount == 225_000


def test_where_the_source_speaks_of_phases_the_caps_still_give_the_amount():
    # SNAP4: « à 3 millions d'euros par dossier et au total à 8 millions par projet »
    assert result("SNAP4", 10_000_000).funding.amount == 3_000_000
