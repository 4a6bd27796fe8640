"""Every figure the engine reads from the catalogue is the one its quoted sentence states.

These tests compare each YAML figure with the quote next to it; that the quote is in its
seed file is test_catalogue's job, so they need no seed file.
"""
import datetime as dt
from pathlib import Path

import pytest
import yaml

from orientation.eligibility import check_sources
from orientation.eligibility.catalogue import CATALOGUE_DIR, SCHEMA_FILE, Catalogue, load_call
from orientation.eligibility.figures import (
    BLOCK_FIGURES,
    Figure,
    amounts,
    call_figures,
    dates,
    percents,
    periods,
    stated,
    unstated_figures,
)
from tests.french import nb


def test_every_figure_of_the_catalogue_is_stated_by_its_quote():
    assert unstated_figures() == []


def test_every_figure_field_of_the_schema_is_checked():
    """A numeric field added to a rule block must be added to the check too."""
    schema = yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8"))
    blocks = schema["$defs"]["rules"]["properties"]
    numeric = {(block, name) for block, spec in blocks.items() if "properties" in spec
               for name, field in spec["properties"].items()
               if field.get("type") in ("number", "integer") or "euros" in str(field)}
    checked = {(block, name) for block, fields in BLOCK_FIGURES.items() for name in fields}
    assert numeric == checked


def test_each_call_has_its_rates_and_dates_checked(catalogue):
    for call in catalogue:
        paths = {f.path for f in call_figures(call)}
        assert "rules.funding.rate" in paths or all(
            f"sessions.{i}.rules.funding.rate" in paths for i in range(len(call.sessions))), call.code
        for i, session in enumerate(call.sessions):
            if session.opens:
                assert f"sessions.{i}.opens" in paths, call.code
            if session.closes:
                assert f"sessions.{i}.closes" in paths, call.code


# --- a changed figure is caught -------------------------------------------------------------------

