"""The catalogue: complete, valid, traceable to the sources, extensible without code."""
import shutil
from pathlib import Path

import pytest
import yaml

from orientation.eligibility import CatalogueError, Profile, evaluate, load_catalogue
from orientation.eligibility.catalogue import CATALOGUE_DIR, load_call, normalise_code
from orientation.eligibility.check_sources import iter_sources, missing_quotes
from orientation.eligibility.sources import quote_in_text

CONTRACT_CODES = {"ITN1", "ITN2", "ITN3", "ITN4", "ITN5", "ITN6", "ITN8A", "ITN8B", "ITN8C", "ITN8D",
                  "SNAP1", "SNAP2A", "SNAP2B", "SNAP3", "SNAP4", "SNAP5", "TNT-INCUB", "TNT-DEMAT",
                  "TNT-DONNEES", "TNT-COOP", "FEDER-NUM"}


def test_every_call_of_the_contract_is_in_the_catalogue(catalogue):
    assert set(catalogue.codes) == CONTRACT_CODES


def test_every_seed_file_named_by_the_catalogue_is_there(catalogue, seeds):
    named = {source["file"] for call in catalogue for _, source in iter_sources(call.data)}
    assert sorted(name for name in named if not (seeds / name).is_file()) == []


def test_every_quoted_sentence_appears_in_its_source_file(seeds):
    assert missing_quotes() == []


def test_every_session_has_a_sourced_date_and_sourced_rules(catalogue):
    for call in catalogue:
        for session in call.sessions:
            assert session.source["quote"], (call.code, session.name)
            for block in ("applicants", "funding"):
                assert session.rules[block]["source"]["quote"], (call.code, session.name, block)


def test_the_quote_check_tells_a_real_sentence_from_an_invented_one(seeds):
    seed = (seeds / "002_de85d9eddd2a0249.txt").read_text(encoding="utf-8")
    real = "Ce 2ème appel à projets permet un cofinancement des projets égal à 75% des coûts du projet."
    assert quote_in_text(real, seed)
    assert not quote_in_text(real.replace("75%", "80%"), seed)
    # markup, line breaks and typographic apostrophes do not count
    html = (seeds / "003_0babef74134a46ec.txt").read_text(encoding="utf-8")
    assert quote_in_text("Le porteur est une administration d’État (de niveau central ou déconcentré) "
                         "ou un opérateur de l'État.", html)


def _write_variant(tmp_path: Path, change) -> Path:
    data = yaml.safe_load((CATALOGUE_DIR / "TNT-COOP.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / f"{data.get('code', 'TNT-COOP')}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("change, field, words", [
    (lambda d: d["sessions"][1]["rules"]["funding"].update(rate=1.5), "sessions.1.rules.funding.rate", "1.5"),
    (lambda d: d.pop("title"), "(racine)", "title"),
    (lambda d: d["rules"]["applicants"]["admitted"].append("ministere"), "rules.applicants.admitted.6", "ministere"),
    (lambda d: d["sessions"][0].update(closes="2021-02-30"), "sessions.0.closes", "2021-02-30"),
    (lambda d: d["sessions"][0].update(closes="2020-01-01"), "sessions.0.closes", "clôture"),
    (lambda d: d["rules"]["applicants"]["source"].update(file="autre.txt"), "rules.applicants.source.file", "autre.txt"),
    (lambda d: d.update(themes=["sport"]), "themes.0", "sport"),
])
def test_a_wrong_file_fails_with_the_file_the_field_and_why(tmp_path, change, field, words):
    path = _write_variant(tmp_path, change)
    with pytest.raises(CatalogueError) as error:
        load_call(path)
    message = str(error.value)
    assert message.startswith("TNT-COOP.yaml: ")
    assert error.value.field_path == field or field in message
    assert words in message


@pytest.mark.parametrize("written", ['"2021-13-01"', "2021-13-01", "'2021-1-5'", "15/01/2021"])
def test_an_impossible_date_fails_with_the_file_the_field_and_why(tmp_path, written):
    text = (CATALOGUE_DIR / "TNT-COOP.yaml").read_text(encoding="utf-8")
    assert '    closes: "2021-11-22"' in text
    path = tmp_path / "TNT-COOP.yaml"
    path.write_text(text.replace('    closes: "2021-11-22"', f"    closes: {written}"), encoding="utf-8")
    with pytest.raises(CatalogueError) as error:
        load_call(path)
    assert (error.value.file, error.value.field_path) == ("TNT-COOP.yaml", "sessions.1.closes")
    assert "is not a 'date'" in error.value.reason and written.strip("'\"") in error.value.reason


def test_dates_written_without_quotes_are_read(tmp_path):
    text = (CATALOGUE_DIR / "TNT-COOP.yaml").read_text(encoding="utf-8")
    path = tmp_path / "TNT-COOP.yaml"
    path.write_text(text.replace('"2021-11-22"', "2021-11-22"), encoding="utf-8")
    assert load_call(path).sessions[1].closes.isoformat() == "2021-11-22"


def test_the_code_must_match_the_file_name(tmp_path):
    path = _write_variant(tmp_path, lambda d: None)
    path.rename(tmp_path / "OTHER.yaml")
    with pytest.raises(CatalogueError, match="OTHER.yaml: code"):
        load_call(tmp_path / "OTHER.yaml")


def test_adding_a_call_is_a_new_yaml_file_and_no_code_change(tmp_path):
    for path in CATALOGUE_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path)

    def new_call(data):
        data["code"] = "TNT-SPORT"
        data["title"] = "Appel fictif pour le test d'extension du catalogue"
    _write_variant(tmp_path, new_call)
    catalogue = load_catalogue(tmp_path)
    assert "TNT-SPORT" in catalogue and len(catalogue) == len(CONTRACT_CODES) + 1
    results = evaluate(Profile(applicant_type="commune", population=400_000, budget=100_000), catalogue)
    assert "TNT-SPORT" in [r.code for r in results]


@pytest.mark.parametrize("spoken, code", [("snap 3", "SNAP3"), ("Snap-2a", "SNAP2A"), ("itn8a", "ITN8A"),
                                          ("tnt coop", "TNT-COOP"), ("TNT-DONNEES", "TNT-DONNEES"),
                                          ("feder num", "FEDER-NUM")])
def test_codes_are_recognised_however_they_are_spelt(catalogue, spoken, code):
    assert normalise_code(spoken) == code
    assert catalogue.get(spoken).code == code


def test_an_unknown_code_is_none(catalogue):
    assert catalogue.get("ITN7") is None
