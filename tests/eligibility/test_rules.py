"""Each eligibility rule on its own, with rule blocks written here: outcome, French reason, missing fields."""
import datetime as dt

import pytest

from orientation.eligibility import Profile
from orientation.eligibility import rules as R
from tests.french import nb

SOURCE = {"file": "003_0babef74134a46ec.txt", "quote": "une phrase de la source"}


def findings(rule, rules, **fields):
    return [(f.criterion, f.outcome, f.reason, f.missing)
            for f in rule(rules, Profile(date=dt.date(2021, 6, 1), **fields)) or []]


# --- porteur_admis ----------------------------------------------------------------------------------

APPLICANTS = {"applicants": {"admitted": ["commune", "epci"], "source": SOURCE,
                             "exclusions": [{"types": ["region"], "reason": "les régions financent déjà",
                                             "source": SOURCE}]}}
WHO = {"applicants": {"admitted": ["commune"], "who": "communes de plus de 3 500 habitants", "source": SOURCE}}


@pytest.mark.parametrize("rules, fields, expected", [
    (APPLICANTS, {}, ("porteur", "unknown", "Type de porteur non précisé : l'appel est ouvert aux communes, "
                                            "EPCI (intercommunalités).", ("applicant_type",))),
    (APPLICANTS, {"applicant_type": "region"}, ("porteur", "fail", "Porteur exclu : les régions financent déjà.", ())),
    (APPLICANTS, {"applicant_type": "particulier"},
     ("porteur", "fail", "Les particuliers ne peuvent pas candidater : l'appel est réservé aux communes, "
                         "EPCI (intercommunalités).", ())),
    (APPLICANTS, {"applicant_type": "association"},
     ("porteur", "fail", "Type de porteur non admis (les associations) : l'appel est ouvert aux communes, "
                         "EPCI (intercommunalités).", ())),
    (APPLICANTS, {"applicant_type": "epci"},
     ("porteur", "pass", "Type de porteur admis : un EPCI (intercommunalité) (communes, EPCI (intercommunalités)).",
      ())),
    (WHO, {"applicant_type": "commune"},
     ("porteur", "pass", "Type de porteur admis : une commune (communes de plus de 3 500 habitants).", ())),
    (WHO, {}, ("porteur", "unknown", "Type de porteur non précisé : l'appel est ouvert aux communes de plus de "
                                     "3 500 habitants.", ("applicant_type",))),
])
def test_porteur_admis(rules, fields, expected):
    assert findings(R.porteur_admis, rules, **fields) == [expected]


# --- territoire_couvert -----------------------------------------------------------------------------

EITHER = {"territory": {"min_population": 1_000_000, "min_departements": 3, "satisfied_by": ["region"],
                        "source": SOURCE}}
ABOUT = {"territory": {"min_population": 500_000, "approximate": True, "source": SOURCE}}
ONE_DEPARTEMENT = {"territory": {"min_departements": 1, "source": SOURCE}}


@pytest.mark.parametrize("rules, fields, outcome, reason, missing", [
    (EITHER, {}, "unknown", "Territoire couvert non précisé : il faut 1 000 000 habitants ou 3 départements.",
     ("population", "departement_count")),
    (EITHER, {"applicant_type": "region"}, "pass", "Territoire : une région couvre par nature le territoire requis.",
     ()),
    (EITHER, {"applicant_type": "commune", "population": 2e6}, "pass",
     "Population couverte 2 000 000 ≥ 1 000 000 habitants requis.", ()),
    (EITHER, {"applicant_type": "commune", "population": 1e6}, "pass",
     "Population couverte 1 000 000 ≥ 1 000 000 habitants requis.", ()),
    (EITHER, {"population": 5e5, "departement_count": 2}, "fail",
     "Population couverte 500 000 < 1 000 000 habitants requis et 2 départements couverts < 3 requis.", ()),
    (EITHER, {"population": 5e5, "departement_count": 3}, "pass", "3 départements couverts ≥ 3 requis.", ()),
    (EITHER, {"population": 5e5}, "unknown",
     "Population couverte 500 000 < 1 000 000 habitants requis ; Territoire couvert non précisé : il faut "
     "1 000 000 habitants ou 3 départements.", ("departement_count",)),
    (EITHER, {"departement_count": 2}, "unknown",
     "2 départements couverts < 3 requis ; Territoire couvert non précisé : il faut 1 000 000 habitants ou "
     "3 départements.", ("population",)),
    (ABOUT, {"population": 4e5}, "fail", "Population couverte 400 000 < environ 500 000 habitants (ordre de grandeur donné par la source).", ()),
    (ABOUT, {"population": 5e5, "applicant_type": "region"}, "pass",
     "Population couverte 500 000 ≥ environ 500 000 habitants (ordre de grandeur donné par la source).", ()),
    (ABOUT, {}, "unknown", "Territoire couvert non précisé : il faut environ 500 000 habitants.", ("population",)),
    (ABOUT, {"departement_count": 5}, "unknown", "Territoire couvert non précisé : il faut environ "
                                                 "500 000 habitants.", ("population",)),
    (ONE_DEPARTEMENT, {"departement_count": 1}, "pass", "1 département couvert ≥ 1 requis.", ()),
    (ONE_DEPARTEMENT, {"population": 3e6}, "unknown", "Territoire couvert non précisé : il faut 1 département.",
     ("departement_count",)),
])
def test_territoire_couvert(rules, fields, outcome, reason, missing):
    assert findings(R.territoire_couvert, rules, **fields) == [("territoire", outcome, nb(reason), missing)]


