"""The French text answer and the command line, run in-process (test_cli runs them as a user would)."""
import datetime as dt
import json
import shutil

import pytest

from orientation.eligibility import Profile, evaluate, load_catalogue
from orientation.eligibility.__main__ import main
from orientation.eligibility.catalogue import CATALOGUE_DIR
from orientation.eligibility.report import profile_line, render
from tests.french import nb

OCTOBER = dt.date(2021, 10, 15)


def _render(**fields):
    profile = Profile(date=OCTOBER, **fields)
    return render(profile, evaluate(profile))


def _block(text, first_line):
    """The lines of one recommended call, from its numbered line to the blank line after it."""
    lines = text.splitlines()
    start = lines.index(first_line)
    end = lines.index("", start)
    return lines[start:end]


def test_a_recommended_call_says_verdict_calendar_money_reasons_and_conditions():
    text = _render(applicant_type="commune", population=350_000, budget=400_000, nature="cooperation_usagers")
    assert text.startswith(nb("Profil : une commune, 350 000 habitants, budget 400 000 € TTC, projet : coopération "
                           "avec les partenaires et les usagers. Date de référence : 15 octobre 2021.\n\n"
                           "Appels recommandés :\n"))
    assert _block(text, "1. TNT-COOP — Développer la coopération avec mes partenaires et usagers grâce au "
                        "numérique (appel à projets, DINUM, DITP et ANCT (la page ne dit pas laquelle porte cet appel))") == [
        "1. TNT-COOP — Développer la coopération avec mes partenaires et usagers grâce au numérique "
        "(appel à projets, DINUM, DITP et ANCT (la page ne dit pas laquelle porte cet appel))",
        "   Éligible · 2e session : ouvert jusqu'au 22 novembre 2021",
        nb("   Financement : 75 % de 400 000 €, soit jusqu'à 300 000 €"),
        "   Pourquoi :",
        "   - Type de porteur admis : une commune (collectivités territoriales, groupements de collectivités "
        "et réseaux de mutualisation).",
        nb("   - Population couverte 350 000 ≥ 300 000 habitants requis."),
        "   - Thème du projet couvert par l'appel : coopération avec les partenaires et les usagers.",
        "   Engagements du lauréat et autres conditions :",
        "   - Taux appliqué hors dépenses de personnel (T2) et achats de matériel.",
        "   - Seules les prestations sont financées (développement, conseil, accompagnement du changement…) ; "
        "les achats de matériel et les dépenses de personnel (T2) ne le sont pas.",
        "   - Les porteurs de projets pourront prendre la suite de leur dossier déjà initié dans le cadre de la "
        "première session.",
    ]
    lines = text.splitlines()
    # TNT-INCUB fits but closed in May 2021: never under a heading that says « ouverts »
    assert "Autres appels ouverts à votre profil, sur d'autres thèmes :" not in lines
    other = lines.index("Appels qui correspondent à votre profil sur d'autres thèmes, mais clos :")
    assert lines[other + 1] == "- TNT-INCUB — Incubateur des Territoires : éligible, clôturé le 31 mai 2021"
    assert lines[other + 2] == ""
    assert lines[other + 3] == "Appels non éligibles :"
    assert nb("- TNT-DEMAT — Dématérialisation des services aux usagers : Population couverte 350 000 < environ "
              "500 000 habitants (ordre de grandeur donné par la source) ; en dessous de 400 000 habitants, le "
              "projet est nettement plus petit que ceux que l'appel vise (lecture de cet assistant, pas un chiffre "
              "de la source).") in lines
    # an ineligible call states every failed criterion, and only those
    assert nb("- SNAP3 — Terminaux numériques sécurisés : Type de porteur non admis (les communes) : l'appel est " \
           "ouvert aux directions du numérique ministérielles, ou directions ou opérateurs après information des " \
           "directions du numérique concernées. Budget 400 000 € < 500 000 € TTC, taille minimale attendue " \
           "(de 500 000 € à 3 000 000 € TTC).") in lines
    assert text.endswith(".\n") and not text.endswith("\n\n")


