"""The advisors' accounts: a YAML file login -> argon2id hash, and the checks of a login.

The file ($ORIENTATION_ADVISORS_ACCOUNTS, default var/advisors.yml) holds no password, only
hashes (argon2-cffi's defaults, RFC 9106 low-memory profile). Without a file or with no account,
the agenda stays off.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Dict, Iterable, Optional

import yaml
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from zxcvbn import zxcvbn

from orientation.settings import Settings, get_settings

ACCOUNTS_ENV = Settings.variable("advisors_accounts")
LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD = 12
MIN_SCORE = 3  # zxcvbn: « safely unguessable: moderate protection from offline slow-hash scenario »
HEADER = "# Comptes de l'agenda des conseillers : identifiant -> empreinte argon2id (jamais le mot de passe).\n"

_hasher = PasswordHasher()
# Checked when the login is unknown, so that a wrong login costs as much time as a wrong password.
_DUMMY_HASH = _hasher.hash("compte inexistant")


class AccountsError(Exception):
    """The accounts file cannot be used; the message is French, for the person who set it up."""


def accounts_path(value: Optional[str] = None) -> Path:
    return Path(value) if value else get_settings().advisors_accounts


def load_accounts(path: Path) -> Dict[str, str]:
    """login -> hash; {} when the file does not exist. AccountsError when it is not usable."""
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise AccountsError(f"{path} illisible : {error}") from None
    if not isinstance(data, dict):
        raise AccountsError(f"{path} : une table identifiant -> empreinte est attendue")
    for login, hashed in data.items():
        if not isinstance(login, str) or not LOGIN.match(login):
            raise AccountsError(f"{path} : identifiant « {login} » invalide (minuscules, chiffres, . _ -)")
        if not isinstance(hashed, str) or not hashed.startswith("$argon2"):
            raise AccountsError(f"{path} : l'empreinte du compte « {login} » n'est pas une empreinte argon2")
    return dict(data)


def save_accounts(path: Path, accounts: Dict[str, str]) -> None:
    """Writes the file readable by its owner only (it holds hashes, still worth guessing offline)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    body = HEADER + yaml.safe_dump(dict(sorted(accounts.items())), allow_unicode=True, default_flow_style=False)
    temporary = path.with_name(path.name + ".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(body)
    os.replace(temporary, path)


def password_problem(password: str, user_inputs: Iterable[str] = ()) -> Optional[str]:
    """Why a new password is refused (French), or None; user_inputs: words it must not lean on (the login)."""
    if len(password) < MIN_PASSWORD:
        return f"le mot de passe doit compter au moins {MIN_PASSWORD} caractères"
    if password.strip() != password:
        return "le mot de passe ne doit pas commencer ni finir par une espace"
    # Length alone lets « aaaaaaaaaaaa » through: zxcvbn scores how guessable it is (0 to 4).
    if zxcvbn(password, user_inputs=list(user_inputs))["score"] < MIN_SCORE:
        return ("le mot de passe est trop facile à deviner (répétition, suite, mot courant ou nom) : prenez "
                "par exemple quatre mots au hasard")
    return None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(accounts: Dict[str, str], login: str, password: str) -> bool:
    """True when the login exists and the password matches; the same work either way."""
    hashed = accounts.get(login)
    try:
        return _hasher.verify(hashed or _DUMMY_HASH, password) and hashed is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
