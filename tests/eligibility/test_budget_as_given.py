"""FEDER-NUM on the budget as given: seed 004 names no basis (« Taux maximal d'intervention UE : 60% »,
« Plancher minimal de subvention UE : 75 000 € »), so its amount is computed on the figure the user
gave, HT or TTC, and the note says which base it used. Every other call keeps the budget TTC."""
import json

import pytest

from orientation.eligibility import Profile, ProfileError
from tests.eligibility.test_cli import run
from tests.french import nb


def feder_note(result):
    return next(c for c in result.conditions if "HT ou TTC" in c)


def test_a_budget_given_ht_is_the_base_of_the_european_grant(result_for):
    result = result_for("FEDER-NUM", applicant_type="commune", budget=480_000, budget_given=400_000,
                        budget_given_tax="HT")
    assert result.funding.amount == 240_000  # 60 % of 400 000 € HT, not of the 480 000 € TTC
    assert nb("60 % de 400 000 € HT") in result.funding.explanation
    assert feder_note(result).endswith(nb("Base retenue : 400 000 € HT."))
    assert "tel que vous l'avez donné" in feder_note(result)


def test_a_budget_given_without_basis_is_said_so(result_for):
    result = result_for("FEDER-NUM", applicant_type="commune", budget=500_000, budget_given=500_000)
    assert result.funding.amount == 300_000
    assert feder_note(result).endswith(nb("Base retenue : 500 000 € (sans précision HT ou TTC)."))


def test_without_a_figure_as_given_the_budget_is_ttc(result_for):
    result = result_for("FEDER-NUM", applicant_type="commune", budget=400_000)
    assert result.funding.amount == 240_000
    assert feder_note(result).endswith(nb("Base retenue : 400 000 € TTC."))


def test_the_minimum_grant_is_checked_on_the_same_base(result_for):
    # 120 000 € HT is 144 000 € TTC: above 125 000 € TTC, but 60 % of 120 000 € is under the 75 000 € floor.
    result = result_for("FEDER-NUM", applicant_type="commune", budget=144_000, budget_given=120_000,
                        budget_given_tax="HT")
    assert result.verdict == "ineligible"
    assert any(nb("votre budget est de 120 000 € HT") in r for r in result.reasons)


def test_other_calls_keep_the_budget_ttc(result_for):
    given = dict(applicant_type="departement", budget=480_000, budget_given=400_000, budget_given_tax="HT")
    result = result_for("TNT-COOP", date="2021-10-01", **given)
    assert result.funding.amount == result_for("TNT-COOP", date="2021-10-01", applicant_type="departement",
                                               budget=480_000).funding.amount
    assert not result.funding.basis


def test_a_basis_other_than_ht_or_ttc_is_refused():
    with pytest.raises(ProfileError, match="HT ou TTC"):
        Profile(budget=100_000, budget_given=100_000, budget_given_tax="TVA")


def test_the_command_line_takes_a_budget_ht():
    out = run("--applicant-type", "commune", "--budget-ht", "400000", "--date", "2021-10-15", "--format", "json")
    assert out.returncode == 0, out.stderr
    document = json.loads(out.stdout)
    assert document["profile"]["budget"] == 480_000 and document["profile"]["budget_given_tax"] == "HT"
    feder = next(r for r in document["results"] if r["code"] == "FEDER-NUM")
    assert feder["max_funding_eur"] == 240_000
    both = run("--applicant-type", "commune", "--budget-ht", "400000", "--budget", "480000")
    assert both.returncode != 0
