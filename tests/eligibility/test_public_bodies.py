"""SEM/SPL, GIP and chambres consulaires (contract §3): named by the FEDER sheet (seed 004), not by
the France Relance calls for collectivités."""
import pytest

from orientation.eligibility import ELIGIBLE, INELIGIBLE


@pytest.mark.parametrize("applicant_type", ["sem_spl", "gip", "chambre_consulaire"])
def test_the_feder_sheet_admits_them_without_the_pme_condition(result_for, applicant_type):
    result = result_for("FEDER-NUM", applicant_type=applicant_type, budget=300_000, nature="donnees")
    assert result.verdict == ELIGIBLE
    assert result.funding.amount == 180_000  # 60 % of 300 000 €
    assert not any("doit être une PME" in line for line in result.reasons + result.conditions)


@pytest.mark.parametrize("applicant_type", ["sem_spl", "gip", "chambre_consulaire"])
@pytest.mark.parametrize("code", ["TNT-DONNEES", "TNT-COOP", "ITN5"])
def test_the_calls_for_collectivites_and_the_state_do_not(result_for, applicant_type, code):
    result = result_for(code, applicant_type=applicant_type, population=600_000, budget=300_000,
                        nature="donnees")
    assert result.verdict == INELIGIBLE
