"""The « fiche projet » PDF carries the engine's own figures: each test reads the PDF's text and
compares it with the results evaluate() gives for the same profile (what the bot shows)."""
from __future__ import annotations

import datetime as dt

import pytest

from orientation.eligibility import INELIGIBLE, Profile, evaluate
from orientation.eligibility.funding import eligible_base
from orientation.fiche.content import NOT_A_DECISION, build_fiche, detailed_and_others, document
from orientation.fiche.render import pdf
from orientation.language import french as fmt
from tests.fiche.pdf_text import pdf_text, reader
from tests.french import nb

AUTUMN_2021 = dt.date(2021, 10, 15)
NOW = dt.datetime(2021, 10, 15, 9, 30, tzinfo=dt.timezone.utc)


def _sheet(profile: Profile, **extra):
    results = evaluate(profile)
    return results, pdf(build_fiche(profile, results, now=NOW, **extra))


def _recommended(results):
    return [r for r in results if r.verdict != INELIGIBLE]


def _assert_call_figures(text: str, result, detailed: bool = True) -> None:
    """Verdict, computation, rate, calendar, as the engine says them; for a detailed call, the quoted
    source of the rate and the conditions to meet too (the others have one row and their document)."""
    assert f"{result.code} — " in text
    assert result.funding.explanation in text
    assert fmt.percent(result.funding.rate) in text
    assert result.calendar in text
    if not detailed:
        assert result.verdict_text in text and document(result.call.get("sources")[0]) in text
        return
    assert result.verdict_text[0].upper() + result.verdict_text[1:] in text
    funding = result.window.session.rules["funding"]
    assert " ".join(funding["source"]["quote"].split()) in text
    for condition in result.conditions_to_meet:
        assert " ".join(condition.split()) in text


def test_staff_excluded_from_the_base_every_figure_is_the_engines():
    profile = Profile(applicant_type="commune", population=350_000, budget=400_000, nature="cooperation_usagers",
                      budget_parts=(("personnel", 100_000),), date=AUTUMN_2021)
    results, data = _sheet(profile)
    text = pdf_text(data)
    recommended = _recommended(results)
    detailed, others = detailed_and_others(recommended)
    assert detailed
    for result in recommended:
        _assert_call_figures(text, result, result in detailed)
    main = next(r for r in recommended if r.code == "TNT-COOP")
    assert main.funding.amount == 225_000  # the engine's: 75 % of the cost less the staff
    base, taken = eligible_base(main.window.session.rules["funding"], 400_000, profile.parts())
    assert taken == [("personnel", 100_000.0)] and base == 300_000
    assert nb("75 % de 300 000 € (400 000 € moins 100 000 € de personnel), soit jusqu'à 225 000 €") in text
    # the plan de financement: total, excluded staff, base, the call's share, the applicant's share
    assert nb("Coût total du projet (TTC) 400 000 €") in text
    assert nb("Dépenses exclues de l'assiette de TNT-COOP : dépenses de personnel 100 000 €") in text
    assert nb("Assiette éligible de TNT-COOP 300 000 €") in text
    assert nb("Part de l'appel TNT-COOP 225 000 €") in text
    assert nb("Part restant à la charge du porteur 175 000 €") in text
    assert nb("dont dépenses de personnel 100 000 €") in text


def test_when_the_theme_has_no_open_france_relance_call_the_plan_is_on_the_fund_the_bot_recommends():
    profile = Profile(applicant_type="region", population=3_300_000, budget=800_000, nature="donnees",
                      budget_parts=(("personnel", 200_000),), date=AUTUMN_2021)
    results, data = _sheet(profile)
    text = pdf_text(data)
    feder = next(r for r in results if r.code == "FEDER-NUM")
    assert next(r for r in results if r.code == "TNT-DONNEES").status == "closed"
    assert f"Part de l'appel FEDER-NUM {fmt.euros(feder.funding.amount)}" in text
    assert "Part de l'appel TNT-COOP" not in text  # open, but on another theme


def test_snap4_both_caps_are_said_and_the_share_is_the_capped_amount():
    profile = Profile(applicant_type="administration_centrale", budget=6_000_000, nature="travail_collaboratif",
                      date=AUTUMN_2021)
    results, data = _sheet(profile)
    text = pdf_text(data)
    snap4 = next(r for r in results if r.code == "SNAP4")
    assert snap4 in detailed_and_others(_recommended(results))[0]
    for result in detailed_and_others(_recommended(results))[1]:
        _assert_call_figures(text, result, detailed=False)
    assert snap4.verdict != INELIGIBLE and snap4.funding.capped and snap4.funding.amount == 3_000_000
    _assert_call_figures(text, snap4)
    assert nb("3 000 000 € par dossier ; 8 000 000 € au total par projet") in text
    assert nb("Part de l'appel SNAP4 3 000 000 €") in text
    assert nb("Part restant à la charge du porteur 3 000 000 €") in text
    # the cap's own sentence, with its document
    assert "La subvention est plafonnée à 3 millions d'euros par dossier" in text
    assert document("003_0babef74134a46ec.txt").split(" (")[0] in text


