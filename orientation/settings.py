"""Every environment variable the Python code reads, read here only, typed, with its default.

    get_settings().date              # the assistant, its servers and tools
    get_mail_settings().smtp         # the booking e-mails
    get_settings(environ)            # the same, from a given mapping instead of os.environ

A wrong value raises SettingsError, in French, naming the variable, the value and what is expected
(« ORIENTATION_DATE : « 2021-13-45 » n'est pas une date AAAA-MM-JJ. »). An empty variable counts
as unset, as in the shell scripts' ${NAME:-default}.

The environment is looked at on every call (through the dict behind os.environ: the amounts and
the reference date ask for the settings several times per message) and parsed once per distinct
set of values: a test that changes a variable (monkeypatch.setenv) is seen at once, and a server
reads what it was started with.

The mail settings are a class of their own: a wrong mail setting must never stop a booking (the
booking is kept and the error logged), so it cannot be allowed to make every other setting
unreadable too.
"""
from __future__ import annotations

import datetime as dt
import ipaddress
import os
import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, Mapping, Optional, Tuple, Type, TypeVar, Union
from urllib.parse import unquote, urlsplit

from pydantic import BaseSettings, Field, HttpUrl, ValidationError, confloat, conint, validator

ROOT = Path(__file__).resolve().parents[1]
DATABASE_FILE = ROOT / "var" / "orientation.db"
DEFAULT_DATABASE_URL = f"sqlite:///{DATABASE_FILE}"

Port = conint(ge=1, le=65535)
Network = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]


class SettingsError(ValueError):
    """A variable has a value that cannot be used; the message is French, one line per variable."""


class Words(tuple):
    """Words separated by spaces or commas: « http://a, http://b » -> ('http://a', 'http://b')."""

    @classmethod
    def __get_validators__(cls) -> Iterator[Callable[[Any], Words]]:
        yield cls.parse

    @classmethod
    def parse(cls, value: Any) -> Words:
        return value if isinstance(value, cls) else cls(str(value).replace(",", " ").split())


class Networks(tuple):
    """IP networks separated by commas; an address alone is a /32 or /128."""

    @classmethod
    def __get_validators__(cls) -> Iterator[Callable[[Any], Networks]]:
        yield cls.parse

    @classmethod
    def parse(cls, value: Any) -> Networks:
        if isinstance(value, cls):
            return value
        return cls(ipaddress.ip_network(part.strip(), strict=False) for part in str(value).split(",")
                   if part.strip())


class RedisUrl(str):
    """A redis:// or rediss:// URL (a managed Redis uses TLS)."""

    @classmethod
    def __get_validators__(cls) -> Iterator[Callable[[Any], RedisUrl]]:
        yield cls.parse

    @classmethod
    def parse(cls, value: Any) -> RedisUrl:
        if urlsplit(str(value)).scheme not in ("redis", "rediss"):
            raise ValueError("redis:// or rediss:// expected")
        return cls(value)


@dataclass(frozen=True)
class SmtpSettings:
    """The mail server of ORIENTATION_SMTP_URL."""
    scheme: str  # smtp, smtp+starttls or smtps
    host: str
    port: int
    user: Optional[str] = None
    password: Optional[str] = None

    PORTS = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}

    @classmethod
    def __get_validators__(cls) -> Iterator[Callable[[Any], SmtpSettings]]:
        yield cls.parse

    @classmethod
    def parse(cls, value: Any) -> SmtpSettings:
        if isinstance(value, cls):
            return value
        parts = urlsplit(str(value).strip())
        if parts.scheme not in cls.PORTS or not parts.hostname:
            raise ValueError("smtp://, smtp+starttls:// or smtps:// URL expected")
        return cls(parts.scheme, parts.hostname, parts.port or cls.PORTS[parts.scheme],
                   unquote(parts.username) if parts.username else None,
                   unquote(parts.password) if parts.password else None)


# The mapping the settings being built read: os.environ, or the one given to get_settings().
_READING: ContextVar[Mapping[str, str]] = ContextVar("orientation_settings_environ")
_PASSWORD_IN_URL = re.compile(r"(://[^/@:]*:)[^/@]*@")


def _given_variables(settings: BaseSettings) -> Dict[str, str]:
    """The source of the values: the set, non-empty variables, by field name."""
    environ = _READING.get(os.environ)
    given = {}
    for name, field in type(settings).__fields__.items():
        text = environ.get(field.field_info.extra["env"], "").strip()
        if text:
            given[name] = text
    return given


