"""Load the catalogue of calls: one YAML file per call, validated against schema.yaml.

A wrong file fails at load time with the file name, the field and the reason, so a
mistake in the data never reaches a user as a wrong recommendation.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import jsonschema
import yaml

PACKAGE_DIR = Path(__file__).resolve().parent
CATALOGUE_DIR = PACKAGE_DIR / "catalogue"
SCHEMA_FILE = PACKAGE_DIR / "schema.yaml"
PROGRAMMES_FILE = "_programmes.yaml"  # beside the calls; files starting with "_" are not calls


# How a wording of the project's own is marked when said, by what it labels.
OWN_WORDING = {"carrier": "libellé de cet assistant", "title": "libellé de cet assistant",
               "how_to_apply": "synthèse de cet assistant à partir des sources"}


class CatalogueError(ValueError):
    """A catalogue file is invalid; the message names the file, the field and why."""

    def __init__(self, file: str, field_path: str, reason: str):
        self.file, self.field_path, self.reason = file, field_path, reason
        super().__init__(f"{file}: {field_path or '(racine)'}: {reason}")


@dataclass(frozen=True)
class Session:
    name: str
    opens: Optional[dt.date]
    closes: Optional[dt.date]
    rolling: bool
    dates_approximate: bool
    period_label: Optional[str]
    note: Optional[str]
    source: Dict[str, str]
    rules: Dict[str, Any]  # call rules with this session's blocks applied on top


@dataclass(frozen=True)
class Programme:
    """What a call belongs to, and when it ends: « France Relance », 31 December 2022."""
    key: str
    name: str
    ends: dt.date
    why: str  # « seules les dépenses engagées en 2021 et 2022 sont financées »
    source: Dict[str, str]


@dataclass(frozen=True)
class Call:
    code: str
    title: str
    summary: str
    carrier: str
    kind: str
    themes: Tuple[str, ...]
    sessions: Tuple[Session, ...]
    data: Dict[str, Any] = field(repr=False)  # the whole validated file, for explanations
    file: str = ""
    programme: Optional[Programme] = None

    @property
    def other_fund(self) -> Optional[Dict[str, Any]]:
        """{label, why}: a fund outside the programmes, presented after their calls (engine._rank_key)."""
        return self.data.get("other_fund")

    @property
    def short_title(self) -> str:
        return self.data.get("short_title") or self.title

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def worded(self, key: str, text: Optional[str] = None) -> str:
        """The call's carrier, title or how to apply as said to users: a wording of the project's own
        (`wording.<key>.own`) says it is one, since no source gives it."""
        text = text if text is not None else self.data[key]
        if "own" not in self.data.get("wording", {}).get(key, {}):
            return text
        return f"{text} ({OWN_WORDING[key]})"


class _Loader(yaml.SafeLoader):
    """YAML without implicit dates: « opens: 2021-13-01 » stays a string, so the schema's
    `format: date` check names the file and the field instead of PyYAML failing on its own."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    schema = yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8"))
    # Formats are only annotations unless a checker is given: with it, `format: date` is enforced.
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _field_path(error: jsonschema.ValidationError) -> str:
    return ".".join(str(part) for part in error.absolute_path)


def _date(value: Optional[str]) -> Optional[dt.date]:
    """A date the schema has checked (format: date), or None."""
    return dt.date.fromisoformat(value) if value else None


def _build_session(raw: Dict[str, Any], call_rules: Dict[str, Any], file: str, index: int) -> Session:
    path = f"sessions.{index}"
    opens, closes = _date(raw.get("opens")), _date(raw.get("closes"))
    rolling = bool(raw.get("rolling", False))
    if opens and closes and closes < opens:
        raise CatalogueError(file, path + ".closes", "la clôture précède l'ouverture")
    if rolling and closes:
        raise CatalogueError(file, path + ".closes", "une session au fil de l'eau n'a pas de date de clôture")
    if not (opens or closes or rolling):
        raise CatalogueError(file, path, "une session a besoin d'une date d'ouverture, de clôture ou de rolling: true")
    return Session(
        name=raw["name"],
        opens=opens,
        closes=closes,
        rolling=rolling,
        dates_approximate=bool(raw.get("dates_approximate", False)),
        period_label=raw.get("period_label"),
        note=raw.get("note"),
        source=raw["source"],
        rules={**call_rules, **raw.get("rules", {})},
    )


def _read(path: Path, validator: jsonschema.Draft202012Validator) -> Dict[str, Any]:
    """A YAML file checked against the schema; raises CatalogueError with the file and the field."""
    file = path.name
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        raise CatalogueError(file, "", f"YAML illisible : {exc}") from None
    if not isinstance(raw, dict):
        raise CatalogueError(file, "", "le fichier doit décrire un objet (clé: valeur)")
    errors = sorted(validator.iter_errors(raw), key=lambda e: list(e.absolute_path))
    if errors:
        best = jsonschema.exceptions.best_match(errors)
        raise CatalogueError(file, _field_path(best), best.message)
    return raw


