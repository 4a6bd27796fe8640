"""Six situations real users met, replayed end to end with the users' own phrases (the profile
side: amounts, corrections, what-ifs, side questions, plain words). The booking steps are left to
the booking tests; each conversation ends with a booked slot (its stored summary checked against the
profile the user confirmed) or a clean exit.

Expected calls and amounts come from the engine at the servers' reference date, e.g.
    python -m orientation.eligibility --applicant-type service_deconcentre --population 1623749 \
        --departements 1 --budget 456000 --nature relation_usagers --date 2021-10-15 --format json
(the Région's figure on the base without personnel: tests/eligibility/test_funding_base.py)."""
from orientation.booking.store import BookingStore
from orientation.replies.side_questions import NO_ANSWER
from tests.conversations.context_helpers import REFERENCE, offered, slots_of
from tests.french import nb


def slots(chat, database_url, *names):
    values = slots_of(database_url, chat.sender)
    return {name: values.get(name) for name in names}


def book_first_slot(chat, database_url, name_and_organisation, email):
    """From the slots offered to the confirmation, the name and organisation in one answer."""
    chat.say(f'/inform{{"booking_slot": "{offered(chat)[0].isoformat()}"}}')
    assert "adresse électronique" in chat.say(name_and_organisation)  # the organisation is not asked again
    chat.say(email)
    confirmation = chat.say("/affirm")
    return BookingStore(database_url).find(REFERENCE.search(confirmation).group(0), email)


def test_the_ministry_dsi(chat, database_url):
    answer = chat.say("Bonjour, je suis le DSI du ministère de l'Agriculture. On voudrait moderniser nos outils : "
                      "messagerie instantanée et visio pour nos agents, budget 2,5 M€")
    assert "SNAP4 — Services de communication unifiée" in answer
    # both caps of « 3 millions d'euros par dossier et au total à 8 millions par projet »
    assert nb("75 % de 2 500 000 €, soit jusqu'à 1 875 000 € (plafond 3 000 000 € par dossier ; 8 000 000 € au "
              "total par projet, sur des dossiers successifs (toutes phases confondues))") in answer
    answer = chat.say("et snap4 ça couvre quoi par rapport à snap3 ? on veut aussi la visio")
    assert "Comparaison" in answer and "SNAP3 — Terminaux numériques sécurisés" in answer
    assert slots(chat, database_url, "applicant_type", "project_nature", "budget") == {
        "applicant_type": "administration_centrale", "project_nature": "travail_collaboratif", "budget": 2_500_000.0}
    answer = chat.say("les licences Windows/Office c'est financé ?")
    assert "Les licences de produits extra-européens sont hors périmètre ; leur intégration peut en revanche être financée" \
        in answer
    assert "Votre profil" not in answer
    assert "Au revoir" in chat.say("merci, au revoir")


def test_the_secretary_of_a_small_commune(chat, database_url):
    chat.say("Bonjour, je suis secrétaire de mairie dans une commune de 1 200 habitants, on voudrait mettre nos "
             "démarches en ligne, on a 15 000 €")
    assert slots(chat, database_url, "applicant_type", "population", "budget", "project_nature") == {
        "applicant_type": "commune", "population": 1200.0, "budget": 15_000.0, "project_nature": "demarches_en_ligne"}
    answer = chat.say("je comprends rien à ces codes, en gros on a droit à rien ?")
    assert answer.startswith("En clair : aujourd'hui, aucun appel ne correspond à la fois à votre structure et à "
                             "votre projet.")
    assert "regroupant" in answer
    assert any(b["payload"] == "/ask_appointment" for b in chat.buttons)
    answer = chat.say("je peux parler à quelqu'un au tel ?")
    assert "Le conseiller recevra ce résumé" in answer and nb("1 200 habitants, projet de 15 000 € TTC") in answer
    booking = book_first_slot(chat, database_url, "Martine Leroy, mairie de Saint-Aubin", "secretariat@saint-aubin.fr")
    assert (booking.name, booking.organisation) == ("Martine Leroy", "mairie de Saint-Aubin")
    assert nb("1 200 habitants") in booking.summary and nb("15 000 € TTC") in booking.summary