def _variant(tmp_path: Path, code: str, change) -> Catalogue:
    data = yaml.safe_load((CATALOGUE_DIR / f"{code}.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / f"{code}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return Catalogue([load_call(path)])


def _session_rules(index):
    return lambda d: d["sessions"][index]["rules"]


@pytest.mark.parametrize("code, change, field, shown", [
    ("TNT-COOP", lambda d: d["sessions"][1]["rules"]["funding"].update(rate=0.7),
     "sessions.1.rules.funding.rate", "70 %"),
    ("ITN8A", lambda d: d["rules"]["funding"].update(rate=0.25), None, None),  # 25 % is in the quote too
    ("TNT-COOP", lambda d: d["sessions"][1]["rules"]["territory"].update(min_population=270_000),
     "sessions.1.rules.territory.min_population", "270 000"),
    ("ITN3", lambda d: d["rules"]["territory"].update(min_departements=2), "rules.territory.min_departements", "2"),
    ("ITN3", lambda d: d["rules"]["territory"].update(min_population=900_000),
     "rules.territory.min_population", "900 000"),
    ("SNAP3", lambda d: d["rules"]["funding"].update(cap_eur=1_800_000), "rules.funding.cap_eur", "1 800 000"),
    ("FEDER-NUM", lambda d: d["rules"]["funding"].update(min_grant_eur=75_001),
     "rules.funding.min_grant_eur", "75 001"),
    ("ITN2", lambda d: d["rules"]["project_size"].update(max_eur=900_000), "rules.project_size.max_eur", "900 000"),
    ("ITN8C", lambda d: d["rules"]["project_size"]["min_eur_by_applicant"].update(service_deconcentre=135_000),
     "rules.project_size.min_eur_by_applicant.service_deconcentre", "135 000"),
    ("ITN5", lambda d: d["sessions"][1]["rules"]["project_size"].update(min_eur=9_000),
     "sessions.1.rules.project_size.min_eur", "9 000"),
    ("TNT-COOP", lambda d: d["sessions"][1].update(closes="2021-11-23"), "sessions.1.closes", "2021-11-23"),
    ("TNT-COOP", lambda d: d["sessions"][1].update(opens="2021-09-21"), "sessions.1.opens", "2021-09-21"),
    ("ITN1", lambda d: d["sessions"][0].update(opens="2021-04-01"), "sessions.0.opens", "2021-04-01"),
    ("ITN5", lambda d: d["sessions"][2].update(closes="2021-07-31"), "sessions.2.closes", "2021-07-31"),
    ("ITN5", lambda d: d["sessions"][3].update(opens="2021-10-02"), "sessions.3.opens", "2021-10-02"),
])
def test_a_figure_that_is_not_in_its_quote_is_reported_with_the_file_and_field(tmp_path, code, change,
                                                                               field, shown):
    problems = unstated_figures(_variant(tmp_path, code, change))
    if field is None:
        assert problems == []
        return
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{code}.yaml: {field}: {nb(shown)} absent de la citation ")


def test_a_figure_stated_in_another_sentence_needs_its_own_source(tmp_path):
    def without_opening_quote(data):
        del data["sessions"][1]["opens_source"]
    problems = unstated_figures(_variant(tmp_path, "TNT-COOP", without_opening_quote))
    assert problems == ["TNT-COOP.yaml: sessions.1.opens: 2021-09-22 absent de la citation "
                        "'Date de clôture de la 2ème session de candidature : 22 novembre 2021'"]


def test_the_command_line_check_reports_figures_too(monkeypatch, capsys):
    monkeypatch.setattr(check_sources, "missing_quotes", lambda: [])
    monkeypatch.setattr(check_sources, "unstated_figures", lambda: ["X.yaml: rules.funding.rate: 70 % absent"])
    assert check_sources.main() == 1
    out = capsys.readouterr().out
    assert out.splitlines() == ["X.yaml: rules.funding.rate: 70 % absent", "0 citation(s) introuvable(s)",
                                "1 chiffre(s) absent(s) de leur citation"]
    monkeypatch.setattr(check_sources, "unstated_figures", lambda: [])
    assert check_sources.main() == 0


# --- reading French figures in a quote ------------------------------------------------------------

@pytest.mark.parametrize("quote, expected", [
    ("Co-financement maximum par le fonds de 75%, 25% restant à la charge de l'administration", {75, 25}),
    ("Prise en charge de 100 % du coût total du projet (sur 2021 et 2022).", {100}),
    ("Taux maximal d’intervention UE : 60%", {60}),
    ("dotation de 6 M€ TTC", set()),
])
def test_percents(quote, expected):
    assert percents(quote) == expected


@pytest.mark.parametrize("quote, kind, expected", [
    ("Plus de 250 k€ TTC (plus de 150 K€ TTC pour administrations déconcentrées).", "euros", {250_000, 150_000}),
    ("De 20.000 à 100.000 € TTC pour la phase d'expérimentation", "euros", {20_000, 100_000}),
    ("50 000 à 1 000 000 € TTC.", "euros", {50_000, 1_000_000}),
    ("La subvention est plafonnée à 2 millions d'euros par projet", "euros", {2_000_000}),
    ("un minimum de 1 million de citoyens ou trois départements", "population", {1_000_000}),
    ("un minimum de 1 million de citoyens ou trois départements", "departements", {3}),
    ("couvrant une population d'au moins 300 000 habitants.", "population", {300_000}),
    ("l'équivalent d'une population d'environ 500 000 habitants.", "euros", set()),
])
def test_amounts(quote, kind, expected):
    assert amounts(quote, kind) == expected


@pytest.mark.parametrize("quote, expected", [
    ("Ouverture : 04/01/2021", [dt.date(2021, 1, 4)]),
    ("Date de clôture de la 2ème session de candidature : 22 novembre 2021", [dt.date(2021, 11, 22)]),
    ("Calendrier : 25 janvier au 28 mai 2021.", [dt.date(2021, 1, 25), dt.date(2021, 5, 28)]),
    ("ouverture le 16 novembre 2020 pour une clôture le 19 Décembre 2020",
     [dt.date(2020, 11, 16), dt.date(2020, 12, 19)]),
    ("à partir du 1er juin 2021.", [dt.date(2021, 6, 1)]),
    ("du 15 avril au 31 mai 2021 ; et le 1er août 2022", [dt.date(2021, 4, 15), dt.date(2021, 5, 31),
                                                          dt.date(2022, 8, 1)]),
    ("le 31 février 2021, ou 2021-2022 : 20 M€", []),
    ("le 1er mars 2021 ou le 31 février 2021", [dt.date(2021, 3, 1)]),  # an impossible date is skipped
])
def test_dates(quote, expected):
    assert dates(quote) == expected


def test_periods_are_quarters():
    assert periods("2eme session : T2 2021 (dotation de 6 M€ TTC)") == [(dt.date(2021, 4, 1), dt.date(2021, 6, 30))]
    assert periods("au 4e trimestre 2021") == [(dt.date(2021, 10, 1), dt.date(2021, 12, 31))]
    assert periods("T1 2022 et 1er trimestre 2023") == [(dt.date(2022, 1, 1), dt.date(2022, 3, 31)),
                                                       (dt.date(2023, 1, 1), dt.date(2023, 3, 31))]
    assert periods("Taille attendue : 100 000 €") == []


@pytest.mark.parametrize("value, quote, expected", [
    (0.125, "un cofinancement de 12,5 % du coût", True), (0.12, "un cofinancement de 12,5 % du coût", False),
    (0.13, "un cofinancement de 12,5 % du coût", False), (0.75, "75 000 € au plus", False),
])
def test_a_rate_is_a_stated_percentage_to_the_decimal(value, quote, expected):
    assert stated(Figure("rules.funding.rate", "rate", value, quote)) is expected
