"""The engine on real cases from the sources (seed file named on each case)."""
import datetime as dt

import pytest

from orientation.eligibility import ELIGIBLE, INELIGIBLE, TO_CONFIRM, Profile, ProfileError, evaluate, recommend
from tests.french import nb

STATE = ["administration_centrale", "service_deconcentre", "operateur_etat"]
COLLECTIVITES = ["region", "departement", "commune", "epci", "groupement_collectivites"]

# code, reference date inside a session, budget within the expected size,
# applicant types the source admits, types it does not.
ADMISSION = [
    ("ITN1", "2021-06-15", 300_000, STATE, ["commune", "entreprise", "association"]),                 # 003
    ("ITN2", "2021-06-15", 400_000, STATE, COLLECTIVITES),                                            # 003
    ("ITN3", "2021-01-15", 500_000, STATE, ["commune", "region", "association"]),                     # 003, 000
    ("ITN4", "2021-06-15", 300_000, STATE, ["commune", "entreprise"]),                                # 003
    ("ITN5", "2021-06-15", 300_000, STATE, ["departement", "association"]),                           # 003
    ("ITN6", "2021-06-15", 50_000, ["administration_centrale", "operateur_etat"],
     ["service_deconcentre", "commune"]),                                                              # 003
    ("ITN8A", "2021-06-15", 300_000, STATE, ["commune", "association", "entreprise"]),                # 003
    ("ITN8B", "2021-06-15", 300_000, STATE, ["region", "epci"]),                                      # 003
    ("ITN8C", "2021-06-15", 300_000, STATE, ["departement", "association"]),                          # 003
    ("ITN8D", "2021-06-15", 300_000, STATE, ["commune", "etablissement_public_local"]),               # 003
    ("SNAP1", "2021-06-15", 500_000, STATE, ["commune", "region"]),                                   # 003
    ("SNAP2A", "2021-06-15", 200_000, STATE, ["region", "association"]),                              # 003
    ("SNAP2B", "2021-06-15", 100_000, STATE, ["commune", "entreprise"]),                              # 003
    ("SNAP3", "2021-06-15", 1_000_000, STATE, ["commune", "departement"]),                            # 003
    ("SNAP4", "2021-06-15", 1_000_000, STATE, ["region", "epci"]),                                    # 003
    ("SNAP5", "2021-06-15", 100_000, ["administration_centrale", "operateur_etat"],
     ["service_deconcentre", "commune"]),                                                              # 003
    ("TNT-INCUB", "2021-03-01", 200_000, COLLECTIVITES, ["administration_centrale", "operateur_etat"]),  # 001
    ("TNT-DEMAT", "2021-03-01", 400_000, COLLECTIVITES, ["service_deconcentre", "association"]),     # 001
    ("TNT-DONNEES", "2021-03-01", 400_000, COLLECTIVITES, ["operateur_etat", "entreprise"]),         # 001
    ("TNT-COOP", "2021-10-15", 400_000, COLLECTIVITES, ["administration_centrale", "association"]),  # 001, 002
    ("FEDER-NUM", "2021-06-15", 400_000, COLLECTIVITES + ["association", "etablissement_public_local"],
     ["particulier"]),                                                                                 # 004
]


def _size(result):
    return next(f for f in result.findings if f.criterion == "taille")


def _porteur(result):
    return next(f for f in result.findings if f.criterion == "porteur")


@pytest.mark.parametrize("code, date, budget, admitted, rejected", ADMISSION, ids=[a[0] for a in ADMISSION])
def test_each_call_admits_the_right_applicants_and_rejects_the_others(result_for, code, date, budget,
                                                                      admitted, rejected):
    for kind in admitted:
        result = result_for(code, date=date, applicant_type=kind, population=1_500_000,
                            departement_count=3, budget=budget)
        assert _porteur(result).outcome == "pass", (kind, result.reasons)
        assert result.verdict in (ELIGIBLE, TO_CONFIRM), (kind, result.reasons)
    for kind in rejected:
        result = result_for(code, date=date, applicant_type=kind, population=1_500_000,
                            departement_count=3, budget=budget)
        assert _porteur(result).outcome == "fail", (kind, result.reasons)
        assert result.verdict == INELIGIBLE, (kind, result.reasons)


