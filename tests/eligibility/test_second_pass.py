"""Eligibility, second pass: approximate thresholds, unverifiable team composition, the session chosen
by the project's size, the programme's end, and France Relance calls before the European fund.
Real cases from the sources (seed 001: TNT-*, seed 003: ITN*, seed 004: FEDER-NUM)."""
import datetime as dt

import pytest
import yaml

from orientation.eligibility import ELIGIBLE, INELIGIBLE, TO_CONFIRM, CatalogueError, Profile, evaluate
from orientation.eligibility.catalogue import CATALOGUE_DIR, load_call
from orientation.eligibility.sessions import CLOSED, OPEN, ROLLING, UPCOMING
from tests.french import nb


def _territory(result):
    return next(f for f in result.findings if f.criterion == "territoire")


# --- 1. « environ 500 000 habitants » (seed 001) -----------------------------------------------

@pytest.mark.parametrize("code", ["TNT-DEMAT", "TNT-DONNEES", "TNT-COOP"])
def test_a_groupement_of_480_000_is_to_confirm_with_the_approximate_threshold_said(result_for, code):
    result = result_for(code, date="2021-03-01", applicant_type="groupement_collectivites", population=480_000,
                        budget=400_000)
    assert result.verdict == TO_CONFIRM
    assert _territory(result).reason == (
        nb("Population couverte 480 000 < environ 500 000 habitants (ordre de grandeur donné par la source) : en "
           "dessous du chiffre, que la source donne comme un ordre de grandeur (« environ ») ; à partir de "
           "400 000 habitants, l'écart peut être admis (lecture de cet assistant, pas un chiffre de la source) : "
           "éligibilité à confirmer avec le porteur de l'appel."))


@pytest.mark.parametrize("code", ["TNT-DEMAT", "TNT-DONNEES", "TNT-COOP"])
def test_an_epci_of_350_000_is_still_ineligible(result_for, code):
    result = result_for(code, date="2021-03-01", applicant_type="epci", population=350_000, budget=400_000)
    assert result.verdict == INELIGIBLE
    assert _territory(result).reason == nb(
        "Population couverte 350 000 < environ 500 000 habitants (ordre de grandeur donné par la source) ; en "
        "dessous de 400 000 habitants, le projet est nettement plus petit que ceux que l'appel vise (lecture de "
        "cet assistant, pas un chiffre de la source).")


@pytest.mark.parametrize("code", ["TNT-DEMAT", "TNT-DONNEES", "TNT-COOP"])
@pytest.mark.parametrize("population, verdict", [(399_999, INELIGIBLE), (400_000, TO_CONFIRM),
                                                 (499_999, TO_CONFIRM), (500_000, ELIGIBLE)])
def test_the_band_below_500_000_starts_at_400_000(result_for, code, population, verdict):
    result = result_for(code, date="2021-03-01", applicant_type="epci", population=population, budget=400_000)
    assert result.verdict == verdict, result.reasons


def test_the_second_coop_session_keeps_its_hard_300_000_threshold(result_for):
    """« au moins 300 000 habitants » (seed 002) is not approximate: no band."""
    result = result_for("TNT-COOP", date="2021-10-15", applicant_type="commune", population=290_000)
    assert result.verdict == INELIGIBLE


# --- 1. « par exemple 1 million de citoyens ou trois départements » (ITN3, seed 003) -------------

def test_itn3_800_000_over_two_departements_is_to_confirm(result_for):
    result = result_for("ITN3", date="2021-01-15", applicant_type="service_deconcentre", population=800_000,
                        departement_count=2, budget=500_000)
    assert result.verdict == TO_CONFIRM
    assert _territory(result).outcome == "unverifiable"
    assert _territory(result).reason == (
        nb("Population couverte 800 000 < 1 000 000 habitants (exemple de bassin représentatif donné par la source) "
           "et 2 départements couverts < 3 (exemple de bassin représentatif donné par la source) : en dessous du "
           "chiffre, que la source donne comme un exemple (« par exemple ») ; à partir de 500 000 habitants ou "
           "2 départements, l'écart peut être admis (lecture de cet assistant, pas un chiffre de la source) : "
           "éligibilité à confirmer avec le porteur de l'appel."))


def test_itn3_200_000_over_one_departement_is_ineligible(result_for):
    result = result_for("ITN3", date="2021-01-15", applicant_type="service_deconcentre", population=200_000,
                        departement_count=1, budget=500_000)
    assert result.verdict == INELIGIBLE
    assert _territory(result).reason == nb(
        "Population couverte 200 000 < 1 000 000 habitants (exemple de bassin représentatif donné par la source) et "
        "1 département couvert < 3 (exemple de bassin représentatif donné par la source) ; en dessous de "
        "500 000 habitants ou 2 départements, le projet est nettement plus petit que ceux que l'appel vise "
        "(lecture de cet assistant, pas un chiffre de la source).")