def test_no_territory_block_means_no_territory_rule():
    assert R.territoire_couvert({}, Profile(population=10)) is None


# --- taille_attendue --------------------------------------------------------------------------------

BY_TYPE = {"project_size": {"min_eur": 250_000, "max_eur": 1_000_000,
                            "min_eur_by_applicant": {"service_deconcentre": 150_000}, "source": SOURCE}}
RANGE = "de 250 000 € à 1 000 000 € TTC (150 000 € pour les services déconcentrés de l'État)"


@pytest.mark.parametrize("rules, fields, outcome, reason, missing", [
    (BY_TYPE, {}, "unknown", f"Budget non précisé : taille attendue {RANGE}.", ("budget",)),
    (BY_TYPE, {"budget": 200_000}, "unknown",
     f"Budget 200 000 € : suffisant seulement pour certains porteurs (taille attendue {RANGE}) ; précisez le type "
     f"de porteur.", ("applicant_type",)),
    (BY_TYPE, {"budget": 150_000}, "unknown",
     f"Budget 150 000 € : suffisant seulement pour certains porteurs (taille attendue {RANGE}) ; précisez le type "
     f"de porteur.", ("applicant_type",)),
    (BY_TYPE, {"budget": 149_999}, "fail", f"Budget 149 999 € < 250 000 € TTC, taille minimale attendue ({RANGE}).",
     ()),
    (BY_TYPE, {"budget": 200_000, "applicant_type": "service_deconcentre"}, "pass",
     "Budget 200 000 € dans la taille attendue (de 150 000 € à 1 000 000 € TTC).", ()),
    (BY_TYPE, {"budget": 149_999, "applicant_type": "service_deconcentre"}, "fail",
     "Budget 149 999 € < 150 000 € TTC, taille minimale attendue (de 150 000 € à 1 000 000 € TTC).", ()),
    (BY_TYPE, {"budget": 200_000, "applicant_type": "operateur_etat"}, "fail",
     f"Budget 200 000 € < 250 000 € TTC, taille minimale attendue ({RANGE}).", ()),
    (BY_TYPE, {"budget": 250_000, "applicant_type": "operateur_etat"}, "pass",
     f"Budget 250 000 € dans la taille attendue ({RANGE}).", ()),
    (BY_TYPE, {"budget": 1_000_001, "applicant_type": "operateur_etat"}, "above",
     f"Budget 1 000 001 € au-delà de la taille attendue ({RANGE}) : à confirmer avec le porteur de l'appel.", ()),
    (BY_TYPE, {"budget": 1_000_000, "applicant_type": "operateur_etat"}, "pass",
     f"Budget 1 000 000 € dans la taille attendue ({RANGE}).", ()),
    ({"project_size": {"min_eur": 50_000, "source": SOURCE}}, {"budget": 49_999.5}, "fail",
     "Budget 49 999,5 € < 50 000 € TTC, taille minimale attendue (au moins 50 000 € TTC).", ()),
    ({"project_size": {"min_eur": 50_000, "source": SOURCE}}, {"budget": 9e9}, "pass",
     "Budget 9 000 000 000 € dans la taille attendue (au moins 50 000 € TTC).", ()),
    ({"project_size": {"max_eur": 100_000, "source": SOURCE}}, {"budget": 100_001}, "above",
     "Budget 100 001 € au-delà de la taille attendue (jusqu'à 100 000 € TTC) : à confirmer avec le porteur de "
     "l'appel.", ()),
    ({"project_size": {"max_eur": 100_000, "source": SOURCE}}, {"budget": 1}, "pass",
     "Budget 1 € dans la taille attendue (jusqu'à 100 000 € TTC).", ()),
])
def test_taille_attendue(rules, fields, outcome, reason, missing):
    assert findings(R.taille_attendue, rules, **fields) == [("taille", outcome, nb(reason), missing)]


@pytest.mark.parametrize("block", [{"defined": False, "min_eur": 5, "source": SOURCE}, {"source": SOURCE},
                                   {"defined": True, "source": SOURCE}])
def test_no_size_rule_when_the_size_is_not_defined(block):
    assert R.taille_attendue({"project_size": block}, Profile(budget=1)) is None
    assert R.taille_attendue({}, Profile(budget=1)) is None