def test_itn2_says_why_a_collectivite_is_excluded(result_for):
    result = result_for("ITN2", applicant_type="departement", budget=400_000)
    assert result.verdict == INELIGIBLE
    assert any("collectivités territoriales en sont exclues" in r for r in result.reasons)


def test_a_state_call_fully_checked_is_eligible(result_for):
    result = result_for("ITN8C", applicant_type="administration_centrale", budget=400_000,
                        nature="efficience_automatisation")
    assert result.verdict == ELIGIBLE
    assert result.funding.amount == 300_000


# --- thresholds -------------------------------------------------------------------------------

@pytest.mark.parametrize("population, verdict", [(299_999, INELIGIBLE), (300_000, ELIGIBLE)])
def test_tnt_coop_second_session_needs_300_000_inhabitants(result_for, population, verdict):
    result = result_for("TNT-COOP", date="2021-10-15", applicant_type="commune", population=population,
                        budget=400_000)
    assert result.verdict == verdict, result.reasons
    assert any(nb("300 000 habitants") in r for r in result.reasons)


def _territory(result):
    return next(f for f in result.findings if f.criterion == "territoire")


# ITN3's threshold is an example (« par exemple ») with a band below it, and its team composition
# cannot be checked in a chat: it is never more than to confirm (tests/eligibility/test_second_pass.py).
@pytest.mark.parametrize("departements, population, outcome, verdict", [
    (1, 200_000, "fail", INELIGIBLE), (2, 600_000, "unverifiable", TO_CONFIRM), (3, 600_000, "pass", TO_CONFIRM)])
def test_itn3_needs_three_departements_or_a_million_inhabitants(result_for, departements, population, outcome,
                                                                verdict):
    result = result_for("ITN3", date="2021-01-15", applicant_type="service_deconcentre", population=population,
                        departement_count=departements, budget=500_000)
    assert _territory(result).outcome == outcome, result.reasons
    assert result.verdict == verdict, result.reasons


def test_itn3_a_million_inhabitants_suffice_without_three_departements(result_for):
    result = result_for("ITN3", date="2021-01-15", applicant_type="service_deconcentre",
                        population=1_000_000, departement_count=1, budget=500_000)
    assert _territory(result).outcome == "pass", result.reasons


def test_itn3_two_departements_with_population_unknown_is_to_confirm(result_for):
    result = result_for("ITN3", date="2021-01-15", applicant_type="service_deconcentre",
                        departement_count=2, budget=500_000)
    assert result.verdict == TO_CONFIRM
    assert "population" in result.missing


@pytest.mark.parametrize("code", ["ITN8A", "ITN8B", "ITN8C", "ITN8D"])
def test_itn8_above_150_000_is_enough_for_a_service_deconcentre_not_for_a_central_administration(result_for, code):
    deconcentre = result_for(code, applicant_type="service_deconcentre", budget=150_001)
    centrale = result_for(code, applicant_type="administration_centrale", budget=150_001)
    assert _size(deconcentre).outcome == "pass", deconcentre.reasons
    assert deconcentre.verdict != INELIGIBLE
    assert _size(centrale).outcome == "fail", centrale.reasons
    assert centrale.verdict == INELIGIBLE
    assert any(nb("250 000 €") in r for r in centrale.reasons)
    # « plus de 150 k€ »: 150 000 € exactly is not more than 150 000 €
    at_bound = result_for(code, applicant_type="service_deconcentre", budget=150_000)
    assert at_bound.verdict == INELIGIBLE


def test_itn8_above_150_000_with_the_applicant_unknown_is_to_confirm(result_for):
    result = result_for("ITN8A", budget=150_001)
    assert result.verdict == TO_CONFIRM
    assert "applicant_type" in result.missing


def test_a_budget_below_the_expected_size_is_ineligible(result_for):
    result = result_for("SNAP3", applicant_type="administration_centrale", budget=499_999)
    assert result.verdict == INELIGIBLE
    assert any(nb("500 000 €") in r for r in result.reasons)


def test_a_budget_above_the_expected_size_is_to_confirm(result_for):
    result = result_for("ITN2", applicant_type="administration_centrale", budget=2_000_000)
    assert result.verdict == TO_CONFIRM
    assert any(nb("1 000 000 €") in r for r in result.reasons)


# --- funding and caps -------------------------------------------------------------------------

