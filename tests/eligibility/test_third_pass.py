"""Eligibility, third pass: the audit's cases, read as the sources write them (contract §2, §3).

Each test names the sentence of the source it encodes."""
import json
import re

import pytest
import yaml

from orientation.eligibility import INELIGIBLE, TO_CONFIRM, CatalogueError
from orientation.eligibility.__main__ import main
from orientation.eligibility.catalogue import CATALOGUE_DIR, OWN_WORDING, load_call
from orientation.eligibility.sessions import CLOSED, OPEN, ROLLING, UPCOMING
from orientation.language.fold import fold
from tests.french import nb

# --- « un département ou l'équivalent d'une population d'environ 500 000 habitants » (seed 001) ---


@pytest.mark.parametrize("code", ["TNT-DEMAT", "TNT-DONNEES", "TNT-COOP"])
def test_a_groupement_covering_one_departement_of_180_000_is_not_ineligible(result_for, code):
    result = result_for(code, date="2021-03-01", applicant_type="groupement_collectivites", population=180_000,
                        departement_count=1, budget=400_000)
    assert result.verdict == TO_CONFIRM, result.reasons
    territory = next(f for f in result.findings if f.criterion == "territoire")
    assert "si votre projet concerne un département entier, le seuil est rempli" in territory.reason
    assert "« un département ou l'équivalent d'une population d'environ" in territory.reason


def test_a_commune_of_180_000_is_still_ineligible_to_tnt_demat(result_for):
    """The département branch is for a groupement that may cover a whole département, not a commune."""
    result = result_for("TNT-DEMAT", date="2021-03-01", applicant_type="commune", population=180_000,
                        departement_count=1, budget=400_000)
    assert result.verdict == INELIGIBLE


# --- ITN3: « Nouvel appel à projets jusqu'au 2 juillet 2021 » gives no opening date (seed 000) ------

def test_itn3_second_session_is_never_shown_open(result_for):
    for day in ("2021-02-01", "2021-05-15", "2021-07-02"):
        result = result_for("ITN3", date=day, applicant_type="service_deconcentre", population=1_500_000,
                            budget=500_000)
        assert result.status != OPEN, (day, result.status_text)
        assert result.status == UPCOMING
        assert "ouvert" not in result.status_text.replace("ouverture", "")
        assert result.status_text == "date d'ouverture non publiée, dépôt annoncé jusqu'au 2 juillet 2021"
    after = result_for("ITN3", date="2021-07-03", applicant_type="service_deconcentre")
    assert (after.status, after.status_text) == (CLOSED, "clôturé le 2 juillet 2021")


# --- ITN5: guichet « < 100.000 € TTC », AAP « de 100 000 à 1 000 000 € TTC » (seed 003) ------------

def test_itn5_above_a_million_in_may_2021_is_judged_on_the_aap_not_the_guichet(result_for):
    result = result_for("ITN5", date="2021-05-01", applicant_type="service_deconcentre", budget=1_000_001)
    assert result.window.session.name == "Appel à projets – 2e session"
    assert result.verdict == TO_CONFIRM
    assert "375" not in " ".join(result.reasons) and result.window.session.name != "Guichet"


def test_itn5_500_000_in_march_2022_is_closed_for_the_project(result_for):
    result = result_for("ITN5", date="2022-03-01", applicant_type="service_deconcentre", budget=500_000)
    assert result.window.session.name != "Guichet"
    assert result.status == CLOSED


@pytest.mark.parametrize("budget, route", [(99_999, "Guichet"), (100_000, "Appel à projets – 2e session")])
def test_itn5_100_000_exactly_is_not_a_small_project(result_for, budget, route):
    result = result_for("ITN5", date="2021-05-01", applicant_type="service_deconcentre", budget=budget)
    assert result.window.session.name == route
    assert not any("au-delà de la taille attendue" in r for r in result.reasons), result.reasons


# --- ITN8: « Plus de 250 k€ TTC (plus de 150 k€ TTC pour administrations déconcentrées) » ----------