def test_the_calls_detailed_are_the_bots_best_on_the_theme_and_the_other_fund():
    profile = Profile(applicant_type="commune", population=350_000, budget=400_000, nature="cooperation_usagers",
                      date=AUTUMN_2021)
    detailed, others = detailed_and_others(_recommended(evaluate(profile)))
    assert [r.code for r in detailed] == ["TNT-COOP", "FEDER-NUM"]
    assert all(r.theme_match is False for r in others)


def test_after_france_relance_the_plan_is_on_the_fund_still_open_never_on_a_closed_call():
    profile = Profile(applicant_type="commune", population=350_000, budget=400_000, nature="cooperation_usagers",
                      date=dt.date(2026, 11, 25))
    results = evaluate(profile)
    feder = next(r for r in results if r.code == "FEDER-NUM")
    assert next(r for r in results if r.code == "TNT-COOP").status == "closed" and feder.status != "closed"
    text = pdf_text(pdf(build_fiche(profile, results, now=NOW)))
    assert "Sur la base de l'appel FEDER-NUM" in text
    assert f"Part de l'appel FEDER-NUM {fmt.euros(feder.funding.amount)}" in text
    assert "Part de l'appel TNT-COOP" not in text


def test_nothing_eligible_says_so_and_gives_no_plan():
    profile = Profile(applicant_type="particulier", population=1, budget=20_000, nature="donnees", date=AUTUMN_2021)
    results, data = _sheet(profile)
    assert not _recommended(results)
    text = pdf_text(data)
    assert "Aucun appel ne correspond à ce profil" in text
    assert "pas de plan de financement" in text
    assert "Part de l'appel" not in text


def test_an_incomplete_profile_gets_a_sheet_saying_what_is_missing():
    profile = Profile(applicant_type=None, nature="donnees", date=AUTUMN_2021)
    _, data = _sheet(profile)
    text = pdf_text(data)
    assert "Ce qui manque pour une orientation complète" in text
    assert "Le type de structure qui porte le projet" in text
    assert "Le coût total du projet (TTC)" in text
    assert "le plan de financement ne peut pas être établi" in text


def test_markup_in_a_name_or_an_organisation_is_printed_as_text():
    profile = Profile(applicant_type="commune", population=350_000, budget=400_000, date=AUTUMN_2021)
    name, organisation = "<b>Jeanne</b> & Cie", "<script>alert(1)</script><img src=x>"
    _, data = _sheet(profile, person={"name": name, "organisation": organisation})
    text = pdf_text(data)
    assert name in text and organisation in text


def test_dates_disclaimer_and_a_tagged_french_pdf_ua_document():
    profile = Profile(applicant_type="commune", population=350_000, budget=400_000, nature="cooperation_usagers",
                      date=AUTUMN_2021)
    _, data = _sheet(profile)
    text = pdf_text(data)
    assert "Date de référence : 15 octobre 2021" in text
    assert nb("générée le 15 octobre 2021 à 9 h 30 (UTC)") in text
    assert " ".join(NOT_A_DECISION.split()) in text
    root = reader(data).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and root["/Lang"] == "fr"
    assert "/StructTreeRoot" in root  # the tags a screen reader follows
    xmp = reader(data).xmp_metadata.stream.get_data()
    assert b'pdfuaid:part="1"' in xmp  # the PDF/UA-1 identification in its metadata


@pytest.mark.parametrize("budget", [None, 400_000])
def test_the_questions_for_the_advisor_include_what_cannot_be_established(budget):
    profile = Profile(applicant_type="commune", population=350_000, budget=budget, date=AUTUMN_2021)
    results = evaluate(profile)
    sheet = build_fiche(profile, results, now=NOW, asked=["Peut-on cumuler avec un autre fonds ?"])
    assert "Votre question : « Peut-on cumuler avec un autre fonds ? »" in sheet.questions
    assert ("Préciser le coût total du projet (TTC)." in sheet.questions) == (budget is None)


def test_sheets_asked_at_once_are_made_one_at_a_time(monkeypatch):
    """WeasyPrint is not thread-safe: two bookings confirmed at once (worker threads) never render
    together. A slow stand-in for WeasyPrint counts how many renderings overlap."""
    import threading
    import time

    from orientation.fiche import render

    inside, most = [0], [0]
    guard = threading.Lock()

    class SlowDocument:
        def __init__(self, **_):
            pass

        def write_pdf(self, **_):
            with guard:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            time.sleep(0.05)
            with guard:
                inside[0] -= 1
            return b"%PDF"

    class FakeWeasy:
        HTML = SlowDocument

    monkeypatch.setattr(render, "_weasy", lambda: (FakeWeasy, (None, None)))
    profile = Profile(applicant_type="commune", population=35_000, budget=400_000, nature="cooperation_usagers",
                      date=AUTUMN_2021)
    fiche = build_fiche(profile, evaluate(profile), now=NOW)
    threads = [threading.Thread(target=render.pdf, args=(fiche,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] == 1
