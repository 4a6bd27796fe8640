import datetime as dt

import pytest

from orientation.eligibility import Profile, evaluate, load_catalogue


@pytest.fixture(scope="session")
def catalogue():
    return load_catalogue()


@pytest.fixture
def result_for(catalogue):
    """result_for('ITN2', applicant_type=..., date='2021-06-15', ...) -> that call's CallResult."""
    def _result(code, date="2021-06-15", **fields):
        profile = Profile(date=dt.date.fromisoformat(date), **fields)
        results = {r.code: r for r in evaluate(profile, catalogue)}
        return results[code]
    return _result
