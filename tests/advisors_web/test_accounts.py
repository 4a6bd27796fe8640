"""The accounts file and the French command line that manages it; the server stays off without one."""
import io
import stat
import sys

import pytest

from orientation.advisors_web import __main__ as cli
from orientation.advisors_web.accounts import AccountsError, check_password, load_accounts


def run(argv, capsys, monkeypatch, stdin=""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_an_account_is_stored_as_an_argon2id_hash_readable_by_its_owner_only(tmp_path, capsys, monkeypatch):
    path = tmp_path / "comptes.yml"
    code, out, _ = run(["--comptes", str(path), "compte", "ajouter", "Marie.Dupont", "--mot-de-passe-stdin"],
                       capsys, monkeypatch, stdin="un mot de passe solide\n")
    assert code == 0 and out == f"Compte « marie.dupont » créé dans {path}.\n"
    text = path.read_text()
    assert "solide" not in text and "marie.dupont: $argon2id$" in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    accounts = load_accounts(path)
    assert check_password(accounts, "marie.dupont", "un mot de passe solide")
    assert not check_password(accounts, "marie.dupont", "un mot de passe solidE")
    assert not check_password(accounts, "paul", "un mot de passe solide")


def test_a_new_password_replaces_the_old_one(tmp_path, capsys, monkeypatch):
    path = tmp_path / "comptes.yml"
    args = ["--comptes", str(path), "compte", "ajouter", "marie", "--mot-de-passe-stdin"]
    run(args, capsys, monkeypatch, stdin="premier mot de passe\n")
    code, out, _ = run(args, capsys, monkeypatch, stdin="second mot de passe\n")
    assert code == 0 and out == "Mot de passe du compte « marie » changé.\n"
    assert check_password(load_accounts(path), "marie", "second mot de passe")
    assert not check_password(load_accounts(path), "marie", "premier mot de passe")


@pytest.mark.parametrize("login, password, message", [
    ("marie", "court", "Mot de passe refusé : le mot de passe doit compter au moins 12 caractères."),
    ("marie", "aaaaaaaaaaaa", "Mot de passe refusé : le mot de passe est trop facile à deviner"),
    ("marie", "azertyuiop123", "Mot de passe refusé : le mot de passe est trop facile à deviner"),
    ("marie.dupont", "marie.dupont2021", "Mot de passe refusé : le mot de passe est trop facile à deviner"),
    ("marie dupont", "un mot de passe solide", "Identifiant « marie dupont » refusé"),
])
def test_a_weak_password_or_a_strange_login_is_refused(tmp_path, capsys, monkeypatch, login, password, message):
    path = tmp_path / "comptes.yml"
    code, _, err = run(["--comptes", str(path), "compte", "ajouter", login, "--mot-de-passe-stdin"],
                       capsys, monkeypatch, stdin=password + "\n")
    assert code == 1 and message in err and not path.exists()


def test_two_different_typings_change_nothing(tmp_path, capsys, monkeypatch):
    answers = iter(["un mot de passe solide", "un mot de passe solidd"])
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt: next(answers))
    path = tmp_path / "comptes.yml"
    code, _, err = run(["--comptes", str(path), "compte", "ajouter", "marie"], capsys, monkeypatch)
    assert code == 1 and "Les deux saisies diffèrent" in err and not path.exists()


def test_list_and_remove(tmp_path, capsys, monkeypatch):
    path = tmp_path / "comptes.yml"
    for login in ("paul", "marie"):
        run(["--comptes", str(path), "compte", "ajouter", login, "--mot-de-passe-stdin"], capsys, monkeypatch,
            stdin="un mot de passe solide\n")
    assert run(["--comptes", str(path), "compte", "liste"], capsys, monkeypatch)[1] == "marie\npaul\n"
    assert run(["--comptes", str(path), "compte", "supprimer", "paul"], capsys, monkeypatch)[:2] == \
        (0, "Compte « paul » supprimé.\n")
    assert list(load_accounts(path)) == ["marie"]
    code, _, err = run(["--comptes", str(path), "compte", "supprimer", "paul"], capsys, monkeypatch)
    assert code == 1 and "Aucun compte « paul »" in err


def test_the_server_refuses_to_start_without_an_account(tmp_path, capsys, monkeypatch):
    code, _, err = run(["--comptes", str(tmp_path / "absent.yml"), "serveur"], capsys, monkeypatch)
    assert code == 2
    assert err.startswith("L'agenda des conseillers est désactivé : aucun compte dans")
    assert "compte ajouter IDENTIFIANT" in err


def test_the_accounts_file_comes_from_the_environment(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ORIENTATION_ADVISORS_ACCOUNTS", str(tmp_path / "env.yml"))
    run(["compte", "ajouter", "marie", "--mot-de-passe-stdin"], capsys, monkeypatch, stdin="un mot de passe solide\n")
    assert list(load_accounts(tmp_path / "env.yml")) == ["marie"]


@pytest.mark.parametrize("text, why", [("- marie\n", "une table identifiant -> empreinte est attendue"),
                                       ("marie: motdepasseenclair\n", "n'est pas une empreinte argon2"),
                                       ("Marie Dupont: $argon2id$x\n", "identifiant « Marie Dupont » invalide")])
def test_a_wrong_accounts_file_is_refused_with_why(tmp_path, text, why):
    path = tmp_path / "comptes.yml"
    path.write_text(text)
    with pytest.raises(AccountsError, match=why):
        load_accounts(path)


def test_a_wrong_accounts_file_stops_the_command_in_french(tmp_path, capsys, monkeypatch):
    path = tmp_path / "comptes.yml"
    path.write_text("marie: motdepasseenclair\n")
    code, _, err = run(["--comptes", str(path), "serveur"], capsys, monkeypatch)
    assert code == 2 and err.startswith("Fichier des comptes inutilisable :")


def test_state_says_whether_the_agenda_is_on(tmp_path, capsys, monkeypatch):
    path = tmp_path / "comptes.yml"
    assert run(["--comptes", str(path), "etat"], capsys, monkeypatch)[:2] == \
        (1, f"L'agenda des conseillers est désactivé : aucun compte dans {path}.\n")
    run(["--comptes", str(path), "compte", "ajouter", "marie", "--mot-de-passe-stdin"], capsys, monkeypatch,
        stdin="un mot de passe solide\n")
    assert run(["--comptes", str(path), "etat"], capsys, monkeypatch)[:2] == \
        (0, f"L'agenda des conseillers est activé : 1 compte dans {path}.\n")
