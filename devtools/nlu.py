"""The held-out NLU set (tests/nlu/heldout.yml, written apart from data/) and its measure with
`rasa test nlu`: read by the NLU tests, scripts/nlu_report.py and scripts/bench_territories.py."""
from __future__ import annotations

import json
import os
import re
import subprocess
from collections import Counter
from pathlib import Path
from typing import Dict, List, Tuple

import yaml

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
MODEL = ROOT / "models" / "orientation.tar.gz"
OUT = ROOT / "results" / "nlu"
# Intents of the held-out sets that the assistant merged since they were written, with why. The sets
# stay as their authors labelled them; gold labels are mapped before scoring.
# « quels appels pour nous ? » (ask_recommendation) and a description (inform) led to the same form
# and recommendation (data/rules.yml): one intent, inform.
MERGED_INTENTS = {"ask_recommendation": "inform"}
EXTRACTOR_OF = {"budget": "AmountEntityExtractor", "population": "AmountEntityExtractor",
                "departement_count": "AmountEntityExtractor", "applicant_type": "LexiconEntityExtractor",
                "project_nature": "LexiconEntityExtractor", "call_code": "LexiconEntityExtractor",
                "call_aspect": "LexiconEntityExtractor"}


def merged(intent: str) -> str:
    return MERGED_INTENTS.get(intent, intent)


def mapped_heldout() -> Path:
    """heldout.yml with the gold intents of MERGED_INTENTS mapped, for `rasa test nlu`."""
    text = HELDOUT.read_text(encoding="utf-8")
    for old, new in MERGED_INTENTS.items():
        text = text.replace(f"- intent: {old}\n", f"- intent: {new}\n")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / HELDOUT.name).write_text(text, encoding="utf-8")
    return OUT / HELDOUT.name


def evaluate() -> Dict[str, float]:
    subprocess.run([str(ROOT / ".venv" / "bin" / "rasa"), "test", "nlu", "--nlu", str(mapped_heldout()), "--model",
                    str(MODEL), "--out", str(OUT)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    intents = json.loads((OUT / "intent_report.json").read_text())
    scores = {"intent macro-F1": intents["macro avg"]["f1-score"],
              "intent accuracy": intents["accuracy"]}
    for entity, extractor in EXTRACTOR_OF.items():
        report = OUT / f"{extractor}_report.json"
        data = json.loads(report.read_text()) if report.exists() else {}
        if entity in data:
            scores[f"entity F1 {entity}"] = data[entity]["f1-score"]
    scores["messages"] = sum(v["support"] for k, v in intents.items() if isinstance(v, dict) and k not in
                             ("macro avg", "weighted avg", "micro avg"))
    return scores


NUMERIC = ("budget", "population", "departement_count")
_ANNOTATION = re.compile(r"\[(?P<text>[^\]]+)\](?:\((?P<entity>[a-z_]+)(?::(?P<value>[^)]+))?\)|(?P<json>\{[^}]*\}))")


def canonical(entity: str, value) -> object:
    return round(float(value)) if entity in NUMERIC else str(value)


def parse(example: str) -> Tuple[str, Counter]:
    """The plain message and its annotated (entity, value) pairs."""
    expected: Counter = Counter()

    def plain(match: re.Match[str]) -> str:
        if match.group("json"):
            data = json.loads(match.group("json"))
            entity, value = data["entity"], data.get("value", match.group("text"))
        else:
            entity, value = match.group("entity"), match.group("value") or match.group("text")
        expected[(entity, canonical(entity, value))] += 1
        return match.group("text")

    return _ANNOTATION.sub(plain, example), expected


def heldout(path: Path = HELDOUT) -> List[Tuple[str, str, Counter]]:
    """(intent, message, expected values) for every message of a held-out set."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(block["intent"], *parse(line[2:].strip()))
            for block in data["nlu"] for line in block["examples"].splitlines() if line.startswith("- ")]


# --- the held-out sets as people text them -------------------------------------------------------
# Whole words (folded) and their SMS forms; longest first so that « s'il vous plait » wins over
# « vous ». Amounts lose their euro sign to « e » (« 40 000e », « 40ke »).
SMS_FORMS = {
    "je ne sais pas": "jsp", "s'il vous plait": "svp", "s'il te plait": "stp", "est-ce que": "est ce que",
    "il y a": "ya", "rendez-vous": "rdv", "aujourd'hui": "ajd", "maintenant": "mtn", "beaucoup": "bcp",
    "quelques": "qq", "quelque": "qq", "bonjour": "bjr", "nous sommes": "on est", "c'est": "c", "pour": "pr",
    "dans": "ds", "tout": "tt", "tous": "ts", "vous": "vs",
}
_SMS = re.compile(r"(?<![\w'])(" + "|".join(re.escape(k) for k in sorted(SMS_FORMS, key=len, reverse=True))
                  + r")(?![\w'])")


def texted(text: str) -> str:
    """A message as typed on a phone in a hurry: no accents, lower case, SMS forms, « e » for €."""
    from orientation.language.fold import fold

    text = fold(text).text.lower()
    text = _SMS.sub(lambda m: SMS_FORMS[m.group(1)], text)
    text = re.sub(r"(\d)\s*k€", r"\1ke", text)
    text = re.sub(r"(\d)\s*€", r"\1e", text)
    return re.sub(r"[.!]+$", "", text.strip())
