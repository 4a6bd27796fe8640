"""The settings (orientation/settings.py): the README's table says what they are, a wrong value is
refused in French with the variable, the value and what is expected."""
import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from orientation.settings import (
    ROOT,
    SETTINGS_CLASSES,
    MailSettings,
    Settings,
    SettingsError,
    SmtpSettings,
    get_mail_settings,
    get_settings,
    smtp_settings,
)

# In the README's table but read by no Python module of the assistant: Rasa reads ACTION_SERVER_URL
# (endpoints.yml) and TICKET_LOCK_LIFETIME, scripts/serve reads LOGS, the Makefile PYTEST_ARGS, the
# tests ORIENTATION_REQUIRE_SEEDS and ORIENTATION_TEST_DATABASE_URL.
READ_ELSEWHERE = {"ACTION_SERVER_URL", "TICKET_LOCK_LIFETIME", "LOGS", "PYTEST_ARGS", "ORIENTATION_REQUIRE_SEEDS",
                  "ORIENTATION_TEST_DATABASE_URL"}


def readme_table():
    """variable -> default cell of the table of README.md's section "## Configuring it"."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Configuring it\n", 1)[1].split("\n## ", 1)[0]
    rows = {}
    lines = section[section.index("| variable | default | what |"):].splitlines()[2:]
    for line in lines:
        if not line.startswith("|"):
            break
        variable, default = [cell.strip() for cell in line.strip("|").split("|")][:2]
        names = re.findall(r"`([A-Z_]+)`", variable)
        assert len(names) == 1, f"one variable per row, so that its default can be checked: {line}"
        rows[names[0]] = default
    return rows


def fields():
    """variable -> default, of every settings class."""
    return {kind.variable(name): field.default for kind in SETTINGS_CLASSES for name, field in kind.__fields__.items()}


def shown(default):
    """A field's default as the README writes it: paths from the repository, booleans as 1/0."""
    if default is None or default == ():
        return "unset"
    if isinstance(default, bool):
        return "1" if default else "0"
    if isinstance(default, Path):
        return os.path.relpath(default, ROOT)
    return str(default).replace(f"{ROOT}/", "")


def written(cell):
    """The default a table cell states: `value` or « unset », then any explanation."""
    if cell.startswith("unset"):
        return "unset"
    found = re.match(r"`([^`]*)`", cell)
    assert found, f"the default column starts with `value` or unset: {cell}"
    return found.group(1)


def test_every_setting_is_in_the_readme_table_and_every_variable_of_the_table_is_a_setting():
    table, settings = set(readme_table()), set(fields())
    assert settings - table == set(), "settings missing from README.md's configuration table"
    assert table - settings - READ_ELSEWHERE == set(), "variables of the table that no setting reads"
    assert READ_ELSEWHERE & settings == set(), "a setting now: take it off READ_ELSEWHERE"


def test_the_defaults_of_the_table_are_those_of_the_settings():
    table = readme_table()
    assert {name: written(table[name]) for name in fields()} == {name: shown(d) for name, d in fields().items()}


def test_the_defaults():
    settings = get_settings({})
    assert settings.date is None and settings.max_message == 2000
    assert (settings.rasa_port, settings.action_port, settings.web_port, settings.advisors_port) == (5005, 5055, 8000, 8001)
    assert settings.rasa_instances == 1 and settings.cors_origins == () and settings.trusted_proxies == ()
    assert settings.database_url == f"sqlite:///{ROOT / 'var' / 'orientation.db'}"
    assert settings.booking_config == ROOT / "config" / "booking.yml"
    assert get_mail_settings({}).smtp is None and get_mail_settings({}).advisors_email is None


def test_values_are_typed_and_an_empty_variable_is_unset():
    settings = get_settings({"ORIENTATION_DATE": " 2021-10-15 ", "RASA_PORT": "6005", "RASA_INSTANCES": "",
                             "CORS_ORIGINS": "http://a.fr, https://b.fr http://c.fr", "ADVISORS_HTTPS": "1",
                             "ORIENTATION_TRUSTED_PROXIES": "10.0.0.0/8, 127.0.0.1"})
    assert settings.date == dt.date(2021, 10, 15) and settings.rasa_port == 6005 and settings.rasa_instances == 1
    assert settings.cors_origins == ("http://a.fr", "https://b.fr", "http://c.fr") and settings.advisors_https is True
    assert [str(network) for network in settings.trusted_proxies] == ["10.0.0.0/8", "127.0.0.1/32"]
    assert get_mail_settings({"ORIENTATION_SMTP_URL": "smtps://agent%40dinum:p%40ss@mail.gouv.fr"}).smtp == \
        SmtpSettings("smtps", "mail.gouv.fr", 465, "agent@dinum", "p@ss")


