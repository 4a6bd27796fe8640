"""The eligible base: a part of the budget a call leaves out of its base (« hors personnel »)
is taken off before the rate, and the reply says so."""
import datetime as dt

import pytest

from orientation.eligibility import Profile, ProfileError, evaluate, load_catalogue
from orientation.eligibility.funding import eligible_base, estimate
from tests.french import nb

HORS_PERSONNEL = {"rate": 0.5, "base_excludes": ["dépenses de personnel"], "base_excludes_kinds": ["personnel"]}


def test_the_excluded_part_is_taken_off_the_base_and_said():
    assert eligible_base(HORS_PERSONNEL, 800_000, {"personnel": 200_000}) == (600_000, [("personnel", 200_000)])
    funding = estimate(HORS_PERSONNEL, 800_000, {"personnel": 200_000, "maintenance": 50_000})
    assert funding.amount == 300_000
    assert funding.explanation == nb("50 % de 600 000 € (800 000 € moins 200 000 € de personnel), soit jusqu'à 300 000 €")


@pytest.mark.parametrize("funding, parts, base", [
    (HORS_PERSONNEL, {"maintenance": 50_000}, 800_000),              # maintenance is not excluded
    ({"rate": 0.75}, {"personnel": 200_000}, 800_000),                # a call with no exclusion
    (HORS_PERSONNEL, {"personnel": 900_000}, 800_000),                # a part larger than the budget is not its part
    (HORS_PERSONNEL, None, 800_000),
])
def test_what_is_not_excluded_stays_in_the_base(funding, parts, base):
    assert eligible_base(funding, 800_000, parts)[0] == base
    assert estimate(funding, 800_000, parts).amount == funding["rate"] * base


def test_both_exclusions_and_the_cap_apply_on_the_base():
    funding = {"rate": 0.5, "cap_eur": 250_000, "base_excludes_kinds": ["personnel", "materiel"]}
    result = estimate(funding, 1_000_000, {"personnel": 200_000, "materiel": 100_000})
    assert result.amount == 250_000 and result.capped
    assert result.explanation.startswith(nb("50 % de 700 000 € (1 000 000 € moins 200 000 € de personnel et "
                                         "100 000 € de matériel), soit 350 000 €, plafonné à 250 000 €"))


def test_the_engine_uses_the_base_for_the_calls_that_exclude_personnel_only():
    profile = Profile(applicant_type="region", budget=800_000, nature="donnees",
                      budget_parts={"personnel": 200_000}, date=dt.date(2021, 10, 15))
    amounts = {r.code: r.funding.amount for r in evaluate(profile)}
    assert amounts["TNT-DONNEES"] == 300_000 and amounts["TNT-DEMAT"] == 300_000   # 50 % hors personnel
    assert amounts["FEDER-NUM"] == 480_000                                         # 60 % of the whole budget


def test_the_catalogue_says_which_calls_exclude_what():
    kinds = {call.code: sorted({k for s in call.sessions for k in s.rules["funding"].get("base_excludes_kinds", [])})
             for call in load_catalogue()}
    assert {code: k for code, k in kinds.items() if k} == {
        "TNT-COOP": ["materiel", "personnel"], "TNT-DEMAT": ["personnel"], "TNT-DONNEES": ["materiel", "personnel"],
        # « 100 % du coût total du projet en titre 3 », the staff (titre 2) being the ministry's share
        "SNAP2A": ["personnel"], "SNAP2B": ["personnel"]}


def test_parts_are_checked_and_absent_from_the_json_when_none():
    with pytest.raises(ProfileError):
        Profile(budget=800_000, budget_parts={"salaires": 1})
    with pytest.raises(ProfileError):
        Profile(budget=800_000, budget_parts={"personnel": -5})
    assert "budget_parts" not in Profile(budget=800_000).to_dict()
    assert Profile(budget=800_000, budget_parts={"personnel": 2e5}).to_dict()["budget_parts"] == {"personnel": 200_000}
