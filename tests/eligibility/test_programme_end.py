"""A call with no closing date of its own ends with its programme (contract §2): the France
Relance envelopes are « 2021-2022 », so after 31 December 2022 such a call is closed, and says why."""
import datetime as dt
import re

import pytest
import yaml

from orientation.eligibility import CatalogueError, load_catalogue
from orientation.eligibility.catalogue import CATALOGUE_DIR, PROGRAMMES_FILE, load_call, load_programmes
from orientation.eligibility.sessions import CLOSED, ROLLING
from orientation.eligibility.sources import quote_in_text

FRANCE_RELANCE_END = dt.date(2022, 12, 31)


@pytest.mark.parametrize("code", ["ITN1", "ITN5", "ITN8A", "SNAP1", "SNAP3"])
def test_a_rolling_call_is_open_until_the_programme_ends(result_for, code):
    assert result_for(code, date="2022-12-31", applicant_type="service_deconcentre").status == ROLLING
    after = result_for(code, date="2023-01-01", applicant_type="service_deconcentre")
    assert after.status == CLOSED
    assert after.status_text == "clos : enveloppes prévues pour 2021-2022 ; aucune session postérieure n'est publiée"


def test_a_call_closed_by_its_own_date_keeps_that_date(result_for):
    result = result_for("TNT-COOP", date="2023-06-01", applicant_type="commune", population=400_000)
    assert result.status == CLOSED
    assert result.status_text == "clôturé le 22 novembre 2021"


def test_a_call_outside_france_relance_is_not_ended_by_it(result_for):
    assert result_for("FEDER-NUM", date="2026-11-25", applicant_type="commune").status == ROLLING


def test_every_call_but_the_european_fund_belongs_to_france_relance(catalogue):
    assert {c.code for c in catalogue if c.programme is None} == {"FEDER-NUM"}
    assert {c.programme.ends for c in catalogue if c.programme} == {FRANCE_RELANCE_END}


def test_the_end_is_the_last_day_of_the_last_year_its_quote_names(catalogue):
    programme = load_programmes(CATALOGUE_DIR)["france_relance"]
    years = [int(y) for y in re.findall(r"\b20\d\d\b", programme.source["quote"])]
    assert programme.ends == dt.date(max(years), 12, 31)


def test_the_programme_quote_is_in_its_source_file(seeds):
    programme = load_programmes(CATALOGUE_DIR)["france_relance"]
    text = (seeds / programme.source["file"]).read_text(encoding="utf-8")
    assert quote_in_text(programme.source["quote"], text)


def test_an_unknown_programme_is_refused_with_the_file_and_the_field(tmp_path):
    data = yaml.safe_load((CATALOGUE_DIR / "ITN1.yaml").read_text(encoding="utf-8"))
    data["programme"] = "plan_marshall"
    path = tmp_path / "ITN1.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CatalogueError, match="ITN1.yaml: programme: programme inconnu « plan_marshall »"):
        load_call(path)


def test_a_programmes_file_is_checked_against_the_schema(tmp_path):
    (tmp_path / PROGRAMMES_FILE).write_text("france_relance:\n  name: France Relance\n  ends: '2022-13-31'\n"
                                            "  why: seules les dépenses de 2021 et 2022\n  source: {file: 003_0babef74134a46ec.txt, quote: x}\n",
                                            encoding="utf-8")
    with pytest.raises(CatalogueError, match="_programmes.yaml: france_relance.ends"):
        load_programmes(tmp_path)


def test_the_programmes_file_is_not_read_as_a_call():
    assert "_PROGRAMMES" not in load_catalogue().codes and len(load_catalogue()) == 21