def test_the_regions_data_lead(chat, database_url):
    answer = chat.say("Bonjour, je suis responsable de la donnée au conseil régional de Bretagne. On veut ouvrir nos "
                      "données et publier des API, budget autour de 800k … dans les 800k y a ~200k de salaires internes")
    assert slots(chat, database_url, "budget", "budget_parts") == {"budget": 800_000.0,
                                                                    "budget_parts": {"personnel": 200_000.0}}
    assert "FEDER-NUM" in answer and nb("60 % de 800 000 €, soit jusqu'à 480 000 €") in answer
    assert nb("50 % de 600 000 € (800 000 € moins 200 000 € de personnel), soit jusqu'à 300 000 €") in answer  # TNT-DONNEES
    answer = chat.say("non non le budget total reste 800k !! les 200k c juste la part salaires")
    assert nb("C'est noté : le budget reste 800 000 € TTC.") in answer
    assert slots(chat, database_url, "budget", "budget_parts") == {"budget": 800_000.0,
                                                                    "budget_parts": {"personnel": 200_000.0}}
    answer = chat.say("c'est où qu'on dépose pour le FEDER ?")
    assert answer.startswith("Pour candidater à FEDER-NUM") and "Dépôt des dossiers au fil de l'eau" in answer
    assert "Au revoir" in chat.say("ok merci au revoir")


def test_the_prefecture_agent(chat, database_url):
    answer = chat.say("Bonjour, je suis à la préfecture de la Gironde, on veut un centre de contact pour mieux "
                      "répondre aux usagers au téléphone, budget 450 000 €")
    assert nb("75 % de 450 000 €, soit jusqu'à 337 500 €") in answer  # ITN8A
    answer = chat.say("380 000 HT en fait, le 450 c'était avec la maintenance")
    assert nb("le budget passe de 450 000 € TTC à 456 000 € TTC") in answer
    assert nb("75 % de 456 000 €, soit jusqu'à 342 000 €") in answer
    assert slots(chat, database_url, "applicant_type", "budget", "project_nature") == {
        "applicant_type": "service_deconcentre", "budget": 456_000.0, "project_nature": "relation_usagers"}
    assert "Le conseiller recevra ce résumé" in chat.say("je voudrais un rendez-vous")
    booking = book_first_slot(chat, database_url, "Sophie Martin, préfecture de la Gironde",
                              "sophie.martin@gironde.gouv.fr")
    assert (booking.name, booking.organisation) == ("Sophie Martin", "préfecture de la Gironde")
    assert nb("456 000 € TTC") in booking.summary and nb("450 000") not in booking.summary


def test_the_association_president(chat, database_url):
    answer = chat.say("Bonjour, je suis président d'une association de quartier, on voudrait une plateforme pour "
                      "mettre en relation des bénévoles avec les services de la ville, budget 150 000 €")
    assert nb("60 % de 150 000 €, soit jusqu'à 90 000 €") in answer  # FEDER-NUM
    answer = chat.say("et si on s'associe avec 3 mairies ?")
    assert answer.startswith("C'est une hypothèse : votre profil n'est pas modifié.")
    assert slots(chat, database_url, "applicant_type")["applicant_type"] == "association"
    assert "je garde votre profil" in chat.say("/keep_profile")
    answer = chat.say("on peut payer le salaire de l'animateur ?")
    assert "la fiche ne dit rien sur les dépenses de personnel" in answer and NO_ANSWER in answer
    assert slots(chat, database_url, "open_questions", "applicant_type") == {
        "open_questions": ["on peut payer le salaire de l'animateur ?"], "applicant_type": "association"}
    assert "Le conseiller recevra ce résumé" in chat.say("oui")
    booking = book_first_slot(chat, database_url, "Karim Benali, association Quartiers Solidaires",
                              "karim@quartiers-solidaires.fr")
    # the hypothesis was not adopted: the advisor reads about an association, with the open question
    assert "association" in booking.summary and "une commune" not in booking.summary
    assert "on peut payer le salaire de l'animateur ? (sans réponse : pour le conseiller)" in booking.summary


def test_the_startup_founder(chat, database_url):
    answer = chat.say("Bonjour, je suis fondatrice d'une startup, on développe une application de signalement pour "
                      "les collectivités, budget 300k")
    assert nb("60 % de 300 000 €, soit jusqu'à 180 000 €") in answer  # FEDER-NUM, to confirm
    assert chat.say("la liste des lauréats ?").startswith(NO_ANSWER)
    # cumulation as FEDER-NUM's fiche states it: the total public aid, no other aid named
    assert "taux maximal d'aide publique" in chat.say("on peut cumuler les 2 ?")
    assert slots(chat, database_url, "open_questions", "applicant_type", "budget") == {
        "open_questions": ["la liste des lauréats ?"], "applicant_type": "entreprise",
        "budget": 300_000.0}
    answer = chat.say("une boîte privée peut candidater, oui ou non ?")
    assert answer.startswith("Oui, sous réserve.") and "FEDER-NUM" in answer and nb("180 000 €") in answer
    assert "À vérifier : votre entreprise doit être une PME" in answer and "À confirmer : À" not in answer
    assert "Au revoir" in chat.say("merci, au revoir")
