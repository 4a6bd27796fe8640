"""A seeded conversations' database, on SQLite and on PostgreSQL (tests/booking/conftest.py's
database_url: a fresh file, or a new schema of ORIENTATION_TEST_DATABASE_URL)."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from devtools.conversation_seed import Seed, save_conversations
from tests.booking.conftest import database_url  # noqa: F401  (the fixture, SQLite and PostgreSQL)

PARIS = ZoneInfo("Europe/Paris")
FIRST, LAST = dt.date(2021, 10, 11), dt.date(2021, 10, 17)  # a Monday to Sunday


def at(day, hour, minute=0):
    """A Paris time in October 2021."""
    return dt.datetime(2021, 10, day, hour, minute, tzinfo=PARIS)


def rennes_commune(day, hour, **changes):
    """A mairie de Rennes with a citizens' cooperation project, recommended TNT-COOP (éligible)."""
    seed = dict(start=at(day, hour), applicant_type="commune", theme="cooperation_usagers", budget=400000.0,
                population=350000.0, territory=["commune:35238"], recommended=["TNT-COOP", "FEDER-NUM", "TNT-INCUB"])
    seed.update(changes)
    return Seed(**seed)


# The week seeded, and what each figure must be:
# - 6 communes of Rennes (Bretagne), complete profile, recommendation (TNT-COOP éligible): 3 book;
# - 2 communes without population nor place: TNT-COOP « à confirmer »; questions left unanswered; one
#   moves a booking made in another conversation (a move is no new booking);
# - 1 DDT (service déconcentré) of the Haute-Garonne (Occitanie), no budget: no complete profile,
#   still a recommendation;
# - 1 conversation that only said hello, at 23:30 on Sunday (Paris): counted on Sunday 17;
# - 1 conversation restarted after its type and theme: they are forgotten.
# Outside the period: a conversation on the 10th and one on the 18th (Paris time: 00:10).
SEEDS = [
    *[rennes_commune(12, 9 + n) for n in range(3)],
    rennes_commune(13, 10, booked=True),
    rennes_commune(13, 11, booked=True),
    rennes_commune(14, 10, booked=True, unanswered=["Peut-on financer du personnel ?"]),
    rennes_commune(14, 15, population=None, territory=[], recommended=["TNT-COOP", "FEDER-NUM", "TNT-INCUB"],
                   unanswered=["je m'appelle Marie Dupont, écrivez-moi à marie.dupont@rennes.fr : le personnel "
                               "est-il financé ?", "Les licences Office sont elles finançables ?"],
                   answered=["quel est le taux ?"]),
    rennes_commune(15, 9, population=None, territory=[], recommended=["TNT-COOP"],
                   unanswered=["peut on financer du personel ??"], moved=True),
    Seed(at(15, 10), applicant_type="service_deconcentre", theme="donnees", territory=["departement:31"],
         recommended=["ITN5"], unanswered=["Rappelez-moi au 06 12 34 56 78, réf DN-7K3P9Q"]),
    Seed(at(17, 23, 30)),
    Seed(at(16, 10), applicant_type="commune", theme="donnees", restarted=True, recommended=[]),
    Seed(at(10, 12), applicant_type="region", theme="donnees", budget=100000.0, recommended=[], booked=True),
    Seed(dt.datetime(2021, 10, 18, 0, 10, tzinfo=PARIS), applicant_type="region", booked=True),
]


@pytest.fixture
def seeded(database_url):  # noqa: F811  (the imported fixture, used by name)
    save_conversations(database_url, SEEDS)
    engine = sa.create_engine(database_url)
    yield engine
    engine.dispose()