def test_a_private_person_is_told_kindly_and_nothing_is_recommended():
    lines = _render(applicant_type="particulier").splitlines()
    assert lines[:7] == [
        "Profil : un particulier, budget non précisé, thème non précisé. Date de référence : 15 octobre 2021.",
        "",
        "Ces appels à projets sont réservés aux acteurs publics (administrations, collectivités, opérateurs…) "
        "et à leurs partenaires : aucun n'est ouvert aux particuliers.",
        "",
        "Aucun appel ne correspond à la fois à votre profil et à votre projet.",
        "",
        "Appels non éligibles :",
    ]
    assert "Autres appels ouverts à votre profil, sur d'autres thèmes :" not in lines
    assert len([line for line in lines if line.startswith("- ")]) == 21


def test_other_themes_are_listed_apart_from_the_recommended_calls():
    lines = _render(applicant_type="service_deconcentre", departement_count=1, nature="innovation").splitlines()
    assert lines[2] == "Aucun appel ne correspond à la fois à votre profil et à votre projet."
    assert lines[4] == "Autres appels ouverts à votre profil, sur d'autres thèmes :"
    assert lines[5] == ("- ITN4 — Professionnalisation des filières numériques : éligible, guichet : ouverture "
                        "annoncée le 7 janvier 2021, aucune date de clôture publiée")
    assert "Ces appels à projets sont réservés aux acteurs publics" not in "\n".join(lines)


@pytest.mark.parametrize("fields, line", [
    ({}, "Profil : type de porteur non précisé, budget non précisé, thème non précisé. "
         "Date de référence : 15 octobre 2021."),
    ({"applicant_type": "epci", "departement_count": 2, "budget": 1_500_000.5},
     "Profil : un EPCI (intercommunalité), 2 départements, budget 1 500 000,5 € TTC, thème non précisé. "
     "Date de référence : 15 octobre 2021."),
    ({"departement_count": 1, "population": 2.5},
     "Profil : type de porteur non précisé, 2,5 habitants, 1 département, budget non précisé, thème non précisé. "
     "Date de référence : 15 octobre 2021."),
])
def test_the_profile_line(fields, line):
    assert profile_line(Profile(date=OCTOBER, **fields)) == nb(line)


# --- the command line, in-process ---------------------------------------------------------------