@pytest.mark.parametrize("variable, value, message", [
    ("RASA_PORT", "abc", "RASA_PORT : « abc » n'est pas un numéro de port (entier de 1 à 65535)."),
    ("ADVISORS_PORT", "70000", "ADVISORS_PORT : « 70000 » n'est pas un numéro de port (entier de 1 à 65535)."),
    ("ORIENTATION_DATE", "2021-13-45", "ORIENTATION_DATE : « 2021-13-45 » n'est pas une date AAAA-MM-JJ."),
    ("ORIENTATION_DATE", "15/10/2021", "ORIENTATION_DATE : « 15/10/2021 » n'est pas une date AAAA-MM-JJ."),
    ("RASA_INSTANCES", "0", "RASA_INSTANCES : « 0 » n'est pas un nombre d'instances de Rasa (entier, au moins 1)."),
    ("ORIENTATION_MAX_MESSAGE", "beaucoup",
     "ORIENTATION_MAX_MESSAGE : « beaucoup » n'est pas un nombre de caractères (entier, au moins 1)."),
    ("ORIENTATION_TRUSTED_PROXIES", "10.0.0.0/8, proxy",
     "ORIENTATION_TRUSTED_PROXIES : « 10.0.0.0/8, proxy » n'est pas une liste d'adresses ou de réseaux IP séparés "
     "par des virgules."),
    ("ORIENTATION_REDIS_URL", "http://127.0.0.1:6379",
     "ORIENTATION_REDIS_URL : « http://127.0.0.1:6379 » n'est pas une adresse redis:// ou rediss://."),
    ("ADVISORS_HTTPS", "oui", "ADVISORS_HTTPS : « oui » n'est pas 1 (page servie en https) ou 0."),
])
def test_a_wrong_value_is_refused_in_french(variable, value, message):
    with pytest.raises(SettingsError) as error:
        get_settings({variable: value})
    assert str(error.value) == message


def test_a_wrong_smtp_url_is_refused_without_showing_its_password():
    with pytest.raises(SettingsError) as error:
        get_mail_settings({"ORIENTATION_SMTP_URL": "http://agent:secret@mail.gouv.fr"})
    assert str(error.value) == ("ORIENTATION_SMTP_URL : « http://agent:***@mail.gouv.fr » n'est pas une adresse "
                                "smtp://, smtp+starttls:// ou smtps:// avec un nom de serveur.")
    with pytest.raises(ValueError):
        smtp_settings("smtp://")  # no server


def test_every_wrong_variable_is_said_at_once():
    with pytest.raises(SettingsError) as error:
        get_settings({"RASA_PORT": "abc", "WEB_PORT": "-1", "ACTION_PORT": "5055"})
    assert [line.split(" : ")[0] for line in str(error.value).splitlines()] == ["RASA_PORT", "WEB_PORT"]


def test_a_wrong_mail_setting_leaves_the_other_settings_readable():
    environ = {"ORIENTATION_SMTP_URL": "http://mail.gouv.fr", "RASA_PORT": "6005"}
    assert get_settings(environ).rasa_port == 6005
    with pytest.raises(SettingsError):
        get_mail_settings(environ)


def test_the_environment_is_read_at_each_call(monkeypatch):
    monkeypatch.setenv("ORIENTATION_DATE", "2021-03-01")
    assert get_settings().date == dt.date(2021, 3, 1)
    monkeypatch.setenv("ORIENTATION_DATE", "2022-03-01")
    assert get_settings().date == dt.date(2022, 3, 1)
    assert get_settings({}).date is None  # a given mapping is read alone
    monkeypatch.delenv("ORIENTATION_DATE")
    assert get_settings().date is None


def test_os_environ_is_read_as_the_mapping_it_is(monkeypatch):
    """get_settings() reads os.environ through the dict behind it (faster): the same settings as
    os.environ read as a mapping, whatever is set, unset or empty, and a replaced os.environ too."""
    monkeypatch.setenv("ORIENTATION_MAX_MESSAGE", "321")
    monkeypatch.setenv("ORIENTATION_DATE", "")
    monkeypatch.setenv("CORS_ORIGINS", "http://a.example, http://é.example")
    monkeypatch.delenv("ORIENTATION_DATABASE_URL", raising=False)
    for read in (get_settings, get_mail_settings):
        assert read() == read(dict(os.environ))
    assert get_settings().max_message == 321 and get_settings().date is None
    assert get_settings().cors_origins == ("http://a.example", "http://é.example")
    monkeypatch.setattr(os, "environ", {"ORIENTATION_MAX_MESSAGE": "45"})
    assert get_settings().max_message == 45


def test_every_variable_belongs_to_one_setting():
    names = [kind.variable(name) for kind in SETTINGS_CLASSES for name in kind.__fields__]
    assert len(names) == len(set(names)) and Settings.variable("date") == "ORIENTATION_DATE"
    assert MailSettings.variable("smtp") == "ORIENTATION_SMTP_URL"


def test_make_run_stops_before_starting_anything_on_a_wrong_value(tmp_path):
    env = {**os.environ, "RASA_PORT": "abc"}
    done = subprocess.run([sys.executable, str(ROOT / "devtools" / "stack_config.py"), str(tmp_path / "run")],
                          env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "RASA_PORT : « abc » n'est pas un numéro de port" in done.stderr
    assert not (tmp_path / "run" / "supervisord.conf").exists()
