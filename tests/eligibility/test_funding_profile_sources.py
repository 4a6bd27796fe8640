"""Funding sentences, profile checks, where the seeds are and what the traceability check reports."""
import dataclasses

import pytest

from orientation.eligibility import Catalogue, Profile, ProfileError, check_sources, sources
from orientation.eligibility.catalogue import CATALOGUE_DIR, load_call
from orientation.eligibility.funding import FundingEstimate, estimate, funding_conditions
from orientation.eligibility.vocabulary import applicant_label
from orientation.settings import ROOT
from tests.french import nb

ITN6_LIKE = {"rate": 0.6, "rate_is_maximum": True, "cap_eur": 48_000, "cap_scope": "par projet"}


@pytest.mark.parametrize("funding, budget, expected", [
    (ITN6_LIKE, None, FundingEstimate(0.6, None, "cofinancement jusqu'à 60 % du coût du projet (plafond 48 000 € "
                                                 "par projet)")),
    (ITN6_LIKE, 80_000, FundingEstimate(0.6, 48_000, "60 % de 80 000 €, soit jusqu'à 48 000 € (plafond 48 000 € "
                                                     "par projet)")),
    (ITN6_LIKE, 100_000, FundingEstimate(0.6, 48_000, "60 % de 100 000 €, soit 60 000 €, plafonné à 48 000 € "
                                                      "par projet", capped=True)),
    ({"rate": 1.0, "cap_eur": 48_000}, None, FundingEstimate(1.0, None, "cofinancement 100 % du coût du projet "
                                                                        "(plafond 48 000 €)")),
    ({"rate": 1.0, "cap_eur": 48_000}, 60_000, FundingEstimate(1.0, 48_000, "100 % de 60 000 €, soit 60 000 €, "
                                                                            "plafonné à 48 000 €", capped=True)),
    ({"rate": 0.5}, 1234.567, FundingEstimate(0.5, 617.28, "50 % de 1 234,57 €, soit jusqu'à 617,28 €")),
    ({"rate": 0.5}, None, FundingEstimate(0.5, None, "cofinancement 50 % du coût du projet")),
])
def test_estimate(funding, budget, expected):
    assert estimate(funding, budget) == dataclasses.replace(expected, explanation=nb(expected.explanation))


@pytest.mark.parametrize("excluded, expected", [
    ([], []), (["dépenses de personnel"], ["Taux appliqué hors dépenses de personnel."]),
    (["a", "b"], ["Taux appliqué hors a et b."]), (["a", "b", "c"], ["Taux appliqué hors a, b et c."]),
])
def test_funding_conditions(excluded, expected):
    assert funding_conditions({"rate": 0.5, "base_excludes": excluded}) == expected


def test_profile_values_become_numbers():
    profile = Profile(budget="400000", population="350000.5", departement_count="3")
    assert (profile.budget, profile.population, profile.departement_count) == (400_000.0, 350_000.5, 3.0)
    assert all(isinstance(v, float) for v in (profile.budget, profile.population, profile.departement_count))
    assert Profile(budget=1, departement_count=101).departement_count == 101  # the limits are inclusive