def test_a_minimum_by_type_alone_is_a_floor_for_that_type_only():
    rules = {"project_size": {"max_eur": 500_000, "min_eur_by_applicant": {"commune": 100_000}, "source": SOURCE}}
    assert findings(R.taille_attendue, rules, applicant_type="commune", budget=99_999) == [
        ("taille", "fail", nb("Budget 99 999 € < 100 000 € TTC, taille minimale attendue (de 100 000 € à "
                           "500 000 € TTC)."), ())]
    assert findings(R.taille_attendue, rules, applicant_type="epci", budget=10) == [
        ("taille", "pass", nb("Budget 10 € dans la taille attendue (jusqu'à 500 000 € TTC (100 000 € pour les "
                           "communes))."), ())]


# --- subvention_minimale ----------------------------------------------------------------------------

FEDER = {"funding": {"rate": 0.6, "min_grant_eur": 75_000, "source": SOURCE}}
BASE = "Subvention minimale 75 000 € : au taux maximal de 60 %, le projet doit coûter au moins 125 000 €"


@pytest.mark.parametrize("fields, outcome, end, missing", [
    ({}, "unknown", " ; budget non précisé.", ("budget",)),
    ({"budget": 124_999}, "fail", " ; votre budget est de 124 999 €.", ()),
    ({"budget": 125_000}, "pass", " ; votre budget de 125 000 € le permet.", ()),
])
def test_subvention_minimale(fields, outcome, end, missing):
    assert findings(R.subvention_minimale, FEDER, **fields) == [("subvention_minimale", outcome, nb(BASE + end), missing)]


def test_no_minimum_grant_no_rule():
    assert R.subvention_minimale({"funding": {"rate": 0.5, "source": SOURCE}}, Profile(budget=1)) is None


# --- criteres_a_verifier and the whole check --------------------------------------------------------

UNVERIFIABLE = {"unverifiable": [{"text": "procédure recensée.", "source": SOURCE},
                                 {"text": "réseau RIE.", "applies_to": ["operateur_etat"], "source": SOURCE}]}


@pytest.mark.parametrize("fields, texts", [
    ({}, ["À vérifier : procédure recensée.", "À vérifier : réseau RIE."]),
    ({"applicant_type": "operateur_etat"}, ["À vérifier : procédure recensée.", "À vérifier : réseau RIE."]),
    ({"applicant_type": "commune"}, ["À vérifier : procédure recensée."]),
])
def test_criteres_a_verifier(fields, texts):
    assert findings(R.criteres_a_verifier, UNVERIFIABLE, **fields) == [
        ("a_verifier", "unverifiable", text, ()) for text in texts]


def test_criteria_for_other_applicants_only_give_no_finding():
    rules = {"unverifiable": UNVERIFIABLE["unverifiable"][1:]}
    assert R.criteres_a_verifier(rules, Profile(applicant_type="commune")) is None


def test_check_reads_the_rules_in_order():
    rules = {**WHO, **ABOUT, **{"project_size": {"min_eur": 50_000, "source": SOURCE}}, **FEDER, **UNVERIFIABLE}
    result = R.check(rules, Profile(applicant_type="commune", population=600_000, budget=200_000,
                                    date=dt.date(2021, 6, 1)))
    assert [(f.criterion, f.outcome) for f in result] == [
        ("porteur", "pass"), ("territoire", "pass"), ("taille", "pass"), ("subvention_minimale", "pass"),
        ("a_verifier", "unverifiable")]


def test_several_minimums_by_type_are_all_said():
    rules = {"project_size": {"min_eur": 250_000, "min_eur_by_applicant": {"service_deconcentre": 150_000,
                                                                          "commune": 100_000}, "source": SOURCE}}
    assert findings(R.taille_attendue, rules, budget=90_000) == [
        ("taille", "fail", nb("Budget 90 000 € < 250 000 € TTC, taille minimale attendue (au moins 250 000 € TTC "
                           "(150 000 € pour les services déconcentrés de l'État, 100 000 € pour les communes))."), ())]


def test_a_criterion_for_other_applicants_does_not_hide_the_next_ones():
    rules = {"unverifiable": list(reversed(UNVERIFIABLE["unverifiable"]))}
    assert findings(R.criteres_a_verifier, rules, applicant_type="commune") == [
        ("a_verifier", "unverifiable", "À vérifier : procédure recensée.", ())]


def test_a_type_with_its_own_minimum_is_held_to_it_even_above_another_types_minimum():
    rules = {"project_size": {"min_eur": 250_000, "min_eur_by_applicant": {"service_deconcentre": 150_000,
                                                                          "commune": 100_000}, "source": SOURCE}}
    (finding,) = findings(R.taille_attendue, rules, applicant_type="service_deconcentre", budget=120_000)
    assert finding[:2] == ("taille", "fail")
