"""The advisors' agenda settings (config/booking.yml), checked when read."""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Tuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PATH = ROOT / "config" / "booking.yml"
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
RANGE = re.compile(r"^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$")

TimeRange = Tuple[dt.time, dt.time]


class BookingConfigError(ValueError):
    """A wrong setting: names the file, the field and why."""


@dataclass(frozen=True)
class BookingConfig:
    timezone: ZoneInfo
    slot_minutes: int
    hours: Dict[int, List[TimeRange]]  # weekday (0 = Monday) -> local time ranges
    public_holidays_closed: bool
    closed_dates: frozenset
    notice_hours: float
    horizon_days: int
    advisors: int
    retention_days: int

    @property
    def slot_length(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.slot_minutes)


def config_path() -> Path:
    return Path(os.environ.get("BOOKING_CONFIG") or DEFAULT_PATH)


def load_config(path: Path = None) -> BookingConfig:
    path = Path(path or config_path())
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise BookingConfigError(f"{path}: fichier illisible ({error.strerror})") from error

    def fail(field: str, why: str) -> BookingConfigError:
        return BookingConfigError(f"{path}: champ « {field} » : {why}")

    def positive_int(field: str, default=None) -> int:
        value = data.get(field, default)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise fail(field, f"un entier positif est attendu, pas {value!r}")
        return value

    try:
        zone = ZoneInfo(str(data.get("timezone", "Europe/Paris")))
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise fail("timezone", f"fuseau horaire inconnu {data.get('timezone')!r}") from error

    hours: Dict[int, List[TimeRange]] = {}
    raw_hours = data.get("hours") or {}
    if not isinstance(raw_hours, dict):
        raise fail("hours", "une table jour -> plages horaires est attendue")
    for day, ranges in raw_hours.items():
        if day not in WEEKDAYS:
            raise fail(f"hours.{day}", f"jour inconnu ; jours possibles : {', '.join(WEEKDAYS)}")
        parsed = []
        for text in ranges or []:
            match = RANGE.match(str(text).replace(" ", ""))
            if not match:
                raise fail(f"hours.{day}", f"plage « {text} » illisible, format attendu 09:30-12:00")
            h1, m1, h2, m2 = map(int, match.groups())
            try:
                start, end = dt.time(h1, m1), dt.time(h2, m2)
            except ValueError as error:
                raise fail(f"hours.{day}", f"heure impossible dans « {text} »") from error
            if end <= start:
                raise fail(f"hours.{day}", f"la plage « {text} » finit avant de commencer")
            parsed.append((start, end))
        hours[WEEKDAYS.index(day)] = sorted(parsed)

    closed = set()
    for value in data.get("closed_dates") or []:
        try:
            closed.add(value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)))
        except ValueError as error:
            raise fail("closed_dates", f"date « {value} » illisible, format attendu AAAA-MM-JJ") from error

    notice = data.get("notice_hours", 2)
    if not isinstance(notice, (int, float)) or isinstance(notice, bool) or notice < 0:
        raise fail("notice_hours", f"un nombre d'heures positif ou nul est attendu, pas {notice!r}")
    slot_minutes = positive_int("slot_minutes", 15)
    if 60 % slot_minutes:
        raise fail("slot_minutes", "doit diviser une heure (5, 10, 15, 20, 30 ou 60)")
    return BookingConfig(timezone=zone, slot_minutes=slot_minutes, hours=hours,
                         public_holidays_closed=bool(data.get("public_holidays_closed", True)),
                         closed_dates=frozenset(closed), notice_hours=float(notice),
                         horizon_days=positive_int("horizon_days", 21), advisors=positive_int("advisors", 1),
                         retention_days=positive_int("retention_days", 90))