@pytest.mark.parametrize("population, departements, verdict", [
    (499_999, 1, INELIGIBLE), (500_000, 1, TO_CONFIRM),   # the population band
    (300_000, 2, TO_CONFIRM), (300_000, 1, INELIGIBLE),   # the départements band
])
def test_itn3_band_is_half_the_example_or_two_departements(result_for, population, departements, verdict):
    result = result_for("ITN3", date="2021-01-15", applicant_type="service_deconcentre", population=population,
                        departement_count=departements, budget=500_000)
    assert result.verdict == verdict, result.reasons


def test_itn3_unknown_population_is_asked_for_not_guessed(result_for):
    result = result_for("ITN3", date="2021-01-15", applicant_type="service_deconcentre", departement_count=2,
                        budget=500_000)
    assert _territory(result).outcome == "unknown"
    assert _territory(result).reason.endswith(nb("il faut un bassin de population représentatif, par exemple "
                                                            "1 000 000 habitants ou 3 départements."))


# --- 2. ITN3's team composition is an eligibility criterion a chat cannot check -------------------

def test_itn3_team_composition_makes_a_full_profile_to_confirm(result_for):
    result = result_for("ITN3", date="2021-01-15", applicant_type="service_deconcentre", population=1_500_000,
                        departement_count=3, budget=500_000)
    assert result.verdict == TO_CONFIRM
    check = [f for f in result.findings if f.outcome == "unverifiable"]
    assert len(check) == 1 and check[0].reason.startswith(
        "À vérifier : l'équipe projet et les instances de direction doivent associer des services déconcentrés "
        "de l'État, au moins à hauteur de 50 %, et au moins une administration centrale")
    assert not any("50 %" in condition for condition in result.conditions)


# --- 3. the session chosen by the project's size (ITN5, seed 003) ---------------------------------

def test_itn5_500_000_in_february_2021_is_pointed_to_the_second_aap_session(result_for):
    result = result_for("ITN5", date="2021-02-15", applicant_type="service_deconcentre", budget=500_000,
                        nature="donnees")
    assert result.window.session.name == "Appel à projets – 2e session"
    assert result.status == UPCOMING
    assert result.verdict == ELIGIBLE
    assert result.funding.amount == 375_000
    assert result.status_text == "ouverture au 2e trimestre 2021 (dates précises non publiées)"
    assert (nb("Pour un projet de 500 000 €, la voie de l'appel est celle des projets de 100 000 € à 1 000 000 € TTC "
               "(« Appel à projets – 1re session », « Appel à projets – 2e session », « Appel à projets – 3e session ») : "
               "ouverture au 2e trimestre 2021 (dates précises non publiées).")) in result.reasons


@pytest.mark.parametrize("date, budget, session, status", [
    ("2021-02-15", 50_000, "Guichet", ROLLING),                           # a small project: the guichet
    ("2021-02-15", None, "Guichet", ROLLING),                             # budget unknown: the contract rule
    ("2021-05-10", 500_000, "Appel à projets – 2e session", OPEN),
    ("2021-07-15", 500_000, "Appel à projets – 3e session", UPCOMING),
    ("2020-12-01", 500_000, "Appel à projets – 1re session", OPEN),
])
def test_itn5_session_by_size_and_date(result_for, date, budget, session, status):
    result = result_for("ITN5", date=date, applicant_type="service_deconcentre", budget=budget)
    assert (result.window.session.name, result.status) == (session, status)


def test_itn5_when_every_aap_session_is_over_the_call_is_closed_for_the_project(result_for):
    """No fallback to the guichet (« < 100.000 € TTC »), a route the project does not fit."""
    result = result_for("ITN5", date="2022-03-01", applicant_type="service_deconcentre", budget=500_000)
    assert result.window.session.name == "Appel à projets – 3e session"
    assert result.status == CLOSED
    assert result.reasons[-1].endswith("aucune session de cette voie n'est ouverte ni annoncée, l'appel est clos "
                                       "pour ce projet.")


def test_calls_whose_sessions_do_not_differ_by_size_keep_the_contract_rule(result_for):
    # TNT-COOP on 1 June 2021: between its sessions, the next one (22 September) is used
    result = result_for("TNT-COOP", date="2021-06-01", applicant_type="commune", population=400_000,
                        budget=400_000)
    assert (result.window.session.name, result.status) == ("2e session", UPCOMING)


# --- 4. the programme's end ------------------------------------------------------------------------

def test_itn1_on_1_june_2023_is_closed_because_the_programme_ended(result_for):
    result = result_for("ITN1", date="2023-06-01", applicant_type="administration_centrale", budget=300_000)
    assert result.status == CLOSED
    assert result.status_text == "clos : enveloppes prévues pour 2021-2022 ; aucune session postérieure n'est publiée"


