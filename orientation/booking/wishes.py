"""Reading a French wish for a moment (« plutôt mardi aprem », « le 9 à 14h ») into a Wish, and
saying it back (« mardi après-midi »)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from typing import Any, Dict, List, Optional, Tuple

from text_to_num import text2num

from orientation.booking.slots import PARIS, aware, check_filters, matches
from orientation.booking.wording import describe_day
from orientation.language.contacts import ADDRESS_IN_TEXT, REFERENCE_IN_TEXT
from orientation.language.fold import MONTHS, WEEKDAYS, fold
from orientation.language.french import clock


@dataclass(frozen=True)
class Wish:
    """A moment the user asked for. Every field narrows the slots; None means any.

    day: that local date; weekday: 0 = Monday; part: "matin" (before noon) or "apres-midi";
    not_before: from that date on ("la semaine prochaine"); after / before: local times of day
    ("à partir de 15 h", "avant 11 h"); at: that very time ("jeudi 10h", "à 14 h 30"); weekdays: one
    of these days ("en fin de semaine": Thursday or Friday); not_weekdays, not_days: what the user
    cannot do ("lundi je peux pas", "sauf le 9"), kept while the wish is refined.
    """
    day: Optional[dt.date] = None
    weekday: Optional[int] = None
    part: Optional[str] = None
    not_before: Optional[dt.date] = None
    after: Optional[dt.time] = None
    before: Optional[dt.time] = None
    at: Optional[dt.time] = None
    weekdays: Tuple[int, ...] = ()
    not_weekdays: Tuple[int, ...] = ()
    not_days: Tuple[dt.date, ...] = ()

    def __post_init__(self):
        check_filters(self.part, self.weekday)

    def as_filters(self) -> Dict[str, Any]:
        """Keyword arguments for free_slots()."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def to_dict(self) -> Dict[str, Any]:
        """JSON-friendly (a Rasa slot value): dates as YYYY-MM-DD, times as HH:MM; unset fields left out."""
        out = {}
        for key, value in self.as_filters().items():
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, dt.time):
                value = value.strftime("%H:%M")
            elif isinstance(value, tuple):
                value = [v.isoformat() if isinstance(v, dt.date) else v for v in value] or None
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_dict(cls, data: Optional[Dict[str, Any]]) -> Optional[Wish]:
        """The wish of to_dict(); None for an empty or unreadable value."""
        if not isinstance(data, dict) or not data:
            return None
        try:
            return cls(day=dt.date.fromisoformat(data["day"]) if data.get("day") else None,
                       weekday=data.get("weekday"), part=data.get("part"),
                       not_before=dt.date.fromisoformat(data["not_before"]) if data.get("not_before") else None,
                       after=dt.time.fromisoformat(data["after"]) if data.get("after") else None,
                       before=dt.time.fromisoformat(data["before"]) if data.get("before") else None,
                       at=dt.time.fromisoformat(data["at"]) if data.get("at") else None,
                       weekdays=tuple(sorted({int(d) for d in data.get("weekdays") or ()})),
                       not_weekdays=tuple(sorted({int(d) for d in data.get("not_weekdays") or ()})),
                       not_days=tuple(sorted({dt.date.fromisoformat(d) for d in data.get("not_days") or ()})))
        except (TypeError, ValueError):
            return None

    def describe(self) -> str:
        """'mardi après-midi', 'le jeudi 14 octobre au matin', 'à partir du lundi 18 octobre',
        'entre 10 h et 11 h'… to follow « Voici les créneaux libres » or « pas de créneau libre »."""
        words = []
        if self.day:
            words.append(f"le {describe_day(self.day, year=False)}")
        elif self.weekday is not None:
            words.append(WEEKDAYS[self.weekday])
        elif self.weekdays:
            words.append(" ou ".join(WEEKDAYS[d] for d in self.weekdays))
        if self.part:
            if self.day:
                words.append("au matin" if self.part == "matin" else "dans l'après-midi")
            elif words:
                words.append("matin" if self.part == "matin" else "après-midi")
            else:
                words.append("le matin" if self.part == "matin" else "l'après-midi")
        if self.at:
            words.append(f"à {clock(self.at)}")
        elif self.after and self.before:
            words.append(f"entre {clock(self.after)} et {clock(self.before)}")
        elif self.after:
            words.append(f"à partir de {clock(self.after)}")
        elif self.before:
            words.append(f"avant {clock(self.before)}")
        if self.not_before and not self.day:
            if words:
                words[-1] += ","
            words.append(f"à partir du {describe_day(self.not_before, year=False)}")
        excluded = [f"le {WEEKDAYS[d]}" for d in self.not_weekdays if d != self.weekday] + \
            [f"le {describe_day(d, year=False)}" for d in self.not_days if d != self.day]
        if excluded and not self.day:
            if words:
                words[-1] += ","
            words.append("sauf " + " et ".join(excluded))
        return " ".join(words) or "à ce moment"

    def exclusions(self) -> Optional[Wish]:
        """Only what the user cannot do: what any other slot offered must still respect."""
        return Wish(not_weekdays=self.not_weekdays, not_days=self.not_days) if self.not_weekdays or self.not_days \
            else None

    def accepts(self, start: dt.datetime) -> bool:
        """Whether a slot start (aware, in the agenda's zone) matches every field."""
        return matches(start, **self.as_filters())

    @property
    def names_a_day(self) -> bool:
        return bool(self.day or self.weekday is not None or self.not_before or self.weekdays)

    @property
    def names_a_time(self) -> bool:
        return bool(self.part or self.after or self.before or self.at)

    def refining(self, previous: Optional[Wish]) -> Wish:
        """This wish said after `previous`: a time alone (« 14h30 ») keeps the day already wished
        (« mardi »), a day alone (« plutôt jeudi ») keeps the time of day already wished."""
        if previous is None:
            return self
        days = self if self.names_a_day else previous
        times = self if self.names_a_time else previous
        # What was excluded stays excluded, unless asked for again now (« non, MARDI »).
        not_weekdays = set(previous.not_weekdays) | set(self.not_weekdays)
        not_days = set(previous.not_days) | set(self.not_days)
        not_weekdays -= {self.weekday, *self.weekdays} - set(self.not_weekdays)
        not_days -= {self.day} - set(self.not_days)
        day, weekday = days.day, days.weekday
        if day in not_days or day and day.weekday() in not_weekdays:
            day = None
        if weekday in not_weekdays:
            weekday = None
        return Wish(day=day, weekday=weekday, not_before=days.not_before,
                    part=times.part, after=times.after, before=times.before, at=times.at,
                    weekdays=tuple(d for d in days.weekdays if d not in not_weekdays),
                    not_weekdays=tuple(sorted(not_weekdays)), not_days=tuple(sorted(not_days)))


