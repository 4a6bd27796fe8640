"""The advisors' command line (agenda text, CSV, ICS, purge, slots), the invitation, the input checks."""
import csv
import datetime as dt
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from orientation.booking import ics
from orientation.booking.__main__ import main
from orientation.booking.agenda import CSV_COLUMNS, agenda_csv, agenda_text
from orientation.language.contacts import clean_name, clean_organisation, clean_text, valid_email
from tests.booking.conftest import TEST_CONFIG, at
from tests.french import nb

ROOT = Path(__file__).resolve().parents[2]
NOW = at((2021, 10, 14), 8, 0)
LONG_SUMMARY = ("Profil : une commune, 350 000 habitants, projet de 400 000 € TTC.\n"
                "Appels recommandés :\n• TNT-COOP ; FEDER-NUM, « à confirmer », jusqu'à 240 000 €.\n"
                "Questions posées : quel est le taux de TNT-COOP ? \\ fin")


@pytest.fixture
def booked(store, tmp_path, monkeypatch):
    """Two bookings on Thursday 14 October 2021; the CLI reads the test settings."""
    path = tmp_path / "booking.yml"
    path.write_text(TEST_CONFIG, encoding="utf-8")
    monkeypatch.setenv("BOOKING_CONFIG", str(path))
    store.book(at((2021, 10, 14), 10, 15), "Marie Dupont", "Mairie de Lyon", "marie@lyon.fr", LONG_SUMMARY,
               {}, consent_at=NOW)
    store.book(at((2021, 10, 14), 9, 30), "Paul Martin", "DDT du Rhône", "paul@rhone.gouv.fr", "Profil : DDT.", {},
               consent_at=NOW)
    return store


def run(booked, *args):
    return main(["--database-url", booked.url, *args])


# --- agenda -----------------------------------------------------------------------------------

def test_agenda_text_lists_the_day_with_summaries(booked, capsys):
    assert run(booked, "agenda", "--date", "2021-10-14") == 0
    out = capsys.readouterr().out
    assert out.startswith("Rendez-vous du jeudi 14 octobre 2021 (2 rendez-vous, heure de Paris) :\n")
    assert out.index("09:30–09:45") < out.index("10:15–10:30")
    assert "Marie Dupont — Mairie de Lyon — marie@lyon.fr" in out
    assert "  • TNT-COOP ; FEDER-NUM, « à confirmer », jusqu'à 240 000 €." in out


def test_agenda_of_an_empty_day(booked, capsys):
    assert run(booked, "agenda", "--date", "2021-10-15") == 0
    assert capsys.readouterr().out == "Aucun rendez-vous le vendredi 15 octobre 2021.\n"
    assert agenda_text([]) == "Aucun rendez-vous.\n"


def test_agenda_text_groups_several_days(booked):
    days = booked.agenda(dt.date(2021, 10, 14))
    other = booked.book(at((2021, 10, 15), 9, 30), "Léa Petit", "Région", "lea@region.fr", "", {}, consent_at=NOW)
    text = agenda_text(days + [other])
    assert text.index("jeudi 14 octobre 2021") < text.index("Rendez-vous du vendredi 15 octobre 2021 (1 rendez-vous")


def test_agenda_csv_export(booked, tmp_path, capsys):
    target = tmp_path / "agenda.csv"
    assert run(booked, "agenda", "--date", "2021-10-14", "--format", "csv", "--output", str(target)) == 0
    assert capsys.readouterr().out == f"2 rendez-vous du 14/10/2021 écrits dans {target}.\n"
    raw = target.read_bytes()
    assert raw.startswith(b"reference,debut,fin,conseiller,nom,organisation,email,resume\r\n")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert list(rows[0]) == CSV_COLUMNS == ["reference", "debut", "fin", "conseiller", "nom", "organisation", "email",
                                            "resume"]
    assert [(r["nom"], r["debut"], r["fin"], r["conseiller"]) for r in rows] == [
        ("Paul Martin", "2021-10-14T09:30:00+02:00", "2021-10-14T09:45:00+02:00", "1"),
        ("Marie Dupont", "2021-10-14T10:15:00+02:00", "2021-10-14T10:30:00+02:00", "1")]
    assert rows[1]["resume"] == LONG_SUMMARY
    assert re.fullmatch(r"DN-[2-9A-HJKMNP-Z]{6}", rows[0]["reference"])


def test_csv_cells_cannot_run_as_formulas(booked):
    booking = booked.book(at((2021, 10, 14), 11, 0), "+33 Dupont", "@mairie", "x@lyon.fr", "=HYPERLINK(\"x\")", {},
                          consent_at=NOW)
    row = list(csv.DictReader(io.StringIO(agenda_csv([booking]))))[0]
    assert (row["nom"], row["organisation"], row["resume"]) == ("'+33 Dupont", "'@mairie", "'=HYPERLINK(\"x\")")


# --- iCalendar --------------------------------------------------------------------------------