def test_main_text_and_json(capsys, monkeypatch):
    monkeypatch.delenv("ORIENTATION_DATE", raising=False)
    args = ["--applicant-type", "commune", "--population", "350 000", "--budget", "400000,0",
            "--nature", "cooperation_usagers", "--date", "2021-10-15"]
    assert main(args) == 0
    text = capsys.readouterr().out
    assert text == _render(applicant_type="commune", population=350_000, budget=400_000,
                           nature="cooperation_usagers")
    assert main(args + ["--format", "json", "--departements", "2"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["profile"] == {"applicant_type": "commune", "population": 350_000, "departement_count": 2,
                                   "budget": 400_000, "nature": "cooperation_usagers", "date": "2021-10-15"}
    assert document["results"][0]["code"] == "TNT-COOP"


def test_main_list(capsys):
    assert main(["--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ("FEDER-NUM    Services numériques aux citoyens et infrastructures de données (fonds européens) "
                        "(dépôt au fil de l'eau, non précisé par la fiche (aide de l'UE) (libellé de cet assistant))")
    assert lines[-1] == "21 appels."
    assert main(["--list", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0] == {"code": "FEDER-NUM", "kind": "fil_de_l_eau",
                         "title": "Services numériques aux citoyens et infrastructures de données (fonds européens)",
                         "carrier": "non précisé par la fiche (aide de l'UE)",
                         "themes": ["demarches_en_ligne", "donnees", "cooperation_usagers", "besoin_mutualise"],
                         "sources": ["004_bbc7f5c1faf2b799.txt"]}


@pytest.mark.parametrize("args, message", [
    (["--applicant-type", "commune", "--budget", "1e12"], "Erreur : Le budget : le chiffre 1000000000000.0 semble "
                                                          "trop élevé, vérifiez le nombre de zéros.\n"),
    (["--applicant-type", "commune", "--date", "15/10/2021"], "Erreur : Date invalide « 15/10/2021 » : attendu "
                                                              "AAAA-MM-JJ, par exemple 2021-10-15.\n"),
])
def test_main_refuses_a_wrong_value_in_french_with_exit_2(capsys, args, message):
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.err == message and captured.out == ""


@pytest.mark.parametrize("args, message", [
    (["--budget", "1000"], "python -m orientation.eligibility : erreur : --applicant-type est obligatoire (ou --list)\n"),
    (["--applicant-type", "commune", "--budget", "-5"],
     "option --budget : « -5 » est négatif : attendu un nombre positif\n"),
    (["--applicant-type", "commune", "--population", "beaucoup"],
     "option --population : « beaucoup » n'est pas un nombre\n"),
    (["--applicant-type", "ministere"], "option --applicant-type : type de porteur inconnu « ministere » ; "
                                        "valeurs possibles : administration_centrale, service_deconcentre,"),
    (["--applicant-type", "commune", "--format", "xml"],
     "option --format : format inconnu « xml » ; valeurs possibles : text, json\n"),
])
def test_argument_errors_are_french_and_exit_2(capsys, args, message):
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage : python -m orientation.eligibility")
    assert message in err


def test_help_names_every_option_in_french(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    text = " ".join(capsys.readouterr().out.split())  # line wrapping depends on the terminal width
    assert text.startswith("usage : python -m orientation.eligibility [-h] [--applicant-type TYPE] [--population N] "
                           "[--departements N] [--budget EUROS | --budget-ht EUROS] [--personnel EUROS] [--materiel EUROS] "
                           "[--nature THEME] [--date AAAA-MM-JJ] "
                           "[--format FORMAT] [--list] Quels appels France Relance correspondent à un profil, "
                           "et pourquoi.")
    for words in ["--applicant-type TYPE type de porteur : administration_centrale, service_deconcentre, "
                  "operateur_etat, region,", "--population N habitants couverts par le projet",
                  "--departements N nombre de départements couverts", "--budget EUROS coût total du projet en "
                  "euros TTC", "--nature THEME thème : demarches_en_ligne, ecosysteme_politique_publique,",
                  "--date AAAA-MM-JJ date de référence (défaut : ORIENTATION_DATE, sinon aujourd'hui)",
                  "--list liste les appels du catalogue"]:
        assert words in text


def test_json_is_indented_and_keeps_accents(capsys):
    assert main(["--applicant-type", "commune", "--format", "json", "--date", "2021-10-15"]) == 0
    out = capsys.readouterr().out
    assert out.startswith('{\n  "profile": {\n    "applicant_type": "commune",')
    assert "\"verdict_label\": \"non éligible\"" in out
    assert main(["--list", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert out.startswith('[\n  {\n    "code": "FEDER-NUM",') and "non précisé par la fiche" in out


def test_numbers_with_french_spaces_and_a_zero_budget(capsys):
    assert main(["--applicant-type", "commune", "--budget", "400\u202f000", "--population", "350\u00a0000",
                 "--departements", "1,0", "--date", "2021-10-15"]) == 0
    assert capsys.readouterr().out.startswith(nb("Profil : une commune, 350 000 habitants, 1 département, "
                                              "budget 400 000 € TTC"))
    assert main(["--applicant-type", "commune", "--budget", "0"]) == 2
    assert capsys.readouterr().err == "Erreur : Le budget doit être un nombre positif (reçu 0.0).\n"


@pytest.mark.parametrize("args, message", [
    (["--applicant-type", "commune", "--departements", "deux"], "option --departements : « deux » n'est pas un nombre"),
    (["--applicant-type", "commune", "--nature", "sport"], "option --nature : thème inconnu « sport »"),
])
def test_option_types_are_checked_by_the_parser(capsys, args, message):
    with pytest.raises(SystemExit):
        main(args)
    assert message in capsys.readouterr().err


def test_the_text_ends_with_one_line_break_whatever_the_last_section(tmp_path):
    shutil.copy(CATALOGUE_DIR / "ITN6.yaml", tmp_path)
    profile = Profile(applicant_type="administration_centrale", budget=40_000, nature="innovation", date=OCTOBER)
    text = render(profile, evaluate(profile, load_catalogue(tmp_path)))
    assert text.startswith(nb("Profil : une administration centrale, budget 40 000 € TTC"))
    assert text.endswith(".\n") and not text.endswith("\n\n")
