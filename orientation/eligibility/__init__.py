"""Embedded eligibility module: which France Relance calls fit a profile, and why.

    from orientation.eligibility import Profile, evaluate
    results = evaluate(Profile(applicant_type="commune", population=350_000, budget=400_000))
"""
from .catalogue import Call, Catalogue, CatalogueError, load_catalogue, normalise_code
from .engine import ELIGIBLE, INELIGIBLE, TO_CONFIRM, CallResult, evaluate, recommend
from .profile import Profile, ProfileError, reference_date

__all__ = ["Call", "Catalogue", "CatalogueError", "load_catalogue", "normalise_code", "ELIGIBLE",
           "INELIGIBLE", "TO_CONFIRM", "CallResult", "evaluate", "recommend", "Profile", "ProfileError",
           "reference_date"]