def _fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces: 'Après-midi' -> 'apres-midi'."""
    return " ".join(fold(str(text)).text.split())


FOLDED_WEEKDAYS = [_fold(w) for w in WEEKDAYS]
# Month words and their usual abbreviations ("14 oct.", "3 sept"), folded.
MONTH_WORDS = {**{_fold(m): i + 1 for i, m in enumerate(MONTHS)},
               "janv": 1, "jan": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "sep": 9,
               "oct": 10, "nov": 11, "dec": 12}
MONTH_PATTERN = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
DAY_NUMBER = r"(\d{1,2}|1er)"  # not "premier": « le premier » is rather the first slot offered
NOT_AN_HOUR = r"(?!\s*(?:h\b|h\d|heures?\b|:\d|/\d|-\d))"
DATE_WITH_MONTH = re.compile(rf"\b(\d{{1,2}}|1er|premier)\s+({MONTH_PATTERN})\b\.?(?:\s+(\d{{4}})\b)?")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?\b(?![.,/]?\d)")  # "9.30", "10-11" are times
WEEKDAY_WITH_NUMBER = re.compile(rf"\b({'|'.join(FOLDED_WEEKDAYS)})\s+{DAY_NUMBER}\b{NOT_AN_HOUR}")
BARE_DAY_NUMBER = re.compile(rf"\b(?:le|du|au)\s+{DAY_NUMBER}\b{NOT_AN_HOUR}")
HOUR = re.compile(r"\b(?:(avant|apres|a partir de|des|a|vers|pour|entre)\s+)?(\d{1,2})\s*(?:h(?=\d|\b)|heures?\b)"
                  r"(?:\s*(\d{2})\b)?")
HOUR_RANGE = re.compile(r"\b(?:(entre|de)\s+)?(\d{1,2})\s*(h\s*(\d{2})?)?\s*(-|a|et)\s*(\d{1,2})\s*"
                        r"(?:h(?=\d|\b)|heures?\b)(?:\s*(\d{2})\b)?")
# "dans 3 jours", "dans quinze jours", "dans vingt et un jours": up to four number words.
IN_SOME_TIME = re.compile(r"\bdans\s+(\d{1,3}|[a-z]+(?:[\s-][a-z]+){0,3}?)\s+(jours?|semaines?)\b")


def _count(words: str) -> Optional[int]:
    """'3' -> 3, 'quinze' -> 15, 'vingt et un' -> 21 (text2num); None for other words ("quelques")."""
    if words.isdigit():
        return int(words)
    try:
        return int(text2num(words, "fr"))
    except ValueError:
        return None


def _day_number(word: str) -> int:
    return 1 if word in ("1er", "premier") else int(word)


def _next_date(today: dt.date, number: int, month: Optional[int] = None,
               weekday: Optional[int] = None) -> Optional[dt.date]:
    """The first date on or after today with this day number (and month, and weekday when they fit)."""
    # With a weekday ("jeudi 14"), only the next three months: further, the weekday is likely a slip.
    for offset in range(0, 92 if weekday is not None else 3 * 366):
        candidate = today + dt.timedelta(days=offset)
        if candidate.day == number and month in (None, candidate.month) and weekday in (None, candidate.weekday()):
            return candidate
    return _next_date(today, number, month) if weekday is not None else None


def _date_or_none(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _explicit_day(folded: str, today: dt.date) -> Optional[dt.date]:
    """A calendar date named in the text: '14 octobre', '3/11', 'jeudi 14', 'le 14', 'demain'…"""
    match = DATE_WITH_MONTH.search(folded)
    if match:
        number, month = _day_number(match.group(1)), MONTH_WORDS[match.group(2)]
        if match.group(3):
            return _date_or_none(int(match.group(3)), month, number)
        return _next_date(today, number, month)
    match = ISO_DATE.search(folded)
    if match:
        return _date_or_none(*map(int, match.groups()))
    match = NUMERIC_DATE.search(folded)
    if match:
        number, month = int(match.group(1)), int(match.group(2))
        if match.group(3):
            year = int(match.group(3))
            return _date_or_none(year + 2000 if year < 100 else year, month, number)
        return _next_date(today, number, month) if 1 <= month <= 12 else None
    match = WEEKDAY_WITH_NUMBER.search(folded)
    if match:  # "jeudi 14": the next 14th that is a Thursday, else the next 14th
        return _next_date(today, _day_number(match.group(2)), weekday=FOLDED_WEEKDAYS.index(match.group(1)))
    if re.search(r"\bapres[ -]?demain\b", folded):
        return today + dt.timedelta(days=2)
    if re.search(r"\bdemain\b", folded):
        return today + dt.timedelta(days=1)
    if re.search(r"\baujourd'? ?hui\b|\bce matin\b|\bcet (?:apres[ -]?midi|aprem)\b|\bce soir\b", folded):
        return today
    match = BARE_DAY_NUMBER.search(folded)
    if match:
        return _next_date(today, _day_number(match.group(1)))
    return None


def _times(folded: str) -> Tuple[Optional[dt.time], Optional[dt.time]]:
    """(after, before) from '15 h', 'à partir de 14 h 30', 'avant 11 h', 'entre 10 et 11 h', '14h-16h'."""
    for span in HOUR_RANGE.finditer(folded):
        lead, first, first_h, first_min, separator, second, second_min = span.groups()
        if not (lead or first_h or separator == "-"):
            continue  # "le 3 à 15 h" is a day and an hour, not a range
        after, before = _time_or_none(first, first_min), _time_or_none(second, second_min)
        if after and before:
            return after, before
    after = before = None
    for word, hour, minute in HOUR.findall(folded):
        moment = _time_or_none(hour, minute)
        if moment is None:
            continue
        if word == "avant":
            before = before or moment
        elif after is None:
            after = moment
    return after, before


def _precise_time(folded: str) -> Optional[dt.time]:
    """The one time a message names as such (« jeudi 10h », « à 14 h 30 », « vers 9h »), not a
    bound (« à partir de 15 h », « avant 11 h ») nor a range."""
    if any(span.group(1) or span.group(3) or span.group(5) == "-" for span in HOUR_RANGE.finditer(folded)):
        return None
    found = HOUR.findall(folded)
    if len(found) != 1 or found[0][0] not in ("", "a", "vers", "pour"):
        return None
    return _time_or_none(found[0][1], found[0][2])


def _time_or_none(hour: str, minute: str) -> Optional[dt.time]:
    try:
        return dt.time(int(hour), int(minute or 0))
    except ValueError:
        return None


# --- what the user cannot do: « lundi je peux pas », « pas le lundi », « sauf mercredi » ---------
ARTICLE = r"(?:(?:le|la|les|l'|du|de|des|en|un|une|ce|cet|cette|au)\s*)?"
PART_WORDS = r"matin(?:ee)?s?|apres[ -]?midis?|aprem|apm"
MOMENT = (rf"(?:{'|'.join(FOLDED_WEEKDAYS)})s?(?:\s+{DAY_NUMBER}{NOT_AN_HOUR}(?:\s+(?:{MONTH_PATTERN})\b\.?)?)?"
          rf"(?:\s+{ARTICLE}(?:{PART_WORDS}))?"
          rf"|{DAY_NUMBER}{NOT_AN_HOUR}(?:\s+(?:{MONTH_PATTERN})\b\.?)?(?:\s+{ARTICLE}(?:{PART_WORDS}))?"
          rf"|(?:apres[ -]?)?demain(?:\s+{ARTICLE}(?:{PART_WORDS}))?|{PART_WORDS}")
# A comma alone ends the refusal: « pas lundi, mardi plutôt », « mardi aprem, lundi je peux pas ».
MOMENTS = rf"{ARTICLE}(?:{MOMENT})\b(?:\s*,?\s*(?:et|ou|ni)\s+{ARTICLE}(?:{MOMENT})\b)*"
# Before the moments: « pas le lundi », « sauf mercredi », « pas dispo jeudi », « je peux pas mardi ».
REFUSAL_BEFORE = re.compile(
    r"\b(?:(?:ne\s+)?(?:peux|pourrai|pourrais|suis|serai|serais|vais)\s+pas\s+(?:etre\s+)?(?:dispo\w*|libre|la|"
    r"present\w*|venir)?\s*|(?:surtout\s+|mais\s+)?pas\s+(?:dispo\w*\s+|libre\s+|possible\s+)?|sauf\s+|hors\s+|"
    r"excepte\s+|a l'exception d[eu']\s*|impossible\s+|indispo\w*\s+|jamais\s+|evite[rz]?\s+)"
    rf"(?P<moments>{MOMENTS})")
# After the moments: « lundi je peux pas », « mercredi c'est pas possible », « jeudi non ».
REFUSAL_AFTER = re.compile(
    rf"(?P<moments>{MOMENTS})\s*,?\s*(?:(?:moi|je|j'|c'est|c|ca|ce|n'est|ne|n'|me|m'|pour moi|par contre)\s*)*"
    r"(?:j?peux pas|j?pourrai pas|pourrais pas|pourra pas|nan\b|(?:suis|serai) (?:en reunion|pris|prise|occupee?|"
    r"absente?|en conges?|en deplacement|en formation|off)\b|suis pas (?:dispo\w*|libre|la)|serai pas (?:dispo\w*|libre|la)|"
    r"pas (?:possible|dispo\w*|libre|bon|top|ideal)|impossible|indispo\w*|complique|mort|exclu|non\b|"
    r"va pas|marche pas|(?:m')?arrange pas|convient pas)")


def _refusals(folded: str, today: dt.date) -> Tuple[str, List[int], List[dt.date], Optional[str]]:
    """(the text without the moments refused, the weekdays refused, the dates refused, the part
    of the day refused): « plutôt mardi aprem, lundi je peux pas » refuses Monday; « non MARDI »
    refuses nothing (the « non » corrects, it is said before the day)."""
    weekdays: List[int] = []
    days: List[dt.date] = []
    part = None
    kept = folded
    for pattern in (REFUSAL_BEFORE, REFUSAL_AFTER):
        for found in pattern.finditer(kept):
            moments = found.group("moments")
            for index, name in enumerate(FOLDED_WEEKDAYS):
                if re.search(rf"\b{name}s?\b", moments) and not re.search(rf"\b{name}s?\s+{DAY_NUMBER}\b", moments):
                    weekdays.append(index)
            for piece in re.split(r"\s*(?:,|\bet\b|\bou\b|\bni\b)\s*", moments):
                if re.search(r"\d|demain", piece):
                    date = _explicit_day(piece if re.search(r"demain|\b(?:le|du|au)\b", piece) else f"le {piece}",
                                         today)
                    if date:
                        days.append(date)
            if not re.search(rf"\d|demain|{'|'.join(FOLDED_WEEKDAYS)}", moments):
                part = "apres-midi" if re.search(r"apres|aprem|apm", moments) else "matin"
        kept = pattern.sub(lambda m: " " * len(m.group(0)), kept)
    return kept, weekdays, days, part


WEEK_SPANS = ((re.compile(r"\b(?:en |a la |la )?fin de (?:la )?semaine\b"), (3, 4)),
              (re.compile(r"\b(?:en |au )?debut de (?:la )?semaine\b"), (0, 1)),
              (re.compile(r"\b(?:en |au )?milieu de (?:la )?semaine\b"), (1, 2, 3)))


def parse_wish(text: str, now: dt.datetime, timezone: Optional[dt.tzinfo] = PARIS) -> Optional[Wish]:
    """The moment a French message asks for, or None when it names none.

    Understands, with or without accents: « plutôt mardi après-midi », « lundi », « demain matin »,
    « le 14 octobre », « le 1er déc. », « 3/11 », « jeudi 14 », « le 14 », « la semaine prochaine »,
    « mardi prochain », « dans deux semaines », « après-midi », « ce matin », « à partir de 15 h »,
    « avant 11 h », and a precise time, « jeudi 10h », « le 3 décembre à 9h », « 14h30 » (`at`).
    A date already past this year means next year's. Dates are local to `timezone`.
    """
    # a booking reference (« DN-K4H9PQ ») or an address is no moment, whatever digits it holds
    folded = _fold(ADDRESS_IN_TEXT.sub(" ", REFERENCE_IN_TEXT.sub(" ", str(text))))
    today = aware(now, "now").astimezone(timezone or PARIS).date()
    # « pas avant 15 h » is « à partir de 15 h », « pas après 16 h » « avant 16 h »
    folded = re.sub(r"\bpas avant\b", "a partir de", re.sub(r"\bpas apres (?=\d)", "avant ", folded))
    folded, not_weekdays, not_days, not_part = _refusals(folded, today)
    weekdays: Tuple[int, ...] = ()
    for span, days_of_span in WEEK_SPANS:
        if span.search(folded):
            weekdays = days_of_span
            folded = span.sub(" semaine", folded)  # « fin de semaine prochaine » is still next week
            break
    part = None
    if re.search(r"apres[ -]?midi|\baprem\b|\bapm\b|\bfin de journee\b|\bsoir\b", folded):
        part = "apres-midi"
    elif re.search(r"\bmatin|\bmatinee\b|\bdebut de journee\b|\bavant midi\b", folded):
        part = "matin"
    elif not_part:  # « le matin je peux pas »: the afternoon
        part = "apres-midi" if not_part == "matin" else "matin"
    day = _explicit_day(folded, today)
    weekday = not_before = None
    if day is None:
        named = [index for index, name in enumerate(FOLDED_WEEKDAYS) if re.search(rf"\b{name}s?\b", folded)]
        if len(named) == 1:
            weekday = named[0]
        elif named:  # « lundi ou mardi »: either
            weekdays = tuple(named)
    next_week = re.search(r"\bsemaine (?:prochaine|suivante|d'apres)\b|\bprochaine semaine\b", folded)
    later = IN_SOME_TIME.search(folded)
    amount = _count(later.group(1)) if later else None
    if weekday is not None and next_week:  # "mardi de la semaine prochaine": that date
        day, weekday = today + dt.timedelta(days=7 - today.weekday() + weekday), None
    elif weekday is not None and re.search(r"\bprochaine?\b", folded):  # "mardi prochain": the next one
        day, weekday = today + dt.timedelta(days=(weekday - today.weekday() - 1) % 7 + 1), None
    elif next_week:
        not_before = today + dt.timedelta(days=7 - today.weekday())  # next Monday
    elif amount:
        not_before = today + dt.timedelta(days=amount * (7 if later.group(2).startswith("semaine") else 1))
    elif re.search(r"\bplus tard\b|\bautre jour\b", folded) and day is None and weekday is None:
        not_before = today + dt.timedelta(days=2)
    at = _precise_time(folded)
    after, before = (None, None) if at else _times(folded)
    if after and before and after >= before:
        after = before = None
    if weekday is not None and weekday in not_weekdays:
        weekday = None
    weekdays = tuple(d for d in weekdays if d not in not_weekdays and weekday is None)
    wish = Wish(day, weekday, part, not_before, after, before, at, weekdays,
                tuple(sorted(set(not_weekdays))), tuple(sorted(set(not_days))))
    return wish if wish.to_dict() else None