@pytest.mark.parametrize("budget, expected", [(40_000, 40_000), (48_000, 48_000), (60_000, 48_000)])
def test_itn6_pays_100_percent_up_to_48_000(result_for, budget, expected):
    result = result_for("ITN6", applicant_type="administration_centrale", budget=budget)
    assert result.funding.rate == 1.0
    assert result.funding.amount == expected


def test_snap3_grant_is_capped_at_2_million_per_project(result_for):
    result = result_for("SNAP3", applicant_type="administration_centrale", budget=3_000_000)
    assert result.funding.amount == 2_000_000
    assert nb("plafonné à 2 000 000 €") in result.funding.explanation


def test_snap4_grant_is_capped_at_3_million_per_dossier(result_for):
    result = result_for("SNAP4", applicant_type="administration_centrale", budget=5_000_000)
    assert result.funding.amount == 3_000_000
    under_cap = result_for("SNAP4", applicant_type="administration_centrale", budget=2_000_000)
    assert under_cap.funding.amount == 1_500_000


def test_funding_is_stated_the_french_way(result_for):
    result = result_for("TNT-COOP", date="2021-10-15", applicant_type="commune", population=350_000,
                        budget=400_000)
    assert result.funding.explanation == nb("75 % de 400 000 €, soit jusqu'à 300 000 €")


def test_funding_is_null_when_the_budget_is_unknown(result_for):
    result = result_for("ITN5", applicant_type="operateur_etat")
    assert result.funding.amount is None
    assert result.to_dict()["max_funding_eur"] is None


def test_expenses_left_out_of_the_base_are_stated_as_conditions(result_for):
    result = result_for("TNT-DEMAT", date="2021-03-01", applicant_type="departement", budget=400_000)
    assert any("personnel" in c for c in result.conditions)


# --- sessions and calendar --------------------------------------------------------------------

def test_tnt_coop_first_session_at_50_percent_and_500_000_inhabitants(result_for):
    result = result_for("TNT-COOP", date="2021-03-01", applicant_type="commune", population=350_000,
                        budget=400_000)
    assert result.window.session.name == "1re session"
    assert result.status == "open"
    assert result.funding.rate == 0.5
    assert result.verdict == INELIGIBLE  # 350 000 < ~500 000 in the first session
    big = result_for("TNT-COOP", date="2021-03-01", applicant_type="commune", population=600_000,
                     budget=400_000)
    assert big.verdict == ELIGIBLE and big.funding.amount == 200_000


def test_tnt_coop_second_session_when_open(result_for):
    result = result_for("TNT-COOP", date="2021-10-15", applicant_type="commune", population=350_000,
                        budget=400_000)
    assert result.window.session.name == "2e session"
    assert result.status == "open"
    assert result.status_text == "ouvert jusqu'au 22 novembre 2021"


def test_between_sessions_the_next_one_is_used(result_for):
    result = result_for("TNT-COOP", date="2021-07-01", applicant_type="commune", population=350_000,
                        budget=400_000)
    assert result.window.session.name == "2e session"
    assert result.status == "upcoming"
    assert "22 septembre 2021" in result.status_text


def test_after_the_last_session_the_call_is_closed_and_still_explained(result_for):
    result = result_for("TNT-COOP", date="2026-11-25", applicant_type="commune", population=350_000,
                        budget=400_000)
    assert result.status == "closed"
    assert result.verdict == ELIGIBLE
    assert result.status_text == "clôturé le 22 novembre 2021"
    # the rules of the last session (2e session: 300 000 inhabitants) still explain the verdict
    assert result.reasons == [
        "Type de porteur admis : une commune (collectivités territoriales, groupements de collectivités "
        "et réseaux de mutualisation).",
        nb("Population couverte 350 000 ≥ 300 000 habitants requis."),
    ]


def test_a_guichet_without_closing_date_is_rolling(result_for):
    result = result_for("SNAP5", applicant_type="administration_centrale", budget=100_000)
    assert result.status == "rolling"
    before = result_for("SNAP5", date="2020-12-01", applicant_type="administration_centrale", budget=100_000)
    assert before.status == "upcoming"