def unfold(raw: bytes):
    """RFC 5545 §3.1: every line ends with CRLF, is at most 75 octets, continuations start with a space."""
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"") and b"\r" not in raw.replace(b"\r\n", b"")
    physical = raw[:-2].split(b"\r\n")
    assert all(len(line) <= 75 for line in physical)
    logical = []
    for line in physical:
        if line.startswith(b" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return [line.decode("utf-8") for line in logical]  # no character was cut in two


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def properties(lines):
    return [(line.split(":", 1)[0].split(";", 1)[0], line.split(":", 1)[1]) for line in lines]


def test_agenda_ics_export_is_valid_icalendar(booked, tmp_path):
    target = tmp_path / "agenda.ics"
    assert run(booked, "agenda", "--date", "2021-10-14", "--format", "ics", "--output", str(target)) == 0
    lines = unfold(target.read_bytes())
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] and lines[-1] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 2
    events = "\n".join(lines).split("BEGIN:VEVENT")[1:]
    first = dict(properties(events[1].strip().splitlines()[:-1]))
    assert (first["DTSTART"], first["DTEND"]) == ("20211014T081500Z", "20211014T083000Z")
    assert re.fullmatch(r"DN-[2-9A-HJKMNP-Z]{6}@orientation-france-relance", first["UID"])
    assert re.fullmatch(r"\d{8}T\d{6}Z", first["DTSTAMP"])
    assert unescape(first["SUMMARY"]) == nb("Échange de 15 minutes avec un conseiller de la DINUM")
    description = unescape(first["DESCRIPTION"])
    assert description.startswith(f"Référence du rendez-vous : {first['UID'].split('@')[0]}\n")
    assert LONG_SUMMARY in description
    assert description.endswith("Pour toute question, écrivez à l'équipe France Relance de la DINUM.")
    assert "FEDER-NUM\\, « à confirmer »" in first["DESCRIPTION"] and "\\\\ fin" in first["DESCRIPTION"]


def test_one_invitation(store):
    booking = store.book(at((2021, 10, 14), 10, 15), 'Marie "la" Dupont', "Mairie de Lyon", "marie@lyon.fr",
                         "é" * 100, {}, consent_at=NOW)
    text = ics.booking_ics(booking, stamp=dt.datetime(2021, 10, 14, 6, 0, tzinfo=dt.timezone.utc))
    lines = unfold(text.encode("utf-8"))
    assert "DTSTAMP:20211014T060000Z" in lines and "STATUS:CONFIRMED" in lines
    assert any(line.startswith("ATTENDEE;") and 'CN="Marie la Dupont"' in line and "ROLE=REQ-PARTICIPANT" in line
               and line.endswith(":mailto:marie@lyon.fr") for line in lines)
    assert any(line.startswith("ORGANIZER;") and line.endswith(":mailto:ne-pas-repondre@orientation-france-relance.invalid")
               for line in lines)
    assert any(line.startswith(" ") for line in text.split("\r\n"))  # the long description is folded
    assert "é" * 100 in unescape(dict(properties(lines))["DESCRIPTION"])


def test_a_move_and_a_cancellation_keep_the_uid_and_raise_the_sequence(store, monkeypatch):
    monkeypatch.setenv("ORIENTATION_MAIL_FROM", "France Relance <rendez-vous@dinum.gouv.fr>")
    booking = store.book(at((2021, 10, 14), 10, 15), "Marie Dupont", "Mairie de Lyon", "marie@lyon.fr", "", {},
                         consent_at=NOW)

    def seen(item, cancelled=False):
        found = dict(properties(unfold(ics.booking_ics(item, cancelled=cancelled).encode("utf-8"))))
        return found["UID"], int(found["SEQUENCE"]), found["ORGANIZER"]
    first = seen(booking)
    moved = store.move(booking.reference, booking.email, at((2021, 10, 14), 11, 0))
    second = seen(moved)
    moved_again = store.move(booking.reference, booking.email, at((2021, 10, 14), 11, 15))
    third, cancelled = seen(moved_again), seen(moved_again, cancelled=True)
    assert len({first[0], second[0], third[0], cancelled[0]}) == 1  # one event, replaced each time
    assert [first[1], second[1], third[1], cancelled[1]] == [0, 1, 2, 3]
    assert first[2] == "mailto:rendez-vous@dinum.gouv.fr"


# --- purge, slots, errors -------------------------------------------------------------------

def test_purge_command(booked, capsys):
    assert run(booked, "purge", "--now", "2022-01-12T08:40") == 0  # 08:45 is 90 days after the end of the first
    assert capsys.readouterr().out.startswith("0 rendez-vous supprimé (conservation : 90 jours")
    assert run(booked, "purge", "--now", "2022-03-01") == 0
    assert capsys.readouterr().out.splitlines()[0] == "2 rendez-vous supprimés (conservation : 90 jours après le rendez-vous)."
    assert booked.agenda(dt.date(2021, 10, 14)) == []


