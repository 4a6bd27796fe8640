"""The engine's output in detail: the JSON of one result, themes, scores, sessions and calendar words."""
import datetime as dt
import shutil

import pytest

from orientation.eligibility import Profile, evaluate, load_catalogue, recommend
from orientation.eligibility.catalogue import CATALOGUE_DIR, Session
from orientation.eligibility.engine import ELIGIBLE, INELIGIBLE, TO_CONFIRM, _score
from orientation.eligibility.profile import ProfileError, reference_date
from orientation.eligibility.sessions import Window, candidate_windows, status_text, windows
from tests.french import nb

D = dt.date
COMMUNE = dict(applicant_type="commune", population=350_000, budget=400_000, nature="cooperation_usagers",
               date=D(2021, 10, 15))


def _results(**fields):
    return {r.code: r for r in evaluate(Profile(**fields))}


def test_one_result_as_json():
    assert _results(**COMMUNE)["TNT-COOP"].to_dict() == {
        "code": "TNT-COOP",
        "title": "Développer la coopération avec mes partenaires et usagers grâce au numérique",
        "short_title": "Coopération avec partenaires et usagers",
        "verdict": "eligible", "verdict_label": "éligible", "rank": 1, "score": 1.0, "theme_match": True,
        "themes": ["cooperation_usagers"],
        "session": "2e session", "session_opens": "2021-09-22", "session_closes": "2021-11-22",
        "status": "open", "status_text": "ouvert jusqu'au 22 novembre 2021",
        "cofinancing_rate": 0.75, "max_funding_eur": 300_000, "funding_text": nb("75 % de 400 000 €, soit jusqu'à 300 000 €"),
        "reasons": [
            "Type de porteur admis : une commune (collectivités territoriales, groupements de collectivités et "
            "réseaux de mutualisation).",
            nb("Population couverte 350 000 ≥ 300 000 habitants requis."),
            "Thème du projet couvert par l'appel : coopération avec les partenaires et les usagers."],
        "conditions_to_meet": [],
        "conditions": [
            "Taux appliqué hors dépenses de personnel (T2) et achats de matériel.",
            "Seules les prestations sont financées (développement, conseil, accompagnement du changement…) ; les "
            "achats de matériel et les dépenses de personnel (T2) ne le sont pas.",
            "Les porteurs de projets pourront prendre la suite de leur dossier déjà initié dans le cadre de la "
            "première session."],
        "missing": [],
        "source": "001_37e20dd89e176ebc.txt",
        "sources": ["001_37e20dd89e176ebc.txt", "002_de85d9eddd2a0249.txt"],
    }


def test_a_rolling_session_has_no_closing_date_in_json():
    itn1 = _results(**COMMUNE)["ITN1"].to_dict()
    assert (itn1["session_opens"], itn1["session_closes"]) == ("2021-01-04", None)
    feder = _results(**COMMUNE)["FEDER-NUM"].to_dict()
    assert (feder["session_opens"], feder["session_closes"], feder["status_text"]) == (
        None, None, "dépôt au fil de l'eau, aucune date de clôture publiée")


def test_missing_fields_in_json():
    result = _results(applicant_type="commune", date=D(2021, 10, 15))["TNT-COOP"].to_dict()
    assert result["missing"] == ["population"]
    assert result["verdict"] == "to_confirm" and result["verdict_label"] == "éligibilité à confirmer"


def test_a_theme_outside_the_call_is_said_and_does_not_change_the_verdict():
    itn2 = _results(**COMMUNE)["ITN2"]
    assert [(f.criterion, f.outcome, f.reason) for f in itn2.findings] == [
        ("porteur", "fail", "Porteur exclu : les collectivités territoriales en sont exclues."),
        ("taille", "pass", nb("Budget 400 000 € dans la taille attendue (de 200 000 € à 1 000 000 € TTC).")),
        ("theme", "info", "Thème du projet (coopération avec les partenaires et les usagers) hors du champ principal "
                          "de l'appel (plateforme numérique réunissant les acteurs d'une politique publique).")]
    assert itn2.theme_match is False
    coop = _results(**COMMUNE)["TNT-COOP"]
    assert (coop.findings[-1].criterion, coop.findings[-1].outcome) == ("theme", "pass")
    no_theme = _results(**{**COMMUNE, "nature": None})["TNT-COOP"]
    assert no_theme.theme_match is None and not any(f.criterion == "theme" for f in no_theme.findings)
    assert no_theme.score == 0.77  # 0.45 × 0.5 + 0.35 + 0.2, rounded


@pytest.mark.parametrize("verdict, match, status, score", [
    (ELIGIBLE, True, "open", 1.0), (ELIGIBLE, True, "rolling", 1.0), (TO_CONFIRM, None, "upcoming", 0.5),
    (INELIGIBLE, False, "closed", 0.0), (ELIGIBLE, False, "closed", 0.35), (INELIGIBLE, None, "open", 0.43),
    (TO_CONFIRM, True, "closed", 0.62), (INELIGIBLE, True, "upcoming", 0.55),
])
def test_score_weighs_theme_then_verdict_then_calendar(verdict, match, status, score):
    assert _score(verdict, match, status) == score


def test_scores_in_results():
    results = _results(**COMMUNE)
    assert (results["TNT-INCUB"].score, results["ITN2"].score, results["ITN5"].score) == (0.35, 0.2, 0.2)


def test_recommend_reads_the_catalogue_it_is_given(tmp_path):
    shutil.copy(CATALOGUE_DIR / "ITN6.yaml", tmp_path)
    document = recommend(Profile(**COMMUNE), load_catalogue(tmp_path))
    assert [r["code"] for r in document["results"]] == ["ITN6"]
    assert document["profile"]["date"] == "2021-10-15"