@pytest.mark.parametrize("code", ["ITN8A", "ITN8B", "ITN8C", "ITN8D"])
def test_itn8_at_250_000_exactly_is_ineligible(result_for, code):
    at = result_for(code, applicant_type="administration_centrale", budget=250_000)
    assert at.verdict == INELIGIBLE
    assert nb("Budget 250 000 € ≤ 250 000 € TTC") in " ".join(at.reasons)
    assert result_for(code, applicant_type="administration_centrale", budget=250_001).verdict != INELIGIBLE


# --- SNAP2A/B: « 100 % du coût total du projet en titre 3 », the staff (titre 2) the ministry's ------

@pytest.mark.parametrize("code", ["SNAP2A", "SNAP2B"])
def test_snap2_pays_the_titre_3_only(result_for, code):
    result = result_for(code, applicant_type="administration_centrale", budget=400_000,
                        budget_parts={"personnel": 100_000})
    assert result.funding.amount == 300_000
    assert nb("100 % de 300 000 € (400 000 € moins 100 000 € de personnel)") in result.funding.explanation


def test_the_cli_takes_the_staff_and_equipment_parts(capsys):
    assert main(["--applicant-type", "administration_centrale", "--budget", "400000", "--personnel", "100000",
                 "--date", "2021-05-01", "--format", "json"]) == 0
    results = {r["code"]: r for r in json.loads(capsys.readouterr().out)["results"]}
    assert results["SNAP2A"]["max_funding_eur"] == 300_000
    assert results["TNT-DONNEES"]["max_funding_eur"] == 150_000   # 50 % hors personnel


