"""End-to-end conversations through the rest channel: NLU, dialogue, custom actions and the
eligibility engine together, at the reference date 2021-10-15 (devtools/stack.py)."""
from tests.french import nb


def test_happy_path_one_question_at_a_time(chat):
    assert "Dites-moi qui vous êtes" in chat.say("Bonjour")
    answer = chat.say("Nous sommes une commune de 350 000 habitants")
    assert "objet du projet" in answer
    assert "coût total" in chat.say("une plateforme de participation citoyenne")
    answer = chat.say("400 000 €")
    assert "1. TNT-COOP — Développer la coopération avec mes partenaires et usagers grâce au numérique" in answer
    assert nb("75 % de 400 000 €, soit jusqu'à 300 000 €") in answer
    assert "ouvert jusqu'au 22 novembre 2021" in answer
    assert any(b["payload"] == "/ask_appointment" for b in chat.buttons)


def test_everything_in_the_first_message(chat):
    answer = chat.say("Bonjour, je suis la DDT du Rhône et notre projet de 300 k€ vise à ouvrir nos données")
    # the Rhône named fills the population and the départements from the official data
    assert "Votre profil : un service déconcentré de l'État, territoire : Rhône (département 69)" in answer
    assert nb("1 département, projet de 300 000 € TTC") in answer
    assert "1. ITN5 — Cycle de vie de la donnée" in answer
    assert nb("75 % de 300 000 €, soit jusqu'à 225 000 €") in answer


def test_a_correction_changes_the_recommendation(chat):
    first = chat.say("Je suis une commune de 350 000 habitants, projet de participation citoyenne à 400 000 €")
    assert "1. TNT-COOP" in first
    second = chat.say("en fait nous sommes 250 000 habitants")
    assert nb("la population couverte passe de 350 000 habitants à 250 000 habitants") in second
    assert "1. TNT-COOP" not in second
    # only what changed, not the whole recommendation again
    assert nb("TNT-COOP ne convient plus : population couverte 250 000 < 300 000 habitants requis") in second
    assert "Votre profil :" not in second
    # the reason comes on demand, from the new population
    assert nb("Population couverte 250 000 < 300 000 habitants requis") in chat.say("pourquoi pas TNT-COOP ?")


def test_the_population_is_asked_only_when_it_matters(chat):
    answer = chat.say("Je suis une préfecture, projet de 300 000 € pour automatiser le traitement des dossiers")
    assert "habitants" not in answer and "population" not in answer
    assert nb("1. ITN8C — Améliorer l'efficience des services publics\nVous êtes éligible, sous conditions : faire "
              "appel à une ou plusieurs entreprises dont le siège est établi en France ; produire des premiers "
              "résultats tangibles et mesurables dans un délai de 12 mois maximum après le lancement du projet. "
              "Financement possible : 75 % de 300 000 €, soit jusqu'à 225 000 €.") in answer


def test_question_about_the_rate_of_a_call(chat):
    answer = chat.say("Quel est le taux de SNAP3 ?")
    assert answer.startswith(nb("SNAP3 — Terminaux numériques sécurisés : cofinancement 75 %"))
    assert nb("plafonné à 2 000 000 €") in answer


def test_question_about_dates_and_a_follow_up_on_the_same_call(chat):
    assert "ITN5 — Cycle de vie de la donnée : Guichet : ouverture annoncée le 18 janvier 2021" in \
        chat.say("jusqu'à quand peut-on candidater à ITN5 ?")
    assert chat.say("et qui peut candidater ?").startswith(
        "ITN5 — Cycle de vie de la donnée est ouvert aux directions métier d'administration")


def test_question_about_who_may_apply(chat):
    assert "les collectivités territoriales en sont exclues" in chat.say("qui peut candidater à ITN2 ?")


def test_question_about_how_to_apply(chat):
    assert "demarches-simplifiees.fr" in chat.say("comment candidater à l'appel coopération ?")


