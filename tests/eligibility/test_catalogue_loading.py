"""Loading the catalogue: what a file becomes, and the mistakes refused with file, field and why.

Each test loads the files afresh (not the cached default catalogue), so that a change in
the loading code shows here.
"""
import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from orientation.eligibility.catalogue import (
    CATALOGUE_DIR,
    Catalogue,
    CatalogueError,
    _load,
    load_call,
    load_catalogue,
    normalise_code,
)

D = dt.date


@pytest.fixture
def fresh():  # per test: a mutation test runs single tests, each must load the files itself
    return _load(CATALOGUE_DIR)


def test_sessions_as_loaded(fresh):
    itn5 = fresh.get("ITN5")
    assert [(s.name, s.opens, s.closes, s.rolling, s.dates_approximate, s.period_label) for s in itn5.sessions] == [
        ("Appel à projets – 1re session", D(2020, 11, 16), D(2020, 12, 19), False, False, None),
        ("Guichet", D(2021, 1, 18), None, True, False, None),
        ("Appel à projets – 2e session", D(2021, 4, 1), D(2021, 6, 30), False, True, "2e trimestre 2021"),
        ("Appel à projets – 3e session", D(2021, 10, 1), D(2021, 12, 31), False, True, "4e trimestre 2021"),
    ]
    assert itn5.sessions[0].note == "Dotation de la session de 6 M€ TTC."
    assert itn5.sessions[1].source == {"file": "003_0babef74134a46ec.txt", "quote": (
        "Ce thème comporte également l'ouverture d'un guichet \"cycle de vie de la donnée\" le 18 janvier 2021 "
        "(dotation de 4 M€ TTC), destiné aux petits projets")}
    itn3 = fresh.get("ITN3")
    assert (itn3.sessions[1].opens, itn3.sessions[1].closes) == (None, D(2021, 7, 2))
    assert itn3.sessions[0].note is None


def test_a_session_applies_its_own_blocks_over_the_calls(fresh):
    coop = fresh.get("TNT-COOP")
    first, second = coop.sessions
    assert first.rules["funding"]["rate"] == 0.5 and second.rules["funding"]["rate"] == 0.75
    assert first.rules["territory"]["min_population"] == 500_000
    assert second.rules["territory"]["min_population"] == 300_000
    assert second.rules["applicants"] == coop.data["rules"]["applicants"]  # not overridden: the call's
    guichet = fresh.get("ITN5").sessions[1]
    assert guichet.rules["project_size"]["min_eur"] == 10_000
    assert guichet.rules["funding"] == fresh.get("ITN5").data["rules"]["funding"]


def test_a_call_as_loaded(fresh):
    coop = fresh.get("TNT-COOP")
    assert (coop.code, coop.kind, coop.themes, coop.file) == ("TNT-COOP", "appel_a_projets", ("cooperation_usagers",),
                                                             "TNT-COOP.yaml")
    assert coop.title == "Développer la coopération avec mes partenaires et usagers grâce au numérique"
    assert coop.short_title == "Coopération avec partenaires et usagers"
    assert coop.carrier == "DINUM, DITP et ANCT (la page ne dit pas laquelle porte cet appel)"
    assert coop.summary.startswith("Appel à projets du programme Transformation numérique des territoires pour les "
                                   "collectivités et groupements : financer")
    assert "\n" not in coop.summary and "  " not in coop.summary
    assert coop.get("sources") == ["001_37e20dd89e176ebc.txt", "002_de85d9eddd2a0249.txt"]
    assert coop.get("nothing here", "default") == "default"
    without_short = fresh.get("ITN3")
    assert without_short.short_title == without_short.title


def test_the_catalogue_is_in_code_order_and_iterates_as_it_lists(fresh):
    assert fresh.codes == sorted(fresh.codes) and len(fresh) == 21
    assert [call.code for call in fresh] == fresh.codes
    assert "ITN5" in fresh and "itn5" not in fresh and "ITN7" not in fresh
    assert load_catalogue() is load_catalogue()  # the packaged catalogue is read once
    assert load_catalogue(CATALOGUE_DIR) is load_catalogue()


def test_a_directory_without_call_files_is_refused(tmp_path):
    with pytest.raises(CatalogueError) as error:
        load_catalogue(tmp_path)
    assert str(error.value) == f"{tmp_path}: (racine): aucun fichier d'appel (*.yaml)"
    assert error.value.field_path == ""


def test_another_directory_is_read_as_given(tmp_path):
    shutil.copy(CATALOGUE_DIR / "ITN6.yaml", tmp_path)
    catalogue = load_catalogue(tmp_path)
    assert catalogue.codes == ["ITN6"] and isinstance(catalogue, Catalogue)