@pytest.mark.parametrize("fields, message", [
    ({"budget": 0}, "Le budget doit être un nombre positif (reçu 0)."),
    ({"population": -1}, "La population doit être un nombre positif (reçu -1)."),
    ({"departement_count": 102}, "Le nombre de départements : le chiffre 102 semble trop élevé, vérifiez le nombre de zéros."),
    ({"budget": 1e10 + 1}, "Le budget : le chiffre 10000000001.0 semble trop élevé, vérifiez le nombre de zéros."),
    ({"budget": 0.5}, "Le budget : le chiffre 0.5 semble trop faible, vérifiez-le."),
    ({"departement_count": 2.5}, "Le nombre de départements doit être un nombre entier (reçu 2.5)."),
    ({"population": "abc"}, "La population doit être un nombre (reçu « abc »)."),
    ({"budget": float("inf")}, "Le budget doit être un nombre (reçu « inf »)."),
    ({"departement_count": [3]}, "Le nombre de départements doit être un nombre (reçu « [3] »)."),
    ({"nature": "y"}, "Thème de projet inconnu « y ». Valeurs possibles : demarches_en_ligne, "
                      "ecosysteme_politique_publique, extension_territoriale, filiere_numerique, donnees, innovation, "
                      "relation_usagers, pilotage_reforme, efficience_automatisation, transformation_organisation, "
                      "reseau_debit, agentconnect, terminaux, travail_collaboratif, methodes_travail, "
                      "cooperation_usagers, besoin_mutualise."),
])
def test_profile_errors_are_exact(fields, message):
    with pytest.raises(ProfileError) as error:
        Profile(**fields)
    assert str(error.value) == message


def test_unknown_applicant_type_lists_every_value():
    with pytest.raises(ProfileError) as error:
        Profile(applicant_type="x")
    assert str(error.value).startswith("Type de porteur inconnu « x ». Valeurs possibles : administration_centrale, "
                                       "service_deconcentre, ")
    assert str(error.value).endswith(", particulier.")


def test_applicant_labels():
    assert applicant_label("commune") == "une commune"
    assert applicant_label("commune", plural=True) == "les communes"


# --- where the seeds are, and the traceability report ------------------------------------------------

def test_seeds_dir_default_and_override(monkeypatch, tmp_path):
    monkeypatch.delenv("ORIENTATION_SEEDS_DIR", raising=False)
    assert sources.seeds_dir() == ROOT.parent / "shared" / "seeds"
    monkeypatch.setenv("ORIENTATION_SEEDS_DIR", str(tmp_path))
    assert sources.seeds_dir() == tmp_path


def test_iter_sources_finds_every_quote_with_its_place():
    data = {"a": {"source": {"file": "f", "quote": "q1"}, "list": [{"file": "g", "quote": "q2"}, "text"]},
            "b": [{"x": {"file": "h", "quote": "q3"}}], "c": {"file": "i", "quote": "q4", "other": 1}}
    assert list(check_sources.iter_sources(data)) == [
        ("a.source", {"file": "f", "quote": "q1"}), ("a.list.0", {"file": "g", "quote": "q2"}),
        ("b.0.x", {"file": "h", "quote": "q3"})]
    assert list(check_sources.iter_sources([{"file": "f", "quote": "q"}])) == [(".0", {"file": "f", "quote": "q"})]


def test_missing_quotes_names_the_file_the_field_and_the_quote(monkeypatch, tmp_path):
    call = load_call(CATALOGUE_DIR / "FEDER-NUM.yaml")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "004_bbc7f5c1faf2b799.txt").write_text("Taux maximal d’intervention UE : 60%\n"
                                                    "Dépôt des dossiers au fil de l’eau.", encoding="utf-8")
    monkeypatch.setattr(check_sources, "load_catalogue", lambda: Catalogue([call]))
    monkeypatch.setattr(check_sources, "seeds_dir", lambda: seeds)
    problems = check_sources.missing_quotes()
    assert "FEDER-NUM.yaml: rules.funding.source: citation absente" not in " ".join(problems)
    assert ("FEDER-NUM.yaml: rules.funding.min_grant_source: citation absente de 004_bbc7f5c1faf2b799.txt : "
            "'Plancher minimal de subvention UE : 75 000 €'") in problems
    assert not any(p.startswith("FEDER-NUM.yaml: sessions.0.source") for p in problems)
    (seeds / "004_bbc7f5c1faf2b799.txt").unlink()
    problems = check_sources.missing_quotes()
    assert problems[0] == (f"FEDER-NUM.yaml: rules.applicants.source: fichier source introuvable "
                           f"{seeds / '004_bbc7f5c1faf2b799.txt'}")
    assert len(problems) == len(list(check_sources.iter_sources(call.data)))