def test_question_about_commitments(chat):
    assert "12 mois" in chat.say("quels sont les engagements pour ITN8A ?")


def test_why_not(chat):
    chat.say("Nous sommes le conseil départemental de la Gironde, projet de 500 000 € de dématérialisation")
    answer = chat.say("pourquoi pas ITN2 ?")
    assert "Vous n'êtes pas éligible à ITN2" in answer
    assert "les collectivités territoriales en sont exclues" in answer


def test_nothing_fits(chat):
    answer = chat.say("Je suis une commune de 20 000 habitants, projet de participation citoyenne à 50 000 €")
    assert "Aucun appel ne correspond à la fois à votre profil et à votre projet" in answer
    assert nb("300 000 habitants") in answer


def test_a_private_person_is_told_kindly(chat):
    answer = chat.say("je suis un particulier et je voudrais une aide pour mon site internet")
    assert "aucun n'est ouvert aux particuliers" in answer


def test_out_of_scope(chat):
    assert "spécialisé dans les appels à projets France Relance" in chat.say("quel temps fait-il à Paris ?")


def test_restart_forgets_the_profile(chat):
    answer = chat.say("Je suis le ministère de l'Intérieur, projet de 3 M€ pour équiper les agents de terminaux sécurisés")
    assert nb("1. SNAP3 — Terminaux numériques sécurisés\nVous êtes éligible, sous conditions : seules les dépenses "
              "réalisées en 2021 et 2022 sont prises en compte") in answer
    assert nb("Financement possible : 75 % de 3 000 000 €, soit 2 250 000 €, plafonné à 2 000 000 € par projet.") \
        in answer
    assert "C'est reparti de zéro" in chat.say("recommencer")
    assert "Quelle structure porte le projet" in chat.say("quels appels pour mon projet ?")


def test_compare_two_calls(chat):
    answer = chat.say("quelle différence entre ITN8A et ITN8C ?")
    assert "ITN8A — Mettre en œuvre une stratégie de contact omnicanale" in answer
    assert "ITN8C —" in answer


def test_how_much_could_we_get(chat):
    chat.say("Je suis la DDT du Rhône, projet de 300 k€ pour ouvrir nos données")
    assert nb("ITN5 : 75 % de 300 000 €, soit jusqu'à 225 000 €") in chat.say("combien pourrions-nous obtenir ?")


def test_appointment_recaps_the_case(chat):
    chat.say("Nous sommes un opérateur de l'État, projet d'innovation de 60 000 €")
    answer = chat.say("je voudrais un rendez-vous avec la DINUM")
    assert nb("créneaux de 15 minutes") in answer
    assert nb("Profil : un opérateur de l'État, projet de 60 000 € TTC, expérimentation d'une technologie") in answer
    assert nb("• ITN6 (vous êtes éligible, 100 % de 60 000 €, soit 60 000 €, plafonné à 48 000 € par projet") in answer


def test_bad_budget_gets_a_french_reply_and_loses_nothing(chat):
    chat.say("Nous sommes une région")
    chat.say("ouvrir nos données")
    assert chat.say("-5 €").startswith("Le budget ne peut pas être négatif : pouvez-vous le préciser ?")
    answer = chat.say("1 M€")
    assert nb("Votre profil : une région, projet de 1 000 000 € TTC, données") in answer
    assert nb("1. FEDER-NUM — Services numériques aux citoyens et infrastructures de données (fonds européens)\n" \
        "Vous êtes éligible. Financement possible : 60 % de 1 000 000 €, soit jusqu'à 600 000 €.") in answer
    assert nb("2. TNT-DONNEES — Développer un meilleur usage des données pour nos territoires\n" \
        "Vous êtes éligible. Financement possible : 50 % de 1 000 000 €, soit jusqu'à 500 000 €.") in answer
    assert "1re session : clôturé le 28 mai 2021" in answer