@pytest.mark.parametrize("spoken, code", [("itn 5", "ITN5"), ("TNT_coop", "TNT-COOP"), ("tnt-donnees", "TNT-DONNEES"),
                                          ("FEDER_NUM", "FEDER-NUM"), ("snap_2a", "SNAP2A"), ("ITN-8-A", "ITN8A"),
                                          ("autre", "AUTRE"), (" tnt  incub ", "TNT-INCUB")])
def test_normalise_code(spoken, code):
    assert normalise_code(spoken) == code


# --- refused files ------------------------------------------------------------------------------

def _write(tmp_path: Path, code: str, change) -> Path:
    data = yaml.safe_load((CATALOGUE_DIR / f"{code}.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / f"{code}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _error(path: Path) -> str:
    with pytest.raises(CatalogueError) as error:
        load_call(path)
    assert error.value.file == path.name
    return str(error.value)


def _session(index, **fields):
    def change(data):
        session = data["sessions"][index]
        for key, value in fields.items():
            if value is None:
                session.pop(key, None)
            else:
                session[key] = value
    return change


@pytest.mark.parametrize("code, change, message", [
    ("TNT-COOP", _session(1, closes="2021-09-21"), "sessions.1.closes: la clôture précède l'ouverture"),
    ("ITN1", _session(0, closes="2021-06-30"),
     "sessions.0.closes: une session au fil de l'eau n'a pas de date de clôture"),
    ("ITN3", _session(1, closes=None), "sessions.1: une session a besoin d'une date d'ouverture, de clôture ou de "
                                       "rolling: true"),
    ("TNT-COOP", lambda d: d["sessions"].reverse(), "sessions: les sessions doivent être dans l'ordre chronologique"),
    ("TNT-COOP", lambda d: d["rules"].pop("applicants"),
     "sessions.1.rules: aucune règle « applicants » (qui peut candidater)"),
    ("ITN1", lambda d: d["rules"].pop("funding"), "sessions.0.rules: aucune règle « funding » (taux de cofinancement)"),
    ("ITN1", lambda d: d.update(code="ITN9"), "code: le code ITN9 ne correspond pas au nom du fichier ITN1"),
])
def test_a_wrong_file_is_refused_with_field_and_reason(tmp_path, code, change, message):
    assert _error(_write(tmp_path, code, change)) == f"{code}.yaml: {message}"


def test_a_session_that_opens_and_closes_the_same_day_is_accepted(tmp_path):
    call = load_call(_write(tmp_path, "TNT-COOP", _session(1, closes="2021-09-22")))
    assert call.sessions[1].opens == call.sessions[1].closes == D(2021, 9, 22)


def test_an_invalid_date_names_its_field(tmp_path):
    message = _error(_write(tmp_path, "TNT-COOP", _session(1, opens="2021-09-31")))
    assert message == "TNT-COOP.yaml: sessions.1.opens: '2021-09-31' is not a 'date'"


def test_unquoted_yaml_dates_are_read_as_dates(tmp_path):
    path = tmp_path / "TNT-COOP.yaml"
    text = (CATALOGUE_DIR / "TNT-COOP.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace('opens: "2021-09-22"', "opens: 2021-09-22")
                    .replace('closes: "2021-11-22"', "closes: 2021-11-22"), encoding="utf-8")
    session = load_call(path).sessions[1]
    assert (session.opens, session.closes) == (D(2021, 9, 22), D(2021, 11, 22))
    assert load_call(path).data["sessions"][1]["opens"] == "2021-09-22"


@pytest.mark.parametrize("text, reason", [
    ("code: [unclosed\n", "YAML illisible : "),
    ("- a list\n- not a call\n", "le fichier doit décrire un objet (clé: valeur)"),
])
def test_a_file_that_is_not_a_call_is_refused(tmp_path, text, reason):
    path = tmp_path / "ITN1.yaml"
    path.write_text(text, encoding="utf-8")
    assert _error(path).startswith(f"ITN1.yaml: (racine): {reason}")
    with pytest.raises(CatalogueError) as error:
        load_call(path)
    assert error.value.field_path == ""


def test_several_schema_mistakes_still_give_one_clear_error(tmp_path):
    def two_mistakes(data):
        data["rules"]["funding"]["rate"] = 2
        data["rules"]["project_size"]["min_eur"] = -1
    message = _error(_write(tmp_path, "ITN1", two_mistakes))
    assert message in ("ITN1.yaml: rules.funding.rate: 2 is greater than the maximum of 1",
                       "ITN1.yaml: rules.project_size.min_eur: -1 is less than or equal to the minimum of 0")

