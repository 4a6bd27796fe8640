"""No sentence shown to users states an end date of France Relance (contract §2).

The sources say « 2021-2022 » for the envelopes and, for SNAP3 and SNAP4, « Seules les dépenses
réalisées en 2021 et 2022 sont prises en compte »; none says when the programme ends. The date the
engine closes rolling calls at (`_programmes.yaml`) is the project's reading and is never said.
Every sentence a user may read is checked: the catalogue's texts, the domain's responses, and what
the engine and the replies compose for profiles before, at and after the end of 2022."""
import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from orientation.eligibility import Profile, evaluate
from orientation.eligibility.catalogue import CATALOGUE_DIR, PROGRAMMES_FILE
from orientation.replies.call_questions import call_info
from orientation.replies.cards import card
from orientation.replies.recommendation import recommendation

ROOT = Path(__file__).resolve().parents[2]
# Ways a sentence could give the programme an end: a date at the end of 2022, or « fin du programme ».
END_DATE = re.compile(r"31\s+décembre\s+2022|31/12/2022|2022-12-31|fin\s+(du\s+programme|de\s+France\s+Relance)"
                      r"|(a\s+pris|prend|prendra)\s+fin|programme\s+\S+\s+\S*\s*(se\s+termine|s'achève)"
                      r"|France\s+Relance\s+(se\s+termine|s'achève|est\s+terminé)", re.IGNORECASE)

REFERENCE_DATE = re.compile(r"Date de référence : [^.]*\.")


def _strings(node, skip=("quote", "file", "url")):
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in skip:
                yield from _strings(value, skip)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value, skip)
    elif isinstance(node, str):
        yield node


def _said(messages):
    for message in messages:
        yield message.get("text", "")
        for data in message.get("custom", {}).get("cards", []):
            yield from _strings(data)


def test_the_pattern_catches_the_old_wording():
    assert END_DATE.search("le programme France Relance a pris fin le 31 décembre 2022")
    assert END_DATE.search("clos depuis le 31 décembre 2022, fin du programme France Relance")
    assert not END_DATE.search("clos : enveloppes prévues pour 2021-2022 ; aucune session postérieure n'est publiée")


def test_no_catalogue_text_states_an_end_date():
    texts = [(path.name, text) for path in sorted(CATALOGUE_DIR.glob("*.yaml"))
             for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8")), skip=("quote", "file", "url", "ends"))]
    assert any(name == PROGRAMMES_FILE for name, _ in texts)
    assert [(name, text) for name, text in texts if END_DATE.search(text)] == []


def test_no_response_of_the_domain_states_an_end_date():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert [text for text in _strings(domain.get("responses", {})) if END_DATE.search(text)] == []


@pytest.mark.parametrize("day", ["2022-06-15", "2022-12-31", "2023-01-01", "2024-05-02"])
@pytest.mark.parametrize("fields", [
    dict(applicant_type="administration_centrale", budget=400_000, nature="donnees"),
    dict(applicant_type="service_deconcentre", budget=600_000, nature="terminaux"),
    dict(applicant_type="commune", population=600_000, budget=400_000, nature="cooperation_usagers"),
    dict(applicant_type="operateur_etat"),
])
def test_no_reply_states_an_end_date(day, fields):
    profile = Profile(date=dt.date.fromisoformat(day), **fields)
    results = evaluate(profile)
    said = list(_said(recommendation(profile, results)))
    for result in results:
        said += [result.status_text, result.calendar, *result.reasons, *result.conditions, *result.conditions_to_meet]
        if result.recommended:  # cards are drawn for recommended calls only
            said += list(_strings(card(result)))
        said += [call_info(result, aspect) for aspect in (None, "details", "dates", "engagements", "candidature")]
    # the reference date a reply recalls (« Date de référence : 31 décembre 2022. ») is not an end date
    said = [REFERENCE_DATE.sub("", text) for text in said]
    assert [text for text in said if END_DATE.search(text)] == []


def test_the_closing_of_rolling_calls_is_still_applied(catalogue):
    """The project's reading stays in the engine: after 2022 no France Relance call is shown open."""
    results = evaluate(Profile(applicant_type="administration_centrale", date=dt.date(2023, 1, 1)), catalogue)
    assert {r.code for r in results if r.status != "closed"} == {"FEDER-NUM"}
