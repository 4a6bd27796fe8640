"""The advisors' command line (agenda, CSV, ICS, purge), the invitation, the input checks, the config."""
import csv
import datetime as dt
import io

import pytest

from actions.booking.__main__ import main
from actions.booking.config import BookingConfigError, load_config
from actions.booking.ics import booking_ics
from actions.booking.validation import clean_text, valid_email
from tests.booking.conftest import at

NOW = at((2021, 10, 14), 8, 0)


@pytest.fixture
def booked(store):
    long_summary = "Profil : une commune, 350 000 habitants.\nAppels recommandés : TNT-COOP ; FEDER-NUM, « à confirmer »."
    store.book(at((2021, 10, 14), 10, 15), "Marie Dupont", "Mairie de Lyon", "marie@lyon.fr", long_summary * 3,
               {}, consent_at=NOW)
    store.book(at((2021, 10, 14), 9, 30), "Paul Martin", "DDT du Rhône", "paul@rhone.gouv.fr", "Profil : DDT.", {},
               consent_at=NOW)
    return store


def test_agenda_text_lists_the_day_with_summaries(booked, capsys):
    assert main(["--database-url", booked.url, "agenda", "--date", "2021-10-14"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Rendez-vous du jeudi 14 octobre 2021 (2) :")
    assert out.index("09:30–09:45") < out.index("10:15–10:30")
    assert "Marie Dupont — Mairie de Lyon — marie@lyon.fr" in out and "TNT-COOP" in out


def test_agenda_csv_export(booked, tmp_path):
    target = tmp_path / "agenda.csv"
    assert main(["--database-url", booked.url, "agenda", "--date", "2021-10-14", "--format", "csv",
                 "--output", str(target)]) == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [r["nom"] for r in rows] == ["Paul Martin", "Marie Dupont"]
    assert rows[1]["debut"] == "2021-10-14T10:15:00+02:00" and "TNT-COOP" in rows[1]["resume"]


def test_agenda_ics_export_is_valid_icalendar(booked, tmp_path):
    target = tmp_path / "agenda.ics"
    main(["--database-url", booked.url, "agenda", "--date", "2021-10-14", "--format", "ics", "--output", str(target)])
    raw = target.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    unfolded = raw.decode("utf-8").replace("\r\n ", "")
    assert unfolded.count("BEGIN:VEVENT") == 2
    assert "DTSTART:20211014T081500Z" in unfolded and "DTEND:20211014T083000Z" in unfolded
    assert "FEDER-NUM\\, « à confirmer »." in unfolded and "\\n" in unfolded


def test_one_invitation(booked):
    booking = booked.agenda(dt.date(2021, 10, 14))[0]
    text = booking_ics(booking)
    assert f"UID:{booking.reference}@orientation-france-relance" in text
    assert 'ATTENDEE;CN="Paul Martin":mailto:paul@rhone.gouv.fr' in text


def test_purge_command(booked, capsys):
    assert main(["--database-url", booked.url, "purge", "--now", "2022-03-01T00:00:00+01:00"]) == 0
    assert capsys.readouterr().out.startswith("2 rendez-vous supprimés")


def test_bad_date_is_refused_in_french(capsys):
    with pytest.raises(SystemExit):
        main(["agenda", "--date", "14/10/2021"])
    assert "format attendu AAAA-MM-JJ" in capsys.readouterr().err


@pytest.mark.parametrize("text, expected", [
    ("marie.dupont@rhone.gouv.fr", "marie.dupont@rhone.gouv.fr"),
    ("  Marie.Dupont@Lyon.FR ", "marie.dupont@lyon.fr"),
    ("mon adresse : j-p.martin@ville-lyon.fr.", "j-p.martin@ville-lyon.fr"),
    ("marie.dupont@", None), ("marie@lyon", None), ("marie..dupont@lyon.fr", None), ("@lyon.fr", None),
    ("a@b.fr et c@d.fr", None), ("<script>@x.fr", None), ("", None),
])
def test_email_check(text, expected):
    assert valid_email(text) == expected


def test_names_lose_markup_and_must_have_letters():
    assert clean_text("  <b>Marie</b>   Dupont ") == "Marie Dupont"
    assert clean_text("12345") is None and clean_text("x" * 200) is None and clean_text("") is None


def test_a_wrong_config_names_the_field(tmp_path):
    path = tmp_path / "booking.yml"
    path.write_text("hours:\n  lundi: ['14:00-12:00']\n")
    with pytest.raises(BookingConfigError, match=r"booking.yml: champ « hours.lundi » : la plage « 14:00-12:00 »"):
        load_config(path)
    path.write_text("advisors: 0\n")
    with pytest.raises(BookingConfigError, match="« advisors »"):
        load_config(path)
