"""The advisors' agenda settings (config/booking.yml), checked when read.

The settings are data: opening hours, closures, notice, horizon… change in the YAML file and the
next request follows, with no code change. A wrong file is refused with the file, the field and
why, in French, since the people who edit it are the advisors' team.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Optional, Tuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from orientation.language.fold import WEEKDAYS
from orientation.settings import Settings, get_settings

DEFAULT_PATH = Settings.default("booking_config")
RANGE = re.compile(r"^(\d{1,2})[:hH](\d{2})-(\d{1,2})[:hH](\d{2})$")
FIELDS = {"timezone", "slot_minutes", "hours", "public_holidays_closed", "closed_dates", "notice_hours",
          "horizon_days", "advisors", "retention_days", "contact", "limits"}
LIMIT_FIELDS = {"per_email", "per_conversation", "per_client", "client_window_minutes"}

TimeRange = Tuple[dt.time, dt.time]


class BookingConfigError(ValueError):
    """A wrong setting: names the file, the field and why."""


@dataclass(frozen=True)
class Limits:
    """Anti-abuse limits on booking creation."""
    per_email: int = 1  # upcoming bookings one e-mail address may hold
    per_conversation: int = 2  # bookings created in one conversation
    per_client: int = 12  # bookings created by one client (IP address; a ministry's agents may share one) ...
    client_window_minutes: int = 60  # ... within this many minutes

    @property
    def client_window(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.client_window_minutes)


@dataclass(frozen=True)
class BookingConfig:
    timezone: ZoneInfo
    slot_minutes: int
    hours: Dict[int, Tuple[TimeRange, ...]]  # weekday (0 = Monday) -> sorted local time ranges
    public_holidays_closed: bool
    closed_dates: frozenset
    notice_hours: float
    horizon_days: int
    advisors: int
    retention_days: int
    contact: Optional[str] = None  # how to reach DINUM otherwise, shown to users and in invitations
    limits: Limits = field(default_factory=Limits)
    source: Optional[Path] = field(default=None, compare=False)

    @property
    def slot_length(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.slot_minutes)

    @property
    def notice(self) -> dt.timedelta:
        return dt.timedelta(hours=self.notice_hours)


def config_path() -> Path:
    return get_settings().booking_config


# Read on every request by the action server: keyed by file and modification time, so an edit is
# seen at once while an unchanged file is parsed only once.
_cache: Dict[Tuple[str, int, int], BookingConfig] = {}


def load_config(path: Optional[Path] = None) -> BookingConfig:
    """The settings of `path`, else of $BOOKING_CONFIG, else of config/booking.yml."""
    path = Path(path or config_path())
    try:
        stat = path.stat()
    except OSError as error:
        raise BookingConfigError(f"{path} : fichier de configuration illisible ({error.strerror})") from error
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _cache:
        _cache.clear()
        _cache[key] = parse_config(path.read_text(encoding="utf-8"), path)
    return _cache[key]


def parse_config(text: str, path: Path = Path("booking.yml")) -> BookingConfig:
    """Checks every field; the first mistake raises BookingConfigError naming it."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" ligne {where.line + 1}, colonne {where.column + 1}" if where else ""
        raise BookingConfigError(f"{path} : YAML illisible{line} : vérifiez les crochets, les guillemets, les "
                                 "deux-points et l'indentation") from error
    data = {} if data is None else data

    def fail(name: str, why: str) -> BookingConfigError:
        return BookingConfigError(f"{path} : champ « {name} » : {why}")

    if not isinstance(data, dict):
        raise BookingConfigError(f"{path} : une table de réglages (clé: valeur) est attendue")
    unknown = sorted(str(key) for key in data if key not in FIELDS)
    if unknown:  # a typo ("advisor: 3") must not silently fall back to the default
        raise fail(unknown[0], f"réglage inconnu ; réglages possibles : {', '.join(sorted(FIELDS))}")

    def integer(name: str, default: int, minimum: int = 1) -> int:
        value = data.get(name, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise fail(name, f"un nombre entier supérieur ou égal à {minimum} est attendu, pas {value!r}")
        return value

    try:
        zone = ZoneInfo(str(data.get("timezone", "Europe/Paris")))
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise fail("timezone", f"fuseau horaire inconnu {data.get('timezone')!r} (par exemple Europe/Paris)") \
            from error

    slot_minutes = integer("slot_minutes", 15)
    if 60 % slot_minutes:
        raise fail("slot_minutes", "doit diviser une heure (5, 6, 10, 12, 15, 20, 30 ou 60)")
    slot = dt.timedelta(minutes=slot_minutes)

    raw_hours = data.get("hours")
    if not isinstance(raw_hours, dict) or not raw_hours:
        raise fail("hours", "une table jour -> plages horaires est attendue, par exemple lundi: [\"09:30-12:00\"]")
    hours: Dict[int, Tuple[TimeRange, ...]] = {}
    for day, ranges in raw_hours.items():
        name = str(day).strip().lower()
        if name not in WEEKDAYS:
            raise fail(f"hours.{day}", f"jour inconnu ; jours possibles : {', '.join(WEEKDAYS)}")
        if WEEKDAYS.index(name) in hours:
            raise fail(f"hours.{day}", "jour donné deux fois")
        if ranges is None:
            ranges = []
        if not isinstance(ranges, list):
            raise fail(f"hours.{day}", "une liste de plages est attendue, "
                                       "par exemple [\"09:30-12:00\", \"14:00-17:00\"]")
        parsed = []
        for text_range in ranges:
            match = RANGE.match(str(text_range).replace(" ", ""))
            if not match:
                raise fail(f"hours.{day}", f"plage « {text_range} » illisible, format attendu 09:30-12:00")
            h1, m1, h2, m2 = map(int, match.groups())
            try:
                start, end = dt.time(h1, m1), dt.time(h2, m2)
            except ValueError as error:
                raise fail(f"hours.{day}", f"heure impossible dans « {text_range} »") from error
            if end <= start:
                raise fail(f"hours.{day}", f"la plage « {text_range} » finit avant de commencer")
            if dt.datetime.combine(dt.date.min, start) + slot > dt.datetime.combine(dt.date.min, end):
                raise fail(f"hours.{day}", f"la plage « {text_range} » est plus courte qu'un créneau "
                                           f"de {slot_minutes} minutes")
            parsed.append((start, end))
        parsed.sort()
        for (_, first_end), (second_start, _) in zip(parsed, parsed[1:]):
            if second_start < first_end:  # overlapping ranges would offer the same slot twice
                raise fail(f"hours.{day}", "deux plages se chevauchent")
        hours[WEEKDAYS.index(name)] = tuple(parsed)

    holidays = data.get("public_holidays_closed", True)
    if not isinstance(holidays, bool):  # "non" in quotes would otherwise read as true
        raise fail("public_holidays_closed", f"true ou false est attendu, pas {holidays!r}")

    raw_closed = data.get("closed_dates") or []
    if not isinstance(raw_closed, list):
        raise fail("closed_dates", "une liste de dates AAAA-MM-JJ est attendue")
    closed = set()
    for value in raw_closed:
        if isinstance(value, dt.datetime) or not isinstance(value, (dt.date, str)):
            raise fail("closed_dates", f"date « {value} » illisible, format attendu AAAA-MM-JJ")
        try:
            closed.add(value if isinstance(value, dt.date) else dt.date.fromisoformat(value.strip()))
        except ValueError as error:
            raise fail("closed_dates", f"date « {value} » illisible, format attendu AAAA-MM-JJ") from error

    notice = data.get("notice_hours", 2)
    if not isinstance(notice, (int, float)) or isinstance(notice, bool) or not 0 <= notice < 24 * 365:
        raise fail("notice_hours", f"un nombre d'heures positif ou nul est attendu, pas {notice!r}")

    contact = data.get("contact")
    if contact is not None and (not isinstance(contact, str) or not contact.strip()):
        raise fail("contact", "un texte est attendu (ou retirez la ligne)")

    raw_limits = data.get("limits") or {}
    if not isinstance(raw_limits, dict):
        raise fail("limits", "une table est attendue, par exemple per_email: 1")
    unknown = sorted(str(key) for key in raw_limits if key not in LIMIT_FIELDS)
    if unknown:
        raise fail(f"limits.{unknown[0]}", f"limite inconnue ; limites possibles : {', '.join(sorted(LIMIT_FIELDS))}")
    limit_values = {}
    for name in sorted(LIMIT_FIELDS):
        value = raw_limits.get(name, getattr(Limits, name))
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise fail(f"limits.{name}", f"un nombre entier supérieur ou égal à 1 est attendu, pas {value!r}")
        limit_values[name] = value

    return BookingConfig(timezone=zone, slot_minutes=slot_minutes, hours=hours,
                         public_holidays_closed=holidays, closed_dates=frozenset(closed),
                         notice_hours=float(notice), horizon_days=integer("horizon_days", 21),
                         advisors=integer("advisors", 1), retention_days=integer("retention_days", 90),
                         contact=" ".join(contact.split()) if contact else None, limits=Limits(**limit_values),
                         source=path)
