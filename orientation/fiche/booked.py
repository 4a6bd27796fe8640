"""The « fiche projet » of a booking: the profile the booking stored, evaluated at the reference
date as the bot does, with the booking's name, organisation and reference. For the confirmation
e-mail (actions/booking_services.py) and the advisors' agenda, which have no conversation at hand."""
from __future__ import annotations

from typing import Any, Tuple

from orientation.eligibility import evaluate
from orientation.eligibility.profile import profile_from_slots

from .content import build_fiche
from .render import filename, pdf


def booking_pdf(booking: Any) -> Tuple[bytes, str]:
    """(the PDF, its file name) for a booking (orientation.booking.store.Booking)."""
    profile = profile_from_slots(booking.profile or {})
    person = {"name": booking.name, "organisation": booking.organisation, "reference": booking.reference}
    return pdf(build_fiche(profile, evaluate(profile), person=person)), filename(profile.date)
