"""The « Statistiques » page and /statistiques.csv behind the advisors' login: the figures of the
seeded week, « < 5 », no personal data, the period in French, the chart's files served locally."""
import csv
import io
import re

from devtools.conversation_seed import Seed, save_conversations
from tests.advisors_web.conftest import at
from tests.statistics.conftest import SEEDS

WEEK = "?du=2021-10-11&au=2021-10-17"


def seeded(agenda):
    """The statistics tests' week in the agenda's database, with a booking whose name, organisation
    and e-mail a question repeats."""
    booking = agenda.book(at(14, 10), name="Sophie Martin", email="sophie.martin@gironde.gouv.fr",
                          organisation="Mairie de Bordeaux")
    save_conversations(agenda.store.engine.url.render_as_string(hide_password=False), [
        *SEEDS, Seed(at(12, 16), unanswered=["sophie martin de la mairie de bordeaux : on peut avoir un rdv "
                                             "au 12 rue Sainte-Catherine, 33000 Bordeaux ?"])])
    return booking


def cells(html, caption):
    """{row header: [cells]} of the table whose caption starts with `caption`."""
    table = re.search(rf"<caption[^>]*>{re.escape(caption)}.*?</table>", html, re.S).group(0)
    return {m.group(1).strip(): re.findall(r"<td>([^<]*)</td>", m.group(2))
            for m in re.finditer(r'<th scope="row">([^<]*)</th>(.*?)</tr>', table, re.S)}


def test_both_need_the_login(agenda):
    import requests
    page = requests.get(agenda.url + "/statistiques" + WEEK, allow_redirects=False)
    assert page.status_code == 303 and page.headers["Location"].startswith("/connexion?suite=/statistiques")
    assert requests.get(agenda.url + "/statistiques.csv" + WEEK).status_code == 401
    assert requests.get(agenda.url + "/dsfr-chart/DSFRChart.js").status_code == 200  # a file, public like the DSFR


def test_the_agenda_s_menu_leads_to_the_statistics(agenda):
    session = agenda.login()
    day = session.get(agenda.url + "/jour").text
    assert '<a class="fr-nav__link" href="/statistiques">Statistiques</a>' in day
    page = session.get(agenda.url + "/statistiques").text
    assert '<a class="fr-nav__link" href="/statistiques" aria-current="page">Statistiques</a>' in page
    # the last 30 days up to the agenda's today (13 October 2021) by default
    assert 'value="2021-09-14"' in page and 'value="2021-10-13"' in page


def test_the_page_gives_each_figure_with_its_table(agenda):
    booking = seeded(agenda)
    page = agenda.login().get(agenda.url + "/statistiques" + WEEK).text
    assert cells(page, "Parcours")["Conversations ouvertes"][0] == "12"
    assert cells(page, "Parcours")["Rendez-vous pris"] == ["3", "37,5\u00a0%", "25\u00a0%"]
    assert cells(page, "Par type de demandeur") == {"Commune": ["8"], "Non renseigné": ["&lt; 5"],
                                                    "Service déconcentré de l&#39;État": ["&lt; 5"]}
    assert cells(page, "Par région")["Bretagne"] == ["6"]
    assert cells(page, "Appels recommandés")["TNT-COOP"] == ["6", "&lt; 5"]
    assert cells(page, "Rendez-vous pris par semaine") == {"Semaine du 11 octobre 2021": ["3"]}
    assert page.count("<bar-chart") == 6 and page.count("<caption") == 7
    for personal in ("Sophie", "sophie", "Bordeaux", "bordeaux", "Marie", "Dupont", "Sainte-Catherine",
                     "06 12 34 56 78", "7K3P9Q", booking.reference):
        assert personal not in page, personal
    assert "[nom] de la [organisation] : on peut avoir un rdv au [adresse] ?" in page


def test_a_wrong_period_is_said_in_french(agenda):
    session = agenda.login()
    for query, said in (("?du=2021-13-01", "La date de début « 2021-13-01 » n&#39;est pas une date"),
                        ("?du=2021-10-15&au=2021-10-01", "La date de début (15 octobre 2021) est après la date de fin"),
                        ("?du=2019-01-01&au=2021-10-01", "choisissez-en au plus 366")):
        page = session.get(agenda.url + "/statistiques" + query)
        assert page.status_code == 400 and said in page.text and 'role="alert"' in page.text
    assert session.get(agenda.url + "/statistiques.csv?au=hier").status_code == 400


def test_the_csv_is_utf8_one_row_per_day_with_less_than_five_and_no_personal_data(agenda):
    booking = seeded(agenda)
    response = agenda.login().get(agenda.url + "/statistiques.csv" + WEEK)
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="statistiques-2021-10-11-2021-10-17.csv"' in response.headers["Content-Disposition"]
    text = response.content.decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["jour"] for r in rows] == [f"2021-10-{d}" for d in range(11, 18)]
    assert {k: rows[2][k] for k in ("conversations", "recommandations", "rendez_vous", "type_commune")} == {
        "conversations": "2", "recommandations": "2", "rendez_vous": "2", "type_commune": "< 5"}
    assert "[organisation]" in rows[1]["questions_sans_reponse"]
    for personal in ("Sophie", "sophie", "Bordeaux", "bordeaux", "Marie", "marie.dupont", "06 12", booking.reference):
        assert personal not in text, personal