def test_free_slots_command(booked, capsys):
    assert run(booked, "creneaux", "--nombre", "2", "--now", "2021-10-14T07:00") == 0
    assert capsys.readouterr().out == nb("jeudi 14 octobre 2021, 9 h 30\njeudi 14 octobre 2021, 9 h 45\n")


@pytest.mark.parametrize("args, message", [
    (["agenda", "--date", "14/10/2021"], "option --date : date « 14/10/2021 » illisible : format attendu AAAA-MM-JJ"),
    (["agenda", "--date", "2021-02-30"], "date « 2021-02-30 » illisible"),
    (["purge", "--now", "hier"], "instant « hier » illisible"),
    (["agenda", "--format", "pdf"], "choix invalide : 'pdf'"),
    (["annuler"], "choix invalide : 'annuler'"),
    ([], "il manque : COMMANDE"),
])
def test_bad_arguments_are_refused_in_french(args, message, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(args)
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and message in err and err.startswith("usage : python -m orientation.booking")
    assert "erreur :" in err


def test_help_is_in_french(capsys):
    with pytest.raises(SystemExit):
        main(["agenda", "--help"])
    out = capsys.readouterr().out
    assert "affiche cette aide et quitte" in out and "options\u00a0:" in out
    assert "le jour (défaut\u00a0: aujourd'hui)" in out  # a French colon that line wrapping cannot detach


def test_database_and_config_errors_are_explained_in_french(tmp_path, capsys, monkeypatch):
    assert main(["--database-url", "pas-une-url", "agenda"]) == 2
    assert "Adresse de base de données invalide (pas-une-url)" in capsys.readouterr().err
    assert main(["--database-url", "postgresql+psycopg2://nobody@127.0.0.1:1/none?connect_timeout=2",
                 "agenda"]) == 2
    assert capsys.readouterr().err.startswith("Base de données injoignable : ")
    broken = tmp_path / "booking.yml"
    broken.write_text("advisors: 0\nhours:\n  lundi: ['09:00-10:00']\n", encoding="utf-8")
    monkeypatch.setenv("BOOKING_CONFIG", str(broken))
    assert main(["--database-url", f"sqlite:///{tmp_path / 'x.db'}", "purge"]) == 2
    assert "Configuration invalide : " in capsys.readouterr().err


def test_an_unwritable_output_is_explained(booked, tmp_path, capsys):
    assert run(booked, "agenda", "--output", str(tmp_path / "absent" / "agenda.csv")) == 1
    assert "Impossible d'écrire" in capsys.readouterr().err


def test_the_module_runs_as_a_program(tmp_path):
    result = subprocess.run([sys.executable, "-m", "orientation.booking", "--database-url",
                             f"sqlite:///{tmp_path / 'cli.db'}", "agenda", "--date", "2021-10-16"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout) == (0, "Aucun rendez-vous le samedi 16 octobre 2021.\n")


# --- what the user types ----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("marie.dupont@rhone.gouv.fr", "marie.dupont@rhone.gouv.fr"),
    ("  Marie.Dupont@Lyon.FR ", "marie.dupont@lyon.fr"),
    ("mon adresse : j-p.martin@ville-lyon.fr.", "j-p.martin@ville-lyon.fr"),
    ("« marie_o'neil+rdv@mairie-saint-denis.fr »", "marie_o'neil+rdv@mairie-saint-denis.fr"),
    ("marie.dupont@", None), ("marie@lyon", None), ("marie..dupont@lyon.fr", None), ("@lyon.fr", None),
    (".marie@lyon.fr", None), ("marie.@lyon.fr", None), ("marie@-lyon.fr", None), ("marie@lyon.f", None),
    ("marie@lyon.123", None), ("marie dupont@lyon.fr", "dupont@lyon.fr"), ("a@b.fr et c@d.fr", None),
    ("<script>@x.fr", None), ("marie@example.com", None), ("marie@mairie.test", None), ("", None),
    (None, None), ("x" * 250 + "@lyon.fr", None),
])
def test_email_check(text, expected):
    assert valid_email(text) == expected


def test_names_and_organisations_are_cleaned():
    assert clean_text("  <b>Marie</b>   Dupont ") == "Marie Dupont"
    assert clean_name("Jean-Pierre d'Arc\u200b\x00") == "Jean-Pierre d'Arc"
    assert clean_name("{{user}} `rm` Marie") == "user rm Marie"
    assert clean_organisation("DDT du Rhône (69)") == "DDT du Rhône (69)"
    assert clean_name("12345") is None and clean_name("") is None and clean_name(None) is None
    assert clean_name("x" * 121) is None and clean_name("x" * 120) == "x" * 120
    assert clean_organisation("x" * 200) == "x" * 200 and clean_organisation("x" * 201) is None


def test_the_database_option_may_follow_the_command(booked, capsys):
    assert main(["agenda", "--date", "2021-10-14", "--database-url", booked.url, "--format", "csv"]) == 0
    assert capsys.readouterr().out.count("\r\n") == 3