@pytest.mark.parametrize("code", ["ITN8A", "ITN8B", "ITN8C", "ITN8D"])
def test_itn8_are_calls_for_projects_whose_opening_is_announced_not_a_continuous_deposit(result_for, code):
    result = result_for(code, date="2021-06-15", applicant_type="service_deconcentre", budget=300_000)
    # the livret announces the opening (« Ouverture : 16/11/2020 ») and no more: not « ouvert depuis »
    assert result.status_text == ("appel à projets : ouverture annoncée le 16 novembre 2020, aucune date de "
                                  "clôture publiée")
    assert "fil de l'eau" not in result.calendar


def test_a_guichet_says_its_announced_opening(result_for):
    result = result_for("ITN1", date="2021-06-15", applicant_type="service_deconcentre")
    assert result.status_text == "guichet : ouverture annoncée le 4 janvier 2021, aucune date de clôture publiée"


def test_itn5_themes_are_about_data_not_reforms(catalogue):
    assert catalogue.get("ITN5").themes == ("donnees",)


# --- 5. SEM, SPL, GIP, chambres consulaires ----------------------------------------------------------

def test_a_sem_is_eligible_to_the_feder_sheet(result_for):
    result = result_for("FEDER-NUM", applicant_type="sem_spl", budget=200_000, nature="demarches_en_ligne")
    assert result.verdict == ELIGIBLE
    assert "Type de porteur admis : une SEM ou SPL (entreprise publique locale)" in result.reasons[0]


# --- 6. France Relance calls before the European fund --------------------------------------------------

def _ranked(**fields):
    return [r.code for r in evaluate(Profile(**fields)) if r.verdict != INELIGIBLE]


def test_a_departement_data_project_in_march_2021_gets_tnt_donnees_before_feder(catalogue):
    # FEDER-NUM would pay more (60 % of 300 000 € against 50 %): the order is not the money's
    results = {r.code: r for r in evaluate(Profile(applicant_type="departement", budget=300_000, nature="donnees",
                                                   date=dt.date(2021, 3, 15)), catalogue)}
    assert results["TNT-DONNEES"].rank == 1 and results["TNT-DONNEES"].verdict == ELIGIBLE
    assert results["FEDER-NUM"].rank == 2 and results["FEDER-NUM"].verdict == ELIGIBLE
    assert results["FEDER-NUM"].funding.amount > results["TNT-DONNEES"].funding.amount
    assert results["FEDER-NUM"].other_fund.startswith("fonds européens, hors France Relance : les critères "
                                                      "d'éligibilité détaillés sont dans la fiche action")
    assert results["FEDER-NUM"].to_dict()["other_fund"] == results["FEDER-NUM"].other_fund
    assert "other_fund" not in results["TNT-DONNEES"].to_dict()


def test_the_european_fund_comes_after_a_france_relance_call_to_confirm(catalogue):
    ranked = _ranked(applicant_type="service_deconcentre", budget=500_000, nature="donnees",
                     date=dt.date(2021, 2, 15))
    assert ranked.index("ITN5") < ranked.index("ITN8B") < ranked.index("FEDER-NUM")


# --- the catalogue checks what it holds ----------------------------------------------------------------

def _write(tmp_path, code, change):
    data = yaml.safe_load((CATALOGUE_DIR / f"{code}.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / f"{code}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("code, change, message", [
    ("TNT-DEMAT", lambda d: d["rules"]["territory"].pop("to_confirm_from"),
     "TNT-DEMAT.yaml: sessions.0.rules.territory: un seuil approximatif ou donné en exemple demande"),
    ("ITN3", lambda d: d["rules"]["territory"].pop("example"),
     "ITN3.yaml: sessions.0.rules.territory.to_confirm_from: réservé à un seuil approximatif"),
    ("ITN5", lambda d: d.update(other_fund={"label": "fonds européens", "why": [d["budget_envelope"]]}),
     "ITN5.yaml: other_fund: réservé à un fonds hors programme"),
])
def test_the_loader_refuses_a_band_or_a_fund_out_of_place(tmp_path, code, change, message):
    with pytest.raises(CatalogueError, match=message):
        load_call(_write(tmp_path, code, change))


def test_every_band_says_why_and_is_a_project_decision(catalogue):
    bands = [s.rules["territory"]["to_confirm_from"] for c in catalogue for s in c.sessions
             if "to_confirm_from" in s.rules.get("territory", {})]
    assert len(bands) == 5  # TNT-DEMAT, TNT-DONNEES, TNT-COOP's 1st session, ITN3's two sessions
    assert all(b["why"].startswith("Décision du projet, pas un chiffre de la source") for b in bands)