# --- sessions and calendar ------------------------------------------------------------------------

def _session(**fields):
    base = dict(name="Session", opens=None, closes=None, rolling=False, dates_approximate=False, period_label=None,
                note=None, source={}, rules={})
    return Session(**{**base, **fields})


def test_a_session_is_open_on_its_first_and_last_day():
    window = Window(_session(opens=D(2021, 9, 22), closes=D(2021, 11, 22)), D(2021, 9, 22), D(2021, 11, 22))
    assert [window.status(D(2021, 9, d)) for d in (21, 22)] == ["upcoming", "open"]
    assert [window.status(D(2021, 11, d)) for d in (22, 23)] == ["open", "closed"]


def test_an_unpublished_opening_is_the_day_after_the_previous_close():
    itn3 = load_catalogue().get("ITN3")
    first, second = windows(itn3.sessions)
    assert (first.start, first.end) == (D(2020, 12, 1), D(2021, 1, 31))
    assert (second.start, second.end) == (D(2021, 2, 1), D(2021, 7, 2))
    only = windows([_session(closes=D(2021, 7, 2))])[0]
    assert (only.start, only.end) == (D.min, D(2021, 7, 2))
    after_rolling = windows([_session(opens=D(2021, 1, 1), rolling=True), _session(closes=D(2021, 7, 2))])
    assert after_rolling[0].end == D.max and after_rolling[1].start == D.min


def test_before_every_session_the_next_one_is_used_not_the_latest():
    itn5 = load_catalogue().get("ITN5")
    (window,) = candidate_windows(itn5.sessions, D(2020, 11, 1))
    assert window.session.name == "Appel à projets – 1re session"
    (between,) = candidate_windows(itn5.sessions, D(2020, 12, 25))
    assert between.session.name == "Guichet"


@pytest.mark.parametrize("fields, on, text", [
    (dict(opens=D(2021, 1, 4), rolling=True), D(2021, 6, 1),
     "ouverture annoncée le 4 janvier 2021, aucune date de clôture publiée"),
    (dict(rolling=True), D(2021, 6, 1), "dépôt au fil de l'eau, aucune date de clôture publiée"),
    (dict(opens=D(2021, 9, 22), closes=D(2021, 11, 22)), D(2021, 7, 1), "ouverture le 22 septembre 2021"),
    (dict(opens=D(2021, 4, 1), closes=D(2021, 6, 30), dates_approximate=True, period_label="2e trimestre 2021"),
     D(2021, 3, 1), "ouverture au 2e trimestre 2021 (dates précises non publiées)"),
    (dict(opens=D(2021, 4, 1), closes=D(2021, 6, 30), dates_approximate=True, period_label="2e trimestre 2021"),
     D(2021, 5, 1), "session du 2e trimestre 2021 (dates précises non publiées)"),
    (dict(opens=D(2021, 4, 1), closes=D(2021, 6, 30), dates_approximate=True, period_label="2e trimestre 2021"),
     D(2021, 7, 1), "session du 2e trimestre 2021 close"),
    # a label without approximate dates is not used: the dates are exact
    (dict(opens=D(2021, 4, 1), closes=D(2021, 6, 30), period_label="2e trimestre 2021"), D(2021, 3, 1),
     "ouverture le 1er avril 2021"),
    (dict(opens=D(2021, 4, 1), closes=D(2021, 6, 30), period_label="2e trimestre 2021"), D(2021, 5, 1),
     "ouvert jusqu'au 30 juin 2021"),
    (dict(opens=D(2021, 4, 1), closes=D(2021, 6, 30), period_label="2e trimestre 2021"), D(2021, 7, 1),
     "clôturé le 30 juin 2021"),
])
def test_status_text(fields, on, text):
    (window,) = windows([_session(**fields)])
    assert status_text(window, on) == text


# --- the reference date -----------------------------------------------------------------------------

def test_reference_date(monkeypatch):
    monkeypatch.setenv("ORIENTATION_DATE", " 2021-03-01 ")
    assert reference_date() == D(2021, 3, 1)
    assert reference_date("2021-10-15") == D(2021, 10, 15)
    monkeypatch.delenv("ORIENTATION_DATE")
    assert reference_date() == dt.date.today()
    with pytest.raises(ProfileError) as error:
        reference_date("15/10/2021")
    assert str(error.value) == "Date invalide « 15/10/2021 » : attendu AAAA-MM-JJ, par exemple 2021-10-15."


def test_profile_as_a_dict():
    assert Profile(**COMMUNE).to_dict() == {"applicant_type": "commune", "population": 350_000,
                                            "departement_count": None, "budget": 400_000,
                                            "nature": "cooperation_usagers", "date": "2021-10-15"}


def test_of_two_open_sessions_with_the_same_verdict_the_one_that_pays_more_is_used(tmp_path):
    text = (CATALOGUE_DIR / "ITN5.yaml").read_text(encoding="utf-8")
    # the guichet (10 000 to 100 000 €) pays 50 % in this variant, the AAP session 75 %
    text = text.replace("      project_size:\n        min_eur: 10000",
                        "      funding:\n        rate: 0.5\n        source:\n          file: 003_0babef74134a46ec.txt\n"
                        "          quote: x x x x x x\n      project_size:\n        min_eur: 10000")
    (tmp_path / "ITN5.yaml").write_text(text, encoding="utf-8")
    profile = Profile(applicant_type="operateur_etat", budget=100_000, date=D(2021, 6, 15))
    (result,) = evaluate(profile, load_catalogue(tmp_path))
    assert result.window.session.name == "Appel à projets – 2e session"
    assert result.funding.amount == 75_000