def test_the_cli_refuses_parts_larger_than_the_budget(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--applicant-type", "administration_centrale", "--budget", "400000", "--personnel", "500000"])
    assert exit_.value.code == 2
    assert "ne peut pas dépasser --budget" in capsys.readouterr().err


# --- SNAP4: « 3 millions d'euros par dossier et au total à 8 millions par projet » ----------------

def test_snap4_says_both_caps(result_for):
    result = result_for("SNAP4", applicant_type="administration_centrale", budget=6_000_000)
    assert result.funding.amount == 3_000_000
    assert nb("plafonné à 3 000 000 € par dossier ; 8 000 000 € au total par projet") in result.funding.explanation


# --- phases: only SNAP3 and SNAP4 speak of them ------------------------------------------------------

def test_phases_are_said_only_where_the_source_speaks_of_them(result_for):
    snap3 = result_for("SNAP3", applicant_type="administration_centrale", budget=3_500_000)
    itn5 = result_for("ITN5", date="2021-05-01", applicant_type="administration_centrale", budget=1_500_000)
    assert any("phases" in r for r in snap3.reasons)
    assert not any("phases" in r for r in itn5.reasons)


# --- « établissements publics » (seed 004): a public hospital -------------------------------------

def test_a_public_hospital_is_admitted_to_feder_never_to_snap4(result_for):
    feder = result_for("FEDER-NUM", applicant_type="etablissement_public_sante", budget=800_000)
    snap4 = result_for("SNAP4", applicant_type="etablissement_public_sante", budget=800_000)
    assert feder.verdict != INELIGIBLE
    assert snap4.verdict == INELIGIBLE


# --- conditions to meet, distinct from the laureate's obligations ----------------------------------

@pytest.mark.parametrize("code, words", [("ITN6", "50 %"), ("ITN8A", "12 mois"), ("SNAP3", "2021 et 2022"),
                                         ("SNAP4", "2021 et 2022")])
def test_eligibility_criteria_on_the_project_are_conditions_to_meet(result_for, code, words):
    result = result_for(code, applicant_type="administration_centrale", budget=600_000)
    assert any(words in c for c in result.conditions_to_meet)
    assert not any(words in c for c in result.conditions)
    assert result.to_dict()["conditions_to_meet"] == result.conditions_to_meet


def test_an_eligible_call_with_conditions_says_so(result_for):
    result = result_for("ITN8A", applicant_type="administration_centrale", budget=400_000)
    assert result.verdict_text == "éligible, sous conditions"


# --- the programme's end: no end date the sources do not give ---------------------------------------

def test_a_rolling_call_after_2022_says_what_the_sources_say(result_for):
    result = result_for("SNAP1", date="2023-03-01", applicant_type="administration_centrale")
    assert result.status == CLOSED
    assert "2022" not in result.status_text.replace("2021-2022", "")
    assert result_for("SNAP1", date="2022-06-01", applicant_type="administration_centrale").status == ROLLING


# --- what the bot says about a call: quoted, or marked as the project's own ------------------------

@pytest.mark.parametrize("key", ["carrier", "title", "how_to_apply"])
def test_what_the_bot_says_about_a_call_is_quoted_or_marked_own(catalogue, key):
    for call in catalogue:
        origin = call.get("wording")[key]
        if "own" in origin:
            assert call.worded(key).endswith(f"({OWN_WORDING[key]})"), call.code
            continue
        quote = fold(origin["source"]["quote"]).text
        said = fold(call.get(key)).text
        if key == "title":
            assert said in quote, call.code
        else:  # every body a carrier names (DINUM, DITP, ANCT, a mission) is in its quote
            names = [w for w in re.findall(r"[A-Za-zÀ-ÿ]+", said.split(" (")[0]) if len(w) > 2 and w not in ("et",)]
            assert all(name in quote for name in names), (call.code, names, quote)
        assert call.worded(key) == call.get(key)


def test_the_tnt_calls_do_not_assign_a_carrier_the_page_does_not(catalogue):
    for code in ("TNT-DEMAT", "TNT-DONNEES", "TNT-COOP"):
        assert catalogue.get(code).carrier == "DINUM, DITP et ANCT (la page ne dit pas laquelle porte cet appel)"


def test_the_european_sheet_is_not_given_a_fund_name_it_does_not_state(catalogue):
    feder = catalogue.get("FEDER-NUM")
    assert "FEDER" not in feder.carrier and "autorité de gestion" not in feder.carrier.lower()
    assert feder.worded("carrier") == "non précisé par la fiche (aide de l'UE) (libellé de cet assistant)"


def test_a_call_file_without_its_wording_origins_is_refused(tmp_path):
    data = yaml.safe_load((CATALOGUE_DIR / "ITN1.yaml").read_text(encoding="utf-8"))
    del data["wording"]["carrier"]
    path = tmp_path / "ITN1.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CatalogueError, match="ITN1.yaml: wording"):
        load_call(path)


# --- TNT-COOP's links, TNT-INCUB's partners, FEDER-NUM's amounts ------------------------------------

def test_the_first_coop_session_is_not_given_the_second_sessions_links(result_for):
    first = result_for("TNT-COOP", date="2021-03-01", applicant_type="departement", budget=400_000)
    second = result_for("TNT-COOP", date="2021-10-01", applicant_type="departement", budget=400_000)
    assert first.window.session.name == "1re session" and first.links == []
    assert any("candidature-aap-coop2" in link["url"] for link in second.links)


def test_a_partner_of_collectivites_is_to_confirm_for_the_incubateur_not_refused(result_for):
    result = result_for("TNT-INCUB", date="2021-03-01", applicant_type="association")
    assert result.verdict == TO_CONFIRM
    assert any("« partenaires » des collectivités, sans les définir" in r for r in result.reasons)
    assert not any("reste le porteur" in r for r in result.reasons + result.conditions)


def test_feder_says_the_sheet_states_neither_ht_nor_ttc(result_for):
    result = result_for("FEDER-NUM", applicant_type="commune", budget=400_000)
    assert any("ne précise pas si ses montants s'entendent HT ou TTC" in c for c in result.conditions)
    assert result.funding.amount == 240_000   # 60 % of the budget as given (tests/eligibility/test_budget_as_given.py)


def test_feder_past_the_france_relance_envelopes_is_to_check_with_its_manager(result_for):
    before = result_for("FEDER-NUM", date="2022-06-01", applicant_type="commune", budget=400_000)
    after = result_for("FEDER-NUM", date="2023-05-01", applicant_type="commune", budget=400_000)
    assert not any("autorité de gestion" in r for r in before.reasons)
    assert any(r.endswith("la fiche ne publie pas de date : vérifiez auprès de l'autorité de gestion des fonds "
                          "européens de votre région.") for r in after.reasons)
