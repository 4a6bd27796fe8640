"""The questions shown to DINUM: personal data masked whatever the wording, similar questions together."""
import datetime as dt

import pytest

from orientation.statistics.questions import group_questions, known_values, mask
from orientation.statistics.report import PeriodError, parse_period

KNOWN = known_values(["Sophie Martin"], ["Mairie de Bordeaux"], ["sophie.martin@gironde.gouv.fr"])


@pytest.mark.parametrize("question, masked", [
    ("je m'appelle Marie Dupont, le personnel est-il financé ?", "je m'appelle [nom], le personnel est-il financé ?"),
    ("jm appelle marie dupont, c finance le personnel ?", "jm appelle [nom], c finance le personnel ?"),
    ("Bonjour, je suis Paul Durand : quel délai ?", "Bonjour, je suis [nom] : quel délai ?"),
    ("Mme Lefèvre peut-elle assister au rendez-vous ?", "Mme [nom] peut-elle assister au rendez-vous ?"),
    ("madame lefevre svp", "madame [nom] svp"),
    ("Quel délai ? Cordialement, Jean-Pierre Roux", "Quel délai ? Cordialement, [nom]"),
    ("écrivez à paul.durand@nord.gouv.fr svp", "écrivez à [adresse e-mail] svp"),
    ("rappelez moi au 06.12.34.56.78 ou +33 6 12 34 56 78", "rappelez moi au [téléphone] ou [téléphone]"),
    ("mon rdv dn 7k3p9q peut il etre deplace", "mon rdv [référence] peut il etre deplace"),
    ("envoyez au 3 bis avenue de la République, 44000 Nantes ?", "envoyez au [adresse] ?"),
    ("SOPHIE MARTIN de la Mairie de Bordeaux, un rdv ?", "[nom] de la [organisation], un rdv ?"),
    # a body named is an organisation, whoever booked
    ("je suis la DDT du Rhône, quel délai ?", "je suis la [organisation], quel délai ?"),
    ("la mairie de crest peut elle candidater", "la [organisation] peut elle candidater"),
    ("CHU de Rennes : le personnel est-il financé ?", "[organisation] : le personnel est-il financé ?"),
    ("on est la CC du Pays de Gex, c eligible ?", "on est [organisation], c eligible ?"),
])
def test_personal_data_is_masked_in_every_wording(question, masked):
    assert mask(question, KNOWN) == masked


@pytest.mark.parametrize("question", ["le projet couvre le Nord et le Pas-de-Calais", "Madame la maire peut-elle venir ?",
                                      "notre commune de 3000 habitants est-elle trop petite ?",
                                      "merci beaucoup, quel est le taux ?", "le projet couvre 12 communes"])
def test_places_roles_types_and_figures_are_not_masked(question):
    assert mask(question, KNOWN) == question


def test_similar_wordings_make_one_group_counted_by_conversation():
    groups = group_questions([["Peut-on financer du personnel ?", "peut on financer du personel ??"],
                              ["le personnel est il financé ?"], ["Les licences Office sont-elles finançables ?"],
                              ["licences office financables ?"]])
    by_text = {g.text: g for g in groups}
    personnel = [g for g in groups if "personnel" in g.text.lower()]
    assert len(personnel) == 1 and personnel[0].count == 2 and len(personnel[0].variants) == 2
    licences = [g for g in groups if "licences" in g.text.lower()]
    assert len(licences) == 1 and licences[0].count == 2
    assert len(by_text) == 2


def test_the_same_frame_about_another_thing_is_another_question():
    groups = group_questions([["Peut-on financer du personnel ?"], ["peut-on financer du matériel ?"],
                              ["on peut financer des serveurs ?"], ["quel est le délai de réponse ?"]])
    assert len(groups) == 4


TODAY = dt.date(2021, 10, 13)


def test_the_period_defaults_to_the_last_thirty_days():
    period = parse_period(None, None, TODAY)
    assert (period.first, period.last) == (dt.date(2021, 9, 14), TODAY) and len(period.days) == 30
    assert parse_period("2021-10-01", "", TODAY).last == TODAY
    assert parse_period("", "2021-09-30", TODAY).first == dt.date(2021, 9, 1)


@pytest.mark.parametrize("first, last, said", [
    ("13/10/2021", None, "La date de début « 13/10/2021 » n'est pas une date : saisissez-la au format AAAA-MM-JJ"),
    (None, "demain", "La date de fin « demain » n'est pas une date"),
    ("2021-10-13", "2021-10-01", "La date de début (13 octobre 2021) est après la date de fin (1er octobre 2021)"),
    ("2020-01-01", "2021-10-13", "La période demandée compte 652 jours : choisissez-en au plus 366"),
])
def test_a_wrong_period_is_refused_in_french(first, last, said):
    with pytest.raises(PeriodError) as refused:
        parse_period(first, last, TODAY)
    assert said in str(refused.value)
