"""The agenda settings: the real file loads, every field is checked with a French error naming it."""
import datetime as dt
import os

import pytest
import yaml

from orientation.booking.config import DEFAULT_PATH, BookingConfigError, load_config, parse_config
from tests.booking.conftest import TEST_CONFIG


def with_changes(**changes):
    data = yaml.safe_load(TEST_CONFIG)
    for key, value in changes.items():
        if value is ...:
            del data[key]
        else:
            data[key] = value
    return yaml.safe_dump(data, allow_unicode=True)


def test_the_repository_config_loads():
    config = load_config(DEFAULT_PATH)
    assert str(config.timezone) == "Europe/Paris" and config.slot_minutes == 15
    assert config.advisors >= 1 and config.horizon_days >= 1 and config.retention_days >= 1
    assert config.hours[0] and 5 not in config.hours and 6 not in config.hours  # open Monday, closed weekends


def test_fields_are_read(config):
    assert config.hours[0] == ((dt.time(9, 30), dt.time(12)), (dt.time(14), dt.time(17)))
    assert config.hours[2] == ((dt.time(9, 30), dt.time(12)),)
    assert (config.slot_length, config.notice, config.horizon_days, config.advisors, config.retention_days) == \
        (dt.timedelta(minutes=15), dt.timedelta(hours=2), 21, 2, 90)
    assert config.public_holidays_closed is True and config.contact.startswith("Pour toute question")


def test_defaults_when_optional_fields_are_absent():
    config = parse_config("hours:\n  lundi: ['09:00-10:00']\n")
    assert (str(config.timezone), config.slot_minutes, config.notice_hours, config.horizon_days, config.advisors,
            config.retention_days, config.public_holidays_closed, config.contact) == \
        ("Europe/Paris", 15, 2.0, 21, 1, 90, True, None)


@pytest.mark.parametrize("changes, field, why", [
    ({"advisor": 3}, "advisor", "réglage inconnu"),
    ({"timezone": "Europe/Parsi"}, "timezone", "fuseau horaire inconnu"),
    ({"slot_minutes": 7}, "slot_minutes", "doit diviser une heure"),
    ({"slot_minutes": "15"}, "slot_minutes", "nombre entier"),
    ({"hours": ...}, "hours", "une table jour -> plages horaires est attendue"),
    ({"hours": {"lundy": ["09:00-10:00"]}}, "hours.lundy", "jour inconnu"),
    ({"hours": {"lundi": "09:00-10:00"}}, "hours.lundi", "une liste de plages est attendue"),
    ({"hours": {"lundi": ["9h-10h"]}}, "hours.lundi", "illisible, format attendu 09:30-12:00"),
    ({"hours": {"lundi": ["09:00-25:00"]}}, "hours.lundi", "heure impossible"),
    ({"hours": {"lundi": ["14:00-12:00"]}}, "hours.lundi", "finit avant de commencer"),
    ({"hours": {"lundi": ["09:00-09:10"]}}, "hours.lundi", "plus courte qu'un créneau"),
    ({"hours": {"lundi": ["09:00-12:00", "11:00-13:00"]}}, "hours.lundi", "se chevauchent"),
    ({"public_holidays_closed": "non"}, "public_holidays_closed", "true ou false"),
    ({"closed_dates": "2021-12-24"}, "closed_dates", "une liste de dates"),
    ({"closed_dates": ["24/12/2021"]}, "closed_dates", "illisible, format attendu AAAA-MM-JJ"),
    ({"notice_hours": -1}, "notice_hours", "positif ou nul"),
    ({"horizon_days": 0}, "horizon_days", "supérieur ou égal à 1"),
    ({"advisors": 0}, "advisors", "supérieur ou égal à 1"),
    ({"advisors": True}, "advisors", "nombre entier"),
    ({"retention_days": 1.5}, "retention_days", "nombre entier"),
    ({"contact": ""}, "contact", "un texte est attendu"),
])
def test_a_wrong_field_is_named_with_the_reason(changes, field, why):
    with pytest.raises(BookingConfigError) as error:
        parse_config(with_changes(**changes), "booking.yml")
    assert f"booking.yml : champ « {field} » : " in str(error.value) and why in str(error.value)


def test_broken_yaml_and_missing_file_are_explained(tmp_path):
    with pytest.raises(BookingConfigError, match="YAML illisible ligne 3, colonne 1 : vérifiez les crochets"):
        parse_config("hours:\n  lundi: [09:00-10:00\n")
    with pytest.raises(BookingConfigError, match="une table de réglages"):
        parse_config("- lundi\n")
    with pytest.raises(BookingConfigError, match="fichier de configuration illisible"):
        load_config(tmp_path / "absent.yml")


def test_the_path_comes_from_booking_config_and_edits_are_seen(tmp_path, monkeypatch):
    path = tmp_path / "other.yml"
    path.write_text(with_changes(advisors=3), encoding="utf-8")
    monkeypatch.setenv("BOOKING_CONFIG", str(path))
    assert load_config().advisors == 3
    path.write_text(with_changes(advisors=4, horizon_days=30), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different modification time, even within the same clock tick
    assert (load_config().advisors, load_config().horizon_days) == (4, 30)