def test_i_do_not_know_the_budget(chat):
    chat.say("Je suis la DREAL Occitanie")
    chat.say("un centre de contact pour les usagers")
    answer = chat.say("je ne sais pas")
    assert "les appels concernés seront « à confirmer »" in answer
    assert nb("1. ITN8A — Mettre en œuvre une stratégie de contact omnicanale\nÉligibilité à confirmer, sous conditions : " \
        "faire appel à une ou plusieurs entreprises dont le siège est établi en France ; produire des premiers " \
        "résultats tangibles et mesurables dans un délai de 12 mois maximum après le lancement du projet. " \
        "Cofinancement jusqu'à 75 % du coût du projet.\n• Budget non précisé : taille attendue plus de 150 000 € TTC.") \
        in answer


def test_an_unknown_call_code(chat):
    assert "Je ne connais pas d'appel « ITN7 »" in chat.say("c'est quoi ITN7 ?")


def test_what_the_bot_is(chat):
    assert "assistant automatique" in chat.say("tu es un robot ?")


def test_markup_and_nonsense_do_not_break_the_conversation(chat):
    out_of_scope = "Je ne peux pas vous aider sur ce point : je suis spécialisé dans les appels à projets France Relance"
    assert chat.say("<img src=x onerror=alert(1)>").startswith(out_of_scope)
    # nonsense: said off-topic, or not understood with what the bot can do; never a recommendation
    nonsense = chat.say("zzzz qwerty")
    assert nonsense.startswith(out_of_scope) or ("Pouvez-vous reformuler" in nonsense and "décrire votre projet" in nonsense)
    assert "Dites-moi qui vous êtes" in chat.say("bonjour")


def test_question_about_the_cap_of_a_call(chat):
    assert chat.say("quel est le plafond de ITN6 ?").startswith(
        nb("ITN6 — Innovation continue : la subvention est plafonnée à 48 000 € par projet"))


def test_question_about_the_expected_size(chat):
    answer = chat.say("quelle taille de projet pour ITN8C ?")
    # « Plus de 250 k€ TTC (plus de 150 k€ TTC pour administrations déconcentrées) »: strict, as written
    assert nb("plus de 250 000 € TTC (plus de 150 000 € pour les services déconcentrés de l'État)") in answer


def test_question_about_the_selection_criteria(chat):
    answer = chat.say("quels sont les critères de sélection de ITN5 ?")
    assert answer.startswith("Critères de sélection de ITN5 — Cycle de vie de la donnée")
    assert "Rapport coût / bénéfice du projet" in answer


def test_question_about_a_closed_session(chat):
    answer = chat.say("c'est quoi ITN3 ?")
    assert "clôturé le 2 juillet 2021" in answer and "nouvelle session" in answer


def test_yes_after_a_recommendation_starts_the_appointment(chat):
    first = chat.say("Nous sommes une direction d'administration centrale, projet de messagerie et "
                     "visioconférence pour les agents à 5 M€")
    assert nb("1. SNAP4 — Services de communication unifiée\nVous êtes éligible, sous conditions : ") in first
    # both caps of « 3 millions d'euros par dossier et au total à 8 millions par projet »
    assert nb("75 % de 5 000 000 €, soit 3 750 000 €, plafonné à 3 000 000 € par dossier ; 8 000 000 € au total "
              "par projet, sur des dossiers successifs (toutes phases confondues).") in first
    answer = chat.say("oui")
    assert nb("créneaux de 15 minutes") in answer
    assert nb("• SNAP4 (vous êtes éligible, 75 % de 5 000 000 €, soit 3 750 000 €, plafonné à 3 000 000 € par dossier") \
        in answer


def test_an_unclear_answer_in_the_form_keeps_the_question_open(chat):
    chat.say("nous sommes une région")
    assert "Je n'ai pas reconnu le thème du projet" in chat.say("hmm ok")
    assert "coût total prévu du projet" in chat.say("ouvrir nos données")
