"""Each figure of the statistics on a seeded database (SQLite and PostgreSQL): the path, the
breakdowns with « < 5 », the calls by verdict, the bookings per week, the days, the questions."""
import csv
import datetime as dt
import io

import pytest

from orientation.language.french import NBSP
from orientation.statistics.conversations import read_conversations
from orientation.statistics.report import Period, Statistics, build_report, csv_columns, report_csv
from tests.statistics.conftest import FIRST, LAST, PARIS, SEEDS

NOW = dt.datetime(2021, 10, 18, 8, 0, tzinfo=dt.timezone.utc)


def report_of(engine, first=FIRST, last=LAST):
    return build_report(read_conversations(engine, first, last, PARIS), Period(first, last), NOW)


def rows(found):
    return {row.label: row.shown for row in found}


def test_the_path_of_a_conversation_counts_each_step_among_those_of_the_step_before(seeded):
    funnel = report_of(seeded).funnel
    assert [(s.label, s.count) for s in funnel] == [
        ("Conversations ouvertes", 11), ("Profil complet", 8), ("Recommandation donnée", 8), ("Rendez-vous pris", 3)]
    assert [s.of_previous for s in funnel] == ["—", f"72,7{NBSP}%", f"100{NBSP}%", f"37,5{NBSP}%"]
    assert [s.of_opened for s in funnel] == ["—", f"72,7{NBSP}%", f"72,7{NBSP}%", f"27,3{NBSP}%"]


def test_breakdowns_show_under_five_conversations_as_less_than_five(seeded):
    report = report_of(seeded)
    assert rows(report.by_type) == {"Commune": "8", "Service déconcentré de l'État": "< 5", "Non renseigné": "< 5"}
    assert rows(report.by_theme) == {"Coopération avec les partenaires et les usagers": "8",
                                     "Données (open data, API, échange, data science, IA, archivage, tableaux de bord)":
                                     "< 5", "Non renseigné": "< 5"}
    # Rennes is in Bretagne, the Haute-Garonne in Occitanie; no place said: « Non renseignée »
    assert rows(report.by_region) == {"Bretagne": "6", "Non renseignée": "< 5", "Occitanie": "< 5"}


def test_a_restart_forgets_the_profile_said_before_it(seeded):
    [restarted] = [c for c in read_conversations(seeded, FIRST, LAST, PARIS) if c.day == dt.date(2021, 10, 16)]
    assert (restarted.applicant_type, restarted.theme, restarted.profile_complete) == (None, None, False)
    assert restarted.recommended


def test_calls_are_counted_by_verdict_separately(seeded):
    calls = {c.code: (c.eligible, c.to_confirm) for c in report_of(seeded).calls}
    assert calls["TNT-COOP"] == (6, 2)  # no population: the 300 000 inhabitants are to confirm
    assert calls["FEDER-NUM"] == (7, 0)
    assert sum(calls["ITN5"]) == 1
    assert set(calls) == {"TNT-COOP", "FEDER-NUM", "TNT-INCUB", "ITN5"}


def test_bookings_per_week_count_new_bookings_not_moves_nor_other_periods(seeded):
    report = report_of(seeded)
    assert [(w.label, w.count) for w in report.weeks] == [("semaine du 11 octobre 2021", 3)]
    two_weeks = report_of(seeded, dt.date(2021, 10, 4), dt.date(2021, 10, 18))
    assert [w.count for w in two_weeks.weeks] == [1, 3, 1]  # the 10th (a Sunday) and the 18th at 00:10 Paris


def test_a_conversation_counts_on_the_day_of_its_first_message_in_paris(seeded):
    days = {d.day.day: len(d.conversations) for d in report_of(seeded).days}
    assert days == {11: 0, 12: 3, 13: 2, 14: 2, 15: 2, 16: 1, 17: 1}  # 23:30 on the 17th is 21:30 UTC: still the 17th


def test_unanswered_questions_are_grouped_and_masked(seeded):
    groups = report_of(seeded).questions
    shown = [g.text for g in groups] + [v for g in groups for v in g.variants]
    text = " ".join(shown)
    assert "Marie" not in text and "Dupont" not in text and "marie.dupont" not in text
    assert "06 12" not in text and "7K3P9Q" not in text
    assert "[adresse e-mail]" in text and "[téléphone]" in text and "[référence]" in text and "[nom]" in text
    assert "quel est le taux ?" not in text  # answered
    personnel = [g for g in groups if "Peut-on financer du personnel ?" in (g.text, *g.variants)]
    assert personnel and "peut on financer du personel ??" in (personnel[0].text, *personnel[0].variants)
    assert personnel[0].count >= 2
    assert not any("licences" in g.text and "personnel" in " ".join(g.variants) for g in groups)


def test_the_csv_has_one_row_per_day_totals_breakdowns_and_masked_questions(seeded):
    report = report_of(seeded)
    text = report_csv(report)
    table = list(csv.DictReader(io.StringIO(text)))
    assert list(table[0]) == csv_columns()
    assert csv_columns()[:5] == ["jour", "conversations", "profils_complets", "recommandations", "rendez_vous"]
    assert [r["jour"] for r in table] == [f"2021-10-{d}" for d in range(11, 18)]
    by_day = {r["jour"]: r for r in table}
    assert [by_day["2021-10-13"][k] for k in ("conversations", "recommandations", "rendez_vous")] == ["2", "2", "2"]
    assert by_day["2021-10-11"]["conversations"] == "0" and by_day["2021-10-11"]["type_commune"] == "0"
    assert by_day["2021-10-12"]["type_commune"] == "< 5"  # a breakdown cell of 3
    assert by_day["2021-10-12"]["appel_TNT-COOP"] == "< 5"
    assert "[adresse e-mail]" in by_day["2021-10-14"]["questions_sans_reponse"]
    for personal in ("Marie", "Dupont", "marie.dupont@rennes.fr", "06 12 34 56 78", "DN-7K3P9Q", "sophie.martin"):
        assert personal not in text


def test_the_cache_keeps_a_period_for_its_time_to_live(seeded):
    ticks = [0.0]
    statistics = Statistics(seeded, PARIS, ttl=300, clock=lambda: NOW, monotonic=lambda: ticks[0])
    first = statistics.report(Period(FIRST, LAST))
    from devtools.conversation_seed import save_conversations
    save_conversations(str(seeded.url.render_as_string(hide_password=False)), SEEDS[:1], first_id=100)
    ticks[0] = 299.0
    assert statistics.report(Period(FIRST, LAST)) is first
    ticks[0] = 300.0
    again = statistics.report(Period(FIRST, LAST))
    assert again.opened == first.opened + 1


@pytest.mark.parametrize("first, last", [(dt.date(2021, 9, 1), dt.date(2021, 9, 30))])
def test_a_period_without_conversation_has_zeros_and_no_division_by_zero(seeded, first, last):
    report = report_of(seeded, first, last)
    assert [s.count for s in report.funnel] == [0, 0, 0, 0] and report.funnel[1].of_previous == "—"
    assert report.by_type == [] and report.questions == [] and len(report.days) == 30


def test_the_slots_holding_a_booking_s_personal_data_are_not_even_read(seeded):
    import sqlalchemy as sa

    from orientation.statistics.conversations import _rows
    with seeded.connect() as connection:
        stored = " ".join(connection.execute(sa.text("SELECT data FROM events")).scalars())
    assert "sophie.martin@rennes.fr" in stored  # the seeded bookings' booking_email slot
    read = " ".join(row[-1] or "" for row in _rows(seeded, FIRST, LAST, PARIS))  # the data column
    assert "booking_reference" in read and "sophie.martin" not in read
