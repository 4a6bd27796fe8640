"""The tests' reader of a « fiche projet » PDF: a booking reference whose capitals the font kerns
(« QJ ») is read by pypdf with a space inside; the tests still find it, and not a different one."""
from types import SimpleNamespace

from orientation.fiche.booked import booking_pdf
from tests.fiche.pdf_text import holds_word, pdf_text


def test_a_kerned_reference_is_found_in_the_sheet_and_another_is_not():
    booking = SimpleNamespace(name="Marie Dupont", organisation="DREAL Occitanie", reference="DN-QJ3438",
                              profile={"applicant_type": "service_deconcentre", "budget": 400000})
    text = pdf_text(booking_pdf(booking)[0])
    assert holds_word(text, "DN-QJ3438")
    assert not holds_word(text, "DN-QJ3439")