@lru_cache(maxsize=1)
def _programmes_validator() -> jsonschema.Draft202012Validator:
    defs = _validator().schema["$defs"]
    schema = {"$defs": defs, "type": "object", "additionalProperties": {"$ref": "#/$defs/programme"}}
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def load_programmes(directory: Path) -> Dict[str, Programme]:
    """The programmes file of a catalogue directory, else the packaged one."""
    path = directory / PROGRAMMES_FILE
    raw = _read(path if path.exists() else CATALOGUE_DIR / PROGRAMMES_FILE, _programmes_validator())
    return {key: Programme(key, p["name"], dt.date.fromisoformat(p["ends"]), p["why"], p["source"])
            for key, p in raw.items()}


def _check_band(block: Optional[Dict[str, Any]], file: str, path: str) -> None:
    """An approximate or example threshold has its band below it, and only such a threshold has one."""
    if not block:
        return
    loose = block.get("approximate") or block.get("example")
    band = block.get("to_confirm_from")
    if loose and not band:
        raise CatalogueError(file, path, "un seuil approximatif ou donné en exemple demande « to_confirm_from » "
                                         "(à partir de quel chiffre l'éligibilité est à confirmer, et pourquoi)")
    if band and not loose:
        raise CatalogueError(file, path + ".to_confirm_from", "réservé à un seuil approximatif (approximate) "
                                                              "ou donné en exemple (example)")


def load_call(path: Path, programmes: Optional[Dict[str, Programme]] = None) -> Call:
    """Read, validate and build one call; raises CatalogueError."""
    file = path.name
    raw = _read(path, _validator())
    if programmes is None:
        programmes = load_programmes(path.parent)
    if raw.get("programme") and raw["programme"] not in programmes:
        raise CatalogueError(file, "programme", f"programme inconnu « {raw['programme']} » "
                                                f"(absent de {PROGRAMMES_FILE})")
    if raw.get("other_fund") and raw.get("programme"):
        raise CatalogueError(file, "other_fund", "réservé à un fonds hors programme (sans « programme »)")
    if raw["code"] != path.stem:
        raise CatalogueError(file, "code", f"le code {raw['code']} ne correspond pas au nom du fichier {path.stem}")
    rules = raw["rules"]
    sessions = tuple(_build_session(s, rules, file, i) for i, s in enumerate(raw["sessions"]))
    starts = [s.opens or s.closes for s in sessions]
    if starts != sorted(starts):
        raise CatalogueError(file, "sessions", "les sessions doivent être dans l'ordre chronologique")
    for i, session in enumerate(sessions):
        _check_band(session.rules.get("territory"), file, f"sessions.{i}.rules.territory")
        if "applicants" not in session.rules:
            raise CatalogueError(file, f"sessions.{i}.rules", "aucune règle « applicants » (qui peut candidater)")
        if "funding" not in session.rules:
            raise CatalogueError(file, f"sessions.{i}.rules", "aucune règle « funding » (taux de cofinancement)")
    return Call(
        code=raw["code"],
        title=raw["title"],
        summary=" ".join(raw["summary"].split()),
        carrier=raw["carrier"],
        kind=raw["kind"],
        themes=tuple(raw["themes"]),
        sessions=sessions,
        data=raw,
        file=file,
        programme=programmes.get(raw.get("programme", "")),
    )


class Catalogue:
    """All calls, by code, in a stable order (the order of their codes)."""

    def __init__(self, calls: List[Call]):
        self._calls = {call.code: call for call in sorted(calls, key=lambda c: c.code)}

    def __iter__(self) -> Iterator[Call]:
        return iter(self._calls.values())

    def __len__(self) -> int:
        return len(self._calls)

    def __contains__(self, code: object) -> bool:
        return code in self._calls

    @property
    def codes(self) -> List[str]:
        return list(self._calls)

    def get(self, code: str) -> Optional[Call]:
        return self._calls.get(normalise_code(code))


def normalise_code(code: str) -> str:
    """'snap 3', 'Snap-3', 'tnt coop' -> 'SNAP3', 'TNT-COOP' (the catalogue's spelling)."""
    text = "".join(str(code).upper().split())
    if text.startswith("TNT") and not text.startswith("TNT-"):
        return "TNT-" + text[3:].lstrip("-_")
    if text.startswith("FEDER") and not text.startswith("FEDER-"):
        return "FEDER-" + text[5:].lstrip("-_")
    if text.startswith(("ITN", "SNAP")):
        return text.replace("-", "").replace("_", "")
    return text


def load_catalogue(directory: Optional[Path] = None) -> Catalogue:
    """Load every *.yaml of the directory (the packaged catalogue by default)."""
    directory = Path(directory) if directory else CATALOGUE_DIR
    if directory == CATALOGUE_DIR:
        return _default_catalogue()
    return _load(directory)


def _load(directory: Path) -> Catalogue:
    files = sorted(p for p in directory.glob("*.yaml") if not p.name.startswith("_"))
    if not files:
        raise CatalogueError(str(directory), "", "aucun fichier d'appel (*.yaml)")
    programmes = load_programmes(directory)
    return Catalogue([load_call(path, programmes) for path in files])


@lru_cache(maxsize=1)
def _default_catalogue() -> Catalogue:
    return _load(CATALOGUE_DIR)