def test_itn5_small_project_goes_to_the_guichet_large_one_to_the_aap(result_for):
    small = result_for("ITN5", date="2021-06-15", applicant_type="operateur_etat", budget=50_000)
    large = result_for("ITN5", date="2021-06-15", applicant_type="operateur_etat", budget=500_000)
    assert small.verdict == ELIGIBLE and large.verdict == ELIGIBLE
    assert small.window.session.name != large.window.session.name


# --- derived minimum (FEDER) ------------------------------------------------------------------

@pytest.mark.parametrize("budget, verdict", [(124_999, INELIGIBLE), (125_000, ELIGIBLE)])
def test_feder_minimum_grant_of_75_000_at_60_percent_means_125_000_of_budget(result_for, budget, verdict):
    result = result_for("FEDER-NUM", applicant_type="commune", budget=budget)
    assert result.verdict == verdict, result.reasons
    assert any(nb("125 000 €") in r for r in result.reasons)


# --- unknowns ---------------------------------------------------------------------------------

def test_missing_fields_give_to_confirm_and_say_what_is_missing(result_for):
    result = result_for("TNT-COOP", date="2021-10-15", applicant_type="commune")
    assert result.verdict == TO_CONFIRM
    assert set(result.missing) >= {"population"}
    nothing = result_for("ITN5")
    assert nothing.verdict == TO_CONFIRM
    assert "applicant_type" in nothing.missing


def test_criteria_a_chat_cannot_check_give_to_confirm(result_for):
    result = result_for("ITN1", applicant_type="administration_centrale", budget=300_000)
    assert result.verdict == TO_CONFIRM
    assert any("observatoire" in r for r in result.reasons)


def test_an_unverifiable_criterion_for_operators_only(result_for):
    assert result_for("SNAP1", applicant_type="service_deconcentre", budget=500_000).verdict == ELIGIBLE
    assert result_for("SNAP1", applicant_type="operateur_etat", budget=500_000).verdict == TO_CONFIRM


def test_conditions_to_meet_do_not_lower_the_verdict(result_for):
    result = result_for("ITN8A", applicant_type="service_deconcentre", budget=300_000)
    assert result.verdict == ELIGIBLE
    assert any("12 mois" in c for c in result.conditions_to_meet)


# --- ranking and output -----------------------------------------------------------------------

def test_ranking_puts_matching_themes_first_then_verdict_and_ineligible_last():
    results = evaluate(Profile(applicant_type="service_deconcentre", budget=300_000, nature="donnees",
                               date=dt.date(2021, 6, 15)))
    assert [r.rank for r in results] == list(range(1, len(results) + 1))
    assert "donnees" in results[0].call.themes and results[0].verdict == ELIGIBLE
    verdicts = [r.verdict for r in results]
    first_ineligible = verdicts.index(INELIGIBLE)
    assert all(v == INELIGIBLE for v in verdicts[first_ineligible:])
    recommended = results[:first_ineligible]
    matches = [r.theme_match for r in recommended]
    assert matches == sorted(matches, reverse=True)


def test_a_private_person_is_eligible_to_nothing():
    results = evaluate(Profile(applicant_type="particulier", budget=10_000, date=dt.date(2021, 6, 15)))
    assert {r.verdict for r in results} == {INELIGIBLE}


def test_the_json_document_follows_the_contract():
    document = recommend(Profile(applicant_type="commune", population=350_000, budget=400_000,
                                 nature="cooperation_usagers", date=dt.date(2021, 10, 15)))
    assert document["profile"]["applicant_type"] == "commune"
    first = document["results"][0]
    for key in ("code", "title", "verdict", "rank", "score", "session", "status", "cofinancing_rate",
                "max_funding_eur", "reasons", "conditions", "source"):
        assert key in first
    assert first["code"] == "TNT-COOP" and first["max_funding_eur"] == 300_000
    assert 0 <= first["score"] <= 1
    assert len(document["results"]) == 21


@pytest.mark.parametrize("fields, words", [
    ({"applicant_type": "ministere"}, "Type de porteur inconnu"),
    ({"nature": "sport"}, "Thème de projet inconnu"),
    ({"budget": -5}, "positif"),
    ({"budget": float("nan")}, "nombre"),
    ({"population": 1e12}, "trop élevé"),
    ({"departement_count": 0}, "positif"),
])
def test_impossible_profiles_are_refused_in_french(fields, words):
    with pytest.raises(ProfileError, match=words):
        Profile(**fields)