class _Variables(BaseSettings):
    """Fields named by their variable (env=) and by what a wrong value is not (description=)."""

    def __init__(__pydantic_self__, _environ: Optional[Mapping[str, str]] = None, **values: Any) -> None:
        environ = os.environ if _environ is None else _environ
        token = _READING.set(environ)
        try:
            super().__init__(**values)
        except ValidationError as error:
            raise SettingsError(type(__pydantic_self__).explain(error, environ)) from None
        finally:
            _READING.reset(token)

    @classmethod
    def variable(cls, name: str) -> str:
        """The environment variable of a field."""
        return cls.__fields__[name].field_info.extra["env"]

    @classmethod
    def default(cls, name: str) -> Any:
        """A field's default, for the code that must name it (a build's output, a help text)."""
        return cls.__fields__[name].default

    @classmethod
    def variables(cls) -> Tuple[str, ...]:
        return tuple(cls.variable(name) for name in cls.__fields__)

    @classmethod
    def explain(cls, error: ValidationError, environ: Mapping[str, str]) -> str:
        lines = []
        for problem in error.errors():
            field = cls.__fields__[problem["loc"][0]]
            value = _PASSWORD_IN_URL.sub(r"\1***@", environ.get(field.field_info.extra["env"], "").strip())
            lines.append(f"{field.field_info.extra['env']} : « {value} » n'est pas {field.field_info.description}.")
        return "\n".join(lines)

    class Config:
        @classmethod
        def customise_sources(cls, init_settings: Any, env_settings: Any, file_secret_settings: Any) -> Tuple:
            return init_settings, _given_variables


PORT = "un numéro de port (entier de 1 à 65535)"
PATH = "un chemin de fichier"


class Settings(_Variables):
    # The assistant
    date: Optional[dt.date] = Field(None, env="ORIENTATION_DATE", description="une date AAAA-MM-JJ")
    max_message: conint(ge=1) = Field(2000, env="ORIENTATION_MAX_MESSAGE",
                                      description="un nombre de caractères (entier, au moins 1)")
    # Its data
    database_url: str = Field(DEFAULT_DATABASE_URL, env="ORIENTATION_DATABASE_URL",
                              description="une adresse de base de données SQLAlchemy")
    booking_config: Path = Field(ROOT / "config" / "booking.yml", env="BOOKING_CONFIG", description=PATH)
    territories_index: Path = Field(ROOT / "var" / "territories.json", env="ORIENTATION_TERRITORIES_INDEX",
                                    description=PATH)
    advisors_accounts: Path = Field(ROOT / "var" / "advisors.yml", env="ORIENTATION_ADVISORS_ACCOUNTS",
                                    description=PATH)
    client_key_file: Path = Field(ROOT / "var" / "client-key", env="ORIENTATION_CLIENT_KEY_FILE", description=PATH)
    seeds_dir: Path = Field(ROOT.parent / "shared" / "seeds", env="ORIENTATION_SEEDS_DIR", description=PATH)
    # The Rasa server's edges
    cors_origins: Words = Field(Words(), env="CORS_ORIGINS",
                                description="une liste d'origines séparées par des espaces ou des virgules")
    # the sites that may show the public page in a frame (besides itself): its CSP's frame-ancestors
    frame_ancestors: Words = Field(Words(), env="ORIENTATION_FRAME_ANCESTORS",
                                   description="une liste d'origines séparées par des espaces ou des virgules")
    trusted_proxies: Networks = Field(Networks(), env="ORIENTATION_TRUSTED_PROXIES",
                                      description="une liste d'adresses ou de réseaux IP séparés par des virgules")
    redis_url: Optional[RedisUrl] = Field(None, env="ORIENTATION_REDIS_URL",
                                          description="une adresse redis:// ou rediss://")
    # the address users reach the Rasa server at, for the « fiche projet » links (behind a proxy that
    # ends TLS); unset: the address each request came to
    public_url: Optional[HttpUrl] = Field(None, env="ORIENTATION_PUBLIC_URL",
                                          description="une adresse http:// ou https://")
    # The advisors' agenda server
    advisors_host: str = Field("127.0.0.1", env="ADVISORS_HOST", description="une adresse d'écoute")
    advisors_port: Port = Field(8001, env="ADVISORS_PORT", description=PORT)
    advisors_trusted_proxy: Optional[str] = Field(None, env="ADVISORS_TRUSTED_PROXY", description="une adresse IP")
    advisors_https: bool = Field(False, env="ADVISORS_HTTPS", description="1 (page servie en https) ou 0")
    # how long the statistics page keeps the figures of a period before reading the conversations again
    statistics_cache_seconds: confloat(ge=0) = Field(300, env="ORIENTATION_STATISTICS_CACHE_SECONDS",
                                                     description="un nombre de secondes (au moins 0)")
    # `make run`'s processes (scripts/stack_config.py)
    rasa_port: Port = Field(5005, env="RASA_PORT", description=PORT)
    action_port: Port = Field(5055, env="ACTION_PORT", description=PORT)
    action_host: str = Field("127.0.0.1", env="ACTION_HOST", description="une adresse d'écoute")
    # The secret the Rasa server sends to the action server (endpoints.yml): scripts/serve makes one
    # at the first start (var/action-server.secret, readable by its owner only) when none is given.
    action_server_token: Optional[str] = Field(None, env="ACTION_SERVER_TOKEN", description="un jeton")
    web_port: Port = Field(8000, env="WEB_PORT", description=PORT)
    redis_port: Port = Field(6379, env="REDIS_PORT", description=PORT)
    rasa_instances: conint(ge=1) = Field(1, env="RASA_INSTANCES",
                                         description="un nombre d'instances de Rasa (entier, au moins 1)")
    rasa_auth_token: Optional[str] = Field(None, env="RASA_AUTH_TOKEN", description="un jeton")

    @validator("date", pre=True)
    def _iso_date(cls, value: Any) -> Any:
        # only AAAA-MM-JJ: pydantic alone would also take a number of seconds since 1970
        return dt.date.fromisoformat(value) if isinstance(value, str) else value

    @validator("advisors_trusted_proxy")
    def _ip_address(cls, value: Optional[str]) -> Optional[str]:
        return None if value is None else str(ipaddress.ip_address(value))


