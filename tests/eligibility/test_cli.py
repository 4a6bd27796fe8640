"""The command line of contract §2, run as a user would run it."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.french import nb

ROOT = Path(__file__).resolve().parents[2]


def run(*args, env=None):
    environment = {k: v for k, v in os.environ.items() if k != "ORIENTATION_DATE"}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "orientation.eligibility", *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=60)


def test_the_commune_example_recommends_tnt_coop_with_300_000():
    out = run("--applicant-type", "commune", "--population", "350000", "--budget", "400000",
              "--nature", "cooperation_usagers", "--date", "2021-10-15")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith(nb("Profil : une commune, 350 000 habitants, budget 400 000 € TTC"))
    assert "Appels recommandés :" in out.stdout
    first = next(line for line in lines if line.startswith("1. "))
    assert first.startswith("1. TNT-COOP")
    assert nb("75 % de 400 000 €, soit jusqu'à 300 000 €") in out.stdout
    assert "ouvert jusqu'au 22 novembre 2021" in out.stdout
    assert "Appels non éligibles :" in out.stdout and "ITN2" in out.stdout


def test_json_output():
    out = run("--applicant-type", "commune", "--population", "350000", "--budget", "400000",
              "--nature", "cooperation_usagers", "--date", "2021-10-15", "--format", "json")
    document = json.loads(out.stdout)
    assert document["results"][0]["code"] == "TNT-COOP"
    assert document["results"][0]["max_funding_eur"] == 300000
    assert document["profile"]["date"] == "2021-10-15"


def test_the_reference_date_comes_from_orientation_date():
    out = run("--applicant-type", "commune", "--population", "350000", "--format", "json",
              env={"ORIENTATION_DATE": "2021-03-01"})
    document = json.loads(out.stdout)
    assert document["profile"]["date"] == "2021-03-01"
    coop = next(r for r in document["results"] if r["code"] == "TNT-COOP")
    assert coop["session"] == "1re session" and coop["status"] == "open"


def test_list():
    out = run("--list")
    assert out.returncode == 0
    assert "21 appels." in out.stdout and "SNAP2B" in out.stdout
    listed = json.loads(run("--list", "--format", "json").stdout)
    assert len(listed) == 21 and {"code", "title", "kind", "themes"} <= set(listed[0])


@pytest.mark.parametrize("args, words", [
    (["--applicant-type", "ministere"], "type de porteur inconnu « ministere »"),
    (["--applicant-type", "commune", "--nature", "sport"], "thème inconnu « sport »"),
    (["--applicant-type", "commune", "--budget", "-5"], "négatif"),
    (["--applicant-type", "commune", "--budget", "beaucoup"], "n'est pas un nombre"),
    (["--applicant-type", "commune", "--population", "1e12"], "trop élevé"),
    (["--applicant-type", "commune", "--date", "2021-13-45"], "Date invalide"),
    (["--budget", "1000"], "--applicant-type est obligatoire"),
])
def test_clear_errors(args, words):
    out = run(*args)
    assert out.returncode == 2
    assert words in out.stderr
    assert "Traceback" not in out.stderr