class MailSettings(_Variables):
    smtp: Optional[SmtpSettings] = Field(None, env="ORIENTATION_SMTP_URL",
                                         description="une adresse smtp://, smtp+starttls:// ou smtps:// "
                                                     "avec un nom de serveur")
    sender: str = Field("Orientation France Relance <ne-pas-repondre@orientation-france-relance.invalid>",
                        env="ORIENTATION_MAIL_FROM", description="une adresse d'expéditeur")
    advisors_email: Optional[str] = Field(None, env="ORIENTATION_ADVISORS_EMAIL",
                                          description="une adresse électronique")


SETTINGS_CLASSES = (Settings, MailSettings)
S = TypeVar("S", bound=_Variables)


@lru_cache(maxsize=32)
def _read(kind: Type[S], values: Tuple[Tuple[str, str], ...]) -> S:
    return kind(_environ=dict(values))


@cache
def _names(kind: Type[_Variables]) -> Tuple[str, ...]:
    return kind.variables()


@cache
def _encoded_names(kind: Type[_Variables]) -> Tuple[Tuple[str, Any], ...]:
    return tuple((name, os.environ.encodekey(name)) for name in _names(kind))  # type: ignore[attr-defined]


def _environ_values(kind: Type[_Variables]) -> Tuple[Tuple[str, str], ...]:
    """os.environ's values of the kind's variables, read from the dict behind it (what its own
    methods read, encoded): 1.6 µs instead of 20 through its Mapping methods, and the settings are
    asked for several times per message (the amounts' length limit, the reference date)."""
    data = getattr(os.environ, "_data", None)
    if not isinstance(data, dict):  # os.environ replaced by a plain mapping
        return tuple((name, os.environ[name]) for name in _names(kind) if name in os.environ)
    decode = os.environ.decodevalue  # type: ignore[attr-defined]
    return tuple((name, decode(value)) for name, key in _encoded_names(kind) if (value := data.get(key)) is not None)


def _settings(kind: Type[S], environ: Optional[Mapping[str, str]]) -> S:
    if environ is None:
        return _read(kind, _environ_values(kind))
    return _read(kind, tuple((name, environ[name]) for name in _names(kind) if name in environ))


def get_settings(environ: Optional[Mapping[str, str]] = None) -> Settings:
    """The settings of os.environ, or of `environ` when given; SettingsError for a wrong value."""
    return _settings(Settings, environ)


def get_mail_settings(environ: Optional[Mapping[str, str]] = None) -> MailSettings:
    """The mail settings of os.environ, or of `environ` when given; SettingsError for a wrong value."""
    return _settings(MailSettings, environ)


def smtp_settings(url: Optional[str]) -> Optional[SmtpSettings]:
    """The server of an ORIENTATION_SMTP_URL value; None when empty; SettingsError when unreadable."""
    return get_mail_settings({MailSettings.variable("smtp"): url or ""}).smtp
